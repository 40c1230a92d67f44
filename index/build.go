package index

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"

	"github.com/licensebot/licensebot/corpus"
)

// ErrStaleIndex is wrapped when the index on disk was built by a binary
// with another MappingVersion.
var ErrStaleIndex = errors.New("index built with another mapping version")

// On-disk layout under the index root (data/index):
//
//	builds/<time>-<rand>/bleve            the scorch index
//	builds/<time>-<rand>/meta.gob         cards, topics and clause texts of that build
//	builds/<time>-<rand>/checksums.json   size and CRC-32C of every file above (verify.go)
//	current -> builds/<name>              symlink, replaced atomically by rename
//	builds/.tmp-*                         a build in progress (or killed mid-way)
//	builds/.tmp-*/.building               its lock, held while the build runs
//	.finishing                            the lock of making a build current
const (
	buildsDir    = "builds"
	currentSym   = "current"
	bleveDir     = "bleve"
	lockFile     = ".building"
	rootLockFile = ".finishing"
	// keepGood is how many good builds stay: current and the newest other
	// good one, the fallback should current be damaged.
	keepGood = 2
	// orphanAge is how old a temporary build without a lock file must be
	// to be removed: one is created between the directory and its lock.
	orphanAge = time.Minute
)

// BuildReport says what a build produced.
type BuildReport struct {
	Dir       string
	Documents int
	Clauses   int
	Missing   []string // mirror-only documents left out because their text is absent
	Took      time.Duration
	// Superseded says a build that started later (from a corpus read
	// later) finished first and is current: this one was discarded, and
	// Dir names that one.
	Superseded bool
}

// Build loads and validates the corpus, indexes it into a fresh directory
// under dataDir/index and, only when everything succeeded, points
// dataDir/index/current at it with an atomic rename. Any failure leaves
// current, and whatever serves from it, untouched.
func Build(ctx context.Context, p corpus.Paths, dataDir string) (*BuildReport, error) {
	start := time.Now()
	c, err := corpus.Load(p)
	if err != nil {
		return nil, err
	}
	return buildCorpus(ctx, c, dataDir, start)
}

// buildCorpus is Build for a loaded corpus.
func buildCorpus(ctx context.Context, c *corpus.Corpus, dataDir string, start time.Time) (*BuildReport, error) {
	root := indexRoot(dataDir)
	builds := filepath.Join(root, buildsDir)
	if err := os.MkdirAll(builds, 0o755); err != nil {
		return nil, err
	}
	cleanStale(builds)
	before, _ := currentDir(root) // what was current as this build started
	tmp, unlock, err := startBuild(builds)
	if err != nil {
		return nil, err
	}
	ok := false
	defer func() {
		if !ok {
			os.RemoveAll(tmp)
		}
		unlock()
	}()
	n, err := writeBuild(ctx, tmp, c, start)
	if err != nil {
		return nil, err
	}
	name := start.UTC().Format("20060102T150405.000000000") + "-" + randHex(4)
	current, err := finishBuild(root, tmp, name, before)
	if err != nil {
		return nil, err
	}
	ok = true
	return &BuildReport{
		Dir: filepath.Join(builds, current), Documents: len(c.Manifest.Documents) - len(c.Missing) + len(c.Notes),
		Clauses: n, Missing: c.Missing, Took: time.Since(start), Superseded: current != name,
	}, nil
}

// finishBuild moves the written build in tmp into place as name and makes
// it current, unless another build that started later was made current
// while this one ran (builds overlap: a shell's `index build`, /reindex,
// SIGHUP, serve's repair); then it prunes, and returns the build that is
// current. Builds are named by when they started, so of two that overlap
// the later name read the corpus later: whichever finishes last, it
// serves. A build that was current when this one started (before) never
// supersedes it, whatever its name says (a clock stepped back). It all
// happens under the index root's lock, so every finished build outside
// it is either current or done with, and no build's prune removes
// another's.
func finishBuild(root, tmp, name, before string) (string, error) {
	unlock, err := lockRoot(root)
	if err != nil {
		return "", fmt.Errorf("lock %s: %w", root, err)
	}
	defer unlock()
	builds := filepath.Join(root, buildsDir)
	dir := filepath.Join(builds, name)
	if err := os.Rename(tmp, dir); err != nil {
		return "", err
	}
	os.Remove(filepath.Join(dir, lockFile))
	if cur, err := currentDir(root); err == nil && cur != before && filepath.Dir(cur) == builds && filepath.Base(cur) > name {
		os.RemoveAll(dir)
		prune(builds, filepath.Base(cur))
		return filepath.Base(cur), nil
	}
	if err := pointCurrent(root, filepath.Join(buildsDir, name)); err != nil {
		os.RemoveAll(dir)
		return "", err
	}
	prune(builds, name)
	return name, nil
}

// startBuild makes the temporary directory of a new build and takes its
// lock, so that no cleaner removes it while it runs.
func startBuild(builds string) (dir string, unlock func(), err error) {
	dir, err = os.MkdirTemp(builds, ".tmp-")
	if err != nil {
		return "", nil, err
	}
	unlock, err = lockBuild(dir)
	if err != nil {
		os.RemoveAll(dir)
		return "", nil, fmt.Errorf("lock build %s: %w", dir, err)
	}
	return dir, unlock, nil
}

// writeBuild writes the index, the meta and, last, the checksums that
// make the build servable into dir; it returns the clauses indexed.
//
// The question model is fitted while bleve indexes, the leads are learnt
// and the training questions remembered (memory.go). The fit is the
// longer side: it reads the questions into features on every processor
// (featuresAll), then trains on one. That, and the question files decoded
// on every processor, took a build of 5,861 questions from 1.84 s to
// 1.56 s in a slow hour. The other side waits for the features to be
// read, then runs beside the training: started at once, it took a share
// of the processors from the reading, which the fit waits for, and left
// the second processor idle through most of the training.
func writeBuild(ctx context.Context, dir string, c *corpus.Corpus, start time.Time) (int, error) {
	m := newMeta(c, start)
	asked := analyseQuestions(m, c.Questions) // for the fit and the memory both
	fitted, read := make(chan fitResult, 1), make(chan struct{})
	go func() {
		// A panic here would take the process down, not just the build:
		// it becomes the build's error instead.
		defer func() {
			if r := recover(); r != nil {
				fitted <- fitResult{err: fmt.Errorf("fit question model: %v", r)}
			}
		}()
		var once sync.Once
		readAll := func() { once.Do(func() { close(read) }) }
		defer readAll() // a panic while reading too
		classes, exs := trainingSet(m, c.Questions, asked, nil)
		readAll()
		fitted <- fitResult{model: trainQuestionModel(classes, exs)}
	}()
	<-read
	n, err := writeBleve(ctx, filepath.Join(dir, bleveDir), c)
	var memory *questionMemory
	if err == nil {
		learnLeads(m, c.Questions, nil) // the cards' order: the fit reads none of it
		memory = rememberQuestions(m, c.Questions, asked, nil)
		m.Attested = attestForms(m, c.Questions, c.Lexicon)
	}
	fit := <-fitted
	if err = errors.Join(err, fit.err); err != nil {
		return 0, err
	}
	m.QModel, m.Memory = fit.model, memory
	if err := writeMeta(dir, m); err != nil {
		return 0, err
	}
	return n, writeManifest(dir)
}

type fitResult struct {
	model *questionModel
	err   error
}

func writeBleve(ctx context.Context, dir string, c *corpus.Corpus) (int, error) {
	idx, err := bleve.NewUsing(dir, buildMapping(), scorch.Name, scorch.Name, nil)
	if err != nil {
		return 0, fmt.Errorf("create index: %w", err)
	}
	licensesOf := map[string][]string{}
	kindOf := map[string]string{}
	for _, d := range c.Manifest.Documents {
		kindOf[d.ID] = string(d.Kind)
		if d.Kind == corpus.KindLicense {
			for _, id := range append([]string{d.ID}, d.Incorporates...) {
				licensesOf[id] = append(licensesOf[id], d.License)
			}
		}
	}
	for _, n := range c.Notes {
		kindOf[n.ID] = string(corpus.KindCritique)
	}
	topicsOf := map[string][]string{}
	for _, key := range slices.Sorted(maps.Keys(c.Cards)) {
		for topic, v := range c.Cards[key].Topics {
			for _, r := range v.Refs {
				topicsOf[r.String()] = append(topicsOf[r.String()], topic)
			}
		}
	}
	batch := idx.NewBatch()
	n := 0
	for _, doc := range slices.Sorted(maps.Keys(c.Clauses)) {
		for _, cl := range c.Clauses[doc] {
			id := cl.Doc + "#" + cl.Section
			topics := topicsOf[id]
			sort.Strings(topics)
			if err := batch.Index(id, clauseDoc{
				Doc: cl.Doc, Licenses: licensesOf[cl.Doc], Kind: kindOf[cl.Doc], Section: cl.Section,
				Heading: cl.Heading, Parents: strings.Join(cl.Parents, " / "), Text: cl.Text, Topics: topics,
			}); err != nil {
				idx.Close()
				return 0, err
			}
			n++
		}
		if err := ctx.Err(); err != nil {
			idx.Close()
			return 0, err
		}
	}
	if err := idx.Batch(batch); err != nil {
		idx.Close()
		return 0, fmt.Errorf("index clauses: %w", err)
	}
	return n, idx.Close()
}

// pointCurrent replaces root/current with a symlink to target by renaming a
// fresh symlink over it: readers see the old build or the new, never none.
func pointCurrent(root, target string) error {
	cur := filepath.Join(root, currentSym)
	if fi, err := os.Lstat(cur); err == nil && fi.IsDir() {
		// A copy of the data directory that followed symlinks made current
		// a directory, which no rename of a symlink replaces: it is moved
		// aside, not deleted.
		if err := os.Rename(cur, filepath.Join(root, currentSym+".replaced-"+randHex(4))); err != nil {
			return err
		}
	}
	tmp := filepath.Join(root, ".current-"+randHex(4))
	if err := os.Symlink(target, tmp); err != nil {
		return err
	}
	if err := os.Rename(tmp, filepath.Join(root, currentSym)); err != nil {
		os.Remove(tmp)
		return err
	}
	if d, err := os.Open(root); err == nil {
		d.Sync()
		d.Close()
	}
	return nil
}

// prune keeps current and the newest other good build (the fallback
// should current be damaged) and removes every other finished build,
// damaged ones included. It runs under the index root's lock (see
// finishBuild): a build still being made is a temporary directory, not a
// finished one.
func prune(builds, current string) {
	cleanStale(builds)
	good := 1 // current
	for _, name := range finishedBuilds(builds) {
		switch {
		case name == current:
			continue
		case good < keepGood && verifyBuild(filepath.Join(builds, name)) == nil:
			good++
			continue
		}
		os.RemoveAll(filepath.Join(builds, name))
	}
}

// cleanStale removes the temporary directories of builds that died (kill
// -9, a power cut): those whose lock no process holds, and those that
// never got a lock and are older than orphanAge. A build still running
// holds its lock and is left alone, whichever process runs it.
func cleanStale(builds string) []string {
	entries, err := os.ReadDir(builds)
	if err != nil {
		return nil
	}
	var removed []string
	for _, e := range entries {
		if !e.IsDir() || !strings.HasPrefix(e.Name(), ".tmp-") {
			continue
		}
		dir := filepath.Join(builds, e.Name())
		dead, err := buildAbandoned(dir)
		if errors.Is(err, os.ErrNotExist) {
			info, ierr := e.Info()
			dead = ierr == nil && time.Since(info.ModTime()) > orphanAge
		}
		if dead && os.RemoveAll(dir) == nil {
			removed = append(removed, e.Name())
		}
	}
	return removed
}

// lockPath is the lock file of the build in progress in dir.
func lockPath(dir string) string { return filepath.Join(dir, lockFile) }

func indexRoot(dataDir string) string { return filepath.Join(dataDir, "index") }

// currentDir resolves root/current to the build directory it names.
func currentDir(root string) (string, error) {
	cur := filepath.Join(root, currentSym)
	target, err := os.Readlink(cur)
	if errors.Is(err, os.ErrNotExist) {
		return "", fmt.Errorf("%w in %s: run `licensebot index build`", ErrNoIndex, root)
	}
	if fi, serr := os.Lstat(cur); err != nil && serr == nil && fi.IsDir() {
		return "", fmt.Errorf("%s is a directory, not the link to a build licensebot keeps (a copy that followed symlinks?): run `licensebot index build`, which moves it aside", cur)
	}
	if err != nil {
		return "", err
	}
	if !filepath.IsAbs(target) {
		target = filepath.Join(root, target)
	}
	return target, nil
}

func randHex(n int) string {
	b := make([]byte, n)
	rand.Read(b)
	return hex.EncodeToString(b)
}

func collapse(s string) string { return strings.Join(strings.Fields(s), " ") }
