//go:build unix

package index

import (
	"errors"
	"os"
	"path/filepath"
	"syscall"
)

// lockBuild takes an exclusive lock on a build in progress: the lock file
// in its temporary directory, held until release or until the process
// ends, however it ends (kill -9 included), so a dead build is told from a
// running one by whether its lock can be taken.
func lockBuild(dir string) (release func(), err error) {
	f, err := os.OpenFile(lockPath(dir), os.O_CREATE|os.O_RDWR, 0o600)
	if err != nil {
		return nil, err
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		f.Close()
		return nil, err
	}
	return func() { f.Close() }, nil
}

// buildAbandoned reports whether the build in progress in dir has no
// process left holding its lock.
func buildAbandoned(dir string) (bool, error) {
	f, err := os.OpenFile(lockPath(dir), os.O_RDWR, 0)
	if err != nil {
		return false, err
	}
	defer f.Close()
	err = syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
	if errors.Is(err, syscall.EWOULDBLOCK) {
		return false, nil
	}
	return err == nil, err
}

// lockRoot takes the index root's lock, waiting for it: the builds that
// finish at once take turns making themselves current (see finishBuild).
func lockRoot(root string) (release func(), err error) {
	f, err := os.OpenFile(filepath.Join(root, rootLockFile), os.O_CREATE|os.O_RDWR, 0o600)
	if err != nil {
		return nil, err
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX); err != nil {
		f.Close()
		return nil, err
	}
	return func() { f.Close() }, nil
}
