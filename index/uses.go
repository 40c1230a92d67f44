package index

import (
	"slices"
	"strings"
)

// The use policies ban uses in their own words ("Collect, process,
// disclose, generate, or infer private or sensitive information about
// individuals"; "discrimination … in the provision of employment …
// credit"); people name the use in theirs ("facial recognition on cctv",
// "credit scoring", "deepfakes"). When a quoted clause is a long list of
// banned uses, the items the question points to are shown first
// (focusItems); a question that names a use in everyday words pointed to
// none, or to the wrong one (hunts 27 and 28: 50 of 760 questions).
// useCategories bridge the two: a question naming a use of a category
// points, too, to the items holding the words the policies use for it.

// useCategory is a kind of banned use: the everyday words that name it
// (cues, as word starts, or two words in a row) and the words the
// policies' items use for it (policyWords).
type useCategory struct {
	cues        []string
	policyWords string
}

// useCategories are the kinds of banned use a question may name in
// everyday words. Each policy word is in at least one policy's item
// (Llama's, Gemma's, the OpenRAILs', DeepSeek's).
var useCategories = []useCategory{
	{cues: []string{"facial", "face recognition", "biometric", "surveil", "cctv", "track people",
		"tracking people", "pii", "doxx", "doxing", "stalk", "personal data", "location tracking"},
		policyWords: "private sensitive personal identifiable identifying information individuals"},
	{cues: []string{"hiring", "hire", "recruit", "resume screen", "screening resumes", "cv screening", "applicant",
		"credit scor", "loan", "lending", "tenant", "racial", "profiling", "eligib"},
		policyWords: "discrimination discriminating employment credit housing automated decision legal rights"},
	{cues: []string{"deepfake", "impersonat", "pretend", "pose as", "posing as", "voice clon", "catfish",
		"pass as human", "passing as human", "fake person"},
		policyWords: "impersonating impersonate human-generated machine generated"},
	{cues: []string{"legal advice", "lawyer", "attorney", "medical advice", "diagnos", "doctor", "therapist",
		"financial advice", "medical imaging", "radiolog"},
		policyWords: "unlicensed practice profession legal medical financial advice"},
	{cues: []string{"police", "policing", "sentencing", "parole"},
		policyWords: "law enforcement administration justice immigration asylum"},
	{cues: []string{"csam", "underage", "child abuse", "child porn"},
		policyWords: "children minors child exploitation"},
	{cues: []string{"narcotic", "methamphetamine", "fentanyl", "cocaine", "heroin"},
		policyWords: "drugs controlled substances"},
	{cues: []string{"army", "armed forces", "soldier", "defense contract", "defence contract", "drone target", "target recognition", "munition"},
		policyWords: "military warfare nuclear weapons"},
	{cues: []string{"self driving", "autonomous driving", "autonomous vehicle", "driving decisions", "autopilot",
		"power grid", "scada", "air traffic"},
		policyWords: "critical infrastructure transportation technologies operation"},
	{cues: []string{"misinformation", "fake news", "hoax"},
		policyWords: "false information disinformation disseminate"},
}

// useStems returns the stems of the policy words of the banned uses a
// question's words (letterWords) name in everyday words (useCategories),
// for pointing to a list's items; nil when they name none.
func (s *snapshot) useStems(ws []string) []string {
	joined := " " + strings.Join(ws, " ") + " "
	var out []string
	for i, c := range useCategories {
		if slices.ContainsFunc(c.cues, func(cue string) bool { return strings.Contains(joined, " "+cue) }) {
			out = append(out, s.usePolicyStems()[i]...)
		}
	}
	return out
}

// usePolicyStems returns the stems of each use category's policy words,
// by useCategories' order, stemmed once per build at first use.
func (s *snapshot) usePolicyStems() [][]string {
	s.usesStemmed.Do(func() {
		s.policyStems = make([][]string, len(useCategories))
		for i, c := range useCategories {
			s.policyStems[i] = s.stems(c.policyWords)
		}
	})
	return s.policyStems
}
