package bot

import (
	"errors"
	"fmt"
	"math"
	"strconv"

	"github.com/bwmarrin/discordgo"
)

// What the bot accepts from a payload before a handler sees it. Discord
// sends well-formed interactions; anything else is someone else's, or a
// bug, and is refused whole rather than half-handled: a null option
// panics in a handler, an id with a slash steers a REST call, a request
// without a user slips past the per-user cooldown.

// Discord's own limits on what an interaction carries.
const (
	maxOptionDepth = 3  // a subcommand group, its subcommand, their options
	maxOptions     = 25 // per level
	maxValueLen    = 6000
	maxSelected    = 25 // values of a select menu
)

var errMalformed = errors.New("malformed interaction")

// outcomeMalformed is the outcome of an interaction checkInteraction
// refused.
const outcomeMalformed = "malformed"

// malformedf is a checkInteraction error.
func malformedf(format string, args ...any) error {
	return fmt.Errorf("%w: %s", errMalformed, fmt.Sprintf(format, args...))
}

// checkInteraction refuses an interaction no handler should see: a
// request that is not a ping and has no user (the cooldown is per user),
// a target that is not a snowflake, null or ill-typed options, oversized
// component data. Ids and tokens that go into REST paths are checked
// again beside each call (checkPathIDs).
func checkInteraction(i *discordgo.Interaction) error {
	if i.Type == discordgo.InteractionPing {
		return nil
	}
	if !isSnowflake(userID(i)) {
		return malformedf("no user, or a user id that is not a snowflake")
	}
	switch data := i.Data.(type) {
	case discordgo.ApplicationCommandInteractionData:
		if data.TargetID != "" && !isSnowflake(data.TargetID) {
			return malformedf("target_id %q is not a snowflake", data.TargetID)
		}
		return checkOptions(data.Options, 1, i.Type == discordgo.InteractionApplicationCommandAutocomplete)
	case discordgo.MessageComponentInteractionData:
		if len(data.CustomID) > maxCustomID || len(data.Values) > maxSelected {
			return malformedf("component data beyond Discord's limits")
		}
	}
	return nil
}

// checkOptions checks one level of options and those below it.
func checkOptions(opts []*discordgo.ApplicationCommandInteractionDataOption, depth int, autocomplete bool) error {
	if len(opts) == 0 {
		return nil
	}
	if depth > maxOptionDepth || len(opts) > maxOptions {
		return malformedf("options nested or repeated beyond Discord's limits")
	}
	for _, o := range opts {
		if o == nil {
			return malformedf("a null option")
		}
		if !valueFits(o, autocomplete) {
			return malformedf("option %q: a %T value for option type %d", o.Name, o.Value, o.Type)
		}
		if err := checkOptions(o.Options, depth+1, autocomplete); err != nil {
			return err
		}
	}
	return nil
}

// valueFits reports whether an option's value has the Go type its option
// type decodes to. While a user types (autocomplete), a number option's
// value is the text typed so far.
func valueFits(o *discordgo.ApplicationCommandInteractionDataOption, autocomplete bool) bool {
	switch o.Type {
	case discordgo.ApplicationCommandOptionSubCommand, discordgo.ApplicationCommandOptionSubCommandGroup:
		return o.Value == nil
	case discordgo.ApplicationCommandOptionString:
		s, ok := o.Value.(string)
		return ok && len(s) <= maxValueLen
	case discordgo.ApplicationCommandOptionInteger, discordgo.ApplicationCommandOptionNumber:
		if s, ok := o.Value.(string); ok {
			return autocomplete && len(s) <= 100
		}
		f, ok := o.Value.(float64)
		return ok && !math.IsNaN(f) && (o.Type == discordgo.ApplicationCommandOptionNumber || f == math.Trunc(f))
	case discordgo.ApplicationCommandOptionBoolean:
		_, ok := o.Value.(bool)
		return ok
	case discordgo.ApplicationCommandOptionUser, discordgo.ApplicationCommandOptionChannel,
		discordgo.ApplicationCommandOptionRole, discordgo.ApplicationCommandOptionMentionable,
		discordgo.ApplicationCommandOptionAttachment:
		s, ok := o.Value.(string)
		return ok && isSnowflake(s)
	}
	return false
}

// isSnowflake reports whether s is a Discord id: a decimal uint64. Only
// such ids go into REST paths, so none can carry a '/', a '..' or a '?'.
func isSnowflake(s string) bool {
	if s == "" || len(s) > 20 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	_, err := strconv.ParseUint(s, 10, 64)
	return err == nil
}

// isToken reports whether s can be an interaction token: URL-safe
// characters only, so it stays one path segment.
func isToken(s string) bool {
	if s == "" || len(s) > 500 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '.') {
			return false
		}
	}
	return s != "." && s != ".."
}
