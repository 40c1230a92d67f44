package bot

import (
	"context"

	"github.com/bwmarrin/discordgo"

	"github.com/licensebot/licensebot/index"
)

var compareCommand = Command{
	Spec: &discordgo.ApplicationCommand{
		Name:        "compare",
		Type:        discordgo.ChatApplicationCommand,
		Description: "Two licenses side by side on one topic: verdicts and the clauses behind them.",
		Options: []*discordgo.ApplicationCommandOption{
			{Type: discordgo.ApplicationCommandOptionString, Name: "first", Description: "First license, e.g. llama3", Required: true, Autocomplete: true, MaxLength: 100},
			{Type: discordgo.ApplicationCommandOptionString, Name: "second", Description: "Second license, e.g. llama4", Required: true, Autocomplete: true, MaxLength: 100},
			{Type: discordgo.ApplicationCommandOptionString, Name: "topic", Description: "A topic or your own words, e.g. use outputs to train another model", Required: true, Autocomplete: true, MaxLength: maxTopicInput},
		},
	},
	Handle:       handleCompare,
	Autocomplete: autocompleteCompare,
}

func handleCompare(ctx context.Context, d *Deps, i *discordgo.Interaction) (*discordgo.InteractionResponse, error) {
	opts := options(i)
	first, second := clean(stringOption(opts, "first")), clean(stringOption(opts, "second"))
	topic := truncate(clean(stringOption(opts, "topic")), maxTopicInput)
	if first == "" || second == "" || !hasWord(topic) {
		return nil, userErrorf("Give two licenses and a topic, e.g. `/compare first:llama3 second:llama4 topic:outputs`.")
	}
	var answers [2]*index.Answer
	for n, lic := range []string{first, second} {
		info, err := d.Engine.ResolveLicense(lic)
		if err != nil {
			return nil, err
		}
		if answers[n], err = d.Engine.Ask(ctx, info.Key, topic); err != nil {
			return nil, err
		}
	}
	return RenderComparison(answers[0], answers[1]), nil
}

// RenderComparison puts two answers to one topic side by side: each
// license's verdict, then the clause that grounds it.
func RenderComparison(a, b *index.Answer) *discordgo.InteractionResponse {
	label := firstNonEmpty(clean(a.TopicLabel), clean(a.Topic))
	e := &discordgo.MessageEmbed{
		Title:  truncate(escapeMarkdown(label)+" — "+escapeMarkdown(a.License)+" vs "+escapeMarkdown(b.License), maxTitle),
		Color:  statusColor[index.StatusConditional],
		Footer: &discordgo.MessageEmbedFooter{Text: footer(a.CorpusVersion, a.IndexedAt)},
	}
	var quoted []index.Hit
	for _, x := range []*index.Answer{a, b} {
		title := escapeMarkdown(firstNonEmpty(clean(x.LicenseTitle), x.License))
		v := "No curated verdict; best-matching clause below."
		if x.Curated {
			v = "**" + statusLabel[x.Verdict.Status] + "** " + escapeMarkdown(clean(x.Verdict.Summary))
		}
		e.Fields = append(e.Fields, &discordgo.MessageEmbedField{Name: truncate(title, maxFieldName), Value: truncate(v, 700), Inline: true})
		if len(x.Clauses) > 0 {
			quoted = append(quoted, x.Clauses[0])
		}
	}
	e.Fields = append(e.Fields, clauseFields(quoted, "", e, 700)...)
	fitEmbed(e)
	return messageResponse(e, nil, false)
}

// autocompleteCompare completes both license options and the topic (from
// the first license's topics).
func autocompleteCompare(ctx context.Context, d *Deps, i *discordgo.Interaction, focused *discordgo.ApplicationCommandInteractionDataOption) []*discordgo.ApplicationCommandOptionChoice {
	switch focused.Name {
	case "first", "second":
		return licenseChoices(d.Engine.Licenses(), typedString(focused))
	case "topic":
		info, ok := guessLicense(d.Engine, stringOption(options(i), "first"))
		if !ok {
			return nil
		}
		return topicChoices(d.Engine.Topics(info.Key), typedString(focused))
	}
	return nil
}
