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
	// Edit delivers the answer to a deferred interaction, as how says.
	Edit(ctx context.Context, i *discordgo.Interaction, data *discordgo.InteractionResponseData, how Delivery) error
}

// Delivery is how an answer replaces its deferral.
type Delivery int

const (
	// EditOriginal edits the original response: the "thinking…"
	// placeholder, or after a deferred update the message whose button
	// was clicked.
	EditOriginal Delivery = iota
	// FollowUpReplacing sends the answer as a follow-up and deletes the
	// placeholder: a private answer to a public deferral, since a
	// response's visibility is fixed when it is first sent.
	FollowUpReplacing
	// FollowUp sends the answer as a follow-up and leaves the clicked
	// message as it is: a new message after a deferred update.
	FollowUp
)

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

	inflight inflight
	// pins is the pins store's health, checked by WatchPins and by the
	// ops server's /readyz and /metrics; nil without a store.
	pins *storeHealth
}

// inflight counts the interactions in flight. Unlike a sync.WaitGroup it
// may be waited on while new interactions still arrive (a shutdown
// waits while the other run mode's port, or the gateway, still
// dispatches): a wait ends the first time the count is zero.
type inflight struct {
	mu   sync.Mutex
	n    int
	idle chan struct{} // closed when n next falls to zero
}

func (f *inflight) add() {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.n == 0 {
		f.idle = make(chan struct{})
	}
	f.n++
}

func (f *inflight) done() {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.n--
	if f.n == 0 {
		close(f.idle)
	}
}

// zero returns a channel closed once nothing is in flight.
func (f *inflight) zero() <-chan struct{} {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.n == 0 {
		return closedChan
	}
	return f.idle
}

var closedChan = func() chan struct{} { c := make(chan struct{}); close(c); return c }()

// Wait blocks until nothing is in flight, or grace has passed; it reports
// whether nothing was. Dispatching may go on meanwhile.
func (disp *Dispatcher) Wait(grace time.Duration) bool {
	t := time.NewTimer(grace)
	defer t.Stop()
	select {
	case <-disp.inflight.zero():
		return true
	case <-t.C:
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
	if d.Pins != nil {
		disp.pins = &storeHealth{s: d.Pins, log: d.logger()}
	}
	return disp
}

// route is where an interaction goes.
type route struct {
	// name is what logs and metrics call it: the command, the command
	// plus ".autocomplete", "button.<prefix>", "ping" or "unknown".
	name string
	// run calls the handler; nil when there is none to call.
	run func(context.Context) (*discordgo.InteractionResponse, error)
	// private makes a deferred answer ephemeral.
	private bool
	// update says the answer replaces the clicked message (type 7), so a
	// deferral defers an update (type 6) instead of posting a
	// placeholder, which would take the answer in its place.
	update bool
}

// call is one interaction on its way through the dispatcher.
type call struct {
	i     *discordgo.Interaction
	rs    Responder
	start time.Time
	route route
}

// outcome is how an interaction ended: the one value finish logs and
// counts, whichever path answered it.
type outcome struct {
	kind     string // outcomeOK, outcomeUserError, …
	err      error  // the handler's error, if any
	sendErr  error  // delivering the answer failed
	deferred bool   // the answer was edited in after a deferral
}

// result is what a handler produced.
type result struct {
	resp *discordgo.InteractionResponse
	err  error
}

// response is what the user gets: the handler's response, or its error
// answered privately.
func (r result) response() *discordgo.InteractionResponse {
	if r.err != nil {
		return ephemeral(errorMessage(r.err))
	}
	return r.resp
}

func (r result) outcome(deferred bool) outcome {
	return outcome{kind: classify(r.err), err: r.err, deferred: deferred}
}

// pending is a handler still running when the dispatcher stopped waiting
// for it.
type pending struct {
	done   <-chan result
	cancel context.CancelFunc
}

// Dispatch answers i through rs. It returns once the initial response is
// sent; after a deferral the handler keeps running and its answer is edited
// in, so the HTTP runner can return inline within Discord's window.
func (disp *Dispatcher) Dispatch(ctx context.Context, i *discordgo.Interaction, rs Responder) {
	c := &call{i: i, rs: rs, start: time.Now()}
	disp.inflight.add()
	handedOff := false
	defer func() {
		if !handedOff {
			disp.inflight.done()
		}
	}()
	// Handlers are recovered in start; this guards the dispatcher itself,
	// since in gateway mode a panic here would end the process.
	defer func() {
		if p := recover(); p != nil {
			disp.deps.logger().Error("dispatch panic", "interaction", i.ID, "panic", fmt.Sprint(p), "stack", string(debug.Stack()))
		}
	}()
	c.route = disp.route(i)
	if resp, o, answered := disp.preflight(c); answered {
		disp.send(ctx, c, resp, o)
		return
	}
	res, p := disp.runWithDeadline(ctx, c)
	if p == nil {
		disp.send(ctx, c, res.response(), res.outcome(false))
		return
	}
	handedOff = disp.deferAndEdit(ctx, c, p)
}

// preflight answers what needs no handler: a ping, an interaction nothing
// routes to, and a user over their cooldown (autocomplete is exempt: it
// runs as people type). An autocomplete is always answered with choices:
// Discord refuses a message in answer to one.
func (disp *Dispatcher) preflight(c *call) (*discordgo.InteractionResponse, outcome, bool) {
	i := c.i
	autocomplete := i.Type == discordgo.InteractionApplicationCommandAutocomplete
	switch {
	case i.Type == discordgo.InteractionPing:
		return &discordgo.InteractionResponse{Type: discordgo.InteractionResponsePong}, outcome{kind: outcomeOK}, true
	case checkInteraction(i) != nil:
		// The HTTP runner refuses these with 400 before dispatch; the
		// gateway's reach here.
		o := outcome{kind: outcomeMalformed, err: checkInteraction(i)}
		if autocomplete {
			return autocompleteResponse(nil, ""), o, true
		}
		return ephemeral("I couldn't read that request, so I did nothing with it."), o, true
	case c.route.run == nil && autocomplete:
		// A command of an older version (still in a client's cache, or
		// registered in one guild), or one without autocomplete.
		return autocompleteResponse(nil, typedValue(i)), outcome{kind: outcomeUnknown}, true
	case c.route.run == nil:
		return ephemeral("I don't know that command or button. It may be from an older version of the bot."), outcome{kind: outcomeUnknown}, true
	case autocomplete:
		return nil, outcome{}, false
	}
	if ok, wait := disp.deps.Cooldown.Allow(userID(i), disp.deps.now()); !ok {
		msg := fmt.Sprintf("Easy there — you're asking faster than I answer. Try again in %d s.", int(wait.Seconds()+0.999))
		return ephemeral(msg), outcome{kind: outcomeCooldown}, true
	}
	return nil, outcome{}, false
}

// runWithDeadline starts the handler and waits for it until it is time to
// defer (deferAfter). It returns the handler's result when it came in
// time, else the handler still running.
func (disp *Dispatcher) runWithDeadline(ctx context.Context, c *call) (result, *pending) {
	// The handler outlives the request context in HTTP mode once deferred.
	hctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), disp.Timeout)
	done := disp.start(hctx, c)
	if wait := disp.deferAfter(c.i); wait > 0 {
		timer := time.NewTimer(wait)
		defer timer.Stop()
		select {
		case res := <-done:
			cancel()
			return res, nil
		case <-timer.C:
		}
	}
	return result{}, &pending{done: done, cancel: cancel}
}

// start runs the handler in its own goroutine, recovering a panic into an
// error, and delivers its one result.
func (disp *Dispatcher) start(ctx context.Context, c *call) <-chan result {
	done := make(chan result, 1)
	go func() {
		defer func() {
			if p := recover(); p != nil {
				disp.deps.logger().Error("handler panic", "interaction", c.i.ID, "command", c.route.name,
					"panic", fmt.Sprint(p), "stack", string(debug.Stack()))
				done <- result{err: fmt.Errorf("%w: %v", errPanic, p)}
			}
		}()
		resp, err := c.route.run(ctx)
		if err == nil && resp == nil {
			err = fmt.Errorf("%s: handler returned no response", c.route.name)
		}
		done <- result{resp: resp, err: err}
	}()
	return done
}

// deferAndEdit answers "thinking…" for a handler still running and edits
// its answer in when it comes, from a goroutine that then owns the
// interaction's in-flight count; it reports whether it handed off.
// Autocomplete cannot defer: it is answered at once instead.
func (disp *Dispatcher) deferAndEdit(ctx context.Context, c *call, p *pending) (handedOff bool) {
	if c.i.Type == discordgo.InteractionApplicationCommandAutocomplete {
		// An empty list (the typed value offered back) beats none.
		disp.send(ctx, c, autocompleteResponse(nil, typedValue(c.i)), outcome{kind: outcomeError, err: context.DeadlineExceeded})
		go func() { <-p.done; p.cancel() }()
		return false
	}
	deferred := &discordgo.InteractionResponse{Type: discordgo.InteractionResponseDeferredChannelMessageWithSource}
	switch {
	case c.route.update:
		deferred.Type = discordgo.InteractionResponseDeferredMessageUpdate
	case c.route.private:
		deferred.Data = &discordgo.InteractionResponseData{Flags: discordgo.MessageFlagsEphemeral}
	}
	if err := c.rs.Respond(ctx, c.i, deferred); err != nil {
		disp.deps.logger().Error("interaction defer failed", "interaction", c.i.ID, "command", c.route.name, "err", err)
	}
	go func() {
		defer disp.inflight.done()
		defer p.cancel()
		disp.edit(ctx, c, <-p.done)
	}()
	return true
}

// edit replaces a deferred response with the handler's answer.
func (disp *Dispatcher) edit(ctx context.Context, c *call, res result) {
	o := res.outcome(true)
	if resp := res.response(); resp.Data != nil {
		// The handler's context may be spent: it can use all of Timeout.
		ectx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 15*time.Second)
		o.sendErr = c.rs.Edit(ectx, c.i, resp.Data, c.route.delivery(resp))
		cancel()
	}
	disp.finish(c, o)
}

// delivery is how resp replaces the deferral of its route.
func (r route) delivery(resp *discordgo.InteractionResponse) Delivery {
	switch {
	case r.update && resp.Type != discordgo.InteractionResponseUpdateMessage:
		return FollowUp
	case !r.update && !r.private && resp.Data.Flags&discordgo.MessageFlagsEphemeral != 0:
		return FollowUpReplacing
	}
	return EditOriginal
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

// route picks the handler for i. It switches on the decoded data rather
// than calling discordgo's accessors, which panic on a mismatched payload.
func (disp *Dispatcher) route(i *discordgo.Interaction) route {
	d := disp.deps
	if i.Type == discordgo.InteractionPing {
		return route{name: "ping"}
	}
	switch data := i.Data.(type) {
	case discordgo.ApplicationCommandInteractionData:
		c, ok := disp.commands[data.Name]
		switch {
		case !ok:
			return route{name: "unknown"}
		case i.Type == discordgo.InteractionApplicationCommand:
			return route{name: c.Spec.Name, private: c.Ephemeral, run: func(ctx context.Context) (*discordgo.InteractionResponse, error) {
				return c.Handle(ctx, d, i)
			}}
		case i.Type == discordgo.InteractionApplicationCommandAutocomplete && c.Autocomplete != nil:
			return route{name: c.Spec.Name + ".autocomplete", run: func(ctx context.Context) (*discordgo.InteractionResponse, error) {
				focused := focusedOption(data.Options)
				if focused == nil {
					return autocompleteResponse(nil, ""), nil
				}
				return autocompleteResponse(c.Autocomplete(ctx, d, i, focused), typedValue(i)), nil
			}}
		}
	case discordgo.MessageComponentInteractionData:
		prefix := customIDPrefix(data.CustomID)
		h, ok := disp.components[prefix]
		if !ok {
			return route{name: "unknown", private: true}
		}
		return route{name: "button." + prefix, private: !answersInChannel[prefix], update: updatesMessage[prefix], run: func(ctx context.Context) (*discordgo.InteractionResponse, error) {
			return h(ctx, d, i, data.CustomID)
		}}
	}
	return route{name: "unknown"}
}

// send delivers the initial response and records the interaction.
func (disp *Dispatcher) send(ctx context.Context, c *call, resp *discordgo.InteractionResponse, o outcome) {
	o.sendErr = c.rs.Respond(ctx, c.i, resp)
	disp.finish(c, o)
}

// finish writes the one log line and the metrics of an interaction.
func (disp *Dispatcher) finish(c *call, o outcome) {
	elapsed := time.Since(c.start)
	kind := o.kind
	if o.sendErr != nil {
		kind = "send_error"
	}
	disp.deps.Metrics.observe(c.route.name, kind, elapsed)
	level := slog.LevelInfo
	attrs := []slog.Attr{
		slog.String("interaction", c.i.ID),
		slog.String("command", c.route.name),
		slog.Duration("latency", elapsed),
		slog.String("outcome", kind),
	}
	if o.deferred {
		attrs = append(attrs, slog.Bool("deferred", true))
	}
	if kind == outcomeCooldown {
		attrs = append(attrs, slog.String("reason", "rate-limited: over the per-user cooldown"), slog.String("user", userID(c.i)))
	}
	if o.err != nil && kind != outcomeUserError {
		level = slog.LevelError
		attrs = append(attrs, slog.String("err", o.err.Error()))
	}
	if o.sendErr != nil {
		level = slog.LevelError
		attrs = append(attrs, slog.String("send_err", o.sendErr.Error()))
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
