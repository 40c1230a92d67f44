package bot

// The pin feature: moderators pin a good answer, the bot records it, and
// later answers to the same license and topic in that server link to it.
// Handlers live in cmd_pin.go (the 📌 Pin button and the "Pin answer"
// message command) and cmd_pinned.go (/pinned and Unpin); this file holds
// what they share: permission checks, Discord's pin routes, the Pin
// button's custom_id and the hook that fills Answer.Pinned.

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/licensebot/licensebot/bot/store"
	"github.com/licensebot/licensebot/index"
)

// PermissionPinMessages is Discord's Pin Messages permission, split from
// Manage Messages and required for pinning since 2025. discordgo v0.29 has
// no constant for it.
const PermissionPinMessages int64 = 1 << 51

// lookupTimeout bounds the store lookup an answer waits for: a slow
// database must not push /license past Discord's 3-second window.
const lookupTimeout = 500 * time.Millisecond

// restTimeout bounds one pin or unpin call to Discord, leaving the
// dispatcher room to answer (it defers after two seconds).
const restTimeout = 10 * time.Second

// can reports whether perms include p; Administrator implies every
// permission.
func can(perms, p int64) bool {
	return perms&discordgo.PermissionAdministrator != 0 || perms&p == p
}

// memberPermissions are the clicking member's permissions in the channel
// of the interaction, as Discord computed them (role permissions and
// channel overwrites). They come from Discord in the signed payload, not
// from anything the client chose.
func memberPermissions(i *discordgo.Interaction) (int64, bool) {
	if i.GuildID == "" || i.Member == nil {
		return 0, false
	}
	return i.Member.Permissions, true
}

// pinRefusal returns, when the member or the bot may not pin in the
// interaction's channel, the message that says which permission is
// missing. An absent app_permissions counts as none: Discord always sends
// it, and guessing would mean calling the API on a hunch.
func pinRefusal(i *discordgo.Interaction) string {
	perms, ok := memberPermissions(i)
	if !ok {
		return "Pinning works in servers only."
	}
	member := can(perms, PermissionPinMessages)
	app := can(i.AppPermissions, PermissionPinMessages)
	switch {
	case !member && !app:
		return "You need the **Pin Messages** permission in this channel to pin answers, and so do I: " +
			"a server admin has to grant it to both of us."
	case !member:
		return "You need the **Pin Messages** permission in this channel to pin answers. Ask a moderator to pin it."
	case !app && !installedInGuild(i):
		return "I'm not a member of this server (I was added to an account, not to the server), so I can't pin here. " +
			"A server admin can add me to the server, then grant me **Pin Messages**."
	case !app:
		return "I need the **Pin Messages** permission in this channel to pin answers. " +
			"Ask a server admin to grant it to my role (or in this channel's permissions)."
	}
	return ""
}

// installedInGuild reports whether the bot is in the interaction's server:
// Discord names the server among the authorizing installations when it is.
// An interaction that names none (older payloads) is taken to come from a
// server install, the only kind the bot's commands once had.
func installedInGuild(i *discordgo.Interaction) bool {
	if len(i.AuthorizingIntegrationOwners) == 0 {
		return true
	}
	_, ok := i.AuthorizingIntegrationOwners[discordgo.ApplicationIntegrationGuildInstall]
	return ok
}

// pinAPI is the API version of the pin routes. discordgo v0.29 speaks v9
// and calls the deprecated /channels/{c}/pins/{m}; the current route is
// documented for v10, the version of the API description we test against.
// The base still comes from discordgo, so the transport that redirects
// REST calls (LICENSEBOT_DISCORD_API) redirects these too.
var pinAPI = discordgo.EndpointDiscord + "api/v10/"

// pinRoute is Discord's current pin route for a message.
func pinRoute(channelID, messageID string) string {
	return pinAPI + "channels/" + channelID + "/messages/pins/" + messageID
}

// pinBucket groups a channel's pin calls in discordgo's rate limiter, as
// Discord's per-route limit does.
func pinBucket(channelID string) string {
	return pinAPI + "channels/" + channelID + "/messages/pins/"
}

// errNoBotToken means the bot cannot call Discord on its own behalf: HTTP
// mode answers interactions with their tokens alone, but pinning needs the
// bot token.
var errNoBotToken = errors.New("pin: no bot token configured (DISCORD_TOKEN)")

// discordPin pins (method PUT) or unpins (DELETE) a message.
func discordPin(ctx context.Context, d *Deps, method, channelID, messageID, reason string) error {
	if err := checkPathIDs("", channelID, messageID); err != nil {
		return fmt.Errorf("%s pin: %w", method, err)
	}
	if d.Session == nil || d.Session.Token == "" {
		d.logger().Error("pinning needs the bot token; set DISCORD_TOKEN", "channel", channelID, "message", messageID)
		return errNoBotToken
	}
	ctx, cancel := context.WithTimeout(ctx, restTimeout)
	defer cancel()
	_, err := limitedRequest(ctx, d.Session, method, pinRoute(channelID, messageID), pinBucket(channelID),
		discordgo.WithAuditLogReason(reason))
	if err != nil {
		return fmt.Errorf("%s pin %s/%s: %w", method, channelID, messageID, err)
	}
	return nil
}

// discordCode is the JSON error code of a failed REST call, 0 when there
// is none.
func discordCode(err error) int {
	var re *discordgo.RESTError
	if errors.As(err, &re) && re.Message != nil {
		return re.Message.Code
	}
	return 0
}

// pinErrorMessage explains a failed pin or unpin call to the moderator, or
// returns "" for failures that are ours to log rather than theirs to fix.
func pinErrorMessage(err error, unpin bool) string {
	verb := "pin"
	if unpin {
		verb = "unpin"
	}
	if errors.Is(err, errNoBotToken) {
		return "Pinning is not set up on this bot: its operator has to configure the bot token (`DISCORD_TOKEN`)."
	}
	switch discordCode(err) {
	case discordgo.ErrCodeUnknownMessage:
		return "That answer no longer exists: the message was deleted, so there is nothing to " + verb + "."
	case discordgo.ErrCodeUnknownChannel:
		return "That channel no longer exists, so there is nothing to " + verb + "."
	case discordgo.ErrCodeMissingPermissions:
		return "Discord refused: I'm missing permissions to " + verb + " messages there. " +
			"I need **Pin Messages** and **Read Message History** in that channel; ask a server admin to grant them to my role."
	case discordgo.ErrCodeMissingAccess:
		return "Discord refused: I can't access that channel. I need **View Channel** and **Read Message History** there."
	case discordgo.ErrCodeMaximumPinsReached:
		return "This channel has reached Discord's limit of 250 pinned messages. Unpin an older message, then try again."
	}
	return ""
}

// pinFailure turns a failed Discord call into the error the dispatcher
// answers with: a UserError for the cases above, otherwise the error
// itself, which is logged and answered generically.
func pinFailure(err error, unpin bool) error {
	if msg := pinErrorMessage(err, unpin); msg != "" {
		return &UserError{Msg: msg}
	}
	return err
}

// MessageURL is the link to a message in a guild channel.
func MessageURL(guildID, channelID, messageID string) string {
	return "https://discord.com/channels/" + guildID + "/" + channelID + "/" + messageID
}

// fillPinned points a with the guild's pinned answer to the same license
// and topic, if there is one. Called by /license before rendering; a store
// failure is logged and the answer goes out without the link rather than
// not at all. A bot serving without a pins store (store.Unavailable) said
// so at start, and /readyz says so: each answer does not log it again.
func fillPinned(ctx context.Context, d *Deps, i *discordgo.Interaction, a *index.Answer) {
	if d.Pins == nil || a == nil || i.GuildID == "" {
		return
	}
	ctx, cancel := context.WithTimeout(ctx, lookupTimeout)
	defer cancel()
	r, err := d.Pins.Lookup(ctx, i.GuildID, a.License, a.Topic)
	if err != nil {
		if !errors.Is(err, store.ErrNotFound) && !errors.Is(err, store.ErrUnavailable) {
			d.logger().Warn("pinned answer lookup failed", "interaction", i.ID, "guild", i.GuildID, "err", err)
		}
		return
	}
	a.Pinned = &index.Pinned{
		GuildID:   r.GuildID,
		ChannelID: r.ChannelID,
		MessageID: r.MessageID,
		URL:       MessageURL(r.GuildID, r.ChannelID, r.MessageID),
	}
}

// PinCustomID is the Pin button's custom_id, "pin:<license>:<topic>", or ""
// when it would pass Discord's 100-character limit (RenderAnswer then
// leaves the button out).
func PinCustomID(license, topic string) string {
	id := PinPrefix + ":" + license + ":" + topic
	if license == "" || topic == "" || len(id) > maxCustomID {
		return ""
	}
	return id
}

// parsePinCustomID undoes PinCustomID.
func parsePinCustomID(id string) (license, topic string, ok bool) {
	return cutCustomID(PinPrefix, id)
}

// cutCustomID splits a "<prefix>:<subject>:<topic>" custom id. The subject
// (a license key or model name) has no ':'; the topic may (free text), so
// everything after the second ':' is the topic. Neither may be empty.
func cutCustomID(prefix, id string) (subject, topic string, ok bool) {
	rest, ok := strings.CutPrefix(id, prefix+":")
	if !ok {
		return "", "", false
	}
	subject, topic, ok = strings.Cut(rest, ":")
	if !ok || subject == "" || topic == "" {
		return "", "", false
	}
	return subject, topic, true
}

// pinButtonOf finds the Pin button on a message the bot posted and returns
// its license and topic.
func pinButtonOf(m *discordgo.Message) (license, topic string, ok bool) {
	if m == nil {
		return "", "", false
	}
	var found string
	var walk func(cs []discordgo.MessageComponent)
	walk = func(cs []discordgo.MessageComponent) {
		for _, c := range cs {
			switch x := c.(type) {
			case *discordgo.ActionsRow:
				walk(x.Components)
			case discordgo.ActionsRow:
				walk(x.Components)
			case *discordgo.Button:
				if found == "" && strings.HasPrefix(x.CustomID, PinPrefix+":") {
					found = x.CustomID
				}
			case discordgo.Button:
				if found == "" && strings.HasPrefix(x.CustomID, PinPrefix+":") {
					found = x.CustomID
				}
			}
		}
	}
	walk(m.Components)
	return parsePinCustomID(found)
}

// pinTarget is the answer a moderator asked to pin.
type pinTarget struct {
	channelID, messageID string
	license, topic       string
}

// pinAnswer checks permissions, records t as pending, pins it through
// Discord and confirms the record. Recording first means no Discord pin
// exists that the store does not know of: a failure after it leaves a
// pending record that /pinned shows and the next click finishes (Discord's
// PUT is idempotent). It makes no Discord call unless both the member and
// the bot may pin, and none when the record cannot be written.
func pinAnswer(ctx context.Context, d *Deps, i *discordgo.Interaction, t pinTarget) (*discordgo.InteractionResponse, error) {
	if msg := pinRefusal(i); msg != "" {
		return ephemeral(msg), nil
	}
	if d.Pins == nil {
		return nil, errors.New("pin: no pins store configured")
	}
	if err := checkPathIDs("", t.channelID, t.messageID); err != nil {
		// Nothing recorded, nothing sent: the ids came from the payload.
		return nil, fmt.Errorf("pin: %w", err)
	}
	unlock, err := d.pinLocks.lock(ctx, t.channelID)
	if err != nil {
		return nil, fmt.Errorf("pin: %w", err)
	}
	defer unlock()
	question := inlineCode(t.license+" "+t.topic, 120)
	rec, resumed, resp := recordPending(ctx, d, i, t, question)
	if resp != nil {
		return resp, nil
	}
	if rec.State == store.StatePinned {
		return repin(ctx, d, i, rec, question)
	}
	if err := discordPin(ctx, d, "PUT", t.channelID, t.messageID, "licensebot: answer pinned by user "+userID(i)); err != nil {
		return pinRefused(ctx, d, i, rec, err)
	}
	if err := d.Pins.Confirm(ctx, i.GuildID, t.messageID); errors.Is(err, store.ErrNotFound) {
		return unpinnedMeanwhile(ctx, d, i, t)
	} else if err != nil {
		d.logger().Error("pinned in Discord, but the record stays pending", "interaction", i.ID,
			"guild", i.GuildID, "channel", t.channelID, "message", t.messageID, "err", err)
		return ephemeral("The message is pinned in this channel, but I could not confirm it in my records: " +
			"`/pinned` lists it as not confirmed. Press 📌 Pin again in a moment to finish."), nil
	}
	done := "📌 Pinned."
	if resumed {
		done = "📌 Pinned, finishing an earlier pin that had not been confirmed."
	}
	return ephemeral(done + " From now on, `/license` answers to " + question + " in this server link to this answer."), nil
}

// recordPending finds or makes the pending record of t. It returns the
// record to go on with and whether an earlier click had made it, or the
// reply that ends this click: already pinned, or the store could not be
// written (then Discord is not called).
func recordPending(ctx context.Context, d *Deps, i *discordgo.Interaction, t pinTarget, question string) (*store.Record, bool, *discordgo.InteractionResponse) {
	unrecorded := func(err error) *discordgo.InteractionResponse {
		d.logger().Error("pin not recorded, so not pinned", "interaction", i.ID, "guild", i.GuildID, "message", t.messageID, "err", err)
		return ephemeral("I could not record the pin, so I did not pin the message. Please try again in a moment; " +
			"if it keeps failing, the bot's operator has to look at its pins database.")
	}
	r, err := d.Pins.Get(ctx, i.GuildID, t.messageID)
	switch {
	case err == nil:
		return r, r.State == store.StatePending, nil // pending: this click finishes it; pinned: see repin
	case !errors.Is(err, store.ErrNotFound):
		return nil, false, unrecorded(err)
	}
	fresh := store.Record{
		GuildID: i.GuildID, ChannelID: t.channelID, MessageID: t.messageID,
		License: t.license, Topic: t.topic, PinnedBy: userID(i), PinnedAt: d.now(), State: store.StatePending,
	}
	switch err := d.Pins.Pin(ctx, fresh); {
	case errors.Is(err, store.ErrAlreadyPinned):
		// Another moderator's click is recording it; theirs finishes it,
		// or fails and says why to them.
		return nil, false, ephemeral("Another moderator is pinning this answer right now: `/pinned` shows whether it went through.")
	case err != nil:
		return nil, false, unrecorded(err)
	}
	return &fresh, false, nil
}

// repin answers a click on the Pin button of an answer already recorded
// as pinned. The pin may have been removed outside the bot (a moderator's
// unpin in Discord's own menu, which the bot hears of in gateway mode
// only), so it is sent again — Discord's PUT is idempotent — and a
// deleted message's record goes.
func repin(ctx context.Context, d *Deps, i *discordgo.Interaction, r *store.Record, question string) (*discordgo.InteractionResponse, error) {
	err := discordPin(ctx, d, "PUT", r.ChannelID, r.MessageID, "licensebot: pinned answer pinned again by user "+userID(i))
	switch {
	case err == nil:
		return ephemeral(fmt.Sprintf("This answer is already pinned (by <@%s>, <t:%d:R>). `/license` answers to %s link to it.",
			r.PinnedBy, r.PinnedAt.Unix(), question)), nil
	case discordCode(err) == discordgo.ErrCodeUnknownMessage:
		if uerr := d.Pins.Unpin(ctx, r.GuildID, r.MessageID); uerr != nil && !errors.Is(uerr, store.ErrNotFound) {
			d.logger().Error("record of a deleted message not removed", "interaction", i.ID, "guild", r.GuildID, "message", r.MessageID, "err", uerr)
		}
		return nil, pinFailure(err, false)
	case pinDefinitelyFailed(err):
		return nil, pinFailure(err, false)
	}
	d.logger().Error("pinning again failed", "interaction", i.ID, "guild", r.GuildID, "message", r.MessageID, "err", err)
	return ephemeral(fmt.Sprintf("This answer is recorded as pinned (by <@%s>, <t:%d:R>), but Discord did not answer when I pinned it again. "+
		"Press 📌 Pin again in a moment.", r.PinnedBy, r.PinnedAt.Unix())), nil
}

// unpinnedMeanwhile answers a pin whose record another moderator's unpin
// removed while the pin was on its way: the unpin wins, so the pin it no
// longer records is taken back.
func unpinnedMeanwhile(ctx context.Context, d *Deps, i *discordgo.Interaction, t pinTarget) (*discordgo.InteractionResponse, error) {
	if err := discordPin(ctx, d, "DELETE", t.channelID, t.messageID, "licensebot: unpinned meanwhile by another moderator"); err != nil &&
		discordCode(err) != discordgo.ErrCodeUnknownMessage {
		d.logger().Error("unpinned meanwhile, but the pin was not taken back", "interaction", i.ID,
			"guild", i.GuildID, "channel", t.channelID, "message", t.messageID, "err", err)
		return ephemeral("Another moderator unpinned this answer while I was pinning it, and I could not take the pin back: " +
			"unpin the message from the channel's pins, or press 📌 Pin to keep it pinned."), nil
	}
	return ephemeral("Another moderator unpinned this answer while I was pinning it, so I took the pin back. Press 📌 Pin to pin it again."), nil
}

// pinRefused answers a failed pin call. When the pin certainly did not
// happen (Discord refused it, or it was never sent), the pending record
// goes too; when it may have (a timeout, a 5xx), the record stays pending
// for the next click to finish.
func pinRefused(ctx context.Context, d *Deps, i *discordgo.Interaction, r *store.Record, err error) (*discordgo.InteractionResponse, error) {
	if pinDefinitelyFailed(err) {
		if uerr := d.Pins.Unpin(ctx, r.GuildID, r.MessageID); uerr != nil && !errors.Is(uerr, store.ErrNotFound) {
			d.logger().Error("pending pin not removed after Discord refused it", "interaction", i.ID,
				"guild", r.GuildID, "message", r.MessageID, "err", uerr)
		}
		return nil, pinFailure(err, false)
	}
	d.logger().Error("pin failed; the record stays pending", "interaction", i.ID, "guild", r.GuildID, "message", r.MessageID, "err", err)
	return ephemeral("Discord did not confirm the pin. I kept it as not confirmed (`/pinned` lists it): " +
		"press 📌 Pin again in a moment to finish it."), nil
}

// pinDefinitelyFailed reports whether a pin call certainly left the message
// unpinned: Discord answered 4xx, or the call was never made.
func pinDefinitelyFailed(err error) bool {
	var re *discordgo.RESTError
	if errors.As(err, &re) && re.Response != nil {
		return re.Response.StatusCode/100 == 4
	}
	return errors.Is(err, errUnsafeID) || errors.Is(err, errNoBotToken)
}

// pendingNote is what /pinned adds under a pin not yet confirmed: it may
// not have reached Discord, and the next click on its Pin button finishes
// it.
func pendingNote(r store.Record) string {
	if r.State != store.StatePending {
		return ""
	}
	return "\n⏳ **Not confirmed**: the pin may not have reached Discord. Press 📌 Pin on the answer to finish it, or Unpin."
}
