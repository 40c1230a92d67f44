package bot

// Quoting verbatim text: clause text shown exactly as written, Markdown
// escaped, matched words in bold, cut at a sentence when too long.

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// renderQuote renders verbatim text for Discord: Markdown in it escaped so
// it shows as written, the matched words in bold, and — when longer than
// budget — cut after the last whole sentence that fits, ending in "…".
// A single sentence too long for the budget is cut at a word instead.
func renderQuote(text string, matched []string, budget int) string {
	key := quoteKey{text: text, matched: strings.Join(matched, "\x00"), budget: budget}
	if q, ok := quotes.get(key); ok {
		return q
	}
	q := renderQuoteUncached(text, matched, budget)
	quotes.put(key, q)
	return q
}

// quotes memoizes renderQuote: the same clauses are quoted again and again
// (a channel asks the same questions), and rendering one costs more than
// verifying the request's signature.
var quotes = &quoteCache{m: make(map[quoteKey]string)}

type quoteKey struct {
	text, matched string
	budget        int
}

// quoteCache is a bounded map, emptied when full: cheap, and the working
// set of clauses is small.
type quoteCache struct {
	mu sync.Mutex
	m  map[quoteKey]string
}

const quoteCacheSize = 4096

func (c *quoteCache) get(k quoteKey) (string, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	q, ok := c.m[k]
	return q, ok
}

func (c *quoteCache) put(k quoteKey, q string) {
	if len(k.text) > 64<<10 {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.m) >= quoteCacheSize {
		clear(c.m)
	}
	c.m[k] = q
}

func renderQuoteUncached(text string, matched []string, budget int) string {
	text = cleanMultiline(text)
	if full := emphasize(text, matched); textLen(full) <= budget {
		return full
	}
	room := budget - textLen(ellipsis)
	if room <= 0 {
		return ""
	}
	var b strings.Builder
	n := 0
	for _, s := range sentences(text) {
		r := emphasize(s, matched)
		if n+textLen(r) > room {
			break
		}
		b.WriteString(r)
		n += textLen(r)
	}
	if n > 0 {
		return b.String() + ellipsis
	}
	// Not even one sentence fits: the longest run of whole words that does.
	words := wordEnds(text)
	lo, hi := 0, len(words)-1
	best := ""
	for lo <= hi {
		mid := (lo + hi) / 2
		r := emphasize(strings.TrimRightFunc(text[:words[mid]], unicode.IsSpace), matched)
		if textLen(r)+1 <= room {
			best, lo = r, mid+1
		} else {
			hi = mid - 1
		}
	}
	if best == "" {
		return truncate(escapeMarkdown(text), budget)
	}
	return best + " " + ellipsis
}

// sentences splits text after sentence-ending punctuation (with any closing
// quotes or brackets) followed by a space; each piece keeps its trailing
// space, so concatenating them gives back text.
func sentences(text string) []string {
	var out []string
	start := 0
	for i := 0; i < len(text); {
		r, w := utf8.DecodeRuneInString(text[i:])
		i += w
		if r != '.' && r != '!' && r != '?' && r != ';' {
			continue
		}
		j := i
		for j < len(text) {
			c, cw := utf8.DecodeRuneInString(text[j:])
			if !strings.ContainsRune("\"'”’)]", c) {
				break
			}
			j += cw
		}
		if j < len(text) && (text[j] == ' ' || text[j] == '\n') {
			for j < len(text) && (text[j] == ' ' || text[j] == '\n') {
				j++
			}
			out = append(out, text[start:j])
			start, i = j, j
		}
	}
	if start < len(text) {
		out = append(out, text[start:])
	}
	return out
}

// wordEnds are the byte offsets where words end.
func wordEnds(text string) []int {
	var ends []int
	for i := 1; i < len(text); i++ {
		if text[i] == ' ' && text[i-1] != ' ' {
			ends = append(ends, i)
		}
	}
	return ends
}

// emphasize escapes s and bolds every whole-word occurrence of the matched
// terms (ASCII case-insensitive). Bold markers only ever wrap escaped text,
// so Markdown in the clause itself cannot unbalance them.
func emphasize(s string, matched []string) string {
	spans := matchSpans(s, matched)
	if len(spans) == 0 {
		return escapeMarkdown(s)
	}
	var b strings.Builder
	prev := 0
	for _, sp := range spans {
		b.WriteString(escapeMarkdown(s[prev:sp[0]]))
		b.WriteString("**")
		b.WriteString(escapeMarkdown(s[sp[0]:sp[1]]))
		b.WriteString("**")
		prev = sp[1]
	}
	b.WriteString(escapeMarkdown(s[prev:]))
	return b.String()
}

// matchSpans finds non-overlapping whole-word occurrences of terms in s,
// longest term first at each position, merging spans that touch or are
// separated by spaces only (two bold runs back to back would read as
// "****"; "**a** **b**" reads worse than "**a b**").
func matchSpans(s string, terms []string) [][2]int {
	var ts []string
	for _, t := range terms {
		if t = strings.TrimSpace(t); t != "" && len(t) <= 200 {
			ts = append(ts, asciiLower(t))
		}
	}
	if len(ts) == 0 {
		return nil
	}
	ls := asciiLower(s)
	var spans [][2]int
	for i := 0; i < len(ls); {
		if i > 0 && isWordByte(ls, i-1) && isWordStart(ls, i) {
			i++
			continue
		}
		best := 0
		for _, t := range ts {
			if len(t) > best && strings.HasPrefix(ls[i:], t) && !isWordStart(ls, i+len(t)) {
				best = len(t)
			}
		}
		if best == 0 {
			_, w := utf8.DecodeRuneInString(ls[i:])
			i += w
			continue
		}
		if n := len(spans); n > 0 && strings.Trim(ls[spans[n-1][1]:i], " ") == "" {
			spans[n-1][1] = i + best
		} else {
			spans = append(spans, [2]int{i, i + best})
		}
		i += best
	}
	return spans
}

func isWordStart(s string, i int) bool {
	if i >= len(s) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

func isWordByte(s string, i int) bool {
	r, _ := utf8.DecodeLastRuneInString(s[:i+1])
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

func asciiLower(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'A' && c <= 'Z' {
			b := []byte(s)
			for j := i; j < len(b); j++ {
				if b[j] >= 'A' && b[j] <= 'Z' {
					b[j] += 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return s
}
