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
	t.Helper()
	dir := t.TempDir()
	files := map[string]string{
		"index.noun": "  1 license header line\ncredit n 1 1 + 1 0 00000001  \nrecognition n 1 0 1 0 00000001  \n",
		"data.noun":  "00000001 10 n 02 credit 0 recognition 0 001 + 00000002 v 0101 | approval  \n",
		"index.verb": "accredit v 1 1 + 1 0 00000002  \n",
		"data.verb":  "00000002 31 v 01 accredit 0 001 + 00000001 n 0101 | give credit  \n",
		"index.adj":  "", "data.adj": "", "index.adv": "", "data.adv": "",
		"noun.exc": "", "verb.exc": "", "adj.exc": "", "adv.exc": "",
	}
	for name, body := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
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
