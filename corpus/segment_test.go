package corpus

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/licensebot/licensebot/corpus/corpustest"
)

var updateSegments = flag.Bool("update", false, "rewrite testdata/segments/*.golden from the current segmenter")

func repoRoot(t testing.TB) string { return corpustest.RepoRoot(t) }

func textsDir(t testing.TB) string { return corpustest.TextsDir(t) }

type corpusDoc struct {
	id  string
	raw []byte
}

func loadCorpus(t testing.TB) []corpusDoc {
	t.Helper()
	dir := textsDir(t)
	paths, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if len(paths) == 0 {
		t.Fatalf("no *.txt documents in %s", dir)
	}
	sort.Strings(paths)
	docs := make([]corpusDoc, 0, len(paths))
	for _, p := range paths {
		raw, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, corpusDoc{id: strings.TrimSuffix(filepath.Base(p), ".txt"), raw: raw})
	}
	return docs
}

func segmentDoc(t testing.TB, docs []corpusDoc, id string) []Clause {
	t.Helper()
	for _, d := range docs {
		if d.id == id {
			cs, err := Segment(d.id, d.raw)
			if err != nil {
				t.Fatalf("Segment(%s): %v", id, err)
			}
			return cs
		}
	}
	t.Fatalf("document %s not in the corpus", id)
	return nil
}

// renderGolden describes clauses without reproducing their text: third-party
// text must not be committed, so each clause is pinned by its length, a
// SHA-256 prefix and a few words from each end.
func renderGolden(cs []Clause) []byte {
	var b bytes.Buffer
	for _, c := range cs {
		fmt.Fprintf(&b, "§%s  L%d", c.Section, c.Line)
		if c.Heading != "" {
			fmt.Fprintf(&b, "  heading=%q", c.Heading)
		}
		if len(c.Parents) > 0 {
			fmt.Fprintf(&b, "  parents=%q", strings.Join(c.Parents, " > "))
		}
		sum := sha256.Sum256([]byte(c.Text))
		fmt.Fprintf(&b, "\n  len=%d sha256=%s  %s\n\n", len(c.Text), hex.EncodeToString(sum[:6]), excerpt(c.Text))
	}
	return b.Bytes()
}

// excerpt is the first 8 and last 4 words of a text, enough to recognise a
// clause in the golden file without copying it.
func excerpt(s string) string {
	w := strings.Fields(s)
	if len(w) <= 12 {
		return fmt.Sprintf("%q", strings.Join(w, " "))
	}
	return fmt.Sprintf("%q … %q", strings.Join(w[:8], " "), strings.Join(w[len(w)-4:], " "))
}

func TestSegmentGolden(t *testing.T) {
	docs := loadCorpus(t)
	dir := filepath.Join(repoRoot(t), "testdata", "segments")
	if *updateSegments {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	for _, d := range docs {
		t.Run(d.id, func(t *testing.T) {
			cs, err := Segment(d.id, d.raw)
			if err != nil {
				t.Fatal(err)
			}
			got := renderGolden(cs)
			path := filepath.Join(dir, d.id+".golden")
			if *updateSegments {
				if err := os.WriteFile(path, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test ./corpus -run TestSegmentGolden -update)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("segmentation of %s differs from %s; first difference:\n%s", d.id, path, firstDiff(string(want), string(got)))
			}
		})
	}
}

func firstDiff(want, got string) string {
	wl, gl := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(wl) || i < len(gl); i++ {
		var w, g string
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if w != g {
			return fmt.Sprintf("line %d:\n  want: %s\n  got:  %s", i+1, w, g)
		}
	}
	return "(none)"
}

// checkInvariants holds for any input Segment accepts.
func checkInvariants(t testing.TB, id string, raw []byte, cs []Clause) {
	t.Helper()
	norm := QuotableText(raw)
	seen := map[string]bool{}
	last := 0
	for _, c := range cs {
		if c.Doc != id {
			t.Errorf("%s §%s: Doc = %q", id, c.Section, c.Doc)
		}
		if c.Section == "" {
			t.Errorf("%s L%d: empty section", id, c.Line)
		}
		if seen[c.Section] {
			t.Errorf("%s: duplicate section %q", id, c.Section)
		}
		seen[c.Section] = true
		if strings.TrimSpace(c.Text) == "" {
			t.Errorf("%s §%s: empty text", id, c.Section)
		}
		if c.Text != NormalizeSpace(c.Text) {
			t.Errorf("%s §%s: text not whitespace-normalized", id, c.Section)
		}
		if !strings.Contains(norm, c.Text) {
			t.Errorf("%s §%s: text is not verbatim from the document: %.80q", id, c.Section, c.Text)
		}
		if c.Line <= last {
			t.Errorf("%s §%s: line %d does not follow line %d", id, c.Section, c.Line, last)
		}
		last = c.Line
	}
	for i := range cs {
		checkItems(t, id, cs, i, ClauseItems(cs, i))
	}
	checkLabels(t, id, cs)
}

func TestSegmentInvariants(t *testing.T) {
	for _, d := range loadCorpus(t) {
		cs, err := Segment(d.id, d.raw)
		if err != nil {
			t.Errorf("%s: %v", d.id, err)
			continue
		}
		if len(cs) < 3 {
			t.Errorf("%s: only %d clauses", d.id, len(cs))
		}
		checkInvariants(t, d.id, d.raw, cs)
	}
}

// TestSegmentFacts pins section ids that verdict cards and users cite.
func TestSegmentFacts(t *testing.T) {
	docs := loadCorpus(t)
	cases := []struct {
		doc, section, contains, heading string
	}{
		{"llama4-license", "1.a", "non-exclusive, worldwide", "Grant of Rights"},
		{"llama4-license", "1.b.i", "Built with Llama", ""},
		{"llama4-license", "1.b.i", "“Llama” at the beginning", ""},
		{"llama4-license", "1.b.iii", "“Notice” text file", ""},
		{"llama4-license", "1.b.iv", "Acceptable Use Policy", ""},
		{"llama4-license", "2", "700 million monthly active users", "Additional Commercial Terms"},
		{"llama4-license", "3", "AS IS", "Disclaimer of Warranty"},
		{"llama4-license", "4", "IN NO EVENT WILL META", "Limitation of Liability"},
		{"llama4-license", "5.a", "brand guidelines", ""},
		{"llama4-license", "5.c", "indemnify and hold harmless Meta", ""},
		{"llama4-license", "6", "Meta may terminate", "Term and Termination"},
		{"llama4-license", "7", "courts of California", "Governing Law and Jurisdiction"},
		{"llama4-aup", "1", "Violate the law", ""},
		{"llama4-aup", "1.a", "illegal or unlawful activity", ""},
		{"llama4-aup", "1.a.i", "Violence or terrorism", ""},
		{"llama4-aup", "2", "risk of death or bodily harm", ""},
		{"llama4-aup", "2.a", "Military, warfare", ""},
		{"llama4-aup", "2.b", "Guns and illegal weapons", ""},
		{"llama4-aup", "3", "deceive or mislead", ""},
		{"llama4-aup", "3.c", "spam", ""},
		{"llama4-aup", "4", "known dangers", ""},
		{"llama4-aup", "5", "third party tools", ""},
		{"llama4-aup", "p3", "European Union", ""},
		{"llama4-aup", "b4", "LlamaUseReport@meta.com", ""},
		{"llama3-license", "1.b.i", "Built with Meta Llama 3", ""},
		{"llama3-license", "1.b.v", "improve any other large language model", ""},
		{"llama3-license", "2", "700 million", "Additional Commercial Terms"},
		{"llama3-license", "aup.1.a.i", "Violence or terrorism", ""},
		{"llama3-license", "aup.2.b", "Guns and illegal weapons", ""},
		{"llama3-license", "aup.3.g", "known dangers", ""},
		{"llama3-aup", "2.b", "Guns and illegal weapons", ""},
		{"llama3-aup", "3.c", "spam", ""},
		{"llama3-aup", "4", "known dangers", ""},
		{"llama3.1-aup", "b2.b", "Guns and illegal weapons", ""},
		{"llama3.1-aup", "b1.a.i", "Violence or terrorism", ""},
		{"llama3.2-aup", "2.b", "Guns and illegal weapons", ""},
		{"llama3.2-aup", "3.c", "spam", ""},
		{"llama3.2-aup", "p3", "European Union", ""},
		{"llama3.3-aup", "2.b", "Guns and illegal weapons", ""},
		{"llama3.3-aup", "p3", "European Union", ""},
		{"llama3.3-license", "1.b.i", "Built with Llama", ""},
		{"llama3.3-license", "3", "AS IS", "Disclaimer of Warranty"},
		{"llama3.3-license", "2", "700 million", "Additional Commercial Terms"},
		{"llama2-license", "1.b.v", "improve any other large language model", ""},
		{"llama2-license", "1.b.iii", "attribution notice", ""},
		{"llama2-license", "7", "courts of California", "Governing Law and Jurisdiction"},
		{"llama3.1-license", "2", "700 million", "Additional Commercial Terms"},
		{"llama3.2-license", "1.b.i", "Built with Llama", ""},
		{"gpl-3.0", "0.p1", "“This License” refers to version 3", ""},
		{"gpl-3.0", "2", "All rights granted under this License", "Basic Permissions"},
		{"apache-2.0", "1", "\"Contributor\" shall mean", "Definitions"},
		{"gpl-3.0", "17", "reviewing courts", "Interpretation of Sections 15 and 16"},
		{"gpl-3.0", "15", "THERE IS NO WARRANTY", "Disclaimer of Warranty"},
		{"lgpl-3.0", "gpl.17", "reviewing courts", "Interpretation of Sections 15 and 16"},
		{"lgpl-3.0", "gpl.0.p1", "“This License” refers to version 3", ""},
		{"agpl-3.0", "13.p1", "interacting with it remotely through a computer network", ""},
		{"cc-by-4.0", "2.a.1", "hereby grants You", ""},
		{"cc-by-4.0", "3.a.1", "If You Share the Licensed Material", ""},
		{"cc-by-sa-4.0", "3.b", "if You Share Adapted Material", "ShareAlike"}, // title run into the text: "ShareAlike.In addition"
		{"apache-2.0", "4.d", "NOTICE", ""},
		{"apache-2.0", "1.p1", "\"License\" shall mean", ""},
		{"mpl-2.0", "3.2", "Executable Form", "Distribution of Executable Form"},
		{"mpl-2.0", "1.1", "\"Contributor\"", ""},
		{"gemma-terms", "3.2", "You must not use any of the Gemma Services", "Use Restrictions"},
		{"gemma-terms", "3.2.p3", "restrict (remotely or otherwise)", ""},
		{"gemma-terms", "3.1.p4", "\"Notice\" text file", ""},
		{"gemma-terms", "3.1.p5", "intellectual property statement", ""},
		{"gemma-terms", "3.1", "if you meet all of the following conditions", "Distribution and Redistribution"},
		{"gemma-terms", "4.6", "State of California", "Governing Law and Jurisdiction"},
		{"deepseek-model-license", "14", "PRC laws", "Governing Law and Jurisdiction"},
		{"deepseek-model-license", "4.a", "Use-based restrictions", ""},
		{"qwen2.5-license", "9.b", "Hangzhou", ""},
		{"qwen2.5-license", "4", "100 million monthly active users", "Restrictions"},
		{"tongyi-qianwen-license", "5.b", "improve any other large language model", ""},
		{"bsd-3-clause", "3", "endorse or promote", ""},
		{"osd", "5", "discriminate against any person or group", "No Discrimination Against Persons or Groups"},
		{"bigscience-openrail-m", "5", "Attachment A", "Use-based restrictions"},
		{"bigscience-openrail-m", "2", "irrevocable copyright license to reproduce", "Grant of Copyright License"},
	}
	byDoc := map[string][]Clause{}
	for _, tc := range cases {
		cs, ok := byDoc[tc.doc]
		if !ok {
			cs = segmentDoc(t, docs, tc.doc)
			byDoc[tc.doc] = cs
		}
		var found *Clause
		for i := range cs {
			if cs[i].Section == tc.section {
				found = &cs[i]
				break
			}
		}
		if found == nil {
			t.Errorf("%s#%s: no such section", tc.doc, tc.section)
			continue
		}
		if !strings.Contains(found.Text, tc.contains) {
			t.Errorf("%s#%s: text %.100q does not contain %q", tc.doc, tc.section, found.Text, tc.contains)
		}
		if found.Heading != tc.heading {
			t.Errorf("%s#%s: heading %q, want %q", tc.doc, tc.section, found.Heading, tc.heading)
		}
	}
}

// Every GPL-family section number resolves, as a clause or as the prefix
// of its paragraphs' ids; the embedded GPL in lgpl-3.0 under gpl.
func TestSegmentGPLSections(t *testing.T) {
	docs := loadCorpus(t)
	for _, tc := range []struct{ doc, prefix string }{{"gpl-3.0", ""}, {"agpl-3.0", ""}, {"lgpl-3.0", "gpl."}} {
		cs := segmentDoc(t, docs, tc.doc)
		have := SectionPrefixes(cs)
		for _, c := range cs {
			have[c.Section] = true
		}
		for i := 0; i <= 17; i++ {
			if sec := fmt.Sprintf("%s%d", tc.prefix, i); !have[sec] {
				t.Errorf("%s#%s missing", tc.doc, sec)
			}
		}
	}
}

func TestSegmentParents(t *testing.T) {
	docs := loadCorpus(t)
	cs := segmentDoc(t, docs, "llama4-license")
	for _, c := range cs {
		if c.Section == "1.b.i" {
			want := "License Rights and Redistribution > Redistribution and Use"
			if got := strings.Join(c.Parents, " > "); got != want {
				t.Errorf("llama4-license#1.b.i parents %q, want %q", got, want)
			}
			return
		}
	}
	t.Error("llama4-license#1.b.i missing")
}

func TestSegmentFrontMatterStripped(t *testing.T) {
	docs := loadCorpus(t)
	for _, id := range []string{"gemma-terms", "gemma-prohibited-use-policy", "qwen2.5-license", "bigscience-openrail-m"} {
		for _, c := range segmentDoc(t, docs, id) {
			if strings.Contains(c.Text, "spdx_license_key") || strings.Contains(c.Text, "short_name:") {
				t.Errorf("%s §%s: front matter leaked into a clause", id, c.Section)
			}
			if c.Line < 10 {
				t.Errorf("%s §%s: line %d is inside the front matter", id, c.Section, c.Line)
			}
		}
	}
}

func TestSegmentErrors(t *testing.T) {
	cases := []struct {
		name string
		raw  string
		err  error
		line string
	}{
		{"empty", "", ErrEmptyDocument, ":1:"},
		{"blank", " \n\n  \n", ErrEmptyDocument, ":4:"},
		{"front matter only", "---\nkey: x\n---\n\n", ErrEmptyDocument, ":"},
		{"unterminated front matter", "---\nkey: x\nname: y\n", ErrUnterminatedFrontMatter, ":1:"},
		{"invalid utf-8", "1. Fine.\n\n2. Bad \xff byte.\n", ErrInvalidUTF8, ":3:"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Segment("doc", []byte(tc.raw))
			if !errors.Is(err, tc.err) {
				t.Fatalf("err = %v, want %v", err, tc.err)
			}
			if !strings.HasPrefix(err.Error(), "doc"+tc.line) {
				t.Errorf("error %q does not name the line as doc%s", err, tc.line)
			}
		})
	}
}

// TestSegmentGeneric feeds documents the corpus does not have, in the
// corpus's styles, to keep the segmenter free of per-document rules.
func TestSegmentGeneric(t *testing.T) {
	cases := []struct {
		name string
		raw  string
		want []string // "section|text prefix"
	}{
		{"markdown renumbered list", "# Policy\n\nIntro text here.\n\n1. First thing:\n   1. nested one\n   2. nested two\n3. Second thing\n\nClosing words.\n\n* bullet one\n* bullet two\n",
			[]string{"p1|Intro", "1|First", "1.a|nested one", "1.b|nested two", "2|Second", "p2|Closing", "b1|bullet one", "b2|bullet two"}},
		{"plain legal sections", "ACME MODEL LICENSE\n\n1. Definitions.\n\n\"Model\" means the weights.\n\n\"You\" means you.\n\n2. Grant. You may use the Model.\n\n   a. You may copy it.\n\n   b. You may share it.\n\n3. Law. This is governed by the laws of Mars.\n",
			[]string{"1|\"Model\" means the weights. \"You\"", "1.p1|\"Model\"", "1.p2|\"You\"", "2|You may use", "2.a|You may copy", "2.b|You may share", "3|This is governed"}},
		{"dotted sections", "Terms\n\nSection 1: GENERAL\n\n1.1 Scope\n\nThese terms apply.\n\n1.2 Changes\n\nWe may change them:\n\n    once a year, on the first Monday of January, after telling every user by mail and by a notice on the website and in the app, in every language we support\n    when the law says so\n",
			[]string{"1.1|These terms", "1.2|We may change", "1.2.p1|once a year", "1.2.p2|when the law"}},
		{"unwrapped item broken mid-sentence", "1. Grant. Subject to this License, the Licensor grants You a perpetual, worldwide, non-exclusive, no-charge, royalty-free, irrevocable\ncopyright license to copy the Model.\n\n2. Law. This License is governed by the law of Mars.\n",
			[]string{"1|Subject to this License", "2|This License is governed"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			cs, err := Segment("x", []byte(tc.raw))
			if err != nil {
				t.Fatal(err)
			}
			checkInvariants(t, "x", []byte(tc.raw), cs)
			var got []string
			for _, c := range cs {
				got = append(got, c.Section+"|"+c.Text)
			}
			if len(got) != len(tc.want) {
				t.Fatalf("got %d clauses %q, want %d %q", len(got), got, len(tc.want), tc.want)
			}
			for i, w := range tc.want {
				sec, prefix, _ := strings.Cut(w, "|")
				if cs[i].Section != sec || !strings.HasPrefix(cs[i].Text, prefix) {
					t.Errorf("clause %d = %q, want section %s text starting %q", i, got[i], sec, prefix)
				}
			}
		})
	}
}

func FuzzSegment(f *testing.F) {
	f.Add([]byte("1. A.\n\n   a. b\n"))
	f.Add([]byte("---\nk: v\n---\n\n**T**\n\n1\\. **X**. y\n\n3**. Z**. w\n"))
	f.Add([]byte("* a\n    * b\n        * c\n* d\n\ntext\n"))
	f.Add([]byte("Section III: X\n\n4. Y. z\na. q\n(i) r\n1.2.3 s\n"))
	f.Add([]byte("You must:\n\n1. a;\n2. b, and\n\nc.\n\nThen:\none;\ntwo.\n* x\n* y\n"))
	if dir := os.Getenv("LICENSEBOT_TEXTS"); dir != "" {
		if raw, err := os.ReadFile(filepath.Join(dir, "llama4-aup.txt")); err == nil {
			f.Add(raw)
		}
	}
	f.Fuzz(func(t *testing.T, raw []byte) {
		cs, err := Segment("fuzz", raw)
		if err != nil {
			if !errors.Is(err, ErrEmptyDocument) && !errors.Is(err, ErrInvalidUTF8) && !errors.Is(err, ErrUnterminatedFrontMatter) {
				t.Fatalf("unexpected error kind: %v", err)
			}
			return
		}
		checkInvariants(t, "fuzz", raw, cs)
	})
}

func BenchmarkSegmentCorpus(b *testing.B) {
	docs := loadCorpus(b)
	var bytesTotal int64
	for _, d := range docs {
		bytesTotal += int64(len(d.raw))
	}
	b.SetBytes(bytesTotal)
	b.ReportAllocs()
	for b.Loop() {
		for _, d := range docs {
			if _, err := Segment(d.id, d.raw); err != nil {
				b.Fatal(err)
			}
		}
	}
}

func TestSectionPrefixes(t *testing.T) {
	got := SectionPrefixes([]Clause{{Section: "1.a"}, {Section: "1.b.i"}, {Section: "aup.2.a"}, {Section: "p3"}})
	want := map[string]bool{"1": true, "1.b": true, "aup": true, "aup.2": true}
	if len(got) != len(want) {
		t.Fatalf("got %v, want %v", got, want)
	}
	for k := range want {
		if !got[k] {
			t.Errorf("missing %q in %v", k, got)
		}
	}
}

// A heading-only section has no clause, so each fact is quoted from one
// clause only.
func TestSegmentFactInOneClause(t *testing.T) {
	docs := loadCorpus(t)
	for _, tc := range []struct{ doc, phrase, section string }{
		{"llama4-license", "Built with Llama", "1.b.i"},
		{"llama4-license", "indemnify and hold harmless Meta", "5.c"},
		{"qwen2.5-license", "Hangzhou", "9.b"},
		{"gemma-terms", "Santa Clara County", "4.6"},
	} {
		var in []string
		for _, c := range segmentDoc(t, docs, tc.doc) {
			if strings.Contains(c.Text, tc.phrase) {
				in = append(in, c.Section)
			}
		}
		if len(in) != 1 || in[0] != tc.section {
			t.Errorf("%s: %q in %v, want only %s", tc.doc, tc.phrase, in, tc.section)
		}
	}
}

// asteriskWordsDropped reports whether the words of quotable are those of
// raw with only words made of asterisks left out: the promise QuotableText
// makes, that removing a box's drawing removes no word and moves none.
func asteriskWordsDropped(raw, quotable string) error {
	have := strings.Fields(quotable)
	k := 0
	for _, w := range strings.Fields(raw) {
		if k < len(have) && have[k] == w {
			k++
			continue
		}
		if strings.Trim(w, "*") != "" {
			return fmt.Errorf("word %q of the document is missing or out of order", w)
		}
	}
	if k < len(have) {
		return fmt.Errorf("word %q is not in the document", have[k])
	}
	return nil
}

func TestQuotableTextCorpus(t *testing.T) {
	for _, d := range loadCorpus(t) {
		q := QuotableText(d.raw)
		if err := asteriskWordsDropped(string(d.raw), q); err != nil {
			t.Errorf("%s: %v", d.id, err)
		}
		if d.id != "mpl-2.0" && q != NormalizeSpace(string(d.raw)) {
			t.Errorf("%s has no box, yet QuotableText changed it", d.id)
		}
	}
	// MPL §6 and §7 quote without their box.
	docs := loadCorpus(t)
	for _, c := range segmentDoc(t, docs, "mpl-2.0") {
		if c.Section != "6" && c.Section != "7" {
			continue
		}
		for _, w := range strings.Fields(c.Quote()) {
			if strings.Contains(w, "*") {
				t.Errorf("mpl-2.0#%s quotes box drawing %q", c.Section, w)
			}
		}
		if c.Section == "6" && !strings.Contains(c.Text, `on an "as is" basis, without warranty`) {
			t.Errorf("mpl-2.0#6 = %.120q", c.Text)
		}
	}
}

func TestUnbox(t *testing.T) {
	frame := strings.Repeat("*", 20)
	cases := []struct {
		name string
		in   []string
		want []string
	}{
		{"box", []string{"Before.", frame, "*                  *", "*  6. Title       *", "*    nested text  *", frame, "After."},
			[]string{"Before.", "", "", "6. Title", "  nested text", "", "After."}},
		{"no closing frame", []string{frame, "*  text  *", "plain"},
			[]string{frame, "*  text  *", "plain"}},
		{"a line that is not a row", []string{frame, "*  text  *", "plain", frame},
			[]string{frame, "*  text  *", "plain", frame}},
		{"border glued to a word", []string{frame, "*word*", frame},
			[]string{frame, "*word*", frame}},
		{"short rule", []string{"*****", "*  x  *", "*****"},
			[]string{"*****", "*  x  *", "*****"}},
		{"two boxes", []string{frame, "* a *", frame, "", frame, "* b *", frame},
			[]string{"", "a", "", "", "", "b", ""}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := unbox(tc.in)
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("unbox =\n%q\nwant\n%q", got, tc.want)
			}
		})
	}
}

// FuzzQuotableText holds QuotableText to its promise on any input: only
// words made of asterisks are left out, and unboxing keeps line numbers.
func FuzzQuotableText(f *testing.F) {
	frame := strings.Repeat("*", 12)
	f.Add([]byte(frame + "\n*  1. Title  *\n*  text  *\n" + frame + "\n"))
	f.Add([]byte(frame + "\n*word*\n" + frame + "\n"))
	f.Add([]byte("* bullet *\n" + frame + "\n"))
	if dir := os.Getenv("LICENSEBOT_TEXTS"); dir != "" {
		if raw, err := os.ReadFile(filepath.Join(dir, "mpl-2.0.txt")); err == nil {
			f.Add(raw)
		}
	}
	f.Fuzz(func(t *testing.T, raw []byte) {
		if !utf8.Valid(raw) {
			return // Segment refuses such documents; nothing quotes them
		}
		if err := asteriskWordsDropped(string(raw), QuotableText(raw)); err != nil {
			t.Fatal(err)
		}
		lines := splitLines(raw)
		if got := unbox(lines); len(got) != len(lines) {
			t.Fatalf("unbox: %d lines, want %d", len(got), len(lines))
		}
	})
}

// splitTitle finds an item's inline title — before ". ", or before a
// period run into a capitalised word as some copies have it — and leaves
// sentences, abbreviations and lower-case continuations alone.
func TestSplitTitle(t *testing.T) {
	long := " may use the software for any purpose it likes under the terms below"
	for _, c := range []struct{ in, title, after string }{
		{"Grant of Patent License. Subject to the terms" + long, "Grant of Patent License", "Subject to the terms" + long},
		{"ShareAlike.In addition to the conditions" + long, "ShareAlike", "In addition to the conditions" + long},
		{"The U.S.Government" + long, "", ""},
		{"Attribution.if you share it" + long, "", ""},
		{"Version 2.0 of the License" + long, "", ""},
	} {
		title, after, _ := splitTitle(c.in)
		if title != c.title || after != c.after {
			t.Errorf("splitTitle(%q) = %q, %q; want %q, %q", c.in, title, after, c.title, c.after)
		}
	}
}
