package corpus

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"regexp"
	"strconv"

	"go.yaml.in/yaml/v3"
)

var yamlLineRE = regexp.MustCompile(`line (\d+)`)

// decodeYAMLFile strictly decodes one YAML file into v: unknown fields are
// errors, so a typo in a card does not silently drop a verdict. Errors carry
// the file name and, where the parser knows it, the line.
func decodeYAMLFile(path string, v any) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return &Error{File: path, Err: err}
	}
	dec := yaml.NewDecoder(bytes.NewReader(b))
	dec.KnownFields(true)
	if err := dec.Decode(v); err != nil {
		if errors.Is(err, io.EOF) {
			return errorf(path, 0, "empty file")
		}
		line := 0
		if m := yamlLineRE.FindStringSubmatch(err.Error()); m != nil {
			line, _ = strconv.Atoi(m[1])
		}
		return &Error{File: path, Line: line, Err: fmt.Errorf("malformed YAML: %w", err)}
	}
	return nil
}

// Pos records where a value was written, for error messages.
type Pos struct {
	File string `yaml:"-"`
	Line int    `yaml:"-"`
}

// Ref is a clause reference "doc#section" as written in a card or note.
type Ref struct {
	Doc     string
	Section string
	Line    int // line in the YAML file
}

// UnmarshalYAML parses "doc#section" and keeps the line it was written on.
func (r *Ref) UnmarshalYAML(n *yaml.Node) error {
	var s string
	if err := n.Decode(&s); err != nil {
		return err
	}
	r.Line = n.Line
	doc, sec, ok := cutRef(s)
	if !ok {
		return fmt.Errorf("line %d: reference %q is not of the form doc#section", n.Line, s)
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
