//go:build unix

package corpus_test

import (
	"os"
	"syscall"
)

// mkfifo makes a named pipe at path: a file whose read blocks until a
// writer comes, and never ends without one.
func mkfifo(path string) error { return syscall.Mkfifo(path, 0o644) }

// releaseFIFO ends a read blocked on the named pipe at path, if any: a
// writer that comes and goes gives it its end of file.
func releaseFIFO(path string) {
	if f, err := os.OpenFile(path, os.O_WRONLY|syscall.O_NONBLOCK, 0); err == nil {
		f.Close()
	}
}
