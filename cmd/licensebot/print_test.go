package main

import (
	"bytes"
	"context"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/licensebot/licensebot/index"
	"github.com/licensebot/licensebot/index/indextest"
)

var update = flag.Bool("update", false, "rewrite the golden files of the terminal rendering")

// render runs f on a printer for a terminal of the given width.
func render(width int, color bool, f func(p printer)) string {
	var b bytes.Buffer
	f(printer{w: &b, t: terminal{width: width, tty: color, color: color}})
	return b.String()
}

// golden compares got with testdata/print/NAME.golden (-update rewrites it).
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", "print", name+".golden")
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./cmd/licensebot -run %s -update)", err, t.Name())
	}
	if got != string(want) {
		t.Errorf("%s differs from %s:\n--- got\n%s\n--- want\n%s", name, path, got, want)
	}
}

// Fixtures: answers as the engine returns them, one per way of answering.
func curatedAnswer() *index.Answer {
	return &index.Answer{
		License: "llama4", Topic: "commercial-use", TopicLabel: "Commercial use",
		LicenseTitle: "Llama 4 Community License Agreement", Curated: true, Grounded: true,
		Verdict: index.Verdict{Status: index.StatusConditional, Summary: "Commercial use is possible, royalty-free, as long as every use follows the **Acceptable Use Policy**."},
		Conditions: []index.Condition{
			{Label: "you follow the Acceptable Use Policy"},
			{Label: "your products had at most 700 million monthly active users on the release date", Gate: "mau", Doc: "llama4-license", Section: "2"},
		},
		Clauses: []index.Hit{{
			Doc: "llama4-license", Section: "2", Heading: "Additional Commercial Terms",
			Text:    "**Additional Commercial Terms**. If, on the Llama 4 version release date, the monthly active users of the products or services made available by or for Licensee is greater than 700 million monthly active users in the preceding calendar month, you must request a license from Meta.",
			Matched: []string{"commercial"},
		}},
		OpenSource: &index.OpenSource{OSD: "fail", Failed: []int{1, 5, 6, 7, 8}},
		URL:        "https://www.llama.com/llama4/license/", CorpusVersion: "2026.11.1", IndexedAt: "2026-11-26",
	}
}

func unknownAnswer() *index.Answer {
	return &index.Answer{
		License: "llama4", Topic: "can I sell a game that ships it", LicenseTitle: "Llama 4 Community License Agreement",
		Verdict:     index.Verdict{Status: index.StatusUnknown},
		Suggestions: []index.TopicScore{{Topic: "commercial-use", Label: "Commercial use", Score: 0.4}, {Topic: "redistribution", Label: "Redistribution", Score: 0.2}},
		Closest: &index.Aspect{Topic: "commercial-use", Label: "Commercial use",
			Verdict:    index.Verdict{Status: index.StatusConditional, Summary: "Commercial use is possible under the 700 million user cap."},
			Conditions: []index.Condition{{Label: "at most 700 million monthly active users", Doc: "llama4-license", Section: "2"}}},
		Clauses:       []index.Hit{{Doc: "llama4-license", Section: "p3", Text: "“Licensee” or “you” means you, or your employer."}},
		URL:           "https://www.llama.com/llama4/license/",
		CorpusVersion: "2026.11.1", IndexedAt: "2026-11-26",
	}
}

func TestPrintAnswerGolden(t *testing.T) {
	openSource := &index.Answer{
		License: "mit", Topic: "open-source", TopicLabel: "Is it open source?", LicenseTitle: "MIT License", Curated: true, Grounded: true,
		Verdict:    index.Verdict{Status: index.StatusInfo, Summary: "Yes. It meets all ten criteria of the Open Source Definition."},
		OpenSource: &index.OpenSource{OSD: "pass", Failed: []int{}},
		Clauses:    []index.Hit{{Doc: "mit", Section: "p2", Text: "Permission is hereby granted, free of charge, to any person obtaining a copy."}},
	}
	info := &index.Answer{
		License: "mit", Topic: "warranty", TopicLabel: "Warranty", LicenseTitle: "MIT License", Curated: true,
		Verdict: index.Verdict{Status: index.StatusInfo, Summary: "There is none: the software comes as is."}, Grounded: true,
		Clauses: []index.Hit{{Doc: "mit", Section: "p3", Text: "THE SOFTWARE IS PROVIDED \"AS IS\", WITHOUT WARRANTY OF ANY KIND."}},
	}
	twoAspects := curatedAnswer()
	twoAspects.Also = []index.Aspect{{Topic: "military", Label: "Military and weapons",
		Verdict: index.Verdict{Status: index.StatusForbidden, Summary: "The policy forbids military and warfare uses."}}}
	notGrounded := &index.Answer{
		License: "mit", Topic: "eu-restriction", TopicLabel: "Geographic (EU) restriction", LicenseTitle: "MIT License", Curated: true,
		Verdict: index.Verdict{Status: index.StatusNotAddressed, Summary: "The license says nothing about where you are."},
		Clauses: []index.Hit{{Doc: "mit", Section: "p2", Text: "Permission is hereby granted, free of charge, to any person."}},
	}
	model := curatedAnswer()
	model.Model = &index.ModelRef{Name: "DeepSeek-R1-Distill-Llama-8B", Licenses: []string{"llama4", "mit"}, Source: "https://example.org/README.md"}
	other := *openSource
	other.Topic, other.TopicLabel = "commercial-use", "Commercial use"
	other.Verdict = index.Verdict{Status: index.StatusAllowed, Summary: "Anyone may sell copies."}
	model.Others = []*index.Answer{&other}
	for name, a := range map[string]*index.Answer{
		"curated": curatedAnswer(), "unknown": unknownAnswer(), "open-source": openSource, "info": info,
		"two-aspects": twoAspects, "not-grounded": notGrounded, "model": model,
	} {
		t.Run(name, func(t *testing.T) {
			golden(t, "answer-"+name, render(80, false, func(p printer) { p.printAnswer(a) }))
		})
	}
	t.Run("colour", func(t *testing.T) {
		golden(t, "answer-colour", render(60, true, func(p printer) { p.printAnswer(curatedAnswer()) }))
	})
	t.Run("narrow", func(t *testing.T) {
		golden(t, "answer-narrow", render(40, false, func(p printer) { p.printAnswer(unknownAnswer()) }))
	})
}

func TestPrintHitGolden(t *testing.T) {
	list := index.Hit{
		Doc: "llama4-license", Section: "1", Heading: "License Rights and Redistribution",
		Items: []index.Hit{
			{Doc: "llama4-license", Section: "1.a", Text: "Grant of Rights. You are granted a limited license.", Parents: []string{"License Rights and Redistribution"}},
			{Doc: "llama4-license", Section: "1.b.i", Text: "If you distribute the Llama Materials, you shall provide a copy of this Agreement.", Parents: []string{"License Rights and Redistribution", "Redistribution and Use"}},
			{Doc: "llama4-license", Section: "1.b.ii", Text: "If you receive Llama Materials from a Licensee, Section 2 does not apply to you.", Parents: []string{"License Rights and Redistribution", "Redistribution and Use"}},
		},
	}
	intro := index.Hit{
		Doc: "llama4-aup", Section: "aup.2", Heading: "Prohibited Uses",
		Text:  "Engage in, promote or facilitate activities that present a risk of death, including: … Military, warfare, nuclear industries … Guns and illegal weapons",
		Items: []index.Hit{{Doc: "llama4-aup", Section: "aup.2.a", Text: "Military, warfare, nuclear industries"}, {Doc: "llama4-aup", Section: "aup.2.b", Text: "Guns and illegal weapons"}},
	}
	boxed := index.Hit{Doc: "mpl-2.0", Section: "6", Heading: "Disclaimer of Warranty",
		Text: "Covered Software is provided … on an \"as is\" basis", Display: "************ 6. Disclaimer of Warranty ************ Covered Software is provided under this License on an \"as is\" basis"}
	grouped := index.Hit{Doc: "llama3.2-license", Section: "2", Heading: "Additional Commercial Terms", Score: 1.254,
		Text:   "Additional Commercial Terms. If, on the Llama 3.2 version release date, the monthly active users exceed 700 million, you must request a license from Meta.",
		AlsoIn: []index.Location{{Doc: "llama4-license", Section: "2"}, {Doc: "llama2-license", Section: "2"}}}
	got := render(72, false, func(p printer) {
		p.printHit(list, false)
		p.printHit(intro, false)
		p.printHit(boxed, false)
		p.printHit(grouped, true)
	})
	golden(t, "hits", got)
	if strings.Contains(got, "§p") || strings.Contains(got, " p3") {
		t.Errorf("a paragraph id leaked instead of its label ¶:\n%s", got)
	}
}

func TestWrapMarkdownAndWidth(t *testing.T) {
	tm := terminal{width: 30}
	got := tm.wrap("**Llama 4** **Acceptable Use Policy** says “**Policy**”. ************ stays", "")
	want := "Llama 4 Acceptable Use Policy\nsays “Policy”. ************\nstays"
	if got != want {
		t.Errorf("plain:\n%s\nwant\n%s", got, want)
	}
	tm.color = true
	got = tm.wrap("a **bold** word", "")
	if want := "a \x1b[1mbold\x1b[0m word"; got != want {
		t.Errorf("colour: %q, want %q", got, want)
	}
	// Unpaired asterisks are text, not emphasis.
	if got := (terminal{width: 80}).wrap("5 ** 2 is 25", ""); got != "5 ** 2 is 25" {
		t.Errorf("unpaired: %q", got)
	}
}

// NO_COLOR and a non-terminal each turn colour off; COLUMNS sets the width.
func TestTerminalOf(t *testing.T) {
	t.Setenv("COLUMNS", "100")
	if tm := terminalOf(&bytes.Buffer{}); tm.width != 100 || tm.color || tm.tty {
		t.Errorf("buffer with COLUMNS=100: %+v", tm)
	}
	t.Setenv("COLUMNS", "")
	if tm := terminalOf(&bytes.Buffer{}); tm.width != 80 {
		t.Errorf("not a terminal: width %d, want 80", tm.width)
	}
	f, err := os.CreateTemp(t.TempDir(), "out")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if tm := terminalOf(f); tm.tty || tm.color {
		t.Errorf("a file is not a terminal: %+v", tm)
	}
}

// Every line of every answer fits the terminal, whatever the license and
// topic: only a single word longer than the line (a URL) may overflow.
func TestAnswersFitTheWidth(t *testing.T) {
	t.Parallel()
	e := indextest.Engine(t)
	for _, l := range e.Licenses() {
		topics := e.Topics(l.Key)
		for i, tp := range topics {
			if i%3 != 0 && tp.ID != "open-source" { // a third of the topics of each license, and open source
				continue
			}
			a, err := e.Ask(context.Background(), l.Key, tp.ID)
			if err != nil {
				t.Fatal(err)
			}
			for _, width := range []int{40, 100} {
				out := render(width, true, func(p printer) { p.printAnswer(a) })
				for _, line := range strings.Split(out, "\n") {
					if w := visibleWidth(line); w > width && len(strings.Fields(line)) > 1 {
						t.Errorf("%s/%s at %d columns: a line of %d: %q", l.Key, tp.ID, width, w, line)
					}
				}
			}
		}
	}
	as, err := e.OpenSource(context.Background(), "llama4")
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(render(60, false, func(p printer) { p.printAssessment(as) }), "\n") {
		if visibleWidth(line) > 60 && len(strings.Fields(line)) > 1 {
			t.Errorf("opensource at 60 columns: %q", line)
		}
	}
}

// A condition a use policy imposes cites the policy's section as
// `licensebot clause` takes it: "¶3" alone is the license's ¶3.
func TestConditionCitesThePolicysSection(t *testing.T) {
	got := render(80, false, func(p printer) {
		p.printConditions([]index.Condition{
			{Label: "not EU-domiciled", Doc: "llama4-aup", Section: "p3", Policy: true},
			{Label: "at most 700M monthly active users", Doc: "llama4-license", Section: "2"},
		}, "")
	})
	for _, want := range []string{"not EU-domiciled (AUP ¶3)", "monthly active users (§2)"} {
		if !strings.Contains(got, want) {
			t.Errorf("conditions print as\n%s\nwant %q", got, want)
		}
	}
}

// OSI's approval is denied only where the manifest denies it: a license
// whose osi is missing or unknown is not said to lack it (review).
func TestAssessmentSaysOSIOnlyAsTheManifestDoes(t *testing.T) {
	for osi, want := range map[string]bool{"not-approved": true, "approved": false, "": false, "pending": false} {
		out := render(80, false, func(p printer) {
			p.printAssessment(&index.Assessment{License: "x", LicenseTitle: "X", OSD: "pass", OSI: osi})
		})
		if got := strings.Contains(out, "OSI has not approved"); got != want {
			t.Errorf("osi %q: %q; want OSI's approval denied: %v", osi, out, want)
		}
	}
}
