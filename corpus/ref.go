package corpus

import (
	"fmt"

	"go.yaml.in/yaml/v3"
)

// Ref is a clause reference "doc#section" as written in a card or note.
type Ref struct {
	Doc     string
	Section string
	Line    int `corpus:"line"` // line in the YAML file
}

// UnmarshalYAML parses "doc#section". The corpus decoder records the line
// and places an error at it.
func (r *Ref) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind != yaml.ScalarNode {
		return fmt.Errorf("a reference is a string, doc#section")
	}
	doc, sec, ok := cutRef(n.Value)
	if !ok {
		return fmt.Errorf("reference %q is not of the form doc#section", n.Value)
	}
	r.Doc, r.Section = doc, sec
	return nil
}

func (r Ref) String() string { return r.Doc + "#" + r.Section }

func cutRef(s string) (doc, sec string, ok bool) {
	for i := 0; i < len(s); i++ {
		if s[i] == '#' {
			doc, sec = s[:i], s[i+1:]
			return doc, sec, doc != "" && sec != ""
		}
	}
	return "", "", false
}
