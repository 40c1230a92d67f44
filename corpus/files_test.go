package corpus

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/licensebot/licensebot/corpus/corpustest"
)

// The binary carries every file the corpus loaders read, byte for byte as
// in the repository: a new file or directory of corpus data that the
// //go:embed line misses fails here, not in a user's first question.
func TestEmbeddedIsTheRepositoryCorpus(t *testing.T) {
	n := 0
	err := filepath.WalkDir(".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			switch d.Name() {
			case "corpustest", "reviews", "testdata": // test helpers and editors' notes, not data
				return filepath.SkipDir
			}
			return nil
		}
		if ext := filepath.Ext(p); ext != ".yaml" && ext != ".tsv" {
			return nil
		}
		n++
		want, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		got, err := fs.ReadFile(embedded, filepath.ToSlash(p))
		if err != nil {
			t.Errorf("%s is not embedded (add it to the //go:embed line in files.go): %v", p, err)
		} else if !bytes.Equal(got, want) {
			t.Errorf("%s differs from its embedded copy", p)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n < 10 {
		t.Errorf("only %d corpus files found", n)
	}
}

// Errors about the embedded corpus name the file as the repository has it.
func TestEmbeddedErrorsNameTheFile(t *testing.T) {
	p := Embedded(t.TempDir())
	if v := p.Version(); v == "" || !strings.HasPrefix(v, "20") {
		t.Errorf("embedded manifest version %q", v)
	}
	_, err := Load(p) // no texts in the temporary directory
	if err == nil || !strings.Contains(err.Error(), "texts") && !strings.Contains(err.Error(), "corpus pull") {
		t.Errorf("Load without texts: %v", err)
	}
	f := filesOf(p)
	names, err := f.Glob(filepath.Join(EmbeddedName, "cards", "*.yaml"))
	if err != nil || len(names) == 0 || !strings.HasPrefix(names[0], filepath.Join("corpus", "cards")+string(filepath.Separator)) {
		t.Errorf("Glob = %v, %v; want paths under corpus/cards", names, err)
	}
}

// The embedded corpus loads with the mirror's texts into what the
// repository's directory loads into.
func TestEmbeddedLoadsLikeTheDirectory(t *testing.T) {
	texts := corpustest.TextsDir(t)
	fromDisk, err := Load(Paths{Dir: corpustest.CorpusDir(t), Texts: texts})
	if err != nil {
		t.Fatal(err)
	}
	embedded, err := Load(Embedded(texts))
	if err != nil {
		t.Fatal(err)
	}
	if len(embedded.Cards) != len(fromDisk.Cards) || len(embedded.Questions) != len(fromDisk.Questions) ||
		len(embedded.Clauses) != len(fromDisk.Clauses) || len(embedded.Models.Models) != len(fromDisk.Models.Models) ||
		len(embedded.Notes) != len(fromDisk.Notes) || len(embedded.Lexicon) != len(fromDisk.Lexicon) ||
		len(embedded.Illicit) != len(fromDisk.Illicit) || embedded.Illicit["meth"] == "" {
		t.Errorf("embedded corpus differs from corpus/: %d/%d cards, %d/%d questions, %d/%d documents",
			len(embedded.Cards), len(fromDisk.Cards), len(embedded.Questions), len(fromDisk.Questions), len(embedded.Clauses), len(fromDisk.Clauses))
	}
}
