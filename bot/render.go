package bot

import (
	"fmt"
	"net/url"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/bwmarrin/discordgo"

	"github.com/licensebot/licensebot/index"
)

// Budgets inside Discord's limits. The description holds the verdict and a
// few short lines; clauses go in fields; all of it must stay under 6000.
const (
	descriptionBudget = 1800
	clauseQuoteMax    = 900 // a field's quote, before the link line
	searchQuoteMax    = 500
	maxAnswerClauses  = 3
	maxSearchHits     = 5
	fullClauseBudget  = 3800
)

// Embed colours by verdict status.
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

// osdCriteria are the titles of the Open Source Definition's criteria.
var osdCriteria = map[int]string{
	1:  "Free Redistribution",
	2:  "Source Code",
	3:  "Derived Works",
	4:  "Integrity of the Author's Source Code",
	5:  "No Discrimination Against Persons or Groups",
	6:  "No Discrimination Against Fields of Endeavor",
	7:  "Distribution of License",
	8:  "License Must Not Be Specific to a Product",
	9:  "License Must Not Restrict Other Software",
	10: "License Must Be Technology-Neutral",
}

// RenderAnswer turns an Answer into the public reply described in
// DESIGN.md: one embed (verdict, clauses, open-source line, footer) and the
// Full clause and Pin buttons. It is pure and always within Discord's
// limits, whatever the Answer holds.
func RenderAnswer(a *index.Answer) *discordgo.InteractionResponse {
	licTitle := firstNonEmpty(clean(a.LicenseTitle), clean(a.License))
	topic := firstNonEmpty(clean(a.TopicLabel), clean(a.Topic))
	e := &discordgo.MessageEmbed{
		Title:  truncate(licTitle+" — "+truncate(topic, maxQuestionEcho), maxTitle),
		URL:    safeURL(a.URL),
		Color:  statusColor[a.Verdict.Status],
		Footer: &discordgo.MessageEmbedFooter{Text: footer(a.CorpusVersion, a.IndexedAt)},
	}

	var desc []string
	if a.Curated {
		label := statusLabel[a.Verdict.Status]
		if label == "" {
			label = statusLabel[index.StatusUnknown]
		}
		desc = append(desc, "**"+label+"** "+renderQuote(a.Verdict.Summary, nil, 1200))
	} else {
		desc = append(desc, "**No curated verdict.** I have no verdict on this topic for this license, so I won't guess. "+
			"Below are the clauses that best match it — read them yourself.")
	}
	if a.OpenSource != nil && a.OpenSource.OSD == "fail" {
		desc = append(desc, "**Open source?** "+osdLine(a.OpenSource.Failed))
	}
	if a.Pinned != nil {
		if u := safeURL(a.Pinned.URL); u != "" {
			desc = append(desc, "📌 Moderators pinned an answer to this question: [open it]("+u+")")
		}
	}
	e.Description = joinWithin(desc, "\n\n", descriptionBudget)

	clauses := a.Clauses
	if len(clauses) > maxAnswerClauses {
		clauses = clauses[:maxAnswerClauses]
	}
	e.Fields = clauseFields(clauses, licTitle, e, clauseQuoteMax)
	fitEmbed(e)

	return &discordgo.InteractionResponse{
		Type: discordgo.InteractionResponseChannelMessageWithSource,
		Data: &discordgo.InteractionResponseData{
			Embeds:          []*discordgo.MessageEmbed{e},
			Components:      answerButtons(a.License, a.Topic, clauses),
			AllowedMentions: noMentions(),
		},
	}
}

// RenderSearch shows the best hits of a free-text search. keys[n] is the
// license whose Full clause button opens hits[n] ("" leaves it out).
func RenderSearch(query, license string, hits []index.Hit, st index.Stats, keys []string) *discordgo.InteractionResponse {
	q := truncate(clean(query), maxQuestionEcho)
	e := &discordgo.MessageEmbed{
		Title:  truncate("Search: "+q, maxTitle),
		Color:  statusColor[index.StatusUnknown],
		Footer: &discordgo.MessageEmbedFooter{Text: footer(st.CorpusVersion, st.IndexedAt)},
	}
	scope := "the whole corpus"
	if license != "" {
		scope = escapeMarkdown(clean(license)) + " and the policies it incorporates"
	}
	if len(hits) == 0 {
		e.Description = "Nothing in " + scope + " matches that. Try other words, or `/license` with a topic."
		fitEmbed(e)
		return messageResponse(e, nil, false)
	}
	if len(hits) > maxSearchHits {
		hits = hits[:maxSearchHits]
	}
	e.Description = fmt.Sprintf("Best %d matches in %s, quoted verbatim. Search is not a verdict.", len(hits), scope)
	e.Fields = clauseFields(hits, "", e, searchQuoteMax)
	fitEmbed(e)
	var row []discordgo.MessageComponent
	for n, h := range hits {
		if n < len(keys) && keys[n] != "" {
			row = append(row, clauseButtonList(keys[n], []index.Hit{h}, len(hits) > 1)...)
		}
	}
	var comps []discordgo.MessageComponent
	if len(row) > 0 {
		comps = []discordgo.MessageComponent{discordgo.ActionsRow{Components: row}}
	}
	return messageResponse(e, comps, false)
}

// RenderClause shows one clause in full (cut only past Discord's limits).
func RenderClause(h *index.Hit, st index.Stats, private bool) *discordgo.InteractionResponse {
	title := "§" + clean(h.Section)
	if h.DocTitle != "" {
		title = clean(h.DocTitle) + " " + title
	}
	if h.Heading != "" {
		title += " — " + clean(h.Heading)
	}
	e := &discordgo.MessageEmbed{
		Title:  truncate(title, maxTitle),
		URL:    safeURL(h.URL),
		Color:  statusColor[index.StatusUnknown],
		Footer: &discordgo.MessageEmbedFooter{Text: footer(st.CorpusVersion, st.IndexedAt)},
	}
	body := renderQuote(h.Text, h.Matched, fullClauseBudget)
	if l := linkLine(h.URL); l != "" {
		body += "\n\n" + l
	}
	e.Description = body
	fitEmbed(e)
	return messageResponse(e, nil, private)
}

// renderTopics lists what can be asked about a license, privately.
func renderTopics(intro string, topics []index.TopicInfo) *discordgo.InteractionResponse {
	var b strings.Builder
	b.WriteString(intro)
	if len(topics) == 0 {
		b.WriteString("\nI have no curated topics for it yet; try `/search`.")
	}
	for _, t := range topics {
		line := "\n• " + inlineCode(t.ID, 60)
		if t.Label != "" && !strings.EqualFold(t.Label, t.ID) {
			line += " — " + escapeMarkdown(truncate(clean(t.Label), 80))
		}
		if textLen(b.String())+textLen(line)+4 > maxContent {
			b.WriteString("\n• …")
			break
		}
		b.WriteString(line)
	}
	return ephemeral(b.String())
}

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
	if len(hits) == 0 {
		return nil
	}
	fields := make([]*discordgo.MessageEmbedField, len(hits))
	used := textLen(e.Title) + textLen(e.Description) + textLen(e.Footer.Text)
	for n, h := range hits {
		fields[n] = &discordgo.MessageEmbedField{Name: clauseName(h, licTitle)}
		used += textLen(fields[n].Name)
	}
	share := (maxEmbedTotal - used) / len(hits)
	for n, h := range hits {
		budget := min(share, maxFieldValue)
		link := linkLine(h.URL)
		if link != "" && textLen(link)+40 < budget {
			budget -= textLen(link) + 1
		} else {
			link = ""
		}
		budget = min(budget-2, quoteMax) // "> "
		quote := renderQuote(h.Text, h.Matched, budget)
		v := "> " + strings.ReplaceAll(quote, "\n", "\n> ")
		if textLen(v) > budget+2 { // line breaks grew it; recut plainly
			v = "> " + renderQuote(strings.ReplaceAll(h.Text, "\n", " "), h.Matched, budget)
		}
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
	name := "§" + clean(h.Section)
	if dt := clean(h.DocTitle); dt != "" && dt != licTitle {
		name = truncate(dt, 120) + " " + name
	}
	if hd := clean(h.Heading); hd != "" {
		name += " · " + hd
	}
	return truncate(escapeMarkdown(truncate(name, 200)), maxFieldName)
}

func osdLine(failed []int) string {
	if len(failed) == 0 {
		return "No — it does not meet the Open Source Definition."
	}
	parts := make([]string, 0, len(failed))
	for _, c := range failed {
		if t, ok := osdCriteria[c]; ok {
			parts = append(parts, fmt.Sprintf("OSD %d (%s)", c, t))
		} else {
			parts = append(parts, fmt.Sprintf("OSD %d", c))
		}
	}
	return "No — it fails " + joinAnd(parts) + "."
}

func joinAnd(parts []string) string {
	switch len(parts) {
	case 0:
		return ""
	case 1:
		return parts[0]
	}
	return strings.Join(parts[:len(parts)-1], ", ") + " and " + parts[len(parts)-1]
}

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

// answerButtons are Full clause for each quoted clause, then Pin.
func answerButtons(license, topic string, clauses []index.Hit) []discordgo.MessageComponent {
	row := clauseButtonList(license, clauses, len(clauses) > 1)
	if id := PinCustomID(license, topic); id != "" {
		row = append(row, discordgo.Button{
			Label:    "Pin",
			Emoji:    &discordgo.ComponentEmoji{Name: "📌"},
			Style:    discordgo.SecondaryButton,
			CustomID: id,
		})
	}
	if len(row) == 0 {
		return nil
	}
	return []discordgo.MessageComponent{discordgo.ActionsRow{Components: row}}
}

func clauseButtonList(license string, hits []index.Hit, numbered bool) []discordgo.MessageComponent {
	var row []discordgo.MessageComponent
	seen := map[string]bool{}
	for _, h := range hits {
		id := ClauseCustomID(license, h.Doc, h.Section)
		if id == "" || seen[id] || len(row) == 4 { // 5 per row; one kept for Pin
			continue
		}
		seen[id] = true
		label := "Full clause"
		if numbered {
			label = truncate("Full clause §"+clean(h.Section), maxButtonLabel)
		}
		row = append(row, discordgo.Button{Label: label, Style: discordgo.SecondaryButton, CustomID: id})
	}
	return row
}

// ClauseCustomID is the Full clause button's custom_id,
// "clause:<license>:<doc>#<section>", or "" when it would pass Discord's
// 100-character limit (the button is then left out, never cut).
func ClauseCustomID(license, doc, section string) string {
	id := ClausePrefix + ":" + license + ":" + doc + "#" + section
	if len(id) > maxCustomID || strings.ContainsAny(license+doc, ":#") {
		return ""
	}
	return id
}

// parseClauseCustomID undoes ClauseCustomID.
func parseClauseCustomID(id string) (license, doc, section string, ok bool) {
	rest, ok := strings.CutPrefix(id, ClausePrefix+":")
	if !ok {
		return "", "", "", false
	}
	license, rest, ok = strings.Cut(rest, ":")
	if !ok {
		return "", "", "", false
	}
	doc, section, ok = strings.Cut(rest, "#")
	if !ok || doc == "" || section == "" {
		return "", "", "", false
	}
	return license, doc, section, true
}

// PinCustomID is the Pin button's custom_id, "pin:<license>:<topic>", or ""
// when it would pass Discord's 100-character limit. The pin feature parses
// it.
func PinCustomID(license, topic string) string {
	id := PinPrefix + ":" + license + ":" + topic
	if license == "" || topic == "" || len(id) > maxCustomID {
		return ""
	}
	return id
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

// renderQuote renders verbatim text for Discord: Markdown in it escaped so
// it shows as written, the matched words in bold, and — when longer than
// budget — cut after the last whole sentence that fits, ending in "…".
// A single sentence too long for the budget is cut at a word instead.
func renderQuote(text string, matched []string, budget int) string {
	key := quoteKey{text: text, matched: strings.Join(matched, "\x00"), budget: budget}
	if q, ok := quotes.get(key); ok {
		return q
	}
	q := renderQuoteUncached(text, matched, budget)
	quotes.put(key, q)
	return q
}

// quotes memoizes renderQuote: the same clauses are quoted again and again
// (a channel asks the same questions), and rendering one costs more than
// verifying the request's signature.
var quotes = &quoteCache{m: make(map[quoteKey]string)}

type quoteKey struct {
	text, matched string
	budget        int
}

// quoteCache is a bounded map, emptied when full: cheap, and the working
// set of clauses is small.
type quoteCache struct {
	mu sync.Mutex
	m  map[quoteKey]string
}

const quoteCacheSize = 4096

func (c *quoteCache) get(k quoteKey) (string, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	q, ok := c.m[k]
	return q, ok
}

func (c *quoteCache) put(k quoteKey, q string) {
	if len(k.text) > 64<<10 {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.m) >= quoteCacheSize {
		clear(c.m)
	}
	c.m[k] = q
}

func renderQuoteUncached(text string, matched []string, budget int) string {
	text = cleanMultiline(text)
	if full := emphasize(text, matched); textLen(full) <= budget {
		return full
	}
	room := budget - textLen(ellipsis)
	if room <= 0 {
		return ""
	}
	var b strings.Builder
	n := 0
	for _, s := range sentences(text) {
		r := emphasize(s, matched)
		if n+textLen(r) > room {
			break
		}
		b.WriteString(r)
		n += textLen(r)
	}
	if n > 0 {
		return b.String() + ellipsis
	}
	// Not even one sentence fits: the longest run of whole words that does.
	words := wordEnds(text)
	lo, hi := 0, len(words)-1
	best := ""
	for lo <= hi {
		mid := (lo + hi) / 2
		r := emphasize(strings.TrimRightFunc(text[:words[mid]], unicode.IsSpace), matched)
		if textLen(r)+1 <= room {
			best, lo = r, mid+1
		} else {
			hi = mid - 1
		}
	}
	if best == "" {
		return truncate(escapeMarkdown(text), budget)
	}
	return best + " " + ellipsis
}

// sentences splits text after sentence-ending punctuation (with any closing
// quotes or brackets) followed by a space; each piece keeps its trailing
// space, so concatenating them gives back text.
func sentences(text string) []string {
	var out []string
	start := 0
	for i := 0; i < len(text); {
		r, w := utf8.DecodeRuneInString(text[i:])
		i += w
		if r != '.' && r != '!' && r != '?' && r != ';' {
			continue
		}
		j := i
		for j < len(text) {
			c, cw := utf8.DecodeRuneInString(text[j:])
			if !strings.ContainsRune("\"'”’)]", c) {
				break
			}
			j += cw
		}
		if j < len(text) && (text[j] == ' ' || text[j] == '\n') {
			for j < len(text) && (text[j] == ' ' || text[j] == '\n') {
				j++
			}
			out = append(out, text[start:j])
			start, i = j, j
		}
	}
	if start < len(text) {
		out = append(out, text[start:])
	}
	return out
}

// wordEnds are the byte offsets where words end.
func wordEnds(text string) []int {
	var ends []int
	for i := 1; i < len(text); i++ {
		if text[i] == ' ' && text[i-1] != ' ' {
			ends = append(ends, i)
		}
	}
	return ends
}

// emphasize escapes s and bolds every whole-word occurrence of the matched
// terms (ASCII case-insensitive). Bold markers only ever wrap escaped text,
// so Markdown in the clause itself cannot unbalance them.
func emphasize(s string, matched []string) string {
	spans := matchSpans(s, matched)
	if len(spans) == 0 {
		return escapeMarkdown(s)
	}
	var b strings.Builder
	prev := 0
	for _, sp := range spans {
		b.WriteString(escapeMarkdown(s[prev:sp[0]]))
		b.WriteString("**")
		b.WriteString(escapeMarkdown(s[sp[0]:sp[1]]))
		b.WriteString("**")
		prev = sp[1]
	}
	b.WriteString(escapeMarkdown(s[prev:]))
	return b.String()
}

// matchSpans finds non-overlapping whole-word occurrences of terms in s,
// longest term first at each position, merging spans that touch or are
// separated by spaces only (two bold runs back to back would read as
// "****"; "**a** **b**" reads worse than "**a b**").
func matchSpans(s string, terms []string) [][2]int {
	var ts []string
	for _, t := range terms {
		if t = strings.TrimSpace(t); t != "" && len(t) <= 200 {
			ts = append(ts, asciiLower(t))
		}
	}
	if len(ts) == 0 {
		return nil
	}
	ls := asciiLower(s)
	var spans [][2]int
	for i := 0; i < len(ls); {
		if i > 0 && isWordByte(ls, i-1) && isWordStart(ls, i) {
			i++
			continue
		}
		best := 0
		for _, t := range ts {
			if len(t) > best && strings.HasPrefix(ls[i:], t) && !isWordStart(ls, i+len(t)) {
				best = len(t)
			}
		}
		if best == 0 {
			_, w := utf8.DecodeRuneInString(ls[i:])
			i += w
			continue
		}
		if n := len(spans); n > 0 && strings.Trim(ls[spans[n-1][1]:i], " ") == "" {
			spans[n-1][1] = i + best
		} else {
			spans = append(spans, [2]int{i, i + best})
		}
		i += best
	}
	return spans
}

func isWordStart(s string, i int) bool {
	if i >= len(s) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

func isWordByte(s string, i int) bool {
	r, _ := utf8.DecodeLastRuneInString(s[:i+1])
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

func asciiLower(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'A' && c <= 'Z' {
			b := []byte(s)
			for j := i; j < len(b); j++ {
				if b[j] >= 'A' && b[j] <= 'Z' {
					b[j] += 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return s
}

// fitEmbed is the last guard on Discord's limits: whatever the parts
// above computed, the embed that leaves here is valid. Fields are dropped
// from the end before anything else is cut.
func fitEmbed(e *discordgo.MessageEmbed) {
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
	for embedLen(e) > maxEmbedTotal && len(e.Fields) > 0 {
		e.Fields = e.Fields[:len(e.Fields)-1]
	}
	if over := embedLen(e) - maxEmbedTotal; over > 0 {
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
