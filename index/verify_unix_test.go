//go:build unix

package index_test

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/licensebot/licensebot/index"
)

// A build's checksums.json that is no file — a pipe, which never ends
// without a writer — is damage like any other: the open falls back to the
// previous good build and names it, rather than hang (the watch of a
// running bot reads it every few seconds).
func TestManifestThatIsNoFileIsDamage(t *testing.T) {
	data := twoBuildsDir(t)
	cur := currentBuild(t, data)
	path := filepath.Join(cur, "checksums.json")
	os.Remove(path)
	if err := syscall.Mkfifo(path, 0o644); err != nil {
		t.Skip(err)
	}
	t.Cleanup(func() { // an open blocked on the pipe ends
		if f, err := os.OpenFile(path, os.O_WRONLY|syscall.O_NONBLOCK, 0); err == nil {
			f.Close()
		}
	})
	type opened struct {
		e   *index.Engine
		err error
	}
	done := make(chan opened, 1)
	go func() {
		e, err := index.Open(data)
		done <- opened{e, err}
	}()
	var o opened
	select {
	case o = <-done:
	case <-time.After(20 * time.Second):
		t.Fatal("Open still reading checksums.json after 20 s")
	}
	if o.err != nil {
		t.Fatalf("open: %v; want the previous good build", o.err)
	}
	defer o.e.Close()
	h := o.e.Health()
	if !h.Degraded() || h.Serving == cur || !strings.Contains(h.Problem.Error(), "checksums.json is not a regular file") {
		t.Errorf("health %+v; want the previous build served and checksums.json named", h)
	}
	askEveryLicense(t, o.e)
}
