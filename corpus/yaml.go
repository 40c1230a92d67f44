package corpus

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"reflect"
	"regexp"
	"sort"
	"strconv"
	"strings"

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
		msg := err.Error()
		if m := yamlLineRE.FindStringSubmatch(msg); m != nil {
			line, _ = strconv.Atoi(m[1])
			// The file:line prefix says it; drop the parser's own "line N: ".
			msg = strings.Replace(strings.TrimPrefix(msg, "yaml: "), m[0]+": ", "", 1)
		}
		return &Error{File: path, Line: line, Err: fmt.Errorf("malformed YAML: %s", msg)}
	}
	return nil
}

// decodeStrict decodes a mapping node into v, refusing keys v's struct does
// not declare. Types with their own UnmarshalYAML (to keep line numbers)
// call it, since node.Decode does not inherit the decoder's KnownFields.
func decodeStrict(n *yaml.Node, v any) error {
	if n.Kind == yaml.MappingNode {
		known := yamlFields(reflect.TypeOf(v).Elem())
		for i := 0; i+1 < len(n.Content); i += 2 {
			k := n.Content[i]
			if !known[k.Value] {
				return fmt.Errorf("line %d: unknown field %q (known: %s)", k.Line, k.Value, strings.Join(sortedFields(known), ", "))
			}
		}
	}
	return n.Decode(v)
}

func yamlFields(t reflect.Type) map[string]bool {
	out := map[string]bool{}
	for i := 0; i < t.NumField(); i++ {
		name, _, _ := strings.Cut(t.Field(i).Tag.Get("yaml"), ",")
		if name != "" && name != "-" {
			out[name] = true
		}
	}
	return out
}

func sortedFields(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
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
