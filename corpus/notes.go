package corpus

import (
	"path/filepath"
	"sort"
	"strings"
)

// Argument is one argument of the project's critique notes.
type Argument struct {
	ID    string `yaml:"id"`
	Title string `yaml:"title"`
	Text  string `yaml:"text"`
	Refs  []Ref  `yaml:"refs"`
	OSD   []int  `yaml:"osd"`

	Line int `yaml:"-" corpus:"line"`
}

// Notes is one file corpus/notes/*.yaml: the project's own critique,
// indexed beside the third-party texts.
type Notes struct {
	ID        string     `yaml:"id"`
	Title     string     `yaml:"title"`
	About     string     `yaml:"about"`
	Arguments []Argument `yaml:"arguments"`

	File string `yaml:"-"`
}

// LoadNotes reads every *.yaml file in dir; a missing dir means no notes.
func LoadNotes(dir string) ([]*Notes, error) { return loadNotes(disk, dir) }

func loadNotes(fsys files, dir string) ([]*Notes, error) {
	files, err := fsys.Glob(filepath.Join(dir, "*.yaml"))
	if err != nil {
		return nil, err
	}
	sort.Strings(files)
	var out []*Notes
	for _, f := range files {
		var n Notes
		if err := decodeYAMLFile(fsys, f, &n); err != nil {
			return nil, err
		}
		n.File = f
		if !idRE.MatchString(n.ID) {
			return nil, errorf(f, 1, "notes id %q: use lower-case letters, digits and '-'", n.ID)
		}
		seen := map[string]bool{}
		for _, a := range n.Arguments {
			if a.ID == "" || seen[a.ID] {
				return nil, errorf(f, a.Line, "argument id %q missing or repeated", a.ID)
			}
			seen[a.ID] = true
			if strings.TrimSpace(a.Text) == "" {
				return nil, errorf(f, a.Line, "argument %s has no text", a.ID)
			}
			for _, c := range a.OSD {
				if c < 1 || c > 10 {
					return nil, errorf(f, a.Line, "argument %s: OSD criterion %d is not 1–10", a.ID, c)
				}
			}
		}
		out = append(out, &n)
	}
	return out, nil
}

// Clauses turns the notes into clauses, one per argument, so they are
// searched like any other document.
func (n *Notes) Clauses() []Clause {
	out := make([]Clause, 0, len(n.Arguments))
	for _, a := range n.Arguments {
		out = append(out, Clause{
			Doc:     n.ID,
			Section: a.ID,
			Heading: a.Title,
			Parents: []string{n.Title},
			Text:    strings.Join(strings.Fields(a.Text), " "),
			Line:    a.Line,
		})
	}
	return out
}
