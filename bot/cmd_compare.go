package bot

import (
	"context"
	"strings"

	"github.com/bwmarrin/discordgo"

	"github.com/licensebot/licensebot/index"
)

var compareCommand = Command{
	Spec: &discordgo.ApplicationCommand{
		Name:        "compare",
		Type:        discordgo.ChatApplicationCommand,
		Description: "Two licenses side by side on one topic: verdicts and the clauses behind them.",
		Options: []*discordgo.ApplicationCommandOption{
			{Type: discordgo.ApplicationCommandOptionString, Name: "first", Description: "First license or model, e.g. llama3", Required: true, Autocomplete: true, MaxLength: 100},
			{Type: discordgo.ApplicationCommandOptionString, Name: "second", Description: "Second license or model, e.g. llama4", Required: true, Autocomplete: true, MaxLength: 100},
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
	docs := DocLinks{}
	for n, lic := range []string{first, second} {
		if _, err := d.Engine.ResolveLicense(lic); err != nil {
			return nil, err
		}
		// Asked by the name given, so a model's answer names the model.
		a, err := d.Engine.Ask(ctx, lic, topic)
		if err != nil {
			return nil, err
		}
		answers[n] = a
		for k, v := range conditionDocs(ctx, d.Engine, a) {
			docs[k] = v
		}
	}
	if index.OneSubject(answers[0], answers[1]) {
		return nil, userErrorf("%s and %s are one license, %s: compare it with another.", inlineCode(first, 60), inlineCode(second, 60), inlineCode(answers[0].License, 60))
	}
	return RenderComparison(answers[0], answers[1], docs), nil
}

// Budgets of a comparison: each side's verdict field, and its quote.
const (
	compareVerdictMax = 400
	compareQuoteMax   = 700
)

// RenderComparison puts two answers to one topic side by side: each
// license's verdict and what it depends on, then the clause that grounds
// it. docs links the clauses the conditions cite (nil: only those quoted).
func RenderComparison(a, b *index.Answer, docs DocLinks) *discordgo.InteractionResponse {
	label := firstNonEmpty(clean(a.TopicLabel), clean(b.TopicLabel), clean(a.Topic))
	e := &discordgo.MessageEmbed{
		Title:  truncate(escapeMarkdown(label)+" — "+escapeMarkdown(subjectName(a))+" vs "+escapeMarkdown(subjectName(b)), maxTitle),
		Color:  compareColor(a, b),
		Footer: &discordgo.MessageEmbedFooter{Text: footer(a.CorpusVersion, a.IndexedAt)},
	}
	var quoted []index.Hit
	var closest []bool
	for _, x := range []*index.Answer{a, b} {
		links := docs.withHits(x.Clauses)
		e.Fields = append(e.Fields, &discordgo.MessageEmbedField{Name: truncate(compareName(x), maxFieldName), Value: truncate(compareVerdict(x, links), maxFieldValue), Inline: true})
		if len(x.Clauses) > 0 {
			quoted = append(quoted, x.Clauses[0])
			closest = append(closest, !x.Curated || !x.Grounded)
		}
	}
	fields := clauseFields(quoted, "", e, compareQuoteMax)
	for n, f := range fields {
		if closest[n] {
			f.Name = truncate("Closest match, not the basis of a verdict · "+f.Name, maxFieldName)
		}
	}
	e.Fields = append(e.Fields, fields...)
	fitEmbed(e)
	return messageResponse(e, nil, false)
}

// subjectName is what the user compared: the model they named, else the
// license key.
func subjectName(a *index.Answer) string {
	if a.Model != nil && clean(a.Model.Name) != "" {
		return clean(a.Model.Name)
	}
	return clean(a.License)
}

// compareName heads one side: the license's title, and the model's name
// when a model was named.
func compareName(a *index.Answer) string {
	title := escapeMarkdown(firstNonEmpty(clean(a.LicenseTitle), clean(a.License)))
	if a.Model != nil && clean(a.Model.Name) != "" {
		return escapeMarkdown(truncate(clean(a.Model.Name), 100)) + " (" + title + ")"
	}
	return title
}

// compareColor is the shared status's colour when both sides agree (none
// for facts), else the colour that says "it depends".
func compareColor(a, b *index.Answer) int {
	if a.Curated && b.Curated && a.Verdict.Status == b.Verdict.Status {
		return statusColor[a.Verdict.Status]
	}
	return statusColor[index.StatusConditional]
}

// compareVerdict is one side's verdict field: the verdict, what it depends
// on, and for a model under two licenses the other license's status; or
// why there is no verdict.
func compareVerdict(a *index.Answer, docs DocLinks) string {
	licTitle := firstNonEmpty(clean(a.LicenseTitle), clean(a.License))
	var v string
	switch {
	case a.Curated:
		v = verdictText(a.Topic, a.Verdict, compareVerdictMax)
		if !a.Grounded {
			v += "\nThe license text does not address this topic."
		}
		if oi := onlyIf(a.Conditions, docs, licTitle, 450); oi != "" {
			v += "\n" + oi
		}
	case a.Closest != nil:
		v = "No verdict on the question as asked. Closest card — " + escapeMarkdown(firstNonEmpty(clean(a.Closest.Label), clean(a.Closest.Topic))) +
			", in general: **" + closestStatus(a.Closest) + "** (context only)."
	case len(a.Suggestions) > 0:
		v = "No verdict: I can't tell which topic the question is about. Likeliest: " + suggestionList(a.Suggestions) + "."
	default:
		v = "No curated verdict; best-matching clause below."
	}
	for _, o := range a.Others {
		if o == nil || !o.Curated {
			continue
		}
		if head, _ := verdictHead(o.Topic, o.Verdict); head != "" {
			v += "\nAlso under " + escapeMarkdown(truncate(firstNonEmpty(clean(o.LicenseTitle), clean(o.License)), 80)) + ": **" + head + "**"
		}
	}
	return v
}

// suggestionList names the likeliest topics as the topic option takes
// them, for a reader to ask again.
func suggestionList(ts []index.TopicScore) string {
	var parts []string
	for _, t := range ts[:min(3, len(ts))] {
		parts = append(parts, inlineCode(t.Topic, 60))
	}
	return strings.Join(parts, ", ")
}

// autocompleteCompare completes both license options and the topic (from
// the first license's topics).
func autocompleteCompare(ctx context.Context, d *Deps, i *discordgo.Interaction, focused *discordgo.ApplicationCommandInteractionDataOption) []*discordgo.ApplicationCommandOptionChoice {
	switch focused.Name {
	case "first", "second":
		return subjectChoices(d.Engine, typedString(focused))
	case "topic":
		info, ok := guessLicense(d.Engine, stringOption(options(i), "first"))
		if !ok {
			return nil
		}
		return topicChoices(d.Engine.Topics(info.Key), typedString(focused))
	}
	return nil
}
