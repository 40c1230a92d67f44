package main

import (
	"context"
	"fmt"
	"strings"

	"github.com/licensebot/licensebot/bot"
)

// registerCommand registers the bot's slash commands with Discord, a bulk
// overwrite: `licensebot commands register [--guild ID]`.
type registerCommand struct {
	m       *Main
	discord discordConfig
	guild   string
}

func (c *registerCommand) ParseFlags(args []string) error {
	fs := c.m.newFlagSet("commands register", "commands register [--guild ID]")
	c.discord.register(fs)
	fs.StringVar(&c.guild, "guild", "", "register in this server only (instant; global commands take up to an hour to appear)")
	if _, err := parse(fs, args); err != nil {
		return err
	}
	c.discord.fromEnv()
	if c.discord.token == "" || c.discord.appID == "" {
		return fmt.Errorf("%w: commands register needs DISCORD_TOKEN and DISCORD_APP_ID", errUsage)
	}
	if err := checkID("application id", c.discord.appID); err != nil {
		return err
	}
	if c.guild != "" {
		return checkID("--guild", c.guild)
	}
	return nil
}

func (c *registerCommand) Run(context.Context) error {
	sess, err := bot.NewSession(c.discord.token, c.discord.apiBase)
	if err != nil {
		return err
	}
	got, err := bot.RegisterCommands(sess, c.discord.appID, c.guild, bot.Commands)
	if err != nil {
		return fmt.Errorf("commands register: %w", err)
	}
	where := "globally"
	if c.guild != "" {
		where = "in guild " + c.guild
	}
	names := make([]string, 0, len(got))
	for _, g := range got {
		names = append(names, g.Name)
	}
	fmt.Fprintf(c.m.Stdout, "registered %d commands %s (bulk overwrite): %s\n", len(got), where, strings.Join(names, ", "))
	return nil
}
