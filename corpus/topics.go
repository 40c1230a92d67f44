package corpus

import "slices"

// Topic is one entry of the taxonomy in corpus/topics.yaml.
type Topic struct {
	ID      string   `yaml:"id"`
	Label   string   `yaml:"label"`
	Aliases []string `yaml:"aliases"`
	// Instances are specific cases of the topic ("spam" for acceptable use,
	// "weapons" for military): the card's verdict applies, but the clause
	// that names the case is quoted first.
	Instances []string `yaml:"instances"`
	Expand    []string `yaml:"expand"`
	// Fact marks a topic that states a fact (warranty, liability,
	// governing law) rather than granting or forbidding: its verdicts are
	// `info`, shown without a verdict colour.
	Fact bool `yaml:"fact"`
	// Lists marks a topic whose cards ban a list of uses (acceptable use):
	// a question about a use the list does not name is not answered by
	// the ban, so it gets the clauses without a verdict.
	Lists bool `yaml:"lists"`
	// Partial are aliases that name the topic only beside another of its
	// words ("china" for governing law, as in "do disputes go to china?"):
	// a question whose only words of the topic are these gets no verdict
	// on it — "can I use it in china?" asks where the model may be used,
	// not which law governs; "multimodal" for EU restriction, as in "is it
	// multimodal?", which asks what the model is. Each must be one of
	// Aliases or Expand, so reading is unchanged.
	Partial []string `yaml:"partial"`
	// Terms are aliases that name one license's form of the topic ("built
	// with qwen" for attribution): a question naming one gets the card's
	// verdict only where the clauses the card cites hold its words
	// together. Each must be one of Aliases, so reading is unchanged.
	Terms []string `yaml:"terms"`
	// Rule names the rule of the topic's kind a license may or may not
	// have ("copyleft", "use policy", "eu restriction"): a question whether
	// the license has it is not answered by a card marked absent
	// (FORMATS.md, Statuses).
	Rule []string `yaml:"rule"`
	// Not are phrases that hold a word of the topic in another sense
	// ("credit score" of attribution's "credit", "notice period" of the
	// notice file's "notice"): a question saying one, its words in a row
	// and no other word of the topic's names, gets no verdict on the
	// topic.
	Not []string `yaml:"not"`

	Line int `yaml:"-" corpus:"line"`
}

// KindHint names words that ask for one kind of document: "criticism"
// looks for critique, "criteria" for the definition.
type KindHint struct {
	Kind    string   `yaml:"kind" json:"kind"`
	Aliases []string `yaml:"aliases" json:"aliases"`
}

// Topics is the taxonomy, in file order.
type Topics struct {
	Topics []Topic    `yaml:"topics"`
	Kinds  []KindHint `yaml:"kinds"`
	// Synonyms are groups of phrases that mean the same in license text
	// ("hosted service" / "API" / "SaaS"): a query with one of them also
	// searches, at lower weight, for the others.
	Synonyms [][]string `yaml:"synonyms"`
	// Concepts are what questions act on, how, and under which conditions;
	// the question model reads them as features.
	Concepts []Concept `yaml:"concepts"`

	File string `yaml:"-"`
}

// LoadTopics reads and validates a topics file.
func LoadTopics(path string) (*Topics, error) { return loadTopics(disk, path) }

func loadTopics(f files, path string) (*Topics, error) {
	var ts Topics
	if err := decodeYAMLFile(f, path, &ts); err != nil {
		return nil, err
	}
	ts.File = path
	seen := map[string]bool{}
	for _, t := range ts.Topics {
		switch {
		case !idRE.MatchString(t.ID):
			return nil, errorf(path, t.Line, "topic id %q: use lower-case letters, digits and '-'", t.ID)
		case seen[t.ID]:
			return nil, errorf(path, t.Line, "duplicate topic id %q", t.ID)
		case t.Label == "":
			return nil, errorf(path, t.Line, "topic %s has no label", t.ID)
		}
		for _, a := range t.Partial {
			if !slices.Contains(t.Aliases, a) && !slices.Contains(t.Expand, a) {
				return nil, errorf(path, t.Line, "topic %s: partial %q is not one of its aliases or search terms", t.ID, a)
			}
		}
		for _, a := range t.Terms {
			if !slices.Contains(t.Aliases, a) {
				return nil, errorf(path, t.Line, "topic %s: term %q is not one of its aliases", t.ID, a)
			}
		}
		seen[t.ID] = true
	}
	if len(ts.Topics) == 0 {
		return nil, errorf(path, 0, "no topics")
	}
	if err := checkConcepts(path, ts.Concepts); err != nil {
		return nil, err
	}
	return &ts, nil
}

// Topic returns the topic with the given id, or nil.
func (ts *Topics) Topic(id string) *Topic {
	for i := range ts.Topics {
		if ts.Topics[i].ID == id {
			return &ts.Topics[i]
		}
	}
	return nil
}
