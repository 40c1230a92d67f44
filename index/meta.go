package index

import (
	"bytes"
	"encoding/gob"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/licensebot/licensebot/corpus"
)

// metaFile is gob, not JSON: decoding it is most of what opening an index
// costs, and `licensebot ask` opens one per run (gob: ~4× faster here).
const metaFile = "meta.gob"

// meta is everything besides the bleve index that an answer needs, frozen
// at build time so a build's cards, topics and texts swap in together.
type meta struct {
	MappingVersion int                            `json:"mapping_version"`
	CorpusVersion  string                         `json:"corpus_version"`
	IndexedAt      time.Time                      `json:"indexed_at"`
	Docs           []docMeta                      `json:"docs"`
	Licenses       []licenseMeta                  `json:"licenses"`
	Topics         []corpus.Topic                 `json:"topics"`
	Kinds          []corpus.KindHint              `json:"kinds"`
	Synonyms       [][]string                     `json:"synonyms"`
	Cards          map[string]map[string]cardMeta `json:"cards"`
	OpenSource     map[string]*assessmentMeta     `json:"opensource"`
	Clauses        []corpus.Clause                `json:"clauses"`
	Missing        []string                       `json:"missing,omitempty"`
	// Features is the lexicon and concepts prepared for the question
	// model (stems computed at build, not at every open).
	Features *featureData `json:"features"`
	// Spellings map British spellings to American ones (see respell).
	Spellings map[string]string `json:"spellings"`
	// Illicit are the stems of corpus/illicit.tsv's words, sorted (see
	// illicitStems, illicitUse).
	Illicit []string `json:"illicit"`
	// QModel is the question model fitted at build; nil in a build with
	// nothing to fit it to.
	QModel *questionModel `json:"qmodel"`
	// Memory is which clauses answered the training questions.
	Memory *questionMemory `json:"memory"`
	// Quotable maps "doc#section" to the quotable form of a clause whose
	// clean text is not one run of its document (see verbatim.go).
	Quotable map[string]string `json:"quotable"`
	// Lists maps a clause that is incomplete alone to the clauses that
	// complete it, in reading order.
	Lists map[string][]string `json:"lists"`
	// Models is the model catalogue; External the licenses it names that
	// are not indexed.
	Models   []modelMeta    `json:"models"`
	External []externalMeta `json:"external"`
	// Attested are the forms each topic's words are written in by its
	// names, cards and training questions (see attestForms).
	Attested map[string][]string `json:"attested"`
}

type docMeta struct {
	ID      string `json:"id"`
	Title   string `json:"title"`
	Kind    string `json:"kind"`
	License string `json:"license,omitempty"`
	URL     string `json:"url,omitempty"` // official page
	// About is the license a critique or the project's notes are about
	// (the notes' about, a critique's family and version), "" for others.
	About string `json:"about,omitempty"`
	// Aliases are the names a document other than a license answers to
	// (a license's are its licenseMeta's).
	Aliases []string `json:"aliases,omitempty"`
}

type licenseMeta struct {
	Key     string   `json:"key"`
	Doc     string   `json:"doc"`
	Title   string   `json:"title"`
	Family  string   `json:"family"`
	Aliases []string `json:"aliases"`
	Docs    []string `json:"docs"` // the license text and the policies it incorporates
	URL     string   `json:"url"`
	// Effective is the license text's effective date, YYYY-MM-DD, or "":
	// which of a family's versions is the newest.
	Effective string `json:"effective,omitempty"`
	SPDX      string `json:"spdx,omitempty"`
	OSI       string `json:"osi,omitempty"`
	// ScanCode are the ScanCode ids of the license and of the policies it
	// incorporates, which users paste as names too.
	ScanCode []string `json:"scancode,omitempty"`
	// Grant is the clause that grants the license's rights, as its card
	// names it ("doc#section").
	Grant string `json:"grant,omitempty"`
}

type cardMeta struct {
	Status  Status   `json:"status"`
	Basis   string   `json:"basis,omitempty"` // grant, duty, prohibition, exclusion, silent, fact
	Summary string   `json:"summary"`
	Refs    []string `json:"refs"` // "doc#section"
	// Authored is the card author's first clause when the training
	// questions moved another to the front of Refs (see learnLeads).
	Authored string `json:"authored,omitempty"`
	// Conditions are the topic's own conditions and the license gates
	// that bear on it, in that order.
	Conditions []Condition `json:"conditions"`
	// Absent: the permission rests on the license having no rule of the
	// topic's kind (corpus.Verdict.Absent).
	Absent bool `json:"absent,omitempty"`
}

// authoredLead is the clause the card's author led with, whichever the
// training questions moved to the front (see learnLeads), or "".
func (c cardMeta) authoredLead() string {
	if c.Authored != "" {
		return c.Authored
	}
	if len(c.Refs) > 0 {
		return c.Refs[0]
	}
	return ""
}

type criterionMeta struct {
	N      int      `json:"n,omitempty"`
	Name   string   `json:"name,omitempty"`
	Result string   `json:"result"`
	Reason string   `json:"reason"`
	Refs   []string `json:"refs"`
}

type assessmentMeta struct {
	OSD   []criterionMeta `json:"osd"`
	OSAID []criterionMeta `json:"osaid,omitempty"`
}

func newMeta(c *corpus.Corpus, now time.Time) *meta {
	m := &meta{
		MappingVersion: MappingVersion,
		CorpusVersion:  c.Manifest.Version,
		IndexedAt:      now.UTC(),
		Topics:         c.Topics.Topics,
		Kinds:          c.Topics.Kinds,
		Synonyms:       c.Topics.Synonyms,
		Cards:          map[string]map[string]cardMeta{},
		OpenSource:     map[string]*assessmentMeta{},
		Missing:        c.Missing,
	}
	stems := buildStems()
	m.Features = newFeatureData(stems, c.Lexicon, c.Topics.Concepts)
	m.Spellings = spellingVariants(c.Lexicon, corpusWords(c))
	m.Illicit = illicitStems(stems, c.Illicit, c.Lexicon)
	m.Models, m.External = modelsMeta(c.Models)
	m.Quotable = quotableForms(c)
	m.Lists = listsOf(c)
	m.addDocuments(c)
	for key, card := range c.Cards {
		m.addCard(key, card)
	}
	for _, d := range c.Manifest.Documents {
		m.Clauses = append(m.Clauses, c.Clauses[d.ID]...)
	}
	for _, n := range c.Notes {
		m.Clauses = append(m.Clauses, c.Clauses[n.ID]...)
	}
	return m
}

// addDocuments records every document, and every license with the
// policies it incorporates.
func (m *meta) addDocuments(c *corpus.Corpus) {
	for _, d := range c.Manifest.Documents {
		m.Docs = append(m.Docs, docMeta{ID: d.ID, Title: d.Title, Kind: string(d.Kind), License: d.License, URL: d.Official,
			About: critiqued(c.Manifest, d)})
		if d.Kind != corpus.KindLicense {
			m.Docs[len(m.Docs)-1].Aliases = d.Aliases
		}
		if d.Kind == corpus.KindLicense {
			m.Licenses = append(m.Licenses, licenseMeta{
				Key: d.License, Doc: d.ID, Title: d.Title, Family: d.Family, Aliases: d.Aliases,
				Docs: append([]string{d.ID}, d.Incorporates...), URL: d.Official, Effective: d.Effective, SPDX: d.SPDX, OSI: d.OSI,
				ScanCode: scanCodes(c.Manifest, d), Grant: grantOf(c.Cards[d.License]),
			})
		}
	}
	for _, n := range c.Notes {
		m.Docs = append(m.Docs, docMeta{ID: n.ID, Title: n.Title, Kind: string(corpus.KindCritique), About: n.About})
	}
}

// critiqued is the license a critique is about, the one of its family and
// version; "" for any other document.
func critiqued(man *corpus.Manifest, d corpus.Document) string {
	if d.Kind != corpus.KindCritique || d.Version == "" {
		return ""
	}
	for _, l := range man.Documents {
		if l.Kind == corpus.KindLicense && l.Family == d.Family && l.Version == d.Version {
			return l.License
		}
	}
	return ""
}

// grantOf is the clause card names as the license's grant, "" without a
// card.
func grantOf(card *corpus.Card) string {
	if card == nil || card.Grant == nil {
		return ""
	}
	return card.Grant.String()
}

// scanCodes lists the ScanCode ids of license d and of the policies it
// incorporates.
func scanCodes(man *corpus.Manifest, d corpus.Document) []string {
	var out []string
	for _, id := range append([]string{d.ID}, d.Incorporates...) {
		if x := man.Doc(id); x != nil && x.ScanCode != "" {
			out = append(out, x.ScanCode)
		}
	}
	return out
}

// addCard records a license's verdicts and its open-source assessment.
func (m *meta) addCard(key string, card *corpus.Card) {
	cm := map[string]cardMeta{}
	for topic, v := range card.Topics {
		cm[topic] = cardMeta{Status: Status(v.Status), Basis: v.Basis, Summary: collapse(v.Summary),
			Refs: refStrings(v.Refs), Conditions: conditions(card, v), Absent: v.Absent}
	}
	m.Cards[key] = cm
	if a := card.OpenSource; a != nil && len(a.OSD) > 0 {
		am := &assessmentMeta{}
		for _, cr := range a.OSD {
			am.OSD = append(am.OSD, criterionMeta{N: cr.N, Result: cr.Result, Reason: collapse(cr.Reason), Refs: refStrings(cr.Refs)})
		}
		for _, it := range a.OSAID.Items() {
			am.OSAID = append(am.OSAID, criterionMeta{Name: it.Name, Result: it.Result, Reason: collapse(it.Reason), Refs: refStrings(it.Refs)})
		}
		m.OpenSource[key] = am
	}
}

func refStrings(rs []corpus.Ref) []string {
	out := make([]string, len(rs))
	for i, r := range rs {
		out[i] = r.String()
	}
	return out
}

// writeMeta writes m after its mapping version, a gob value of its own:
// a binary reads the version first, so that a meta whose layout it cannot
// decode (its fields changed type) is known to be another version's and
// rebuilt, not taken for a damaged file.
func writeMeta(dir string, m *meta) error {
	var buf bytes.Buffer
	enc := gob.NewEncoder(&buf)
	if err := enc.Encode(m.MappingVersion); err != nil {
		return err
	}
	if err := enc.Encode(m); err != nil {
		return err
	}
	return corpus.WriteFileAtomic(filepath.Join(dir, metaFile), buf.Bytes())
}

func readMeta(dir string) (*meta, error) {
	if _, err := os.Stat(dir); err != nil {
		return nil, fmt.Errorf("%w: the current build %s is gone: run `licensebot index build`", ErrNoIndex, dir)
	}
	f, err := os.Open(filepath.Join(dir, metaFile))
	if errors.Is(err, os.ErrNotExist) {
		return nil, fmt.Errorf("%s: %w: no %s (built by an older licensebot?): run `licensebot index build`", dir, ErrStaleIndex, metaFile)
	}
	if err != nil {
		return nil, err
	}
	defer f.Close()
	// Decoded from the file, not from a copy of it in memory: gob reads
	// the meta, one message, into a buffer of its own anyway, and a second
	// buffer the size of the file is a thousand more pages for a fresh
	// process to fault in.
	dec := gob.NewDecoder(f)
	var version int
	if err := dec.Decode(&version); err != nil {
		// Before mapping version 15 the meta came first: another layout.
		return nil, fmt.Errorf("%s: %w: its meta has no mapping version ahead of it (built by an older licensebot): run `licensebot index build`",
			dir, ErrStaleIndex)
	}
	if version != MappingVersion {
		return nil, fmt.Errorf("%s: %w: index has mapping version %d, this binary needs %d: run `licensebot index build`",
			dir, ErrStaleIndex, version, MappingVersion)
	}
	var m meta
	if err := dec.Decode(&m); err != nil {
		return nil, fmt.Errorf("%s: %w", filepath.Join(dir, metaFile), err)
	}
	if err := m.check(); err != nil {
		return nil, fmt.Errorf("%s: %w", filepath.Join(dir, metaFile), err)
	}
	return &m, nil
}

// conditions lists what a verdict depends on: the topic's own conditions,
// then each license gate bearing on it with the clause that imposes it.
func conditions(card *corpus.Card, v *corpus.Verdict) []Condition {
	out := []Condition{}
	for _, c := range v.Conditions {
		out = append(out, Condition{Label: collapse(c)})
	}
	for _, g := range card.AppliedGates(v) {
		c := Condition{Label: collapse(g.Label), Gate: g.ID}
		if len(g.Refs) > 0 {
			c.Doc, c.Section = g.Refs[0].Doc, g.Refs[0].Section
		}
		out = append(out, c)
	}
	return out
}

// illicitStems returns the stems of the illicit words that are one stem
// each, sorted and without repeats. Words shorter than four letters are
// left out: most are slang or abbreviations ("max" and "gin" for drugs,
// "arm", "sam"), and "ARM devices" would read as weapons. So is a stem
// that a word of the corpus's vocabulary (the lexicon's words) shares
// without being illicit itself: "gaming" is gambling to WordNet, but its
// stem is "game"'s.
func illicitStems(stems func(string) []string, words map[string]string, lex []corpus.LexRow) []string {
	innocent := map[string]bool{}
	for _, row := range lex {
		if st := stems(row.Word); len(st) == 1 && !slices.ContainsFunc(lemmas(row.Word), func(w string) bool { return words[w] != "" }) {
			innocent[st[0]] = true
		}
	}
	var out []string
	for w := range words {
		if st := stems(w); len(st) == 1 && len(w) >= minUnknownLetters && !innocent[st[0]] {
			out = append(out, st[0])
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// lemmas returns w and the forms regular endings leave: a plural's
// ("bombs" → "bomb", "parties" → "party") and a verb's past or
// participle ("killed" → "kill", "strangled" → "strangle", "stabbed" →
// "stab", "killing" → "kill"): the lemmas the illicit table may list it
// under.
func lemmas(w string) []string {
	out := []string{w}
	if t, ok := strings.CutSuffix(w, "s"); ok {
		out = append(out, t)
	}
	if t, ok := strings.CutSuffix(w, "es"); ok {
		out = append(out, t)
	}
	if t, ok := strings.CutSuffix(w, "ies"); ok {
		out = append(out, t+"y")
	}
	for _, suffix := range []string{"ed", "ing"} {
		t, ok := strings.CutSuffix(w, suffix)
		if !ok || len(t) < 2 {
			continue
		}
		out = append(out, t, t+"e")
		if n := len(t); t[n-1] == t[n-2] {
			out = append(out, t[:n-1]) // "stabbed"
		}
	}
	return out
}
