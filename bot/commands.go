package bot

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"github.com/bwmarrin/discordgo"
)

// HandlerFunc builds the response to one interaction. It never sends
// anything: the dispatcher does, so logging, panics, deferral and error
// replies live in one place. An error is answered ephemerally by the
// dispatcher; return a UserError for messages meant for the user.
type HandlerFunc func(ctx context.Context, d *Deps, i *discordgo.Interaction) (*discordgo.InteractionResponse, error)

// AutocompleteFunc returns the choices for the focused option of an
// autocomplete interaction. The dispatcher caps them at Discord's limits.
type AutocompleteFunc func(ctx context.Context, d *Deps, i *discordgo.Interaction, focused *discordgo.ApplicationCommandInteractionDataOption) []*discordgo.ApplicationCommandOptionChoice

// Command is one application command: the spec registered with Discord and
// the code that answers it.
type Command struct {
	Spec         *discordgo.ApplicationCommand
	Handle       HandlerFunc
	Autocomplete AutocompleteFunc // nil when no option autocompletes
	// Ephemeral makes a deferred response private. The handler's own
	// response flags decide when it answers in time.
	Ephemeral bool
	// DeferNow defers at once and edits the answer in when the handler
	// returns, for commands whose work is meant to take a while (/reindex).
	DeferNow bool
}

// Commands is every command the bot answers, in the order users meet them
// (the README's table), and exactly what `licensebot commands register`
// bulk-overwrites on Discord. Each lives in its own cmd_<name>.go: its spec,
// its handler and its renderer. A new command is added here, and nowhere
// else.
var Commands = []Command{
	licenseCommand,    // /license     cmd_license.go
	compareCommand,    // /compare     cmd_compare.go
	openSourceCommand, // /opensource  cmd_opensource.go
	clauseCommand,     // /clause      cmd_clause.go
	searchCommand,     // /search      cmd_search.go
	pinnedCommand,     // /pinned      cmd_pinned.go
	reindexCommand,    // /reindex     cmd_reindex.go
	pinAnswerCommand,  // "Pin answer" (message menu)  cmd_pin.go
}

// ComponentHandler answers a message component (a button click). The
// custom_id is passed whole; the prefix before the first ':' chose it.
type ComponentHandler func(ctx context.Context, d *Deps, i *discordgo.Interaction, customID string) (*discordgo.InteractionResponse, error)

// Components routes button clicks by the custom_id prefix before the first
// ':', and is every button the bot answers, in the order users meet them.
var Components = map[string]ComponentHandler{
	ClausePrefix:     handleFullClause,  // Full clause, on answers      cmd_clause.go
	TopicPrefix:      handleTopicButton, // a likely topic, on answers without a verdict  cmd_license.go
	PinPrefix:        handlePinButton,   // 📌 Pin, on answers           cmd_pin.go
	PinnedPagePrefix: handlePinnedPage,  // Previous / Next, on /pinned  cmd_pinned.go
	UnpinPrefix:      handleUnpin,       // Unpin N, on /pinned          cmd_pinned.go
}

// How a button's answer arrives, and so how the dispatcher defers a slow
// one: privately (the default); in the channel (answersInChannel: a public
// deferral); or replacing the message the button is on (updatesMessage:
// an update, type 7, deferred as one).
var (
	answersInChannel = map[string]bool{TopicPrefix: true}
	updatesMessage   = map[string]bool{PinnedPagePrefix: true, UnpinPrefix: true}
)

// The custom_id prefixes of the buttons, one per entry of Components.
const (
	// ClausePrefix: "clause:<license>:<doc>#<section>" (ClauseCustomID).
	ClausePrefix = "clause"
	// TopicPrefix: "topic:<license or model>:<topic>" (TopicCustomID).
	TopicPrefix = "topic"
	// PinPrefix: "pin:<license>:<topic>" (PinCustomID).
	PinPrefix = "pin"
	// PinnedPagePrefix: "pinned:prev:<offset>" and "pinned:next:<offset>".
	PinnedPagePrefix = "pinned"
	// UnpinPrefix: "unpin:<message id>:<offset of the page shown>".
	UnpinPrefix = "unpin"
)

// Specs returns the specs of cmds in order, ready for
// ApplicationCommandBulkOverwrite.
func Specs(cmds []Command) []*discordgo.ApplicationCommand {
	out := make([]*discordgo.ApplicationCommand, len(cmds))
	for n, c := range cmds {
		out[n] = c.Spec
	}
	return out
}

// RegisterCommands bulk-overwrites the application's commands with cmds,
// globally or (guildID != "") in one guild — what
// ApplicationCommandBulkOverwrite does, with the body from EncodeCommands.
// Overwriting is idempotent: running it twice leaves the same set.
func RegisterCommands(s *discordgo.Session, appID, guildID string, cmds []Command) ([]*discordgo.ApplicationCommand, error) {
	ids := []string{appID}
	if guildID != "" {
		ids = append(ids, guildID)
	}
	if err := checkPathIDs("", ids...); err != nil {
		return nil, fmt.Errorf("register commands: %w", err)
	}
	body, err := EncodeCommands(Specs(cmds))
	if err != nil {
		return nil, err
	}
	endpoint := discordgo.EndpointApplicationGlobalCommands(appID)
	if guildID != "" {
		endpoint = discordgo.EndpointApplicationGuildCommands(appID, guildID)
	}
	res, err := s.RequestWithBucketID(http.MethodPut, endpoint, json.RawMessage(body), endpoint)
	if err != nil {
		return nil, fmt.Errorf("register commands: %w", err)
	}
	var out []*discordgo.ApplicationCommand
	if err := json.Unmarshal(res, &out); err != nil {
		return nil, fmt.Errorf("register commands: decode reply: %w", err)
	}
	return out, nil
}

// EncodeCommands is the body of the bulk overwrite. discordgo writes
// default_member_permissions as a string; Discord's API description types
// it as an integer, so it is rewritten as one.
func EncodeCommands(specs []*discordgo.ApplicationCommand) ([]byte, error) {
	raw, err := json.Marshal(specs)
	if err != nil {
		return nil, err
	}
	var generic []map[string]any
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	if err := dec.Decode(&generic); err != nil {
		return nil, err
	}
	for _, c := range generic {
		if p, ok := c["default_member_permissions"].(string); ok {
			if _, err := strconv.ParseInt(p, 10, 64); err != nil {
				return nil, fmt.Errorf("command %v: bad default_member_permissions %q", c["name"], p)
			}
			c["default_member_permissions"] = json.Number(p)
		}
	}
	return json.Marshal(generic)
}

// options flattens the options of a chat-input command by name.
func options(i *discordgo.Interaction) map[string]*discordgo.ApplicationCommandInteractionDataOption {
	data, ok := i.Data.(discordgo.ApplicationCommandInteractionData)
	if !ok {
		return nil
	}
	m := make(map[string]*discordgo.ApplicationCommandInteractionDataOption, len(data.Options))
	for _, o := range data.Options {
		m[o.Name] = o
	}
	return m
}

// stringOption returns a string option's value, "" when absent.
func stringOption(opts map[string]*discordgo.ApplicationCommandInteractionDataOption, name string) string {
	o, ok := opts[name]
	if !ok || o == nil {
		return ""
	}
	if s, ok := o.Value.(string); ok {
		return s
	}
	return ""
}

// customIDPrefix is the routing key of a component custom_id.
func customIDPrefix(id string) string {
	prefix, _, _ := strings.Cut(id, ":")
	return prefix
}

// userID is who clicked or typed, in a guild or in DMs.
func userID(i *discordgo.Interaction) string {
	if i.Member != nil && i.Member.User != nil {
		return i.Member.User.ID
	}
	if i.User != nil {
		return i.User.ID
	}
	return ""
}
