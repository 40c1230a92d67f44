package index

import (
	"cmp"
	"maps"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/agnivade/levenshtein"

	"github.com/licensebot/licensebot/corpus"
)

// nameIndex resolves what users type for a license ("Llama 4", "llama-4",
// "apache2") to its key, and suggests close keys for near misses.
type nameIndex struct {
	exact map[string]string // folded name → key
	names []nameEntry       // every folded name, for suggestions
	// first and last are the folded first and last words of every name:
	// a run of words that starts or ends otherwise names none.
	first, last map[string]bool
}

type nameEntry struct{ folded, key string }

// foldName makes "Llama-4", "llama 4" and "LLAMA4" the same key. A "+"
// is kept as a word: "openrail++" is another license, not "openrail".
func foldName(s string) string {
	s = strings.ReplaceAll(s, "+", " plus ")
	return strings.ReplaceAll(corpus.NormalizeName(s), " ", "")
}

func newNameIndex(ls []licenseMeta) *nameIndex {
	n := &nameIndex{exact: map[string]string{}, first: map[string]bool{}, last: map[string]bool{}}
	for _, l := range ls {
		names := append([]string{l.Key, l.Doc, l.Title, l.SPDX}, l.Aliases...)
		for _, sc := range l.ScanCode { // with and without ScanCode's namespace
			names = append(names, sc, strings.TrimPrefix(sc, "LicenseRef-scancode-"))
		}
		for _, name := range names {
			f := foldName(name)
			if f == "" {
				continue
			}
			ws := strings.Fields(name)
			n.first[foldName(ws[0])], n.last[foldName(ws[len(ws)-1])] = true, true
			if _, dup := n.exact[f]; !dup {
				n.exact[f] = l.Key
				n.names = append(n.names, nameEntry{f, l.Key})
			}
		}
	}
	return n
}

// mayName reports whether a run of folded words starts and ends as some
// license's name does: only such a run is worth looking up. A version
// ends it as its respelling would ("llama v4" as "llama 4"), since
// resolve reads that too.
func (n *nameIndex) mayName(run []string) bool {
	if len(run) == 0 || !n.first[run[0]] {
		return false
	}
	last := run[len(run)-1]
	if n.last[last] {
		return true
	}
	if len(run) == 1 || !strings.HasPrefix(last, "v") && !strings.HasSuffix(last, ".0") {
		return false
	}
	return slices.ContainsFunc(versionSpellings(last), func(v string) bool { return n.last[v] })
}

// resolve returns the key of the license input names, as one of its
// names is spelt or with its version spelt as none is ("apache v2",
// "mpl v2.0", "llama 4.0": see versionSpellings).
func (n *nameIndex) resolve(input string) (string, bool) {
	if k, ok := n.exact[foldName(input)]; ok {
		return k, true
	}
	for _, alt := range versionSpellings(input) {
		if k, ok := n.exact[foldName(alt)]; ok {
			return k, true
		}
	}
	return "", false
}

// versionSpellings are the other ways input's version may be spelt by a
// license's names: without a "v" or "v." before it ("v2" as "2"), then
// also without a trailing ".0" ("4.0" as "4"), and with its "v" but
// without the ".0" ("gnu gpl v3.0" as "gnu gpl v3"). A version is a word
// after one that ends in no digit: "llama 3 v2" is not "llama 3 2",
// which folds as Llama 3.2's "llama32" does. None when input has no
// version.
func versionSpellings(input string) []string {
	words := strings.Fields(corpus.NormalizeName(input))
	plain, short, withV := slices.Clone(words), slices.Clone(words), slices.Clone(words)
	noV, cut := false, false
	for i, w := range words {
		if afterNumber(words, i) {
			continue
		}
		v, hasV := strings.CutPrefix(w, "v.")
		if !hasV {
			v, hasV = strings.CutPrefix(w, "v")
		}
		if !hasV || v == "" || v[0] < '0' || v[0] > '9' {
			v, hasV = w, false
		}
		s := v
		for strings.HasSuffix(s, ".0") && len(s) > 2 && s[0] >= '0' && s[0] <= '9' {
			s = strings.TrimSuffix(s, ".0")
		}
		plain[i], short[i], withV[i] = v, s, s
		if hasV {
			withV[i] = "v" + s
		}
		noV, cut = noV || hasV, cut || s != v
	}
	var out []string
	if noV {
		out = append(out, strings.Join(plain, " "))
	}
	if cut {
		out = append(out, strings.Join(short, " "))
	}
	if noV && cut {
		out = append(out, strings.Join(withV, " "))
	}
	return out
}

// afterNumber reports whether the word before words[i] ends in a digit.
func afterNumber(words []string, i int) bool {
	if i == 0 {
		return false
	}
	prev := words[i-1]
	return prev[len(prev)-1] >= '0' && prev[len(prev)-1] <= '9'
}

// completions returns up to max license keys one of whose names input
// begins, shortest completion first: "llama" → llama2, llama3, llama4, ….
func (n *nameIndex) completions(input string, max int) []string {
	f := foldName(input)
	if f == "" {
		return nil
	}
	best := map[string]int{}
	for _, e := range n.names {
		if e.folded == f || !strings.HasPrefix(e.folded, f) {
			continue
		}
		if r, ok := best[e.key]; !ok || len(e.folded) < r {
			best[e.key] = len(e.folded)
		}
	}
	keys := slices.SortedFunc(maps.Keys(best), func(a, b string) int {
		return cmp.Or(best[a]-best[b], strings.Compare(a, b))
	})
	return keys[:min(max, len(keys))]
}

// suggest returns up to max license keys closest to input: names it is a
// prefix of first, then by edit distance, each key once.
func (n *nameIndex) suggest(input string, max int) []string {
	f := foldName(input)
	type cand struct {
		key  string
		rank int
	}
	best := map[string]int{}
	for _, e := range n.names {
		var r int
		switch {
		case f == "":
			r = 100
		case strings.HasPrefix(e.folded, f):
			r = len(e.folded) - len(f) // the shorter the completion, the closer
		case strings.Contains(e.folded, f) || strings.Contains(f, e.folded):
			r = 20 + abs(len(e.folded)-len(f))
		default:
			limit := max3(2, len(f)/3)
			if runesApart(f, e.folded) > limit {
				continue // at least that many edits: skip computing them
			}
			d := levenshtein.ComputeDistance(f, e.folded)
			if d > limit {
				continue
			}
			r = 40 + d
		}
		if old, ok := best[e.key]; !ok || r < old {
			best[e.key] = r
		}
	}
	cands := make([]cand, 0, len(best))
	for k, r := range best {
		cands = append(cands, cand{k, r})
	}
	sort.Slice(cands, func(i, j int) bool {
		if cands[i].rank != cands[j].rank {
			return cands[i].rank < cands[j].rank
		}
		return cands[i].key < cands[j].key
	})
	var out []string
	for _, c := range cands {
		if len(out) == max {
			break
		}
		out = append(out, c.key)
	}
	return out
}

// topicMatcher finds the topic a user means, in a bare topic ("credit") or
// inside a question ("do I need to give credit?"), by comparing stems.
type topicMatcher struct {
	stems   func(string) []string
	byID    map[string]*corpus.Topic
	phrases []topicPhrase
	// known reports whether a stem is a word the lexicon holds, which a
	// one-word input spells on purpose, not a mistyped name (nil: none).
	known   func(string) bool
	byFirst map[string][]int           // a phrase's first stem → its place in phrases
	vocab   map[string]map[string]bool // topic id → stems of its label, aliases, instances and expansions
	// anyVocab is the union of vocab: the stems of every topic's words.
	anyVocab map[string]bool
	// nameVocab is vocab without the instances' stems: the words that
	// name a topic or widen its search, not its cases.
	nameVocab map[string]map[string]bool
	// partial maps a topic to the stems of its partial aliases (see
	// corpus.Topic.Partial), partialRuns to each alias's stems.
	partial     map[string]map[string]bool
	partialRuns map[string][][]string
	// terms maps a topic to the stems of its terms, each phrase's (see
	// corpus.Topic.Terms); rules to those of the names of its rule (see
	// corpus.Topic.Rule).
	terms map[string][][]string
	rules map[string][][]string
	// not are each topic's Not phrases, as stems.
	not map[string][][]string
	// named are the stems of each topic's label and aliases, without its
	// search terms (nameVocab has those too: "you agree you will not").
	named map[string]map[string]bool
}

// runsOf returns the stems of each phrase that has any.
func runsOf(stems func(string) []string, phrases []string) [][]string {
	var out [][]string
	for _, p := range phrases {
		if st := stems(p); len(st) > 0 {
			out = append(out, st)
		}
	}
	return out
}

type topicPhrase struct {
	stems    []string
	topic    string
	instance bool // an instance of the topic, not a name for it
	exact    bool // the topic's id or label
}

func newTopicMatcher(stems func(string) []string, topics []corpus.Topic) *topicMatcher {
	return buildTopicMatcher(stems, stems, topics)
}

// buildTopicMatcher is newTopicMatcher analysing the taxonomy's phrases
// with stems and the questions it reads with ask: a snapshot opens with a
// memo of the phrases' stems, not safe for the concurrent questions.
func buildTopicMatcher(stems, ask func(string) []string, topics []corpus.Topic) *topicMatcher {
	tm := &topicMatcher{stems: ask, byID: map[string]*corpus.Topic{}, vocab: map[string]map[string]bool{},
		nameVocab: map[string]map[string]bool{}, partial: map[string]map[string]bool{}, partialRuns: map[string][][]string{},
		terms: map[string][][]string{}, rules: map[string][][]string{}, not: map[string][][]string{},
		named: map[string]map[string]bool{}, anyVocab: map[string]bool{}}
	for i := range topics {
		t := &topics[i]
		tm.byID[t.ID] = t
		tm.addVocab(stems, t)
		tm.terms[t.ID], tm.rules[t.ID] = runsOf(stems, t.Terms), runsOf(stems, t.Rule)
		// A Not phrase that keeps one word ("on credit") would take every
		// question with the word: it is ignored.
		tm.not[t.ID] = slices.DeleteFunc(runsOf(stems, t.Not), func(run []string) bool { return len(run) < 2 })
		for _, p := range t.Partial {
			if tm.partial[t.ID] == nil {
				tm.partial[t.ID] = map[string]bool{}
			}
			st := stems(p)
			for _, w := range st {
				tm.partial[t.ID][w] = true
			}
			if len(st) > 0 {
				tm.partialRuns[t.ID] = append(tm.partialRuns[t.ID], st)
			}
		}
		add := func(s string, instance, exact bool) {
			// A phrase that loses words to the stop list ("built with",
			// "not allowed") would match its one remaining word anywhere.
			if st := stems(s); len(st) > 0 && (len(st) > 1 || len(strings.Fields(s)) == 1) {
				tm.phrases = append(tm.phrases, topicPhrase{stems: st, topic: t.ID, instance: instance, exact: exact})
			}
		}
		add(strings.ReplaceAll(t.ID, "-", " "), false, true)
		add(t.Label, false, true)
		for _, a := range t.Aliases {
			add(a, false, false)
		}
		for _, a := range t.Instances {
			add(a, true, false)
		}
	}
	tm.byFirst = map[string][]int{}
	for i, p := range tm.phrases {
		tm.byFirst[p.stems[0]] = append(tm.byFirst[p.stems[0]], i)
	}
	return tm
}

// addVocab adds the stems of t's words: its names (label and aliases),
// with its search terms (nameVocab), with its cases too (vocab).
func (tm *topicMatcher) addVocab(stems func(string) []string, t *corpus.Topic) {
	tm.vocab[t.ID], tm.nameVocab[t.ID], tm.named[t.ID] = map[string]bool{}, map[string]bool{}, map[string]bool{}
	names := append([]string{t.Label}, t.Aliases...)
	for i, p := range append(names, t.Expand...) {
		for _, st := range stems(p) {
			tm.vocab[t.ID][st], tm.nameVocab[t.ID][st], tm.anyVocab[st] = true, true, true
			if i < len(names) {
				tm.named[t.ID][st] = true
			}
		}
	}
	for _, p := range t.Instances {
		for _, st := range stems(p) {
			tm.vocab[t.ID][st], tm.anyVocab[st] = true, true
		}
	}
}

// names reports whether the stem st alone is a name of topic ("credit"
// for attribution), not one of its cases.
func (tm *topicMatcher) names(topic, st string) bool {
	for _, i := range tm.byFirst[st] {
		if p := &tm.phrases[i]; p.topic == topic && len(p.stems) == 1 && !p.instance {
			return true
		}
	}
	return false
}

// namesWhole reports whether the stems st are, all of them, a name of
// topic ("commercial use", "patent grant"), not one of its cases nor one
// of its terms, which are one license's form of it ("built with llama").
func (tm *topicMatcher) namesWhole(topic string, st []string) bool {
	if len(st) == 0 || slices.ContainsFunc(tm.terms[topic], func(t []string) bool { return slices.Equal(t, st) }) {
		return false
	}
	return slices.ContainsFunc(tm.byFirst[st[0]], func(i int) bool {
		p := &tm.phrases[i]
		return p.topic == topic && !p.instance && slices.Equal(p.stems, st)
	})
}

// casesOf returns the phrases of cases (instances) of topic found in st.
func (tm *topicMatcher) casesOf(st []string, topic string) []*topicPhrase {
	var out []*topicPhrase
	for _, i := range tm.found(st) {
		if p := &tm.phrases[i]; p.instance && p.topic == topic {
			out = append(out, p)
		}
	}
	return out
}

// isCase reports whether the stems st are a case (instance) of topic.
func (tm *topicMatcher) isCase(topic string, st []string) bool {
	if len(st) == 0 {
		return false
	}
	for _, i := range tm.byFirst[st[0]] {
		if p := &tm.phrases[i]; p.instance && p.topic == topic && slices.Equal(p.stems, st) {
			return true
		}
	}
	return false
}

// found returns the places of the phrases that occur in st, in taxonomy
// order: only phrases starting with one of st's stems are tried, so a
// question costs a few lookups rather than a pass over every phrase.
func (tm *topicMatcher) found(st []string) []int {
	var out []int
	for i, s := range st {
		if slices.Contains(st[:i], s) {
			continue
		}
		for _, j := range tm.byFirst[s] {
			if containsRun(st, tm.phrases[j].stems) {
				out = append(out, j)
			}
		}
	}
	slices.Sort(out)
	return out
}

// topicMatch is the result of matching user text against the taxonomy.
type topicMatch struct {
	topic    string
	instance bool
	whole    bool     // the phrase is all the user typed
	stems    []string // the matched phrase's stems
}

// match returns the best topic phrase in text: a phrase that is the whole
// text beats one inside it; longer phrases beat shorter; names beat
// instances. ok is false when no phrase occurs.
func (tm *topicMatcher) match(text string) (topicMatch, bool) {
	return tm.matchStems(tm.stems(text))
}

// matchStems is match over text already analysed.
func (tm *topicMatcher) matchStems(st []string) (topicMatch, bool) {
	if len(st) == 0 {
		return topicMatch{}, false
	}
	var best *topicPhrase
	bestWhole := false
	for _, i := range tm.found(st) {
		p := &tm.phrases[i]
		whole := slices.Equal(p.stems, st)
		if best == nil || better(p, whole, best, bestWhole) {
			best, bestWhole = p, whole
		}
	}
	if best == nil {
		// One mistyped word ("atribution"): allow a small edit distance,
		// for a word the lexicon does not hold ("patients" is no typo of
		// "patents", nor "profiling" of "profit").
		if len(st) == 1 && len(st[0]) >= 5 && (tm.known == nil || !tm.known(st[0])) {
			for i := range tm.phrases {
				p := &tm.phrases[i]
				if len(p.stems) == 1 && levenshtein.ComputeDistance(p.stems[0], st[0]) <= 1+len(st[0])/8 {
					return topicMatch{topic: p.topic, instance: p.instance, whole: true}, true
				}
			}
		}
		return topicMatch{}, false
	}
	return topicMatch{topic: best.topic, instance: best.instance, whole: bestWhole, stems: best.stems}, true
}

// cases returns the topics of every case (instance phrase) the analysed
// text names, in taxonomy order, each once.
func (tm *topicMatcher) cases(st []string) []string {
	var out []string
	for _, i := range tm.found(st) {
		p := &tm.phrases[i]
		if p.instance && !slices.Contains(out, p.topic) {
			out = append(out, p.topic)
		}
	}
	return out
}

func better(p *topicPhrase, whole bool, q *topicPhrase, qWhole bool) bool {
	if whole != qWhole {
		return whole
	}
	if len(p.stems) != len(q.stems) {
		return len(p.stems) > len(q.stems)
	}
	if p.exact != q.exact {
		return p.exact
	}
	return !p.instance && q.instance
}

func containsRun(hay, needle []string) bool {
	for i := 0; i+len(needle) <= len(hay); i++ {
		if slices.Equal(hay[i:i+len(needle)], needle) {
			return true
		}
	}
	return false
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

func max3(a, b int) int {
	if a > b {
		return a
	}
	return b
}

// runesApart is how many more runes one of a and b has than the other: at
// least as many edits as there are between them. A name far longer or
// shorter than the input is too far from it without working out how far.
func runesApart(a, b string) int {
	return abs(utf8.RuneCountInString(a) - utf8.RuneCountInString(b))
}

// inVocab reports whether some topic's vocabulary holds stem st.
func (tm *topicMatcher) inVocab(st string) bool { return tm.anyVocab[st] }
