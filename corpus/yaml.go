package corpus

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"reflect"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// decodeYAMLFile decodes one corpus file — manifest, topics, a card, notes —
// into v through decodeNode, the one decoder every corpus type goes
// through. Errors carry the file name and the line of the node at fault.
func decodeYAMLFile(f files, path string, v any) error {
	b, err := f.ReadFile(path)
	if err != nil {
		return &Error{File: path, Err: err}
	}
	var doc yaml.Node
	dec := yaml.NewDecoder(bytes.NewReader(b))
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return errorf(path, 0, "empty file")
		}
		return syntaxError(path, b, err)
	}
	// A "---" or "..." line ends the first document; what follows would
	// be silently left out.
	var more yaml.Node
	switch err := dec.Decode(&more); {
	case err == nil:
		return errorf(path, more.Line, "a second YAML document starts here (after a --- or ... line); a corpus file is one document, so nothing after that line would be read")
	case !errors.Is(err, io.EOF):
		return syntaxError(path, b, err)
	}
	if err := decodeNode(&doc, reflect.ValueOf(v).Elem()); err != nil {
		var ne *nodeError
		if errors.As(err, &ne) {
			return &Error{File: path, Line: ne.line, Err: fmt.Errorf("malformed YAML: %w", ne.err)}
		}
		return &Error{File: path, Err: fmt.Errorf("malformed YAML: %w", err)}
	}
	return nil
}

var syntaxLine = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// syntaxError places a YAML syntax error, which has no node, at a line.
// The parser's line is near the fault but not always on it — for a quote
// left open it is where the enclosing block starts, or the file's end —
// so a quote left open, the commonest slip, is looked for and named.
func syntaxError(path string, src []byte, err error) error {
	m := syntaxLine.FindStringSubmatch(err.Error())
	if m == nil || strings.Contains(m[2], "tab character") {
		// The parser names no line, or the one before a tab-indented one.
		if at, what := badCharacter(src); at > 0 {
			return &Error{File: path, Line: at, Err: fmt.Errorf("malformed YAML: %s", what)}
		}
	}
	if m == nil {
		return &Error{File: path, Err: fmt.Errorf("malformed YAML: %s", strings.TrimPrefix(err.Error(), "yaml: "))}
	}
	if at := unclosedQuote(src); at > 0 {
		return &Error{File: path, Line: at, Err: fmt.Errorf("malformed YAML: a quote is left open (%s)", m[2])}
	}
	line, _ := strconv.Atoi(m[1])
	return &Error{File: path, Line: line, Err: fmt.Errorf("malformed YAML near this line: %s", m[2])}
}

// badCharacter is the line (from 1) of the first byte YAML refuses
// wherever it stands — a byte that is not UTF-8, a control character, a
// tab in a line's indentation — and what it is; 0 when there is none.
func badCharacter(src []byte) (int, string) {
	for i, line := range strings.Split(string(src), "\n") {
		indent := line[:len(line)-len(strings.TrimLeft(line, " \t"))]
		switch {
		case !utf8.ValidString(line):
			return i + 1, "a byte that is not UTF-8 (save the file as UTF-8)"
		case strings.ContainsRune(indent, '\t'):
			return i + 1, "a tab in the indentation (YAML indents with spaces)"
		case strings.ContainsFunc(line, func(r rune) bool { return unicode.IsControl(r) && r != '\t' && r != '\r' }):
			return i + 1, "a control character"
		}
	}
	return 0, ""
}

// unclosedQuote is the line (from 1) of the quote left open that makes src
// fail to parse, or 0: the first line with an odd number of one kind of
// quote such that closing it at the line's end makes src parse. A line
// whose quotes are odd for another reason (a 12" screen, it's) is passed
// over, since closing it mends nothing.
func unclosedQuote(src []byte) int {
	lines := strings.Split(string(src), "\n")
	tries := 0
	for i, line := range lines {
		for _, q := range []string{`"`, "'"} {
			if strings.Count(line, q)%2 == 0 || q == "'" && onlyApostrophes(line) {
				continue
			}
			// Each try parses the whole file again: a file with many odd
			// lines before its slip is left to the parser's line.
			if tries++; tries > maxQuoteTries {
				return 0
			}
			// Closed at the line's end, or before the brackets that end a
			// flow list on it (refs: ["doc#1]).
			body := strings.TrimRight(line, " ]},")
			for _, closed := range []string{line + q, body + q + line[len(body):]} {
				mended := slices.Clone(lines)
				mended[i] = closed
				var n yaml.Node
				if yaml.Unmarshal([]byte(strings.Join(mended, "\n")), &n) == nil {
					return i + 1
				}
			}
		}
	}
	return 0
}

// maxQuoteTries bounds the lines unclosedQuote mends and parses again.
const maxQuoteTries = 64

// onlyApostrophes reports whether every ' of line stands between two
// letters, as in "can't": apostrophes, not quotes.
func onlyApostrophes(line string) bool {
	r := []rune(line)
	for i, c := range r {
		if c == '\'' && (i == 0 || i == len(r)-1 || !unicode.IsLetter(r[i-1]) || !unicode.IsLetter(r[i+1])) {
			return false
		}
	}
	return true
}

// decodeNode decodes n into v. Scalars are yaml.v3's to convert; the
// structure is walked here, so that every corpus type gets the same three
// things without a method of its own:
//
//   - strictness: a key a struct does not declare is refused, naming the
//     known ones (a typo in a card must not silently drop a verdict), and
//     so is a key given twice;
//   - lines: a struct field tagged `corpus:"line"` receives the line the
//     struct's node starts on, for the validation errors that come later;
//   - positions: every error is a *nodeError holding the line of the node
//     at fault.
//
// Types implementing yaml.Unmarshaler (Ref) decode themselves; their
// errors are placed at their node. Merge keys ("<<") are not supported:
// the corpus does not use them, and they are refused as unknown fields.
func decodeNode(n *yaml.Node, v reflect.Value) error {
	switch n.Kind {
	case yaml.DocumentNode:
		if len(n.Content) == 0 {
			return nil
		}
		return decodeNode(n.Content[0], v)
	case yaml.AliasNode:
		return decodeNode(n.Alias, v)
	}
	if isNull(n) {
		// As yaml.v3 does: null makes a pointer, slice or map nil and
		// leaves anything else as it is (zero, in a fresh value).
		if nullable(v.Type()) {
			v.SetZero()
		}
		return nil
	}
	if v.Kind() == reflect.Pointer {
		if v.IsNil() {
			v.Set(reflect.New(v.Type().Elem()))
		}
		return decodeNode(n, v.Elem())
	}
	if u, ok := v.Addr().Interface().(yaml.Unmarshaler); ok {
		if err := u.UnmarshalYAML(n); err != nil {
			return atNode(n, err)
		}
		recordLine(n, v)
		return nil
	}
	switch v.Kind() {
	case reflect.Struct:
		return decodeStruct(n, v)
	case reflect.Slice:
		return decodeSlice(n, v)
	case reflect.Map:
		return decodeMap(n, v)
	}
	if n.Kind != yaml.ScalarNode || n.Decode(v.Addr().Interface()) != nil {
		return cannotDecode(n, v)
	}
	return nil
}

// decodeStruct decodes a mapping into a struct, strictly, and records the
// mapping's line.
func decodeStruct(n *yaml.Node, v reflect.Value) error {
	if n.Kind != yaml.MappingNode {
		return cannotDecode(n, v)
	}
	fields, err := yamlFields(v.Type())
	if err != nil {
		return atNode(n, err)
	}
	seen := map[string]int{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k := n.Content[i]
		f, known := fields[k.Value]
		if !known {
			return nodeErrorf(k, "unknown field %q (known: %s)", k.Value, strings.Join(sortedKeys(fields), ", "))
		}
		if err := once(seen, k); err != nil {
			return err
		}
		if err := decodeNode(n.Content[i+1], v.Field(f)); err != nil {
			return err
		}
	}
	recordLine(n, v)
	return nil
}

// decodeSlice decodes a sequence ([] is an empty slice, not nil).
func decodeSlice(n *yaml.Node, v reflect.Value) error {
	if n.Kind != yaml.SequenceNode {
		return cannotDecode(n, v)
	}
	s := reflect.MakeSlice(v.Type(), 0, len(n.Content))
	for _, item := range n.Content {
		if skipNull(item, v.Type().Elem()) {
			continue
		}
		s = reflect.Append(s, reflect.New(v.Type().Elem()).Elem())
		if err := decodeNode(item, s.Index(s.Len()-1)); err != nil {
			return err
		}
	}
	v.Set(s)
	return nil
}

// decodeMap decodes a mapping into a map, refusing a key given twice.
func decodeMap(n *yaml.Node, v reflect.Value) error {
	if n.Kind != yaml.MappingNode {
		return cannotDecode(n, v)
	}
	m := reflect.MakeMapWithSize(v.Type(), len(n.Content)/2)
	seen := map[string]int{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if err := once(seen, n.Content[i]); err != nil {
			return err
		}
		if skipNull(n.Content[i+1], v.Type().Elem()) {
			continue
		}
		key := reflect.New(v.Type().Key()).Elem()
		if err := decodeNode(n.Content[i], key); err != nil {
			return err
		}
		elem := reflect.New(v.Type().Elem()).Elem()
		if err := decodeNode(n.Content[i+1], elem); err != nil {
			return err
		}
		m.SetMapIndex(key, elem)
	}
	v.Set(m)
	return nil
}

func isNull(n *yaml.Node) bool {
	return n.Kind == yaml.ScalarNode && n.ShortTag() == "!!null"
}

// nullable reports whether null sets a value of type t (to nil).
func nullable(t reflect.Type) bool {
	switch t.Kind() {
	case reflect.Pointer, reflect.Slice, reflect.Map, reflect.Interface:
		return true
	}
	return false
}

// skipNull reports whether a sequence item or map value n is left out, as
// yaml.v3 leaves out a null of a type null cannot set.
func skipNull(n *yaml.Node, t reflect.Type) bool {
	return isNull(n) && !nullable(t)
}

// once refuses a mapping key seen before in the same mapping.
func once(seen map[string]int, k *yaml.Node) error {
	if first, dup := seen[k.Value]; dup {
		return nodeErrorf(k, "mapping key %q already defined at line %d", k.Value, first)
	}
	seen[k.Value] = k.Line
	return nil
}

// recordLine sets v's `corpus:"line"` field, if it has one, to n's line.
func recordLine(n *yaml.Node, v reflect.Value) {
	if v.Kind() != reflect.Struct {
		return
	}
	for i := 0; i < v.NumField(); i++ {
		if v.Type().Field(i).Tag.Get("corpus") == "line" {
			v.Field(i).SetInt(int64(n.Line))
		}
	}
}

// yamlFields maps the keys a struct declares to its field indexes: the
// yaml tag's name, or as yaml.v3 does, the lower-cased field name.
func yamlFields(t reflect.Type) (map[string]int, error) {
	out := map[string]int{}
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		name, opts, _ := strings.Cut(f.Tag.Get("yaml"), ",")
		if !f.IsExported() || name == "-" {
			continue
		}
		if strings.Contains(opts, "inline") {
			return nil, fmt.Errorf("%s.%s: inline fields are not supported", t, f.Name)
		}
		if name == "" {
			name = strings.ToLower(f.Name)
		}
		out[name] = i
	}
	return out, nil
}

func sortedKeys(m map[string]int) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// nodeError is a decoding error and the line of the node at fault.
type nodeError struct {
	line int
	err  error
}

func (e *nodeError) Error() string { return fmt.Sprintf("line %d: %v", e.line, e.err) }
func (e *nodeError) Unwrap() error { return e.err }

// atNode places err at n, unless it already has a place (deeper, so more
// precise).
func atNode(n *yaml.Node, err error) error {
	var ne *nodeError
	if errors.As(err, &ne) {
		return err
	}
	return &nodeError{line: n.Line, err: err}
}

func nodeErrorf(n *yaml.Node, format string, args ...any) error {
	return &nodeError{line: n.Line, err: fmt.Errorf(format, args...)}
}

// cannotDecode says, in yaml.v3's words, that n does not fit v.
func cannotDecode(n *yaml.Node, v reflect.Value) error {
	if n.Kind == yaml.ScalarNode {
		return nodeErrorf(n, "cannot unmarshal %s `%s` into %s", n.ShortTag(), n.Value, v.Type())
	}
	return nodeErrorf(n, "cannot unmarshal %s into %s", n.ShortTag(), v.Type())
}
