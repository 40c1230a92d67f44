package index

import (
	"fmt"
	"maps"
	"math"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/agnivade/levenshtein"

	"github.com/licensebot/licensebot/corpus"
	"github.com/licensebot/licensebot/internal/parallel"
)

// Question understanding is its own step, scored on its own: (license,
// question) → the topics it is about, ranked, each with a probability, and
// "none" among them. A question is read as sentences, not keywords: its
// words and word pairs, the runs of letters in its longer words, the
// words WordNet relates them to (lexicon.tsv),
// the concepts it names in their roles (what is acted on, the action, the
// conditions) and their combinations, and the taxonomy's own phrasings. A
// linear model over those features is fitted at index build to the
// taxonomy's phrasings and the labelled training questions.

// TopicScore is one topic a question may be about, with the model's
// probability that it is.
type TopicScore struct {
	Topic string  `json:"topic"`
	Label string  `json:"label"`
	Score float64 `json:"score"`
}

// questionModel is a multinomial logistic regression: per feature, one
// weight per class. Classes are topic ids and corpus.NoTopic.
type questionModel struct {
	Classes []string
	Bias    []float32
	// The weights are quantized to a byte each (weight = (W-128)·Scale),
	// a row of one per class for each feature, flat: a weight too small to
	// matter (pruneBelow) is stored as 128, weight 0, and a feature with
	// none larger is left out. Nearly every weight is larger, so rows are
	// smaller than a list of the classes kept beside their weights, which
	// opening a build had to read too. A feature is known by the 64-bit
	// FNV-1a hash of its name (featureHash), not the name: the feature
	// whose hash is Hash[i] (sorted) has the weights of row i. Opening a
	// build then decodes numbers, not tens of thousands of names, and
	// builds no index of them.
	Hash  packed[uint64]
	W     []byte
	Scale float32
	// Known are the stems the model has a word feature for, sorted: the
	// words a misspelling is corrected to (see correct).
	Known []string
}

// featureHash is the 64-bit FNV-1a hash of a feature's name.
func featureHash(name []byte) uint64 {
	h := uint64(14695981039346656037)
	for _, c := range name {
		h = (h ^ uint64(c)) * 1099511628211
	}
	return h
}

// find returns the place of the feature whose name hashes to h.
func (m *questionModel) find(h uint64) (int32, bool) {
	i, ok := slices.BinarySearch(m.Hash, h)
	return int32(i), ok
}

// weights returns feature name's quantized weights, one per class; nil
// for a feature the model does not know.
func (m *questionModel) weights(name string) []byte {
	i, ok := m.find(featureHash([]byte(name)))
	if !ok {
		return nil
	}
	return m.row(i)
}

// row returns the quantized weights of the i-th feature, one per class.
func (m *questionModel) row(i int32) []byte {
	n := int32(len(m.Classes))
	return m.W[i*n : (i+1)*n]
}

// featurizer turns text into the model's features. It is built from a
// build's meta, so a build's topics, concepts and lexicon travel together.
type featurizer struct {
	stems func(string) []string
	// known are the stems the question model has weights for, by length,
	// to read a misspelt word ("comercial") as the nearest known one.
	known    map[int][]string
	lex      *featureData
	concepts []conceptWords
	// conceptOf maps a single stem to the concepts (bits, by place in
	// concepts) it names or relates to, so a question's words are looked up
	// once rather than once per concept; runs of several stems are still
	// searched for in the question.
	conceptOf map[string]uint64
	topics    *topicMatcher
}

// conceptWords is one concept with its words as stem runs.
type conceptWords struct {
	ID, Role string
	Runs     [][]string
	Related  []string // single stems WordNet relates to a seed word, sorted
	// Seeds are the stems of the concept's one-word seeds, not of a
	// phrase the stop list shortens to one word ("based in"); Words the
	// same seeds as written, lower-cased.
	Seeds []string
	Words []string `json:",omitempty"`
}

// featureData is what the featurizer needs that costs time to compute —
// the lexicon and the concepts' words as stems — computed once at build
// and kept in the meta, so opening a build does not stem the lexicon. The
// lexicon is flat and sorted, read by binary search: decoding a map of
// ten thousand entries at every open would cost more than every lookup a
// question makes.
type featureData struct {
	// Words[i] (a stem a question may use) is a synonym or derivation of
	// the vocabulary stems Vocab[Links[j]] for j in Start[i]:Start[i+1].
	Words []string
	Start []int32
	Links packed[int32]
	// Derived has bit j set when link j is a derivation ("defamation" of
	// "defamatory"), not only a synonym of one of the word's senses
	// ("gambling" of "risk").
	Derived  packed[uint64]
	Vocab    []string
	Concepts []conceptWords
	// Known are the stems of the words WordNet holds among the corpus's
	// vocabulary, sorted: a word a question spells so is no typo.
	Known []string
}

// knows reports whether stem st is a word WordNet holds (Known).
func (fd *featureData) knows(st string) bool {
	if fd == nil {
		return false
	}
	_, ok := slices.BinarySearch(fd.Known, st)
	return ok
}

func newFeatureData(stems func(string) []string, lex []corpus.LexRow, concepts []corpus.Concept) *featureData {
	// The question model reads synonyms and derivations only: narrower and
	// broader terms were half its features and, cross-validated over 7,534
	// questions, changed nothing (answers 0.784 / 0.918 with them, 0.783 /
	// 0.919 without; understanding 0.824 and 0.825), at twice the fit time.
	// A concept still takes in its words' narrower terms.
	related := map[string][]lexLink{}
	relatedOf := map[string][]string{} // vocabulary stem → its synonyms, derivations and narrower terms (single stems)
	stems = memoStems(stems)
	for _, row := range lex {
		ws := stems(row.Word)
		if len(ws) != 1 {
			continue
		}
		w := ws[0]
		close := row.Relation == "syn" || row.Relation == "der"
		for _, r := range row.Related {
			rs := stems(r)
			if len(rs) != 1 || rs[0] == w {
				continue
			}
			if close {
				related[rs[0]] = append(related[rs[0]], lexLink{w, row.Relation == "der"})
			}
			relatedOf[w] = append(relatedOf[w], rs[0])
		}
	}
	fd := flatten(related)
	for _, row := range lex {
		if ws := stems(row.Word); len(ws) == 1 {
			fd.Known = append(fd.Known, ws[0])
		}
	}
	slices.Sort(fd.Known)
	fd.Known = slices.Compact(fd.Known)
	for _, c := range concepts {
		cw := conceptWords{ID: c.ID, Role: c.Role}
		for _, w := range c.Words {
			run := stems(w)
			if len(run) == 0 {
				continue
			}
			cw.Runs = append(cw.Runs, run)
			if len(run) == 1 {
				cw.Related = append(cw.Related, relatedOf[run[0]]...)
				if len(strings.Fields(w)) == 1 {
					cw.Seeds = append(cw.Seeds, run[0])
					cw.Words = append(cw.Words, strings.ToLower(w))
				}
			}
		}
		slices.Sort(cw.Related)
		cw.Related = slices.Compact(cw.Related)
		fd.Concepts = append(fd.Concepts, cw)
	}
	return fd
}

// memoStems returns stems remembering what it returned for each text, for
// work that analyses the same texts many times over: the lexicon's rows
// name 35,500 different words 123,000 times. The slices it returns are
// shared between the calls for one text, not to be changed.
func memoStems(stems func(string) []string) func(string) []string {
	memo := map[string][]string{}
	return func(text string) []string {
		st, ok := memo[text]
		if !ok {
			st = stems(text)
			memo[text] = st
		}
		return st
	}
}

// lexLink is one relation of the lexicon: to the vocabulary stem to, by
// derivation or as a synonym.
type lexLink struct {
	to  string
	der bool
}

// flatten lays the lexicon out sorted and flat.
func flatten(related map[string][]lexLink) *featureData {
	fd := &featureData{Start: []int32{0}}
	vocab := map[string]int32{}
	for _, w := range slices.Sorted(maps.Keys(related)) {
		fd.Words = append(fd.Words, w)
		for _, ln := range related[w] {
			v, ok := vocab[ln.to]
			if !ok {
				v = int32(len(fd.Vocab))
				vocab[ln.to] = v
				fd.Vocab = append(fd.Vocab, ln.to)
			}
			if j := len(fd.Links); ln.der {
				for len(fd.Derived) <= j/64 {
					fd.Derived = append(fd.Derived, 0)
				}
				fd.Derived[j/64] |= 1 << (j % 64)
			}
			fd.Links = append(fd.Links, v)
		}
		fd.Start = append(fd.Start, int32(len(fd.Links)))
	}
	return fd
}

// relate calls f for each vocabulary stem of which stem t is a synonym or
// derivation.
func (fd *featureData) relate(t string, f func(to string)) {
	lo, hi := fd.linksOf(t)
	for j := lo; j < hi; j++ {
		f(fd.Vocab[fd.Links[j]])
	}
}

// derive calls f for each vocabulary stem of which stem t is a derivation,
// and with derived false for each it is only a synonym of.
func (fd *featureData) derive(t string, f func(to string, derived bool)) {
	lo, hi := fd.linksOf(t)
	for j := lo; j < hi; j++ {
		f(fd.Vocab[fd.Links[j]], int(j)/64 < len(fd.Derived) && fd.Derived[j/64]&(1<<(j%64)) != 0)
	}
}

// linksOf is the span of Links that stem t relates to: empty for a stem
// the lexicon does not hold, or no lexicon.
func (fd *featureData) linksOf(t string) (lo, hi int32) {
	if fd == nil {
		return 0, 0
	}
	i, ok := slices.BinarySearch(fd.Words, t)
	if !ok {
		return 0, 0
	}
	return fd.Start[i], fd.Start[i+1]
}

// featurizer returns a featurizer over this data; nil data gives one that
// reads words and phrasings only.
func (fd *featureData) featurizer(stems func(string) []string, topics *topicMatcher) *featurizer {
	f := &featurizer{stems: stems, topics: topics, lex: fd}
	if fd != nil {
		// The taxonomy's check holds the concepts to corpus.MaxConcepts,
		// as many as a concept set's bits can name.
		f.concepts = fd.Concepts[:min(len(fd.Concepts), corpus.MaxConcepts)]
		f.conceptOf = conceptIndex(f.concepts)
	}
	return f
}

// conceptIndex maps each single stem of the concepts — a one-word run or
// a related word — to the bits of the concepts it belongs to.
func conceptIndex(cs []conceptWords) map[string]uint64 {
	m := map[string]uint64{}
	for i, c := range cs {
		bit := uint64(1) << i
		for _, r := range c.Runs {
			if len(r) == 1 {
				m[r[0]] |= bit
			}
		}
		for _, w := range c.Related {
			m[w] |= bit
		}
	}
	return m
}

// conceptsIn returns the bits of the concepts the tokens name.
func (f *featurizer) conceptsIn(toks []string) uint64 {
	var found uint64
	for _, t := range toks {
		found |= f.conceptOf[t]
	}
	for i, c := range f.concepts {
		if found&(1<<i) != 0 {
			continue
		}
		for _, r := range c.Runs {
			if len(r) > 1 && containsRun(toks, r) {
				found |= 1 << i
				break
			}
		}
	}
	return found
}

// feature is one feature of a question and its value.
type feature struct {
	name  string
	value float64
}

// featureWeight is the value of each kind of feature, by prefix: the
// question's own words count fully, what WordNet relates them to and
// their letters' runs (charGrams) less.
var featureWeight = [256]float64{'w': 1, 'b': 1, 'x': 0.5, 'g': 0.3, 'c': 1, 'C': 1, 'a': 1, 'i': 1, 'A': 1}

// gramLetters is the length of the runs of letters a word longer than it
// is also read as ("g:comm", "g:omme", …): a word no training question
// used, or a form of one the stemmer leaves apart ("selfhost",
// "noncommerci", "relicens"), still shares most of them with the words
// it is made of. Cross-validated over the 10,262 training questions, runs
// of 4 at value 0.3 read real people's questions' topic right for 0.780
// against 0.769 without (0.2: 0.775, 0.5: 0.778; runs of 3: 0.777, of 5:
// 0.772). Whole answers follow little on their own (over four orders,
// real people's questions 0.741 → 0.744 top-1, within the orders'
// spread), and beside the memory of pairs (see memoryPairs) more: 0.749
// (orders 0.744–0.752 against 0.740–0.742), those on models' licenses
// 0.722 → 0.741, wrong verdicts 28.8 → 29.0 (28–30).
const gramLetters = 4

// features returns the features of text, each once, sorted by name, with
// values scaled so that a long question's features weigh as much in all
// as a short one's (1/√n): a model then cannot grow confident merely from
// the number of words.
func (f *featurizer) features(text string) []feature {
	return f.featuresOf(f.stems(text))
}

// featuresOf is features over text already analysed.
//
// The names are written one after another into one buffer, made one
// string, and cut from it: the fit reads 11,000 questions of about 66
// features each (the runs of letters are a third of them), and a string
// and a set entry for each name was a third of reading them.
func (f *featurizer) featuresOf(stems []string) []feature {
	var buf []byte
	var ends []int
	f.emit(stems, func(kind byte, a, sep, b string) {
		buf = append(append(append(append(buf, kind, ':'), a...), sep...), b...)
		ends = append(ends, len(buf))
	})
	all := string(buf)
	names, start := make([]string, len(ends)), 0
	for i, end := range ends {
		names[i], start = all[start:end], end
	}
	slices.Sort(names)
	names = slices.Compact(names)
	out := make([]feature, len(names))
	norm := 0.0
	for i, n := range names {
		out[i] = feature{n, featureWeight[n[0]]}
		norm += out[i].value * out[i].value
	}
	if norm > 0 {
		norm = 1 / math.Sqrt(norm)
		for i := range out {
			out[i].value *= norm
		}
	}
	return out
}

// emit calls add with each feature of stems, in parts — its kind, and the
// name kind:a+sep+b — and may repeat one: the question's words and word
// pairs, what WordNet relates each word to, each word's runs of letters,
// the concepts and the taxonomy's phrasings found in them.
func (f *featurizer) emit(stems []string, add func(kind byte, a, sep, b string)) {
	toks := f.correct(stems)
	for i, t := range toks {
		add('w', t, "", "")
		if i+1 < len(toks) {
			add('b', t, "_", toks[i+1])
		}
		f.lex.relate(t, func(to string) { add('x', to, "", "") })
		charGrams(t, add)
	}
	f.conceptFeatures(toks, add)
	f.phraseFeatures(toks, add)
}

// charGrams adds the runs of gramLetters letters of stem t ("g:comm"),
// when it is longer than one. Runs of bytes, strictly: a letter outside
// ASCII ("réutilis", Chinese) may be split, the same way in training as
// in asking. Runs of runes instead cross-validated the same (four orders:
// real people's questions 0.749 both, those on models' licenses 0.739
// against 0.741), so the cheaper stays.
func charGrams(t string, add func(kind byte, a, sep, b string)) {
	for j := 0; len(t) > gramLetters && j+gramLetters <= len(t); j++ {
		add('g', t[j:j+gramLetters], "", "")
	}
}

// conceptFeatures adds each concept the tokens name ("c:outputs"), and the
// pairs of an object or condition with an action ("C:outputs|train"),
// which is where "use outputs" and "train a model" become one question.
func (f *featurizer) conceptFeatures(toks []string, add func(kind byte, a, sep, b string)) {
	var objects, actions, conditions []string
	found := f.conceptsIn(toks)
	for i, c := range f.concepts {
		if found&(1<<i) == 0 {
			continue
		}
		add('c', c.ID, "", "")
		switch c.Role {
		case "object":
			objects = append(objects, c.ID)
		case "action":
			actions = append(actions, c.ID)
		default:
			conditions = append(conditions, c.ID)
		}
	}
	for _, a := range actions {
		for _, o := range slices.Concat(objects, conditions) {
			add('C', o, "|", a)
		}
	}
}

// phraseFeatures adds the taxonomy's phrasings found in the tokens: a name
// of a topic ("a:"), a case of it ("i:"), and the whole input being one
// ("A:").
func (f *featurizer) phraseFeatures(toks []string, add func(kind byte, a, sep, b string)) {
	if f.topics == nil || len(toks) == 0 {
		return
	}
	for _, i := range f.topics.found(toks) {
		p := &f.topics.phrases[i]
		whole := slices.Equal(p.stems, toks)
		if whole && !p.instance {
			add('A', p.topic, "", "")
		}
		if p.instance {
			add('i', p.topic, "", "")
		} else {
			add('a', p.topic, "", "")
		}
	}
}

// scores returns the model's probability for each class, in class order.
func (m *questionModel) scores(feats []feature) []float64 {
	z := make([]float64, len(m.Classes))
	for k := range z {
		z[k] = float64(m.Bias[k])
	}
	for _, ft := range feats {
		for c, w := range m.weights(ft.name) {
			z[c] += float64(int(w)-128) * float64(m.Scale) * ft.value
		}
	}
	return softmax(z)
}

// read is scores over the features of toks, and whether the model knows
// any of them but runs of letters, without making their names: each is
// built in one buffer, and its hash tells it apart from the others and
// finds its weights. The answer path's version of scores(featuresOf(toks)):
// the same probabilities, but for the order of a sum.
//
// Runs of letters (charGrams) refine the reading of a word, but do not
// make a question one the model knows: nearly any long word shares a few
// with a training question's ("flumberwhistle" has "mber" and "hist"),
// and gibberish would then read as the topics asked most often, where
// understandStems reads a question of nothing known as about none.
func (m *questionModel) read(f *featurizer, toks []string) ([]float64, bool) {
	r := readScratch.Get().(*readState)
	defer r.put()
	norm := 0.0
	known := false
	f.emit(toks, func(kind byte, a, sep, b string) {
		r.buf = append(append(append(append(r.buf[:0], kind, ':'), a...), sep...), b...)
		sum := featureHash(r.buf)
		if _, dup := r.seen[sum]; dup {
			return
		}
		r.seen[sum] = struct{}{}
		v := featureWeight[kind]
		norm += v * v
		if id, ok := m.find(sum); ok {
			r.hits = append(r.hits, featureHit{id, v})
			known = known || kind != 'g'
		}
	})
	z := make([]float64, len(m.Classes))
	for k := range z {
		z[k] = float64(m.Bias[k])
	}
	if norm > 0 {
		norm = 1 / math.Sqrt(norm)
	}
	for _, ht := range r.hits {
		for c, w := range m.row(ht.id) {
			z[c] += float64(int(w)-128) * float64(m.Scale) * ht.value * norm
		}
	}
	return softmax(z), known
}

// featureHit is a feature of a question the model has weights for: their
// place in the model, and the feature's value.
type featureHit struct {
	id    int32
	value float64
}

// readState is read's scratch space — a feature's name being built, the
// hashes of the features seen, the features known — kept between
// questions so that reading one allocates only its scores.
type readState struct {
	buf  []byte
	seen map[uint64]struct{}
	hits []featureHit
}

var readScratch = sync.Pool{New: func() any {
	return &readState{buf: make([]byte, 0, 64), seen: make(map[uint64]struct{}, 128)}
}}

// put empties r and returns it to the pool, unless a very long input
// grew it: clear keeps a map's size, and the pool would keep it too.
func (r *readState) put() {
	if len(r.seen) > maxPooledFeatures {
		return
	}
	clear(r.seen)
	r.hits = r.hits[:0]
	readScratch.Put(r)
}

// maxPooledFeatures is the most features of a question whose scratch
// space read keeps: a long question has a few hundred.
const maxPooledFeatures = 1024

func softmax(z []float64) []float64 {
	mx := math.Inf(-1)
	for _, v := range z {
		mx = max(mx, v)
	}
	sum := 0.0
	for i, v := range z {
		z[i] = math.Exp(v - mx)
		sum += z[i]
	}
	for i := range z {
		z[i] /= sum
	}
	return z
}

// example is one training question: its features and the classes it is
// labelled with, each with a weight.
type example struct {
	feats   []feature
	classes []int
	weights []float64
}

// Training settings, chosen by cross-validation on the training questions
// (understand_cv_test.go). Fixed, so a build is reproducible: the same
// corpus gives the same model, bit for bit. With 2695 questions, 10 epochs
// read as well as 20 (top-1 0.816 both, top-3 0.943 against 0.938) in half
// the build time; with 3,605, held out by origin, 8 read as well as 10
// (0.810 / 0.935 against 0.806 / 0.936; whole answers 0.730 / 0.895
// against 0.727 / 0.896), and with 3,829, 6 as well as 8 (whole answers
// 0.725 / 0.897 against 0.726 / 0.897): the fit is most of a build. With
// 4,496 and one step per question for all its labels (see step), 6 still
// read as well as 8 (0.736 / 0.899 against 0.736 / 0.898).
var (
	trainEpochs = 6
	learnRate   = 0.3
	l2          = 1e-3
)

// trainSeed starts the order in which the fit visits the examples. The
// order alone moves cross-validated answers on real questions by about
// ±0.005 top-1 and ±0.003 top-3 (LICENSEBOT_CV_SEEDS in
// answers_cv_test.go measures it): a change smaller than that is noise.
var trainSeed uint64 = 0x9e3779b97f4a7c15

// pruneBelow zeroes a class weight smaller than this, and a feature with
// no larger weight is left out of the meta. With 0.05 cross-validated
// accuracy is unchanged; when the model was smaller, that made it a third
// of its size, but with today's training questions nearly every weight is
// larger and every feature stays.
var pruneBelow = 0.05

// askTemplates wrap a topic's phrasings into questions for training.
var askTemplates = []string{"can I %s", "do I need to worry about %s", "what does the license say about %s",
	"is %s allowed", "question about %s for my project", "how does it handle %s"}

// augmentWeight is the weight of a templated question.
var augmentWeight = 0.5

// genericWeight is the weight of a generic word taught as "none".
var genericWeight = 0.25

// genericQuestionWords are taught as "none": alone, they name no topic.
var genericQuestionWords = []string{"use", "allowed", "need", "want", "people", "someone", "anyone",
	"model", "license", "ok", "okay", "legal", "question", "help", "hello", "can i", "is it fine"}

// trainQuestionModel fits the model by stochastic gradient descent with
// AdaGrad step sizes, visiting examples in a fixed pseudo-random order.
func trainQuestionModel(classes []string, exs []example) *questionModel {
	t := newTrainer(len(classes), exs)
	order := make([]int, len(exs))
	for i := range order {
		order[i] = i
	}
	rng := trainSeed
	for epoch := 0; epoch < trainEpochs; epoch++ {
		for i := len(order) - 1; i > 0; i-- { // Fisher–Yates with a fixed xorshift
			rng ^= rng << 13
			rng ^= rng >> 7
			rng ^= rng << 17
			j := int(rng % uint64(i+1))
			order[i], order[j] = order[j], order[i]
		}
		for _, i := range order {
			t.step(&exs[i], t.ids[i])
		}
	}
	return t.model(classes)
}

// trainer holds the weights being fitted and AdaGrad's sums of squared
// gradients, per feature by its number (ids[e] numbers example e's
// features, names maps numbers back), and scratch space for a step. They
// are one flat table, a row of 2·nc per feature: the weights of feature
// id, then their sums (see row). Not two slices of nc per feature, so a
// step reads no slice header per feature, finds a feature's weights and
// sums side by side, and the fit allocates once, not twice per feature.
type trainer struct {
	nc        int
	names     []string
	ids       [][]int32
	wg        []float64
	bias, bg2 []float64
	z, grad   []float64
}

func newTrainer(nc int, exs []example) *trainer {
	t := &trainer{nc: nc, bias: make([]float64, nc), bg2: make([]float64, nc),
		z: make([]float64, nc), grad: make([]float64, nc), ids: make([][]int32, len(exs))}
	at := map[string]int32{}
	for e, ex := range exs {
		t.ids[e] = make([]int32, len(ex.feats))
		for i, f := range ex.feats {
			id, ok := at[f.name]
			if !ok {
				id = int32(len(t.names))
				at[f.name] = id
				t.names = append(t.names, f.name)
			}
			t.ids[e][i] = id
		}
	}
	t.wg = make([]float64, 2*len(t.names)*nc)
	return t
}

// row returns feature id's weights and AdaGrad's sums of their squared
// gradients, one of each per class.
func (t *trainer) row(id int32) (w, g2 []float64) {
	at := 2 * int(id) * t.nc
	r := t.wg[at : at+2*t.nc : at+2*t.nc]
	return r[:t.nc:t.nc], r[t.nc:]
}

// weights returns feature id's weights, one per class.
func (t *trainer) weights(id int32) []float64 {
	w, _ := t.row(id)
	return w
}

// step takes one gradient step on ex (its features numbered ids), for
// all the classes it is labelled with at once: the gradient of the sum of
// their weighted log-losses, with L2 applied once per step (a question
// with two topics got it twice when each topic took its own step).
//
// It and update are most of a build's time and touch only the trainer's
// own slices, from one goroutine: the race detector, which would make
// them ten times slower in every -race test that builds, skips them.
//
//go:norace
func (t *trainer) step(ex *example, ids []int32) {
	z := t.z
	copy(z, t.bias)
	for i, f := range ex.feats {
		wf := t.weights(ids[i])
		z := z[:len(wf)]
		for k, w := range wf {
			z[k] += w * f.value
		}
	}
	p := softmax(z)
	grad := t.grad
	total := 0.0
	for _, w := range ex.weights {
		total += w
	}
	for k := range grad {
		grad[k] = p[k] * total
	}
	for ci, c := range ex.classes {
		grad[c] -= ex.weights[ci]
	}
	for i, f := range ex.feats {
		t.update(ids[i], f.value, grad)
	}
	for k := range t.bias {
		t.bg2[k] += grad[k] * grad[k]
		t.bias[k] -= learnRate * grad[k] / (math.Sqrt(t.bg2[k]) + 1e-8)
	}
}

// update moves one feature's weights against the gradient, with L2.
//
//go:norace
func (t *trainer) update(id int32, value float64, grad []float64) {
	wf, gf := t.row(id)
	gf, grad = gf[:len(wf)], grad[:len(wf)]
	for k := range wf {
		gk := grad[k]*value + l2*wf[k]
		gf[k] += gk * gk
		wf[k] -= learnRate * gk / (math.Sqrt(gf[k]) + 1e-8)
	}
}

// model freezes the weights, quantized, as 0 where they are smaller than
// pruneBelow, leaving out the features with no larger one.
func (t *trainer) model(classes []string) *questionModel {
	m := &questionModel{Classes: classes, Bias: make([]float32, t.nc)}
	for k := range t.bias {
		m.Bias[k] = float32(t.bias[k])
	}
	top := 0.0
	for id := range t.names {
		for _, v := range t.weights(int32(id)) {
			top = max(top, math.Abs(v))
		}
	}
	byHash := make([]int, len(t.names))
	hashes := make([]uint64, len(t.names))
	for i, n := range t.names {
		byHash[i], hashes[i] = i, featureHash([]byte(n))
	}
	sort.Slice(byHash, func(a, b int) bool {
		ha, hb := hashes[byHash[a]], hashes[byHash[b]]
		return ha < hb || ha == hb && t.names[byHash[a]] < t.names[byHash[b]]
	})
	m.Scale = float32(top / 127)
	for j, id := range byHash {
		if j > 0 && hashes[id] == hashes[byHash[j-1]] {
			// Two names, one hash (about once in 10¹⁰ builds): the first by
			// name keeps it, so the same corpus still gives the same model.
			// A question would read differently only if it had both.
			continue
		}
		n, kept := len(m.W), false
		for _, v := range t.weights(int32(id)) {
			q := 128
			if math.Abs(v) >= pruneBelow {
				q, kept = 128+int(math.Round(v/float64(m.Scale))), true
			}
			m.W = append(m.W, byte(min(255, max(1, q))))
		}
		if !kept {
			m.W = m.W[:n]
		} else {
			m.Hash = append(m.Hash, hashes[id])
			if w, ok := strings.CutPrefix(t.names[id], "w:"); ok && len(w) >= 4 {
				m.Known = append(m.Known, w)
			}
		}
	}
	slices.Sort(m.Known)
	return m
}

// questionExamples makes the training set: every name and case of every
// topic (as a question of its own), and the labelled questions — the first
// topic fully, a second at half weight. asked, when not nil, holds each
// question's text as analysed (analyseQuestions), read instead of its
// text.
func questionExamples(f *featurizer, m *meta, qs []corpus.Question, asked [][]string, skip map[string]bool) ([]string, []example) {
	classes := make([]string, 0, len(m.Topics)+1)
	at := map[string]int{}
	for _, t := range m.Topics {
		at[t.ID] = len(classes)
		classes = append(classes, t.ID)
	}
	at[corpus.NoTopic] = len(classes)
	classes = append(classes, corpus.NoTopic)
	var texts []trainingText
	var exs []example
	add := func(text trainingText, labels []string, weight float64) {
		var ex example
		for i, l := range labels {
			if c, ok := at[l]; ok && i <= 1 {
				ex.classes = append(ex.classes, c)
				ex.weights = append(ex.weights, weight/float64(i+1))
			}
		}
		if len(ex.classes) > 0 {
			texts, exs = append(texts, text), append(exs, ex)
		}
	}
	for _, t := range m.Topics {
		for i, p := range slices.Concat([]string{t.Label, strings.ReplaceAll(t.ID, "-", " ")}, t.Aliases, t.Instances) {
			// A phrase that loses words to the stop list ("not allowed")
			// would teach its one remaining word ("allow") as the topic.
			if st := f.stems(p); len(st) > 1 || len(strings.Fields(p)) == 1 {
				add(trainingText{text: p}, []string{t.ID}, 1)
				// The same phrase inside a question, so that how people
				// ask ("can I", "do I have to") is learnt as saying
				// nothing about the topic.
				if augmentWeight > 0 {
					add(trainingText{text: fmt.Sprintf(askTemplates[i%len(askTemplates)], p)}, []string{t.ID}, augmentWeight)
				}
			}
		}
	}
	// Words every question uses say nothing about its topic.
	for _, w := range genericQuestionWords {
		add(trainingText{text: w}, []string{corpus.NoTopic}, genericWeight)
	}
	for i, q := range qs {
		switch {
		case skip[q.ID]:
		case asked != nil:
			add(trainingText{stems: asked[i]}, q.Topics, 1)
		default:
			add(trainingText{text: respell(q.Text(), m.Spellings)}, q.Topics, 1)
		}
	}
	f.featuresAll(texts, exs)
	return classes, slices.DeleteFunc(exs, func(ex example) bool { return len(ex.feats) == 0 })
}

// trainingText is what an example is read from: its text, or the stems
// it was already analysed to.
type trainingText struct {
	text  string
	stems []string
}

// featuresAll sets each example's features from its text, on every
// processor: reading the questions is a third of the fit, and the fit is
// the longer side of a build (see writeBuild).
func (f *featurizer) featuresAll(texts []trainingText, exs []example) {
	parallel.Each(len(texts), func(i int) {
		if st := texts[i].stems; st != nil {
			exs[i].feats = f.featuresOf(st)
		} else {
			exs[i].feats = f.features(texts[i].text)
		}
	})
}

// analyseQuestions returns the stems of each question's text, British
// spellings read as American (respell), worked out on every processor:
// the question model's fit and the memory of the questions both read
// them, and analysing them was an eighth of a build's work, done twice.
func analyseQuestions(m *meta, qs []corpus.Question) [][]string {
	stems := buildStems()
	out := make([][]string, len(qs))
	parallel.Each(len(qs), func(i int) { out[i] = stems(respell(qs[i].Text(), m.Spellings)) })
	return out
}

// understand ranks the topics text is about, best first, "none" included.
func (s *snapshot) understand(text string) []TopicScore {
	return s.understandStems(s.stems(text))
}

// understandStems is understand over text already analysed.
func (s *snapshot) understandStems(toks []string) []TopicScore {
	if s.qmodel == nil {
		return nil
	}
	p, known := s.qmodel.read(s.feat, toks)
	if !known {
		// Nothing the model has seen: the question is about no topic it
		// knows, not about the topics asked most often.
		for k, c := range s.qmodel.Classes {
			p[k] = 0
			if c == corpus.NoTopic {
				p[k] = 1
			}
		}
	}
	out := rankClasses(s.qmodel.Classes, p)
	for i := range out {
		if t := s.topics.byID[out[i].Topic]; t != nil {
			out[i].Label = t.Label
		}
	}
	return out
}

// rankClasses pairs classes with their probabilities, best first.
func rankClasses(classes []string, p []float64) []TopicScore {
	out := make([]TopicScore, len(p))
	for k, c := range classes {
		out[k] = TopicScore{Topic: c, Score: round3(p[k])}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Score > out[j].Score })
	return out
}

// fitQuestionModel fits the question model of a build, leaving out the
// questions whose ids are in skip (cross-validation does).
func fitQuestionModel(m *meta, qs []corpus.Question, skip map[string]bool) *questionModel {
	return trainQuestionModel(trainingSet(m, qs, nil, skip))
}

// trainingSet is the question model's classes and examples, read into
// features (questionExamples) from the questions as analysed
// (analyseQuestions) or, with asked nil, their texts: the part of the fit
// that runs on every processor.
func trainingSet(m *meta, qs []corpus.Question, asked [][]string, skip map[string]bool) ([]string, []example) {
	stems := buildStems()
	tm := newTopicMatcher(stems, m.Topics)
	tm.known = m.Features.knows
	f := m.Features.featurizer(stems, tm)
	return questionExamples(f, m, qs, asked, skip)
}

// Understand ranks the topics a question about license is likely about,
// best first, with "none" among them: the question-understanding step on
// its own, for evaluation and for suggestions.
func (e *Engine) Understand(license, question string) ([]TopicScore, error) {
	return withLicense(e, license, func(s *snapshot, _ *licenseMeta) ([]TopicScore, error) {
		return s.understand(cleanInput(question)), nil
	})
}

// learnVocabulary tells the featurizer which stems the model knows.
func (f *featurizer) learnVocabulary(m *questionModel) {
	if m == nil {
		return
	}
	f.known = map[int][]string{}
	for _, w := range m.Known { // sorted, so each length's list is too
		f.known[len(w)] = append(f.known[len(w)], w)
	}
}

// correct replaces each stem the model does not know, of five letters or
// more, by the known stem one edit away (two for nine letters or more),
// when exactly one such stem is nearest: "comerci" reads as "commerci".
func (f *featurizer) correct(toks []string) []string {
	if f.known == nil {
		return toks
	}
	out := toks
	for i, t := range toks {
		if len(t) < 5 || f.isKnown(t) {
			continue
		}
		maxD := 1
		if len(t) >= 9 {
			maxD = 2
		}
		if best := f.nearest(t, maxD); best != "" {
			if &out[0] == &toks[0] {
				out = append([]string(nil), toks...)
			}
			out[i] = best
		}
	}
	return out
}

func (f *featurizer) isKnown(t string) bool {
	_, ok := slices.BinarySearch(f.known[len(t)], t)
	return ok
}

// nearest returns the one known stem within maxD edits of t with the
// fewest edits, or "" when there is none or a tie.
func (f *featurizer) nearest(t string, maxD int) string {
	best, bestD, tie := "", maxD+1, false
	for n := len(t) - maxD; n <= len(t)+maxD; n++ {
		for _, k := range f.known[n] {
			d := levenshtein.ComputeDistance(t, k)
			switch {
			case d < bestD:
				best, bestD, tie = k, d, false
			case d == bestD:
				tie = true
			}
		}
	}
	if tie {
		return ""
	}
	return best
}

// buildStems is the index's text analyzer, for work done at build time.
func buildStems() func(string) []string {
	return analyzerStems(buildMapping().AnalyzerNamed(analyzerText))
}
