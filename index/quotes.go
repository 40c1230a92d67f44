package index

import (
	"slices"
	"strings"
	"unicode"
)

// quotesUnheld reports whether the question quotes words (in straight or
// curly quotes: "is 'Powered by Llama' required?") and no clause l's card
// on topic cites holds any of its quotes, as a run of words (plurals
// aside: "a 'Model Derivative'" is one of "Model Derivatives"): the card's
// verdict — a permission, a ban or a duty — is on its own terms, and
// would read as the answer for the words quoted. Llama 3 asks for "Built
// with Meta Llama 3", not "Built with Llama", and Llama 4's "Built with
// Llama" is no "Built with Llama 4". One quote held is enough ("is it
// 'Built with Llama' or 'Built with Meta Llama 3'?"), and a quote of one
// word is left alone ("a 'notice' file"), as is one of a name the
// taxonomy gives the topic ("commercial use"), and a fact (INFO), which a
// quote's wording does not change ("it says "governed under PRC law" or
// similar, which courts then?").
func (s *snapshot) quotesUnheld(r *reading, l *licenseMeta, topic string) bool {
	c := s.m.Cards[l.Key][topic]
	if !permitsOrBinds(c.Status) {
		return false
	}
	var runs []string
	for _, q := range quoted(r.text) {
		// A quote of the topic's own name is the question's stress, not
		// the license's words ("MIT for "commercial use"?"), one of l's
		// names says what is asked of ("does the "MIT License" require
		// attribution?"), and a word written with a hyphen is one word
		// ("is 'for-profit' use ok?").
		// Not for a name asked of the card on names, though: there the
		// quote is the name proposed ("must the name start with 'Llama
		// 3.1'?", "can I call it 'SuperChat-Llama'?").
		ws := singularWords(q)
		if len(ws) < 2 || s.topics.namesWhole(topic, s.stems(q)) ||
			topic != topicNaming && (len(strings.Fields(q)) < 2 || s.namesLicense(q, l)) {
			continue
		}
		runs = append(runs, " "+strings.Join(ws, " ")+" ")
	}
	if len(runs) == 0 {
		return false
	}
	for _, ref := range c.Refs {
		h, ok := s.hit(ref)
		if !ok {
			continue
		}
		held := " " + strings.Join(singularWords(h.Text), " ") + " "
		if slices.ContainsFunc(runs, func(run string) bool { return strings.Contains(held, run) }) {
			return false
		}
	}
	return true
}

// topicNaming is the topic of what a derivative model's name must say.
const topicNaming = "derivative-naming"

// namesLicense reports whether every word of q is a word of l's names
// ("MIT License", "Gemma Terms of Use", "CC BY 4.0").
func (s *snapshot) namesLicense(q string, l *licenseMeta) bool {
	return !slices.ContainsFunc(strings.Fields(q), func(w string) bool { return !s.nameTokens[l.Key][foldName(w)] })
}

// quoted returns the runs of text the question puts in quotes. A
// straight single quote opens only where no letter or digit comes before
// it ("('Built with Llama')"), and it or a curly one closes only where no
// letter comes after it, so that "meta's", "don't" and "Meta’s" quote
// nothing and end no quote. Backticks quote too, as Discord writes
// inline code.
func quoted(text string) []string {
	var out []string
	rs := []rune(text)
	for i := 0; i < len(rs); i++ {
		closer, ok := quoteClosers[rs[i]]
		if !ok || (rs[i] == '\'' && i > 0 && inWord(rs[i-1])) {
			continue
		}
		for j := i + 1; j < len(rs); j++ {
			if rs[j] != closer || (closer == '\'' || closer == '’') && j+1 < len(rs) && unicode.IsLetter(rs[j+1]) {
				continue
			}
			if j > i+1 {
				out = append(out, string(rs[i+1:j]))
			}
			i = j
			break
		}
	}
	return out
}

// inWord reports whether r may be part of a word, before which a
// straight single quote is an apostrophe.
func inWord(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// quoteClosers map each opening quote to its closing one: German opens
// low („…“, ‚…‘), French with guillemets.
var quoteClosers = map[rune]rune{'"': '"', '\'': '\'', '`': '`', '“': '”', '‘': '’', '„': '“', '‚': '‘',
	'«': '»', '「': '」'}

// singularWords returns text's runs of letters and digits, lower-cased,
// a plural's "s" dropped from words of more than three letters.
func singularWords(text string) []string {
	ws := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	for i, w := range ws {
		if len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") {
			ws[i] = w[:len(w)-1]
		}
	}
	return ws
}
