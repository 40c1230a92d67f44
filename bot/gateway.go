package bot

import (
	"context"
	"fmt"
	"sync"
	"time"

	"github.com/bwmarrin/discordgo"
)

// RunGateway serves interactions over the gateway websocket of s (made by
// NewSession) until ctx is cancelled — on SIGTERM/SIGINT in
// `licensebot serve`. discordgo reconnects on its own after network
// errors. On shutdown it stops taking interactions, lets those in flight
// finish (up to grace) and closes the session.
func RunGateway(ctx context.Context, s *discordgo.Session, disp *Dispatcher, grace time.Duration) error {
	rs := &restResponder{s: s}
	// Answers in flight at shutdown still go out.
	sendCtx := context.WithoutCancel(ctx)
	g := &eventGate{ctx: ctx}
	// Pins removed outside the bot (pinsync.go): checked until shutdown.
	pins := newPinSync(disp.deps)
	checkPins := func(guildID, channelID string) {
		g.run(func() { pins.pinsChanged(ctx, guildID, channelID) })
	}
	handlers := []func(){
		s.AddHandler(func(_ *discordgo.Session, ic *discordgo.InteractionCreate) {
			g.run(func() { disp.Dispatch(sendCtx, ic.Interaction, rs) })
		}),
		s.AddHandler(func(_ *discordgo.Session, e *discordgo.ChannelPinsUpdate) { checkPins(e.GuildID, e.ChannelID) }),
		// A deleted channel or thread takes its pins with it, and Discord
		// sends no CHANNEL_PINS_UPDATE for them: its delete (Guilds
		// intent) starts the check, which Discord answers with Unknown
		// Channel.
		s.AddHandler(func(_ *discordgo.Session, e *discordgo.ChannelDelete) {
			if e.Channel != nil {
				checkPins(e.GuildID, e.ID)
			}
		}),
		s.AddHandler(func(_ *discordgo.Session, e *discordgo.ThreadDelete) {
			if e.Channel != nil {
				checkPins(e.GuildID, e.ID)
			}
		}),
	}
	removeHandlers := func() {
		for _, remove := range handlers {
			remove()
		}
	}
	if err := s.Open(); err != nil {
		removeHandlers()
		return fmt.Errorf("gateway: open: %w", err)
	}
	disp.deps.logger().Info("gateway connected", "intents", s.Identify.Intents)
	<-ctx.Done()
	g.close()
	removeHandlers()
	g.active.Wait()
	disp.Wait(grace)
	if err := s.Close(); err != nil {
		return fmt.Errorf("gateway: close: %w", err)
	}
	return nil
}

// eventGate admits gateway events until shutdown. Events still arriving
// during shutdown are refused under mu, so every Dispatch has begun (and
// counted itself in flight) before the dispatcher's Wait, and every pins
// check is waited for.
type eventGate struct {
	ctx     context.Context
	mu      sync.Mutex
	closing bool
	active  sync.WaitGroup
}

// run runs f unless the gate is closing, counted in active.
func (g *eventGate) run(f func()) {
	g.mu.Lock()
	if g.closing || g.ctx.Err() != nil {
		g.mu.Unlock()
		return
	}
	g.active.Add(1)
	g.mu.Unlock()
	defer g.active.Done()
	f()
}

// close refuses the events that come after it.
func (g *eventGate) close() {
	g.mu.Lock()
	g.closing = true
	g.mu.Unlock()
}
