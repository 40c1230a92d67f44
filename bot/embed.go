package bot

// The embed helpers every command's renderer shares: colours and labels of
// the verdict statuses, the message wrapper, quoted clauses as fields, the
// footer, links, and fitEmbed, the last guard on Discord's limits. Each
// command's own renderer lives beside its handler, in cmd_<name>.go.

import (
	"net/url"
	"strings"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/licensebot/licensebot/corpus"
	"github.com/licensebot/licensebot/index"
)

// Embed colours by verdict status. Info has none: a topic that states a
// fact (warranty, governing law, "is it open source?") is not a verdict,
// and a colour would make it read as one.
var statusColor = map[index.Status]int{
	index.StatusRequired:     0x3B82F6,
	index.StatusAllowed:      0x22C55E,
	index.StatusForbidden:    0xEF4444,
	index.StatusConditional:  0xF59E0B,
	index.StatusNotAddressed: 0x9CA3AF,
	index.StatusUnknown:      0x6B7280,
}

var statusLabel = map[index.Status]string{
	index.StatusRequired:     "Required.",
	index.StatusAllowed:      "Allowed.",
	index.StatusForbidden:    "Forbidden.",
	index.StatusConditional:  "Conditional.",
	index.StatusNotAddressed: "Not addressed.",
	index.StatusUnknown:      "No curated verdict.",
}

// openSourceTopic is the topic answered from the license's Open Source
// Definition assessment; its answer is a yes or a no, never a permission.
const openSourceTopic = "open-source"

func messageResponse(e *discordgo.MessageEmbed, components []discordgo.MessageComponent, private bool) *discordgo.InteractionResponse {
	data := &discordgo.InteractionResponseData{
		Embeds:          []*discordgo.MessageEmbed{e},
		Components:      components,
		AllowedMentions: noMentions(),
	}
	if private {
		data.Flags = discordgo.MessageFlagsEphemeral
	}
	return &discordgo.InteractionResponse{Type: discordgo.InteractionResponseChannelMessageWithSource, Data: data}
}

// clauseFields renders hits as fields sharing what is left of the embed's
// 6000 characters once title, description, footer and names are counted.
func clauseFields(hits []index.Hit, licTitle string, e *discordgo.MessageEmbed, quoteMax int) []*discordgo.MessageEmbedField {
	return clauseFieldsWithin(hits, licTitle, e, quoteMax, maxEmbedTotal)
}

// clauseFieldsWithin is clauseFields for an embed that shares the message's
// 6000 characters with others: total is its own share.
func clauseFieldsWithin(hits []index.Hit, licTitle string, e *discordgo.MessageEmbed, quoteMax, total int) []*discordgo.MessageEmbedField {
	if len(hits) == 0 {
		return nil
	}
	fields := make([]*discordgo.MessageEmbedField, len(hits))
	used := textLen(e.Title) + textLen(e.Description)
	if e.Footer != nil {
		used += textLen(e.Footer.Text)
	}
	for n, h := range hits {
		fields[n] = &discordgo.MessageEmbedField{Name: clauseName(h, licTitle)}
		used += textLen(fields[n].Name)
	}
	share := (total - used) / len(hits)
	for n, h := range hits {
		budget := min(share, maxFieldValue)
		link := linkLine(h.URL)
		if link != "" && textLen(link)+40 < budget {
			budget -= textLen(link) + 1
		} else {
			link = ""
		}
		if len(h.Items) == 0 {
			// A list may use the whole field; an item's lead-in comes on
			// top of its own quote's room.
			budget = min(budget, quoteMax+2+textLen(leadLine(h)))
		}
		v := quoteBlock(h, budget)
		if link != "" {
			v += "\n" + link
		}
		fields[n].Value = v
	}
	return fields
}

// clauseName is "§1.b.i · Heading", prefixed by the document's title when
// the clause is not from the license itself (an incorporated policy).
func clauseName(h index.Hit, licTitle string) string {
	name := sectionLabel(h.Section)
	if dt := clean(h.DocTitle); dt != "" && dt != licTitle {
		name = truncate(dt, 120) + " " + name
	}
	if hd := clean(h.Heading); hd != "" {
		name += " · " + hd
	}
	return truncate(escapeMarkdown(truncate(name, 200)), maxFieldName)
}

// sectionLabel is a section as people read it: "§1.b.i", "§3 ¶2", "¶3",
// "•2", "AUP ¶2", "(l)" — never the index's internal ids ("p3", "b2").
func sectionLabel(sec string) string { return corpus.SectionRef(clean(sec)) }

// footer is "Not legal advice · corpus <version> · indexed <date>".
func footer(version, indexedAt string) string {
	f := "Not legal advice"
	if v := clean(version); v != "" {
		f += " · corpus " + truncate(v, 64)
	}
	if d := clean(indexedAt); d != "" {
		if t, err := time.Parse(time.RFC3339, d); err == nil {
			d = t.UTC().Format("2006-01-02")
		}
		f += " · indexed " + truncate(d, 64)
	}
	return f
}

// linkLine links to a document's official text, or is "" without a usable
// URL.
func linkLine(u string) string {
	if u = safeURL(u); u == "" {
		return ""
	}
	return "[Official text](" + u + ")"
}

// safeURL returns u when it is an absolute http(s) URL that can sit inside
// a Markdown link, else "".
func safeURL(u string) string {
	if u == "" || len(u) > 512 || strings.ContainsAny(u, " ()<>\n\t\"") {
		return ""
	}
	p, err := url.Parse(u)
	if err != nil || (p.Scheme != "https" && p.Scheme != "http") || p.Host == "" {
		return ""
	}
	return u
}

// joinWithin joins parts with sep, dropping whole trailing parts that
// would pass max.
func joinWithin(parts []string, sep string, max int) string {
	out := ""
	for n, p := range parts {
		next := p
		if n > 0 {
			next = out + sep + p
		}
		if textLen(next) > max {
			if n == 0 {
				return truncate(p, max)
			}
			break
		}
		out = next
	}
	return out
}

func firstNonEmpty(s ...string) string {
	for _, v := range s {
		if v != "" {
			return v
		}
	}
	return ""
}

// fitEmbed is the last guard on Discord's limits: whatever the parts
// above computed, the embed that leaves here is valid. Fields are dropped
// from the end before anything else is cut.
func fitEmbed(e *discordgo.MessageEmbed) {
	fitEmbedWithin(e, maxEmbedTotal)
}

// fitEmbedWithin is fitEmbed for an embed whose share of the message's
// 6000 characters is total.
func fitEmbedWithin(e *discordgo.MessageEmbed, total int) {
	e.Title = truncate(e.Title, maxTitle)
	e.Description = truncate(e.Description, maxDescription)
	if e.Footer != nil {
		e.Footer.Text = truncate(e.Footer.Text, maxFooter)
	}
	if len(e.Fields) > maxFields {
		e.Fields = e.Fields[:maxFields]
	}
	for _, f := range e.Fields {
		f.Name = truncate(f.Name, maxFieldName)
		f.Value = truncate(f.Value, maxFieldValue)
		if f.Name == "" {
			f.Name = "\u200b"
		}
		if f.Value == "" {
			f.Value = "\u200b"
		}
	}
	for embedLen(e) > total && len(e.Fields) > 0 {
		e.Fields = e.Fields[:len(e.Fields)-1]
	}
	if over := embedLen(e) - total; over > 0 {
		e.Description = truncate(e.Description, max(textLen(e.Description)-over, 1))
	}
}

// embedLen counts what Discord counts towards an embed's 6000 characters.
func embedLen(e *discordgo.MessageEmbed) int {
	n := textLen(e.Title) + textLen(e.Description)
	if e.Footer != nil {
		n += textLen(e.Footer.Text)
	}
	if e.Author != nil {
		n += textLen(e.Author.Name)
	}
	for _, f := range e.Fields {
		n += textLen(f.Name) + textLen(f.Value)
	}
	return n
}

// DocLink is a document's title and official page: what a condition's
// link to its clause needs.
type DocLink struct{ Title, URL string }

// DocLinks maps a document id to its DocLink. Handlers fill it for the
// documents an answer's conditions cite; renderers add those of the
// clauses they quote.
type DocLinks map[string]DocLink

// withHits returns docs plus the documents of hits and their items.
func (docs DocLinks) withHits(hits ...[]index.Hit) DocLinks {
	out := DocLinks{}
	for _, hs := range hits {
		for _, h := range hs {
			if h.Doc != "" && (h.URL != "" || h.DocTitle != "") {
				out[h.Doc] = DocLink{Title: h.DocTitle, URL: h.URL}
			}
		}
	}
	for k, v := range docs {
		out[k] = v
	}
	return out
}

// statusWord is a status as the verdict line names it, "" for info (a
// fact, not a verdict).
func statusWord(s index.Status) string {
	if s == index.StatusInfo {
		return ""
	}
	if l := statusLabel[s]; l != "" {
		return l
	}
	return statusLabel[index.StatusUnknown]
}

// verdictText is a verdict as a reader meets it: its head in bold, then
// the summary.
func verdictText(topic string, v index.Verdict, budget int) string {
	head, summary := verdictHead(topic, v)
	return "**" + firstNonEmpty(head, "In short:") + "** " + renderQuote(summary, nil, budget)
}

// verdictHead splits a verdict into its head and the rest of its summary.
// An open-source answer's head is "Open source? Yes." or "… No.", never a
// permission; a fact (info) has no head ("").
func verdictHead(topic string, v index.Verdict) (head, summary string) {
	summary = clean(v.Summary)
	if topic == openSourceTopic {
		for _, yn := range []string{"Yes.", "No."} {
			if rest, ok := strings.CutPrefix(summary, yn); ok {
				return "Open source? " + yn, strings.TrimSpace(rest)
			}
		}
		return "Open source?", summary
	}
	return statusWord(v.Status), summary
}

// onlyIf is the "Only if: …" line of what a verdict depends on: the
// topic's own conditions, then the license's gates, each linked to the
// clause that imposes it. Short of room it names the clauses without
// links before it leaves a condition out, and then says so ("…"). It is
// "" without conditions.
func onlyIf(conds []index.Condition, docs DocLinks, licTitle string, budget int) string {
	const head = "**Only if:** "
	room := budget - textLen(head) - 1
	line := conditionList(conds, docs, licTitle)
	if textLen(line) > room {
		line = conditionList(conds, nil, licTitle)
	}
	if line == "" {
		return ""
	}
	if textLen(line) <= room {
		return head + line + "."
	}
	parts := strings.Split(line, "; ")
	return head + joinWithin(parts, "; ", room-3) + "; …"
}

// conditionList joins the conditions' labels, each followed by the clause
// it rests on.
func conditionList(conds []index.Condition, docs DocLinks, licTitle string) string {
	var parts []string
	for _, c := range conds {
		label := strings.ReplaceAll(escapeMarkdown(clean(c.Label)), "; ", ", ")
		if label == "" {
			continue
		}
		if ref := conditionRef(c, docs, licTitle); ref != "" {
			label += " (" + ref + ")"
		}
		parts = append(parts, label)
	}
	return strings.Join(parts, "; ")
}

// conditionRef is the clause a condition rests on, as a link to its
// document's official page labelled with its section ("§2",
// "Llama 4 Acceptable Use Policy ¶3"); plain text without a URL.
func conditionRef(c index.Condition, docs DocLinks, licTitle string) string {
	if c.Doc == "" || c.Section == "" {
		return ""
	}
	label := sectionLabel(c.Section)
	d := docs[c.Doc]
	if t := clean(d.Title); t != "" && t != licTitle {
		label = truncate(t, 80) + " " + label
	}
	text := escapeMarkdown(label)
	if u := safeURL(d.URL); u != "" {
		return "[" + text + "](" + u + ")"
	}
	return text
}

// newConditions are the conditions of an aspect not already named in the
// answer it follows: gates apply to both and are said once.
func newConditions(conds, said []index.Condition) []index.Condition {
	seen := map[string]bool{}
	for _, c := range said {
		seen[c.Label] = true
	}
	var out []index.Condition
	for _, c := range conds {
		if !seen[c.Label] {
			out = append(out, c)
		}
	}
	return out
}
