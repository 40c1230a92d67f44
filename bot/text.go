package bot

import (
	"strings"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"
)

// Discord's limits. Lengths are counted by textLen, in UTF-16 code units,
// which is never less than the characters Discord counts, so staying under
// them in our unit stays under them in Discord's.
const (
	maxTitle        = 256
	maxDescription  = 4096
	maxFields       = 25
	maxFieldName    = 256
	maxFieldValue   = 1024
	maxFooter       = 2048
	maxEmbedTotal   = 6000
	maxContent      = 2000
	maxCustomID     = 100
	maxButtonLabel  = 80
	maxChoices      = 25
	maxChoiceLen    = 100
	ellipsis        = "…"
	maxQuestionEcho = 200 // how much of a user's input we ever echo back
)

// textLen is the length Discord's limits are checked against.
func textLen(s string) int {
	n := 0
	for i := 0; i < len(s); {
		if s[i] < utf8.RuneSelf {
			n++
			i++
			continue
		}
		r, w := utf8.DecodeRuneInString(s[i:])
		i += w
		n += utf16.RuneLen(r) // 2 above the BMP; a bad byte counts as U+FFFD, 1
		if r == utf8.RuneError && w == 1 {
			n++ // generous: Discord never sees it, clean replaces it
		}
	}
	return n
}

// truncate cuts s to at most max units, ending in "…" when cut. It never
// splits a rune. Markdown in s may be broken by the cut; use it on plain
// text or on text whose structure does not matter.
func truncate(s string, max int) string {
	if textLen(s) <= max {
		return s
	}
	budget := max - textLen(ellipsis)
	n := 0
	for i, r := range s {
		w := utf16.RuneLen(r)
		if n+w > budget {
			return strings.TrimRightFunc(s[:i], unicode.IsSpace) + ellipsis
		}
		n += w
	}
	return s
}

// clean makes arbitrary text safe to echo on one line: valid UTF-8, no
// control or format characters (which could hide text or break layout),
// whitespace runs collapsed.
func clean(s string) string {
	if isPlain(s) {
		return s
	}
	s = strings.ToValidUTF8(s, "\uFFFD")
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		switch {
		case unicode.IsSpace(r) || unicode.IsControl(r):
			space = b.Len() > 0
			continue
		case unicode.Is(unicode.Cf, r): // zero-width and bidi controls
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

// isPlain reports whether clean(s) == s, cheaply, for the common case of
// printable ASCII with single inner spaces.
func isPlain(s string) bool {
	if s == "" || s[0] == ' ' || s[len(s)-1] == ' ' {
		return s == ""
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < ' ' || c > '~' || (c == ' ' && s[i-1] == ' ') {
			return false
		}
	}
	return true
}

// cleanMultiline is clean per line, keeping single line breaks.
func cleanMultiline(s string) string {
	lines := strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n")
	out := lines[:0]
	for _, l := range lines {
		if l = clean(l); l != "" {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}

// escapeMarkdown makes s display literally in Discord: every character
// Discord's Markdown gives meaning to is backslash-escaped (block syntax
// only at the start of a line). Discord treats a backslash before any
// punctuation as an escape, so this is lossless.
func escapeMarkdown(s string) string {
	var b strings.Builder
	b.Grow(len(s) + len(s)/16)
	lineStart := true
	for i, r := range s {
		switch r {
		case '\\', '*', '_', '~', '`', '|', '[', ']', '<':
			b.WriteByte('\\')
		case '#', '>', '-', '+':
			if lineStart {
				b.WriteByte('\\')
			}
		case '.':
			// "1. " opens an ordered list at the start of a line.
			if lineStart && i > 0 && isDigits(lastLine(s[:i])) {
				b.WriteByte('\\')
			}
		}
		b.WriteRune(r)
		if r == '\n' {
			lineStart = true
		} else if lineStart && !(r >= '0' && r <= '9') && r != ' ' {
			lineStart = false
		}
	}
	return b.String()
}

func lastLine(s string) string {
	if i := strings.LastIndexByte(s, '\n'); i >= 0 {
		return s[i+1:]
	}
	return s
}

func isDigits(s string) bool {
	s = strings.TrimLeft(s, " ")
	if s == "" {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// inlineCode shows user input verbatim and inert, cut to max characters.
// Backticks cannot be escaped inside code spans, so they are replaced.
func inlineCode(s string, max int) string {
	s = truncate(clean(s), max)
	s = strings.ReplaceAll(s, "`", "ˋ")
	if s == "" {
		return "(empty)"
	}
	return "`" + s + "`"
}
