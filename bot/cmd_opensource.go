package bot

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/bwmarrin/discordgo"

	"github.com/licensebot/licensebot/index"
)

// openSourcer is the part of the engine /opensource needs; engines without
// assessments (older fakes) simply do not offer it.
type openSourcer interface {
	OpenSource(ctx context.Context, license string) (*index.Assessment, error)
}

var openSourceCommand = Command{
	Spec: &discordgo.ApplicationCommand{
		Name:        "opensource",
		Type:        discordgo.ChatApplicationCommand,
		Description: "Check a license against the Open Source Definition, criterion by criterion.",
		Options:     []*discordgo.ApplicationCommandOption{licenseOption(true)},
	},
	Handle:       handleOpenSource,
	Autocomplete: autocompleteLicenseOnly,
}

func handleOpenSource(ctx context.Context, d *Deps, i *discordgo.Interaction) (*discordgo.InteractionResponse, error) {
	lic := clean(stringOption(options(i), "license"))
	if lic == "" {
		return nil, userErrorf("Which license? Start typing in the `license` option, e.g. `llama4`.")
	}
	os, ok := d.Engine.(openSourcer)
	if !ok {
		return nil, userErrorf("Open-source checks are not available on this bot.")
	}
	info, err := d.Engine.ResolveLicense(lic)
	if err != nil {
		return nil, err
	}
	a, err := os.OpenSource(ctx, info.Key)
	if errors.Is(err, index.ErrNoAssessment) {
		return nil, userErrorf("I have no open-source assessment for %s yet.", inlineCode(info.Key, 80))
	}
	if err != nil {
		return nil, err
	}
	var model *index.ModelInfo
	if m, ok := modelNamed(d.Engine, lic); ok {
		model = &m
	}
	return RenderOpenSource(a, d.Engine.Stats(), model), nil
}

// RenderOpenSource renders an assessment: the overall verdict, then one
// field per OSD criterion (and per OSAID item) with its reason and the
// sections that decide it. model, when the user named one, is said first:
// which licenses it is under and which one this checks.
func RenderOpenSource(a *index.Assessment, st index.Stats, model *index.ModelInfo) *discordgo.InteractionResponse {
	title := escapeMarkdown(firstNonEmpty(clean(a.LicenseTitle), a.License))
	e := &discordgo.MessageEmbed{
		Title:  truncate(title+" — Open source?", maxTitle),
		URL:    safeURL(a.URL),
		Footer: &discordgo.MessageEmbedFooter{Text: footer(st.CorpusVersion, st.IndexedAt)},
	}
	if a.OSD == "pass" {
		e.Color = statusColor[index.StatusAllowed]
		e.Description = "**Yes.** It meets all ten criteria of the Open Source Definition."
		if a.OSI == "not-approved" { // not for an osi missing or unknown
			e.Description += " (Judged on its text: OSI has not approved this license.)"
		}
	} else {
		e.Color = statusColor[index.StatusForbidden]
		e.Description = osdLine(a.Failed)
	}
	if len(a.OSAID) > 0 {
		e.Description += "\nBelow the OSD: the Open Source AI Definition 1.0's freedoms and preferred form."
	}
	if model != nil {
		e.Description = modelNote(model, a) + "\n\n" + e.Description
	}
	for _, c := range a.Criteria {
		e.Fields = append(e.Fields, criterionField(fmt.Sprintf("OSD %d · %s", c.N, c.Title), c))
	}
	for _, c := range a.OSAID {
		e.Fields = append(e.Fields, criterionField("OSAID · "+c.Title, c))
	}
	fitEmbed(e)
	return messageResponse(e, nil, false)
}

// modelNote says which license of a model an assessment checks, and how
// to check the others.
func modelNote(m *index.ModelInfo, a *index.Assessment) string {
	var lics, others []string
	for _, l := range m.Licenses {
		lics = append(lics, inlineCode(l, 80))
		if l != a.License && !strings.Contains(l, " ") {
			others = append(others, "`/opensource "+l+"`")
		}
	}
	note := "**" + escapeMarkdown(truncate(clean(m.Name), 100)) + "** is a model under " + joinAnd(lics) + ". "
	note += "This checks **" + escapeMarkdown(firstNonEmpty(clean(a.LicenseTitle), a.License)) + "**"
	if len(others) > 0 {
		note += "; " + joinAnd(others) + " checks the other"
	}
	return note + "."
}

func criterionField(name string, c index.Criterion) *discordgo.MessageEmbedField {
	mark := "✅"
	if c.Result == "fail" {
		mark = "❌"
	}
	var refs []string
	for _, h := range c.Clauses {
		refs = append(refs, sectionLabel(h.Section)+" "+clean(h.Doc))
	}
	v := escapeMarkdown(clean(c.Reason))
	if len(refs) > 0 {
		v += "\n" + inlineCode(strings.Join(refs, " · "), 300)
	}
	return &discordgo.MessageEmbedField{
		Name:  truncate(mark+" "+escapeMarkdown(clean(name)), maxFieldName),
		Value: truncate(v, 380),
	}
}

// osdCriteria are the titles of the Open Source Definition's criteria.
var osdCriteria = map[int]string{
	1:  "Free Redistribution",
	2:  "Source Code",
	3:  "Derived Works",
	4:  "Integrity of the Author's Source Code",
	5:  "No Discrimination Against Persons or Groups",
	6:  "No Discrimination Against Fields of Endeavor",
	7:  "Distribution of License",
	8:  "License Must Not Be Specific to a Product",
	9:  "License Must Not Restrict Other Software",
	10: "License Must Be Technology-Neutral",
}

func osdLine(failed []int) string {
	if len(failed) == 0 {
		return "No — it does not meet the Open Source Definition."
	}
	parts := make([]string, 0, len(failed))
	for _, c := range failed {
		if t, ok := osdCriteria[c]; ok {
			parts = append(parts, fmt.Sprintf("OSD %d (%s)", c, t))
		} else {
			parts = append(parts, fmt.Sprintf("OSD %d", c))
		}
	}
	return "No — it fails " + joinAnd(parts) + "."
}

func joinAnd(parts []string) string {
	switch len(parts) {
	case 0:
		return ""
	case 1:
		return parts[0]
	}
	return strings.Join(parts[:len(parts)-1], ", ") + " and " + parts[len(parts)-1]
}
