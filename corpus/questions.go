package corpus

import (
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/licensebot/licensebot/internal/parallel"
)

// NoTopic labels a question that none of the taxonomy's topics answers
// ("what license is this model under"): the engine learns to say so.
const NoTopic = "none"

// Question is one labelled question of corpus/questions/*.yaml: what a real
// person asked, shortened the way it is typed into a slash command, and the
// topics it is about. The index fits its question model to these at build.
type Question struct {
	ID     string     `yaml:"id"`
	Source string     `yaml:"source"`
	Ask    []string   `yaml:"ask"` // [license, question words...]
	Topics []string   `yaml:"topics"`
	Status StatusList `yaml:"status"`
	Expect []Expect   `yaml:"expect"`
	Model  string     `yaml:"model"`
	// NewTopic is the collector's label for a topic the taxonomy lacks.
	NewTopic string `yaml:"new_topic"`
	// Of names the dev question a paraphrase rephrases.
	Of string `yaml:"of"`

	File string `yaml:"-"`
	Line int    `yaml:"-" corpus:"line"`
}

// Expect is a verbatim phrase a good answer quotes: the eval sets' form.
type Expect struct {
	Doc  string `yaml:"doc"`
	Text string `yaml:"text"`
}

// StatusList is a status, or the list of statuses a careful reader accepts.
type StatusList []string

// UnmarshalYAML takes a single status or a list.
func (s *StatusList) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind == yaml.ScalarNode {
		*s = []string{n.Value}
		return nil
	}
	var l []string
	err := n.Decode(&l)
	*s = l
	return err
}

// License is the license the question was asked about.
func (q *Question) License() string {
	if len(q.Ask) == 0 {
		return ""
	}
	return q.Ask[0]
}

// Text is the question without its license.
func (q *Question) Text() string {
	if len(q.Ask) < 2 {
		return ""
	}
	return strings.Join(q.Ask[1:], " ")
}

// ReadAsked reads what each entry of a question file asks — its license
// and its words, as Question.License and Question.Text give them — from
// any file of entries with `ask: [license, words...]` (corpus/questions,
// an eval set), without checking labels: for tools that only ask. Entries
// that ask nothing (a search) are skipped.
func ReadAsked(path string) ([][2]string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var qs []Question
	if err := yaml.Unmarshal(b, &qs); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	var out [][2]string
	for _, q := range qs {
		if q.Text() != "" {
			out = append(out, [2]string{q.License(), q.Text()})
		}
	}
	return out, nil
}

// LoadQuestions reads every *.yaml file in dir (a missing dir means none)
// and checks each question names a license of the manifest and topics of
// the taxonomy.
func LoadQuestions(dir string, m *Manifest, ts *Topics) ([]Question, error) {
	return loadQuestions(disk, dir, m, ts)
}

func loadQuestions(fsys files, dir string, m *Manifest, ts *Topics) ([]Question, error) {
	files, err := fsys.Glob(filepath.Join(dir, "*.yaml"))
	if err != nil {
		return nil, err
	}
	sort.Strings(files)
	decoded, errs := decodeQuestions(fsys, files)
	var out []Question
	seen := map[string]string{}
	for i, f := range files {
		if errs[i] != nil {
			return nil, errs[i] // the first file's, in order
		}
		for _, q := range decoded[i] {
			if prev, dup := seen[q.ID]; dup || q.ID == "" {
				return nil, errorf(f, q.Line, "question id %q is empty or also in %s", q.ID, prev)
			}
			seen[q.ID] = f
			if m.LicenseDoc(q.License()) == nil || q.Text() == "" {
				return nil, errorf(f, q.Line, "question %s: ask must be [license key, question], license %q is not in the manifest", q.ID, q.License())
			}
			if len(q.Topics) == 0 {
				return nil, errorf(f, q.Line, "question %s has no topics (use [%s] when none fits)", q.ID, NoTopic)
			}
			for _, t := range q.Topics {
				if t != NoTopic && ts.Topic(t) == nil {
					return nil, errorf(f, q.Line, "question %s: unknown topic %q", q.ID, t)
				}
			}
			if err := checkQuestionLabels(q, m); err != nil {
				return nil, errorf(f, q.Line, "question %s: %v", q.ID, err)
			}
			q.File = f
			out = append(out, q)
		}
	}
	return out, nil
}

// checkQuestionLabels checks what a build learns from a question besides its
// topics: its statuses are a card's, and each expected phrase names a
// document of the manifest (a typo would silently drop the question from
// what the build learns of which clauses answer it). That each phrase is
// in its document's text is checked by the tests, beside the cards'
// quotes.
func checkQuestionLabels(q Question, m *Manifest) error {
	for _, st := range q.Status {
		if !cardStatuses[st] {
			return fmt.Errorf("unknown status %q (one of %s)", st, strings.Join(slices.Sorted(maps.Keys(cardStatuses)), ", "))
		}
	}
	for _, e := range q.Expect {
		if strings.TrimSpace(e.Text) == "" {
			return fmt.Errorf("an expected phrase of %s is empty", e.Doc)
		}
		if e.Doc == "" || !slices.ContainsFunc(m.Documents, func(d Document) bool { return strings.HasPrefix(d.ID, e.Doc) }) {
			return fmt.Errorf("expected phrase %q names document %q, which is not in the manifest", e.Text, e.Doc)
		}
	}
	return nil
}

// decodeQuestions decodes each of the files as a list of questions, on
// every processor: decoding them is most of loading the corpus.
func decodeQuestions(fsys files, paths []string) ([][]Question, []error) {
	out, errs := make([][]Question, len(paths)), make([]error, len(paths))
	parallel.Each(len(paths), func(i int) { errs[i] = decodeYAMLFile(fsys, paths[i], &out[i]) })
	return out, errs
}

// Concept is a thing a question can be about, in one role: what is acted
// on (outputs, weights, a name), the action (train, distribute, host), or a
// condition (the EU, company size). Words seed it; the lexicon widens it.
type Concept struct {
	ID    string   `yaml:"id"`
	Role  string   `yaml:"role"` // object | action | condition
	Words []string `yaml:"words"`

	Line int `yaml:"-" corpus:"line"`
}

var conceptRoles = []string{"object", "action", "condition"}

// MaxConcepts is how many concepts the taxonomy may name.
const MaxConcepts = 64

func checkConcepts(path string, cs []Concept) error {
	seen := map[string]bool{}
	for i, c := range cs {
		switch {
		case i == MaxConcepts:
			return errorf(path, c.Line, "concept %s: at most %d concepts (the question model keeps them as bits)", c.ID, MaxConcepts)
		case !idRE.MatchString(c.ID) || seen[c.ID]:
			return errorf(path, c.Line, "concept id %q: lower-case letters, digits and '-', once each", c.ID)
		case !slices.Contains(conceptRoles, c.Role):
			return errorf(path, c.Line, "concept %s: role %q is not one of %s", c.ID, c.Role, strings.Join(conceptRoles, ", "))
		case len(c.Words) == 0:
			return errorf(path, c.Line, "concept %s has no words", c.ID)
		}
		seen[c.ID] = true
	}
	return nil
}

// LexRow is one row of corpus/lexicon.tsv: a vocabulary word and the words
// WordNet relates to it by one relation (syn, der, hypo).
type LexRow struct {
	Word     string
	Relation string
	Related  []string
}

var lexRelations = map[string]bool{"syn": true, "der": true, "hypo": true}

// lexDropped are relations an older lexgen wrote and nothing reads any
// more: a lexicon that has them still loads, without them, so a corpus
// kept outside this repository builds before its lexicon is regenerated.
var lexDropped = map[string]bool{"hyper": true}

// loadIllicit reads the generated table of words naming illicit uses
// (illicit.tsv: word<TAB>the WordNet head it lies under); a missing file
// means none.
func loadIllicit(f files, path string) (map[string]string, error) {
	out := map[string]string{}
	found, err := eachTableRow(f, path, func(line int, text string) error {
		w, head, ok := strings.Cut(text, "\t")
		if !ok || w == "" || head == "" || strings.ContainsAny(w+head, "\t ") {
			return errorf(path, line, "got %q, want word<TAB>head (regenerate: go generate ./corpus)", text)
		}
		out[w] = head
		return nil
	})
	if !found || err != nil {
		return nil, err
	}
	return out, nil
}

// eachTableRow calls row with each line of the generated table at path
// that is neither empty nor a comment, and its number; a missing file is
// no table (found false, no error).
func eachTableRow(f files, path string, row func(line int, text string) error) (found bool, err error) {
	b, err := f.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return false, nil
	}
	if err != nil {
		return false, &Error{File: path, Err: err}
	}
	for i, line := range strings.Split(string(b), "\n") {
		if line == "" || line[0] == '#' {
			continue
		}
		if err := row(i+1, line); err != nil {
			return true, err
		}
	}
	return true, nil
}

// LoadLexicon reads the generated lexicon; a missing file means none.
func LoadLexicon(path string) ([]LexRow, error) { return loadLexicon(disk, path) }

func loadLexicon(f files, path string) ([]LexRow, error) {
	var out []LexRow
	_, err := eachTableRow(f, path, func(line int, text string) error {
		f := strings.Split(text, "\t")
		if len(f) == 3 && lexDropped[f[1]] {
			return nil
		}
		if len(f) != 3 || !lexRelations[f[1]] {
			return errorf(path, line, "got %q, want word<TAB>syn|der|hypo<TAB>related words (regenerate: go generate ./corpus, or go run ./internal/lexgen -corpus DIR -out DIR/lexicon.tsv for a corpus elsewhere)", text)
		}
		rel := strings.Fields(f[2])
		for j, r := range rel {
			rel[j] = strings.ReplaceAll(r, "_", " ")
		}
		out = append(out, LexRow{Word: strings.ReplaceAll(f[0], "_", " "), Relation: f[1], Related: rel})
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}
