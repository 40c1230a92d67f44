package index

import (
	"fmt"
	"slices"
	"testing"
)

// The lexicon laid out flat reads back as it was given: every word's links,
// in order, each to its vocabulary stem and marked a derivation or not,
// whatever the size of the vocabulary.
func TestFlatLexiconReadsBackItsLinks(t *testing.T) {
	related := map[string][]lexLink{
		"acknowledg": {{"credit", false}, {"attribut", true}},
		"credit":     {{"attribut", false}},
		"zebra":      {},
	}
	for i := range 70000 { // a vocabulary past what 16 bits could name
		w := fmt.Sprintf("w%05d", i)
		related[w] = []lexLink{{"v" + w, i%3 == 0}, {"v" + fmt.Sprintf("w%05d", (i+1)%70000), i%5 == 0}}
	}
	fd := flatten(related)
	for w, want := range related {
		var got, gotDerived []lexLink
		fd.relate(w, func(to string) { got = append(got, lexLink{to, false}) })
		fd.derive(w, func(to string, der bool) { gotDerived = append(gotDerived, lexLink{to, der}) })
		plain := make([]lexLink, len(want))
		for i, ln := range want {
			plain[i] = lexLink{ln.to, false}
		}
		if !slices.Equal(got, plain) || !slices.Equal(gotDerived, want) {
			t.Fatalf("%s relates to %v, derives %v; want %v", w, got, gotDerived, want)
		}
	}
	fd.relate("unknown", func(to string) { t.Errorf("an unknown word relates to %s", to) })
	var nilData *featureData
	nilData.relate("credit", func(to string) { t.Errorf("no lexicon relates credit to %s", to) })
	nilData.derive("credit", func(to string, _ bool) { t.Errorf("no lexicon derives credit from %s", to) })
}
