package bot

import (
	"context"

	"github.com/bwmarrin/discordgo"
)

// pinPermission is what Discord checks to show the "Pin answer" command to
// a member by default; the handler checks again, since server admins can
// change who sees a command.
var pinPermission = PermissionPinMessages

// pinAnswerCommand is the message context-menu command that pins an answer
// already posted, for answers from before the Pin button or whose button
// is out of reach.
var pinAnswerCommand = Command{
	Spec: &discordgo.ApplicationCommand{
		Name:                     "Pin answer",
		Type:                     discordgo.MessageApplicationCommand,
		DefaultMemberPermissions: &pinPermission,
		Contexts:                 &[]discordgo.InteractionContextType{discordgo.InteractionContextGuild},
	},
	Handle:    handlePinAnswer,
	Ephemeral: true,
}

// handlePinButton answers a click on an answer's 📌 Pin button.
func handlePinButton(ctx context.Context, d *Deps, i *discordgo.Interaction, customID string) (*discordgo.InteractionResponse, error) {
	if msg := pinRefusal(i); msg != "" {
		return ephemeral(msg), nil
	}
	license, topic, ok := parsePinCustomID(customID)
	if !ok || i.Message == nil || i.Message.ID == "" {
		return nil, userErrorf("This button is from an older version of the bot; ask again to get a fresh answer to pin.")
	}
	if i.Message.Flags&discordgo.MessageFlagsEphemeral != 0 {
		return nil, userErrorf("Only you can see that message, so it can't be pinned. Ask with `/license` in the channel, then pin that answer.")
	}
	if i.Message.ChannelID != "" && i.Message.ChannelID != i.ChannelID {
		return nil, userErrorf("That message is in another channel; pin it from there.")
	}
	// The permissions checked are those of the interaction's channel, so
	// that is the channel pinned in.
	return pinAnswer(ctx, d, i, pinTarget{
		channelID: i.ChannelID,
		messageID: i.Message.ID,
		license:   license,
		topic:     topic,
	})
}

// handlePinAnswer pins the answer the "Pin answer" command was used on. It
// must be one of the bot's answers: the license and topic to record come
// from its Pin button.
func handlePinAnswer(ctx context.Context, d *Deps, i *discordgo.Interaction) (*discordgo.InteractionResponse, error) {
	if msg := pinRefusal(i); msg != "" {
		return ephemeral(msg), nil
	}
	data := i.ApplicationCommandData()
	var m *discordgo.Message
	if data.Resolved != nil {
		m = data.Resolved.Messages[data.TargetID]
	}
	if m == nil {
		return nil, userErrorf("I can't see that message. Try again from the message's menu.")
	}
	ours := (m.Author != nil && m.Author.ID == i.AppID) || (m.WebhookID != "" && m.WebhookID == i.AppID)
	license, topic, isAnswer := pinButtonOf(m)
	if !ours || !isAnswer {
		return nil, userErrorf("**Pin answer** works on my `/license` answers, the messages with a 📌 Pin button. " +
			"Use Discord's own **Pin Message** for anything else.")
	}
	if m.ChannelID != "" && m.ChannelID != i.ChannelID {
		return nil, userErrorf("That message is in another channel; pin it from there.")
	}
	return pinAnswer(ctx, d, i, pinTarget{
		channelID: i.ChannelID,
		messageID: data.TargetID, // what the moderator pointed at, not what the payload says it resolved to
		license:   license,
		topic:     topic,
	})
}
