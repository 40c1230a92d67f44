// Package indextest builds a real index over the full corpus for tests of
// the index and of its callers (the bot), once per test binary.
package indextest

import (
	"context"
	"os"
	"sync"
	"testing"

	"github.com/licensebot/licensebot/corpus"
	"github.com/licensebot/licensebot/corpus/corpustest"
	"github.com/licensebot/licensebot/index"
)

var (
	once    sync.Once
	dataDir string
	err     error
)

// Main runs a package's tests and removes the shared index afterwards; call
// it from TestMain: func TestMain(m *testing.M) { os.Exit(indextest.Main(m)) }.
func Main(m *testing.M) int {
	code := m.Run()
	if dataDir != "" {
		os.RemoveAll(dataDir)
	}
	return code
}

// DataDir builds the full corpus into a temporary data directory (once per
// test binary) and returns it; Main removes it when the tests are done.
func DataDir(t testing.TB) string {
	t.Helper()
	paths := Paths(t)
	once.Do(func() {
		dataDir, err = os.MkdirTemp("", "licensebot-index-")
		if err != nil {
			return
		}
		_, err = index.Build(context.Background(), paths, dataDir)
	})
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
