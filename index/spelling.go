package index

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/licensebot/licensebot/corpus"
)

// People write "licence", "authorise" and "defence"; the texts and the
// taxonomy mostly spell them the American way, and the stems differ
// ("licenc", "licens"), so a British spelling read as a word the question
// model hardly knew: "licence attribution" of CC BY got no verdict where
// "license attribution" got REQUIRED (probe 35). A question is read with
// each British spelling replaced by its American one. The pairs come from
// WordNet (corpus/lexicon.tsv): two synonyms one of which is the other
// with one of English's spelling alternations, so no pair is guessed.

// spellingVariants maps the start of each British spelling of the
// lexicon to the start of its American synonym ("licenc" → "licens"),
// where the corpus's own words (the texts and the taxonomy, counted in
// words) use the American one more: WordNet also pairs "advertise" with
// "advertize", which no text uses. respell rewrites the forms sharing
// that start (licences, licenced, licencing) with it.
func spellingVariants(lex []corpus.LexRow, corpusWords map[string]int) map[string]string {
	out := map[string]string{}
	for _, row := range lex {
		if row.Relation != "syn" {
			continue
		}
		for _, syn := range row.Related {
			b, a := row.Word, syn
			if corpusWords[b] > corpusWords[a] {
				b, a = a, b // the row is the American word's
			}
			if corpusWords[a] <= corpusWords[b] {
				continue
			}
			if bp, ap, ok := americanOf(b, a); ok {
				out[bp] = ap
			}
		}
	}
	return out
}

// wordCounts counts the words (runs of letters, lower case) of texts.
func wordCounts(texts ...[]string) map[string]int {
	n := map[string]int{}
	for _, ts := range texts {
		for _, t := range ts {
			for _, w := range strings.FieldsFunc(strings.ToLower(t), func(r rune) bool { return !unicode.IsLetter(r) }) {
				n[w]++
			}
		}
	}
	return n
}

// britishSpellings are English's British → American alternations, each
// tried at every place it occurs in a word.
var britishSpellings = [][2]string{
	{"enc", "ens"},    // licence, defence, offence
	{"is", "iz"},      // authorise, organisation
	{"ys", "yz"},      // analyse
	{"our", "or"},     // colour, behaviour
	{"tre", "ter"},    // centre
	{"lled", "led"},   // labelled (not "distill", American for "distil")
	{"lling", "ling"}, // modelling
	{"ller", "ler"},   // traveller
	{"ogue", "og"},    // catalogue
	{"mme", "m"},      // programme
	{"eable", "able"}, // licenceable
}

// americanOf reports whether american is british with one alternation
// made at one place, and if so the two words up to the alternation's end
// ("licenc", "licens"), which their other forms share.
func americanOf(british, american string) (bPrefix, aPrefix string, ok bool) {
	for _, p := range britishSpellings {
		for i := 0; ; {
			j := strings.Index(british[i:], p[0])
			if j < 0 {
				break
			}
			at := i + j
			if british[:at]+p[1]+british[at+len(p[0]):] == american {
				return british[:at+len(p[0])], american[:at+len(p[1])], true
			}
			i = at + 1
		}
	}
	return "", "", false
}

// respell replaces each word of text that starts with a British
// spelling variants knows, and ends in one of the endings English forms
// words with, by its American spelling (in lower case: the analyzer lowers
// it anyway): "Licences" → "licenses", "authorising" → "authorizing".
func respell(text string, variants map[string]string) string {
	if len(variants) == 0 {
		return text
	}
	var b strings.Builder
	changed := false
	for i := 0; i < len(text); {
		j := i + spanFunc(text[i:], unicode.IsLetter)
		if j == i {
			_, size := utf8.DecodeRuneInString(text[i:])
			b.WriteString(text[i : i+size])
			i += size
			continue
		}
		w := text[i:j]
		if v, ok := american(strings.ToLower(w), variants); ok {
			b.WriteString(v)
			changed = true
		} else {
			b.WriteString(w)
		}
		i = j
	}
	if !changed {
		return text
	}
	return b.String()
}

// american is w's American spelling, if w is a British start variants
// knows followed by an ending.
func american(w string, variants map[string]string) (string, bool) {
	for _, end := range wordEndings {
		start, ok := strings.CutSuffix(w, end)
		if !ok {
			continue
		}
		if a, ok := variants[start]; ok {
			return a + end, true
		}
	}
	return "", false
}

// wordEndings are the endings a spelling's other forms add to its start:
// "licenc" + "e", "es", "ed", "ing".
var wordEndings = []string{"", "e", "es", "s", "ed", "d", "ing", "er", "ers", "al", "ation", "ations", "ment"}

// corpusWords counts the words of c's texts and taxonomy.
func corpusWords(c *corpus.Corpus) map[string]int {
	var texts, topics []string
	for _, cs := range c.Clauses {
		for _, cl := range cs {
			texts = append(texts, cl.Text)
		}
	}
	for _, t := range c.Topics.Topics {
		topics = append(topics, t.Label)
		topics = append(topics, t.Aliases...)
		topics = append(topics, t.Instances...)
		topics = append(topics, t.Expand...)
	}
	return wordCounts(texts, topics)
}
