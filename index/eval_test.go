package index_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
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
	Topics  []string      `yaml:"topics"`
	Search  string        `yaml:"search"`
	License string        `yaml:"license"`
	Status  stringOrList  `yaml:"status"`
	Expect  []expectation `yaml:"expect"`
	Source  string        `yaml:"source"` // the thread a real person asked in
}

// question is what the case asks or searches, without its license: the
// words after the license, as the eval asks them.
func (c evalCase) question() string {
	if c.Search != "" {
		return c.Search
	}
	if len(c.Ask) == 0 {
		return ""
	}
	return strings.Join(c.Ask[1:], " ")
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

// holds is score.py's rule: a clause holds an expectation when its
// document id starts with the expected one and its heading or text
// contains the phrase.
func holds(h index.Hit, e expectation) bool {
	return strings.HasPrefix(h.Doc, e.Doc) && strings.Contains(norm(h.Heading+" "+h.Text), norm(e.Text))
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
	n, top1, top3, statusOK, statusN, wrong, invented, errors int
	// Question understanding, on cases labelled with topics: the model's
	// first topic is one of the labels (u1), or one is in its first three.
	uN, u1, u3 int
	misses     []string
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
			a, err := e.Ask(ctx, c.Ask[0], c.question())
			if err != nil {
				sc.errors++
				sc.misses = append(sc.misses, c.ID+": error: "+err.Error())
				continue
			}
			items, status = a.Clauses, string(a.Verdict.Status)
			if len(c.Topics) > 0 {
				ranked, err := e.Understand(c.Ask[0], c.question())
				if err != nil {
					t.Fatal(err)
				}
				sc.uN++
				for i, r := range ranked[:min(3, len(ranked))] {
					if slices.Contains(c.Topics, r.Topic) {
						if i == 0 {
							sc.u1++
						}
						sc.u3++
						break
					}
				}
			}
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
		} else if hit(3) {
			sc.misses = append(sc.misses, c.ID+": top-1 miss: got "+items[0].Doc+"#"+items[0].Section)
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
				if status != "unknown" {
					sc.wrong++
				}
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

// evalSet is a question set and the bar it is held to. A dev or train set
// is one the engine was changed while looking at; a test set was committed
// before its first use and is never tuned to: its misses are not printed,
// only its scores.
type evalSet struct {
	name, path, kind string // kind: dev, train or test
	top1, top3       float64
	maxWrong         float64 // wrong verdicts / cases with a status
}

func evalSets(t *testing.T) []evalSet {
	root, shared := corpustest.RepoRoot(t), corpustest.Shared(t)
	// Every file of training questions, whatever it is called: a new one
	// is scored (and held to zero invented quotes) without being listed.
	train, err := filepath.Glob(filepath.Join(root, "corpus", "questions", "*.yaml"))
	if err != nil || len(train) == 0 {
		t.Fatalf("no training questions in corpus/questions (%v)", err)
	}
	var sets []evalSet
	for _, f := range train {
		sets = append(sets, evalSet{strings.TrimSuffix(filepath.Base(f), ".yaml"), f, "train", 0, 0, 1})
	}
	return append(sets, []evalSet{
		{"dev", filepath.Join(shared, "eval", "dev.yaml"), "dev", 0.85, 0.95, 0},
		{"dev-handwritten", filepath.Join(root, "testdata", "eval", "dev-handwritten.yaml"), "dev", 0.85, 0.95, 0},
		{"dev-second-engineer", filepath.Join(root, "testdata", "eval", "dev-second-engineer.yaml"), "dev", 0.75, 0.90, 0},
		{"search-dev", filepath.Join(root, "testdata", "eval", "search-dev.yaml"), "dev", 0.70, 0.84, 0},
		{"search-named-dev", filepath.Join(root, "testdata", "eval", "search-named-dev.yaml"), "dev", 0.60, 0.76, 0},
		{"real-dev", filepath.Join(root, "testdata", "eval", "real-dev.yaml"), "dev", 0.70, 0.88, 0},
		{"real-dev-2", filepath.Join(root, "testdata", "eval", "real-dev-2.yaml"), "dev", 0, 0, 0},
		{"real-test", filepath.Join(root, "testdata", "eval", "real-test.yaml"), "test", 0, 0, 1},
		{"paraphrase-test", filepath.Join(root, "testdata", "eval", "paraphrase-test.yaml"), "test", 0, 0, 1},
		{"paraphrase-test-2", filepath.Join(root, "testdata", "eval", "paraphrase-test-2.yaml"), "test", 0, 0, 1},
		{"paraphrase-test-3", filepath.Join(root, "testdata", "eval", "paraphrase-test-3.yaml"), "test", 0, 0, 1},
		{"real-test-3", filepath.Join(root, "testdata", "eval", "real-test-3.yaml"), "test", 0, 0, 1},
		{"search-test", filepath.Join(root, "testdata", "eval", "search-test.yaml"), "test", 0, 0, 1},
	}...)
}

// TestEval holds answer quality on every question set: top-1 and top-3 of
// the quoted clauses, wrong verdicts (a definite status the case does not
// accept) and invented quotes (none, anywhere).
func TestEval(t *testing.T) {
	t.Parallel()
	e := indextest.Engine(t)
	texts := loadTexts(t)
	for _, set := range evalSets(t) {
		t.Run(set.name, func(t *testing.T) {
			cases := loadCases(t, set.path)
			if set.kind == "train" && os.Getenv("LICENSEBOT_TUNE") == "" {
				// Fitted to, so their scores are optimistic and no bar
				// holds them: every third question still checks for
				// invented quotes and errors, in a third of the time;
				// LICENSEBOT_TUNE=1 (or score.py) scores them whole.
				cases = everyThird(cases)
			}
			sc := runEval(t, e, cases, texts)
			top1, top3 := float64(sc.top1)/float64(sc.n), float64(sc.top3)/float64(sc.n)
			status, wrong := 1.0, 0.0
			if sc.statusN > 0 {
				status = float64(sc.statusOK) / float64(sc.statusN)
				wrong = float64(sc.wrong) / float64(sc.statusN)
			}
			line := fmt.Sprintf("%s (%s): cases %d: top1 %.2f top3 %.2f status %.2f (%d/%d) wrong-verdicts %.3f (%d) errors %d invented %d",
				set.name, set.kind, sc.n, top1, top3, status, sc.statusOK, sc.statusN, wrong, sc.wrong, sc.errors, sc.invented)
			if sc.uN > 0 {
				line += fmt.Sprintf(" · understanding top1 %.2f top3 %.2f (%d)", float64(sc.u1)/float64(sc.uN), float64(sc.u3)/float64(sc.uN), sc.uN)
			}
			t.Log(line)
			if set.kind != "test" {
				for _, m := range sc.misses {
					t.Log("  ", m)
				}
			}
			if top1 < set.top1 || top3 < set.top3 || wrong > set.maxWrong || sc.invented > 0 || sc.errors > 0 {
				t.Errorf("%s below the bar: top1 %.2f (≥%.2f) top3 %.2f (≥%.2f) wrong %.3f (≤%.3f) invented %d errors %d",
					set.name, top1, set.top1, top3, set.top3, wrong, set.maxWrong, sc.invented, sc.errors)
			}
		})
	}
}

// everyThird keeps the first of every three cases.
func everyThird(cases []evalCase) []evalCase {
	var out []evalCase
	for i := 0; i < len(cases); i += 3 {
		out = append(out, cases[i])
	}
	return out
}
