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
		if j < len(s) && s[j] != ' ' && s[j] != '\t' {
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

// units cuts the document into headings, items and paragraphs.
func (d *segDoc) units() []*unit {
	var out []*unit
	var cur *unit     // open unit that wrapped lines may continue
	var curLines int  // lines in cur
	lastBlank := true // previous line blank (or start)
	prev := ""        // content of the previous line
	for i := d.start; i < len(d.lines); i++ {
		l := d.lines[i]
		if i > d.start {
			prev = strings.TrimSpace(d.lines[i-1])
		}
		if isBlank(l) {
			cur, lastBlank = nil, true
			continue
		}
		trimmed := strings.TrimSpace(l)
		indent := indentOf(l)
		// Setext underline: the line above is a heading.
		if setextRe.MatchString(l) {
			if cur != nil && curLines == 1 && !lastBlank {
				if cur.kind == unitItem {
					cur.setext = true
				} else {
					cur.kind = unitHeading
					cur.text = trimBold(cur.text)
				}
			}
			cur, lastBlank = nil, false
			continue
		}
		lastBlank = false
		if m := mdHeadingRe.FindStringSubmatch(trimmed); m != nil && d.markdown {
			out = append(out, &unit{kind: unitHeading, line: i + 1, indent: indent, text: trimBold(m[1])})
			cur = nil
			continue
		}
		if boldOnlyRe.MatchString(trimmed) {
			out = append(out, &unit{kind: unitHeading, line: i + 1, indent: indent, text: trimBold(trimmed)})
			cur = nil
			continue
		}
		// A label at the start, possibly behind an opening "**".
		body := trimmed
		// In wrapped text a line that continues a sentence ("… under
		// Section\n2.1 of this License") cannot start an item.
		midSentence := d.wrapped && d.width >= 60 && cur != nil && !endsSentence(prev) && utf8.RuneCountInString(prev)*3 >= d.width*2
		if kind, label, num, rest, ok := parseLabel(body); ok && !midSentence {
			u := &unit{kind: unitItem, line: i + 1, end: i + 1, indent: indent, lkind: kind, label: label, num: num, first: rest, text: rest}
			if rest == "" {
				u.text = ""
			}
			out = append(out, u)
			cur, curLines = u, 1
			continue
		}
		// A run of title lines ("LLAMA 2 COMMUNITY LICENSE AGREEMENT" over
		// its release date) stays apart even in wrapped text.
		joins := d.wrapped && !(cur != nil && cur.kind == unitPara && curLines == 1 && isHeadingLine(cur.text) && isHeadingLine(trimmed))
		// In unwrapped text a stray line break shows as a line starting in
		// lower case after one that does not end a sentence.
		if !d.wrapped && cur != nil && startsLower(trimmed) && !endsSentence(prev) && indent < indentOf(d.lines[i-1]) {
			joins = true
		}
		if cur != nil && joins {
			cur.text += "\n" + trimmed
			cur.end = i + 1
			if cur.kind == unitItem && curLines == 1 && cur.first == "" {
				cur.first = trimmed
			}
			curLines++
			continue
		}
		u := &unit{kind: unitPara, line: i + 1, end: i + 1, indent: indent, text: trimmed}
		out = append(out, u)
		cur, curLines = u, 1
	}
	// Lone title-like lines become headings.
	for _, u := range out {
		if u.kind != unitPara || u.indent > 2 || strings.Contains(u.text, "\n") {
			continue
		}
		if isHeadingLine(u.text) {
			u.kind = unitHeading
			u.text = trimBold(u.text)
		}
	}
	// Section lines that merely group a running arabic numbering.
	for i, u := range out {
		if u.kind != unitItem || u.lkind != "section" {
			continue
		}
		for _, v := range out[i+1:] {
			if v.kind == unitItem {
				if v.lkind == "num." {
					d.sectionHeadings = true
				}
				break
			}
		}
	}
	if d.sectionHeadings {
		for _, u := range out {
			if u.kind == unitItem && u.lkind == "section" {
				u.kind = unitHeading
				u.text = trimBold(d.lineText(u.line))
			}
		}
	}
	return out
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
