package index

import (
	"fmt"
	"slices"
	"testing"
)

// The lexicon laid out flat reads back as it was given: every word's links,
// in order, each to its vocabulary stem and with its kind (synonym or
// derivation, or narrower or broader), whatever the size of the vocabulary.
func TestFlatLexiconReadsBackItsLinks(t *testing.T) {
	related := map[string][]lexLink{
		"acknowledg": {{to: "credit", close: true}, {to: "attribut", close: false}},
		"credit":     {{to: "attribut", close: true}},
		"zebra":      {},
	}
	for i := range 40000 { // a vocabulary past what 16 bits could name
		w := fmt.Sprintf("w%05d", i)
		related[w] = []lexLink{{to: "v" + w, close: i%2 == 0}}
	}
	fd := flatten(related)
	for w, want := range related {
		var got []lexLink
		fd.relate(w, func(to string, close bool) { got = append(got, lexLink{to, close}) })
		if !slices.Equal(got, want) {
			t.Fatalf("%s relates to %v; want %v", w, got, want)
		}
	}
	fd.relate("unknown", func(to string, _ bool) { t.Errorf("an unknown word relates to %s", to) })
	var nilData *featureData
	nilData.relate("credit", func(to string, _ bool) { t.Errorf("no lexicon relates credit to %s", to) })
}
