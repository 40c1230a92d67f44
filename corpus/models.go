package corpus

import (
	"errors"
	"io/fs"
	"net/url"
	"strings"
	"time"
)

// Model is one entry of corpus/models.yaml: a model as people name it, the
// licenses that govern it, and where that mapping comes from.
type Model struct {
	Name    string   `yaml:"name"`
	Family  string   `yaml:"family"`
	IDs     []string `yaml:"ids"`     // Hugging Face repo ids people paste
	Aliases []string `yaml:"aliases"` // short names people type
	// Licenses are corpus license keys or ids declared under external;
	// a distillation or a fine-tune of a Llama base has two.
	Licenses []string `yaml:"licenses"`
	Why      string   `yaml:"why"`
	Source   string   `yaml:"source"`
	Checked  string   `yaml:"checked"` // YYYY-MM-DD
	// Multimodal: the publisher's model card (Source) says the model
	// takes more than text in, which no license text says of a model:
	// where a license withholds rights for "multimodal models" (the
	// Llama 3.2 and Llama 4 policies, in the EU), its answer on that
	// withholding is then not its general one.
	Multimodal bool `yaml:"multimodal"`
	// NotLLM: the publisher's model card describes an object detector, an
	// image generator or a speech recogniser, no language model: the bans
	// on using outputs to improve "any other large language model" (Llama
	// 2, Llama 3, Tongyi Qianwen) do not name it.
	NotLLM bool `yaml:"not_llm"`

	Line int `yaml:"-" corpus:"line"`
}

// ExternalLicense is a license a catalogued model is under whose text is
// not indexed yet: answers name it and link it, never a neighbour.
type ExternalLicense struct {
	ID    string   `yaml:"id"`
	Title string   `yaml:"title"`
	URL   string   `yaml:"url"`
	Names []string `yaml:"names"` // what people call it ("openrail++")
	// Near is the corpus license whose text stands in for this one's
	// (BLOOM's RAIL License v1.0 for its successor, the BigScience
	// OpenRAIL-M): a question on a model under it, asked of that license,
	// is answered from that license's cards. Empty for most.
	Near string `yaml:"near"`

	Line int `yaml:"-" corpus:"line"`
}

// Models is the catalogue.
type Models struct {
	External []ExternalLicense `yaml:"external"`
	Models   []Model           `yaml:"models"`

	File string `yaml:"-"`
}

// External returns the external license with id, or nil.
func (ms *Models) ExternalLicense(id string) *ExternalLicense {
	for i := range ms.External {
		if ms.External[i].ID == id {
			return &ms.External[i]
		}
	}
	return nil
}

// LoadModels reads and checks the catalogue: every entry names licenses
// that are in the manifest or declared external, a source URL and the date
// it was checked; no name means two models. A missing file is no catalogue.
func LoadModels(path string, m *Manifest) (*Models, error) { return loadModels(disk, path, m) }

func loadModels(f files, path string, m *Manifest) (*Models, error) {
	var ms Models
	if err := decodeYAMLFile(f, path, &ms); err != nil {
		if e, ok := err.(*Error); ok && errors.Is(e.Err, fs.ErrNotExist) {
			return &Models{File: path}, nil
		}
		return nil, err
	}
	ms.File = path
	ext := map[string]bool{}
	for _, e := range ms.External {
		if !idRE.MatchString(e.ID) || ext[e.ID] || m.LicenseDoc(e.ID) != nil {
			return nil, errorf(path, e.Line, "external license id %q: lower-case, once, and not a corpus license key", e.ID)
		}
		if e.Title == "" || !isURL(e.URL) {
			return nil, errorf(path, e.Line, "external license %s needs a title and a URL", e.ID)
		}
		if e.Near != "" && m.LicenseDoc(e.Near) == nil {
			return nil, errorf(path, e.Line, "external license %s: near %q is not a corpus license key", e.ID, e.Near)
		}
		ext[e.ID] = true
	}
	names := map[string]string{}
	for _, mo := range ms.Models {
		if err := checkModel(path, &mo, m, ext, names); err != nil {
			return nil, err
		}
	}
	return &ms, nil
}

func checkModel(path string, mo *Model, m *Manifest, ext map[string]bool, names map[string]string) error {
	switch {
	case strings.TrimSpace(mo.Name) == "":
		return errorf(path, mo.Line, "model without a name")
	case len(mo.Licenses) == 0:
		return errorf(path, mo.Line, "model %s names no license", mo.Name)
	case !isURL(mo.Source):
		return errorf(path, mo.Line, "model %s: source %q is not a URL", mo.Name, mo.Source)
	case strings.TrimSpace(mo.Why) == "":
		return errorf(path, mo.Line, "model %s: say why (one sentence)", mo.Name)
	}
	if _, err := time.Parse("2006-01-02", mo.Checked); err != nil {
		return errorf(path, mo.Line, "model %s: checked %q is not a date (YYYY-MM-DD)", mo.Name, mo.Checked)
	}
	for _, l := range mo.Licenses {
		if m.LicenseDoc(l) == nil && !ext[l] {
			return errorf(path, mo.Line, "model %s: license %q is neither a corpus license nor declared under external", mo.Name, l)
		}
	}
	for _, n := range mo.Names() {
		f := FoldModelName(n)
		if prev, dup := names[f]; dup && prev != mo.Name {
			return errorf(path, mo.Line, "model %s: name %q also names %s", mo.Name, n, prev)
		}
		names[f] = mo.Name
	}
	return nil
}

// Names are every name the model answers to: its name, its repository ids
// with and without the organisation, and its aliases.
func (mo *Model) Names() []string {
	out := []string{mo.Name}
	for _, id := range mo.IDs {
		out = append(out, id)
		if _, repo, ok := strings.Cut(id, "/"); ok {
			out = append(out, repo)
		}
	}
	return append(out, mo.Aliases...)
}

// FoldModelName makes "Qwen2.5-7B-Instruct", "qwen2.5 7b instruct" and
// "QWEN2.5_7B_INSTRUCT" the same key; dots stay (2.5 is not 25).
func FoldModelName(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	return strings.Map(func(r rune) rune {
		switch r {
		case ' ', '-', '_', '\t':
			return -1
		}
		return r
	}, s)
}

func isURL(s string) bool {
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "https" || u.Scheme == "http") && u.Host != ""
}
