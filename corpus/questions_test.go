package corpus

import (
	"errors"
	"strings"
	"testing"
	"testing/fstest"
)

// manifestAndTopics loads the repository's manifest and taxonomy, which
// questions are checked against.
func manifestAndTopics(t *testing.T) (*Manifest, *Topics) {
	t.Helper()
	m, err := LoadManifest("manifest.yaml")
	if err != nil {
		t.Fatal(err)
	}
	ts, err := LoadTopics("topics.yaml")
	if err != nil {
		t.Fatal(err)
	}
	return m, ts
}

// The question files are decoded at once, but a broken corpus still
// reports the first broken file in name order, with its line, whichever
// of its files is broken and however.
func TestQuestionFilesReportTheFirstBrokenFileInOrder(t *testing.T) {
	m, ts := manifestAndTopics(t)
	good := func(id string) string {
		return "- id: " + id + "\n  source: https://licensebot.invalid/written\n  ask: [mit, \"can i sell it\"]\n  topics: [commercial-use]\n"
	}
	badTopic := "- id: x1\n  source: https://licensebot.invalid/written\n  ask: [mit, \"can i sell it\"]\n  topics: [no-such-topic]\n"
	malformed := "- id: [unclosed\n"
	for _, c := range []struct {
		name  string
		files map[string]string
		want  string // file:line, as the error starts
	}{
		{"all good", map[string]string{"a.yaml": good("a1"), "b.yaml": good("b1"), "c.yaml": good("c1")}, ""},
		{"a later file malformed, an earlier one's topic wrong", map[string]string{"a.yaml": good("a1"), "b.yaml": badTopic, "c.yaml": malformed}, "q/b.yaml:1"},
		{"an earlier file malformed, a later one's topic wrong", map[string]string{"a.yaml": malformed, "b.yaml": badTopic, "c.yaml": good("c1")}, "q/a.yaml"},
		{"an id in two files", map[string]string{"a.yaml": good("a1"), "b.yaml": good("b1"), "c.yaml": good("a1"), "d.yaml": malformed}, "q/c.yaml:1"},
	} {
		fsys := fstest.MapFS{}
		for name, body := range c.files {
			fsys[name] = &fstest.MapFile{Data: []byte(body)}
		}
		qs, err := loadQuestions(files{fsys: fsys, root: "q"}, "q", m, ts)
		switch {
		case c.want == "" && err != nil:
			t.Errorf("%s: %v", c.name, err)
		case c.want == "" && len(qs) != len(c.files):
			t.Errorf("%s: %d questions, want %d", c.name, len(qs), len(c.files))
		case c.want != "" && (err == nil || !strings.HasPrefix(err.Error(), c.want)):
			t.Errorf("%s: error %v, want one naming %s", c.name, err, c.want)
		case c.want != "":
			var ce *Error
			if !errors.As(err, &ce) {
				t.Errorf("%s: %T is not a corpus error", c.name, err)
			}
		}
	}
}

// What a build learns from a question besides its topics is checked when
// it loads: a status that is no card's, or an expected phrase naming a
// document the manifest lacks, is an error naming the file and line.
func TestQuestionLabelsAreChecked(t *testing.T) {
	m, ts := manifestAndTopics(t)
	head := "- id: x1\n  source: https://licensebot.invalid/written\n  ask: [llama2, \"can i sell it\"]\n  topics: [commercial-use]\n"
	for body, want := range map[string]string{
		head + "  status: [condtional]\n":                                                                `q/a.yaml:1: question x1: unknown status "condtional"`,
		head + "  expect:\n    - {doc: llama2-licence, text: greater than 700 million}\n":                `q/a.yaml:1: question x1: expected phrase "greater than 700 million" names document "llama2-licence"`,
		head + "  expect:\n    - {doc: llama2-license, text: \" \"}\n":                                   `q/a.yaml:1: question x1: an expected phrase of llama2-license is empty`,
		head + "  status: conditional\n  expect:\n    - {doc: llama2, text: greater than 700 million}\n": "",
	} {
		fsys := fstest.MapFS{"a.yaml": &fstest.MapFile{Data: []byte(body)}}
		_, err := loadQuestions(files{fsys: fsys, root: "q"}, "q", m, ts)
		if want == "" && err != nil || want != "" && (err == nil || !strings.HasPrefix(err.Error(), want)) {
			t.Errorf("%s\nerr = %v\nwant %q", body, err, want)
		}
	}
}

// A lexicon row that is not word<TAB>relation<TAB>words is an error naming
// the file, the line and what it holds; the broader terms an older lexgen
// wrote load as nothing, so an older lexicon still builds.
func TestLexiconRowsAreCheckedAndOldBroaderTermsDropped(t *testing.T) {
	header := "# generated\n"
	for _, c := range []struct {
		name, body string
		rows       int
		want       string // the error's start; "" for none
	}{
		{"good", header + "credit\tsyn\trecognition\ncredit\thypo\tbilling\n", 2, ""},
		{"an older lexicon's broader terms", header + "credit\tsyn\trecognition\ncredit\thyper\tacknowledgment\n", 1, ""},
		{"an unknown relation", header + "credit\tsyn\trecognition\ncredit\tanto\tdebit\n", 0, `lex/lexicon.tsv:3: got "credit\tanto\tdebit"`},
		{"a missing field", header + "credit syn recognition\n", 0, "lex/lexicon.tsv:2: got"},
	} {
		fsys := fstest.MapFS{"lexicon.tsv": &fstest.MapFile{Data: []byte(c.body)}}
		rows, err := loadLexicon(files{fsys: fsys, root: "lex"}, "lex/lexicon.tsv")
		switch {
		case c.want == "" && (err != nil || len(rows) != c.rows):
			t.Errorf("%s: %d rows, %v; want %d rows", c.name, len(rows), err, c.rows)
		case c.want != "" && (err == nil || !strings.HasPrefix(err.Error(), c.want)):
			t.Errorf("%s: error %v; want one starting %q", c.name, err, c.want)
		}
	}
}

// A row of the illicit words that is not word<TAB>head is an error naming
// the file and the line; a missing table is none.
func TestIllicitRowsAreChecked(t *testing.T) {
	for _, c := range []struct {
		name, body string
		words      int
		want       string // the error's start; "" for none
	}{
		{"good", "# generated\nmeth\tcontrolled_substance\nriot\tviolence\n", 2, ""},
		{"no head", "# generated\nmeth\tcontrolled_substance\nriot\n", 0, `lex/illicit.tsv:3: got "riot"`},
		{"spaces for a tab", "meth controlled_substance\n", 0, "lex/illicit.tsv:1: got"},
		{"a third field", "meth\tdrug\textra\n", 0, "lex/illicit.tsv:1: got"},
	} {
		fsys := fstest.MapFS{"illicit.tsv": &fstest.MapFile{Data: []byte(c.body)}}
		words, err := loadIllicit(files{fsys: fsys, root: "lex"}, "lex/illicit.tsv")
		switch {
		case c.want == "" && (err != nil || len(words) != c.words):
			t.Errorf("%s: %d words, %v; want %d", c.name, len(words), err, c.words)
		case c.want != "" && (err == nil || !strings.HasPrefix(err.Error(), c.want)):
			t.Errorf("%s: error %v; want one starting %q", c.name, err, c.want)
		}
	}
	words, err := loadIllicit(files{fsys: fstest.MapFS{}, root: "lex"}, "lex/illicit.tsv")
	if err != nil || words != nil {
		t.Errorf("a missing table: %v, %v; want none and no error", words, err)
	}
}
