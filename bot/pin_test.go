package bot

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/licensebot/licensebot/bot/store"
)

// Permission sets as Discord computes them for a member in a channel.
var (
	permsModerator       = PermissionPinMessages | discordgo.PermissionViewChannel | discordgo.PermissionSendMessages | discordgo.PermissionReadMessageHistory
	permsMember    int64 = discordgo.PermissionViewChannel | discordgo.PermissionSendMessages | discordgo.PermissionReadMessageHistory
	// permsOldModerator has Manage Messages, which no longer lets one pin.
	permsOldModerator       = permsMember | discordgo.PermissionManageMessages
	permsServerAdmin        = permsMember | discordgo.PermissionManageGuild
	permsAdmin        int64 = discordgo.PermissionAdministrator
)

// pinStandIn is an in-test stand-in for Discord's REST API: it records
// every request and answers 204, or the error set for a route.
type pinStandIn struct {
	srv  *httptest.Server
	mu   sync.Mutex
	got  []string                 // "METHOD /path"
	auth []string                 // Authorization of each request
	errs map[string]pinStandInErr // by "METHOD /path"
	// during, if set, runs while a request is being answered: what
	// happens elsewhere while the call is on its way.
	during func(key string)
	// pins are the messages pinned in each channel, oldest first, as
	// the PUTs and DELETEs that succeeded left them.
	pins map[string][]string
	// afterList, if set, runs under mu once a page of pins is read and
	// before it is sent; the list is sent 100 ms after it returns: a pin
	// that comes just after the bot's read.
	afterList func()
	// afterGet is afterList for a message's GET: a pin that comes just
	// after the bot asked whether the message is pinned.
	afterGet func()
	// noHistory are the channels where the bot lacks Read Message
	// History: Discord then lists no pins there (an empty page, not an
	// error) and refuses to show a message (403, Missing Access).
	noHistory map[string]bool
}

type pinStandInErr struct {
	status     int
	code       int
	retryAfter float64 // seconds, in a 429's body
}

func newPinStandIn(t *testing.T) *pinStandIn {
	s := &pinStandIn{errs: map[string]pinStandInErr{}, pins: map[string][]string{}, noHistory: map[string]bool{}}
	s.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		key := r.Method + " " + r.URL.Path
		s.mu.Lock()
		s.got = append(s.got, key)
		s.auth = append(s.auth, r.Header.Get("Authorization"))
		e, fail := s.errs[key]
		during := s.during
		s.mu.Unlock()
		if during != nil {
			during(key)
		}
		if fail {
			w.Header().Set("Content-Type", "application/json")
			if e.status == http.StatusTooManyRequests {
				// As Discord does: the bucket is spent until the wait is over.
				w.Header().Set("X-RateLimit-Remaining", "0")
				w.Header().Set("X-RateLimit-Reset-After", fmt.Sprintf("%g", e.retryAfter))
			}
			w.WriteHeader(e.status)
			if e.status == http.StatusTooManyRequests {
				fmt.Fprintf(w, `{"message": "You are being rate limited.", "retry_after": %g, "global": false}`, e.retryAfter)
				return
			}
			fmt.Fprintf(w, `{"message": "stand-in error", "code": %d}`, e.code)
			return
		}
		// /api/v10/channels/{channel}/messages/pins[/{message}]
		parts := strings.Split(strings.TrimPrefix(r.URL.Path, "/api/v10/"), "/")
		if len(parts) == 4 && parts[0] == "channels" && parts[2] == "messages" && parts[3] != "pins" && r.Method == "GET" {
			s.getMessage(w, parts[1], parts[3])
			return
		}
		if len(parts) >= 4 && parts[0] == "channels" && parts[2] == "messages" && parts[3] == "pins" {
			ch := parts[1]
			if len(parts) == 4 && r.Method == "GET" {
				s.listPins(w, r, ch)
				return
			}
			if len(parts) == 5 {
				s.mu.Lock()
				s.pins[ch] = slices.DeleteFunc(s.pins[ch], func(p string) bool { return p == parts[4] })
				if r.Method == "PUT" {
					s.pins[ch] = append(s.pins[ch], parts[4])
				}
				s.mu.Unlock()
			}
		}
		w.WriteHeader(http.StatusNoContent)
	}))
	t.Cleanup(s.srv.Close)
	return s
}

// listPins answers GET /channels/{channel}/messages/pins as Discord does:
// newest first, pages of limit (at most 50) before a pinned_at time.
func (s *pinStandIn) listPins(w http.ResponseWriter, r *http.Request, channel string) {
	limit, err := strconv.Atoi(r.URL.Query().Get("limit"))
	if err != nil || limit < 1 || limit > 50 {
		http.Error(w, `{"message": "bad limit", "code": 50035}`, http.StatusBadRequest)
		return
	}
	pinnedAt := func(i int) time.Time { return time.Date(2026, 1, 1, 0, 0, i, 0, time.UTC) }
	s.mu.Lock()
	pins := slices.Clone(s.pins[channel])
	if s.noHistory[channel] {
		pins = nil
	}
	after := s.afterList
	if after != nil {
		after()
	}
	s.mu.Unlock()
	if after != nil {
		time.Sleep(100 * time.Millisecond)
	}
	before := len(pins)
	if b := r.URL.Query().Get("before"); b != "" {
		t, err := time.Parse(time.RFC3339Nano, b)
		if err != nil {
			http.Error(w, `{"message": "bad before", "code": 50035}`, http.StatusBadRequest)
			return
		}
		for before > 0 && !pinnedAt(before-1).Before(t) {
			before--
		}
	}
	type item struct {
		PinnedAt time.Time      `json:"pinned_at"`
		Message  map[string]any `json:"message"`
	}
	page := struct {
		Items   []item `json:"items"`
		HasMore bool   `json:"has_more"`
	}{Items: []item{}}
	for i := before - 1; i >= 0 && len(page.Items) < limit; i-- {
		page.Items = append(page.Items, item{pinnedAt(i), map[string]any{"id": pins[i], "channel_id": channel}})
	}
	page.HasMore = before-len(page.Items) > 0
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(page)
}

// getMessage answers GET /channels/{channel}/messages/{message}: the
// message, with whether it is pinned.
func (s *pinStandIn) getMessage(w http.ResponseWriter, channel, message string) {
	s.mu.Lock()
	noHistory := s.noHistory[channel]
	pinned := slices.Contains(s.pins[channel], message)
	after := s.afterGet
	if after != nil {
		after()
	}
	s.mu.Unlock()
	if after != nil {
		time.Sleep(100 * time.Millisecond)
	}
	w.Header().Set("Content-Type", "application/json")
	if noHistory {
		w.WriteHeader(http.StatusForbidden)
		fmt.Fprintf(w, `{"message": "Missing Access", "code": %d}`, discordgo.ErrCodeMissingAccess)
		return
	}
	json.NewEncoder(w).Encode(map[string]any{"id": message, "channel_id": channel, "pinned": pinned})
}

// unpinOutside unpins a message as a moderator would in Discord's own
// menu: the bot makes no call and records nothing.
func (s *pinStandIn) unpinOutside(channel, message string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.pins[channel] = slices.DeleteFunc(s.pins[channel], func(p string) bool { return p == message })
}

func (s *pinStandIn) fail(method, path string, status, code int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.errs[method+" "+path] = pinStandInErr{status: status, code: code}
}

// rateLimit answers a route with 429, asking for a wait of retryAfter.
func (s *pinStandIn) rateLimit(method, path string, retryAfter time.Duration) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.errs[method+" "+path] = pinStandInErr{status: http.StatusTooManyRequests, retryAfter: retryAfter.Seconds()}
}

func (s *pinStandIn) calls() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]string(nil), s.got...)
}

// pinPath is the route Discord's stand-in must see: the current one, never
// the deprecated /channels/{c}/pins/{m}.
func pinPath(channel, message string) string {
	return "/api/v10/channels/" + channel + "/messages/pins/" + message
}

// pinFixture is a bot wired to a stand-in Discord and a real SQLite store.
type pinFixture struct {
	d       *Deps
	discord *pinStandIn
	pins    store.Store
}

func newPinFixture(t *testing.T) *pinFixture {
	t.Helper()
	discord := newPinStandIn(t)
	s, err := discordgo.New("Bot test-token")
	if err != nil {
		t.Fatal(err)
	}
	if err := UseAPIBase(s, discord.srv.URL+"/api"); err != nil {
		t.Fatal(err)
	}
	pins, err := store.OpenSQLite(context.Background(), filepath.Join(t.TempDir(), "pins.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = pins.Close() })
	d, _ := newTestDeps(sampleEngine())
	d.Session = s
	d.Pins = pins
	return &pinFixture{d: d, discord: discord, pins: pins}
}

// dispatchPin runs i through the dispatcher and returns the one response,
// validated against Discord's schema and limits.
func (f *pinFixture) dispatch(t *testing.T, i *discordgo.Interaction) *discordgo.InteractionResponse {
	t.Helper()
	rec := newRecorder()
	NewDispatcher(f.d).Dispatch(context.Background(), i, rec)
	r := rec.only(t)
	validateResponse(t, r)
	return r
}

// payload decodes one of the shared sample interactions after edit has
// changed its generic JSON form.
func payload(t *testing.T, name string, edit func(m map[string]any)) *discordgo.Interaction {
	t.Helper()
	raw, err := os.ReadFile(sharedFile(t, "discord/payloads/"+name))
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(raw, &m); err != nil {
		t.Fatal(err)
	}
	if edit != nil {
		edit(m)
	}
	raw, err = json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	var i discordgo.Interaction
	if err := json.Unmarshal(raw, &i); err != nil {
		t.Fatalf("decode %s: %v", name, err)
	}
	return &i
}

func obj(m map[string]any, key string) map[string]any { return m[key].(map[string]any) }

func setPerms(member, app int64) func(map[string]any) {
	return func(m map[string]any) {
		obj(m, "member")["permissions"] = strconv.FormatInt(member, 10)
		m["app_permissions"] = strconv.FormatInt(app, 10)
	}
}

func edits(fs ...func(map[string]any)) func(map[string]any) {
	return func(m map[string]any) {
		for _, f := range fs {
			f(m)
		}
	}
}

// The sample button click (button_component.json): the answer message
// 844397162624450620 sits in channel 345626669114982402 of guild
// 290926798626357999; the clicking member is 53908232506183680.
const (
	sampleGuild   = "290926798626357999"
	sampleChannel = "345626669114982402"
	sampleMessage = "844397162624450620"
	sampleUser    = "53908232506183680"
)

// pinClick is the sample button click, on an answer whose Pin button is
// customID, with the given permissions (nil keeps the payload's own).
func pinClick(t *testing.T, customID string, perms func(map[string]any)) *discordgo.Interaction {
	return payload(t, "button_component.json", func(m map[string]any) {
		obj(m, "data")["custom_id"] = customID
		msg := obj(m, "message")
		msg["components"] = []any{map[string]any{"type": 1, "components": []any{
			map[string]any{"type": 2, "style": 2, "label": "Pin", "custom_id": customID},
		}}}
		// The answer message's channel is where the click happens.
		m["channel_id"] = sampleChannel
		if perms != nil {
			perms(m)
		}
	})
}

func isEphemeral(r *discordgo.InteractionResponse) bool {
	return r.Type == discordgo.InteractionResponseChannelMessageWithSource &&
		r.Data != nil && r.Data.Flags&discordgo.MessageFlagsEphemeral != 0
}

func TestPinButtonModeratorPins(t *testing.T) {
	for _, tc := range []struct {
		name      string
		member    int64
		app       int64
		wantTopic string
		customID  string
	}{
		{"pin messages", permsModerator, permsModerator, "attribution", "pin:llama4:attribution"},
		{"administrator implies it", permsAdmin, permsAdmin, "attribution", "pin:llama4:attribution"},
		{"free-text topic with colons", permsModerator, permsModerator, "fine-tune: 700M users?", "pin:llama4:fine-tune: 700M users?"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := newPinFixture(t)
			f.d.Now = func() time.Time { return time.Date(2026, 11, 26, 18, 0, 0, 0, time.UTC) }
			r := f.dispatch(t, pinClick(t, tc.customID, setPerms(tc.member, tc.app)))
			if !isEphemeral(r) || !strings.Contains(r.Data.Content, "Pinned") {
				t.Fatalf("want an ephemeral confirmation, got type %d %+v", r.Type, r.Data)
			}
			want := []string{"PUT " + pinPath(sampleChannel, sampleMessage)}
			if got := f.discord.calls(); fmt.Sprint(got) != fmt.Sprint(want) {
				t.Fatalf("Discord received %v, want %v", got, want)
			}
			if f.discord.auth[0] != "Bot test-token" {
				t.Errorf("pin sent with Authorization %q, want the bot token", f.discord.auth[0])
			}
			rec, err := f.pins.Get(context.Background(), sampleGuild, sampleMessage)
			if err != nil {
				t.Fatalf("pin not recorded: %v", err)
			}
			wantRec := store.Record{GuildID: sampleGuild, ChannelID: sampleChannel, MessageID: sampleMessage,
				License: "llama4", Topic: tc.wantTopic, PinnedBy: sampleUser, PinnedAt: f.d.now(), State: store.StatePinned}
			if *rec != wantRec {
				t.Errorf("recorded %+v, want %+v", *rec, wantRec)
			}
		})
	}
}

// TestPinRefusedWithoutPermission: no Discord call, no record, and an
// ephemeral reply naming the missing permission.
func TestPinRefusedWithoutPermission(t *testing.T) {
	const id = "pin:llama4:attribution"
	for _, tc := range []struct {
		name string
		i    func(t *testing.T) *discordgo.Interaction
		want string
	}{
		{"member lacks Pin Messages", func(t *testing.T) *discordgo.Interaction {
			return pinClick(t, id, setPerms(permsMember, permsModerator))
		}, "You need the **Pin Messages** permission"},
		{"Manage Messages no longer suffices", func(t *testing.T) *discordgo.Interaction {
			return pinClick(t, id, setPerms(permsOldModerator, permsModerator))
		}, "You need the **Pin Messages** permission"},
		{"bot lacks Pin Messages", func(t *testing.T) *discordgo.Interaction {
			return pinClick(t, id, setPerms(permsModerator, permsMember))
		}, "I need the **Pin Messages** permission"},
		{"neither has it", func(t *testing.T) *discordgo.Interaction {
			return pinClick(t, id, setPerms(permsMember, permsMember))
		}, "and so do I"},
		// The shared payloads as Discord sent them: app_permissions
		// "442368" (or none at all) lacks Pin Messages, so they are refused.
		// Their members carry the Administrator bit, which implies Pin
		// Messages, so it is the bot's permission that is named.
		{"sample button payload as sent", func(t *testing.T) *discordgo.Interaction {
			return pinClick(t, id, nil)
		}, "I need the **Pin Messages** permission"},
		{"sample message command as sent", func(t *testing.T) *discordgo.Interaction {
			return payload(t, "message_command.json", func(m map[string]any) { obj(m, "data")["name"] = "Pin answer" })
		}, "I need the **Pin Messages** permission"},
		// Installed to the clicking user's account only, the bot is no
		// member of the server: it has no role to grant anything to.
		{"bot installed to a user, not the server", func(t *testing.T) *discordgo.Interaction {
			return pinClick(t, id, edits(setPerms(permsModerator, permsMember), func(m map[string]any) {
				m["authorizing_integration_owners"] = map[string]any{"1": sampleUser}
			}))
		}, "I'm not a member of this server"},
		{"bot installed to the server and a user", func(t *testing.T) *discordgo.Interaction {
			return pinClick(t, id, edits(setPerms(permsModerator, permsMember), func(m map[string]any) {
				m["authorizing_integration_owners"] = map[string]any{"0": sampleGuild, "1": sampleUser}
			}))
		}, "grant it to my role"},
		{"direct message", func(t *testing.T) *discordgo.Interaction {
			return pinClick(t, id, func(m map[string]any) {
				delete(m, "guild_id")
				m["user"] = obj(m, "member")["user"]
				delete(m, "member")
			})
		}, "servers only"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := newPinFixture(t)
			r := f.dispatch(t, tc.i(t))
			if !isEphemeral(r) {
				t.Fatalf("refusal must be ephemeral, got type %d", r.Type)
			}
			if !strings.Contains(r.Data.Content, tc.want) {
				t.Errorf("refusal %q does not say %q", r.Data.Content, tc.want)
			}
			if got := f.discord.calls(); len(got) != 0 {
				t.Errorf("refused pin still called Discord: %v", got)
			}
			if _, total, _ := f.pins.List(context.Background(), sampleGuild, 0, 10); total != 0 {
				t.Errorf("refused pin was recorded")
			}
		})
	}
}

func TestPinDiscordErrors(t *testing.T) {
	for _, tc := range []struct {
		name         string
		status, code int
		want         string
	}{
		{"message deleted", http.StatusNotFound, discordgo.ErrCodeUnknownMessage, "message was deleted"},
		{"missing permissions", http.StatusForbidden, discordgo.ErrCodeMissingPermissions, "I'm missing permissions"},
		{"missing access", http.StatusForbidden, discordgo.ErrCodeMissingAccess, "can't access that channel"},
		{"pin limit", http.StatusBadRequest, discordgo.ErrCodeMaximumPinsReached, "limit of 250 pinned messages"},
		{"unexpected", http.StatusBadRequest, 99999, "Something went wrong on my side"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := newPinFixture(t)
			f.discord.fail("PUT", pinPath(sampleChannel, sampleMessage), tc.status, tc.code)
			r := f.dispatch(t, pinClick(t, "pin:llama4:attribution", setPerms(permsModerator, permsModerator)))
			if !isEphemeral(r) || !strings.Contains(r.Data.Content, tc.want) {
				t.Errorf("reply %q (type %d), want an ephemeral one saying %q", r.Data.Content, r.Type, tc.want)
			}
			if got := len(f.discord.calls()); got != 1 {
				t.Errorf("%d Discord calls, want 1", got)
			}
			if _, err := f.pins.Get(context.Background(), sampleGuild, sampleMessage); !errors.Is(err, store.ErrNotFound) {
				t.Errorf("failed pin was recorded: %v", err)
			}
		})
	}
}

// A click on the Pin button of an answer already pinned sends the pin
// again (Discord's PUT is idempotent): a pin removed in Discord's own
// menu, which the bot hears of in gateway mode only, comes back, and the
// record of a message deleted since goes.
func TestPinAlreadyPinned(t *testing.T) {
	f := newPinFixture(t)
	click := func() *discordgo.InteractionResponse {
		return f.dispatch(t, pinClick(t, "pin:llama4:attribution", setPerms(permsModerator, permsModerator)))
	}
	click()
	r := click()
	if !isEphemeral(r) || !strings.Contains(r.Data.Content, "already pinned") {
		t.Errorf("second pin: %q, want an ephemeral 'already pinned'", r.Data.Content)
	}
	put := "PUT " + pinPath(sampleChannel, sampleMessage)
	if got := f.discord.calls(); len(got) != 2 || got[1] != put {
		t.Errorf("Discord calls %v, want the first PUT and the same again", got)
	}
	if rec, err := f.pins.Get(context.Background(), sampleGuild, sampleMessage); err != nil || rec.State != store.StatePinned {
		t.Errorf("record after pinning again: %+v, %v", rec, err)
	}
	f.discord.fail("PUT", pinPath(sampleChannel, sampleMessage), http.StatusNotFound, discordgo.ErrCodeUnknownMessage)
	if r := click(); !strings.Contains(r.Data.Content, "message was deleted") {
		t.Errorf("pin of a deleted message: %q", r.Data.Content)
	}
	if _, err := f.pins.Get(context.Background(), sampleGuild, sampleMessage); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("record of a deleted message kept: %v", err)
	}
}

// An unpin that removes the record while the pin is on its way to Discord
// wins: the pin it no longer records is taken back, and the pinner is told
// so, not that /pinned lists it.
func TestUnpinWhilePinningTakesThePinBack(t *testing.T) {
	f := newPinFixture(t)
	put := "PUT " + pinPath(sampleChannel, sampleMessage)
	f.discord.during = func(key string) {
		if key == put { // another moderator's Unpin lands now
			if err := f.pins.Unpin(context.Background(), sampleGuild, sampleMessage); err != nil {
				t.Error(err)
			}
		}
	}
	r := f.dispatch(t, pinClick(t, "pin:llama4:attribution", setPerms(permsModerator, permsModerator)))
	if !strings.Contains(r.Data.Content, "unpinned this answer while I was pinning it, so I took the pin back") {
		t.Errorf("reply %q", r.Data.Content)
	}
	if got := f.discord.calls(); len(got) != 2 || got[0] != put || got[1] != "DELETE "+pinPath(sampleChannel, sampleMessage) {
		t.Errorf("Discord calls %v, want the PUT then the DELETE that takes it back", got)
	}
	if _, err := f.pins.Get(context.Background(), sampleGuild, sampleMessage); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("a record came back: %v", err)
	}
}

// messageCommand is the sample "Pin answer" use on message 867793854505943041
// in channel 772908445358620702 of guild 772904309264089089.
func messageCommand(t *testing.T, author string, customID string, perms func(map[string]any)) *discordgo.Interaction {
	return payload(t, "message_command.json", edits(func(m map[string]any) {
		data := obj(m, "data")
		data["name"] = "Pin answer"
		msg := obj(obj(data, "resolved"), "messages")["867793854505943041"].(map[string]any)
		obj(msg, "author")["id"] = author
		obj(msg, "author")["bot"] = true
		if customID != "" {
			msg["components"] = []any{map[string]any{"type": 1, "components": []any{
				map[string]any{"type": 2, "style": 2, "label": "Full clause", "custom_id": "clause:llama4:llama4-license#1.b.i"},
				map[string]any{"type": 2, "style": 2, "label": "Pin", "custom_id": customID},
			}}}
		}
	}, perms))
}

func TestPinAnswerCommand(t *testing.T) {
	const app = "775799577604522054" // the payload's application_id
	t.Run("pins the bot's answer", func(t *testing.T) {
		f := newPinFixture(t)
		r := f.dispatch(t, messageCommand(t, app, "pin:llama4:commercial-use", setPerms(permsModerator, permsModerator)))
		if !isEphemeral(r) || !strings.Contains(r.Data.Content, "Pinned") {
			t.Fatalf("got %q", r.Data.Content)
		}
		want := []string{"PUT " + pinPath("772908445358620702", "867793854505943041")}
		if got := f.discord.calls(); fmt.Sprint(got) != fmt.Sprint(want) {
			t.Fatalf("Discord received %v, want %v", got, want)
		}
		rec, err := f.pins.Lookup(context.Background(), "772904309264089089", "llama4", "commercial-use")
		if err != nil || rec.MessageID != "867793854505943041" {
			t.Errorf("Lookup = %+v, %v", rec, err)
		}
	})
	for _, tc := range []struct{ name, author, customID string }{
		{"someone else's message", "167348773423415296", "pin:llama4:attribution"},
		{"the bot's message without a Pin button", app, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := newPinFixture(t)
			r := f.dispatch(t, messageCommand(t, tc.author, tc.customID, setPerms(permsModerator, permsModerator)))
			if !isEphemeral(r) || !strings.Contains(r.Data.Content, "works on my `/license` answers") {
				t.Errorf("got %q", r.Data.Content)
			}
			if got := f.discord.calls(); len(got) != 0 {
				t.Errorf("Discord called: %v", got)
			}
		})
	}
}

// pinnedCommand is /pinned from the sample slash command, in channel ch of
// the sample guild.
func pinnedInteraction(t *testing.T, ch string, member, app int64) *discordgo.Interaction {
	return payload(t, "slash_command.json", edits(func(m map[string]any) {
		obj(m, "data")["name"] = "pinned"
		m["channel_id"] = ch
	}, setPerms(member, app)))
}

// click is a button press on the (ephemeral) /pinned reply.
func click(t *testing.T, customID, ch string, member, app int64) *discordgo.Interaction {
	return payload(t, "button_component.json", edits(func(m map[string]any) {
		obj(m, "data")["custom_id"] = customID
		m["channel_id"] = ch
		obj(m, "message")["flags"] = 64
	}, setPerms(member, app)))
}

// buttons lists the custom_ids of r's buttons by label.
func buttons(r *discordgo.InteractionResponse) map[string]discordgo.Button {
	out := map[string]discordgo.Button{}
	for _, row := range r.Data.Components {
		for _, c := range row.(discordgo.ActionsRow).Components {
			b := c.(discordgo.Button)
			out[b.Label] = b
		}
	}
	return out
}

// seedPins records n pins in f's store and pins them in its stand-in
// Discord, as n moderators' clicks would have.
func seedPins(t *testing.T, f *pinFixture, n int) {
	t.Helper()
	for k := range n {
		f.seed(t, store.Record{
			GuildID: sampleGuild, ChannelID: sampleChannel, MessageID: fmt.Sprintf("9000000000000000%02d", k),
			License: "llama4", Topic: fmt.Sprintf("topic-%d", k), PinnedBy: "1111",
			PinnedAt: time.Date(2026, 11, 1, 0, k, 0, 0, time.UTC),
		})
	}
}

// seed records r and, unless it is pending, pins it in the stand-in.
func (f *pinFixture) seed(t *testing.T, r store.Record) {
	t.Helper()
	if err := f.pins.Pin(context.Background(), r); err != nil {
		t.Fatal(err)
	}
	if r.State != store.StatePending {
		f.discord.mu.Lock()
		f.discord.pins[r.ChannelID] = append(f.discord.pins[r.ChannelID], r.MessageID)
		f.discord.mu.Unlock()
	}
}

// changes leaves out of calls the reads of a channel's pins.
func changes(calls []string) []string {
	return slices.DeleteFunc(calls, func(c string) bool { return listsOnly([]string{c}) })
}

// listsOnly reports whether calls are all reads of a channel's pins: what
// /pinned may ask Discord.
func listsOnly(calls []string) bool {
	for _, c := range calls {
		if !strings.HasPrefix(c, "GET ") || !strings.HasSuffix(c, "/messages/pins") {
			return false
		}
	}
	return true
}

func TestPinnedListsAndPages(t *testing.T) {
	f := newPinFixture(t)
	seedPins(t, f, 7)

	r := f.dispatch(t, pinnedInteraction(t, sampleChannel, permsModerator, permsModerator))
	if !isEphemeral(r) {
		t.Fatalf("/pinned must be ephemeral, got type %d", r.Type)
	}
	e := r.Data.Embeds[0]
	for _, want := range []string{"**1.** `llama4 topic-6`", "**5.** `llama4 topic-2`",
		"[open](" + MessageURL(sampleGuild, sampleChannel, "900000000000000006") + ")", "<@1111>"} {
		if !strings.Contains(e.Description, want) {
			t.Errorf("page 1 lacks %q:\n%s", want, e.Description)
		}
	}
	if strings.Contains(e.Description, "topic-1") || e.Footer.Text != "Page 1 of 2 · 7 pinned answers" {
		t.Errorf("page 1 footer %q, description:\n%s", e.Footer.Text, e.Description)
	}
	b := buttons(r)
	if !b["Previous"].Disabled || b["Next"].Disabled {
		t.Errorf("page 1: Previous disabled=%v, Next disabled=%v", b["Previous"].Disabled, b["Next"].Disabled)
	}
	if _, ok := b["Unpin 5"]; !ok {
		t.Errorf("moderator sees no Unpin buttons: %v", b)
	}

	r = f.dispatch(t, click(t, b["Next"].CustomID, sampleChannel, permsModerator, permsModerator))
	if r.Type != discordgo.InteractionResponseUpdateMessage {
		t.Fatalf("Next must update the message, got type %d", r.Type)
	}
	e = r.Data.Embeds[0]
	if !strings.Contains(e.Description, "**7.** `llama4 topic-0`") || strings.Contains(e.Description, "topic-2") ||
		e.Footer.Text != "Page 2 of 2 · 7 pinned answers" {
		t.Errorf("page 2: footer %q\n%s", e.Footer.Text, e.Description)
	}
	b = buttons(r)
	if b["Previous"].Disabled || !b["Next"].Disabled {
		t.Errorf("page 2: Previous disabled=%v, Next disabled=%v", b["Previous"].Disabled, b["Next"].Disabled)
	}
	if !listsOnly(f.discord.calls()) {
		t.Errorf("listing changed something in Discord: %v", f.discord.calls())
	}

	// Members see the list without Unpin buttons; one page has no paging.
	g := newPinFixture(t)
	seedPins(t, g, 2)
	r = g.dispatch(t, pinnedInteraction(t, sampleChannel, permsMember, permsModerator))
	if b := buttons(r); len(b) != 0 {
		t.Errorf("a member's single page has buttons: %v", b)
	}
	if !strings.Contains(r.Data.Embeds[0].Description, "**2.**") {
		t.Errorf("member's list: %s", r.Data.Embeds[0].Description)
	}

	// An empty server says how to pin.
	h := newPinFixture(t)
	r = h.dispatch(t, pinnedInteraction(t, sampleChannel, permsModerator, permsModerator))
	if !strings.Contains(r.Data.Embeds[0].Description, "No answers are pinned") {
		t.Errorf("empty list: %s", r.Data.Embeds[0].Description)
	}
}

func TestUnpinRemoves(t *testing.T) {
	f := newPinFixture(t)
	f.dispatch(t, pinClick(t, "pin:llama4:attribution", setPerms(permsModerator, permsModerator)))

	r := f.dispatch(t, pinnedInteraction(t, sampleChannel, permsModerator, permsModerator))
	unpin := buttons(r)["Unpin 1"].CustomID
	if unpin == "" {
		t.Fatalf("no Unpin button: %v", buttons(r))
	}

	// A member without the permission cannot, whatever the button says.
	r = f.dispatch(t, click(t, unpin, sampleChannel, permsMember, permsModerator))
	if !isEphemeral(r) || !strings.Contains(r.Data.Content, "You need the **Pin Messages** permission") {
		t.Errorf("member's unpin: %q", r.Data.Content)
	}
	// From another channel, Pin Messages there is not enough.
	r = f.dispatch(t, click(t, unpin, "645027906669510667", permsModerator, permsModerator))
	if !isEphemeral(r) || !strings.Contains(r.Data.Content, "pinned in <#"+sampleChannel+">") {
		t.Errorf("cross-channel unpin: %q", r.Data.Content)
	}
	if got := changes(f.discord.calls()); len(got) != 1 {
		t.Fatalf("refused unpins called Discord: %v", got)
	}

	r = f.dispatch(t, click(t, unpin, sampleChannel, permsModerator, permsModerator))
	if r.Type != discordgo.InteractionResponseUpdateMessage || !strings.Contains(r.Data.Content, "Unpinned `llama4 attribution`") {
		t.Fatalf("unpin reply type %d %q", r.Type, r.Data.Content)
	}
	if !strings.Contains(r.Data.Embeds[0].Description, "No answers are pinned") {
		t.Errorf("refreshed list still shows the pin: %s", r.Data.Embeds[0].Description)
	}
	want := []string{"PUT " + pinPath(sampleChannel, sampleMessage), "DELETE " + pinPath(sampleChannel, sampleMessage)}
	if got := changes(f.discord.calls()); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("Discord received %v, want %v", got, want)
	}
	if _, err := f.pins.Get(context.Background(), sampleGuild, sampleMessage); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("record survived unpin: %v", err)
	}
	// Clicking the stale button again is harmless.
	r = f.dispatch(t, click(t, unpin, sampleChannel, permsModerator, permsModerator))
	if !strings.Contains(r.Data.Content, "not pinned any more") || len(changes(f.discord.calls())) != 2 {
		t.Errorf("stale unpin: %q, calls %v", r.Data.Content, changes(f.discord.calls()))
	}
}

func TestUnpinFromElsewhereWithManageServer(t *testing.T) {
	f := newPinFixture(t)
	seedPins(t, f, 1)
	id := UnpinPrefix + ":900000000000000000:0"
	r := f.dispatch(t, click(t, id, "645027906669510667", permsServerAdmin, permsMember))
	if r.Type != discordgo.InteractionResponseUpdateMessage {
		t.Fatalf("got type %d %q", r.Type, r.Data.Content)
	}
	want := []string{"DELETE " + pinPath(sampleChannel, "900000000000000000")}
	if got := f.discord.calls(); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("Discord received %v, want %v", got, want)
	}
}

func TestUnpinDiscordErrors(t *testing.T) {
	t.Run("message deleted: record removed", func(t *testing.T) {
		f := newPinFixture(t)
		seedPins(t, f, 1)
		f.discord.fail("DELETE", pinPath(sampleChannel, "900000000000000000"), http.StatusNotFound, discordgo.ErrCodeUnknownMessage)
		r := f.dispatch(t, click(t, UnpinPrefix+":900000000000000000:0", sampleChannel, permsModerator, permsModerator))
		if !strings.Contains(r.Data.Content, "message was deleted") {
			t.Errorf("got %q", r.Data.Content)
		}
		if _, err := f.pins.Get(context.Background(), sampleGuild, "900000000000000000"); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("record of a deleted message kept: %v", err)
		}
	})
	t.Run("missing permissions: record kept", func(t *testing.T) {
		f := newPinFixture(t)
		seedPins(t, f, 1)
		f.discord.fail("DELETE", pinPath(sampleChannel, "900000000000000000"), http.StatusForbidden, discordgo.ErrCodeMissingPermissions)
		r := f.dispatch(t, click(t, UnpinPrefix+":900000000000000000:0", sampleChannel, permsModerator, permsModerator))
		if !isEphemeral(r) || !strings.Contains(r.Data.Content, "missing permissions to unpin") {
			t.Errorf("got %q", r.Data.Content)
		}
		if _, err := f.pins.Get(context.Background(), sampleGuild, "900000000000000000"); err != nil {
			t.Errorf("record removed though Discord kept the pin: %v", err)
		}
	})
}

// licenseIn is /license license topic in guild, from the sample payload.
func licenseIn(t *testing.T, guild, license, topic string) *discordgo.Interaction {
	return payload(t, "slash_command.json", func(m map[string]any) {
		m["guild_id"] = guild
		obj(m, "data")["name"] = "license"
		obj(m, "data")["options"] = []any{
			map[string]any{"type": 3, "name": "license", "value": license},
			map[string]any{"type": 3, "name": "topic", "value": topic},
		}
	})
}

func TestNextAnswerLinksToPin(t *testing.T) {
	f := newPinFixture(t)
	link := MessageURL(sampleGuild, sampleChannel, sampleMessage)
	before := f.dispatch(t, licenseIn(t, sampleGuild, "llama4", "attribution"))
	if strings.Contains(before.Data.Embeds[0].Description, "pinned") {
		t.Fatalf("answer links to a pin before any: %s", before.Data.Embeds[0].Description)
	}
	// The Pin button on that answer is what moderators click.
	pinID := buttons(before)["Pin"].CustomID
	if pinID != "pin:llama4:attribution" {
		t.Fatalf("answer's Pin button is %q", pinID)
	}
	f.dispatch(t, pinClick(t, pinID, setPerms(permsModerator, permsModerator)))

	after := f.dispatch(t, licenseIn(t, sampleGuild, "Llama 4", "credit")) // alias and synonym: same answer
	if !strings.Contains(after.Data.Embeds[0].Description, "("+link+")") {
		t.Errorf("next answer does not link to %s:\n%s", link, after.Data.Embeds[0].Description)
	}
	for _, other := range []*discordgo.Interaction{
		licenseIn(t, "999999999999999999", "llama4", "attribution"), // another server
		licenseIn(t, sampleGuild, "llama4", "naming"),               // another topic
	} {
		r := f.dispatch(t, other)
		for _, e := range r.Data.Embeds {
			if strings.Contains(e.Description, link) {
				t.Errorf("answer in guild %s links to the pin: %s", other.GuildID, e.Description)
			}
		}
	}

	// Once unpinned, answers stop linking.
	f.dispatch(t, click(t, UnpinPrefix+":"+sampleMessage+":0", sampleChannel, permsModerator, permsModerator))
	again := f.dispatch(t, licenseIn(t, sampleGuild, "llama4", "attribution"))
	if strings.Contains(again.Data.Embeds[0].Description, link) {
		t.Errorf("answer links to an unpinned message")
	}
}

// failingStore fails every call, as an unreachable database would.
type failingStore struct{ store.Store }

func (failingStore) Lookup(context.Context, string, string, string) (*store.Record, error) {
	return nil, errors.New("database unreachable")
}

func TestAnswerSurvivesStoreFailure(t *testing.T) {
	f := newPinFixture(t)
	f.d.Pins = failingStore{}
	r := f.dispatch(t, licenseIn(t, sampleGuild, "llama4", "attribution"))
	if r.Type != discordgo.InteractionResponseChannelMessageWithSource || len(r.Data.Embeds) != 1 || isEphemeral(r) {
		t.Fatalf("answer failed with the store down: %+v", r.Data)
	}
}

func TestPinCustomIDRoundTrip(t *testing.T) {
	for _, tc := range []struct{ license, topic string }{
		{"llama4", "attribution"},
		{"llama4", "fine-tune: a:b"},
	} {
		l, tp, ok := parsePinCustomID(PinCustomID(tc.license, tc.topic))
		if !ok || l != tc.license || tp != tc.topic {
			t.Errorf("round trip of %v = %q, %q, %v", tc, l, tp, ok)
		}
	}
	for _, bad := range []string{"", "pin:", "pin:llama4", "pin::x", "pin:llama4:", "clause:llama4:x"} {
		if _, _, ok := parsePinCustomID(bad); ok {
			t.Errorf("parsePinCustomID(%q) accepted it", bad)
		}
	}
}

// TestPinWithoutBotToken: HTTP mode can run without a bot token, but
// pinning cannot; the moderator is told so and Discord is not called.
func TestPinWithoutBotToken(t *testing.T) {
	f := newPinFixture(t)
	f.d.Session.Token = ""
	r := f.dispatch(t, pinClick(t, "pin:llama4:attribution", setPerms(permsModerator, permsModerator)))
	if !isEphemeral(r) || !strings.Contains(r.Data.Content, "DISCORD_TOKEN") {
		t.Errorf("got %q", r.Data.Content)
	}
	if got := f.discord.calls(); len(got) != 0 {
		t.Errorf("Discord called without a token: %v", got)
	}
}

// TestPinnedWithinLimits lists pins whose free-text topics are as long and
// hostile as /license accepts: the page stays within Discord's limits
// (checked by dispatch) and echoes the text inert.
func TestPinnedWithinLimits(t *testing.T) {
	f := newPinFixture(t)
	nasty := strings.Repeat("**bold** `tick` <@&123> @everyone [x](https://evil.example) \u202e\x00 ", 4)
	for k := range 5 {
		f.seed(t, store.Record{
			GuildID: sampleGuild, ChannelID: sampleChannel, MessageID: fmt.Sprintf("80000000000000000%d", k),
			License: "llama4", Topic: nasty[:200], PinnedBy: "1111", PinnedAt: time.Unix(int64(1764000000+k), 0),
		})
	}
	r := f.dispatch(t, pinnedInteraction(t, sampleChannel, permsModerator, permsModerator))
	desc := r.Data.Embeds[0].Description
	// Inside a code span Markdown, links and mentions do nothing; backticks
	// that would close it early are replaced, controls dropped.
	if strings.Count(desc, "`llama4 **bold** ˋtickˋ <@&123> @everyone [x](https://evil.example)") != 5 ||
		strings.Count(desc, "[open](") != 5 || strings.ContainsAny(desc, "\u202e\x00") {
		t.Errorf("hostile topics not shown inert:\n%s", desc)
	}
	if len(r.Data.AllowedMentions.Parse) != 0 {
		t.Errorf("/pinned may ping: %+v", r.Data.AllowedMentions)
	}
}

// The pin goes to the channel whose permissions were checked: a message
// that claims another channel is refused, with no Discord call.
func TestPinRefusesMessageFromAnotherChannel(t *testing.T) {
	f := newPinFixture(t)
	i := pinClick(t, "pin:llama4:attribution", edits(setPerms(permsModerator, permsModerator), func(m map[string]any) {
		obj(m, "message")["channel_id"] = "999"
	}))
	r := f.dispatch(t, i)
	if !isEphemeral(r) || !strings.Contains(r.Data.Content, "another channel") {
		t.Fatalf("want an ephemeral refusal, got %+v", r.Data)
	}
	if got := f.discord.calls(); len(got) != 0 {
		t.Errorf("Discord received %v, want no call", got)
	}
}

// An update replaces only what its body carries: Discord keeps a field
// left out. Turning the page after an Unpin must clear the "Unpinned …"
// notice the unpin left on the message, so the body says content "".
func TestPinnedPageTurnClearsTheUnpinNotice(t *testing.T) {
	f := newPinFixture(t)
	seedPins(t, f, 7)
	r := f.dispatch(t, pinnedInteraction(t, sampleChannel, permsModerator, permsModerator))
	r = f.dispatch(t, click(t, buttons(r)["Unpin 1"].CustomID, sampleChannel, permsModerator, permsModerator))
	if !strings.Contains(r.Data.Content, "Unpinned `llama4 topic-6`") {
		t.Fatalf("unpin notice %q", r.Data.Content)
	}
	r = f.dispatch(t, click(t, buttons(r)["Next"].CustomID, sampleChannel, permsModerator, permsModerator))
	body, err := EncodeResponse(r)
	if err != nil {
		t.Fatal(err)
	}
	var cb struct {
		Type int
		Data map[string]any
	}
	if err := json.Unmarshal(body, &cb); err != nil {
		t.Fatal(err)
	}
	if content, ok := cb.Data["content"]; cb.Type != int(discordgo.InteractionResponseUpdateMessage) || !ok || content != "" {
		t.Errorf("page turn leaves the unpin notice in place (content %v, present %v): %s", content, ok, body)
	}
}

// firstResponse keeps the initial response it passes on.
type firstResponse struct {
	Responder
	mu   sync.Mutex
	resp *discordgo.InteractionResponse
}

func (r *firstResponse) Respond(ctx context.Context, i *discordgo.Interaction, resp *discordgo.InteractionResponse) error {
	r.mu.Lock()
	r.resp = resp
	r.mu.Unlock()
	return r.Responder.Respond(ctx, i, resp)
}

// An Unpin slower than the deferral (Discord's pin route is rate-limited
// per channel) is deferred as an update (type 6), so the refreshed page
// replaces the /pinned message the button is on: a type-5 deferral made a
// second message for it and left the old page with its stale Unpin
// buttons. A refusal after such a deferral goes out as a private
// follow-up, the page left as it was.
func TestSlowUnpinIsDeferredAsAnUpdate(t *testing.T) {
	webhook := "/api/v" + discordgo.APIVersion + "/webhooks/290926444748734465/unique_interaction_token"
	for _, refused := range []bool{false, true} {
		f := newPinFixture(t)
		seedPins(t, f, 2)
		del := "DELETE " + pinPath(sampleChannel, "900000000000000001")
		f.discord.during = func(key string) {
			if key == del {
				time.Sleep(200 * time.Millisecond)
			}
		}
		if refused {
			f.discord.fail("DELETE", pinPath(sampleChannel, "900000000000000001"), http.StatusForbidden, discordgo.ErrCodeMissingPermissions)
		}
		disp := NewDispatcher(f.d)
		disp.DeferAfter = 20 * time.Millisecond
		rs := &firstResponse{Responder: &restResponder{s: f.d.Session}}
		disp.Dispatch(context.Background(), click(t, UnpinPrefix+":900000000000000001:0", sampleChannel, permsModerator, permsModerator), rs)
		if !disp.Wait(5 * time.Second) {
			t.Fatal("the deferred answer never went out")
		}
		rs.mu.Lock()
		deferral := rs.resp
		rs.mu.Unlock()
		validateResponse(t, deferral)
		if deferral.Type != discordgo.InteractionResponseDeferredMessageUpdate {
			t.Errorf("refused %v: deferred with type %d, want %d (an update of the clicked message)", refused, deferral.Type, discordgo.InteractionResponseDeferredMessageUpdate)
		}
		want := "PATCH " + webhook + "/messages/@original"
		if refused {
			want = "POST " + webhook
		}
		calls := f.discord.calls()
		if last := calls[len(calls)-1]; last != want {
			t.Errorf("refused %v: Discord received %v, want %s last", refused, calls, want)
		}
	}
}
