package main

import (
	"context"
	"fmt"

	"github.com/licensebot/licensebot/bot"
)

// inviteCommand prints the link that adds the bot to a server:
// `licensebot invite`.
type inviteCommand struct {
	m       *Main
	discord discordConfig
}

func (c *inviteCommand) ParseFlags(args []string) error {
	fs := c.m.newFlagSet("invite", "invite [--app-id ID]")
	fs.StringVar(&c.discord.appID, "app-id", "", "application id (env DISCORD_APP_ID), from the Developer Portal's General Information")
	if _, err := parse(fs, args); err != nil {
		return err
	}
	fill(&c.discord.appID, "DISCORD_APP_ID")
	if c.discord.appID == "" {
		return fmt.Errorf("%w: invite needs the application id: set DISCORD_APP_ID (Developer Portal → General Information → Application ID) or pass --app-id", errUsage)
	}
	return checkID("application id", c.discord.appID)
}

func (c *inviteCommand) Run(context.Context) error {
	fmt.Fprintln(c.m.Stdout, bot.InviteURL(c.discord.appID))
	fmt.Fprintln(c.m.Stderr, "Open it, pick a server, authorise. Scopes: bot, applications.commands; permissions: View Channel, Read Message History, Pin Messages.\nThen register the commands: licensebot commands register --guild SERVER_ID")
	return nil
}
