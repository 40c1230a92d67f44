package bot

import (
	"context"
	"fmt"
	"log/slog"
	"runtime/debug"
	"strings"
	"sync"
	"time"

	"github.com/bwmarrin/discordgo"
)

// Responder delivers what the dispatcher decided. The gateway runner sends
// both through the REST API; the HTTP runner writes the initial response
// inline and edits through the REST API.
type Responder interface {
	// Respond sends the one initial response to i.
	Respond(ctx context.Context, i *discordgo.Interaction, r *discordgo.InteractionResponse) error
	// Edit replaces the deferred response with data. publicDefer says the
	// deferral was public: a private data then goes out as an ephemeral
	// follow-up and the public placeholder is deleted, since a response's
	// visibility is fixed when it is first sent.
	Edit(ctx context.Context, i *discordgo.Interaction, data *discordgo.InteractionResponseData, publicDefer bool) error
}

// Dispatcher routes every interaction, in both run modes, to its command,
// autocomplete or component handler. It is the one place that sends,
// recovers panics, logs, counts and turns errors into ephemeral replies.
type Dispatcher struct {
	deps       *Deps
	commands   map[string]Command
	components map[string]ComponentHandler
	// DeferAfter is how long a handler may run before the dispatcher
	// answers "thinking…" and edits the answer in later. Discord drops
	// interactions not answered within 3 seconds.
	DeferAfter time.Duration
	// Timeout bounds a handler's work after a deferral; interaction
	// tokens are valid for 15 minutes.
	Timeout time.Duration

	inflight sync.WaitGroup
}

// Wait blocks until every interaction in flight is answered, or grace has
// passed; it reports whether all finished.
func (disp *Dispatcher) Wait(grace time.Duration) bool {
	done := make(chan struct{})
	go func() { disp.inflight.Wait(); close(done) }()
	select {
	case <-done:
		return true
	case <-time.After(grace):
		return false
	}
}

// NewDispatcher routes to Commands and Components.
func NewDispatcher(d *Deps) *Dispatcher {
	disp := &Dispatcher{
		deps:       d,
		commands:   make(map[string]Command, len(Commands)),
		components: make(map[string]ComponentHandler, len(Components)),
		DeferAfter: 2 * time.Second,
		Timeout:    time.Minute,
	}
	for _, c := range Commands {
		disp.commands[c.Spec.Name] = c
	}
	for p, h := range Components {
		disp.components[p] = h
	}
	return disp
}

// result is what a handler produced.
type result struct {
	resp *discordgo.InteractionResponse
	err  error
}

// Dispatch answers i through rs. It returns once the initial response is
// sent; after a deferral the handler keeps running and its answer is edited
// in, so the HTTP runner can return inline within Discord's window.
func (disp *Dispatcher) Dispatch(ctx context.Context, i *discordgo.Interaction, rs Responder) {
	start := time.Now()
	log := disp.deps.logger()
	disp.inflight.Add(1)
	handedOff := false
	defer func() {
		if !handedOff {
			disp.inflight.Done()
		}
	}()
	// Handlers are recovered below; this guards the dispatcher itself,
	// since in gateway mode a panic here would end the process.
	defer func() {
		if p := recover(); p != nil {
			log.Error("dispatch panic", "interaction", i.ID, "panic", fmt.Sprint(p), "stack", string(debug.Stack()))
		}
	}()
	name, run, private := disp.route(i)

	if i.Type == discordgo.InteractionPing {
		disp.send(ctx, i, rs, &discordgo.InteractionResponse{Type: discordgo.InteractionResponsePong}, name, outcomeOK, nil, start, false)
		return
	}
	if run == nil {
		disp.send(ctx, i, rs, ephemeral("I don't know that command or button. It may be from an older version of the bot."), name, outcomeUnknown, nil, start, false)
		return
	}
	if i.Type != discordgo.InteractionApplicationCommandAutocomplete {
		if ok, wait := disp.deps.Cooldown.Allow(userID(i), disp.deps.now()); !ok {
			msg := fmt.Sprintf("Easy there — you're asking faster than I answer. Try again in %d s.", int(wait.Seconds()+0.999))
			disp.send(ctx, i, rs, ephemeral(msg), name, outcomeCooldown, nil, start, false)
			return
		}
	}

	// The handler outlives the request context in HTTP mode once deferred.
	hctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), disp.Timeout)
	done := make(chan result, 1)
	go func() {
		defer func() {
			if p := recover(); p != nil {
				log.Error("handler panic", "interaction", i.ID, "command", name, "panic", fmt.Sprint(p), "stack", string(debug.Stack()))
				done <- result{err: fmt.Errorf("%w: %v", errPanic, p)}
			}
		}()
		resp, err := run(hctx)
		if err == nil && resp == nil {
			err = fmt.Errorf("%s: handler returned no response", name)
		}
		done <- result{resp: resp, err: err}
	}()

	if wait := disp.deferAfter(i); wait > 0 {
		timer := time.NewTimer(wait)
		defer timer.Stop()
		select {
		case res := <-done:
			cancel()
			resp := res.resp
			if res.err != nil {
				resp = ephemeral(errorMessage(res.err))
			}
			disp.send(ctx, i, rs, resp, name, classify(res.err), res.err, start, false)
			return
		case <-timer.C:
		}
	}
	{
		if i.Type == discordgo.InteractionApplicationCommandAutocomplete {
			// Autocomplete cannot defer; an empty list beats none.
			disp.send(ctx, i, rs, autocompleteResponse(nil, typedValue(i)), name, outcomeError, context.DeadlineExceeded, start, false)
			go func() { <-done; cancel() }()
			return
		}
		deferred := &discordgo.InteractionResponse{Type: discordgo.InteractionResponseDeferredChannelMessageWithSource}
		if private {
			deferred.Data = &discordgo.InteractionResponseData{Flags: discordgo.MessageFlagsEphemeral}
		}
		if err := rs.Respond(ctx, i, deferred); err != nil {
			log.Error("interaction defer failed", "interaction", i.ID, "command", name, "err", err)
		}
		handedOff = true
		go func() {
			defer disp.inflight.Done()
			defer cancel()
			res := <-done
			data := (*discordgo.InteractionResponseData)(nil)
			if res.err == nil {
				data = res.resp.Data
			} else {
				data = ephemeral(errorMessage(res.err)).Data
			}
			var sendErr error
			if data != nil {
				// hctx may be spent: the handler can use all of Timeout.
				ectx, ecancel := context.WithTimeout(context.WithoutCancel(ctx), 15*time.Second)
				sendErr = rs.Edit(ectx, i, data, !private)
				ecancel()
			}
			disp.finish(i, name, classify(res.err), res.err, sendErr, start, true)
		}()
	}
}

// deferAfter is how long i's handler may run before the dispatcher defers:
// 0 for commands marked DeferNow, whose work is always slow.
func (disp *Dispatcher) deferAfter(i *discordgo.Interaction) time.Duration {
	if data, ok := i.Data.(discordgo.ApplicationCommandInteractionData); ok && i.Type == discordgo.InteractionApplicationCommand {
		if c, ok := disp.commands[data.Name]; ok && c.DeferNow {
			return 0
		}
	}
	return disp.DeferAfter
}

// route picks the handler for i; private says whether a deferred answer
// should be ephemeral. It switches on the decoded data rather than calling
// discordgo's accessors, which panic on a mismatched payload.
func (disp *Dispatcher) route(i *discordgo.Interaction) (name string, run func(context.Context) (*discordgo.InteractionResponse, error), private bool) {
	d := disp.deps
	if i.Type == discordgo.InteractionPing {
		return "ping", nil, false
	}
	switch data := i.Data.(type) {
	case discordgo.ApplicationCommandInteractionData:
		c, ok := disp.commands[data.Name]
		switch {
		case !ok:
			return "unknown", nil, false
		case i.Type == discordgo.InteractionApplicationCommand:
			return c.Spec.Name, func(ctx context.Context) (*discordgo.InteractionResponse, error) {
				return c.Handle(ctx, d, i)
			}, c.Ephemeral
		case i.Type == discordgo.InteractionApplicationCommandAutocomplete && c.Autocomplete != nil:
			return c.Spec.Name + ".autocomplete", func(ctx context.Context) (*discordgo.InteractionResponse, error) {
				focused := focusedOption(data.Options)
				if focused == nil {
					return autocompleteResponse(nil, ""), nil
				}
				return autocompleteResponse(c.Autocomplete(ctx, d, i, focused), typedValue(i)), nil
			}, false
		}
	case discordgo.MessageComponentInteractionData:
		prefix := customIDPrefix(data.CustomID)
		h, ok := disp.components[prefix]
		if !ok {
			return "unknown", nil, true
		}
		return "button." + prefix, func(ctx context.Context) (*discordgo.InteractionResponse, error) {
			return h(ctx, d, i, data.CustomID)
		}, true
	}
	return "unknown", nil, false
}

// send delivers the initial response and records the interaction.
func (disp *Dispatcher) send(ctx context.Context, i *discordgo.Interaction, rs Responder, resp *discordgo.InteractionResponse, name, outcome string, herr error, start time.Time, deferred bool) {
	sendErr := rs.Respond(ctx, i, resp)
	disp.finish(i, name, outcome, herr, sendErr, start, deferred)
}

// finish writes the one log line and the metrics of an interaction.
func (disp *Dispatcher) finish(i *discordgo.Interaction, name, outcome string, herr, sendErr error, start time.Time, deferred bool) {
	elapsed := time.Since(start)
	if sendErr != nil {
		outcome = "send_error"
	}
	disp.deps.Metrics.observe(name, outcome, elapsed)
	level := slog.LevelInfo
	attrs := []slog.Attr{
		slog.String("interaction", i.ID),
		slog.String("command", name),
		slog.Duration("latency", elapsed),
		slog.String("outcome", outcome),
	}
	if deferred {
		attrs = append(attrs, slog.Bool("deferred", true))
	}
	if herr != nil && outcome != outcomeUserError {
		level = slog.LevelError
		attrs = append(attrs, slog.String("err", herr.Error()))
	}
	if sendErr != nil {
		level = slog.LevelError
		attrs = append(attrs, slog.String("send_err", sendErr.Error()))
	}
	disp.deps.logger().LogAttrs(context.Background(), level, "interaction", attrs...)
}

// focusedOption finds the option the user is typing in, descending into
// subcommands.
func focusedOption(opts []*discordgo.ApplicationCommandInteractionDataOption) *discordgo.ApplicationCommandInteractionDataOption {
	for _, o := range opts {
		if o.Focused {
			return o
		}
		if f := focusedOption(o.Options); f != nil {
			return f
		}
	}
	return nil
}

// typedValue is what the user has typed in the focused option.
func typedValue(i *discordgo.Interaction) string {
	data, ok := i.Data.(discordgo.ApplicationCommandInteractionData)
	if !ok {
		return ""
	}
	if f := focusedOption(data.Options); f != nil {
		if s, ok := f.Value.(string); ok {
			return s
		}
	}
	return ""
}

// autocompleteResponse caps choices at Discord's limits: 25 choices, names
// and values of at most 100 characters. With nothing to offer it offers
// what was typed: free text is a valid topic, an unknown license gets its
// did-you-mean on submit, and an empty list would leave the user with
// nothing to pick.
func autocompleteResponse(choices []*discordgo.ApplicationCommandOptionChoice, typed string) *discordgo.InteractionResponse {
	if len(choices) > maxChoices {
		choices = choices[:maxChoices]
	}
	out := make([]*discordgo.ApplicationCommandOptionChoice, 0, len(choices))
	for _, c := range choices {
		name := truncate(clean(c.Name), maxChoiceLen)
		if name == "" {
			continue
		}
		v := c.Value
		if s, ok := v.(string); ok {
			if textLen(s) > maxChoiceLen {
				continue // a cut value would name something else
			}
		}
		out = append(out, &discordgo.ApplicationCommandOptionChoice{Name: name, Value: v})
	}
	if typed = truncate(clean(typed), maxChoiceLen); len(out) == 0 && typed != "" && !strings.HasSuffix(typed, ellipsis) {
		out = append(out, &discordgo.ApplicationCommandOptionChoice{Name: typed, Value: typed})
	}
	return &discordgo.InteractionResponse{
		Type: discordgo.InteractionApplicationCommandAutocompleteResult,
		Data: &discordgo.InteractionResponseData{Choices: out},
	}
}
