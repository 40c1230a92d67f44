package index

import (
	"maps"
	"math"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"

	"github.com/licensebot/licensebot/corpus"
)

// The training questions remember which clauses answered them. A new
// question votes for the clauses that answered the training questions
// worded most like it: one of the reranker's kinds of evidence (see
// rerank.go), which tells apart the clauses of one card, where the topic
// alone cannot. A clause is named by its document's family and its
// section ("llama-license#1.b.i"), so that a question about Llama 3.1
// remembers for Llama 4 too.

// questionMemory is what the build keeps of the training questions, laid
// out flat so that opening a build decodes it in one pass, mostly as
// numbers: the sorted stems of all questions (one string, see terms), the
// questions that have each (Post[Start[i]:Start[i+1]] for the i-th of
// Vocab), per question the norm of its
// weighted stems and the clauses that answer it (places in Clauses,
// Answer[AnswerStart[q]:AnswerStart[q+1]] for question q), and each
// clause's centroid.
type questionMemory struct {
	Vocab       terms           `json:"vocab"`
	Start       packed[int32]   `json:"start"`
	Post        packed[int32]   `json:"post"`
	Norm        packed[float64] `json:"norm"`
	Clauses     []string        `json:"clauses"` // clause keys (clauseKey)
	Answer      packed[int32]   `json:"answer"`
	AnswerStart packed[int32]   `json:"answer_start"`
	Cent        centroids       `json:"centroids"`
	// Pairs is the same memory of the questions' pairs of neighbouring
	// stems (see memoryPairs), without centroids; nil in it.
	Pairs *questionMemory `json:"pairs,omitempty"`
}

// memoryNeighbours is how many of the questions worded most like a new
// one vote.
const memoryNeighbours = 10

// terms is a sorted list of strings kept as one: term i is
// Text[End[i-1]:End[i]], the first from 0. Opening a build decodes it as
// a string and a table of numbers; kept as a []string, the memory of
// pairs' 41,000 terms were as many strings for gob to allocate (about
// 4 MB and 2.4 ms of every open).
type terms struct {
	Text string        `json:"text"`
	End  packed[int32] `json:"end"`
}

// newTerms joins sorted into terms.
func newTerms(sorted []string) terms {
	var b strings.Builder
	t := terms{End: make(packed[int32], len(sorted))}
	for i, w := range sorted {
		b.WriteString(w)
		t.End[i] = int32(b.Len())
	}
	t.Text = b.String()
	return t
}

// len is how many terms there are.
func (t *terms) len() int { return len(t.End) }

// at returns the i-th term.
func (t *terms) at(i int) string {
	start := int32(0)
	if i > 0 {
		start = t.End[i-1]
	}
	return t.Text[start:t.End[i]]
}

// find returns the place of term w, and whether it is there.
func (t *terms) find(w string) (int, bool) {
	return sort.Find(t.len(), func(i int) int { return strings.Compare(w, t.at(i)) })
}

// clauseKey names a clause across the versions of its document: the
// document's id without digits and dots, and the section.
func clauseKey(doc, section string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsDigit(r) || r == '.' {
			return -1
		}
		return r
	}, doc) + "#" + section
}

// rememberQuestions builds the memory of qs (those not in skip): for each,
// the clauses of its expected documents that quote an expected phrase.
// analysed holds each question's text as analysed (analyseQuestions); nil,
// the texts are analysed here.
func rememberQuestions(m *meta, qs []corpus.Question, analysed [][]string, skip map[string]bool) *questionMemory {
	stems := buildStems()
	quoting := m.quotingClauses()
	var asked, pairs, answers [][]string
	for i, q := range qs {
		if skip[q.ID] || len(q.Expect) == 0 {
			continue
		}
		var keys []string
		for _, e := range q.Expect {
			keys = append(keys, quoting(e)...)
		}
		if len(keys) > 0 {
			slices.Sort(keys)
			// What the question asks about, worked out once for both
			// memories: its pairs read it in order, before its stems sort it.
			var st []string
			if analysed != nil {
				st = analysed[i]
			} else {
				st = stems(respell(q.Text(), m.Spellings))
			}
			ab := askedAbout(st)
			pairs = append(pairs, neighbourPairs(ab))
			asked, answers = append(asked, sortedDistinct(ab)), append(answers, slices.Compact(keys))
		}
	}
	mem := layOut(asked, answers)
	// The pairs only vote (pairVotesFor): centroids of theirs would be
	// made at every build, read at every open and never asked.
	mem.Pairs = layOutQuestions(pairs, answers)
	return mem
}

// quotingClauses returns a function that lists the clauses (clause keys,
// in no order, maybe repeated) of an expected phrase's documents that
// quote it, with the list each introduces (quotesCached). The 16,000
// phrases the training questions expect are 3,600 different ones: each is
// folded and looked for in its documents' clauses once, not once per
// question that expects it.
func (m *meta) quotingClauses() func(corpus.Expect) []string {
	at := clauseIndexes(m)
	byDoc := map[string][]string{}
	for _, c := range m.Clauses {
		byDoc[c.Doc] = append(byDoc[c.Doc], c.Doc+"#"+c.Section)
	}
	folded := map[string]string{}
	found := map[corpus.Expect][]string{}
	return func(e corpus.Expect) []string {
		keys, ok := found[e]
		if ok {
			return keys
		}
		expect := foldedExpects([]corpus.Expect{e})
		for doc, refs := range byDoc {
			if !strings.HasPrefix(doc, e.Doc) {
				continue
			}
			for _, ref := range refs {
				if m.quotesCached(at, folded, ref, expect) {
					d, sec, _ := strings.Cut(ref, "#")
					keys = append(keys, clauseKey(d, sec))
				}
			}
		}
		found[e] = keys
		return keys
	}
}

// layOut lays out the memory of the questions: question i has the stems
// asked[i] and was answered by the clauses answers[i] (clause keys); and
// each clause's centroid.
func layOut(asked, answers [][]string) *questionMemory {
	mem := layOutQuestions(asked, answers)
	mem.Cent = newCentroids(mem)
	return mem
}

// layOutQuestions is layOut without the centroids.
func layOutQuestions(asked, answers [][]string) *questionMemory {
	mem := &questionMemory{}
	post := map[string][]int32{}
	for i, st := range asked {
		for _, w := range st {
			post[w] = append(post[w], int32(i))
		}
	}
	vocab := slices.Sorted(maps.Keys(post))
	mem.Vocab = newTerms(vocab)
	for _, w := range vocab {
		mem.Start = append(mem.Start, int32(len(mem.Post)))
		mem.Post = append(mem.Post, post[w]...)
	}
	mem.Start = append(mem.Start, int32(len(mem.Post)))
	mem.Norm = make([]float64, len(asked))
	for i, st := range asked {
		for _, w := range st {
			idf := mem.idf(len(post[w]))
			mem.Norm[i] += idf * idf
		}
		mem.Norm[i] = math.Sqrt(mem.Norm[i])
	}
	at := map[string]int32{}
	mem.AnswerStart = packed[int32]{0}
	for _, keys := range answers {
		for _, k := range keys {
			p, ok := at[k]
			if !ok {
				p = int32(len(mem.Clauses))
				at[k], mem.Clauses = p, append(mem.Clauses, k)
			}
			mem.Answer = append(mem.Answer, p)
		}
		mem.AnswerStart = append(mem.AnswerStart, int32(len(mem.Answer)))
	}
	return mem
}

// idf weighs a stem that n of the questions have.
func (mem *questionMemory) idf(n int) float64 {
	return math.Log(1 + float64(len(mem.Norm))/float64(n))
}

// answered returns the places in Clauses of the clauses that answered
// question q.
func (mem *questionMemory) answered(q int32) []int32 {
	return mem.Answer[mem.AnswerStart[q]:mem.AnswerStart[q+1]]
}

// posting returns the questions that have the v-th stem of the vocabulary.
func (mem *questionMemory) posting(v int32) []int32 {
	return mem.Post[mem.Start[v]:mem.Start[v+1]]
}

// memoryStems are the distinct stems of a question that say what it asks.
func memoryStems(stems []string) []string { return sortedDistinct(askedAbout(stems)) }

// sortedDistinct sorts st in place and drops its repeats.
func sortedDistinct(st []string) []string {
	slices.Sort(st)
	return slices.Compact(st)
}

// memoryPairs are the distinct pairs of neighbouring stems of a question,
// of those that say what it asks ("outputs train", "commercial product"):
// the memory of pairs finds the training questions asked the same way,
// not only in the same words. Cross-validated over four orders, its
// nearest questions' votes as a reranker feature (fPairs, weight 1) took
// real people's questions from 0.741 to 0.746 top-1 (orders 0.740–0.742
// against 0.743–0.747), those on models' licenses 0.722 → 0.731; with the
// question model's runs of letters (gramLetters), 0.749 and 0.741.
func memoryPairs(stems []string) []string { return neighbourPairs(askedAbout(stems)) }

// neighbourPairs is memoryPairs over stems already reduced to what the
// question asks about (askedAbout), which it leaves as they are.
func neighbourPairs(st []string) []string {
	var out []string
	for i := 0; i+1 < len(st); i++ {
		if st[i] != st[i+1] {
			out = append(out, st[i]+" "+st[i+1])
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// memoryIndex is the memory with scratch space for lookups.
type memoryIndex struct {
	*questionMemory
	// scratch holds a lookup's dot product with each question, all zero
	// between lookups, and the questions it touched (see memoryScratch).
	scratch sync.Pool
	centAt  map[string]int32 // clause key → the place of its centroid
	pairs   *memoryIndex     // the memory of pairs, or nil
}

func newMemoryIndex(mem *questionMemory) *memoryIndex {
	if mem == nil {
		mem = &questionMemory{}
	}
	x := &memoryIndex{questionMemory: mem, centAt: make(map[string]int32, len(mem.Clauses))}
	for k, key := range mem.Clauses {
		x.centAt[key] = int32(k)
	}
	if mem.Pairs != nil {
		x.pairs = newMemoryIndex(mem.Pairs)
	}
	n := len(mem.Norm)
	x.scratch.New = func() any { return &memoryScratch{dot: make([]float64, n)} }
	return x
}

// memoryScratch is a lookup's space: a dot product per question, and the
// questions with one.
type memoryScratch struct {
	dot     []float64
	touched []int32
}

// votes returns, for each clause key, the share of the similarity of the
// nearest questions to the asked stems that voted for it.
func (x *memoryIndex) votes(a askedStems) map[string]float64 {
	sc := x.scratch.Get().(*memoryScratch)
	defer x.scratch.Put(sc)
	dot, touched := sc.dot, sc.touched[:0]
	defer func() { sc.touched = touched[:0] }()
	for j, v := range a.places {
		idf := a.idf[j]
		for _, i := range x.posting(v) {
			if dot[i] == 0 {
				touched = append(touched, i)
			}
			dot[i] += idf * idf
		}
	}
	if len(touched) == 0 {
		return nil
	}
	nn := x.nearest(touched, dot, a.norm)
	total := 0.0
	out := map[string]float64{}
	for _, n := range nn {
		total += n.sim
		for _, k := range x.answered(n.i) {
			out[x.Clauses[k]] += n.sim
		}
	}
	for k := range out {
		out[k] /= total
	}
	return out
}

// votesFor returns the memory's votes for r, worked out once per reading.
func (s *snapshot) votesFor(r *reading) map[string]float64 {
	if r.votes == nil {
		r.votes = s.mem.votes(s.askedFor(r))
		if r.votes == nil {
			r.votes = map[string]float64{}
		}
	}
	return r.votes
}

// near is a training question and its similarity to the one asked.
type near struct {
	i   int32
	sim float64
}

// nearest returns the memoryNeighbours most similar questions of touched
// (ties to the earlier question), zeroing their dot products for the next
// caller.
func (x *memoryIndex) nearest(touched []int32, dot []float64, qn float64) []near {
	nn := make([]near, 0, memoryNeighbours+1)
	for _, i := range touched {
		sim := dot[i] / (qn * x.Norm[i])
		dot[i] = 0
		if len(nn) == memoryNeighbours && !closer(near{i, sim}, nn[len(nn)-1]) {
			continue
		}
		at, _ := slices.BinarySearchFunc(nn, near{i, sim}, func(a, b near) int {
			if closer(a, b) {
				return -1
			}
			return 1
		})
		nn = slices.Insert(nn, at, near{i, sim})[:min(len(nn)+1, memoryNeighbours)]
	}
	return nn
}

func closer(a, b near) bool { return a.sim > b.sim || a.sim == b.sim && a.i < b.i }

// The memory read another way: per clause, the centroid of the training
// questions it answered — the sum of their stem vectors, each of length
// one — and a question's cosine with it. Where the nearest questions vote
// for the clauses of a few questions worded like the one asked, a
// centroid gathers every question a clause answered, so that a clause
// asked about in many ways is found by any of them. Both are evidence for
// the reranker; what the centroids are worth is measured there (see
// rankWeights in rerank.go).

// centroids holds each clause's centroid, laid out at build like the
// postings: centroid k, of the memory's Clauses[k], has the weights
// W[Start[k]:Start[k+1]] at the sorted vocabulary places Place[Start[k]:
// Start[k+1]], and the length Norm[k]. Summed at a process's first answer
// instead, they cost more than the rest of that answer.
//
// Beside the weights, the same places keep counts for the third reading
// (see likelihood): Count[j] is how many of the clause's questions have
// the stem at Place[j], Asked[k] how many questions clause k answered,
// and Words[k] the sum of its counts.
type centroids struct {
	Start packed[int32]   `json:"start"`
	Place packed[int32]   `json:"place"`
	W     packed[float32] `json:"w"`
	Norm  packed[float64] `json:"norm"`
	Count packed[int32]   `json:"count"`
	Asked packed[int32]   `json:"asked"`
	Words packed[int32]   `json:"words"`
}

// newCentroids sums the questions' stem vectors per clause, and counts
// them.
func newCentroids(mem *questionMemory) centroids {
	n := len(mem.Clauses)
	c := centroids{Start: packed[int32]{0}, Norm: make(packed[float64], n), Asked: make(packed[int32], n), Words: make(packed[int32], n)}
	places, ws, counts := make([][]int32, n), make([][]float32, n), make([][]int32, n)
	for v := range int32(mem.Vocab.len()) {
		post := mem.posting(v)
		idf := mem.idf(len(post))
		for _, i := range post {
			w := float32(idf / mem.Norm[i])
			for _, k := range mem.answered(i) {
				if n := len(places[k]); n > 0 && places[k][n-1] == v {
					ws[k][n-1] += w
					counts[k][n-1]++
					continue
				}
				places[k], ws[k], counts[k] = append(places[k], v), append(ws[k], w), append(counts[k], 1)
			}
		}
	}
	for _, k := range mem.Answer {
		c.Asked[k]++
	}
	for k := range places {
		c.Place, c.W, c.Count = append(c.Place, places[k]...), append(c.W, ws[k]...), append(c.Count, counts[k]...)
		c.Start = append(c.Start, int32(len(c.Place)))
		for j, w := range ws[k] {
			c.Norm[k] += float64(w) * float64(w)
			c.Words[k] += counts[k][j]
		}
		c.Norm[k] = math.Sqrt(c.Norm[k])
	}
	return c
}

// askedStems are a question's stems the memory knows, as sorted
// vocabulary places with their idf, and the length of that vector.
type askedStems struct {
	places []int32
	idf    []float64
	norm   float64
}

// asked returns the question's stems as the memory knows them.
func (x *memoryIndex) asked(stems []string) askedStems { return x.askedTerms(memoryStems(stems)) }

// askedTerms returns terms (sorted, distinct) as the memory knows them.
func (x *memoryIndex) askedTerms(terms []string) askedStems {
	var a askedStems
	for _, w := range terms { // sorted, so places are too
		v, ok := x.Vocab.find(w)
		if !ok {
			continue
		}
		idf := x.idf(len(x.posting(int32(v))))
		a.places, a.idf = append(a.places, int32(v)), append(a.idf, idf)
		a.norm += idf * idf
	}
	a.norm = math.Sqrt(a.norm)
	return a
}

// affinity is the cosine of the asked stems with clause key's centroid,
// 0 for a clause no training question was answered by, or only questions
// with no stem the memory keeps ("can I use it?"): a centroid of length 0.
func (x *memoryIndex) affinity(a askedStems, key string) float64 {
	c := &x.Cent
	k, ok := x.centAt[key]
	if !ok || a.norm == 0 || c.Norm[k] == 0 {
		return 0
	}
	places, ws := c.Place[c.Start[k]:c.Start[k+1]], c.W[c.Start[k]:c.Start[k+1]]
	dot := 0.0
	for i, v := range a.places {
		j, ok := slices.BinarySearch(places, v)
		if ok {
			dot += a.idf[i] * float64(ws[j])
			j++
		}
		places, ws = places[j:], ws[j:] // the asked places are sorted too
	}
	return dot / (a.norm * c.Norm[k])
}

// The memory read a third way: as a naive Bayes model of the words of
// the questions each clause answered. Where the centroid's cosine weighs
// a clause's questions by how they are worded as a whole, the likelihood
// weighs each asked word by how often the clause's questions have it
// against its other words, and the clause by how many questions it
// answered: a word the clause's questions nearly always have lifts it, a
// word they never have sinks it (smoothed by bayesSmooth).

// bayesSmooth is the count every stem of the memory's vocabulary gets for
// every clause, bayesPrior the count of questions every clause gets.
// Cross-validated, smoothing 0.03 or 0.3 and a prior of 3 moved whole
// answers' top-1 by at most 0.004 either way: the evidence does not hang
// on them.
const bayesSmooth, bayesPrior = 0.1, 0.5

// likelihood is the log-probability, up to a constant of the question,
// that clause key answers a question with the asked stems.
func (x *memoryIndex) likelihood(a askedStems, key string) float64 {
	c := &x.Cent
	v := float64(x.Vocab.len() + 1)
	k, ok := x.centAt[key]
	if !ok {
		return math.Log(bayesPrior) + float64(len(a.places))*math.Log(bayesSmooth/(bayesSmooth*v))
	}
	s := math.Log(float64(c.Asked[k]) + bayesPrior)
	denom := math.Log(float64(c.Words[k]) + bayesSmooth*v)
	places, counts := c.Place[c.Start[k]:c.Start[k+1]], c.Count[c.Start[k]:c.Start[k+1]]
	for _, p := range a.places {
		j, found := slices.BinarySearch(places, p)
		n := 0.0
		if found {
			n = float64(counts[j])
			j++
		}
		s += math.Log(n+bayesSmooth) - denom
		places, counts = places[j:], counts[j:] // the asked places are sorted too
	}
	return s
}

// pairVotesFor returns what the nearest training questions by their pairs
// of stems vote for each clause (see memoryPairs), once per reading.
func (s *snapshot) pairVotesFor(r *reading) map[string]float64 {
	if r.pairVotes == nil {
		r.pairVotes = map[string]float64{}
		if p := s.mem.pairs; p != nil {
			if v := p.votes(p.askedTerms(memoryPairs(r.stems))); v != nil {
				r.pairVotes = v
			}
		}
	}
	return r.pairVotes
}

// askedFor returns r's stems as the memory knows them, once per reading.
func (s *snapshot) askedFor(r *reading) askedStems {
	if r.asked == nil {
		a := s.mem.asked(r.stems)
		r.asked = &a
	}
	return *r.asked
}
