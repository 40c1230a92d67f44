package index

import (
	"testing"

	"github.com/licensebot/licensebot/corpus"
)

// A British spelling maps to its American synonym only where WordNet
// pairs them and the corpus uses the American one more; the pair's start
// carries the word's other forms.
func TestSpellingVariants(t *testing.T) {
	lex := []corpus.LexRow{
		{Word: "licence", Relation: "syn", Related: []string{"certify", "license", "permit"}},
		{Word: "license", Relation: "syn", Related: []string{"certify", "licence", "permit"}},
		{Word: "advertise", Relation: "syn", Related: []string{"advertize", "publicize"}},
		{Word: "authorized", Relation: "syn", Related: []string{"authorised", "authorize"}},
		{Word: "distill", Relation: "syn", Related: []string{"distil"}},
		{Word: "licence", Relation: "der", Related: []string{"licensee"}},
	}
	counts := map[string]int{"license": 40, "licence": 1, "advertise": 3, "authorized": 5, "distill": 2}
	got := spellingVariants(lex, counts)
	want := map[string]string{"licenc": "licens", "authoris": "authoriz"}
	if len(got) != len(want) {
		t.Errorf("variants %v, want %v", got, want)
	}
	for b, a := range want {
		if got[b] != a {
			t.Errorf("variants[%q] = %q, want %q (all: %v)", b, got[b], a, got)
		}
	}
	for q, want := range map[string]string{
		"Licence attribution?":             "license attribution?",
		"licences, licenced and licencing": "licenses, licensed and licensing",
		"is it authorised":                 "is it authorized",
		"la licencia de llama":             "la licencia de llama", // another language's word
		"unlicence":                        "unlicence",            // a start in the middle is no start
		"no British spelling here":         "no British spelling here",
		"licence\xff":                      "license\xff",
	} {
		if got := respell(q, got); got != want {
			t.Errorf("respell(%q) = %q, want %q", q, got, want)
		}
	}
}
