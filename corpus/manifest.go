package corpus

import (
	"fmt"
	"regexp"
	"strings"
)

// Kind says what a document is.
type Kind string

// Document kinds.
const (
	KindLicense    Kind = "license"
	KindPolicy     Kind = "policy"
	KindDefinition Kind = "definition"
	KindCritique   Kind = "critique"
)

// Document is one manifest entry. Third-party documents carry an immutable
// URL and the SHA-256 of its content; mirror-only ones have no URL.
type Document struct {
	ID           string   `yaml:"id"`
	License      string   `yaml:"license"`
	Title        string   `yaml:"title"`
	Kind         Kind     `yaml:"kind"`
	Family       string   `yaml:"family"`
	Version      string   `yaml:"version"`
	Effective    string   `yaml:"effective"`
	Aliases      []string `yaml:"aliases"`
	SPDX         string   `yaml:"spdx"`
	ScanCode     string   `yaml:"scancode"`
	OSI          string   `yaml:"osi"`
	Incorporates []string `yaml:"incorporates"`
	URL          string   `yaml:"url"`
	Official     string   `yaml:"official"`
	SHA256       string   `yaml:"sha256"`
	FrontMatter  bool     `yaml:"front_matter"`

	Line int `yaml:"-" corpus:"line"` // where the entry starts in the manifest
}

// Manifest is corpus/manifest.yaml.
type Manifest struct {
	Version   string     `yaml:"version"`
	Documents []Document `yaml:"documents"`

	File string `yaml:"-"`
}

var (
	idRE     = regexp.MustCompile(`^[a-z0-9][a-z0-9.\-]*$`)
	sha256RE = regexp.MustCompile(`^[0-9a-f]{64}$`)
)

// LoadManifest reads and validates a manifest file.
func LoadManifest(path string) (*Manifest, error) { return loadManifest(disk, path) }

func loadManifest(f files, path string) (*Manifest, error) {
	var m Manifest
	if err := decodeYAMLFile(f, path, &m); err != nil {
		return nil, err
	}
	m.File = path
	if err := m.validate(); err != nil {
		return nil, err
	}
	return &m, nil
}

func (m *Manifest) validate() error {
	if len(m.Documents) == 0 {
		return errorf(m.File, 0, "no documents")
	}
	ids := map[string]bool{}
	keys := map[string]string{}
	for _, d := range m.Documents {
		at := func(format string, args ...any) error { return errorf(m.File, d.Line, format, args...) }
		switch {
		case !idRE.MatchString(d.ID):
			return at("document id %q: use lower-case letters, digits, '.' and '-'", d.ID)
		case ids[d.ID]:
			return at("duplicate document id %q", d.ID)
		case d.Title == "":
			return at("document %s has no title", d.ID)
		case !sha256RE.MatchString(d.SHA256):
			return at("document %s: sha256 must be 64 lower-case hex digits", d.ID)
		}
		ids[d.ID] = true
		switch d.Kind {
		case KindLicense:
			if d.License == "" {
				return at("license %s has no license key", d.ID)
			}
		case KindPolicy, KindDefinition, KindCritique:
			if d.License != "" {
				return at("document %s is a %s, not a license: remove its license key", d.ID, d.Kind)
			}
		default:
			return at("document %s: kind %q is not one of license, policy, definition, critique", d.ID, d.Kind)
		}
		if d.URL != "" && !strings.HasPrefix(d.URL, "https://") {
			return at("document %s: url must be https", d.ID)
		}
		for _, name := range append([]string{d.License}, d.Aliases...) {
			k := NormalizeName(name)
			if k == "" {
				continue
			}
			if other, ok := keys[k]; ok && other != d.ID {
				return at("alias %q of %s is also used by %s", name, d.ID, other)
			}
			keys[k] = d.ID
		}
	}
	for _, d := range m.Documents {
		for _, inc := range d.Incorporates {
			p := m.Doc(inc)
			if p == nil {
				return errorf(m.File, d.Line, "document %s incorporates unknown document %q", d.ID, inc)
			}
			if p.Kind != KindPolicy {
				return errorf(m.File, d.Line, "document %s incorporates %s, which is a %s, not a policy", d.ID, inc, p.Kind)
			}
		}
	}
	return nil
}

// Doc returns the document with the given id, or nil.
func (m *Manifest) Doc(id string) *Document {
	for i := range m.Documents {
		if m.Documents[i].ID == id {
			return &m.Documents[i]
		}
	}
	return nil
}

// Licenses returns the license documents in manifest order.
func (m *Manifest) Licenses() []*Document {
	var out []*Document
	for i := range m.Documents {
		if m.Documents[i].Kind == KindLicense {
			out = append(out, &m.Documents[i])
		}
	}
	return out
}

// LicenseDoc returns the license document whose key is key, or nil.
func (m *Manifest) LicenseDoc(key string) *Document {
	for i := range m.Documents {
		if m.Documents[i].License == key && key != "" {
			return &m.Documents[i]
		}
	}
	return nil
}

// NormalizeName folds a license or topic name as users type it to a
// comparable key: lower case, punctuation other than '.' dropped, runs of
// space, '-' and '_' collapsed to one space ("Llama-4" ≡ "llama 4").
func NormalizeName(s string) string {
	var b strings.Builder
	space := false
	for _, r := range strings.ToLower(s) {
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '.' || r > 127 && r != '\u2019' && r != '\u201c' && r != '\u201d':
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(r)
		default:
			space = true
		}
	}
	return strings.Trim(b.String(), ".")
}

func (d *Document) String() string { return fmt.Sprintf("%s (%s)", d.ID, d.Title) }
