package corpus_test

import (
	"strings"
	"testing"

	"github.com/licensebot/licensebot/corpus"
	"github.com/licensebot/licensebot/corpus/corpustest"
)

// Every phrase a training question expects is in the text of a document
// it names, compared as the cards' quotes are (foldForCheck: case,
// spacing, curly quotes and Markdown bold aside): a typo in one would
// silently drop the question from what a build learns of which clauses
// answer it.
func TestQuestionsExpectPhrasesOfTheirDocuments(t *testing.T) {
	c, err := corpus.Load(corpus.Paths{Dir: corpustest.CorpusDir(t), Texts: corpustest.TextsDir(t)})
	if err != nil {
		t.Fatal(err)
	}
	texts := map[string]string{}
	for id, b := range c.Raw {
		texts[id] = foldForCheck(string(b))
	}
	missing, checked := 0, 0
	for _, q := range c.Questions {
		for _, e := range q.Expect {
			checked++
			phrase := foldForCheck(e.Text)
			found := false
			for id, text := range texts {
				if strings.HasPrefix(id, e.Doc) && strings.Contains(text, phrase) {
					found = true
					break
				}
			}
			if !found {
				missing++
				if missing <= 20 {
					t.Errorf("%s:%d: question %s expects %q, which no document %s… holds", q.File, q.Line, q.ID, e.Text, e.Doc)
				}
			}
		}
	}
	if missing > 20 {
		t.Errorf("… and %d more", missing-20)
	}
	if checked < 1000 {
		t.Errorf("only %d expected phrases checked; the training questions hold thousands", checked)
	}
}
