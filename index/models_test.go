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
		{"DeepSeek-R1-Distill-Llama-8B", "attribution", "mit", "llama3.1"},
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
// words by Gemma's policy, and by no clause of DeepSeek's or Llama's.
// One that names several, or hints at a kind of document, searches the
// whole corpus.
func TestSearchNamingALicense(t *testing.T) {
	t.Parallel()
	e := indextest.Engine(t)
	for _, tc := range []struct{ q, scope string }{
		{"does gemma allow sexual chatbots", "gemma"},
		{"deepseek governing law", "deepseek"},
		{"Secondary License GPL LGPL AGPL compatibility", ""}, // several
		{"is llama 4 really open source", ""},                 // the critique's kind
		{"gemma", ""},                                         // a name alone
		{"built with llama requirement", ""},                  // no license's name
	} {
		if got := e.SearchScope(tc.q); got != tc.scope {
			t.Errorf("SearchScope(%q) = %q, want %q", tc.q, got, tc.scope)
		}
		hits, err := e.Search(context.Background(), tc.q, "", 5)
		if err != nil {
			t.Fatal(err)
		}
		if len(hits) == 0 {
			t.Errorf("%q: no hits", tc.q)
			continue
		}
		for _, h := range hits {
			if tc.scope != "" && !strings.HasPrefix(h.Doc, tc.scope) {
				t.Errorf("%q: hit %s#%s is not %s's", tc.q, h.Doc, h.Section, tc.scope)
			}
		}
	}
	hits, err := e.Search(context.Background(), "does gemma allow sexual chatbots", "", 1)
	if err != nil || len(hits) == 0 || !strings.Contains(hits[0].Text, "sexual chatbots") {
		t.Errorf("does gemma allow sexual chatbots: %+v, %v; want the policy's ban on them first", hits, err)
	}
}
