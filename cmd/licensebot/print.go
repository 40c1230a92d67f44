package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/licensebot/licensebot/index"
)

const wrapWidth = 88

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// printAnswer writes an answer for a terminal: the same content as the
// Discord embed, as plain text.
func printAnswer(w io.Writer, a *index.Answer) {
	label := a.TopicLabel
	if label == "" {
		label = strconv.Quote(a.Topic)
	}
	fmt.Fprintf(w, "%s — %s\n\n", a.LicenseTitle, label)
	switch {
	case a.Curated:
		fmt.Fprintf(w, "%s\n\n", wrap(strings.ToUpper(string(a.Verdict.Status))+". "+a.Verdict.Summary, wrapWidth, ""))
	case len(a.Clauses) > 0:
		fmt.Fprintf(w, "No curated verdict for this topic; these are the best-matching clauses.\n\n")
	default:
		fmt.Fprintf(w, "No verdict and no clause matches this topic. Try a topic such as attribution, commercial use or redistribution.\n\n")
	}
	for _, h := range a.Clauses {
		printHit(w, h, false)
	}
	if o := a.OpenSource; o != nil {
		if o.OSD == "fail" {
			fmt.Fprintf(w, "Open source? No — fails the Open Source Definition, criteria %s.\n", joinInts(o.Failed))
		} else {
			fmt.Fprintf(w, "Open source? Meets all ten criteria of the Open Source Definition.\n")
		}
	}
	if a.URL != "" {
		fmt.Fprintf(w, "Official text: %s\n", a.URL)
	}
	fmt.Fprintf(w, "Not legal advice · corpus %s · indexed %s\n", a.CorpusVersion, a.IndexedAt)
}

func printHit(w io.Writer, h index.Hit, withScore bool) {
	head := "§" + h.Section
	if h.Heading != "" {
		head += " " + h.Heading
	}
	fmt.Fprintf(w, "%s  (%s", head, h.Doc)
	if withScore {
		fmt.Fprintf(w, ", score %.2f", h.Score)
	}
	fmt.Fprintf(w, ")\n%s\n\n", wrap(h.Text, wrapWidth, "  "))
}

func printAssessment(w io.Writer, a *index.Assessment) {
	verdict := "passes"
	if a.OSD == "fail" {
		verdict = "fails criteria " + joinInts(a.Failed) + " of"
	}
	fmt.Fprintf(w, "%s %s the Open Source Definition.\n", a.LicenseTitle, verdict)
	if a.OSD == "pass" && a.OSI != "approved" {
		fmt.Fprintln(w, "Judged on its text: OSI has not approved this license.")
	}
	fmt.Fprintln(w)
	printCriteria(w, a.Criteria)
	if len(a.OSAID) > 0 {
		fmt.Fprintf(w, "Open Source AI Definition 1.0:\n\n")
		printCriteria(w, a.OSAID)
	}
	fmt.Fprintln(w, "Not legal advice.")
}

func printCriteria(w io.Writer, cs []index.Criterion) {
	for _, c := range cs {
		mark := "✓"
		if c.Result == "fail" {
			mark = "✗"
		}
		num := ""
		if c.N > 0 {
			num = strconv.Itoa(c.N) + ". "
		}
		fmt.Fprintf(w, "%s %s%s — %s\n", mark, num, c.Title, c.Reason)
		for _, h := range c.Clauses {
			fmt.Fprintf(w, "    §%s (%s)\n", h.Section, h.Doc)
		}
	}
	fmt.Fprintln(w)
}

func joinInts(xs []int) string {
	s := make([]string, len(xs))
	for i, x := range xs {
		s[i] = strconv.Itoa(x)
	}
	return strings.Join(s, ", ")
}

// wrap folds text at width columns, each line after the first prefixed.
func wrap(text string, width int, indent string) string {
	var b strings.Builder
	b.WriteString(indent)
	col := len(indent)
	for i, word := range strings.Fields(text) {
		n := len([]rune(word))
		if i > 0 && col+1+n > width {
			b.WriteString("\n" + indent)
			col = len(indent)
		} else if i > 0 {
			b.WriteByte(' ')
			col++
		}
		b.WriteString(word)
		col += n
	}
	return b.String()
}
