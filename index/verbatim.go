package index

import (
	"strings"
	"unicode"

	"github.com/licensebot/licensebot/corpus"
)

// A clause's text is verbatim from its document with whitespace collapsed,
// except where the document draws a box of "*" around a section (MPL §6–7):
// the segmenter leaves the box out, so the text reads cleanly, but it is
// then no longer one run of the raw file. For those clauses the build keeps
// a quotable form, the clean text cut where the box was into pieces that
// are each verbatim, joined by " … " — the form answers and the JSON carry,
// and what anyone can check against the file. Renderers show the clean one.

// folded reports whether s is already as foldQuote leaves it: ASCII with
// no upper case, single spaces between words and none at the ends. Most
// expected phrases are, and folding costs more than the check.
func folded(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 0x80, c >= 'A' && c <= 'Z', c < ' ', c == 0x7f:
			return false
		case c == ' ' && (i == 0 || i == len(s)-1 || s[i-1] == ' '):
			return false
		}
	}
	return true
}

// foldQuote is how quotes are compared with their source: curly quotes
// folded, whitespace collapsed, lower case (the reference scorer's rule).
func foldQuote(s string) string {
	if folded(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		switch r {
		case '\t', '\n', '\f', '\r', ' ': // what the regexp \s matches
			space = b.Len() > 0
			continue
		case '\u2019':
			r = '\''
		case '\u201c', '\u201d':
			r = '"'
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return strings.TrimSpace(b.String())
}

// quotableForms returns, by "doc#section", the quotable form of every
// clause whose text is not one run of its raw document.
func quotableForms(c *corpus.Corpus) map[string]string {
	out := map[string]string{}
	for doc, raw := range c.Raw {
		src := foldQuote(string(raw))
		for _, cl := range c.Clauses[doc] {
			q := cl.Quote()
			if strings.Contains(src, foldQuote(q)) {
				continue
			}
			out[cl.Doc+"#"+cl.Section] = verbatimPieces(q, src)
		}
	}
	return out
}

// verbatimPieces cuts text into the longest runs of words that occur in
// src, in order, joined by " … ".
func verbatimPieces(text, src string) string {
	words := strings.Fields(text)
	var pieces []string
	for i := 0; i < len(words); {
		j := i + 1
		for j < len(words) && strings.Contains(src, foldQuote(strings.Join(words[i:j+1], " "))) {
			j++
		}
		pieces = append(pieces, strings.Join(words[i:j], " "))
		i = j
	}
	return strings.Join(pieces, " … ")
}

// listsOf returns, by "doc#section", the clauses that complete each clause
// the segmenter finds incomplete on its own — a lead-in ending in ":" and
// its items, at every depth, or a sentence cut by a line the file breaks.
func listsOf(c *corpus.Corpus) map[string][]string {
	out := map[string][]string{}
	for _, cls := range c.Clauses {
		for i := range cls {
			if !corpus.ClauseIncomplete(cls, i) {
				continue
			}
			var ids []string
			for _, j := range corpus.ClauseWhole(cls, i)[1:] {
				ids = append(ids, cls[j].Doc+"#"+cls[j].Section)
			}
			if len(ids) > 0 {
				out[cls[i].Doc+"#"+cls[i].Section] = ids
			}
		}
	}
	return out
}
