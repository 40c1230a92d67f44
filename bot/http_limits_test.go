package bot

import (
	"bufio"
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/licensebot/licensebot/bot/bottest"
)

// servedFixture runs the interactions endpoint as serve runs it: Serve on
// a real listener, with the connection cap and timeouts.
type servedFixture struct {
	addr  string
	priv  ed25519.PrivateKey
	limit *connCap
	log   *bottest.LogBuffer
}

func newServedFixture(t testing.TB, maxConns int) *servedFixture {
	t.Helper()
	pub, priv, _ := ed25519.GenerateKey(rand.Reader)
	d, log := newTestDeps(sampleEngine())
	disp := NewDispatcher(d)
	h, err := NewHTTPServer(disp, hex.EncodeToString(pub), nil)
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	limit := newConnCap(maxConns)
	go func() { done <- serve(ctx, ln, h, disp, time.Second, limit) }()
	t.Cleanup(func() { cancel(); <-done })
	return &servedFixture{addr: ln.Addr().String(), priv: priv, limit: limit, log: log}
}

// signedPing sends a signed PING on a connection of its own and returns the
// status, the body and how long the answer took.
func (f *servedFixture) signedPing(t testing.TB, timeout time.Duration) (int, string, time.Duration) {
	t.Helper()
	body := []byte(`{"id":"1","application_id":"2","type":1,"token":"t","version":1}`)
	req, _ := http.NewRequest(http.MethodPost, "http://"+f.addr+"/interactions", bytes.NewReader(body))
	Sign(req.Header, f.priv, time.Now(), body)
	client := &http.Client{Timeout: timeout, Transport: &http.Transport{DisableKeepAlives: true}}
	start := time.Now()
	res, err := client.Do(req)
	if err != nil {
		t.Fatalf("signed PING: %v", err)
	}
	defer res.Body.Close()
	out, _ := io.ReadAll(res.Body)
	return res.StatusCode, string(out), time.Since(start)
}

// More idle connections than the cap — keep-alives parked after one
// request, and connections that never send a byte — do not lock Discord
// out: a signed PING on a fresh connection is answered without waiting for
// any server timeout to free a slot, and the server never holds more than
// the cap.
func TestIdleConnectionsBeyondTheCapDoNotLockOutAPing(t *testing.T) {
	f := newServedFixture(t, MaxConns)
	var conns []net.Conn
	defer func() {
		for _, c := range conns {
			c.Close()
		}
	}()
	for n := 0; n < MaxConns+100; n++ {
		c, err := net.Dial("tcp", f.addr)
		if err != nil {
			t.Fatalf("connection %d: %v", n, err)
		}
		conns = append(conns, c)
		if n%2 == 0 { // a keep-alive, parked after one request
			fmt.Fprintf(c, "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
			if res, err := http.ReadResponse(bufio.NewReader(c), nil); err == nil {
				io.Copy(io.Discard, res.Body)
				res.Body.Close()
			}
		}
	}
	// Below readHeaderTimeout: an answer in this time was not waiting for
	// an idle connection to time out.
	code, body, took := f.signedPing(t, readHeaderTimeout/2)
	if code != http.StatusOK || strings.TrimSpace(body) != `{"type":1}` {
		t.Fatalf("PING with %d idle connections: %d %s", len(conns), code, body)
	}
	t.Logf("signed PING answered in %v beside %d idle connections (cap %d)", took, len(conns), MaxConns)
	if open := f.limit.open(); open > MaxConns {
		t.Errorf("server holds %d connections, over the cap %d", open, MaxConns)
	}
}

// Connections that fill the cap with requests that never finish — made-up
// signature headers, a body announced at 60 KB and trickled in a byte at
// a time — do not lock Discord out either: they have proved nothing, so
// a signed PING on a fresh connection evicts the oldest of them and is
// answered at once, not after the read timeout frees a slot. A verified
// request in flight is not evicted.
func TestUnverifiedSlowBodiesDoNotLockOutAPing(t *testing.T) {
	const max = 8
	f := newServedFixture(t, max)
	var conns []net.Conn
	defer func() {
		for _, c := range conns {
			c.Close()
		}
	}()
	for n := 0; n < max; n++ {
		c, err := net.Dial("tcp", f.addr)
		if err != nil {
			t.Fatal(err)
		}
		conns = append(conns, c)
		fmt.Fprintf(c, "POST /interactions HTTP/1.1\r\nHost: x\r\nX-Signature-Ed25519: %s\r\nX-Signature-Timestamp: 1\r\nContent-Length: 60000\r\n\r\n{",
			strings.Repeat("ab", ed25519.SignatureSize))
	}
	for deadline := time.Now().Add(2 * time.Second); f.limit.open() < max; {
		if time.Now().After(deadline) {
			t.Fatalf("%d of %d slow requests reached the server", f.limit.open(), max)
		}
		time.Sleep(time.Millisecond)
	}
	code, body, took := f.signedPing(t, readTimeout/2)
	if code != http.StatusOK || strings.TrimSpace(body) != `{"type":1}` {
		t.Fatalf("PING beside %d slow unsigned bodies: %d %s", max, code, body)
	}
	t.Logf("signed PING answered in %v beside %d slow unsigned bodies (cap %d)", took, max, max)
	if open := f.limit.open(); open > max {
		t.Errorf("server holds %d connections, over the cap %d", open, max)
	}

	// A verified request is never the one evicted: fill the cap with
	// connections serving verified requests, and a new one is refused.
	limit := newConnCap(2)
	a, b := &net.TCPConn{}, &net.TCPConn{}
	limit.track(a, http.StateNew)
	limit.track(a, http.StateActive)
	limit.verified(a)
	limit.track(b, http.StateNew)
	limit.track(b, http.StateActive)
	if v := limit.victim(); v != b {
		t.Errorf("victim %p; want the unverified connection %p, not the verified %p", v, b, a)
	}
	limit.verified(b)
	if v := limit.victim(); v != nil {
		t.Errorf("victim %p among verified requests only; want none", v)
	}
}

// nestedClick is a signed-looking button click whose message components
// nest depth levels deep, padded to about size bytes.
func nestedClick(depth int) []byte {
	var b bytes.Buffer
	b.WriteString(`{"id":"1","application_id":"2","type":3,"token":"t","version":1,"member":{"user":{"id":"42"},"permissions":"0"},`)
	b.WriteString(`"data":{"custom_id":"clause:llama4:x","component_type":2},"message":{"id":"5","channel_id":"6","components":`)
	for n := 0; n < depth; n++ {
		b.WriteString(`[{"type":1,"components":`)
	}
	b.WriteString(`[]`)
	for n := 0; n < depth; n++ {
		b.WriteString(`}]`)
	}
	b.WriteString(`}}`)
	return b.Bytes()
}

// A signed payload nested 2,500 levels deep is refused with 400 before it
// is decoded (decoding it took seconds of CPU); one nested as deep as
// Discord's own payloads is served.
func TestDeepNestingRefusedBeforeDecoding(t *testing.T) {
	f := newHTTPFixture(t)
	deep := nestedClick(2500)
	if len(deep) > MaxInteractionBody {
		t.Fatalf("payload %d bytes, over the body limit: it would test that instead", len(deep))
	}
	code, out := f.post(t, deep, f.priv, time.Now(), nil)
	if code != http.StatusBadRequest || !strings.Contains(string(out), rejectTooDeep) {
		t.Fatalf("2,500-deep payload: %d %s", code, out)
	}
	if !strings.Contains(f.log.String(), `"reason":"JSON nested too deeply"`) {
		t.Errorf("refusal not logged with its reason:\n%s", f.log)
	}
	if code, out := f.post(t, nestedClick(8), f.priv, time.Now(), nil); code != http.StatusOK {
		t.Errorf("8-deep payload: %d %s", code, out)
	}
}

func TestTooDeep(t *testing.T) {
	for _, tc := range []struct {
		in   string
		max  int
		want bool
	}{
		{`{"a":[1,{"b":2}]}`, 3, false},
		{`{"a":[1,{"b":2}]}`, 2, true},
		{`{"a":"[[[[[[[[[[["}`, 1, false},    // brackets in strings do not count
		{`{"a":"\"[[[[","b":{}}`, 1, true},   // an escaped quote does not end the string
		{`{"a":"\\","b":[[[[]]]]}`, 2, true}, // an escaped backslash does not escape the quote
		{strings.Repeat("[", 40) + strings.Repeat("]", 40), MaxJSONDepth, true},
	} {
		if got := tooDeep([]byte(tc.in), tc.max); got != tc.want {
			t.Errorf("tooDeep(%s, %d) = %v", tc.in, tc.max, got)
		}
	}
}

// A null option, an option whose value is not of its type, and a request
// with no user are refused with 400 over HTTP (no handler runs, nothing
// panics) and answered privately through the dispatcher (gateway mode).
func TestMalformedInteractionsRefusedNotPanicked(t *testing.T) {
	f := newHTTPFixture(t)
	base := func() map[string]any {
		var m map[string]any
		json.Unmarshal(licenseBody(t), &m)
		return m
	}
	opts := func(m map[string]any) map[string]any { return m["data"].(map[string]any) }
	for name, edit := range map[string]func(m map[string]any){
		"null option": func(m map[string]any) { opts(m)["options"] = []any{nil} },
		"number for a string": func(m map[string]any) {
			opts(m)["options"] = []any{map[string]any{"name": "license", "type": 3, "value": 4}}
		},
		"string for a boolean": func(m map[string]any) {
			opts(m)["options"] = []any{map[string]any{"name": "x", "type": 5, "value": "yes"}}
		},
		"fraction for an integer": func(m map[string]any) {
			opts(m)["options"] = []any{map[string]any{"name": "x", "type": 4, "value": 1.5}}
		},
		"value on a subcommand": func(m map[string]any) {
			opts(m)["options"] = []any{map[string]any{"name": "x", "type": 1, "value": "v"}}
		},
		"user that is not an id": func(m map[string]any) {
			opts(m)["options"] = []any{map[string]any{"name": "x", "type": 6, "value": "../x"}}
		},
		"null inside a subcommand": func(m map[string]any) {
			opts(m)["options"] = []any{map[string]any{"name": "x", "type": 1, "options": []any{nil}}}
		},
		"no user":                  func(m map[string]any) { delete(m, "member") },
		"user without an id":       func(m map[string]any) { m["member"] = map[string]any{"user": map[string]any{"username": "u"}} },
		"target that is not an id": func(m map[string]any) { opts(m)["target_id"] = "../../guilds/1/bans/2" },
	} {
		t.Run(name, func(t *testing.T) {
			m := base()
			edit(m)
			body, _ := json.Marshal(m)
			before := f.asks.Load()
			if code, out := f.post(t, body, f.priv, time.Now(), nil); code != http.StatusBadRequest {
				t.Errorf("HTTP: %d %s; want 400", code, out)
			}
			var i discordgo.Interaction
			if err := json.Unmarshal(body, &i); err != nil {
				t.Fatal(err)
			}
			d, log := newTestDeps(sampleEngine())
			r := dispatchOne(t, d, &i)
			if r.Data == nil || r.Data.Flags&discordgo.MessageFlagsEphemeral == 0 || strings.Contains(log.String(), "panic") {
				t.Errorf("dispatcher: %+v\n%s", r, log)
			}
			if f.asks.Load() != before {
				t.Error("a malformed request reached the engine")
			}
		})
	}
	if strings.Contains(f.log.String(), "panic") {
		t.Errorf("a handler panicked:\n%s", f.log)
	}
}

// Refused requests are logged at info with their reason, so an operator
// tells a wrong public key (bad signature) from a clock out of step
// (stale timestamp).
func TestRefusalsLoggedWithTheirReason(t *testing.T) {
	f := newHTTPFixture(t)
	_, otherKey, _ := ed25519.GenerateKey(rand.Reader)
	body := licenseBody(t)
	for _, tc := range []struct {
		key  ed25519.PrivateKey
		ts   time.Time
		want string
	}{
		{nil, time.Now(), `"reason":"missing or malformed signature headers"`},
		{otherKey, time.Now(), `"reason":"bad signature"`},
		{f.priv, time.Now().Add(-10 * time.Minute), `"reason":"stale timestamp"`},
		{otherKey, time.Now().Add(-10 * time.Minute), `"reason":"bad signature"`},
	} {
		before := len(f.log.String())
		if code, _ := f.post(t, body, tc.key, tc.ts, nil); code != http.StatusUnauthorized {
			t.Errorf("%s: status %d", tc.want, code)
		}
		line := f.log.String()[before:]
		if !strings.Contains(line, `"level":"INFO"`) || !strings.Contains(line, tc.want) {
			t.Errorf("log %q; want an info line with %s", line, tc.want)
		}
	}
	if !strings.Contains(f.log.String(), "is this host's clock right?") {
		t.Errorf("a stale timestamp does not say how far off it is:\n%s", f.log)
	}
}

// Refusal lines are rate-limited: a flood of junk costs a few lines, and
// the next line says how many were dropped.
func TestRefusalLogIsRateLimited(t *testing.T) {
	l := newLogLimiter(3, time.Hour)
	passed := 0
	for n := 0; n < 100; n++ {
		if ok, _ := l.allow(); ok {
			passed++
		}
	}
	if passed != 3 {
		t.Errorf("%d of 100 lines passed; want 3", passed)
	}
	l.start = time.Time{} // a new period
	if ok, suppressed := l.allow(); !ok || suppressed != 97 {
		t.Errorf("next period: ok %v, suppressed %d; want 97", ok, suppressed)
	}
}

// BenchmarkDeepPayloadRefused is the cost of refusing a signed 2,500-deep
// payload: reading it, checking its signature and its depth.
func BenchmarkDeepPayloadRefused(b *testing.B) {
	body := nestedClick(2500)
	b.SetBytes(int64(len(body)))
	benchSigned(b, sampleEngine(), body, func(code int) bool { return code == http.StatusBadRequest })
}

// BenchmarkPingBesideIdleConnections is a signed PING's round trip on a
// fresh connection while more idle connections than the cap are open.
func BenchmarkPingBesideIdleConnections(b *testing.B) {
	f := newServedFixture(b, MaxConns)
	var conns []net.Conn
	for n := 0; n < MaxConns+100; n++ {
		c, err := net.Dial("tcp", f.addr)
		if err != nil {
			b.Fatal(err)
		}
		conns = append(conns, c)
	}
	defer func() {
		for _, c := range conns {
			c.Close()
		}
	}()
	for b.Loop() {
		if code, _, _ := f.signedPing(b, time.Second); code != http.StatusOK {
			b.Fatalf("status %d", code)
		}
	}
}
