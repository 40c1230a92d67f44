package index

import (
	"slices"
	"strings"

	"github.com/licensebot/licensebot/corpus"
)

// Each card cites its clauses "most decisive first", in its author's
// judgement. The labelled training questions say which clause askers needed
// to see: for each license and topic, the cited clause their expected
// phrases point at most often leads, when at least minLeadVotes questions
// agree and it beats the author's first choice. The card's clauses stay
// the same; only their order changes. One vote is enough: cross-validated
// over the training questions, clause choice for the labelled topic is
// 0.849 with one, 0.831 with two, 0.817 with three and 0.808 with none
// (TestAnswersCrossValidated, minLeadVotes set by hand).
const minLeadVotes = 1

func learnLeads(m *meta, qs []corpus.Question, skip map[string]bool) {
	at := clauseIndexes(m)
	folded := map[string]string{}        // ref → its quoted text, folded: asked once per question
	votes := map[string]map[string]int{} // license#topic → ref → questions
	for _, q := range qs {
		if skip[q.ID] || len(q.Topics) == 0 {
			continue
		}
		c, ok := m.Cards[q.License()][q.Topics[0]]
		if !ok {
			continue
		}
		key := q.License() + "#" + q.Topics[0]
		expect := foldedExpects(q.Expect)
		for _, ref := range c.Refs {
			if m.quotesCached(at, folded, ref, expect) {
				if votes[key] == nil {
					votes[key] = map[string]int{}
				}
				votes[key][ref]++
				break // the first cited clause that answers it
			}
		}
	}
	for license, cards := range m.Cards {
		for topic, c := range cards {
			v := votes[license+"#"+topic]
			if len(c.Refs) < 2 || v == nil {
				continue
			}
			best := slices.MaxFunc(c.Refs, func(a, b string) int { return v[a] - v[b] })
			if v[best] >= minLeadVotes && v[best] > v[c.Refs[0]] {
				refs := append([]string{best}, slices.DeleteFunc(slices.Clone(c.Refs), func(r string) bool { return r == best })...)
				c.Authored, c.Refs = c.Refs[0], refs
				cards[topic] = c
			}
		}
	}
}

// quotesCached reports whether the clause ref (found through at), quoted
// with the list it introduces, contains one of the expected phrases,
// keeping each clause's folded text in folded (if not nil) for the next
// question that asks.
func (m *meta) quotesCached(at map[string]int, folded map[string]string, ref string, expect []foldedExpect) bool {
	i, ok := at[ref]
	if !ok {
		return false
	}
	text := m.foldedQuote(at, folded, ref)
	for _, e := range expect {
		if strings.HasPrefix(m.Clauses[i].Doc, e.doc) && strings.Contains(text, e.text) {
			return true
		}
	}
	return false
}

// foldedExpect is an expected phrase folded as quotes are compared
// (foldQuote), so that matching it against many clauses folds it once.
type foldedExpect struct{ doc, text string }

// foldedExpects returns expect with each phrase folded.
func foldedExpects(expect []corpus.Expect) []foldedExpect {
	out := make([]foldedExpect, len(expect))
	for i, e := range expect {
		out[i] = foldedExpect{e.Doc, foldQuote(e.Text)}
	}
	return out
}

// foldedQuote is the clause ref (at a place in at) as quoted with the list
// it introduces, folded; kept in folded (if not nil) for the next ask.
func (m *meta) foldedQuote(at map[string]int, folded map[string]string, ref string) string {
	if text, ok := folded[ref]; ok {
		return text
	}
	i := at[ref]
	text := m.Clauses[i].Heading + " " + m.Clauses[i].Quote()
	for _, it := range m.Lists[ref] {
		if j, ok := at[it]; ok {
			text += " " + m.Clauses[j].Quote()
		}
	}
	text = foldQuote(text)
	if folded != nil {
		folded[ref] = text
	}
	return text
}

// clauseIndexes maps "doc#section" to its place in the meta's clauses.
func clauseIndexes(m *meta) map[string]int {
	at := make(map[string]int, len(m.Clauses))
	for i, c := range m.Clauses {
		at[c.Doc+"#"+c.Section] = i
	}
	return at
}
