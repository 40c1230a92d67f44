package index

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/licensebot/licensebot/corpus"
	"github.com/licensebot/licensebot/corpus/corpustest"
)

// smallCorpus loads the small test corpus.
func smallCorpus(t *testing.T) *corpus.Corpus {
	t.Helper()
	c, err := corpus.Load(corpus.Paths{Dir: corpustest.SmallCorpusDir(t), Texts: corpustest.TextsDir(t)})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// Builds overlap (a shell's `index build`, /reindex, SIGHUP, serve's
// repair). The one that started later read the corpus later: it is
// current whichever finishes last, and the earlier one, finishing after
// it, is discarded and says so. A build that was current before another
// started does not supersede it, whatever its name (a clock stepped back).
func TestLaterBuildStaysCurrentWhenAnEarlierOneFinishesLast(t *testing.T) {
	c := smallCorpus(t)
	data := t.TempDir()
	root := indexRoot(data)
	t0 := time.Now()
	later, err := buildCorpus(context.Background(), c, data, t0.Add(time.Second))
	if err != nil {
		t.Fatal(err)
	}
	// As if the earlier build had started before the later one finished:
	// it saw no current then.
	os.MkdirAll(filepath.Join(root, buildsDir), 0o755)
	tmp, unlock, err := startBuild(filepath.Join(root, buildsDir))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := writeBuild(context.Background(), tmp, c, t0); err != nil {
		t.Fatal(err)
	}
	name := t0.UTC().Format("20060102T150405.000000000") + "-earlier"
	cur, err := finishBuild(root, tmp, name, "")
	unlock()
	if err != nil || filepath.Join(root, buildsDir, cur) != later.Dir {
		t.Fatalf("finishing the earlier build: current %s (%v); want the later build %s", cur, err, later.Dir)
	}
	if _, err := os.Stat(filepath.Join(root, buildsDir, name)); err == nil {
		t.Error("the superseded build was left on disk")
	}
	// Built after it, with the clock behind the later build's name: it
	// is current, and the later build, done with, is kept as the fallback.
	earlier, err := buildCorpus(context.Background(), c, data, t0)
	if err != nil {
		t.Fatal(err)
	}
	cur, err = currentDir(root)
	if err != nil || cur != earlier.Dir || earlier.Superseded || later.Superseded {
		t.Fatalf("current %s (%v), reports %+v, %+v; want the build made last, superseding nothing", cur, err, earlier, later)
	}

	// Three at once, many times: current is always the newest build, and
	// it exists.
	for round := range 3 {
		var wg sync.WaitGroup
		base := time.Now()
		for k := range 3 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				if _, err := buildCorpus(context.Background(), c, data, base.Add(time.Duration(k)*time.Millisecond)); err != nil {
					t.Error(err)
				}
			}()
		}
		wg.Wait()
		cur, err := currentDir(root)
		if err != nil {
			t.Fatal(err)
		}
		newest := base.Add(2 * time.Millisecond).UTC().Format("20060102T150405.000000000")
		if _, serr := os.Stat(cur); serr != nil || !strings.HasPrefix(filepath.Base(cur), newest) {
			t.Fatalf("round %d: current %s (%v); want the build started last (%s…), on disk", round, filepath.Base(cur), serr, newest)
		}
		if n := len(finishedBuilds(filepath.Join(root, buildsDir))); n > keepGood {
			t.Errorf("round %d: %d finished builds kept; want at most %d", round, n, keepGood)
		}
	}
}

// A data directory copied with symlinks followed has a directory where
// current's link was: opening says so and how to fix it, and the next
// build moves it aside rather than failing on it and leaving its own
// build behind.
func TestCurrentAsADirectoryIsMovedAsideByTheNextBuild(t *testing.T) {
	c := smallCorpus(t)
	data := t.TempDir()
	if _, err := buildCorpus(context.Background(), c, data, time.Now()); err != nil {
		t.Fatal(err)
	}
	root := indexRoot(data)
	cur, _ := currentDir(root)
	link := filepath.Join(root, currentSym)
	os.Remove(link)
	if err := os.CopyFS(link, os.DirFS(cur)); err != nil {
		t.Fatal(err)
	}
	e, err := Open(data)
	if err != nil {
		t.Fatal(err)
	}
	if h := e.Health(); !h.Degraded() || h.Problem == nil || !strings.Contains(h.Problem.Error(), "is a directory, not the link") {
		t.Errorf("health %+v; want degraded, saying current is a directory", h)
	}
	e.Close()
	r, err := buildCorpus(context.Background(), c, data, time.Now())
	if err != nil {
		t.Fatalf("build over a directory current: %v", err)
	}
	if got, err := currentDir(root); err != nil || got != r.Dir {
		t.Errorf("current %s (%v); want %s", got, err, r.Dir)
	}
	aside, _ := filepath.Glob(filepath.Join(root, currentSym+".replaced-*"))
	if len(aside) != 1 {
		t.Errorf("the directory was not kept aside: %v", aside)
	}
}

// openedSmallBuild builds the small corpus into a new data directory and
// opens the engine on it, closed when the test ends.
func openedSmallBuild(t *testing.T) (c *corpus.Corpus, data string, first *BuildReport, e *Engine) {
	t.Helper()
	c = smallCorpus(t)
	data = t.TempDir()
	first, err := buildCorpus(context.Background(), c, data, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	if e, err = Open(data); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { e.Close() })
	return c, data, first, e
}

// A build that failed to open for a passing cause (too many open files on
// a busy host) is tried again once badRetry has passed, not refused for
// good.
func TestBuildThatFailedToOpenIsTriedAgain(t *testing.T) {
	c, data, first, e := openedSmallBuild(t)
	second, err := buildCorpus(context.Background(), c, data, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	// As if opening it had failed a moment ago.
	e.mu.Lock()
	e.bad = &badBuild{dir: second.Dir, err: os.ErrDeadlineExceeded, at: time.Now()}
	e.mu.Unlock()
	if err := e.Reload(); err == nil || e.Stats().Dir != first.Dir {
		t.Fatalf("reload right after the failure: %v, serving %s; want the failure remembered", err, e.Stats().Dir)
	}
	e.mu.Lock()
	e.bad.at = time.Now().Add(-badRetry)
	e.mu.Unlock()
	if err := e.Reload(); err != nil || e.Stats().Dir != second.Dir || e.Health().Degraded() {
		t.Errorf("reload after %v: %v, serving %s; want the build tried again and served", badRetry, err, e.Stats().Dir)
	}
}

// The build serving, refused because it faulted with no other good build
// to replace it, stays refused until badRetry has passed, whatever current
// says; then it is checked and opened again (its segment restored, say).
func TestServingBuildThatFaultedIsTriedAgain(t *testing.T) {
	_, _, first, e := openedSmallBuild(t)
	// As faulted leaves it with no other good build.
	e.mu.Lock()
	e.bad = &badBuild{dir: first.Dir, err: ErrDamagedWhileServing, at: time.Now()}
	e.setHealth(first.Dir, first.Dir, e.bad.err, 0)
	e.mu.Unlock()
	if err := e.Reload(); !errors.Is(err, ErrDamagedWhileServing) || !e.Health().Degraded() {
		t.Fatalf("reload right after the fault: %v, health %v; want the fault still reported", err, e.Health())
	}
	held := e.cur.Load()
	e.mu.Lock()
	e.bad.at = time.Now().Add(-badRetry)
	e.mu.Unlock()
	if err := e.Reload(); err != nil || e.Health().Degraded() || e.cur.Load() == held {
		t.Errorf("reload after %v: %v, health %v; want the build opened again", badRetry, err, e.Health())
	}
}

// A rebuild request that waits for the build in progress gives up when its
// context ends (a /reindex whose interaction timed out, a shutdown), not
// when that build does.
func TestRebuildWaitingGivesUpWithItsContext(t *testing.T) {
	c := smallCorpus(t)
	data := t.TempDir()
	if _, err := buildCorpus(context.Background(), c, data, time.Now()); err != nil {
		t.Fatal(err)
	}
	e, err := Open(data)
	if err != nil {
		t.Fatal(err)
	}
	defer e.Close()
	e.building <- struct{}{} // a build in progress
	defer func() { <-e.building }()
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	done := make(chan error, 1)
	go func() {
		_, err := e.Rebuild(ctx, corpus.Paths{Dir: corpustest.SmallCorpusDir(t), Texts: corpustest.TextsDir(t)})
		done <- err
	}()
	select {
	case err := <-done:
		if !errors.Is(err, context.DeadlineExceeded) {
			t.Errorf("err = %v; want the context's deadline", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the request still waits for the build in progress after its context ended")
	}
}
