package index

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/licensebot/licensebot/corpus"
	"github.com/licensebot/licensebot/corpus/corpustest"
)

// A temporary build whose process died is removed at the next start or
// build; one whose process still runs (its lock held) is not, however old.
func TestStaleTempBuildsAreRemovedRunningOnesKept(t *testing.T) {
	builds := t.TempDir()
	running, unlock, err := startBuild(builds)
	if err != nil {
		t.Fatal(err)
	}
	defer unlock()
	dead, deadUnlock, err := startBuild(builds)
	if err != nil {
		t.Fatal(err)
	}
	deadUnlock() // the process that held it is gone
	orphan := filepath.Join(builds, ".tmp-orphan")
	os.Mkdir(orphan, 0o755)
	fresh := filepath.Join(builds, ".tmp-fresh")
	os.Mkdir(fresh, 0o755)
	old := time.Now().Add(-2 * orphanAge)
	for _, d := range []string{running, orphan} {
		os.Chtimes(d, old, old)
	}

	cleanStale(builds)
	for dir, want := range map[string]bool{running: true, dead: false, orphan: false, fresh: true} {
		_, err := os.Stat(dir)
		if got := err == nil; got != want {
			t.Errorf("%s kept = %v; want %v", filepath.Base(dir), got, want)
		}
	}
}

// BenchmarkVerifyBuild is what verification adds to every open (start-up,
// each swap): reading and hashing every file of a full-corpus build.
func BenchmarkVerifyBuild(b *testing.B) {
	dir := benchBuild(b)
	b.ResetTimer()
	for b.Loop() {
		if err := verifyBuild(dir); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkOpenSnapshot is the open verification precedes, for scale.
func BenchmarkOpenSnapshot(b *testing.B) {
	dir := benchBuild(b)
	b.ResetTimer()
	for b.Loop() {
		s, err := openSnapshot(dir, 0)
		if err != nil {
			b.Fatal(err)
		}
		s.close()
	}
}

// benchBuild builds the full corpus and returns the build directory.
func benchBuild(b *testing.B) string {
	b.Helper()
	data := b.TempDir()
	p := corpus.Paths{Dir: corpustest.CorpusDir(b), Texts: corpustest.TextsDir(b)}
	r, err := Build(context.Background(), p, data)
	if err != nil {
		b.Fatal(err)
	}
	var size int64
	filepath.Walk(r.Dir, func(_ string, info os.FileInfo, err error) error {
		if err == nil && !info.IsDir() {
			size += info.Size()
		}
		return err
	})
	b.SetBytes(size)
	return r.Dir
}
