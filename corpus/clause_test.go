package corpus

import (
	"regexp"
	"slices"
	"strings"
	"testing"
)

func sectionIndex(t *testing.T, cs []Clause, doc, sec string) int {
	t.Helper()
	for i, c := range cs {
		if c.Section == sec {
			return i
		}
	}
	t.Fatalf("%s#%s: no such clause", doc, sec)
	return -1
}

func sectionsOf(cs []Clause, idx []int) []string {
	var out []string
	for _, i := range idx {
		out = append(out, cs[i].Section)
	}
	return out
}

func TestClauseItems(t *testing.T) {
	docs := loadCorpus(t)
	cases := []struct {
		doc, section string
		items        []string
		incomplete   bool
	}{
		// "If You Share … You must:" then A (itself "…:" over i–v), B, C.
		{"cc-by-4.0", "3.a.1", []string{"3.a.1.a", "3.a.1.b", "3.a.1.c"}, true},
		{"cc-by-4.0", "3.a.1.a", []string{"3.a.1.a.i", "3.a.1.a.ii", "3.a.1.a.iii", "3.a.1.a.iv", "3.a.1.a.v"}, true},
		{"cc-by-4.0", "3.a.1.c", nil, false},
		// "… provided that You meet the following conditions:" (a)–(d); the
		// paragraph after the list is not one of them.
		{"apache-2.0", "4", []string{"4.a", "4.b", "4.c", "4.d"}, true},
		{"apache-2.0", "4.d", nil, false},
		// The grant cut at "irrevocable" is whole since the segmenter fix.
		{"bigscience-openrail-m", "2", nil, false},
		{"bigscience-openrail-m", "4", []string{"4.a", "4.b", "4.c"}, true},
		// "… any part of the Model," / blank line / "Derivatives of the Model."
		{"bigscience-openrail-m", "4.c", []string{"4.p1"}, true},
		// A paragraph broken mid-sentence, kept apart so ids do not shift.
		{"agpl-3.0", "1.p4", []string{"1.p5"}, true},
		// A lead-in paragraph over the list that follows it.
		{"llama4-aup", "p2", []string{"1", "2", "3", "4", "5"}, true},
		{"llama4-aup", "p4", []string{"b1", "b2", "b3", "b4"}, true},
		// Lists whose markers were lost: paragraphs line by line.
		{"gemma-terms", "3.1", []string{"3.1.p1", "3.1.p2", "3.1.p3", "3.1.p4"}, true},
		{"gemma-terms", "3.2", []string{"3.2.p1", "3.2.p2"}, true},
		{"creativeml-openrail-m", "4", []string{"4.p1", "4.p2", "4.p3", "4.p4"}, true},
		{"mit", "p2", []string{"p3"}, true},
		// "… means" over (a) and (b), no colon.
		{"mpl-2.0", "1.5", []string{"1.5.a", "1.5.b"}, true},
		// A lead-in over a heading-only section introduces no clause.
		{"bigscience-openrail-m", "p7", nil, true},
		// No items: complete clauses, short list items, a title line.
		{"llama4-license", "1.b.i", nil, false},
		{"llama4-aup", "1.a.i", nil, false},
		{"llama4-aup", "4", nil, false},
		{"creativeml-openrail-m", "p1", nil, false},
		{"gemma-terms", "3.2.p1", nil, false},
	}
	byDoc := map[string][]Clause{}
	for _, tc := range cases {
		cs, ok := byDoc[tc.doc]
		if !ok {
			cs = segmentDoc(t, docs, tc.doc)
			byDoc[tc.doc] = cs
		}
		i := sectionIndex(t, cs, tc.doc, tc.section)
		if got := sectionsOf(cs, ClauseItems(cs, i)); !slices.Equal(got, tc.items) {
			t.Errorf("ClauseItems(%s#%s) = %q, want %q", tc.doc, tc.section, got, tc.items)
		}
		if got := ClauseIncomplete(cs, i); got != tc.incomplete {
			t.Errorf("ClauseIncomplete(%s#%s) = %v, want %v", tc.doc, tc.section, got, tc.incomplete)
		}
	}
}

func TestClauseWhole(t *testing.T) {
	docs := loadCorpus(t)
	cases := []struct {
		doc, section string
		whole        []string
	}{
		{"cc-by-4.0", "3.a.1", []string{"3.a.1", "3.a.1.a", "3.a.1.a.i", "3.a.1.a.ii", "3.a.1.a.iii", "3.a.1.a.iv", "3.a.1.a.v", "3.a.1.b", "3.a.1.c"}},
		{"apache-2.0", "4", []string{"4", "4.a", "4.b", "4.c", "4.d"}},
		{"bigscience-openrail-m", "4", []string{"4", "4.a", "4.b", "4.c", "4.p1"}},
		{"bigscience-openrail-m", "2", []string{"2"}},
		// The boilerplate notice, one line a paragraph: two sentences.
		{"apache-2.0", "p9", []string{"p9", "p10", "p11"}},
		{"apache-2.0", "p12", []string{"p12", "p13"}},
		{"llama4-license", "1.b.i", []string{"1.b.i"}},
	}
	for _, tc := range cases {
		cs := segmentDoc(t, docs, tc.doc)
		i := sectionIndex(t, cs, tc.doc, tc.section)
		if got := sectionsOf(cs, ClauseWhole(cs, i)); !slices.Equal(got, tc.whole) {
			t.Errorf("ClauseWhole(%s#%s) = %q, want %q", tc.doc, tc.section, got, tc.whole)
		}
	}
	if ClauseItems(nil, 0) != nil || ClauseWhole(nil, 3) != nil || ClauseIncomplete(nil, -1) {
		t.Error("an index out of range must give nothing")
	}
}

// Across the corpus: items come after their clause, in reading order; a
// continuation reads on verbatim from the clause it finishes, as do list
// paragraphs on consecutive lines.
func TestClauseItemsCorpus(t *testing.T) {
	for _, d := range loadCorpus(t) {
		cs, err := Segment(d.id, d.raw)
		if err != nil {
			t.Fatal(err)
		}
		quotable := QuotableText(d.raw)
		for i, c := range cs {
			items := ClauseItems(cs, i)
			checkItems(t, d.id, cs, i, items)
			if len(items) == 1 && items[0] == i+1 && isParagraphID(cs[i+1].Section) && !leadIn(c.Text) {
				if joined := c.Text + " " + cs[i+1].Text; !strings.Contains(quotable, joined) {
					t.Errorf("%s#%s: continuation %s does not read on from it", d.id, c.Section, cs[i+1].Section)
				}
			}
		}
	}
}

// checkItems holds for any clause list: ClauseItems names later clauses,
// in order, each once, and only for an incomplete clause.
func checkItems(t testing.TB, id string, cs []Clause, i int, items []int) {
	t.Helper()
	last := i
	for _, j := range items {
		if j <= last || j >= len(cs) {
			t.Errorf("%s#%s: items %v not after it and increasing", id, cs[i].Section, items)
			return
		}
		last = j
	}
	if len(items) > 0 && !ClauseIncomplete(cs, i) {
		t.Errorf("%s#%s has items but is not incomplete", id, cs[i].Section)
	}
	whole := ClauseWhole(cs, i)
	if len(whole) == 0 || whole[0] != i || !slices.IsSorted(whole) || len(slices.Compact(slices.Clone(whole))) != len(whole) {
		t.Errorf("%s#%s: ClauseWhole = %v", id, cs[i].Section, whole)
	}
}

// A section as cited: numbered ones with their sign, a lettered item of a
// top-level list in the text's own parentheses, the rest as labelled.
func TestSectionRef(t *testing.T) {
	for sec, want := range map[string]string{
		"1.b.i": "§1.b.i", "3.p2": "§3 ¶2", "p3": "¶3", "b2": "•2",
		"aup.2.b": "AUP 2.b", "l": "(l)", "a": "(a)", "b": "(b)", "": "",
	} {
		if got := SectionRef(sec); got != want {
			t.Errorf("SectionRef(%q) = %q, want %q", sec, got, want)
		}
	}
}

func TestSectionLabel(t *testing.T) {
	cases := []struct{ section, label string }{
		{"1", "1"},
		{"1.b.i", "1.b.i"},
		{"2.a.1", "2.a.1"},
		{"3.2", "3.2"},
		{"2.a.1.a", "2.a.1.a"},
		{"3.a.1.a.i", "3.a.1.a.i"},
		{"p3", "¶3"},
		{"1.p2", "1 ¶2"},
		{"3.2.p3", "3.2 ¶3"},
		{"b3", "•3"},
		{"b2.b", "•2.b"},
		{"b1.a.i", "•1.a.i"},
		{"b3.p1", "•3 ¶1"},
		{"aup", "AUP"},
		{"aup.1", "AUP 1"},
		{"aup.2.b", "AUP 2.b"},
		{"aup.1.a.i", "AUP 1.a.i"},
		{"aup.p2", "AUP ¶2"},
		{"aup.b1", "AUP •1"},
		{"gpl.17", "GPL 17"},
		{"gpl.0.p1", "GPL 0 ¶1"},
		// Not positional: an item lettered p or b, a repeated id.
		{"b", "b"},
		{"1.p", "1.p"},
		{"p3-2", "¶3-2"},
		{"1-2", "1-2"},
		{"pa", "pa"},
	}
	for _, tc := range cases {
		if got := SectionLabel(tc.section); got != tc.label {
			t.Errorf("SectionLabel(%q) = %q, want %q", tc.section, got, tc.label)
		}
		if got := (Clause{Section: tc.section}).Label(); got != tc.label {
			t.Errorf("Clause{Section: %q}.Label() = %q, want %q", tc.section, got, tc.label)
		}
	}
	// Every shape of id the corpus has is among the cases above.
	covered := map[string]bool{}
	for _, tc := range cases {
		covered[idShape(tc.section)] = true
	}
	for _, d := range loadCorpus(t) {
		cs, err := Segment(d.id, d.raw)
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range cs {
			if s := idShape(c.Section); !covered[s] {
				covered[s] = true // report each shape once
				t.Errorf("%s#%s: no SectionLabel case has the shape %s", d.id, c.Section, s)
			}
		}
	}
}

// idShape names the kinds of an id's parts: "num.para" for 1.p2 or 3.p4.
func idShape(sec string) string {
	var kinds []string
	for k, part := range strings.Split(sec, ".") {
		_, para := positionalPart(part, 'p')
		_, bullet := positionalPart(part, 'b')
		switch {
		case k == 0 && embeddedPrefix(part):
			kinds = append(kinds, "prefix")
		case para:
			kinds = append(kinds, "para")
		case bullet:
			kinds = append(kinds, "bullet")
		default:
			kinds = append(kinds, "num")
		}
	}
	return strings.Join(kinds, ".")
}

var internalIDRe = regexp.MustCompile(`(^|[^A-Za-z])[pb]\d`)

// No label shows an internal paragraph or bullet id, and labels tell a
// document's clauses apart as ids do.
func TestLabelsCorpus(t *testing.T) {
	for _, d := range loadCorpus(t) {
		cs, err := Segment(d.id, d.raw)
		if err != nil {
			t.Fatal(err)
		}
		checkLabels(t, d.id, cs)
	}
}

func checkLabels(t testing.TB, id string, cs []Clause) {
	t.Helper()
	seen := map[string]string{}
	for _, c := range cs {
		l := c.Label()
		if l == "" || internalIDRe.MatchString(l) {
			t.Errorf("%s#%s: label %q", id, c.Section, l)
		}
		if prev, ok := seen[l]; ok {
			t.Errorf("%s: #%s and #%s are both labelled %q", id, prev, c.Section, l)
		}
		seen[l] = c.Section
	}
}
