package bot

import (
	"context"
	"fmt"
	"strings"

	"github.com/bwmarrin/discordgo"

	"github.com/licensebot/licensebot/index"
)

// maxTopicInput bounds the topic a user may type; Discord enforces it on
// the option and handleLicense again, since HTTP payloads are only as
// well-formed as their sender.
const maxTopicInput = 200

var licenseCommand = Command{
	Spec: &discordgo.ApplicationCommand{
		Name:        "license",
		Type:        discordgo.ChatApplicationCommand,
		Description: "What a license says on a topic: a verdict and the exact clauses.",
		Options: []*discordgo.ApplicationCommandOption{
			licenseOption(true),
			{
				Type:         discordgo.ApplicationCommandOptionString,
				Name:         "topic",
				Description:  "A topic (pick one) or your own words, e.g. attribution",
				Required:     true,
				Autocomplete: true,
				MaxLength:    maxTopicInput,
			},
		},
	},
	Handle:       handleLicense,
	Autocomplete: autocompleteLicenseTopic,
}

// licenseOption is the license option shared by the commands.
func licenseOption(required bool) *discordgo.ApplicationCommandOption {
	return &discordgo.ApplicationCommandOption{
		Type:         discordgo.ApplicationCommandOptionString,
		Name:         "license",
		Description:  "The license, e.g. llama4",
		Required:     required,
		Autocomplete: true,
		MaxLength:    100,
	}
}

func handleLicense(ctx context.Context, d *Deps, i *discordgo.Interaction) (*discordgo.InteractionResponse, error) {
	opts := options(i)
	lic := clean(stringOption(opts, "license"))
	topic := truncate(clean(stringOption(opts, "topic")), maxTopicInput)
	if lic == "" {
		return nil, userErrorf("Which license? Start typing in the `license` option, e.g. `llama4`.")
	}
	info, err := d.Engine.ResolveLicense(lic)
	if err != nil {
		return nil, err
	}
	title := escapeMarkdown(firstNonEmpty(clean(info.Title), info.Key))
	if !hasWord(topic) {
		return renderTopics(fmt.Sprintf("What about **%s**? These are the topics I have verdicts on:", title), d.Engine.Topics(info.Key)), nil
	}
	a, err := d.Engine.Ask(ctx, info.Key, topic)
	if err != nil {
		return nil, err
	}
	if !a.Curated && len(a.Clauses) == 0 {
		return renderTopics(fmt.Sprintf("I have no answer on %s for **%s**, and I won't guess. These are the topics I have verdicts on:",
			inlineCode(topic, 80), title), d.Engine.Topics(info.Key)), nil
	}
	fillPinned(ctx, d, i, a) // links a moderator-pinned answer (pin.go)
	return RenderAnswer(a), nil
}

// hasWord reports whether s has anything to search for.
func hasWord(s string) bool {
	return strings.IndexFunc(s, isAlnum) >= 0
}

// autocompleteLicenseTopic completes both options of /license.
func autocompleteLicenseTopic(ctx context.Context, d *Deps, i *discordgo.Interaction, focused *discordgo.ApplicationCommandInteractionDataOption) []*discordgo.ApplicationCommandOptionChoice {
	switch focused.Name {
	case "license":
		return licenseChoices(d.Engine.Licenses(), typedString(focused))
	case "topic":
		opts := options(i)
		info, ok := guessLicense(d.Engine, stringOption(opts, "license"))
		if !ok {
			return nil
		}
		return topicChoices(d.Engine.Topics(info.Key), typedString(focused))
	}
	return nil
}

// guessLicense resolves what is typed so far, falling back to the best
// autocomplete match so topics appear before the license is picked.
func guessLicense(eng Engine, typed string) (index.LicenseInfo, bool) {
	typed = clean(typed)
	if typed == "" {
		return index.LicenseInfo{}, false
	}
	if info, err := eng.ResolveLicense(typed); err == nil {
		return info, true
	}
	all := eng.Licenses()
	ranked := rankLicenses(all, typed)
	if len(ranked) == 0 {
		return index.LicenseInfo{}, false
	}
	return ranked[0], true
}
