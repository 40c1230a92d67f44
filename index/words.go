package index

import (
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

// residual is what the user typed besides the phrase, generic words and
// the license's own name ("can I use llama 4 to build weapons" → "build
// weapons"), or "" when nothing is left.
func (s *snapshot) residual(text string, l *licenseMeta, phrase []string) string {
	gone := map[string]bool{}
	for _, p := range phrase {
		gone[p] = true
	}
	return s.withoutFunc(text, func(st string) bool { return gone[st] || genericWords[st] || s.nameStems[l.Key][st] })
}

// without drops from text the words whose stems are all in drop.
func (s *snapshot) without(text string, drop []string) string {
	gone := map[string]bool{}
	for _, d := range drop {
		gone[d] = true
	}
	return s.withoutFunc(text, func(st string) bool { return gone[st] })
}

// withoutFunc drops from text the words all of whose stems drop says to.
// The text is analysed once; each token is charged to the word it starts
// in.
func (s *snapshot) withoutFunc(text string, drop func(string) bool) string {
	toks := s.analyzer.Analyze([]byte(text))
	var keep []string
	t := 0
	for start := 0; start < len(text); {
		for start < len(text) && unicode.IsSpace(rune(text[start])) {
			start++
		}
		end := start
		for end < len(text) && !unicode.IsSpace(rune(text[end])) {
			end++
		}
		if start == end {
			break
		}
		all, any := true, false
		for ; t < len(toks) && toks[t].Start < end; t++ {
			any = true
			all = all && drop(string(toks[t].Term))
		}
		if !any || !all {
			keep = append(keep, text[start:end])
		}
		start = end
	}
	return strings.Join(keep, " ")
}
