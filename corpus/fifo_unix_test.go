//go:build unix

package corpus_test

import "syscall"

// mkfifo makes a named pipe at path: a file whose read blocks until a
// writer comes, and never ends without one.
func mkfifo(path string) error { return syscall.Mkfifo(path, 0o644) }
