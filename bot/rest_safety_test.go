package bot

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/bwmarrin/discordgo"
)

// countingServer counts the requests it gets and answers each with h.
type countingServer struct {
	*httptest.Server
	mu    sync.Mutex
	paths []string
	auth  []string
}

func newCountingServer(t *testing.T, h http.HandlerFunc) *countingServer {
	c := &countingServer{}
	c.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		c.mu.Lock()
		c.paths = append(c.paths, r.Method+" "+r.URL.Path)
		c.auth = append(c.auth, r.Header.Get("Authorization"))
		c.mu.Unlock()
		h(w, r)
	}))
	t.Cleanup(c.Close)
	return c
}

func (c *countingServer) requests() []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]string(nil), c.paths...)
}

// An API base that answers with a redirect does not steer the bot: the
// redirect is not followed (it would carry the bot token along), and the
// call fails as the error it is.
func TestRESTClientDoesNotFollowRedirects(t *testing.T) {
	elsewhere := newCountingServer(t, func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusNoContent) })
	api := newCountingServer(t, func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, elsewhere.URL+r.URL.Path, http.StatusTemporaryRedirect)
	})
	s, err := NewSession("secret-token", api.URL+"/api")
	if err != nil {
		t.Fatal(err)
	}
	d, _ := newTestDeps(sampleEngine())
	d.Session = s
	i := &discordgo.Interaction{ID: "11", AppID: "12", Token: "tok", Type: discordgo.InteractionApplicationCommand}
	rs := &restResponder{s: s}
	for name, call := range map[string]func() error{
		"pin":      func() error { return discordPin(context.Background(), d, "PUT", "1", "2", "test") },
		"callback": func() error { return rs.Respond(context.Background(), i, ephemeral("x")) },
		"edit": func() error {
			return rs.Edit(context.Background(), i, &discordgo.InteractionResponseData{Content: "x"}, EditOriginal)
		},
	} {
		if err := call(); err == nil {
			t.Errorf("%s: a redirect counted as success", name)
		}
	}
	if got := elsewhere.requests(); len(got) != 0 {
		t.Errorf("the redirect was followed: %v", got)
	}
	if got := api.requests(); len(got) < 3 {
		t.Errorf("API stand-in saw %v; want the three calls", got)
	}
}

// Ids from a payload that are not snowflakes, and tokens that are not one
// path segment, never reach a REST path: no request is made at all.
func TestHostileIDsMakeNoRequest(t *testing.T) {
	api := newCountingServer(t, func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusNoContent) })
	s, err := NewSession("secret-token", api.URL+"/api")
	if err != nil {
		t.Fatal(err)
	}
	d, _ := newTestDeps(sampleEngine())
	d.Session = s
	rs := &restResponder{s: s}
	hostile := []string{"../../../../guilds/1/bans/2", "", "1/../2", "1?x=2", "12345678901234567890123", "-1", "1 2"}
	for _, id := range hostile {
		if err := discordPin(context.Background(), d, "PUT", "1", id, "test"); !errors.Is(err, errUnsafeID) {
			t.Errorf("message %q: %v", id, err)
		}
		if err := discordPin(context.Background(), d, "DELETE", id, "1", "test"); !errors.Is(err, errUnsafeID) {
			t.Errorf("channel %q: %v", id, err)
		}
		i := &discordgo.Interaction{ID: id, AppID: id, Token: "tok"}
		if err := rs.Respond(context.Background(), i, ephemeral("x")); !errors.Is(err, errUnsafeID) {
			t.Errorf("callback for interaction %q: %v", id, err)
		}
		if err := rs.Edit(context.Background(), i, &discordgo.InteractionResponseData{}, EditOriginal); !errors.Is(err, errUnsafeID) {
			t.Errorf("edit for application %q: %v", id, err)
		}
	}
	for _, tok := range []string{"", "../x", "a/b", "a?b", ".."} {
		i := &discordgo.Interaction{ID: "1", AppID: "2", Token: tok}
		if err := rs.Respond(context.Background(), i, ephemeral("x")); !errors.Is(err, errUnsafeID) {
			t.Errorf("token %q: %v", tok, err)
		}
	}
	if got := api.requests(); len(got) != 0 {
		t.Errorf("hostile ids made requests: %v", got)
	}
}

// A pin click whose payload names a message id that is not a snowflake is
// refused before anything is recorded or sent.
func TestPinOfAHostileMessageIDIsRefusedUnrecorded(t *testing.T) {
	f := newPinFixture(t)
	i := pinClick(t, "pin:llama4:attribution", setPerms(permsModerator, permsModerator))
	i.Message.ID = "../../../../guilds/" + sampleGuild + "/bans/" + sampleUser
	r := f.dispatch(t, i)
	if !isEphemeral(r) {
		t.Errorf("reply %+v; want a private error", r.Data)
	}
	if calls := f.discord.calls(); len(calls) != 0 {
		t.Errorf("Discord called: %v", calls)
	}
	if _, total, _ := f.pins.List(context.Background(), sampleGuild, 0, 10); total != 0 {
		t.Errorf("%d pins recorded", total)
	}
}

// "Pin answer" pins the message the moderator pointed at (target_id),
// whatever id the resolved copy in the payload carries.
func TestPinAnswerPinsTheTargetID(t *testing.T) {
	f := newPinFixture(t)
	const app, target = "775799577604522054", "867793854505943041"
	i := messageCommand(t, app, "pin:llama4:commercial-use", setPerms(permsModerator, permsModerator))
	data := i.Data.(discordgo.ApplicationCommandInteractionData)
	data.Resolved.Messages[target].ID = "111111111111111111"
	r := f.dispatch(t, i)
	if !strings.Contains(r.Data.Content, "Pinned") {
		t.Fatalf("reply %q", r.Data.Content)
	}
	want := "PUT " + pinPath("772908445358620702", target)
	if calls := f.discord.calls(); len(calls) != 1 || calls[0] != want {
		t.Errorf("Discord calls %v; want %s", calls, want)
	}
}
