package bot

import (
	"context"

	"github.com/bwmarrin/discordgo"
)

// maxQueryInput bounds a search query, as maxTopicInput does a topic.
const maxQueryInput = 200

var searchCommand = Command{
	Spec: &discordgo.ApplicationCommand{
		Name:        "search",
		Type:        discordgo.ChatApplicationCommand,
		Description: "Free-text search across every license, policy and the critique.",
		Options: []*discordgo.ApplicationCommandOption{
			{
				Type:        discordgo.ApplicationCommandOptionString,
				Name:        "query",
				Description: "What to look for, e.g. monthly active users",
				Required:    true,
				MaxLength:   maxQueryInput,
			},
			licenseOption(false),
		},
	},
	Handle:       handleSearch,
	Autocomplete: autocompleteLicenseOnly,
}

func handleSearch(ctx context.Context, d *Deps, i *discordgo.Interaction) (*discordgo.InteractionResponse, error) {
	opts := options(i)
	query := truncate(clean(stringOption(opts, "query")), maxQueryInput)
	lic := clean(stringOption(opts, "license"))
	if !hasWord(query) {
		return nil, userErrorf("Search for some words, e.g. `/search query:monthly active users`.")
	}
	key := ""
	if lic != "" {
		info, err := d.Engine.ResolveLicense(lic)
		if err != nil {
			return nil, err
		}
		key = info.Key
	}
	hits, err := d.Engine.Search(ctx, query, key, maxSearchHits)
	if err != nil {
		return nil, err
	}
	return RenderSearch(query, key, hits, d.Engine.Stats()), nil
}
