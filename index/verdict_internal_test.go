package index

import (
	"slices"
	"strings"
	"testing"
)

// "who" withholds a verdict when it asks — opening the question or a
// clause — and not when it is a relative pronoun, part of another word or
// the World Health Organization.
func TestAsksWho(t *testing.T) {
	for q, want := range map[string]bool{
		"who owns the outputs":                                   true,
		"Who owns the outputs?":                                  true,
		"if deepseek leaks personal data, who is responsible?":   true,
		"if it leaks data who's liable":                          false, // no clause mark: read as relative
		"whose name goes first":                                  true,
		"and to whom do I send the notice":                       true,
		"llama 4 outputs — who owns them":                        true,
		"(who decides) what counts as commercial":                true,
		"can people who live in the EU use llama 4":              false,
		"do I need to credit meta, as someone who fine-tunes it": false,
		"a telecom group whose services reach a billion users":   false,
		"whoever hosts it, must they add the notice":             false,
		"can I follow WHO guidelines with a medical llama":       false,
		"WHO OWNS THE OUTPUTS":                                   true,
		"can i sell it":                                          false,
		"":                                                       false,
		"谁拥有输出":                                                  false, // English only
	} {
		if got := asksWho(q); got != want {
			t.Errorf("asksWho(%q) = %v, want %v", q, got, want)
		}
	}
}

// The readings of a question's words that withhold a verdict (see
// verdict.go), each on questions that should and should not trigger it.
func TestQuestionReadings(t *testing.T) {
	for _, c := range []struct {
		name  string
		f     func(string) bool
		cases map[string]bool
	}{
		{"asksDuty", asksDuty, map[string]bool{
			"do I have to disclose content is machine generated": true,
			"must I credit meta":                    true,
			"is a notice file mandatory":            true,
			"does the license require attribution?": true,
			"Do we NEED TO open source our app?":    true,
			"what are my obligations":               true,
			"do I need a license for military use":  false, // asks for permission
			"can I use it for medical advice":       false,
			"I have two models, can I merge them":   false,
			"needless to say, can I sell it":        false,
			"":                                      false,
		}},
		{"asksAgainst", asksAgainst, map[string]bool{
			"can I use gemma to detect spam?":   true,
			"malware detection with llama 4":    true,
			"an anti-fraud classifier":          true,
			"Fighting misinformation, allowed?": true,
			"can I use gemma to generate spam?": false,
			"write malware with it":             false,
			"can I use it for medical advice":   false,
			"":                                  false,
		}},
		{"negates", negates, map[string]bool{
			"do I need a notice file if I don't distribute it?": true,
			"do I have to share alike if I never publish it":    true,
			"is it ok as long as I do not sell it":              true,
			"when not distributing, must I credit meta":         true,
			"what happens if I don't prefix the name":           true,
			"no warranty?": false, // not a condition
			"can I use it without attribution, if I sell the app":                      false,
			"if I distribute it, don't I need a notice file? (a lot of words between)": false,
			"": false,
		}},
		{"asksOwner", asksOwner, map[string]bool{
			"does google own the text gemma generates for me?":   true,
			"do I own the outputs":                               true,
			"who has ownership of the weights":                   true,
			"train my own model on its outputs":                  false,
			"meta's own brand guidelines":                        false,
			"does deepseek claim any rights over what it writes": true,
			"licensor claims no copyright in outputs?":           true,
			"indemnify meta against any claim by a third party":  false,
			"patent claims on my model":                          false,
			"":                                                   false,
		}},
		{"asksForClause", asksForClause, map[string]bool{
			"does llama 3.3 have a patent clause?":       true,
			"is there an acceptable use policy":          true,
			"do the gemma terms include a section on it": true,
			"is there a restriction on commercial use?":  false, // a rule, not a part of the text
			"does it have a user limit":                  false,
			"can I copy the clause into my readme":       false,
			"":                                           false,
		}},
		{"qualifies", qualifies, map[string]bool{
			"engagement in the illegal or unlicensed practice of any profession": true,
			"tracking or monitoring people without their consent":                true,
			"collect private information unless you have obtained the right":     true,
			"guns and illegal weapons":                                           false,
			"without limitation, spam":                                           false,
		}},
	} {
		for q, want := range c.cases {
			if got := c.f(q); got != want {
				t.Errorf("%s(%q) = %v, want %v", c.name, q, got, want)
			}
		}
	}
}

// A ban's item qualified by consent, authorisation, disclosure or a
// purpose bans the qualified case, not the bare one.
func TestQualifies(t *testing.T) {
	for text, want := range map[string]bool{
		"tracking or monitoring people without their consent":                               true,
		"impersonates an individual without explicit disclosure, in order to deceive":       true,
		"impersonates an individual (living or dead), in order to deceive":                  true,
		"without expressly and intelligibly disclaiming that the text is machine-generated": true,
		"engaging in the unlicensed practice of any profession":                             true,
		"generate sexually explicit content":                                                false,
		"without limitation, any warranties":                                                false,
	} {
		if got := qualifies(text); got != want {
			t.Errorf("qualifies(%q) = %v, want %v", text, got, want)
		}
	}
}

// A question asks what the licensor does when the licensor comes, past
// auxiliaries, before a verb of standing behind someone or a word of the
// topic; after it, the licensor is who the user's duty is owed to.
func TestAsksLicensorsPart(t *testing.T) {
	s := &snapshot{analyzer: buildMapping().AnalyzerNamed(analyzerText)}
	s.topics = newTopicMatcher(s.stems, taxonomy(t).Topics)
	for _, c := range []struct {
		q, topic string
		want     bool
	}{
		{"Does Meta indemnify me against third-party claims?", "indemnity", true},
		{"licensor indemnify", "indemnity", true},
		{"will google cover my legal costs?", "indemnity", true},
		{"does meta have to indemnify me?", "indemnity", true},
		{"will meta credit me", "attribution", true},
		{"do I have to indemnify meta?", "indemnity", false},
		// The asker stood behind, whoever does it (hunt 17).
		{"does llama 3 indemnify me", "indemnity", true},
		{"does it defend me", "indemnity", true},
		{"will they hold us harmless?", "indemnity", true},
		{"am I indemnified if someone sues?", "indemnity", true},
		{"will we be defended by meta?", "indemnity", true},
		{"do I need to indemnify them if my users sue me?", "indemnity", false},
		{"do we have to hold meta harmless?", "indemnity", false},
		{"does share alike cover my adaptation?", "copyleft", false}, // its scope (review)
		{"must I defend Google if a user sues?", "indemnity", false},
		{"indemnity", "indemnity", false},
		{"does meta require credit?", "attribution", false},
		{"meta's attribution rule", "attribution", false},
		{"does the licensor need to be credited?", "attribution", false},
		{"built with meta llama", "attribution", false},
		{"metadata coverage", "indemnity", false},
	} {
		if got := s.asksLicensorsPart(c.q, c.topic); got != c.want {
			t.Errorf("asksLicensorsPart(%q, %s) = %v, want %v", c.q, c.topic, got, c.want)
		}
	}
}

// The licensor acts when it comes right after a modal that opens the
// question or a clause of it, and before a verb of acting; for ALLOWED,
// only on the asker's things (the owner may do anything with their own).
func TestLicensorActs(t *testing.T) {
	for _, c := range []struct {
		q      string
		status Status
		want   bool
	}{
		{"can the author use their cc-by-nc work commercially", StatusForbidden, true},
		{"so can meta stop me using llama 4?", StatusConditional, true},
		{"Will Google sue me?", StatusForbidden, true},
		{"cc by-nc: could the licensor charge royalties?", StatusForbidden, true},     // a clause after the name
		{"cc by-nc commercial use can the licensor charge me", StatusForbidden, true}, // no comma: the inversion says it
		{"can the creator use their cc-by-nc work commercially", StatusForbidden, true},
		{"can the licensor legally charge royalties", StatusForbidden, true},
		{"can the copyright holder charge royalties", StatusForbidden, true},
		{"can the license holder sell copies", StatusForbidden, false}, // a licensee
		{"can meta use my fine-tuned model", StatusAllowed, true},
		{"cc by: can authors use it commercially", StatusAllowed, false}, // their own work: ALLOWED holds
		{"does meta require attribution", StatusRequired, false},         // what it requires: the card's question
		{"does meta make me show built with llama", StatusRequired, false},
		{"does meta allow commercial use", StatusConditional, false},
		{"does google claim my outputs", StatusAllowed, false}, // asked of the card on outputs
		{"can I sue meta", StatusForbidden, false},             // the licensor acted on
		{"if meta changes the license can i keep it", StatusAllowed, false},
		{"can meta llama 3 be used commercially", StatusConditional, false}, // a name, then no verb of acting
		// A question put as a statement, the licensor opening a clause.
		{"the author can use their cc-by-nc work commercially, right?", StatusForbidden, true},
		{"cc by-nc commercial use, licensor can charge me?", StatusForbidden, true},
		{"meta llama 3 can be used commercially?", StatusConditional, false},
		{"the author is required to credit?", StatusRequired, false},            // no modal
		{"if the licensor can revoke it, may i sell", StatusForbidden, false},   // not opening its clause
		{"meta could sue me, do I have to credit meta?", StatusRequired, false}, // said before asking
		{"the licensor can charge royalties, correct?", StatusForbidden, true},  // the tag asks of it
		{"can Meta Platforms use my fine-tune?", StatusAllowed, true},           // a company, with the words of its name
		{"can the IP owner sell it?", StatusForbidden, true},                    // a holder of the rights, as rightsHolder says
	} {
		l := &licenseMeta{Family: "llama"}
		if strings.Contains(strings.ToLower(c.q), "google") {
			l.Family = "gemma"
		}
		if got := licensorActs(c.q, l, c.status); got != c.want {
			t.Errorf("licensorActs(%q, %s) = %v, want %v", c.q, c.status, got, c.want)
		}
	}
	// A company is the licensor of its own family's licenses only: Google
	// is a licensee of Llama, BigScience a party to the OpenRAIL-Ms.
	for _, c := range []struct {
		q, family string
		want      bool
	}{
		{"can google use llama 3 commercially", "llama", false},
		{"can google use gemma commercially", "gemma", true},
		{"can BigScience use my trademark?", "openrail", true},
		{"can BigScience use my trademark?", "mpl", false},
		{"can Mozilla use my trademark?", "mpl", true},
	} {
		if got := licensorActs(c.q, &licenseMeta{Family: c.family}, StatusForbidden); got != c.want {
			t.Errorf("licensorActs(%q) of the %s family = %v, want %v", c.q, c.family, got, c.want)
		}
	}
}

// Which license a published work is under is asked by "what license"
// before a verb, or by a yes/no question on two works' licenses; not of
// the asker's own work, one made from another, or the files to ship.
func TestAsksWhichLicense(t *testing.T) {
	for q, want := range map[string]bool{
		"what license is gemma 3 under?":                                     true,
		"What kind of license does bloom have":                               true,
		"which license?":                                                     true,
		"is scout under a different license than maverick":                   true,
		"are gemma 3 and gemma 2 under different licenses":                   true,
		"why is qwen2.5-72b on a different license than qwen2.5-7b":          true,
		"llama 4 came out in april, is it under the same license as llama 3": true,
		"what license does my finetune get":                                  false,
		"if i merge two models, what license is the merged model under?":     false,
		"distill deepseek v2 into a 1b model, what license does it get":      false,
		"which license files have to ship with it?":                          false,
		"this dataset should be under the same license":                      false,
		"mpl executable under different license terms":                       false,
		"can i relicense gemma":                                              false,
		// A review's: the words of a permission, a duty or passing a work
		// on ask the terms; a question put with "does … have", in capitals,
		// with commas or beside another sentence still asks the fact.
		"is sublicensing under a different license allowed?":                 false,
		"what license does copyleft require?":                                false,
		"which license do you pass on when redistributing llama 4?":          false,
		"does llama 4 scout have a different license than llama 4 maverick?": true,
		"Is Llama 4 Scout under a different LIcense than Llama 4 Maverick":   true,
		"are qwen2.5 7b, gemma 3 27b and codellama under the same license?":  true,
		"Is Scout under a different license than Maverick? We need to know.": true,
		"ok, what license is gemma 3 under?":                                 true, // "ok" in another clause
		"do derivatives have the same license?":                              false,
	} {
		if got := asksWhichLicense(q); got != want {
			t.Errorf("asksWhichLicense(%q) = %v, want %v", q, got, want)
		}
	}
}

// Dots between digits are a version's, not a sentence's end.
func TestVersionDotsOut(t *testing.T) {
	for in, want := range map[string]string{
		"qwen2.5-72b vs qwen2.5-7b": "qwen25-72b vs qwen25-7b",
		"v1.2.3. next":              "v123. next",
		"llama 3. then gemma 2.":    "llama 3. then gemma 2.",
		"":                          "",
		".5 and 5.":                 ".5 and 5.",
	} {
		if got := versionDotsOut(in); got != want {
			t.Errorf("versionDotsOut(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestAsksHowToReport(t *testing.T) {
	for q, want := range map[string]bool{
		"how do i report someone misusing llama 4":      true,
		"where can we complain about a violation?":      true,
		"how do i flag content as ai generated":         false, // a duty (labelling), not a report
		"how do i use it to report the news":            false, // past the verb's window
		"where can i use llama 4, and must i report it": false, // "report" in another clause
		"llama 4 weapons, how would anyone report that": true,
		"if my app finds csam do i have to report it":   false, // a duty's own question
		"can i use llama 4 to write reports":            false,
	} {
		if got := asksHowToReport(q); got != want {
			t.Errorf("asksHowToReport(%q) = %v, want %v", q, got, want)
		}
	}
}

func TestAsksToRefrain(t *testing.T) {
	for q, want := range map[string]bool{
		"Can I NOT include a copy of the Llama 3.1 license when I redistribute the weights?": true,
		"is it ok to not credit meta":                       true,
		"am i allowed to not mention llama in the name":     true,
		"are we free never to publish the source":           true,
		"can i redistribute without changes":                false, // "without" leaves out nothing the card asks
		"i can not find the attribution clause":             false, // the asker is not the one who may
		"can i use it if i do not distribute it":            false, // a condition's negation (negates)
		"do i not need to include the license":              false, // a duty's own question
		"can you tell me if it is not allowed to use it":    false,
		"not allowed to use it for military, is that right": false,
	} {
		if got := asksToRefrain(q); got != want {
			t.Errorf("asksToRefrain(%q) = %v, want %v", q, got, want)
		}
	}
}

// One asks to leave something out with a verb of leaving out right after
// a permission asked.
func TestAsksToOmit(t *testing.T) {
	for q, want := range map[string]bool{
		"is it ok to skip giving a copy of the gemma terms to people I share the weights with": true,
		"can we omit the notice file":                  true,
		"fine to leave out the attribution":            true,
		"can i drop the llama prefix from the name":    true,
		"do i have to skip anything":                   false, // no permission asked
		"we skip the notice, is that a breach":         false,
		"can i leave the notice in place":              false,
		"can i leave":                                  false,
		"can i use it to drop frames from video clips": false, // "to" after no word of permission
	} {
		if got := asksToOmit(q); got != want {
			t.Errorf("asksToOmit(%q) = %v, want %v", q, got, want)
		}
	}
}

// What passes from the asker to their own parties is theirs to give,
// not a fact of the license.
func TestTowardOwnParty(t *testing.T) {
	for q, want := range map[string]bool{
		"llama 3.1 warranty from me to my users": true,
		"warranty to my customers":               true,
		"liability to our clients":               true,
		"is there any warranty from us":          false, // who asks
		"a question from us: which law applies":  false,
		"can google revoke gemma from us":        false,
		"warranty to users":                      false, // no "my" or "our": the license's users
		"does meta give my customers a warranty": false,
		"liability if my customers misuse it":    false,
		"from meta to me":                        false,
		"warranty":                               false,
	} {
		if got := towardOwnParty(q); got != want {
			t.Errorf("towardOwnParty(%q) = %v, want %v", q, got, want)
		}
	}
}

// One asks to impose a term when a verb of adding comes a few words
// before a requirement, term or restriction, or the asker adds it after
// naming it ("requirements I add"), or it is their own.
func TestAsksToImpose(t *testing.T) {
	for q, want := range map[string]bool{
		"gpl add attribution requirement":                    true,
		"can I impose extra conditions on users of my fork?": true,
		"can I add my own restrictions to apache code":       true,
		"do I need to add the license text":                  false,
		"what are the attribution requirements":              false,
		"gemma attribution attach the terms":                 false, // the license's own terms
		"gpl attribution can i require credit":               true,
		"do i require a license for this":                    false, // "require" as "need"
		"requirements i added to my fork":                    true,  // the verb after its object
		"attribution requirements if i add llama to my app":  false,
		"license terms that we add":                          true,
		"gpl attribution requirement added":                  true,
		"attribution extra requirement of my own":            true,
		"can i put my own terms on it":                       true,
		"requirements imposed on me by the gpl":              false, // the license's, on the asker
		"what requirements does the license add":             false,
	} {
		if got := asksToImpose(q); got != want {
			t.Errorf("asksToImpose(%q) = %v, want %v", q, got, want)
		}
	}
}

func TestIsSize(t *testing.T) {
	for st, want := range map[string]bool{"70b": true, "1.5b": true, "8x7b": true, "350m": true, "7b": true,
		"3": false, "4o": false, "b": false, "x7b": false, "max7b": false, ".5b": false, "70bb": false, "llama": false} {
		if got := isSize(st); got != want {
			t.Errorf("isSize(%q) = %v, want %v", st, got, want)
		}
	}
}

// An act put by a pronoun, found at any word of the question.
func TestUnnamedAct(t *testing.T) {
	for q, want := range map[string]bool{
		"is doing that":                              true, // nothing after it
		"is doing that allowed":                      true,
		"can i do the same commercially":             true,
		"is that ok commercially":                    true,
		"can i do it for profit":                     true,
		"i'm doing this for a nonprofit, can i":      false,
		"do the same attribution requirements apply": false,
		"is this ok for commercial use":              false, // "this", the model
		"can i do the":                               false,
	} {
		words := letterWords(q)
		got := false
		for i := range words {
			got = got || unnamedActAt(words, i)
		}
		if got != want {
			t.Errorf("unnamedActAt over %q = %v, want %v", q, got, want)
		}
	}
}

// Of a model's answers under each of its licenses, the one that binds
// most leads: no verdict over any verdict, then the stricter verdict, a
// clause stated as a fact over another license's silence, and of equal
// verdicts the license that fails the Open Source Definition; the
// catalogue's order keeps ties, and the others follow in it.
func TestLeadWithStrictest(t *testing.T) {
	answer := func(license string, st Status) *Answer {
		osd := "pass"
		if strings.HasSuffix(license, "!") { // a license that fails the OSD
			osd = "fail"
		}
		return &Answer{License: license, Verdict: Verdict{Status: st}, Others: []*Answer{}, OpenSource: &OpenSource{OSD: osd}}
	}
	for _, tc := range []struct {
		statuses []Status
		want     []string // licenses in the order shown
		failing  string   // the license that fails the OSD, if any
	}{
		{[]Status{StatusNotAddressed, StatusInfo}, []string{"b", "a"}, ""},
		{[]Status{StatusInfo, StatusNotAddressed}, []string{"a", "b"}, ""},
		{[]Status{StatusNotAddressed, StatusAllowed}, []string{"b", "a"}, ""},
		{[]Status{StatusInfo, StatusInfo}, []string{"b", "a"}, "b"},
		{[]Status{StatusInfo, StatusInfo}, []string{"a", "b"}, "a"},
		{[]Status{StatusAllowed, StatusConditional}, []string{"b", "a"}, "a"},
		{[]Status{StatusAllowed, StatusConditional}, []string{"b", "a"}, ""},
		{[]Status{StatusConditional, StatusAllowed}, []string{"a", "b"}, ""},
		{[]Status{StatusAllowed, StatusAllowed}, []string{"a", "b"}, ""},
		{[]Status{StatusForbidden, StatusUnknown}, []string{"b", "a"}, "a"},
		{[]Status{StatusAllowed, StatusRequired, StatusForbidden}, []string{"c", "a", "b"}, ""},
	} {
		name := func(l string) string {
			if l == tc.failing {
				return l + "!"
			}
			return l
		}
		a := answer(name("a"), tc.statuses[0])
		for i, st := range tc.statuses[1:] {
			a.Others = append(a.Others, answer(name(string(rune('b'+i))), st))
		}
		lead := leadWithStrictest(a)
		got := []string{strings.TrimSuffix(lead.License, "!")}
		for _, o := range lead.Others {
			got = append(got, strings.TrimSuffix(o.License, "!"))
			if len(o.Others) != 0 || o.Others == nil {
				t.Errorf("%v: answer %s under the lead carries others %v", tc.statuses, o.License, o.Others)
			}
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("%v: order %v, want %v", tc.statuses, got, tc.want)
		}
	}
}

// The licensor is the subject of the clause asked: a deontic word after
// "is", a verb after "must", "have to" after the name; not a passive, nor
// the one it needs something of, nor a question of what it requires.
func TestAsksOfLicensor(t *testing.T) {
	for _, c := range []struct {
		q, family string
		want      bool
	}{
		{"is Meta allowed to use it commercially?", "llama", true},
		{"is DeepSeek prohibited from military use?", "deepseek", true},
		{"is Meta bound by the user cap?", "llama", true},
		{"must Google LLC include a copy of the license?", "gemma", true},
		{"does BigScience have to attribute me?", "openrail", true},
		{"does Meta Platforms have to attribute me?", "llama", true},
		{"do meta's own products need Built with Llama?", "llama", true},
		{"must the copyright holder include a copy of the license?", "gpl", true},
		{"must the IP holder include a copy of the license?", "gpl", true},
		{"is the licensor allowed to sell the model?", "cc", true},
		{"is Google allowed to use it commercially?", "llama", false}, // a licensee of Llama
		{"is Meta required to be credited?", "llama", false},
		{"must meta be named in my app?", "llama", false},
		{"does meta need me to show built with llama?", "llama", false},
		{"does meta have to be credited?", "llama", false},
		{"does Meta require credit?", "llama", false},
		{"must meta's name be shown?", "llama", false},
		{"is it allowed by meta?", "llama", false},
		{"must I credit meta?", "llama", false},
		{"must Meta Llama 3 be credited?", "llama", false}, // the name opens a passive's subject
		{"must a Meta Llama 3 notice be included?", "llama", false},
		{"should google gemma be credited?", "gemma", false},
		{"must meta include a copy to be compliant?", "llama", true},
		{"is apache allowed to be used commercially?", "apache", false},
	} {
		if got := asksOfLicensor(c.q, &licenseMeta{Family: c.family}); got != c.want {
			t.Errorf("asksOfLicensor(%q) of the %s family = %v, want %v", c.q, c.family, got, c.want)
		}
	}
}

// The object of a verb of crediting is a third party unless it is the
// licensor, the license's name, the work or its authors; a noun "credit"
// has none.
func TestCreditsThirdParty(t *testing.T) {
	names := map[string]bool{"llama": true}
	l := &licenseMeta{Family: "llama"}
	for q, want := range map[string]bool{
		"do I need to credit huggingface?":         true,
		"must we attribute the dataset authors":    true,
		"should I cite the paper?":                 true,
		"do I need to credit meta?":                false,
		"do I need to credit Meta Platforms?":      false,
		"do i need to credit llama":                false,
		"do I need to credit it in my app?":        false,
		"do I need to credit the original authors": false,
		"credit line for llama 4?":                 false,
		"llama 4 credit rules":                     false,
	} {
		if got := creditsThirdParty(q, l, names); got != want {
			t.Errorf("creditsThirdParty(%q) = %v, want %v", q, got, want)
		}
	}
}

// A number of users past a gate's size is read with its unit and its
// comparison; a model's size, or a number under the gate, is not past it.
func TestPastUserGate(t *testing.T) {
	llama := cardMeta{Conditions: []Condition{{Label: "at most 700M monthly active users on the release date", Gate: "user-cap"}}}
	for q, want := range map[string]bool{
		"llama 3.1 commercial 800M MAU":                 true,
		"we have over 700 million users":                true,
		"700M+ monthly users, ok?":                      true,
		"our app has 800,000,000 monthly users":         true,
		"we have 1B users, commercial ok?":              true,
		"more than 700m users":                          true,
		"we have 700M users":                            false, // at most 700M
		"can we use it commercially with 5M users":      false,
		"can i use the 8b model commercially":           false,
		"commercial use of the 405b model":              false,
		"over 70b parameters":                           false,
		"is there a 700M limit":                         false,
		"we have 800 employees":                         false,
		"llama 3.1 commercial over 700M":                true,
		"trained on 15 trillion tokens, 800M budget":    false,
		"does Llama-3.1-405B have a user cap":           false,
		"does the 405B have a user cap":                 false,
		"Llama-3.2-1B users, commercial?":               false, // a model's name
		"commercial 8B users":                           false, // more than anyone's users: a size
		"qwen 2.5 72b users":                            false,
		"commercial use with more than 800M in revenue": false,
		"over 800M tokens":                              false,
		"$800M from 5M users":                           false,
		"under 800M users":                              false,
		"fewer than 800 million users":                  false,
		"commercial 800M+":                              true,
		"commercial use over 1B":                        true,
		"1.5B users":                                    true,
	} {
		if got := pastUserGate(q, llama); got != want {
			t.Errorf("pastUserGate(%q) = %v, want %v", q, got, want)
		}
	}
	if pastUserGate("800M users", cardMeta{}) {
		t.Error("a card without a size gate is past it")
	}
	// A condition that is no gate (a card's own) has no size to be past.
	if pastUserGate("800M users", cardMeta{Conditions: []Condition{{Label: llama.Conditions[0].Label}}}) {
		t.Error("a card's own condition read as a gate")
	}
}

func TestAsksMayI(t *testing.T) {
	for q, want := range map[string]string{
		"can I offer a warranty on llama 3?":                  "offer",
		"can we terminate the license?":                       "terminate",
		"can i get my license back?":                          "",
		"may I ask which law governs?":                        "",
		"does the licensor offer a warranty?":                 "",
		"could we end up losing the license if we breach it?": "",
	} {
		if got := asksMayI(q); got != want {
			t.Errorf("asksMayI(%q) = %q, want %q", q, got, want)
		}
	}
	if !summaryLets("You may offer your own warranty, even for a fee.", "offer") || summaryLets("Meta may terminate the license.", "terminate") {
		t.Error("summaryLets: want Apache's offer of a warranty, not the licensor's right to terminate")
	}
}

// Taking a right of one's own in one's own work is not the right a card
// marks as not granted: "trademark my fork's name" asks of the asker's
// mark, "sublicense my rights" of what the license grants.
func TestClaimsOwnRight(t *testing.T) {
	for q, want := range map[string]bool{
		"can i trademark my fork's name":                    true,
		"patent my adaptation":                              true,
		"patents on my remix":                               true,
		"can i license my adaptation under different terms": true,
		"relicense my remix":                                true,
		"sublicense my own contributions":                   true,
		"can i register our own product name":               true,
		"can i sublicense my rights to a client":            false, // held under the license
		"can i sublicense my copy of the model":             false,
		"can i use their trademark":                         false,
		"does it grant patents on the model":                false,
		"can i sublicense it":                               false,
		"patent my":                                         false, // nothing after
		// A review's: another's mark or patent used for the asker's work,
		// and people licensed to.
		"can I use their trademark for my app":             false,
		"can i use the apache trademark for my fork":       false,
		"we use the qwen trademark for our product":        false,
		"can i use their patents on my commercial product": false,
		"can I sublicense my users":                        false,
		"can i get a patent on my adaptation":              true,
		"file patents on my invention":                     true,
	} {
		if got := claimsOwnRight(q); got != want {
			t.Errorf("claimsOwnRight(%q) = %v, want %v", q, got, want)
		}
	}
}

// What the asker receives is not what the asker owes: "do we get
// indemnity" against "do I have to indemnify Meta".
func TestAsksToReceive(t *testing.T) {
	for q, want := range map[string]bool{
		"do we get indemnity":                     true,
		"does llama 4 come with indemnification":  true,
		"is there indemnity for us":               true,
		"am i indemnified":                        true,
		"does meta indemnify us":                  true,
		"will I receive any indemnification":      true,
		"do i have to indemnify meta":             false,
		"do i need to get consent from my users":  false, // the asker's act
		"is indemnity required for me":            false, // a duty asked
		"must we indemnify alibaba":               false,
		"indemnity":                               false,
		"does meta have to indemnify its vendors": false,
	} {
		if got := asksToReceive(q); got != want {
			t.Errorf("asksToReceive(%q) = %v, want %v", q, got, want)
		}
	}
}

// "Binaries only" and "without the source" say the work goes out
// without its source; "binary distribution" and "the source of the
// binary" do not.
func TestWithholdsSource(t *testing.T) {
	for q, want := range map[string]bool{
		"can i sell binaries only":                 true,
		"only the binary, is that ok":              true,
		"redistribution without the source":        true,
		"ship it with no source":                   true,
		"binary distribution notice":               false,
		"where is the source of the binary":        false,
		"can i ship binaries and the source":       false,
		"do i need the source for binaries i sell": false,
	} {
		if got := withholdsSource(q); got != want {
			t.Errorf("withholdsSource(%q) = %v, want %v", q, got, want)
		}
	}
}

// DRM, a EULA, copy protection or obfuscation lock a work down.
func TestLocksDown(t *testing.T) {
	for q, want := range map[string]bool{
		"commercial use with drm":                  true,
		"can i ship it under a eula":               true,
		"with effective technological measures ok": true,
		"commercial use":                           false,
		"can i copy it":                            false,
	} {
		if got := locksDown(q); got != want {
			t.Errorf("locksDown(%q) = %v, want %v", q, got, want)
		}
	}
}

// The asker says they made the work ("I drew it myself", "I made it."),
// not that they made something with it ("I made it with Llama"); the
// rights holder's leave or a second license is told from its absence.
func TestMadeItselfAndGrantedBy(t *testing.T) {
	for q, want := range map[string]bool{
		"I made it. Can I sell it?":                   true,
		"can i sublicense it if i wrote it myself":    true,
		"I took this photo myself, can i sell it":     true,
		"I made it with llama 3, notice file?":        false,
		"i made it better by fine-tuning, can i sell": false,
	} {
		if got := madeItself.MatchString(q); got != want {
			t.Errorf("madeItself(%q) = %v, want %v", q, got, want)
		}
	}
	cc := &licenseMeta{Key: "cc-by-nc-4.0", Family: "cc"}
	gemma := &licenseMeta{Key: "gemma", Family: "gemma"}
	for _, c := range []struct {
		l    *licenseMeta
		q    string
		want bool
	}{
		{cc, "can i sell it with the author's ok", true},
		{cc, "can i sublicense it if the licensor allows it", true},
		{cc, "what if it's dual licensed", true},
		{cc, "can i sell it with a separate commercial license", true},
		{cc, "can i sell it if the author doesn't allow it", false},
		{cc, "can i sell it without the author's ok", false},
		{cc, "does the licensor allow selling", false},
		{cc, "do i need a separate license to sell it", false},
		{cc, "can i sublicense it under a separate license", false}, // the asker's own
		{cc, "can i dual license my fork", false},
		{gemma, "nsfw content with the author's ok?", false}, // not Google's leave
		{gemma, "nsfw content if google allows it?", true},
	} {
		if got := grantedBy(letterWords(c.q), c.l); got != c.want {
			t.Errorf("grantedBy(%s, %q) = %v, want %v", c.l.Key, c.q, got, c.want)
		}
	}
	for q, want := range map[string]bool{
		"can i use the trademark with an exception from the owner": true,
		"does nc have an exception for selling":                    false, // asks of the license
		"i have no permission, can i use the mark":                 false,
		"we got a waiver from the authors":                         true,
	} {
		if got := hasPermission(q, cc); got != want {
			t.Errorf("hasPermission(%q) = %v, want %v", q, got, want)
		}
	}
}

// A word ends a sentence by its mark, past a closing bracket or quote;
// an abbreviation ends none.
func TestEndsSentence(t *testing.T) {
	for w, want := range map[string]bool{"llms?": true, "it.": true, "(done).": true, "ok!\"": true,
		"e.g.": false, "vs.": false, "3.1": false, "model,": false} {
		if got := endsSentence(w); got != want {
			t.Errorf("endsSentence(%q) = %v, want %v", w, got, want)
		}
	}
}

// A short question joins two things asked by "and", "&" or "plus"; a long
// one, or one without, is one question.
func TestJoinsTwo(t *testing.T) {
	for q, want := range map[string]bool{"patent grant and warranty": true, "warranty & liability?": true,
		"notice file plus attribution": true, "is there a patent grant": false,
		"we fine-tuned it and now want to sell the model to customers in europe, ok?": false} {
		if got := joinsTwo(q); got != want {
			t.Errorf("joinsTwo(%q) = %v, want %v", q, got, want)
		}
	}
}
