package bot

import (
	"bytes"
	"encoding/json"

	"github.com/bwmarrin/discordgo"
)

// wireResponse is the JSON body of an interaction callback. discordgo's
// InteractionResponseData always writes "content", "tts", "components" and
// "embeds" (as null when unset) and drops an empty "choices"; Discord's
// schema wants neither, so both runners send this shape instead. An update
// (type 7) always says its content, "" included: Discord keeps whatever an
// update leaves out, so an omitted content would leave the old text.
type wireResponse struct {
	Type discordgo.InteractionResponseType `json:"type"`
	Data *wireData                         `json:"data,omitempty"`
}

type wireData struct {
	Content         *string                                      `json:"content,omitempty"`
	Embeds          []*discordgo.MessageEmbed                    `json:"embeds,omitempty"`
	Components      []discordgo.MessageComponent                 `json:"components,omitempty"`
	AllowedMentions *discordgo.MessageAllowedMentions            `json:"allowed_mentions,omitempty"`
	Flags           discordgo.MessageFlags                       `json:"flags,omitempty"`
	Choices         *[]*discordgo.ApplicationCommandOptionChoice `json:"choices,omitempty"`
}

// EncodeResponse is the exact body sent for r.
func EncodeResponse(r *discordgo.InteractionResponse) ([]byte, error) {
	w := wireResponse{Type: r.Type}
	if d := r.Data; d != nil {
		w.Data = &wireData{
			Embeds:          d.Embeds,
			Components:      d.Components,
			AllowedMentions: d.AllowedMentions,
			Flags:           d.Flags,
		}
		if content := d.Content; content != "" || r.Type == discordgo.InteractionResponseUpdateMessage {
			w.Data.Content = &content
		}
		if r.Type == discordgo.InteractionApplicationCommandAutocompleteResult {
			choices := d.Choices
			if choices == nil {
				choices = []*discordgo.ApplicationCommandOptionChoice{}
			}
			w.Data.Choices = &choices
		}
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false) // "<" and ">" are common in clauses; keep them readable
	if err := enc.Encode(w); err != nil {
		return nil, err
	}
	return bytes.TrimRight(b.Bytes(), "\n"), nil
}

// webhookEdit is the edit that replaces a deferred response.
func webhookEdit(d *discordgo.InteractionResponseData) *discordgo.WebhookEdit {
	e := &discordgo.WebhookEdit{AllowedMentions: d.AllowedMentions}
	content := d.Content
	e.Content = &content
	embeds := d.Embeds
	if embeds == nil {
		embeds = []*discordgo.MessageEmbed{}
	}
	e.Embeds = &embeds
	components := d.Components
	if components == nil {
		components = []discordgo.MessageComponent{}
	}
	e.Components = &components
	return e
}
