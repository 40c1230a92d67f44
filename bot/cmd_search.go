package bot

import (
	"context"
	"strings"

	"github.com/bwmarrin/discordgo"

	"github.com/licensebot/licensebot/index"
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
	if len(hits) > maxSearchHits {
		hits = hits[:maxSearchHits]
	}
	keys := make([]string, len(hits))
	for n, h := range hits {
		keys[n] = licenseForHit(ctx, d.Engine, key, h)
	}
	return RenderSearch(query, key, hits, d.Engine.Stats(), keys), nil
}

// licenseForHit finds a license under which Clause opens h, for its Full
// clause button: the searched license, else the license the document
// belongs to, tried by its id and then by shorter dash-prefixes of it
// ("llama4-aup" → "llama4"). Hits in no license (the critique) get "".
func licenseForHit(ctx context.Context, eng Engine, searched string, h index.Hit) string {
	cands := []string{searched}
	if searched == "" {
		cands = nil
		for doc := h.Doc; doc != ""; {
			cands = append(cands, doc)
			i := strings.LastIndexByte(doc, '-')
			if i < 0 {
				break
			}
			doc = doc[:i]
		}
	}
	for _, c := range cands {
		info, err := eng.ResolveLicense(c)
		if err != nil {
			continue
		}
		if _, err := eng.Clause(ctx, info.Key, h.Doc+"#"+h.Section); err == nil {
			return info.Key
		}
	}
	return ""
}
