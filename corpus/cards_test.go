package corpus_test

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/licensebot/licensebot/corpus"
	"github.com/licensebot/licensebot/corpus/corpustest"
)

var (
	quotedRE  = regexp.MustCompile(`"([^"]{3,80})"`)
	numbersRE = regexp.MustCompile(`\b\d[\d,.]*\s*(?:million|billion|days?|months?|years?|%)`)
	// A sentence ends at a full stop followed by a space and a capital.
	sentenceRE = regexp.MustCompile(`(?s).+?(?:[.!?](?:\s+|$)|$)`)
	negationRE = regexp.MustCompile(`(?i)\b(?:no|not|nothing|never|none|without|neither|nor)\b|n't\b`)
)

// foldForCheck makes a summary's quote comparable with clause text: curly
// quotes, Markdown bold and case do not count.
func foldForCheck(s string) string {
	s = strings.NewReplacer("“", `"`, "”", `"`, "’", "'", "‘", "'", "**", "", `\`, "").Replace(s)
	return strings.ToLower(strings.Join(strings.Fields(s), " "))
}

// Every verdict summary is checked against the clauses it cites: each phrase
// it quotes ("Built with Llama") and each figure it gives (700 million,
// 30 days) must occur in one of them. A summary that says more than its
// clauses is a card to fix.
func TestSummariesAgreeWithCitedClauses(t *testing.T) {
	c, err := corpus.Load(corpus.Paths{Dir: corpustest.CorpusDir(t), Texts: corpustest.TextsDir(t)})
	if err != nil {
		t.Fatal(err)
	}
	checked := 0
	for _, card := range c.Cards {
		for topic, v := range card.Topics {
			var cited strings.Builder
			for _, r := range v.Refs {
				if cl := c.Clause(r.Doc, r.Section); cl != nil {
					cited.WriteString(foldForCheck(cl.Heading + " " + cl.Text))
					cited.WriteByte(' ')
				}
			}
			text := cited.String()
			var claims []string
			for _, sentence := range sentenceRE.FindAllString(v.Summary, -1) {
				if negationRE.MatchString(sentence) {
					continue // "there is no "Built with Gemma" rule" claims an absence
				}
				for _, m := range quotedRE.FindAllStringSubmatch(sentence, -1) {
					claims = append(claims, m[1])
				}
				claims = append(claims, numbersRE.FindAllString(sentence, -1)...)
			}
			for _, claim := range claims {
				checked++
				if !strings.Contains(text, foldForCheck(claim)) {
					t.Errorf("%s (line %d) %s: the summary says %q, which none of its cited clauses %v contains", card.File, v.Line, topic, claim, v.Refs)
				}
			}
		}
	}
	if checked < 50 {
		t.Errorf("only %d quoted phrases and figures checked; the cards should carry more", checked)
	}
	t.Logf("%d quoted phrases and figures checked against their clauses", checked)
}

// A summary does not open with "Yes" or "No" as an answer: the status
// word before it answers, and a question may be asked either way round —
// "ALLOWED. Yes: you may charge any price" answered "is selling it
// banned?" and "are there fees for commercial use?" the wrong way (hunt
// 11). "No threshold:", "No copyleft." say what the license lacks.
func TestSummariesOpenWithNoAnswerWord(t *testing.T) {
	c, err := loadCardsOf(t, corpustest.CorpusDir(t))
	if err != nil {
		t.Fatal(err)
	}
	// "Yes" in any form; "No" followed by a mark or by what answers
	// ("No, you…", "No — it…"), not "No threshold:".
	answerWord := regexp.MustCompile(`^(?i:yes\b|no\s*[,.:;!—–-]|no\s+(?:you|it|but|not)\b)`)
	for _, card := range c {
		for topic, v := range card.Topics {
			if answerWord.MatchString(strings.TrimSpace(v.Summary)) {
				t.Errorf("%s (line %d) %s: the summary opens %q, an answer to one way of asking", card.File, v.Line, topic, strings.Fields(v.Summary)[0])
			}
		}
	}
}

// The OSAID's freedoms to use, modify and share are each "for any
// purpose": a clause that a card cites as what fails one of them cannot be
// what another of them passes on. DeepSeek's and the OpenRAILs' §5 failed
// Use ("use may include … finetuning") and passed Modify.
func TestOSAIDFreedomsAgree(t *testing.T) {
	c, err := corpus.Load(corpus.Paths{Dir: corpustest.CorpusDir(t), Texts: corpustest.TextsDir(t)})
	if err != nil {
		t.Fatal(err)
	}
	for _, card := range c.Cards {
		if card.OpenSource == nil || card.OpenSource.OSAID == nil {
			continue
		}
		o := card.OpenSource.OSAID
		failedOn := map[string]string{} // doc#section → the freedom it fails
		for _, it := range []corpus.NamedCriterion{{Name: "use", Criterion: o.Use}, {Name: "modify", Criterion: o.Modify}, {Name: "share", Criterion: o.Share}} {
			if it.Criterion != nil && it.Result == "fail" {
				for _, r := range it.Refs {
					failedOn[r.Doc+"#"+r.Section] = it.Name
				}
			}
		}
		for _, it := range []corpus.NamedCriterion{{Name: "use", Criterion: o.Use}, {Name: "modify", Criterion: o.Modify}, {Name: "share", Criterion: o.Share}} {
			if it.Criterion == nil || it.Result != "pass" {
				continue
			}
			for _, r := range it.Refs {
				if other, ok := failedOn[r.Doc+"#"+r.Section]; ok {
					t.Errorf("%s (line %d): OSAID %s passes citing %s#%s, which fails %s", card.File, it.Line, it.Name, r.Doc, r.Section, other)
				}
			}
		}
	}
}

// A card whose open-source assessment lacks a criterion fails naming the
// line of its assessment and the criteria it lacks, as every other card
// error names its line.
func TestAssessmentMissingACriterionNamesItsLine(t *testing.T) {
	dir := corpustest.SmallCorpusDir(t)
	path := filepath.Join(dir, "cards", "mit.yaml")
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	src := string(b)
	start := strings.Index(src, "    - n: 4\n")
	end := strings.Index(src, "    - n: 5\n")
	if start < 0 || end < start {
		t.Fatalf("no OSD criterion 4 in %s", path)
	}
	line := strings.Count(src[:strings.Index(src, "  osd:\n")], "\n") + 1
	if err := os.WriteFile(path, []byte(src[:start]+src[end:]), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err = loadCardsOf(t, dir)
	want := fmt.Sprintf("mit.yaml:%d: the OSD assessment must cover all ten criteria, has 9 (lacks 4)", line)
	if err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("err = %v; want %q", err, want)
	}
}

// loadCardsOf loads the cards of the corpus directory dir, against its
// manifest and topics, which must load.
func loadCardsOf(t *testing.T, dir string) (map[string]*corpus.Card, error) {
	t.Helper()
	m, err := corpus.LoadManifest(filepath.Join(dir, "manifest.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	ts, err := corpus.LoadTopics(filepath.Join(dir, "topics.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	return corpus.LoadCards(filepath.Join(dir, "cards"), m, ts)
}
