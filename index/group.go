package index

import (
	"strings"
	"unicode"
)

// groupVersions shows a clause that several documents share once: the
// best-scoring copy, naming the others in AlsoIn. Versions of a license
// repeat most of their text ("Additional Commercial Terms" is §2 of Llama 2,
// 3, 3.1, 3.2, 3.3 and 4, differing only in the version named), and six
// copies of one clause push everything else off the page. Only documents
// of one family group: Gemma's policy bans "Engaging in the unauthorized
// … practice of any profession" where Llama's says "Engage", and a hit
// naming the other as the same text would quote it wrongly. Order is
// kept; every hit leaves with a non-nil AlsoIn.
func groupVersions(hits []Hit, family func(doc string) string) []Hit {
	out := make([]Hit, 0, len(hits))
	words := make([]map[string]int, 0, len(hits))
	for _, h := range hits {
		w := clauseWords(h.Text)
		dup := -1
		for i := range out {
			if out[i].Doc != h.Doc && sameFamily(family, out[i].Doc, h.Doc) && sameWords(words[i], w) {
				dup = i
				break
			}
		}
		if dup >= 0 {
			out[dup].AlsoIn = append(out[dup].AlsoIn, Location{Doc: h.Doc, Section: h.Section})
			continue
		}
		h.AlsoIn = []Location{}
		out = append(out, h)
		words = append(words, w)
	}
	return out
}

func sameFamily(family func(string) string, a, b string) bool {
	f := family(a)
	return f != "" && f == family(b)
}

// clauseWords counts the words of a clause as compared across versions:
// case, curly quotes and Markdown emphasis folded, and words holding a
// digit (the version: "Llama 3.1", "2024") left out.
func clauseWords(text string) map[string]int {
	out := map[string]int{}
	for _, w := range strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '.'
	}) {
		w = strings.Trim(w, ".")
		if w == "" || hasDigit(w) {
			continue
		}
		out[w]++
	}
	return out
}

// sameWords reports whether two clauses differ by at most a few words —
// the product's name ("Meta Llama 3" against "Llama 2") — and no more than
// one word in twenty.
func sameWords(a, b map[string]int) bool {
	diff, total := 0, 0
	for w, n := range a {
		diff += absInt(n - b[w])
		total += n
	}
	for w, n := range b {
		if _, ok := a[w]; !ok {
			diff += n
		}
	}
	return total > 0 && diff <= max(2, total/20)
}

func absInt(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
