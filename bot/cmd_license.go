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
	e, err := cachedAsk(ctx, d, info.Key, topic) // answers.go
	if err != nil {
		return nil, err
	}
	if a := e.a; !a.Curated && len(a.Clauses) == 0 {
		return renderTopics(fmt.Sprintf("I have no answer on %s for **%s**, and I won't guess. These are the topics I have verdicts on:",
			inlineCode(topic, 80), title), d.Engine.Topics(info.Key)), nil
	}
	return e.response(ctx, d, i), nil // with the link to a moderator-pinned answer (pin.go)
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

// Budgets of an answer inside Discord's limits. The description holds the
// verdict and a few short lines; clauses go in fields; all of it must stay
// under 6000.
const (
	descriptionBudget = 1800
	clauseQuoteMax    = 900 // a field's quote, before the link line
	maxAnswerClauses  = 3
)

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
