package corpus_test

// Key facts about the licenses, asserted straight from the third-party texts
// so that a card, a segmenter bug or a changed upstream text cannot quietly
// turn a wrong answer into the expected one. TestFactsFromTexts reads only the
// raw files; the section and card tests build on it.

import (
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/licensebot/licensebot/corpus"
	"github.com/licensebot/licensebot/corpus/corpustest"
)

func factsTextsDir(t *testing.T) string { return corpustest.TextsDir(t) }

func factsRepoFile(t *testing.T, rel string) string {
	return filepath.Join(corpustest.RepoRoot(t), rel)
}

var (
	factsSpaceRE    = regexp.MustCompile(`\s+`)
	factsMDEscapeRE = regexp.MustCompile(`\\([[:punct:]])`)
	factsQuotes     = strings.NewReplacer("“", `"`, "”", `"`, "‘", "'", "’", "'")
)

// factsNormalize makes texts comparable across their sources: curly quotes
// folded to straight ones, Markdown bold and backslash escapes dropped (the
// Llama 3.3 license writes `2\. **Additional Commercial Terms**.`), and every
// whitespace run, including hard line breaks inside sentences, one space.
func factsNormalize(s string) string {
	s = factsQuotes.Replace(s)
	s = strings.ReplaceAll(s, "**", "")
	s = factsMDEscapeRE.ReplaceAllString(s, "$1")
	return strings.TrimSpace(factsSpaceRE.ReplaceAllString(s, " "))
}

// factsLoadTexts reads every <id>.txt in the texts directory, normalised, and
// fails if any document a fact names is absent.
func factsLoadTexts(t *testing.T) map[string]string {
	t.Helper()
	dir := factsTextsDir(t)
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatalf("corpus texts not found (set LICENSEBOT_TEXTS or provide ../shared/corpus/texts): %v", err)
	}
	texts := map[string]string{}
	for _, e := range entries {
		if e.IsDir() || !strings.HasSuffix(e.Name(), ".txt") {
			continue
		}
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		texts[strings.TrimSuffix(e.Name(), ".txt")] = factsNormalize(string(b))
	}
	for _, id := range factsAllDocs {
		if _, ok := texts[id]; !ok {
			t.Fatalf("corpus text %s.txt missing from %s", id, dir)
		}
	}
	return texts
}

var (
	llamaLicenses = []string{
		"llama2-license", "llama3-license", "llama3.1-license",
		"llama3.2-license", "llama3.3-license", "llama4-license",
	}
	llamaAUPs = []string{
		"llama2-aup", "llama3-aup", "llama3.1-aup", "llama3.2-aup", "llama3.3-aup", "llama4-aup",
	}
	// llamaPrefixLicenses are the versions that dropped the outputs ban and
	// instead want "Llama" first in the name of any model built from them
	// or their outputs.
	llamaPrefixLicenses = []string{"llama3.1-license", "llama3.2-license", "llama3.3-license", "llama4-license"}
	qwenLicenses        = []string{"qwen2.5-license", "tongyi-qianwen-license"}
	euAUPs              = []string{"llama3.2-aup", "llama3.3-aup", "llama4-aup"}

	factsAllDocs = slices.Concat(llamaLicenses, llamaAUPs, qwenLicenses,
		[]string{"gemma-terms", "gemma-prohibited-use-policy", "deepseek-model-license",
			"bigscience-openrail-m", "creativeml-openrail-m"}, ccLicenses, gnuLicenses)
	// ccLicenses are the Creative Commons 4.0 licenses in the corpus.
	ccLicenses = []string{"cc-by-4.0", "cc-by-nc-4.0", "cc-by-sa-4.0"}
	// gnuLicenses are the GNU licenses numbered as the GPL is (the LGPL
	// has sections of its own and holds the GPL's under gpl.*).
	gnuLicenses = []string{"gpl-3.0", "agpl-3.0"}
)

// textFact is one assertion about the license texts: pattern (a regexp on
// normalised text) matches every document in in, none in notIn, and, when
// only is set, no other text in the corpus either.
type textFact struct {
	name    string
	pattern string
	in      []string
	notIn   []string
	only    bool
}

var textFacts = []textFact{
	// Training other models on outputs.
	{
		name:    "Llama 2 and 3 §1.b.v forbid improving other LLMs with Llama outputs",
		pattern: `\bv\. You will not use the Llama Materials or any output or results of the Llama Materials to improve any other large language model \(excluding (Meta )?Llama [23] or derivative works thereof\)`,
		in:      []string{"llama2-license", "llama3-license"},
		notIn:   llamaPrefixLicenses,
	},
	{
		name:    "Tongyi Qianwen §5.b forbids improving other LLMs with its outputs",
		pattern: `\b5\. Rules of use a\. .{0,300}? b\. You can not use the Materials or any output therefrom to improve any other large language model \(excluding Tongyi Qianwen`,
		in:      []string{"tongyi-qianwen-license"},
		notIn:   []string{"qwen2.5-license"},
	},
	{
		name:    "only Llama 2, Llama 3 and Tongyi Qianwen ban improving other LLMs",
		pattern: `(?i)to improve any other large language model`,
		in:      []string{"llama2-license", "llama3-license", "tongyi-qianwen-license"},
		only:    true,
	},
	// Name prefix.
	{
		name:    `Llama 3.1+ and 4 §1.b.i: models built from Llama or its outputs start with "Llama"`,
		pattern: `\bi\. If you distribute or make available the Llama Materials .{0,500}? If you use the Llama Materials or any outputs or results of the Llama Materials to create, train, fine tune, or otherwise improve an AI model, which is distributed or made available, you shall also include "Llama" at the beginning of any such AI model name\.`,
		in:      llamaPrefixLicenses,
		notIn:   []string{"llama2-license", "llama3-license"},
	},
	{
		name:    `Llama 3 §1.b.i: models built from the Llama Materials start with "Llama 3"`,
		pattern: `\bi\. If you distribute or make available the Llama Materials .{0,500}? If you use the Llama Materials to create, train, fine tune, or otherwise improve an AI model, which is distributed or made available, you shall also include "Llama 3" at the beginning of any such AI model name\.`,
		in:      []string{"llama3-license"},
	},
	{
		name:    "no license but Llama 3 and later requires a name prefix",
		pattern: `at the beginning of any such AI model name`,
		in:      slices.Concat([]string{"llama3-license"}, llamaPrefixLicenses),
		notIn:   []string{"llama2-license"},
		only:    true,
	},
	// Attribution displays.
	{
		name:    `Llama 3.1+ and 4 §1.b.i: display "Built with Llama"`,
		pattern: `prominently display "Built with Llama" on a related website, user interface, blogpost, about page, or product documentation`,
		in:      llamaPrefixLicenses,
	},
	{
		name:    `Llama 3 §1.b.i: display "Built with Meta Llama 3"`,
		pattern: `prominently display "Built with Meta Llama 3"`,
		in:      []string{"llama3-license"},
	},
	{
		name:    `Qwen 2.5 §5.b: models built from Qwen or its outputs display "Built with Qwen"`,
		pattern: `\bb\. If you use the Materials or any outputs or results therefrom to create, train, fine-tune, or improve an AI model that is distributed or made available, you shall prominently display "Built with Qwen" or "Improved using Qwen" in the related product documentation\.`,
		in:      []string{"qwen2.5-license"},
	},
	{
		name:    `only the Qwen 2.5 license asks for "Built with Qwen"`,
		pattern: `(?i)built with qwen`,
		in:      []string{"qwen2.5-license"},
		notIn:   []string{"tongyi-qianwen-license"},
		only:    true,
	},
	{
		name:    `Llama 2 asks for no "Built with" display`,
		pattern: `(?i)built with`,
		notIn:   []string{"llama2-license", "llama2-aup"},
	},
	// User thresholds.
	{
		name:    "every Llama §2: over 700 million MAU on the release date needs a license Meta grants at its sole discretion",
		pattern: `\b2\. Additional Commercial Terms\. If, on the (Meta )?Llama [0-9.]+ version release date, the monthly active users of the products or services made available by or for Licensee, or Licensee's affiliates, is greater than 700 million monthly active users in the preceding calendar month, you must request a license from Meta, which Meta may grant to you in its sole discretion, and you are not authorized to exercise any of the rights under this Agreement unless or until Meta otherwise expressly grants you such rights\.`,
		in:      llamaLicenses,
	},
	{
		name:    "Qwen 2.5 and Tongyi Qianwen §4: commercial use over 100 million MAU needs a license",
		pattern: `(?i)\b4\. Restrictions If you are commercially using the Materials, and your product or service has more than 100 million monthly active users, you shall request a license from us\.`,
		in:      qwenLicenses,
	},
	{
		name:    "only Llama and Qwen licenses count monthly active users",
		pattern: `(?i)monthly active users`,
		in:      slices.Concat(llamaLicenses, qwenLicenses),
		only:    true,
	},
	{
		name:    "the 700 million threshold is Meta's alone",
		pattern: `700 million`,
		in:      llamaLicenses,
		only:    true,
	},
	{
		name:    "the 100 million threshold is Alibaba's alone",
		pattern: `100 million`,
		in:      qwenLicenses,
		only:    true,
	},
	// EU restriction on multimodal models.
	{
		name:    "Llama 3.2 AUP withholds §1(a) for multimodal models from the EU",
		pattern: `With respect to any multimodal models included in Llama 3\.2, the rights granted under Section 1\(a\) of the Llama 3\.2 Community License Agreement are not being granted to you if you are an individual domiciled in, or a company with a principal place of business in, the European Union\. This restriction does not apply to end users of a product or service that incorporates any such multimodal models\.`,
		in:      []string{"llama3.2-aup"},
	},
	{
		name:    "Llama 3.3 AUP withholds §1(a) for multimodal models from the EU",
		pattern: `With respect to any multimodal models included in Llama 3\.3, the rights granted under Section 1\(a\) of the Llama 3\.3 Community License Agreement are not being granted to you if you are an individual domiciled in, or a company with a principal place of business in, the European Union\.`,
		in:      []string{"llama3.3-aup"},
	},
	{
		name:    "Llama 4 AUP withholds §1(a) for multimodal models from the EU",
		pattern: `With respect to any multimodal models included in Llama 4, the rights granted under Section 1\(a\) of the Llama 4 Community License Agreement are not being granted to you if you are an individual domiciled in, or a company with a principal place of business in, the European Union\.`,
		in:      []string{"llama4-aup"},
	},
	{
		name:    "the EU restriction is in the Llama 3.2, 3.3 and 4 AUPs only",
		pattern: `(?i)european union`,
		in:      euAUPs,
		notIn:   slices.Concat(llamaLicenses, []string{"llama2-aup", "llama3-aup", "llama3.1-aup"}),
		only:    true,
	},
	// Governing law.
	{
		name:    "every Llama §7: California law, California courts",
		pattern: `\b7\. Governing Law and Jurisdiction\. This Agreement will be governed and construed under the laws of the State of California without regard to choice of law principles, .{0,150}? The courts of California shall have exclusive jurisdiction of any dispute arising out of this Agreement\.`,
		in:      llamaLicenses,
	},
	{
		name:    "Gemma §4.6: California law, Santa Clara County courts",
		pattern: `\b4\.6 Governing Law and Jurisdiction This Agreement will be governed by the laws of the State of California without regard to choice of law principles\. .{0,150}? The state and federal courts of Santa Clara County, California shall have exclusive jurisdiction`,
		in:      []string{"gemma-terms"},
	},
	{
		name:    "DeepSeek §14: PRC law",
		pattern: `\b14\. Governing Law and Jurisdiction\. This agreement will be governed and construed under PRC laws without regard to choice of law principles`,
		in:      []string{"deepseek-model-license"},
	},
	{
		name:    "Qwen 2.5 and Tongyi Qianwen §9: laws of China, Hangzhou courts",
		pattern: `\b9\. Governing Law and Jurisdiction\. a\. This Agreement and any dispute arising out of or relating to it will be governed by the laws of China, .{0,150}? b\. The People's Courts in Hangzhou City shall have exclusive jurisdiction over any dispute arising out of this Agreement\.`,
		in:      qwenLicenses,
	},
	{
		name:    "only Meta's and Google's terms choose California law",
		pattern: `laws of the State of California`,
		in:      slices.Concat(llamaLicenses, []string{"gemma-terms"}),
		only:    true,
	},
}

// TestFactsFromTexts checks the facts verdict cards and answers depend on
// against the raw license texts alone, so it holds whatever state the
// segmenter, the cards or the index are in.
func TestFactsFromTexts(t *testing.T) {
	texts := factsLoadTexts(t)
	for _, f := range textFacts {
		t.Run(f.name, func(t *testing.T) {
			re := regexp.MustCompile(f.pattern)
			for _, id := range f.in {
				if !re.MatchString(texts[id]) {
					t.Errorf("%s: no match for %q", id, f.pattern)
				}
			}
			for _, id := range f.notIn {
				if re.MatchString(texts[id]) {
					t.Errorf("%s: unexpected match %q", id, re.FindString(texts[id]))
				}
			}
			if f.only {
				for id, text := range texts {
					if !slices.Contains(f.in, id) && re.MatchString(text) {
						t.Errorf("%s: matches too (%q), but only %v should", id, re.FindString(text), f.in)
					}
				}
			}
		})
	}
}

// factsNotes mirrors corpus/notes/*.yaml (FORMATS.md) with refs as plain
// strings, so the notes are checked without the package's own loader.
type factsNotes struct {
	ID        string `yaml:"id"`
	Title     string `yaml:"title"`
	About     string `yaml:"about"`
	Arguments []struct {
		ID    string   `yaml:"id"`
		Title string   `yaml:"title"`
		Text  string   `yaml:"text"`
		Refs  []string `yaml:"refs"`
		OSD   []int    `yaml:"osd"`
	} `yaml:"arguments"`
}

func factsLoadLlama4Notes(t *testing.T) *factsNotes {
	t.Helper()
	b, err := os.ReadFile(factsRepoFile(t, "corpus/notes/llama4-critique.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	var n factsNotes
	dec := yaml.NewDecoder(strings.NewReader(string(b)))
	dec.KnownFields(true)
	if err := dec.Decode(&n); err != nil {
		t.Fatalf("llama4-critique.yaml: %v", err)
	}
	return &n
}

var (
	factsSentenceEndRE = regexp.MustCompile(`[.!?]["')]?(\s|$)`)
	factsWordRE        = regexp.MustCompile(`[a-z0-9]+`)
)

// factsShingles returns every run of n consecutive words of s, lower-cased.
func factsShingles(s string, n int) map[string]bool {
	words := factsWordRE.FindAllString(strings.ToLower(factsNormalize(s)), -1)
	out := map[string]bool{}
	for i := 0; i+n <= len(words); i++ {
		out[strings.Join(words[i:i+n], " ")] = true
	}
	return out
}

// TestCritiqueNotesLlama4 holds the project's critique notes to what the
// issue asks of them: every argument of the Llama 4 critique present, each
// tied to the deciding clauses and OSD criteria, written in the project's
// own words (no six-word run lifted from the critique article), two to five
// sentences long.
func TestCritiqueNotesLlama4(t *testing.T) {
	texts := factsLoadTexts(t)
	n := factsLoadLlama4Notes(t)
	if n.ID != "critique-notes-llama4" || n.About != "llama4" || n.Title == "" {
		t.Errorf("notes header: id %q about %q title %q", n.ID, n.About, n.Title)
	}
	article, ok := texts["critique-llama4-not-open-source"]
	if !ok {
		t.Fatal("critique-llama4-not-open-source.txt missing from the texts directory")
	}
	copied := factsShingles(article, 6)

	// Each argument the issue lists, with the clauses and criteria that
	// decide it; an argument may cite more.
	want := map[string]struct {
		refs []string
		osd  []int
	}{
		"verdict":          {refs: []string{"llama4-license#2", "llama4-aup#p3", "llama4-license#1.b.iv"}, osd: []int{5, 6}},
		"gated-download":   {refs: []string{"llama4-license#p7"}, osd: []int{7}},
		"built-with-llama": {refs: []string{"llama4-license#1.b.i"}},
		"mau-cap":          {refs: []string{"llama4-license#2"}, osd: []int{5}},
		"aup-field-of-use": {refs: []string{"llama4-license#1.b.iv", "llama4-aup#2.a"}, osd: []int{6}},
		"name-prefix":      {refs: []string{"llama4-license#1.b.i"}},
		"eu-multimodal":    {refs: []string{"llama4-aup#p3", "llama4-license#1.a"}, osd: []int{5}},
		"no-training-data": {refs: []string{"llama4-license#p4"}, osd: []int{2}},
		"what-is-open":     {refs: []string{"llama4-license#1.a"}},
	}
	refRE := regexp.MustCompile(`^[a-z0-9.-]+#[a-z0-9.]+$`)
	seen := map[string]bool{}
	for _, a := range n.Arguments {
		seen[a.ID] = true
		if a.Title == "" {
			t.Errorf("%s: no title", a.ID)
		}
		if k := len(factsSentenceEndRE.FindAllString(strings.TrimSpace(a.Text), -1)); k < 2 || k > 5 {
			t.Errorf("%s: %d sentences, want 2 to 5", a.ID, k)
		}
		for sh := range factsShingles(a.Text+" "+a.Title, 6) {
			if copied[sh] {
				t.Errorf("%s: %q is copied from the critique article; say it in our own words", a.ID, sh)
			}
		}
		if len(a.Refs) == 0 || len(a.OSD) == 0 {
			t.Errorf("%s: needs clause refs and OSD criteria", a.ID)
		}
		for _, r := range a.Refs {
			doc, _, _ := strings.Cut(r, "#")
			if !refRE.MatchString(r) {
				t.Errorf("%s: ref %q is not doc#section", a.ID, r)
			} else if _, ok := texts[doc]; !ok {
				t.Errorf("%s: ref %q names no document in the texts directory", a.ID, r)
			}
		}
		for _, c := range a.OSD {
			if c < 1 || c > 10 {
				t.Errorf("%s: OSD criterion %d is not 1-10", a.ID, c)
			}
		}
		w := want[a.ID]
		for _, r := range w.refs {
			if !slices.Contains(a.Refs, r) {
				t.Errorf("%s: does not cite %s", a.ID, r)
			}
		}
		for _, c := range w.osd {
			if !slices.Contains(a.OSD, c) {
				t.Errorf("%s: does not name OSD criterion %d", a.ID, c)
			}
		}
	}
	for id := range want {
		if !seen[id] {
			t.Errorf("argument %s missing", id)
		}
	}
}

// factsEUSection is where each AUP's EU paragraph sits: an unnumbered
// paragraph after the list of prohibited uses.
var factsEUSection = map[string]string{
	"llama3.2-aup": "p3",
	"llama3.3-aup": "p3",
	"llama4-aup":   "p3",
}

// cardFact is what a verdict card must say for the facts above to hold in
// answers: one of the statuses and, among its refs, every one of cite.
type cardFact struct {
	license, topic string
	status         []string
	cite           []string
}

func factsCardFacts() []cardFact {
	addressed := []string{"required", "allowed", "forbidden", "conditional"}
	// Governing law states a fact: the status taxonomy makes it info.
	fact := []string{"info"}
	facts := []cardFact{
		{"llama2", "outputs-training", []string{"forbidden"}, []string{"llama2-license#1.b.v"}},
		{"llama3", "outputs-training", []string{"forbidden"}, []string{"llama3-license#1.b.v"}},
		{"tongyi-qianwen", "outputs-training", []string{"forbidden"}, []string{"tongyi-qianwen-license#5.b"}},
		{"qwen2.5", "outputs-training", []string{"allowed", "conditional"}, []string{"qwen2.5-license#5.b"}},
		{"llama3", "derivative-naming", []string{"required", "conditional"}, []string{"llama3-license#1.b.i"}},
		{"qwen2.5", "user-threshold", addressed, []string{"qwen2.5-license#4"}},
		{"tongyi-qianwen", "user-threshold", addressed, []string{"tongyi-qianwen-license#4"}},
		{"gemma", "governing-law", fact, []string{"gemma-terms#4.6"}},
		{"deepseek", "governing-law", fact, []string{"deepseek-model-license#14"}},
		// Sublicensing is withheld, but an asker relicensing an adaptation
		// must see what the text lets them license.
		{"cc-by-4.0", "sublicensing", []string{"forbidden"}, []string{"cc-by-4.0#2.a.1", "cc-by-4.0#3.a.4"}},
		{"cc-by-nc-4.0", "sublicensing", []string{"forbidden"}, []string{"cc-by-nc-4.0#2.a.1", "cc-by-nc-4.0#3.a.4"}},
		{"cc-by-sa-4.0", "sublicensing", []string{"forbidden"}, []string{"cc-by-sa-4.0#2.a.1", "cc-by-sa-4.0#3.b.1"}},
		{"gpl-3.0", "sublicensing", []string{"forbidden"}, []string{"gpl-3.0#2.p3", "gpl-3.0#5.c"}},
		{"agpl-3.0", "sublicensing", []string{"forbidden"}, []string{"agpl-3.0#2.p3", "agpl-3.0#5.c"}},
		{"lgpl-3.0", "sublicensing", []string{"forbidden"}, []string{"lgpl-3.0#gpl.2.p3", "lgpl-3.0#gpl.5.c"}},
	}
	for _, v := range []string{"3.2", "3.3", "4"} {
		aup := "llama" + v + "-aup"
		facts = append(facts, cardFact{"llama" + v, "eu-restriction", addressed, []string{aup + "#" + factsEUSection[aup]}})
	}
	for _, doc := range llamaPrefixLicenses {
		key := strings.TrimSuffix(doc, "-license")
		facts = append(facts,
			cardFact{key, "outputs-training", []string{"allowed", "conditional"}, []string{doc + "#1.b.i"}},
			cardFact{key, "derivative-naming", []string{"required", "conditional"}, []string{doc + "#1.b.i"}},
			cardFact{key, "attribution", []string{"required", "conditional"}, []string{doc + "#1.b.i"}},
		)
	}
	for _, doc := range llamaLicenses {
		key := strings.TrimSuffix(doc, "-license")
		facts = append(facts,
			cardFact{key, "user-threshold", addressed, []string{doc + "#2"}},
			cardFact{key, "governing-law", fact, []string{doc + "#7"}},
		)
	}
	return facts
}

// TestEUUseFollowsTheGrant: a license whose texts name no region answers
// "may I use it in the EU?" from its grant, which reaches every country
// (FORMATS.md: a broad grant is allowed, not not-addressed), and marks it
// absent: "is there an EU restriction?" is not answered by it. Only the three
// Llama AUPs that carry the EU paragraph may say otherwise.
func TestEUUseFollowsTheGrant(t *testing.T) {
	cards, err := loadCardsOf(t, factsRepoFile(t, "corpus"))
	if err != nil {
		t.Fatal(err)
	}
	for _, key := range slices.Sorted(maps.Keys(cards)) {
		card := cards[key]
		if _, ok := factsEUSection[key+"-aup"]; ok {
			if v := card.Topics["eu-restriction"]; v != nil && v.Absent {
				t.Errorf("%s eu-restriction: marked absent, yet its AUP has the EU paragraph", key)
			}
			continue
		}
		v := card.Topics["eu-restriction"]
		if v == nil {
			t.Errorf("%s card has no eu-restriction verdict", key)
			continue
		}
		if v.Basis != "grant" || !v.Absent {
			t.Errorf("%s eu-restriction: basis %s (status %s, absent %v), want a grant marked absent", key, v.Basis, v.Status, v.Absent)
		}
		if !slices.ContainsFunc(v.Refs, func(r corpus.Ref) bool { return r.String() == card.Grant.String() }) {
			t.Errorf("%s eu-restriction: does not cite the grant %s", key, card.Grant)
		}
	}
}

// TestCardsAgreeWithFacts checks the verdict cards against the facts the
// texts establish: who forbids training on outputs, where the user caps and
// the EU exclusion are, which law governs. A missing card fails: the issue
// asks for a card for every license.
func TestCardsAgreeWithFacts(t *testing.T) {
	cards, err := loadCardsOf(t, factsRepoFile(t, "corpus"))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range factsCardFacts() {
		t.Run(f.license+"/"+f.topic, func(t *testing.T) {
			card := cards[f.license]
			if card == nil {
				t.Fatalf("no card corpus/cards/%s.yaml", f.license)
			}
			v := card.Topics[f.topic]
			if v == nil {
				t.Fatalf("%s card has no %s verdict", f.license, f.topic)
			}
			if !slices.Contains(f.status, v.Status) {
				t.Errorf("%s %s: status %s, want one of %v", f.license, f.topic, v.Status, f.status)
			}
			var refs []string
			for _, r := range v.Refs {
				refs = append(refs, r.String())
			}
			for _, want := range f.cite {
				if !slices.Contains(refs, want) {
					t.Errorf("%s %s: refs %v do not cite %s", f.license, f.topic, refs, want)
				}
			}
		})
	}
	// The critique notes' verdict names the same failed criteria as the
	// llama4 card, so /search and /opensource never disagree.
	if c := cards["llama4"]; c == nil || c.OpenSource == nil {
		t.Error("llama4 card has no open-source assessment")
	} else {
		failed := c.OpenSource.Failed()
		var verdict []int
		for _, a := range factsLoadLlama4Notes(t).Arguments {
			if a.ID == "verdict" {
				verdict = slices.Sorted(slices.Values(a.OSD))
			}
		}
		if !slices.Equal(verdict, failed) {
			t.Errorf("critique notes verdict names OSD criteria %v, the llama4 card fails %v", verdict, failed)
		}
	}

	// "Built with Qwen" is the Qwen 2.5 license's attribution duty for
	// models trained on it; its card must ground that somewhere.
	if c := cards["qwen2.5"]; c != nil {
		cited := false
		for _, topic := range []string{"attribution", "outputs-training", "derivative-naming"} {
			if v := c.Topics[topic]; v != nil && slices.ContainsFunc(v.Refs, func(r corpus.Ref) bool { return r.String() == "qwen2.5-license#5.b" }) {
				cited = true
			}
		}
		if !cited {
			t.Error(`qwen2.5 card cites qwen2.5-license#5.b ("Built with Qwen") under none of attribution, outputs-training, derivative-naming`)
		}
	}
}

// sectionFact says which clause of a document carries a fact: the phrase
// (compared on normalised text) is in doc#section and in no other clause of
// that document, so a card citing that section cites the deciding clause.
type sectionFact struct {
	doc, section, phrase string
}

func factsSectionFacts() []sectionFact {
	const outputsBan = "improve any other large language model"
	facts := []sectionFact{
		{"llama2-license", "1.b.v", outputsBan},
		{"llama3-license", "1.b.v", outputsBan},
		{"tongyi-qianwen-license", "5.b", outputsBan},
		{"llama3-license", "1.b.i", `include "Llama 3" at the beginning of any such AI model name`},
		{"llama3-license", "1.b.i", `"Built with Meta Llama 3"`},
		{"qwen2.5-license", "4", "more than 100 million monthly active users"},
		{"tongyi-qianwen-license", "4", "more than 100 million monthly active users"},
		{"qwen2.5-license", "5.b", `"Built with Qwen"`},
		{"qwen2.5-license", "9.a", "governed by the laws of China"},
		{"qwen2.5-license", "9.b", "People's Courts in Hangzhou City"},
		{"tongyi-qianwen-license", "9.a", "governed by the laws of China"},
		{"tongyi-qianwen-license", "9.b", "People's Courts in Hangzhou City"},
		{"deepseek-model-license", "14", "governed and construed under PRC laws"},
		{"gemma-terms", "4.6", "governed by the laws of the State of California"},
		{"gemma-terms", "4.6", "Santa Clara County, California"},
		{"llama3.2-aup", factsEUSection["llama3.2-aup"], "European Union"},
		{"llama3.3-aup", factsEUSection["llama3.3-aup"], "European Union"},
		{"llama4-aup", factsEUSection["llama4-aup"], "European Union"},
	}
	// A CC licensee may not sublicense the material but licenses its own
	// contributions to an adaptation (the Adapter's License); ShareAlike
	// says which licenses those may be.
	for _, doc := range ccLicenses {
		facts = append(facts, sectionFact{doc, "2.a.1", "non-sublicensable"})
	}
	facts = append(facts,
		sectionFact{"cc-by-4.0", "3.a.4", "the Adapter's License You apply must not prevent recipients"},
		sectionFact{"cc-by-nc-4.0", "3.a.4", "the Adapter's License You apply must not prevent recipients"},
		sectionFact{"cc-by-sa-4.0", "3.b.1", "The Adapter's License You apply must be a Creative Commons license with the same License Elements"},
	)
	// A modified version of a GNU-licensed work goes out under it as a
	// whole.
	for _, doc := range gnuLicenses {
		facts = append(facts, sectionFact{doc, "5.c", "You must license the entire work, as a whole, under this License"})
	}
	for _, doc := range llamaPrefixLicenses {
		facts = append(facts,
			sectionFact{doc, "1.b.i", `include "Llama" at the beginning of any such AI model name`},
			sectionFact{doc, "1.b.i", `"Built with Llama"`},
		)
	}
	for _, doc := range llamaLicenses {
		facts = append(facts,
			sectionFact{doc, "2", "greater than 700 million monthly active users"},
			sectionFact{doc, "2", "which Meta may grant to you in its sole discretion"},
			sectionFact{doc, "7", "governed and construed under the laws of the State of California"},
		)
	}
	return facts
}

// factsSegmentAll segments every text the facts name.
func factsSegmentAll(t *testing.T) map[string][]corpus.Clause {
	t.Helper()
	dir := factsTextsDir(t)
	out := map[string][]corpus.Clause{}
	for _, id := range slices.Concat(factsAllDocs, []string{"critique-llama4-not-open-source", "osd"}) {
		raw, err := os.ReadFile(filepath.Join(dir, id+".txt"))
		if err != nil {
			t.Fatalf("corpus text missing: %v", err)
		}
		cl, err := corpus.Segment(id, raw)
		if err != nil {
			t.Fatalf("Segment(%s): %v", id, err)
		}
		out[id] = cl
	}
	return out
}

// TestFactsInSections checks that the segmenter puts each key fact in the
// section cards cite for it, and that the critique notes' references land
// on the clauses they mean.
func TestFactsInSections(t *testing.T) {
	docs := factsSegmentAll(t)
	for _, f := range factsSectionFacts() {
		t.Run(f.doc+"#"+f.section+" "+f.phrase, func(t *testing.T) {
			var in []string
			for _, c := range docs[f.doc] {
				if strings.Contains(factsNormalize(c.Text), f.phrase) {
					in = append(in, c.Section)
				}
			}
			if len(in) != 1 || in[0] != f.section {
				t.Errorf("%q is in sections %v of %s, want only %s", f.phrase, in, f.doc, f.section)
			}
		})
	}
	// The Llama 3.1+ and 4 licenses have no §1.b.v: the outputs ban is gone.
	for _, doc := range llamaPrefixLicenses {
		for _, c := range docs[doc] {
			if c.Section == "1.b.v" {
				t.Errorf("%s has a §1.b.v (%q); the outputs ban was dropped after Llama 3", doc, c.Text)
			}
		}
	}

	// Every ref in the notes resolves, and the ones whose section number is
	// a paragraph count say what the argument means them to.
	n := factsLoadLlama4Notes(t)
	for _, a := range n.Arguments {
		for _, r := range a.Refs {
			doc, sec, _ := strings.Cut(r, "#")
			cl, ok := docs[doc]
			if !ok {
				raw, err := os.ReadFile(filepath.Join(factsTextsDir(t), doc+".txt"))
				if err != nil {
					t.Errorf("%s: ref %s: %v", a.ID, r, err)
					continue
				}
				if cl, err = corpus.Segment(doc, raw); err != nil {
					t.Fatalf("Segment(%s): %v", doc, err)
				}
				docs[doc] = cl
			}
			if !slices.ContainsFunc(cl, func(c corpus.Clause) bool { return c.Section == sec }) {
				t.Errorf("notes argument %s: ref %s does not resolve", a.ID, r)
			}
		}
	}
	for ref, phrase := range map[string]string{
		"llama4-license#p7":                     `By clicking "I Accept"`,
		"llama4-license#p4":                     `"Llama 4" means`,
		"llama4-license#1.a":                    "create derivative works of, and make modifications to",
		"llama4-aup#p1":                         "The most recent copy of this policy",
		"llama4-aup#2.a":                        "Military, warfare",
		"llama4-aup#2.d":                        "heavy machinery",
		"critique-llama4-not-open-source#b3.p2": "personal information",
		"critique-llama4-not-open-source#b3.p3": "user numbers",
		"critique-llama4-not-open-source#p7":    "training data",
		"critique-llama4-not-open-source#p1":    "Open weights",
	} {
		doc, sec, _ := strings.Cut(ref, "#")
		i := slices.IndexFunc(docs[doc], func(c corpus.Clause) bool { return c.Section == sec })
		if i < 0 {
			t.Errorf("%s: no such section", ref)
		} else if got := factsNormalize(docs[doc][i].Text); !strings.Contains(got, phrase) {
			t.Errorf("%s is %q, want the clause containing %q", ref, got, phrase)
		}
	}
}
