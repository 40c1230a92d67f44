package bot

import (
	"strings"
	"testing"

	"github.com/bwmarrin/discordgo"

	"github.com/licensebot/licensebot/index"
	"github.com/licensebot/licensebot/index/indextest"
)

func TestCompareCommand(t *testing.T) {
	d, _ := newTestDeps(indextest.Engine(t))
	r := dispatchOne(t, d, slash("compare", "first", "llama3", "second", "llama4", "topic", "use outputs to train another model"))
	checkLimits(t, r)
	f := r.Data.Embeds[0].Fields
	if len(f) < 3 || !strings.HasPrefix(f[0].Value, "**Forbidden.**") || !strings.HasPrefix(f[1].Value, "**Conditional.**") {
		var got []string
		for _, x := range f {
			got = append(got, x.Name+": "+truncate(x.Value, 40))
		}
		t.Errorf("compare llama3 vs llama4 on outputs: %v", got)
	}
}

// One license under two names is no comparison: said, not an answer
// beside itself.
func TestCompareOneLicenseTwice(t *testing.T) {
	d, _ := newTestDeps(indextest.Engine(t))
	r := dispatchOne(t, d, slash("compare", "first", "gpl", "second", "gpl-3.0", "topic", "patents"))
	if r.Data.Flags&discordgo.MessageFlagsEphemeral == 0 || len(r.Data.Embeds) != 0 || !strings.Contains(r.Data.Content, "one license") {
		t.Errorf("compare gpl vs gpl-3.0: %+v", r.Data)
	}
}

func TestRenderComparisonGolden(t *testing.T) {
	a := sampleAnswer()
	a.Verdict = index.Verdict{Status: index.StatusConditional, Summary: "Sample summary: you may, within the gates."}
	a.Conditions = sampleGates()
	b := sampleAnswer()
	b.License, b.LicenseTitle, b.URL = "mit", "MIT License", "https://example.org/mit"
	b.Verdict = index.Verdict{Status: index.StatusInfo, Summary: "Sample fact."}
	b.Clauses = []index.Hit{{Doc: "mit", Section: "p4", Text: "Sample clause of the second license.", URL: "https://example.org/mit", DocTitle: "MIT License"}}
	r := RenderComparison(a, b, sampleDocs())
	golden(t, "compare.json", validateResponse(t, r))
	f := r.Data.Embeds[0].Fields
	if !strings.Contains(f[0].Value, "**Only if:**") || !strings.Contains(f[0].Value, "[Llama 4 Acceptable Use Policy ¶3](") {
		t.Errorf("first side without its gates: %q", f[0].Value)
	}
	if f[1].Value != "**In short:** Sample fact." || !strings.Contains(f[3].Name, "¶4") {
		t.Errorf("second side: %q, %q", f[1].Value, f[3].Name)
	}

	// No verdict on one side: said plainly, its clause marked as a match.
	b = sampleUnsure()
	r = validateResponseOf(t, RenderComparison(a, b, nil))
	f = r.Data.Embeds[0].Fields
	if !strings.HasPrefix(f[1].Value, "No verdict") || !strings.Contains(f[1].Value, "`redistribution`") ||
		!strings.HasPrefix(f[3].Name, "Closest match, not the basis of a verdict") {
		t.Errorf("unsure side: %q / %q", f[1].Value, f[3].Name)
	}

	// A narrower question: the closest card's status is the topic's in
	// general, not the answer.
	b.Closest = &index.Aspect{Topic: "attribution", Label: "Attribution", Verdict: index.Verdict{Status: index.StatusRequired, Summary: "Sample."}}
	f = validateResponseOf(t, RenderComparison(a, b, nil)).Data.Embeds[0].Fields
	if !strings.Contains(f[1].Value, "Closest card — Attribution, in general: **REQUIRED** (context only)") {
		t.Errorf("narrower side: %q", f[1].Value)
	}
}

func TestCompareGatedAndFactTopics(t *testing.T) {
	d, _ := newTestDeps(indextest.Engine(t))
	r := dispatchOne(t, d, slash("compare", "first", "llama4", "second", "apache-2.0", "topic", "modification"))
	f := r.Data.Embeds[0].Fields
	if !strings.HasPrefix(f[0].Value, "**Conditional.**") || !strings.Contains(f[0].Value, "700M") || !strings.Contains(f[0].Value, "EU") {
		t.Errorf("llama4 modification beside Apache must carry its gates: %q", f[0].Value)
	}
	r = dispatchOne(t, d, slash("compare", "first", "mit", "second", "apache-2.0", "topic", "warranty"))
	e := r.Data.Embeds[0]
	if e.Color != 0 || !strings.HasPrefix(e.Fields[0].Value, "**In short:**") || !strings.HasPrefix(e.Fields[1].Value, "**In short:**") {
		t.Errorf("facts compared as verdicts: colour %x, %q", e.Color, e.Fields[0].Value)
	}
}
