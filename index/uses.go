package index

import (
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
// (cues, as word starts, or two words in a row; a trailing space makes a
// cue a whole word) and the words the policies' items use for it
// (policyWords). A cue names the use, not a party or a trait the
// question may name for another reason: "hiring", not "hire" ("hire a
// contractor to fine-tune it"); "legal advice", not "lawyer" ("our lawyer
// asks…") — review 57's misfires.
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
		policyWords: "private sensitive personal identifiable identifying information individuals tracking monitoring"},
	{cues: []string{"hiring", "recruiter", "resume screen", "screening resumes", "cv screening", "applicant",
		"credit scor", "loan", "lending", "tenants ", "tenant screen", "profiling"},
		policyWords: "discrimination discriminating employment credit housing automated decision legal rights"},
	// Passing outputs off as a person's, and passing off as another
	// person: two bans, told apart; the first, when it names the use,
	// takes its words from the second ("pretends to be a human").
	{cues: []string{"pretend to be human", "pretends to be human", "pretending to be human", "pretend to be a human",
		"pretends to be a human", "pretending to be a human", "catfish", "pass as human", "passing as human", "fake person"},
		policyWords: "human-generated provenance disclaiming"}, // not "machine", which reaches "heavy machinery"
	{cues: []string{"deepfake", "impersonat", "pretend", "pose as", "poses as", "posing as", "voice clon"},
		policyWords: "impersonating impersonate impersonates"},
	{cues: []string{"legal advice", "lawyer bot", "ai lawyer", "medical advice", "diagnos",
		"doctor ", "doctors ", "therapist", "financial advice", "medical imaging", "radiolog"},
		policyWords: "unlicensed practice profession legal medical financial advice"},
	{cues: []string{"police", "policing", "sentencing", "parole"},
		policyWords: "law enforcement administration justice immigration asylum"},
	{cues: []string{"csam", "underage", "child abuse", "child porn"},
		policyWords: "children minors child exploitation"},
	{cues: []string{"narcotic", "methamphetamine", "fentanyl", "cocaine", "heroin"},
		policyWords: "drugs controlled substances"},
	{cues: []string{"army ", "armies ", "armed forces", "soldier", "defense contract", "defence contract", "drone target", "target recognition", "munition"},
		policyWords: "military warfare nuclear weapons"},
	{cues: []string{"self driving", "autonomous driving", "autonomous vehicle", "driving decisions", "autopilot",
		"power grid", "scada", "air traffic"},
		policyWords: "critical infrastructure transportation technologies operation"},
	{cues: []string{"misinformation", "fake news", "hoax"},
		policyWords: "false information disinformation"},
}

// useStems returns the stems of the policy words of the banned uses a
// question's words (letterWords) name in everyday words (useCategories),
// for pointing to a list's items; nil when they name none.
func (s *snapshot) useStems(ws []string) []string {
	joined := " " + strings.Join(ws, " ") + " "
	for _, p := range figurativeUses {
		joined = strings.ReplaceAll(joined, " "+p+" ", " ")
	}
	var out []string
	for i, c := range useCategories {
		named := false
		for _, cue := range c.cues {
			if strings.Contains(joined, " "+cue) {
				named = true
				if strings.Contains(cue, " ") { // its words name no later category
					joined = strings.ReplaceAll(joined, " "+cue, " ")
				}
			}
		}
		if named {
			out = append(out, s.usePolicyStems()[i]...)
		}
	}
	return out
}

// figurativeUses are phrases whose cue names no use: "a bot army of
// agents", "an army of interns", "diagnose bugs".
var figurativeUses = []string{"bot army", "army of", "diagnose bugs", "diagnose errors", "diagnose issues",
	"diagnose problems", "diagnosing bugs", "diagnosing errors", "diagnosing issues", "diagnosing problems"}

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
