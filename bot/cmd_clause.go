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
	var body string
	if len(items) == 0 {
		body = renderQuote(intro, h.Matched, fullClauseBudget)
		if strings.HasSuffix(strings.TrimSpace(intro), ":") {
			body += listContinues // a list the lookup did not return
		}
	} else {
		body = listBlock(*h, intro, items, "", fullClauseBudget, leftInTextNote)
	}
	if l := linkLine(h.URL); l != "" {
		body += "\n\n" + l
	}
	e.Description = body
	fitEmbed(e)
	return messageResponse(e, nil, private)
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
