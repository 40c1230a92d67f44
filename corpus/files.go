package corpus

import (
	"embed"
	"io/fs"
	"os"
	"path/filepath"
)

// embedded is the project's own corpus, compiled into every binary, so
// `licensebot` answers from any directory without a checkout beside it.
// The third-party texts are not here: they are never committed, and are
// pulled into the data directory.
//
//go:embed manifest.yaml topics.yaml models.yaml lexicon.tsv illicit.tsv cards/*.yaml notes/*.yaml questions/*.yaml
var embedded embed.FS

// EmbeddedName is what errors about the embedded corpus call its
// directory: the path of the files in the repository the binary was built
// from.
const EmbeddedName = "corpus"

// Embedded is the corpus compiled into the binary, with the texts in
// texts (a data directory's texts/).
func Embedded(texts string) Paths {
	return Paths{Dir: EmbeddedName, FS: embedded, Texts: texts}
}

// files reads corpus files by the paths errors name them by: the OS when
// fsys is nil, otherwise fsys, holding what lies under root.
type files struct {
	fsys fs.FS
	root string
}

// disk reads files from the file system.
var disk = files{}

// filesOf is where p's corpus files are read from.
func filesOf(p Paths) files {
	if p.FS == nil {
		return disk
	}
	return files{fsys: p.FS, root: p.Dir}
}

// name is path as a name in fsys.
func (f files) name(p string) string {
	rel, err := filepath.Rel(f.root, p)
	if err != nil {
		return p
	}
	return filepath.ToSlash(rel)
}

func (f files) ReadFile(p string) ([]byte, error) {
	if f.fsys == nil {
		return os.ReadFile(p)
	}
	return fs.ReadFile(f.fsys, f.name(p))
}

// Glob returns the paths matching pattern, as paths under root.
func (f files) Glob(pattern string) ([]string, error) {
	if f.fsys == nil {
		return filepath.Glob(pattern)
	}
	names, err := fs.Glob(f.fsys, f.name(pattern))
	for i, n := range names {
		names[i] = filepath.Join(f.root, filepath.FromSlash(n))
	}
	return names, err
}

func (f files) Stat(p string) error {
	if f.fsys == nil {
		_, err := os.Stat(p)
		return err
	}
	_, err := fs.Stat(f.fsys, f.name(p))
	return err
}

// Version is the manifest version of the corpus in p, or "" when it cannot
// be read; for banners, which must not fail.
func (p Paths) Version() string {
	m, err := p.LoadManifest()
	if err != nil {
		return ""
	}
	return m.Version
}

// LoadManifest reads and validates p's manifest.
func (p Paths) LoadManifest() (*Manifest, error) {
	return loadManifest(filesOf(p), filepath.Join(p.Dir, "manifest.yaml"))
}

// String names the corpus for messages: its directory, or "the corpus
// embedded in this binary".
func (p Paths) String() string {
	if p.FS != nil {
		return "the corpus embedded in this binary"
	}
	return p.Dir
}
