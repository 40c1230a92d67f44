package corpus

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A document's text after front matter, with the few document-wide facts
// the unit and tree passes need.
type segDoc struct {
	lines []string
	start int // index of the first line after front matter
	empty bool
	// markdown is set when the text uses Markdown markup. Markdown list
	// nesting follows indentation, list numbers are rendered, and a
	// paragraph belongs to a list item only when indented under it.
	markdown bool
	// wrapped is set for hard-wrapped plain text (every line short):
	// consecutive lines of a block then form one paragraph. In unwrapped
	// texts every line is a paragraph of its own, which is what keeps
	// Gemma's lost list markers apart.
	wrapped bool
	// sectionHeadings is set when "Section I:"-style lines only group a
	// numbering that runs on across them (OpenRAIL, DeepSeek: Section III
	// holds paragraphs 4–6); such lines are then headings, not levels.
	sectionHeadings bool
	width           int // longest line, in runes
}

// Unit kinds.
const (
	unitPara = iota
	unitHeading
	unitItem
)

// A unit is one heading, list item or paragraph, possibly spanning lines.
type unit struct {
	kind   int
	line   int // 1-based
	end    int // 1-based last line
	indent int
	// For items: the label's kind ("num.", "alpha.", "(alpha)", "roman.",
	// "dotted", "section", "bullet", …) and its text as written.
	lkind string
	label string
	num   int    // numeric value of arabic / section labels
	first string // rest of the first line after the label, verbatim
	text  string // all text after the label (or the heading), verbatim
	// setext marks an item underlined like a Markdown heading (MPL's
	// "1. Definitions" over dashes): its whole rest is a title.
	setext bool
}

var (
	mdHeadingRe = regexp.MustCompile(`^#{1,6}[\s\x{a0}]+(.*?)[\s\x{a0}]*#*[\s\x{a0}]*$`)
	setextRe    = regexp.MustCompile(`^[\s\x{a0}]*(=+|-{3,})[\s\x{a0}]*$`)
	sectionRe   = regexp.MustCompile(`^(?i:section|article|paragraph)[\s\x{a0}]+([0-9]+|[IVXLC]+)[\s\x{a0}]*(?:(?::|\.|–|—|-)[\s\x{a0}]*|$)`)
	dottedRe    = regexp.MustCompile(`^(\d{1,3}(?:\.\d{1,3})+)\.?(?:[\s\x{a0}]+|$)`)
	numRe       = regexp.MustCompile(`^(\d{1,3})(\\\.|\*\*\.|\.|\))(?:[\s\x{a0}]+|$)`)
	parenRe     = regexp.MustCompile(`^\((\d{1,3}|[a-zA-Z]|[ivxlcdm]{1,6}|[IVXLCDM]{1,6})\)[\s\x{a0}]+`)
	letterRe    = regexp.MustCompile(`^([a-zA-Z]|[ivxlcdm]{1,6}|[IVXLCDM]{1,6})([.)])[\s\x{a0}]+`)
	bulletRe    = regexp.MustCompile(`^([*•+\-])[\s\x{a0}]+`)
	boldOnlyRe  = regexp.MustCompile(`^(?:\*\*[^*]+\*\*[\s\x{a0}]*)+$`)
	romanOnlyRe = regexp.MustCompile(`^[ivxlcdm]+$`)
)

// analyze gathers document-wide facts.
func analyze(lines []string, start int) *segDoc {
	d := &segDoc{lines: lines, start: start, empty: true}
	maxLen := 0
	for _, l := range lines[start:] {
		if isBlank(l) {
			continue
		}
		d.empty = false
		if n := utf8.RuneCountInString(strings.TrimRight(l, " \t")); n > maxLen {
			maxLen = n
		}
		if markdownLine(l) {
			d.markdown = true
		}
	}
	d.wrapped = maxLen <= 120
	d.width = maxLen
	return d
}

// parseLabel recognises a clause label at the start of s (indentation
// already removed). It returns the label kind, the label as written
// (lower-cased), its numeric value where it has one, and the rest.
func parseLabel(s string) (kind, label string, num int, rest string, ok bool) {
	if s == "" {
		return "", "", 0, "", false
	}
	// Cheap look at the first bytes before any regexp: most lines are
	// prose and start with none of the label shapes.
	c := s[0]
	digit := c >= '0' && c <= '9'
	letter := (c|0x20) >= 'a' && (c|0x20) <= 'z'
	short := letter && strings.IndexAny(s[:min(len(s), 8)], ".)") > 0
	word := c == 'S' || c == 's' || c == 'A' || c == 'a' || c == 'P' || c == 'p'
	if !digit && !short && !word && c != '(' && c != '*' && c != '-' && c != '+' && !strings.HasPrefix(s, "•") {
		return "", "", 0, "", false
	}
	if m, r := prefixMatch(sectionRe, s, word); m != nil {
		v, err := strconv.Atoi(m[1])
		if err != nil {
			v = romanValue(strings.ToLower(m[1]))
		}
		if v > 0 {
			return "section", strconv.Itoa(v), v, r, true
		}
	}
	if m, r := prefixMatch(dottedRe, s, digit); m != nil {
		return "dotted", m[1], 0, r, true
	}
	if m, r := prefixMatch(numRe, s, digit); m != nil {
		v, _ := strconv.Atoi(m[1])
		k := "num."
		if m[2] == ")" {
			k = "num)"
		}
		return k, m[1], v, r, true
	}
	if m, r := prefixMatch(parenRe, s, c == '('); m != nil {
		l := m[1]
		switch {
		case l[0] >= '0' && l[0] <= '9':
			v, _ := strconv.Atoi(l)
			return "(num)", l, v, r, true
		case isRomanLabel(l):
			return "(roman" + caseTag(l) + ")", strings.ToLower(l), 0, r, true
		default:
			return "(alpha" + caseTag(l) + ")", strings.ToLower(l), 0, r, true
		}
	}
	if m, r := prefixMatch(letterRe, s, short); m != nil {
		l, punct := m[1], m[2]
		if isRomanLabel(l) {
			return "roman" + caseTag(l) + punct, strings.ToLower(l), 0, r, true
		}
		return "alpha" + caseTag(l) + punct, strings.ToLower(l), 0, r, true
	}
	if m, r := prefixMatch(bulletRe, s, true); m != nil {
		return "bullet", m[1], 0, r, true
	}
	return "", "", 0, "", false
}

// prefixMatch matches a label regexp at the start of s (when try is set)
// and returns its groups and the rest of s after the match.
func prefixMatch(re *regexp.Regexp, s string, try bool) ([]string, string) {
	if !try {
		return nil, ""
	}
	loc := re.FindStringSubmatchIndex(s)
	if loc == nil {
		return nil, ""
	}
	groups := make([]string, len(loc)/2)
	for i := range groups {
		if loc[2*i] >= 0 {
			groups[i] = s[loc[2*i]:loc[2*i+1]]
		}
	}
	return groups, s[loc[1]:]
}

// isRomanLabel: "ii", "iv", and the single letters i, v, x read as roman
// numerals; c, d, l, m alone stay letters.
func isRomanLabel(l string) bool {
	return romanOnlyRe.MatchString(strings.ToLower(l)) && (len(l) > 1 || strings.ContainsAny(l, "ivxIVX"))
}

func caseTag(l string) string {
	if strings.ToUpper(l) == l {
		return "U"
	}
	return ""
}

// romanValue converts a lower-case roman numeral; 0 when it is not one.
func romanValue(s string) int {
	vals := map[byte]int{'i': 1, 'v': 5, 'x': 10, 'l': 50, 'c': 100, 'd': 500, 'm': 1000}
	total := 0
	for i := 0; i < len(s); i++ {
		v, ok := vals[s[i]]
		if !ok {
			return 0
		}
		if i+1 < len(s) && vals[s[i+1]] > v {
			total -= v
		} else {
			total += v
		}
	}
	return total
}

// toRoman renders 1..39 (enough for list positions) in lower-case roman.
func toRoman(n int) string {
	if n <= 0 || n >= 4000 {
		return strconv.Itoa(n)
	}
	var b strings.Builder
	for _, p := range []struct {
		v int
		s string
	}{{1000, "m"}, {900, "cm"}, {500, "d"}, {400, "cd"}, {100, "c"}, {90, "xc"}, {50, "l"}, {40, "xl"}, {10, "x"}, {9, "ix"}, {5, "v"}, {4, "iv"}, {1, "i"}} {
		for n >= p.v {
			b.WriteString(p.s)
			n -= p.v
		}
	}
	return b.String()
}

// toLetters renders 1→a … 26→z, 27→aa.
func toLetters(n int) string {
	if n <= 0 {
		return strconv.Itoa(n)
	}
	s := ""
	for n > 0 {
		n--
		s = string(rune('a'+n%26)) + s
		n /= 26
	}
	return s
}

// isHeadingLine reports whether a lone, unindented line reads as a title:
// short, no closing punctuation, and Title Case or ALL CAPS.
func isHeadingLine(s string) bool {
	s = trimBold(s)
	if s == "" || utf8.RuneCountInString(s) > 90 {
		return false
	}
	words := strings.Fields(s)
	if len(words) > 12 {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(s)
	if strings.ContainsRune(",;:", last) {
		return false
	}
	upper := strings.ToUpper(s) == s
	if last == '.' && !upper {
		return false
	}
	first, _ := utf8.DecodeRuneInString(s)
	if !unicode.IsUpper(first) {
		return false
	}
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		if r == '<' || r == '[' || strings.Contains(w, "://") {
			return false
		}
		if unicode.IsLower(r) && utf8.RuneCountInString(w) >= 4 {
			return false
		}
	}
	return true
}

// splitTitle finds a clause title on the first line of an item: either the
// whole rest is a short title ("Redistribution and Use.") or it starts with
// one ("Additional Commercial Terms. If, on …"). It returns the title
// without markup, and the verbatim remainder of the line after it.
func splitTitle(first string) (title, after string, whole bool) {
	s := strings.TrimSpace(first)
	if s == "" {
		return "", "", false
	}
	// Inline title: up to the first ". " (markup such as "**. " allowed).
	for i := 0; i < len(s) && i < 100; i++ {
		if s[i] != '.' {
			continue
		}
		j := i + 1
		for j < len(s) && s[j] == '*' {
			j++
		}
		if j < len(s) && s[j] != ' ' && s[j] != '\t' && (!wordStart(s[j:]) || strings.Contains(s[:i], ".")) {
			continue
		}
		t := trimBold(strings.TrimRight(s[:i], "*"))
		rest := strings.TrimSpace(s[j:])
		if !titleLike(t, 8) {
			break
		}
		if rest == "" {
			return t, "", true
		}
		if r, _ := utf8.DecodeRuneInString(rest); unicode.IsLower(r) {
			break
		}
		return t, rest, false
	}
	t := trimBold(s)
	last, _ := utf8.DecodeLastRuneInString(t)
	if strings.ContainsRune(",;:", last) {
		return "", "", false
	}
	t = strings.TrimSuffix(t, ".")
	if titleLike(t, 10) {
		return t, "", true
	}
	return "", "", false
}

// wordStart reports whether s opens with a capitalised word ("In
// addition"): a title run into its text without a space, as some copies
// of CC 4.0 have it ("ShareAlike.In addition to …"). splitTitle takes it
// only after a title with no period of its own, so an abbreviation run
// into a word ("U.S.Government") is not one.
func wordStart(s string) bool {
	r, n := utf8.DecodeRuneInString(s)
	next, _ := utf8.DecodeRuneInString(s[n:])
	return unicode.IsUpper(r) && unicode.IsLower(next)
}

// titleLike: a few words starting with a capital letter, not a sentence
// fragment ending in a comma or colon.
func titleLike(t string, maxWords int) bool {
	if t == "" {
		return false
	}
	words := strings.Fields(t)
	if len(words) == 0 || len(words) > maxWords {
		return false
	}
	r, _ := utf8.DecodeRuneInString(t)
	if !unicode.IsUpper(r) {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(t)
	return !strings.ContainsRune(",;:(", last)
}

// units cuts the document into headings, items and paragraphs. Each line is
// classified on its own; a cutter gathers the lines into units, deciding
// from context which lines continue the unit before them; then two passes
// settle which units are headings.
func (d *segDoc) units() []*unit {
	c := &unitCutter{d: d, lastBlank: true}
	for i := d.start; i < len(d.lines); i++ {
		c.add(d.classify(i))
	}
	promoteTitles(c.out)
	d.groupSections(c.out)
	return c.out
}

// What a line is on its own, before its neighbours are considered.
type lineShape int

const (
	shapeBlank   lineShape = iota
	shapeSetext            // "-----" or "=====": the line above is a heading
	shapeHeading           // a Markdown ATX heading, or a line all in bold
	shapeLabel             // starts with a clause label ("1.", "(a)", "•")
	shapeText
)

// A classified line.
type line struct {
	shape  lineShape
	i      int // index in segDoc.lines
	indent int
	text   string // trimmed; for headings, the title without markup
	// Labels: kind, label as written, numeric value, rest of the line.
	lkind, label, rest string
	num                int
}

// classify reads line i without context.
func (d *segDoc) classify(i int) line {
	l := d.lines[i]
	if isBlank(l) {
		return line{shape: shapeBlank, i: i}
	}
	ln := line{shape: shapeText, i: i, indent: indentOf(l), text: strings.TrimSpace(l)}
	if setextRe.MatchString(l) {
		ln.shape = shapeSetext
		return ln
	}
	if m := mdHeadingRe.FindStringSubmatch(ln.text); m != nil && d.markdown {
		ln.shape, ln.text = shapeHeading, trimBold(m[1])
		return ln
	}
	if boldOnlyRe.MatchString(ln.text) {
		ln.shape, ln.text = shapeHeading, trimBold(ln.text)
		return ln
	}
	if kind, label, num, rest, ok := parseLabel(ln.text); ok {
		ln.shape, ln.lkind, ln.label, ln.num, ln.rest = shapeLabel, kind, label, num, rest
	}
	return ln
}

// unitCutter gathers classified lines into units.
type unitCutter struct {
	d         *segDoc
	out       []*unit
	cur       *unit // open unit that following lines may continue
	curLines  int   // lines in cur
	lastBlank bool  // previous line blank (or start)
}

func (c *unitCutter) add(ln line) {
	switch ln.shape {
	case shapeBlank:
		c.cur, c.lastBlank = nil, true
		return
	case shapeSetext:
		c.underline()
		c.cur, c.lastBlank = nil, false
		return
	}
	c.lastBlank = false
	switch {
	case ln.shape == shapeHeading:
		c.out = append(c.out, &unit{kind: unitHeading, line: ln.i + 1, indent: ln.indent, text: ln.text})
		c.cur = nil
	case ln.shape == shapeLabel && !c.midSentence(ln):
		c.open(&unit{kind: unitItem, line: ln.i + 1, end: ln.i + 1, indent: ln.indent,
			lkind: ln.lkind, label: ln.label, num: ln.num, first: ln.rest, text: ln.rest})
	case c.cur != nil && c.joins(ln):
		c.cur.text += "\n" + ln.text
		c.cur.end = ln.i + 1
		if c.cur.kind == unitItem && c.curLines == 1 && c.cur.first == "" {
			c.cur.first = ln.text
		}
		c.curLines++
	default:
		c.open(&unit{kind: unitPara, line: ln.i + 1, end: ln.i + 1, indent: ln.indent, text: ln.text})
	}
}

func (c *unitCutter) open(u *unit) {
	c.out = append(c.out, u)
	c.cur, c.curLines = u, 1
}

// underline: a setext underline makes the one-line unit above it a
// heading, or, for an item, a title (MPL's "1. Definitions" over dashes).
func (c *unitCutter) underline() {
	if c.cur == nil || c.curLines != 1 || c.lastBlank {
		return
	}
	if c.cur.kind == unitItem {
		c.cur.setext = true
		return
	}
	c.cur.kind = unitHeading
	c.cur.text = trimBold(c.cur.text)
}

// prev is the text of the line before ln.
func (c *unitCutter) prev(ln line) string {
	if ln.i <= c.d.start {
		return ""
	}
	return strings.TrimSpace(c.d.lines[ln.i-1])
}

// midSentence: in wrapped text a line that continues a sentence ("… under
// Section\n2.1 of this License") cannot start an item.
func (c *unitCutter) midSentence(ln line) bool {
	d, prev := c.d, c.prev(ln)
	return d.wrapped && d.width >= 60 && c.cur != nil && !endsSentence(prev) &&
		utf8.RuneCountInString(prev)*3 >= d.width*2
}

// joins reports whether a text line continues the open unit.
func (c *unitCutter) joins(ln line) bool {
	if c.d.wrapped {
		// A run of title lines ("LLAMA 2 COMMUNITY LICENSE AGREEMENT" over
		// its release date) stays apart even in wrapped text.
		return !(c.cur.kind == unitPara && c.curLines == 1 && isHeadingLine(c.cur.text) && isHeadingLine(ln.text))
	}
	// In unwrapped text a stray line break shows as a line starting in
	// lower case after one that does not end a sentence: less indented
	// than that line, or right after an item's first line (OpenRAIL-M's
	// "2. Grant of Copyright License. … irrevocable" / "copyright license
	// to reproduce, …").
	if !startsLower(ln.text) || endsSentence(c.prev(ln)) {
		return false
	}
	return ln.indent < indentOf(c.d.lines[ln.i-1]) || (c.cur.kind == unitItem && c.curLines == 1)
}

// promoteTitles makes lone title-like lines headings.
func promoteTitles(units []*unit) {
	for _, u := range units {
		if u.kind != unitPara || u.indent > 2 || strings.Contains(u.text, "\n") {
			continue
		}
		if isHeadingLine(u.text) {
			u.kind = unitHeading
			u.text = trimBold(u.text)
		}
	}
}

// groupSections turns "Section I:"-style items into headings when they only
// group an arabic numbering that runs on across them (OpenRAIL, DeepSeek).
func (d *segDoc) groupSections(units []*unit) {
	for i, u := range units {
		if u.kind != unitItem || u.lkind != "section" {
			continue
		}
		for _, v := range units[i+1:] {
			if v.kind == unitItem {
				if v.lkind == "num." {
					d.sectionHeadings = true
				}
				break
			}
		}
	}
	if !d.sectionHeadings {
		return
	}
	for _, u := range units {
		if u.kind == unitItem && u.lkind == "section" {
			u.kind = unitHeading
			u.text = trimBold(d.lineText(u.line))
		}
	}
}

func (d *segDoc) lineText(line int) string { return strings.TrimSpace(d.lines[line-1]) }

func startsLower(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLower(r)
}

func endsSentence(s string) bool {
	s = strings.TrimRight(s, " \t\u00a0*")
	r, _ := utf8.DecodeLastRuneInString(s)
	return strings.ContainsRune(".;:!?", r)
}

// markdownLine spots Markdown markup: bold ("**x"), an ATX heading, an
// escaped list number ("1\\.") or a link ("](").
func markdownLine(l string) bool {
	if strings.Contains(l, "](") {
		return true
	}
	for i := strings.Index(l, "**"); i >= 0; {
		j := i + 2
		if j < len(l) && l[j] != '*' && l[j] != ' ' && l[j] != '\t' {
			return true
		}
		k := strings.Index(l[j:], "**")
		if k < 0 {
			break
		}
		i = j + k
	}
	t := strings.TrimLeft(l, " \t")
	if strings.HasPrefix(t, "#") {
		h := strings.TrimLeft(t, "#")
		if len(t)-len(h) <= 6 && (h == "" || h[0] == ' ' || h[0] == '\t') {
			return true
		}
	}
	d := strings.TrimLeft(t, "0123456789")
	return len(d) < len(t) && strings.HasPrefix(d, "\\.")
}
