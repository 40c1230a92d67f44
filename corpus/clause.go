package corpus

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Clause is one addressable unit of a document: a numbered section or
// sub-item, or an unnumbered paragraph with a stable id. Clauses are what
// licensebot quotes, so Text is always a verbatim slice of the document
// (whitespace runs collapsed to one space, Markdown markup kept as written).
type Clause struct {
	// Doc is the manifest id of the document the clause comes from.
	Doc string `json:"doc"`
	// Section is the clause's path inside the document, e.g. "1.b.i",
	// "2", "2.a.1" (CC "Section 2(a)(1)"), "p3" (third unnumbered paragraph
	// at top level) or "1.p2" (second unnumbered paragraph under §1).
	// Unique within a document.
	Section string `json:"section"`
	// Heading is the clause's own title when it has one ("Additional
	// Commercial Terms"), otherwise empty.
	Heading string `json:"heading,omitempty"`
	// Parents are the headings of the enclosing sections, outermost first,
	// e.g. ["License Rights and Redistribution", "Redistribution and Use"].
	Parents []string `json:"parents,omitempty"`
	// Text is the clause body, verbatim, without its number label and
	// without its own title.
	Text string `json:"text"`
	// Title is the clause's own title exactly as written, with what
	// separates it from Text ("Grant of Patent License. "), when the title
	// opens the clause; Quote joins them. Searched as the heading, quoted
	// with the text.
	Title string `json:"title,omitempty"`
	// Line is the 1-based line of the original file (front matter
	// included) where the clause starts; build errors cite it.
	Line int `json:"line"`
}

// Quote is the clause as it reads in the document: its title, if it opens
// the clause, then its text. Still verbatim (whitespace collapsed).
func (c Clause) Quote() string { return c.Title + c.Text }

// ClauseItems returns, for the clause at index i of a document's clause
// list (all of it, in the order Segment returns it), the indexes of the
// clauses it introduces, in reading order, or nil. Quoting a clause with
// its items (ClauseWhole follows them all) quotes it whole.
//
// A clause whose text is a lead-in ending in a colon introduces
//   - its direct sub-items: CC BY 4.0 3.a.1 "… You must:" → 3.a.1.a, .b,
//     .c; Apache 4 "… the following conditions:" → 4.a–4.d, not the
//     paragraph 4.p1 after the list;
//   - failing those, a list whose markers the text lost, written as
//     paragraphs (Gemma 3.1 → 3.1.p1–p4): its first sub-paragraph and those
//     on the lines right after it, up to the one that closes a list of
//     "…;" items;
//   - failing both, the same taken from the clauses after it at its own
//     level: the Llama 4 AUP's "… Llama 4 to:" (p2) → 1–5.
//
// A clause cut mid-sentence (its text ends in a word or a comma, not in a
// list item's "; or") introduces its direct sub-items (MPL 1.5 "… means"
// → 1.5.a, 1.5.b), or else the paragraph right after it, under the same
// headings, when that starts in lower case or the cut is at a comma: the
// rest of a sentence a stray break split (agpl-3.0 1.p4 "… between those"
// → 1.p5 "subprograms and …"; bigscience-openrail-m 4.c → 4.p1).
//
// Items are direct: an item that is itself a lead-in (CC BY 3.a.1.a
// "retain the following …:") introduces its own. Every index returned is
// greater than i.
func ClauseItems(clauses []Clause, i int) []int {
	if i < 0 || i >= len(clauses) {
		return nil
	}
	text := clauses[i].Text
	switch {
	case leadIn(text):
		if run := listRun(clauses, childrenOf(clauses, i)); run != nil {
			return run
		}
		return listRun(clauses, siblingsAfter(clauses, i))
	case cutMidSentence(text):
		var items []int
		for _, j := range childrenOf(clauses, i) {
			if !isParagraphID(clauses[j].Section) {
				items = append(items, j)
			}
		}
		if items != nil {
			return items
		}
		if continues(clauses[i], clauses, i+1) {
			return []int{i + 1}
		}
	}
	return nil
}

// ClauseIncomplete reports whether the text of clause i does not stand on
// its own without what ClauseItems returns: it ends in a colon (even when
// no item follows it), or it stops mid-sentence and its items finish it.
func ClauseIncomplete(clauses []Clause, i int) bool {
	if i < 0 || i >= len(clauses) {
		return false
	}
	return leadIn(clauses[i].Text) || ClauseItems(clauses, i) != nil
}

// ClauseWhole returns i and, recursively, the items of every clause in it
// (ClauseItems): the indexes to quote, in reading order, for the clause to
// read whole. For a clause that is complete on its own it is just [i].
func ClauseWhole(clauses []Clause, i int) []int {
	if i < 0 || i >= len(clauses) {
		return nil
	}
	seen := map[int]bool{i: true}
	queue := []int{i}
	for k := 0; k < len(queue); k++ {
		for _, j := range ClauseItems(clauses, queue[k]) {
			if !seen[j] {
				seen[j] = true
				queue = append(queue, j)
			}
		}
	}
	slices.Sort(queue)
	return queue
}

// listRun picks a list out of candidate clauses in reading order. Items
// ("a", "1", "b3") make a list of the items before the first paragraph.
// Paragraphs make one only line by line: the first, then each on the line
// right after the previous, stopping after the one that closes a list of
// "…;" items with a full stop.
func listRun(clauses []Clause, cands []int) []int {
	if len(cands) == 0 {
		return nil
	}
	run := cands[:1:1]
	if !isParagraphID(clauses[cands[0]].Section) {
		for _, j := range cands[1:] {
			if isParagraphID(clauses[j].Section) {
				break
			}
			run = append(run, j)
		}
		return run
	}
	semis := endsListItem(clauses[cands[0]].Text)
	for _, j := range cands[1:] {
		last := clauses[run[len(run)-1]]
		if !isParagraphID(clauses[j].Section) || clauses[j].Line != last.Line+1 || (semis && !endsListItem(last.Text)) {
			break
		}
		run = append(run, j)
		semis = semis || endsListItem(clauses[j].Text)
	}
	return run
}

// childrenOf lists the clauses one level below clause i. A clause's
// descendants follow it directly in Segment's order.
func childrenOf(clauses []Clause, i int) []int {
	var out []int
	prefix := clauses[i].Section + "."
	for j := i + 1; j < len(clauses) && strings.HasPrefix(clauses[j].Section, prefix); j++ {
		if !strings.Contains(clauses[j].Section[len(prefix):], ".") {
			out = append(out, j)
		}
	}
	return out
}

// siblingsAfter lists the clauses after i at its own level, passing over
// their descendants, until the text leaves i's parent.
func siblingsAfter(clauses []Clause, i int) []int {
	var out []int
	parent := parentID(clauses[i].Section)
	for j := i + 1; j < len(clauses); j++ {
		sec := clauses[j].Section
		switch {
		case parentID(sec) == parent:
			out = append(out, j)
		case len(out) > 0 && strings.HasPrefix(sec, clauses[out[len(out)-1]].Section+"."):
		default:
			return out
		}
	}
	return out
}

func parentID(sec string) string {
	if k := strings.LastIndexByte(sec, '.'); k >= 0 {
		return sec[:k]
	}
	return ""
}

// continues reports whether clause j is a paragraph finishing the sentence
// clause c stops in: it starts in lower case, or c stops at a comma; and no
// heading comes between them (their Parents are the same).
func continues(c Clause, clauses []Clause, j int) bool {
	if j >= len(clauses) || !isParagraphID(clauses[j].Section) || !slices.Equal(c.Parents, clauses[j].Parents) {
		return false
	}
	return strings.HasSuffix(textEnd(c.Text), ",") || startsLower(clauses[j].Text)
}

// cutMidSentence: the text ends in a word or a comma, not in punctuation
// that closes a sentence, a list item or a quotation. "…; or" and "…; and"
// end list items.
func cutMidSentence(text string) bool {
	t := textEnd(text)
	if strings.HasSuffix(t, "; or") || strings.HasSuffix(t, "; and") {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(t)
	return unicode.IsLetter(r) || unicode.IsDigit(r) || r == ','
}

// endsListItem: "…;", "…; or", "…; and".
func endsListItem(text string) bool {
	t := textEnd(text)
	return strings.HasSuffix(t, ";") || strings.HasSuffix(t, "; or") || strings.HasSuffix(t, "; and")
}

// textEnd is text without trailing Markdown emphasis.
func textEnd(text string) string { return strings.TrimRight(text, " *_") }

// isParagraphID: the last part of a section id is an unnumbered
// paragraph's ("p3", "1.p2").
func isParagraphID(sec string) bool {
	_, ok := positionalPart(sec[strings.LastIndexByte(sec, '.')+1:], 'p')
	return ok
}

// positionalPart reads a segmenter-numbered id part, "p3" or "b3" (with
// the "-2" a repeated id gets), and returns what follows the letter.
func positionalPart(part string, letter byte) (string, bool) {
	if len(part) < 2 || part[0] != letter {
		return "", false
	}
	num, dup, repeated := strings.Cut(part[1:], "-")
	if !allDigits(num) || (repeated && !allDigits(dup)) {
		return "", false
	}
	return part[1:], true
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// Label is what users see for the clause instead of its Section; see
// SectionLabel.
func (c Clause) Label() string { return SectionLabel(c.Section) }

// SectionLabel renders a section id for people. Numbered sections read as
// written ("1.b.i", "2.a.1"); the ids the segmenter numbers by position
// are internal and read as what they are: an unnumbered paragraph is "¶3"
// (p3), under a section "1 ¶2" (1.p2); a top-level bullet is "•3" (b3),
// its sub-items "•2.b" (b2.b); an embedded document's prefix is its name in
// capitals, "AUP 2.b" (aup.2.b), "AUP ¶2" (aup.p2), "GPL 0 ¶1" (gpl.0.p1).
// Labels, like ids, are unique within a document. Cards and /clause keep
// using Section; heading-only prefixes ("1.b") render the same way.
func SectionLabel(sec string) string {
	var b strings.Builder
	prevNumbered := false
	for k, part := range strings.Split(sec, ".") {
		text, numbered := part, true
		if n, ok := positionalPart(part, 'p'); ok {
			text, numbered = "¶"+n, false
		} else if n, ok := positionalPart(part, 'b'); ok {
			text = "•" + n
		} else if k == 0 && embeddedPrefix(part) {
			text, numbered = strings.ToUpper(part), false
		}
		if b.Len() > 0 {
			// Numbered parts join with dots, anything else with a space.
			if prevNumbered && numbered {
				b.WriteByte('.')
			} else {
				b.WriteByte(' ')
			}
		}
		b.WriteString(text)
		prevNumbered = numbered
	}
	return b.String()
}

// SectionRef is a section as people cite it: a numbered one with its sign,
// "§1.b.i", "§3 ¶2"; a lettered item of a top-level list as the text
// letters it, "(l)" (BigScience's Attachment A), not a bare "l" that reads
// as a word or a one; the rest as SectionLabel renders them, "¶3", "•2",
// "AUP 2.b".
func SectionRef(sec string) string {
	l := SectionLabel(sec)
	switch {
	case l == "":
		return ""
	case l[0] >= '0' && l[0] <= '9':
		return "§" + l
	case !strings.ContainsFunc(l, func(r rune) bool { return r < 'a' || r > 'z' }):
		return "(" + l + ")"
	}
	return l
}

// embeddedPrefix: part is the id prefix of a document embedded in another
// ("aup", "gpl").
func embeddedPrefix(part string) bool {
	for _, e := range embeddedRe {
		if part == e.prefix {
			return true
		}
	}
	return false
}
