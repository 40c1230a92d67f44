package bot

import (
	"errors"
	"fmt"
	"strings"

	"github.com/bwmarrin/discordgo"

	"github.com/licensebot/licensebot/index"
)

// UserError is a failure the user caused or can fix (a missing option, an
// unknown section). Its message is shown to them as is.
type UserError struct{ Msg string }

func (e *UserError) Error() string { return e.Msg }

// userErrorf builds a UserError.
func userErrorf(format string, args ...any) error {
	return &UserError{Msg: fmt.Sprintf(format, args...)}
}

// errPanic marks a handler that panicked; the dispatcher recovered it.
var errPanic = errors.New("handler panicked")

// Outcomes recorded in logs and metrics.
const (
	outcomeOK        = "ok"
	outcomeUserError = "user_error"
	outcomeError     = "error"
	outcomePanic     = "panic"
	outcomeCooldown  = "cooldown"
	outcomeUnknown   = "unknown_interaction"
)

// classify names the outcome of a handler error.
func classify(err error) string {
	var ue *UserError
	var unk *index.UnknownLicenseError
	var unx *index.UnindexedLicenseError
	switch {
	case err == nil:
		return outcomeOK
	case errors.Is(err, errPanic):
		return outcomePanic
	case errors.As(err, &ue), errors.As(err, &unk), errors.As(err, &unx), errors.Is(err, index.ErrNoSuchSection), errors.Is(err, index.ErrEmptyTopic):
		return outcomeUserError
	default:
		return outcomeError
	}
}

// errorMessage is what the user reads for err. Internal errors are not
// echoed: their text may hold paths or internals, and the log has them.
func errorMessage(err error) string {
	var ue *UserError
	var unk *index.UnknownLicenseError
	var unx *index.UnindexedLicenseError
	switch {
	case errors.As(err, &unk):
		return didYouMean(unk)
	case errors.As(err, &unx):
		return notIndexed(unx)
	case errors.As(err, &ue):
		return ue.Msg
	case errors.Is(err, index.ErrNoSuchSection):
		return "That section does not exist in this license. Check the number, e.g. `1.b.i`, or use `/search`."
	case errors.Is(err, index.ErrEmptyTopic):
		return "Which topic? Start typing in the `topic` option to see the ones I have verdicts on."
	case errors.Is(err, index.ErrNoIndex), errors.Is(err, index.ErrStaleIndex):
		return "The license index is not built yet. An operator needs to run `licensebot index build`."
	default:
		return "Something went wrong on my side while answering. It has been logged; please try again later."
	}
}

func didYouMean(e *index.UnknownLicenseError) string {
	if strings.TrimSpace(e.Input) == "" {
		return "Which license? Start typing in the `license` option to pick one from the list."
	}
	if d := e.Document; d != nil {
		// Discord asks with /license where the terminal asks with ask.
		slash := func(c string) string { return "`/" + strings.Replace(c, "ask ", "license ", 1) + "`" }
		return fmt.Sprintf("%s is %s, not a license: %s.", inlineCode(e.Input, 80), d.Named(), d.Use(slash))
	}
	var b strings.Builder
	fmt.Fprintf(&b, "I don't know the license %s.", inlineCode(e.Input, 80))
	if len(e.Suggestions) > 0 {
		b.WriteString(" Did you mean:")
		for n, s := range e.Suggestions {
			if n == 10 {
				break
			}
			b.WriteString("\n• ")
			b.WriteString(inlineCode(s, 80))
		}
	} else {
		b.WriteString(" Start typing in the `license` option to pick one from the list.")
	}
	return b.String()
}

// notIndexed names the license a model is under whose text is not in the
// index, with its official page, and says plainly why there is no answer:
// never a neighbouring license's instead.
func notIndexed(e *index.UnindexedLicenseError) string {
	var parts []string
	for n, t := range e.Licenses {
		p := "**" + escapeMarkdown(truncate(clean(t), 150)) + "**"
		if n < len(e.URLs) {
			if u := safeURL(e.URLs[n]); u != "" {
				p += " (<" + u + ">)"
			}
		}
		parts = append(parts, p)
	}
	lics := joinAnd(parts)
	if lics == "" {
		lics = "a license"
	}
	var b strings.Builder
	if m := clean(e.Model); m != "" {
		fmt.Fprintf(&b, "**%s** is under %s, whose text I have not indexed yet.", escapeMarkdown(truncate(m, 100)), lics)
	} else {
		fmt.Fprintf(&b, "I have not indexed the text of %s yet.", lics)
	}
	b.WriteString(" I can't quote it, so I won't answer — and I won't answer from a different license instead.")
	if len(e.Indexed) > 0 {
		var names []string
		for _, k := range e.Indexed {
			names = append(names, inlineCode(k, 40))
		}
		fmt.Fprintf(&b, "\nDid you mean one I have: %s?", strings.Join(names, ", "))
	}
	return b.String()
}

// ephemeral is a private plain-text reply.
func ephemeral(content string) *discordgo.InteractionResponse {
	return &discordgo.InteractionResponse{
		Type: discordgo.InteractionResponseChannelMessageWithSource,
		Data: &discordgo.InteractionResponseData{
			Content:         truncate(content, maxContent),
			Flags:           discordgo.MessageFlagsEphemeral,
			AllowedMentions: noMentions(),
		},
	}
}

// noMentions stops any text we echo (clause text, user input) from pinging
// anyone.
func noMentions() *discordgo.MessageAllowedMentions {
	return &discordgo.MessageAllowedMentions{Parse: []discordgo.AllowedMentionType{}}
}
