package corpus

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"sort"
)

// Corpus is everything an index is built from, loaded and cross-checked.
type Corpus struct {
	Manifest *Manifest
	Topics   *Topics
	Cards    map[string]*Card // by license key
	Notes    []*Notes
	// Questions are the labelled training questions (questions/*.yaml);
	// Lexicon the WordNet relations of the vocabulary (lexicon.tsv).
	Questions []Question
	Lexicon   []LexRow
	// Illicit maps each word WordNet files under a crime, a wrongdoing, a
	// drug of abuse, violence, weapons, pornography, terrorism or homicide,
	// or derives from one, to that head (illicit.tsv; internal/lexgen).
	Illicit map[string]string
	// Models is the model catalogue (models.yaml).
	Models *Models
	// Raw holds each third-party text as read, by document id, for
	// checks of quotes against the very bytes the manifest pins.
	Raw map[string][]byte
	// Clauses holds each document's clauses in reading order, by document id
	// (notes included, under their notes id).
	Clauses map[string][]Clause
	// Missing lists mirror-only documents whose text is absent; they are
	// left out of the index rather than failing the build.
	Missing []string
}

// Paths says where a corpus lives.
type Paths struct {
	// Dir is the corpus directory (manifest.yaml, topics.yaml, cards/,
	// notes/…), read from disk unless FS is set; with FS it only names the
	// files in errors.
	Dir string
	// FS holds the corpus files when they are not on disk: the corpus
	// embedded in the binary (Embedded).
	FS    fs.FS
	Texts string // data/texts: <id>.txt
}

// Load reads the manifest, topics, cards and notes from p.Dir and the texts
// from p.Texts, verifies every text's SHA-256, segments it, and checks every
// card and note reference against the clauses. The first problem found is
// returned as an *Error naming the file and line.
func Load(p Paths) (*Corpus, error) {
	c, err := loadOwn(filesOf(p), p.Dir)
	if err != nil {
		return nil, err
	}
	m := c.Manifest
	for _, d := range m.Documents {
		path := filepath.Join(p.Texts, d.ID+".txt")
		// As the pull reads a mirror's: a pipe or a device would hang the
		// build, or read without end.
		raw, err := readText(path)
		if errors.Is(err, os.ErrNotExist) && d.URL == "" {
			c.Missing = append(c.Missing, d.ID)
			continue
		}
		if err != nil {
			return nil, &Error{File: path, Err: fmt.Errorf("%w for %s (run `licensebot corpus pull`): %v", ErrMissingText, d.ID, err)}
		}
		if got := sha256Hex(raw); got != d.SHA256 {
			return nil, &Error{File: path, Err: fmt.Errorf("%w: %s has %s, manifest (%s:%d) pins %s", ErrChecksum, d.ID, got, m.File, d.Line, d.SHA256)}
		}
		clauses, err := Segment(d.ID, raw)
		if err != nil {
			return nil, &Error{File: path, Err: err}
		}
		c.Clauses[d.ID] = clauses
		c.Raw[d.ID] = raw
	}
	for _, n := range c.Notes {
		if _, dup := c.Clauses[n.ID]; dup {
			return nil, errorf(n.File, 1, "notes id %s is also a document id", n.ID)
		}
		c.Clauses[n.ID] = n.Clauses()
	}
	if err := c.validateRefs(); err != nil {
		return nil, err
	}
	if err := CheckTaxonomy(c.Cards, c.Topics); err != nil {
		return nil, err
	}
	return c, nil
}

// loadOwn reads the files the project writes itself — manifest, topics,
// cards, notes, questions, lexicon, models — from dir.
func loadOwn(f files, dir string) (*Corpus, error) {
	m, err := loadManifest(f, filepath.Join(dir, "manifest.yaml"))
	if err != nil {
		return nil, err
	}
	ts, err := loadTopics(f, filepath.Join(dir, "topics.yaml"))
	if err != nil {
		return nil, err
	}
	cards, err := loadCards(f, filepath.Join(dir, "cards"), m, ts)
	if err != nil {
		return nil, err
	}
	notes, err := loadNotes(f, filepath.Join(dir, "notes"))
	if err != nil {
		return nil, err
	}
	questions, err := loadQuestions(f, filepath.Join(dir, "questions"), m, ts)
	if err != nil {
		return nil, err
	}
	lex, err := loadLexicon(f, filepath.Join(dir, "lexicon.tsv"))
	if err != nil {
		return nil, err
	}
	illicit, err := loadIllicit(f, filepath.Join(dir, "illicit.tsv"))
	if err != nil {
		return nil, err
	}
	models, err := loadModels(f, filepath.Join(dir, "models.yaml"), m)
	if err != nil {
		return nil, err
	}
	return &Corpus{Manifest: m, Topics: ts, Cards: cards, Notes: notes, Questions: questions, Lexicon: lex, Illicit: illicit,
		Models: models, Clauses: map[string][]Clause{}, Raw: map[string][]byte{}}, nil
}

// validateRefs checks every card and note reference against the clauses.
// Every dangling reference is reported, not just the first, so one build
// run tells an editor everything to fix.
func (c *Corpus) validateRefs() error {
	sections := map[string]map[string]bool{}
	for doc, cl := range c.Clauses {
		s := make(map[string]bool, len(cl))
		for _, x := range cl {
			s[x.Section] = true
		}
		sections[doc] = s
	}
	missing := map[string]bool{}
	for _, id := range c.Missing {
		missing[id] = true
	}
	var errs []error
	check := func(file string, refs []Ref) {
		for _, r := range refs {
			switch {
			case c.Manifest.Doc(r.Doc) == nil && sections[r.Doc] == nil:
				errs = append(errs, errorf(file, r.Line, "reference %s: no document %q in the manifest", r, r.Doc))
			case missing[r.Doc]:
				// reported as missing text, not as a dangling reference
			case !sections[r.Doc][r.Section]:
				errs = append(errs, errorf(file, r.Line, "reference %s does not resolve: %s has no section %q", r, r.Doc, r.Section))
			}
		}
	}
	for _, key := range slices.Sorted(maps.Keys(c.Cards)) {
		check(c.Cards[key].File, c.Cards[key].refs())
	}
	for _, n := range c.Notes {
		for _, a := range n.Arguments {
			check(n.File, a.Refs)
		}
	}
	sort.SliceStable(errs, func(i, j int) bool {
		a, b := errs[i].(*Error), errs[j].(*Error)
		if a.File != b.File {
			return a.File < b.File
		}
		return a.Line < b.Line
	})
	return errors.Join(errs...)
}

// refs lists every reference a card makes: its grant, its gates', its
// verdicts' (by topic id), its OSD criteria's and its OSAID items'.
func (c *Card) refs() []Ref {
	var out []Ref
	if c.Grant != nil {
		out = append(out, *c.Grant)
	}
	for _, g := range c.Gates {
		out = append(out, g.Refs...)
	}
	for _, topic := range slices.Sorted(maps.Keys(c.Topics)) {
		out = append(out, c.Topics[topic].Refs...)
	}
	if a := c.OpenSource; a != nil {
		for _, cr := range a.OSD {
			out = append(out, cr.Refs...)
		}
		for _, it := range a.OSAID.Items() {
			out = append(out, it.Refs...)
		}
	}
	return out
}

// Clause returns the clause doc#section, or nil.
func (c *Corpus) Clause(doc, section string) *Clause {
	for i, x := range c.Clauses[doc] {
		if x.Section == section {
			return &c.Clauses[doc][i]
		}
	}
	return nil
}

func sha256Hex(b []byte) string {
	h := sha256.Sum256(b)
	return hex.EncodeToString(h[:])
}
