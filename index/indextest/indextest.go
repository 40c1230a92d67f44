// Package indextest builds real indexes for tests of the index and of its
// callers (the bot, the CLI): the full corpus once per `go test` run,
// shared by the packages it tests, and a small corpus for tests of
// mechanics.
package indextest

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/licensebot/licensebot/corpus"
	"github.com/licensebot/licensebot/corpus/corpustest"
	"github.com/licensebot/licensebot/index"
)

var (
	once    sync.Once
	dataDir string
	owned   bool // dataDir is this binary's own, removed by Main
	err     error
)

// Main runs a package's tests and removes what they built; call it from
// TestMain: func TestMain(m *testing.M) { os.Exit(indextest.Main(m)) }.
func Main(m *testing.M) int {
	code := m.Run()
	if dataDir != "" && owned {
		os.RemoveAll(dataDir)
	}
	return code
}

// DataDir returns a data directory holding an index of the full corpus,
// built once per `go test` run: the first test binary to need it builds
// it, the others running beside it wait and share it (see shared.go). The
// index is read-only for tests; a test that rebuilds makes its own.
func DataDir(t testing.TB) string {
	t.Helper()
	paths := Paths(t)
	once.Do(func() { dataDir, owned, err = sharedBuild(paths) })
	if err != nil {
		t.Fatalf("indextest: build index: %v", err)
	}
	return dataDir
}

// Engine opens an engine over the shared test index; it is closed when the
// test ends.
func Engine(t testing.TB) *index.Engine {
	t.Helper()
	e, err := index.Open(DataDir(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { e.Close() })
	return e
}

// Paths reads the repository's corpus/ and the texts straight from the
// shared mirror.
func Paths(t testing.TB) corpus.Paths {
	t.Helper()
	return corpus.Paths{Dir: corpustest.CorpusDir(t), Texts: corpustest.TextsDir(t)}
}

// SmallPaths is the small corpus (corpustest.SmallCorpusDir) with the
// mirror's texts.
func SmallPaths(t testing.TB) corpus.Paths {
	t.Helper()
	return corpus.Paths{Dir: corpustest.SmallCorpusDir(t), Texts: corpustest.TextsDir(t)}
}

// SmallDataDir builds the small corpus into a fresh data directory of the
// test's own, for tests that swap, kill or rebuild.
func SmallDataDir(t testing.TB) (string, corpus.Paths) {
	t.Helper()
	p := SmallPaths(t)
	data := t.TempDir()
	if _, err := index.Build(context.Background(), p, data); err != nil {
		t.Fatal(err)
	}
	return data, p
}

// buildPrivate builds the full corpus into a temporary directory of this
// test binary's own.
func buildPrivate(paths corpus.Paths) (string, bool, error) {
	dir, err := os.MkdirTemp("", "licensebot-index-")
	if err != nil {
		return "", false, err
	}
	_, err = index.Build(context.Background(), paths, dir)
	return dir, true, err
}

// CopyData copies a data directory — index builds, the current symlink as
// a symlink — into a fresh temporary one a test may damage, and returns it.
// (os.CopyFS refuses symlinks.)
func CopyData(t testing.TB, src string) string {
	t.Helper()
	dst := t.TempDir()
	err := filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, path)
		to := filepath.Join(dst, rel)
		switch {
		case d.Type()&fs.ModeSymlink != 0:
			target, err := os.Readlink(path)
			if err != nil {
				return err
			}
			return os.Symlink(target, to)
		case d.IsDir():
			return os.MkdirAll(to, 0o755)
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(to, b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	return dst
}
