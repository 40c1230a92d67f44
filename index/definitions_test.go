package index_test

import (
	"context"
	"strings"
	"testing"

	"github.com/licensebot/licensebot/index"
	"github.com/licensebot/licensebot/index/indextest"
)

// A question whether something counts as one of the license's terms,
// saying more than the term ("is that an adaptation now", "is the result
// a model derivative"), leads with the clause defining it when that
// clause is among the first the ranking finds.
func TestAskWhetherSomethingIsATermLedByItsDefinition(t *testing.T) {
	t.Parallel()
	e := indextest.Engine(t)
	for _, tc := range []struct{ license, q, defines string }{
		{"cc-by-4.0", "i put a cc by song under my video montage, is that an adaptation?", "Adapted Material means"},
		{"cc-by-sa-4.0", "i cropped a by-sa photo for my blog header, is that an adaptation now", "Adapted Material means"},
		{"gemma", "i pruned half the layers of gemma, is the result a model derivative", `"Model Derivatives" means`},
		{"apache-2.0", "i exported the model to tflite, does that count as object form", `"Object" form shall mean`},
	} {
		a, err := e.Ask(context.Background(), tc.license, tc.q)
		if err != nil {
			t.Fatal(err)
		}
		if len(a.Clauses) == 0 || !strings.HasPrefix(a.Clauses[0].Text, tc.defines) {
			t.Errorf("%s %q: first clause %.60q; want the clause that says %q", tc.license, tc.q, first(a.Clauses), tc.defines)
		}
	}
}

// A question on what a word of the license means is answered by the
// clause that defines it, first, and with no card's verdict: "what is a
// derivative work?" got modification's CONDITIONAL and §4.b of Apache-2.0,
// "what counts as llama materials?" a redistribution clause. A question
// that asks more than the meaning, or about a word the license does not
// define, is answered as before.
func TestAskWhatAWordMeans(t *testing.T) {
	t.Parallel()
	e := indextest.Engine(t)
	for _, tc := range []struct{ license, q, defines string }{
		{"apache-2.0", "what is a derivative work?", `"Derivative Works" shall mean`},
		{"apache-2.0", "is a fine-tuned model considered a derivative work?", `"Derivative Works" shall mean`},
		{"llama4", "what counts as llama materials", "“Llama Materials” means"},
		{"gemma", "does a LoRA count as a model derivative?", `"Model Derivatives" means`},
		{"gpl-3.0", "what does convey mean?", "To “convey” a work means"},
		{"deepseek", "what are outputs", `"Output" means`},
		{"cc-by-nc-4.0", "what counts as noncommercial use", "NonCommercial means"},
	} {
		a, err := e.Ask(context.Background(), tc.license, tc.q)
		if err != nil {
			t.Fatal(err)
		}
		if a.Verdict.Status != index.StatusUnknown || len(a.Clauses) == 0 || !strings.HasPrefix(a.Clauses[0].Text, tc.defines) {
			t.Errorf("%s %q: %s, first clause %.60q; want no verdict and the clause that says %q", tc.license, tc.q,
				a.Verdict.Status, first(a.Clauses), tc.defines)
		}
	}
	for _, tc := range []struct{ license, q string }{
		{"gemma", "what are the outputs and who owns them?"}, // more than a meaning
		{"llama4", "what is commercial use?"},                // a word Llama 4 does not define
	} {
		a, err := e.Ask(context.Background(), tc.license, tc.q)
		if err != nil {
			t.Fatal(err)
		}
		if len(a.Clauses) > 0 && strings.Contains(a.Clauses[0].Text[:min(80, len(a.Clauses[0].Text))], "means") {
			t.Errorf("%s %q: led with a definition, %.60q", tc.license, tc.q, a.Clauses[0].Text)
		}
	}
}

func first(hs []index.Hit) string {
	if len(hs) == 0 {
		return ""
	}
	return hs[0].Text
}
