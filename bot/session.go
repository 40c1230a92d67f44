package bot

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"

	"github.com/bwmarrin/discordgo"
)

// NewSession makes the discordgo session both run modes use for REST
// calls (and the gateway mode for its websocket): Guilds intent only,
// reconnecting on errors, its REST calls sent to apiBase when set
// (LICENSEBOT_DISCORD_API). token may be empty in HTTP mode, which only
// answers and edits interactions (authorised by their tokens).
func NewSession(token, apiBase string) (*discordgo.Session, error) {
	auth := ""
	if token != "" {
		auth = "Bot " + token
	}
	s, err := discordgo.New(auth)
	if err != nil {
		return nil, fmt.Errorf("discord session: %w", err)
	}
	s.Identify.Intents = discordgo.IntentsGuilds
	s.ShouldReconnectOnError = true
	s.StateEnabled = false // nothing reads it; it would only cost memory
	// A redirect from the API (or a proxy in front of it) would be followed
	// with the Authorization header to wherever it points. Discord's API
	// does not redirect; a 3xx is answered as the error it is.
	s.Client.CheckRedirect = refuseRedirect
	if apiBase != "" {
		if err := UseAPIBase(s, apiBase); err != nil {
			return nil, err
		}
	}
	return s, nil
}

// refuseRedirect is the REST client's CheckRedirect: it stops at the
// first response, whatever its status.
func refuseRedirect(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }

// errUnsafeID means an id or token from a payload was refused before it
// went into a REST path.
var errUnsafeID = errors.New("refusing a REST call: an id is not a snowflake")

// checkPathIDs refuses ids that are not snowflakes and a token that is not
// one path segment: whatever reaches a REST path is checked here, beside
// the call, whatever checked it before. token "" means the path has none.
func checkPathIDs(token string, ids ...string) error {
	if token != "" && !isToken(token) {
		return fmt.Errorf("%w: bad interaction token", errUnsafeID)
	}
	for _, id := range ids {
		if !isSnowflake(id) {
			return fmt.Errorf("%w: %q", errUnsafeID, id)
		}
	}
	return nil
}

// checkInteractionPath checks what the callback and webhook routes of i
// are made of: its token and an id.
func checkInteractionPath(i *discordgo.Interaction, id string) error {
	if i.Token == "" {
		return fmt.Errorf("%w: no interaction token", errUnsafeID)
	}
	return checkPathIDs(i.Token, id)
}

// restResponder answers through Discord's REST API: the gateway mode's
// responder, and the HTTP mode's for edits after a deferral.
type restResponder struct{ s *discordgo.Session }

// Respond posts the callback. It bypasses discordgo's rate limiter, which
// keeps a bucket per URL forever and every callback URL is unique;
// interaction callbacks are not subject to the global rate limit.
func (r *restResponder) Respond(ctx context.Context, i *discordgo.Interaction, resp *discordgo.InteractionResponse) error {
	if err := checkInteractionPath(i, i.ID); err != nil {
		return fmt.Errorf("interaction callback: %w", err)
	}
	body, err := EncodeResponse(resp)
	if err != nil {
		return fmt.Errorf("encode response: %w", err)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, discordgo.EndpointInteractionResponse(i.ID, i.Token), bytes.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("User-Agent", r.s.UserAgent)
	res, err := r.s.Client.Do(req)
	if err != nil {
		return fmt.Errorf("interaction callback: %w", err)
	}
	defer res.Body.Close()
	if res.StatusCode/100 != 2 {
		msg, _ := io.ReadAll(io.LimitReader(res.Body, 512))
		return fmt.Errorf("interaction callback: %s: %s", res.Status, bytes.TrimSpace(msg))
	}
	_, _ = io.Copy(io.Discard, io.LimitReader(res.Body, 1<<16))
	return nil
}

// Edit replaces the deferred "thinking…" response.
func (r *restResponder) Edit(ctx context.Context, i *discordgo.Interaction, data *discordgo.InteractionResponseData, publicDefer bool) error {
	if err := checkInteractionPath(i, i.AppID); err != nil {
		return fmt.Errorf("edit deferred response: %w", err)
	}
	if publicDefer && data.Flags&discordgo.MessageFlagsEphemeral != 0 {
		_, err := r.s.FollowupMessageCreate(i, false, &discordgo.WebhookParams{
			Content:         data.Content,
			Embeds:          data.Embeds,
			Components:      nonNil(data.Components),
			AllowedMentions: data.AllowedMentions,
			Flags:           discordgo.MessageFlagsEphemeral,
		}, discordgo.WithContext(ctx))
		if err != nil {
			return fmt.Errorf("private follow-up: %w", err)
		}
		if err := r.s.InteractionResponseDelete(i, discordgo.WithContext(ctx)); err != nil {
			return fmt.Errorf("delete public placeholder: %w", err)
		}
		return nil
	}
	_, err := r.s.InteractionResponseEdit(i, webhookEdit(data), discordgo.WithContext(ctx))
	if err != nil {
		return fmt.Errorf("edit deferred response: %w", err)
	}
	return nil
}

// nonNil keeps discordgo from sending "components": null.
func nonNil(c []discordgo.MessageComponent) []discordgo.MessageComponent {
	if c == nil {
		return []discordgo.MessageComponent{}
	}
	return c
}
