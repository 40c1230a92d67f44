// Command loadgen drives a licensebot interactions endpoint the way Discord
// does — Ed25519-signed POST /interactions carrying a /license command —
// and reports throughput, latency percentiles, errors and the server's
// memory. It only talks to loopback addresses and stops after -n requests
// or -duration, whichever comes first.
//
// Against an in-process server over a real index (no setup):
//
//	go run ./cmd/loadgen -self -data data
//
// Against `licensebot serve --http 127.0.0.1:8080`, started with the public
// key printed by `go run ./cmd/loadgen -genkey`:
//
//	go run ./cmd/loadgen -addr http://127.0.0.1:8080/interactions -key <private hex> -pid <server pid>
package main

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/signal"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/licensebot/licensebot/bot"
	"github.com/licensebot/licensebot/bot/store"
	"github.com/licensebot/licensebot/index"
)

// Hard bounds, whatever the flags say: this is a measuring tool, not a
// flood.
const (
	maxRequests = 1_000_000
	maxDuration = 5 * time.Minute
	maxConns    = 512
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "loadgen:", err)
		os.Exit(1)
	}
}

type config struct {
	addr     string
	keyHex   string
	self     bool
	dataDir  string
	n        int
	conc     int
	duration time.Duration
	license  string
	topic    string
	users    int
	pid      int
	genkey   bool
	noCool   bool
	show     bool
}

func run(ctx context.Context, args []string, out io.Writer) error {
	c, err := parseFlags(args)
	if err != nil {
		return err
	}
	if c.genkey {
		pub, priv, err := ed25519.GenerateKey(rand.Reader)
		if err != nil {
			return err
		}
		fmt.Fprintf(out, "DISCORD_PUBLIC_KEY=%s\nloadgen -key %s\n", hex.EncodeToString(pub), hex.EncodeToString(priv.Seed()))
		return nil
	}
	priv, closeFn, err := c.target()
	if err != nil {
		return err
	}
	defer closeFn()
	res := load(ctx, c, priv)
	if c.show && res.firstBody != nil {
		var pretty bytes.Buffer
		if json.Indent(&pretty, res.firstBody, "", "  ") == nil {
			fmt.Fprintf(out, "%s\n", pretty.Bytes())
		}
	}
	res.report(out, c)
	if res.errors > 0 {
		return fmt.Errorf("%d of %d requests failed (first: %s)", res.errors, res.sent, res.firstErr)
	}
	return nil
}

// parseFlags reads the flags and holds the counts to the hard bounds.
func parseFlags(args []string) (config, error) {
	var c config
	fs := flag.NewFlagSet("loadgen", flag.ContinueOnError)
	fs.StringVar(&c.addr, "addr", "http://127.0.0.1:8080/interactions", "interactions endpoint (loopback only)")
	fs.StringVar(&c.keyHex, "key", "", "Ed25519 private key (hex seed or full key) matching the server's DISCORD_PUBLIC_KEY")
	fs.BoolVar(&c.self, "self", false, "start an in-process HTTP server over -data with a fresh key pair")
	fs.StringVar(&c.dataDir, "data", "data", "index data directory for -self")
	fs.IntVar(&c.n, "n", 20000, "requests to send (at most 1e6)")
	fs.IntVar(&c.conc, "c", 32, "concurrent connections (at most 512)")
	fs.DurationVar(&c.duration, "duration", 30*time.Second, "stop after this long (at most 5m)")
	fs.StringVar(&c.license, "license", "llama4", "license option of the /license command")
	fs.StringVar(&c.topic, "topic", "attribution", "topic option of the /license command")
	fs.IntVar(&c.users, "users", 0, "distinct user ids to cycle through (0: a new one per request, so no cooldown applies)")
	fs.IntVar(&c.pid, "pid", 0, "server process id, to report its RSS (with -self: this process)")
	fs.BoolVar(&c.noCool, "self-no-cooldown", false, "with -self, serve without the per-user cooldown")
	fs.BoolVar(&c.show, "show", false, "print the first response body (try with -n 1)")
	fs.BoolVar(&c.genkey, "genkey", false, "print a new key pair (DISCORD_PUBLIC_KEY for the server, -key for loadgen) and exit")
	if err := fs.Parse(args); err != nil {
		return c, err
	}
	c.n = min(max(c.n, 1), maxRequests)
	c.conc = min(max(c.conc, 1), maxConns)
	c.duration = min(max(c.duration, time.Second), maxDuration)
	return c, nil
}

// target settles what is loaded and the key that signs for it: an
// in-process server with a fresh key (-self), or -addr with -key. It
// refuses any address that is not this machine.
func (c *config) target() (ed25519.PrivateKey, func(), error) {
	closeFn := func() {}
	var priv ed25519.PrivateKey
	if c.self {
		srvURL, key, stop, err := startSelf(c.dataDir, !c.noCool)
		if err != nil {
			return nil, nil, err
		}
		closeFn = stop
		c.addr, priv, c.pid = srvURL, key, os.Getpid()
	} else {
		k, err := parseKey(c.keyHex)
		if err != nil {
			return nil, nil, err
		}
		priv = k
	}
	if err := loopbackOnly(c.addr); err != nil {
		closeFn()
		return nil, nil, err
	}
	return priv, closeFn, nil
}

func parseKey(h string) (ed25519.PrivateKey, error) {
	b, err := hex.DecodeString(strings.TrimSpace(h))
	switch {
	case err != nil:
		return nil, fmt.Errorf("-key: %w", err)
	case len(b) == ed25519.SeedSize:
		return ed25519.NewKeyFromSeed(b), nil
	case len(b) == ed25519.PrivateKeySize:
		return ed25519.PrivateKey(b), nil
	}
	return nil, errors.New("-key: want a 32-byte seed or 64-byte private key in hex (see -genkey)")
}

// loopbackOnly refuses any target that is not this machine.
func loopbackOnly(addr string) error {
	u, err := url.Parse(addr)
	if err != nil {
		return fmt.Errorf("-addr: %w", err)
	}
	ips, err := net.LookupIP(u.Hostname())
	if err != nil {
		return fmt.Errorf("-addr: %w", err)
	}
	for _, ip := range ips {
		if !ip.IsLoopback() {
			return fmt.Errorf("-addr %s resolves to %s: loadgen only targets loopback", addr, ip)
		}
	}
	return nil
}

// startSelf serves the real engine over -data on a loopback port, with a
// fresh key pair, exactly as `licensebot serve --http` wires it.
func startSelf(dataDir string, cooldown bool) (string, ed25519.PrivateKey, func(), error) {
	eng, err := index.Open(dataDir)
	if err != nil {
		return "", nil, nil, fmt.Errorf("-self: open index (build one with `licensebot index build`): %w", err)
	}
	pub, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		return "", nil, nil, err
	}
	// A pins store as serve has one: every /license in a server looks up
	// the pinned answer, and that lookup belongs in the measurement.
	pinsDir, err := os.MkdirTemp("", "loadgen-pins-")
	if err != nil {
		return "", nil, nil, err
	}
	pins, err := store.Open(context.Background(), filepath.Join(pinsDir, "pins.db"), "")
	if err != nil {
		os.RemoveAll(pinsDir)
		return "", nil, nil, err
	}
	deps := &bot.Deps{
		Engine:  eng,
		Log:     slog.New(slog.NewTextHandler(io.Discard, nil)),
		Metrics: bot.NewMetrics(eng),
		Pins:    pins,
	}
	if cooldown {
		deps.Cooldown = bot.NewCooldown(3*time.Second, 5)
	}
	h, err := bot.NewHTTPServer(bot.NewDispatcher(deps), hex.EncodeToString(pub), nil)
	if err != nil {
		pins.Close()
		os.RemoveAll(pinsDir)
		return "", nil, nil, err
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		pins.Close()
		os.RemoveAll(pinsDir)
		return "", nil, nil, err
	}
	srv := &http.Server{Handler: h, ReadHeaderTimeout: 5 * time.Second}
	go srv.Serve(ln)
	return "http://" + ln.Addr().String() + "/interactions", priv, func() {
		srv.Close()
		eng.Close()
		pins.Close()
		os.RemoveAll(pinsDir)
	}, nil
}

type result struct {
	sent, errors int64
	firstErr     string
	elapsed      time.Duration
	latencies    []time.Duration
	rss          []string
	firstBody    []byte
	bodyOnce     sync.Once
}

// loader is one load run: its workers share the request counter and the
// result.
type loader struct {
	c        config
	priv     ed25519.PrivateKey
	client   *http.Client
	next     atomic.Int64
	mu       sync.Mutex // guards res's latencies, errors and rss
	res      *result
	rssStops []int // request numbers at which the server's RSS is sampled
}

func load(ctx context.Context, c config, priv ed25519.PrivateKey) *result {
	ctx, cancel := context.WithTimeout(ctx, c.duration)
	defer cancel()
	l := &loader{
		c:    c,
		priv: priv,
		client: &http.Client{
			Timeout: 10 * time.Second,
			Transport: &http.Transport{
				MaxIdleConns: c.conc, MaxIdleConnsPerHost: c.conc, MaxConnsPerHost: c.conc,
				IdleConnTimeout: 30 * time.Second, DisableCompression: true,
			},
		},
		res:      &result{latencies: make([]time.Duration, 0, c.n)},
		rssStops: []int{0, c.n / 2, c.n - 1},
	}
	res := l.res
	res.rss = append(res.rss, rss(c.pid))
	start := time.Now()
	var wg sync.WaitGroup
	for w := 0; w < c.conc; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			l.work(ctx)
		}()
	}
	wg.Wait()
	res.elapsed = time.Since(start)
	res.sent = int64(len(res.latencies)) + res.errors
	res.rss = append(res.rss, rss(c.pid))
	return res
}

// work sends requests until all are sent or ctx ends, then adds its
// latencies and errors to the result.
func (l *loader) work(ctx context.Context) {
	lat := make([]time.Duration, 0, l.c.n/l.c.conc+1)
	var errs int64
	var first string
	for ctx.Err() == nil {
		n := int(l.next.Add(1)) - 1
		if n >= l.c.n {
			break
		}
		if n > 0 && slices.Contains(l.rssStops, n) {
			r := rss(l.c.pid)
			l.mu.Lock()
			l.res.rss = append(l.res.rss, r)
			l.mu.Unlock()
		}
		d, body, err := one(ctx, l.client, l.c, l.priv, n)
		if body != nil {
			l.res.bodyOnce.Do(func() { l.res.firstBody = body })
		}
		if err != nil {
			if ctx.Err() != nil {
				break // stopped by -duration, not a failure
			}
			errs++
			if first == "" {
				first = err.Error()
			}
			continue
		}
		lat = append(lat, d)
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	l.res.latencies = append(l.res.latencies, lat...)
	l.res.errors += errs
	if l.res.firstErr == "" {
		l.res.firstErr = first
	}
}

// one sends the n-th interaction, signed at send time as Discord does.
func one(ctx context.Context, client *http.Client, c config, priv ed25519.PrivateKey, n int) (time.Duration, []byte, error) {
	user := 1_000_000 + n
	if c.users > 0 {
		user = 1_000_000 + n%c.users
	}
	body, _ := json.Marshal(map[string]any{
		"id": strconv.Itoa(9_000_000 + n), "application_id": "1", "type": 2, "token": "loadgen-" + strconv.Itoa(n), "version": 1,
		"channel_id": "2", "guild_id": "3", "locale": "en-US", "app_permissions": "442368",
		"member": map[string]any{"user": map[string]any{"id": strconv.Itoa(user), "username": "load"}, "roles": []string{}, "permissions": "0"},
		"data": map[string]any{"id": "4", "name": "license", "type": 1, "options": []any{
			map[string]any{"name": "license", "type": 3, "value": c.license},
			map[string]any{"name": "topic", "type": 3, "value": c.topic},
		}},
	})
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.addr, bytes.NewReader(body))
	if err != nil {
		return 0, nil, err
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("User-Agent", "Discord-Interactions/1.0 (+https://discord.com) licensebot-loadgen")
	bot.Sign(req.Header, priv, time.Now(), body)
	t0 := time.Now()
	resp, err := client.Do(req)
	if err != nil {
		return 0, nil, err
	}
	out, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	d := time.Since(t0)
	if err != nil {
		return 0, nil, err
	}
	if resp.StatusCode != http.StatusOK {
		return 0, out, fmt.Errorf("HTTP %d: %.200s", resp.StatusCode, out)
	}
	if !bytes.Contains(out, []byte(`"embeds"`)) {
		return 0, out, fmt.Errorf("no answer embed: %.200s", out)
	}
	return d, out, nil
}

// rss is a process's resident set size from /proc, or "?".
func rss(pid int) string {
	if pid == 0 {
		return "?"
	}
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return "?"
	}
	for _, l := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(l, "VmRSS:"); ok {
			return strings.Join(strings.Fields(v), " ")
		}
	}
	return "?"
}

func (r *result) report(w io.Writer, c config) {
	slices.Sort(r.latencies)
	pct := func(p float64) time.Duration {
		if len(r.latencies) == 0 {
			return 0
		}
		return r.latencies[min(len(r.latencies)-1, int(p*float64(len(r.latencies))))]
	}
	ok := len(r.latencies)
	fmt.Fprintf(w, "target      %s (/license %s %s, %d connections)\n", c.addr, c.license, c.topic, c.conc)
	fmt.Fprintf(w, "requests    %d sent, %d ok, %d errors in %v\n", r.sent, ok, r.errors, r.elapsed.Round(time.Millisecond))
	fmt.Fprintf(w, "throughput  %.0f req/s\n", float64(ok)/r.elapsed.Seconds())
	fmt.Fprintf(w, "latency     p50 %v  p90 %v  p99 %v  max %v\n", pct(.50).Round(time.Microsecond), pct(.90).Round(time.Microsecond), pct(.99).Round(time.Microsecond), pct(1).Round(time.Microsecond))
	fmt.Fprintf(w, "server RSS  %s\n", strings.Join(r.rss, " → "))
	if r.errors > 0 {
		fmt.Fprintf(w, "first error %s\n", r.firstErr)
	}
}
