package index_test

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/licensebot/licensebot/corpus"
	"github.com/licensebot/licensebot/corpus/corpustest"
	"github.com/licensebot/licensebot/index"
	"github.com/licensebot/licensebot/index/indextest"
)

func TestAskLlama4Attribution(t *testing.T) {
	e := indextest.Engine(t)
	a, err := e.Ask(context.Background(), "llama4", "attribution")
	if err != nil {
		t.Fatal(err)
	}
	if a.Verdict.Status != index.StatusRequired || !a.Curated {
		t.Errorf("verdict = %+v, curated %v; want required", a.Verdict, a.Curated)
	}
	var secs []string
	for _, c := range a.Clauses {
		secs = append(secs, c.Doc+"#"+c.Section)
	}
	got := strings.Join(secs, " ")
	if !strings.HasPrefix(got, "llama4-license#1.b.i ") || !strings.Contains(got, "llama4-license#1.b.iii") {
		t.Errorf("clauses = %s; want §1.b.i first and §1.b.iii", got)
	}
	if a.OpenSource == nil || a.OpenSource.OSD != "fail" {
		t.Errorf("opensource = %+v; want a failed OSD line", a.OpenSource)
	}
	if len(a.Clauses) == 0 || len(a.Clauses) > 3 {
		t.Errorf("%d clauses; want 1–3", len(a.Clauses))
	}
}

// A clause pasted as the question leads the answer, found by its opening
// words as a phrase even when the paste is too long to search whole as
// one (maxPhraseWords): without the phrase, the grant (§2), which shares
// its words ("Derivative Works", "Source or Object form"), outranks it.
func TestAskFindsAPastedClause(t *testing.T) {
	e := indextest.Engine(t)
	a, err := e.Ask(context.Background(), "apache-2.0", `"Derivative Works" shall mean any work, whether in Source or Object form,`)
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Clauses) == 0 || a.Clauses[0].Doc != "apache-2.0" || a.Clauses[0].Section != "1.p8" {
		t.Errorf("first clause %+v; want apache-2.0 §1.p8, the definition pasted", a.Clauses[:min(1, len(a.Clauses))])
	}
}

func TestAskResolvesWhatUsersType(t *testing.T) {
	e := indextest.Engine(t)
	ctx := context.Background()
	for _, tc := range []struct{ license, topic, wantLicense, wantTopic string }{
		{"Llama 4", "credit", "llama4", "attribution"},
		{"llama-4", "Built with Llama", "llama4", "attribution"},
		{"LLAMA4", "atribution", "llama4", "attribution"}, // one typo
		{"llama 3.1", "monthly active users", "llama3.1", "user-threshold"},
		{"apache2", "NOTICE file", "apache-2.0", "notice-file"},
		{"gpl3", "copyleft", "gpl-3.0", "copyleft"},
		{"GPL-3.0-or-later", "copyleft", "gpl-3.0", "copyleft"}, // SPDX id of the same text
		{"agplv3+", "network use", "agpl-3.0", "network-use"},
		{"llama4", "can I use the outputs to train another model?", "llama4", "outputs-training"},
		{"llama4", "is it open source?", "llama4", "open-source"},
		{"llama4", "do I have to open source my fine-tune", "llama4", "copyleft"},
		{"llama3.1", "can I use it to generate training data for mistral", "llama3.1", "outputs-training"},
		{"gpl-3.0", "can I link it from proprietary code", "gpl-3.0", "copyleft"},
		{"llama3.2", "can people in germany use it", "llama3.2", "eu-restriction"},
	} {
		a, err := e.Ask(ctx, tc.license, tc.topic)
		if err != nil {
			t.Errorf("Ask(%q, %q): %v", tc.license, tc.topic, err)
			continue
		}
		// Understood as the topic: answered with it, or — asked more
		// narrowly than its card — offered it first.
		got := a.Topic
		if a.Verdict.Status == index.StatusUnknown && len(a.Suggestions) > 0 {
			got = a.Suggestions[0].Topic
		}
		if a.License != tc.wantLicense || got != tc.wantTopic {
			t.Errorf("Ask(%q, %q) = %s/%s; want %s/%s", tc.license, tc.topic, a.License, got, tc.wantLicense, tc.wantTopic)
		}
	}
}

// A topic the license never mentions, in none of its words (MIT on
// trademarks, CC BY-NC on indemnity), keeps its not-addressed verdict
// and quotes the clause its card names as the license's grant, not as
// the verdict's grounds; a question whose words the text does hold (Apache
// on which court) still gets the clauses closest to it.
func TestTopicTheTextNeverNamesQuotesTheGrant(t *testing.T) {
	e := indextest.Engine(t)
	for _, tc := range []struct{ license, topic, lead string }{
		{"mit", "trademark", "mit#p2"},
		{"cc-by-nc-4.0", "indemnity", "cc-by-nc-4.0#2.a.1"}, // "License grant", not an item of it
		{"apache-2.0", "governing-law", "apache-2.0#p12"},   // the search's closest ("governing permissions")
	} {
		a, err := e.Ask(context.Background(), tc.license, tc.topic)
		if err != nil {
			t.Fatal(err)
		}
		if a.Verdict.Status != index.StatusNotAddressed || a.Grounded {
			t.Errorf("%s %s: verdict %+v, grounded %v; want not-addressed, no clause as its grounds", tc.license, tc.topic, a.Verdict, a.Grounded)
		}
		if leadOf(a) != tc.lead {
			t.Errorf("%s %s: clauses %+v; want %s first", tc.license, tc.topic, a.Clauses, tc.lead)
		}
	}
}

// "Is it open source?" is answered from the assessment: a fail is
// conditional, grounded on the clauses of the failed criteria.
func TestAskOpenSource(t *testing.T) {
	e := indextest.Engine(t)
	a, err := e.Ask(context.Background(), "llama4", "is it open source")
	if err != nil {
		t.Fatal(err)
	}
	if a.Verdict.Status != index.StatusInfo || !strings.HasPrefix(a.Verdict.Summary, "No.") || len(a.Clauses) == 0 || a.Clauses[0].Section != "2" {
		t.Errorf("llama4 open source: %+v, first clause %+v", a.Verdict, a.Clauses)
	}
	a, err = e.Ask(context.Background(), "mit", "open source")
	if err != nil {
		t.Fatal(err)
	}
	if a.Verdict.Status != index.StatusInfo || !strings.HasPrefix(a.Verdict.Summary, "Yes.") {
		t.Errorf("mit open source: %+v", a.Verdict)
	}
}

// A free-text question takes a card's verdict only when the clause it
// found shares a real word with it, never on "use" or "allowed" alone.
func TestFreeTextDoesNotBorrowVerdictOnGenericWords(t *testing.T) {
	e := indextest.Engine(t)
	a, err := e.Ask(context.Background(), "llama4", "is my cat allowed")
	if err != nil {
		t.Fatal(err)
	}
	if a.Curated || a.Verdict.Status != index.StatusUnknown {
		t.Errorf("'is my cat allowed' got a curated %s verdict", a.Verdict.Status)
	}
}

// A question that asks who — a party, not whether you may or must — is
// answered with the card's clauses and no verdict, while the same topic
// asked as may-or-must keeps it, "who" in it or not.
func TestWhoQuestionGetsNoVerdict(t *testing.T) {
	e := indextest.Engine(t)
	plain, err := e.Ask(context.Background(), "llama4", "do I need to credit meta")
	if err != nil {
		t.Fatal(err)
	}
	if !plain.Curated || plain.Verdict.Status != index.StatusRequired {
		t.Fatalf("'do I need to credit meta': curated %v, %s; want a required verdict", plain.Curated, plain.Verdict.Status)
	}
	for _, q := range []string{"who do I need to credit", "Who do I need to credit?", "whom must I credit"} {
		a, err := e.Ask(context.Background(), "llama4", q)
		if err != nil {
			t.Fatal(err)
		}
		if a.Curated || a.Verdict.Status != index.StatusUnknown {
			t.Errorf("%q: curated %v, %s; want no verdict", q, a.Curated, a.Verdict.Status)
		}
		if len(a.Clauses) == 0 || !slices.ContainsFunc(plain.Clauses, func(c index.Hit) bool { return c.Section == a.Clauses[0].Section }) {
			t.Errorf("%q leads with %+v; want one of the card's clauses", q, a.Clauses[:min(1, len(a.Clauses))])
		}
		if len(a.Suggestions) == 0 || a.Suggestions[0].Topic != "attribution" {
			t.Errorf("%q suggests %+v; want attribution first", q, a.Suggestions)
		}
	}
	// "who" as a relative pronoun asks nothing: the verdict stays.
	rel, err := e.Ask(context.Background(), "llama4", "do I need to credit meta, as someone who fine-tunes it")
	if err != nil {
		t.Fatal(err)
	}
	if !rel.Curated || rel.Verdict.Status != index.StatusRequired {
		t.Errorf("a relative 'who': curated %v, %s; want the required verdict", rel.Curated, rel.Verdict.Status)
	}
}

// statusCase is a question and the verdict status it should get:
// unknown for none.
type statusCase struct {
	license, question string
	want              index.Status
}

// leadOf returns the clause an answer leads with, as "doc#section", or ""
// when it quotes none.
func leadOf(a *index.Answer) string {
	if len(a.Clauses) == 0 {
		return ""
	}
	return a.Clauses[0].Doc + "#" + a.Clauses[0].Section
}

// checkStatuses asks each case and holds its status, whether the verdict
// is curated (any status but unknown), and that clauses are quoted.
func checkStatuses(t *testing.T, cases []statusCase) {
	t.Helper()
	e := indextest.Engine(t)
	for _, c := range cases {
		a, err := e.Ask(context.Background(), c.license, c.question)
		if err != nil {
			t.Fatal(err)
		}
		if a.Verdict.Status != c.want || a.Curated != (c.want != index.StatusUnknown) {
			t.Errorf("%s %q: curated %v, %s; want %s", c.license, c.question, a.Curated, a.Verdict.Status, c.want)
		}
		if len(a.Clauses) == 0 {
			t.Errorf("%s %q: no clauses", c.license, c.question)
		}
	}
}

// A topic's word inside a question's frame is not the topic's name asked
// alone: the frame may carry the meaning ("can I get credit?" asks to be
// credited), the word may be another's by its stem ("coding", "marking")
// or a mistyping ("transformers"), or be who uses it ("can a company use
// it?" of CC BY-NC, which bans commercial purposes, not companies). An
// independent review found each answered with a verdict when the frame
// was set aside; these questions get the clauses and the likeliest
// topics, and the name alone keeps its card.
func TestAFrameAroundATopicWordIsNotItsName(t *testing.T) {
	checkStatuses(t, []statusCase{
		{"llama2", "military", index.StatusForbidden},
		{"apache-2.0", "can I use the name?", index.StatusForbidden},
		{"gpl-3.0", "can I use it with transformers?", index.StatusUnknown},
		{"cc-by-4.0", "can I use it for patients?", index.StatusUnknown},
		{"gpl-3.0", "can I use it for coding?", index.StatusUnknown},
		{"apache-2.0", "can I use it for marking?", index.StatusUnknown},
		{"cc-by-nc-4.0", "can a company use it?", index.StatusUnknown},
		{"llama3", "can I get credit?", index.StatusUnknown},
		{"llama4", "can I use it for open source?", index.StatusUnknown},
		{"llama4", "can I use it in court?", index.StatusUnknown},
	})
}

// A question about a duty that other licenses have and this one's text
// does not ("Built with Gemma", an MIT NOTICE file) gets the clauses but
// not the card's verdict, which was written for the topic as this text
// puts it; the same words asked of a license that has the duty keep it.
func TestOtherLicensesTermGetsNoVerdict(t *testing.T) {
	checkStatuses(t, []statusCase{
		{"llama4", "do I need to show Built with Llama?", index.StatusRequired},
		{"gemma", "do I need to show 'Built with Gemma'?", index.StatusUnknown},
		{"llama2", "do I need to show Built with Llama for llama 2?", index.StatusUnknown},
		{"apache-2.0", "do I need a NOTICE file?", index.StatusRequired},
		{"mit", "do I need a NOTICE file?", index.StatusUnknown},
		// A logo is a case of trademarks, not a name for them: Llama's
		// card is conditional for the "Llama" name, other licenses' clauses
		// speak of logos.
		{"llama3.2", "can I use Meta's logo on my website?", index.StatusUnknown},
		// Nor is a verb by which one complies ("include", "give"), nor a
		// word such as "another" or "generate".
		{"llama4", "do I need to include a NOTICE file?", index.StatusRequired},
		{"mit", "do I need to include the license text?", index.StatusRequired},
		{"llama4", "do I need to include the full text of the license?", index.StatusRequired},
		{"mit", "do I need a notice text file?", index.StatusUnknown},
		{"gemma", "can I train another model on gemma outputs?", index.StatusConditional},
		// "give" is no other license's term. Asked "under cc-by-nc?",
		// the question read as attribution at 0.684–0.757 over five
		// orders of the fit, around the verdict's 0.70: the rule is
		// tested on words read above it in every order (0.72–0.79).
		{"cc-by-nc-4.0", "do I need to give attribution?", index.StatusRequired},
		// …asked alone, by an alias of the topic, too.
		{"tongyi-qianwen", "tongyi built with qwen", index.StatusUnknown},
		// …without the license's name too: "built with qwen" is one
		// license's form of credit (a term of the topic), answered only
		// where the card's clauses hold it.
		{"tongyi-qianwen", "built with qwen", index.StatusUnknown},
		{"llama2", "built with llama", index.StatusUnknown},
		{"mit", "built with llama", index.StatusUnknown},
		{"llama4", "built with llama", index.StatusRequired},
		{"qwen2.5", "qwen2.5 built with qwen", index.StatusRequired},
		// A name of the topic is not such a term: the card speaks for it.
		{"llama4", "do I need to credit meta?", index.StatusRequired},
		{"llama4", "is selling llama 4 based services ok?", index.StatusConditional},
	})
}

// A card's status answers the question it was written for, not every
// question that lands on its topic. Each question here that wants no
// verdict got one the text does not support when outside reviewers probed
// the binary; each that wants one is its counterpart the rule must spare.
func TestStatusAnswersTheQuestionAsked(t *testing.T) {
	checkStatuses(t, []statusCase{
		// Asked whether the license has a rule its card says it lacks:
		// the card's permission is no "no" (hunts 6 and 7). Asked what
		// one may do, or of a license that has the rule, it answers.
		{"mit", "is mit copyleft?", index.StatusUnknown},
		{"qwen2.5", "is qwen copyleft", index.StatusUnknown},
		{"gemma", "eu restrictions for gemma?", index.StatusUnknown},
		{"mit", "can i keep my changes closed source", index.StatusAllowed},
		{"llama3.1", "can eu companies use it", index.StatusConditional},
		{"llama4", "llama 4 eu ban?", index.StatusConditional},
		{"mpl-2.0", "is mpl copyleft", index.StatusConditional},
		{"gpl-3.0", "spam detection?", index.StatusAllowed}, // a use asked about, not the rule
		{"mit", "keep my changes closed source?", index.StatusAllowed},
		{"gemma", "gemma in germany?", index.StatusConditional},
		// Apache-style §9: you may offer warranty on your own behalf, only
		// if you indemnify the contributors — a grant on conditions, which
		// answers no "does it make me indemnify them?" (hunt 7).
		{"deepseek", "does the deepseek license make me indemnify deepseek?", index.StatusUnknown},
		// MPL's §3.5 is the same: its indemnity binds only terms one
		// chooses to offer (hunts 15 and 16 judged REQUIRED wrong).
		{"mpl-2.0", "indemnity", index.StatusConditional},
		// Asked whether something must be done, not whether it may.
		{"bigscience-openrail-m", "do I have to disclose content is machine generated?", index.StatusUnknown},
		// …also of a card that grants on conditions: CONDITIONAL would
		// read as "you must, on conditions".
		{"qwen2.5", "must open source", index.StatusUnknown},
		{"gemma", "need to open source", index.StatusUnknown},
		{"qwen2.5", "copyleft", index.StatusConditional},
		// What the licensor does is not the user's duty (probe 21).
		{"llama3.2", "Does Meta indemnify me against third-party claims?", index.StatusUnknown},
		{"llama3.2", "do I have to indemnify meta?", index.StatusRequired},
		{"bigscience-openrail-m", "can I use it for medical advice?", index.StatusForbidden},
		{"llama4", "do I have to credit meta?", index.StatusRequired},
		// …nor what the licensor may do (probe 28): a verdict is the
		// licensee's. What it allows or requires is the card's question.
		{"cc-by-nc-4.0", "can the author use their cc-by-nc work commercially", index.StatusUnknown},
		// …nor whether it claims or owns what the licensee makes (hunt 6).
		{"gemma", "Does Google claim my Gemma outputs?", index.StatusUnknown},
		{"deepseek", "can DeepSeek claim my outputs?", index.StatusUnknown},
		{"gemma", "do i own the outputs?", index.StatusConditional},
		{"cc-by-nc-4.0", "can i use it commercially", index.StatusForbidden},
		{"llama4", "does meta require attribution", index.StatusRequired},
		{"llama4", "can meta revoke my license", index.StatusInfo}, // a fact about the licensor: the card's own
		{"cc-by-nc-4.0", "cc by-nc: could the licensor charge royalties if i use it commercially?", index.StatusUnknown},
		{"cc-by-nc-4.0", "the licensor could charge royalties for commercial use?", index.StatusUnknown},
		// A duty is not the answer to whether one may add a requirement
		// of one's own, nor — on copies one distributes — to serving the
		// work only (probe 29); a duty on what is made available as a
		// service keeps its verdict.
		{"gpl-3.0", "gpl add attribution requirement", index.StatusUnknown},
		{"gpl-3.0", "gpl attribution", index.StatusRequired},
		{"llama4", "llama 4 notice file api only", index.StatusUnknown},
		{"mit", "mit notice api only", index.StatusUnknown},
		{"llama4", "llama 4 notice file", index.StatusRequired},
		{"llama4", "llama 4 attribution api only", index.StatusRequired},
		{"llama4", "llama 4 indemnity api only", index.StatusRequired}, // an indemnity binds use too
		{"llama4", "llama 4 notice file, only through an api", index.StatusUnknown},
		{"gemma", "gemma attribution add the terms", index.StatusRequired}, // the license's own terms
		{"llama4", "does meta make me show built with llama", index.StatusRequired},
		// An act the question does not name (probe 28); named before it,
		// it is the act asked about (review of session 34).
		{"llama3.1", "can I do that commercially", index.StatusUnknown},
		{"llama3.1", "llama 3.1 can I do that commercially", index.StatusUnknown},
		{"cc-by-nc-4.0", "can i do it for profit", index.StatusUnknown},
		{"llama3.1", "can I use it commercially", index.StatusConditional},
		{"llama4", "llama 4 military use, can i do that", index.StatusForbidden},
		// How to report is a procedure, no permission (probe 32).
		{"llama4", "how do i report someone misusing llama 4", index.StatusUnknown},
		{"cc-by-nc-4.0", "is that ok commercially", index.StatusUnknown},
		{"llama4", "can i do the same commercially", index.StatusUnknown},
		{"llama4", "is it ok commercially", index.StatusConditional}, // "it", the model
		{"llama4", "commercial use, is that ok", index.StatusConditional},
		{"llama4", "is this ok for commercial use", index.StatusConditional}, // "this", the model
		{"llama4", "meta could sue me, do I have to credit meta?", index.StatusRequired},
		{"gemma", "gemma notice file must i do so", index.StatusRequired},
		// A use against what the ban lists.
		{"gemma", "can I use gemma to detect spam?", index.StatusUnknown},
		{"gemma", "can I use gemma to generate spam?", index.StatusForbidden},
		// A case this license's list does not name.
		{"deepseek", "can I use deepseek for critical infrastructure?", index.StatusUnknown},
		{"llama3.1", "can I use llama 3.1 for critical infrastructure?", index.StatusForbidden},
		{"llama4", "can I use llama 4 for election campaigns?", index.StatusUnknown},
		{"gemma", "can gemma be used for election campaign materials?", index.StatusUnknown},
		{"llama4", "can I use llama 4 to write ransomware?", index.StatusForbidden}, // malware
		// …or names it only with a qualifier the question does not state:
		// the Llama 4 AUP bans impersonation without consent, and another
		// license's list gives deepfakes as an example of impersonation.
		{"llama4", "can I make deepfakes of politicians?", index.StatusUnknown},
		{"creativeml-openrail-m", "can I use it for deepfake videos?", index.StatusUnknown},
		{"gemma", "can I use gemma for a medical chatbot?", index.StatusUnknown},
		{"gemma", "can I use gemma for unlicensed medical advice?", index.StatusForbidden},
		// A case of the same synonym group counts: Gemma bans "sexually
		// explicit content", Llama 4's list names none of the group.
		{"gemma", "nsfw roleplay bot on gemma", index.StatusForbidden},
		{"llama4", "can I generate nsfw content with llama 4?", index.StatusUnknown},
		// …asked alone, by the case's name, too; and a case of several
		// words is named where they stand together, not where the
		// documents use each somewhere ("sexual" violence, "content").
		{"llama4", "llama 4 nsfw", index.StatusUnknown},
		{"llama4", "llama 4 sexual content", index.StatusUnknown}, // not the CSAM item's far-apart words
		{"gemma", "gemma sexual content", index.StatusForbidden},
		{"creativeml-openrail-m", "nsfw", index.StatusUnknown},
		{"llama4", "llama 4 malware", index.StatusForbidden},
		// A word of a case that makes no case here, and that the ban's
		// documents never use ("political" of "political campaigns").
		{"gemma", "gemma political content", index.StatusUnknown},
		{"gemma", "gemma sexually explicit content", index.StatusForbidden},
		// A ban names a case by the word or a derivation of it, not by a
		// synonym of one of its senses: WordNet's "gambling" is "risk",
		// and Llama 3's ban on activities that "present a risk of death"
		// is no ban on gambling; its "defamatory content" names defamation.
		{"llama3", "gambling?", index.StatusUnknown},
		{"llama4", "can I use it for gambling?", index.StatusUnknown},
		{"llama3", "is defamation allowed?", index.StatusForbidden},
		{"llama3.1", "is crime allowed?", index.StatusForbidden}, // "criminal activity"
		// A place alone asks where a model may be used, not which law
		// governs (governing law's partial aliases); beside a word of law
		// it does.
		{"gemma", "gemma in china?", index.StatusUnknown},
		{"llama4", "can I use it in china?", index.StatusUnknown},
		{"qwen2.5", "do disputes go to china?", index.StatusInfo},
		{"qwen2.5", "is it legal in china?", index.StatusUnknown},
		// A card that forbids but for an exception (Llama's marks, only to
		// begin a derived model's name) answers the mark asked plainly,
		// not a use beside it the exception does not cover (hunt 8).
		{"llama4", "can I use the Llama trademark for my product name", index.StatusUnknown},
		{"llama4", "can i use the llama name for my startup", index.StatusUnknown},
		{"llama4", "can i use the llama trademark", index.StatusConditional},
		{"llama3.1", "trademark rules", index.StatusConditional},
		// Put under another family's license, the work is relicensed,
		// which the card on sharing does not answer (hunt 8); without
		// the other license it does.
		{"llama4", "can i redistribute llama 4 weights under MIT", index.StatusUnknown},
		{"llama4", "can i relicense llama 4 under apache", index.StatusUnknown},
		{"llama4", "can i redistribute llama 4", index.StatusConditional},
		{"llama4", "can i distill llama 4 into qwen", index.StatusConditional}, // the model trained, not a license
		{"llama4", "what law governs llama 4 compared to qwen", index.StatusInfo},
		{"mit", "does mit require attribution as apache does", index.StatusRequired},
		// Which license a published model is under is a fact the
		// catalogue holds, not what the card on sharing says (hunt 11).
		{"gemma", "are gemma 3 and gemma 2 under different licenses", index.StatusUnknown},
		{"llama4", "is scout under a different license than maverick", index.StatusUnknown},
		{"gemma", "can i relicense gemma", index.StatusConditional},
		// A duty written for the copies one hands on, asked of a use that
		// hands none on (hunt 9); MIT's notice binds "all copies".
		{"apache-2.0", "apache notice file no distribution", index.StatusUnknown},
		{"gpl-3.0", "gpl source code without distributing it", index.StatusUnknown},
		{"apache-2.0", "notice file", index.StatusRequired},
		{"mit", "mit attribution no distribution", index.StatusRequired},
		// Words of a topic in another sense (`not:` in topics.yaml), a
		// duty asked of someone else, a ban on harming people asked of a
		// use that serves them, hosting asked of a duty on copies handed
		// on (hunt 10); the plain questions keep their verdicts.
		{"mit", "credit risk model", index.StatusUnknown},
		{"llama4", "llama 4 for credit scoring", index.StatusUnknown},                        // the license's name no word of "built with llama" (hunt 12)
		{"cc-by-4.0", "attribution for a credit scoring model", index.StatusRequired},        // CC BY's name's word is the topic's too
		{"cc-by-4.0", "creative commons attribution credit risk model", index.StatusUnknown}, // …but not inside its whole name
		{"llama2", "llama 2 credit", index.StatusRequired},
		{"llama4", "notice period", index.StatusUnknown},
		{"apache-2.0", "attribution modelling?", index.StatusUnknown}, // hunt 33
		{"llama4", "notice board?", index.StatusUnknown},
		{"llama4", "open source intelligence?", index.StatusUnknown},
		{"apache-2.0", "trademark search?", index.StatusUnknown},
		// A version not the license's, after a word of time or place
		// (hunt 33); a model's own number is the model's.
		{"llama4", "eu ban in 3.1?", index.StatusUnknown},
		{"llama3.2", "was eu use banned in 3.1?", index.StatusUnknown},
		{"creativeml-openrail-m", "stable diffusion 1.5 no warranty?", index.StatusInfo},
		// A word that shares only its stem with a topic's ("terminal" of
		// termination, "government" of governing law), in a form that
		// no name of the topic and few of its questions use (hunt 13);
		// the topic's own forms keep their verdicts.
		{"llama4", "terminal", index.StatusUnknown},
		{"llama3.1", "can i run llama 3.1 in a terminal?", index.StatusUnknown},
		{"gemma", "government", index.StatusUnknown},
		{"llama4", "government's", index.StatusUnknown},
		{"llama4", "terminal-based", index.StatusUnknown},
		{"llama4", "re-distribution", index.StatusConditional}, // a part of it attested
		{"llama4", "terminated", index.StatusInfo},
		{"qwen2.5", "which law governs", index.StatusInfo},
		{"llama4", "can the government revoke my license", index.StatusInfo},
		// A model named by its version alone, the license asked being
		// named after its family: "r1" of the DeepSeek License is
		// DeepSeek-R1, under MIT (hunt 16); of MIT, "v2" names none.
		{"deepseek", "r1 military", index.StatusUnknown},
		{"deepseek", "Is V3.1 open source?", index.StatusUnknown},
		{"deepseek", "v2 military", index.StatusForbidden},
		{"mit", "v2 commercial use", index.StatusAllowed},
		{"llama3.1", "v2 commercial use", index.StatusConditional},
		{"llama4", "llama 4 credit line?", index.StatusRequired},
		{"mit", "do i need to give credit", index.StatusRequired},
		{"llama4", "must a third party indemnify meta", index.StatusUnknown},
		{"llama4", "do i have to indemnify meta", index.StatusRequired},
		{"llama4", "app for children", index.StatusUnknown},
		{"llama4", "child sexual abuse material", index.StatusForbidden},
		{"bsd-3-clause", "attribution when only hosting", index.StatusUnknown},
		{"apache-2.0", "no need for notice file when hosting?", index.StatusUnknown},
		{"bsd-3-clause", "attribution", index.StatusRequired},
		{"mit", "network latency", index.StatusUnknown},
		{"agpl-3.0", "agpl neural network saas", index.StatusRequired}, // the topic asked besides
		{"cc-by-4.0", "credit on the card", index.StatusRequired},      // not "credit card" in a row
		{"llama4", "sexual content for minors", index.StatusForbidden}, // the harm named
		{"llama3.1", "do they require attribution", index.StatusRequired},
		{"llama3.1", "do recipients need a copy of the license", index.StatusRequired},
		{"llama4", "is it open source, the license?", index.StatusInfo},
		// A duty asked beside a use the license bans: its REQUIRED would
		// read as "you may, if you credit" (hunt 11).
		{"llama3", "do I need to credit meta when I use it for the army?", index.StatusUnknown},
		{"cc-by-nc-4.0", "do I need to credit the author when I sell it?", index.StatusUnknown},
		{"cc-by-nc-4.0", "do i need to credit the author", index.StatusRequired},
		{"llama3.1", "is commercial use prohibited?", index.StatusConditional}, // the rule's words name no use
		{"deepseek", "is military use prohibited?", index.StatusForbidden},
		{"llama3.1", "is military use permitted under the aup?", index.StatusForbidden},
		{"apache-2.0", "apache patent retaliation if I sue a contributor", index.StatusInfo}, // a party, no banned use
		{"cc-by-nc-4.0", "can I sublicense it for money?", index.StatusForbidden},            // a ban beside a ban
		{"cc-by-4.0", "can I sublicense it for kids?", index.StatusForbidden},                // kids no case of this ban
		{"cc-by-nc-4.0", "can I host it as an API for money?", index.StatusUnknown},
		{"llama3.1", "will they require built with llama", index.StatusRequired}, // "will" of the policy's search terms
		{"mit", "saas", index.StatusAllowed},
		{"llama4", "open source my dataset", index.StatusUnknown}, // "open source" as a verb
		{"llama4", "is it open source", index.StatusInfo},
		// Past a gate's size the asker has no license to use on its
		// conditions (hunt 9); a model's size is no number of users.
		{"llama3.1", "llama 3.1 commercial 800M MAU", index.StatusUnknown},
		{"qwen2.5", "qwen2.5 commercial over 100 million users", index.StatusUnknown},
		{"llama3.1", "can we use it commercially with 5M users", index.StatusConditional},
		{"llama3.1", "commercial use of the 405b model", index.StatusConditional},
		// "Multimodal" alone asks what the model is, which no license
		// says; beside a word of the EU it asks the EU clause (hunt 8).
		{"llama4", "is it multimodal", index.StatusUnknown},
		{"llama3.2", "is llama 3.2 multimodal?", index.StatusUnknown},
		{"llama4", "llama 4 eu restriction", index.StatusConditional},
		// …and the multimodal models asked of by EU companies are what
		// the card's "except its multimodal models" leaves out (hunt 9).
		{"llama4", "can eu companies use the multimodal models", index.StatusUnknown},
		{"llama3.2", "llama 3.2 multimodal eu company", index.StatusUnknown},
		{"llama3.2", "Can we use the vision model? We're in the EU.", index.StatusUnknown}, // hunt 44
		{"llama3.2", "Can an EU company use it?", index.StatusConditional},
		// …and so are "law" and "court" without a word of governing, unless
		// "which" asks for them: police use, a law firm and legality are
		// not governing law (probe 22).
		{"deepseek", "law enforcement", index.StatusUnknown},
		{"gemma", "is it against the law?", index.StatusUnknown},
		{"llama4", "which state's law?", index.StatusInfo},
		{"qwen2.5", "which court?", index.StatusInfo},
		// A word is the license's name as written, not by its stem:
		// "internal" is not CC BY's "International" (probe 23).
		{"cc-by-4.0", "attribution internal", index.StatusUnknown},
		{"cc-by-4.0", "cc by 4.0 attribution", index.StatusRequired},
		// A topic's word negated by "non" asks the opposite; so does one
		// after "not", "no", "never" or "without" (probe 24), unless the
		// two are the topic's own name ("no warranty").
		{"cc-by-nc-4.0", "is non-commercial use ok?", index.StatusUnknown},
		// …and so does one written as one word, and one after a negated
		// verb (hunt 12), but for a question put the negative way or the
		// words of a rule.
		{"cc-by-nc-4.0", "can I use it for noncommercial purposes", index.StatusUnknown},
		{"cc-by-nc-4.0", "cc by-nc won't monetize", index.StatusUnknown},
		{"cc-by-nc-4.0", "can I use it commercially if I don't make money?", index.StatusUnknown},
		{"cc-by-nc-4.0", "Attribution-NonCommercial 4.0 commercial use", index.StatusForbidden}, // its name
		{"llama4", "don't i need to credit meta", index.StatusRequired},
		{"llama2", "isn't attribution optional?", index.StatusRequired},
		{"llama4", "doesn't llama 4 require attribution", index.StatusRequired},
		{"bsd-3-clause", `ELI5 the BSD-3 "don't use our name" clause`, index.StatusForbidden},
		{"cc-by-4.0", "no attribution needed?", index.StatusUnknown},
		{"llama4", "Doesn't attribution apply?", index.StatusRequired},
		{"llama4", "so doesn't attribution apply?", index.StatusRequired},
		{"cc-by-nc-4.0", "don't charge for it, is that ok?", index.StatusUnknown},  // the "?" ends another clause
		{"gpl-3.0", "do derivatives have the same license?", index.StatusRequired}, // a work made from another
		{"cc-by-nc-4.0", "commercial use if we haven't monetized yet", index.StatusUnknown},
		{"llama4", "so i can't modify it at all?", index.StatusConditional},                     // "can't" asks what may be done
		{"llama4", "can Meta revoke llama 4 if I haven't breached anything?", index.StatusInfo}, // a fact holds either way
		// A use with children that names no harm (hunt 13); the harm
		// named keeps the ban.
		{"llama3.1", "Can I use Llama 3.1 with children?", index.StatusUnknown},
		{"llama3.1", "llama 3.1 children's app", index.StatusUnknown},
		{"deepseek", "Can I use DeepSeek with minors?", index.StatusUnknown},
		{"llama3.1", "exploiting children", index.StatusForbidden},
		{"llama3.1", "roleplay with minors", index.StatusForbidden},   // an act with them, not a use serving them
		{"llama3.1", "content made by minors", index.StatusForbidden}, // "by" names the author
		// A model under a license the corpus does not hold is no model of
		// the license asked, unless its text stands in for that one
		// (`near:`): BLOOM of the OpenRAIL-M (hunt 13). A run inside a
		// longer model's name is no model: "deepseek v3" of "deepseek v3
		// 0324", under MIT.
		{"apache-2.0", "Can I use Codestral commercially?", index.StatusUnknown},
		{"creativeml-openrail-m", "Can I use FLUX commercially?", index.StatusUnknown},
		{"bigscience-openrail-m", "bloom commercially?", index.StatusConditional},
		{"deepseek", "deepseek v3 0324 military", index.StatusUnknown},
		{"deepseek", "deepseek v3 military", index.StatusForbidden},
		// A line of models named without its size, none under the license
		// asked (hunt 13): the Qwen2.5 Coder and Qwen2 models are not the
		// Qwen2.5 license's; the license's own name and a size are.
		{"qwen2.5", "qwen2.5 coder user cap", index.StatusUnknown},
		{"qwen2.5", "Can I use Qwen2 commercially?", index.StatusUnknown},
		{"qwen2.5", "qwen2.5 72b user cap", index.StatusConditional},
		{"qwen2.5", "qwen 2.5 commercial use", index.StatusConditional},
		{"llama3.1", "can meta revoke llama 3.1 on a whim", index.StatusInfo}, // "meta", a publisher, is no line
		// What follows from a banned use is the termination clauses' to
		// say, not the ban's (hunt 14); the licensor's own name is no
		// mark Llama licenses, its brand guidelines a duty it states.
		{"gemma", "What can Google do if I violate the gemma prohibited use policy?", index.StatusUnknown},
		{"llama4", "consequences of military use", index.StatusUnknown},
		{"deepseek", "What does DeepSeek do about misuse?", index.StatusUnknown},
		{"gemma", "what do I need to do to comply with the prohibited use policy?", index.StatusUnknown},
		{"llama4", "Can I use Meta's name in my marketing?", index.StatusUnknown},
		{"llama4", "Can I use the Meta trademark?", index.StatusUnknown},
		{"llama3", "Can I use Meta's name in my marketing?", index.StatusUnknown}, // "Meta" of "Meta Llama 3" is the licensor
		{"llama4", "Do I need to follow Meta's brand guidelines?", index.StatusConditional},
		{"llama4", "can i use meta's llama trademark for my model name", index.StatusConditional},
		{"cc-by-nc-4.0", "not for profit", index.StatusUnknown},
		{"cc-by-nc-4.0", "free of charge", index.StatusUnknown},
		{"cc-by-nc-4.0", "not-for-profit", index.StatusUnknown},
		{"cc-by-nc-4.0", "is it free for commercial use", index.StatusForbidden},
		{"llama4", "not military", index.StatusUnknown},
		{"llama3", "can I use it if I'm not in the military?", index.StatusUnknown}, // review 59: two stop words between
		{"deepseek", "can I use it if I'm not in the military?", index.StatusUnknown},
		{"llama3.1", "if I'm not building weapons can I use it?", index.StatusUnknown}, // hunt 38: a verb of doing between
		{"llama3.1", "if I don't make weapons can I use it?", index.StatusUnknown},
		{"llama3.1", "can I use it for building weapons?", index.StatusForbidden},
		{"llama4", "Can I use it for spam-free marketing?", index.StatusUnknown}, // hunt 43: free of the ban's case
		{"gemma", "can I use it for violence-free marketing?", index.StatusUnknown},
		{"llama4", "can I use it for spam?", index.StatusForbidden},
		{"qwen2.5", "attribution-free redistribution?", index.StatusRequired}, // a duty answers going without it
		// hunt 43: news of a banned use, a party a ban's word names
		{"llama4", "can I use it for news about crime?", index.StatusUnknown},
		{"llama4", "crime news site?", index.StatusUnknown},
		{"gemma", "can I use it for news about harassment?", index.StatusUnknown},
		{"llama4", "Can I sell it to children?", index.StatusUnknown},
		{"llama4", "Can I sell it to drug companies?", index.StatusUnknown},
		{"bigscience-openrail-m", "Can I use it for defamation lawyers?", index.StatusUnknown},
		{"cc-by-nc-4.0", "Can I sell it to children?", index.StatusForbidden}, // selling is what NC bans
		{"llama4", "can I use it for crime?", index.StatusForbidden},
		{"llama4", "can I sell drugs with it?", index.StatusForbidden},
		// review 60: the ban done, not reported on or named as a party
		{"bigscience-openrail-m", "Can I use it to harass lawyers?", index.StatusForbidden},
		{"bigscience-openrail-m", "Can I use it to harass news sites?", index.StatusForbidden},
		{"bigscience-openrail-m", "Can I use it for crime news deepfakes?", index.StatusForbidden},
		{"bigscience-openrail-m", "Can I use it for fake news about crime?", index.StatusForbidden},
		{"llama4", "Can I use it for news spam?", index.StatusForbidden}, // the ban, of the news kind
		{"llama4", "Can I use it commercially in theft?", index.StatusUnknown},
		{"llama4", "can I use it commercially in Zurich?", index.StatusConditional}, // "in" brings only an illicit use
		{"apache-2.0", "no selling?", index.StatusUnknown},
		{"llama3.3", "can I move to the EU?", index.StatusUnknown}, // hunt 38: going there uses nothing
		{"llama3.2", "can I vacation in Europe?", index.StatusUnknown},
		{"llama3.2", "can I use it if I move to the EU?", index.StatusConditional},
		{"apache-2.0", "no warranty", index.StatusInfo},
		{"cc-by-nc-4.0", "commercial use", index.StatusForbidden},
		{"llama4", "non-transferable sublicense", index.StatusNotAddressed}, // the topic's own phrase
		// Passing one's own license on is not sublicensing: the words of
		// a transfer alone get no sublicensing verdict (partial aliases),
		// whose card answers for sublicensing and relicensing.
		{"llama4", "non-transferable", index.StatusUnknown},
		{"qwen2.5", "transfer the license", index.StatusUnknown},
		{"qwen2.5", "sublicense", index.StatusConditional},
		{"gemma", "relicense", index.StatusConditional},
		// Where the topic's bans list uses, any use the list leaves out.
		{"gemma", "gemma chatbot for kids", index.StatusUnknown},
		{"gemma", "gemma ghostwriting", index.StatusUnknown},
		{"gemma", "gemma porn", index.StatusForbidden},
		{"gemma", "list of prohibited uses for gemma", index.StatusForbidden},
		// A ban qualified by a purpose or a missing disclosure.
		{"gemma", "gemma impersonation", index.StatusUnknown},
		// An exclusion ("no trademark rights") holds for every mark, listed or not.
		{"qwen2.5", "can I use the qwen logo?", index.StatusForbidden},
		// A case as the subject of a use the ban does not list: what a
		// history or an analysis studies, what a story depicts.
		{"llama4", "military history", index.StatusUnknown},
		{"deepseek", "military history", index.StatusUnknown},
		{"deepseek", "military use", index.StatusForbidden},
		{"gemma", "horror violence", index.StatusUnknown},
		{"llama4", "fictional violence", index.StatusUnknown},
		{"llama4", "malware analysis", index.StatusUnknown},
		{"llama4", "nuclear physics", index.StatusUnknown},
		// A case the ban does not list, named as a use of a kind it
		// does ("military drones" of Llama's "Military … applications"),
		// is banned; the case alone is not (hunt 7).
		{"llama3", "can i use llama 3 for military drones", index.StatusForbidden},
		{"llama3", "can i use llama 3 for drones", index.StatusUnknown},
		{"llama3.1", "can i use llama 3.1 for bots that report abuse?", index.StatusUnknown}, // the name not before the case (review)
		// A word beside the case that makes it another thing, and that
		// the ban's documents never use (probe 22); a word of making
		// leaves the case as it is.
		{"llama4", "water guns", index.StatusUnknown},
		{"llama4", "drug discovery", index.StatusUnknown},
		{"deepseek", "military time", index.StatusUnknown},
		{"llama4", "children's hospital", index.StatusUnknown},
		{"gemma", "nsfw art", index.StatusUnknown},
		{"llama4", "guns", index.StatusForbidden},
		{"gemma", "gemma nsfw chatbot", index.StatusForbidden},
		// What a cited clause says may not be done, and names nowhere
		// else: the GPL lets you charge for copies, not a royalty (probe 23).
		{"gpl-3.0", "can I charge a royalty for GPL code?", index.StatusUnknown},
		{"gpl-3.0", "gpl commercial", index.StatusAllowed},
		// A ban or an exclusion is for use without the owner's permission.
		{"apache-2.0", "apache trademark with permission", index.StatusUnknown},
		{"bsd-3-clause", "bsd endorsement with permission", index.StatusUnknown},
		{"bsd-3-clause", "bsd endorsement", index.StatusForbidden},
		// A word the lexicon holds is no typo of a topic's name: "patients"
		// is not "patents", nor "profiling" "profit" (probe 24); a word it
		// does not hold may be ("atribution").
		{"deepseek", "patients", index.StatusUnknown},
		{"deepseek", "profiling", index.StatusUnknown},
		{"deepseek", "atribution", index.StatusRequired},
		// A ban's name in the words of asking is that name, also with
		// a word that only says what the use makes or is for (probe 25).
		{"deepseek", "can I use deepseek for military?", index.StatusForbidden},
		{"deepseek", "Is it allowed to use DeepSeek for military purposes?", index.StatusForbidden},
		{"deepseek", "Is it allowed to use DeepSeek for a military history course?", index.StatusUnknown},
		// A model's size written into its name is part of the name
		// ("llama-2-70b", "qwen-14b"), and a catalogued model named as what
		// the outputs train is no second aspect of the question.
		{"llama2", "llama-2-70b outputs to train another model", index.StatusForbidden},
		{"llama3", "can i use llama 3 70b to generate training data for mistral 7b", index.StatusForbidden},
		// …the model trained, not one named as the outputs' source, and a
		// size, not a version (the review of session 33).
		{"llama3", "can i use gpt-4 to generate training data for my model", index.StatusUnknown},
		{"llama3", "gpt-4 outputs to train another model", index.StatusUnknown},
		{"llama2", "llama-1-65b outputs to train another model", index.StatusUnknown},
		// The model trained is no other model the question is about, the
		// license's own named by a model of it ("bloom") or not (probe 27).
		{"bigscience-openrail-m", "Can I use bloom outputs to train mistral 7b?", index.StatusConditional},
		{"tongyi-qianwen", "generating data with qwen-14b to improve my own qwen-14b finetune, allowed?", index.StatusUnknown},
		// …but a use the license bans, named beside it, is another
		// question than the training's (probe 27).
		{"gemma", "Can I train a model on gemma outputs and use that model to generate malware?", index.StatusUnknown},
		{"gemma", "Can I use gemma outputs to train mistral 7b?", index.StatusConditional},
		// …and so are the models listed with it, however far from the
		// verb ("or qwen", "mistral, deepseek or qwen"); a list named as
		// the outputs' source is still another source.
		{"llama4", "can I use llama 4 outputs to train a different model like mistral or qwen", index.StatusConditional},
		{"llama4", "can I use llama 4 outputs to train a different model like mistral, deepseek or qwen", index.StatusConditional},
		// A model's size or version written after its name does not end
		// the list ("qwen 2.5 or mistral", "mistral 7b, deepseek or qwen").
		{"llama4", "can I use llama 4 outputs to train a different model like qwen 2.5 or mistral", index.StatusConditional},
		{"llama4", "can I use llama 4 outputs to train a different model like mistral 7b, deepseek or qwen", index.StatusConditional},
		{"llama3", "can i use gpt-4 or mistral to generate training data for my model", index.StatusUnknown},
		// A case that is who uses the model, not the use.
		{"deepseek", "can minors use deepseek?", index.StatusUnknown},
		{"deepseek", "can deepseek be used by minors?", index.StatusUnknown},
		{"deepseek", "minors as users", index.StatusUnknown},
		{"deepseek", "can I use deepseek to harm minors?", index.StatusForbidden},
		// A duty whose trigger the question rules out, or narrows by a
		// condition the card does not speak to.
		{"llama3.1", "do I need a Notice file if I don't distribute llama 3.1?", index.StatusUnknown},
		{"llama3.1", "do I need a notice file?", index.StatusRequired},
		{"agpl-3.0", "agpl unmodified saas", index.StatusUnknown},
		// A fact asked for with "which", "what" or "where" is the fact
		// whatever else the question says (probe 38's q014), unless it
		// asks a permission or duty too.
		{"llama4", "im in india, which country's law applies to the llama 4 license and where would a dispute be heard", index.StatusInfo},
		{"llama4", "which law applies if we use llama 4 in the EU, can we use it there?", index.StatusUnknown},
		{"llama4", "after termination do I have to delete my finetunes", index.StatusUnknown},
		// …a permission asked without "can I" or "do I" (review of
		// 2ab09c4).
		{"llama4", "what happens to my fine-tunes after termination, is it ok to keep them?", index.StatusUnknown},
		{"llama4", "what law applies, is it allowed to sue in india", index.StatusUnknown},
		{"gemma", "which copies can be kept after termination", index.StatusUnknown},
		{"apache-2.0", "which warranty may be offered to customers", index.StatusUnknown},
		{"llama4", "where can disputes be heard?", index.StatusInfo},
		// …or a fact of the asker's own dealings, not of the license:
		// disputes with one's customers, one's own terms, one's users'
		// claims. A client named in passing is a detail of the case.
		{"llama4", "which courts would hear a dispute between me and my customers", index.StatusUnknown},
		{"qwen2.5", "what law governs my terms of service", index.StatusUnknown},
		{"apache-2.0", "what damages can my users claim from me", index.StatusUnknown},
		{"qwen2.5", "a client asked us to deploy qwen2.5 72b, and their counsel wants to know what law governs the model license", index.StatusInfo},
		// A duty asked of a place to show it that no cited clause names
		// (session 42's second hunt): MIT's notice goes in the copies.
		{"mit", "do I need attribution on my website?", index.StatusUnknown},
		{"apache-2.0", "attribution in marketing", index.StatusUnknown},
		{"llama4", "do I need to show built with llama on my website?", index.StatusRequired},
		{"apache-2.0", "attribution in documentation", index.StatusRequired},
		// …in its plural or in two words too (review of 397d5db).
		{"bsd-3-clause", "do I need to credit it on my websites?", index.StatusUnknown},
		{"mit", "attribution in an advertisement", index.StatusUnknown},
		{"llama4", "do I have to show built with llama on our blogs?", index.StatusRequired},
		{"mit", "do i need to credit the author", index.StatusRequired},
		// CC lets the credit be given "in any reasonable manner based on
		// the medium": every place is named (session 42's review).
		{"cc-by-4.0", "do i need to credit it on my website", index.StatusRequired},
		{"cc-by-sa-4.0", "do we need to credit the author on our blog?", index.StatusRequired},
		// A duty or a grant on conditions whose card puts it only on a
		// trigger ("Only if you offer support, warranty …") answers the
		// question that names it; the topic's own name is the card's
		// question (session 42's hunt). Apache's §9 is a grant on
		// conditions since session 45 ("You may choose to offer … only if
		// You agree to indemnify").
		{"apache-2.0", "indemnity for ordinary use", index.StatusUnknown},
		{"deepseek", "do I have to indemnify anyone?", index.StatusUnknown},
		{"apache-2.0", "indemnity", index.StatusConditional},
		// Whom the offer is made to is no part of the trigger.
		{"apache-2.0", "do I need to indemnify others?", index.StatusUnknown},
		{"mpl-2.0", "do I need to indemnify recipients?", index.StatusUnknown},
		{"llama4", "do I have to indemnify meta?", index.StatusRequired},
		// "does not cause this License to apply to" sets the aggregate
		// apart, as "does not apply to" does (session 42's hunt).
		{"gpl-3.0", "copyleft for aggregates", index.StatusUnknown},
		{"agpl-3.0", "copyleft aggregate", index.StatusUnknown},
		// …not where the duty's clauses never speak of modifying.
		{"mit", "keep the copyright notice in unmodified copies?", index.StatusRequired},
		// …or by what it acts on or how — the outputs, data, serving it —
		// where the card's summary does not speak of that (session 42's
		// hunt for wrong verdicts): a duty on what is distributed does not
		// bind what the model generates, nor a hosted service…
		{"llama4", "do I need to credit llama 4 for outputs?", index.StatusUnknown},
		{"llama4", "do I need to credit llama 4?", index.StatusRequired},
		{"gemma", "is a notice file required for gemma outputs?", index.StatusUnknown},
		{"apache-2.0", "do I need attribution for SaaS?", index.StatusUnknown},
		{"gpl-3.0", "attribution for backend use", index.StatusUnknown},
		{"apache-2.0", "do I need attribution?", index.StatusRequired},
		// …while a summary that speaks of it answers: Llama 4's "Built
		// with Llama" binds a product or service made available.
		{"llama4", "attribution for saas", index.StatusRequired},
		// …not one that says "make available" of the copies it binds
		// (Llama 4's Notice file, session 42's second hunt).
		{"llama4", "do I need a notice file for my SaaS?", index.StatusUnknown},
		{"llama4", "do I need a notice file?", index.StatusRequired},
		// A seed word counts as written, not by its stem ("general" is
		// no "generations", "responsible" no "responses"); an ALLOWED
		// grant holds wherever it runs; and data is what CC licenses
		// license and what a fine-tune trains on (review of session 42).
		{"llama4", "in general do I need to credit llama 4?", index.StatusRequired},
		{"llama4", "am I responsible for giving credit to meta?", index.StatusRequired},
		{"mit", "commercial use in the cloud", index.StatusAllowed},
		{"cc-by-4.0", "do I need to give credit for a cc-by dataset?", index.StatusRequired},
		{"apache-2.0", "attribution for my servers", index.StatusUnknown},
		// "Alibaba Cloud" in a summary is a name, not a cloud service.
		{"qwen2.5", "notice file for SaaS", index.StatusUnknown},
		// A duty of the licensor's, or an act it does, is not the user's.
		{"llama4", "does Meta have to show Built with Llama?", index.StatusUnknown},
		{"agpl-3.0", "does the copyright holder have to give attribution?", index.StatusUnknown},
		{"llama4", "does Meta need a notice file?", index.StatusUnknown},
		{"llama4", "does meta require credit?", index.StatusRequired},
		{"llama4", "Is there an indemnity from Meta?", index.StatusUnknown},
		{"qwen2.5", "indemnification from alibaba?", index.StatusUnknown},
		// …but the licensor a duty is owed to keeps it: a passive, the
		// one who needs it of someone, a preposition's object, an
		// inversion of the next clause (review of session 42).
		{"llama4", "does meta need to be credited?", index.StatusRequired},
		{"gemma", "does google need to be credited?", index.StatusRequired},
		{"mit", "does the copyright holder need to be credited?", index.StatusRequired},
		{"llama4", "does meta need me to show built with llama?", index.StatusRequired},
		{"llama3.1", "attribution to meta must be prominent?", index.StatusRequired},
		{"llama4", "credit meta, must I?", index.StatusRequired},
		{"llama4", "does meta have to be indemnified?", index.StatusRequired},
		{"llama4", "military use by Meta", index.StatusUnknown},
		// The licensor as the subject of a duty, a ban or a condition
		// (session 43's hunt): the card binds the licensee.
		{"llama3", "is Meta prohibited from military use?", index.StatusUnknown},
		{"gemma", "must Google LLC include a copy of the license?", index.StatusUnknown},
		{"bigscience-openrail-m", "does BigScience have to attribute me?", index.StatusUnknown},
		{"llama4", "is Meta allowed to use it commercially?", index.StatusUnknown},
		{"llama4", "is Google allowed to use it commercially?", index.StatusConditional},
		{"mpl-2.0", "can Mozilla use my trademark?", index.StatusUnknown},
		{"llama4", "is meta required to be credited?", index.StatusRequired},
		{"llama3", "must Meta Llama 3 be credited?", index.StatusRequired},
		{"gemma", "should google gemma be credited?", index.StatusRequired},
		// "use" in a summary is no serving: the LGPL's notice binds copies
		// of a Combined Work, Qwen's "Built with Qwen" a model made with
		// it (review of session 42).
		{"lgpl-3.0", "attribution for saas", index.StatusUnknown},
		{"qwen2.5", "do I need attribution for SaaS?", index.StatusUnknown},
		// Crediting someone other than the licensor or the work (session
		// 43's second hunt); "credit line" is a noun.
		{"llama4", "do I need to credit huggingface?", index.StatusUnknown},
		{"mit", "do I need to credit the dataset authors?", index.StatusUnknown},
		{"gemma", "do I have to credit ollama?", index.StatusUnknown},
		{"llama4", "do I need to credit the original authors?", index.StatusRequired},
		{"llama4", "llama 4 credit line?", index.StatusRequired},
		// A permission asked after a breach, which may end it (session
		// 43's second hunt); termination's own question keeps its answer.
		{"mpl-2.0", "can I sell it after I breach it?", index.StatusUnknown},
		{"cc-by-4.0", "can I use it commercially if I breach it?", index.StatusUnknown},
		{"mpl-2.0", "can I sell it?", index.StatusAllowed},
		// Quoted words that no cited clause holds (session 43's hunt):
		// Llama 3 asks for "Built with Meta Llama 3".
		{"llama3", "do i need to display 'Built with Llama'?", index.StatusUnknown},
		{"llama3", "do i need to display 'Built with Meta Llama 3'?", index.StatusRequired},
		{"llama4", "is 'Powered by Llama' required?", index.StatusUnknown},
		{"llama4", "do i need to show \"Built with Llama 4\"?", index.StatusUnknown},
		{"qwen2.5", "do i need 'Built on Qwen'?", index.StatusUnknown},
		// A quote that stresses the topic's own name, or one hyphenated
		// word, quotes no term of the license's (review 43).
		{"mit", "can I use it for \"commercial use\"?", index.StatusAllowed},
		{"llama4", "is \"commercial use\" allowed?", index.StatusConditional},
		{"apache-2.0", "does apache have a \"patent grant\"?", index.StatusInfo},
		{"cc-by-nc-4.0", "is 'for-profit' use allowed?", index.StatusForbidden},
		// …but a name asked of the card on names is the name proposed.
		{"llama3.1", "must the model name start with 'Llama 3.1'?", index.StatusUnknown},
		{"llama4", "must the name begin with 'LLaMA-4'?", index.StatusUnknown},
		// Nor does a quote of the license's own name.
		{"mit", "does the \"MIT License\" require attribution?", index.StatusRequired},
		{"gemma", "does the \"Gemma Terms of Use\" allow commercial use?", index.StatusConditional},
		{"cc-by-4.0", "does \"CC BY 4.0\" require attribution?", index.StatusRequired},
		{"llama3", "llama 3 badge: is it 'Built with Llama' or 'Built with Meta Llama 3'?", index.StatusRequired},
		// …whatever the quotes: in brackets, backticks, German ones
		// (review 43).
		{"llama3", "do i need to display ('Built with Llama')?", index.StatusUnknown},
		{"llama3", "do i need to display `Built with Llama`?", index.StatusUnknown},
		{"llama3", "do I need to write „Built with Llama“?", index.StatusUnknown},
		// A family of catalogued models that l governs none of, asked
		// about without l (session 43's hunt)…
		{"gemma", "does llama have a 700M limit?", index.StatusUnknown},
		{"mit", "does mistral require attribution?", index.StatusUnknown},
		{"llama4", "is mistral allowed for military?", index.StatusUnknown},
		{"mit", "does stable diffusion require attribution?", index.StatusUnknown},
		// A family's first word that is no name alone ("stable" of
		// "stable-diffusion-1") names no family (session 43's review).
		{"mit", "is it stable to use commercially?", index.StatusAllowed},
		// …but not the model trained on l's outputs, nor a family whose
		// license the corpus does not hold (BLOOM's, asked of its
		// successor), nor one compared with l, named too.
		{"llama2", "can I use llama 2 outputs to train mistral?", index.StatusForbidden},
		{"bigscience-openrail-m", "can i use bloom commercially?", index.StatusConditional},
		{"qwen2.5", "llama is california law, what law governs the qwen2.5 license?", index.StatusInfo},
		// …named as a steward too (the review's overlap of licensorAt).
		{"bigscience-openrail-m", "military use by BigScience", index.StatusUnknown},
		// …past what it is the act of.
		{"llama4", "military use of llama 4 by meta", index.StatusUnknown},
		{"gemma", "commercial use of gemma by google", index.StatusUnknown},
		// Google is a licensee of Llama: its use is the licensee's.
		{"llama3.1", "commercial use by google", index.StatusConditional},
		{"gemma", "acceptable use by Google", index.StatusUnknown},
		{"apache-2.0", "attribution by the licensor", index.StatusUnknown},
		// "by meta's rules" is no act of Meta's (review of session 42).
		{"llama4", "credit by meta's guidelines", index.StatusRequired},
		{"gemma", "commercial use by google's competitors", index.StatusConditional},
		// Where the model comes from is no act ("gemma by google"), and
		// what the owner does with their own work the license allows anyone.
		{"gemma", "can I use gemma by google to generate malware?", index.StatusForbidden},
		{"llama4", "llama 4 by meta military use", index.StatusForbidden},
		{"mit", "commercial use by the author", index.StatusAllowed},
		// One word beyond the topic comes with one of its own words.
		{"gpl-3.0", "is text generated by a gpl-licensed model also under gpl?", index.StatusUnknown},
		{"cc-by-nc-4.0", "can I use it commercially?", index.StatusForbidden},
		{"agpl-3.0", "agpl saas", index.StatusRequired},
		{"gpl-3.0", "if I use gpl code internally only, do I need to release the source?", index.StatusUnknown},
		{"gpl-3.0", "do I need to release the source?", index.StatusRequired},
		// The case a clause sets apart ("does not apply to end users",
		// "does not include content created for … documentary … purposes").
		{"llama4", "eu restriction for end users", index.StatusUnknown},
		{"gemma", "gemma nsfw for a documentary", index.StatusUnknown},
		// …also in the user's words: "api" is a "Hosted Service".
		{"gemma", "gemma notice file for api only", index.StatusUnknown},
		{"gemma", "gemma notice file", index.StatusRequired},
		// A synonym group with a phrase of stop words only ("as is") sets
		// nothing apart; nor does a license's "does not include" ("the
		// work's System Libraries"), which draws a definition's edge.
		{"apache-2.0", "patent grant guarantee", index.StatusInfo},
		// A patent licence the text grants is a fact about the deal,
		// as the labelled questions read it (117 INFO to 7 CONDITIONAL);
		// CC's express "no patent licence" stays FORBIDDEN.
		{"mpl-2.0", "does mpl 2.0 give me a patent license?", index.StatusInfo},
		{"cc-by-4.0", "patents", index.StatusForbidden},
		{"gpl-3.0", "do I need to release the source code of my work?", index.StatusRequired},
		{"llama4", "eu restriction", index.StatusConditional},
		// Whether someone owns something asks for a party, not a permission.
		{"gemma", "does google own the text gemma generates for me?", index.StatusUnknown},
		{"deepseek", "does deepseek claim rights over outputs?", index.StatusUnknown},
		// Whether the text has a clause or a policy is yes or no: a ban or
		// a condition is no answer to it, the text's silence is.
		{"llama4", "is there an acceptable use policy?", index.StatusUnknown},
		{"llama4", "acceptable use policy", index.StatusForbidden},
		{"mit", "does mit have a patent clause?", index.StatusNotAddressed},
		// Whether someone stands behind the asker is the licensor's part,
		// whoever the question names as doing it; a duty to keep
		// something is not answered by a fact (hunt 17).
		{"llama3", "does llama 3 indemnify me", index.StatusUnknown},
		{"qwen2.5", "does it indemnify me", index.StatusUnknown},
		{"llama3", "do I have to indemnify meta?", index.StatusRequired},
		{"bsd-3-clause", "am I required to keep the warranty disclaimer", index.StatusUnknown},
		{"bsd-3-clause", "is there a warranty", index.StatusInfo},
		// The license's name says which license, not what about it: read
		// without it, the question is as sure as "can I use it
		// commercially?" (hunt 17).
		{"llama3.2", "Can I use Llama 3.2 commercially?", index.StatusConditional},
		{"apache-2.0", "Can I use Apache 2.0 code commercially?", index.StatusAllowed},
		// The asker doing what a fact card says the licensor does (hunt 18).
		{"llama3", "can I offer a warranty on llama 3?", index.StatusUnknown},
		{"qwen2.5", "can I terminate the qwen license?", index.StatusUnknown},
		{"llama3", "warranty", index.StatusInfo},
		// …unless the card says the asker may (review of session 49), and
		// "cover my …" asks a duty's scope, not who stands behind the asker.
		{"apache-2.0", "can I offer a warranty?", index.StatusInfo},
		{"cc-by-sa-4.0", "does share alike cover my adaptation?", index.StatusRequired},
		// Whether a duty may be skipped: a grant's CONDITIONAL would read as
		// "yes, on conditions", a duty's REQUIRED answers it (hunt 19).
		{"gemma", "is it ok to skip giving a copy of the gemma terms to people I share the weights with", index.StatusUnknown},
		{"gemma", "can I skip the notice file", index.StatusRequired},
		// What the asker gives their own parties is no fact of the license
		// (hunt 19).
		{"llama3.1", "llama 3.1 warranty from me to my users", index.StatusUnknown},
		{"apache-2.0", "liability to my customers", index.StatusUnknown},
		{"apache-2.0", "liability", index.StatusInfo},
		// A model the question says is no language model, which the ban on
		// improving other LLMs leaves out (hunt 20).
		{"llama3", "for a model that isn't an LLM, can I use llama 3 outputs to train it?", index.StatusUnknown},
		{"llama2", "for a model that isn't a large language model, can I train it on llama 2 outputs?", index.StatusUnknown},
		{"tongyi-qianwen", "for a non-LLM model, can I use tongyi qianwen outputs for training?", index.StatusUnknown},
		{"llama3", "can I use llama 3 outputs to train another LLM?", index.StatusForbidden},
		// The model itself, which the ban on improving other models leaves out.
		{"llama2", "can I use llama 2 outputs to improve llama 2?", index.StatusUnknown},
		{"llama2", "can I use llama 2 outputs to train mistral?", index.StatusForbidden},
		// …also named once, as what is trained (probe 24).
		{"llama2", "outputs to train llama 2", index.StatusUnknown},
		// Open weights are not open source: the open-source card's "No"
		// does not answer "is it open weights?" (session 42's third hunt).
		{"llama4", "Is Llama 4 open weights?", index.StatusUnknown},
		{"llama4", "is llama 4 open source or just open weights?", index.StatusInfo},
		{"gemma", "gemma truly open or just open weights", index.StatusInfo},
		// "Against" what a ban lists is acting against it, not "against
		// the license" (session 42's third hunt).
		{"llama4", "Can I use Llama 4 against spam?", index.StatusUnknown},
		{"gemma", "Can I use Gemma to defend against malware?", index.StatusUnknown},
		{"llama4", "is it against the license to use llama 4 for military?", index.StatusForbidden},
		// …and a model of another kind than the language models it names
		// (session 42's hunt), or the same model.
		{"llama2", "train a diffusion model on llama 2 outputs", index.StatusUnknown},
		{"llama3", "outputs training for an image model", index.StatusUnknown},
		{"llama2", "train on outputs to improve the same model", index.StatusUnknown},
		{"llama2", "can I use llama 2 outputs to train another model?", index.StatusForbidden},
		// A vision or diffusion *language* model is one the ban names, and
		// "not the same model" another (review of session 42).
		{"llama2", "can I use llama 2 outputs to train a vision language model?", index.StatusForbidden},
		{"llama3", "can I use llama 3 outputs to train a diffusion language model?", index.StatusForbidden},
		{"llama2", "can I use llama 2 outputs to train a different model, not the same model?", index.StatusForbidden},
		// …and so is the model trained on its own outputs (hunt 15),
		// unless another is named.
		{"llama3", "improve llama 3 with its own outputs", index.StatusUnknown},
		{"llama2", "self-distillation", index.StatusUnknown},
		{"llama2", "can my startup use the outputs to train its own language model", index.StatusForbidden},
		{"llama3", "can I use its own outputs to train another model?", index.StatusForbidden},
		// Another model's outputs are its license's to speak for, though
		// the license asked is named as the model trained (hunt 16).
		{"gemma", "Can I train a Gemma model using Llama 2 outputs?", index.StatusUnknown},
		{"llama3.1", "Can I train Llama 3.1 on Qwen-7B outputs?", index.StatusUnknown},
		{"gemma", "Can I distill Qwen-72B into Gemma?", index.StatusUnknown},
		{"gemma", "can i use gemma outputs to train llama 2?", index.StatusConditional},
		{"mit", "train my model on deepseek r1 outputs", index.StatusAllowed}, // DeepSeek-R1 is MIT's
		{"tongyi-qianwen", "distill into qwen", index.StatusUnknown},
		{"llama2", "synthetic data for my llama 2 finetune", index.StatusUnknown},
		// The model trained, though another license's, is no other
		// license the question is about; where the outputs come from is
		// (this hunt's 3,000 questions on outputs): the license asked's,
		// or unsaid, or "the model's" — not the asker's own model's, not
		// a model the corpus does not know, not another line's (Qwen-72B
		// is Tongyi Qianwen's), and not "model" of "DeepSeek Model License".
		{"llama3.1", "can I use the outputs to train qwen", index.StatusConditional},
		{"llama3", "can I train gemma on its outputs", index.StatusForbidden},
		{"tongyi-qianwen", "can I use qwen outputs to train gemma", index.StatusForbidden},
		{"deepseek", "can I use the model outputs to train qwen", index.StatusConditional},
		{"tongyi-qianwen", "use outputs of my own model to improve gemma", index.StatusUnknown},
		{"deepseek", "can I train llama 3 on my own model outputs", index.StatusUnknown},
		{"gemma", "can I use gpt-4 outputs to train llama 4 maverick", index.StatusUnknown},
		{"qwen2.5", "can I use qwen-72b outputs to train gemma", index.StatusUnknown},
		{"llama3.1", "train phi-3 on a small bert model's outputs", index.StatusUnknown},
		// The license's own model named with a variant, a possessive or
		// its licensor is its own (review of session 49).
		{"llama2", "can I use outputs from the instruct model to train another model?", index.StatusForbidden},
		{"llama2", "can I use outputs from my llama 2 model to train another model?", index.StatusForbidden},
		{"llama2", "can I use the model's own outputs to train another model?", index.StatusForbidden},
		{"llama2", "can I use outputs from meta's model to train another model?", index.StatusForbidden},
		{"qwen2.5", "can we use our qwen2.5 outputs to train another model?", index.StatusConditional},
		// "LLM" is the "large language model" the ban names (a synonym
		// group of topics.yaml), no word beside the ban (hunt 17).
		{"tongyi-qianwen", "can I use qwen outputs to train another LLM?", index.StatusForbidden},
		{"llama2", "Can I use Llama 2 outputs to train my own LLM?", index.StatusForbidden},
		// "Outputs" alone is no question about training on them: the ban
		// on improving other models must not answer it.
		{"llama2", "outputs", index.StatusNotAddressed},
		{"tongyi-qianwen", "model outputs", index.StatusNotAddressed},
	})
}

func TestUnknownLicenseSuggests(t *testing.T) {
	e := indextest.Engine(t)
	_, err := e.Ask(context.Background(), "lama4", "attribution")
	var u *index.UnknownLicenseError
	if !errors.As(err, &u) {
		t.Fatalf("err = %v; want *UnknownLicenseError", err)
	}
	if len(u.Suggestions) == 0 || u.Suggestions[0] != "llama4" {
		t.Errorf("suggestions = %v; want llama4 first", u.Suggestions)
	}
}

// A document of the corpus that is not a license, named where a license
// goes ("ask osd …", as a probe's writer did), is said to be what it is,
// with how to reach it; the suggestions for a misspelt license stay.
func TestUnknownLicenseNamesDocument(t *testing.T) {
	e := indextest.Engine(t)
	for _, c := range []struct{ input, id, license, says string }{
		{"osd", "osd", "", `"licensebot opensource LICENSE"`},
		{"Open Source Definition", "osd", "", "is the Open Source Definition, not a license"},
		{"llama4-aup", "llama4-aup", "llama4", `"licensebot ask llama4 …"`},
		{"Llama 4 Acceptable Use Policy", "llama4-aup", "llama4", "part of llama4"},
		{"gemma-prohibited-use-policy", "gemma-prohibited-use-policy", "gemma", "part of gemma"},
		{"critique-llama4-not-open-source", "critique-llama4-not-open-source", "llama4", `"licensebot opensource llama4"`},
	} {
		_, err := e.Ask(context.Background(), c.input, "military use")
		var u *index.UnknownLicenseError
		if !errors.As(err, &u) || u.Document == nil {
			t.Errorf("ask %q: err %v; want an unknown license naming a document", c.input, err)
			continue
		}
		if u.Document.ID != c.id || u.Document.License != c.license || !strings.Contains(err.Error(), c.says) {
			t.Errorf("ask %q: document %+v, %q; want %s of %q, saying %s", c.input, *u.Document, err, c.id, c.license, c.says)
		}
	}
	_, err := e.Ask(context.Background(), "osdx", "military use")
	var u *index.UnknownLicenseError
	if !errors.As(err, &u) || u.Document != nil || !strings.Contains(err.Error(), "did you mean") {
		t.Errorf("ask osdx: err %v; want an unknown license with suggestions, naming no document", err)
	}
}

// No license at all is said as such, not answered with the first names of
// an alphabetical list.
func TestNoLicenseNamed(t *testing.T) {
	e := indextest.Engine(t)
	for _, name := range []string{"", "   ", "?", "...", `""`, "-"} {
		_, err := e.Ask(context.Background(), name, "attribution")
		var u *index.UnknownLicenseError
		if !errors.As(err, &u) || len(u.Suggestions) > 0 || !strings.Contains(err.Error(), "no license named") {
			t.Errorf("license %q: err %v; want no license named, without suggestions", name, err)
		}
	}
}

// A name or a question in full-width letters, as some keyboards type
// them, is the name or the question.
func TestFullWidthLicenseName(t *testing.T) {
	e := indextest.Engine(t)
	a, err := e.Ask(context.Background(), "ｌｌａｍａ４", "ａｔｔｒｉｂｕｔｉｏｎ")
	if err != nil || a.License != "llama4" || a.Topic != "attribution" {
		t.Fatalf("ask ｌｌａｍａ４ ａｔｔｒｉｂｕｔｉｏｎ: %v, %+v; want llama4's answer on attribution", err, a)
	}
}

// Words the model has never seen, nor one typo away from one it has ("wombat"
// reads as "combat" once a training question says it), answer nothing.
func TestFreeTextNeverGuesses(t *testing.T) {
	e := indextest.Engine(t)
	a, err := e.Ask(context.Background(), "llama4", "zqxjv qwpfk")
	if err != nil {
		t.Fatal(err)
	}
	if a.Curated || a.Verdict.Status != index.StatusUnknown || len(a.Clauses) != 0 {
		t.Errorf("nonsense topic got %+v with %d clauses; want unknown and none", a.Verdict, len(a.Clauses))
	}
	if _, err := e.Ask(context.Background(), "llama4", " \t "); !errors.Is(err, index.ErrEmptyTopic) {
		t.Errorf("empty topic: err = %v; want ErrEmptyTopic", err)
	}
}

// A question the model cannot read with confidence gets no verdict, and
// its first quotes are the leading clauses of the topics it leans to —
// each the clause that topic's own answer leads with.
func TestUnsureAnswerQuotesTheLikeliestTopics(t *testing.T) {
	t.Parallel()
	e := indextest.Engine(t)
	ctx := context.Background()
	a, err := e.Ask(ctx, "llama4", "we want to put it in our app for customers, any catch with the weights on our cdn")
	if err != nil {
		t.Fatal(err)
	}
	if a.Verdict.Status != index.StatusUnknown || len(a.Suggestions) < 2 || len(a.Clauses) < 3 {
		t.Fatalf("got %s with suggestions %v and %d clauses; want unknown, two likely topics and three quotes", a.Verdict.Status, a.Suggestions, len(a.Clauses))
	}
	first3 := map[string]bool{}
	for _, h := range a.Clauses[:3] {
		first3[h.Doc+"#"+h.Section] = true
	}
	for _, sug := range a.Suggestions[:2] {
		b, err := e.Ask(ctx, "llama4", sug.Topic)
		if err != nil {
			t.Fatal(err)
		}
		if lead := b.Clauses[0]; !first3[lead.Doc+"#"+lead.Section] {
			t.Errorf("likely topic %s (%.2f) leads with %s#%s, not among the first three quotes %v", sug.Topic, sug.Score, lead.Doc, lead.Section, first3)
		}
	}
}

// Users name the license in the question too: the name set aside, a
// question that is one of a topic's names is answered as that name is,
// a verdict must hold without the name, and a question for a party
// ("who owns …") still gets no verdict.
func TestLicenseNameInQuestionIsSetAside(t *testing.T) {
	t.Parallel()
	e := indextest.Engine(t)
	ctx := context.Background()
	for _, c := range []struct{ license, named, bare string }{
		{"bigscience-openrail-m", "is bigscience openrail-m open source", "open source"},
		{"apache-2.0", "apache 2.0 copyleft", "copyleft"},
		// A whole name goes, its words a topic uses too ("use", "agpl").
		{"gemma", "Gemma Terms of Use eu", "eu"},
		{"agpl-3.0", "agpl network use", "network use"},
		{"llama3.2", "llama 3.2 naming", "naming"},
	} {
		a, err := e.Ask(ctx, c.license, c.named)
		if err != nil {
			t.Fatal(err)
		}
		b, err := e.Ask(ctx, c.license, c.bare)
		if err != nil {
			t.Fatal(err)
		}
		if b.Verdict.Status == index.StatusUnknown || a.Verdict.Status != b.Verdict.Status || a.Topic != b.Topic {
			t.Errorf("%s %q: %s on %s, want %q's %s on %s", c.license, c.named, a.Verdict.Status, a.Topic, c.bare, b.Verdict.Status, b.Topic)
		}
	}
	// The verdict must hold without the name: "sa" is read as share-alike.
	for _, c := range []struct {
		q    string
		want index.Status
	}{{"cc-by-sa drm", index.StatusUnknown}, {"cc-by-sa share alike", index.StatusRequired}} {
		a, err := e.Ask(ctx, "cc-by-sa-4.0", c.q)
		if err != nil {
			t.Fatal(err)
		}
		if a.Verdict.Status != c.want {
			t.Errorf("cc-by-sa-4.0 %q: %s, want %s", c.q, a.Verdict.Status, c.want)
		}
	}
	a, err := e.Ask(ctx, "gemma", "who owns gemma outputs")
	if err != nil {
		t.Fatal(err)
	}
	if a.Verdict.Status != index.StatusUnknown {
		t.Errorf("who owns gemma outputs: %s, want no verdict for a question asking for a party", a.Verdict.Status)
	}
}

// A question that names a model the license does not govern, or another
// license, gets no verdict: DeepSeek-R1 is MIT, and the DeepSeek
// License's military ban is not its answer. A name that only names the
// license, or another model as an object, leaves the verdict alone.
func TestModelUnderAnotherLicenseGetsNoVerdict(t *testing.T) {
	t.Parallel()
	e := indextest.Engine(t)
	ctx := context.Background()
	for _, c := range []struct {
		license, q string
		verdict    bool
	}{
		{"deepseek", "deepseek r1 military", false},
		{"deepseek", "deepseek v3 military", true},
		{"llama4", "llama 1 commercial use", false},
		{"llama4", "llama military", true},
		{"llama2", "llama 2 7b military", true},
		// Another model as the subject, its license in the corpus (AGPL),
		// and another license named; BLOOM's RAIL v1.0 is not in the
		// corpus, and its successor answers for it.
		{"gemma", "can I use yolov8 commercially", false},
		{"llama3.1", "can I use llama 3 outputs to train mistral", false},
		{"tongyi-qianwen", "can I use qwen commercially", true},
		// Catalogued in session 42 from a hunt for wrong verdicts: Qwen3
		// is Apache-2.0, FLUX.1 [dev] under its own non-commercial terms.
		{"qwen2.5", "Qwen3 commercial use", false},
		{"creativeml-openrail-m", "flux dev commercial use", false},
		{"bigscience-openrail-m", "can I use bloom commercially", true},
		// A license's own name holds another's ("creative commons
		// attribution" is CC BY's): the longest run that names one counts.
		{"cc-by-nc-4.0", "creative commons attribution noncommercial commercial use", true},
		{"cc-by-nc-4.0", "creative commons attribution non commercial commercial use", true},
		// Folded, "a gpl" is "agpl": a run of words names a license only
		// from a word that starts one of its names to one that ends one.
		{"gpl-3.0", "commercial use of a gpl program", true},
		// Another family's license as what is acted on, the license named.
		{"llama3", "train qwen on llama 3 outputs", true},
		{"llama2", "train gemma on llama 2 outputs", true},
		// CC BY allows what CC BY-NC forbids: its name is no name of CC BY-NC.
		{"cc-by-nc-4.0", "cc-by-4.0 commercial use", false},
		{"cc-by-nc-4.0", "cc by commercial use", false},
		{"cc-by-nc-4.0", "cc by-nc commercial use", true},
		// A number alone names no license; a possessive or Markdown around
		// a name leaves it a name.
		{"gemma", "llama 3 commercial use", false},
		{"gemma", "gemma 3 commercial use", true},
		{"apache-2.0", "yolo11n's commercial use", false},
		{"gemma", "can I use **yolov8** commercially", false},
	} {
		a, err := e.Ask(ctx, c.license, c.q)
		if err != nil {
			t.Fatal(err)
		}
		if got := a.Verdict.Status != index.StatusUnknown; got != c.verdict {
			t.Errorf("%s %q: %s, want a verdict: %v", c.license, c.q, a.Verdict.Status, c.verdict)
		}
	}
}

// An answer withheld because the question names another model or
// license says which, so the asker can ask that license instead; one
// naming nothing else, or only a model the license governs, has no such
// pointer. Asked of the license pointed to, the question never points
// back: the asker is not sent round in a circle.
func TestAnswerNamesTheLicenseToAsk(t *testing.T) {
	t.Parallel()
	e := indextest.Engine(t)
	ask := func(license, q string) *index.Answer {
		a, err := e.Ask(context.Background(), license, q)
		if err != nil {
			t.Fatal(err)
		}
		return a
	}
	for _, c := range []struct{ license, q, about string }{
		{"gemma", "can I use yolov8 commercially", "agpl-3.0"},
		{"gemma", "can I use `yolov8` commercially", "agpl-3.0"},
		{"apache-2.0", "yolo11n's commercial use", "agpl-3.0"},
		{"deepseek", "deepseek r1 military", "mit"},
		{"mit", "deepseek r1 military", ""}, // DeepSeek-R1 is MIT's: no DeepSeek License in it
		// A model's name of five words is one name: its first word names
		// no DeepSeek License (hunt 29).
		{"DeepSeek-R1-Distill-Qwen-7B", "what licenses apply to deepseek r1 distill qwen 7b", ""},
		{"llama3.1", "can I use llama 3 outputs to train mistral", "llama3"},
		{"llama3.1", "can I use llama 3's outputs to train mistral", "llama3"},
		{"gemma", "llama 3 commercial use", "llama3"}, // "3" alone does not name Gemma 3
		{"cc-by-nc-4.0", "cc by commercial use", "cc-by-4.0"},
		{"cc-by-nc-4.0", "cc by-nc commercial use", ""},
		{"llama3", "train qwen on llama 3 outputs", ""},
		{"gemma", "can I put the weights on hugging face", ""},
		{"gemma", "llama 2 outputs to train gemma", "llama2"},
		{"deepseek", "Can I use R1 commercially?", "mit"}, // DeepSeek-R1, its family's name left out (hunt 16)
		{"gemma", "Can I train Gemma on synthetic data generated by Llama 3?", "llama3"},
		// The model trained on the license's outputs is not what the
		// question is about: the outputs are.
		{"tongyi-qianwen", "can i distill qwen-72b into gemma", ""},
		{"llama4", "can I train qwen2.5-72b on llama 3 outputs", "llama3"},
	} {
		a := ask(c.license, c.q)
		got := ""
		if a.About != nil {
			got = strings.Join(a.About.Licenses, ",")
		}
		if got != c.about {
			t.Errorf("%s %q: about %q, want %q", c.license, c.q, got, c.about)
		}
		if a.About == nil {
			continue
		}
		if b := ask(a.About.Licenses[0], c.q); b.About != nil && slices.Contains(b.About.Licenses, c.license) {
			t.Errorf("%s %q points to %s, which points back", c.license, c.q, a.About.Licenses[0])
		}
	}
}

// A question naming a model under a license the corpus does not hold
// says so: its About names the model and that license's title, and
// there is no license here to ask instead.
func TestAboutAModelUnderALicenseNotIndexed(t *testing.T) {
	e := indextest.Engine(t)
	a, err := e.Ask(context.Background(), "apache-2.0", "Can I use Codestral commercially?")
	if err != nil {
		t.Fatal(err)
	}
	if a.Verdict.Status != index.StatusUnknown || a.About == nil || a.About.Name != "Codestral-22B-v0.1" ||
		len(a.About.Unindexed) != 1 || !strings.Contains(a.About.Unindexed[0], "Non-Production") {
		t.Errorf("%s, about %+v; want no verdict and Codestral under Mistral's Non-Production License", a.Verdict.Status, a.About)
	}
}

// A word with a letter such as "à" is one word: its second byte (A0) is
// no space, and cutting the word there lost the rest of the question.
func TestAccentedWordsStayWhole(t *testing.T) {
	t.Parallel()
	e := indextest.Engine(t)
	for _, c := range []struct{ license, q string }{
		{"llama4", "llama 4 eu restriction à end users of my app"},
		{"cc-by-nc-4.0", "cc by-nc commercial use à une association à but non lucratif"},
	} {
		a, err := e.Ask(context.Background(), c.license, c.q)
		if err != nil {
			t.Fatal(err)
		}
		if a.Verdict.Status != index.StatusUnknown {
			t.Errorf("%s %q: %s, want no verdict for what the words after à ask", c.license, c.q, a.Verdict.Status)
		}
	}
}

// A case a question names leads as its second, stricter aspect only when
// the model reads the question as about it at all: "my hobby Discord bot"
// names the acceptable-use policy's "bots" in passing, and the question
// asks about credit; "a nuclear plant controller" is the question.
func TestIncidentalCaseIsNoSecondAspect(t *testing.T) {
	t.Parallel()
	e := indextest.Engine(t)
	ctx := context.Background()
	a, err := e.Ask(ctx, "llama3", "I run a hobby Discord bot on Meta Llama 3 8B for my friends. Do I still need to display any credit?")
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Suggestions) == 0 || a.Suggestions[0].Topic != "attribution" {
		t.Errorf("suggestions %v: want attribution first", a.Suggestions)
	}
	if a.Closest == nil || a.Closest.Topic != "attribution" {
		t.Errorf("the card shown for context is %v, want attribution's", a.Closest)
	}
	b, err := e.Ask(ctx, "llama4", "can i sell a nuclear plant controller built on llama")
	if err != nil {
		t.Fatal(err)
	}
	if lead := b.Clauses[0]; lead.Doc != "llama4-aup" {
		t.Errorf("a named prohibited use leads with %s#%s, want the use policy's clause", lead.Doc, lead.Section)
	}
}

// A question whose words are all in one clause names that clause: it
// leads, ahead of the topics the model leans to.
func TestQuestionNamingAClauseGetsIt(t *testing.T) {
	t.Parallel()
	e := indextest.Engine(t)
	for _, tc := range []struct{ license, q, want string }{
		{"gpl-3.0", "installation information", "Installation Information"},
		{"llama3.2", "integrated end user product", "integrated end user product"},
		// A ban's name asked alone leads with the clause that names it, not
		// the one most questions on the topic needed (weapons).
		{"llama4", "military", "Military, warfare"},
		{"llama4", "attribution", "Built with Llama"}, // a duty's lead keeps its place
		// …unless its learnt lead does not name the topic and the card
		// author's first clause does.
		{"gemma", "termination", "Term, Termination, and Survival"},
		// A word that names part of the topic (a partial alias) leads
		// with the clause that says it: the courts, not the law.
		{"qwen2.5", "which courts handle disputes", "Courts in Hangzhou"},
		{"qwen2.5", "which law governs", "governed by the laws of China"},
		// …as a whole: "license" alone is no part of sublicensing.
		{"gemma", "can i sublicense it under my own license", "different terms"},
		{"cc-by-4.0", "trademark", "trademark rights are not licensed"},
		// A case found through the taxonomy's synonyms when the clause says
		// it in other words: "adult content" is Gemma's "sexually explicit
		// content", not the shortest clause that says "content".
		{"gemma", "adult content", "sexually explicit content"},
		{"gemma", "sexual content", "sexually explicit content"}, // not the CSAM item
	} {
		a, err := e.Ask(context.Background(), tc.license, tc.q)
		if err != nil {
			t.Fatal(err)
		}
		if len(a.Clauses) == 0 || !strings.Contains(a.Clauses[0].Text, tc.want) {
			t.Errorf("ask %s %q: first clause %v; want the one with %q", tc.license, tc.q, a.Clauses[:min(1, len(a.Clauses))], tc.want)
		}
	}
}

// An answer quoting a long list points to the items the question's words
// name, the rarest first, so a renderer short of room shows those; where
// no word of the question singles any out, it points to none. JSON, the
// scripts' contract, carries no such key.
func TestListAnswersPointToTheItemsAsked(t *testing.T) {
	e := indextest.Engine(t)
	for _, c := range []struct{ q, want string }{
		{"can I use it to generate fake product reviews for my shop", "3.f"},
		{"can i use llama 4 for a nuclear power plant", "2.a"},
		{"infer people's health conditions from their chats", "1.e"},
		{"what does the acceptable use policy ban", ""},
	} {
		a, err := e.Ask(context.Background(), "llama4", c.q)
		if err != nil {
			t.Fatal(err)
		}
		i := slices.IndexFunc(a.Clauses, func(h index.Hit) bool { return h.Doc == "llama4-aup" && len(h.Items) > 20 })
		if i < 0 {
			t.Errorf("%q: the policy's list of bans is not quoted", c.q)
			continue
		}
		focus := a.Clauses[i].Focus
		if c.want == "" && len(focus) > 0 || c.want != "" && (len(focus) == 0 || focus[0] != c.want) {
			t.Errorf("%q: focus %v, want %q first", c.q, focus, c.want)
		}
		if b, err := json.Marshal(a.Clauses[i]); err != nil || strings.Contains(string(b), "ocus") {
			t.Errorf("%q: the focus is in the JSON: %s", c.q, b)
		}
	}
}

// Over the training questions whose answer quotes a list of twelve items
// or more, one of them holding an expected clause, the items the answer
// points to hold one more than half the time, and far more often than the
// first eight items, which is what a field short of room showed before.
func TestListFocusFindsTheItemsAsked(t *testing.T) {
	e := indextest.Engine(t)
	c, err := corpus.Load(corpus.Paths{Dir: corpustest.CorpusDir(t), Texts: corpustest.TextsDir(t)})
	if err != nil {
		t.Fatal(err)
	}
	var lists, focused, first, astray int
	for _, q := range c.Questions {
		a, err := e.Ask(context.Background(), q.License(), q.Text())
		if err != nil {
			t.Fatalf("%s: %v", q.ID, err)
		}
		for _, h := range a.Clauses {
			if len(h.Items) < 12 {
				continue
			}
			expected := func(sec string) bool {
				i := slices.IndexFunc(h.Items, func(it index.Hit) bool { return it.Section == sec })
				return i >= 0 && slices.ContainsFunc(q.Expect, func(x corpus.Expect) bool {
					return strings.HasPrefix(h.Items[i].Doc, x.Doc) && strings.Contains(norm(h.Items[i].Text), norm(x.Text))
				})
			}
			if !slices.ContainsFunc(h.Items, func(it index.Hit) bool { return expected(it.Section) }) {
				continue
			}
			lists++
			if slices.ContainsFunc(h.Focus, expected) {
				focused++
			} else if len(h.Focus) > 0 {
				astray++
			}
			if slices.ContainsFunc(h.Items[:8], func(it index.Hit) bool { return expected(it.Section) }) {
				first++
			}
		}
	}
	t.Logf("%d quoted lists with an expected item: the focus holds one for %d (points elsewhere for %d), the first eight items for %d",
		lists, focused, astray, first)
	if lists < 100 || 2*focused <= lists || focused < 3*first || 2*astray >= focused {
		t.Errorf("the focus holds an expected item for %d of %d lists (points elsewhere for %d), the first eight items for %d",
			focused, lists, astray, first)
	}
}

// A banned use named in everyday words points to the list item that bans
// it in the policy's words (useCategories): "facial recognition" to the
// item on private information, "screen job applicants" to the one on
// discrimination in employment, "pretends to be a human" to
// impersonation, "legal advice bot" to the unlicensed practice of a
// profession (hunts 27 and 28).
func TestBannedUseInEverydayWordsPointsToItsItem(t *testing.T) {
	e := indextest.Engine(t)
	for _, c := range []struct{ lic, q, item string }{
		{"llama3.1", "llama3.1 for facial recognition on our store's cctv", "private information"},
		{"llama4", "our hr tool on llama 4 auto-screens job applicants", "employment"},
		// A bot passing as a person: Llama's ban on representing outputs
		// as human-generated, not its ban on impersonating another
		// individual (review 57 split the two).
		{"llama3.1", "our support bot on llama 3.1 pretends to be a human agent named sarah", "human-generated"},
		{"llama3", "can i make deepfakes of celebrities with llama 3", "mpersonat"},
		{"llama3", "a legal advice chatbot on llama 3 for people who cant afford lawyers", "unlicensed practice"},
	} {
		a, err := e.Ask(context.Background(), c.lic, c.q)
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for _, h := range a.Clauses {
			for _, sec := range h.Focus {
				i := slices.IndexFunc(h.Items, func(it index.Hit) bool { return it.Section == sec })
				found = found || i >= 0 && strings.Contains(h.Items[i].Text, c.item)
			}
		}
		if !found {
			var focus []string
			for _, h := range a.Clauses {
				focus = append(focus, h.Section+":"+strings.Join(h.Focus, ","))
			}
			t.Errorf("%s %q: no item on %q in the focus (%v)", c.lic, c.q, c.item, focus)
		}
	}
}

// The notice-file cards of the licenses whose text asks for notices on
// modified files cite that duty too, so a question about it leads with it
// under the card's REQUIRED, not with the Notice text file alone (probe
// 34: "modified files notice" of Tongyi Qianwen quoted §3.c and §3.a only).
func TestModifiedFilesNoticeLeadsWithItsDuty(t *testing.T) {
	e := indextest.Engine(t)
	for lic, want := range map[string]string{"tongyi-qianwen": "3.b", "qwen2.5": "3.b", "deepseek": "4.c", "gemma": "3.1.p3"} {
		a, err := e.Ask(context.Background(), lic, "modified files notice")
		if err != nil {
			t.Fatal(err)
		}
		if a.Verdict.Status != index.StatusRequired || len(a.Clauses) == 0 || a.Clauses[0].Section != want {
			var got []string
			for _, c := range a.Clauses {
				got = append(got, c.Section)
			}
			t.Errorf("%s: %s, clauses %v; want REQUIRED led by %s", lic, a.Verdict.Status, got, want)
		}
	}
}

// A topic's name alone (or its id, as buttons send it) is the question
// its card was written for, so the card author's first clause leads it;
// the lead the training questions taught, from sentences, leads those.
// DeepSeek's written questions on warranty mostly offer one of their own
// (§12), and "deepseek warranty" led with that, not the disclaimer (probe
// 34).
func TestTopicNameLeadsWithTheAuthorsClause(t *testing.T) {
	e := indextest.Engine(t)
	for q, want := range map[string]string{
		"warranty":          "10",
		"deepseek warranty": "10",
		"can i offer a paid warranty to my clients": "12",
	} {
		a, err := e.Ask(context.Background(), "deepseek", q)
		if err != nil {
			t.Fatal(err)
		}
		if len(a.Clauses) == 0 || a.Clauses[0].Section != want {
			t.Errorf("%q: led by %+v, want §%s", q, a.Clauses, want)
		}
	}
}

// A British spelling reads as its American one ("licence attribution" of
// CC BY got no verdict where "license attribution" got REQUIRED: probe 35).
func TestBritishSpellingReadsAsAmerican(t *testing.T) {
	e := indextest.Engine(t)
	for _, c := range []struct{ license, british, american string }{
		{"cc-by-4.0", "licence attribution", "license attribution"},
		{"mit", "mit licence modify", "mit license modify"},
	} {
		br, err := e.Ask(context.Background(), c.license, c.british)
		if err != nil {
			t.Fatal(err)
		}
		am, err := e.Ask(context.Background(), c.license, c.american)
		if err != nil {
			t.Fatal(err)
		}
		if br.Verdict.Status == index.StatusUnknown || br.Verdict.Status != am.Verdict.Status {
			t.Errorf("%s %q: %s, %q: %s", c.license, c.british, br.Verdict.Status, c.american, am.Verdict.Status)
		}
	}
}

// Query syntax, control characters and huge input are plain words to the
// engine: never an error, never a panic.
func TestHostileInput(t *testing.T) {
	e := indextest.Engine(t)
	junk := strings.Repeat(`+title:"x" -y* AND (z OR ~w^3) \u0000\x07 /re.*gex/ `, 120)
	if _, err := e.Ask(context.Background(), "llama4", junk); err != nil {
		t.Errorf("Ask with query syntax: %v", err)
	}
	if _, err := e.Search(context.Background(), junk, "llama4", 5); err != nil {
		t.Errorf("Search with query syntax: %v", err)
	}
}

func TestClauseLookup(t *testing.T) {
	e := indextest.Engine(t)
	ctx := context.Background()
	for _, sec := range []string{"1.b.i", "§1.b.i", "Section 1(b)(i)", "1.B.I", "llama4-license#1.b.i"} {
		h, err := e.Clause(ctx, "llama4", sec)
		if err != nil {
			t.Errorf("Clause(llama4, %q): %v", sec, err)
			continue
		}
		if h.Section != "1.b.i" || !strings.Contains(h.Text, "Built with Llama") {
			t.Errorf("Clause(llama4, %q) = §%s %.40q", sec, h.Section, h.Text)
		}
	}
	for _, sec := range []string{"llama4-aup#2.b", "AUP 2.b", "aup 2(b)"} {
		if h, err := e.Clause(ctx, "llama4", sec); err != nil || h.Doc != "llama4-aup" || !strings.Contains(h.Text, "Guns") {
			t.Errorf("policy clause %q through its license: %v %v", sec, h, err)
		}
	}
	// The labels `clause LICENSE` lists sections by are read back.
	for sec, want := range map[string]string{"¶3": "p3", "¶ 3": "p3", "p3": "p3", "§1.b.i": "1.b.i"} {
		if h, err := e.Clause(ctx, "llama4", sec); err != nil || h.Doc != "llama4-license" || h.Section != want {
			t.Errorf("Clause(llama4, %q) = %v, %v; want llama4-license#%s", sec, h, err, want)
		}
	}
	// The Llama 3.1 policy's sections are list items: •2.b, and its AUP 2.b.
	for _, sec := range []string{"•2.b", "• 2.b", "AUP 2.b"} {
		if h, err := e.Clause(ctx, "llama3.1", sec); err != nil || h.Doc != "llama3.1-aup" || h.Section != "b2.b" {
			t.Errorf("Clause(llama3.1, %q) = %v, %v; want llama3.1-aup#b2.b", sec, h, err)
		}
	}
	if _, err := e.Clause(ctx, "llama4", "99.z"); !errors.Is(err, index.ErrNoSuchSection) {
		t.Errorf("missing section: err = %v", err)
	}
	if _, err := e.Clause(ctx, "llama4", "apache-2.0#4"); !errors.Is(err, index.ErrNoSuchSection) {
		t.Errorf("another license's document must not be reachable through llama4: err = %v", err)
	}
}

// A section no license has, however long, is refused with the start of
// what was typed: a pasted page comes back as a line, as an unknown
// license's name does, not echoed whole.
func TestClauseOfAnOverlongSectionQuotesItsStart(t *testing.T) {
	e := indextest.Engine(t)
	section := strings.Repeat("1.b.i ", 20000)
	_, err := e.Clause(context.Background(), "llama4", section)
	if !errors.Is(err, index.ErrNoSuchSection) || len(err.Error()) > 300 || !strings.Contains(err.Error(), `"1.b.i 1.b.i`) {
		t.Errorf("err (%d bytes) = %.400v; want no such section, with the section's start only", len(err.Error()), err)
	}
}

func TestSearchLicenseFilterIncludesIncorporatedPolicy(t *testing.T) {
	e := indextest.Engine(t)
	hits, err := e.Search(context.Background(), "military warfare", "llama4", 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(hits) == 0 || hits[0].Doc != "llama4-aup" {
		t.Fatalf("hits = %v; want the Llama 4 AUP first", hits)
	}
	for _, h := range hits {
		if h.Doc != "llama4-license" && h.Doc != "llama4-aup" {
			t.Errorf("hit from %s leaked through the llama4 filter", h.Doc)
		}
	}
}

func TestAnswersAreVerbatim(t *testing.T) {
	t.Parallel()
	e := indextest.Engine(t)
	dir := corpustest.TextsDir(t)
	texts := map[string]string{} // normalised once per document, not once per quote
	for _, l := range e.Licenses() {
		for _, tp := range e.Topics(l.Key) {
			a, err := e.Ask(context.Background(), l.Key, tp.ID)
			if err != nil {
				t.Fatalf("%s/%s: %v", l.Key, tp.ID, err)
			}
			for _, c := range a.Clauses {
				src, ok := texts[c.Doc]
				if !ok {
					raw, err := os.ReadFile(filepath.Join(dir, c.Doc+".txt"))
					if err == nil {
						src = norm(string(raw))
					}
					texts[c.Doc] = src
				}
				if src == "" {
					continue // the project's own notes
				}
				// Pieces between " … " (a list's items, a boxed section's
				// lines) must each be verbatim, in the reference scorer's way.
				for _, piece := range strings.Split(strings.TrimSuffix(c.Text, "…"), "…") {
					if p := norm(piece); p != "" && !strings.Contains(src, p) {
						t.Errorf("%s/%s quotes %s#%s, whose piece %q is not verbatim in the text", l.Key, tp.ID, c.Doc, c.Section, p)
					}
				}
				if strings.Contains(c.Text, "* *") || strings.Contains(c.Text, "***") {
					t.Errorf("%s/%s quotes %s#%s with box art: %q", l.Key, tp.ID, c.Doc, c.Section, c.Text)
				}
				if strings.HasSuffix(strings.TrimSpace(c.Text), ":") && len(c.Items) == 0 {
					t.Errorf("%s/%s quotes %s#%s, which ends in ':' without the list it introduces", l.Key, tp.ID, c.Doc, c.Section)
				}
			}
		}
	}
}

// copyCorpus copies a corpus directory so a test can break it.
func copyCorpus(t *testing.T, src string) string {
	t.Helper()
	dst := filepath.Join(t.TempDir(), "corpus")
	if err := os.CopyFS(dst, os.DirFS(src)); err != nil {
		t.Fatal(err)
	}
	return dst
}

// A broken corpus fails the build with file and line, and the serving
// index goes on answering from the previous build.
func TestBrokenCorpusLeavesServingIndex(t *testing.T) {
	t.Parallel()
	data, good := indextest.SmallDataDir(t)
	e, err := index.Open(data)
	if err != nil {
		t.Fatal(err)
	}
	defer e.Close()
	before := e.Stats().Dir

	for _, tc := range []struct {
		name, file, want string
		edit             func(string) string
	}{
		{"dangling card reference", "cards/llama4.yaml", "cards/llama4.yaml:", func(s string) string {
			return strings.Replace(s, "llama4-license#1.b.iii", "llama4-license#1.b.xiv", 1)
		}},
		{"malformed YAML", "topics.yaml", "topics.yaml:", func(s string) string { return s + "\n  - id: [unclosed\n" }},
		{"wrong sha256", "manifest.yaml", "sha256 mismatch", func(s string) string {
			return strings.Replace(s, "6b346865267ef58a4592287a99e9417178223c9300e9da361ce7801be6dea61f", strings.Repeat("0", 64), 1)
		}},
		{"unknown status", "cards/mit.yaml", "cards/mit.yaml:", func(s string) string {
			return strings.Replace(s, "status: required", "status: mandatory", 1)
		}},
		{"no grant", "cards/mit.yaml", "cards/mit.yaml:1: no grant", func(s string) string {
			return strings.Replace(s, "grant: mit#p2\n", "", 1)
		}},
		{"dangling grant", "cards/mit.yaml", "cards/mit.yaml:4: reference mit#p9", func(s string) string {
			return strings.Replace(s, "grant: mit#p2", "grant: mit#p9", 1)
		}},
		{"another license's grant", "cards/mit.yaml", "cards/mit.yaml:4: grant apache-2.0#2 is not in mit's text", func(s string) string {
			return strings.Replace(s, "grant: mit#p2", "grant: apache-2.0#2", 1)
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := copyCorpus(t, good.Dir)
			path := filepath.Join(dir, tc.file)
			b, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			edited := tc.edit(string(b))
			if edited == string(b) {
				t.Fatalf("edit did not change %s", tc.file)
			}
			os.WriteFile(path, []byte(edited), 0o644)
			_, err = e.Rebuild(context.Background(), corpus.Paths{Dir: dir, Texts: good.Texts})
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("Rebuild err = %v; want one naming %q", err, tc.want)
			}
			if got := e.Stats().Dir; got != before {
				t.Errorf("serving index changed to %s after a failed build", got)
			}
			if _, err := e.Ask(context.Background(), "llama4", "attribution"); err != nil {
				t.Errorf("Ask after failed build: %v", err)
			}
		})
	}
	t.Run("missing text", func(t *testing.T) {
		texts := t.TempDir()
		os.CopyFS(texts, os.DirFS(good.Texts))
		os.Remove(filepath.Join(texts, "llama4-aup.txt"))
		_, err := e.Rebuild(context.Background(), corpus.Paths{Dir: good.Dir, Texts: texts})
		if !errors.Is(err, corpus.ErrMissingText) || !strings.Contains(err.Error(), "llama4-aup") {
			t.Fatalf("err = %v; want ErrMissingText naming llama4-aup", err)
		}
		if e.Stats().Dir != before {
			t.Error("serving index changed after a failed build")
		}
	})
}

// Searches running while the index is rebuilt and swapped all succeed;
// concurrent rebuild requests share builds. The small corpus: what is
// tested is the swap, not the answers.
func TestSwapUnderLoad(t *testing.T) {
	t.Parallel()
	data, p := indextest.SmallDataDir(t)
	e, err := index.Open(data)
	if err != nil {
		t.Fatal(err)
	}
	defer e.Close()
	ctx := context.Background()
	var failures, done atomic.Int64
	stop := make(chan struct{})
	var wg sync.WaitGroup
	// Three readers, each pausing a moment between requests: enough to
	// keep searches in flight across every swap without starving the
	// builds of the two cores a CI machine has.
	for g := 0; g < 3; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			topics := []string{"attribution", "military", "free text about courts", "distillation"}
			for i := 0; ; i++ {
				select {
				case <-stop:
					return
				default:
				}
				var err error
				if i%2 == 0 {
					_, err = e.Ask(ctx, "llama4", topics[(g+i)%len(topics)])
				} else {
					_, err = e.Search(ctx, "weapons", "", 3)
				}
				if err != nil {
					failures.Add(1)
					t.Log(err)
				}
				done.Add(1)
				time.Sleep(10 * time.Millisecond)
			}
		}(g)
	}
	dirs := map[string]bool{e.Stats().Dir: true}
	var rb sync.WaitGroup
	for i := 0; i < 2; i++ {
		rb.Add(2)
		for j := 0; j < 2; j++ { // two requests at once coalesce
			go func() {
				defer rb.Done()
				if _, err := e.Rebuild(ctx, p); err != nil {
					t.Error(err)
				}
			}()
		}
		rb.Wait()
		dirs[e.Stats().Dir] = true
	}
	close(stop)
	wg.Wait()
	if failures.Load() > 0 {
		t.Errorf("%d of %d searches failed during swaps", failures.Load(), done.Load())
	}
	if len(dirs) < 3 {
		t.Errorf("only %d distinct builds served; rebuilds did not swap", len(dirs))
	}
	t.Logf("%d searches across %d builds, none failed", done.Load(), len(dirs))
}

// Another process's `licensebot index build` is picked up by Reload.
func TestReloadPicksUpExternalBuild(t *testing.T) {
	t.Parallel()
	data, p := indextest.SmallDataDir(t)
	e, err := index.Open(data)
	if err != nil {
		t.Fatal(err)
	}
	defer e.Close()
	before := e.Stats().Dir
	if _, err := index.Build(context.Background(), p, data); err != nil {
		t.Fatal(err)
	}
	if err := e.Reload(); err != nil {
		t.Fatal(err)
	}
	if e.Stats().Dir == before {
		t.Error("Reload kept the old build")
	}
}

// A build killed with SIGKILL half-way leaves the previous index serving,
// and the next build succeeds.
func TestKilledBuildIsSurvived(t *testing.T) {
	if os.Getenv("LICENSEBOT_BUILD_CHILD") != "" {
		return // the child's work is in TestBuildChild
	}
	t.Parallel()
	data, p := indextest.SmallDataDir(t)
	e, err := index.Open(data)
	if err != nil {
		t.Fatal(err)
	}
	before := e.Stats().Dir
	e.Close()
	killedMidway := 0
	for try := 0; try < 3; try++ {
		cmd := exec.Command(os.Args[0], "-test.run=^TestBuildChild$")
		cmd.Env = append(os.Environ(), "LICENSEBOT_BUILD_CHILD="+data, "LICENSEBOT_CORPUS_DIR="+p.Dir, "LICENSEBOT_TEXTS="+p.Texts)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		// Kill as soon as the child's own build directory exists: mid-build.
		pattern := filepath.Join(data, "index", "builds", ".tmp-*")
		before, _ := filepath.Glob(pattern)
		deadline := time.Now().Add(10 * time.Second)
		for time.Now().Before(deadline) {
			if tmps, _ := filepath.Glob(pattern); len(tmps) > len(before) {
				killedMidway++
				break
			}
			time.Sleep(200 * time.Microsecond)
		}
		cmd.Process.Signal(syscall.SIGKILL)
		cmd.Wait()
	}
	if killedMidway == 0 {
		t.Fatal("no child was caught mid-build")
	}
	e, err = index.Open(data)
	if err != nil {
		t.Fatalf("open after killed builds: %v", err)
	}
	defer e.Close()
	if got := e.Stats().Dir; got != before {
		// A child may have finished before its kill; then it must be whole.
		t.Logf("a child build completed before SIGKILL: serving %s", got)
	}
	if _, err := e.Ask(context.Background(), "llama4", "attribution"); err != nil {
		t.Fatalf("answer after killed builds: %v", err)
	}
	if _, err := index.Build(context.Background(), p, data); err != nil {
		t.Fatalf("build after killed builds: %v", err)
	}
}

// TestBuildChild is the child process of TestKilledBuildIsSurvived.
func TestBuildChild(t *testing.T) {
	data := os.Getenv("LICENSEBOT_BUILD_CHILD")
	if data == "" {
		t.Skip("child process of TestKilledBuildIsSurvived only")
	}
	p := corpus.Paths{Dir: os.Getenv("LICENSEBOT_CORPUS_DIR"), Texts: os.Getenv("LICENSEBOT_TEXTS")}
	if _, err := index.Build(context.Background(), p, data); err != nil {
		t.Fatal(err)
	}
}

func TestOpenWithoutIndex(t *testing.T) {
	t.Parallel()
	_, err := index.Open(t.TempDir())
	if !errors.Is(err, index.ErrNoIndex) {
		t.Fatalf("err = %v; want ErrNoIndex", err)
	}
}

// A right gated by the whole license is conditional and the answer names
// the gates: the Llama and Qwen user caps, Llama 4's EU exclusion; a
// non-commercial license's network use is not allowed and says why.
func TestGatesInAnswers(t *testing.T) {
	e := indextest.Engine(t)
	for _, c := range []struct {
		license, topic string
		status         index.Status
		names          []string // each must occur in the summary or a condition
	}{
		{"llama4", "modification", index.StatusConditional, []string{"700M", "EU"}},
		{"llama2", "modification", index.StatusConditional, []string{"700M"}},
		{"qwen2.5", "modification", index.StatusConditional, []string{"100M"}},
		{"llama4", "commercial-use", index.StatusConditional, []string{"EU"}},
		{"cc-by-nc-4.0", "network-use", index.StatusConditional, []string{"NonCommercial"}},
	} {
		a, err := e.Ask(context.Background(), c.license, c.topic)
		if err != nil {
			t.Fatal(err)
		}
		text := a.Verdict.Summary
		for _, cond := range a.Conditions {
			text += " | " + cond.Label
		}
		if a.Verdict.Status != c.status {
			t.Errorf("%s/%s: %s, want %s", c.license, c.topic, a.Verdict.Status, c.status)
		}
		for _, n := range c.names {
			if !strings.Contains(text, n) {
				t.Errorf("%s/%s names no %q: %s", c.license, c.topic, n, text)
			}
		}
	}
}

// Every name of a topic — its id, label, aliases and cases — asked of
// every license, alone and in a few frames, gets that topic's verdict or
// none, never another topic's; and a topic's id alone, as the
// autocomplete and the suggestion buttons send it, gets its card's
// verdict wherever the license has one. Cross-validation asks sentences;
// this asks what people type into a slash command, where a frame once set
// aside around a topic's name showed wrong verdicts (README: the review
// of the frame).
func TestEveryNameGetsItsOwnTopicsVerdictOrNone(t *testing.T) {
	e := indextest.Engine(t)
	tx, err := corpus.LoadTopics(filepath.Join(corpustest.CorpusDir(t), "topics.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	var asked, shown atomic.Int64
	var wg sync.WaitGroup
	for _, l := range e.Licenses() { // one license per goroutine, as a busy bot asks
		wg.Go(func() {
			n, v := askEveryName(t, e, l.Key, tx.Topics)
			asked.Add(n)
			shown.Add(v)
		})
	}
	wg.Wait()
	t.Logf("%d questions asked, %d with a verdict", asked.Load(), shown.Load())
}

// askEveryName asks license every name of topics, alone and in frames,
// reports what TestEveryNameGetsItsOwnTopicsVerdictOrNone forbids, and
// returns how many it asked and how many got a verdict.
func askEveryName(t *testing.T, e *index.Engine, license string, topics []corpus.Topic) (asked, shown int64) {
	cards := map[string]bool{}
	for _, ti := range e.Topics(license) {
		cards[ti.ID] = true
	}
	frames := []string{"%s", "what about %s?", "what does the license say about %s"}
	for _, tp := range topics {
		for i, name := range slices.Concat([]string{tp.ID, tp.Label}, tp.Aliases, tp.Instances) {
			for _, f := range frames {
				q := strings.ReplaceAll(f, "%s", name)
				a, err := e.Ask(context.Background(), license, q)
				if err != nil {
					t.Errorf("%s %q: %v", license, q, err)
					return asked, shown
				}
				asked++
				if a.Curated {
					shown++
				}
				switch {
				case a.Curated && a.Topic != tp.ID:
					t.Errorf("%s %q (a name of %s): %s's verdict %s", license, q, tp.ID, a.Topic, a.Verdict.Status)
				case i == 0 && f == "%s" && cards[tp.ID] && (!a.Curated || a.Topic != tp.ID):
					t.Errorf("%s %q (the topic's id): no verdict", license, q)
				}
			}
		}
	}
	return asked, shown
}

// A condition that a use policy imposes says so, for the renderers to
// cite the policy's section, not the license's of the same number.
func TestConditionsKnowTheirPolicy(t *testing.T) {
	t.Parallel()
	e := indextest.Engine(t)
	a, err := e.Ask(context.Background(), "llama4", "eu")
	if err != nil {
		t.Fatal(err)
	}
	var policy, license int
	for _, c := range a.Conditions {
		switch {
		case c.Doc == "llama4-aup" && c.Policy:
			policy++
		case c.Doc == "llama4-license" && !c.Policy:
			license++
		case c.Doc != "":
			t.Errorf("condition %+v: Policy should be set exactly for the use policy's clauses", c)
		}
	}
	if policy == 0 || license == 0 {
		t.Errorf("conditions %+v: want one from the use policy and one from the license", a.Conditions)
	}
}

// A license that meets the Open Source Definition on its text but that
// OSI never approved (CC BY) says so in its open-source answer, as the
// opensource command does: "is CC BY OSI approved?" was answered "Yes"
// (session 42's second hunt). An approved one (MIT) does not.
func TestOpenSourceAnswerSaysOSIApproval(t *testing.T) {
	e := indextest.Engine(t)
	// Asked for OSI's approval, it answers that first: no "Yes." (review).
	for license, yes := range map[string]bool{"cc-by-4.0": false, "mit": true} {
		a, err := e.Ask(context.Background(), license, "is it OSI approved?")
		if err != nil {
			t.Fatal(err)
		}
		if a.Topic != "open-source" || strings.HasPrefix(a.Verdict.Summary, "Yes.") != yes {
			t.Errorf("%s, is it OSI approved: %s %q; want \"Yes.\" %v", license, a.Topic, a.Verdict.Summary, yes)
		}
	}
	for license, want := range map[string]bool{"cc-by-4.0": true, "mit": false} {
		a, err := e.Ask(context.Background(), license, "open-source")
		if err != nil {
			t.Fatal(err)
		}
		if got := strings.Contains(a.Verdict.Summary, "OSI has not approved it"); got != want {
			t.Errorf("%s: summary %q; want OSI's approval said: %v", license, a.Verdict.Summary, want)
		}
	}
}

// Asked whether a copy of the license must go along, the clause that
// hands over the document's own text leads ("provide a copy of this
// Agreement", Apache's "a copy of this License"), not its neighbour on
// notices, which also says "copy" and "license"; asked of notices, the
// notices' clause keeps the lead.
func TestACopyOfTheLicenseLeadsWithTheClauseHandingItOver(t *testing.T) {
	e := indextest.Engine(t)
	for _, tc := range []struct{ license, q, lead string }{
		{"llama4", "do i have to include a copy of the license when i share the weights", "llama4-license#1.b.i"},
		{"apache-2.0", "must i ship the license text with my app", "apache-2.0#4.a"},
		{"gemma", "do I need to give people a copy of the terms when i redistribute", "gemma-terms#3.1.p2"},
		{"qwen2.5", "when i put the weights on my site do i need to provide a copy of the agreement", "qwen2.5-license#3.a"},
		{"mpl-2.0", "do recipients have to get a copy of the license", "mpl-2.0#3.1"},
		{"apache-2.0", "is a NOTICE file needed, or is the license file enough", "apache-2.0#4.d"},
	} {
		a, err := e.Ask(context.Background(), tc.license, tc.q)
		if err != nil {
			t.Fatal(err)
		}
		if leadOf(a) != tc.lead {
			t.Errorf("%s %q: clauses %v; want %s first", tc.license, tc.q, a.Clauses, tc.lead)
		}
	}
}

// Taking a right of one's own in one's own work ("can i trademark my
// fork's name", "patent my adaptation", "relicense my remix") gets no
// verdict from a card on the licensor's marks, patents or sublicensing,
// whose FORBIDDEN says the license does not grant them (hunt 22); asked of
// the licensor's right, the card answers.
func TestOwnRightIsNotTheLicensorsWithheld(t *testing.T) {
	e := indextest.Engine(t)
	for _, tc := range []struct {
		license, q string
		want       index.Status
	}{
		{"apache-2.0", "can i trademark my fork's name", index.StatusUnknown},
		{"bsd-3-clause", "can i trademark my product name", index.StatusUnknown},
		{"cc-by-4.0", "patent my adaptation", index.StatusUnknown},
		{"cc-by-nc-4.0", "relicense my remix", index.StatusUnknown},
		{"cc-by-4.0", "can i license my adaptation under different terms", index.StatusUnknown},
		{"apache-2.0", "can i use their trademark", index.StatusForbidden},
		{"cc-by-4.0", "can i sublicense my rights", index.StatusForbidden},
		{"cc-by-4.0", "patents", index.StatusForbidden},
	} {
		a, err := e.Ask(context.Background(), tc.license, tc.q)
		if err != nil {
			t.Fatal(err)
		}
		if a.Verdict.Status != tc.want {
			t.Errorf("%s %q: %s; want %s", tc.license, tc.q, a.Verdict.Status, tc.want)
		}
	}
}

// Asked whether the asker gets an indemnity, a license whose indemnity
// runs from the licensee to the licensor gives no REQUIRED, which would
// read as "yes" (hunt 23); asked whether the asker owes one, it does.
func TestIndemnityReceivedIsNotOwed(t *testing.T) {
	e := indextest.Engine(t)
	for _, tc := range []struct {
		license, q string
		want       index.Status
	}{
		{"llama4", "do we get indemnity", index.StatusUnknown},
		{"llama3.1", "does llama 3.1 come with indemnification", index.StatusUnknown},
		{"qwen2.5", "is there indemnity for us", index.StatusUnknown},
		{"llama4", "indemnity", index.StatusRequired},
		{"qwen2.5", "do i have to indemnify alibaba", index.StatusRequired},
	} {
		a, err := e.Ask(context.Background(), tc.license, tc.q)
		if err != nil {
			t.Fatal(err)
		}
		if a.Verdict.Status != tc.want {
			t.Errorf("%s %q: %s; want %s", tc.license, tc.q, a.Verdict.Status, tc.want)
		}
	}
}

// Asked whether another party may train on the asker's outputs, a ban
// on using outputs to improve other models — which binds the licensee —
// gives no verdict (hunt 23); asked of the asker, or of outputs in
// general, it keeps its FORBIDDEN.
func TestOthersTrainingOnMyOutputsIsNotBanned(t *testing.T) {
	checkStatuses(t, []statusCase{
		{"llama3", "can openai train on my llama 3 outputs", index.StatusUnknown},
		{"llama2", "can google train on my llama 2 outputs", index.StatusUnknown},
		{"llama3", "can others train their models on my llama 3 outputs", index.StatusUnknown},
		{"tongyi-qianwen", "can openai train on my qwen outputs", index.StatusUnknown},
		{"llama3", "can I use my llama 3 outputs to train mistral", index.StatusForbidden},
		{"llama3", "can people use llama 3 outputs to train other models", index.StatusForbidden},
	})
}

// Hunt 24's qualifiers withhold the verdict they change: a duty that arises
// on distributing, asked of a copy kept on the asker's own machine; a
// grant or a duty asked of a license already ended; the licensor under
// another name; training the licensed model itself, named by its
// checkpoint; an unmodified copy under a duty that binds a modified one.
// Asked plainly, each keeps its verdict.
func TestQualifiersThatRuleOutTheVerdictWithholdIt(t *testing.T) {
	checkStatuses(t, []statusCase{
		{"llama3.1", "do i need a notice file for llama in my homelab?", index.StatusUnknown},
		{"gpl-3.0", "copyleft on my workstation", index.StatusUnknown},
		{"apache-2.0", "notice file on my own gpu", index.StatusUnknown},
		{"llama3", "can i use llama 3 commercially once the agreement is over", index.StatusUnknown},
		{"gemma", "redistribution once the agreement is over", index.StatusUnknown},
		{"llama3", "do i need to indemnify meta once the agreement is over", index.StatusUnknown},
		{"llama3", "does facebook need to show built with meta llama 3", index.StatusUnknown},
		{"qwen2.5", "does aliyun need a notice file", index.StatusUnknown},
		{"llama2", "synthetic data for llama-2-7b", index.StatusUnknown},
		{"agpl-3.0", "saas as-is", index.StatusUnknown},
		{"llama3.1", "do i need a notice file", index.StatusRequired},
		{"apache-2.0", "notice file", index.StatusRequired},
		{"llama3", "commercial use", index.StatusConditional},
		{"llama3", "indemnity", index.StatusRequired},
		{"qwen2.5", "notice file", index.StatusRequired},
		{"llama3", "can i use llama 3 outputs to train mistral", index.StatusForbidden},
		{"agpl-3.0", "network use", index.StatusRequired},
	})
}

// An aside to the people asked — "just curious", "thanks", "pls", "does
// anyone know" — asks nothing of the license and keeps the verdict the
// question has without it (hunt 29); a word that asks more withholds it.
func TestAsidesKeepTheVerdict(t *testing.T) {
	checkStatuses(t, []statusCase{
		{"llama2", "is llama 2 open source, just curious", index.StatusInfo},
		{"qwen2.5", "qwen 72b notice file contents pls", index.StatusRequired},
		{"llama3", "hey guys, does llama 3 need a notice file? thanks", index.StatusRequired},
		{"llama4", "quick question: llama 4 indemnity", index.StatusRequired},
		{"llama2", "is llama 2 open source like meta says", index.StatusUnknown},
		{"llama4", "llama 4 indemnity — do i have to actually defend meta or just hold them harmless", index.StatusUnknown},
	})
}

// Doing without the license — "without the license", "not under the
// gpl", "licence-free" — is not the bare topic its card answers: the card's
// ALLOWED holds with the license kept (hunt 30: 41 such verdicts wrong).
// The same topic asked plainly keeps its verdict.
func TestNoVerdictDoingWithoutTheLicense(t *testing.T) {
	checkStatuses(t, []statusCase{
		{"mit", "can i sell it without the license", index.StatusUnknown},
		{"apache-2.0", "commercial use without the license", index.StatusUnknown},
		{"gpl-3.0", "commercial use not under the gpl", index.StatusUnknown},
		{"mit", "commercial use but not under mit", index.StatusUnknown},
		{"mit", "can i sell it licence-free", index.StatusUnknown},
		{"cc-by-4.0", "can i sell it w/o cc by", index.StatusUnknown},
		{"mit", "can i sell it", index.StatusAllowed},
		{"gpl-3.0", "commercial use", index.StatusAllowed},
		// "Other than" and "all but" are "except" (hunt 32: 39 such).
		{"llama4", "other than military?", index.StatusUnknown},
		{"cc-by-nc-4.0", "all but commercial?", index.StatusUnknown},
		{"llama4", "military?", index.StatusForbidden},
	})
}

// A duty asked of the asker's own work, or of the prompts put to the
// model, or of the licensor owing it ("must ultralytics credit me?"), is
// not the licensee's question the card answers (hunt 35); an app, which
// may be built on the licensed work, keeps it.
func TestNoVerdictOnTheAskersOwnWork(t *testing.T) {
	checkStatuses(t, []statusCase{
		{"gpl-3.0", "my own code gpl?", index.StatusUnknown},
		{"gpl-3.0", "prompts copyleft?", index.StatusUnknown},
		{"cc-by-sa-4.0", "my blog copyleft?", index.StatusUnknown},
		{"agpl-3.0", "must ultralytics credit me?", index.StatusUnknown},
		{"gpl-3.0", "copyleft?", index.StatusRequired},
		{"llama3.1", "my app attribution?", index.StatusRequired},
	})
}

// Using the outputs for another model is not the question of who owns
// them, whose card is NOT-ADDRESSED where the license bans or allows that
// use (hunt 34).
func TestNoVerdictUsingOutputsForAnotherModel(t *testing.T) {
	checkStatuses(t, []statusCase{
		{"tongyi-qianwen", "outputs for other llm?", index.StatusUnknown},
		{"tongyi-qianwen", "outputs for gpt?", index.StatusUnknown},
		{"llama4", "outputs for gpt?", index.StatusUnknown},
	})
}

// A ban on training other models with the outputs excepts the licensed
// model itself (Llama 2's, Tongyi Qianwen's), and a license that claims
// no rights in the Output asks no duty of it: neither question is the
// one the card's verdict answers (hunt 32). The card's own questions keep
// it.
func TestNoVerdictOnTheModelItselfOrItsOutputs(t *testing.T) {
	checkStatuses(t, []statusCase{
		{"llama2", "train llama 2 on outputs?", index.StatusUnknown},
		{"tongyi-qianwen", "outputs training qwen-chat", index.StatusUnknown},
		{"creativeml-openrail-m", "attribution for images?", index.StatusUnknown},
		{"deepseek", "attribution for images?", index.StatusUnknown},
		{"llama2", "can i use llama 2 outputs to train mistral", index.StatusForbidden},
		{"creativeml-openrail-m", "attribution?", index.StatusRequired},
	})
}

// An opening set off by a colon or "here" that names the asker as the
// licensor ("meta here,", "googler:", "licensor:") or states a condition
// ("inference only:", "generated text:") is not the licensee's plain
// question its card answers (hunt 31: 38 such verdicts wrong); the
// license's or a model's name so set off is ("llama 4: attribution?").
func TestNoVerdictForAStatedRoleOrCondition(t *testing.T) {
	checkStatuses(t, []statusCase{
		{"llama4", "meta here, built with llama?", index.StatusUnknown},
		{"llama4", "meta: military?", index.StatusUnknown},
		{"llama4", "(meta employee) attribution?", index.StatusUnknown},
		{"gemma", "googler: attribution?", index.StatusUnknown},
		{"mit", "author here: attribution?", index.StatusUnknown},
		{"cc-by-nc-4.0", "licensor: can I sell it?", index.StatusUnknown},
		{"cc-by-nc-4.0", "I made it, can I sell it?", index.StatusUnknown},
		{"cc-by-nc-4.0", "my photo, can I sell it?", index.StatusUnknown},
		{"gpl-3.0", "I wrote it: closed source?", index.StatusUnknown},
		{"llama4", "inference only: name prefix?", index.StatusUnknown},
		{"llama4", "generated text: notice file?", index.StatusUnknown},
		{"llama4", "llama 4: attribution?", index.StatusRequired},
		{"bigscience-openrail-m", "bloom: what law governs the license", index.StatusNotAddressed},
	})
}

// A kind's clause leads only for the question it answers (review 58): the
// AGPL's offer to remote users, not what running the work leaves free,
// when its users are named; the GPL's own terms, not its "How to Apply"
// appendix, for code "or later"; Llama's grant, not its terms on monthly
// active users, for adapters sold under one's own license.
func TestKindsLeadOnlyTheirQuestion(t *testing.T) {
	e := indextest.Engine(t)
	for _, tc := range []struct{ license, q, notLead string }{
		{"agpl-3.0", "Must I offer the source to users if we don't ship it?", "agpl-3.0#2.p2"},
		{"agpl-3.0", "Must I offer the source to users if I only show the output?", "agpl-3.0#2.p1"},
		{"gpl-3.0", "can i use gpl 2 or later code in a gpl 3 project and charge for it", "gpl-3.0#p17"},
		{"llama4", "we trained LoRA adapters on llama 4 scout for legal docs, can we sell the adapters under our own proprietary license", "llama4-license#2"},
	} {
		a, err := e.Ask(context.Background(), tc.license, tc.q)
		if err != nil {
			t.Fatal(err)
		}
		if lead := leadOf(a); lead == "" || lead == tc.notLead {
			t.Errorf("%s %q: led by %s", tc.license, tc.q, tc.notLead)
		}
	}
}

// A word of a model's name ("DeepSeek-R1-Distill-Qwen-7B") asks no
// training, and a use named as an aside asked whether it is commercial
// ("is a thesis commercial use") is the question, not an aside: neither
// borrows a verdict (review 58; every row but the last two showed one).
func TestNoVerdictFromANameOrAUseAsked(t *testing.T) {
	checkStatuses(t, []statusCase{
		{"mit", "is deepseek r1 distill qwen 7b under mit", index.StatusUnknown},
		{"apache-2.0", "is deepseek r1 distill qwen 14b under apache", index.StatusUnknown},
		{"llama3.1", "is deepseek r1 distill llama 8b under llama 3.1", index.StatusUnknown},
		{"cc-by-nc-4.0", "is a thesis commercial use under cc by-nc", index.StatusUnknown},
		{"cc-by-nc-4.0", "is homework commercial use", index.StatusUnknown},
		{"cc-by-nc-4.0", "do i need to give attribution for my thesis", index.StatusRequired},
		{"llama3", "hey guys, does llama 3 need a notice file? thanks", index.StatusRequired},
	})
}

// Asked by the work's owner, or of the licensor itself, a license's bans
// and duties — which bind "you", the licensee — give no verdict (hunt
// 23); a licensee's question in the same words keeps it.
func TestOwnerIsNotBoundAsALicensee(t *testing.T) {
	e := indextest.Engine(t)
	for _, tc := range []struct {
		license, q string
		want       index.Status
	}{
		{"cc-by-nc-4.0", "i'm the author of a cc by-nc work can i use it commercially", index.StatusUnknown},
		{"cc-by-nc-4.0", "my own cc by-nc photos, can i sell them", index.StatusUnknown},
		{"cc-by-4.0", "can the licensor sublicense it", index.StatusUnknown},
		{"gpl-3.0", "do i have to provide source code for my own gpl app", index.StatusUnknown},
		{"deepseek", "do the use restrictions apply to deepseek itself", index.StatusUnknown},
		{"cc-by-nc-4.0", "can i use it commercially", index.StatusForbidden},
		{"deepseek", "if i distill deepseek into my own model is it a derivative", index.StatusConditional},
	} {
		a, err := e.Ask(context.Background(), tc.license, tc.q)
		if err != nil {
			t.Fatal(err)
		}
		if a.Verdict.Status != tc.want {
			t.Errorf("%s %q: %s; want %s", tc.license, tc.q, a.Verdict.Status, tc.want)
		}
	}
}

// A question naming what a cited clause sets apart or bars, in words
// the headline verdict does not cover, gets no verdict (hunt 23): the
// GPL's "you may not impose a license fee" against its ALLOWED commercial
// use, Qwen's "reasonable and customary use in describing" (the second
// alternative of its exception) against its FORBIDDEN trademarks. The
// plain questions keep theirs.
func TestBarredPairAndLaterExceptionWithholdTheVerdict(t *testing.T) {
	e := indextest.Engine(t)
	for _, tc := range []struct {
		license, q string
		want       index.Status
	}{
		{"gpl-3.0", "can i charge a license fee", index.StatusUnknown},
		{"qwen2.5", "can i use the qwen name to describe my model", index.StatusUnknown},
		{"gpl-3.0", "can i charge for copies", index.StatusAllowed},
		{"gpl-3.0", "commercial use", index.StatusAllowed},
		{"qwen2.5", "trademark", index.StatusForbidden},
	} {
		a, err := e.Ask(context.Background(), tc.license, tc.q)
		if err != nil {
			t.Fatal(err)
		}
		if a.Verdict.Status != tc.want {
			t.Errorf("%s %q: %s; want %s", tc.license, tc.q, a.Verdict.Status, tc.want)
		}
	}
}

// Hunt 25: a question whose context leaves the duty or ban untriggered,
// or met, gets no verdict — a copy kept to the asker's staff or tried out
// for a benchmark or on an intranet (nothing is distributed), Qwen's
// "Built with Qwen" asked of an app that runs it (no model is built), the
// work's own author, the rights holder's leave or a second license, a
// model trained on outputs that is no language model, another model named
// in a sentence after the training one. The same questions without the
// context keep their verdicts.
func TestContextThatLeavesTheRuleUntriggeredWithholdsIt(t *testing.T) {
	checkStatuses(t, []statusCase{
		{"llama3.1", "is a notice file needed when only our employees use it?", index.StatusUnknown},
		{"apache-2.0", "NOTICE file needed for our staff only?", index.StatusUnknown},
		{"llama4", "must we show built with llama for benchmarking?", index.StatusUnknown},
		{"gemma", "notice file on our intranet?", index.StatusUnknown},
		{"qwen2.5", "must our chatbot show built with qwen?", index.StatusUnknown},
		{"qwen2.5", "built with qwen requirement", index.StatusRequired},
		{"cc-by-nc-4.0", "I painted it myself. Can I sell it?", index.StatusUnknown},
		{"cc-by-nc-4.0", "I'm the photographer, can I sell it?", index.StatusUnknown},
		{"apache-2.0", "it's my own code, must I include the NOTICE file?", index.StatusUnknown},
		{"cc-by-nc-4.0", "can I sell it if the licensor allows it?", index.StatusUnknown},
		{"lgpl-3.0", "can I sublicense it if it's dual licensed?", index.StatusUnknown},
		{"cc-by-nc-4.0", "may i sell prints?", index.StatusForbidden},
		{"llama2", "Can I use Llama 2 outputs to train FLUX.1-dev?", index.StatusUnknown},
		{"llama2", "can i train mistral on llama 2 outputs?", index.StatusForbidden},
		{"llama3", "Can I use the outputs to train other LLMs? It's Llama 3.1 actually.", index.StatusUnknown},
		{"llama3", "may the outputs train other llms?", index.StatusForbidden},
		// The same words, not saying so: a trade, not the work's maker; the
		// asker's own relicensing; a model named beside the one trained; a
		// duty on use.
		{"llama3.1", "as an artist, do i need a notice file", index.StatusRequired},
		{"gpl-3.0", "can i sublicense it under a separate license?", index.StatusForbidden},
		{"cc-by-nc-4.0", "does nc have an exception for selling?", index.StatusForbidden},
		{"llama2", "can i train mistral on llama 2 outputs about whisper?", index.StatusForbidden},
		{"llama3", "do I have to indemnify Meta for employees only?", index.StatusRequired},
		// Two things asked in a short question (hunt 26): one card's
		// verdict would read as both's; each alone keeps its own.
		{"mit", "patent grant and warranty", index.StatusUnknown},
		{"bsd-3-clause", "warranty and patent grant?", index.StatusUnknown},
		{"mit", "is there a patent grant", index.StatusNotAddressed},
		{"mit", "warranty?", index.StatusInfo},
		{"llama3.1", "do i need a notice file", index.StatusRequired},
	})
}

// A ban named in the words of asking gets the ban's verdict whether or
// not the question names the license ("can I use it for military
// purposes?" as "can I use llama 4 for military?" does), and "purposes"
// names no term of one license: "can I use it for commercial purposes?"
// is the commercial-use question under every license (each row but the
// last was unknown before; the last keeps its unknown, its use being
// the subject of a history, not the use).
func TestBanOrUseAskedOfTheLicenseUnnamed(t *testing.T) {
	checkStatuses(t, []statusCase{
		{"llama4", "can I use it for military purposes?", index.StatusForbidden},
		{"llama4", "can we use it for military applications", index.StatusForbidden},
		{"deepseek", "Can I use it for the army?", index.StatusForbidden},
		{"llama3.1", "can i use it for espionage", index.StatusForbidden},
		{"llama4", "can I use it for commercial purposes?", index.StatusConditional},
		{"gemma", "is it ok for commercial purposes", index.StatusConditional},
		{"llama4", "can I use it for military history research?", index.StatusUnknown},
	})
}

// A verdict on commercial use, modifying, hosting or sharing is for the
// licensed work: selling the license itself, the asker's own things or
// goods no text speaks of gets none (hunt 36: 43 such verdicts, every row but the last five
// showed one; review 59: 27 more after "the"); selling the work, a copy,
// a print or a work made from it keeps its verdict.
func TestNoVerdictActingOnSomethingElse(t *testing.T) {
	checkStatuses(t, []statusCase{
		{"gpl-3.0", "can I sell the license?", index.StatusUnknown},
		{"llama3.1", "can I sell the license to Meta?", index.StatusUnknown},
		{"gpl-3.0", "can I charge a fee for the license?", index.StatusUnknown},
		{"llama3.1", "can I sell GPUs?", index.StatusUnknown},
		{"cc-by-nc-4.0", "can I sell my car?", index.StatusUnknown},
		{"cc-by-nc-4.0", "can my company sell its own products?", index.StatusUnknown},
		{"llama3.1", "commercial use of my own dataset?", index.StatusUnknown},
		{"cc-by-nc-4.0", "can I sell the photos?", index.StatusForbidden},
		{"cc-by-nc-4.0", "sell prints?", index.StatusForbidden},
		{"llama3.1", "can I sell my finetune?", index.StatusConditional},
		{"apache-2.0", "can i sell binaries only", index.StatusAllowed},
		{"gpl-3.0", "can I sell copies?", index.StatusAllowed},
		// review 59: "the" makes no work of what it names; a pronoun in
		// the words sold is the work
		{"cc-by-nc-4.0", "can I sell the furniture?", index.StatusUnknown},
		{"llama3.1", "can I sell the GPUs?", index.StatusUnknown},
		{"cc-by-nc-4.0", "can I sell the dataset?", index.StatusForbidden},
		{"agpl-3.0", "can I charge a fee for distributing it?", index.StatusAllowed},
		// modifying or hosting something else: the same
		{"llama3.1", "can I modify my car?", index.StatusUnknown},
		{"llama4", "can I modify the furniture?", index.StatusUnknown},
		{"llama4", "can I host GPUs?", index.StatusUnknown},
		{"mit", "Do I need to publish my source code?", index.StatusNotAddressed},
		{"apache-2.0", "can I distribute binaries?", index.StatusConditional},
		// selling a mark sells no licensed work (session 60)
		{"llama3.1", "can I sell the Llama trademark commercially?", index.StatusUnknown},
		{"llama3.1", "can I sell the brand?", index.StatusUnknown},
		// goods named for the model are no model (session 61); a work
		// made from it, or a word its text uses, keeps the verdict
		{"llama4", "can i sell llama merchandise?", index.StatusUnknown},
		{"qwen2.5", "Can I sell Qwen stickers?", index.StatusUnknown},
		{"llama3.1", "can I sell llama finetunes?", index.StatusConditional},
		{"llama4", "can I sell llama 4 services?", index.StatusConditional},
	})
}

// DRM asked of a license with clauses on technological measures is
// answered by them (hunt 37: each of these led with a definition, a grant
// or ShareAlike).
func TestDRMLedByTheClauseOnTechnologicalMeasures(t *testing.T) {
	e := indextest.Engine(t)
	for _, tc := range []struct{ license, q, lead string }{
		{"gpl-3.0", "We're making a DRM media player with GPLv3 components; does GPL stop us from invoking the DMCA against users?", "gpl-3.0#3"},
		{"lgpl-3.0", "Does LGPLv3 let us use anti-circumvention law against users who bypass our DRM that uses the lib?", "lgpl-3.0#gpl.3"},
		{"cc-by-nc-4.0", "Can I apply DRM to CC BY-NC content in my app?", "cc-by-nc-4.0#2.a.5.b"},
		{"cc-by-sa-4.0", "Can I ship CC BY-SA maps inside an app with DRM enabled?", "cc-by-sa-4.0#2.a.5.c"},
		{"gpl-3.0", "can I add DRM?", "gpl-3.0#3"}, // review 59: read as copyleft, whose card never cites §3
	} {
		a, err := e.Ask(context.Background(), tc.license, tc.q)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(leadOf(a), tc.lead) {
			t.Errorf("%s %q: led by %v, want %s", tc.license, tc.q, a.Clauses[:min(1, len(a.Clauses))], tc.lead)
		}
	}
}

// A topic's word used of something other than the work gets no verdict:
// its object ("distill water", "warranty on my laptop", "indemnify my
// employer"), its subject ("is my lawyer liable?") or the asker's own
// mark (hunt 38: 83 such verdicts; every row but the last six showed
// one). A model trained, the licensor's marks, a use done to someone and
// the license itself keep theirs.
func TestNoVerdictForATopicsWordUsedOfSomethingElse(t *testing.T) {
	checkStatuses(t, []statusCase{
		{"llama3.3", "can I distill water?", index.StatusUnknown},
		{"mit", "can I fine-tune my piano?", index.StatusUnknown},
		{"mit", "warranty on my laptop?", index.StatusUnknown},
		{"llama3.1", "must I indemnify my employer?", index.StatusUnknown},
		{"apache-2.0", "can I patent my invention?", index.StatusUnknown},
		{"llama3.1", "is my lawyer liable?", index.StatusUnknown},
		{"gpl-3.0", "is my novel copyleft?", index.StatusUnknown},
		{"apache-2.0", "can I use my own trademarks?", index.StatusUnknown},
		{"llama2", "Can I use Llama 2 outputs to train Mixtral?", index.StatusForbidden},
		{"llama3.1", "can we use their trademarks", index.StatusConditional},
		{"deepseek", "can i use deepseek for defaming my competitor?", index.StatusForbidden},
		{"agpl-3.0", "can we use yolov5 for commercial use?", index.StatusAllowed},
		{"qwen2.5", "what law governs the quen 2.5 license?", index.StatusInfo},
		{"apache-2.0", "can i patent my improvements", index.StatusInfo},
	})
}

// A work about the licensed one (a review, a tutorial, a tweet, a
// citation), reading it only, and another party's mark get none of the
// duties' or bans' verdicts (hunt 39: 36 such; every row but the last
// four showed one).
func TestNoVerdictForWorksAboutItReadingOrOthersMarks(t *testing.T) {
	checkStatuses(t, []statusCase{
		{"llama3.1", `Must a review of Llama 3.1 display "Built with Llama"?`, index.StatusUnknown},
		{"qwen2.5", "Does a tweet about Qwen need attribution?", index.StatusUnknown},
		{"llama3", "Is it acceptable to cite Llama 3 in my thesis?", index.StatusUnknown},
		{"cc-by-4.0", "Do I need to credit if I only read it?", index.StatusUnknown},
		{"llama3.1", "do I need to credit if I only run it?", index.StatusUnknown}, // review 59b
		{"llama3.1", "do I need to credit if I only use it?", index.StatusUnknown},
		{"cc-by-4.0", "Do I need to credit if I only use a screenshot?", index.StatusRequired}, // a copy made
		{"gpl-3.0", "if I only modify it for myself, must I release source?", index.StatusUnknown},
		{"llama3.1", "does my review need attribution?", index.StatusUnknown},
		{"deepseek", "Can I use the OpenAI logo?", index.StatusUnknown},
		{"deepseek", "Can I use my university's logo?", index.StatusUnknown},
		{"bigscience-openrail-m", "bloom trademark usage", index.StatusForbidden},
		{"cc-by-nc-4.0", "do i need to give attribution for my thesis", index.StatusRequired},
		{"deepseek", "for my thesis on chinese AI licenses, what governing law does deepseek's model license pick?", index.StatusInfo},
		{"mit", "Can I use the project's logo?", index.StatusNotAddressed},
		{"llama2", "So I can't use Llama 2 outputs for any training, right?", index.StatusUnknown}, // the ban excepts Llama 2
		{"llama3", "So I can use Llama 3 outputs to train any model, right?", index.StatusForbidden},
		{"cc-by-4.0", "does it cover trademarks?", index.StatusForbidden},                           // a verb before the mark, not its owner
		{"llama3.1", "Can I use Llama 3.1 outputs to train a classifier?", index.StatusConditional}, // a kind of model
	})
}

// A word the engine knows nothing of is set aside as the one word a
// plain question may say beyond its topic only where it cannot name a
// banned use or undo a duty (hunt 41: 116 such verdicts; every row but
// the last three showed one).
func TestNoVerdictPastAnUnknownWord(t *testing.T) {
	checkStatuses(t, []statusCase{
		{"llama4", "host it for the navy?", index.StatusUnknown},
		{"llama3.1", "sell it to mercenaries?", index.StatusUnknown},
		{"cc-by-4.0", "sell it uncredited?", index.StatusUnknown},
		{"gpl-3.0", "sell it sourceless?", index.StatusUnknown},
		{"mit", "sell it to Rheinmetall?", index.StatusAllowed},                // no use banned, no duty undone
		{"llama3.1", "can i call my finetune superchat", index.StatusRequired}, // a typo's distance from a known word
		{"llama3.3", "llama 3.3 70b commercial ok?", index.StatusConditional},  // a size
		{"llama3.1", "penalties for breach?", index.StatusInfo},                // not what a use is for
		{"gpl-3.0", "Can I sell it as proprietary?", index.StatusUnknown},      // hunt 42: the work under other terms
		{"cc-by-sa-4.0", "Can I sell it under NDA?", index.StatusUnknown},
		{"apache-2.0", "closed source fork", index.StatusAllowed}, // Apache lets the source close
		// hunt 42: a word WordNet files under crimes, drugs, violence or
		// pornography names a use the policy may ban (illicit.tsv)
		{"llama4", "commercially use it for meth?", index.StatusUnknown},
		{"llama3.1", "can I use it commercially for riots?", index.StatusUnknown},
		{"gemma", "commercially use it for erotica?", index.StatusUnknown},
		{"llama4", "can I use it commercially for my startup?", index.StatusConditional},
		{"mit", "can I use it commercially for meth?", index.StatusAllowed}, // MIT bans no use
		// hunt 43: a word of a topic's cases ("identity theft"), a license
		// that binds use to the law (Qwen), a word derived from an illicit
		// one ("terrorists" of "terrorism")
		{"llama4", "Can I use it commercially for theft?", index.StatusUnknown},
		{"qwen2.5", "Can I use it commercially for theft?", index.StatusUnknown},
		{"llama3.1", "Can I sell it to terrorists?", index.StatusUnknown},
		{"qwen2.5", "can I sell it to a bakery?", index.StatusConditional},
	})
}

// A question that asks for the license as a whole, and for nothing in
// it, leads with its grant (session 61: real people's "what's the
// license for this model?" led with a ban on outputs or the terms for
// large companies); a question about something in it does not.
func TestAskingForTheLicenseLedByItsGrant(t *testing.T) {
	e := checkLeads(t, []leadCase{
		{"tongyi-qianwen", "What's the license for this model?", "tongyi-qianwen-license#2"},
		{"llama2", "May I know the license of the model being released?", "llama2-license#1.a"},
		{"gemma", "what are the terms?", "gemma-terms#2.2"},
		{"llama4", "what license does llama 4 use", "llama4-license#1.a"},
		{"deepseek", "what license is this under?", "deepseek-model-license#2"},
	})
	for _, tc := range []leadCase{
		{"llama2", "what license terms apply to commercial use?", "llama2-license#1.a"},
		{"llama4", "what does the license say about the EU?", "llama4-license#1.a"},
	} {
		if askLead(t, e, tc.license, tc.q) == tc.lead {
			t.Errorf("%s %q: led by the grant", tc.license, tc.q)
		}
	}
}

// Whether the license binds one who never accepted it is answered by the
// clause that binds by use (session 61: cross-validated, five training
// questions more led right, none lost); whether a work made from the
// model is bound is not that question.
func TestBoundWithoutAcceptingLedByTheClauseThatBindsByUse(t *testing.T) {
	e := checkLeads(t, []leadCase{
		{"llama3.1", "a friend sent me the 8b weights on a usb stick and I never clicked anything, does that mean I agreed?", "llama3.1-license#p7"},
		{"qwen2.5", "pulled qwen 2.5 from a torrent without agreeing to the license, is it even binding on me?", "qwen2.5-license#p1"},
		{"gpl-3.0", "never accepted the gpl, am I even allowed to run the program I received?", "gpl-3.0#9"},
		{"cc-by-sa-4.0", "never agreed to anything, am I bound by by-sa?", "cc-by-sa-4.0#p6"},
	})
	if askLead(t, e, "gemma", "train my own model on gemma generated data - is the student model bound by gemma terms?") == "gemma-terms#p2" {
		t.Errorf("a student model's terms led by the clause that binds by use")
	}
}

// Who may accept the license — a minor, an employee for an employer — is
// answered by the clause on the licensee's age and authority (session
// 61: cross-validated, seven training questions more led right, none
// lost).
func TestWhoMayAcceptLedByTheClauseOnCapacity(t *testing.T) {
	checkLeads(t, []leadCase{
		{"llama3.1", "my daughter is 14, is she allowed to accept the llama 3.1 license for her science project?", "llama3.1-license#p3"},
		{"gemma", "I'm a junior employee, can I agree to the gemma terms on behalf of my whole company?", "gemma-terms#2.1"},
		{"llama4", "who is the licensee if I accepted the license with my work account, me or my employer?", "llama4-license#p3"},
	})
}

// A GNU work served over a network and not passed on, asked whether its
// source must be published, is answered by the definition of conveying
// ("mere interaction with a user through a computer network … is not
// conveying"; session 61: cross-validated, four training questions more
// led right, none lost); under the AGPL its §13 answers, not that.
func TestServedGNUWorkLedByTheDefinitionOfConveying(t *testing.T) {
	e := checkLeads(t, []leadCase{
		{"gpl-3.0", "gpl code in our saas product, do we need to release our source?", "gpl-3.0#0.p7"},
		{"lgpl-3.0", "lgpl library used by our online service, must we release source code?", "lgpl-3.0#gpl.0.p7"},
		{"gpl-3.0", "if I host modified gpl software on my website, do I need to share the code?", "gpl-3.0#0.p7"},
	})
	if askLead(t, e, "agpl-3.0", "our web app calls an agpl-3.0 library on the backend, must we publish our source code?") == "agpl-3.0#0.p7" {
		t.Errorf("AGPL served work led by the definition of conveying")
	}
}

// Whether a license covers a part of a release — the weights, the
// checkpoints — is answered by what the license calls the licensed work
// (session 61: cross-validated, four training questions more led right,
// three of them real people's, none lost).
func TestWhatALicenseCoversLedByItsWork(t *testing.T) {
	checkLeads(t, []leadCase{
		{"apache-2.0", "are the model weights covered under the same apache license as the code?", "apache-2.0#1.p7"},
		{"cc-by-4.0", "are the checkpoints also under cc by 4.0?", "cc-by-4.0#1.f"},
		{"gpl-3.0", "are the pretrained weights also under the gpl?", "gpl-3.0#0.p3"},
	})
}

// A CC work converted, reformatted or quantized is answered by the leave
// to shift media and formats, whose technical modifications never make
// Adapted Material (session 61: cross-validated, ten training questions
// more led right, none lost).
func TestFormatShiftLedByTheLeaveForTechnicalModifications(t *testing.T) {
	checkLeads(t, []leadCase{
		{"cc-by-4.0", "I converted a cc-by speech corpus from flac to opus, is the converted copy adapted material?", "cc-by-4.0#2.a.4"},
		{"cc-by-sa-4.0", "we quantized a by-sa model to int8, does sharealike apply to the quantized copy?", "cc-by-sa-4.0#2.a.4"},
		{"cc-by-nc-4.0", "reformatting an nc dataset into tfrecords, is that an adaptation?", "cc-by-nc-4.0#2.a.4"},
	})
}

// leadCase is a question and the clause that should lead its answer.
type leadCase struct{ license, q, lead string }

// checkLeads asks each case of the test engine and holds the clause its
// answer leads with; it returns the engine for further questions.
func checkLeads(t *testing.T, cases []leadCase) *index.Engine {
	t.Helper()
	e := indextest.Engine(t)
	for _, tc := range cases {
		if got := askLead(t, e, tc.license, tc.q); got != tc.lead {
			t.Errorf("%s %q: led by %s, want %s", tc.license, tc.q, got, tc.lead)
		}
	}
	return e
}

// askLead asks e and returns the clause the answer leads with.
func askLead(t *testing.T, e *index.Engine, license, q string) string {
	t.Helper()
	a, err := e.Ask(context.Background(), license, q)
	if err != nil {
		t.Fatal(err)
	}
	return leadOf(a)
}
