//go:build unix

package indextest

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"syscall"

	"context"

	"github.com/licensebot/licensebot/corpus"
	"github.com/licensebot/licensebot/index"
)

// sharedBuild builds the full corpus once for every test binary that one
// `go test` runs: they share a parent (the go command), so the directory
// is named after the parent's pid and what the index is built from (the
// corpus, the texts, and the corpus and index packages' code). The first
// binary builds under an exclusive lock; the others wait on the lock and
// find it built. Directories of go commands no longer running are removed.
func sharedBuild(paths corpus.Paths) (string, bool, error) {
	key, err := buildKey(paths)
	if err != nil {
		return buildPrivate(paths)
	}
	prefix := filepath.Join(os.TempDir(), "licensebot-testindex-")
	removeStale(prefix)
	dir := fmt.Sprintf("%s%d-%s", prefix, os.Getppid(), key[:16])
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", false, err
	}
	lock, err := os.OpenFile(filepath.Join(dir, ".lock"), os.O_CREATE|os.O_RDWR, 0o644)
	if err != nil {
		return "", false, err
	}
	defer lock.Close()
	if err := syscall.Flock(int(lock.Fd()), syscall.LOCK_EX); err != nil {
		return "", false, err
	}
	defer syscall.Flock(int(lock.Fd()), syscall.LOCK_UN)
	ready := filepath.Join(dir, ".ready")
	if _, err := os.Stat(ready); err == nil {
		return dir, false, nil
	}
	if _, err := index.Build(context.Background(), paths, dir); err != nil {
		return "", false, err
	}
	return dir, false, os.WriteFile(ready, nil, 0o644)
}

// buildKey hashes what an index is built from: the corpus files, the texts,
// the source of the corpus and index packages, and go.sum (bleve's version).
func buildKey(paths corpus.Paths) (string, error) {
	root := filepath.Dir(paths.Dir)
	var files []string
	for _, dir := range []string{paths.Dir, paths.Texts, filepath.Join(root, "index")} {
		err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() {
				files = append(files, p)
			}
			return err
		})
		if err != nil {
			return "", err
		}
	}
	files = append(files, filepath.Join(root, "go.sum"))
	sort.Strings(files)
	h := sha256.New()
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			return "", err
		}
		fmt.Fprintf(h, "%s %d\n", f, len(b))
		h.Write(b)
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// removeStale removes the shared indexes of go commands that have ended.
func removeStale(prefix string) {
	dirs, _ := filepath.Glob(prefix + "*")
	for _, d := range dirs {
		pid, err := strconv.Atoi(strings.SplitN(strings.TrimPrefix(d, prefix), "-", 2)[0])
		if err != nil || pid == os.Getppid() {
			continue
		}
		if syscall.Kill(pid, 0) == syscall.ESRCH {
			os.RemoveAll(d)
		}
	}
}
