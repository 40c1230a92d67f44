package index

import (
	"regexp"
	"slices"
	"strings"
)

// A question may ask what a license means by one of its words: "what is a
// derivative work?", "what counts as a covered work?", "does a LoRA count
// as a model derivative?". The answer is the clause that defines the word
// ("'Derivative Works' shall mean …"), and no card's verdict: a verdict on
// modifying the work would answer "may I?", not "what is?".

// definition is a term a clause defines, as stems.
type definition struct {
	ref   string   // "doc#section"
	stems []string // the term's stems, in order
}

// The terms a clause opens by defining: what it quotes (quoted, as a
// question's quotes are read) before "means" or "shall mean" near its
// start ("“Llama Materials” means", "A \"covered work\" means",
// "\"Distribution\" or \"Distribute\" means"), or an unquoted capitalised
// term right before it ("NonCommercial means", "Adapted Material means").
var (
	definesQuoted = regexp.MustCompile(`^[^.;:]{0,80}?\b(?:shall\s+)?means?\b`)
	plainTerm     = regexp.MustCompile(`^((?:[A-Z][A-Za-z-]*\s+){0,3}[A-Z][A-Za-z-]*)\s+means\b`)
)

// definitionsOf returns the terms the clause with text defines, each as
// its words.
func definitionsOf(text string) []string {
	text = strings.TrimSpace(text)
	head := definesQuoted.FindString(text)
	if head == "" {
		return nil
	}
	terms := quoted(head)
	if len(terms) == 0 {
		if m := plainTerm.FindStringSubmatch(text); m != nil {
			terms = append(terms, m[1])
		}
	}
	return terms
}

// indexDefinitions gathers, per document, the terms its clauses define.
func (s *snapshot) indexDefinitions() {
	s.definitions = map[string][]definition{}
	for _, c := range s.m.Clauses {
		for _, term := range definitionsOf(c.Text) {
			if st := s.stems(term); len(st) > 0 {
				s.definitions[c.Doc] = append(s.definitions[c.Doc], definition{ref: c.Doc + "#" + c.Section, stems: st})
			}
		}
	}
}

// asksMeaning finds where a question asks what a term means, and returns
// the words that name the term: "what is a derivative work" → "derivative
// work", "does a LoRA count as a model derivative" → "model derivative".
var asksMeaning = regexp.MustCompile(`(?i)\b(?:what\s+(?:is|are|'s|’s)|what\s+counts\s+as|what\s+qualifies\s+as|what\s+constitutes|` +
	`considered(?:\s+to\s+be)?|definition\s+of|define|defines|meaning\s+of|meant\s+by|` +
	`counts?\s+as|counted\s+as|qualif(?:y|ies)\s+as)\s+(?:(?:a|an|the)\s+)?([^?.,;:!]+)`)

// meaningOf asks what "X" means: "what does derivative work mean".
var meaningOf = regexp.MustCompile(`(?i)\bwhat\s+(?:does|do)\s+(?:(?:a|an|the)\s+)?(?:term\s+|word\s+)?([^?.,;:!]+?)\s+mean\b`)

// definitionAsked returns the clause of l that defines the term the
// question asks the meaning of, if it asks one and l defines it: every
// stem of the defined term among the words the question names it with,
// up to the end of the sentence or a comma, and no other (besides l's
// name and generic words such as "use" and "model"): "what are the
// outputs and who owns them?" asks more than a meaning. The longest such
// term wins ("Derivative Works" over "Work").
func (s *snapshot) definitionAsked(r *reading, l *licenseMeta) (Hit, bool) {
	var asked []string
	for _, m := range asksMeaning.FindAllStringSubmatch(r.text, -1) {
		asked = append(asked, m[1])
	}
	for _, m := range meaningOf.FindAllStringSubmatch(r.text, -1) {
		asked = append(asked, m[1])
	}
	if len(asked) == 0 {
		return Hit{}, false
	}
	s.definitionsOnce.Do(s.indexDefinitions)
	aside := func(w string) bool { return s.nameStems[l.Key][w] || genericWords[w] }
	best, bestLen := "", 0
	for _, phrase := range asked {
		st := slices.DeleteFunc(s.stems(phrase), aside)
		for _, doc := range l.Docs {
			for _, d := range s.definitions[doc] {
				// The license's name in a term is the license's too
				// ("Llama Materials"), and a generic word no word of
				// the term ("Model Derivatives").
				term := slices.DeleteFunc(slices.Clone(d.stems), aside)
				if len(term) > bestLen && len(st) == len(term) && containsAll(st, term) {
					best, bestLen = d.ref, len(term)
				}
			}
		}
	}
	if best == "" {
		return Hit{}, false
	}
	return s.hit(best)
}

// countsAs asks whether something counts as one of the license's terms:
// "does that count as an adaptation", "is it considered modifying". Not
// "what is X", which asks X's meaning, alone (definitionAsked) or with more
// ("what are the outputs and who owns them?").
var countsAs = regexp.MustCompile(`(?i)\b(?:counts?\s+as|counted\s+as|considered(?:\s+to\s+be)?|qualif(?:y|ies)\s+as|deemed)\s+` +
	`(?:(?:a|an|the)\s+)?([^?.,;:!]+)`)

// isA asks whether something is one of the license's terms: "is that an
// adaptation", "is the 7b a derivative then", "are these a modified
// version".
var isA = regexp.MustCompile(`(?i)\b(?:is|are)\s+(?:it|this|that|these|those|they|(?:the|a|an|my|our)\s+[\w-]+(?:\s+[\w-]+)?)\s+(?:a|an)\s+([^?.,;:!]+)`)

// isBare asks the same without an article, in a few words closing the
// question or a clause of it: "is that commercial?", "is it still
// non-commercial use, or …", "does the ad banner make it commercial?".
// Not "is it possible to …", which runs on, nor "is it ok to share?"
// (asksLeave).
var isBare = regexp.MustCompile(`(?i)\b(?:(?:is|are)\s+(?:it|this|that|these|those|they)|makes?\s+(?:it|this|that|(?:the|my|our)\s+[\w-]+))\s+` +
	`(?:still\s+|really\s+|too\s+|then\s+)?((?:[\w-]+\s+){0,2}[\w-]+)\s*(?:[?.,;:!]|\s+or\b|$)`)

// asksLeave reports whether the words isBare took ask whether something
// may be done, not what it is: "ok to share", "legal to distribute",
// "allowed" (permissionWords).
func asksLeave(phrase string) bool {
	ws := letterWords(phrase)
	return len(ws) == 0 || slices.Contains(ws, "to") || permissionWords[ws[0]]
}

// termLed returns the clauses of l defining the term a question asks
// whether something counts as ("does that count as an adaptation", "is
// quantizing it considered modifying", "is the student a Model
// Derivative"), as a set of one, or nil: the definition whose term holds
// the first word the question names it by, and most of the others (the
// shortest term among equals). Unlike definitionAsked, the question may
// say more than the term, and the definition only leads the clauses
// (askedFirst).
func (s *snapshot) termLed(r *reading, l *licenseMeta) map[string]bool {
	if r.termFor == l.Key {
		return r.term
	}
	r.termFor, r.term = l.Key, nil
	var asked []string
	for _, re := range []*regexp.Regexp{countsAs, isA, isBare} {
		for _, m := range re.FindAllStringSubmatch(r.text, -1) {
			if re == isBare && asksLeave(m[1]) {
				continue // "is it ok to distribute?" asks may I
			}
			asked = append(asked, m[1])
		}
	}
	if len(asked) == 0 {
		return nil
	}
	s.definitionsOnce.Do(s.indexDefinitions)
	aside := func(w string) bool { return s.nameStems[l.Key][w] || genericWords[w] }
	best, bestN, bestLen := "", 0, 0
	for _, phrase := range asked {
		named := joinNon(s.stems(phrase))
		st := slices.DeleteFunc(slices.Clone(named), aside)
		if len(st) == 0 {
			// The license's name may be the term: "is that
			// non-commercial?" of CC BY-NC.
			st = slices.DeleteFunc(named, func(w string) bool { return genericWords[w] })
		}
		if len(st) == 0 {
			continue
		}
		for _, doc := range l.Docs {
			for _, d := range s.definitions[doc] {
				if !termHolds(d.stems, st[0]) {
					continue
				}
				n := 0
				for _, w := range st {
					if termHolds(d.stems, w) {
						n++
					}
				}
				if n > bestN || n == bestN && len(d.stems) < bestLen {
					best, bestN, bestLen = d.ref, n, len(d.stems)
				}
			}
		}
	}
	if best != "" {
		r.term = map[string]bool{best: true}
	}
	return r.term
}

// termHolds reports whether a term's stems hold w, or w after "non":
// whether a use is commercial is asked of "NonCommercial".
func termHolds(term []string, w string) bool {
	return slices.ContainsFunc(term, func(t string) bool {
		return t == w || len(w) > 3 && strings.TrimPrefix(t, "non") == w
	})
}

// joinNon joins a "non" to the stem after it, as "non-commercial" is
// "noncommercial".
func joinNon(st []string) []string {
	for i := 0; i+1 < len(st); i++ {
		if st[i] == "non" {
			st = slices.Replace(st, i, i+2, "non"+st[i+1])
		}
	}
	return st
}
