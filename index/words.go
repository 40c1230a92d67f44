package index

import (
	"slices"
	"strings"
	"unicode"
)

// genericWords say nothing about which clause is meant: every license is
// about using, allowing and people. They are left out when the words around
// a topic phrase are weighed.
var genericWords = map[string]bool{
	"use": true, "us": true, "usag": true, "allow": true, "need": true, "want": true, "peopl": true,
	"someon": true, "anyon": true, "model": true, "licens": true, "ok": true, "okai": true, "legal": true,
}

// askedAbout returns stems without the words of asking and the generic
// ones ("can", "use"): what a question asks about, in its order.
func askedAbout(stems []string) []string {
	return slices.DeleteFunc(slices.Clone(stems), func(w string) bool { return askingWords[w] || genericWords[w] })
}

// residualOf is what the user typed besides the stems gone (a topic's
// vocabulary, or nil), generic words and the license's own name ("can I
// use llama 4 to build weapons" → "build weapons"), or "" when nothing is
// left, from the text's words.
func (s *snapshot) residualOf(ws []word, l *licenseMeta, gone map[string]bool) string {
	return keepWords(ws, func(w word, st string) bool {
		// A name's stem as the name writes it: "internal" is no word of
		// "International"; a size goes with the name it is written in
		// ("llama-2-70b").
		return gone[st] || genericWords[st] || s.nameStems[l.Key][st] && s.writtenAsName(w, l) || s.allNameStems(w, l)
	})
}

// without drops from text the words whose stems are all in drop.
func (s *snapshot) without(text string, drop []string) string {
	gone := map[string]bool{}
	for _, d := range drop {
		gone[d] = true
	}
	return keepWords(s.words(text), func(_ word, st string) bool { return gone[st] })
}

// word is one space-separated word of a text and the stems it analyses
// to (none for a stop word).
type word struct {
	text  string
	stems []string
}

// words analyses text once into its words; each token is charged to the
// word it starts in.
func (s *snapshot) words(text string) []word {
	toks := s.analyzer.Analyze([]byte(text))
	var out []word
	t := 0
	for start := 0; start < len(text); {
		// By rune: a byte of "à" (C3 A0) is no space, though A0 alone is.
		start += spanFunc(text[start:], unicode.IsSpace)
		end := start + spanFunc(text[start:], func(r rune) bool { return !unicode.IsSpace(r) })
		if start == end {
			break
		}
		w := word{text: text[start:end]}
		for ; t < len(toks) && toks[t].Start < end; t++ {
			w.stems = append(w.stems, string(toks[t].Term))
		}
		out = append(out, w)
		start = end
	}
	return out
}

// spanFunc is the length in bytes of text's longest prefix of runes
// that f accepts.
func spanFunc(text string, f func(rune) bool) int {
	if i := strings.IndexFunc(text, func(r rune) bool { return !f(r) }); i >= 0 {
		return i
	}
	return len(text)
}

// keepWords joins the words not all of whose stems drop says to drop.
func keepWords(ws []word, drop func(w word, st string) bool) string {
	var keep []string
	for _, w := range ws {
		if len(w.stems) == 0 || slices.ContainsFunc(w.stems, func(st string) bool { return !drop(w, st) }) {
			keep = append(keep, w.text)
		}
	}
	return strings.Join(keep, " ")
}

// containsAll reports whether have holds every one of want.
func containsAll(have, want []string) bool {
	for _, w := range want {
		if !slices.Contains(have, w) {
			return false
		}
	}
	return true
}
