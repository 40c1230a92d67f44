//go:build !unix

package index

import (
	"os"
	"sync"
	"time"
)

// lockBuild marks a build in progress. Without flock, the lock file only
// dates the build: see buildAbandoned.
func lockBuild(dir string) (release func(), err error) {
	f, err := os.OpenFile(lockPath(dir), os.O_CREATE|os.O_RDWR, 0o600)
	if err != nil {
		return nil, err
	}
	return func() { f.Close() }, nil
}

// buildAbandoned guesses from age where locks are not available: no build
// takes an hour.
func buildAbandoned(dir string) (bool, error) {
	info, err := os.Stat(lockPath(dir))
	if err != nil {
		return false, err
	}
	return time.Since(info.ModTime()) > time.Hour, nil
}

// lockRoot would serialise the builds that finish at once; without flock,
// a process's own builds are serialised, and another process's are not.
func lockRoot(string) (release func(), err error) {
	rootMu.Lock()
	return rootMu.Unlock, nil
}

var rootMu sync.Mutex
