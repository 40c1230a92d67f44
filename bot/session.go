package bot

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"time"

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

// Respond posts the callback.
func (r *restResponder) Respond(ctx context.Context, i *discordgo.Interaction, resp *discordgo.InteractionResponse) error {
	if err := checkInteractionPath(i, i.ID); err != nil {
		return fmt.Errorf("interaction callback: %w", err)
	}
	body, err := EncodeResponse(resp)
	if err != nil {
		return fmt.Errorf("encode response: %w", err)
	}
	return r.send(ctx, "interaction callback", http.MethodPost, discordgo.EndpointInteractionResponse(i.ID, i.Token), body)
}

// Edit delivers the answer to a deferred interaction: it edits the
// original response, or sends a follow-up (deleting the placeholder when
// how says so).
func (r *restResponder) Edit(ctx context.Context, i *discordgo.Interaction, data *discordgo.InteractionResponseData, how Delivery) error {
	if err := checkInteractionPath(i, i.AppID); err != nil {
		return fmt.Errorf("edit deferred response: %w", err)
	}
	original := discordgo.EndpointInteractionResponseActions(i.AppID, i.Token)
	if how == FollowUp || how == FollowUpReplacing {
		body, err := json.Marshal(&discordgo.WebhookParams{
			Content:         data.Content,
			Embeds:          data.Embeds,
			Components:      nonNil(data.Components),
			AllowedMentions: data.AllowedMentions,
			Flags:           data.Flags & discordgo.MessageFlagsEphemeral,
		})
		if err != nil {
			return fmt.Errorf("follow-up: %w", err)
		}
		if how == FollowUpReplacing {
			// Discord makes the first follow-up after a deferral the
			// deferred message itself, public as it was deferred, whatever
			// its flags; the delete below would then take the answer away.
			// The placeholder is resolved first, so the follow-up is a
			// message of its own.
			if err := r.send(ctx, "resolve public placeholder", http.MethodPatch, original, placeholderNote); err != nil {
				return err
			}
		}
		if err := r.send(ctx, "follow-up", http.MethodPost, discordgo.EndpointWebhookToken(i.AppID, i.Token), body); err != nil || how == FollowUp {
			return err
		}
		return r.send(ctx, "delete public placeholder", http.MethodDelete, original, nil)
	}
	body, err := json.Marshal(webhookEdit(data))
	if err != nil {
		return fmt.Errorf("edit deferred response: %w", err)
	}
	return r.send(ctx, "edit deferred response", http.MethodPatch, original, body)
}

// placeholderNote is what a public placeholder says for the moment
// between its answer going privately to the user and its deletion, or
// for good if the deletion fails.
var placeholderNote = func() []byte {
	b, err := json.Marshal(webhookEdit(&discordgo.InteractionResponseData{
		Content:         "Answered privately.",
		AllowedMentions: &discordgo.MessageAllowedMentions{Parse: []discordgo.AllowedMentionType{}},
	}))
	if err != nil {
		panic(err)
	}
	return b
}()

// maxRetries is how many times a call Discord refused with 429, or failed
// with a gateway error (502–504), is made again, each after the wait a 429
// asked for (at most maxRetryWait; retryWait when it named none) or after
// retryWait.
const (
	maxRetries   = 2
	retryWait    = time.Second
	maxRetryWait = 5 * time.Second
)

// send makes one call on an interaction's callback or webhook route. It
// bypasses discordgo's rate limiter, which keys these routes by their
// unique token (a bucket per interaction, kept forever) or by one bucket
// for every interaction's webhook (edits of unrelated answers sent one at
// a time, each waiting for the last's round trip); interaction routes are
// not subject to the global rate limit. A 429 is waited out and a gateway
// error waited a moment, and the call made again, within ctx.
func (r *restResponder) send(ctx context.Context, what, method, url string, body []byte) error {
	for attempt := 0; ; attempt++ {
		req, err := http.NewRequestWithContext(ctx, method, url, bytes.NewReader(body))
		if err != nil {
			return fmt.Errorf("%s: %w", what, err)
		}
		if body != nil {
			req.Header.Set("Content-Type", "application/json")
		}
		req.Header.Set("User-Agent", r.s.UserAgent)
		res, err := r.s.Client.Do(req)
		if err != nil {
			return fmt.Errorf("%s: %w", what, err)
		}
		msg, _ := io.ReadAll(io.LimitReader(res.Body, 1<<16))
		res.Body.Close()
		var wait time.Duration
		switch {
		case res.StatusCode/100 == 2:
			return nil
		case res.StatusCode == http.StatusTooManyRequests:
			wait = retryAfter(res.Header, msg)
		case res.StatusCode >= http.StatusBadGateway && res.StatusCode <= http.StatusGatewayTimeout:
			wait = retryWait
		}
		if wait == 0 || attempt == maxRetries {
			return fmt.Errorf("%s: %s: %s", what, res.Status, bytes.TrimSpace(msg[:min(len(msg), 512)]))
		}
		if err := sleepCtx(ctx, wait); err != nil {
			return fmt.Errorf("%s: %s, not retried: %w", what, res.Status, err)
		}
	}
}

// sleepCtx waits d, or returns ctx's error when ctx ends first.
func sleepCtx(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// retryAfter is how long a 429 asks to wait: its Retry-After header or
// the retry_after of its body, in seconds, at most maxRetryWait; retryWait
// when it names no wait.
func retryAfter(h http.Header, body []byte) time.Duration {
	secs, err := strconv.ParseFloat(h.Get("Retry-After"), 64)
	if err != nil {
		var b struct {
			RetryAfter *float64 `json:"retry_after"`
		}
		if json.Unmarshal(body, &b) != nil || b.RetryAfter == nil {
			return retryWait
		}
		secs = *b.RetryAfter
	}
	return min(max(time.Duration(secs*float64(time.Second)), time.Millisecond), maxRetryWait)
}

// nonNil keeps a follow-up's JSON from saying "components": null.
func nonNil(c []discordgo.MessageComponent) []discordgo.MessageComponent {
	if c == nil {
		return []discordgo.MessageComponent{}
	}
	return c
}
