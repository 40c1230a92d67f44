package bot

import "testing"

// The invite link is the README's: bot and applications.commands, View
// Channel + Read Message History + Pin Messages.
func TestInviteURL(t *testing.T) {
	want := "https://discord.com/oauth2/authorize?client_id=123&permissions=2251799813751808&scope=bot+applications.commands"
	if got := InviteURL("123"); got != want {
		t.Errorf("InviteURL = %s\nwant         %s", got, want)
	}
}
