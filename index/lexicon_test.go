package index

import (
	"fmt"
	"slices"
	"testing"
)

// The lexicon laid out flat reads back as it was given: every word's links,
// in order, each to its vocabulary stem, whatever the size of the
// vocabulary.
func TestFlatLexiconReadsBackItsLinks(t *testing.T) {
	related := map[string][]string{
		"acknowledg": {"credit", "attribut"},
		"credit":     {"attribut"},
		"zebra":      {},
	}
	for i := range 70000 { // a vocabulary past what 16 bits could name
		w := fmt.Sprintf("w%05d", i)
		related[w] = []string{"v" + w, "v" + fmt.Sprintf("w%05d", (i+1)%70000)}
	}
	fd := flatten(related)
	for w, want := range related {
		var got []string
		fd.relate(w, func(to string) { got = append(got, to) })
		if !slices.Equal(got, want) {
			t.Fatalf("%s relates to %v; want %v", w, got, want)
		}
	}
	fd.relate("unknown", func(to string) { t.Errorf("an unknown word relates to %s", to) })
	var nilData *featureData
	nilData.relate("credit", func(to string) { t.Errorf("no lexicon relates credit to %s", to) })
}
