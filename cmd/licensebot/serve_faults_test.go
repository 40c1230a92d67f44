package main

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/licensebot/licensebot/bot"
	"github.com/licensebot/licensebot/bot/bottest"
	"github.com/licensebot/licensebot/bot/store"
	"github.com/licensebot/licensebot/corpus/corpustest"
	"github.com/licensebot/licensebot/index"
	"github.com/licensebot/licensebot/index/indextest"
)

// servedBot is `licensebot serve --http` running in this process.
type servedBot struct {
	log     *bottest.LogBuffer
	addr    string // interactions
	ops     string
	priv    ed25519.PrivateKey
	cancel  context.CancelFunc
	done    chan error
	stopped bool
}

// startServeInProcess runs serve over data in HTTP mode on free loopback ports,
// with an ops address, and waits until it says it serves.
func startServeInProcess(t *testing.T, data string, extra ...string) *servedBot {
	t.Helper()
	pub, priv, _ := ed25519.GenerateKey(rand.Reader)
	t.Setenv("DISCORD_PUBLIC_KEY", hex.EncodeToString(pub))
	t.Setenv("DISCORD_TOKEN", "")
	b := &servedBot{log: &bottest.LogBuffer{}, priv: priv, done: make(chan error, 1)}
	ctx, cancel := context.WithCancel(context.Background())
	b.cancel = cancel
	args := append([]string{"serve", "--http", "127.0.0.1:0", "--metrics", "127.0.0.1:0", "--log-json",
		"--data", data, "--corpus", corpustest.CorpusDir(t), "--watch", "0"}, extra...)
	go func() { b.done <- NewMain(io.Discard, b.log).Run(ctx, args) }()
	t.Cleanup(b.stop)
	serving := regexp.MustCompile(`"msg":"serving".*"addr":"([^"]+)","ops":"([^"]+)"`)
	deadline := time.Now().Add(2 * time.Minute)
	for time.Now().Before(deadline) {
		if m := serving.FindStringSubmatch(b.log.String()); m != nil {
			b.addr, b.ops = m[1], m[2]
			return b
		}
		select {
		case err := <-b.done:
			b.stopped = true
			t.Fatalf("serve ended before serving: %v\n%s", err, b.log)
		case <-time.After(20 * time.Millisecond):
		}
	}
	t.Fatalf("serve never said it serves:\n%s", b.log)
	return nil
}

func (b *servedBot) stop() {
	if b.stopped {
		return
	}
	b.stopped = true
	b.cancel()
	<-b.done
}

// ask sends a signed /license from user and returns the status and body.
func (b *servedBot) ask(t *testing.T, user int, license, topic string) (int, []byte) {
	t.Helper()
	body, _ := json.Marshal(map[string]any{
		"id": strconv.Itoa(5000 + user), "application_id": "2", "type": 2, "token": "tok", "version": 1,
		"guild_id": "3", "channel_id": "4",
		"member": map[string]any{"user": map[string]any{"id": strconv.Itoa(1000 + user)}, "permissions": "0"},
		"data": map[string]any{"id": "9", "name": "license", "type": 1, "options": []any{
			map[string]any{"name": "license", "type": 3, "value": license},
			map[string]any{"name": "topic", "type": 3, "value": topic},
		}},
	})
	req, _ := http.NewRequest(http.MethodPost, "http://"+b.addr+"/interactions", bytes.NewReader(body))
	bot.Sign(req.Header, b.priv, time.Now(), body)
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatalf("/license %s %s: %v\n%s", license, topic, err, b.log)
	}
	defer res.Body.Close()
	out, _ := io.ReadAll(res.Body)
	return res.StatusCode, out
}

// askFifty sends 50 /license questions spread over every license, each
// from its own user, and fails on any that is not a real answer: a public
// embed titled with the license.
func (b *servedBot) askFifty(t *testing.T, licenses []index.LicenseInfo) {
	t.Helper()
	topics := []string{"attribution", "commercial use", "redistribution"}
	for n := 0; n < 50; n++ {
		l := licenses[n%len(licenses)]
		code, out := b.ask(t, n, l.Key, topics[n%len(topics)])
		var resp struct {
			Type int
			Data struct {
				Flags  int
				Embeds []struct{ Title string }
			}
		}
		json.Unmarshal(out, &resp)
		if code != http.StatusOK || resp.Type != 4 || resp.Data.Flags != 0 || len(resp.Data.Embeds) != 1 ||
			!strings.HasPrefix(resp.Data.Embeds[0].Title, l.Title) {
			t.Errorf("question %d (%s): %d %.300s", n, l.Key, code, out)
		}
	}
}

// dataWithTexts copies the shared test index's data dir (two builds when
// previous is set: a copy of the build under an older name) and gives it
// the texts a rebuild reads.
func dataWithTexts(t *testing.T, previous bool) (data, current string) {
	t.Helper()
	data = indextest.CopyData(t, indextest.DataDir(t))
	if err := os.Symlink(corpustest.TextsDir(t), filepath.Join(data, "texts")); err != nil {
		t.Fatal(err)
	}
	current, err := filepath.EvalSymlinks(filepath.Join(data, "index", "current"))
	if err != nil {
		t.Fatal(err)
	}
	if previous {
		older := filepath.Join(data, "index", "builds", "20000101T000000.000000000-00000001")
		if err := os.CopyFS(older, os.DirFS(current)); err != nil {
			t.Fatal(err)
		}
	}
	return data, current
}

// segmentOf is the (first) zap segment of a build, relative to it.
func segmentOf(t *testing.T, build string) string {
	t.Helper()
	segs, _ := filepath.Glob(filepath.Join(build, "bleve", "store", "*.zap"))
	if len(segs) == 0 {
		t.Fatal("build has no zap segment")
	}
	rel, _ := filepath.Rel(build, segs[0])
	return filepath.ToSlash(rel)
}

// Corrupting a file of the current build — random bytes inside a segment,
// truncation, removal — and then starting serve: the process stays up,
// every one of 50 questions over all licenses gets a real answer (from the
// previous good build, or a fresh rebuild when there is none), and the log
// names the bad file.
func TestServeSurvivesADamagedIndex(t *testing.T) {
	licenses := indextest.Engine(t).Licenses()
	for _, tc := range []struct {
		name     string
		previous bool
		file     func(t *testing.T, build string) string
		damage   func(path string)
	}{
		{"random bytes inside a segment", true, segmentOf, func(path string) {
			b, _ := os.ReadFile(path)
			rand.Read(b[len(b)/2-2048 : len(b)/2+2048])
			os.WriteFile(path, b, 0o644)
		}},
		{"truncated meta", true, func(*testing.T, string) string { return "meta.gob" }, func(path string) {
			os.Truncate(path, 1000)
		}},
		{"removed bolt root", true, func(*testing.T, string) string { return "bleve/store/root.bolt" }, func(path string) {
			os.Remove(path)
		}},
		{"random bytes inside the only build", false, segmentOf, func(path string) {
			b, _ := os.ReadFile(path)
			rand.Read(b[len(b)/2-2048 : len(b)/2+2048])
			os.WriteFile(path, b, 0o644)
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			data, current := dataWithTexts(t, tc.previous)
			file := tc.file(t, current)
			tc.damage(filepath.Join(current, filepath.FromSlash(file)))
			b := startServeInProcess(t, data)
			b.askFifty(t, licenses)
			if !strings.Contains(b.log.String(), file) {
				t.Errorf("the log does not name %s:\n%s", file, b.log)
			}
			select {
			case err := <-b.done:
				b.stopped = true
				t.Fatalf("serve ended: %v", err)
			default:
			}
			if tc.previous {
				checkDegradedReported(t, b, file)
			}
		})
	}
}

// A segment of the build being served, truncated under the running bot:
// the search that reads it faulted (SIGBUS) and ended the process. Now
// the bot stays up, moves to the previous good build, rebuilds from the
// corpus in the background, and every question gets a real answer.
func TestServeSurvivesASegmentTruncatedWhileServing(t *testing.T) {
	licenses := indextest.Engine(t).Licenses()
	data, current := dataWithTexts(t, true)
	b := startServeInProcess(t, data)
	segs, _ := filepath.Glob(filepath.Join(current, "bleve", "store", "*.zap"))
	for _, seg := range segs {
		if err := os.Truncate(seg, 4096); err != nil {
			t.Fatal(err)
		}
	}
	// Free-text questions, none asked before: each searches the index.
	for n := range 10 {
		b.ask(t, n, licenses[n%len(licenses)].Key, fmt.Sprintf("can i host it for customer number %d", n))
	}
	deadline := time.Now().Add(time.Minute)
	for !strings.Contains(b.log.String(), "index: rebuilt") {
		select {
		case err := <-b.done:
			b.stopped = true
			t.Fatalf("serve ended: %v\n%s", err, b.log)
		case <-time.After(50 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			t.Fatalf("no rebuild after the segment was truncated:\n%s", b.log)
		}
	}
	if !strings.Contains(b.log.String(), ".zap") {
		t.Errorf("the log does not name the damaged segment:\n%s", b.log)
	}
	b.askFifty(t, licenses)
}

// checkDegradedReported: /readyz and /metrics say the index serves its
// previous good build (until the background rebuild replaces it).
func checkDegradedReported(t *testing.T, b *servedBot, file string) {
	t.Helper()
	get := func(path string) string {
		res, err := http.Get("http://" + b.ops + path)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		out, _ := io.ReadAll(res.Body)
		return string(out)
	}
	ready, metrics := get("/readyz"), get("/metrics")
	rebuilt := strings.Contains(b.log.String(), "index: rebuilt")
	switch {
	case rebuilt && (strings.Contains(ready, "degraded") || !strings.Contains(metrics, "licensebot_index_degraded 0")):
		t.Errorf("after the rebuild: readyz %q, metrics degraded %v", ready, strings.Contains(metrics, "licensebot_index_degraded 1"))
	case !rebuilt && (!strings.Contains(ready, "degraded: index: serving the previous good build") || !strings.Contains(ready, file) ||
		!strings.Contains(metrics, "licensebot_index_degraded 1")):
		t.Errorf("while degraded: readyz %q, metrics degraded %v", ready, strings.Contains(metrics, "licensebot_index_degraded 1"))
	}
}

// An address that cannot be bound is logged with its error, and nothing
// claims to serve.
func TestServeLogsTheBindErrorAndNothingElse(t *testing.T) {
	busy, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer busy.Close()
	pub, _, _ := ed25519.GenerateKey(rand.Reader)
	t.Setenv("DISCORD_PUBLIC_KEY", hex.EncodeToString(pub))
	_, stderr, code := run(t, "serve", "--http", busy.Addr().String(), "--data", indextest.DataDir(t), "--watch", "0")
	if code != 1 || !strings.Contains(stderr, "cannot listen") || !strings.Contains(stderr, busy.Addr().String()) ||
		!strings.Contains(stderr, "address already in use") {
		t.Errorf("exit %d, stderr:\n%s\nwant the bind error", code, stderr)
	}
	if strings.Contains(stderr, "msg=serving") || strings.Contains(stderr, "serving interactions") {
		t.Errorf("claimed to serve:\n%s", stderr)
	}
}

// A gateway whose first connection fails ends serve with status 1 and the
// error, for the supervisor to start it again; nothing running beside the
// bot (the index's repair) holds it up.
func TestServeExitsWhenTheGatewayCannotConnect(t *testing.T) {
	closed, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	api := "http://" + closed.Addr().String() + "/api"
	closed.Close()
	t.Setenv("DISCORD_PUBLIC_KEY", "")
	t.Setenv("DISCORD_TOKEN", "test-token")
	t.Setenv("LICENSEBOT_DISCORD_API", api)
	done := make(chan struct{})
	var (
		stderr string
		code   int
	)
	go func() {
		defer close(done)
		_, stderr, code = run(t, "serve", "--data", indextest.CopyData(t, indextest.DataDir(t)), "--watch", "0",
			"--db", filepath.Join(t.TempDir(), "pins.db"))
	}()
	select {
	case <-done:
	case <-time.After(30 * time.Second):
		t.Fatal("serve kept running after the gateway's first connection failed")
	}
	if code != 1 || !strings.Contains(stderr, "gateway") {
		t.Errorf("exit %d, want 1 and the gateway's error:\n%s", code, stderr)
	}
}

// Shutting down is logged, from the signal to the end, in that order.
func TestServeLogsShutdown(t *testing.T) {
	b := startServeInProcess(t, indextest.DataDir(t))
	b.stop()
	log := b.log.String()
	down, stopped := strings.Index(log, `"msg":"shutting down: finishing the answers in flight"`), strings.Index(log, `"msg":"stopped"`)
	if down < 0 || stopped < 0 || stopped < down {
		t.Errorf("log lacks \"shutting down\" then \"stopped\":\n%s", log)
	}
}

// A pins database damaged while the bot was stopped — its header
// overwritten, random bytes inside it, cut short, a directory in its place
// — and then serve started: serve refused to start, so the bot answered
// nothing for the sake of its pins. Now it serves: every question gets a
// real answer (without a pinned link), the log names the file, /readyz
// says "degraded: pins store: …" and licensebot_pins_store_ok is 0, and
// the damaged file is left exactly as it was, for the operator to restore.
func TestServeSurvivesADamagedPinsStore(t *testing.T) {
	licenses := indextest.Engine(t).Licenses()
	for _, tc := range []struct {
		name   string
		damage func(path string)
	}{
		{"header overwritten", func(path string) {
			f, _ := os.OpenFile(path, os.O_WRONLY, 0)
			f.WriteAt([]byte("not a database!!"), 0)
			f.Close()
		}},
		{"random bytes inside", func(path string) {
			b, _ := os.ReadFile(path)
			rand.Read(b[len(b)/2-2048 : len(b)/2+2048])
			os.WriteFile(path, b, 0o644)
		}},
		{"cut short", func(path string) {
			st, _ := os.Stat(path)
			os.Truncate(path, st.Size()/2)
		}},
		{"a directory", func(path string) {
			os.Remove(path)
			os.Mkdir(path, 0o755)
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			db := filepath.Join(t.TempDir(), "pins.db")
			pinsOn(t, db, 200)
			tc.damage(db)
			before := fileOrDir(t, db)
			b := startServeInProcess(t, indextest.DataDir(t), "--db", db)
			b.askFifty(t, licenses)
			get := func(path string) (int, string) {
				res, err := http.Get("http://" + b.ops + path)
				if err != nil {
					t.Fatal(err)
				}
				defer res.Body.Close()
				out, _ := io.ReadAll(res.Body)
				return res.StatusCode, string(out)
			}
			if code, ready := get("/readyz"); code != http.StatusOK || !strings.Contains(ready, "degraded: pins store: ") {
				t.Errorf("/readyz: %d %q; want ready and the pins store degraded", code, ready)
			}
			if _, metrics := get("/metrics"); !strings.Contains(metrics, "licensebot_pins_store_ok 0") {
				t.Errorf("/metrics does not say licensebot_pins_store_ok 0")
			}
			if !strings.Contains(b.log.String(), db) {
				t.Errorf("the log does not name %s:\n%s", db, b.log)
			}
			b.stop()
			if after := fileOrDir(t, db); after != before {
				t.Errorf("the damaged store was changed: %q before, %q after", before, after)
			}
		})
	}
}

// pinsOn makes a sound SQLite pins store at path with n pins, closed.
func pinsOn(t *testing.T, path string, n int) {
	t.Helper()
	ctx := context.Background()
	s, err := store.OpenSQLite(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for i := range n {
		r := store.Record{GuildID: "3", ChannelID: "4", MessageID: strconv.Itoa(100 + i), License: "llama4",
			Topic: "attribution " + strings.Repeat("x", i%100), PinnedBy: "7", PinnedAt: time.Now()}
		if err := s.Pin(ctx, r); err != nil {
			t.Fatal(err)
		}
	}
}

// fileOrDir is what is at path: the file's bytes, or that it is a directory.
func fileOrDir(t *testing.T, path string) string {
	t.Helper()
	if st, err := os.Stat(path); err == nil && st.IsDir() {
		return "a directory"
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// A SQLite pins store that is sound but cannot be used yet is not served
// around as a damaged one, which only a restart would pick up again: a
// database migrated by a newer licensebot (bot/store/README.md: "refuses
// to start … roll forward, or restore the backup"), and one whose lock
// another process holds past the time serve gives the store, refuse the
// start, naming the store, for the operator to roll forward or the
// supervisor to try again. serve ran without pins on both, pinning refused
// until the next restart.
func TestServeRefusesASoundPinsStoreItCannotUseYet(t *testing.T) {
	defer func(d time.Duration) { pinsStoreTimeout = d }(pinsStoreTimeout)
	pinsStoreTimeout = 2 * time.Second
	for _, tc := range []struct {
		name, want string
		hold       func(t *testing.T, db *sql.DB)
	}{
		{"schema newer than the binary", "database schema is newer than this binary", func(t *testing.T, db *sql.DB) {
			if _, err := db.Exec(`INSERT INTO schema_version (version, applied_at) VALUES (999, 0)`); err != nil {
				t.Fatal(err)
			}
		}},
		{"locked by another process", "no answer within 2s", func(t *testing.T, db *sql.DB) {
			conn, err := db.Conn(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { conn.Close() })
			if _, err := conn.ExecContext(context.Background(), "BEGIN IMMEDIATE"); err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { conn.ExecContext(context.Background(), "ROLLBACK") })
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "pins.db")
			pinsOn(t, path, 3)
			db, err := sql.Open("sqlite", path)
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			tc.hold(t, db)
			// A gateway that cannot connect ends a serve that got past
			// its pins store.
			closed, err := net.Listen("tcp", "127.0.0.1:0")
			if err != nil {
				t.Fatal(err)
			}
			closed.Close()
			t.Setenv("DISCORD_PUBLIC_KEY", "")
			t.Setenv("DISCORD_TOKEN", "test-token")
			t.Setenv("LICENSEBOT_DISCORD_API", "http://"+closed.Addr().String()+"/api")
			_, stderr, code := run(t, "serve", "--data", indextest.DataDir(t), "--watch", "0", "--db", path)
			if code != 1 || !strings.Contains(stderr, "pins store "+path) || !strings.Contains(stderr, tc.want) ||
				strings.Contains(stderr, "serving without pins") {
				t.Errorf("exit %d, stderr:\n%s\nwant the start refused, naming the store and %q", code, stderr, tc.want)
			}
		})
	}
}
