package corpus

import (
	"errors"
	"fmt"
)

// ErrChecksum is wrapped by errors about a text whose SHA-256 differs from
// the manifest's.
var ErrChecksum = errors.New("sha256 mismatch")

// ErrMissingText is wrapped by errors about a document whose text is not on disk.
var ErrMissingText = errors.New("text missing")

// Error locates a problem in a corpus file, so operators can fix it: build
// errors print as "corpus/cards/llama4.yaml:12: …".
type Error struct {
	File string
	Line int // 0 when the problem is the whole file
	Err  error
}

func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %v", e.File, e.Line, e.Err)
	}
	return fmt.Sprintf("%s: %v", e.File, e.Err)
}

func (e *Error) Unwrap() error { return e.Err }

func errorf(file string, line int, format string, args ...any) error {
	return &Error{File: file, Line: line, Err: fmt.Errorf(format, args...)}
}
