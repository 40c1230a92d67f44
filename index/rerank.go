package index

import (
	"context"
	"iter"
	"maps"
	"slices"
	"strings"
	"sync"
)

// An answer without a verdict weighs several kinds of evidence for each
// clause it may quote: the topics the model reads the question as and
// where their cards cite the clause, where a search for the question's
// words ranks it (unsure answers only), how many of the question's words
// it holds, and which clauses answered the training questions worded most
// like it (memory.go). A linear score over that
// evidence orders the quotes; its weights are fitted to the training
// questions by TestFitRerank, each question answered by an index built
// without it (cross-validated), and the fit is judged on the half of the
// questions it was not fitted to. Test sets are never used.

// The evidence, one feature each.
const (
	fOrder    = iota // 1/(1+place) in the order of leads then search hits
	fLead            // Σ p of the topics whose card, ordered for the question, leads with it
	fCited           // Σ p of the topics whose card cites it after its first clause
	fRank            // 1/(1+place) among the search hits, 0 if not among them
	fScore           // its search score over the best hit's
	fCovers          // it holds every word the question asks with (see covers)
	fOverlap         // the share of the question's words it holds
	fList            // it introduces a list, quoted with its items
	fMemory          // the share of the nearest training questions it answered (see memory.go)
	fAffinity        // its centroid's cosine with the question (see memory.go)
	fBayes           // its share of the candidates' likelihood (see bayesShares)
	fPairs           // the share of the nearest training questions by their pairs of stems it answered (see memoryPairs)
	rankFeatures
)

// rankTopics is how many of the likeliest topics' cards offer clauses.
const rankTopics = 4

// rankFloor is the least probability of a topic whose card offers clauses.
var rankFloor = 0.05

// rankWeights are the fitted weights of the features (TestFitRerank, over
// the 4,336 training questions answered without a verdict, each by an
// index built without its fold, questions of one origin held out
// together). Fitted on one half and judged on the other, they lead with an
// expected clause for 0.746 and 0.736 of the answers (top-3 0.893 and
// 0.891), where the order of leads then hits does for 0.689 and 0.668
// (0.853 and 0.846), and the weights before the centroids' evidence
// (fAffinity) did for 0.740 and 0.721; the centroids, the memory and the
// topics' cards weigh most. With 5,582 answers (5,861 questions) a refit
// led no more often (0.757 in-sample, these 0.758), so they stay.
//
// The likelihoods' shares (fBayes) came later, with one weight of their
// own beside the others, chosen by cross-validating whole answers over
// the 10,263 training questions: 1.5 took them from 0.792 / 0.922 to
// 0.802 / 0.925, and real people's questions from 0.718 / 0.914 to
// 0.731 / 0.913 (weights 3 and 5: 0.732 / 0.911, 0.729 / 0.910). All
// eleven weights refitted led more often still (0.805 in-sample) but
// quoted an expected clause in the first three for fewer real questions
// (0.907): the written questions, two thirds of the fit, pull it. Nor did
// counting real people's questions more help them: refitted on one half
// with each counted five times (LICENSEBOT_FIT_REAL=5), the weights led the
// other half's real questions with an expected clause for 0.705 and 0.738,
// these for 0.711 and 0.753; each feature's rank among the candidates,
// its share of the best or whether it is the best, added as a second
// feature, did no better (0.703–0.718, 0.731–0.746). Fitted with each
// file of questions held out whole (LICENSEBOT_CV_GROUP=file: one
// helper's batch, as a new labeller's questions would come), the refit led
// real people's questions a little more often (0.731 against 0.723,
// cross-validated the same way) but those on models' licenses less often
// (0.665 against 0.684; held out by thread, 0.665 against 0.696).
//
// The memory of pairs' votes (fPairs) came last, like fBayes with one
// weight of its own chosen by cross-validating whole answers over four
// orders: 1 (see memoryPairs; 1.5: real people's questions 0.744, the
// dev paraphrases 0.861 against 0.866; 2 and 5 lower).
var rankWeights = [rankFeatures]float64{1.730, 3.734, 3.178, 0.419, 0.023, 0.536, 4.716, 0.053, 4.348, 7.140, 1.5, 1}

// candidate is a clause an unsure answer may quote, with its evidence.
type candidate struct {
	hit Hit
	x   [rankFeatures]float64
}

// candidates returns the clauses an answer without a verdict may quote, in
// the order of leads then search hits (see leadsFor, covers), then the
// other clauses of the likeliest topics' cards, with their evidence.
// Without search, only the cards offer clauses.
//
// The set comes from a pool: release it once its clauses are quoted.
func (s *snapshot) candidates(ctx context.Context, l *licenseMeta, r *reading, search bool) (*candidateSet, error) {
	cs := candidatePool.Get().(*candidateSet)
	if err := s.gather(ctx, cs, l, r, search); err != nil {
		cs.release()
		return nil, err
	}
	return cs, nil
}

// gather fills cs with the candidates and their evidence (see candidates).
func (s *snapshot) gather(ctx context.Context, cs *candidateSet, l *licenseMeta, r *reading, search bool) error {
	lead, err := s.leadsFor(ctx, l, r)
	if err != nil {
		return err
	}
	var hits []Hit
	if search {
		if hits, err = s.closest(ctx, l, r, ""); err != nil {
			return err
		}
	}
	if len(hits) > 0 && s.covers(hits[0], r, l) {
		cs.list[cs.add(hits[0])].x[fCovers] = 1
	}
	for _, h := range lead {
		cs.add(h)
	}
	for i, h := range hits {
		c := &cs.list[cs.add(h)]
		c.x[fRank] = 1 / float64(1+i)
		if hits[0].Score > 0 {
			c.x[fScore] = h.Score / hits[0].Score
		}
	}
	for _, t := range r.ranked[:min(rankTopics, len(r.ranked))] {
		if t.Score < rankFloor {
			break
		}
		c := s.card(l, t.Topic)
		if c == nil || len(c.Refs) == 0 {
			continue
		}
		q, err := s.quoteCard(ctx, l, r, t.Topic, c)
		if err != nil {
			return err
		}
		for i, h := range q {
			cs.list[cs.add(h)].x[fLead+min(i, 1)] += t.Score // fLead, then fCited
		}
	}
	s.remembered(cs, r, l)
	s.evidence(cs.list, r, l)
	return nil
}

// remembered adds the clauses of l that answered the training questions
// worded most like r, when no card or search offered them.
func (s *snapshot) remembered(cs *candidateSet, r *reading, l *licenseMeta) {
	// The order of candidates is evidence: keep it fixed.
	for _, k := range slices.Sorted(maps.Keys(s.votesFor(r))) {
		_, sec, _ := strings.Cut(k, "#")
		for _, doc := range l.Docs {
			if clauseKey(doc, sec) != k {
				continue
			}
			if h, ok := s.hit(doc + "#" + sec); ok {
				cs.add(h)
			}
		}
	}
}

// candidateSet gathers candidates, each clause once.
type candidateSet struct {
	list []candidate
	at   map[clauseID]int // place in list
}

// clauseID names a clause without joining its parts into one string.
type clauseID struct{ doc, section string }

// candidatePool keeps candidate sets between answers: a set is most of
// what an answer without a verdict allocates.
var candidatePool = sync.Pool{New: func() any {
	return &candidateSet{at: make(map[clauseID]int, 32), list: make([]candidate, 0, 32)}
}}

// release empties cs and returns it to the pool; cs is not used after.
func (cs *candidateSet) release() {
	cs.reset()
	candidatePool.Put(cs)
}

// reset empties cs, keeping nothing of the answer it served.
func (cs *candidateSet) reset() {
	clear(cs.at)
	clear(cs.list)
	cs.list = cs.list[:0]
}

// ranked orders the candidates by their weighted evidence (see order)
// and yields their clauses in that order. The set's places (at) no longer
// match its list after: it is only read until released.
func (cs *candidateSet) ranked(w [rankFeatures]float64) iter.Seq[Hit] {
	order(cs.list, w)
	return func(yield func(Hit) bool) {
		for _, c := range cs.list {
			if !yield(c.hit) {
				return
			}
		}
	}
}

// add returns the place of h in the set, adding it if new.
func (cs *candidateSet) add(h Hit) int {
	id := clauseID{h.Doc, h.Section}
	if i, ok := cs.at[id]; ok {
		return i
	}
	cs.at[id] = len(cs.list)
	cs.list = append(cs.list, candidate{hit: h})
	return len(cs.list) - 1
}

// evidence gives the candidates, in their order, the features that do not
// depend on where they came from.
func (s *snapshot) evidence(cands []candidate, r *reading, l *licenseMeta) {
	_, words := s.restOf(r, l)
	votes, pairVotes := s.votesFor(r), s.pairVotesFor(r)
	asked := s.askedFor(r)
	for i := range cands {
		c := &cands[i]
		c.x[fOrder] = 1 / float64(1+i)
		c.x[fOverlap] = s.overlap(c.hit, words)
		key := clauseKey(c.hit.Doc, c.hit.Section)
		c.x[fMemory] = votes[key]
		c.x[fPairs] = pairVotes[key]
		c.x[fAffinity] = s.mem.affinity(asked, key)
		c.x[fBayes] = s.mem.likelihood(asked, key)
		if len(c.hit.Items) > 0 {
			c.x[fList] = 1
		}
	}
	bayesShares(cands, len(asked.places))
}

// bayesTemperature scales the likelihoods' differences before their
// shares are taken, divided by the number of asked stems, since a
// likelihood sums one term per stem: without it a long question's shares
// would be all or nothing. The scale is 3/n for n stems, sharper than the
// likelihoods themselves for one or two, flatter past three.
// Cross-validated, 1 and 8 led with an expected clause for 0.796 and
// 0.802 of the training questions against 3's 0.802, and for 0.722 and
// 0.725 of real people's against 3's 0.731.
const bayesTemperature = 3.0

// bayesShares turns the candidates' likelihoods (fBayes) into their
// shares of the whole, a softmax tempered per asked stem: a likelihood's
// scale grows with the question, a share's does not.
func bayesShares(cands []candidate, stems int) {
	t := bayesTemperature / float64(max(1, stems))
	z := make([]float64, len(cands))
	for i, c := range cands {
		z[i] = c.x[fBayes] * t
	}
	for i, p := range softmax(z) {
		cands[i].x[fBayes] = p
	}
}

// overlap is the share of words found in clause h.
func (s *snapshot) overlap(h Hit, words []string) float64 {
	if len(words) == 0 {
		return 0
	}
	n := 0
	for _, w := range words {
		if s.holds(h, w) {
			n++
		}
	}
	return float64(n) / float64(len(words))
}

// holds reports whether clause h's heading or text has the stem w.
func (s *snapshot) holds(h Hit, w string) bool {
	_, ok := slices.BinarySearch(s.termsOf(h), w)
	return ok
}

// termsOf returns the distinct stems of clause h's heading and text,
// sorted; worked out once per build, since clauses recur.
func (s *snapshot) termsOf(h Hit) []string {
	key := clauseTerms{clauseID{h.Doc, h.Section}, len(h.Items)}
	if t, ok := s.termSets.Load(key); ok {
		return t.([]string)
	}
	var out []string
	for _, t := range slices.Concat(s.tokens(h.Heading), s.tokens(h.Text)) {
		out = append(out, t.term)
	}
	slices.Sort(out)
	out = slices.Compact(out)
	s.termSets.Store(key, out)
	return out
}

// clauseTerms names a clause as quoted (see snapshot.hit): by its id, and
// by how many items of the list it introduces are quoted with it, which
// makes its text.
type clauseTerms struct {
	clauseID
	items int
}

// order sorts cands by their weighted evidence, best first; ties keep
// their order.
func order(cands []candidate, w [rankFeatures]float64) {
	score := func(c candidate) float64 {
		v := 0.0
		for i, x := range c.x {
			v += w[i] * x
		}
		return v
	}
	slices.SortStableFunc(cands, func(a, b candidate) int {
		sa, sb := score(a), score(b)
		switch {
		case sa > sb:
			return -1
		case sa < sb:
			return 1
		}
		return 0
	})
}
