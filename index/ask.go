package index

import (
	"context"
	"iter"
	"slices"
	"strings"
	"unicode"
)

// Thresholds of the question model's probability. A verdict is shown only
// for a topic read with at least verdictConfidence, and only when the
// question asks that topic plainly (see plainly); otherwise the answer is
// "unknown" with suggestions, and the likeliest topic's leading clause
// opens the quotes from leadConfidence up, followed by the leading clauses
// of up to unsureLeads-1 more topics read with otherLeadConfidence. A
// second aspect is answered when its topic reaches aspectConfidence. A
// search within a license favours the leading clause of a topic read with
// favourConfidence (see favourFor). Chosen by cross-validating whole
// answers over the training questions (TestSweepAnswers: wrong verdicts
// first, then top-1 and top-3), never on a test set; variables only so
// that the sweep can set them. With 3,829 questions held out by origin,
// verdictConfidence 0.7 shows 15 wrong verdicts of 3,405 where 0.6 showed
// 18, for the same top-1 and top-3 (0.8: 10, but 68 fewer verdicts).
var (
	verdictConfidence   = 0.7
	leadConfidence      = 0.1
	otherLeadConfidence = 0.05
	unsureLeads         = 3
	aspectConfidence    = 0.3
	favourConfidence    = 0.3
	suggestFloor        = 0.04
	maxSuggestions      = 5
)

// Ask answers (license, question). The question may be a topic id, a label,
// a phrase users type for it, or a sentence. A curated verdict is shown
// only when the question was understood as that card's topic with enough
// confidence; otherwise the verdict is "unknown", the clauses are the
// closest matches and Suggestions lists the likeliest topics.
func (e *Engine) Ask(ctx context.Context, license, question string) (*Answer, error) {
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
	a, err := s.askCached(ctx, sub.license, question)
	if err != nil || sub.model == nil {
		return a, err
	}
	// A model was named: say which license governs it and why, and answer
	// for every license it is under (a distillation carries two).
	a.Model = sub.model.ref()
	for _, l := range sub.others {
		b, err := s.askCached(ctx, l, question)
		if err != nil {
			return nil, err
		}
		b.Model = a.Model
		a.Others = append(a.Others, b)
	}
	return a, nil
}

// askCached answers from the build's cache of answers when it can.
func (s *snapshot) askCached(ctx context.Context, l *licenseMeta, question string) (*Answer, error) {
	key := l.Key + "\x00" + strings.ToLower(question)
	if s.cache != nil {
		if a, ok := s.cache.Get(key); ok {
			return a.clone(), nil
		}
	}
	a, err := s.ask(ctx, l, question)
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
	asked         *askedStems        // the memory's stems of it, made at first use
	// pick is set when the question asks its topics plainly: then its few
	// words beyond them may pick one of a card's clauses (see orderCard);
	// otherwise the reranker weighs its words (see rerank.go).
	pick   bool
	ws     []word           // the text's words, analysed at first use
	quoted map[string][]Hit // license and topic → its card's clauses in order (see quoteCard)
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
	r := &reading{text: text}
	toks := s.stems(text)
	r.stems = toks
	r.phrase, r.named = s.topics.matchStems(toks)
	r.cases = s.topics.cases(toks)
	r.ranked = s.understandStems(toks)
	return r
}

func (s *snapshot) ask(ctx context.Context, l *licenseMeta, question string) (*Answer, error) {
	a := s.newAnswer(l, question)
	r := s.read(question)
	if t := r.exact(); t != "" && s.answerable(l, t) {
		r.pick = true
		return a, s.answerTopic(ctx, a, l, r, t)
	}
	// A verdict only for the model's own first reading: when "none" or a
	// topic this license has no card for ranks first, it is not the answer.
	first, ok := s.top(r, l, "")
	if !ok || first.Score < verdictConfidence || r.ranked[0].Topic != first.Topic {
		return a, s.answerUnsure(ctx, a, l, r)
	}
	second, two := s.second(r, l, first.Topic)
	verdictable := !asksWho(question) && !asksOwner(question)
	switch {
	case two && verdictable && s.statusAnswers(r, l, first.Topic, second.Topic) &&
		s.plainly(r, l, first.Topic, second.Topic):
		r.pick = true
		return a, s.answerTwo(ctx, a, l, r, first.Topic, second.Topic)
	case !two && verdictable && s.statusAnswers(r, l, first.Topic) && s.plainly(r, l, first.Topic):
		r.pick = true
		return a, s.answerTopic(ctx, a, l, r, first.Topic)
	case two:
		return a, s.answerNarrowerTwo(ctx, a, l, r, first, second)
	}
	return a, s.answerNarrower(ctx, a, l, r, first)
}

// asksWho reports whether an English question asks who ("who owns the
// outputs?", "if it leaks personal data, who is responsible?"): it asks
// for a party, and a card's status says whether you may or must, so it
// gets the card's clauses without a verdict. "who" asks when it opens the
// question or a clause — after punctuation, a conjunction or a preposition
// ("and to whom?") — and not when it follows a noun ("people who live in
// the EU"), nor as "WHO", the organisation, in a question in lower case.
// Read from the words as typed, since the analyzer drops "who" as a stop
// word. Cross-validated over 7,771 training questions, this withholds 10
// verdicts, 4 of them wrong (36 → 32 of 7,088 questions with a status).
func asksWho(question string) bool {
	prev, rest := "", question
	for {
		start := strings.IndexFunc(rest, unicode.IsLetter)
		if start < 0 {
			return false
		}
		gap := rest[:start] // what lies between the previous word and this one
		rest = rest[start:]
		end := strings.IndexFunc(rest, func(r rune) bool { return !unicode.IsLetter(r) })
		if end < 0 {
			end = len(rest)
		}
		w := rest[:end]
		rest = rest[end:]
		if isWho(w, question) && (prev == "" || strings.ContainsAny(gap, ".,;:?!()\"—–-") || whoOpeners[strings.ToLower(prev)]) {
			return true
		}
		prev = w
	}
}

// statusAnswers reports whether the status of l's cards on topics can
// answer the question as it is put. A question whether something must be
// done ("do I have to disclose that content is machine generated?") is
// not answered by a card that says what may be done: its FORBIDDEN would
// read as "disclosing is forbidden". Nor is a ban the answer to a use
// against what it bans ("can I use it to detect spam?"), nor to a
// question that names the licensed model twice ("use llama 2 outputs to
// improve llama 2?"), which asks about the model's use on itself, the
// case bans on improving other models leave out. Nor is a duty or a
// condition the answer when the question rules out what triggers it
// ("a notice file if I don't distribute?"). Such a question gets the
// card's clauses without a verdict.
func (s *snapshot) statusAnswers(r *reading, l *licenseMeta, topics ...string) bool {
	for _, t := range topics {
		switch s.m.Cards[l.Key][t].Status {
		case StatusForbidden:
			if asksDuty(r.text) || asksAgainst(r.text) || s.namesLicenseTwice(r, l) || s.namesOthersCase(r, l, t) {
				return false
			}
		case StatusAllowed:
			if asksDuty(r.text) {
				return false
			}
		case StatusRequired, StatusConditional:
			if negates(r.text) {
				return false
			}
		}
		if s.namesException(r, l, t) {
			return false
		}
	}
	return true
}

// namesException reports whether the question asks about a case the
// clauses l's card on topic cites set apart — words that follow "except",
// "excluding", "other than" or "does not apply to" there ("eu restriction
// for end users" against "This restriction does not apply to end users"):
// the card's status is for the rule, not for its exception.
func (s *snapshot) namesException(r *reading, l *licenseMeta, topic string) bool {
	c, ok := s.m.Cards[l.Key][topic]
	if !ok {
		return false
	}
	vocab := s.topics.inVocab[topic]
	_, rest := s.restOf(r, l)
	for _, ref := range c.Refs {
		for _, st := range s.exceptionStems(ref) {
			if !vocab[st] && slices.Contains(rest, st) {
				return true
			}
		}
	}
	return false
}

// exceptionMarkers open the part of a clause that sets a case apart.
var exceptionMarkers = []string{"except ", "excluding ", "other than ", "does not apply to ", "shall not apply to "}

// exceptionStems returns the stems of the words that follow an exception
// marker in clause ref, up to the end of its phrase; worked out once per
// build and clause.
func (s *snapshot) exceptionStems(ref string) []string {
	if v, ok := s.exceptions.Load(ref); ok {
		return v.([]string)
	}
	var out []string
	if h, ok := s.plainHit(ref); ok {
		text := strings.ToLower(h.Text)
		for _, m := range exceptionMarkers {
			for rest := text; ; {
				i := strings.Index(rest, m)
				if i < 0 {
					break
				}
				rest = rest[i+len(m):]
				phrase := rest
				if j := strings.IndexAny(phrase, ".;:)"); j >= 0 {
					phrase = phrase[:j]
				}
				if ws := strings.Fields(phrase); len(ws) > 8 {
					phrase = strings.Join(ws[:8], " ")
				}
				for _, st := range s.stems(phrase) {
					if !genericWords[st] {
						out = append(out, st)
					}
				}
			}
		}
	}
	s.exceptions.Store(ref, out)
	return out
}

// namesLicenseTwice reports whether the question names l's model in two
// places: a word of l's name, not a generic one nor a number, in two runs
// of words of its name ("llama 2" … "a llama 2 fine tune").
func (s *snapshot) namesLicenseTwice(r *reading, l *licenseMeta) bool {
	names := s.nameStems[l.Key]
	seen := map[string]bool{}
	var run []string // the distinct stems of the current run
	for _, w := range append(s.wordsOf(r), word{}) {
		named := len(w.stems) > 0
		for _, st := range w.stems {
			named = named && names[st]
		}
		if named {
			for _, st := range w.stems {
				if !genericWords[st] && strings.IndexFunc(st, unicode.IsLetter) >= 0 {
					run = append(run, st)
				}
			}
			continue
		}
		for _, st := range run {
			if seen[st] {
				return true
			}
		}
		for _, st := range run {
			seen[st] = true
		}
		run = run[:0]
	}
	return false
}

// namesOthersCase reports whether the question names cases of topic
// that l's ban does not answer for. Either none of them is in the
// documents l's card on it cites (its license, its use policy) while
// another license's documents word each ("medical advice", "critical
// infrastructure" for DeepSeek): a ban on listed uses does not answer for
// a use its list leaves out; a case no document words so ("nsfw") may be
// one l's list says in other words, and keeps the verdict. Or l's
// documents name a case only in items that qualify it — "unlicensed
// practice of … medical", "tracking people without their consent" — and
// the question does not say the qualifier: a medical chatbot is not
// banned as such.
func (s *snapshot) namesOthersCase(r *reading, l *licenseMeta, topic string) bool {
	other := false
	for _, i := range s.topics.found(r.stems) {
		p := &s.topics.phrases[i]
		if !p.instance || p.topic != topic {
			continue
		}
		alts := append([][]string{p.stems}, s.sameCases(topic, p.stems)...)
		var held [][]string
		for _, alt := range alts {
			if s.holdsAll(l.Key, topic, alt) {
				held = append(held, alt)
			}
		}
		switch {
		case len(held) > 0 && !s.onlyQualified(r, l, topic, held):
			return false // l bans the case outright
		case len(held) == 0 && !slices.ContainsFunc(alts, func(alt []string) bool { return s.othersHold(l, topic, alt) }):
			return false // no license words the case so
		}
		other = true
	}
	return other
}

// onlyQualified reports whether every clause of the documents l's card on
// topic cites that holds one of the cases (all its stems) qualifies what
// it bans ("unlicensed", "without their consent", "unless"), and the
// question names no such qualifier itself.
func (s *snapshot) onlyQualified(r *reading, l *licenseMeta, topic string, cases [][]string) bool {
	if qualifies(strings.ToLower(r.text)) {
		return false
	}
	c := s.m.Cards[l.Key][topic]
	seen := false
	for _, cs := range cases {
		for id := range s.holdingOf(s.formsOf(cs[0])).clauses {
			doc, _, _ := strings.Cut(id, "#")
			if !slices.ContainsFunc(c.Refs, func(ref string) bool { return strings.HasPrefix(ref, doc+"#") }) ||
				slices.ContainsFunc(cs[1:], func(st string) bool { return !s.holdingOf(s.formsOf(st)).clauses[id] }) {
				continue
			}
			h, ok := s.plainHit(id)
			if !ok {
				continue
			}
			if !qualifies(strings.ToLower(h.Heading + " " + h.Text)) {
				return false
			}
			seen = true
		}
	}
	return seen
}

// qualifies reports whether lower-cased text limits what it says to an
// unlicensed, unauthorised or unconsented case.
func qualifies(text string) bool {
	if strings.Contains(text, "unlicensed") || strings.Contains(text, "unauthori") || strings.Contains(text, "unless") {
		return true
	}
	for rest := text; ; {
		i := strings.Index(rest, "without")
		if i < 0 {
			return false
		}
		rest = rest[i+len("without"):]
		window := rest[:min(len(rest), 48)]
		for _, w := range []string{"consent", "authoriz", "authoris", "permission", "right"} {
			if strings.Contains(window, w) {
				return true
			}
		}
	}
}

// holdsAll reports whether the documents license key's card on topic
// cites hold each of the stems st, in one of its forms.
func (s *snapshot) holdsAll(key, topic string, st []string) bool {
	for _, w := range st {
		if !s.cardDocsHold(key, topic, s.formsOf(w)) {
			return false
		}
	}
	return true
}

// othersHold is holdsAll for some license other than l's.
func (s *snapshot) othersHold(l *licenseMeta, topic string, st []string) bool {
	for key := range s.m.Cards {
		if key != l.Key && s.holdsAll(key, topic, st) {
			return true
		}
	}
	return false
}

// sameCases returns the other phrases of the synonym groups that hold the
// case st of topic, when every phrase of the group is a case of topic:
// "impersonation" for "deepfakes", which one license names as an example
// of the other. A group with a wider word ("legal" beside "legal advice")
// is no such list, and lends nothing.
func (s *snapshot) sameCases(topic string, st []string) [][]string {
	var out [][]string
	for _, g := range s.synonyms {
		if !slices.ContainsFunc(g.stems, func(ps []string) bool { return slices.Equal(ps, st) }) ||
			slices.ContainsFunc(g.stems, func(ps []string) bool { return !s.topics.isCase(topic, ps) }) {
			continue
		}
		for _, ps := range g.stems {
			if !slices.Equal(ps, st) {
				out = append(out, ps)
			}
		}
	}
	return out
}

// cardDocsHold reports whether a document that license key's card on
// topic cites holds one of the stems forms.
func (s *snapshot) cardDocsHold(key, topic string, forms []string) bool {
	c, ok := s.m.Cards[key][topic]
	if !ok {
		return false
	}
	docs := s.holdingOf(forms).docs
	return slices.ContainsFunc(c.Refs, func(ref string) bool {
		doc, _, _ := strings.Cut(ref, "#")
		return docs[doc]
	})
}

// negates reports whether an English question sets a condition in the
// negative: "never", or a "not" within a few words after "if", "when"
// or "as long as" and before the clause ends ("…if I don't distribute
// it?"). A card's duty is
// written for the act that triggers it; a question that rules the act out
// asks whether the duty still holds.
func negates(question string) bool {
	for _, part := range strings.FieldsFunc(strings.ToLower(question), func(r rune) bool {
		return strings.ContainsRune(",;:.?!()—–", r)
	}) {
		words := strings.FieldsFunc(part, func(r rune) bool { return !unicode.IsLetter(r) && r != '\'' })
		cond := -10 // where the last condition opened, within this part
		for i, w := range words {
			switch {
			case w == "if" || w == "when" || w == "unless" || w == "long" && i+1 < len(words) && words[i+1] == "as":
				cond = i
			case w == "never":
				return true
			case i-cond <= 4 && (w == "not" || w == "no" || w == "dont" || strings.HasSuffix(w, "n't")):
				return true
			}
		}
	}
	return false
}

// asksAgainst reports whether an English question asks about acting
// against something ("detect spam", "fight misinformation",
// "anti-malware"): a use a ban's list names as the thing to fight, not
// to do.
func asksAgainst(question string) bool {
	for _, w := range strings.FieldsFunc(strings.ToLower(question), func(r rune) bool {
		return !unicode.IsLetter(r) && r != '-'
	}) {
		if againstWords[w] || strings.HasPrefix(w, "anti") {
			return true
		}
	}
	return false
}

// againstWords are the forms of verbs and nouns of detecting, preventing
// and countering.
var againstWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`detect detects detecting detected detection detector detectors
		identify identifying identification classify classifying classification classifier
		filter filters filtering moderate moderating moderation moderator flag flagging
		prevent prevents preventing prevention combat combating combatting fight fighting
		block blocking counter countering protect protecting protection mitigate mitigating
		mitigation debunk debunking catch catching spot spotting remove removing removal`) {
		m[w] = true
	}
	return m
}()

// asksDuty reports whether an English question asks whether something
// must be done: "have to", "need to", "must", "required", "mandatory",
// "obliged" — read from the words as typed, since the analyzer drops
// some of them as stop words. "Need" without "to" ("do I need a license
// for …") asks for permission, not a duty.
func asksDuty(question string) bool {
	words := strings.FieldsFunc(strings.ToLower(question), func(r rune) bool {
		return !unicode.IsLetter(r) && r != '\''
	})
	for i, w := range words {
		next := ""
		if i+1 < len(words) {
			next = words[i+1]
		}
		switch {
		case dutyWords[w]:
			return true
		case (w == "have" || w == "has" || w == "need" || w == "needs") && next == "to":
			return true
		}
	}
	return false
}

// dutyWords say by themselves that something must be done.
var dutyWords = map[string]bool{"must": true, "required": true, "require": true,
	"requires": true, "requirement": true, "requirements": true, "mandatory": true, "obliged": true,
	"obligated": true, "obligation": true, "obligations": true, "compulsory": true}

// asksOwner reports whether an English question asks whether someone
// owns something ("does google own the text gemma generates?", "do I own
// the outputs?"): like "who", it asks for a party, which no status names.
// "Own" after a possessive ("my own model") is no such question.
func asksOwner(question string) bool {
	words := strings.FieldsFunc(strings.ToLower(question), func(r rune) bool { return !unicode.IsLetter(r) })
	for i, w := range words {
		switch w {
		case "own", "owns", "owned", "owner", "owners", "ownership":
			if i == 0 || !possessives[words[i-1]] {
				return true
			}
		}
	}
	return false
}

// possessives are the words after which "own" means "of one's own".
var possessives = map[string]bool{"my": true, "your": true, "our": true, "their": true, "his": true,
	"her": true, "its": true, "one": true, "s": true}

// isWho reports whether w is "who", "whom" or "whose" as a word — not
// "WHO" in a question that has lower case.
func isWho(w, question string) bool {
	switch strings.ToLower(w) {
	case "who", "whom", "whose":
		return w != "WHO" || strings.ToUpper(question) == question
	}
	return false
}

// whoOpeners are the words after which "who" opens a clause of its own.
var whoOpeners = map[string]bool{"and": true, "but": true, "or": true, "so": true, "then": true,
	"to": true, "by": true, "for": true, "from": true, "with": true, "of": true, "about": true}

// second is the question's second aspect, if it has one: a case the
// question names ("nuclear" in "sell a nuclear plant controller"), whose
// topic the license has a card for, or else the model's next reading when
// it is likely enough.
func (s *snapshot) second(r *reading, l *licenseMeta, first string) (TopicScore, bool) {
	for _, c := range r.cases {
		if c == first || !s.answerable(l, c) {
			continue
		}
		for _, t := range r.ranked {
			if t.Topic == c {
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
		a.Clauses = s.finish(cs.ranked(rankWeights), r)
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

// answerTopic answers with the card for topic: its verdict and the clauses
// it rests on, the clause that names the user's case first.
func (s *snapshot) answerTopic(ctx context.Context, a *Answer, l *licenseMeta, r *reading, topic string) error {
	c := s.card(l, topic)
	t := s.topics.byID[topic]
	a.Topic, a.TopicLabel = t.ID, t.Label
	a.Verdict = Verdict{Status: c.Status, Summary: c.Summary}
	a.Conditions = append(a.Conditions, c.Conditions...)
	a.Curated = true
	quoted, err := s.quoteCard(ctx, l, r, topic, c)
	if err != nil {
		return err
	}
	a.Grounded = len(c.Refs) > 0
	if !a.Grounded {
		// The text does not address the topic: show the closest clauses,
		// marked as such, never as if they grounded the verdict.
		quoted, err = s.closest(ctx, l, r, topic)
		if err != nil {
			return err
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
		Conditions: append([]Condition{}, c2.Conditions...)})
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
	a.Clauses = s.finish(cs.ranked(rankWeights), r)
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
	if r.quoted == nil {
		r.quoted = map[string][]Hit{}
	}
	r.quoted[key] = q
	return q, nil
}

// orderCard is quoteCard's work.
func (s *snapshot) orderCard(ctx context.Context, l *licenseMeta, r *reading, topic string, c *cardMeta) ([]Hit, error) {
	if len(c.Refs) == 0 {
		return nil, nil
	}
	quoted := s.refHits(c.Refs, nil)
	if slices.Contains(r.cases, topic) {
		text, _ := s.restOf(r, l)
		if text == "" {
			text = r.text
		}
		own, err := s.search(ctx, searchReq{text: text, license: l.Key, size: 1, noShingles: true})
		if err != nil {
			return nil, err
		}
		return mergeHits(own, quoted), nil
	}
	if !r.pick {
		return quoted, nil
	}
	rest := s.residualOf(s.wordsOf(r), l, s.topics.vocab[topic])
	if rest == "" || len(strings.Fields(rest)) > pickWords {
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
	req := searchReq{text: r.text, stems: r.stems, synonyms: syn, license: l.Key, size: 12, noShingles: true}
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
	return quoted
}

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
	if a.OpenSource != nil {
		o := *a.OpenSource
		c.OpenSource = &o
	}
	return &c
}
