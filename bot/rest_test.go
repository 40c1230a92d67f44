package bot

import (
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"
	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/licensebot/licensebot/index"
)

type restCall struct {
	method, path, auth string
	body               []byte
}

// restStandIn records every REST call and answers with reply.
func restStandIn(t *testing.T, reply func(r *http.Request, body []byte) string) (*httptest.Server, chan restCall) {
	calls := make(chan restCall, 16)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		calls <- restCall{r.Method, r.URL.Path, r.Header.Get("Authorization"), b}
		w.Header().Set("Content-Type", "application/json")
		io.WriteString(w, reply(r, b))
	}))
	t.Cleanup(srv.Close)
	return srv, calls
}

func TestRegisterCommandsBulkOverwrites(t *testing.T) {
	// Discord answers with the commands as stored, permissions as strings.
	srv, calls := restStandIn(t, func(_ *http.Request, body []byte) string {
		var cmds []map[string]any
		json.Unmarshal(body, &cmds)
		for n, c := range cmds {
			c["id"], c["application_id"] = strconv.Itoa(1000+n), "777"
			if p, ok := c["default_member_permissions"].(float64); ok {
				c["default_member_permissions"] = strconv.FormatInt(int64(p), 10)
			}
		}
		out, _ := json.Marshal(cmds)
		return string(out)
	})
	s, err := NewSession("tok", srv.URL+"/api")
	if err != nil {
		t.Fatal(err)
	}
	loadSchemas(t)
	for _, guild := range []string{"", "555"} {
		for run := 0; run < 2; run++ { // idempotent: the same PUT twice
			got, err := RegisterCommands(s, "777", guild, Commands)
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != len(Commands) {
				t.Errorf("%d commands back, want %d", len(got), len(Commands))
			}
			c := <-calls
			want := "/api/v" + discordgo.APIVersion + "/applications/777/commands"
			if guild != "" {
				want = "/api/v" + discordgo.APIVersion + "/applications/777/guilds/555/commands"
			}
			if c.method != http.MethodPut || c.path != want || c.auth != "Bot tok" {
				t.Errorf("%s %s (auth %q), want PUT %s", c.method, c.path, c.auth, want)
			}
			inst, err := jsonschema.UnmarshalJSON(strings.NewReader(string(c.body)))
			if err != nil {
				t.Fatal(err)
			}
			if err := commandsSchema.Validate(inst); err != nil {
				t.Errorf("registered body invalid: %v", err)
			}
		}
	}
}

// In HTTP mode a slow answer is deferred inline and then edited in through
// the REST API, which LICENSEBOT_DISCORD_API redirects.
func TestHTTPDeferredAnswerEditedThroughREST(t *testing.T) {
	rest, calls := restStandIn(t, func(*http.Request, []byte) string { return `{"id":"1","channel_id":"2"}` })
	s, err := NewSession("", rest.URL+"/api")
	if err != nil {
		t.Fatal(err)
	}
	eng := sampleEngine()
	eng.AskFunc = func(ctx context.Context, l, tp string) (*index.Answer, error) {
		time.Sleep(100 * time.Millisecond)
		return sampleAnswer(), nil
	}
	d, _ := newTestDeps(eng)
	d.Session = s
	disp := NewDispatcher(d)
	disp.DeferAfter = 20 * time.Millisecond
	pub, priv, _ := ed25519.GenerateKey(rand.Reader)
	h, err := NewHTTPServer(disp, hex.EncodeToString(pub), s)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(h)
	defer srv.Close()

	body := licenseBody(t)
	req, _ := http.NewRequest(http.MethodPost, srv.URL+"/interactions", strings.NewReader(string(body)))
	Sign(req.Header, priv, time.Now(), body)
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	inline, _ := io.ReadAll(res.Body)
	res.Body.Close()
	validateCallback(t, inline)
	if strings.TrimSpace(string(inline)) != `{"type":5}` {
		t.Fatalf("inline response %s, want a deferral", inline)
	}
	select {
	case c := <-calls:
		want := "/api/v" + discordgo.APIVersion + "/webhooks/2/tok/messages/@original"
		if c.method != http.MethodPatch || c.path != want {
			t.Errorf("%s %s, want PATCH %s", c.method, c.path, want)
		}
		validateWebhookEdit(t, c.body)
		var edit map[string]any
		json.Unmarshal(c.body, &edit)
		if embeds, _ := edit["embeds"].([]any); len(embeds) != 1 {
			t.Errorf("edit body %s", c.body)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("deferred answer never edited in")
	}
}

// A failure after a public deferral must not be shown to the channel: it
// goes to the user privately and the placeholder is removed. The stand-in
// does what Discord documents: the first follow-up after a deferral
// becomes the deferred message itself, public, unless the placeholder was
// resolved (edited) first — and deleting the placeholder then deletes it.
func TestDeferredErrorStaysPrivate(t *testing.T) {
	var (
		mu       sync.Mutex
		resolved bool   // @original edited
		private  string // the follow-up that is a message of its own
	)
	rest, calls := restStandIn(t, func(r *http.Request, body []byte) string {
		mu.Lock()
		defer mu.Unlock()
		switch {
		case r.Method == http.MethodPatch && strings.HasSuffix(r.URL.Path, "/@original"):
			resolved = true
		case r.Method == http.MethodPost && strings.Contains(r.URL.Path, "/webhooks/") && resolved:
			private = string(body)
		}
		return `{"id":"1","channel_id":"2"}`
	})
	s, err := NewSession("", rest.URL+"/api")
	if err != nil {
		t.Fatal(err)
	}
	eng := sampleEngine()
	eng.AskFunc = func(ctx context.Context, l, tp string) (*index.Answer, error) {
		time.Sleep(50 * time.Millisecond)
		return nil, index.ErrNoIndex
	}
	d, _ := newTestDeps(eng)
	disp := NewDispatcher(d)
	disp.DeferAfter = 10 * time.Millisecond
	rs := &restResponder{s: s}
	disp.Dispatch(context.Background(), slash("license", "license", "llama4", "topic", "attribution"), rs)
	first := <-calls // the deferral
	if !strings.HasSuffix(first.path, "/callback") || strings.TrimSpace(string(first.body)) != `{"type":5}` {
		t.Fatalf("deferral: %s %s", first.path, first.body)
	}
	validateCallback(t, first.body)
	base := "/api/v" + discordgo.APIVersion + "/webhooks/2/tok"
	for _, want := range []string{"PATCH " + base + "/messages/@original", "POST " + base, "DELETE " + base + "/messages/@original"} {
		select {
		case c := <-calls:
			if c.method+" "+c.path != want {
				t.Errorf("got %s %s, want %s", c.method, c.path, want)
			}
			if c.method == http.MethodPatch {
				validateWebhookEdit(t, c.body)
				if strings.Contains(string(c.body), "index build") {
					t.Errorf("the placeholder shows the error to the channel: %s", c.body)
				}
			}
		case <-time.After(5 * time.Second):
			t.Fatalf("no %s", want)
		}
	}
	disp.Wait(time.Second)
	mu.Lock()
	defer mu.Unlock()
	if !strings.Contains(private, `"flags":64`) || !strings.Contains(private, "index build") {
		t.Errorf("the user got no private message of the failure (it became the deleted placeholder): %q", private)
	}
}

// Edits of unrelated deferred answers go out side by side — discordgo's
// rate limiter sent them one at a time, each waiting for the last's round
// trip — and an edit Discord refuses with 429 is made again after the wait
// it asks for, one that fails with 502 after a moment.
func TestDeferredEditsInParallelAndRetriedAfter429(t *testing.T) {
	var mu sync.Mutex
	inFlight, most, refused := 0, 0, 0
	release := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.Copy(io.Discard, r.Body)
		mu.Lock()
		if strings.Contains(r.URL.Path, "/tok-429/") && refused == 0 {
			refused++
			mu.Unlock()
			w.Header().Set("Retry-After", "0.01")
			w.WriteHeader(http.StatusTooManyRequests)
			io.WriteString(w, `{"message":"You are being rate limited.","retry_after":0.01,"global":false}`)
			return
		}
		if strings.Contains(r.URL.Path, "/tok-502/") && refused == 1 {
			refused++
			mu.Unlock()
			w.WriteHeader(http.StatusBadGateway)
			return
		}
		inFlight++
		most = max(most, inFlight)
		mu.Unlock()
		if !strings.Contains(r.URL.Path, "/tok-429/") {
			<-release // held until every edit has been sent
		}
		mu.Lock()
		inFlight--
		mu.Unlock()
		w.Header().Set("Content-Type", "application/json")
		io.WriteString(w, `{"id":"1","channel_id":"2"}`)
	}))
	defer srv.Close()
	s, err := NewSession("", srv.URL+"/api")
	if err != nil {
		t.Fatal(err)
	}
	rs := &restResponder{s: s}
	data := &discordgo.InteractionResponseData{Content: "answer"}
	const n = 4
	errs := make(chan error, n)
	for k := range n {
		go func() {
			i := &discordgo.Interaction{ID: "1", AppID: "2", Token: fmt.Sprint("tok-", k)}
			errs <- rs.Edit(context.Background(), i, data, EditOriginal)
		}()
	}
	for deadline := time.Now().Add(5 * time.Second); ; time.Sleep(time.Millisecond) {
		mu.Lock()
		m := most
		mu.Unlock()
		if m == n || time.Now().After(deadline) {
			break
		}
	}
	close(release)
	for range n {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
	if most != n {
		t.Errorf("at most %d of %d edits in flight at once; want all", most, n)
	}
	if err := rs.Edit(context.Background(), &discordgo.Interaction{ID: "1", AppID: "2", Token: "tok-429"}, data, EditOriginal); err != nil || refused != 1 {
		t.Errorf("edit refused once with 429: err %v, refused %d", err, refused)
	}
	if err := rs.Edit(context.Background(), &discordgo.Interaction{ID: "1", AppID: "2", Token: "tok-502"}, data, EditOriginal); err != nil || refused != 2 {
		t.Errorf("edit failed once with 502: err %v, failures %d", err, refused)
	}
}
