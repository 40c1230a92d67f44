package bot

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"
	"github.com/gorilla/websocket"

	"github.com/licensebot/licensebot/bot/bottest"
	"github.com/licensebot/licensebot/bot/store"
)

// gatewayStandIn is a minimal Discord: the REST calls the bot makes and a
// gateway that says HELLO, READY and then sends one INTERACTION_CREATE.
type gatewayStandIn struct {
	srv       *httptest.Server
	callbacks chan []byte
	paths     chan string
	identify  chan map[string]any
	payload   []byte // the interaction to send
	event     string // its event name; "" is INTERACTION_CREATE
	mux       *http.ServeMux

	mu    sync.Mutex
	conn  []*websocket.Conn
	drops int // connections still to drop right after their interaction
}

func newGatewayStandIn(t *testing.T, interaction []byte) *gatewayStandIn {
	s := &gatewayStandIn{callbacks: make(chan []byte, 4), paths: make(chan string, 16), identify: make(chan map[string]any, 1), payload: interaction}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /api/{v}/gateway", s.gatewayURL)
	mux.HandleFunc("GET /api/{v}/gateway/bot", s.gatewayURL)
	mux.HandleFunc("POST /api/{v}/interactions/{id}/{token}/callback", func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		s.paths <- r.URL.Path
		s.callbacks <- b
		w.WriteHeader(http.StatusNoContent)
	})
	mux.HandleFunc("GET /gw/", s.gateway(t))
	s.srv = httptest.NewServer(mux)
	s.mux = mux
	t.Cleanup(func() {
		s.mu.Lock()
		for _, c := range s.conn {
			c.Close()
		}
		s.mu.Unlock()
		s.srv.Close()
	})
	return s
}

func (s *gatewayStandIn) gatewayURL(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(map[string]any{"url": "ws" + strings.TrimPrefix(s.srv.URL, "http") + "/gw", "shards": 1})
}

func (s *gatewayStandIn) gateway(t *testing.T) http.HandlerFunc {
	up := websocket.Upgrader{}
	return func(w http.ResponseWriter, r *http.Request) {
		c, err := up.Upgrade(w, r, nil)
		if err != nil {
			t.Errorf("upgrade: %v", err)
			return
		}
		s.mu.Lock()
		s.conn = append(s.conn, c)
		s.mu.Unlock()
		send := func(v any) {
			if err := c.WriteJSON(v); err != nil {
				t.Logf("gateway write: %v", err)
			}
		}
		s.mu.Lock()
		nconn := len(s.conn)
		s.mu.Unlock()
		interaction := func(seq int) {
			p := strings.Replace(string(s.payload), `"id":"1001"`, `"id":"100`+strconv.Itoa(nconn)+`"`, 1)
			event := s.event
			if event == "" {
				event = "INTERACTION_CREATE"
			}
			send(map[string]any{"op": 0, "t": event, "s": seq, "d": json.RawMessage(p)})
			s.mu.Lock()
			drop := s.drops > 0
			if drop {
				s.drops--
			}
			s.mu.Unlock()
			if drop { // a network failure: discordgo must reconnect
				// Not at once: discordgo v0.29 starts a connection's
				// heartbeat goroutine lazily, and one that first runs
				// after the close tears down the next connection too.
				time.AfterFunc(300*time.Millisecond, func() { c.Close() })
			}
		}
		send(map[string]any{"op": 10, "d": map[string]any{"heartbeat_interval": 41250}})
		for {
			_, msg, err := c.ReadMessage()
			if err != nil {
				return
			}
			var f struct {
				Op int             `json:"op"`
				D  json.RawMessage `json:"d"`
			}
			json.Unmarshal(msg, &f)
			switch f.Op {
			case 1: // heartbeat
				send(map[string]any{"op": 11})
			case 2: // identify
				var id map[string]any
				json.Unmarshal(f.D, &id)
				select {
				case s.identify <- id:
				default:
				}
				send(map[string]any{"op": 0, "t": "READY", "s": 1, "d": map[string]any{
					"v": 10, "session_id": "sess", "resume_gateway_url": "ws" + strings.TrimPrefix(s.srv.URL, "http") + "/gw",
					"user": map[string]any{"id": "100", "username": "licensebot", "bot": true}, "guilds": []any{},
					"application": map[string]any{"id": "2"},
				}})
				interaction(2)
			case 6: // resume
				send(map[string]any{"op": 0, "t": "RESUMED", "s": 3, "d": map[string]any{}})
				interaction(4)
			}
		}
	}
}

func TestGatewayAnswersThroughStandIn(t *testing.T) {
	body := licenseBody(t)
	standIn := newGatewayStandIn(t, body)
	d, logs := newTestDeps(sampleEngine())
	cancel, done := startGateway(t, standIn, d)

	select {
	case id := <-standIn.identify:
		if intents, _ := id["intents"].(float64); int(intents) != 1 {
			t.Errorf("identified with intents %v, want Guilds (1) only", id["intents"])
		}
		if tok, _ := id["token"].(string); tok != "Bot test-token" {
			t.Errorf("identify token %q", tok)
		}
	case err := <-done:
		t.Fatalf("gateway stopped: %v", err)
	case <-time.After(10 * time.Second):
		t.Fatal("no IDENTIFY")
	}
	select {
	case cb := <-standIn.callbacks:
		if p := <-standIn.paths; p != "/api/v"+discordgo.APIVersion+"/interactions/1001/tok/callback" {
			t.Errorf("callback went to %s", p)
		}
		validateCallback(t, cb)
		if !strings.Contains(string(cb), "Llama 4 Community License Agreement — Attribution") {
			t.Errorf("callback body: %s", cb)
		}
	case <-time.After(10 * time.Second):
		t.Fatalf("the bot's callback never reached the stand-in; log:\n%s", logs)
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("shutdown: %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("gateway did not shut down")
	}
}

// In gateway mode, CHANNEL_PINS_UPDATE — a moderator unpinned an answer
// in Discord's own menu — makes the bot forget the pins Discord no longer
// lists in that channel, so answers stop linking to them.
func TestGatewayForgetsPinsRemovedInDiscord(t *testing.T) {
	const kept, removed = "844397162624450621", "844397162624450622"
	standIn := newGatewayStandIn(t, []byte(`{"guild_id":"`+sampleGuild+`","channel_id":"`+sampleChannel+`","last_pin_timestamp":null}`))
	standIn.event = "CHANNEL_PINS_UPDATE"
	listed := make(chan string, 4)
	standIn.mux.HandleFunc("GET /api/{v}/channels/{channel}/messages/pins", func(w http.ResponseWriter, r *http.Request) {
		listed <- r.PathValue("channel")
		w.Header().Set("Content-Type", "application/json")
		io.WriteString(w, `{"items":[{"pinned_at":"2026-11-01T00:00:00+00:00","message":{"id":"`+kept+`"}}],"has_more":false}`)
	})
	standIn.mux.HandleFunc("GET /api/{v}/channels/{channel}/messages/{message}", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		io.WriteString(w, `{"id":"`+r.PathValue("message")+`","pinned":`+strconv.FormatBool(r.PathValue("message") == kept)+`}`)
	})
	pins, logs := gatewayWithPins(t, standIn, map[string]string{kept: sampleChannel, removed: sampleChannel})
	select {
	case ch := <-listed:
		if ch != sampleChannel {
			t.Errorf("listed the pins of %s", ch)
		}
	case <-time.After(10 * time.Second):
		t.Fatalf("the bot never listed the channel's pins; log:\n%s", logs)
	}
	deadline := time.Now().Add(10 * time.Second)
	for {
		_, err := pins.Get(context.Background(), sampleGuild, removed)
		if errors.Is(err, store.ErrNotFound) {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the pin removed in Discord is still recorded (%v); log:\n%s", err, logs)
		}
		time.Sleep(10 * time.Millisecond)
	}
	if _, err := pins.Get(context.Background(), sampleGuild, kept); err != nil {
		t.Errorf("the pin still listed was forgotten: %v", err)
	}
	for !strings.Contains(logs.String(), "pin removed outside the bot") {
		if time.Now().After(deadline) {
			t.Fatalf("nothing logged of the forgotten pin:\n%s", logs)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// startGateway runs RunGateway for d against standIn, with a session of
// its own; cancel asks it to shut down, done gives its error.
func startGateway(t *testing.T, standIn *gatewayStandIn, d *Deps) (cancel context.CancelFunc, done chan error) {
	t.Helper()
	s, err := NewSession("test-token", standIn.srv.URL+"/api")
	if err != nil {
		t.Fatal(err)
	}
	d.Session = s
	ctx, cancel := context.WithCancel(context.Background())
	done = make(chan error, 1)
	go func() { done <- RunGateway(ctx, s, NewDispatcher(d), 5*time.Second) }()
	return cancel, done
}

// gatewayWithPins runs RunGateway against standIn, with a SQLite pins
// store holding a confirmed pin of each message (the key) in its channel,
// until the test ends; then it checks the shutdown.
func gatewayWithPins(t *testing.T, standIn *gatewayStandIn, pinned map[string]string) (store.Store, *bottest.LogBuffer) {
	t.Helper()
	d, logs := newTestDeps(sampleEngine())
	pins, err := store.OpenSQLite(context.Background(), t.TempDir()+"/pins.db")
	if err != nil {
		t.Fatal(err)
	}
	for m, ch := range pinned {
		if err := pins.Pin(context.Background(), store.Record{GuildID: sampleGuild, ChannelID: ch, MessageID: m,
			License: "llama4", Topic: "t" + m, PinnedBy: "1111"}); err != nil {
			t.Fatal(err)
		}
	}
	d.Pins = pins
	cancel, done := startGateway(t, standIn, d)
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("shutdown: %v", err)
		}
		pins.Close()
	})
	return pins, logs
}

func TestRewriteTransportOnlyTouchesDiscord(t *testing.T) {
	var got []string
	rt := roundTripFunc(func(r *http.Request) (*http.Response, error) {
		got = append(got, r.URL.String()+" host="+r.Host)
		return &http.Response{StatusCode: 200, Body: io.NopCloser(strings.NewReader("{}")), Request: r}, nil
	})
	s, err := NewSession("", "http://127.0.0.1:9/proxy/api/")
	if err != nil {
		t.Fatal(err)
	}
	s.Client.Transport.(*RewriteTransport).Next = rt
	for _, u := range []string{"https://discord.com/api/v9/gateway?x=1", "https://discord.com/apix", "https://cdn.discordapp.com/a.png"} {
		req, _ := http.NewRequest("GET", u, nil)
		s.Client.Do(req)
	}
	want := []string{
		"http://127.0.0.1:9/proxy/api/v9/gateway?x=1 host=127.0.0.1:9",
		"https://discord.com/apix host=discord.com",
		"https://cdn.discordapp.com/a.png host=cdn.discordapp.com",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("rewrites:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if _, err := NewSession("", "ftp://x"); err == nil {
		t.Error("non-http base accepted")
	}
}

type roundTripFunc func(*http.Request) (*http.Response, error)

func (f roundTripFunc) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }

func TestGatewayReconnects(t *testing.T) {
	standIn := newGatewayStandIn(t, licenseBody(t))
	standIn.drops = 1
	d, logs := newTestDeps(sampleEngine())
	s, err := NewSession("test-token", standIn.srv.URL+"/api")
	if err != nil {
		t.Fatal(err)
	}
	if os.Getenv("DGDEBUG") != "" {
		s.LogLevel = discordgo.LogDebug
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- RunGateway(ctx, s, NewDispatcher(d), 5*time.Second) }()
	want := map[string]bool{
		"/api/v" + discordgo.APIVersion + "/interactions/1001/tok/callback": true, // first connection
		"/api/v" + discordgo.APIVersion + "/interactions/1002/tok/callback": true, // after reconnecting
	}
	for len(want) > 0 {
		select {
		case p := <-standIn.paths:
			<-standIn.callbacks
			delete(want, p)
		case <-time.After(15 * time.Second):
			t.Fatalf("no answer after the connection dropped; missing %v; log:\n%s", want, logs)
		}
	}
	cancel()
	if err := <-done; err != nil {
		t.Errorf("shutdown: %v", err)
	}
}

// A channel or thread deleted with pinned answers in it takes its pins
// along, and Discord sends no CHANNEL_PINS_UPDATE for that: its
// CHANNEL_DELETE or THREAD_DELETE (Guilds intent) makes the bot forget
// their records, so answers stop linking into a channel that is gone.
func TestGatewayForgetsPinsOfADeletedChannel(t *testing.T) {
	const pinned = "844397162624450621"
	for _, tc := range []struct{ event, payload string }{
		{"CHANNEL_DELETE", `{"id":"` + sampleChannel + `","guild_id":"` + sampleGuild + `","type":0}`},
		{"THREAD_DELETE", `{"id":"` + sampleChannel + `","guild_id":"` + sampleGuild + `","parent_id":"` + otherChannel + `","type":11}`},
	} {
		t.Run(tc.event, func(t *testing.T) {
			standIn := newGatewayStandIn(t, []byte(tc.payload))
			standIn.event = tc.event
			standIn.mux.HandleFunc("GET /api/{v}/channels/{channel}/messages/pins", func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Content-Type", "application/json")
				w.WriteHeader(http.StatusNotFound)
				io.WriteString(w, `{"message":"Unknown Channel","code":10003}`)
			})
			pins, logs := gatewayWithPins(t, standIn, map[string]string{pinned: sampleChannel, sampleMessage: otherChannel})
			for deadline := time.Now().Add(5 * time.Second); ; time.Sleep(10 * time.Millisecond) {
				if _, err := pins.Get(context.Background(), sampleGuild, pinned); errors.Is(err, store.ErrNotFound) {
					break
				}
				if time.Now().After(deadline) {
					t.Fatalf("the pin of the deleted channel is still recorded; log:\n%s", logs)
				}
			}
			if _, err := pins.Get(context.Background(), sampleGuild, sampleMessage); err != nil {
				t.Errorf("another channel's pin was forgotten: %v", err)
			}
		})
	}
}
