package corpus

import (
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Segmentation errors. Each is wrapped with the document id and the line
// it concerns, so `errors.Is` still works on what Segment returns.
var (
	// ErrEmptyDocument means the document has no text outside front matter.
	ErrEmptyDocument = errors.New("empty document")
	// ErrInvalidUTF8 means the document is not valid UTF-8.
	ErrInvalidUTF8 = errors.New("invalid UTF-8")
	// ErrUnterminatedFrontMatter means a leading `---` has no closing `---`.
	ErrUnterminatedFrontMatter = errors.New("unterminated front matter")
)

// Segment splits one document into clauses with stable section ids, following
// the project's section-id contract: numbered hierarchies as written
// ("1.b.i", "2.a.1", "3.2"), Markdown ordered lists as rendered (the Llama 4
// AUP's 1, 3, 4, 5, 6 are 1–5; nested levels are letters, then roman
// numerals), unnumbered paragraphs as pN or <section>.pN, top-level bullets
// as bN, and a document appended to another under a prefix ("aup.", "gpl.").
//
// What becomes a clause: every item or paragraph with text of its own. A
// title-only line ("b. Redistribution and Use.") is the Heading of what it
// opens and the Parents of its sub-clauses; when its body is one paragraph,
// or starts with a lead-in ending in a colon, that paragraph is its text; when
// it heads only plain paragraphs (GPL "2. Basic Permissions.") its text is
// all of them; when it heads numbered items it has no clause of its own, so
// each fact is quoted from one clause (SectionPrefixes lists such ids).
//
// It works in two passes: the text is first cut into units (headings,
// numbered or bulleted items, plain paragraphs), then the units are arranged
// into a tree whose shape decides the ids. No rule names a document: the
// corpus quirks are handled by general rules (Markdown detection, wrapped
// versus unwrapped text, asterisk boxes, embedded-title patterns).
//
// Text is quoted from the document as QuotableText gives it: an asterisk
// box's borders are drawing, not words, and are left out.
func Segment(docID string, raw []byte) ([]Clause, error) {
	if !utf8.Valid(raw) {
		return nil, fmt.Errorf("%s:%d: %w", docID, invalidUTF8Line(raw), ErrInvalidUTF8)
	}
	lines := unbox(splitLines(raw))
	start, err := skipFrontMatter(lines)
	if err != nil {
		return nil, fmt.Errorf("%s:%w", docID, err)
	}
	doc := analyze(lines, start)
	if doc.empty {
		return nil, fmt.Errorf("%s:%d: %w", docID, len(lines)+1, ErrEmptyDocument)
	}
	units := doc.units()
	root := buildTree(doc, units)
	clauses := emit(doc, docID, root)
	if len(clauses) == 0 {
		return nil, fmt.Errorf("%s:%d: %w: no clause text found", docID, start+1, ErrEmptyDocument)
	}
	keepTitles(lines, start, clauses)
	return clauses, nil
}

// keepTitles records each clause's own title as it is written, with what
// separates it from the text ("Grant of Patent License. ", "ShareAlike."),
// so Quote can give the section as it starts: people quote titles when they
// ask ("Conveying Non-Source Forms"). A title is kept only when title and
// text together are still verbatim in the document.
func keepTitles(lines []string, start int, clauses []Clause) {
	whole := collapseSpace(strings.Join(lines[start:], "\n")) // lines are unboxed
	for i := range clauses {
		c := &clauses[i]
		if c.Heading == "" || c.Line < 1 || c.Line > len(lines) {
			continue
		}
		line := lines[c.Line-1]
		first, _, _ := strings.Cut(c.Heading, " ")
		at := strings.Index(line, first)
		if first == "" || at < 0 {
			continue
		}
		for at > 0 && (line[at-1] == '*' || line[at-1] == '_') {
			at-- // keep Markdown emphasis whole: "**Additional Commercial Terms**."
		}
		title := collapseSpace(line[at:])
		body := collapseSpace(c.Text)
		lead := body
		if len(lead) > 24 {
			lead = lead[:24]
		}
		if k := strings.Index(title, lead); k > 0 {
			title = title[:k] // the text starts on the title's line
		} else if k == 0 {
			continue // the title is not on this line after all
		}
		title = strings.TrimSpace(title)
		switch {
		case strings.Contains(whole, title+" "+body):
			c.Title = title + " "
		case strings.Contains(whole, title+body):
			c.Title = title
		}
	}
}

func collapseSpace(s string) string { return strings.Join(strings.Fields(s), " ") }

// invalidUTF8Line returns the 1-based line of the first invalid byte.
func invalidUTF8Line(raw []byte) int {
	line := 1
	for i := 0; i < len(raw); {
		r, size := utf8.DecodeRune(raw[i:])
		if r == utf8.RuneError && size <= 1 {
			return line
		}
		if raw[i] == '\n' {
			line++
		}
		i += size
	}
	return line
}

// splitLines splits on \n, dropping a trailing \r so CRLF files segment
// like LF files. The index of a line is its 1-based number minus one.
func splitLines(raw []byte) []string {
	s := string(raw)
	s = strings.TrimSuffix(s, "\n")
	if s == "" {
		return nil
	}
	parts := strings.Split(s, "\n")
	for i, p := range parts {
		parts[i] = strings.TrimSuffix(p, "\r")
	}
	return parts
}

// skipFrontMatter returns the index of the first line after ScanCode's YAML
// front matter (`---` … `---` at the very top), or 0 when there is none.
func skipFrontMatter(lines []string) (int, error) {
	if len(lines) == 0 || strings.TrimRight(lines[0], " \t") != "---" {
		return 0, nil
	}
	for i := 1; i < len(lines); i++ {
		if strings.TrimRight(lines[i], " \t") == "---" {
			return i + 1, nil
		}
	}
	return 0, fmt.Errorf("1: %w: no closing --- after line 1", ErrUnterminatedFrontMatter)
}

// isBlank reports whether a line is empty or whitespace only (qwen2.5's
// blank lines hold a single space).
func isBlank(s string) bool { return strings.TrimSpace(s) == "" }

// indentOf measures leading whitespace with tab stops every 4 columns, the
// width Markdown uses, so "\t" and "    " nest alike.
func indentOf(s string) int {
	col := 0
	for _, r := range s {
		switch r {
		case ' ', '\u00a0':
			col++
		case '\t':
			col += 4 - col%4
		default:
			return col
		}
	}
	return col
}

// normSpace collapses every whitespace run to one space and trims the ends:
// the form in which Clause.Text is verbatim.
func normSpace(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) {
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}

// NormalizeSpace is the whitespace normalisation clause text is in. To
// check a quote against a document, compare NormalizeSpace(quote) with
// QuotableText(raw), not with the raw text: boxed passages quote without
// their borders.
func NormalizeSpace(s string) string { return normSpace(s) }

// QuotableText is a document as its clauses quote it: the raw text with
// the drawing of asterisk boxes removed and whitespace collapsed.
// Every Clause.Text and Clause.Quote of the document is a substring of it,
// and it holds the document's words in their order: only the box drawing,
// which sits between lines, is gone. raw is UTF-8, as Segment requires.
func QuotableText(raw []byte) string {
	return normSpace(strings.Join(unbox(splitLines(raw)), "\n"))
}

// unbox removes the drawing of asterisk boxes, which plain-text licences
// use to set a passage apart (MPL 2.0 frames §6 and §7):
//
//	************************************************************************
//	*                                                                      *
//	*  6. Disclaimer of Warranty                                           *
//	*  -------------------------                                           *
//	*  Covered Software is provided under this License on an "as is"       *
//	************************************************************************
//
// A box is a frame row of ten or more asterisks, rows that each start and
// end with an asterisk, and a closing frame row. Frame rows become blank
// lines; each row loses its two border columns and the left margin all its
// rows share, so the passage reads, and nests, like unboxed text. Only
// whole boxes are touched: a frame row without a matching close, or with
// a line between that is not a row, is text. The line count is kept, so
// line numbers still point into the file.
func unbox(lines []string) []string {
	var out []string
	for i := 0; i < len(lines); i++ {
		if !boxFrame(lines[i]) {
			continue
		}
		end := i + 1
		for end < len(lines) && boxRow(lines[end]) && !boxFrame(lines[end]) {
			end++
		}
		if end == len(lines) || !boxFrame(lines[end]) {
			continue
		}
		if out == nil {
			out = append([]string(nil), lines...)
		}
		inner := make([]string, 0, end-i-1)
		for _, l := range lines[i+1 : end] {
			t := strings.TrimSpace(l)
			inner = append(inner, strings.TrimRight(t[1:len(t)-1], " \t"))
		}
		margin := sharedMargin(inner)
		out[i], out[end] = "", ""
		for k, l := range inner {
			if l != "" {
				l = l[margin:]
			}
			out[i+1+k] = l
		}
		i = end
	}
	if out == nil {
		return lines
	}
	return out
}

// boxFrame: a row of ten or more asterisks and nothing else.
func boxFrame(l string) bool {
	t := strings.TrimSpace(l)
	return len(t) >= 10 && strings.Trim(t, "*") == ""
}

// boxRow: a line that starts and ends with an asterisk border standing
// apart from the text ("*  Covered Software is … *", "*      *"), so that
// removing the borders removes no character of a word.
func boxRow(l string) bool {
	t := strings.TrimSpace(l)
	if len(t) < 2 || t[0] != '*' || t[len(t)-1] != '*' {
		return false
	}
	inner := t[1 : len(t)-1]
	return inner == "" || isBlank(inner) || (isSpaceByte(inner[0]) && isSpaceByte(inner[len(inner)-1]))
}

func isSpaceByte(b byte) bool { return b == ' ' || b == '\t' }

// sharedMargin is the count of leading blanks (spaces, tabs) every
// non-empty line has.
func sharedMargin(lines []string) int {
	margin := -1
	for _, l := range lines {
		if l == "" {
			continue
		}
		n := len(l) - len(strings.TrimLeft(l, " \t"))
		if margin < 0 || n < margin {
			margin = n
		}
	}
	return max(margin, 0)
}

// trimBold removes Markdown emphasis markers from a heading.
func trimBold(s string) string {
	s = strings.ReplaceAll(s, "**", "")
	s = strings.ReplaceAll(s, "__", "")
	return strings.TrimSpace(normSpace(s))
}

// SectionPrefixes returns every section id a clause's id extends ("1" and
// "1.b" for "1.b.i"). A heading-only section ("1. License Rights and
// Redistribution." over 1.a and 1.b, GPL "0. Definitions." over its
// paragraphs) has no clause of its own, so that each fact lives in one
// clause; it is still a valid reference, and its text is the clauses whose
// ids start with it followed by a dot.
func SectionPrefixes(cs []Clause) map[string]bool {
	out := make(map[string]bool)
	for _, c := range cs {
		for i := strings.LastIndexByte(c.Section, '.'); i > 0; i = strings.LastIndexByte(c.Section[:i], '.') {
			out[c.Section[:i]] = true
		}
	}
	return out
}
