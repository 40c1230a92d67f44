package index

// A build proves itself before it serves: Build records the size and
// CRC-32C of every file it wrote in a manifest, and every open checks the
// files against it first. The checksum is for damage — a torn write, a
// flipped bit, a truncated copy — not for tampering (whoever can write
// the build can write its manifest): CRC-32C, computed in hardware, checks
// the 8 MB of a build in under half a millisecond, where SHA-256 took 3 ms
// of every `licensebot ask`. bleve reads its segments through mmap, and a
// damaged segment does not fail at open: it panics later, in a goroutine
// bleve starts itself, on an ordinary query (zapx's PostingsList.read
// slicing out of range). Nothing above index/ can recover that panic, so
// the only safe place to catch the damage is before bleve opens a file.

import (
	"bytes"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/licensebot/licensebot/corpus"
)

// manifestFile lists every file of a build with its size and CRC-32C.
const manifestFile = "checksums.json"

// manifestVersion is the manifest format; a build with another is
// rebuilt rather than guessed at.
const manifestVersion = 2

// ErrCorruptBuild is wrapped by every verification failure: a file of the
// build is missing, truncated, grown or changed since the build wrote it.
var ErrCorruptBuild = errors.New("index build failed verification")

// CorruptBuildError says which build failed verification, and which file
// of it and how.
type CorruptBuildError struct {
	Dir     string // the build directory
	File    string // relative to Dir, e.g. "bleve/store/000000000002.zap"
	Problem string // "is truncated: 1024 of 51200 bytes", …
}

func (e *CorruptBuildError) Error() string {
	return fmt.Sprintf("index build %s failed verification: %s %s: run `licensebot index build`", e.Dir, e.File, e.Problem)
}

// Unwrap makes errors.Is(err, ErrCorruptBuild) hold.
func (e *CorruptBuildError) Unwrap() error { return ErrCorruptBuild }

// buildManifest is the content of manifestFile.
type buildManifest struct {
	Version int       `json:"version"`
	Files   []fileSum `json:"files"`
}

// fileSum is one file of a build as the build wrote it.
type fileSum struct {
	Path   string `json:"path"` // slash-separated, relative to the build dir
	Size   int64  `json:"size"`
	CRC32C string `json:"crc32c"` // hex, Castagnoli polynomial
}

// writeManifest hashes every regular file under dir (the lock file of a
// build in progress aside) and writes the manifest last: a build killed
// before this point has none and is never served. Files are not synced
// one by one: a build torn by a power cut fails verification at the next
// open, and the previous good build serves.
func writeManifest(dir string) error {
	var m buildManifest
	m.Version = manifestVersion
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, err := filepath.Rel(dir, path)
		if err != nil {
			return err
		}
		if rel == manifestFile || rel == lockFile {
			return nil
		}
		size, sum, err := hashFile(path)
		if err != nil {
			return err
		}
		m.Files = append(m.Files, fileSum{Path: filepath.ToSlash(rel), Size: size, CRC32C: sum})
		return nil
	})
	if err != nil {
		return fmt.Errorf("checksum build: %w", err)
	}
	b, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return err
	}
	return corpus.WriteFileAtomic(filepath.Join(dir, manifestFile), append(b, '\n'))
}

// castagnoli is the CRC-32C table (hardware-accelerated on amd64 and arm64).
var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// hashFile returns the size and hex CRC-32C of path.
func hashFile(path string) (int64, string, error) {
	f, err := os.Open(path)
	if err != nil {
		return 0, "", err
	}
	defer f.Close()
	h := crc32.New(castagnoli)
	n, err := io.Copy(h, f)
	if err != nil {
		return 0, "", err
	}
	return n, hex.EncodeToString(h.Sum(nil)), nil
}

// verifyBuild checks every file the manifest of dir lists: present, of its
// size, and with its checksum. It returns a *CorruptBuildError naming the
// first file that fails.
func verifyBuild(dir string) error {
	m, err := readManifest(dir)
	if err != nil {
		return err
	}
	for _, f := range m.Files {
		if err := verifyFile(dir, f); err != nil {
			return err
		}
	}
	return nil
}

// readManifest reads and checks the manifest itself: a truncated or
// edited manifest fails here rather than vouching for fewer files.
func readManifest(dir string) (*buildManifest, error) {
	bad := func(problem string) error {
		return &CorruptBuildError{Dir: dir, File: manifestFile, Problem: problem}
	}
	// Read as verifyFile reads what it lists: a regular file (not a pipe,
	// whose read never ends without a writer, nor a device), bounded.
	b, err := corpus.ReadFileAtMost(filepath.Join(dir, manifestFile), maxManifestSize)
	switch {
	case errors.Is(err, corpus.ErrNotRegular):
		return nil, bad("is not a regular file")
	case errors.Is(err, corpus.ErrTooLarge):
		return nil, bad(fmt.Sprintf("is larger than %d KiB, more than any build's manifest", maxManifestSize>>10))
	case errors.Is(err, os.ErrNotExist):
		if _, serr := os.Stat(dir); serr != nil {
			return nil, fmt.Errorf("%w: the current build %s is gone: run `licensebot index build`", ErrNoIndex, dir)
		}
		// A build is renamed into place only after its manifest is
		// written: a finished build without one is an older binary's.
		return nil, fmt.Errorf("%s: %w: no %s (built by an older licensebot, or the file was removed): run `licensebot index build`",
			dir, ErrStaleIndex, manifestFile)
	case err != nil:
		return nil, bad("is unreadable: " + err.Error())
	}
	// Another format is another binary's build, to rebuild, not damage:
	// its version is read before its fields are held to this one's.
	var head struct {
		Version int `json:"version"`
	}
	if json.Unmarshal(b, &head) == nil && head.Version != manifestVersion {
		return nil, fmt.Errorf("%s: %w: its %s has format %d, this binary reads %d (built by another licensebot): run `licensebot index build`",
			dir, ErrStaleIndex, manifestFile, head.Version, manifestVersion)
	}
	var m buildManifest
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&m); errors.Is(err, io.ErrUnexpectedEOF) {
		return nil, bad(fmt.Sprintf("is truncated: it ends mid-way, after %d bytes", len(b)))
	} else if err != nil {
		return nil, bad("is damaged (" + err.Error() + ")")
	}
	switch {
	case m.Version != manifestVersion: // a version that is not a number
		return nil, bad(fmt.Sprintf("has format %d, this binary reads %d", m.Version, manifestVersion))
	case !slices.ContainsFunc(m.Files, func(f fileSum) bool { return f.Path == metaFile }):
		return nil, bad("does not list " + metaFile)
	}
	return &m, nil
}

// maxManifestSize bounds the manifest read; a build's lists a few dozen
// files in a few KiB.
const maxManifestSize = 1 << 20

// verifyFile checks one file against its manifest entry.
func verifyFile(dir string, f fileSum) error {
	bad := func(problem string) error {
		return &CorruptBuildError{Dir: dir, File: f.Path, Problem: problem}
	}
	if !filepath.IsLocal(filepath.FromSlash(f.Path)) {
		return &CorruptBuildError{Dir: dir, File: manifestFile, Problem: fmt.Sprintf("lists a path outside the build: %q", f.Path)}
	}
	path := filepath.Join(dir, filepath.FromSlash(f.Path))
	info, err := os.Stat(path)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return bad("is missing")
	case err != nil:
		return bad("is unreadable: " + err.Error())
	case !info.Mode().IsRegular():
		return bad("is not a regular file")
	case info.Size() < f.Size:
		return bad(fmt.Sprintf("is truncated: %d of %d bytes", info.Size(), f.Size))
	case info.Size() > f.Size:
		return bad(fmt.Sprintf("has grown: %d bytes, the build wrote %d", info.Size(), f.Size))
	}
	size, sum, err := hashFile(path)
	switch {
	case err != nil:
		return bad("is unreadable: " + err.Error())
	case size != f.Size:
		return bad(fmt.Sprintf("changed while being read: %d bytes, the build wrote %d", size, f.Size))
	case sum != f.CRC32C:
		return bad("is corrupt: its CRC-32C differs from the one recorded at build time")
	}
	return nil
}

// Health says which build the engine serves and, when that is not the one
// current names, why.
type Health struct {
	// Serving is the build answering queries; "" when none is open.
	Serving string
	// Current is the build current names, "" when it names none.
	Current string
	// Problem is why Current is not serving (it failed verification or
	// would not open); nil when it is.
	Problem error
	// Verified is how long checking the serving build's files took.
	Verified time.Duration
}

// Degraded reports whether the engine serves another build than current
// names, because current failed.
func (h Health) Degraded() bool { return h.Problem != nil }

// String is the one line operators read in the log and on /readyz.
func (h Health) String() string {
	switch {
	case h.Problem == nil:
		return "serving " + h.Serving
	case h.Serving == "":
		return "no build serving: " + h.Problem.Error()
	case h.Serving == h.Current:
		// It was damaged while serving, with no other good build to
		// serve instead (Engine.faulted).
		return fmt.Sprintf("serving the damaged current build %s, no other good build: %v", h.Serving, h.Problem)
	}
	return fmt.Sprintf("serving the previous good build %s, not the current one: %v", h.Serving, h.Problem)
}

// finishedBuilds lists the finished builds under builds, newest first; build
// names start with their UTC build time, so the name order is the age
// order.
func finishedBuilds(builds string) []string {
	entries, err := os.ReadDir(builds)
	if err != nil {
		return nil
	}
	var out []string
	for _, e := range entries {
		if e.IsDir() && !strings.HasPrefix(e.Name(), ".") {
			out = append(out, e.Name())
		}
	}
	slices.Sort(out)
	slices.Reverse(out)
	return out
}
