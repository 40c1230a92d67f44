package corpus

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestLoadTopicsChecksConcepts: a concept the question model cannot read
// — a repeated id, an unknown role, no words, one past the number the
// model keeps as bits — is a build error naming the file and its line.
func TestLoadTopicsChecksConcepts(t *testing.T) {
	many := make([]string, MaxConcepts+1)
	for i := range many {
		many[i] = fmt.Sprintf("  - {id: c%d, role: object, words: [w%d]}", i, i)
	}
	cases := []struct{ name, concepts, want string }{
		{"repeated", "  - {id: a, role: object, words: [x]}\n  - {id: a, role: action, words: [y]}", `concept id "a"`},
		{"role", "  - {id: a, role: verb, words: [x]}", `role "verb"`},
		{"words", "  - {id: a, role: object}", "has no words"},
		{"too many", strings.Join(many, "\n"), fmt.Sprintf("at most %d concepts", MaxConcepts)},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "topics.yaml")
			body := "topics:\n  - {id: t, label: T}\nconcepts:\n" + c.concepts + "\n"
			if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
				t.Fatal(err)
			}
			_, err := LoadTopics(path)
			var ce *Error
			if !errors.As(err, &ce) || ce.File != path || ce.Line == 0 || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("got %v, want an error at a line of %s saying %q", err, path, c.want)
			}
		})
	}
	ok := strings.Join(many[:MaxConcepts], "\n")
	path := filepath.Join(t.TempDir(), "topics.yaml")
	if err := os.WriteFile(path, []byte("topics:\n  - {id: t, label: T}\nconcepts:\n"+ok+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := LoadTopics(path); err != nil {
		t.Fatalf("%d concepts: %v", MaxConcepts, err)
	}
}

// A partial alias or a term that is not one of the topic's aliases is a
// build error naming the file and the topic's line; one that is loads.
func TestLoadTopicsChecksPartialAliasesAndTerms(t *testing.T) {
	for _, c := range []struct{ topic, want string }{
		{"  - {id: law, label: Law, aliases: [law, china], partial: [china]}", ""},
		{"  - {id: law, label: Law, aliases: [law], partial: [china]}", `partial "china" is not one of its aliases or search terms`},
		{"  - {id: credit, label: Credit, aliases: [credit, built with x], terms: [built with x]}", ""},
		{"  - {id: credit, label: Credit, aliases: [credit], terms: [built with x]}", `term "built with x" is not one of its aliases`},
	} {
		path := filepath.Join(t.TempDir(), "topics.yaml")
		if err := os.WriteFile(path, []byte("topics:\n  - {id: t, label: T}\n"+c.topic+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		_, err := LoadTopics(path)
		if c.want == "" {
			if err != nil {
				t.Errorf("%s: %v", c.topic, err)
			}
			continue
		}
		var ce *Error
		if !errors.As(err, &ce) || ce.File != path || ce.Line != 3 || !strings.Contains(err.Error(), c.want) {
			t.Errorf("got %v, want an error at line 3 of %s saying %q", err, path, c.want)
		}
	}
}
