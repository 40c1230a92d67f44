package index

import (
	"cmp"
	"context"
	"errors"
	"iter"
	"maps"
	"math"
	"slices"
	"strings"
	"unicode"

	"github.com/licensebot/licensebot/corpus"
)

// Thresholds of the question model's probability. A verdict is shown only
// for a topic read with at least verdictConfidence, and only when the
// question asks that topic plainly (see plainly); otherwise the answer is
// "unknown" with suggestions, and the likeliest topic's leading clause
// opens the quotes from leadConfidence up, followed by the leading clauses
// of up to unsureLeads-1 more topics read with otherLeadConfidence. A
// second aspect is answered when its topic reaches aspectConfidence (a
// case the question names, caseConfidence), and a verdict needs the
// reading without the license's name at namelessConfidence. A
// search within a license favours the leading clause of a topic read with
// favourConfidence (see favourFor); a reading without the license's name
// may stand for verdictConfidence at namelessVerdictConfidence (see
// confident). Chosen by cross-validating whole answers over the training
// questions (TestSweepAnswers: wrong verdicts
// first, then top-1 and top-3), never on a test set; variables only so
// that the sweep can set them. With 3,829 questions held out by origin,
// verdictConfidence 0.7 shows 15 wrong verdicts of 3,405 where 0.6 showed
// 18, for the same top-1 and top-3 (0.8: 10, but 68 fewer verdicts).
var (
	verdictConfidence         = 0.7
	leadConfidence            = 0.1
	otherLeadConfidence       = 0.05
	unsureLeads               = 3
	aspectConfidence          = 0.3
	favourConfidence          = 0.3
	suggestFloor              = 0.04
	caseConfidence            = 0.04
	namelessConfidence        = 0.6
	namelessVerdictConfidence = 0.8
	maxSuggestions            = 5
)

// Ask answers (license, question). The question may be a topic id, a label,
// a phrase users type for it, or a sentence. A curated verdict is shown
// only when the question was understood as that card's topic with enough
// confidence; otherwise the verdict is "unknown", the clauses are the
// closest matches and Suggestions lists the likeliest topics.
func (e *Engine) Ask(ctx context.Context, license, question string) (*Answer, error) {
	return onceMoreAfterFault(func() (*Answer, error) { return e.ask(ctx, license, question) })
}

// onceMoreAfterFault runs f, and once more when it failed on a build
// damaged under it: the engine has moved to another build by then
// (faulted runs in the search that faulted), so only the searches in
// flight beside it fail.
func onceMoreAfterFault[T any](f func() (T, error)) (T, error) {
	v, err := f()
	if errors.Is(err, ErrDamagedWhileServing) {
		return f()
	}
	return v, err
}

func (e *Engine) ask(ctx context.Context, license, question string) (*Answer, error) {
	s, err := e.acquire()
	if err != nil {
		return nil, err
	}
	defer s.release()
	sub, err := s.resolve(license)
	if err != nil {
		return nil, err
	}
	question = cleanInput(question)
	if question == "" {
		return nil, ErrEmptyTopic
	}
	a, err := s.askCached(ctx, sub.license, question, sub.model)
	if err != nil || sub.model == nil {
		if a != nil {
			a.Catalogue = a.Catalogue[:min(len(a.Catalogue), maxCatalogued)]
		}
		return a, err
	}
	// A model was named: say which license governs it and why, and answer
	// for every license it is under (a distillation carries two).
	a.Model = sub.model.ref()
	for _, l := range sub.others {
		b, err := s.askCached(ctx, l, question, sub.model)
		if err != nil {
			return nil, err
		}
		b.Model = a.Model
		a.Others = append(a.Others, b)
	}
	// A pointer to another license of the model points at an answer the
	// reply already holds, as the catalogue's entry for the model does.
	for _, x := range append([]*Answer{a}, a.Others...) {
		if x.About != nil && slices.ContainsFunc(x.About.Licenses, func(k string) bool { return slices.Contains(a.Model.Licenses, k) }) {
			x.About = nil
		}
		x.Catalogue = slices.DeleteFunc(x.Catalogue, func(m ModelRef) bool { return m.Name == a.Model.Name })
		x.Catalogue = x.Catalogue[:min(len(x.Catalogue), maxCatalogued)]
	}
	lead := leadWithStrictest(a)
	// The catalogue answers the question, not a license: the reply says
	// it once, with the answer that leads.
	for _, o := range lead.Others {
		o.Catalogue = []ModelRef{}
	}
	return lead, nil
}

// leadWithStrictest puts first, of a model's answers under each of its
// licenses, the one that binds most: the model is under all of them (a
// distillation of Llama 3.1 published under MIT), and MIT's ALLOWED
// leading would read as the answer where Llama's 700-million-user cap
// binds too. No verdict leads over any verdict — one license unanswered
// leaves the whole unanswered — then the stricter verdict (bindingRank);
// of equal ones, a license that fails the Open Source Definition ("is it
// open source?": Llama's "No" over MIT's "Yes"); the catalogue's order
// keeps the remaining ties.
func leadWithStrictest(a *Answer) *Answer {
	all := append([]*Answer{a}, a.Others...)
	lead := 0
	for i, x := range all {
		if r, l := bindingRank(x), bindingRank(all[lead]); r > l || r == l && fails(x) && !fails(all[lead]) {
			lead = i
		}
	}
	if lead == 0 {
		return a
	}
	a.Others = []*Answer{}
	first := all[lead]
	first.Others = slices.Delete(slices.Clone(all), lead, lead+1)
	return first
}

// bindingRank orders a model's answers under its licenses by how much
// they bind: strictness, except that one license's silence
// (NOT-ADDRESSED) binds less than another's clause on the matter, stated
// as a fact (INFO: Llama's California law where MIT names none).
func bindingRank(x *Answer) int {
	switch x.Verdict.Status {
	case StatusUnknown:
		return len(strictness)
	case StatusNotAddressed:
		// Below INFO; equal to unknown's strictness, which the case
		// above has already ranked highest.
		return strictness[StatusInfo] - 1
	}
	return strictness[x.Verdict.Status]
}

// fails reports whether x's license fails the Open Source Definition.
func fails(x *Answer) bool { return x.OpenSource != nil && x.OpenSource.OSD == "fail" }

// askCached answers from the build's cache of answers when it can. mo is
// the model the question was asked of, if any: a multimodal one may be
// answered otherwise than its license (see multimodalAsked), so it has
// answers of its own in the cache.
func (s *snapshot) askCached(ctx context.Context, l *licenseMeta, question string, mo *modelMeta) (*Answer, error) {
	if mo != nil && !mo.Multimodal {
		mo = nil
	}
	key := l.Key + "\x00" + strings.ToLower(question)
	if mo != nil {
		key += "\x00" + mo.Name
	}
	if s.cache != nil {
		if a, ok := s.cache.Get(key); ok {
			return a.clone(), nil
		}
	}
	a, err := s.ask(ctx, l, question, mo)
	if err != nil {
		return nil, err
	}
	if s.cache != nil {
		s.cache.Add(key, a)
	}
	return a.clone(), nil
}

// reading is what was understood of a question: the taxonomy phrase it
// names (if any) and the question model's ranking of topics.
type reading struct {
	text   string
	phrase topicMatch // the best taxonomy phrase in the text
	named  bool       // phrase is set
	cases  []string   // topics of the cases the text names ("nuclear" → military)
	ranked []TopicScore

	// rest is the text without generic words and the name of the license
	// restFor, and restStems its stems: what the question asks of it,
	// worked out once for the answer's several uses (see restOf).
	rest, restFor string
	restStems     []string
	stems         []string           // the text's
	votes         map[string]float64 // the memory's, made at first use
	pairVotes     map[string]float64 // the memory of pairs', made at first use
	asked         *askedStems        // the memory's stems of it, made at first use
	// model is the multimodal model the question was asked of (named as
	// the license), if any: see multimodalAsked.
	model *modelMeta
	// pick is set when the question asks its topics plainly: then its few
	// words beyond them may pick one of a card's clauses (see orderCard);
	// otherwise the reranker weighs its words (see rerank.go).
	pick bool
	// bare is set when the text is a topic's id (as buttons send it) or
	// its name and nothing else, the license's name aside (see answer,
	// exactFor): the question its card was written for.
	bare bool
	ws   []word // the text's words, analysed at first use
	// nameless is the text without the name of the license namelessFor,
	// and hadName whether it held any (see withoutName), worked out once.
	nameless, namelessFor string
	hadName               bool
	// namelessStems are nameless analysed, for the license
	// namelessStemsFor (see stemsWithoutName), worked out once.
	namelessStems    []string
	namelessStemsFor string
	// namelessTop is the model's first reading of namelessStems, for the
	// license namelessTopFor (see namelessTop), worked out once:
	// confident and readWithoutName both ask.
	namelessTop    TopicScore
	namelessTopFor string
	// governed marks the words of catalogued models that the license
	// governedFor governs (see governedWords), worked out once.
	governed    []bool
	governedFor string
	// texts are the texts of ws, and starts which of them may start a
	// catalogued model's name (see modelWords), worked out once.
	texts  []string
	starts []bool
	// trained marks the words where the model trained is named (see
	// trainedAt), worked out once.
	trained []bool
	// from marks the words naming where outputs come from, nil when none
	// does (see outputsFrom), worked out once.
	from     []bool
	fromDone bool
	quoted   map[string][]Hit // license and topic → its card's clauses in order (see quoteCard)
	// whichLicense is 1 when the question asks which license a work is
	// under, -1 when not, 0 before it is worked out (asksWhichLicense).
	whichLicense int8
	// kinds holds, for each kind of clause, 1 when the question asks for
	// it, -1 when not, 0 before it is worked out (reading.asks).
	kinds [numKinds]int8
	// letters are the text's words in lower case, worked out at first
	// use (see reading.letterWords).
	letters []string
	// term holds the clause defining the term the question asks whether
	// something counts as, for the license termFor (see termLed).
	term    map[string]bool
	termFor string
}

// restOf returns what r asks of l besides generic words and l's name, and
// its stems.
func (s *snapshot) restOf(r *reading, l *licenseMeta) (string, []string) {
	if r.restFor != l.Key {
		r.rest, r.restFor = s.residualOf(s.wordsOf(r), l, nil), l.Key
		r.restStems = s.stems(r.rest)
	}
	return r.rest, r.restStems
}

// wordsOf returns r's words, analysed once.
func (s *snapshot) wordsOf(r *reading) []word {
	if r.ws == nil {
		r.ws = s.words(r.text)
	}
	return r.ws
}

// exactFor is r.exact, or the topic when the input is one of its names
// once the license's own name is set aside (see withoutName): "apache
// 2.0 copyleft" asked of Apache-2.0 is "copyleft" (and "is apache 2.0
// copyleft", which statusAnswers then finds asks whether the license has
// the rule its card lacks: absent). A question for a
// party ("who owns gemma outputs") is not one of a topic's names, though
// "who owns the outputs" is: it asks for no status. Nor is a question
// that names another model or license besides (see verdictHolds), nor
// one doing without something (doesWithout), nor one training l's own
// model (trainsItself), nor a terse one naming the asker's own work
// ("my own code gpl?": namesOwnWork).
func (s *snapshot) exactFor(r *reading, l *licenseMeta) string {
	if doesWithout(r.letterWords()) || s.trainsItself(r, l) || namesOwnWork(r.letterWords()) {
		return "" // "commercial use not under the gpl" is no bare "commercial use", nor "train llama 2 on outputs" a bare "train on outputs"
	}
	if t := r.exact(); t != "" {
		r.bare = true
		return t
	}
	if asksWho(r.text) || asksOwner(r.text) {
		return ""
	}
	rest, ok := s.withoutName(r, l)
	if ok && rest == "" {
		return ""
	}
	if p, named := s.topics.matchStems(s.stemsWithoutName(r, l)); ok && named && p.whole && s.otherModel(r, l) == nil && s.otherLicense(r, l) == "" {
		r.bare = true
		return p.topic
	}
	// A ban's name in the words of asking ("can I use deepseek for
	// military?"): the frame around it asks what the name alone asks, as
	// do the words that only say what the use makes or is for ("for
	// military purposes", "a military app": productWords). Only a ban's,
	// and only its name as written: around another topic's word the frame
	// may give it another sense ("can a company use it?" is no question
	// about commercial use). Cross-validated, the product words gave 2
	// more verdicts, both right. Whether or not the question names the
	// license: "can I use it for military purposes?" asks what "can I
	// use llama 4 for military?" asks (in the hunt questions, 7 more
	// verdicts, all right; none in the cross-validation).
	asked := slices.DeleteFunc(askedAbout(s.stemsWithoutName(r, l)), func(st string) bool { return productWords[st] })
	p, named := s.topics.matchStems(asked)
	if !named || !p.whole || p.stems == nil { // nil: a mistyped word's match
		return ""
	}
	if c := s.card(l, p.topic); c != nil && c.Basis == "prohibition" && s.otherModel(r, l) == nil && s.otherLicense(r, l) == "" {
		return p.topic
	}
	return ""
}

// verdictHolds is what a verdict asked plainly needs besides: the
// reading holds without the license's name (readWithoutName), and the
// question names no catalogued model that the license does not govern,
// nor another license — the card speaks for the license asked.
func (s *snapshot) verdictHolds(r *reading, l *licenseMeta, topic string) bool {
	var trained []bool
	if trainsModel([]string{topic}) {
		trained = s.trainedAt(r)
	}
	return s.readWithoutName(r, l, topic) && s.otherModelBut(r, l, trained) == nil && s.otherLicenseBut(r, l, trained) == "" &&
		s.otherFamily(r, l, trained) == "" && s.otherLine(r, l, trained) == "" && (!sharingTopics[topic] || s.relicensedTo(r, l, trained) == "") &&
		(trained == nil || s.outputsOfOther(r, l) == "" && s.outputsOwn(r, l))
}

// outputsOwn reports whether the outputs a question on training with
// outputs takes are l's, or whose they are goes unsaid: each word naming
// where they come from (see outputsFrom) names l, a model l governs or
// l's licensor ("meta's model"), is a version or size, a variant ("the
// instruct model"), a possessive before l's name ("my llama 2 model"), or
// only refers ("its outputs", "the model's own", "this model's answers",
// "synthetic data"). Outputs of a model the corpus does
// not know ("gpt-4 outputs", "a small bert model's outputs") or of the
// asker's own ("outputs of my own model") are no question l's card on
// training with its outputs answers: the license asked puts no terms on
// them.
func (s *snapshot) outputsOwn(r *reading, l *licenseMeta) bool {
	from := s.outputsFrom(r)
	if from == nil {
		return true
	}
	ws := s.wordsOf(r)
	governed := s.governedWords(r, l)
	named := s.licenseRuns(ws, l, func(i, n int) bool { return !slices.Contains(from[i:i+n], false) }, nil)
	// A model under a license the corpus does not hold, which l stands in
	// for (BLOOM, of the OpenRAIL-M: see standsIn).
	words, starts := s.modelWords(r)
	s.modelRuns(words, starts, func(i, n int) bool { return slices.Contains(from[i:i+n], false) }, func(mo *modelMeta, i, n int) bool {
		if !s.indexed(mo) && s.standsIn(mo, l) {
			for j := i; j < i+n; j++ {
				named[j] = true
			}
		}
		return false
	})
	lower := func(i int) string { return strings.ToLower(namePart(ws[i].text)) }
	// lNamed: the word names l, a model l governs or l's licensor ("qwen"
	// of Tongyi Qianwen; not "model" of the DeepSeek Model License).
	lNamed := func(i int) bool {
		return i < len(ws) && (governed[i] || named[i] || licensorOf(l, lower(i)) ||
			!sourceNouns[lower(i)] && s.nameTokens[l.Key][foldName(namePart(ws[i].text))])
	}
	l2 := func(i int) bool {
		w := lower(i)
		return lNamed(i) || refersToSource[w] || variantWords[w] ||
			w == "own" && i > 0 && !askersOwn[lower(i-1)] || // "its own", "the model's own"; not "my own"
			askersOwn[w] && (lNamed(i+1) || lNamed(i+2)) // "my llama 2 model", "our qwen2.5 outputs"
	}
	for i, f := range from {
		switch {
		case !f || l2(i) || !slices.ContainsFunc(ws[i].stems, func(st string) bool { return !hasDigit(st) }) && !askersOwn[lower(i)]:
			// a version or size ("3.1", "70b"), or a stop word ("to")
		case len(ws[i].stems) > 0 && !slices.ContainsFunc(ws[i].stems, func(st string) bool { return !sourceStems[st] && !trainingStems[st] }):
			// the outputs or the training themselves ("distilling its
			// outputs into", "training data")
		case sourceNouns[lower(i)] && (i == 0 || l2(i-1)):
			// "the model's outputs", "this model's answers"
		default:
			return false
		}
	}
	return true
}

// refersToSource are the words that stand where the source of outputs is
// named without naming one ("its outputs", "the outputs", "synthetic
// data"); "use" stands before "gpt-4 outputs" and is marked with it.
var refersToSource = map[string]bool{"the": true, "its": true, "it": true, "this": true, "that": true, "these": true, "those": true,
	"same": true, "your": true, "use": true, "using": true, "synthetic": true, "generated": true, "raw": true}

// askersOwn are the stop words that make a model the asker's ("my own
// model"), or someone else's ("their model").
var askersOwn = map[string]bool{"my": true, "our": true, "own": true, "their": true, "his": true, "her": true, "mine": true}

// variantWords say which of a model's variants or deployments the outputs
// come from, not whose model it is ("the instruct model's outputs",
// "outputs from the hosted model").
var variantWords = map[string]bool{"instruct": true, "chat": true, "base": true, "hosted": true, "deployed": true,
	"official": true, "original": true, "pretrained": true, "finetuned": true, "quantized": true, "api": true, "local": true}

// sourceNouns name a model without saying which: "the model's outputs"
// are l's, "my own model's" are not.
var sourceNouns = map[string]bool{"model": true, "models": true, "llm": true, "ai": true, "chatbot": true, "assistant": true, "bot": true}

// outputsOfOther returns the key of another family's license whose model
// the question takes outputs from (see outputsOf), or "": "train gemma on
// llama 2 outputs" asked of Gemma is about Llama 2's outputs, which
// Gemma's card on training with outputs does not speak for, though a
// question naming the license asked is otherwise asked of it
// (otherLicense). A catalogued model l does not govern counts as its
// license ("distill qwen-72b into gemma": tongyi-qianwen).
func (s *snapshot) outputsOfOther(r *reading, l *licenseMeta) string {
	from := s.outputsFrom(r)
	if from == nil {
		return ""
	}
	ws := s.wordsOf(r)
	found := ""
	governed := s.governedWords(r, l) // "deepseek r1" asked of MIT: MIT's model
	s.licenseRuns(ws, l, func(i, n int) bool {
		return !slices.Contains(from[i:i+n], false) && !slices.Contains(governed[i:i+n], true)
	}, func(k string) bool {
		if s.licenses[k].Family != l.Family {
			found = k
		}
		return found != ""
	})
	if found != "" {
		return found
	}
	words, starts := s.modelWords(r)
	if !slices.Contains(starts, true) {
		return ""
	}
	skip := func(i, n int) bool { return slices.Contains(from[i:i+n], false) }
	s.modelRuns(words, starts, skip, func(mo *modelMeta, i, n int) bool {
		if slices.Contains(mo.Licenses, l.Key) {
			return false
		}
		for _, k := range mo.Licenses {
			if s.licenses[k] != nil && s.licenses[k].Family != l.Family {
				found = k
				return true
			}
		}
		return false
	})
	return found
}

// sharingTopics are the topics whose cards say on what terms the work is
// passed on, which a question putting it under another license asks
// past (see relicensedTo).
var sharingTopics = map[string]bool{"redistribution": true, "sublicensing": true, "modification": true, "copyleft": true}

// relicensedTo returns the key of another family's license that the
// question puts the work under ("redistribute llama 4 under MIT",
// "relicense it as apache 2.0"; an article may stand between), or "". Whether l's material may go out
// under another license is not what l's card on sharing or sublicensing
// says (hunt 8: Llama 4's CONDITIONAL redistribution read as "yes, under
// MIT"), and a question that names l beside the other license is
// otherwise asked of l (see otherLicense). A word marked in but is the
// model a question on l's outputs trains, not a license: "distill llama 4
// into qwen".
func (s *snapshot) relicensedTo(r *reading, l *licenseMeta, but []bool) string {
	ws := s.wordsOf(r)
	var found string
	s.licenseRuns(ws, l, func(i, n int) bool {
		if but != nil && slices.Contains(but[i:i+n], true) {
			return false
		}
		j := i - 1
		if j >= 0 && isArticle(strings.ToLower(ws[j].text)) {
			j--
		}
		// "the same as MIT", "compared to Qwen" compare the two.
		return j >= 0 && relicensingWords[strings.ToLower(ws[j].text)] &&
			(j == 0 || !comparingWords[strings.ToLower(ws[j-1].text)])
	}, func(k string) bool {
		if o := s.licenses[k]; o != nil && o.Family != l.Family {
			found = k
		}
		return found != ""
	})
	return found
}

// relicensingWords put a work under a license: "under MIT", "as
// Apache-2.0", "to GPL", "into CC BY".
var relicensingWords = map[string]bool{"under": true, "as": true, "to": true, "into": true}

// comparingWords before "as" or "to" compare licenses, not relicense.
var comparingWords = map[string]bool{"same": true, "compared": true, "similar": true, "opposed": true,
	"equal": true, "equivalent": true, "identical": true, "close": true, "much": true, "permissive": true}

// withoutName returns r's text without l's name, and whether it held
// any: a run of words that is one of l's names, whole ("Gemma Terms of
// Use"), and a word of a name that no topic uses ("deepseek" in
// "deepseek output ownership"); a topic's word in a name that is not
// there whole stays a question ("attribution" in "creative commons
// attribution terms"). Cross-validated over four orders, the whole names
// gave 5 more verdicts of 348, and 1.2 more wrong ones: "qwen acceptable
// use policy?" gets what "acceptable use policy?" gets, a card whose
// labellers wanted "not addressed" (Qwen has no policy) where it says
// "conditional" (obey the law).
func (s *snapshot) withoutName(r *reading, l *licenseMeta) (string, bool) {
	if r.namelessFor != l.Key {
		r.nameless, r.hadName = s.nameAside(r, l)
		r.namelessFor = l.Key
	}
	return r.nameless, r.hadName
}

// stemsWithoutName is withoutName's text analysed, worked out once per
// license: the text's own stems when it holds no name.
func (s *snapshot) stemsWithoutName(r *reading, l *licenseMeta) []string {
	rest, hadName := s.withoutName(r, l)
	if !hadName {
		return r.stems
	}
	if r.namelessStemsFor != l.Key {
		r.namelessStems, r.namelessStemsFor = s.stems(rest), l.Key
	}
	return r.namelessStems
}

// nameAside is withoutName's work.
func (s *snapshot) nameAside(r *reading, l *licenseMeta) (string, bool) {
	ws := s.wordsOf(r)
	marks := s.nameMarks(ws, l)
	if !slices.Contains(marks, true) {
		return r.text, false
	}
	named := s.nameRuns(ws, marks, l)
	var keep []string
	for i, w := range ws {
		if named[i] || marks[i] && !slices.ContainsFunc(w.stems, s.topics.inVocab) {
			continue
		}
		keep = append(keep, w.text)
	}
	return strings.Join(keep, " "), len(keep) < len(ws)
}

// nameMarks marks the words of ws that are words of l's name: every
// stem of the word is one of the name's (a stop word has none). A word
// without a letter ("3", "2.0") counts only beside a word of the name
// that has one: alone it names no license ("llama 3" asked of Gemma is
// not about Gemma 3).
func (s *snapshot) nameMarks(ws []word, l *licenseMeta) []bool {
	marks := make([]bool, len(ws))
	for i, w := range ws {
		marks[i] = len(w.stems) > 0 && hasLetter(w.text) && s.allNameStems(w, l)
	}
	for i, w := range ws {
		beside := i > 0 && marks[i-1] || i+1 < len(ws) && marks[i+1] && hasLetter(ws[i+1].text)
		if !marks[i] && beside && len(w.stems) > 0 && !hasLetter(w.text) && s.allNameStems(w, l) {
			marks[i] = true
		}
	}
	return marks
}

// hasLetter reports whether s has a letter.
func hasLetter(s string) bool {
	return strings.IndexFunc(s, unicode.IsLetter) >= 0
}

// maxNameWords is the most words of a license's name nameRuns looks for
// ("GNU Affero General Public License v3").
const maxNameWords = 6

// nameRuns marks the words of runs that are one of l's names, whole
// ("Gemma Terms of Use", "Llama 4 Community License", "agpl"), longest
// first: the name's words a topic uses go with it. A run is looked up
// only when it starts and ends with a word of the name (marks) and holds
// no other but stop words.
func (s *snapshot) nameRuns(ws []word, marks []bool, l *licenseMeta) []bool {
	return s.licenseRuns(ws, l, func(i, n int) bool {
		return marks[i] && marks[i+n-1] &&
			!slices.ContainsFunc(ws[i:i+n], func(w word) bool { return len(w.stems) > 0 && !s.allNameStems(w, l) })
	}, nil)
}

// licenseRuns looks the runs of up to maxNameWords of ws up as license
// names, longest first, those want accepts and not inside a run already
// found to name l. It marks the runs that name l and returns the marks;
// it calls other (if not nil) with the key of each run that names
// another license, and stops when other returns true.
func (s *snapshot) licenseRuns(ws []word, l *licenseMeta, want func(i, n int) bool, other func(key string) bool) []bool {
	own := make([]bool, len(ws))
	var run strings.Builder
	for n := min(maxNameWords, len(ws)); n >= 1; n-- {
		for i := 0; i+n <= len(ws); i++ {
			if slices.Contains(own[i:i+n], true) || !want(i, n) {
				continue
			}
			run.Reset()
			for _, w := range ws[i : i+n] {
				run.WriteString(w.text)
				run.WriteByte(' ')
			}
			switch k, ok := s.names.resolve(namePart(run.String())); {
			case !ok:
			case k == l.Key:
				for j := i; j < i+n; j++ {
					own[j] = true
				}
			case other != nil && other(k):
				return own
			}
		}
	}
	return own
}

// allNameStems reports whether every stem of w is one of l's name's, or
// a model's size beside one ("llama-2-70b", "qwen-14b"; not a version:
// "llama-3-8b" is no word of Llama 2's name), and w is written as a word
// of the name is (writtenAsName).
func (s *snapshot) allNameStems(w word, l *licenseMeta) bool {
	named := false
	for _, st := range w.stems {
		switch {
		case s.nameStems[l.Key][st]:
			named = true
		case !isSize(st):
			return false
		}
	}
	return named && s.writtenAsName(w, l)
}

// isSize reports whether st is a model's size as names write it: "70b",
// "1.5b", "8x7b", "350m".
func isSize(st string) bool {
	if experts, each, ok := strings.Cut(st, "x"); ok {
		if experts == "" || strings.Trim(experts, "0123456789") != "" {
			return false
		}
		st = each
	}
	num := strings.TrimRight(st, "bmk")
	if num == st || num == "" || len(st)-len(num) != 1 {
		return false
	}
	for _, r := range num {
		if (r < '0' || r > '9') && r != '.' {
			return false
		}
	}
	return num[0] != '.'
}

// writtenAsName reports whether w is written as a word of l's name is, or
// holds one or is part of one ("llama's", "cc-by", the "72b" of
// "qwen2.5-72b"): "internal" shares its stem with CC BY's "International",
// and is no word of its name.
func (s *snapshot) writtenAsName(w word, l *licenseMeta) bool {
	f := foldName(w.text)
	for tok := range s.nameTokens[l.Key] {
		if tok != "" && f != "" && (strings.Contains(tok, f) || strings.Contains(f, tok)) {
			return true
		}
	}
	return false
}

// readWithoutName reports whether the model reads r as topic first, with
// at least namelessConfidence, without the words of l's name too:
// "cc-by-sa drm" is read as share-alike from "sa" alone, and asks about
// DRM. Cross-validated over four orders, this withheld 7 of 351 verdicts,
// and wrong verdicts fell from 36.8 to 33.0; every top-1 and top-3 as
// before. A name read away lowers the model's confidence a little ("can
// I use llama 4 to write ransomware?" 0.82, without "llama 4" 0.67):
// with the whole name set aside too (withoutName), the floor at 0.6
// showed 351 verdicts and 34.5 wrong, at 0.7 348 and 34.2, without one
// 352 and 35.5 — 0.6 and 0.7 alike, and 0.6 keeps such a verdict.
func (s *snapshot) readWithoutName(r *reading, l *licenseMeta, topic string) bool {
	t, named := s.namelessTop(r, l)
	return !named || t.Topic == topic && t.Score >= namelessConfidence
}

// confident reports whether first, the reading's likeliest topic with a
// card, is read with verdictConfidence — as the question says it, or
// without the words of l's name, which say which license is asked and
// not what about it: "Can I use Llama 3.2 commercially?" reads as
// commercial use with 0.61, its name being a word of many questions on
// the vision models in the EU, and without it as "can I use it
// commercially?" does, with 0.87 (hunt 17). Read without the name, the
// floor is namelessVerdictConfidence: cross-validated (one order), at 0.8 this
// showed 10 more verdicts, one of them "wrong" (CC BY-SA commercial use
// ALLOWED, as its card says, where the label wants CONDITIONAL); at 0.7,
// 40 more and 3 wrong.
func (s *snapshot) confident(r *reading, l *licenseMeta, first TopicScore) bool {
	if first.Score >= verdictConfidence {
		return true
	}
	t, named := s.namelessTop(r, l)
	return named && t.Topic == first.Topic && t.Score >= namelessVerdictConfidence
}

// namelessTop returns the model's first reading of r without the words
// of l's name, and whether r names l (else there is none).
func (s *snapshot) namelessTop(r *reading, l *licenseMeta) (TopicScore, bool) {
	if _, ok := s.withoutName(r, l); !ok {
		return TopicScore{}, false
	}
	if r.namelessTopFor != l.Key {
		r.namelessTop, r.namelessTopFor = TopicScore{}, l.Key
		if ranked := s.understandStems(s.stemsWithoutName(r, l)); len(ranked) > 0 {
			r.namelessTop = ranked[0]
		}
	}
	return r.namelessTop, true
}

// exact is the topic when the whole input is one of its names ("credit",
// "distillation"): no model is needed to read it.
func (r *reading) exact() string {
	if r.named && r.phrase.whole {
		return r.phrase.topic
	}
	return ""
}

// top returns the best topic with a card for l (or the open-source
// assessment), skipping "none", and its score.
func (s *snapshot) top(r *reading, l *licenseMeta, skip string) (TopicScore, bool) {
	for _, t := range r.ranked {
		if t.Topic != skip && s.answerable(l, t.Topic) {
			return t, true
		}
	}
	return TopicScore{}, false
}

// answerable reports whether l has a verdict for topic.
func (s *snapshot) answerable(l *licenseMeta, topic string) bool {
	if _, ok := s.m.Cards[l.Key][topic]; ok {
		return true
	}
	return topic == topicOpenSource && s.m.OpenSource[l.Key] != nil
}

func (s *snapshot) read(text string) *reading {
	text = respell(text, s.m.Spellings)
	r := &reading{text: text}
	toks := s.stems(text)
	r.stems = toks
	r.phrase, r.named = s.topics.matchStems(toks)
	r.cases = s.topics.cases(toks)
	r.ranked = s.understandStems(toks)
	return r
}

func (s *snapshot) ask(ctx context.Context, l *licenseMeta, question string, mo *modelMeta) (*Answer, error) {
	a := s.newAnswer(l, question)
	r := s.read(question)
	r.model = mo
	if err := s.answer(ctx, a, l, r); err != nil {
		return a, err
	}
	if a.Verdict.Status == StatusUnknown {
		a.About = s.about(r, l)
	}
	if s.asksWhichLicense(r) {
		a.Catalogue = s.catalogued(r)
	}
	return a, nil
}

// catalogued returns the catalogued models r names (up to maxCatalogued), in the
// order it names them, each once: where a run of words names one, the
// longest, its words name no other, and a run inside a longer one that
// names a license names no model ("llama" of "llama 2" is not LLaMA).
func (s *snapshot) catalogued(r *reading) []ModelRef {
	words, starts := s.modelWords(r)
	taken := make([]bool, len(words))
	at := map[*modelMeta]int{}
	skip := func(i, n int) bool { return slices.Contains(taken[i:i+n], true) }
	s.modelRuns(words, starts, skip, func(m *modelMeta, i, n int) bool {
		if s.insideLicenseName(words, i, n) {
			return false
		}
		for j := i; j < i+n; j++ {
			taken[j] = true
		}
		if _, seen := at[m]; !seen {
			at[m] = i
		}
		return false
	})
	named := slices.SortedFunc(maps.Keys(at), func(a, b *modelMeta) int { return at[a] - at[b] })
	refs := []ModelRef{}
	for _, m := range named[:min(len(named), maxCatalogued+1)] { // one may be the model asked of (Engine.ask)
		refs = append(refs, *m.ref())
	}
	return refs
}

// asksWhichLicense is asksWhichLicense for r with each catalogued
// model's name read as one word: "what license is deepseek r1 distill
// qwen 7b under?" distills nothing, the name's words ask nothing. Worked
// out once per question.
func (s *snapshot) asksWhichLicense(r *reading) bool {
	if r.whichLicense != 0 {
		return r.whichLicense > 0
	}
	r.whichLicense = -1
	if !containsFoldASCII(r.text, "licen") {
		return false
	}
	words, starts := s.modelWords(r)
	named := make([]bool, len(words))
	s.modelRuns(words, starts, func(i, n int) bool { return slices.Contains(named[i:i+n], true) }, func(_ *modelMeta, i, n int) bool {
		for j := i; j < i+n; j++ {
			named[j] = true
		}
		return false
	})
	var b strings.Builder
	for i, w := range words {
		switch {
		case !named[i]:
			b.WriteString(w)
		case i+1 < len(words) && named[i+1]:
			continue // the name's next word ends it
		default:
			// The name as one word, with the marks after it: "model?".
			b.WriteString("model" + w[len(strings.TrimRight(w, ",;:.?!")):])
		}
		b.WriteByte(' ')
	}
	if asksWhichLicense(b.String()) {
		r.whichLicense = 1
	}
	return r.whichLicense > 0
}

// maxCatalogued is how many of the models a question names its answer
// says the licenses of.
const maxCatalogued = 4

// about is the other model or license of the corpus that a question
// without a verdict also names (see otherModel, otherLicense): l's cards
// do not speak for it, so the asker may want to ask it — or a model under
// a license the corpus does not hold, which nothing here answers for
// (ModelRef.Unindexed). Nil when there is none.
func (s *snapshot) about(r *reading, l *licenseMeta) *ModelRef {
	// The model a question read as training with l's outputs trains is
	// not what it is about ("can i distill qwen-72b into gemma" asked of
	// Tongyi Qianwen is about Qwen's outputs, not about Gemma).
	var trained []bool
	if len(r.ranked) > 0 && trainsModel([]string{r.ranked[0].Topic}) && s.outputsOwn(r, l) {
		trained = s.trainedAt(r)
	}
	if mo := s.otherModelBut(r, l, trained); mo != nil {
		ref := mo.ref()
		// A model under a license the corpus does not hold (Codestral,
		// asked of Apache 2.0): say so, rather than nothing.
		for _, k := range mo.Licenses {
			if s.licenses[k] == nil {
				ref.Unindexed = append(ref.Unindexed, s.models.titleOf(k))
			}
		}
		return ref
	}
	k := s.otherLicenseBut(r, l, trained)
	if k == "" {
		k = s.outputsOfOther(r, l)
	}
	if k != "" {
		o := s.licenses[k]
		return &ModelRef{Name: o.Title, Licenses: []string{k}, Source: o.URL}
	}
	return nil
}

// answer fills a with the answer to r, asked of l: ask's work, apart from
// the pointer to another license (about), which needs to know whether a
// verdict was shown.
func (s *snapshot) answer(ctx context.Context, a *Answer, l *licenseMeta, r *reading) error {
	// A topic's id is the choice of a topic, as the autocomplete and the
	// suggestion buttons send it, not a question to read: its card answers
	// ("output-ownership" of Gemma lost the card to "ownership", a word
	// only other licenses' clauses use, and a click on the suggestion
	// suggested it again). Deliberately before every check below: an id
	// that is also a plain word ("warranty", "military") typed alone is
	// that topic too, and the checks are for questions, not choices.
	if t := s.topics.byID[strings.ToLower(r.text)]; t != nil && s.answerable(l, t.ID) {
		r.pick, r.bare = true, true
		return s.answerTopic(ctx, a, l, r, t.ID)
	}
	// What a word of the license means is answered by the clause that
	// defines it, with no verdict (definitions.go).
	if h, ok := s.definitionAsked(r, l); ok {
		if err := s.answerUnsure(ctx, a, l, r); err != nil {
			return err
		}
		a.Clauses = mergeHits([]Hit{h}, a.Clauses)[:max(1, len(a.Clauses))]
		return nil
	}
	// A topic's name asked alone is the question its card was written
	// for, unless the name is a case the card's status does not answer
	// ("nsfw" of a ban that lists no sexual content: statusAnswers) or a
	// term only other licenses use ("built with" of Tongyi Qianwen).
	if t := s.exactFor(r, l); t != "" && s.answerable(l, t) && !s.asksClauseOf(r, l, t) && s.statusAnswers(r, l, t) &&
		!s.namesOthersTerm(r, l, t) {
		r.pick = true
		return s.answerTopic(ctx, a, l, r, t)
	}
	// A verdict only for the model's own first reading: when "none" or a
	// topic this license has no card for ranks first, it is not the answer.
	first, ok := s.top(r, l, "")
	if !ok || !s.confident(r, l, first) || r.ranked[0].Topic != first.Topic {
		return s.answerUnsure(ctx, a, l, r)
	}
	second, two := s.second(r, l, first.Topic)
	verdictable := !asksWho(r.text) && !asksOwner(r.text)
	switch {
	// plainly first: most questions are not asked plainly, and it is the
	// cheaper test (statusAnswers may search the index for a case).
	case two && verdictable && s.plainly(r, l, first.Topic, second.Topic) &&
		s.statusAnswers(r, l, first.Topic, second.Topic) && s.verdictHolds(r, l, first.Topic):
		r.pick = true
		return s.answerTwo(ctx, a, l, r, first.Topic, second.Topic)
	case !two && verdictable && (s.plainly(r, l, first.Topic) || s.asksForFact(r, l, first.Topic)) &&
		s.statusAnswers(r, l, first.Topic) && s.verdictHolds(r, l, first.Topic):
		r.pick = true
		return s.answerTopic(ctx, a, l, r, first.Topic)
	case two:
		return s.answerNarrowerTwo(ctx, a, l, r, first, second)
	}
	return s.answerNarrower(ctx, a, l, r, first)
}

// asksForFact reports whether the question asks for the fact an INFO card
// states — "which", "what" or "where" at most two words before a word of
// the topic ("which country's law applies", "where would a dispute be
// heard") — and asks no permission or duty (permissionAsked): the fact is
// the same whatever else the question says ("im in india, which law
// applies to the llama 4 license?"), where a permission asked inside a
// fact's topic ("after termination, must I delete my fine-tunes?") is not
// the card's question.
//
// Nor is a question about the asker's own parties or documents ("which
// courts would hear a dispute between me and my customers", "what law
// governs my terms of service", "what damages can my users claim"): a
// fact card states the license's terms between its licensor and the
// licensee, not those of the asker's dealings with others (ownParty).
func (s *snapshot) asksForFact(r *reading, l *licenseMeta, topic string) bool {
	if s.cardStatus(l, topic) != StatusInfo || permissionAsked(r.text) || ownParty(r.text) {
		return false
	}
	return asksWhich(s.wordsOf(r), s.topics.vocab[topic])
}

// ownParty reports whether an English question speaks of the asker's own
// parties or documents: a party noun in the plural ("customers", "my
// users", "owe customers") or after "my" or "our" ("my client"), or the
// asker's terms ("terms of service", "eula", "privacy policy"). A party
// noun in the singular without them is a detail of the asker's case ("a
// client asked us … which law governs the model license", "a customer
// chatbot"), not the party the fact is asked about.
func ownParty(question string) bool {
	words := letterWords(question)
	for i, w := range words {
		switch {
		case partyNouns[w] && (strings.HasSuffix(w, "s") || i > 0 && (words[i-1] == "my" || words[i-1] == "our")):
			return true
		case w == "eula" || w == "eulas" || w == "tos":
			return true
		case w == "service" && i > 1 && words[i-1] == "of" && words[i-2] == "terms":
			return true
		case w == "policy" && i > 0 && words[i-1] == "privacy":
			return true
		}
	}
	return false
}

// partyNouns are the parties of the asker's own dealings, singular and
// plural.
var partyNouns = map[string]bool{"customer": true, "customers": true, "client": true, "clients": true,
	"buyer": true, "buyers": true, "subscriber": true, "subscribers": true, "employee": true,
	"employees": true, "consumer": true, "consumers": true, "user": true, "users": true}

// permissionAsked reports whether an English question asks what the asker
// may or must do: "can/may/must/should I", "do I have to", "do I need",
// "am I allowed", or a permission asked without naming the asker: "is it
// ok to", "fine to", "allowed", "permitted", "does it let me" ("what
// happens to my fine-tunes after termination, is it ok to keep them?").
func permissionAsked(question string) bool {
	words := letterWords(question)
	for i, w := range words {
		if permittedWords[w] {
			return true
		}
		if i+1 == len(words) {
			break
		}
		next := words[i+1]
		switch {
		case (w == "ok" || w == "okay" || w == "alright" || w == "fine" || w == "legal") && next == "to":
			return true
		case (w == "it" || w == "that") && (next == "ok" || next == "okay" || next == "alright" || next == "legal"):
			return true
		case (w == "allow" || w == "allows" || w == "permit" || w == "permits" || w == "let" || w == "lets") &&
			(next == "me" || next == "us" || next == "you"):
			return true
		case (w == "can" || w == "may" || w == "could") && passiveUse(words[i+1:]):
			return true
		case (w == "can" || w == "may" || w == "must" || w == "should" || w == "could" || w == "shall") &&
			(next == "i" || next == "we" || next == "you"):
			return true
		case (w == "i" || w == "we") && (next == "can" || next == "may" || next == "must" || next == "should" || next == "need" || next == "have"):
			return true
		case (w == "do" || w == "does") && (next == "i" || next == "we"):
			return true
		case w == "am" && next == "i" || w == "are" && next == "we":
			return true
		}
	}
	return false
}

// passiveUse reports whether words, after "can", "may" or "could", ask in
// the passive whether something may be used or handed on ("which copies
// can be kept", "may they still be distributed"): "be" at most three words
// on, before a verb of usedVerbs. "where can disputes be heard" asks a
// fact.
func passiveUse(words []string) bool {
	for i, w := range words[:min(len(words), 3)] {
		if w == "be" {
			return i+1 < len(words) && usedVerbs[words[i+1]]
		}
	}
	return false
}

// usedVerbs are what is done with a model, its copies or its outputs, as
// a passive has them.
var usedVerbs = map[string]bool{"used": true, "kept": true, "retained": true, "distributed": true,
	"redistributed": true, "sold": true, "shared": true, "deployed": true, "hosted": true, "modified": true,
	"published": true, "shipped": true, "offered": true, "run": true}

// permittedWords ask by themselves whether something may be done.
var permittedWords = map[string]bool{"allowed": true, "permitted": true, "permissible": true,
	"allowable": true}

// second is the question's second aspect, if it has one: a case the
// question names ("nuclear" in "sell a nuclear plant controller"), whose
// topic the license has a card for and the model reads with at least
// caseConfidence ("my hobby Discord bot" names the policy's "bots" in
// passing, read at 0.007), or else the model's next reading when it is
// likely enough. Cross-validated over four orders, the floor changed no
// figure; it keeps a word in passing from leading with the stricter card.
func (s *snapshot) second(r *reading, l *licenseMeta, first string) (TopicScore, bool) {
	for _, c := range r.cases {
		if c == first || !s.answerable(l, c) {
			continue
		}
		for _, t := range r.ranked {
			if t.Topic == c && t.Score >= caseConfidence {
				return t, true
			}
		}
	}
	t, ok := s.top(r, l, first)
	return t, ok && t.Score >= aspectConfidence
}

// answerNarrowerTwo is answerNarrower for a question with two aspects: the
// clauses of both, the stricter card's first, and no verdict.
func (s *snapshot) answerNarrowerTwo(ctx context.Context, a *Answer, l *licenseMeta, r *reading, first, second TopicScore) error {
	if strictness[s.card(l, second.Topic).Status] > strictness[s.card(l, first.Topic).Status] {
		first, second = second, first
	}
	if err := s.answerNarrower(ctx, a, l, r, first); err != nil {
		return err
	}
	c2 := s.card(l, second.Topic)
	q2, err := s.quoteCard(ctx, l, r, second.Topic, c2)
	if err != nil || len(q2) == 0 {
		return err
	}
	s.quoteSecond(a, r, second.Topic, q2)
	return nil
}

// quoteSecond puts the second aspect's leading clause right after the
// first aspect's, before the rest of the quotes.
func (s *snapshot) quoteSecond(a *Answer, r *reading, topic string, q2 []Hit) {
	lead, rest := a.Clauses[:min(1, len(a.Clauses))], a.Clauses[min(1, len(a.Clauses)):]
	merged := mergeHits(mergeHits(lead, s.finish(slices.Values(q2[:1]), r, s.topics.byID[topic].Expand)), rest)
	a.Clauses = merged[:min(answerClauses, len(merged))]
}

// answerNarrower answers a question understood as a topic but asked more
// narrowly than its card answers: no verdict, the topic first among the
// suggestions, the card as context, and the clauses of the likeliest
// topics' cards ordered by the evidence for each (see rerank.go); a card
// that cites no clause keeps the closest ones.
func (s *snapshot) answerNarrower(ctx context.Context, a *Answer, l *licenseMeta, r *reading, t TopicScore) error {
	if err := s.answerTopic(ctx, a, l, r, t.Topic); err != nil {
		return err
	}
	if a.Grounded {
		// Searching too changed no answer, cross-validated: the topic is
		// known, and the cards of the likeliest topics hold the clause.
		cs, err := s.candidates(ctx, l, r, false)
		if err != nil {
			return err
		}
		a.Clauses = s.finish(s.askedLead(r, l, cs.ranked(rankWeights)), r)
		cs.release()
	}
	a.Closest = &Aspect{Topic: a.Topic, Label: a.TopicLabel, Verdict: a.Verdict, Conditions: a.Conditions}
	a.Topic, a.TopicLabel, a.Verdict, a.Conditions, a.Curated = r.text, "", Verdict{Status: StatusUnknown}, []Condition{}, false
	a.Suggestions = s.suggestions(l, r, t.Topic)
	return nil
}

// suggestions are the likeliest topics l has verdicts on, first first.
func (s *snapshot) suggestions(l *licenseMeta, r *reading, first string) []TopicScore {
	out := []TopicScore{}
	for _, t := range r.ranked {
		if len(out) == maxSuggestions {
			break
		}
		if (t.Topic == first || t.Score >= suggestFloor) && s.answerable(l, t.Topic) {
			out = append(out, t)
		}
	}
	slices.SortStableFunc(out, func(x, y TopicScore) int {
		switch {
		case x.Topic == first:
			return -1
		case y.Topic == first:
			return 1
		}
		return 0
	})
	return out
}

func (s *snapshot) newAnswer(l *licenseMeta, question string) *Answer {
	return &Answer{
		License: l.Key, Topic: question, LicenseTitle: l.Title, URL: l.URL,
		Verdict:       Verdict{Status: StatusUnknown},
		Clauses:       []Hit{},
		Suggestions:   []TopicScore{},
		Conditions:    []Condition{},
		Also:          []Aspect{},
		Others:        []*Answer{},
		Catalogue:     []ModelRef{},
		CorpusVersion: s.m.CorpusVersion, IndexedAt: s.m.IndexedAt.Format("2006-01-02"),
		OpenSource: s.openSourceLine(l.Key),
	}
}

// card returns l's verdict on topic: its card, or for "is it open source?"
// one made from the assessment.
func (s *snapshot) card(l *licenseMeta, topic string) *cardMeta {
	if c, ok := s.m.Cards[l.Key][topic]; ok {
		return &c
	}
	if topic == topicOpenSource {
		return s.openSourceCard(l.Key)
	}
	return nil
}

// ofPolicy returns a copy of conds, a list even when empty, with Policy
// set on those a use policy imposes.
func (s *snapshot) ofPolicy(conds []Condition) []Condition {
	out := append(make([]Condition, 0, len(conds)), conds...)
	for i, c := range out {
		dm := s.docs[c.Doc]
		out[i].Policy = dm != nil && dm.Kind == string(corpus.KindPolicy)
	}
	return out
}

// answerTopic answers with the card for topic: its verdict and the clauses
// it rests on, the clause that names the user's case first.
func (s *snapshot) answerTopic(ctx context.Context, a *Answer, l *licenseMeta, r *reading, topic string) error {
	c := s.card(l, topic)
	if topic == topicOpenSource {
		c = s.forOSI(c, l, r)
	}
	t := s.topics.byID[topic]
	a.Topic, a.TopicLabel = t.ID, t.Label
	a.Verdict = Verdict{Status: c.Status, Summary: c.Summary}
	a.Conditions = append(a.Conditions, s.ofPolicy(c.Conditions)...)
	a.Curated = true
	quoted, err := s.quoteCard(ctx, l, r, topic, c)
	if err != nil {
		return err
	}
	a.Grounded = len(c.Refs) > 0
	if !a.Grounded {
		// The text does not address the topic: show the closest clauses,
		// marked as such, never as if they grounded the verdict.
		if quoted, err = s.closest(ctx, l, r, topic); err != nil {
			return err
		}
		if len(quoted) == 0 {
			// None of its words is in the text (a short license asked about
			// patents): what the license grants, rather than nothing.
			quoted = s.refHits([]string{l.Grant}, nil)
			a.QuotesGrant = len(quoted) > 0
		}
	}
	a.Clauses = s.finish(slices.Values(quoted), r, t.Expand)
	return nil
}

// answerTwo answers a question with two aspects: both verdicts, the
// stricter leading, and the clause of each among the quotes.
func (s *snapshot) answerTwo(ctx context.Context, a *Answer, l *licenseMeta, r *reading, first, second string) error {
	c1, c2 := s.card(l, first), s.card(l, second)
	if strictness[c2.Status] > strictness[c1.Status] {
		first, second, c1, c2 = second, first, c2, c1
	}
	if err := s.answerTopic(ctx, a, l, r, first); err != nil {
		return err
	}
	q2, err := s.quoteCard(ctx, l, r, second, c2)
	if err != nil {
		return err
	}
	t2 := s.topics.byID[second]
	a.Also = append(a.Also, Aspect{Topic: second, Label: t2.Label, Verdict: Verdict{Status: c2.Status, Summary: c2.Summary},
		Conditions: s.ofPolicy(c2.Conditions)})
	if len(q2) > 0 && a.Grounded {
		s.quoteSecond(a, r, second, q2)
	}
	return nil
}

// answerUnsure answers a question the model could not read with enough
// confidence: no verdict, the likeliest topics as suggestions, and the
// clauses of their cards and of a search, ordered by the evidence for each
// (see candidates, rerank.go).
func (s *snapshot) answerUnsure(ctx context.Context, a *Answer, l *licenseMeta, r *reading) error {
	a.Suggestions = s.suggestions(l, r, "")
	cs, err := s.candidates(ctx, l, r, true)
	if err != nil {
		return err
	}
	a.Clauses = s.finish(s.askedLead(r, l, cs.ranked(rankWeights)), r)
	cs.release()
	return nil
}

// leadsFor returns the leading clause of each of the likeliest topics,
// the first read with at least leadConfidence, up to unsureLeads-1 more
// with otherLeadConfidence, and the likeliest topic's second clause after
// the second topic's: an unsure reading is as often second as first, and
// cross-validated the mix puts an expected clause in the first three more
// often (top-3 0.827) than the likeliest card alone does, and more still
// (0.836) with its second clause third.
func (s *snapshot) leadsFor(ctx context.Context, l *licenseMeta, r *reading) ([]Hit, error) {
	var lead, firstRest []Hit
	floor := leadConfidence
	for _, t := range r.ranked {
		if len(lead) >= unsureLeads || t.Score < floor {
			break
		}
		if c := s.card(l, t.Topic); c != nil && len(c.Refs) > 0 {
			q, err := s.quoteCard(ctx, l, r, t.Topic, c)
			if err != nil {
				return nil, err
			}
			if len(lead) == 0 {
				firstRest = q[1:]
			}
			lead = mergeHits(lead, q[:1])
			floor = otherLeadConfidence
		}
	}
	if len(firstRest) > 0 && len(lead) > 1 {
		lead = mergeHits(mergeHits(lead[:2:2], firstRest[:1]), lead[2:])
	}
	return lead, nil
}

// covers reports whether clause h holds every word of the question besides
// how it asks, generic words and the license's name, and at least two:
// the question names the clause ("installation information").
func (s *snapshot) covers(h Hit, r *reading, l *licenseMeta) bool {
	_, words := s.restOf(r, l)
	if len(words) < 2 {
		return false
	}
	for _, w := range words {
		if !s.holds(h, w) && !askingWords[w] {
			return false
		}
	}
	return true
}

// quoteCard returns the clauses card c rests on, in the order to quote
// them: the clause naming the user's case first when they named one
// ("spam"), else the card's order, unless the user's few words beyond the
// topic's vocabulary (see pickWords) pick out another of its clauses. An
// answer asks for the same card more than once (its leads, its
// candidates): the order is worked out once per reading, and callers
// must not change the slice.
func (s *snapshot) quoteCard(ctx context.Context, l *licenseMeta, r *reading, topic string, c *cardMeta) ([]Hit, error) {
	key := l.Key + "\x00" + topic
	if q, ok := r.quoted[key]; ok {
		return q, nil
	}
	q, err := s.orderCard(ctx, l, r, topic, c)
	if err != nil {
		return nil, err
	}
	// In the card's order, not only where it is shown: the reranker reads
	// a card's lead as evidence, and applied where shown alone, six
	// cross-validated questions on a copy of the license lost their lead
	// (real people's 0.753 → 0.751 top-1).
	q = s.askedFirst(r, l, q)
	if r.quoted == nil {
		r.quoted = map[string][]Hit{}
	}
	r.quoted[key] = q
	return q, nil
}

// orderCard is quoteCard's work. A case the user named is searched for
// with the taxonomy's synonyms of their words, as a free-text question's
// clauses are: "adult content" finds the ban on "sexually explicit
// content". Cross-validated, clause choice for the labelled topic went
// from 0.840 to 0.844 (trademark's "logo", the use policies' cases),
// every verdict the same.
func (s *snapshot) orderCard(ctx context.Context, l *licenseMeta, r *reading, topic string, c *cardMeta) ([]Hit, error) {
	if len(c.Refs) == 0 {
		return nil, nil
	}
	quoted := s.refHits(c.Refs, nil)
	if slices.Contains(r.cases, topic) {
		text, stems := s.restOf(r, l)
		if text == "" {
			text, stems = r.text, r.stems
		}
		// The synonyms' single words, as closest takes them: a phrase
		// query costs as much as the rest of the search.
		syn := slices.DeleteFunc(s.synonymsOfStems(stems), s.isPhrase)
		own, err := s.search(ctx, searchReq{text: text, synonyms: syn, license: l.Key, size: 1, noShingles: true})
		if err != nil {
			return nil, err
		}
		return mergeHits(own, quoted), nil
	}
	if !r.pick {
		return quoted, nil
	}
	quoted = s.partFirst(r, topic, quoted)
	rest := s.residualOf(s.wordsOf(r), l, s.topics.vocab[topic])
	switch {
	case rest == "" && c.Basis == "prohibition":
		return s.holdingFirst(r, l, quoted), nil
	case rest == "" && c.Authored != "" && r.bare:
		return toFront(quoted, c.Authored), nil
	case rest == "" && c.Authored != "":
		return s.authoredFirst(r, l, quoted, c.Authored), nil
	case rest == "" || len(strings.Fields(rest)) > pickWords:
		return quoted, nil
	}
	own, err := s.search(ctx, searchReq{text: rest, only: c.Refs, size: len(c.Refs), noShingles: true})
	if err != nil {
		return nil, err
	}
	if len(own) > 0 && !mentions(own, c.Refs[0]) {
		return mergeHits(own[:1], quoted), nil
	}
	return quoted, nil
}

// holdingFirst returns a ban's quoted clauses with the first that holds
// every word the question asks with (besides l's name and the words of
// asking) put first, when the lead holds them not: "military" asked of
// Llama 4 leads with the ban on "Military, warfare, nuclear industries",
// not the one on guns that most questions on the topic needed. Only for a
// ban, whose clauses name what they ban: a duty's lead may say it in other
// words ("Built with Llama" for attribution), and leading with the clause
// that says "attribution" lost the public dev set's d01.
func (s *snapshot) holdingFirst(r *reading, l *licenseMeta, quoted []Hit) []Hit {
	return s.leadHolding(r, l, quoted, anyClause)
}

// anyClause lets any of a card's clauses lead (see leadWith).
func anyClause(Hit) bool { return true }

// authoredFirst is holdingFirst for a card whose lead the training
// questions chose (see learnLeads): the card author's first clause, ref,
// leads again when it holds every word the question asks with and the
// learnt lead does not. "termination" of Gemma leads with "Term,
// Termination, and Survival", not the remote restriction; "trademark" of
// CC BY with "trademark rights are not licensed", not the endorsement
// clause. Cross-validated, no answer changed (few training questions are
// a topic's bare name); on the dev sets it traded one case for another:
// "deepseek sublicense" now leads with the grant to "sublicense", but
// "qwen attribution" with the Notice file's "attribution notices" where
// dev-handwritten's h14 wants "Built with Qwen".
func (s *snapshot) authoredFirst(r *reading, l *licenseMeta, quoted []Hit, ref string) []Hit {
	return s.leadHolding(r, l, quoted, func(h Hit) bool { return h.Doc+"#"+h.Section == ref })
}

// partFirst leads with the first of a card's clauses that holds the
// question's words naming a part of the topic (its partial aliases:
// "courts" of governing law and jurisdiction, "assign" of sublicensing),
// when the lead holds them not: "which courts handle disputes" of Qwen
// leads with the Hangzhou courts, not the governing law.
// A partial alias counts whole ("transfer the license", not any
// "license"), and by its words that are not generic.
func (s *snapshot) partFirst(r *reading, topic string, quoted []Hit) []Hit {
	var words []string
	for _, run := range s.topics.partialRuns[topic] {
		if containsRun(r.stems, run) {
			words = append(words, slices.DeleteFunc(slices.Clone(run), func(st string) bool { return genericWords[st] })...)
		}
	}
	return s.leadWith(words, quoted, anyClause)
}

// leadHolding moves the first of quoted's other clauses that may lead
// and holds every word the question asks with to the front, when the
// lead does not hold them all.
func (s *snapshot) leadHolding(r *reading, l *licenseMeta, quoted []Hit, may func(Hit) bool) []Hit {
	_, words := s.restOf(r, l)
	words = slices.DeleteFunc(slices.Clone(words), func(st string) bool { return askingWords[st] })
	return s.leadWith(words, quoted, may)
}

// leadWith is leadHolding for the given words.
func (s *snapshot) leadWith(words []string, quoted []Hit, may func(Hit) bool) []Hit {
	if len(words) == 0 || len(quoted) < 2 {
		return quoted
	}
	holdsAll := func(h Hit) bool {
		return !slices.ContainsFunc(words, func(st string) bool { return !s.holds(h, st) })
	}
	if holdsAll(quoted[0]) {
		return quoted
	}
	for i, h := range quoted[1:] {
		if may(h) && holdsAll(h) {
			return slices.Concat([]Hit{h}, quoted[:i+1], quoted[i+2:])
		}
	}
	return quoted
}

// toFront moves the clause id ("doc#section") of quoted to the front.
func toFront(quoted []Hit, id string) []Hit {
	i := slices.IndexFunc(quoted, func(h Hit) bool { return h.Doc+"#"+h.Section == id })
	if i <= 0 {
		return quoted
	}
	return slices.Concat([]Hit{quoted[i]}, quoted[:i], quoted[i+1:])
}

// pickWords is the most words beside a topic's vocabulary that may pick
// one of its card's clauses over the card's order ("modified files",
// "patent lawsuit"). The words beside the topic in a sentence pick the
// wrong clause more often than the right one: cross-validated, the card's
// order alone leads with an expected clause for 0.831 of the training
// questions, the sentence's other words for 0.794.
const pickWords = 2

// closest searches the license for the question's words, widened with the
// given topic's terms when there is one. An unsure answer searches the
// words alone: widening with the topics the model leans to changed no
// answer on the eval sets and doubled the cost of the slowest questions.
func (s *snapshot) closest(ctx context.Context, l *licenseMeta, r *reading, topic string) ([]Hit, error) {
	// The synonyms' single words only: a phrase query costs as much as the
	// rest of the search, and cross-validated the answers were the same
	// without them (0.734/0.902 both).
	syn := slices.DeleteFunc(s.synonymsOfStems(r.stems), s.isPhrase)
	// Nor the words of asking and the generic ones ("can", "use"): most
	// clauses hold them, so they are most of what the search walks, for
	// scores they barely move. Cross-validated, the answers were as good
	// without them (0.793 / 0.923 against 0.792 / 0.922; real people's
	// questions 0.718 / 0.914 against 0.716 / 0.911).
	st := askedAbout(r.stems)
	if len(st) == 0 {
		st = r.stems
	}
	req := searchReq{text: r.text, stems: st, synonyms: syn, license: l.Key, size: 12, noShingles: true}
	if t := s.topics.byID[topic]; t != nil {
		req.expand = t.Expand
	}
	return s.search(ctx, req)
}

// finish takes the first answerClauses quotes, dropping those already
// quoted as items of a list before them, and marks the words to bold.
func (s *snapshot) finish(quotes iter.Seq[Hit], r *reading, expand ...[]string) []Hit {
	quoted := make([]Hit, 0, answerClauses)
	var inList []clauseID
	for h := range quotes {
		if len(quoted) == answerClauses {
			break
		}
		if slices.Contains(inList, clauseID{h.Doc, h.Section}) {
			continue
		}
		for _, it := range h.Items {
			inList = append(inList, clauseID{it.Doc, it.Section})
		}
		quoted = append(quoted, h)
	}
	own := make(map[string]bool, len(r.stems))
	for _, st := range r.stems {
		own[st] = true
	}
	s.markMatchedStems(quoted, own, slices.Concat(expand...)...)
	var focusStems []string
	focusRead := false
	for i := range quoted {
		if len(quoted[i].Items) < 2 {
			continue // no list to point into (focusItems)
		}
		if !focusRead {
			focusStems, focusRead = slices.Concat(r.stems, s.useStems(r.letterWords())), true
		}
		quoted[i].Focus = s.focusItems(quoted[i], focusStems)
	}
	return quoted
}

// focusItems returns the sections of the items of list clause h that the
// question's words point to, best first, at most maxFocus: the items
// scoring at least half the best (see itemScores). "fake product reviews"
// asked of the Llama 4 policy quotes its ¶2, whose 33 items open with
// violence and terrorism; its item on fake reviews is the one to show when
// the list does not fit. Over the training questions whose answer quotes a
// list of twelve items or more, one holding an expected clause, an item
// pointed to holds one for 445 of 789, the first eight items for 92
// (TestListFocusFindsTheItemsAsked). WordNet's synonyms as well, at 0.3 of
// a word's weight, found one for 24 more, but pointed to an item no
// expected clause is in for 64 more, such as impersonation for "what does
// the policy ban", where the first items are the better sample (the
// synonyms of a verb such as "give" are in half the items). A banned use
// named in everyday words points, too, to the items in the policies'
// words for it (useStems, finish): "facial recognition" to the item on
// private information; with it, 512 of 801 (129 pointed elsewhere, 167
// before).
func (s *snapshot) focusItems(h Hit, stems []string) []string {
	if len(h.Items) < 2 {
		return nil
	}
	score := s.itemScores(h, stems)
	best := slices.Max(score)
	if best <= 0 {
		return nil
	}
	order := make([]int, 0, len(score))
	for i, sc := range score {
		if sc >= best/2 {
			order = append(order, i)
		}
	}
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(score[b], score[a]) })
	focus := make([]string, 0, min(len(order), maxFocus))
	for _, i := range order[:min(len(order), maxFocus)] {
		focus = append(focus, h.Items[i].Section)
	}
	return focus
}

// itemScores weighs each item of list clause h by the question's words it
// holds, a word weighing ln(items/items holding it) where an item holds it
// or a form WordNet derives from it. Words of how questions ask, generic
// words ("model") and those of the list's own opening ("use Llama 4 to:")
// weigh nothing.
func (s *snapshot) itemScores(h Hit, stems []string) []float64 {
	n := len(h.Items)
	opening := map[string]bool{}
	if p, ok := s.plainHit(h.Doc + "#" + h.Section); ok {
		for _, st := range s.termsOf(p) {
			opening[st] = true
		}
	}
	terms := make([][]string, n) // each item's, looked up once
	for i, it := range h.Items {
		terms[i] = s.termsOf(it)
	}
	score := make([]float64, n)
	seen := map[string]bool{}
	held := make([]bool, n)
	for _, w := range stems {
		if seen[w] || askingWords[w] || genericWords[w] || opening[w] {
			continue
		}
		seen[w] = true
		forms := []string{w}
		if s.feat != nil {
			s.feat.lex.derive(w, func(to string, derived bool) {
				if derived {
					forms = append(forms, to)
				}
			})
		}
		df := 0
		for i, t := range terms {
			held[i] = slices.ContainsFunc(forms, func(f string) bool { _, ok := slices.BinarySearch(t, f); return ok })
			if held[i] {
				df++
			}
		}
		if df == 0 || df == n {
			continue
		}
		idf := math.Log(float64(n) / float64(df))
		for i, ok := range held {
			if ok {
				score[i] += idf
			}
		}
	}
	return score
}

// maxFocus is the most items focusItems points to.
const maxFocus = 3

// refHits returns the clauses a card cites, in the card's order, with the
// score each got in hits (0 if the search did not reach it).
func (s *snapshot) refHits(refs []string, hits []Hit) []Hit {
	score := map[string]float64{}
	for _, h := range hits {
		score[h.Doc+"#"+h.Section] = h.Score
	}
	out := make([]Hit, 0, len(refs))
	for _, r := range refs {
		if h, ok := s.hit(r); ok {
			h.Score = score[r]
			out = append(out, h)
		}
	}
	return out
}

// mentions reports whether hits include the clause id ("doc#section").
func mentions(hits []Hit, id string) bool {
	for _, h := range hits {
		if h.Doc+"#"+h.Section == id {
			return true
		}
	}
	return false
}

// mergeHits appends to a the hits of b it does not already hold.
func mergeHits(a, b []Hit) []Hit {
	out := append([]Hit(nil), a...)
	seen := map[string]bool{}
	for _, h := range a {
		seen[h.Doc+"#"+h.Section] = true
	}
	for _, h := range b {
		if k := h.Doc + "#" + h.Section; !seen[k] {
			seen[k] = true
			out = append(out, h)
		}
	}
	return out
}

func (a *Answer) clone() *Answer {
	c := *a
	c.Clauses = slices.Clone(a.Clauses) // keeps an empty list a list: "clauses": []
	c.Suggestions = slices.Clone(a.Suggestions)
	c.Conditions = slices.Clone(a.Conditions)
	c.Also = slices.Clone(a.Also)
	c.Others = slices.Clone(a.Others)
	if a.About != nil {
		m := *a.About
		m.Licenses = slices.Clone(a.About.Licenses)
		m.Unindexed = slices.Clone(a.About.Unindexed)
		c.About = &m
	}
	if a.OpenSource != nil {
		o := *a.OpenSource
		c.OpenSource = &o
	}
	c.Catalogue = slices.Clone(a.Catalogue)
	for i := range c.Catalogue {
		c.Catalogue[i].Licenses = slices.Clone(a.Catalogue[i].Licenses)
	}
	return &c
}
