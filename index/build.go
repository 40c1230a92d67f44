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
//	builds/<time>-<rand>/bleve      the scorch index
//	builds/<time>-<rand>/meta.gob   cards, topics and clause texts of that build
//	current -> builds/<name>        symlink, replaced atomically by rename
//	builds/.tmp-*                   a build in progress (or killed mid-way)
const (
	buildsDir  = "builds"
	currentSym = "current"
	bleveDir   = "bleve"
	keepBuilds = 3 // current plus two older ones, for processes still reading them
)

// BuildReport says what a build produced.
type BuildReport struct {
	Dir       string
	Documents int
	Clauses   int
	Missing   []string // mirror-only documents left out because their text is absent
	Took      time.Duration
}

// Build loads and validates the corpus, indexes it into a fresh directory
// under dataDir/index and, only when everything succeeded, points
// dataDir/index/current at it with an atomic rename. Any failure leaves
// current, and whatever serves from it, untouched.
func Build(ctx context.Context, p corpus.Paths, dataDir string) (*BuildReport, error) {
	start := time.Now()
	root := indexRoot(dataDir)
	c, err := corpus.Load(p)
	if err != nil {
		return nil, err
	}
	builds := filepath.Join(root, buildsDir)
	if err := os.MkdirAll(builds, 0o755); err != nil {
		return nil, err
	}
	tmp, err := os.MkdirTemp(builds, ".tmp-")
	if err != nil {
		return nil, err
	}
	ok := false
	defer func() {
		if !ok {
			os.RemoveAll(tmp)
		}
	}()
	n, err := writeBleve(ctx, filepath.Join(tmp, bleveDir), c)
	if err != nil {
		return nil, err
	}
	m := newMeta(c, start)
	m.QModel = fitQuestionModel(m, c.Questions, nil)
	learnLeads(m, c.Questions, nil)
	if err := writeMeta(tmp, m); err != nil {
		return nil, err
	}
	name := start.UTC().Format("20060102T150405.000000000") + "-" + randHex(4)
	if err := os.Rename(tmp, filepath.Join(builds, name)); err != nil {
		return nil, err
	}
	ok = true
	if err := pointCurrent(root, filepath.Join(buildsDir, name)); err != nil {
		return nil, err
	}
	prune(builds, name)
	return &BuildReport{
		Dir: filepath.Join(builds, name), Documents: len(c.Manifest.Documents) - len(c.Missing) + len(c.Notes),
		Clauses: n, Missing: c.Missing, Took: time.Since(start),
	}, nil
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

// prune removes builds beyond the newest keepBuilds, and temp dirs of
// builds that were killed mid-way long enough ago not to be running still.
func prune(builds, current string) {
	entries, err := os.ReadDir(builds)
	if err != nil {
		return
	}
	var done []string
	for _, e := range entries {
		name := e.Name()
		if strings.HasPrefix(name, ".tmp-") {
			if info, err := e.Info(); err == nil && time.Since(info.ModTime()) > time.Hour {
				os.RemoveAll(filepath.Join(builds, name))
			}
			continue
		}
		done = append(done, name)
	}
	sort.Strings(done)
	for len(done) > keepBuilds {
		if done[0] != current {
			os.RemoveAll(filepath.Join(builds, done[0]))
		}
		done = done[1:]
	}
}

func indexRoot(dataDir string) string { return filepath.Join(dataDir, "index") }

// currentDir resolves root/current to the build directory it names.
func currentDir(root string) (string, error) {
	target, err := os.Readlink(filepath.Join(root, currentSym))
	if errors.Is(err, os.ErrNotExist) {
		return "", fmt.Errorf("%w in %s: run `licensebot index build`", ErrNoIndex, root)
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
