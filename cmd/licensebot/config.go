package main

// What the subcommands share of their configuration: the directories,
// Discord's credentials, and the environment filling the flags left unset.

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/licensebot/licensebot/corpus"
	"github.com/licensebot/licensebot/internal/datadir"
)

// dirs are the locations every command shares, from flags with the
// environment as default: the data directory (texts, index, pins) is per
// user unless given, and the corpus is the one compiled into the binary
// unless a directory is given, so the binary works from any directory.
type dirs struct {
	data   string
	corpus string
}

func (d *dirs) register(fs *flag.FlagSet) {
	d.data = datadir.Default()
	fs.Var(dirValue{&d.data}, "data", "data `directory`: texts/, index/, the pins database (env LICENSEBOT_DATA)")
	fs.StringVar(&d.corpus, "corpus", os.Getenv("LICENSEBOT_CORPUS"), "corpus directory (manifest, topics, cards, notes) to use instead of the one built into the binary (env LICENSEBOT_CORPUS)")
}

// dirValue is a directory flag that may not be empty: `--data ""` (an
// unset variable in a script) would put texts/ and index/ in the working
// directory.
type dirValue struct{ p *string }

func (v dirValue) String() string {
	if v.p == nil {
		return ""
	}
	return *v.p
}

func (v dirValue) Set(s string) error {
	if strings.TrimSpace(s) == "" {
		return errors.New("empty: give a directory")
	}
	*v.p = s
	return nil
}

// paths is the corpus the commands build from: the directory given, or
// the one embedded in the binary.
func (d *dirs) paths() corpus.Paths {
	texts := filepath.Join(d.data, "texts")
	if d.corpus == "" {
		return corpus.Embedded(texts)
	}
	return corpus.Paths{Dir: d.corpus, Texts: texts}
}

// discordConfig is the Discord side of the configuration: environment
// variables, each mirrored by a flag.
type discordConfig struct {
	token     string
	appID     string
	publicKey string
	apiBase   string
}

// register declares the flags. Secrets get no default from the
// environment here, or --help and every flag error would print them; the
// environment fills what the flags leave empty, in fromEnv.
func (c *discordConfig) register(fs interface {
	StringVar(*string, string, string, string)
}) {
	fs.StringVar(&c.token, "token", "", "bot token (env DISCORD_TOKEN); gateway mode and pinning need it")
	fs.StringVar(&c.appID, "app-id", "", "application id (env DISCORD_APP_ID)")
	fs.StringVar(&c.publicKey, "public-key", "", "application public key, hex (env DISCORD_PUBLIC_KEY); HTTP mode verifies signatures with it")
	fs.StringVar(&c.apiBase, "discord-api", "", "base URL replacing https://discord.com/api for every REST call (env LICENSEBOT_DISCORD_API)")
}

func (c *discordConfig) fromEnv() {
	fill(&c.token, "DISCORD_TOKEN")
	fill(&c.appID, "DISCORD_APP_ID")
	fill(&c.publicKey, "DISCORD_PUBLIC_KEY")
	fill(&c.apiBase, "LICENSEBOT_DISCORD_API")
}

// checkID refuses a Discord id given by the operator (an application or
// server id) that is not one: a decimal number, as the Developer Portal and
// Discord's "Copy ID" give it.
func checkID(what, id string) error {
	if _, err := strconv.ParseUint(id, 10, 64); err != nil { // digits only: no sign, no underscores in base 10
		return fmt.Errorf("%w: %s %q: want the number Discord shows (Developer Portal, or Copy ID with Developer Mode on)", errUsage, what, id)
	}
	return nil
}

func fill(v *string, env string) {
	if *v == "" {
		*v = os.Getenv(env)
	}
}

// envFlag is a flag the environment fills when the command line leaves it
// unset; want says what a valid value looks like.
type envFlag struct {
	flag, env, want string
}

// fillFlags sets each flag the command line left unset from its variable,
// through the flag's own parser, so a value the flag would refuse is
// refused from the environment too, naming the variable, instead of
// silently falling back to the default.
func fillFlags(fs *flag.FlagSet, envs []envFlag) error {
	given := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { given[f.Name] = true })
	for _, e := range envs {
		v := os.Getenv(e.env)
		if given[e.flag] || v == "" {
			continue
		}
		if err := fs.Set(e.flag, v); err != nil {
			return fmt.Errorf("%w: %s=%q: want %s", errUsage, e.env, v, e.want)
		}
	}
	return nil
}
