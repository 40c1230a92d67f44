package bot

import (
	"context"

	"github.com/bwmarrin/discordgo"
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
	if err != nil {
		return nil, err
	}
	return RenderClause(h, d.Engine.Stats(), false), nil
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
	return licenseChoices(d.Engine.Licenses(), typedString(focused))
}
