//go:build !unix

package main

import "os"

// termWidth is 80 for a character device (a console), 0 otherwise: without
// the terminal's own answer, the classic width.
func termWidth(f *os.File) int {
	if fi, err := f.Stat(); err == nil && fi.Mode()&os.ModeCharDevice != 0 {
		return 80
	}
	return 0
}
