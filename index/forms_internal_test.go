package index

import (
	"path/filepath"
	"slices"
	"testing"

	"github.com/licensebot/licensebot/corpus"
	"github.com/licensebot/licensebot/corpus/corpustest"
)

// Two words are one word inflected when their bases meet; a derivation
// is another word.
func TestInflectionBases(t *testing.T) {
	meet := func(a, b string) bool {
		return slices.ContainsFunc(inflectionBases(a), func(x string) bool { return slices.Contains(inflectionBases(b), x) })
	}
	for _, p := range [][2]string{
		{"terminated", "terminate"}, {"terminating", "terminate"}, {"terminates", "terminated"},
		{"policies", "policy"}, {"modified", "modify"}, {"stopped", "stop"}, {"shipping", "ship"},
		{"licenses", "licensed"}, {"governs", "governing"}, {"courts", "court"},
		{"terminable", "terminate"}, {"distributable", "distributing"}, {"sublicensable", "sublicense"},
	} {
		if !meet(p[0], p[1]) {
			t.Errorf("%q and %q: bases %v and %v do not meet", p[0], p[1], inflectionBases(p[0]), inflectionBases(p[1]))
		}
	}
	for _, p := range [][2]string{
		{"terminal", "terminate"}, {"terminator", "termination"}, {"government", "governing"},
		{"government", "govern"}, {"generator", "generate"},
	} {
		if meet(p[0], p[1]) {
			t.Errorf("%q and %q: bases %v and %v meet", p[0], p[1], inflectionBases(p[0]), inflectionBases(p[1]))
		}
	}
}

// A form is attested for a topic by its names, or by the questions that
// use it when at least a quarter of them are labelled with the topic.
func TestAttestForms(t *testing.T) {
	tx, err := corpus.LoadTopics(filepath.Join(corpustest.CorpusDir(t), "topics.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	m := &meta{Topics: tx.Topics}
	q := func(text string, topics ...string) corpus.Question {
		return corpus.Question{Ask: []string{"llama4", text}, Topics: topics}
	}
	qs := []corpus.Question{
		q("which law governs it", "governing-law"),
		q("does it govern my fork", "governing-law"),
		q("us government tender, is chinese law a problem", "governing-law"),
		q("government agency use", "acceptable-use"),
		q("government portal", "copyleft"),
		q("government chatbot", "commercial-use"),
		q("government surveillance", "acceptable-use"),
		q("government use", "acceptable-use"),
	}
	got := attestForms(m, qs, nil)
	law := got["governing-law"]
	for _, f := range []string{"governed", "jurisdiction", "governs", "govern"} { // names, then questions
		if !slices.Contains(law, f) {
			t.Errorf("governing law: %q not attested in %v", f, law)
		}
	}
	// One question of six that say "government" is on governing law;
	// "tender" and "agency" share no stem with its names.
	for _, f := range []string{"government", "tender", "agency", "which"} {
		if slices.Contains(law, f) {
			t.Errorf("governing law: %q attested in %v", f, law)
		}
	}
	if slices.Contains(got["termination"], "terminal") || !slices.Contains(got["termination"], "terminate") {
		t.Errorf("termination: %v", got["termination"])
	}
}

// WordNet's derivations of an attested form are attested too, but for one
// that at least four questions use and fewer than a quarter of them on the
// topic: "governance" of "govern" is, "government" is not.
func TestAttestDerived(t *testing.T) {
	tx, err := corpus.LoadTopics(filepath.Join(corpustest.CorpusDir(t), "topics.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	m := &meta{Topics: tx.Topics}
	q := func(text string, topics ...string) corpus.Question {
		return corpus.Question{Ask: []string{"llama4", text}, Topics: topics}
	}
	qs := []corpus.Question{
		q("government agency use", "acceptable-use"),
		q("government portal", "copyleft"),
		q("government chatbot", "commercial-use"),
		q("government surveillance", "acceptable-use"),
	}
	lex := []corpus.LexRow{{Word: "governed", Relation: "der", Related: []string{"governance", "government"}}}
	law := attestForms(m, qs, lex)["governing-law"]
	if !slices.Contains(law, "governance") || slices.Contains(law, "government") {
		t.Errorf("governing law: %v; want governance, not government", law)
	}
	// Without the questions that use it in another sense, it is attested.
	if law := attestForms(m, qs[:3], lex)["governing-law"]; !slices.Contains(law, "government") {
		t.Errorf("governing law, three questions: %v; want government", law)
	}
}
