package index_test

import (
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/licensebot/licensebot/index"
	"github.com/licensebot/licensebot/index/indextest"
)

// twoBuildsDir is a fresh data dir holding two good builds: the shared
// test index's, current, and a copy of it under an older name. Copies stand
// in for builds: a build directory holds everything it serves from.
func twoBuildsDir(t *testing.T) string {
	t.Helper()
	data := indextest.CopyData(t, indextest.DataDir(t))
	cloneBuild(t, data, "20000101T000000.000000000-00000001")
	return data
}

// cloneBuild copies the current build of data to builds/name.
func cloneBuild(t *testing.T, data, name string) string {
	t.Helper()
	dst := filepath.Join(data, "index", "builds", name)
	if err := os.CopyFS(dst, os.DirFS(currentBuild(t, data))); err != nil {
		t.Fatal(err)
	}
	return dst
}

// pointCurrent makes builds/name current, as a build does.
func pointCurrent(t *testing.T, data, name string) {
	t.Helper()
	tmp := filepath.Join(data, "index", ".current-test")
	if err := os.Symlink(filepath.Join("builds", name), tmp); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(tmp, filepath.Join(data, "index", "current")); err != nil {
		t.Fatal(err)
	}
}

// currentBuild is the directory current names in data.
func currentBuild(t *testing.T, data string) string {
	t.Helper()
	dir, err := filepath.EvalSymlinks(filepath.Join(data, "index", "current"))
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

// buildFiles lists the files of a build, relative to it.
func buildFiles(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			rel, _ := filepath.Rel(dir, path)
			out = append(out, filepath.ToSlash(rel))
		}
		return err
	})
	return out
}

// damage is one way a file of a build goes bad.
type damage struct {
	name string
	do   func(t *testing.T, path string)
	want string // in the error
}

var damages = []damage{
	{"random bytes inside", func(t *testing.T, path string) {
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		n := min(4096, len(b))
		rand.Read(b[len(b)/2-n/2 : len(b)/2-n/2+n])
		os.WriteFile(path, b, 0o644)
	}, "is corrupt"},
	{"truncated", func(t *testing.T, path string) {
		info, _ := os.Stat(path)
		os.Truncate(path, info.Size()/2)
	}, "is truncated"},
	{"removed", func(t *testing.T, path string) { os.Remove(path) }, "is missing"},
}

// Every file of the current build, damaged each way, is caught before
// bleve opens anything: the engine serves the previous good build, every
// license still answers, and Health names the file. A damaged manifest is
// caught the same way.
func TestDamagedCurrentBuildFallsBackToPreviousGoodBuild(t *testing.T) {
	src := twoBuildsDir(t)
	files := buildFiles(t, currentBuild(t, src))
	for _, file := range files {
		for _, dmg := range damages {
			if dmg.name == "random bytes inside" && !strings.HasSuffix(file, ".zap") && !strings.HasSuffix(file, ".gob") {
				continue // the big files; the small ones are covered by truncation
			}
			t.Run(file+"/"+dmg.name, func(t *testing.T) {
				t.Parallel()
				data := indextest.CopyData(t, src)
				cur := currentBuild(t, data)
				dmg.do(t, filepath.Join(cur, filepath.FromSlash(file)))
				e, err := index.Open(data)
				if err != nil {
					t.Fatalf("open: %v; want the previous good build", err)
				}
				defer e.Close()
				h := e.Health()
				if !h.Degraded() || h.Serving == cur || h.Current != cur {
					t.Fatalf("health %+v; want serving the previous build, current %s", h, cur)
				}
				want := file + " " + dmg.want
				if file == "checksums.json" && dmg.name == "removed" {
					want = "no checksums.json"
				}
				if !strings.Contains(h.Problem.Error(), want) {
					t.Errorf("problem %q does not say %q", h.Problem, want)
				}
				askEveryLicense(t, e)
			})
		}
	}
}

// askEveryLicense asks each license a question, as the bot's users would.
func askEveryLicense(t *testing.T, e *index.Engine) {
	t.Helper()
	for _, l := range e.Licenses() {
		a, err := e.Ask(context.Background(), l.Key, "attribution")
		if err != nil || len(a.Clauses) == 0 && !a.Curated {
			t.Errorf("%s attribution: %v, %+v", l.Key, err, a)
		}
	}
}

// With no good build to fall back to, Open fails naming the file, and the
// caller (serve) rebuilds; the rebuilt index serves cleanly.
func TestDamagedOnlyBuildFailsNamingTheFileUntilRebuilt(t *testing.T) {
	data := indextest.CopyData(t, indextest.DataDir(t))
	cur := currentBuild(t, data)
	var seg string
	for _, f := range buildFiles(t, cur) {
		if strings.HasSuffix(f, ".zap") {
			seg = f
		}
	}
	damages[0].do(t, filepath.Join(cur, seg))
	_, err := index.Open(data)
	var ce *index.CorruptBuildError
	if !errors.As(err, &ce) || ce.File != seg || !errors.Is(err, index.ErrCorruptBuild) {
		t.Fatalf("err = %v; want a CorruptBuildError naming %s", err, seg)
	}
	if _, err := index.Build(context.Background(), indextest.Paths(t), data); err != nil {
		t.Fatal(err)
	}
	e, err := index.Open(data)
	if err != nil {
		t.Fatal(err)
	}
	defer e.Close()
	if h := e.Health(); h.Degraded() || h.Verified <= 0 {
		t.Errorf("rebuilt index: %+v; want healthy, with the time its check took", h)
	}
	if _, err := os.Stat(cur); !os.IsNotExist(err) {
		t.Errorf("damaged build %s kept after a good build replaced it (err %v)", cur, err)
	}
}

// A build another licensebot wrote, with an older manifest format (SHA-256
// checksums, format 1), is stale — to rebuild, as `licensebot ask` does at
// once — not damaged.
func TestBuildWithAnOlderManifestIsStaleNotCorrupt(t *testing.T) {
	data := indextest.CopyData(t, indextest.DataDir(t))
	cur := currentBuild(t, data)
	path := filepath.Join(cur, "checksums.json")
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	old := strings.ReplaceAll(strings.Replace(string(b), `"version": 2`, `"version": 1`, 1), `"crc32c"`, `"sha256"`)
	if old == string(b) || !strings.Contains(old, `"version": 1`) {
		t.Fatalf("manifest not in the expected shape:\n%s", b)
	}
	if err := os.WriteFile(path, []byte(old), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err = index.Open(data)
	if !errors.Is(err, index.ErrStaleIndex) || errors.Is(err, index.ErrCorruptBuild) || !strings.Contains(err.Error(), "format 1") {
		t.Fatalf("err = %v; want ErrStaleIndex naming format 1, not a corrupt build", err)
	}
}

// A running engine refuses to switch to a damaged new build: the one it
// serves goes on answering, the error names the file, and a good build
// afterwards clears the problem.
func TestReloadRefusesDamagedBuild(t *testing.T) {
	data := twoBuildsDir(t)
	e, err := index.Open(data)
	if err != nil {
		t.Fatal(err)
	}
	defer e.Close()
	serving := e.Stats().Dir
	const next = "20200101T000000.000000000-00000003"
	os.Truncate(filepath.Join(cloneBuild(t, data, next), "meta.gob"), 100)
	pointCurrent(t, data, next)
	err = e.Reload()
	if !errors.Is(err, index.ErrCorruptBuild) || !strings.Contains(err.Error(), "meta.gob is truncated: 100 of") {
		t.Fatalf("Reload err = %v; want meta.gob truncated", err)
	}
	if got := e.Stats().Dir; got != serving {
		t.Errorf("switched to %s", got)
	}
	if h := e.Health(); !h.Degraded() || !strings.Contains(h.String(), "previous good build") {
		t.Errorf("health %q; want degraded", h)
	}
	askEveryLicense(t, e)
	// The next good build heals it.
	if _, err := e.Rebuild(context.Background(), indextest.Paths(t)); err != nil {
		t.Fatal(err)
	}
	if h := e.Health(); h.Degraded() || h.Serving == serving {
		t.Errorf("after rebuild: %v", h)
	}
}

// A build keeps the current one and the newest other good one; the
// rest go, damaged ones whatever their age.
func TestBuildKeepsTwoGoodBuilds(t *testing.T) {
	data := twoBuildsDir(t)
	builds := filepath.Join(data, "index", "builds")
	const older, newer = "20000101T000000.000000000-00000001", "20010101T000000.000000000-00000002"
	cloneBuild(t, data, newer)
	damaged := currentBuild(t, data)
	os.Remove(filepath.Join(damaged, "meta.gob"))
	if _, err := index.Build(context.Background(), indextest.Paths(t), data); err != nil {
		t.Fatal(err)
	}
	var got []string
	entries, _ := os.ReadDir(builds)
	for _, e := range entries {
		got = append(got, e.Name())
	}
	if len(got) != 2 || got[0] != newer || got[1] != filepath.Base(currentBuild(t, data)) {
		t.Errorf("builds %v; want %s and the new one (not %s, not the damaged %s)", got, newer, older, filepath.Base(damaged))
	}
}

// openThenTruncate opens the engine on data, then truncates every segment
// of the current build to a page under it; it returns the engine and the
// build.
func openThenTruncate(t *testing.T, data string) (*index.Engine, string) {
	t.Helper()
	cur := currentBuild(t, data)
	e, err := index.Open(data)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { e.Close() })
	segs, _ := filepath.Glob(filepath.Join(cur, "bleve", "store", "*.zap"))
	if len(segs) == 0 {
		t.Fatal("no segment")
	}
	for _, seg := range segs {
		if err := os.Truncate(seg, 4096); err != nil {
			t.Fatal(err)
		}
	}
	return e, cur
}

// A segment truncated under the open build (an operator's mistake, a disk
// failing) makes bleve's next read of it fault — SIGBUS, which ended the
// process. The engine now stops serving the build, serves the previous
// good one, and Health says why; the search that faulted is asked once
// more there, so it is answered, and every license answers again.
func TestSegmentTruncatedWhileServing(t *testing.T) {
	e, cur := openThenTruncate(t, twoBuildsDir(t))
	// The search that faults moves the engine to the previous good build
	// and is asked once more there: none fails.
	for n, q := range []string{"patent retaliation", "warranty disclaimer", "governing law", "military use", "hugging face weights"} {
		if _, err := e.SearchIn(context.Background(), fmt.Sprintf("%s %d", q, n), "all", 5); err != nil {
			t.Errorf("search %q: %v", q, err)
		}
	}
	h := e.Health()
	if !h.Degraded() || h.Serving == cur || !errors.Is(h.Problem, index.ErrCorruptBuild) || !strings.Contains(h.Problem.Error(), ".zap") {
		t.Fatalf("health %+v; want the previous build serving, the segment named", h)
	}
	askEveryLicense(t, e)
	if _, err := e.SearchIn(context.Background(), "patent retaliation again", "all", 5); err != nil {
		t.Errorf("search after the switch: %v", err)
	}
}

// With no other good build, a build whose segment was truncated under it
// keeps serving what it still can and Health says it is damaged, so serve
// rebuilds. The watch's next Reload, finding current still naming the
// build that serves, must not clear that: serve would then never rebuild,
// and every search reading the segment would fail unreported.
func TestSegmentTruncatedUnderTheOnlyBuildStaysReported(t *testing.T) {
	e, cur := openThenTruncate(t, indextest.CopyData(t, indextest.DataDir(t)))
	faulted := false
	for n, q := range []string{"patent retaliation", "warranty disclaimer", "governing law", "military use"} {
		_, err := e.SearchIn(context.Background(), fmt.Sprintf("%s %d", q, n), "all", 5)
		if errors.Is(err, index.ErrDamagedWhileServing) {
			faulted = true
			// The runtime calls every memory fault a nil pointer
			// dereference; the operator reads the log.
			if strings.Contains(err.Error(), "nil pointer") || !strings.Contains(err.Error(), "fault") {
				t.Errorf("search %q: %v; want the memory fault named as one", q, err)
			}
		}
	}
	if !faulted {
		t.Fatal("no search read the truncated segment")
	}
	deadline := time.Now().Add(10 * time.Second)
	for !e.Health().Degraded() && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	if h := e.Health(); !h.Degraded() || h.Serving != cur {
		t.Fatalf("health %+v; want the damaged build serving, reported", h)
	}
	if err := e.Reload(); !errors.Is(err, index.ErrCorruptBuild) {
		t.Errorf("Reload: %v; want the damage", err)
	}
	if h := e.Health(); !h.Degraded() || !strings.Contains(h.Problem.Error(), ".zap") {
		t.Errorf("health after a Reload %+v; want the damaged segment still reported", h)
	}
	// What /readyz and the log say: no previous good build serves.
	if s := e.Health().String(); strings.Contains(s, "previous good build") || !strings.Contains(s, "damaged") {
		t.Errorf("health reads %q; want the damaged current build named as what serves", s)
	}
}

// A segment cut in the middle of a page does not fault on the rest of
// that page: it reads as zeros, and bleve fails every search that reads
// there with an error of its own ("error loading roaring bitmap"). That
// is the same damage as a fault, and is taken the same way: the engine
// serves the previous good build, Health names the segment, and the search
// is answered from there. The segment of a fresh copy is cut 512 bytes
// into a page, a page earlier each time, until a search reads the cut.
func TestSegmentCutMidPageWhileServing(t *testing.T) {
	for page := int64(-1); ; page-- {
		data := twoBuildsDir(t)
		cur := currentBuild(t, data)
		segs, _ := filepath.Glob(filepath.Join(cur, "bleve", "store", "*.zap"))
		if len(segs) != 1 {
			t.Fatalf("segments %v; want one", segs)
		}
		fi, err := os.Stat(segs[0])
		if err != nil {
			t.Fatal(err)
		}
		size := (fi.Size()/4096+page)*4096 + 512
		if size < 4096 {
			t.Fatal("no search failed")
		}
		if searchCut(t, data, cur, segs[0], size) {
			return
		}
	}
}

// searchCut opens data, cuts seg to size and searches: false when no
// search read the cut, else it checks the damage is reported and every
// search answered.
func searchCut(t *testing.T, data, cur, seg string, size int64) bool {
	t.Helper()
	e, err := index.Open(data)
	if err != nil {
		t.Fatal(err)
	}
	defer e.Close()
	if err := os.Truncate(seg, size); err != nil {
		t.Fatal(err)
	}
	license := e.Licenses()[0].Key
	// The search that fails on the damage moves the engine to the
	// previous good build and is asked once more there.
	for _, q := range []string{"can I use it commercially", "attribution", "patent retaliation"} {
		if _, err = e.SearchIn(context.Background(), q, license, 5); err != nil {
			t.Fatalf("cut to %d bytes, search %q: %v; want it answered from the previous build", size, q, err)
		}
	}
	if e.Health().Serving == cur {
		return false // nothing read the cut page
	}
	if h := e.Health(); !h.Degraded() || !strings.Contains(h.Problem.Error(), ".zap") {
		t.Fatalf("health %+v; want the previous build serving, the segment named", h)
	}
	if _, err := e.SearchIn(context.Background(), "patent retaliation again", license, 5); err != nil {
		t.Errorf("search after the switch: %v", err)
	}
	return true
}

// Damage under the serving build is found by the next reload — the
// watch's, every few seconds — before any search reads it: the engine
// serves the previous good build and Health names the file.
func TestReloadFindsDamageUnderTheServingBuild(t *testing.T) {
	e, cur := openThenTruncate(t, twoBuildsDir(t))
	if err := e.Reload(); !errors.Is(err, index.ErrCorruptBuild) {
		t.Fatalf("Reload: %v; want the damage", err)
	}
	h := e.Health()
	if !h.Degraded() || h.Serving == cur || h.Current != cur || !strings.Contains(h.Problem.Error(), ".zap") {
		t.Fatalf("health %+v; want the previous build serving, the segment named", h)
	}
	askEveryLicense(t, e)
	if err := e.Reload(); !errors.Is(err, index.ErrCorruptBuild) || e.Health().Serving == cur {
		t.Errorf("second Reload: %v, serving %s; want the damaged build still refused", err, e.Health().Serving)
	}
}
