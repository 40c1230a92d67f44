package bot

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/licensebot/licensebot/index"
	"github.com/licensebot/licensebot/index/indextest"
)

// Sample answers for the new shapes of an Answer: written for the tests,
// no third-party text, so they may sit in golden files.

func sampleGates() []index.Condition {
	return []index.Condition{
		{Label: "a shared fine-tune's name starts with the model's name"},
		{Label: "under the sample user cap", Gate: "user-cap", Doc: "llama4-license", Section: "2"},
		{Label: "not in the sample region", Gate: "region", Doc: "llama4-aup", Section: "p3"},
	}
}

// sampleDocs is what a handler looks up for the conditions: the policy's
// title and page, which the answer's quotes do not carry.
func sampleDocs() DocLinks {
	return DocLinks{"llama4-aup": {Title: "Llama 4 Acceptable Use Policy", URL: "https://www.llama.com/llama4/use-policy/"}}
}

func sampleUnsure() *index.Answer {
	a := sampleAnswer()
	a.Topic, a.TopicLabel = "can I put it on a sample hub", ""
	a.Verdict = index.Verdict{Status: index.StatusUnknown}
	a.Curated, a.Grounded = false, false
	a.Suggestions = []index.TopicScore{
		{Topic: "redistribution", Label: "Redistribution", Score: 0.41},
		{Topic: "commercial-use", Label: "Commercial use", Score: 0.22},
		{Topic: "attribution", Label: "Attribution", Score: 0.09},
		{Topic: "naming", Label: "Naming derived models", Score: 0.06},
		{Topic: "user-cap", Label: "Monthly active user cap", Score: 0.05},
		{Topic: "sixth", Label: "A sixth topic", Score: 0.04},
	}
	a.Clauses = a.Clauses[:2]
	return a
}

func TestRenderUnknownAnswerWithSuggestionsGolden(t *testing.T) {
	r := RenderAnswer(sampleUnsure(), nil)
	golden(t, "answer_suggestions.json", validateResponse(t, r))
	if len(r.Data.Components) != 2 {
		t.Fatalf("want a row of clause buttons and a row of suggestions, got %d rows", len(r.Data.Components))
	}
	row := r.Data.Components[1].(discordgo.ActionsRow).Components
	if len(row) != 5 {
		t.Errorf("%d suggestion buttons, want the five likeliest", len(row))
	}
	first := row[0].(discordgo.Button)
	if first.Label != "Redistribution" || first.CustomID != "topic:llama4:redistribution" {
		t.Errorf("first suggestion %q %q", first.Label, first.CustomID)
	}
	e := r.Data.Embeds[0]
	if e.Color != statusColor[index.StatusUnknown] || !strings.HasPrefix(e.Description, "**No verdict.**") {
		t.Errorf("an unknown answer must say it has no verdict: %q", e.Description)
	}
	if !strings.Contains(e.Description, "Closest clauses (no verdict)") {
		t.Errorf("clauses not headed as closest matches: %q", e.Description)
	}
}

func TestRenderClosestCardAsContextGolden(t *testing.T) {
	a := sampleUnsure()
	a.Closest = &index.Aspect{Topic: "attribution", Label: "Attribution",
		Verdict:    index.Verdict{Status: index.StatusRequired, Summary: "Sample summary of the closest card."},
		Conditions: sampleGates()[1:2]}
	a.Suggestions = a.Suggestions[2:3]
	r := RenderAnswer(a, sampleDocs())
	golden(t, "answer_closest.json", validateResponse(t, r))
	e := r.Data.Embeds[0]
	if !strings.Contains(e.Title, "can I put it on a sample hub") {
		t.Errorf("title must echo the question, not the closest card: %q", e.Title)
	}
	for _, want := range []string{"**No verdict on the question as asked.**", "**Closest card — Attribution, in general: REQUIRED**", "not an answer to the question as asked"} {
		if !strings.Contains(e.Description, want) {
			t.Errorf("description lacks %q: %q", want, e.Description)
		}
	}
	if strings.HasPrefix(e.Description, "**Required.") || e.Color != statusColor[index.StatusUnknown] {
		t.Errorf("the closest card must not read as the verdict: %q (colour %x)", e.Description, e.Color)
	}
}

func TestRenderGatesAndSecondAspectGolden(t *testing.T) {
	a := sampleAnswer()
	a.Verdict = index.Verdict{Status: index.StatusConditional, Summary: "Sample summary: you may, within the gates."}
	a.Conditions = sampleGates()
	a.Also = []index.Aspect{{Topic: "commercial-use", Label: "Commercial use",
		Verdict:    index.Verdict{Status: index.StatusForbidden, Summary: "Sample summary of the second aspect."},
		Conditions: append(sampleGates()[1:], index.Condition{Label: "a sample condition of its own"})}}
	r := RenderAnswer(a, sampleDocs())
	golden(t, "answer_gates.json", validateResponse(t, r))
	d := r.Data.Embeds[0].Description
	want := "**Only if:** a shared fine-tune's name starts with the model's name; " +
		"under the sample user cap ([§2](https://www.llama.com/llama4/license/)); " +
		"not in the sample region ([Llama 4 Acceptable Use Policy ¶3](https://www.llama.com/llama4/use-policy/))."
	if !strings.Contains(d, want) {
		t.Errorf("Only-if line missing or unlinked:\n%s\nwant\n%s", d, want)
	}
	if !strings.Contains(d, "**Also — Commercial use: Forbidden.** Sample summary of the second aspect.\n**Only if:** a sample condition of its own.") {
		t.Errorf("second aspect (with only its own new condition) missing: %q", d)
	}
}

func TestRenderModelUnderTwoLicensesGolden(t *testing.T) {
	a := sampleAnswer()
	a.Model = &index.ModelRef{Name: "Sample-Distill-8B", Licenses: []string{"llama4", "mit"},
		Source: "https://example.org/sample-model/LICENSE", Why: "The sample card says it derives from a Llama base."}
	b := sampleAnswer()
	b.License, b.LicenseTitle, b.URL = "mit", "MIT License", "https://example.org/mit"
	b.Verdict = index.Verdict{Status: index.StatusRequired, Summary: "Sample summary for the second license."}
	b.OpenSource = &index.OpenSource{OSD: "pass"}
	b.Clauses = []index.Hit{{Doc: "mit", Section: "p3", Text: "Sample clause of the second license.", URL: "https://example.org/mit", DocTitle: "MIT License"}}
	b.Model = a.Model
	a.Others = []*index.Answer{b}
	r := RenderAnswer(a, nil)
	golden(t, "answer_model.json", validateResponse(t, r))
	es := r.Data.Embeds
	if len(es) != 2 {
		t.Fatalf("%d embeds, want one per license", len(es))
	}
	first := strings.SplitN(es[0].Description, "\n", 2)[0]
	for _, want := range []string{"**Sample-Distill-8B**", "**Llama 4 Community License Agreement**", "**MIT License**", "derives from a Llama base", "(https://example.org/sample-model/LICENSE)"} {
		if !strings.Contains(first, want) {
			t.Errorf("first line %q lacks %q", first, want)
		}
	}
	if es[0].Footer != nil || es[1].Footer == nil || !strings.Contains(es[1].Title, "Sample-Distill-8B (MIT License)") {
		t.Errorf("second embed: title %q, footers %v %v", es[1].Title, es[0].Footer, es[1].Footer)
	}
	if !strings.Contains(es[1].Fields[0].Name, "¶3") {
		t.Errorf("section id shown: %q", es[1].Fields[0].Name)
	}
}

func TestRenderFactsAndOpenSourceHaveNoPermissionStatus(t *testing.T) {
	a := sampleAnswer()
	a.Topic, a.TopicLabel = "warranty", "Warranty"
	a.Verdict = index.Verdict{Status: index.StatusInfo, Summary: "Sample: disclaimed."}
	r := validateResponseOf(t, RenderAnswer(a, nil))
	if e := r.Data.Embeds[0]; e.Color != 0 || !strings.HasPrefix(e.Description, "**In short:** Sample: disclaimed.") {
		t.Errorf("info: colour %x, %q", e.Color, e.Description)
	}
	for summary, want := range map[string]string{
		"No. It fails sample criteria.": "**Open source? No.** It fails sample criteria.",
		"Yes. It meets them all.":       "**Open source? Yes.** It meets them all.",
	} {
		a.Topic, a.TopicLabel = openSourceTopic, "Is it open source?"
		a.Verdict = index.Verdict{Status: index.StatusInfo, Summary: summary}
		e := validateResponseOf(t, RenderAnswer(a, nil)).Data.Embeds[0]
		if e.Color != 0 || !strings.HasPrefix(e.Description, want) {
			t.Errorf("open source: colour %x, %q", e.Color, e.Description)
		}
		if regexp.MustCompile(`Conditional|Allowed|Forbidden|Required|Not addressed`).MatchString(e.Description) {
			t.Errorf("an open-source answer shows a permission status: %q", e.Description)
		}
		if strings.Count(e.Description, "Open source?") != 1 {
			t.Errorf("open-source line repeated under an open-source answer: %q", e.Description)
		}
	}
}

func TestRenderNotAddressedWithoutGroundsGolden(t *testing.T) {
	a := sampleAnswer()
	a.Topic, a.TopicLabel = "governing-law", "Governing law"
	a.Verdict = index.Verdict{Status: index.StatusNotAddressed, Summary: "Sample: names no governing law."}
	a.Grounded = false
	r := RenderAnswer(a, nil)
	golden(t, "answer_not_addressed.json", validateResponse(t, r))
	d := r.Data.Embeds[0].Description
	if !strings.Contains(d, "does not address this topic") || !strings.HasSuffix(d, "**Closest clauses (not the basis of the verdict):**") {
		t.Errorf("ungrounded verdict: %q", d)
	}
	a.Clauses = nil
	d = validateResponseOf(t, RenderAnswer(a, nil)).Data.Embeds[0].Description
	if strings.Contains(d, "Closest clauses") {
		t.Errorf("heading without clauses: %q", d)
	}
}

func TestTopicCustomID(t *testing.T) {
	id := TopicCustomID("Qwen2.5-7B-Instruct", "commercial-use")
	s, tp, ok := parseTopicCustomID(id)
	if !ok || s != "Qwen2.5-7B-Instruct" || tp != "commercial-use" {
		t.Errorf("round trip of %q: %q %q %v", id, s, tp, ok)
	}
	for _, bad := range [][2]string{
		{"llama4", strings.Repeat("t", 95)}, // over 100
		{"qwen2.5:7b", "attribution"},       // cannot be parsed back
		{"", "attribution"},
		{"llama4", ""},
		{"two  spaces", "x"},
	} {
		if id := TopicCustomID(bad[0], bad[1]); id != "" {
			t.Errorf("TopicCustomID(%q, %q) = %q, want none", bad[0], bad[1], id)
		}
	}
	for _, bad := range []string{"topic:", "topic:llama4", "topic::x", "topic:llama4:", "clause:llama4:x"} {
		if _, _, ok := parseTopicCustomID(bad); ok {
			t.Errorf("%q parsed", bad)
		}
	}
	// A suggestion whose id would not fit is left out, never cut.
	a := sampleUnsure()
	a.Suggestions = []index.TopicScore{{Topic: strings.Repeat("x", 120), Label: "Too long"}, {Topic: "attribution", Label: "Attribution"}}
	row := suggestionButtons(a)
	if len(row) != 1 || row[0].(discordgo.Button).CustomID != "topic:llama4:attribution" {
		t.Errorf("suggestion row %+v", row)
	}
}

func TestTopicButtonAnswersWithThatTopic(t *testing.T) {
	eng := sampleEngine()
	var asked []string
	ask := eng.AskFunc
	eng.AskFunc = func(ctx context.Context, license, topic string) (*index.Answer, error) {
		asked = append(asked, license+"|"+topic)
		return ask(ctx, license, topic)
	}
	d, _ := newTestDeps(eng)
	r := dispatchOne(t, d, press("topic:llama4:attribution"))
	if r.Data.Flags&discordgo.MessageFlagsEphemeral != 0 || len(r.Data.Embeds) != 1 {
		t.Fatalf("a chosen topic is answered in the channel: %+v", r.Data)
	}
	if got := r.Data.Embeds[0].Title; got != "Llama 4 Community License Agreement — Attribution" {
		t.Errorf("title %q", got)
	}
	if len(asked) != 1 || asked[0] != "llama4|attribution" {
		t.Errorf("engine asked %v", asked)
	}
	if r := dispatchOne(t, d, press("topic:llama4")); !strings.Contains(r.Data.Content, "older version") {
		t.Errorf("bad custom id: %q", r.Data.Content)
	}
}

// A chosen topic is answered in the channel even when the engine is slow:
// its deferral is public, so the answer edited in is too. The private
// deferral every button had turned it into an answer only the clicker saw.
func TestSlowTopicButtonStillAnswersInTheChannel(t *testing.T) {
	eng := sampleEngine()
	release := make(chan struct{})
	ask := eng.AskFunc
	eng.AskFunc = func(ctx context.Context, license, topic string) (*index.Answer, error) {
		<-release
		return ask(ctx, license, topic)
	}
	d, _ := newTestDeps(eng)
	disp := NewDispatcher(d)
	disp.DeferAfter = 10 * time.Millisecond
	rec := newRecorder()
	disp.Dispatch(context.Background(), press("topic:llama4:attribution"), rec)
	deferral := validateResponseOf(t, rec.only(t))
	close(release)
	if !disp.Wait(5 * time.Second) {
		t.Fatal("the deferred answer never went out")
	}
	if deferral.Type != discordgo.InteractionResponseDeferredChannelMessageWithSource || deferral.Data != nil && deferral.Data.Flags&discordgo.MessageFlagsEphemeral != 0 {
		t.Errorf("deferred as %d %+v, want a public deferral", deferral.Type, deferral.Data)
	}
	if len(rec.edits) != 1 || len(rec.edits[0].Embeds) != 1 {
		t.Fatalf("edits %+v", rec.edits)
	}
}

// signedServer serves the bot's HTTP endpoint over eng, as Discord reaches
// it, and returns a function that posts a payload signed with the
// application's key and decodes the callback after validating it.
func signedServer(t *testing.T, eng Engine) func(payload map[string]any) map[string]any {
	t.Helper()
	pub, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	d, _ := newTestDeps(eng)
	h, err := NewHTTPServer(NewDispatcher(d), hex.EncodeToString(pub), nil)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return func(payload map[string]any) map[string]any {
		t.Helper()
		body, _ := json.Marshal(payload)
		req, _ := http.NewRequest(http.MethodPost, srv.URL+"/interactions", bytes.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		Sign(req.Header, priv, time.Now(), body)
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		out, _ := io.ReadAll(res.Body)
		if res.StatusCode != http.StatusOK {
			t.Fatalf("status %d: %s", res.StatusCode, out)
		}
		validateCallback(t, out)
		var cb map[string]any
		if err := json.Unmarshal(out, &cb); err != nil {
			t.Fatal(err)
		}
		return cb
	}
}

// clickPayload is Discord's own sample button click with customID.
func clickPayload(t *testing.T, customID string) map[string]any {
	t.Helper()
	raw, err := os.ReadFile(sharedFile(t, filepath.Join("discord", "payloads", "button_component.json")))
	if err != nil {
		t.Fatal(err)
	}
	var p map[string]any
	if err := json.Unmarshal(raw, &p); err != nil {
		t.Fatal(err)
	}
	p["data"].(map[string]any)["custom_id"] = customID
	return p
}

func licensePayload(license, topic string) map[string]any {
	return map[string]any{
		"id": "1001", "application_id": "2", "type": 2, "token": "tok", "version": 1,
		"member": map[string]any{"user": map[string]any{"id": "42", "username": "u"}, "permissions": "0"},
		"data": map[string]any{"id": "3", "name": "license", "type": 1, "options": []any{
			map[string]any{"name": "license", "type": 3, "value": license},
			map[string]any{"name": "topic", "type": 3, "value": topic},
		}},
	}
}

// A question the engine cannot read well enough gets no verdict and up to
// five topics to pick from; a click on one, signed as Discord sends it,
// answers with that topic's verdict in the channel. "output ownership" of
// Gemma is withheld (its card's clauses lack "ownership"), and the click,
// which asks the topic's id, once suggested the same topic again.
func TestSuggestedTopicClickedThroughSignedHTTP(t *testing.T) {
	post := signedServer(t, indextest.Engine(t))
	for _, c := range [][3]string{{"llama4", "can I put the weights on hugging face", ""}, {"gemma", "output ownership", "topic:gemma:output-ownership"}} {
		id, label := firstSuggestion(t, post(licensePayload(c[0], c[1])), c[0])
		if c[2] != "" && id != c[2] {
			t.Fatalf("%q: first suggestion %q, want %q", c[1], id, c[2])
		}
		cb := post(clickPayload(t, id))
		data := cb["data"].(map[string]any)
		if cb["type"].(float64) != 4 || data["flags"] != nil {
			t.Errorf("%q: a picked topic is answered in the channel: %v", c[1], cb)
		}
		embed := data["embeds"].([]any)[0].(map[string]any)
		if !strings.HasSuffix(embed["title"].(string), " — "+label) {
			t.Errorf("%q: clicked %q, answered %q", c[1], label, embed["title"])
		}
		if d := embed["description"].(string); strings.HasPrefix(d, "**No verdict") || !strings.HasPrefix(d, "**") {
			t.Errorf("%q: the picked topic has no verdict: %q", c[1], d)
		}
		if len(data["components"].([]any)) != 1 {
			t.Errorf("%q: an answer with a verdict offers no further topics: %v", c[1], data["components"])
		}
	}
}

// firstSuggestion checks that cb answers without a verdict and with up to
// five suggested topics of license, and returns the first one's custom_id
// and label.
func firstSuggestion(t *testing.T, cb map[string]any, license string) (id, label string) {
	t.Helper()
	data := cb["data"].(map[string]any)
	embed := data["embeds"].([]any)[0].(map[string]any)
	if !strings.HasPrefix(embed["description"].(string), "**No verdict") {
		t.Fatalf("a vague question got a verdict: %q", embed["description"])
	}
	rows := data["components"].([]any)
	if len(rows) != 2 {
		t.Fatalf("want clause buttons and suggestions, got %d rows", len(rows))
	}
	suggestions := rows[1].(map[string]any)["components"].([]any)
	if len(suggestions) == 0 || len(suggestions) > 5 {
		t.Fatalf("%d suggestions", len(suggestions))
	}
	first := suggestions[0].(map[string]any)
	id, label = first["custom_id"].(string), first["label"].(string)
	if !strings.HasPrefix(id, "topic:"+license+":") || len(id) > maxCustomID {
		t.Fatalf("suggestion custom_id %q", id)
	}
	return id, label
}

// A question which license two models are under is answered from the
// model catalogue, above the clauses, with no verdict from a card.
func TestWhichLicenseAnsweredFromTheCatalogue(t *testing.T) {
	post := signedServer(t, indextest.Engine(t))
	cb := post(licensePayload("llama4", "is llama 4 scout under a different license than llama 4 maverick?"))
	desc := cb["data"].(map[string]any)["embeds"].([]any)[0].(map[string]any)["description"].(string)
	want := "**The model catalogue:** **Llama-4-Scout-17B-16E-Instruct** and **Llama-4-Maverick-17B-128E-Instruct** are both under llama4."
	if !strings.HasPrefix(desc, want) {
		t.Fatalf("description %q; want it to open %q", desc, want)
	}
	if strings.Contains(desc, "NOT ADDRESSED") {
		t.Errorf("a card's verdict beside the catalogue's answer: %q", desc)
	}
}

// A question naming a model under a license not indexed says so, and
// offers no button to ask a license that cannot answer.
func TestQuestionNamingAModelNotIndexedSaysSo(t *testing.T) {
	post := signedServer(t, indextest.Engine(t))
	cb := post(licensePayload("apache-2.0", "Can I use Codestral commercially?"))
	data := cb["data"].(map[string]any)
	desc := data["embeds"].([]any)[0].(map[string]any)["description"].(string)
	if !strings.HasPrefix(desc, "**Your question also names Codestral-22B-v0.1**, under Mistral AI Non-Production License") {
		t.Fatalf("description %q", desc)
	}
	rows, _ := data["components"].([]any)
	for _, row := range rows {
		for _, b := range row.(map[string]any)["components"].([]any) {
			if id, _ := b.(map[string]any)["custom_id"].(string); strings.Contains(id, "mistral") {
				t.Errorf("a button asks %q", id)
			}
		}
	}
}

// A question that names a model under another license ("YOLOv8" asked
// of Gemma) gets no verdict from Gemma's cards, says which license to ask,
// and its first button, clicked as Discord sends it, asks that license.
// A model under two licenses is asked as the model, answered for both,
// the binding one (Llama's, failing the OSD) first.
func TestQuestionNamingAnotherLicenseOffersIt(t *testing.T) {
	post := signedServer(t, indextest.Engine(t))
	for _, c := range []struct{ q, named, subject, title string }{
		{"can I use yolov8 commercially", "YOLOv8** (agpl-3.0)", "agpl-3.0", "Affero"},
		{"can I use DeepSeek-R1-Distill-Llama-8B commercially", "DeepSeek-R1-Distill-Llama-8B** (mit, llama3.1)", "DeepSeek-R1-Distill-Llama-8B", "Llama 3.1"},
	} {
		cb := post(licensePayload("gemma", c.q))
		data := cb["data"].(map[string]any)
		desc := data["embeds"].([]any)[0].(map[string]any)["description"].(string)
		if !strings.HasPrefix(desc, "**Your question also names "+c.named) || !strings.Contains(desc, "`/license "+c.subject+"`") {
			t.Fatalf("%q: no pointer to %s: %q", c.q, c.subject, desc)
		}
		rows := data["components"].([]any)
		buttons := rows[len(rows)-1].(map[string]any)["components"].([]any)
		first := buttons[0].(map[string]any)
		if id := first["custom_id"].(string); id != "topic:"+c.subject+":"+c.q || len(buttons) > 5 {
			t.Fatalf("%q: first button %q of %d", c.q, id, len(buttons))
		}
		cb = post(clickPayload(t, first["custom_id"].(string)))
		embed := cb["data"].(map[string]any)["embeds"].([]any)[0].(map[string]any)
		if title := embed["title"].(string); !strings.Contains(title, c.title) {
			t.Errorf("%q: the click answered %q, not %s", c.q, title, c.subject)
		}
		if d := embed["description"].(string); strings.Contains(d, "also names") {
			t.Errorf("%q: asked of %s, the answer still points away: %q", c.q, c.subject, d)
		}
	}
}

func TestGatesLinkedOnRealAnswers(t *testing.T) {
	d, _ := newTestDeps(indextest.Engine(t))
	e := dispatchOne(t, d, slash("license", "license", "llama4", "topic", "modification")).Data.Embeds[0]
	if !strings.HasPrefix(e.Description, "**Conditional.**") || e.Color != statusColor[index.StatusConditional] {
		t.Errorf("llama4 modification: %q", e.Description)
	}
	only := regexp.MustCompile(`(?m)^\*\*Only if:\*\* .*$`).FindString(e.Description)
	for _, want := range []string{"700M", "([§2](https://www.llama.com/llama4/license/))", "EU", "¶3](https://www.llama.com/llama4/use-policy)"} {
		if !strings.Contains(only, want) {
			t.Errorf("Only-if line %q lacks %q", only, want)
		}
	}
}

func TestModelAnswers(t *testing.T) {
	d, _ := newTestDeps(indextest.Engine(t))
	r := dispatchOne(t, d, slash("license", "license", "Qwen2.5-7B-Instruct", "topic", "attribution"))
	e := r.Data.Embeds[0]
	first := strings.SplitN(e.Description, "\n", 2)[0]
	for _, want := range []string{"**Qwen2.5-7B-Instruct**", "Apache License", "([source](https://"} {
		if !strings.Contains(first, want) {
			t.Errorf("first line %q lacks %q", first, want)
		}
	}
	if !strings.Contains(e.Title, "Qwen2.5-7B-Instruct") || !strings.Contains(r.Data.Components[0].(discordgo.ActionsRow).Components[0].(discordgo.Button).CustomID, "apache-2.0") {
		t.Errorf("not answered for Apache-2.0: %q", e.Title)
	}

	// Under two licenses, the model is answered for both, the one that
	// binds most first: Llama 3.1's CONDITIONAL (its user cap), then MIT's
	// ALLOWED.
	r = dispatchOne(t, d, slash("license", "license", "DeepSeek-R1-Distill-Llama-8B", "topic", "commercial use"))
	if len(r.Data.Embeds) != 2 || !strings.Contains(r.Data.Embeds[0].Title, "Llama 3.1") || !strings.Contains(r.Data.Embeds[1].Title, "MIT") {
		t.Errorf("a model under two licenses answers for both, the stricter first: %d embeds", len(r.Data.Embeds))
	}

	for _, cmd := range [][]string{
		{"license", "license", "Qwen2.5-3B-Instruct", "topic", "attribution"},
		{"compare", "first", "Qwen2.5-3B-Instruct", "second", "llama4", "topic", "attribution"},
		{"clause", "license", "Qwen2.5-3B-Instruct", "section", "1"},
		{"opensource", "license", "Qwen2.5-3B-Instruct"},
	} {
		r := dispatchOne(t, d, slash(cmd[0], cmd[1:]...))
		c := r.Data.Content
		if r.Data.Flags&discordgo.MessageFlagsEphemeral == 0 || !strings.Contains(c, "Qwen RESEARCH LICENSE AGREEMENT") ||
			!strings.Contains(c, "<https://huggingface.co/Qwen/Qwen2.5-3B-Instruct/blob/main/LICENSE>") || !strings.Contains(c, "not indexed") {
			t.Errorf("/%s with a model whose license is not indexed: %q", cmd[0], c)
		}
	}

	// The first LLaMA's license is not indexed, the later ones' are.
	if c := dispatchOne(t, d, slash("license", "license", "llama", "topic", "attribution")).Data.Content; !strings.Contains(c, "not indexed") || !strings.Contains(c, "Did you mean one I have: `llama2`") || !strings.Contains(c, "`llama4`") {
		t.Errorf("/license llama: %q; want the later Llamas offered", c)
	}
	if c := dispatchOne(t, d, slash("license", "license", " ", "topic", "attribution")).Data.Content; !strings.HasPrefix(c, "Which license?") {
		t.Errorf("/license with a blank license: %q", c)
	}

	r = dispatchOne(t, d, slash("compare", "first", "Qwen2.5-7B-Instruct", "second", "DeepSeek-R1-Distill-Llama-8B", "topic", "commercial use"))
	f := r.Data.Embeds[0].Fields
	if !strings.Contains(f[0].Name, "Qwen2.5-7B-Instruct (Apache") || !strings.Contains(f[1].Value, "Also under MIT") {
		t.Errorf("compare models: %q / %q", f[0].Name, f[1].Value)
	}
	r = dispatchOne(t, d, slash("opensource", "license", "DeepSeek-R1-Distill-Llama-8B"))
	if !strings.Contains(r.Data.Embeds[0].Description, "`/opensource llama3.1`") {
		t.Errorf("opensource of a model under two licenses: %q", r.Data.Embeds[0].Description)
	}
	r = dispatchOne(t, d, slash("clause", "license", "DeepSeek-R1-Distill-Llama-8B", "section", "1.b.i"))
	if len(r.Data.Embeds) != 1 || !strings.Contains(r.Data.Embeds[0].Title, "Llama 3.1") {
		t.Errorf("a section of the model's second license: %+v", r.Data)
	}
}

func TestFactsAndOpenSourceOnRealAnswers(t *testing.T) {
	d, _ := newTestDeps(indextest.Engine(t))
	e := dispatchOne(t, d, slash("license", "license", "mit", "topic", "warranty")).Data.Embeds[0]
	if e.Color != 0 || !strings.HasPrefix(e.Description, "**In short:**") {
		t.Errorf("mit warranty: colour %x, %q", e.Color, e.Description)
	}
	e = dispatchOne(t, d, slash("license", "license", "llama4", "topic", "is it open source")).Data.Embeds[0]
	if e.Color != 0 || !strings.HasPrefix(e.Description, "**Open source? No.**") {
		t.Errorf("llama4 open source: colour %x, %q", e.Color, e.Description)
	}
	e = dispatchOne(t, d, slash("license", "license", "apache-2.0", "topic", "governing-law")).Data.Embeds[0]
	if !strings.Contains(e.Description, "does not address this topic") || !strings.Contains(e.Description, "Closest clauses (not the basis of the verdict)") {
		t.Errorf("apache governing law: %q", e.Description)
	}
	// MIT never mentions trademarks: the grant is quoted, and called that,
	// not a close match.
	e = dispatchOne(t, d, slash("license", "license", "mit", "topic", "trademark")).Data.Embeds[0]
	quoted := ""
	for _, f := range e.Fields {
		quoted += f.Value
	}
	if !strings.Contains(e.Description, "What the license grants") || strings.Contains(e.Description, "Closest clauses") ||
		!strings.Contains(quoted, "Permission is hereby granted") {
		t.Errorf("mit trademark: %q, quoted %q", e.Description, quoted)
	}
}

// Every topic of every license, rendered as /license answers it: valid for
// Discord, no internal section id anywhere a reader looks for a section,
// and no quote that stops at the colon introducing a list.
func TestEveryRealAnswerReadsAsPeopleCiteSections(t *testing.T) {
	eng := indextest.Engine(t)
	ctx := context.Background()
	n := 0
	for _, l := range eng.Licenses() {
		for _, tp := range eng.Topics(l.Key) {
			a, err := eng.Ask(ctx, l.Key, tp.ID)
			if err != nil {
				t.Fatalf("%s %s: %v", l.Key, tp.ID, err)
			}
			r := validateResponseOf(t, RenderAnswer(a, conditionDocs(ctx, eng, a)))
			n++
			where := l.Key + " · " + tp.ID
			for _, e := range r.Data.Embeds {
				seen := []string{e.Title, onlyIfLines(e.Description)}
				for _, f := range e.Fields {
					seen = append(seen, f.Name)
					lines, note := quotedLines(f.Value)
					last := strings.TrimSpace(lines[len(lines)-1])
					if strings.HasSuffix(last, ":") && !strings.Contains(note, "more item") && !strings.Contains(note, "goes on") {
						t.Errorf("%s: %s ends at a colon: %q", where, f.Name, last)
					}
				}
				for _, s := range seen {
					if internalID.MatchString(s) {
						t.Errorf("%s: internal id shown in %q", where, s)
					}
				}
			}
			for _, row := range r.Data.Components {
				for _, c := range row.(discordgo.ActionsRow).Components {
					if b := c.(discordgo.Button); internalID.MatchString(b.Label) {
						t.Errorf("%s: internal id on button %q", where, b.Label)
					}
				}
			}
		}
	}
	if n < 300 {
		t.Errorf("only %d answers rendered", n)
	}
	for _, s := range []string{"§p3", "¶3 (mit)", "§b3.p3", "[llama4-aup p2]"} {
		if internalID.MatchString(s) != (s != "¶3 (mit)") {
			t.Errorf("internalID on %q", s)
		}
	}
}

// onlyIfLines are the description's "Only if" lines, where sections are
// cited.
func onlyIfLines(desc string) string {
	var out []string
	for _, l := range strings.Split(desc, "\n") {
		if strings.HasPrefix(l, "**Only if:**") {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}
