package index

import (
	"math"
	"slices"
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
// out flat so that opening a build decodes it in one pass: the sorted
// stems of all questions, the questions that have each (Post[Start[i]:
// Start[i+1]] for Vocab[i]), and per question the norm of its weighted
// stems and the clauses that answer it, space-separated.
type questionMemory struct {
	Vocab []string  `json:"vocab"`
	Start []int32   `json:"start"`
	Post  []int32   `json:"post"`
	Norm  []float64 `json:"norm"`
	Keys  []string  `json:"keys"`
}

// memoryNeighbours is how many of the questions worded most like a new
// one vote.
const memoryNeighbours = 10

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
func rememberQuestions(m *meta, qs []corpus.Question, skip map[string]bool) *questionMemory {
	stems := buildStems()
	at := clauseIndexes(m)
	byDoc := map[string][]string{}
	for _, c := range m.Clauses {
		byDoc[c.Doc] = append(byDoc[c.Doc], c.Doc+"#"+c.Section)
	}
	folded := map[string]string{}
	mem := &questionMemory{}
	var asked [][]string
	for _, q := range qs {
		if skip[q.ID] || len(q.Expect) == 0 {
			continue
		}
		var keys []string
		expect := foldedExpects(q.Expect) // folded once, not once per clause
		for doc, refs := range byDoc {
			if !slices.ContainsFunc(expect, func(e corpus.Expect) bool { return strings.HasPrefix(doc, e.Doc) }) {
				continue
			}
			for _, ref := range refs {
				if m.quotesCached(at, folded, ref, expect) {
					d, sec, _ := strings.Cut(ref, "#")
					keys = append(keys, clauseKey(d, sec))
				}
			}
		}
		if len(keys) > 0 {
			slices.Sort(keys)
			asked = append(asked, memoryStems(stems(q.Text())))
			mem.Keys = append(mem.Keys, strings.Join(slices.Compact(keys), " "))
		}
	}
	mem.layOut(asked)
	return mem
}

// layOut fills the memory's stems, postings and norms from each
// question's stems.
func (mem *questionMemory) layOut(asked [][]string) {
	post := map[string][]int32{}
	for i, st := range asked {
		for _, w := range st {
			post[w] = append(post[w], int32(i))
		}
	}
	for w := range post {
		mem.Vocab = append(mem.Vocab, w)
	}
	slices.Sort(mem.Vocab)
	for _, w := range mem.Vocab {
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
}

// idf weighs a stem that n of the questions have.
func (mem *questionMemory) idf(n int) float64 {
	return math.Log(1 + float64(len(mem.Keys))/float64(n))
}

// posting returns the questions that have stem w.
func (mem *questionMemory) posting(w string) []int32 {
	i, ok := slices.BinarySearch(mem.Vocab, w)
	if !ok {
		return nil
	}
	return mem.Post[mem.Start[i]:mem.Start[i+1]]
}

// memoryStems are the distinct stems of a question that say what it asks.
func memoryStems(stems []string) []string {
	out := slices.DeleteFunc(slices.Clone(stems), func(s string) bool { return askingWords[s] || genericWords[s] })
	slices.Sort(out)
	return slices.Compact(out)
}

// memoryIndex is the memory with scratch space for lookups.
type memoryIndex struct {
	*questionMemory
	// scratch holds a lookup's dot product with each question, all zero
	// between lookups, and the questions it touched (see memoryScratch).
	scratch sync.Pool
	keys    [][]string // Keys, each split once
}

func newMemoryIndex(mem *questionMemory) *memoryIndex {
	if mem == nil {
		mem = &questionMemory{}
	}
	x := &memoryIndex{questionMemory: mem, keys: make([][]string, len(mem.Keys))}
	for i, k := range mem.Keys {
		x.keys[i] = strings.Fields(k)
	}
	n := len(mem.Keys)
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
// nearest questions to stems that voted for it.
func (x *memoryIndex) votes(stems []string) map[string]float64 {
	sc := x.scratch.Get().(*memoryScratch)
	defer x.scratch.Put(sc)
	dot, touched := sc.dot, sc.touched[:0]
	defer func() { sc.touched = touched[:0] }()
	qn := 0.0
	for _, w := range memoryStems(stems) {
		post := x.posting(w)
		if len(post) == 0 {
			continue
		}
		idf := x.idf(len(post))
		qn += idf * idf
		for _, i := range post {
			if dot[i] == 0 {
				touched = append(touched, i)
			}
			dot[i] += idf * idf
		}
	}
	if len(touched) == 0 {
		return nil
	}
	nn := x.nearest(touched, dot, math.Sqrt(qn))
	total := 0.0
	out := map[string]float64{}
	for _, n := range nn {
		total += n.sim
		for _, k := range x.keys[n.i] {
			out[k] += n.sim
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
		r.votes = s.mem.votes(r.stems)
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
