package bot

import (
	"context"
	"strings"
	"testing"

	"github.com/bwmarrin/discordgo"

	"github.com/licensebot/licensebot/index/indextest"
)

// TestRealEngine runs the commands against an index built from the real
// corpus: every quoted clause must be verbatim from its document, every
// button must open, and every response must be valid for Discord.
func TestRealEngine(t *testing.T) {
	eng := indextest.Engine(t)
	d, _ := newTestDeps(eng)
	texts := map[string]string{}
	verbatim := func(doc, quote string) {
		t.Helper()
		if _, ok := texts[doc]; !ok {
			texts[doc] = strings.Join(strings.Fields(corpusText(t, doc)), " ")
		}
		shown := strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(unescape(quote)), ellipsis))
		if !strings.Contains(texts[doc], strings.Join(strings.Fields(shown), " ")) {
			t.Errorf("quote is not verbatim from %s:\n%s", doc, shown)
		}
	}
	press := func(customID string) *discordgo.InteractionResponse {
		t.Helper()
		i := &discordgo.Interaction{ID: "7", Type: discordgo.InteractionMessageComponent, Token: "t",
			Member: &discordgo.Member{User: &discordgo.User{ID: "42"}},
			Data:   discordgo.MessageComponentInteractionData{CustomID: customID, ComponentType: discordgo.ButtonComponent}}
		r := dispatchOne(t, d, i)
		if len(r.Data.Embeds) != 1 {
			t.Errorf("button %s: %q", customID, r.Data.Content)
		}
		return r
	}

	r := dispatchOne(t, d, slash("license", "license", "Llama 4", "topic", "attribution"))
	if len(r.Data.Embeds) != 1 {
		t.Fatalf("no answer: %q", r.Data.Content)
	}
	e := r.Data.Embeds[0]
	if !strings.Contains(e.Title, "Llama 4") || !strings.Contains(e.Title, "Attribution") {
		t.Errorf("title %q", e.Title)
	}
	if !strings.HasPrefix(e.Description, "**Required.**") {
		t.Errorf("verdict line %q", e.Description)
	}
	if !strings.Contains(e.Description, "**Open source?** No") {
		t.Errorf("no open-source line: %q", e.Description)
	}
	if !strings.HasPrefix(e.Footer.Text, "Not legal advice · corpus ") {
		t.Errorf("footer %q", e.Footer.Text)
	}
	if len(e.Fields) == 0 {
		t.Fatal("no clauses quoted")
	}
	a, err := eng.Ask(context.Background(), "llama4", "attribution")
	if err != nil {
		t.Fatal(err)
	}
	for n, f := range e.Fields {
		quote := strings.TrimPrefix(strings.SplitN(f.Value, "\n[Official text]", 2)[0], "> ")
		verbatim(a.Clauses[n].Doc, quote)
	}
	for _, c := range r.Data.Components[0].(discordgo.ActionsRow).Components {
		if b := c.(discordgo.Button); strings.HasPrefix(b.CustomID, ClausePrefix+":") {
			full := press(b.CustomID)
			_, doc, _, _ := parseClauseCustomID(b.CustomID)
			verbatim(doc, strings.SplitN(full.Data.Embeds[0].Description, "\n\n[Official text]", 2)[0])
		}
	}

	r = dispatchOne(t, d, slash("clause", "license", "llama4", "section", "1.b.i"))
	if len(r.Data.Embeds) != 1 || !strings.Contains(r.Data.Embeds[0].Title, "§1.b.i") {
		t.Errorf("/clause: %+v", r.Data)
	}

	r = dispatchOne(t, d, slash("search", "query", "monthly active users"))
	if len(r.Data.Embeds) != 1 || len(r.Data.Embeds[0].Fields) == 0 {
		t.Fatalf("/search: %+v", r.Data)
	}
	if len(r.Data.Components) > 0 {
		for _, c := range r.Data.Components[0].(discordgo.ActionsRow).Components {
			press(c.(discordgo.Button).CustomID)
		}
	}

	// A query that names its license, or a model, is searched there, and
	// says so; license "all" searches every text.
	for _, tc := range []struct{ query, license, scope, first string }{
		{"does gemma allow sexual chatbots", "", "in gemma and the policies it incorporates", "sexual chatbots"},
		{"can I use yolov8 in a closed source app", "", "in agpl-3.0 and the policies it incorporates", ""},
		{"restricting who can use llama 4 by user numbers", "", "in llama4, the policies it incorporates and what the corpus says about it", ""},
		{"does gemma allow sexual chatbots", "all", "in the whole corpus", ""},
	} {
		opts := []string{"query", tc.query}
		if tc.license != "" {
			opts = append(opts, "license", tc.license)
		}
		r = dispatchOne(t, d, slash("search", opts...))
		if len(r.Data.Embeds) != 1 || !strings.Contains(r.Data.Embeds[0].Description, tc.scope) ||
			len(r.Data.Embeds[0].Fields) == 0 || !strings.Contains(r.Data.Embeds[0].Fields[0].Value, tc.first) {
			t.Errorf("/search %q license %q: want %q: %+v", tc.query, tc.license, tc.scope, r.Data.Embeds)
		}
	}

	r = dispatchOne(t, d, slash("license", "license", "lama 4", "topic", "attribution"))
	if !strings.Contains(r.Data.Content, "Did you mean") || !strings.Contains(r.Data.Content, "llama4") {
		t.Errorf("did-you-mean: %q", r.Data.Content)
	}
	// A document that is no license is said to be what it is, with the
	// commands that reach it as Discord names them.
	for license, want := range map[string]string{
		"osd":        "`osd` is the Open Source Definition, not a license: `/opensource LICENSE` checks",
		"llama4-aup": "`llama4-aup` is the Llama 4 Acceptable Use Policy, not a license: it is part of llama4, whose answers quote it: `/license llama4 …`",
	} {
		r = dispatchOne(t, d, slash("license", "license", license, "topic", "military"))
		if r.Data.Flags&discordgo.MessageFlagsEphemeral == 0 || !strings.Contains(r.Data.Content, want) {
			t.Errorf("/license %s: %+v; want private, saying %q", license, r.Data, want)
		}
	}
	r = dispatchOne(t, d, slash("license", "license", "llama4", "topic", "zzqx vbnm"))
	if r.Data.Flags&discordgo.MessageFlagsEphemeral == 0 || !strings.Contains(r.Data.Content, "`attribution`") {
		t.Errorf("nonsense topic: %+v", r.Data)
	}
	hostile := strings.Repeat(`+topic:"x" -(a OR b)~2^3 /re.*/ **b** \x00\x1b[0m `, 120)
	dispatchOne(t, d, slash("license", "license", "llama4", "topic", hostile))
	dispatchOne(t, d, slash("search", "query", hostile, "license", "gemma"))

	choices := licenseChoices(eng.Licenses(), "llama")
	if len(choices) == 0 || len(choices) > maxChoices {
		t.Errorf("license autocomplete: %d choices", len(choices))
	}
	if got := licenseChoices(eng.Licenses(), "llama4"); len(got) == 0 || got[0].Value != "llama4" {
		t.Errorf("llama4 not first: %+v", got)
	}
	if got := topicChoices(eng.Topics("llama4"), "attrib"); len(got) == 0 || got[0].Value != "attribution" {
		t.Errorf("topic autocomplete: %+v", got)
	}
}

// The Full clause of the longest list in the corpus, the Llama 4 policy's
// 33 bans, shows every item: what the description has no room for
// continues in fields, within Discord's limits, each item verbatim.
func TestFullClauseShowsTheWholeLongestList(t *testing.T) {
	eng := indextest.Engine(t)
	h, err := eng.Clause(context.Background(), "llama4", "llama4-aup#p2")
	if err != nil || h.Doc != "llama4-aup" || len(h.Items) < 30 {
		t.Fatalf("the policy's list: %+v, %v", h, err)
	}
	r := validateResponseOf(t, RenderClause(h, eng.Stats(), true))
	e := r.Data.Embeds[0]
	if embedLen(e) > maxEmbedTotal || textLen(e.Description) > maxDescription {
		t.Fatalf("%d characters, description %d", embedLen(e), textLen(e.Description))
	}
	shown := e.Description
	for _, f := range e.Fields {
		if f.Name != continuedName || textLen(f.Value) > maxFieldValue {
			t.Errorf("field %q of %d characters", f.Name, textLen(f.Value))
		}
		shown += "\n" + f.Value
	}
	if len(e.Fields) == 0 || strings.Contains(shown, "in the official text") {
		t.Errorf("the list is cut: %d fields, %q", len(e.Fields), shown[max(0, len(shown)-200):])
	}
	text := strings.Join(strings.Fields(corpusText(t, "llama4-aup")), " ")
	for _, it := range h.Items {
		label := "`" + itemLabel(h.Section, it.Section) + "` "
		i := strings.Index(shown, label)
		if i < 0 {
			t.Errorf("item %s not shown", it.Section)
			continue
		}
		line, _, _ := strings.Cut(shown[i+len(label):], "\n")
		if !strings.Contains(text, strings.Join(strings.Fields(unescape(line)), " ")) {
			t.Errorf("item %s not verbatim: %q", it.Section, line)
		}
	}
}
