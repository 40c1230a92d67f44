package index_test

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/licensebot/licensebot/index"
	"github.com/licensebot/licensebot/index/indextest"
)

// A model named instead of a license is answered from the license that
// governs it, the answer says which and where that comes from, a model
// under two licenses answers for both, and a model whose license is not
// indexed is an error naming that license — never a neighbouring one.
func TestAskAboutAModel(t *testing.T) {
	e := indextest.Engine(t)
	ctx := context.Background()
	for _, c := range []struct{ model, topic, license, also string }{
		{"Qwen/Qwen2.5-7B-Instruct", "attribution", "apache-2.0", ""},
		{"Qwen2.5-72B-Instruct", "attribution", "qwen2.5", ""},
		{"DeepSeek-R1", "commercial use", "mit", ""},
		{"meta-llama/Llama-3.1-8B-Instruct", "attribution", "llama3.1", ""},
		{"gemma-3-27b-it", "distillation", "gemma", ""},
		{"stable-diffusion-v1-5", "commercial use", "creativeml-openrail-m", ""},
		{"DeepSeek-R1-Distill-Llama-8B", "attribution", "llama3.1", "mit"}, // both REQUIRED: the one failing the OSD leads
	} {
		a, err := e.Ask(ctx, c.model, c.topic)
		if err != nil {
			t.Errorf("%s: %v", c.model, err)
			continue
		}
		if a.License != c.license || a.Model == nil || !slices.Contains(a.Model.Licenses, c.license) || !strings.HasPrefix(a.Model.Source, "https://") {
			t.Errorf("%s → license %s, model %+v; want %s with a source", c.model, a.License, a.Model, c.license)
		}
		var others []string
		for _, o := range a.Others {
			others = append(others, o.License)
		}
		if c.also != "" && !slices.Equal(others, []string{c.also}) || c.also == "" && len(others) > 0 {
			t.Errorf("%s answers also for %v; want %q", c.model, others, c.also)
		}
	}
	// A license named is not a model: no model in the answer.
	if a, err := e.Ask(ctx, "apache-2.0", "attribution"); err != nil || a.Model != nil {
		t.Errorf("apache-2.0 answer has model %+v (%v)", a.Model, err)
	}
	for _, name := range []string{"Qwen2.5-3B-Instruct", "bloom", "openrail++"} {
		_, err := e.Ask(ctx, name, "attribution")
		var u *index.UnindexedLicenseError
		if !errors.As(err, &u) || len(u.Licenses) == 0 || !strings.HasPrefix(u.URLs[0], "https://") {
			t.Errorf("%s: err %v; want the license that is not indexed, with its URL", name, err)
		}
	}
	// The first LLaMA's license is not indexed; the later Llamas' are, and
	// "llama" is the start of their names: the user likely meant one.
	_, err := e.Ask(ctx, "llama", "attribution")
	var u *index.UnindexedLicenseError
	if !errors.As(err, &u) || !slices.Contains(u.Indexed, "llama4") || !slices.Contains(u.Indexed, "llama2") || !strings.Contains(err.Error(), "did you mean llama2") {
		t.Errorf("llama: err %v; want the first LLaMA's license not indexed, and the indexed Llamas offered", err)
	}
	if _, err := e.Ask(ctx, "bloom", "attribution"); !errors.As(err, &u) || len(u.Indexed) > 0 {
		t.Errorf("bloom: err %v; want no indexed license offered (none has a name starting so)", err)
	}
}

// A model under two licenses leads with the one that binds: Llama's
// "No" to "is it open source?" over MIT's "Yes", and Llama's clause on
// governing law or termination over MIT's silence on it.
func TestAModelsBindingLicenseLeads(t *testing.T) {
	e := indextest.Engine(t)
	for _, q := range []string{"open source", "governing law", "termination"} {
		a, err := e.Ask(context.Background(), "DeepSeek-R1-Distill-Llama-8B", q)
		if err != nil {
			t.Fatal(err)
		}
		if a.License != "llama3.1" || len(a.Others) != 1 || a.Others[0].License != "mit" {
			t.Errorf("%q: %s leads (%s); want llama3.1, then mit", q, a.License, a.Verdict.Status)
		}
	}
}

// A model its card calls multimodal gets no EU verdict: its license's
// card says "except its multimodal models" and cannot say which, which
// for Llama-4-Scout read as "yes, on conditions" where EU companies get
// no rights. Its other answers, and a text-only model's, keep theirs.
func TestMultimodalModelsEUAnswer(t *testing.T) {
	e := indextest.Engine(t)
	for _, c := range []struct {
		model, q string
		want     index.Status
	}{
		{"Llama-4-Scout-17B-16E-Instruct", "can a company in france use it", index.StatusUnknown},
		{"Llama-3.2-11B-Vision-Instruct", "eu", index.StatusUnknown},
		{"llama4", "is llama 4 scout restricted in the eu", index.StatusUnknown}, // named in the text
		{"Llama-4-Scout-17B-16E-Instruct", "commercial use", index.StatusConditional},
		// "business" is a word of the EU clause ("principal place of
		// business"), not a name of the topic.
		{"Llama-4-Scout-17B-16E-Instruct", "can my business use it commercially", index.StatusConditional},
		{"Llama-3.2-1B-Instruct", "can a company in france use it", index.StatusConditional},
		{"llama4", "eu", index.StatusConditional},
	} {
		a, err := e.Ask(context.Background(), c.model, c.q)
		if err != nil {
			t.Fatal(err)
		}
		if a.Verdict.Status != c.want {
			t.Errorf("%s %q: %s; want %s", c.model, c.q, a.Verdict.Status, c.want)
		}
	}
}

// A question which license published models are under is answered from
// the catalogue, for each model it names but the one asked of ("llama" of
// "llama 2" names the license, not LLaMA v1), and only that question is.
func TestWhichLicenseFromTheCatalogue(t *testing.T) {
	e := indextest.Engine(t)
	for _, c := range []struct {
		license, q string
		want       []string // name:license
	}{
		{"llama4", "is llama 4 scout under a different license than llama 4 maverick?",
			[]string{"Llama-4-Scout-17B-16E-Instruct:llama4", "Llama-4-Maverick-17B-128E-Instruct:llama4"}},
		// Asked of the model, the answer names it already; asked of its
		// license after, the same question still gets it (the cached
		// answer is not the first's).
		{"CodeLlama-7b-hf", "what license is codellama under, same as llama 2?", nil},
		{"llama2", "what license is codellama under, same as llama 2?", []string{"CodeLlama-7b-hf:llama2"}},
		{"cc-by-nc-4.0", "what license are galactica and nllb under", []string{"galactica-6.7b:cc-by-nc-4.0", "nllb-200-distilled-600M:cc-by-nc-4.0"}},
		// A model's name is one word: its "distill" asks nothing.
		{"mit", "which license covers deepseek r1 distill llama 8b?", []string{"DeepSeek-R1-Distill-Llama-8B:mit+llama3.1"}},
		{"llama4", "can I use llama 4 scout commercially?", nil},
		{"llama4", "what license does my llama 4 scout finetune get", nil},
	} {
		a, err := e.Ask(context.Background(), c.license, c.q)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, m := range a.Catalogue {
			got = append(got, m.Name+":"+strings.Join(m.Licenses, "+"))
		}
		if !slices.Equal(got, c.want) || a.Catalogue == nil {
			t.Errorf("%s %q: catalogue %q; want %q", c.license, c.q, got, c.want)
		}
	}
}

// Of the models a question names, the answer lists four besides the one
// asked of, and only once: not again in the answer for its other license.
func TestCatalogueCappedAndSaidOnce(t *testing.T) {
	e := indextest.Engine(t)
	q := "are qwen2.5 7b and qwen2.5 72b and codellama and gemma 3 27b and llama 4 scout and galactica under the same license?"
	a, err := e.Ask(context.Background(), "Qwen2.5-7B-Instruct", q)
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Catalogue) != 4 || slices.ContainsFunc(a.Catalogue, func(m index.ModelRef) bool { return m.Name == "Qwen2.5-7B-Instruct" }) {
		t.Errorf("catalogue %v; want four models, not the one asked of", a.Catalogue)
	}
	a, err = e.Ask(context.Background(), "DeepSeek-R1-Distill-Qwen-7B", "is deepseek r1 under a different license than qwen2.5 7b?")
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Others) != 1 || len(a.Catalogue) == 0 || a.Others[0].Catalogue == nil || len(a.Others[0].Catalogue) != 0 {
		t.Errorf("catalogue %v, others %d; want it on the lead only", a.Catalogue, len(a.Others))
	}
}

// The catalogue's answer reads as one sentence: models sharing their
// licenses are said to, others each get their own.
func TestCatalogueText(t *testing.T) {
	asIs := func(s string) string { return s }
	a := index.ModelRef{Name: "A", Licenses: []string{"x"}}
	b := index.ModelRef{Name: "B", Licenses: []string{"x"}}
	c := index.ModelRef{Name: "C", Licenses: []string{"y", "z"}}
	for _, tc := range []struct {
		ms   []index.ModelRef
		want string
	}{
		{nil, ""},
		{[]index.ModelRef{a}, "A is under x."},
		{[]index.ModelRef{a, b}, "A and B are both under x."},
		{[]index.ModelRef{a, b, a}, "A, B and A are all under x."},
		{[]index.ModelRef{a, c}, "A is under x; C is under y and z."},
	} {
		if got := index.CatalogueText(tc.ms, asIs, asIs); got != tc.want {
			t.Errorf("CatalogueText(%v) = %q, want %q", tc.ms, got, tc.want)
		}
	}
}

// Models are listed, and a filter finds them by any of their names.
func TestModelsListing(t *testing.T) {
	e := indextest.Engine(t)
	if n := len(e.Models("")); n < 80 {
		t.Errorf("%d models listed", n)
	}
	got := e.Models("qwen2.5-7")
	if len(got) == 0 || got[0].Name != "Qwen2.5-7B-Instruct" && !slices.ContainsFunc(got, func(m index.ModelInfo) bool { return m.Name == "Qwen2.5-7B-Instruct" }) {
		t.Errorf("filter qwen2.5-7 → %v", got)
	}
}

// A free-text search that names a model searches that model's license.
func TestSearchNamingAModel(t *testing.T) {
	e := indextest.Engine(t)
	hits, err := e.Search(context.Background(), "can I use yolov8 in a closed source app", "", 5)
	if err != nil {
		t.Fatal(err)
	}
	if len(hits) == 0 {
		t.Fatal("no hits")
	}
	for _, h := range hits {
		if h.Doc != "agpl-3.0" {
			t.Errorf("hit %s#%s is not from YOLOv8's license (agpl-3.0)", h.Doc, h.Section)
		}
	}
	if m := e.ModelIn("can I use yolov8 in a closed source app"); m == nil || m.Name != "YOLOv8" {
		t.Errorf("ModelIn = %+v, want YOLOv8", m)
	}
	if m := e.ModelIn("is attribution required"); m != nil {
		t.Errorf("ModelIn found %+v in a query that names no model", m)
	}
}

// A free-text search that names one license by one of its names keeps to
// it and the policies it incorporates: "sexual chatbots" is banned in
// words by Gemma's policy, and by no clause of DeepSeek's or Llama's. One
// that names several, says nothing but a name, or hints at a kind of
// document searches the whole corpus; a model's name decides before the
// license names it shares words with; AllLicenses searches everything.
func TestSearchNamingALicense(t *testing.T) {
	t.Parallel()
	e := indextest.Engine(t)
	ctx := context.Background()
	for _, tc := range []struct {
		q, license, scope, model string
		other                    string // a document a whole-corpus search reaches first three
	}{
		{q: "does gemma allow sexual chatbots", scope: "gemma"},
		{q: "deepseek governing law", scope: "deepseek"},
		{q: "llama 4 attribution", scope: "llama4"},                                                // "attribution" is in CC BY's name, not Llama 4's
		{q: "restricting who can use llama 4 by user numbers", scope: "llama4", other: "critique"}, // what is said of it
		{q: "llama 3.1 attribution", scope: "llama3.1"},
		// A version spelt as no name of the license ends is its too.
		{q: "llama v4 attribution", scope: "llama4"},
		{q: "llama v3.1 attribution", scope: "llama3.1"},
		{q: "llama v2 commercial use", scope: "llama2"},
		{q: "creative commons attribution noncommercial youtube ads", scope: "cc-by-nc-4.0"}, // not also CC BY's
		{q: "deepseek r1 attribution", scope: "mit", model: "DeepSeek-R1"},
		{q: "deepseek r1", scope: ""}, // a model's name alone: not the DeepSeek License
		{q: "Secondary License GPL LGPL AGPL compatibility", scope: "", other: "mpl-2.0"},
		{q: "is llama 4 really open source", scope: "", other: "critique"},
		{q: "gemma", scope: ""},
		{q: "built with llama requirement", scope: ""},
		{q: "does gemma allow sexual chatbots", license: "All", scope: ""}, // index.AllLicenses as typed
	} {
		res, err := e.SearchIn(ctx, tc.q, tc.license, 5)
		if err != nil {
			t.Fatal(err)
		}
		model := ""
		if res.Model != nil {
			model = res.Model.Name
		}
		if res.License != tc.scope || model != tc.model {
			t.Errorf("SearchIn(%q, %q): license %q model %q, want %q %q", tc.q, tc.license, res.License, model, tc.scope, tc.model)
		}
		if len(res.Hits) == 0 {
			t.Errorf("%q: no hits", tc.q)
			continue
		}
		for _, h := range res.Hits {
			if slices.Contains(res.Also, h.Doc) {
				continue // the critique of the license, the notes on it
			}
			if _, err := e.Clause(ctx, tc.scope, h.Doc+"#"+h.Section); tc.scope != "" && err != nil {
				t.Errorf("%q: hit %s#%s is not %s's: %v", tc.q, h.Doc, h.Section, tc.scope, err)
			}
		}
		if tc.other != "" && !slices.ContainsFunc(res.Hits[:min(3, len(res.Hits))], func(h index.Hit) bool { return strings.HasPrefix(h.Doc, tc.other) }) {
			t.Errorf("%q: no %s among the first three of %+v", tc.q, tc.other, res.Hits)
		}
	}
	if res, err := e.SearchIn(ctx, "does gemma allow sexual chatbots", "", 5); err != nil || len(res.Also) != 0 {
		t.Errorf("gemma: also searched %v (%v); the corpus says nothing about it", res, err)
	}
	if res, err := e.SearchIn(ctx, "llama 4 attribution", "", 1); err != nil || len(res.Hits) == 0 || res.Hits[0].Doc != "llama4-license" || len(res.Also) == 0 {
		t.Errorf("llama 4 attribution: %+v, %v; want the license's clause first, the notes searched too", res, err)
	}
	// The license's name says where to look, not what to find: the
	// appendix on how to apply "the Apache License", the notices that say
	// "Mozilla Public License", no longer lead.
	for q, want := range map[string]string{
		"the apache license and files i changed":     "modified files",
		"mozilla public license binaries and source": "Executable Form",
		"gnu gpl license aggregate":                  "aggregate",
	} {
		hits, err := e.Search(ctx, q, "", 1)
		if err != nil || len(hits) == 0 || !strings.Contains(hits[0].Text, want) {
			t.Errorf("search %q: %+v, %v; want a first clause saying %q", q, hits, err, want)
		}
	}
	hits, err := e.Search(ctx, "does gemma allow sexual chatbots", "", 1)
	if err != nil || len(hits) == 0 || !strings.Contains(hits[0].Text, "sexual chatbots") {
		t.Errorf("does gemma allow sexual chatbots: %+v, %v; want the policy's ban on them first", hits, err)
	}
}

// A publisher typed before a model's name, as people write it ("meta
// llama 3.1", "ultralytics yolov8"), names the model; a word that is no
// publisher is not dropped, and a publisher alone names nothing.
func TestPublisherBeforeTheModelsName(t *testing.T) {
	e := indextest.Engine(t)
	ctx := context.Background()
	for _, c := range []struct{ input, license string }{
		{"meta llama 3.1", "llama3.1"},
		{"google gemma 2", "gemma"},
		{"ultralytics yolov8", "agpl-3.0"},
		{"mistralai mistral 7b", "apache-2.0"},
	} {
		a, err := e.Ask(ctx, c.input, "commercial use")
		if err != nil || a.License != c.license {
			t.Errorf("%q: %v, %+v; want %s", c.input, err, a, c.license)
		}
	}
	for _, input := range []string{"meta", "google", "acme llama 3.1"} {
		var unknown *index.UnknownLicenseError
		if _, err := e.Ask(ctx, input, "commercial use"); !errors.As(err, &unknown) {
			t.Errorf("%q: %v; want an unknown license", input, err)
		}
	}
}

// A version typed after a license's name is part of the name when the
// name carried none: the license's own version, however it is spelt,
// names it; another of a versioned license names none of the corpus. A
// count, or a number after a license without versions, is the question's.
func TestVersionedName(t *testing.T) {
	e := indextest.Engine(t)
	for _, tc := range []struct {
		name, next, full string
		has, ok          bool
	}{
		{"gpl", "2", "gpl 2", false, true},
		{"qwen", "v3", "qwen v3", false, true},
		{"gpl", "2?", "gpl 2", false, true},
		{"apache", "v2", "apache v2", true, true},
		{"mpl", "v2.0", "mpl v2.0", true, true},
		// Versions in more places, or with "v." before them.
		{"gpl", "2.0.0", "gpl 2.0.0", false, true},
		{"gpl", "v.2", "gpl v.2", false, true},
		{"apache", "2.0.0", "apache 2.0.0", true, true},
		{"apache", "v.2", "apache v.2", true, true},
		{"gpl", "700", "", false, false},
		{"gpl", "patents", "", false, false},
		{"llama3", "2", "", false, false},
		{"mit", "2", "", false, false},
	} {
		full, has, ok := e.VersionedName(tc.name, tc.next)
		if full != tc.full || has != tc.has || ok != tc.ok {
			t.Errorf("VersionedName(%q, %q) = %q, %v, %v; want %q, %v, %v", tc.name, tc.next, full, has, ok, tc.full, tc.has, tc.ok)
		}
	}
}

// A license's version spelt as none of its names spells it is still the
// license: what Discord's license option and a quoted name pass whole.
func TestResolveVersionSpellings(t *testing.T) {
	e := indextest.Engine(t)
	for in, want := range map[string]string{"apache v2": "apache-2.0", "mpl v2.0": "mpl-2.0", "cc-by v4": "cc-by-4.0",
		"llama 4.0": "llama4", "llama v2": "llama2", "qwen v2.5": "qwen2.5",
		// A "v." before it, and a ".0" after a name that keeps its "v".
		"apache v.2": "apache-2.0", "gnu gpl v3.0": "gpl-3.0", "deepseek v3.0": "deepseek", "stable diffusion v1.0": "creativeml-openrail-m"} {
		if info, err := e.ResolveLicense(in); err != nil || info.Key != want {
			t.Errorf("ResolveLicense(%q) = %q, %v; want %s", in, info.Key, err, want)
		}
	}
	for _, in := range []string{"gpl v2", "v2", "llama v5",
		// A version typed after one is no digit of it: folded, "llama 3
		// v2" would be Llama 3.2's "llama32".
		"llama 3 v2", "llama3 v1", "qwen2 v5"} {
		if info, err := e.ResolveLicense(in); err == nil {
			t.Errorf("ResolveLicense(%q) = %s; want an unknown license", in, info.Key)
		}
	}
}
