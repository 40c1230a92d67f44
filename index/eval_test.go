package index_test

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/licensebot/licensebot/corpus/corpustest"
	"github.com/licensebot/licensebot/index"
	"github.com/licensebot/licensebot/index/indextest"
)

// evalCase is one question of shared/eval/dev.yaml or testdata/eval/*.yaml.
type evalCase struct {
	ID      string        `yaml:"id"`
	Ask     []string      `yaml:"ask"`
	Search  string        `yaml:"search"`
	License string        `yaml:"license"`
	Status  stringOrList  `yaml:"status"`
	Expect  []expectation `yaml:"expect"`
}

type expectation struct {
	Doc  string `yaml:"doc"`
	Text string `yaml:"text"`
}

type stringOrList []string

func (s *stringOrList) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind == yaml.ScalarNode {
		*s = []string{n.Value}
		return nil
	}
	var l []string
	err := n.Decode(&l)
	*s = l
	return err
}

var spaceRE = regexp.MustCompile(`\s+`)

// norm is score.py's norm: curly quotes folded, whitespace collapsed, lower case.
func norm(s string) string {
	s = strings.NewReplacer("\u2019", "'", "\u201c", `"`, "\u201d", `"`).Replace(s)
	return strings.ToLower(strings.TrimSpace(spaceRE.ReplaceAllString(s, " ")))
}

func holds(h index.Hit, e expectation) bool {
	return strings.HasPrefix(h.Doc, e.Doc) && strings.Contains(norm(h.Text), norm(e.Text))
}

// invented reports whether a quoted text is not verbatim in its document,
// with score.py's rule: pieces between ellipses longer than 20 characters
// must all occur in the normalised source.
func invented(h index.Hit, texts map[string]string) bool {
	src, ok := texts[h.Doc]
	if !ok {
		return false // the project's own notes: not a third-party text
	}
	body := strings.TrimRight(strings.TrimRight(norm(h.Text), "…"), ".")
	for _, p := range regexp.MustCompile(`…|\.\.\.`).Split(body, -1) {
		if p = strings.TrimSpace(p); len(p) > 20 && !strings.Contains(src, p) {
			return true
		}
	}
	return false
}

type evalScore struct {
	n, top1, top3, statusOK, statusN, invented, errors int
	misses                                             []string
}

func runEval(t *testing.T, e *index.Engine, cases []evalCase, texts map[string]string) evalScore {
	t.Helper()
	ctx := context.Background()
	var sc evalScore
	for _, c := range cases {
		sc.n++
		var items []index.Hit
		var status string
		if len(c.Ask) > 0 {
			a, err := e.Ask(ctx, c.Ask[0], strings.Join(c.Ask[1:], " "))
			if err != nil {
				sc.errors++
				sc.misses = append(sc.misses, c.ID+": error: "+err.Error())
				continue
			}
			items, status = a.Clauses, string(a.Verdict.Status)
		} else {
			hits, err := e.Search(ctx, c.Search, c.License, 10)
			if err != nil {
				sc.errors++
				sc.misses = append(sc.misses, c.ID+": error: "+err.Error())
				continue
			}
			items = hits
		}
		for _, it := range items {
			if invented(it, texts) {
				sc.invented++
				sc.misses = append(sc.misses, c.ID+": quote not verbatim in "+it.Doc+"#"+it.Section)
			}
		}
		hit := func(k int) bool {
			for _, it := range items[:min(k, len(items))] {
				for _, x := range c.Expect {
					if holds(it, x) {
						return true
					}
				}
			}
			return false
		}
		if hit(1) {
			sc.top1++
		}
		if hit(3) {
			sc.top3++
		} else {
			var got []string
			for _, it := range items[:min(3, len(items))] {
				got = append(got, it.Doc+"#"+it.Section)
			}
			sc.misses = append(sc.misses, c.ID+": miss: got "+strings.Join(got, ", "))
		}
		if len(c.Status) > 0 {
			sc.statusN++
			ok := false
			for _, s := range c.Status {
				ok = ok || s == status
			}
			if ok {
				sc.statusOK++
			} else {
				sc.misses = append(sc.misses, c.ID+": status "+status+", want "+strings.Join(c.Status, "|"))
			}
		}
	}
	return sc
}

func loadCases(t *testing.T, path string) []evalCase {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("eval cases: %v", err)
	}
	var cases []evalCase
	if err := yaml.Unmarshal(b, &cases); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	if len(cases) == 0 {
		t.Fatalf("%s: no cases", path)
	}
	return cases
}

func loadTexts(t *testing.T) map[string]string {
	t.Helper()
	dir := corpustest.TextsDir(t)
	files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	texts := map[string]string{}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		texts[strings.TrimSuffix(filepath.Base(f), ".txt")] = norm(string(b))
	}
	return texts
}

// TestEval holds the answer quality of DESIGN.md on the shared dev questions
// and on hand-written questions in the same style that were never used for
// tuning: top-1 ≥ 0.85, top-3 ≥ 0.95, verdict status 1.0, no invented quote;
// and a floor on a set written blind.
func TestEval(t *testing.T) {
	e := indextest.Engine(t)
	texts := loadTexts(t)
	type bar struct{ top1, top3 float64 }
	sets := map[string]struct {
		path string
		bar  bar
	}{
		"dev":     {filepath.Join(corpustest.Shared(t), "eval", "dev.yaml"), bar{0.85, 0.95}},
		"heldout": {filepath.Join(corpustest.RepoRoot(t), "testdata", "eval", "heldout.yaml"), bar{0.85, 0.95}},
		// The blind set is harder (no one tuned the corpus to its phrasing);
		// its floor sits a little under today's 0.78 / 0.93.
		"blind": {filepath.Join(corpustest.RepoRoot(t), "testdata", "eval", "blind.yaml"), bar{0.75, 0.90}},
	}
	for name, set := range sets {
		t.Run(name, func(t *testing.T) {
			sc := runEval(t, e, loadCases(t, set.path), texts)
			top1, top3 := float64(sc.top1)/float64(sc.n), float64(sc.top3)/float64(sc.n)
			status := 1.0
			if sc.statusN > 0 {
				status = float64(sc.statusOK) / float64(sc.statusN)
			}
			t.Logf("%s: cases %d: top1 %.2f top3 %.2f status %.2f (%d/%d) errors %d invented %d",
				name, sc.n, top1, top3, status, sc.statusOK, sc.statusN, sc.errors, sc.invented)
			for _, m := range sc.misses {
				t.Log("  ", m)
			}
			if top1 < set.bar.top1 || top3 < set.bar.top3 || status < 1 || sc.invented > 0 || sc.errors > 0 {
				t.Errorf("%s below the bar: top1 %.2f (≥%.2f) top3 %.2f (≥%.2f) status %.2f (=1) invented %d errors %d",
					name, top1, set.bar.top1, top3, set.bar.top3, status, sc.invented, sc.errors)
			}
		})
	}
}
