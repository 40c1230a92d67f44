package bot

import (
	"context"
	"fmt"
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
		Description: "Free-text search of every text, or of the license the query names (license: all for every text).",
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
	// SearchIn resolves the license option (a name, a model, or "all"),
	// and says which license it searched.
	res, err := d.Engine.SearchIn(ctx, query, lic, maxSearchHits)
	if err != nil {
		return nil, err
	}
	hits := res.Hits
	if len(hits) > maxSearchHits {
		hits = hits[:maxSearchHits]
	}
	// Where the hits come from: a query may name its license, or a model.
	keys := make([]string, len(hits))
	for n, h := range hits {
		keys[n] = licenseForHit(ctx, d.Engine, res.License, h)
	}
	return RenderSearch(query, searchScope(res), hits, d.Engine.Stats(), keys), nil
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

// Budgets of a search reply: how many hits, and how much of each.
const (
	searchQuoteMax = 500
	maxSearchHits  = 5
)

// searchScope says where a search looked: every text, a license with the
// policies it incorporates, or the licenses of a family the query named,
// and what the corpus says about them when that was searched too.
func searchScope(res *index.SearchResult) string {
	license, about := escapeMarkdown(clean(res.License)), ""
	if len(res.Also) > 0 {
		about = " and what the corpus says about it"
	}
	switch {
	case res.Family != "":
		if about != "" {
			about = " and what the corpus says about them"
		}
		return "the " + escapeMarkdown(clean(res.Family)) + " licenses (" + escapeMarkdown(clean(strings.Join(res.Members, ", "))) + "), with any policy they incorporate" + about
	case license == "" && res.Document != nil:
		// A document other than a license given as the license to search.
		return "the whole corpus, favouring " + escapeMarkdown(clean(res.Document.Named()))
	case license == "":
		return "the whole corpus"
	case about != "":
		return license + ", the policies it incorporates" + about
	}
	return license + " and the policies it incorporates"
}

// RenderSearch shows the best hits of a free-text search in scope (see
// searchScope). keys[n] is the license whose Full clause button opens
// hits[n] ("" leaves it out).
func RenderSearch(query, scope string, hits []index.Hit, st index.Stats, keys []string) *discordgo.InteractionResponse {
	q := truncate(clean(query), maxQuestionEcho)
	e := &discordgo.MessageEmbed{
		Title:  truncate("Search: "+q, maxTitle),
		Color:  statusColor[index.StatusUnknown],
		Footer: &discordgo.MessageEmbedFooter{Text: footer(st.CorpusVersion, st.IndexedAt)},
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
