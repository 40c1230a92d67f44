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
	// Events still arriving during shutdown are refused under mu, so every
	// Dispatch has begun (and counted itself in flight) before disp.Wait.
	var (
		mu      sync.Mutex
		closing bool
		active  sync.WaitGroup
	)
	remove := s.AddHandler(func(_ *discordgo.Session, ic *discordgo.InteractionCreate) {
		mu.Lock()
		if closing || ctx.Err() != nil {
			mu.Unlock()
			return
		}
		active.Add(1)
		mu.Unlock()
		defer active.Done()
		disp.Dispatch(sendCtx, ic.Interaction, rs)
	})
	// Pins removed outside the bot (pinsync.go): checked until shutdown.
	pins := newPinSync(disp.deps)
	checkPins := func(guildID, channelID string) {
		mu.Lock()
		if closing || ctx.Err() != nil {
			mu.Unlock()
			return
		}
		active.Add(1)
		mu.Unlock()
		defer active.Done()
		pins.pinsChanged(ctx, guildID, channelID)
	}
	// A deleted channel or thread takes its pins with it, and Discord
	// sends no CHANNEL_PINS_UPDATE for them: its delete (Guilds intent)
	// starts the check, which Discord answers with Unknown Channel.
	removePins := []func(){
		s.AddHandler(func(_ *discordgo.Session, e *discordgo.ChannelPinsUpdate) { checkPins(e.GuildID, e.ChannelID) }),
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
	stopPins := func() {
		for _, r := range removePins {
			r()
		}
	}
	if err := s.Open(); err != nil {
		remove()
		stopPins()
		return fmt.Errorf("gateway: open: %w", err)
	}
	disp.deps.logger().Info("gateway connected", "intents", s.Identify.Intents)
	<-ctx.Done()
	mu.Lock()
	closing = true
	mu.Unlock()
	remove()
	stopPins()
	active.Wait()
	disp.Wait(grace)
	if err := s.Close(); err != nil {
		return fmt.Errorf("gateway: close: %w", err)
	}
	return nil
}
