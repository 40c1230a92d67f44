package main

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/licensebot/licensebot/bot"
)

// mixLicenses and mixTopics are what -mix cycles through: every license
// of the corpus, three common topics.
var (
	mixLicenses = []string{"llama2", "llama3", "llama3.1", "llama3.2", "llama3.3", "llama4", "gemma", "qwen2.5",
		"tongyi-qianwen", "deepseek", "bigscience-openrail-m", "creativeml-openrail-m", "apache-2.0", "mit",
		"bsd-3-clause", "gpl-3.0", "lgpl-3.0", "agpl-3.0", "mpl-2.0", "cc-by-4.0", "cc-by-nc-4.0", "cc-by-sa-4.0"}
	mixTopics = []string{"attribution", "commercial use", "redistribution"}
)

type result struct {
	sent, errors int64
	firstErr     string
	elapsed      time.Duration
	cpu          time.Duration // this process's CPU time over the run (with -self: server and client)
	latencies    []time.Duration
	// deferred are the times to the replies that deferred the answer (type
	// 5): the bot working as it should when an answer takes longer than its
	// budget (bot.Dispatcher.DeferAfter), but not an answer, so kept apart
	// from the answers' latencies and reported on their own.
	deferred  []time.Duration
	rss       []string
	firstBody []byte // the first real answer, for -show
	bodyOnce  sync.Once
}

func (r *result) ok() int { return len(r.latencies) }

// add merges the result of another round into r (nil: none yet).
func (r *result) add(o *result) *result {
	if r == nil {
		return o
	}
	r.sent += o.sent
	r.errors += o.errors
	r.deferred = append(r.deferred, o.deferred...)
	if r.firstErr == "" {
		r.firstErr = o.firstErr
	}
	r.elapsed += o.elapsed
	r.cpu += o.cpu
	r.latencies = append(r.latencies, o.latencies...)
	r.rss = append(r.rss, o.rss[len(o.rss)-1])
	return r
}

func (r *result) rate() float64 { return float64(r.ok()) / r.elapsed.Seconds() }

// loader is one load run: its workers share the request counter and the
// result.
type loader struct {
	c        config
	priv     ed25519.PrivateKey
	addr     string
	answers  bool // every response must be a real answer
	client   *http.Client
	next     atomic.Int64
	mu       sync.Mutex // guards res's latencies, deferrals, errors and rss
	res      *result
	rssStops []int // request numbers at which the server's RSS is sampled
}

// load sends c.n requests (or for c.duration) to addr over c.conc
// connections; with answers set, a response that is not a real /license
// answer counts as an error, and one that defers the answer as a deferral.
func load(ctx context.Context, c config, priv ed25519.PrivateKey, addr string, answers bool) *result {
	ctx, cancel := context.WithTimeout(ctx, c.duration)
	defer cancel()
	l := &loader{
		c: c, priv: priv, addr: addr, answers: answers,
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
	defer l.client.CloseIdleConnections()
	res := l.res
	res.rss = append(res.rss, rss(c.pid))
	start, cpu0 := time.Now(), cpuTime()
	var wg sync.WaitGroup
	for w := 0; w < c.conc; w++ {
		wg.Go(func() { l.work(ctx) })
	}
	wg.Wait()
	res.elapsed, res.cpu = time.Since(start), cpuTime()-cpu0
	res.sent = int64(len(res.latencies)+len(res.deferred)) + res.errors
	res.rss = append(res.rss, rss(c.pid))
	return res
}

// work sends requests until all are sent or ctx ends, then adds its
// latencies, deferrals and errors to the result.
func (l *loader) work(ctx context.Context) {
	lat := make([]time.Duration, 0, l.c.n/l.c.conc+1)
	var deferred []time.Duration
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
		d, body, err := l.one(ctx, n)
		if err == nil && body != nil {
			l.res.bodyOnce.Do(func() { l.res.firstBody = body })
		}
		if errors.Is(err, errDeferred) {
			deferred = append(deferred, d)
			continue
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
	l.res.deferred = append(l.res.deferred, deferred...)
	if l.res.firstErr == "" {
		l.res.firstErr = first
	}
}

// question is the n-th request's license and topic.
func (c *config) question(n int) (license, topic string) {
	if len(c.questions) > 0 {
		q := c.questions[n%len(c.questions)]
		return q[0], q[1]
	}
	if !c.mix {
		return c.license, c.topic
	}
	return mixLicenses[n%len(mixLicenses)], mixTopics[(n/len(mixLicenses))%len(mixTopics)]
}

// body is the n-th interaction: a /license from user n (or one of -users).
func (c *config) body(n int) []byte {
	user := 1_000_000 + n
	if c.users > 0 {
		user = 1_000_000 + n%c.users
	}
	license, topic := c.question(n)
	body, _ := json.Marshal(map[string]any{
		"id": strconv.Itoa(9_000_000 + n), "application_id": "1", "type": 2, "token": "loadgen-" + strconv.Itoa(n), "version": 1,
		"channel_id": "2", "guild_id": "3", "locale": "en-US", "app_permissions": "442368",
		"member": map[string]any{"user": map[string]any{"id": strconv.Itoa(user), "username": "load"}, "roles": []string{}, "permissions": "0"},
		"data": map[string]any{"id": "4", "name": "license", "type": 1, "options": []any{
			map[string]any{"name": "license", "type": 3, "value": license},
			map[string]any{"name": "topic", "type": 3, "value": topic},
		}},
	})
	return body
}

// one sends the n-th interaction, signed at send time as Discord does.
func (l *loader) one(ctx context.Context, n int) (time.Duration, []byte, error) {
	body := l.c.body(n)
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, l.addr, bytes.NewReader(body))
	if err != nil {
		return 0, nil, err
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("User-Agent", "Discord-Interactions/1.0 (+https://discord.com) licensebot-loadgen")
	bot.Sign(req.Header, l.priv, time.Now(), body)
	t0 := time.Now()
	resp, err := l.client.Do(req)
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
	if l.answers {
		if err := isAnswer(out); errors.Is(err, errDeferred) {
			return d, out, err
		} else if err != nil {
			return 0, out, err
		}
	}
	return d, out, nil
}

// errDeferred is the reply that defers the answer (type 5).
var errDeferred = errors.New("deferred")

// isAnswer checks that a response is a real /license answer: a public
// message (type 4, no ephemeral flag) with one titled embed. A cooldown
// notice, an error or a topic list is private content without one; a
// deferral (type 5) is errDeferred, neither answer nor failure. It
// reads the bot's own encoding (bot.EncodeResponse: type, then data, its
// keys in a fixed order) byte by byte rather than decoding it: the client
// shares the CPU with the server under -self, and decoding every answer
// would count against the bot. (The bot's tests validate its responses
// against Discord's schema.)
func isAnswer(body []byte) error {
	if bytes.HasPrefix(body, []byte(`{"type":5`)) {
		return errDeferred
	}
	_, title, _ := bytes.Cut(body, []byte(`"title":"`))
	if !bytes.HasPrefix(body, []byte(`{"type":4,"data":{"embeds":[{`)) || bytes.Count(body, []byte(`"embeds":[{`)) != 1 ||
		len(title) == 0 || title[0] == '"' || bytes.Contains(body, []byte(`"flags":64`)) {
		return fmt.Errorf("not an answer: %.200s", body)
	}
	return nil
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

func (r *result) report(w io.Writer, c config, what, addr string) {
	slices.Sort(r.latencies)
	pct := func(p float64) time.Duration {
		if len(r.latencies) == 0 {
			return 0
		}
		return r.latencies[min(len(r.latencies)-1, int(p*float64(len(r.latencies))))]
	}
	q := c.license + " " + c.topic
	switch {
	case len(c.questions) > 0:
		q = fmt.Sprintf("%d questions of %s", len(c.questions), c.questionsFile)
	case c.mix:
		q = fmt.Sprintf("%d licenses × %d topics", len(mixLicenses), len(mixTopics))
	}
	fmt.Fprintf(w, "== %s: %s (/license %s, %d connections, distinct users: %v)\n", what, addr, q, c.conc, c.users == 0)
	fmt.Fprintf(w, "requests    %d sent, %d ok, %d errors in %v\n", r.sent, r.ok(), r.errors, r.elapsed.Round(time.Millisecond))
	if len(r.deferred) > 0 {
		fmt.Fprintf(w, "deferred    %d, after up to %v (slower than the bot's budget to answer in place: not answers, and not in the latencies below)\n",
			len(r.deferred), slices.Max(r.deferred).Round(time.Millisecond))
	}
	fmt.Fprintf(w, "throughput  %.0f req/s\n", r.rate())
	if r.ok() > 0 {
		fmt.Fprintf(w, "cpu         %.0f µs per request (this process: %v)\n", float64(r.cpu.Microseconds())/float64(r.ok()), r.cpu.Round(time.Millisecond))
	}
	fmt.Fprintf(w, "latency     p50 %v  p90 %v  p99 %v  max %v\n", pct(.50).Round(time.Microsecond), pct(.90).Round(time.Microsecond), pct(.99).Round(time.Microsecond), pct(1).Round(time.Microsecond))
	fmt.Fprintf(w, "server RSS  %s\n", strings.Join(r.rss, " → "))
	if r.errors > 0 {
		fmt.Fprintf(w, "first error %s\n", r.firstErr)
	}
}

// indent pretty-prints a JSON body, or returns it as it is.
func indent(b []byte) []byte {
	var pretty bytes.Buffer
	if json.Indent(&pretty, b, "", "  ") != nil {
		return b
	}
	return pretty.Bytes()
}

// cpuTime is the CPU time this process has used, user and system.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
