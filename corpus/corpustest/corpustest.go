// Package corpustest finds the repository's corpus and the shared mirror of
// third-party texts for tests. A test that needs the texts fails, never
// skips, when they are missing: CI must not pass by testing nothing.
package corpustest

import (
	"os"
	"path/filepath"
	"testing"
)

// RepoRoot is the directory holding go.mod.
func RepoRoot(t testing.TB) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("corpustest: no go.mod above the working directory")
		}
		dir = parent
	}
}

// Shared is the shared/ directory beside the repository (DESIGN, eval,
// the corpus mirror, Discord's API description).
func Shared(t testing.TB) string {
	t.Helper()
	if d := os.Getenv("LICENSEBOT_SHARED"); d != "" {
		if !filepath.IsAbs(d) {
			d = filepath.Join(RepoRoot(t), d)
		}
		return d
	}
	return filepath.Join(RepoRoot(t), "..", "shared")
}

// TextsDir is the mirror of third-party texts: LICENSEBOT_TEXTS, or
// shared/corpus/texts. Missing is a test failure.
func TextsDir(t testing.TB) string {
	t.Helper()
	dir := os.Getenv("LICENSEBOT_TEXTS")
	switch {
	case dir == "":
		dir = filepath.Join(Shared(t), "corpus", "texts")
	case !filepath.IsAbs(dir):
		// go test runs each package in its own directory: a relative path
		// means one relative to the repository, where it was typed.
		dir = filepath.Join(RepoRoot(t), dir)
	}
	if _, err := os.Stat(filepath.Join(dir, "llama4-license.txt")); err != nil {
		t.Fatalf("corpus texts not found in %s (set LICENSEBOT_TEXTS, or put shared/ beside the repository): %v", dir, err)
	}
	return dir
}

// SharedFile is a file of shared/, which tests need: missing is a failure.
func SharedFile(t testing.TB, rel string) string {
	t.Helper()
	p := filepath.Join(Shared(t), rel)
	if _, err := os.Stat(p); err != nil {
		t.Fatalf("missing %s (shared/ sits beside the repository: the corpus mirror, eval questions, Discord's API description): %v", p, err)
	}
	return p
}

// CorpusDir is the repository's corpus/ directory.
func CorpusDir(t testing.TB) string {
	t.Helper()
	return filepath.Join(RepoRoot(t), "corpus")
}
