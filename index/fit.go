package index

import (
	"regexp"
	"slices"
	"strings"

	"github.com/licensebot/licensebot/corpus"
)

// A verdict card answers its topic in general ("Attribution: required").
// A question is often narrower: "can I keep my YOLO app closed-source?" is
// about copyleft, but the card's "required" is not the answer to it as
// asked, and "can I release my Gemma fine-tune under Apache-2.0?" is about
// sublicensing, where the card's "conditional" reads as a yes. So a second
// model, fitted at build to the labelled training questions, says whether
// the card's status answers the question as asked, from the question's
// shape: how it is asked (may I, must I, what, a bare topic), whether it
// negates, the concepts it names beyond the topic, and the status itself.
// Below fitConfidence the answer keeps the card's clauses but shows no
// verdict.

// framing is how a question asks.
type framing string

const (
	framePermission framing = "permission" // can I, may we, is it ok to
	frameDuty       framing = "duty"       // do I have to, must I, am I required to
	frameWhat       framing = "what"       // what, which, how, who
	frameBare       framing = "bare"       // a topic name or a short phrase
	frameOther      framing = "other"      // anything else ("llama 3 for my startup?")
)

// These patterns are English grammar (modal verbs, question words and
// negation), not topic vocabulary.
var (
	dutyRE = regexp.MustCompile(`\b(?:(?:do|does|did|will) (?:i|we|you|they|one|it) (?:have|need) to|must (?:i|we|you|they|one)|(?:am i|are we|is it|are you) (?:required|obliged|obligated|forced)|(?:have|has|need|needs) to|required to|forced to|obliged to|mandatory|compulsory)\b`)
	permRE = regexp.MustCompile(`\b(?:(?:can|could|may|might) (?:i|we|you|one|they|someone|people|anyone|it|this|my|our|the)|(?:am i|are we|is it|is this|are you|is that) (?:allowed|permitted|ok|okay|possible|legal|fine|free)|allowed to|permitted to|is it (?:ok|okay|legal|possible|fine))\b`)
	whatRE = regexp.MustCompile(`^(?:what|which|who|whose|how|where|when|why)\b`)
	negRE  = regexp.MustCompile(`\b(?:without|not|no|never|nor|instead of|avoid|skip|ignore|remove|cannot|can't|don't|dont|doesn't|isn't|won't)\b`)
)

// shapeOf reads how a question asks, and whether it negates.
func shapeOf(question string, words int) (framing, bool) {
	q := strings.ToLower(question)
	neg := negRE.MatchString(q)
	switch {
	case dutyRE.MatchString(q):
		return frameDuty, neg
	case permRE.MatchString(q):
		return framePermission, neg
	case whatRE.MatchString(q):
		return frameWhat, neg
	case words <= 3:
		return frameBare, neg
	}
	return frameOther, neg
}

// fitFeatures are the features of (question, card status): each alone,
// and with the status, since what fits depends on what the card says.
func (f *featurizer) fitFeatures(question, topic string, status Status) []feature {
	toks := f.stems(question)
	fr, neg := shapeOf(question, len(toks))
	st := "s:" + string(status)
	names := []string{st, st + "|f:" + string(fr), st + "|t:" + topic}
	if neg {
		names = append(names, st+"|neg", st+"|f:"+string(fr)+"|neg")
	}
	set := map[string]bool{}
	f.conceptFeatures(toks, set)
	for k := range set {
		if strings.HasPrefix(k, "c:") {
			names = append(names, st+"|"+k)
		}
	}
	slices.Sort(names)
	out := make([]feature, len(names))
	for i, n := range names {
		out[i] = feature{n, 1}
	}
	return out
}

// The two classes of the fit model.
const (
	classFits   = "fits"
	classMisfit = "misfit"
)

// fitExamples makes the fit model's training set: each labelled question
// with statuses whose first topic has a card for its license, labelled by
// whether that card's status is one the question accepts.
func fitExamples(f *featurizer, m *meta, qs []corpus.Question, skip map[string]bool) []example {
	var exs []example
	for _, q := range qs {
		if skip[q.ID] || len(q.Status) == 0 || len(q.Topics) == 0 {
			continue
		}
		c, ok := m.Cards[q.License()][q.Topics[0]]
		if !ok {
			continue
		}
		class := 1
		if slices.Contains(q.Status, string(c.Status)) {
			class = 0
		}
		exs = append(exs, example{feats: f.fitFeatures(q.Text(), q.Topics[0], c.Status), classes: []int{class}, weights: []float64{1}})
	}
	return exs
}

// fitModel fits the verdict-fit model of a build.
func fitFitModel(m *meta, qs []corpus.Question, skip map[string]bool) *questionModel {
	stems := analyzerStems(buildMapping().AnalyzerNamed(analyzerText))
	f := newFeaturizer(stems, m.Lexicon, m.Concepts, nil)
	return trainQuestionModel([]string{classFits, classMisfit}, fitExamples(f, m, qs, skip))
}

// fits returns the fit model's probability that the card's status answers
// the question as asked. A question that is only the topic's name is what
// the card was written for.
func (s *snapshot) fits(r *reading, topic string, status Status) float64 {
	if r.exact() == topic {
		return 1
	}
	if s.fitModel == nil {
		return 0
	}
	return s.fitModel.scores(s.feat.fitFeatures(r.text, topic, status))[0]
}
