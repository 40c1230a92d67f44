package corpus

import (
	"fmt"
	"maps"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
)

// Status values a verdict card may carry; FORMATS.md gives the rule for
// each (one meaning per status, whatever the license).
var cardStatuses = map[string]bool{
	"required": true, "allowed": true, "forbidden": true, "conditional": true, "not-addressed": true,
	"info": true,
}

// Verdict is one card: the answer for one license and topic.
type Verdict struct {
	Status string `yaml:"status"`
	// Basis is the legal position the status rests on (grant, duty,
	// prohibition, exclusion, silent, fact): CheckTaxonomy holds every
	// card's status to the one its basis allows, so the same position gets
	// the same status in every card.
	Basis   string `yaml:"basis"`
	Summary string `yaml:"summary"`
	Refs    []Ref  `yaml:"refs"`
	// Conditions are this topic's own conditions, a short phrase each
	// ("a model you share is named Llama…"); the license's gates come on
	// top of them.
	Conditions []string `yaml:"conditions"`
	// Gates lists the ids of the license's gates that bear on this topic.
	// Nil means every gate when the verdict is about a right (allowed,
	// conditional, required); an empty list means none.
	Gates *[]string `yaml:"gates"`
	// Absent marks a permission that rests on the license having no rule
	// of the topic's kind (no copyleft, no EU restriction, no use policy): the
	// status says what you may do without one, and does not answer
	// whether the license has one ("is MIT copyleft?").
	Absent bool `yaml:"absent"`

	Line int `yaml:"-" corpus:"line"`
}

// Gate is a license-wide condition: who may use the license at all, a
// policy that binds every use, or what every derivative must carry. A right
// of a gated license is never plainly allowed.
type Gate struct {
	ID    string `yaml:"id"`
	Kind  string `yaml:"kind"` // who | policy | derivative
	Label string `yaml:"label"`
	Refs  []Ref  `yaml:"refs"`

	Line int `yaml:"-" corpus:"line"`
}

// AppliedGates returns the license gates that bear on verdict v: its own
// list when it has one, else every gate for a verdict about a right.
func (c *Card) AppliedGates(v *Verdict) []Gate {
	if v.Gates == nil {
		if !rightStatuses[v.Status] {
			return nil
		}
		return c.Gates
	}
	var out []Gate
	for _, id := range *v.Gates {
		for _, g := range c.Gates {
			if g.ID == id {
				out = append(out, g)
			}
		}
	}
	return out
}

// rightStatuses are the statuses of verdicts about exercising a right, to
// which a license's gates apply unless the card says otherwise.
var rightStatuses = map[string]bool{"allowed": true, "conditional": true, "required": true}

// Criterion is one criterion of an open-source assessment.
type Criterion struct {
	N      int    `yaml:"n"`
	Result string `yaml:"result"`
	Reason string `yaml:"reason"`
	Refs   []Ref  `yaml:"refs"`

	Line int `yaml:"-" corpus:"line"`
}

// OSAID is the Open Source AI Definition 1.0 assessment of an AI model
// license: its four freedoms and the preferred-form requirement.
type OSAID struct {
	Use           *Criterion `yaml:"use"`
	Study         *Criterion `yaml:"study"`
	Modify        *Criterion `yaml:"modify"`
	Share         *Criterion `yaml:"share"`
	PreferredForm *Criterion `yaml:"preferred_form"`
}

// Items returns the OSAID entries with their names, in a fixed order.
func (o *OSAID) Items() []NamedCriterion {
	if o == nil {
		return nil
	}
	var out []NamedCriterion
	for _, it := range []NamedCriterion{
		{"use", o.Use}, {"study", o.Study}, {"modify", o.Modify}, {"share", o.Share}, {"preferred_form", o.PreferredForm},
	} {
		if it.Criterion != nil {
			out = append(out, it)
		}
	}
	return out
}

// NamedCriterion pairs an OSAID criterion with its name.
type NamedCriterion struct {
	Name string
	*Criterion
}

// Assessment is a license's Open Source Definition assessment.
type Assessment struct {
	OSD   []Criterion `yaml:"osd"`
	OSAID *OSAID      `yaml:"osaid"`

	Line int `yaml:"-" corpus:"line"`
}

// Failed returns the numbers of the OSD criteria the license fails.
func (a *Assessment) Failed() []int {
	var out []int
	for _, c := range a.OSD {
		if c.Result == "fail" {
			out = append(out, c.N)
		}
	}
	sort.Ints(out)
	return out
}

// Card is one file corpus/cards/<license>.yaml.
type Card struct {
	License    string              `yaml:"license"`
	Gates      []Gate              `yaml:"gates"`
	Topics     map[string]*Verdict `yaml:"topics"`
	OpenSource *Assessment         `yaml:"opensource"`
	// Grant is the clause that grants the license's rights: an answer on
	// a topic the text never mentions, in any of its words, quotes it as
	// what the license does say.
	Grant *Ref `yaml:"grant"`

	File string `yaml:"-"`
	raw  []byte // the file as read, for placing errors the decoder cannot
}

// LoadCards reads every *.yaml file in dir. It checks the shape of each card
// (known topics, statuses, criteria); references are checked against the
// segmented texts by Validate.
func LoadCards(dir string, m *Manifest, ts *Topics) (map[string]*Card, error) {
	return loadCards(disk, dir, m, ts)
}

func loadCards(fsys files, dir string, m *Manifest, ts *Topics) (map[string]*Card, error) {
	files, err := fsys.Glob(filepath.Join(dir, "*.yaml"))
	if err != nil {
		return nil, err
	}
	if err := fsys.Stat(dir); err != nil {
		return nil, &Error{File: dir, Err: err}
	}
	sort.Strings(files)
	cards := map[string]*Card{}
	for _, f := range files {
		c, err := readCard(fsys, f, m)
		if err != nil {
			return nil, err
		}
		if prev, ok := cards[c.License]; ok {
			return nil, errorf(f, 1, "second card for %s (first: %s)", c.License, prev.File)
		}
		if err := c.check(ts); err != nil {
			return nil, err
		}
		cards[c.License] = c
	}
	return cards, nil
}

// readCard decodes one card file, which must be named after a license key
// of the manifest.
func readCard(fsys files, f string, m *Manifest) (*Card, error) {
	var c Card
	if err := decodeYAMLFile(fsys, f, &c); err != nil {
		return nil, err
	}
	c.File = f
	c.raw, _ = fsys.ReadFile(f)
	d := m.LicenseDoc(c.License)
	if d == nil {
		return nil, errorf(f, 1, "license %q is not a license key in the manifest", c.License)
	}
	if want := c.License + ".yaml"; filepath.Base(f) != want {
		return nil, errorf(f, 1, "card for %s must be named %s", c.License, want)
	}
	if g := c.Grant; g != nil && g.Doc != d.ID && !slices.Contains(d.Incorporates, g.Doc) {
		return nil, errorf(f, g.Line, "grant %s is not in %s's text or a policy it incorporates", g, c.License)
	}
	return &c, nil
}

// check checks the card's shape: its grant, its verdicts, its gates, its
// assessment.
func (c *Card) check(ts *Topics) error {
	if c.Grant == nil {
		return errorf(c.File, 1, "no grant: name the clause that grants the license's rights (grant: doc#section)")
	}
	if err := c.checkTopics(ts); err != nil {
		return err
	}
	if err := checkGates(c); err != nil {
		return err
	}
	return c.checkOpenSource()
}

// checkTopics checks each verdict: a known topic, a known status, a
// summary, and a clause reference unless the text is silent.
func (c *Card) checkTopics(ts *Topics) error {
	f := c.File
	for _, id := range slices.Sorted(maps.Keys(c.Topics)) {
		v := c.Topics[id]
		if v == nil {
			return errorf(f, topicLine(c.raw, id), "topic %s has no verdict", id)
		}
		if ts.Topic(id) == nil {
			return errorf(f, v.Line, "unknown topic %q (topics are in %s)", id, ts.File)
		}
		if !cardStatuses[v.Status] {
			return errorf(f, v.Line, "topic %s: status %q is not one of required, allowed, forbidden, conditional, not-addressed, info", id, v.Status)
		}
		if strings.TrimSpace(v.Summary) == "" {
			return errorf(f, v.Line, "topic %s has no summary", id)
		}
		if len(v.Refs) == 0 && v.Status != "not-addressed" {
			return errorf(f, v.Line, "topic %s: a %s verdict needs at least one clause reference", id, v.Status)
		}
	}
	return nil
}

// checkOpenSource checks the assessment: the ten OSD criteria once each,
// and every criterion with a result and a reason.
func (c *Card) checkOpenSource() error {
	a, f := c.OpenSource, c.File
	if a == nil {
		return nil
	}
	seen := map[int]bool{}
	for _, cr := range a.OSD {
		if cr.N < 1 || cr.N > 10 || seen[cr.N] {
			return errorf(f, cr.Line, "OSD criterion %d: must be 1–10, once each", cr.N)
		}
		seen[cr.N] = true
		if err := checkCriterion(f, fmt.Sprintf("OSD %d", cr.N), &cr); err != nil {
			return err
		}
	}
	if len(a.OSD) != 0 && len(a.OSD) != 10 {
		var lacks []string
		for n := 1; n <= 10; n++ {
			if !seen[n] {
				lacks = append(lacks, strconv.Itoa(n))
			}
		}
		return errorf(f, a.Line, "the OSD assessment must cover all ten criteria, has %d (lacks %s)", len(a.OSD), strings.Join(lacks, ", "))
	}
	for _, it := range a.OSAID.Items() {
		if err := checkCriterion(f, "OSAID "+it.Name, it.Criterion); err != nil {
			return err
		}
	}
	return nil
}

// topicLine finds the line where a topic key is written, for the one error
// the decoded card cannot place (a topic with no verdict under it).
func topicLine(b []byte, topic string) int {
	for i, line := range strings.Split(string(b), "\n") {
		if strings.TrimSpace(line) == topic+":" {
			return i + 1
		}
	}
	return 0
}

func checkCriterion(file, what string, c *Criterion) error {
	if c.Result != "pass" && c.Result != "fail" {
		return errorf(file, c.Line, "%s: result %q must be pass or fail", what, c.Result)
	}
	if strings.TrimSpace(c.Reason) == "" {
		return errorf(file, c.Line, "%s has no reason", what)
	}
	return nil
}

var gateKinds = map[string]bool{"who": true, "policy": true, "derivative": true}

// checkGates checks the shape of a card's gates and that every topic names
// only gates the card declares.
func checkGates(c *Card) error {
	ids := map[string]bool{}
	for _, g := range c.Gates {
		switch {
		case !idRE.MatchString(g.ID) || ids[g.ID]:
			return errorf(c.File, g.Line, "gate id %q: lower-case letters, digits and '-', once each", g.ID)
		case !gateKinds[g.Kind]:
			return errorf(c.File, g.Line, "gate %s: kind %q is not one of who, policy, derivative", g.ID, g.Kind)
		case strings.TrimSpace(g.Label) == "":
			return errorf(c.File, g.Line, "gate %s has no label", g.ID)
		case len(g.Refs) == 0:
			return errorf(c.File, g.Line, "gate %s cites no clause", g.ID)
		}
		ids[g.ID] = true
	}
	for _, id := range slices.Sorted(maps.Keys(c.Topics)) {
		v := c.Topics[id]
		if v.Gates == nil {
			continue
		}
		for _, g := range *v.Gates {
			if !ids[g] {
				return errorf(c.File, v.Line, "topic %s: gate %q is not declared under gates:", id, g)
			}
		}
	}
	return nil
}
