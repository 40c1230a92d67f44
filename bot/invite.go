package bot

import (
	"net/url"
	"strconv"

	"github.com/bwmarrin/discordgo"
)

// InvitePermissions are what the bot asks for when it is added to a
// server: seeing the channels it answers in, reading the history that holds
// the answers it pins, and pinning them. Answers go through interactions,
// which need no Send Messages.
const InvitePermissions = discordgo.PermissionViewChannel | discordgo.PermissionReadMessageHistory | PermissionPinMessages

// InviteScopes are the OAuth2 scopes of the install link: the bot user (for
// pinning) and its slash commands.
const InviteScopes = "bot applications.commands"

// InviteURL is the link that adds the application appID to a server with
// InviteScopes and InvitePermissions.
func InviteURL(appID string) string {
	q := url.Values{}
	q.Set("client_id", appID)
	q.Set("scope", InviteScopes)
	q.Set("permissions", strconv.FormatInt(InvitePermissions, 10))
	return "https://discord.com/oauth2/authorize?" + q.Encode()
}
