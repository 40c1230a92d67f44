package index

import (
	"maps"
	"slices"
	"strings"
	"unicode"

	"github.com/licensebot/licensebot/corpus"
)

// The stemmer folds words of different meanings into one stem: "terminal"
// and "termination" are both "termin", "government" and "governing" both
// "govern". A question that says "terminal" was read as one on the
// license's termination, and "government" as one on its governing law
// (hunt 13: 18 wrong verdicts over nine licenses). WordNet does not tell
// them apart ("government" is a derivation of "govern" there); what
// people ask does. The build keeps, for each topic, the forms in which
// its words are written by its names, its cards and the training
// questions labelled with it ("governed", "governing law"; "government"
// in 2 of 20), and a verdict rests on no word of the topic's that only
// shares their stem (strangeForm).

// attestForms returns, for each topic, the sorted lower-case forms of the
// English words that share a stem with its one-word names (see
// oneWordNames) as its label, aliases, terms, instances and expansions
// write them, as its cards' summaries and the clauses they cite do, and as
// the training questions (qs) labelled with it do where at least a
// quarter of the questions that use the form are about the topic
// ("governs" is, 54 of 56; "government" is not, 2 of 20), and their
// derivations in WordNet (lex).
func attestForms(m *meta, qs []corpus.Question, lex []corpus.LexRow) map[string][]string {
	stems := memoStems(buildStems())
	fa := &formAttester{stems: stems, names: oneWordNames(stems, m.Topics), seen: map[string]map[string]bool{}}
	fa.attestNames(m)
	uses, about := fa.count(qs)
	for t, fs := range about {
		for f, n := range fs {
			if 4*n >= uses[f] {
				fa.attest(t, f)
			}
		}
	}
	fa.attestDerived(lex, uses, about)
	out := make(map[string][]string, len(fa.seen))
	for t, fs := range fa.seen {
		out[t] = slices.Sorted(maps.Keys(fs))
	}
	return out
}

// formAttester gathers attestForms' forms: seen[topic][form].
type formAttester struct {
	stems func(string) []string
	names map[string]map[string]bool // oneWordNames
	seen  map[string]map[string]bool
}

// carries reports whether the form f shares a stem with a one-word name
// of topic.
func (fa *formAttester) carries(topic, f string) bool {
	return slices.ContainsFunc(fa.stems(f), func(st string) bool { return fa.names[topic][st] })
}

func (fa *formAttester) attest(topic, f string) {
	if fa.seen[topic] == nil {
		fa.seen[topic] = map[string]bool{}
	}
	fa.seen[topic][f] = true
}

// attestText attests the forms of text that carry topic.
func (fa *formAttester) attestText(topic, text string) {
	for _, f := range englishForms(text) {
		if fa.carries(topic, f) {
			fa.attest(topic, f)
		}
	}
}

// attestNames attests the forms of each topic's names, and of its cards'
// summaries and the clauses they cite: "non-sublicensable" of CC BY's
// grant attests "sublicensable", which few ask in.
func (fa *formAttester) attestNames(m *meta) {
	for _, t := range m.Topics {
		for _, p := range slices.Concat([]string{t.Label}, t.Aliases, t.Terms, t.Instances, t.Expand) {
			fa.attestText(t.ID, p)
		}
	}
	clause := make(map[string]string, len(m.Clauses))
	for _, c := range m.Clauses {
		clause[c.Doc+"#"+c.Section] = c.Text
	}
	for _, cards := range m.Cards {
		for t, c := range cards {
			fa.attestText(t, c.Summary)
			for _, ref := range c.Refs {
				fa.attestText(t, clause[ref])
			}
		}
	}
}

// count returns how many of qs use each form, and how many of those are
// labelled with each topic whose name the form carries.
func (fa *formAttester) count(qs []corpus.Question) (uses map[string]int, about map[string]map[string]int) {
	uses, about = map[string]int{}, map[string]map[string]int{}
	for _, q := range qs {
		fs := englishForms(q.Text())
		slices.Sort(fs)
		for _, f := range slices.Compact(fs) {
			uses[f]++
			for _, t := range q.Topics {
				if fa.names[t] != nil && fa.carries(t, f) {
					if about[t] == nil {
						about[t] = map[string]int{}
					}
					about[t][f]++
				}
			}
		}
	}
	return uses, about
}

// attestDerived attests WordNet's derivations of the forms attested so far
// ("monetization" of "monetize", "weaponize" of "weapon"), but for those
// the questions use in another sense: at least four of them, fewer than a
// quarter about the topic ("government" of "govern").
func (fa *formAttester) attestDerived(lex []corpus.LexRow, uses map[string]int, about map[string]map[string]int) {
	der := map[string][]string{}
	for _, row := range lex {
		if row.Relation == "der" {
			der[row.Word] = append(der[row.Word], row.Related...)
		}
	}
	for t, fs := range fa.seen {
		for _, f := range slices.Sorted(maps.Keys(fs)) {
			for _, d := range der[f] {
				if n := about[t][d]; fa.carries(t, d) && !(uses[d] >= 4 && 4*n < uses[d]) {
					fa.attest(t, d)
				}
			}
		}
	}
}

// oneWordNames returns the stems of each topic's names and search terms
// that are one word alone ("terminate", "governed"), the generic and
// asking words aside: the words that carry a topic by themselves, not
// "happens" of "what happens if i violate".
func oneWordNames(stems func(string) []string, topics []corpus.Topic) map[string]map[string]bool {
	out := make(map[string]map[string]bool, len(topics))
	for _, t := range topics {
		set := map[string]bool{}
		for _, p := range slices.Concat([]string{t.Label}, t.Aliases, t.Terms, t.Expand) {
			if st := stems(p); len(st) == 1 && !genericWords[st[0]] && !askingWords[st[0]] {
				set[st[0]] = true
			}
		}
		out[t.ID] = set
	}
	return out
}

// englishForms returns text's runs of ASCII letters, lower-cased: the
// words whose forms are compared (a word in another script is not).
func englishForms(text string) []string {
	return strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return r < 'a' || r > 'z' })
}

// inflectionBases returns the forms an English word may be an inflection
// of, itself first: "terminated" may be "terminate", "terminat" or
// "terminated"; "policies" "policy". Two words are one word inflected
// when their bases meet. Derivations ("terminal", "government") are
// different words, but for "-able", which says the verb can be done:
// "terminable" meets "terminate", "distributable" "distribute".
func inflectionBases(w string) []string {
	out := []string{w}
	cut := func(suffix string, adds ...string) {
		if stem, ok := strings.CutSuffix(w, suffix); ok && len(stem) >= 2 {
			for _, a := range adds {
				out = append(out, stem+a)
			}
			// A doubled consonant before the ending: "stopped", "stopping".
			if n := len(stem); n >= 3 && stem[n-1] == stem[n-2] && !strings.ContainsRune("aeiou", rune(stem[n-1])) {
				out = append(out, stem[:n-1])
			}
		}
	}
	switch {
	case strings.HasSuffix(w, "ies"):
		cut("ies", "y", "ie")
	case strings.HasSuffix(w, "es"):
		cut("es", "", "e")
	case strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss"):
		cut("s", "")
	case strings.HasSuffix(w, "ied"):
		cut("ied", "y")
	case strings.HasSuffix(w, "ed"):
		cut("ed", "", "e")
	case strings.HasSuffix(w, "ing"):
		cut("ing", "", "e")
	case strings.HasSuffix(w, "able"):
		cut("able", "", "e", "ate")
	case strings.HasSuffix(w, "ible"):
		cut("ible", "", "e")
	}
	if stem, ok := strings.CutSuffix(w, "e"); ok && len(stem) >= 2 {
		out = append(out, stem) // "terminate" meets "terminating"'s "terminat"
	}
	return out
}

// attestedBases is forms' inflection bases, by topic: what strangeForm
// looks a question's word up in.
func attestedBases(forms map[string][]string) map[string]map[string]bool {
	out := make(map[string]map[string]bool, len(forms))
	for t, fs := range forms {
		set := map[string]bool{}
		for _, f := range fs {
			for _, b := range inflectionBases(f) {
				set[b] = true
			}
		}
		out[t] = set
	}
	return out
}

// strangeForm reports whether every English word of the question that
// shares a stem with topic's one-word names, l's name aside, is written in
// a form that is not attested for it (see attestForms): "terminal" of
// termination, "government" of governing law. One word in an attested
// form ("can the government revoke it?": "revoke") keeps the verdict.
func (s *snapshot) strangeForm(r *reading, l *licenseMeta, topic string) bool {
	bases, names := s.attested[topic], s.oneWord[topic]
	if bases == nil {
		return false
	}
	strange := false
	for _, w := range s.wordsOf(r) {
		if !slices.ContainsFunc(w.stems, func(st string) bool { return names[st] && !s.nameStems[l.Key][st] }) {
			continue
		}
		// Most words are an attested form as written: looked up without
		// splitting or inflecting, which allocate.
		if bases[strings.ToLower(strings.TrimFunc(w.text, unicode.IsPunct))] {
			return false
		}
		fs, ok := letterForms(w.text)
		if !ok || slices.ContainsFunc(fs, func(f string) bool {
			return slices.ContainsFunc(inflectionBases(f), func(b string) bool { return bases[b] })
		}) {
			return false // attested, or not a word compared: "700M", "non-termination", "商用"
		}
		strange = true
	}
	return strange
}

// letterForms returns the parts of the word w, lower-cased, without the
// punctuation around it and a possessive, split at hyphens and slashes
// ("government's": "government"; "terminal-based": "terminal", "based"),
// if each is all ASCII letters: only such words are compared by form, as
// the build splits the questions' words (englishForms).
func letterForms(w string) ([]string, bool) {
	f := strings.ToLower(strings.TrimFunc(w, func(r rune) bool { return unicode.IsPunct(r) || unicode.IsSymbol(r) }))
	for _, p := range []string{"'s", "’s"} {
		f = strings.TrimSuffix(f, p)
	}
	parts := strings.FieldsFunc(f, func(r rune) bool { return r == '-' || r == '/' })
	if len(parts) == 0 {
		return nil, false
	}
	for _, p := range parts {
		for i := 0; i < len(p); i++ {
			if p[i] < 'a' || p[i] > 'z' {
				return nil, false
			}
		}
	}
	return parts, true
}
