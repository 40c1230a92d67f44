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
		Description:  "A license or a model, e.g. llama4 or Qwen2.5-7B-Instruct",
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
	// The engine resolves the name again: a model's answer names the model
	// and answers for each license it is under.
	e, err := cachedAsk(ctx, d, lic, topic) // answers.go
	if err != nil {
		return nil, err
	}
	if a := e.a; !a.Curated && len(a.Clauses) == 0 && a.Closest == nil {
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
		return subjectChoices(d.Engine, typedString(focused))
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
// under 6000, shared by the embeds of a model under two licenses.
const (
	descriptionBudget = 1800
	summaryBudget     = 1200
	clauseQuoteMax    = 900 // a field's quote, before the link line
	maxAnswerClauses  = 3
	maxOtherAnswers   = 2 // a model's further licenses, each its own embed
	maxSuggestions    = 5 // one row of buttons
)

// RenderAnswer turns an Answer into the public reply described in
// DESIGN.md: one embed (verdict, clauses, open-source line, footer) and the
// Full clause and Pin buttons; for a model under two licenses, one embed
// per license; for a question not understood, a button per likely topic.
// docs links the clauses the answer's conditions cite (nil: only those it
// quotes). It is pure and always within Discord's limits, whatever the
// Answer holds.
func RenderAnswer(a *index.Answer, docs DocLinks) *discordgo.InteractionResponse {
	answers := []*index.Answer{a}
	for _, o := range a.Others {
		if o != nil && len(answers) <= maxOtherAnswers {
			answers = append(answers, o)
		}
	}
	share := maxEmbedTotal / len(answers)
	clauses := maxAnswerClauses
	if len(answers) > 1 {
		clauses = 2
	}
	var embeds []*discordgo.MessageEmbed
	var buttons []discordgo.MessageComponent
	for n, x := range answers {
		e, quoted := answerEmbed(x, docs, embedSlot{total: share, clauses: clauses, model: n == 0, footer: n == len(answers)-1})
		embeds = append(embeds, e)
		buttons = append(buttons, clauseButtonList(x.License, quoted, len(answers) > 1 || len(quoted) > 1)...)
	}
	if len(answers) > 1 {
		buttons = licensedButtons(buttons, answers)
	}
	return &discordgo.InteractionResponse{
		Type: discordgo.InteractionResponseChannelMessageWithSource,
		Data: &discordgo.InteractionResponseData{
			Embeds:          embeds,
			Components:      answerComponents(a, buttons),
			AllowedMentions: noMentions(),
		},
	}
}

// embedSlot is one embed's place in an answer: its share of the message's
// 6000 characters, how many clauses it quotes, and whether it carries the
// model line (the first) and the footer (the last).
type embedSlot struct {
	total, clauses int
	model, footer  bool
}

// answerEmbed renders one license's answer and returns the clauses it
// quotes, for their Full clause buttons.
func answerEmbed(a *index.Answer, docs DocLinks, slot embedSlot) (*discordgo.MessageEmbed, []index.Hit) {
	licTitle := firstNonEmpty(clean(a.LicenseTitle), clean(a.License))
	topic := firstNonEmpty(clean(a.TopicLabel), clean(a.Topic))
	if !a.Curated && a.Closest != nil {
		topic = firstNonEmpty(clean(a.Topic), topic) // the question as asked: the card is only context
	}
	title := licTitle
	if a.Model != nil && clean(a.Model.Name) != "" {
		title = clean(a.Model.Name) + " (" + licTitle + ")"
	}
	e := &discordgo.MessageEmbed{
		Title: truncate(title+" — "+truncate(topic, maxQuestionEcho), maxTitle),
		URL:   safeURL(a.URL),
		Color: statusColor[a.Verdict.Status],
	}
	if !a.Curated {
		e.Color = statusColor[index.StatusUnknown]
	}
	if slot.footer {
		e.Footer = &discordgo.MessageEmbedFooter{Text: footer(a.CorpusVersion, a.IndexedAt)}
	}
	clauses := a.Clauses[:min(len(a.Clauses), slot.clauses)]
	links := docs.withHits(a.Clauses)
	e.Description = joinWithin(answerDescription(a, links, licTitle, slot.model, len(clauses) > 0), "\n\n", min(descriptionBudget, slot.total/2))
	e.Fields = clauseFieldsWithin(clauses, licTitle, e, clauseQuoteMax, slot.total)
	fitEmbedWithin(e, slot.total)
	return e, clauses
}

// answerDescription is the text above the clauses: the model line, the
// verdict (or why there is none), the open-source line, the pinned answer
// and the clauses' heading when they are not what the verdict rests on.
func answerDescription(a *index.Answer, docs DocLinks, licTitle string, withModel, quoting bool) []string {
	var desc []string
	if withModel && a.Model != nil {
		desc = append(desc, modelLine(a))
	}
	if t := index.CatalogueText(a.Catalogue, func(n string) string { return "**" + escapeMarkdown(truncate(clean(n), 100)) + "**" },
		func(k string) string { return escapeMarkdown(truncate(clean(k), 60)) }); t != "" {
		desc = append(desc, "**The model catalogue:** "+t)
	}
	if a.Curated {
		desc = append(desc, verdictParts(a, docs, licTitle)...)
	} else {
		desc = append(desc, noVerdictParts(a, docs, licTitle)...)
	}
	if a.OpenSource != nil && a.OpenSource.OSD == "fail" && a.Topic != openSourceTopic {
		desc = append(desc, "**Open source?** "+osdLine(a.OpenSource.Failed))
	}
	if a.Pinned != nil {
		if u := safeURL(a.Pinned.URL); u != "" {
			desc = append(desc, "📌 Moderators pinned an answer to this question: [open it]("+u+")")
		}
	}
	if h := clausesHeading(a); h != "" && quoting {
		desc = append(desc, h)
	}
	return desc
}

// verdictParts are a curated verdict's lines: the verdict, what it
// depends on, a plain statement when the text does not address the topic,
// and the verdict on a second aspect of the question.
func verdictParts(a *index.Answer, docs DocLinks, licTitle string) []string {
	v := verdictText(a.Topic, a.Verdict, summaryBudget)
	if !a.Grounded {
		v += "\nThe license text does not address this topic: no clause of it grounds this verdict."
	}
	if oi := onlyIf(a.Conditions, docs, licTitle, 700); oi != "" {
		v += "\n" + oi
	}
	parts := []string{v}
	for _, x := range a.Also {
		head, summary := verdictHead(x.Topic, x.Verdict)
		bold := "Also — " + escapeMarkdown(firstNonEmpty(clean(x.Label), clean(x.Topic))) + ":"
		if head != "" {
			bold += " " + head
		}
		line := "**" + bold + "** " + renderQuote(summary, nil, 500)
		if oi := onlyIf(newConditions(x.Conditions, a.Conditions), docs, licTitle, 400); oi != "" {
			line += "\n" + oi
		}
		parts = append(parts, line)
	}
	return parts
}

// noVerdictParts say why there is no verdict: the question was read as a
// topic but asked more narrowly than its card answers (the card follows as
// context, plainly not the answer), or it was not understood well enough
// (the likeliest topics are buttons), or nothing covers it.
func noVerdictParts(a *index.Answer, docs DocLinks, licTitle string) []string {
	parts := noVerdictWhy(a, docs, licTitle)
	if l := aboutLine(a); l != "" {
		parts = append([]string{l}, parts...)
	}
	return parts
}

// aboutLine says which other model or license the question names, when
// it names one, and how to ask that instead: a mention, since a question
// may name another license as what it compares with or relicenses to.
func aboutLine(a *index.Answer) string {
	m := a.About
	if m == nil || len(m.Licenses) == 0 {
		return ""
	}
	if len(m.Unindexed) > 0 {
		return "**Your question also names " + escapeMarkdown(truncate(clean(m.Name), 100)) + "**, under " +
			escapeMarkdown(truncate(clean(strings.Join(m.Unindexed, " and ")), 200)) + ", whose text I have not indexed yet: no license here answers for it."
	}
	return "**Your question also names " + escapeMarkdown(truncate(clean(m.Name), 100)) + "** (" + escapeMarkdown(clean(strings.Join(m.Licenses, ", "))) +
		"). If it is about that, ask `/license " + strings.ReplaceAll(truncate(clean(aboutSubject(a)), 100), "`", "") + "`."
}

// aboutSubject is what to ask instead (see index.ModelRef.Subject), or
// the license when a model's name could not be a button's subject.
func aboutSubject(a *index.Answer) string {
	if s := a.About.Subject(); TopicCustomID(s, "x") != "" {
		return s
	}
	return a.About.Licenses[0]
}

// aboutButton asks the question again of the model or license it names
// (see index.Answer.About), or is nil when there is none or its
// custom_id would not fit.
func aboutButton(a *index.Answer) *discordgo.Button {
	if a.About == nil || len(a.About.Licenses) == 0 || len(a.About.Unindexed) > 0 {
		return nil
	}
	subject := aboutSubject(a)
	id := TopicCustomID(subject, a.Topic)
	if id == "" {
		return nil
	}
	label := truncate("Ask of "+clean(subject), maxButtonLabel)
	return &discordgo.Button{Label: label, Style: discordgo.SecondaryButton, CustomID: id}
}

// noVerdictWhy is why there is no verdict; noVerdictParts puts the line
// on another model or license before it, since it may be all the asker
// needs.
func noVerdictWhy(a *index.Answer, docs DocLinks, licTitle string) []string {
	if c := a.Closest; c != nil {
		ctx := "**Closest card — " + escapeMarkdown(firstNonEmpty(clean(c.Label), clean(c.Topic))) + ", in general: " + closestStatus(c) +
			"** " + renderQuote(closestSummary(c), nil, 700)
		if oi := onlyIf(c.Conditions, docs, licTitle, 500); oi != "" {
			ctx += "\n" + oi
		}
		return []string{"**No verdict on the question as asked.** It asks more narrowly than my verdict cards answer, so I won't guess. " +
			"For context only, the card of the topic it comes closest to:", ctx}
	}
	if len(a.Suggestions) > 0 {
		return []string{"**No verdict.** I can't tell well enough which topic your question is about to give a verdict, so I won't guess. " +
			"Pick the topic you mean below, or read the closest clauses yourself."}
	}
	return []string{"**No curated verdict.** I have no verdict on this topic for this license, so I won't guess. " +
		"Below are the clauses that best match it — read them yourself."}
}

// closestStatus names the closest card's verdict in capitals, as a label
// for context ("CONDITIONAL", "OPEN SOURCE? NO"), "FACT" for info.
func closestStatus(c *index.Aspect) string {
	head, _ := verdictHead(c.Topic, c.Verdict)
	return strings.ToUpper(strings.TrimSuffix(firstNonEmpty(head, "fact"), "."))
}

// closestSummary is the closest card's summary without the yes/no its
// status already gave.
func closestSummary(c *index.Aspect) string {
	_, s := verdictHead(c.Topic, c.Verdict)
	return s
}

// clausesHeading heads clauses that are not the basis of a verdict, so
// nobody reads them as its grounds; "" when they are (or the no-verdict
// text already said what they are).
func clausesHeading(a *index.Answer) string {
	switch {
	case a.Curated && a.QuotesGrant:
		return "**What the license grants (the text does not mention this topic):**"
	case a.Curated && !a.Grounded:
		return "**Closest clauses (not the basis of the verdict):**"
	case !a.Curated && a.Closest != nil:
		return "**The closest card's clauses (context, not an answer to the question as asked):**"
	case !a.Curated && len(a.Suggestions) > 0:
		return "**Closest clauses (no verdict):**"
	}
	return ""
}

// modelLine opens an answer about a model: its name, the licenses that
// govern it, why, and the source of that mapping.
func modelLine(a *index.Answer) string {
	m := a.Model
	titles := map[string]string{a.License: a.LicenseTitle}
	for _, o := range a.Others {
		if o != nil {
			titles[o.License] = o.LicenseTitle
		}
	}
	var names []string
	for _, k := range m.Licenses {
		t := firstNonEmpty(clean(titles[k]), clean(k)+" (text not indexed)")
		names = append(names, "**"+escapeMarkdown(truncate(t, 120))+"**")
	}
	line := "**" + escapeMarkdown(truncate(clean(m.Name), 100)) + "** is a model under " + joinAnd(names)
	if why := clean(m.Why); why != "" {
		line += ". " + escapeMarkdown(truncate(why, 400))
	}
	if u := safeURL(m.Source); u != "" {
		line += " ([source](" + u + "))"
	}
	if len(a.Others) > 0 {
		line += "\nIt is bound by each of them: both answers follow."
	}
	return line
}

// answerComponents are the answer's rows: Full clause buttons and Pin,
// then a button per likely topic when the question was not understood.
func answerComponents(a *index.Answer, buttons []discordgo.MessageComponent) []discordgo.MessageComponent {
	if len(buttons) > 4 {
		buttons = buttons[:4] // 5 per row; one kept for Pin
	}
	if id := PinCustomID(a.License, a.Topic); id != "" {
		buttons = append(buttons, discordgo.Button{
			Label:    "Pin",
			Emoji:    &discordgo.ComponentEmoji{Name: "📌"},
			Style:    discordgo.SecondaryButton,
			CustomID: id,
		})
	}
	var rows []discordgo.MessageComponent
	if len(buttons) > 0 {
		rows = append(rows, discordgo.ActionsRow{Components: buttons})
	}
	if s := suggestionButtons(a); len(s) > 0 {
		rows = append(rows, discordgo.ActionsRow{Components: s})
	}
	return rows
}

// licensedButtons names the license on each Full clause button of a
// model's answers, whose sections could otherwise be told apart by no one.
func licensedButtons(buttons []discordgo.MessageComponent, answers []*index.Answer) []discordgo.MessageComponent {
	out := make([]discordgo.MessageComponent, 0, len(buttons))
	for _, c := range buttons {
		b, ok := c.(discordgo.Button)
		if lic, _, _, parsed := parseClauseCustomID(b.CustomID); ok && parsed {
			b.Label = truncate(b.Label+" · "+lic, maxButtonLabel)
			c = b
		}
		out = append(out, c)
	}
	return out
}

// suggestionButtons re-ask the question with each likely topic, for an
// answer without a verdict: at most five, the likeliest first, after the
// button that asks it of the model or license it names (aboutButton).
func suggestionButtons(a *index.Answer) []discordgo.MessageComponent {
	if a.Curated || (len(a.Suggestions) == 0 && aboutButton(a) == nil) {
		return nil
	}
	subject := a.License
	if a.Model != nil && TopicCustomID(a.Model.Name, "x") != "" {
		subject = a.Model.Name // the click answers for every license of the model
	}
	var row []discordgo.MessageComponent
	if b := aboutButton(a); b != nil {
		row = append(row, *b)
	}
	seen := map[string]bool{}
	for _, s := range a.Suggestions {
		id := TopicCustomID(subject, s.Topic)
		if id == "" || seen[id] || len(row) == maxSuggestions {
			continue
		}
		seen[id] = true
		label := truncate(firstNonEmpty(clean(s.Label), clean(s.Topic)), maxButtonLabel)
		row = append(row, discordgo.Button{Label: label, Style: discordgo.PrimaryButton, CustomID: id})
	}
	return row
}

// TopicCustomID is a suggestion button's custom_id,
// "topic:<license or model>:<topic>", or "" when it would pass Discord's
// 100-character limit or could not be parsed back (the button is then
// left out, never cut).
func TopicCustomID(subject, topic string) string {
	id := TopicPrefix + ":" + subject + ":" + topic
	if subject == "" || topic == "" || len(id) > maxCustomID || strings.Contains(subject, ":") || clean(subject) != subject {
		return ""
	}
	return id
}

// parseTopicCustomID undoes TopicCustomID.
func parseTopicCustomID(id string) (subject, topic string, ok bool) {
	return cutCustomID(TopicPrefix, id)
}

// handleTopicButton answers a click on a suggested topic: the question
// asked again with that topic, in the channel, as /license would.
func handleTopicButton(ctx context.Context, d *Deps, i *discordgo.Interaction, customID string) (*discordgo.InteractionResponse, error) {
	subject, topic, ok := parseTopicCustomID(customID)
	if !ok {
		return nil, userErrorf("This button is from an older version of the bot; ask again with `/license`.")
	}
	a, err := d.Engine.Ask(ctx, subject, topic)
	if err != nil {
		return nil, err
	}
	fillPinned(ctx, d, i, a)
	return RenderAnswer(a, conditionDocs(ctx, d.Engine, a)), nil
}

// conditionDocs looks up the documents an answer's conditions cite and its
// quotes do not (a gate in an incorporated policy), for their links.
func conditionDocs(ctx context.Context, eng Engine, a *index.Answer) DocLinks {
	docs := DocLinks{}
	answers := append([]*index.Answer{a}, a.Others...)
	for _, x := range answers {
		if x == nil {
			continue
		}
		docs = docs.withHits(x.Clauses)
		for _, c := range answerConditions(x) {
			if _, ok := docs[c.Doc]; ok || c.Doc == "" || c.Section == "" {
				continue
			}
			if h, err := eng.Clause(ctx, x.License, c.Doc+"#"+c.Section); err == nil && h != nil {
				docs[c.Doc] = DocLink{Title: h.DocTitle, URL: h.URL}
			}
		}
	}
	return docs
}

// answerConditions are every condition an answer shows: its own, its
// second aspect's and the closest card's.
func answerConditions(a *index.Answer) []index.Condition {
	out := append([]index.Condition{}, a.Conditions...)
	for _, x := range a.Also {
		out = append(out, x.Conditions...)
	}
	if a.Closest != nil {
		out = append(out, a.Closest.Conditions...)
	}
	return out
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
