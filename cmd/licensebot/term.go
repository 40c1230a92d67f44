package main

// How output looks where it goes: wrapped to the terminal's width,
// Markdown emphasis shown as bold, colour only on a terminal that wants it.

import (
	"io"
	"os"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/licensebot/licensebot/index"
)

// terminal is what a writer can show: its width, whether it is a terminal
// (progress lines redraw in place) and whether it takes colour.
type terminal struct {
	width int
	tty   bool
	color bool
}

// defaultWidth is the width of output that is not a terminal (a pipe, a
// file), and of a terminal that does not say.
const defaultWidth = 80

// minWidth keeps wrapping sane in a very narrow window.
const minWidth = 30

// terminalOf describes w: COLUMNS wins, else the terminal's own width, else
// 80. Colour needs a terminal, NO_COLOR unset (https://no-color.org) and a
// TERM other than "dumb".
func terminalOf(w io.Writer) terminal {
	t := terminal{width: defaultWidth}
	if f, ok := w.(*os.File); ok {
		if n := termWidth(f); n > 0 {
			t.tty, t.width = true, n
		}
	}
	if n, err := strconv.Atoi(os.Getenv("COLUMNS")); err == nil && n > 0 {
		t.width = n
	}
	t.width = max(t.width, minWidth)
	t.color = t.tty && os.Getenv("NO_COLOR") == "" && os.Getenv("TERM") != "dumb"
	return t
}

// SGR sequences.
const (
	sgrReset  = "\x1b[0m"
	sgrBold   = "\x1b[1m"
	sgrDim    = "\x1b[2m"
	sgrRed    = "\x1b[31m"
	sgrGreen  = "\x1b[32m"
	sgrYellow = "\x1b[33m"
	sgrBlue   = "\x1b[34m"
)

// statusSGR colours a verdict as the bot's embeds do; info and unknown are
// not verdicts on a permission and get no colour.
var statusSGR = map[index.Status]string{
	index.StatusRequired:     sgrBlue,
	index.StatusAllowed:      sgrGreen,
	index.StatusForbidden:    sgrRed,
	index.StatusConditional:  sgrYellow,
	index.StatusNotAddressed: sgrDim,
}

// paint wraps s in the SGR sequences when colour is on.
func (t terminal) paint(s string, sgr ...string) string {
	seq := strings.Join(sgr, "")
	if !t.color || seq == "" || s == "" {
		return s
	}
	return seq + s + sgrReset
}

func (t terminal) bold(s string) string { return t.paint(s, sgrBold) }
func (t terminal) dim(s string) string  { return t.paint(s, sgrDim) }

// span is a run of a word shown in one style: sgr is its SGR sequence,
// "" for plain.
type span struct {
	text string
	sgr  string
}

// styledWord is one word of wrapped text, in spans.
type styledWord []span

func (w styledWord) width() int {
	n := 0
	for _, s := range w {
		n += utf8.RuneCountInString(s.text)
	}
	return n
}

// words splits text into words, rendering Markdown strong emphasis
// (**Policy**) as bold spans without its asterisks; runs of asterisks that
// are not emphasis (the boxes of the MPL) are kept as written. A word of
// text whose folded form is in matched is bold too.
func words(text string, matched map[string]bool) []styledWord {
	var out []styledWord
	bold := false
	fields := strings.Fields(text)
	markers := 0
	for _, f := range fields {
		markers += len(splitStrong(f)) - 1
	}
	for _, f := range fields {
		var w styledWord
		parts := []string{f}
		if markers%2 == 0 { // unpaired asterisks are not emphasis
			parts = splitStrong(f)
		}
		for i, part := range parts {
			if i > 0 {
				bold = !bold
			}
			if part != "" && (bold || matched[foldWord(part)]) {
				w = append(w, span{text: part, sgr: sgrBold})
			} else if part != "" {
				w = append(w, span{text: part})
			}
		}
		if len(w) > 0 {
			out = append(out, w)
		}
	}
	return out
}

// styled splits text into words shown in one style, taken as written (no
// Markdown).
func styled(text string, sgr ...string) []styledWord {
	var out []styledWord
	for _, f := range strings.Fields(text) {
		out = append(out, styledWord{{text: f, sgr: strings.Join(sgr, "")}})
	}
	return out
}

// splitStrong splits a word at its "**" markers; a word of asterisks only
// (box art) has none.
func splitStrong(f string) []string {
	if strings.Trim(f, "*") == "" {
		return []string{f}
	}
	return strings.Split(f, "**")
}

// foldWord is a word as matched terms are compared: lower case, without
// surrounding punctuation.
func foldWord(w string) string {
	return strings.ToLower(strings.Trim(w, ".,;:!?()[]\"'“”‘’«»"))
}

// wrap folds text to the width, every line starting with indent.
func (t terminal) wrap(text, indent string) string {
	return t.wrapWords(words(text, nil), indent, indent)
}

// wrapMatched is wrap with the words in matched shown bold.
func (t terminal) wrapMatched(text, indent string, matched []string) string {
	set := map[string]bool{}
	for _, m := range matched {
		for _, w := range strings.Fields(m) {
			set[foldWord(w)] = true
		}
	}
	return t.wrapWords(words(text, set), indent, indent)
}

// wrapWords lays words out in lines of at most t.width columns: first
// starts the first line, indent the others. A word longer than a line has
// a line of its own.
func (t terminal) wrapWords(ws []styledWord, first, indent string) string {
	var b strings.Builder
	b.WriteString(first)
	col := visibleWidth(first)
	start := col
	for _, w := range ws {
		n := w.width()
		if col > start && col+1+n > t.width {
			b.WriteString("\n" + indent)
			col = visibleWidth(indent)
			start = col
		} else if col > start {
			b.WriteByte(' ')
			col++
		}
		for _, s := range w {
			b.WriteString(t.paint(s.text, s.sgr))
		}
		col += n
	}
	return b.String()
}

// visibleWidth is how many columns s takes: its runes, SGR sequences left
// out.
func visibleWidth(s string) int {
	n := 0
	for i := 0; i < len(s); {
		if s[i] == '\x1b' {
			if j := strings.IndexByte(s[i:], 'm'); j >= 0 {
				i += j + 1
				continue
			}
		}
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
		n++
	}
	return n
}
