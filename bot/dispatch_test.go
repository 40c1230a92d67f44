package bot

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"
	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/licensebot/licensebot/index"
)

func dispatchOne(t *testing.T, d *Deps, i *discordgo.Interaction) *discordgo.InteractionResponse {
	t.Helper()
	rec := newRecorder()
	NewDispatcher(d).Dispatch(context.Background(), i, rec)
	r := rec.only(t)
	validateResponse(t, r)
	return r
}

func TestLicenseCommandAnswers(t *testing.T) {
	d, logs := newTestDeps(sampleEngine())
	r := dispatchOne(t, d, slash("license", "license", "Llama 4", "topic", "credit"))
	if r.Type != discordgo.InteractionResponseChannelMessageWithSource || r.Data.Flags&discordgo.MessageFlagsEphemeral != 0 {
		t.Fatalf("want a public message, got %+v", r)
	}
	if got := r.Data.Embeds[0].Title; got != "Llama 4 Community License Agreement — Attribution" {
		t.Errorf("title %q", got)
	}
	for _, want := range []string{`"interaction":"1"`, `"command":"license"`, `"outcome":"ok"`, `"latency"`} {
		if !strings.Contains(logs.String(), want) {
			t.Errorf("log line lacks %s: %s", want, logs)
		}
	}
}

func TestUnknownLicenseSuggests(t *testing.T) {
	d, _ := newTestDeps(sampleEngine())
	r := dispatchOne(t, d, slash("license", "license", "lama4", "topic", "attribution"))
	if r.Data.Flags&discordgo.MessageFlagsEphemeral == 0 {
		t.Error("did-you-mean must be ephemeral")
	}
	if !strings.Contains(r.Data.Content, "Did you mean") || !strings.Contains(r.Data.Content, "`llama4`") || !strings.Contains(r.Data.Content, "`llama3.3`") {
		t.Errorf("content %q", r.Data.Content)
	}
}

func TestEmptyOrNonsenseTopicListsTopics(t *testing.T) {
	d, _ := newTestDeps(sampleEngine())
	for _, topic := range []string{"", "  ?!  ", "xqzzv wlorp"} {
		r := dispatchOne(t, d, slash("license", "license", "llama4", "topic", topic))
		if r.Data.Flags&discordgo.MessageFlagsEphemeral == 0 {
			t.Errorf("%q: topic list must be ephemeral", topic)
		}
		for _, id := range []string{"`attribution`", "`commercial-use`", "`user-cap`"} {
			if !strings.Contains(r.Data.Content, id) {
				t.Errorf("%q: topic %s not listed in %q", topic, id, r.Data.Content)
			}
		}
		if topic == "xqzzv wlorp" && !strings.Contains(r.Data.Content, "won't guess") {
			t.Errorf("no-answer reply must say so: %q", r.Data.Content)
		}
	}
}

func TestPanicIsRecovered(t *testing.T) {
	eng := sampleEngine()
	eng.AskFunc = func(context.Context, string, string) (*index.Answer, error) { panic("boom") }
	d, logs := newTestDeps(eng)
	r := dispatchOne(t, d, slash("license", "license", "llama4", "topic", "attribution"))
	if r.Data.Flags&discordgo.MessageFlagsEphemeral == 0 || !strings.Contains(r.Data.Content, "went wrong") {
		t.Errorf("panic answered with %+v", r.Data)
	}
	if strings.Contains(r.Data.Content, "boom") {
		t.Error("panic value leaked to the user")
	}
	if !strings.Contains(logs.String(), `"outcome":"panic"`) || !strings.Contains(logs.String(), "boom") {
		t.Errorf("panic not logged: %s", logs)
	}
	// The bot still answers afterwards.
	eng.AskFunc = sampleEngine().AskFunc
	if r := dispatchOne(t, d, slash("license", "license", "llama4", "topic", "attribution")); len(r.Data.Embeds) != 1 {
		t.Error("no answer after a panic")
	}
}

func TestInternalErrorNotLeaked(t *testing.T) {
	eng := sampleEngine()
	eng.AskFunc = func(context.Context, string, string) (*index.Answer, error) {
		return nil, errors.New("open /var/lib/secret/index: permission denied")
	}
	d, _ := newTestDeps(eng)
	r := dispatchOne(t, d, slash("license", "license", "llama4", "topic", "attribution"))
	if strings.Contains(r.Data.Content, "/var/lib") {
		t.Errorf("internal error shown to user: %q", r.Data.Content)
	}
}

func TestCooldown(t *testing.T) {
	d, _ := newTestDeps(sampleEngine())
	d.Cooldown = NewCooldown(10*time.Second, 2)
	disp := NewDispatcher(d)
	var last *discordgo.InteractionResponse
	for n := 0; n < 3; n++ {
		rec := newRecorder()
		disp.Dispatch(context.Background(), slash("license", "license", "llama4", "topic", "attribution"), rec)
		last = rec.only(t)
		validateResponse(t, last)
		if n < 2 && len(last.Data.Embeds) != 1 {
			t.Fatalf("request %d limited too early", n)
		}
	}
	if last.Data.Flags&discordgo.MessageFlagsEphemeral == 0 || !strings.Contains(last.Data.Content, "Try again in 10 s") {
		t.Errorf("third request: %+v", last.Data)
	}
	// Another user is not affected.
	i := slash("license", "license", "llama4", "topic", "attribution")
	i.Member.User.ID = "43"
	if r := dispatchOne(t, d, i); len(r.Data.Embeds) != 1 {
		t.Error("cooldown leaked to another user")
	}
}

func TestCooldownForgetsRefilledBuckets(t *testing.T) {
	c := NewCooldown(time.Second, 2)
	t0 := time.Unix(0, 0)
	for n := 0; n < 1000; n++ {
		c.Allow(string(rune('a'+n%26))+strings.Repeat("x", n), t0)
	}
	c.Allow("late", t0.Add(3*time.Second))
	if n := c.Len(); n != 1 {
		t.Errorf("%d buckets kept, want 1", n)
	}
}

func TestSlowHandlerIsDeferred(t *testing.T) {
	eng := sampleEngine()
	release := make(chan struct{})
	eng.AskFunc = func(ctx context.Context, l, tp string) (*index.Answer, error) {
		<-release
		return sampleAnswer(), nil
	}
	d, _ := newTestDeps(eng)
	disp := NewDispatcher(d)
	disp.DeferAfter = 10 * time.Millisecond
	rec := newRecorder()
	disp.Dispatch(context.Background(), slash("license", "license", "llama4", "topic", "attribution"), rec)
	r := rec.only(t)
	validateResponse(t, r)
	if r.Type != discordgo.InteractionResponseDeferredChannelMessageWithSource {
		t.Fatalf("want a deferred response, got type %d", r.Type)
	}
	close(release)
	select {
	case <-rec.edit:
	case <-time.After(5 * time.Second):
		t.Fatal("deferred answer never edited in")
	}
	if len(rec.edits[0].Embeds) != 1 {
		t.Errorf("edit: %+v", rec.edits[0])
	}
	if !disp.Wait(time.Second) {
		t.Error("dispatcher still busy after the edit")
	}
}

// A shutdown waits on the dispatcher while the other run mode's port (or
// the gateway) still dispatches: waiting then is safe — a sync.WaitGroup
// panicked when reused before its Wait returned — and a wait ends once
// nothing is in flight, or reports that something still was.
func TestWaitWhileDispatching(t *testing.T) {
	d, _ := newTestDeps(sampleEngine())
	disp := NewDispatcher(d)
	ping := &discordgo.Interaction{ID: "1", Type: discordgo.InteractionPing}
	stop := make(chan struct{})
	var senders sync.WaitGroup
	for range 4 {
		senders.Add(1)
		go func() {
			defer senders.Done()
			for {
				select {
				case <-stop:
					return
				default:
					disp.Dispatch(context.Background(), ping, newRecorder())
				}
			}
		}()
	}
	for deadline := time.Now().Add(time.Second); time.Now().Before(deadline); {
		disp.Wait(0)
	}
	close(stop)
	senders.Wait()
	if !disp.Wait(time.Second) {
		t.Error("nothing in flight, yet Wait reports something is")
	}

	eng := sampleEngine()
	release := make(chan struct{})
	eng.AskFunc = func(ctx context.Context, l, tp string) (*index.Answer, error) {
		<-release
		return sampleAnswer(), nil
	}
	d, _ = newTestDeps(eng)
	disp = NewDispatcher(d)
	disp.DeferAfter = time.Millisecond
	rec := newRecorder()
	disp.Dispatch(context.Background(), slash("license", "license", "llama4", "topic", "attribution"), rec)
	if disp.Wait(20 * time.Millisecond) {
		t.Error("Wait reports nothing in flight while a deferred answer is still being worked out")
	}
	close(release)
	if !disp.Wait(5 * time.Second) {
		t.Error("Wait did not end once the deferred answer was edited in")
	}
}

func TestFullClauseButton(t *testing.T) {
	d, _ := newTestDeps(sampleEngine())
	i := &discordgo.Interaction{ID: "9", Type: discordgo.InteractionMessageComponent, Token: "t",
		Member: &discordgo.Member{User: &discordgo.User{ID: "42"}},
		Data:   discordgo.MessageComponentInteractionData{CustomID: "clause:llama4:llama4-license#1.b.i", ComponentType: discordgo.ButtonComponent}}
	r := dispatchOne(t, d, i)
	if r.Data.Flags&discordgo.MessageFlagsEphemeral == 0 {
		t.Error("full clause must be ephemeral")
	}
	if !strings.Contains(r.Data.Embeds[0].Description, "Sample clause one") {
		t.Errorf("clause text missing: %+v", r.Data.Embeds[0])
	}
	i.Data = discordgo.MessageComponentInteractionData{CustomID: "clause:garbage", ComponentType: discordgo.ButtonComponent}
	if r := dispatchOne(t, d, i); !strings.Contains(r.Data.Content, "older version") {
		t.Errorf("bad custom id: %q", r.Data.Content)
	}
	i.Data = discordgo.MessageComponentInteractionData{CustomID: "nope:1", ComponentType: discordgo.ButtonComponent}
	if r := dispatchOne(t, d, i); r.Data.Flags&discordgo.MessageFlagsEphemeral == 0 {
		t.Error("unknown button must answer ephemerally")
	}
}

func TestClauseAndSearchCommands(t *testing.T) {
	d, _ := newTestDeps(sampleEngine())
	r := dispatchOne(t, d, slash("clause", "license", "llama4", "section", "1.b.iii"))
	if !strings.HasPrefix(r.Data.Embeds[0].Title, "Llama 4 Community License Agreement §1.b.iii") {
		t.Errorf("clause title %q", r.Data.Embeds[0].Title)
	}
	r = dispatchOne(t, d, slash("clause", "license", "llama4", "section", "9.z"))
	if !strings.Contains(r.Data.Content, "does not exist") {
		t.Errorf("missing section: %q", r.Data.Content)
	}
	r = dispatchOne(t, d, slash("search", "query", "credit"))
	if len(r.Data.Embeds[0].Fields) != 3 {
		t.Errorf("search fields: %+v", r.Data.Embeds[0].Fields)
	}
	r = dispatchOne(t, d, slash("search", "query", "!!"))
	if r.Data.Flags&discordgo.MessageFlagsEphemeral == 0 {
		t.Error("empty query must be answered privately")
	}
}

func TestAutocomplete(t *testing.T) {
	many := append([]index.LicenseInfo{}, sampleLicenses...)
	for n := 0; n < 40; n++ {
		many = append(many, index.LicenseInfo{Key: "llama-x" + strings.Repeat("y", n), Title: strings.Repeat("Very long llama title ", 10)})
	}
	many = append(many, index.LicenseInfo{Key: strings.Repeat("k", 101), Title: "too long a key"})
	eng := sampleEngine()
	eng.LicensesFunc = func() []index.LicenseInfo { return many }
	d, _ := newTestDeps(eng)

	ac := func(cmd, focus, typed string, other ...string) []*discordgo.ApplicationCommandOptionChoice {
		i := slash(cmd, other...)
		i.Type = discordgo.InteractionApplicationCommandAutocomplete
		data := i.Data.(discordgo.ApplicationCommandInteractionData)
		data.Options = append(data.Options, &discordgo.ApplicationCommandInteractionDataOption{Name: focus, Type: discordgo.ApplicationCommandOptionString, Value: typed, Focused: true})
		i.Data = data
		r := dispatchOne(t, d, i)
		if r.Type != discordgo.InteractionApplicationCommandAutocompleteResult {
			t.Fatalf("type %d", r.Type)
		}
		return r.Data.Choices
	}
	got := ac("license", "license", "llama")
	if len(got) != 25 {
		t.Errorf("%d choices, want 25", len(got))
	}
	if got := ac("license", "license", "llama 4"); len(got) == 0 || got[0].Value != "llama4" {
		t.Errorf("exact alias not first: %+v", got)
	}
	if got := ac("license", "license", "l33"); len(got) == 0 || got[0].Value != "llama3.3" {
		t.Errorf("fuzzy l33: %+v", got)
	}
	if got := ac("clause", "license", "apach"); len(got) == 0 || got[0].Value != "apache-2.0" {
		t.Errorf("prefix apach: %+v", got)
	}
	topics := ac("license", "topic", "", "license", "llama-4")
	if len(topics) != len(sampleTopics) {
		t.Errorf("all topics of the license expected, got %+v", topics)
	}
	if got := ac("license", "topic", "mau", "license", "llama4"); len(got) == 0 || got[0].Value != "user-cap" {
		t.Errorf("topic alias: %+v", got)
	}
	if got := ac("license", "topic", "my own words", "license", "no-such-thing-at-all"); len(got) != 1 || got[0].Value != "my own words" {
		t.Errorf("free text not offered back: %+v", got)
	}
}

func TestCommandSpecsValidate(t *testing.T) {
	loadSchemas(t)
	body, err := EncodeCommands(Specs(Commands))
	if err != nil {
		t.Fatal(err)
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	if err := commandsSchema.Validate(inst); err != nil {
		t.Fatalf("command specs rejected by Discord's schema: %v\n%s", err, body)
	}
	seen := map[string]bool{}
	for _, c := range Commands {
		if seen[c.Spec.Name] {
			t.Errorf("command %q twice", c.Spec.Name)
		}
		seen[c.Spec.Name] = true
	}
}

func TestEngineErrorsAnsweredPlainly(t *testing.T) {
	for err, want := range map[error]string{
		index.ErrNoIndex:                            "index build",
		index.ErrStaleIndex:                         "index build",
		index.ErrEmptyTopic:                         "Which topic?",
		fmt.Errorf("x: %w", index.ErrNoSuchSection): "does not exist",
	} {
		eng := sampleEngine()
		eng.AskFunc = func(context.Context, string, string) (*index.Answer, error) { return nil, err }
		d, _ := newTestDeps(eng)
		r := dispatchOne(t, d, slash("license", "license", "llama4", "topic", "attribution"))
		if !strings.Contains(r.Data.Content, want) || r.Data.Flags&discordgo.MessageFlagsEphemeral == 0 {
			t.Errorf("%v answered %q", err, r.Data.Content)
		}
	}
}

func TestOddInteractionsAnswered(t *testing.T) {
	d, _ := newTestDeps(sampleEngine())
	for _, i := range []*discordgo.Interaction{
		{ID: "1", Type: discordgo.InteractionApplicationCommand},                                                     // no data at all
		{ID: "2", Type: discordgo.InteractionModalSubmit, Data: discordgo.ModalSubmitInteractionData{CustomID: "x"}}, // we send no modals
		{ID: "3", Type: 99},
		{ID: "4", Type: discordgo.InteractionMessageComponent, Data: discordgo.ApplicationCommandInteractionData{Name: "license"}}, // mismatched
	} {
		r := dispatchOne(t, d, i)
		if r.Data == nil || r.Data.Flags&discordgo.MessageFlagsEphemeral == 0 {
			t.Errorf("interaction %s: %+v", i.ID, r)
		}
	}
}

// An autocomplete whose focused option is not a string (a malformed or
// hostile payload) still gets an autocomplete response, not a panic.
func TestAutocompleteWithNonStringValue(t *testing.T) {
	d, logs := newTestDeps(sampleEngine())
	i := slash("license", "license", "llama4")
	i.Type = discordgo.InteractionApplicationCommandAutocomplete
	data := i.Data.(discordgo.ApplicationCommandInteractionData)
	data.Options = append(data.Options, &discordgo.ApplicationCommandInteractionDataOption{
		Name: "topic", Type: discordgo.ApplicationCommandOptionInteger, Value: float64(5), Focused: true})
	i.Data = data
	r := dispatchOne(t, d, i)
	if r.Type != discordgo.InteractionApplicationCommandAutocompleteResult {
		t.Fatalf("want an autocomplete result, got type %d", r.Type)
	}
	if strings.Contains(logs.String(), "panic") {
		t.Errorf("handler panicked: %s", logs)
	}
}

// An autocomplete interaction is answered with choices (type 8), whatever
// it names: Discord refuses a message in answer to one, and the user is
// left with "Loading options failed". A command from an older version of
// the bot (still in a client's cache, or registered in one guild) and a
// command without autocomplete both get the typed value offered back.
func TestAutocompleteOfUnknownCommandAnsweredWithChoices(t *testing.T) {
	d, _ := newTestDeps(sampleEngine())
	for _, name := range []string{"ask", pinnedCommand.Spec.Name} {
		i := slash(name)
		i.Type = discordgo.InteractionApplicationCommandAutocomplete
		data := i.Data.(discordgo.ApplicationCommandInteractionData)
		data.Options = []*discordgo.ApplicationCommandInteractionDataOption{
			{Name: "license", Type: discordgo.ApplicationCommandOptionString, Value: "llam", Focused: true}}
		i.Data = data
		r := dispatchOne(t, d, i)
		if r.Type != discordgo.InteractionApplicationCommandAutocompleteResult {
			t.Errorf("/%s: autocomplete answered with type %d, want %d", name, r.Type, discordgo.InteractionApplicationCommandAutocompleteResult)
			continue
		}
		if len(r.Data.Choices) != 1 || r.Data.Choices[0].Value != "llam" {
			t.Errorf("/%s: choices %+v, want the typed value", name, r.Data.Choices)
		}
	}
	// One the gateway delivers malformed (a null option) gets none.
	i := slash("license")
	i.Type = discordgo.InteractionApplicationCommandAutocomplete
	data := i.Data.(discordgo.ApplicationCommandInteractionData)
	data.Options = []*discordgo.ApplicationCommandInteractionDataOption{nil}
	i.Data = data
	rec := newRecorder()
	NewDispatcher(d).Dispatch(context.Background(), i, rec)
	if r := rec.only(t); r.Type != discordgo.InteractionApplicationCommandAutocompleteResult || r.Data == nil || len(r.Data.Choices) != 0 {
		t.Errorf("malformed autocomplete answered with %+v", r)
	}
}
