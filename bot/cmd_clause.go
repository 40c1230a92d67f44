package bot

import (
	"context"
	"errors"
	"strings"

	"github.com/bwmarrin/discordgo"

	"github.com/licensebot/licensebot/index"
)

var clauseCommand = Command{
	Spec: &discordgo.ApplicationCommand{
		Name:        "clause",
		Type:        discordgo.ChatApplicationCommand,
		Description: "The exact text of one section of a license, e.g. llama4 1.b.i",
		Options: []*discordgo.ApplicationCommandOption{
			licenseOption(true),
			{
				Type:        discordgo.ApplicationCommandOptionString,
				Name:        "section",
				Description: "Section number, e.g. 1.b.i",
				Required:    true,
				MaxLength:   100,
			},
		},
	},
	Handle:       handleClause,
	Autocomplete: autocompleteLicenseOnly,
}

func handleClause(ctx context.Context, d *Deps, i *discordgo.Interaction) (*discordgo.InteractionResponse, error) {
	opts := options(i)
	lic := clean(stringOption(opts, "license"))
	section := clean(stringOption(opts, "section"))
	if lic == "" || section == "" {
		return nil, userErrorf("Give a license and a section, e.g. `/clause license:llama4 section:1.b.i`.")
	}
	info, err := d.Engine.ResolveLicense(lic)
	if err != nil {
		return nil, err
	}
	h, err := d.Engine.Clause(ctx, info.Key, section)
	if m, ok := modelNamed(d.Engine, lic); errors.Is(err, index.ErrNoSuchSection) && ok {
		if other := clauseOfModel(ctx, d.Engine, m, section); other != nil {
			h, err = other, nil // the section is in the model's other license
		}
	}
	if err != nil {
		return nil, err
	}
	return RenderClause(h, d.Engine.Stats(), false), nil
}

// clauseOfModel looks a section up in each license a model is under, in
// the catalogue's order; nil when none has it.
func clauseOfModel(ctx context.Context, eng Engine, m index.ModelInfo, section string) *index.Hit {
	for _, key := range m.Licenses {
		if h, err := eng.Clause(ctx, key, section); err == nil {
			return h
		}
	}
	return nil
}

// handleFullClause answers the Full clause button privately with the
// whole clause.
func handleFullClause(ctx context.Context, d *Deps, i *discordgo.Interaction, customID string) (*discordgo.InteractionResponse, error) {
	license, doc, section, ok := parseClauseCustomID(customID)
	if !ok {
		return nil, userErrorf("This button is from an older version of the bot; ask again to get a fresh answer.")
	}
	if license == "" {
		license = doc
	}
	h, err := d.Engine.Clause(ctx, license, doc+"#"+section)
	if err != nil {
		return nil, err
	}
	return RenderClause(h, d.Engine.Stats(), true), nil
}

// autocompleteLicenseOnly completes the license option of commands whose
// other options are free text.
func autocompleteLicenseOnly(ctx context.Context, d *Deps, i *discordgo.Interaction, focused *discordgo.ApplicationCommandInteractionDataOption) []*discordgo.ApplicationCommandOptionChoice {
	if focused.Name != "license" {
		return nil
	}
	return subjectChoices(d.Engine, typedString(focused))
}

// fullClauseBudget is how much of a clause RenderClause quotes.
const fullClauseBudget = 3800

// RenderClause shows one clause in full (cut only past Discord's limits):
// its clean text (Display, for a boxed section), and for a clause that
// introduces a list or a heading that groups items, every item under its
// label.
func RenderClause(h *index.Hit, st index.Stats, private bool) *discordgo.InteractionResponse {
	title := sectionLabel(h.Section)
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
	intro, items := clauseParts(*h)
	link := linkLine(h.URL)
	if len(items) == 0 {
		// An item of a list under the end of the list's lead-in, as
		// answers and searches show it (and `licensebot clause`): "Guns
		// and illegal weapons" alone is no ban.
		lead := leadLine(*h)
		body := lead + renderQuote(intro, h.Matched, fullClauseBudget-textLen(lead))
		if strings.HasSuffix(strings.TrimSpace(intro), ":") {
			body += listContinues // a list the lookup did not return
		}
		if link != "" {
			body += "\n\n" + link
		}
		e.Description = body
	} else {
		fullList(e, *h, intro, items, link)
	}
	fitEmbed(e)
	return messageResponse(e, nil, private)
}

// fullList puts a list clause in e: its intro and items in the
// description, and the items the description has no room for in fields
// after it ("continued"), up to the embed's 6000 characters, so the Full
// clause of the Llama 4 policy's 33 bans shows every one of them. Only
// what even that cannot hold is left to the official text, with a note
// saying how many items.
func fullList(e *discordgo.MessageEmbed, h index.Hit, intro string, items []index.Hit, link string) {
	labels, texts, lines := fullListLines(h, intro, items)
	tail := "\n\n" + link
	if link == "" {
		tail = ""
	}
	room := maxEmbedTotal - embedLen(e) - textLen(tail) - textLen(leftInTextNote(len(items))) - textLen(listContinues)
	var chunks []string
	var cur strings.Builder
	limit := fullClauseBudget // the description's, then each field's, which keeps room for the notes and the link
	shown := 0
	for n, l := range lines {
		if cur.Len() > 0 && textLen(cur.String())+1+textLen(l) > limit {
			chunks = append(chunks, cur.String())
			room -= textLen(cur.String()) + textLen(continuedName)
			cur.Reset()
			limit = maxFieldValue - textLen(leftInTextNote(len(items))) - textLen(listContinues) - textLen(tail)
		}
		if textLen(l) > limit { // an item longer than a field: cut at a sentence
			l = labels[n] + quoteLines(texts[n], h.Matched, "", limit-textLen(labels[n]))
		}
		if textLen(cur.String())+1+textLen(l) > room-textLen(continuedName) {
			break
		}
		if cur.Len() > 0 {
			cur.WriteString("\n")
		}
		cur.WriteString(l)
		if n > 0 {
			shown++
		}
	}
	last := cur.String()
	if left := len(items) - shown; left > 0 {
		last += leftInTextNote(left)
	} else if l := items[len(items)-1]; strings.HasSuffix(strings.TrimSpace(firstNonEmpty(l.Display, l.Text)), ":") {
		last += listContinues
	}
	chunks = append(chunks, last)
	e.Description = chunks[0]
	for _, c := range chunks[1:] {
		e.Fields = append(e.Fields, &discordgo.MessageEmbedField{Name: continuedName, Value: c})
	}
	if tail != "" {
		if len(e.Fields) == 0 {
			e.Description += tail
		} else if f := e.Fields[len(e.Fields)-1]; textLen(f.Value+tail) <= maxFieldValue {
			f.Value += tail
		}
	}
}

// fullListLines are the lines of fullList, the intro's and each item's:
// its label and text, and the line rendered whole. An item longer than a
// field is cut from its text, not from what rendering it escaped and
// bolded.
func fullListLines(h index.Hit, intro string, items []index.Hit) (labels, texts, lines []string) {
	labels, texts = []string{""}, []string{intro}
	lines = []string{quoteLines(intro, h.Matched, "", fullClauseBudget)}
	for _, it := range items {
		label := inlineCode(itemLabel(h.Section, it.Section), 40) + " "
		text := strings.ReplaceAll(firstNonEmpty(it.Display, it.Text), "\n", " ")
		labels, texts = append(labels, label), append(texts, text)
		lines = append(lines, label+quoteLines(text, h.Matched, "", wholeItem))
	}
	return labels, texts, lines
}

// continuedName names the fields that carry on a Full clause's list.
const continuedName = "(continued)"

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
			label = truncate("Full clause "+sectionLabel(h.Section), maxButtonLabel)
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
