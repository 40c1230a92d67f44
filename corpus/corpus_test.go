package corpus_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/licensebot/licensebot/corpus"
	"github.com/licensebot/licensebot/corpus/corpustest"
)

// A text in the data directory is read at build as the pull reads one: a
// pipe, which never ends without a writer, or a file larger than any
// license text, fails the load at once, naming the file, rather than
// hang the build (and the reindex of a running bot, which holds the
// build lock) or read without end.
func TestLoadRefusesATextThatIsNoText(t *testing.T) {
	dir := corpustest.SmallCorpusDir(t)
	for name, plant := range map[string]func(path string) error{
		"a pipe":    mkfifo,
		"too large": func(path string) error { return os.WriteFile(path, make([]byte, 9<<20), 0o644) },
	} {
		t.Run(name, func(t *testing.T) {
			texts := t.TempDir()
			if err := os.CopyFS(texts, os.DirFS(corpustest.TextsDir(t))); err != nil {
				t.Fatal(err)
			}
			path := filepath.Join(texts, "mit.txt")
			os.Remove(path)
			if err := plant(path); err != nil {
				t.Skip(err)
			}
			t.Cleanup(func() { releaseFIFO(path) }) // a load blocked on it ends
			done := make(chan error, 1)
			go func() {
				_, err := corpus.Load(corpus.Paths{Dir: dir, Texts: texts})
				done <- err
			}()
			select {
			case err := <-done:
				if err == nil || !strings.Contains(err.Error(), "mit.txt is") {
					t.Errorf("err = %v; want mit.txt refused as no text", err)
				}
			case <-time.After(20 * time.Second):
				t.Fatal("Load still reading mit.txt after 20 s")
			}
		})
	}
}
