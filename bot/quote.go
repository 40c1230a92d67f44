package bot

// Quoting verbatim text: clause text shown exactly as written, Markdown
// escaped, matched words in bold, cut at a sentence when too long.

import (
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/licensebot/licensebot/corpus"
	"github.com/licensebot/licensebot/index"
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

// quoteBlock renders a clause as a Discord quote block of at most budget
// characters. A clause that introduces a list carries its items inside the
// same block, one a line under its label (`a.i`), whole items while they
// fit and the next cut at a sentence; a line after the block counts the
// items left out, so a list is never shown as if it ended early.
func quoteBlock(h index.Hit, budget int) string {
	// An item of a list is shown under the end of the list's lead-in,
	// which it does not say alone ("You must not use any of the Gemma
	// Services:" before "in violation of applicable laws and
	// regulations."), when the field has room for both.
	if lead := leadLine(h); lead != "" {
		if budget-textLen(lead) >= minQuoteAfterLead {
			h.Lead = ""
			return lead + quoteBlock(h, budget-textLen(lead))
		}
	}
	intro, items := clauseParts(h)
	if len(items) == 0 {
		quote := renderQuote(intro, h.Matched, budget-2)
		v := "> " + strings.ReplaceAll(quote, "\n", "\n> ")
		if textLen(v) > budget { // line breaks grew it; recut plainly
			v = "> " + renderQuote(strings.ReplaceAll(intro, "\n", " "), h.Matched, budget-2)
		}
		return v
	}
	return listBlock(h, intro, items, "> ", budget, leftOutNote)
}

// leadLine is the line an item of a list is shown under: the end of its
// list's lead-in, in italics; "" for a clause that is no item.
func leadLine(h index.Hit) string {
	if in := h.LeadIn(leadInMax); in != "" {
		return "*" + escapeMarkdown(in) + "*\n"
	}
	return ""
}

// leadInMax is the most of a list's lead-in shown above one of its items,
// and minQuoteAfterLead the room the item's quote keeps beside it.
const (
	leadInMax         = 160
	minQuoteAfterLead = 120
)

// listBlock renders a clause's intro and its items, each line opened by
// prefix ("> " inside a quote block, "" for a whole clause), within budget.
// more says how many items were left out and where to read them. A list
// too long for budget shows, where the answer points to some of its items
// (Focus: "fake reviews" of a policy of 33 bans), those items and the
// items they belong to, rather than the first ones. The focus is best
// first: where its items do not all fit whole, the weakest are let go
// rather than the best, which the list's order may put last.
func listBlock(h index.Hit, intro string, items []index.Hit, prefix string, budget int, more func(int) string) string {
	v, whole := listItems(h, intro, items, nil, prefix, budget, more)
	if whole || len(h.Focus) == 0 {
		return v
	}
	for k := len(h.Focus); k > 1; k-- {
		if v, whole := listItems(h, intro, items, focusShown(items, h.Focus[:k]), prefix, budget, more); whole {
			return v
		}
	}
	v, _ = listItems(h, intro, items, focusShown(items, h.Focus[:1]), prefix, budget, more)
	return v
}

// focusShown is the set of sections of items to show for focus: each
// focused item and the items it is nested in ("3" for "3.f").
func focusShown(items []index.Hit, focus []string) map[string]bool {
	shown := map[string]bool{}
	for _, f := range focus {
		for _, it := range items {
			if it.Section == f || strings.HasPrefix(f, it.Section+".") {
				shown[it.Section] = true
			}
		}
	}
	return shown
}

// listItems is listBlock showing only the items whose sections shown
// holds (every item when shown is nil); whole reports whether every item
// it was to show was shown in full.
func listItems(h index.Hit, intro string, items []index.Hit, shown map[string]bool, prefix string, budget int, more func(int) string) (v string, whole bool) {
	room := budget - max(textLen(more(len(items))), textLen(listContinues))
	if room < minItemCut { // no room for items: the intro, and how many there are
		if q := quoteLines(intro, h.Matched, prefix, room); q != "" {
			return q + more(len(items)), false
		}
		return quoteLines(intro, h.Matched, prefix, budget), false
	}
	var b strings.Builder
	b.WriteString(quoteLines(intro, h.Matched, prefix, room))
	left := 0 // items not shown
	for n, it := range items {
		if shown != nil && !shown[it.Section] {
			left++
			continue
		}
		line := "\n" + prefix + inlineCode(itemLabel(h.Section, it.Section), 40) + " "
		space := room - textLen(b.String()) - textLen(line)
		text := strings.ReplaceAll(firstNonEmpty(it.Display, it.Text), "\n", " ")
		if whole := quoteLines(text, h.Matched, "", wholeItem); textLen(whole) <= space {
			b.WriteString(line + whole)
			continue
		}
		rest := len(items) - n
		if shown != nil {
			rest = left + len(items) - n
		}
		if cut := quoteLines(text, h.Matched, "", space); space >= minItemCut && cut != "" {
			b.WriteString(line + cut)
			rest--
		}
		if rest > 0 {
			b.WriteString(more(rest))
		}
		return strings.TrimPrefix(b.String(), "\n"), false
	}
	if left > 0 {
		b.WriteString(more(left))
		return strings.TrimPrefix(b.String(), "\n"), true
	}
	if last := items[len(items)-1]; strings.HasSuffix(strings.TrimSpace(firstNonEmpty(last.Display, last.Text)), ":") {
		b.WriteString(listContinues) // the index quotes a list only so far
	}
	return strings.TrimPrefix(b.String(), "\n"), true // a group heading has no text of its own
}

// listContinues follows a list whose last item introduces items of its
// own that the answer does not carry: the reader is sent to the text
// rather than left at a colon.
const listContinues = "\n*(the list goes on in the official text)*"

// wholeItem is a budget no item reaches: the item rendered whole.
const wholeItem = 1 << 16

// minItemCut is the least room worth starting an item in: less than that
// reads as noise, so the item is counted as left out instead.
const minItemCut = 80

// leftOutNote follows a list cut short, outside the quote: the reader is
// told how much more the clause says, and where to read it.
func leftOutNote(n int) string {
	if n == 1 {
		return "\n*(1 more item: Full clause)*"
	}
	return "\n*(" + strconv.Itoa(n) + " more items: Full clause)*"
}

// leftInTextNote is leftOutNote for the full clause itself, longer than
// one message can hold: the rest is in the official text.
func leftInTextNote(n int) string {
	if n == 1 {
		return "\n*(1 more item in the official text)*"
	}
	return "\n*(" + strconv.Itoa(n) + " more items in the official text)*"
}

// quoteLines renders text within budget with every line opened by prefix.
func quoteLines(text string, matched []string, prefix string, budget int) string {
	if budget <= textLen(prefix) {
		return ""
	}
	q := renderQuote(text, matched, budget-textLen(prefix))
	v := strings.ReplaceAll(q, "\n", "\n"+prefix)
	if textLen(v) > budget-textLen(prefix) {
		v = renderQuote(strings.ReplaceAll(text, "\n", " "), matched, budget-textLen(prefix))
	}
	if v == "" {
		return ""
	}
	return prefix + v
}

// clauseParts is what a clause shows: its own text (the clean Display of a
// boxed section when set) and the items of the list it introduces. An
// answer's clause carries its items twice, as Items and joined after its
// text (" … " between them, the verbatim form of the JSON contract); the
// joined tail is taken off here so the items are shown once, as a list.
// Items that only continue a sentence the file broke over lines (the
// clause does not end in ":") are joined back into it instead.
func clauseParts(h index.Hit) (string, []index.Hit) {
	text := h.Text
	if len(h.Items) > 0 {
		var tail strings.Builder
		for _, it := range h.Items {
			if it.Text != "" {
				tail.WriteString(" … " + it.Text)
			}
		}
		text = strings.TrimSuffix(text, tail.String())
	}
	text = firstNonEmpty(h.Display, text)
	if t := strings.TrimSpace(text); t == "" || strings.HasSuffix(t, ":") {
		return text, h.Items
	}
	for _, it := range h.Items {
		text += " " + firstNonEmpty(it.Display, it.Text)
	}
	return text, nil
}

// itemLabel labels an item of a list by its section relative to the
// clause that introduces it ("a.i" under 3.a.1), as people read sections.
func itemLabel(parent, sec string) string {
	rel := strings.TrimPrefix(sec, parent+".")
	if l := corpus.SectionLabel(rel); l != "" {
		return l
	}
	return sec
}
