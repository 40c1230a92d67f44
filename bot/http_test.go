package bot

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/licensebot/licensebot/bot/bottest"
	"github.com/licensebot/licensebot/index"
)

type httpFixture struct {
	srv  *httptest.Server
	priv ed25519.PrivateKey
	asks *atomic.Int64
	disp *Dispatcher
	log  *bottest.LogBuffer
}

func newHTTPFixture(t *testing.T) *httpFixture {
	t.Helper()
	pub, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	eng := sampleEngine()
	asks := &atomic.Int64{}
	ask := eng.AskFunc
	eng.AskFunc = func(ctx context.Context, l, tp string) (*index.Answer, error) {
		asks.Add(1)
		return ask(ctx, l, tp)
	}
	d, log := newTestDeps(eng)
	disp := NewDispatcher(d)
	h, err := NewHTTPServer(disp, hex.EncodeToString(pub), nil)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return &httpFixture{srv: srv, priv: priv, asks: asks, disp: disp, log: log}
}

// post sends body to /interactions, signed by key at ts unless key is nil.
func (f *httpFixture) post(t *testing.T, body []byte, key ed25519.PrivateKey, ts time.Time, mutate func(*http.Request)) (int, []byte) {
	t.Helper()
	req, err := http.NewRequest(http.MethodPost, f.srv.URL+"/interactions", bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	if key != nil {
		Sign(req.Header, key, ts, body)
	}
	if mutate != nil {
		mutate(req)
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	out, _ := io.ReadAll(res.Body)
	return res.StatusCode, out
}

func licenseBody(t testing.TB) []byte {
	t.Helper()
	b, err := json.Marshal(map[string]any{
		"id": "1001", "application_id": "2", "type": 2, "token": "tok", "version": 1,
		"member": map[string]any{"user": map[string]any{"id": "42", "username": "u"}, "permissions": "0"},
		"data": map[string]any{"id": "3", "name": "license", "type": 1, "options": []any{
			map[string]any{"name": "license", "type": 3, "value": "llama4"},
			map[string]any{"name": "topic", "type": 3, "value": "attribution"},
		}},
	})
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestHTTPSignedLicense(t *testing.T) {
	f := newHTTPFixture(t)
	code, out := f.post(t, licenseBody(t), f.priv, time.Now(), nil)
	if code != http.StatusOK {
		t.Fatalf("status %d: %s", code, out)
	}
	validateCallback(t, out)
	if !strings.Contains(string(out), "Llama 4 Community License Agreement — Attribution") {
		t.Errorf("answer missing: %s", out)
	}
}

func TestHTTPPing(t *testing.T) {
	f := newHTTPFixture(t)
	code, out := f.post(t, []byte(`{"id":"1","application_id":"2","type":1,"token":"t","version":1}`), f.priv, time.Now(), nil)
	if code != http.StatusOK || strings.TrimSpace(string(out)) != `{"type":1}` {
		t.Fatalf("PING: %d %s", code, out)
	}
	validateCallback(t, out)
}

func TestHTTPRejects(t *testing.T) {
	f := newHTTPFixture(t)
	_, otherKey, _ := ed25519.GenerateKey(rand.Reader)
	body := licenseBody(t)
	cases := []struct {
		name   string
		body   []byte
		key    ed25519.PrivateKey
		ts     time.Time
		mutate func(*http.Request)
		want   int
	}{
		{"tampered body", body, f.priv, time.Now(), func(r *http.Request) {
			tampered := bytes.Replace(body, []byte("llama4"), []byte("llama2"), 1)
			r.Body = io.NopCloser(bytes.NewReader(tampered))
			r.ContentLength = int64(len(tampered))
		}, 401},
		{"wrong key", body, otherKey, time.Now(), nil, 401},
		{"missing headers", body, nil, time.Now(), nil, 401},
		{"missing timestamp", body, f.priv, time.Now(), func(r *http.Request) { r.Header.Del("X-Signature-Timestamp") }, 401},
		{"missing signature", body, f.priv, time.Now(), func(r *http.Request) { r.Header.Del("X-Signature-Ed25519") }, 401},
		{"garbage signature", body, f.priv, time.Now(), func(r *http.Request) { r.Header.Set("X-Signature-Ed25519", strings.Repeat("zz", 64)) }, 401},
		{"stale timestamp", body, f.priv, time.Now().Add(-6 * time.Minute), nil, 401},
		{"future timestamp", body, f.priv, time.Now().Add(6 * time.Minute), nil, 401},
		{"timestamp swapped after signing", body, f.priv, time.Now(), func(r *http.Request) {
			ts, _ := strconv.ParseInt(r.Header.Get("X-Signature-Timestamp"), 10, 64)
			r.Header.Set("X-Signature-Timestamp", strconv.FormatInt(ts+1, 10))
		}, 401},
		{"oversize body", append(body, bytes.Repeat([]byte(" "), MaxInteractionBody)...), f.priv, time.Now(), nil, 413},
		{"oversize chunked body", body, f.priv, time.Now(), func(r *http.Request) {
			big := append(append([]byte{}, body...), bytes.Repeat([]byte(" "), MaxInteractionBody)...)
			r.Body = io.NopCloser(bytes.NewReader(big))
			r.ContentLength = -1
		}, 413},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			before := f.asks.Load()
			code, out := f.post(t, c.body, c.key, c.ts, c.mutate)
			if code != c.want {
				t.Errorf("status %d, want %d (%s)", code, c.want, out)
			}
			if f.asks.Load() != before {
				t.Error("a rejected request reached the engine")
			}
		})
	}
	// A signed but malformed body is a client error, not a crash.
	if code, _ := f.post(t, []byte(`{"type":`), f.priv, time.Now(), nil); code != http.StatusBadRequest {
		t.Errorf("malformed JSON: %d", code)
	}
}

// The interactions port, which faces the internet, serves /interactions
// and /healthz only; /readyz and /metrics are on the ops address.
func TestHTTPHealthReadyMetrics(t *testing.T) {
	f := newHTTPFixture(t)
	f.post(t, licenseBody(t), f.priv, time.Now(), nil)
	f.post(t, licenseBody(t), nil, time.Now(), nil)
	get := func(h http.Handler, path string) (int, string) {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest("GET", path, nil))
		return rec.Code, rec.Body.String()
	}
	public := f.srv.Config.Handler
	for path, want := range map[string]int{"/healthz": 200, "/readyz": 404, "/metrics": 404, "/interactions": 405} {
		if code, _ := get(public, path); code != want {
			t.Errorf("interactions port: GET %s: %d, want %d", path, code, want)
		}
	}
	ops := NewOpsServer(f.disp)
	if code, _ := get(ops, "/readyz"); code != 200 {
		t.Errorf("readyz %d", code)
	}
	code, m := get(ops, "/metrics")
	if code != 200 {
		t.Fatalf("metrics %d", code)
	}
	for _, want := range []string{
		`licensebot_interactions_total{command="license",outcome="ok"} 1`,
		`licensebot_interaction_duration_seconds_bucket{command="license"`,
		`licensebot_index_documents 31`,
		`licensebot_http_rejected_total{code="401"} 1`,
	} {
		if !strings.Contains(m, want) {
			t.Errorf("metrics lack %s", want)
		}
	}
}

// /readyz says what stops answers (503) and what only degrades them (200).
func TestReadyzReportsNotReadyAndDegraded(t *testing.T) {
	d, _ := newTestDeps(&bottest.FakeEngine{})
	ops := NewOpsServer(NewDispatcher(d))
	rec := httptest.NewRecorder()
	ops.ServeHTTP(rec, httptest.NewRequest("GET", "/readyz", nil))
	if rec.Code != http.StatusServiceUnavailable || !strings.Contains(rec.Body.String(), "no index open") {
		t.Errorf("readyz without an index: %d %q", rec.Code, rec.Body)
	}
	ops.Ready = func() error { return nil }
	ops.Degraded = func() []string { return []string{"index: serving the previous good build"} }
	rec = httptest.NewRecorder()
	ops.ServeHTTP(rec, httptest.NewRequest("GET", "/readyz", nil))
	if rec.Code != 200 || !strings.HasPrefix(rec.Body.String(), "ready\ndegraded: index: serving the previous good build\ncorpus ") {
		t.Errorf("degraded readyz: %d %q", rec.Code, rec.Body)
	}
}

func TestNewHTTPServerRejectsBadKey(t *testing.T) {
	d, _ := newTestDeps(sampleEngine())
	for _, k := range []string{"", "zz", strings.Repeat("ab", 31)} {
		if _, err := NewHTTPServer(NewDispatcher(d), k, nil); err == nil {
			t.Errorf("key %q accepted", k)
		}
	}
}

// TestReplayPayloads sends Discord's own sample interactions, renamed to
// the bot's commands, through the signed HTTP path.
func TestReplayPayloads(t *testing.T) {
	f := newHTTPFixture(t)
	dir := sharedFile(t, filepath.Join("discord", "payloads"))
	rename := map[string]func(map[string]any){
		"slash_command.json": func(p map[string]any) {
			d := p["data"].(map[string]any)
			d["name"] = "license"
			d["options"] = []any{map[string]any{"name": "license", "type": 3, "value": "llama4"}, map[string]any{"name": "topic", "type": 3, "value": "attribution"}}
		},
		"button_component.json": func(p map[string]any) {
			p["data"].(map[string]any)["custom_id"] = "clause:llama4:llama4-license#1.b.i"
		},
		"message_command.json": func(p map[string]any) { p["data"].(map[string]any)["name"] = "Pin answer" },
		"pin_button_component.json": func(p map[string]any) {
			p["data"].(map[string]any)["custom_id"] = PinCustomID("llama4", "attribution")
		},
	}
	for name, fix := range rename {
		t.Run(name, func(t *testing.T) {
			raw, err := os.ReadFile(filepath.Join(dir, strings.TrimPrefix(name, "pin_")))
			if err != nil {
				t.Fatal(err)
			}
			var p map[string]any
			if err := json.Unmarshal(raw, &p); err != nil {
				t.Fatal(err)
			}
			fix(p)
			body, _ := json.Marshal(p)
			code, out := f.post(t, body, f.priv, time.Now(), nil)
			if code != 200 {
				t.Fatalf("status %d: %s", code, out)
			}
			validateCallback(t, out)
			switch name {
			case "slash_command.json":
				if !strings.Contains(string(out), `"embeds"`) {
					t.Errorf("no answer: %s", out)
				}
			case "button_component.json":
				if !strings.Contains(string(out), `"flags":64`) || !strings.Contains(string(out), "Sample clause one") {
					t.Errorf("full clause: %s", out)
				}
			case "message_command.json", "pin_button_component.json":
				// The app lacks Pin Messages (app_permissions 442368): refused, privately.
				if !strings.Contains(string(out), `"flags":64`) || !strings.Contains(string(out), "Pin Messages") {
					t.Errorf("pin from the context menu: %s", out)
				}
			}
		})
	}
}

func TestOpsServerHasNoInteractions(t *testing.T) {
	d, _ := newTestDeps(sampleEngine())
	h := NewOpsServer(NewDispatcher(d))
	for path, want := range map[string]int{"/healthz": 200, "/readyz": 200, "/metrics": 200} {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest("GET", path, nil))
		if rec.Code != want {
			t.Errorf("GET %s: %d", path, rec.Code)
		}
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("POST", "/interactions", strings.NewReader("{}")))
	if rec.Code != http.StatusNotFound && rec.Code != http.StatusMethodNotAllowed {
		t.Errorf("ops server answered POST /interactions: %d", rec.Code)
	}
}
