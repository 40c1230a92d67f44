package bot

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/licensebot/licensebot/bot/store"
)

// pinnedPageSize is how many pins a /pinned page shows: one row of Unpin
// buttons holds five.
const pinnedPageSize = 5

// maxPinnedOffset bounds the page offset a button may carry; a guild has
// far fewer pins (Discord allows 250 per channel).
const maxPinnedOffset = 1_000_000

var pinnedCommand = Command{
	Spec: &discordgo.ApplicationCommand{
		Name:        "pinned",
		Type:        discordgo.ChatApplicationCommand,
		Description: "The answers moderators pinned in this server.",
		Contexts:    &[]discordgo.InteractionContextType{discordgo.InteractionContextGuild},
	},
	Handle:    handlePinned,
	Ephemeral: true,
}

// handlePinned lists the server's pinned answers, privately.
func handlePinned(ctx context.Context, d *Deps, i *discordgo.Interaction) (*discordgo.InteractionResponse, error) {
	if i.GuildID == "" {
		return nil, userErrorf("`/pinned` lists a server's pinned answers; use it in a server.")
	}
	return pinnedPage(ctx, d, i, 0, "", false)
}

// handlePinnedPage turns the page of a /pinned reply.
func handlePinnedPage(ctx context.Context, d *Deps, i *discordgo.Interaction, customID string) (*discordgo.InteractionResponse, error) {
	parts := strings.Split(customID, ":")
	if len(parts) != 3 || (parts[1] != "prev" && parts[1] != "next") || i.GuildID == "" {
		return nil, userErrorf("This button is from an older version of the bot; run `/pinned` again.")
	}
	offset, err := strconv.Atoi(parts[2])
	if err != nil || offset < 0 || offset > maxPinnedOffset {
		return nil, userErrorf("This button is from an older version of the bot; run `/pinned` again.")
	}
	return pinnedPage(ctx, d, i, offset, "", true)
}

// handleUnpin removes a pin, in Discord and in the store, then shows the
// refreshed page.
func handleUnpin(ctx context.Context, d *Deps, i *discordgo.Interaction, customID string) (*discordgo.InteractionResponse, error) {
	parts := strings.Split(customID, ":")
	if len(parts) != 3 || parts[1] == "" || i.GuildID == "" {
		return nil, userErrorf("This button is from an older version of the bot; run `/pinned` again.")
	}
	messageID := parts[1]
	offset, err := strconv.Atoi(parts[2])
	if err != nil || offset < 0 || offset > maxPinnedOffset {
		offset = 0
	}
	if d.Pins == nil {
		return nil, errors.New("unpin: no pins store configured")
	}
	// The record, not the button, says where the pin is.
	r, err := d.Pins.Get(ctx, i.GuildID, messageID)
	if errors.Is(err, store.ErrNotFound) {
		return pinnedPage(ctx, d, i, offset, "That answer is not pinned any more.", true)
	}
	if err != nil {
		return nil, err
	}
	if msg := unpinRefusal(i, r); msg != "" {
		return ephemeral(msg), nil
	}

	notice := "Unpinned " + pinnedQuestion(*r) + "."
	err = discordPin(ctx, d, "DELETE", r.ChannelID, r.MessageID, "licensebot: answer unpinned by user "+userID(i))
	switch code := discordCode(err); {
	case err == nil:
	case code == discordgo.ErrCodeUnknownMessage || code == discordgo.ErrCodeUnknownChannel:
		// Nothing left to unpin in Discord; the record must go too, or
		// answers would keep linking to a deleted message.
		notice = "That answer's message was deleted, so I removed " + pinnedQuestion(*r) + " from the pinned answers."
	default:
		return nil, pinFailure(err, true)
	}
	if err := d.Pins.Unpin(ctx, i.GuildID, r.MessageID); err != nil && !errors.Is(err, store.ErrNotFound) {
		d.logger().Error("unpinned in Discord but the record stays", "interaction", i.ID,
			"guild", i.GuildID, "message", r.MessageID, "err", err)
		return ephemeral("The message is unpinned in Discord, but I could not remove it from the pinned answers. " +
			"Please press Unpin again in a moment."), nil
	}
	return pinnedPage(ctx, d, i, offset, notice, true)
}

// mayUnpinAnywhere reports whether perms allow unpinning in any channel.
// An interaction carries the member's permissions in its own channel only;
// Manage Server is guild-wide (channel overwrites cannot change it), so it
// is the permission that can be trusted for other channels.
func mayUnpinAnywhere(perms int64) bool {
	return can(perms, discordgo.PermissionManageGuild)
}

// isPinModerator decides whether /pinned shows Unpin buttons. Showing them
// is a courtesy; handleUnpin checks again against the pin's channel.
func isPinModerator(i *discordgo.Interaction) bool {
	perms, ok := memberPermissions(i)
	return ok && (can(perms, PermissionPinMessages) || mayUnpinAnywhere(perms))
}

// unpinRefusal says why the member may not remove r, or "" when they may:
// Pin Messages when the interaction comes from the pin's own channel (and
// the bot must have it there too), Manage Server from anywhere else.
func unpinRefusal(i *discordgo.Interaction, r *store.Record) string {
	perms, ok := memberPermissions(i)
	if !ok {
		return "Unpinning works in servers only."
	}
	if i.ChannelID == r.ChannelID {
		if !can(perms, PermissionPinMessages) && !mayUnpinAnywhere(perms) {
			return "You need the **Pin Messages** permission in this channel to unpin answers."
		}
		if !can(i.AppPermissions, PermissionPinMessages) {
			return "I need the **Pin Messages** permission in this channel to unpin answers. Ask a server admin to grant it to my role."
		}
		return ""
	}
	if mayUnpinAnywhere(perms) {
		return ""
	}
	return fmt.Sprintf("That answer is pinned in <#%s>. Run `/pinned` there to unpin it (you need **Pin Messages** in that channel), "+
		"or ask someone with **Manage Server**.", r.ChannelID)
}

// pinnedPage loads the page at offset and renders it; update replaces the
// message the clicked button is on instead of sending a new one.
func pinnedPage(ctx context.Context, d *Deps, i *discordgo.Interaction, offset int, notice string, update bool) (*discordgo.InteractionResponse, error) {
	if d.Pins == nil {
		return nil, errors.New("pinned: no pins store configured")
	}
	recs, total, err := d.Pins.List(ctx, i.GuildID, offset, pinnedPageSize)
	if err != nil {
		return nil, err
	}
	// The check of the page's channels is for moderators (README): any
	// member may run /pinned every few seconds, and each check spends the
	// bot's REST budget.
	moderator := isPinModerator(i)
	if moderator {
		if forgot := forgetRemovedOnPage(ctx, d, i.GuildID, recs); forgot > 0 {
			notice = strings.TrimSpace(notice + fmt.Sprintf(" %d pinned %s removed in Discord since, so I took %s off this list.",
				forgot, plural(forgot, "answer was", "answers were"), plural(forgot, "it", "them")))
			if recs, total, err = d.Pins.List(ctx, i.GuildID, offset, pinnedPageSize); err != nil {
				return nil, err
			}
		}
	}
	if len(recs) == 0 && total > 0 {
		// The page emptied (unpins, or a stale button): show the last one.
		offset = (total - 1) / pinnedPageSize * pinnedPageSize
		if recs, total, err = d.Pins.List(ctx, i.GuildID, offset, pinnedPageSize); err != nil {
			return nil, err
		}
	}
	return renderPinned(recs, total, offset, moderator, notice, update), nil
}

// pageCheckTimeout bounds the checks of a /pinned page's channels.
const pageCheckTimeout = 3 * time.Second

// forgetRemovedOnPage runs forgetRemovedPins on the channels of a /pinned
// page's confirmed pins, and returns how many pins it forgot: HTTP mode
// hears of no pin removed in Discord's own menu, and a moderator looking
// at the list is the time to find them. A channel that cannot be checked
// is left as it is, and logged.
func forgetRemovedOnPage(ctx context.Context, d *Deps, guildID string, recs []store.Record) int {
	ctx, cancel := context.WithTimeout(ctx, pageCheckTimeout)
	defer cancel()
	checked := map[string]bool{}
	forgot := 0
	for _, r := range recs {
		if r.State != store.StatePinned || checked[r.ChannelID] {
			continue
		}
		checked[r.ChannelID] = true
		log := d.logger().With("guild", guildID, "channel", r.ChannelID)
		n, err := forgetAndLog(ctx, d, log, guildID, r.ChannelID)
		forgot += n
		if err != nil {
			log.Warn("could not check the channel's pins", "err", err)
		}
	}
	return forgot
}

// plural is one when n is 1, else many.
func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// pinnedQuestion names a pin's license and topic for display.
func pinnedQuestion(r store.Record) string {
	return inlineCode(r.License+" "+r.Topic, 120)
}

// renderPinned is one page of /pinned. It is pure. The reply is always
// ephemeral; updates keep the flag of the message they replace.
func renderPinned(recs []store.Record, total, offset int, moderator bool, notice string, update bool) *discordgo.InteractionResponse {
	e := &discordgo.MessageEmbed{Title: "📌 Pinned answers in this server", Color: 0x5865F2}
	var lines []string
	for n, r := range recs {
		lines = append(lines, fmt.Sprintf("**%d.** %s · [open](%s) in <#%s>\npinned by <@%s> <t:%d:R>",
			offset+n+1, pinnedQuestion(r), MessageURL(r.GuildID, r.ChannelID, r.MessageID), r.ChannelID, r.PinnedBy, r.PinnedAt.Unix())+pendingNote(r))
	}
	if total == 0 {
		e.Description = "No answers are pinned in this server yet. Moderators pin one with the 📌 Pin button under a `/license` answer."
	} else {
		e.Description = joinWithin(lines, "\n\n", maxDescription)
		pages := (total + pinnedPageSize - 1) / pinnedPageSize
		e.Footer = &discordgo.MessageEmbedFooter{Text: fmt.Sprintf("Page %d of %d · %d pinned answers", offset/pinnedPageSize+1, pages, total)}
	}

	var rows []discordgo.MessageComponent
	if moderator && len(recs) > 0 {
		var row []discordgo.MessageComponent
		for n, r := range recs {
			row = append(row, discordgo.Button{
				Label:    fmt.Sprintf("Unpin %d", offset+n+1),
				Style:    discordgo.DangerButton,
				CustomID: UnpinPrefix + ":" + r.MessageID + ":" + strconv.Itoa(offset),
			})
		}
		rows = append(rows, discordgo.ActionsRow{Components: row})
	}
	// An update always carries the navigation row: the wire format omits
	// empty components, and Discord would then keep stale Unpin buttons.
	if total > pinnedPageSize || update {
		rows = append(rows, discordgo.ActionsRow{Components: []discordgo.MessageComponent{
			discordgo.Button{
				Label: "Previous", Emoji: &discordgo.ComponentEmoji{Name: "◀️"}, Style: discordgo.SecondaryButton,
				CustomID: PinnedPagePrefix + ":prev:" + strconv.Itoa(max(0, offset-pinnedPageSize)),
				Disabled: offset == 0,
			},
			discordgo.Button{
				Label: "Next", Emoji: &discordgo.ComponentEmoji{Name: "▶️"}, Style: discordgo.SecondaryButton,
				CustomID: PinnedPagePrefix + ":next:" + strconv.Itoa(offset+pinnedPageSize),
				Disabled: offset+pinnedPageSize >= total,
			},
		}})
	}

	data := &discordgo.InteractionResponseData{
		Content:         truncate(notice, maxContent),
		Embeds:          []*discordgo.MessageEmbed{e},
		Components:      rows,
		AllowedMentions: noMentions(),
	}
	if update {
		return &discordgo.InteractionResponse{Type: discordgo.InteractionResponseUpdateMessage, Data: data}
	}
	data.Flags = discordgo.MessageFlagsEphemeral
	return &discordgo.InteractionResponse{Type: discordgo.InteractionResponseChannelMessageWithSource, Data: data}
}
