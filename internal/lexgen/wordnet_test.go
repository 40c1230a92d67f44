package main

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// A two-synset WordNet in the database's own format: the noun "credit"
// (sense 1, with "recognition") derives the verb "accredit".
func tinyWordNet(t *testing.T) *wordNet {
	return writeWordNet(t, map[string]string{
		"index.noun": "  1 license header line\ncredit n 1 1 + 1 0 00000001  \nrecognition n 1 0 1 0 00000001  \n",
		"data.noun":  "00000001 10 n 02 credit 0 recognition 0 001 + 00000002 v 0101 | approval  \n",
		"index.verb": "accredit v 1 1 + 1 0 00000002  \n",
		"data.verb":  "00000002 31 v 01 accredit 0 001 + 00000001 n 0101 | give credit  \n",
	})
}

// writeWordNet writes a WordNet database of the given files (the others
// empty) and loads it.
func writeWordNet(t *testing.T, files map[string]string) *wordNet {
	t.Helper()
	dir := t.TempDir()
	for _, pos := range []string{"noun", "verb", "adj", "adv"} {
		for _, name := range []string{"index." + pos, "data." + pos, pos + ".exc"} {
			if err := os.WriteFile(filepath.Join(dir, name), []byte(files[name]), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	wn, err := loadWordNet(dir)
	if err != nil {
		t.Fatal(err)
	}
	return wn
}

func TestRelated(t *testing.T) {
	wn := tinyWordNet(t)
	for _, c := range []struct {
		word, rel string
		want      []string
	}{
		{"credit", "syn", []string{"recognition"}},
		{"credits", "syn", []string{"recognition"}}, // an inflection reads as its base
		{"credit", "der", []string{"accredit"}},
		{"recognition", "der", nil}, // the pointer is from "credit", not from the synset
		{"unknown", "syn", nil},
	} {
		if got := wn.related(c.word, c.rel); !slices.Equal(got, c.want) {
			t.Errorf("related(%q, %s) = %v, want %v", c.word, c.rel, got, c.want)
		}
	}
}

// A word is illicit when its first noun sense lies under a head, by any
// number of broader terms; a rarer sense under it does not count, nor an
// instance's broader term. A verb that is no noun, or a noun naming a
// person, derived from an illicit noun's first sense is illicit too.
func TestIllicit(t *testing.T) {
	wn := writeWordNet(t, map[string]string{
		// crime (1) ← felony (2) ← extortion (3); "go" is a game (4) first,
		// extortion (3) only second; "capone" (5) is an instance of felony;
		// "extortioner" (6, a person) and the verb "extort" derive from
		// extortion, "exaction" (7, not a person) too.
		"index.noun": "crime n 1 0 1 0 00000001  \nfelony n 1 0 1 0 00000002  \nextortion n 1 1 @ 1 0 00000003  \n" +
			"go n 2 1 @ 2 0 00000004 00000003  \ncapone n 1 0 1 0 00000005  \nextortioner n 1 0 1 0 00000006  \nexaction n 1 0 1 0 00000007  \n",
		"data.noun": "00000001 04 n 01 crime 0 000 | an illegal act  \n" +
			"00000002 04 n 01 felony 0 001 @ 00000001 n 0000 | a serious crime  \n" +
			"00000003 04 n 01 extortion 0 003 @ 00000002 n 0000 + 00000006 n 0101 + 00000007 n 0101 | obtaining by threat  \n" +
			"00000004 04 n 01 go 0 000 | a board game  \n" +
			"00000005 18 n 01 capone 0 001 @i 00000002 n 0000 | a gangster  \n" +
			"00000006 18 n 01 extortioner 0 001 + 00000003 n 0101 | one who extorts  \n" +
			"00000007 04 n 01 exaction 0 001 + 00000003 n 0101 | a demand  \n",
		"index.verb": "extort v 1 1 + 1 0 00000008  \n",
		"data.verb":  "00000008 40 v 01 extort 0 001 + 00000003 n 0101 | obtain by threat  \n",
	})
	got := wn.illicit([]string{"crime"})
	want := [][2]string{{"crime", "crime"}, {"extort", "crime"}, {"extortion", "crime"}, {"extortioner", "crime"}, {"felony", "crime"}}
	if !slices.Equal(got, want) {
		t.Errorf("illicit = %v, want %v", got, want)
	}
}
