package bot

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/licensebot/licensebot/corpus"
	"github.com/licensebot/licensebot/index"
)

func TestRenderAnswerGolden(t *testing.T) {
	body := validateResponse(t, RenderAnswer(sampleAnswer(), nil))
	golden(t, "answer.json", body)
}

func TestRenderAnswerUncuratedGolden(t *testing.T) {
	a := sampleAnswer()
	a.Curated = false
	a.Verdict = index.Verdict{Status: index.StatusUnknown}
	a.OpenSource = nil
	a.Pinned = &index.Pinned{URL: "https://discord.com/channels/1/2/3"}
	body := validateResponse(t, RenderAnswer(a, nil))
	golden(t, "answer_uncurated.json", body)
	if !strings.Contains(string(body), "won't guess") {
		t.Error("an answer without a verdict card must say it has none")
	}
}

func TestRenderSearchAndClauseGolden(t *testing.T) {
	hits := sampleAnswer().Clauses
	golden(t, "search.json", validateResponse(t, RenderSearch("credit notice", searchScope(&index.SearchResult{}), hits, sampleStats, []string{"llama4", "llama4", "llama4"})))
	golden(t, "clause.json", validateResponse(t, RenderClause(&hits[0], sampleStats, true)))
}

// A search's description says where it looked: every text, a license, or
// the family the query named, with what the corpus says about it.
func TestSearchScope(t *testing.T) {
	for _, tc := range []struct {
		res  index.SearchResult
		want string
	}{
		{index.SearchResult{}, "the whole corpus"},
		{index.SearchResult{License: "gemma"}, "gemma and the policies it incorporates"},
		{index.SearchResult{License: "llama4", Also: []string{"critique"}}, "llama4, the policies it incorporates and what the corpus says about it"},
		{index.SearchResult{Family: "llama", Members: []string{"llama2", "llama4"}, Also: []string{"critique"}}, "the llama licenses (llama2, llama4), with any policy they incorporate and what the corpus says about them"},
		{index.SearchResult{Family: "openrail", Members: []string{"a", "b"}}, "the openrail licenses (a, b), with any policy they incorporate"},
		// A document given as the license to search (review of ca505a2).
		{index.SearchResult{Document: &index.NamedDocument{ID: "osd", Title: "The Open Source Definition", Kind: "definition"}}, "the whole corpus, favouring the Open Source Definition"},
		{index.SearchResult{License: "llama4", Document: &index.NamedDocument{ID: "llama4-aup", Kind: "policy", License: "llama4"}}, "llama4 and the policies it incorporates"},
	} {
		if got := searchScope(&tc.res); got != tc.want {
			t.Errorf("searchScope(%+v) = %q, want %q", tc.res, got, tc.want)
		}
	}
}

// An item of a list is quoted under the end of the list's lead-in, in
// italics above its quote block; without room for both, the quote alone.
func TestListItemUnderItsLeadIn(t *testing.T) {
	a := sampleAnswer()
	a.Clauses[2].Lead = "Engage in, promote, incite, facilitate, or assist in the planning or development of activities that present a risk of death or bodily harm to individuals, including use of Llama 4 related to the following:"
	r := validateResponse(t, RenderAnswer(a, nil))
	want := `"value":"*…in the planning or development of activities that present a risk of death or bodily harm to individuals, including use of Llama 4 related to the following:*\n> A sample policy clause`
	if !strings.Contains(string(r), want) {
		t.Errorf("the item's field does not open with its lead-in:\n%s", r)
	}
	h := a.Clauses[2]
	if v := quoteBlock(h, 100); strings.Contains(v, "related to the following") || !strings.HasPrefix(v, "> ") {
		t.Errorf("a field too small for both shows the lead-in: %q", v)
	}
	// The lead-in comes on top of the item's own quote, not out of it,
	// where the field has room (a search's quotes are shorter than one).
	long := strings.Repeat("A long sample item that goes on and on. ", 40)
	quoted := func(lead string) string {
		hits := sampleAnswer().Clauses
		hits[2].Text, hits[2].Lead = long, lead
		v := RenderSearch("q", "the whole corpus", hits, sampleStats, []string{"", "", ""}).Data.Embeds[0].Fields[2].Value
		if lead != "" {
			_, v, _ = strings.Cut(v, "\n")
		}
		return v
	}
	if with, without := quoted(a.Clauses[2].Lead), quoted(""); with != without {
		t.Errorf("the item's quote is cut shorter under a lead-in:\n%q\nagainst\n%q", with, without)
	}
}

func TestRenderAnswerContents(t *testing.T) {
	r := RenderAnswer(sampleAnswer(), nil)
	e := r.Data.Embeds[0]
	if e.Title != "Llama 4 Community License Agreement — Attribution" {
		t.Errorf("title %q", e.Title)
	}
	if !strings.HasPrefix(e.Description, "**Required.** Sample summary") {
		t.Errorf("verdict line: %q", e.Description)
	}
	if !strings.Contains(e.Description, "OSD 5 (No Discrimination Against Persons or Groups) and OSD 6") {
		t.Errorf("open source line missing failed criteria: %q", e.Description)
	}
	if e.Footer.Text != "Not legal advice · corpus 2026.11.1 · indexed 2026-11-26" {
		t.Errorf("footer %q", e.Footer.Text)
	}
	if len(e.Fields) != 3 || !strings.HasPrefix(e.Fields[0].Name, "§1.b.i") ||
		!strings.HasPrefix(e.Fields[2].Name, "Llama 4 Acceptable Use Policy §2.b") {
		t.Errorf("fields: %+v", e.Fields)
	}
	if !strings.Contains(e.Fields[0].Value, "**credit**") || !strings.Contains(e.Fields[0].Value, "**notice**") {
		t.Errorf("matched words not bold: %q", e.Fields[0].Value)
	}
	// Markup in the clause is shown as written, never interpreted.
	if !strings.Contains(e.Fields[1].Value, `\***notice**\*`) || !strings.Contains(e.Fields[1].Value, `\*\*markup\*\*`) {
		t.Errorf("clause markup not escaped: %q", e.Fields[1].Value)
	}
	if e.URL != "https://www.llama.com/llama4/license/" {
		t.Errorf("no link to the official text: %q", e.URL)
	}
}

// corpusText reads a third-party text from the shared mirror.
func corpusText(t testing.TB, id string) string {
	t.Helper()
	b, err := os.ReadFile(sharedFile(t, filepath.Join("corpus", "texts", id+".txt")))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// longestClauses are the n longest clauses the corpus segmenter cuts from
// a text: what the index would quote.
func longestClauses(t testing.TB, id, text string, n int) []string {
	t.Helper()
	cs, err := corpus.Segment(id, []byte(text))
	if err != nil {
		t.Fatalf("segment %s: %v", id, err)
	}
	var out []string
	for _, c := range cs {
		out = append(out, c.Text)
	}
	sort.Slice(out, func(a, b int) bool { return len(out[a]) > len(out[b]) })
	return out[:min(n, len(out))]
}

// unescape undoes escapeMarkdown and drops bold markers, giving back the
// text a reader sees.
func unescape(s string) string {
	s = strings.ReplaceAll(s, "**", "\x00")
	var b strings.Builder
	esc := false
	for _, r := range s {
		if r == 0 {
			continue
		}
		if r == '\\' && !esc {
			esc = true
			continue
		}
		esc = false
		b.WriteRune(r)
	}
	return b.String()
}

func TestRenderLongestCorpusClauses(t *testing.T) {
	for _, id := range []string{"gpl-3.0", "agpl-3.0", "lgpl-3.0", "cc-by-4.0", "cc-by-sa-4.0", "cc-by-nc-4.0", "gemma-terms", "llama3.3-license"} {
		t.Run(id, func(t *testing.T) {
			text := corpusText(t, id)
			paras := longestClauses(t, id, text, 5)
			if len(paras[0]) < 600 {
				t.Fatalf("expected long paragraphs in %s, longest is %d bytes", id, len(paras[0]))
			}
			a := sampleAnswer()
			a.Clauses = nil
			for n, p := range paras {
				a.Clauses = append(a.Clauses, index.Hit{Doc: id, Section: strings.Repeat("1.", n+1) + "a", Heading: strings.Repeat("Long heading ", 30),
					Text: p, Matched: []string{"License", "you", "Work", "shall"}, URL: "https://example.org/" + id, DocTitle: strings.Repeat("T", 300)})
			}
			a.LicenseTitle = strings.Repeat("Long title ", 40)
			a.Verdict.Summary = paras[0]
			r := RenderAnswer(a, nil)
			validateResponse(t, r)
			for _, f := range r.Data.Embeds[0].Fields {
				quote := strings.TrimPrefix(strings.SplitN(f.Value, "\n[Official text]", 2)[0], "> ")
				shown := unescape(quote)
				cut := strings.TrimSuffix(shown, ellipsis)
				if !containsCollapsed(paras, strings.TrimSpace(cut)) {
					t.Errorf("quoted text is not verbatim from the clause:\n%q", shown)
				}
				if shown != cut && !regexp.MustCompile(`[.;!?]["'”’)\]]* $|\w $`).MatchString(cut) {
					t.Errorf("cut is not at a sentence (or word) boundary: …%q", cut[max(0, len(cut)-40):])
				}
				if strings.Count(strings.ReplaceAll(quote, `\*`, ""), "**")%2 != 0 {
					t.Errorf("unbalanced bold in %q", quote)
				}
			}
			// Full clause view of the longest clause, and of the whole
			// document as if it were one clause.
			h := a.Clauses[0]
			validateResponse(t, RenderClause(&h, sampleStats, true))
			h.Text = strings.Join(strings.Fields(text), " ")
			r = validateResponseOf(t, RenderClause(&h, sampleStats, true))
			shown := strings.TrimSuffix(unescape(strings.SplitN(r.Data.Embeds[0].Description, "\n\n[Official text]", 2)[0]), ellipsis)
			if len(shown) < 2000 || !strings.HasPrefix(h.Text, shown) {
				t.Errorf("whole-document clause shown as %d bytes, not a verbatim prefix", len(shown))
			}
		})
	}
}

func containsCollapsed(paras []string, s string) bool {
	for _, p := range paras {
		if strings.Contains(p, s) {
			return true
		}
	}
	return false
}

func TestRenderQuoteCutsAtSentence(t *testing.T) {
	text := "First sentence is here. Second one is longer than the first. Third."
	got := renderQuote(text, nil, 50)
	if got != "First sentence is here. "+ellipsis {
		t.Errorf("got %q", got)
	}
	got = renderQuote("one two three four five six seven eight nine ten", nil, 20)
	if got != "one two three four "+ellipsis && textLen(got) > 20 {
		t.Errorf("word cut: %q", got)
	}
	if got := renderQuote(text, nil, 500); got != text {
		t.Errorf("short text changed: %q", got)
	}
}

func TestBoldSurvivesClauseMarkdown(t *testing.T) {
	// Llama 3.3's text bolds its defined terms with ** itself.
	text := corpusText(t, "llama3.3-license")
	var line string
	for _, l := range strings.Split(text, "\n") {
		if strings.Contains(l, "**Licensee**") {
			line = strings.Join(strings.Fields(l), " ")
			break
		}
	}
	if line == "" {
		t.Fatal("llama3.3-license no longer has a **Licensee** definition")
	}
	got := renderQuote(line, []string{"Licensee", "employer"}, 1000)
	// Every ** left after removing escaped stars is one of ours, around a
	// matched word.
	plain := strings.ReplaceAll(got, `\*`, "")
	bolds := regexp.MustCompile(`\*\*([^*]+)\*\*`).FindAllStringSubmatch(plain, -1)
	if strings.Count(plain, "**") != 2*len(bolds) || len(bolds) < 2 {
		t.Fatalf("bold markers unbalanced: %q", got)
	}
	for _, b := range bolds {
		if w := strings.ToLower(b[1]); w != "licensee" && w != "employer" {
			t.Errorf("bolded %q, which was not matched", b[1])
		}
	}
	if unescape(got) != line {
		t.Errorf("text changed:\n got %q\nwant %q", unescape(got), line)
	}
}

func TestHostileTopic(t *testing.T) {
	var b strings.Builder
	parts := []string{`+license:"llama" -topic:* ~2 ^5 (a OR b) AND /re.*x/ `, "\x00\x01\x07\x1b[31m\r\n\t", "**bold** __u__ `code` ||spoiler|| @everyone <@123> [x](https://evil.example) ", "\u202e\u200b", "é漢字🦙 "}
	for b.Len() < 6000 {
		b.WriteString(parts[b.Len()%len(parts)])
	}
	topic := b.String()[:6000]
	a := sampleAnswer()
	a.Topic, a.TopicLabel, a.Curated = topic, topic, false
	a.Clauses[0].Matched = []string{topic, "**", "", " "}
	validateResponse(t, RenderAnswer(a, nil))

	// Through the command, with an engine that echoes the topic back.
	eng := sampleEngine()
	eng.AskFunc = func(_ context.Context, license, topic string) (*index.Answer, error) {
		if len(topic) > maxTopicInput*4 {
			t.Errorf("topic of %d bytes reached the engine", len(topic))
		}
		a := sampleAnswer()
		a.Topic, a.TopicLabel, a.Curated = topic, topic, false
		return a, nil
	}
	d, _ := newTestDeps(eng)
	resp, err := handleLicense(context.Background(), d, slash("license", "license", "llama4", "topic", topic))
	if err != nil {
		t.Fatal(err)
	}
	validateResponse(t, resp)
	if strings.ContainsAny(resp.Data.Embeds[0].Title, "\x00\x1b\r\n\u202e") {
		t.Errorf("control characters echoed: %q", resp.Data.Embeds[0].Title)
	}
}

func TestCustomIDs(t *testing.T) {
	id := ClauseCustomID("llama4", "llama4-aup", "2.b")
	lic, doc, sec, ok := parseClauseCustomID(id)
	if !ok || lic != "llama4" || doc != "llama4-aup" || sec != "2.b" {
		t.Errorf("round trip of %q: %q %q %q %v", id, lic, doc, sec, ok)
	}
	if id := ClauseCustomID("x", "d", strings.Repeat("1.", 60)); id != "" {
		t.Errorf("over-long custom_id %q not dropped", id)
	}
	if id := PinCustomID("llama4", strings.Repeat("t", 200)); id != "" {
		t.Errorf("over-long pin custom_id %q not dropped", id)
	}
}

// The schema check must be able to fail, or every test using it proves
// nothing.
func TestSchemaCatchesInvalidResponses(t *testing.T) {
	loadSchemas(t)
	for _, bad := range []string{
		`{"type": 4, "data": {"embeds": [{"title": 5}]}}`,
		`{"type": 4, "data": {"content": null, "embeds": [{"description": "` + strings.Repeat("x", 4097) + `"}]}}`,
		`{"type": 4, "data": {"components": [{"type": 1, "components": [{"type": 2, "style": 2, "label": "x", "custom_id": "` + strings.Repeat("c", 101) + `"}]}]}}`,
		`{"type": 8, "data": {"choices": [{"name": "", "value": "x"}]}}`,
		`{"type": 99}`,
	} {
		inst, err := jsonschema.UnmarshalJSON(strings.NewReader(bad))
		if err != nil {
			t.Fatal(err)
		}
		if callbackSchema.Validate(inst) == nil {
			t.Errorf("schema accepted %.120s", bad)
		}
	}
}

func TestCleanAndTextLen(t *testing.T) {
	for in, want := range map[string]string{
		"":                        "",
		"plain text":              "plain text",
		"  two  spaces\t\n":       "two spaces",
		"a\x00b\x1b[0mc":          "a b [0mc",
		"rtl\u202eoverride\u200b": "rtloverride",
		"bad \xff byte":           "bad \uFFFD byte",
	} {
		if got := clean(in); got != want {
			t.Errorf("clean(%q) = %q, want %q", in, got, want)
		}
	}
	for in, want := range map[string]int{"abc": 3, "é": 1, "漢字": 2, "🦙": 2, "📌 Pin": 6} {
		if got := textLen(in); got != want {
			t.Errorf("textLen(%q) = %d, want %d", in, got, want)
		}
	}
	if got := truncate("🦙🦙🦙", 4); got != "🦙…" {
		t.Errorf("truncate = %q", got)
	}
}

func TestEmphasizeMergesAdjacentMatches(t *testing.T) {
	got := emphasize("you shall prominently display it; Display", []string{"prominently", "display"})
	if want := "you shall **prominently display** it; **Display**"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	if got := emphasize("displayed undisplay", []string{"display"}); got != "displayed undisplay" {
		t.Errorf("matched inside words: %q", got)
	}
}

// The full clause of a list item comes under its list's lead-in too, as
// in answers and searches: the Full clause button on "Guns and illegal
// weapons" showed it without the ban that lists it.
func TestFullClauseOfAnItemUnderItsLeadIn(t *testing.T) {
	h := sampleAnswer().Clauses[2]
	h.Lead = "Engage in, promote, incite, facilitate, or assist in the planning or development of activities that present a risk of death or bodily harm to individuals, including use of Llama 4 related to the following:"
	r := validateResponseOf(t, RenderClause(&h, sampleStats, true))
	if d := r.Data.Embeds[0].Description; !strings.HasPrefix(d, "*…") || !strings.Contains(d, "related to the following:*\n") {
		t.Errorf("full clause without its lead-in:\n%s", d)
	}
	h.Lead = ""
	r = validateResponseOf(t, RenderClause(&h, sampleStats, true))
	if d := r.Data.Embeds[0].Description; strings.HasPrefix(d, "*") {
		t.Errorf("a clause that is no item shows a lead-in:\n%s", d)
	}
}
