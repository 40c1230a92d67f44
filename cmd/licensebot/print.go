package main

// The terminal rendering of answers, clauses, searches and assessments:
// the same content as the bot's embeds, as text wrapped to the terminal.

import (
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/licensebot/licensebot/corpus"
	"github.com/licensebot/licensebot/index"
)

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// printer writes for one terminal.
type printer struct {
	w io.Writer
	t terminal
}

func (p printer) line(format string, args ...any) { fmt.Fprintf(p.w, format+"\n", args...) }

// printAnswer writes an answer: the title, the model it came through, the
// verdict (or why there is none), what it depends on, the clauses, the
// "Open source?" line, the answers for a model's other licenses, and the
// footer.
func (p printer) printAnswer(a *index.Answer) {
	p.line("%s", p.t.bold(p.t.wrap(a.LicenseTitle+" — "+topicLabel(a), "")))
	p.line("")
	if a.Model != nil {
		p.printModel(a)
	}
	if t := index.CatalogueText(a.Catalogue, asIs, asIs); t != "" {
		p.line("%s\n", p.t.wrap("The model catalogue: "+t, ""))
	}
	p.printBody(a)
	for _, o := range a.Others {
		p.line("%s", p.t.dim(strings.Repeat("─", min(p.t.width, 72))))
		p.line("%s", p.t.bold(p.t.wrap("Also under "+o.LicenseTitle+" — "+topicLabel(o), "")))
		p.line("")
		p.printBody(o)
	}
	p.line("%s", p.t.wrapWords(styled(fmt.Sprintf("Not legal advice · corpus %s · indexed %s", a.CorpusVersion, a.IndexedAt), sgrDim), "", ""))
}

// asIs is a name written as it is.
func asIs(s string) string { return s }

func topicLabel(a *index.Answer) string {
	if a.TopicLabel != "" {
		return a.TopicLabel
	}
	return strconv.Quote(a.Topic)
}

// printModel says which licenses govern the model asked about, and where
// that comes from.
func (p printer) printModel(a *index.Answer) {
	titles := []string{a.LicenseTitle}
	for _, o := range a.Others {
		titles = append(titles, o.LicenseTitle)
	}
	s := a.Model.Name + " is under " + strings.Join(titles, " and ") + "."
	if a.Model.Why != "" {
		s += " " + strings.TrimSuffix(a.Model.Why, ".") + "."
	}
	if a.Model.Source != "" {
		s += " Source: " + a.Model.Source
	}
	p.line("%s\n", p.t.wrap(s, ""))
}

// printBody is an answer without its title and footer.
func (p printer) printBody(a *index.Answer) {
	switch {
	case a.Curated && a.Verdict.Status != index.StatusUnknown:
		p.printVerdict(a.Topic, a.Verdict, a.Conditions, "", "")
		for _, x := range a.Also {
			p.line("%s", p.t.wrap("Also, "+x.Label+":", ""))
			p.printVerdict(x.Topic, x.Verdict, x.Conditions, "  ", "")
		}
		switch {
		case a.QuotesGrant:
			p.line("%s\n", p.t.wrap("The text does not mention this; below is what the license grants.", ""))
		case !a.Grounded && len(a.Clauses) > 0:
			p.line("%s\n", p.t.wrap("The text does not address this; the closest clauses are below for you to read.", ""))
		}
	default:
		p.printNoVerdict(a)
	}
	for _, h := range a.Clauses {
		p.printHit(h, false)
	}
	if o := a.OpenSource; o != nil && a.Topic != "open-source" {
		p.line("%s", p.t.wrapWords(words(openSourceLine(o), nil), p.t.bold("Open source?")+" ", ""))
	}
	p.officialText(a.URL)
}

// officialText links the official text, the URL on a line of its own
// when the line is too narrow for both.
func (p printer) officialText(url string) {
	if url != "" {
		p.line("%s", p.t.wrap("Official text: "+url, ""))
	}
}

// criteria names the criteria numbered ns: "criterion 6", "criteria 1, 5".
func criteria(ns []int) string {
	if len(ns) == 1 {
		return "criterion " + joinInts(ns)
	}
	return "criteria " + joinInts(ns)
}

func openSourceLine(o *index.OpenSource) string {
	if o.OSD == "fail" {
		return "No — fails the Open Source Definition, " + criteria(o.Failed) + "."
	}
	return "Yes — meets all ten criteria of the Open Source Definition."
}

// statusWord is how a verdict starts: "REQUIRED." in its colour. Info
// (a fact, not a permission) and unknown have none.
func (p printer) statusWord(st index.Status) string {
	switch st {
	case index.StatusInfo, index.StatusUnknown, "":
		return ""
	}
	return p.t.paint(strings.ToUpper(strings.ReplaceAll(string(st), "-", " "))+".", sgrBold, statusSGR[st]) + " "
}

// printVerdict writes a verdict and its conditions. Whether a license is
// open source is a fact, answered "Open source? Yes/No", never as a
// permission.
func (p printer) printVerdict(topic string, v index.Verdict, conds []index.Condition, indent, prefix string) {
	lead := indent + prefix + p.statusWord(v.Status)
	if topic == "open-source" {
		lead = indent + p.t.bold("Open source?") + " "
	}
	p.line("%s", p.t.wrapWords(words(v.Summary, nil), lead, indent))
	p.printConditions(conds, indent)
	p.line("")
}

// printConditions writes "Only if: …", one line for one condition, a list
// for several; a gate names the section that imposes it.
func (p printer) printConditions(conds []index.Condition, indent string) {
	var items []string
	for _, c := range conds {
		s := c.Label
		switch {
		case c.Section != "":
			s += " (" + citedRef(c.Section, c.Policy) + ")"
		}
		items = append(items, s)
	}
	switch len(items) {
	case 0:
	case 1:
		p.line("%s", p.t.wrapWords(words(items[0], nil), indent+p.t.bold("Only if:")+" ", indent+"  "))
	default:
		p.line("%s%s", indent, p.t.bold("Only if:"))
		for _, s := range items {
			p.line("%s", p.t.wrapWords(words(s, nil), indent+"  • ", indent+"    "))
		}
	}
}

// printNoVerdict explains an answer without a verdict: what the question
// might have meant, with the command to ask it, and the card of the topic
// it came closest to, as context only.
func (p printer) printNoVerdict(a *index.Answer) {
	p.line("%s", p.t.bold("No verdict for this exact question."))
	switch m := a.About; {
	case m != nil && len(m.Unindexed) > 0:
		p.line("%s", p.t.wrap("It also names "+m.Name+", under "+strings.Join(m.Unindexed, " and ")+
			", whose text is not indexed yet: no license here answers for it.", ""))
	case m != nil && len(m.Licenses) > 0:
		p.line("%s", p.t.wrap("It also names "+m.Name+" ("+strings.Join(m.Licenses, ", ")+"). If it is about that, ask:", ""))
		p.line("  licensebot ask %s %s", shellQuote(m.Subject()), shellQuote(a.Topic))
	}
	if len(a.Suggestions) > 0 {
		var ids []string
		for _, s := range a.Suggestions {
			ids = append(ids, s.Topic)
		}
		p.line("%s", p.t.wrap("Did you mean: "+strings.Join(ids, ", ")+"? Ask:", ""))
		p.line("  licensebot ask %s %s", a.License, a.Suggestions[0].Topic)
	}
	if c := a.Closest; c != nil {
		p.line("")
		p.line("%s", p.t.wrap("For context, the card for "+c.Label+" (about that topic, not an answer to this question):", ""))
		// "In general": a status in capitals under a question it does not
		// answer reads as its answer (verdict probes 9 and 12).
		p.printVerdict(c.Topic, c.Verdict, c.Conditions, "  ", "In general: ")
	} else {
		p.line("")
	}
	switch {
	case len(a.Clauses) > 0:
		p.line("%s\n", p.t.wrap("The clauses that best match the question, for you to read:", ""))
	case len(a.Suggestions) == 0:
		p.line("%s\n", p.t.wrap("No clause matches either. The topics this license has verdicts on: licensebot topics "+a.License, ""))
	}
}

// sectionRef is a section as people cite it: "§1.b.i", "¶3", "AUP 2.b".
func sectionRef(sec string) string { return corpus.SectionRef(sec) }

// leadInMax is the most of a list's lead-in shown before one of its
// items.
const leadInMax = 160

// citedRef is a section as `clause` takes it back: a use policy's as the
// policy's, "AUP ¶3" ("¶3" alone is the license's own ¶3), for a clause
// quoted and for a condition's gate alike.
func citedRef(sec string, policy bool) string {
	if policy {
		return "AUP " + corpus.SectionLabel(sec)
	}
	return sectionRef(sec)
}

// printHit writes a clause: its section, heading and document, then its
// text (as displayed, when that differs) or, for a clause that introduces
// a list or a heading that only groups items, its items one by one.
func (p printer) printHit(h index.Hit, withScore bool) {
	doc := h.Doc
	if withScore {
		doc += fmt.Sprintf(", score %.3g", h.Score) // small scores too: 0.004, not 0.00
	}
	head := append(styled(citedRef(h.Section, h.Policy)+" "+h.Heading, sgrBold), styled("("+doc+")", sgrDim)...)
	p.line("%s", p.t.wrapWords(head, "", "  "))
	if in := h.LeadIn(leadInMax); in != "" {
		p.line("%s", p.t.dim(p.t.wrap(in, "  ")))
	}
	if lead := leadText(h); lead != "" {
		p.line("%s", p.t.wrapMatched(lead, "  ", h.Matched))
	}
	p.printItems(h)
	if len(h.AlsoIn) > 0 {
		var also []string
		for _, l := range h.AlsoIn {
			also = append(also, l.Doc+" "+sectionRef(l.Section))
		}
		p.line("%s", p.t.dim(p.t.wrap("Same text in: "+strings.Join(also, ", "), "  ")))
	}
	p.line("")
}

// printItems writes the items of a list or group clause, each indented by
// its depth under the clause, with the headings of the groups between
// ("1.b Redistribution and Use" between 1.a and 1.b.i).
func (p printer) printItems(h index.Hit) {
	depth := strings.Count(h.Section, ".")
	shown := map[string]bool{}
	for _, it := range h.Items {
		parts := strings.Split(it.Section, ".")
		for i := depth + 2; i < len(parts); i++ {
			if pre := strings.Join(parts[:i], "."); !shown[pre] && i-1 < len(it.Parents) {
				shown[pre] = true
				indent := strings.Repeat("  ", i-1-depth)
				p.line("%s%s  %s", indent, p.t.bold(corpus.SectionLabel(pre)), it.Parents[i-1])
			}
		}
		indent := strings.Repeat("  ", max(1, len(parts)-1-depth))
		label := corpus.SectionLabel(it.Section)
		hang := indent + strings.Repeat(" ", visibleWidth(label)+2)
		p.line("%s", p.t.wrapWords(words(displayText(it), setOf(h.Matched)), indent+p.t.bold(label)+"  ", hang))
	}
}

// displayText is the clause as shown: Display when set (a boxed section
// whose Text is cut into verbatim pieces), else Text.
func displayText(h index.Hit) string {
	if h.Display != "" {
		return h.Display
	}
	return h.Text
}

// leadText is a clause's own text, without the items a list-introducing
// clause's Text carries after " … " (they are printed one by one).
func leadText(h index.Hit) string {
	text := displayText(h)
	var suffix strings.Builder
	for _, it := range h.Items {
		if it.Text != "" {
			suffix.WriteString(" … " + it.Text)
		}
	}
	if s := suffix.String(); s != "" && strings.HasSuffix(text, s) {
		return strings.TrimSuffix(text, s)
	}
	return text
}

func setOf(xs []string) map[string]bool {
	set := map[string]bool{}
	for _, x := range xs {
		for _, w := range strings.Fields(x) {
			set[foldWord(w)] = true
		}
	}
	return set
}

// printAssessment writes the Open Source Definition checklist and, for AI
// model licenses, the Open Source AI Definition's.
func (p printer) printAssessment(a *index.Assessment) {
	verdict := "passes"
	if a.OSD == "fail" {
		verdict = "fails " + criteria(a.Failed) + " of"
	}
	p.line("%s", p.t.bold(p.t.wrap(fmt.Sprintf("%s %s the Open Source Definition.", a.LicenseTitle, verdict), "")))
	if a.OSD == "pass" && a.OSI == "not-approved" { // not for an osi missing or unknown
		p.line("%s", p.t.wrap("Judged on its text: OSI has not approved this license.", ""))
	}
	p.line("")
	p.printCriteria(a.Criteria)
	if len(a.OSAID) > 0 {
		p.line("%s\n", p.t.bold("Open Source AI Definition 1.0:"))
		p.printCriteria(a.OSAID)
	}
	p.officialText(a.URL)
	p.line("%s", p.t.dim("Not legal advice."))
}

func (p printer) printCriteria(cs []index.Criterion) {
	for _, c := range cs {
		mark := p.t.paint("✓", sgrGreen)
		if c.Result == "fail" {
			mark = p.t.paint("✗", sgrRed)
		}
		num := ""
		if c.N > 0 {
			num = strconv.Itoa(c.N) + ". "
		}
		line := append(append(styled(num+c.Title, sgrBold), styled("—")...), words(c.Reason, nil)...)
		p.line("%s", p.t.wrapWords(line, mark+" ", "    "))
		var refs []string
		for _, h := range c.Clauses {
			refs = append(refs, sectionRef(h.Section)+" ("+h.Doc+")")
		}
		if len(refs) > 0 {
			p.line("%s", p.t.dim(p.t.wrap(strings.Join(refs, ", "), "    ")))
		}
	}
	p.line("")
}

func joinInts(xs []int) string {
	s := make([]string, len(xs))
	for i, x := range xs {
		s[i] = strconv.Itoa(x)
	}
	return strings.Join(s, ", ")
}

// shellQuote quotes s for a POSIX shell when it holds anything but
// letters, digits and -._/+@ (a question typed back as one argument).
func shellQuote(s string) string {
	if s != "" && strings.Trim(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._/+@") == "" {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
