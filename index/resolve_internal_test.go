package index

import (
	"slices"
	"testing"

	"github.com/licensebot/licensebot/corpus"
	"github.com/licensebot/licensebot/corpus/corpustest"
)

// found, which tries only the phrases starting with one of a question's
// stems, finds exactly the phrases a pass over all of them finds, in
// taxonomy order, for every training question.
func TestFoundIsEveryPhraseInTheText(t *testing.T) {
	t.Parallel()
	c, err := corpus.Load(corpus.Paths{Dir: corpustest.CorpusDir(t), Texts: corpustest.TextsDir(t)})
	if err != nil {
		t.Fatal(err)
	}
	stems := buildStems()
	tm := newTopicMatcher(stems, c.Topics.Topics)
	some := 0
	for _, q := range c.Questions {
		st := stems(q.Text())
		var all []int
		for i := range tm.phrases {
			if containsRun(st, tm.phrases[i].stems) {
				all = append(all, i)
			}
		}
		if got := tm.found(st); !slices.Equal(got, all) {
			t.Errorf("%s %q: found %v, want %v", q.ID, q.Text(), got, all)
		}
		some += len(all)
	}
	if some == 0 {
		t.Fatal("no phrase found in any training question")
	}
}

// A topic's Not phrase that keeps one word once stop words are dropped
// ("on credit") is ignored: it would take every question with the word.
func TestNotPhraseOfOneWordIgnored(t *testing.T) {
	stems := buildStems()
	tm := newTopicMatcher(stems, []corpus.Topic{{ID: "attribution", Label: "Attribution", Aliases: []string{"credit"},
		Not: []string{"on credit", "credit score"}}})
	if got := tm.not["attribution"]; len(got) != 1 || !slices.Equal(got[0], stems("credit score")) {
		t.Errorf("not phrases %v; want only credit score's", got)
	}
}
