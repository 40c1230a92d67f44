package index

import (
	"testing"

	"github.com/licensebot/licensebot/corpus"
)

// Whether something is one of a license's terms may be asked without an
// article ("is that commercial?", "does the banner make it commercial?")
// and by the word a "Non" term negates, even where that word is the
// license's own name: CC BY-NC's definition of NonCommercial answers
// "is that non-commercial?". A question running on past the few words
// asks what it may do, and is led by no definition.
func TestTermLedWithoutAnArticle(t *testing.T) {
	s := &snapshot{analyzer: buildMapping().AnalyzerNamed(analyzerText), m: &meta{Clauses: []corpus.Clause{
		{Doc: "nc", Section: "1.a", Text: "Adapted Material means material derived from the Licensed Material."},
		{Doc: "nc", Section: "1.i", Text: "NonCommercial means not primarily intended for commercial advantage."},
		{Doc: "nc", Section: "2.a.1", Text: "The Licensor grants You a license to reproduce the Licensed Material for NonCommercial purposes only."},
	}}}
	l := &licenseMeta{Key: "cc-by-nc-4.0", Docs: []string{"nc"}}
	s.nameStems = map[string]map[string]bool{l.Key: {}}
	for _, w := range s.stems("cc by-nc 4.0 Attribution-NonCommercial") {
		s.nameStems[l.Key][w] = true
	}
	for q, want := range map[string]string{
		"a charity runs it on its helpline, is that commercial?":             "nc#1.i",
		"our school club demo at a fundraiser, is that non-commercial?":      "nc#1.i",
		"is it still noncommercial, or do ads change that?":                  "nc#1.i",
		"our free app shows a banner ad, does the banner make it commercial": "nc#1.i",
		"i cropped the photo, is that adapted material?":                     "nc#1.a",
		"is it possible to use it commercially in our product?":              "",
		"is that allowed for a startup?":                                     "",
		"can i sell it?":                                                     "",
	} {
		got := ""
		for ref := range s.termLed(&reading{text: q}, l) {
			got = ref
		}
		if got != want {
			t.Errorf("termLed(%q) = %q, want %q", q, got, want)
		}
	}
}
