package bot

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"
	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/licensebot/licensebot/bot/bottest"
	"github.com/licensebot/licensebot/corpus/corpustest"
	"github.com/licensebot/licensebot/index"
)

var update = flag.Bool("update", false, "rewrite golden files in testdata/bot")

var _ Engine = (*bottest.FakeEngine)(nil)
var _ Engine = (*index.Engine)(nil)

func repoRoot(t testing.TB) string { return corpustest.RepoRoot(t) }

func sharedFile(t testing.TB, rel string) string { return corpustest.SharedFile(t, rel) }

var (
	schemaOnce        sync.Once
	callbackSchema    *jsonschema.Schema
	commandsSchema    *jsonschema.Schema
	webhookEditSchema *jsonschema.Schema
	schemaErr         error
)

// anyOfAsOneOf renames every anyOf to oneOf: Discord's description marks
// its unions as exclusive (x-discord-union: oneOf) but writes anyOf.
func anyOfAsOneOf(v any) any {
	switch x := v.(type) {
	case map[string]any:
		out := make(map[string]any, len(x))
		for k, e := range x {
			if k == "anyOf" {
				k = "oneOf"
			}
			out[k] = anyOfAsOneOf(e)
		}
		return out
	case []any:
		for n := range x {
			x[n] = anyOfAsOneOf(x[n])
		}
		return x
	}
	return v
}

func loadSchemas(t testing.TB) {
	t.Helper()
	path := sharedFile(t, "discord/openapi.json")
	schemaOnce.Do(func() {
		f, err := os.Open(path)
		if err != nil {
			schemaErr = err
			return
		}
		defer f.Close()
		doc, err := jsonschema.UnmarshalJSON(f)
		if err != nil {
			schemaErr = err
			return
		}
		doc = anyOfAsOneOf(doc)
		const base = "file:///discord/openapi.json"
		c := jsonschema.NewCompiler()
		c.DefaultDraft(jsonschema.Draft2020)
		if schemaErr = c.AddResource(base, doc); schemaErr != nil {
			return
		}
		paths := doc.(map[string]any)["paths"].(map[string]any)
		cb := paths["/interactions/{interaction_id}/{interaction_token}/callback"].(map[string]any)["post"].(map[string]any)
		if _, ok := cb["requestBody"]; !ok {
			schemaErr = io.ErrUnexpectedEOF
			return
		}
		callbackSchema, schemaErr = c.Compile(base + "#/paths/~1interactions~1%7Binteraction_id%7D~1%7Binteraction_token%7D~1callback/post/requestBody/content/application~1json/schema")
		if schemaErr != nil {
			return
		}
		commandsSchema, schemaErr = c.Compile(base + "#/paths/~1applications~1%7Bapplication_id%7D~1commands/put/requestBody/content/application~1json/schema")
		if schemaErr != nil {
			return
		}
		webhookEditSchema, schemaErr = c.Compile(base + "#/components/schemas/IncomingWebhookUpdateRequestPartial")
	})
	if schemaErr != nil {
		t.Fatalf("load Discord API description: %v", schemaErr)
	}
}

// validateWebhookEdit fails t unless body is a valid edit of an
// interaction's message (PATCH /webhooks/{application.id}/{token}/messages/@original).
func validateWebhookEdit(t testing.TB, body []byte) {
	t.Helper()
	loadSchemas(t)
	validateAgainst(t, webhookEditSchema, "edit", "Discord's schema", body)
}

// validateCallback fails t unless body is a valid interaction callback.
func validateCallback(t testing.TB, body []byte) {
	t.Helper()
	loadSchemas(t)
	validateAgainst(t, callbackSchema, "response", "Discord's callback schema", body)
}

// validateAgainst fails t unless body, what the bot sends as what, is JSON
// valid against schema (loaded by loadSchemas).
func validateAgainst(t testing.TB, schema *jsonschema.Schema, what, schemaName string, body []byte) {
	t.Helper()
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(body))
	if err != nil {
		t.Fatalf("%s is not JSON: %v\n%s", what, err, body)
	}
	if err := schema.Validate(inst); err != nil {
		t.Fatalf("%s does not match %s: %v\n%s", what, schemaName, err, body)
	}
}

// validateResponse encodes r as the runners do and validates it.
func validateResponse(t testing.TB, r *discordgo.InteractionResponse) []byte {
	t.Helper()
	body, err := EncodeResponse(r)
	if err != nil {
		t.Fatal(err)
	}
	validateCallback(t, body)
	checkLimits(t, r)
	return body
}

// checkLimits asserts Discord's length limits independently of the
// renderer's own guard.
func checkLimits(t testing.TB, r *discordgo.InteractionResponse) {
	t.Helper()
	if r.Data == nil {
		return
	}
	d := r.Data
	if n := textLen(d.Content); n > maxContent {
		t.Errorf("content %d > %d", n, maxContent)
	}
	total := 0
	for _, e := range d.Embeds {
		lim := func(what, s string, max int) {
			if n := textLen(s); n > max {
				t.Errorf("%s has %d characters > %d", what, n, max)
			}
		}
		lim("title", e.Title, maxTitle)
		lim("description", e.Description, maxDescription)
		if e.Footer != nil {
			lim("footer", e.Footer.Text, maxFooter)
		}
		if len(e.Fields) > maxFields {
			t.Errorf("%d fields", len(e.Fields))
		}
		for _, f := range e.Fields {
			lim("field name", f.Name, maxFieldName)
			lim("field value", f.Value, maxFieldValue)
		}
		total += embedLen(e)
		for _, s := range []string{e.Title, e.Description} {
			if strings.IndexFunc(s, func(r rune) bool { return r < 0x20 && r != '\n' }) >= 0 {
				t.Errorf("control character in %q", s)
			}
		}
	}
	if total > maxEmbedTotal {
		t.Errorf("embeds total %d > %d", total, maxEmbedTotal)
	}
	for _, row := range d.Components {
		ar, ok := row.(discordgo.ActionsRow)
		if !ok {
			continue
		}
		for _, c := range ar.Components {
			if b, ok := c.(discordgo.Button); ok {
				if len(b.CustomID) > maxCustomID {
					t.Errorf("custom_id %q longer than %d", b.CustomID, maxCustomID)
				}
				if textLen(b.Label) > maxButtonLabel {
					t.Errorf("button label %q too long", b.Label)
				}
			}
		}
	}
	for _, c := range d.Choices {
		if textLen(c.Name) > maxChoiceLen {
			t.Errorf("choice name %q too long", c.Name)
		}
		if s, ok := c.Value.(string); ok && textLen(s) > maxChoiceLen {
			t.Errorf("choice value %q too long", s)
		}
	}
	if len(d.Choices) > maxChoices {
		t.Errorf("%d choices", len(d.Choices))
	}
}

// golden compares got with testdata/bot/<name>, rewriting it with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	var pretty bytes.Buffer
	if err := json.Indent(&pretty, got, "", "  "); err != nil {
		t.Fatal(err)
	}
	pretty.WriteByte('\n')
	path := filepath.Join(repoRoot(t), "testdata", "bot", name)
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, pretty.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./bot -run %s -update to create it)", err, t.Name())
	}
	if !bytes.Equal(pretty.Bytes(), want) {
		t.Errorf("%s differs from golden file %s (-update rewrites it):\n%s", t.Name(), path, pretty.Bytes())
	}
}

// quietLog discards log output but lets tests read it when they want.
func quietLog() (*slog.Logger, *bottest.LogBuffer) {
	b := &bottest.LogBuffer{}
	return slog.New(slog.NewJSONHandler(b, nil)), b
}

// Sample data written for the tests: no third-party text, so it may sit in
// golden files.
var (
	sampleLicense = index.LicenseInfo{
		Key: "llama4", Title: "Llama 4 Community License Agreement",
		Aliases: []string{"llama-4", "Llama 4", "llama 4 community license"},
		Doc:     "llama4-license", URL: "https://www.llama.com/llama4/license/",
	}
	sampleLicenses = []index.LicenseInfo{
		sampleLicense,
		{Key: "llama3.3", Title: "Llama 3.3 Community License Agreement", Aliases: []string{"llama-3.3"}, Doc: "llama3.3-license"},
		{Key: "llama2", Title: "Llama 2 Community License Agreement", Aliases: []string{"llama-2"}, Doc: "llama2-license"},
		{Key: "gemma", Title: "Gemma Terms of Use", Doc: "gemma-terms"},
		{Key: "apache-2.0", Title: "Apache License 2.0", Aliases: []string{"apache2", "Apache-2.0"}, Doc: "apache-2.0"},
		{Key: "mit", Title: "MIT License", Doc: "mit"},
	}
	sampleTopics = []index.TopicInfo{
		{ID: "attribution", Label: "Attribution", Aliases: []string{"credit", "notice", "built with llama"}},
		{ID: "commercial-use", Label: "Commercial use", Aliases: []string{"commercial", "selling"}},
		{ID: "user-cap", Label: "Monthly active user cap", Aliases: []string{"700m", "mau"}},
		{ID: "naming", Label: "Naming derived models"},
	}
	sampleStats = index.Stats{CorpusVersion: "2026.11.1", IndexedAt: "2026-11-26T17:00:00Z", Documents: 31, Clauses: 900}
)

func sampleAnswer() *index.Answer {
	return &index.Answer{
		License: "llama4", Topic: "attribution",
		Verdict: index.Verdict{Status: index.StatusRequired, Summary: "Sample summary written for tests: ship the notice and credit the model."},
		Clauses: []index.Hit{
			{Doc: "llama4-license", Section: "1.b.i", Heading: "Redistribution and Use",
				Text:    "Sample clause one written for tests. Whoever shares the model must give credit and keep the notice. A second sentence follows here.",
				Matched: []string{"credit", "notice"}, URL: "https://www.llama.com/llama4/license/", DocTitle: "Llama 4 Community License Agreement"},
			{Doc: "llama4-license", Section: "1.b.iii", Text: "Sample clause two: keep the *notice* file text, with **markup** and _underscores_ as written.",
				Matched: []string{"notice"}, URL: "https://www.llama.com/llama4/license/", DocTitle: "Llama 4 Community License Agreement"},
			{Doc: "llama4-aup", Section: "2.b", Heading: "Sample policy item",
				Text: "A sample policy clause from an incorporated document.", URL: "https://www.llama.com/llama4/use-policy/", DocTitle: "Llama 4 Acceptable Use Policy"},
		},
		OpenSource:    &index.OpenSource{OSD: "fail", Failed: []int{5, 6}},
		LicenseTitle:  "Llama 4 Community License Agreement",
		TopicLabel:    "Attribution",
		Curated:       true,
		Grounded:      true,
		URL:           "https://www.llama.com/llama4/license/",
		CorpusVersion: "2026.11.1",
		IndexedAt:     "2026-11-26",
	}
}

// sampleEngine answers from the sample data.
func sampleEngine() *bottest.FakeEngine {
	return &bottest.FakeEngine{
		AskFunc: func(_ context.Context, license, topic string) (*index.Answer, error) {
			if norm(topic) == "attribution" || norm(topic) == "credit" {
				return sampleAnswer(), nil
			}
			return &index.Answer{License: license, Topic: topic, Verdict: index.Verdict{Status: index.StatusUnknown}, Clauses: []index.Hit{}}, nil
		},
		SearchFunc: func(_ context.Context, q, license string, limit int) (*index.SearchResult, error) {
			return &index.SearchResult{Hits: sampleAnswer().Clauses[:min(limit, 3)], License: license}, nil
		},
		ClauseFunc: func(_ context.Context, license, section string) (*index.Hit, error) {
			for _, h := range sampleAnswer().Clauses {
				if section == h.Section || section == h.Doc+"#"+h.Section {
					return &h, nil
				}
			}
			return nil, index.ErrNoSuchSection
		},
		LicensesFunc: func() []index.LicenseInfo { return sampleLicenses },
		ResolveLicenseFunc: func(in string) (index.LicenseInfo, error) {
			for _, l := range sampleLicenses {
				for _, a := range append([]string{l.Key, l.Title}, l.Aliases...) {
					if norm(a) == norm(in) {
						return l, nil
					}
				}
			}
			return index.LicenseInfo{}, &index.UnknownLicenseError{Input: in, Suggestions: []string{"llama4", "llama3.3"}}
		},
		TopicsFunc: func(license string) []index.TopicInfo { return sampleTopics },
		StatsFunc:  func() index.Stats { return sampleStats },
	}
}

// newTestDeps wires a dispatcher around eng with a silent log.
func newTestDeps(eng Engine) (*Deps, *bottest.LogBuffer) {
	log, buf := quietLog()
	return &Deps{Engine: eng, Log: log, Metrics: NewMetrics(eng), Now: func() time.Time { return time.Unix(1764176400, 0) }}, buf
}

// slash builds a chat-input interaction for name with string options.
func slash(name string, opts ...string) *discordgo.Interaction {
	var o []*discordgo.ApplicationCommandInteractionDataOption
	for n := 0; n+1 < len(opts); n += 2 {
		o = append(o, &discordgo.ApplicationCommandInteractionDataOption{Name: opts[n], Type: discordgo.ApplicationCommandOptionString, Value: opts[n+1]})
	}
	return &discordgo.Interaction{
		ID: "1", AppID: "2", Token: "tok", Type: discordgo.InteractionApplicationCommand,
		Member: &discordgo.Member{User: &discordgo.User{ID: "42"}},
		Data:   discordgo.ApplicationCommandInteractionData{ID: "3", Name: name, CommandType: discordgo.ChatApplicationCommand, Options: o},
	}
}

// recorder is a Responder that keeps what it was given.
type recorder struct {
	mu    sync.Mutex
	resp  []*discordgo.InteractionResponse
	edits []*discordgo.InteractionResponseData
	edit  chan struct{}
}

func newRecorder() *recorder { return &recorder{edit: make(chan struct{}, 8)} }

func (r *recorder) Respond(_ context.Context, _ *discordgo.Interaction, resp *discordgo.InteractionResponse) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.resp = append(r.resp, resp)
	return nil
}

func (r *recorder) Edit(_ context.Context, _ *discordgo.Interaction, d *discordgo.InteractionResponseData, _ Delivery) error {
	r.mu.Lock()
	r.edits = append(r.edits, d)
	r.mu.Unlock()
	r.edit <- struct{}{}
	return nil
}

func (r *recorder) only(t *testing.T) *discordgo.InteractionResponse {
	t.Helper()
	r.mu.Lock()
	defer r.mu.Unlock()
	if len(r.resp) != 1 {
		t.Fatalf("got %d responses, want 1", len(r.resp))
	}
	return r.resp[0]
}

func discardLogger() *slog.Logger { return slog.New(slog.NewJSONHandler(io.Discard, nil)) }

// validateResponseOf validates r and returns it, for chaining.
func validateResponseOf(t testing.TB, r *discordgo.InteractionResponse) *discordgo.InteractionResponse {
	t.Helper()
	validateResponse(t, r)
	return r
}
