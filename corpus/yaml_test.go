package corpus

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// decoded is a stand-in for the corpus file types: nested structs that
// record their lines, a map of pointers, references, a pointer to a slice.
type decoded struct {
	Name  string             `yaml:"name"`
	Items []decodedItem      `yaml:"items"`
	ByID  map[string]*nested `yaml:"by_id"`
}

type decodedItem struct {
	ID   string    `yaml:"id"`
	N    int       `yaml:"n"`
	Refs []Ref     `yaml:"refs"`
	Tags *[]string `yaml:"tags"`
	Line int       `yaml:"-" corpus:"line"`
}

type nested struct {
	Label string `yaml:"label"`
	Line  int    `yaml:"-" corpus:"line"`
}

func decodeString(t *testing.T, body string) (*decoded, error) {
	t.Helper()
	p := filepath.Join(t.TempDir(), "x.yaml")
	if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	var v decoded
	err := decodeYAMLFile(disk, p, &v)
	if err != nil {
		err = errors.New(strings.TrimPrefix(err.Error(), filepath.Dir(p)+string(filepath.Separator)))
	}
	return &v, err
}

// Every struct tagged for it learns the line its entry starts on, however
// deep; references learn theirs.
func TestDecoderRecordsLines(t *testing.T) {
	v, err := decodeString(t, `name: n
items:
  - id: a
    refs: [doc#1]
  - id: b
    refs:
      - doc#2.a
    tags: []
by_id:
  x:
    label: X
  y:
`)
	if err != nil {
		t.Fatal(err)
	}
	if len(v.Items) != 2 || v.Items[0].Line != 3 || v.Items[1].Line != 5 {
		t.Fatalf("items %+v; want lines 3 and 5", v.Items)
	}
	if r := v.Items[1].Refs[0]; r.Doc != "doc" || r.Section != "2.a" || r.Line != 7 {
		t.Errorf("ref %+v; want doc#2.a on line 7", r)
	}
	if v.Items[0].Tags != nil || v.Items[1].Tags == nil || len(*v.Items[1].Tags) != 0 {
		t.Errorf("tags: absent must stay nil, [] must be empty and set")
	}
	if x := v.ByID["x"]; x == nil || x.Label != "X" || x.Line != 11 {
		t.Errorf("by_id.x %+v; want label X on line 11", x)
	}
	if y, ok := v.ByID["y"]; !ok || y != nil {
		t.Errorf("by_id.y: null must be a present nil entry")
	}
}

// What the decoder refuses, each with the line of the node at fault.
func TestDecoderRefusesWithTheLine(t *testing.T) {
	for _, tc := range []struct{ name, body, want string }{
		{"unknown top-level key", "name: n\nnmae: m\n", `x.yaml:2: malformed YAML: unknown field "nmae" (known: by_id, items, name)`},
		{"unknown nested key", "items:\n  - id: a\n    nn: 1\n", `x.yaml:3: malformed YAML: unknown field "nn" (known: id, n, refs, tags)`},
		{"key given twice", "items:\n  - id: a\n    id: b\n", `x.yaml:3: malformed YAML: mapping key "id" already defined at line 2`},
		{"map key given twice", "by_id:\n  x: {label: X}\n  x: {label: Y}\n", `x.yaml:3: malformed YAML: mapping key "x" already defined at line 2`},
		{"wrong scalar", "items:\n  - n: seven\n", "x.yaml:2: malformed YAML: cannot unmarshal !!str `seven` into int"},
		{"list for a string", "name: [a]\n", "x.yaml:1: malformed YAML: cannot unmarshal !!seq into string"},
		{"bad reference", "items:\n  - refs:\n      - doc\n", `x.yaml:3: malformed YAML: reference "doc" is not of the form doc#section`},
		{"empty file", "", "x.yaml: empty file"},
		// What follows a "---" or "..." line would be left out unread.
		{"second document", "name: n\n---\nitems:\n  - id: a\n", "x.yaml:2: a second YAML document starts here (after a --- or ... line); a corpus file is one document, so nothing after that line would be read"},
		{"document ended early", "items:\n  - id: a\n...\n  - id: b\n", "x.yaml:3: malformed YAML near this line: did not find expected <document start>"},
		{"not YAML", "items: [\n", "x.yaml:1: malformed YAML near this line: did not find expected node content"},
		// Quotes that are odd for another reason come before the slip.
		{"quote left open after odd ones", "items:\n  - id: a 12\" screen\n    tags: [it's]\n    refs: [\"doc#1]\n  - id: b\n", "x.yaml:4: malformed YAML: a quote is left open (found unexpected end of stream)"},
		{"single quote left open", "items:\n  - id: 'a\n  - id: b\n    n: 2\nname: a 12\" screen\n", "x.yaml:2: malformed YAML: a quote is left open (found unexpected end of stream)"},
		{"quote left open", "items:\n  - id: a\n    refs: [\"doc#1]\n  - id: b\n    n: 2\n", "x.yaml:3: malformed YAML: a quote is left open (found unexpected end of stream)"},
		{"quote left open at the end", "name: \"n\nitems: []\n", "x.yaml:1: malformed YAML: a quote is left open (found unexpected end of stream)"},
		// The parser names the block's first line (1); the quote is on 3.
		{"quote left open in a block", "items:\n  - id: a\n    name: \"b\n  - id: c\n    n: 2\nname: \"x\"\n", "x.yaml:3: malformed YAML: a quote is left open (did not find expected key)"},
		// Bytes YAML refuses are placed on their own line.
		{"tab in the indentation", "name: n\nitems:\n  - id: a\n\t- id: b\n", "x.yaml:4: malformed YAML: a tab in the indentation (YAML indents with spaces)"},
		{"control character", "name: n\nitems:\n  - id: a\x01\n", "x.yaml:3: malformed YAML: a control character"},
		{"not UTF-8", "name: n\nitems:\n  - id: \xff\n", "x.yaml:3: malformed YAML: a byte that is not UTF-8 (save the file as UTF-8)"},
		// Apostrophes are no quotes: the open quote after them is found.
		{"quote left open after apostrophes", "items:\n" + strings.Repeat("  - id: can't, won't\n", 100) + "  - id: \"x\n  - id: y\n", "x.yaml:102: malformed YAML: a quote is left open (found unexpected end of stream)"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := decodeString(t, tc.body)
			if err == nil || err.Error() != tc.want {
				t.Errorf("err = %v\nwant  %s", err, tc.want)
			}
		})
	}
}

// BenchmarkSyntaxErrorInALargeFile is the cost of placing a syntax error
// in a file of 2,000 entries, each with a word that holds an apostrophe
// (can't): 16 ms. When every such line was mended and the file parsed
// again, it took 33 s.
func BenchmarkSyntaxErrorInALargeFile(b *testing.B) {
	var body strings.Builder
	body.WriteString("items:\n")
	for n := range 2000 {
		fmt.Fprintf(&body, "  - id: q%d\n    tags: [mit, can't i sell it]\n", n)
	}
	body.WriteString("\t- id: tab\n")
	p := filepath.Join(b.TempDir(), "x.yaml")
	if err := os.WriteFile(p, []byte(body.String()), 0o644); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		var v decoded
		if err := decodeYAMLFile(disk, p, &v); err == nil {
			b.Fatal("a tab-indented line was accepted")
		}
	}
}
