package index

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/licensebot/licensebot/corpus"
)

// A keyword question is a topic's word and a word or two beside it, and
// the word beside may give the topic's word another sense: "notice
// board", "patent leather", "output voltage", "car modification",
// "redistribution of wealth" (hunt 15: 62 wrong verdicts of 400 keyword
// questions, and 159 of the probes that followed them). Whether a word
// says something of the topic is not in the word alone; whether people
// asking about the topic use it is in the training questions. The build
// keeps, for every stem of the training questions, how many questions use
// it and the topics it was seen with — in those labelled with a topic, or
// in a topic's names, its cards' summaries and the clauses they cite —
// and a short question gets no verdict when a rare word beside the
// topic's own was never seen with it (unseenBeside).

// besideData is what the build keeps of the words seen with each topic:
// Stems sorted, and for the i-th, how many training questions use it
// (Uses) and a bit for each topic (in meta.Topics' order) it was seen with
// (Topics).
type besideData struct {
	Stems  terms          `json:"stems"`
	Uses   packed[int32]  `json:"uses"`
	Topics packed[uint64] `json:"topics"`
}

// Rare words and short questions: a word that at least commonUses
// training questions use says too little to set a topic's word in another
// sense ("party", "use", "company"); a question of more than
// besideWords words besides its stop words is a sentence, whose other
// words the reading weighed.
const (
	commonUses  = 20
	besideWords = 4
)

// seenBeside returns the build's besideData: the stems of qs' texts
// (asked, analysed), with how many of them use each and the topics of
// those labelled with one; and the stems of each topic's names and cards.
// A taxonomy of more topics than a mask holds is an error.
func seenBeside(m *meta, qs []corpus.Question, asked [][]string) (*besideData, error) {
	if len(m.Topics) > 64 {
		return nil, fmt.Errorf("%d topics: a word's topics are a 64-bit mask", len(m.Topics))
	}
	bit := map[string]uint64{}
	for i, t := range m.Topics {
		bit[t.ID] = 1 << i
	}
	uses, topics := map[string]int32{}, map[string]uint64{}
	for i, q := range qs {
		var mask uint64
		for _, t := range q.Topics {
			mask |= bit[t]
		}
		st := slices.Clone(asked[i])
		slices.Sort(st)
		for _, s := range slices.Compact(st) {
			uses[s]++
			topics[s] |= mask
		}
	}
	stems := buildStems()
	topicTexts(m, func(topic, text string) {
		for _, s := range stems(text) {
			topics[s] |= bit[topic]
		}
	})
	sorted := slices.Sorted(maps.Keys(topics))
	b := &besideData{Stems: newTerms(sorted), Uses: make(packed[int32], len(sorted)), Topics: make(packed[uint64], len(sorted))}
	for i, s := range sorted {
		b.Uses[i], b.Topics[i] = uses[s], topics[s]
	}
	return b, nil
}

// check reports tables that do not fit the stems (see meta.check).
func (b *besideData) check() error {
	if err := b.Stems.check(); err != nil {
		return err
	}
	if n := b.Stems.len(); len(b.Uses) != n || len(b.Topics) != n {
		return fmt.Errorf("%d counts and %d topic masks for %d stems", len(b.Uses), len(b.Topics), n)
	}
	return nil
}

// seenWith reports whether the stem st is common in the training questions
// or was seen with the topic whose bit is bit.
func (b *besideData) seenWith(st string, bit uint64) bool {
	i, ok := b.Stems.find(st)
	return ok && (b.Uses[i] >= commonUses || b.Topics[i]&bit != 0)
}

// unseenBeside reports whether a short question (besideWords words or
// fewer besides its stop words) says each of topic's words in a phrase
// with a rare English word never seen with the topic (see besideData): its
// next word either side, past "of" and articles — "notice board", "patent
// leather", "redistribution of wealth", "governing law of thermodynamics"
// (a name of the topic in words is one). A topic's word with no such
// neighbour keeps the verdict ("agpl neural network saas": "saas"), as
// does a rare word further off ("can I sublicense it for kids?"). Words
// with digits, the names of catalogued models and of l, words that allow
// or forbid, participles after the topic's word and words in another
// script are no such neighbours; a misspelt word is weighed as the word
// it corrects to.
func (s *snapshot) unseenBeside(r *reading, l *licenseMeta, topic string) bool {
	b, i := s.m.Beside, slices.IndexFunc(s.m.Topics, func(t corpus.Topic) bool { return t.ID == topic })
	if b == nil || i < 0 || i >= 64 {
		return false
	}
	bit := uint64(1) << i
	names := s.topics.nameVocab[topic]
	ws := s.wordsOf(r)
	n := 0
	for _, w := range ws {
		if len(w.stems) > 0 {
			if n++; n > besideWords {
				return false
			}
		}
	}
	// unseen reports whether the k-th word is a rare word never seen with
	// the topic, and none of the kinds set aside.
	unseen := func(k int) bool {
		w := ws[k]
		f, ok := letterForm(w.text)
		if !ok || len(w.stems) == 0 || s.topicWord(w, l, names) || s.models.nameWord(f) || s.allNameStems(w, l) ||
			slices.ContainsFunc(w.stems, func(st string) bool {
				return genericWords[st] || askingWords[st] || deonticStems[st] || s.nameStems[l.Key][st]
			}) {
			return false
		}
		return !slices.ContainsFunc(s.feat.correct(w.stems), func(st string) bool { return b.seenWith(st, bit) })
	}
	// A name of the topic in several words ("governing law") is one.
	runs, modified := 0, 0
	for k := 0; k < len(ws); k++ {
		if !s.topicWord(ws[k], l, names) {
			continue
		}
		end := k + s.topics.nameLength(topic, ws[k:]) - 1
		runs++
		// A participle after it says what is done to it ("where are
		// disputes resolved?"), not which thing it is.
		if j := phraseNeighbour(ws, k, -1); j >= 0 && unseen(j) {
			modified++
		} else if j := phraseNeighbour(ws, end, 1); j >= 0 && unseen(j) && !strings.HasSuffix(strings.ToLower(strings.TrimRight(ws[j].text, ",;:.?!")), "ed") {
			modified++
		}
		k = end
	}
	return runs > 0 && modified == runs
}

// topicWord reports whether w is a word of the topic's names (names), not
// a generic or asking one nor one of l's name.
func (s *snapshot) topicWord(w word, l *licenseMeta, names map[string]bool) bool {
	return slices.ContainsFunc(w.stems, func(st string) bool {
		return names[st] && !genericWords[st] && !askingWords[st] && !s.nameStems[l.Key][st]
	})
}

// phraseNeighbour returns the place of the word next to ws[k] in the
// direction step (-1 or 1), past "of" and articles, or -1 at the edge or
// a break of punctuation.
func phraseNeighbour(ws []word, k, step int) int {
	for j := k + step; j >= 0 && j < len(ws); j += step {
		if step > 0 && strings.ContainsAny(ws[j-1].text[len(ws[j-1].text)-1:], ",;:.?!") ||
			step < 0 && strings.ContainsAny(ws[j].text[len(ws[j].text)-1:], ",;:.?!") {
			return -1
		}
		if t := strings.ToLower(ws[j].text); t == "of" || isArticle(t) {
			continue
		}
		return j
	}
	return -1
}
