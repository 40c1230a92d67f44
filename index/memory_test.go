package index

import (
	"bytes"
	"encoding/gob"
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"
)

// memoryOf lays out a memory of questions (their stems) answered by keys
// (space-separated), and reads it back as a build's meta keeps it.
func memoryOf(t *testing.T, qs [][]string, keys []string) *memoryIndex {
	t.Helper()
	answers := make([][]string, len(keys))
	for i, k := range keys {
		answers[i] = strings.Fields(k)
	}
	var b bytes.Buffer
	var mem questionMemory
	if err := gob.NewEncoder(&b).Encode(layOut(qs, answers)); err != nil {
		t.Fatal(err)
	}
	if err := gob.NewDecoder(&b).Decode(&mem); err != nil {
		t.Fatal(err)
	}
	return newMemoryIndex(&mem)
}

func TestMemoryVotesForTheClausesOfSimilarQuestions(t *testing.T) {
	x := memoryOf(t, [][]string{
		{"name", "finetun"},               // what to call a fine-tune
		{"name", "derivat", "prefix"},     // the same, other words
		{"output", "train", "smaller"},    // training on outputs
		{"weight", "upload", "hug", "fa"}, // hosting the weights
	}, []string{"llama-license#1.b.i", "llama-license#1.b.i", "llama-license#1.b.v", "llama-license#1.b.ii"})
	v := x.votes(x.asked([]string{"what", "name", "finetun"}))
	best, share := "", 0.0
	for k, s := range v {
		if s > share {
			best, share = k, s
		}
	}
	if best != "llama-license#1.b.i" {
		t.Fatalf("votes %v: the naming rule should lead", v)
	}
	total := 0.0
	for _, s := range v {
		total += s
	}
	if math.Abs(total-1) > 1e-9 {
		t.Errorf("votes %v sum to %v; each is a share of the neighbours' similarity, one clause per question", v, total)
	}
	// The scratch space is clean for the next question: the same question
	// gets the same votes.
	if again := x.votes(x.asked([]string{"what", "name", "finetun"})); fmt.Sprint(again) != fmt.Sprint(v) {
		t.Errorf("asked again: %v, first %v", again, v)
	}
	if v := x.votes(x.asked([]string{"zqxj"})); v != nil {
		t.Errorf("a question sharing no word with the memory got votes %v", v)
	}
}

// The memory of pairs holds each question's neighbouring stems of those
// that say what it asks, so "train on outputs" and "outputs to train"
// are told apart from questions with the same words in other places; it
// votes, as the memory of words does, for the clauses of the questions
// worded most alike.
func TestMemoryOfPairsVotesByNeighbouringWords(t *testing.T) {
	// Analysed: no "on"; "can" asks and "model" says nothing.
	got := memoryPairs([]string{"can", "train", "model", "output", "output", "smaller"})
	if want := []string{"output smaller", "train output"}; !slices.Equal(got, want) {
		t.Fatalf("pairs %v, want %v", got, want)
	}
	x := memoryOf(t, [][]string{
		{"output smaller", "train output"}, // train a smaller one on the outputs
		{"output commerci", "sell output"}, // sell the outputs
	}, []string{"l#outputs-training", "l#output-ownership"})
	v := x.votes(x.askedTerms(memoryPairs([]string{"train", "output", "distil"})))
	if v["l#outputs-training"] <= v["l#output-ownership"] {
		t.Errorf("votes %v: the question worded as the training one should vote for its clause", v)
	}
}

func TestMemoryKeepsTheNearestQuestionsOnly(t *testing.T) {
	var qs [][]string
	var keys []string
	for i := range memoryNeighbours + 5 {
		qs = append(qs, []string{"share", fmt.Sprintf("w%d", i)})
		keys = append(keys, fmt.Sprintf("doc#%d", i))
	}
	x := memoryOf(t, qs, keys)
	v := x.votes(x.asked([]string{"share"}))
	if len(v) != memoryNeighbours {
		t.Errorf("%d clauses voted, want the %d nearest questions' clauses", len(v), memoryNeighbours)
	}
	for k := range v { // ties go to the earlier question
		var i int
		fmt.Sscanf(strings.TrimPrefix(k, "doc#"), "%d", &i)
		if i >= memoryNeighbours {
			t.Errorf("%s voted: a later question won a tie", k)
		}
	}
}

func TestClauseKeyNamesAClauseAcrossVersions(t *testing.T) {
	if a, b := clauseKey("llama3.1-license", "1.b.i"), clauseKey("llama4-license", "1.b.i"); a != b {
		t.Errorf("%s and %s: the same clause of two versions of a license", a, b)
	}
	if a, b := clauseKey("llama4-license", "1.b.i"), clauseKey("llama4-aup", "1.b.i"); a == b {
		t.Errorf("a license and its policy share the key %s", a)
	}
}

func TestRerankOrdersByWeightedEvidence(t *testing.T) {
	cands := []candidate{{hit: Hit{Section: "a"}}, {hit: Hit{Section: "b"}}, {hit: Hit{Section: "c"}}}
	cands[0].x[fOrder] = 1
	cands[1].x[fMemory] = 0.9
	cands[2].x[fMemory] = 0.9
	var w [rankFeatures]float64
	w[fOrder], w[fMemory] = 0.5, 1
	order(cands, w)
	if got := cands[0].hit.Section + cands[1].hit.Section + cands[2].hit.Section; got != "bca" {
		t.Errorf("order %s, want b c (tied, kept in their order) then a", got)
	}
}

func TestCandidateSetHoldsEachClauseOnce(t *testing.T) {
	cs := &candidateSet{at: map[clauseID]int{}}
	i := cs.add(Hit{Doc: "d", Section: "1"})
	cs.list[i].x[fLead] += 0.5
	if j := cs.add(Hit{Doc: "d", Section: "1"}); j != i {
		t.Fatalf("the same clause added twice got places %d and %d", i, j)
	}
	cs.list[i].x[fLead] += 0.25
	if len(cs.list) != 1 || cs.list[0].x[fLead] != 0.75 {
		t.Errorf("%d candidates, lead evidence %v: want one, summed from both topics", len(cs.list), cs.list[0].x[fLead])
	}
	// Reset for the pool, the set keeps nothing of this answer for the
	// next: no clause, no place, no evidence in the list it will reuse.
	list := cs.list[:1]
	cs.reset()
	if len(cs.list) != 0 || len(cs.at) != 0 || list[0].hit.Doc != "" || list[0].x[fLead] != 0 {
		t.Errorf("reset set holds %d candidates, %d places, first %+v", len(cs.list), len(cs.at), list[0])
	}
	if i := cs.add(Hit{Doc: "d", Section: "1"}); i != 0 {
		t.Errorf("after reset the clause is at %d, want a fresh set's 0", i)
	}
}

// sampleMemory is six training questions, as memoryStems leaves their
// stems, and the clauses that answered each (space-separated): three on
// naming a derivative (one also on the notice), one on outputs, two on
// hosting the weights.
func sampleMemory() ([][]string, []string) {
	return [][]string{
			{"name", "finetun"},
			{"call", "derivat", "prefix"},
			{"brand", "merg", "quant"},
			{"output", "train", "smaller"},
			{"weight", "upload", "hug", "fa"},
			{"weight", "mirror", "quant"},
		},
		[]string{"l#naming", "l#naming", "l#naming l#notice", "l#outputs", "l#redistribute", "l#redistribute"}
}

// A clause's centroid holds every question it answered: a question worded
// like one of them finds it, with the cosine a plain computation gives.
// (The questions' stems are as memoryStems leaves them: no generic word.)
func TestCentroidAffinityIsTheCosineWithEveryQuestionAClauseAnswered(t *testing.T) {
	qs, keys := sampleMemory()
	// and a question with no stem the memory keeps ("can I use it?")
	qs, keys = append(qs, []string{}), append(keys, "l#empty")
	x := memoryOf(t, qs, keys)
	for _, asked := range [][]string{{"brand", "prefix"}, {"quant", "weight"}, {"name", "output", "zqxj"}, {"zqxj"}, {}} {
		a := x.asked(asked)
		for _, key := range []string{"l#naming", "l#notice", "l#outputs", "l#redistribute", "l#empty", "l#nothing"} {
			got, want := x.affinity(a, key), plainAffinity(qs, keys, asked, key)
			if !(math.Abs(got-want) <= 1e-6) { // NaN fails too
				t.Errorf("%v and %s: affinity %.6f, want the cosine %.6f", asked, key, got, want)
			}
		}
	}
	a := x.asked([]string{"brand", "prefix"})
	if n, o := x.affinity(a, "l#naming"), x.affinity(a, "l#outputs"); n <= 0 || o != 0 {
		t.Errorf("words of two naming questions: naming %.3f, outputs %.3f; want naming only", n, o)
	}
}

// plainAffinity works out the cosine of asked with key's centroid from
// the questions themselves, with maps.
func plainAffinity(qs [][]string, keys []string, asked []string, key string) float64 {
	df := map[string]int{}
	for _, q := range qs {
		for _, w := range q {
			df[w]++
		}
	}
	idf := func(w string) float64 { return math.Log(1 + float64(len(qs))/float64(df[w])) }
	cent := map[string]float64{}
	for i, q := range qs {
		if !slices.Contains(strings.Fields(keys[i]), key) {
			continue
		}
		n := 0.0
		for _, w := range q {
			n += idf(w) * idf(w)
		}
		for _, w := range q {
			cent[w] += idf(w) / math.Sqrt(n)
		}
	}
	dot, qn, cn := 0.0, 0.0, 0.0
	for _, w := range asked {
		if df[w] > 0 {
			dot += idf(w) * cent[w]
			qn += idf(w) * idf(w)
		}
	}
	for _, v := range cent {
		cn += v * v
	}
	if dot == 0 {
		return 0
	}
	return dot / math.Sqrt(qn) / math.Sqrt(cn)
}

// A clause's likelihood is naive Bayes over the questions it answered:
// each asked stem the memory knows weighs in by the share of the clause's
// stems it makes up (smoothed), and the clause by how many questions it
// answered — the value a plain computation with maps gives.
func TestLikelihoodIsNaiveBayesOverTheQuestionsAClauseAnswered(t *testing.T) {
	qs, keys := sampleMemory()
	x := memoryOf(t, qs, keys)
	for _, asked := range [][]string{{"brand", "prefix"}, {"quant", "weight"}, {"name", "output", "zqxj"}, {}} {
		a := x.asked(asked)
		for _, key := range []string{"l#naming", "l#notice", "l#outputs", "l#redistribute", "l#nothing"} {
			got, want := x.likelihood(a, key), plainLikelihood(qs, keys, asked, key)
			if !(math.Abs(got-want) <= 1e-9) {
				t.Errorf("%v and %s: likelihood %.6f, want %.6f", asked, key, got, want)
			}
		}
	}
	a := x.asked([]string{"quant", "weight"})
	if r, n := x.likelihood(a, "l#redistribute"), x.likelihood(a, "l#naming"); r <= n {
		t.Errorf("words of the hosting questions: redistribute %.3f, naming %.3f; want redistribute first", r, n)
	}
	// As evidence, the likelihoods are shares of the candidates' whole, in
	// the same order.
	cands := make([]candidate, 3)
	for i, key := range []string{"l#naming", "l#redistribute", "l#nothing"} {
		cands[i].x[fBayes] = x.likelihood(a, key)
	}
	ll := []float64{cands[0].x[fBayes], cands[1].x[fBayes], cands[2].x[fBayes]}
	bayesShares(cands, len(a.places))
	// Each share is the softmax of the likelihoods tempered per stem.
	temp, z := bayesTemperature/float64(len(a.places)), 0.0
	for _, v := range ll {
		z += math.Exp(temp * (v - ll[1]))
	}
	for i, v := range ll {
		if want := math.Exp(temp*(v-ll[1])) / z; math.Abs(cands[i].x[fBayes]-want) > 1e-9 {
			t.Errorf("share %d: %.6f, want %.6f", i, cands[i].x[fBayes], want)
		}
	}
	sum := cands[0].x[fBayes] + cands[1].x[fBayes] + cands[2].x[fBayes]
	if math.Abs(sum-1) > 1e-9 || !(cands[1].x[fBayes] > cands[0].x[fBayes] && cands[0].x[fBayes] > cands[2].x[fBayes]) {
		t.Errorf("shares %.3f %.3f %.3f: want redistribute, naming, nothing, summing to 1", cands[0].x[fBayes], cands[1].x[fBayes], cands[2].x[fBayes])
	}
}

// plainLikelihood works out clause key's likelihood for asked from the
// questions themselves, with maps.
func plainLikelihood(qs [][]string, keys []string, asked []string, key string) float64 {
	vocab := map[string]bool{}
	count := map[string]float64{}
	answered, words := 0.0, 0.0
	for i, q := range qs {
		mine := slices.Contains(strings.Fields(keys[i]), key)
		if mine {
			answered++
		}
		for _, w := range q {
			vocab[w] = true
			if mine {
				count[w]++
				words++
			}
		}
	}
	v := float64(len(vocab) + 1)
	s := math.Log(answered + bayesPrior)
	for _, w := range asked {
		if vocab[w] {
			s += math.Log(count[w]+bayesSmooth) - math.Log(words+bayesSmooth*v)
		}
	}
	return s
}
