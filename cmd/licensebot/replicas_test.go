package main

import (
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/licensebot/licensebot/bot/bottest"
	"github.com/licensebot/licensebot/bot/store"
	"github.com/licensebot/licensebot/corpus"
	"github.com/licensebot/licensebot/corpus/corpustest"
	"github.com/licensebot/licensebot/index"
	"github.com/licensebot/licensebot/index/indextest"
)

// runMainEnv makes the test binary run licensebot itself (TestMain), so a
// test can start real `licensebot serve` processes without building one.
const runMainEnv = "LICENSEBOT_TEST_RUN_MAIN"

// Two `serve` processes sharing one store: SIGHUP on one rebuilds it, and
// the other follows within its watch interval; each reports on /readyz the
// corpus and the reindex generation it serves. Against SQLite (a file both
// share) and, when LICENSEBOT_TEST_DATABASE_URL is set, PostgreSQL.
func TestReplicasReindexTogether(t *testing.T) {
	t.Parallel()
	for _, backend := range []string{"sqlite", "postgres"} {
		t.Run(backend, func(t *testing.T) {
			t.Parallel()
			env := sharedStoreEnv(t, backend)
			small := indextest.SmallPaths(t)
			a := startServe(t, small, env)
			b := startServe(t, small, env)
			before := map[*replica]string{a: a.waitReady(t, "reindex generation 0"), b: b.waitReady(t, "reindex generation 0")}
			if err := a.cmd.Process.Signal(syscall.SIGHUP); err != nil {
				t.Fatal(err)
			}
			for _, r := range []*replica{a, b} {
				after := r.waitReady(t, "reindex generation 1")
				if !strings.Contains(after, "corpus "+small.Version()) {
					t.Errorf("%s: /readyz does not name the corpus %s:\n%s", r.name, small.Version(), after)
				}
				if line(after, "index ") == line(before[r], "index ") {
					t.Errorf("%s reports generation 1 but still serves %s", r.name, line(after, "index "))
				}
			}
		})
	}
}

// sharedStoreEnv is the environment pointing both replicas at one store: a
// SQLite file, or a fresh schema of the test PostgreSQL database.
func sharedStoreEnv(t *testing.T, backend string) []string {
	if backend == "sqlite" {
		return []string{"LICENSEBOT_DB=" + filepath.Join(t.TempDir(), "pins.db")}
	}
	base := os.Getenv("LICENSEBOT_TEST_DATABASE_URL")
	if base == "" {
		if os.Getenv("CI") == "true" {
			t.Fatal("LICENSEBOT_TEST_DATABASE_URL is not set: CI runs the replica test against PostgreSQL (eval \"$(.ci/postgres.sh)\")")
		}
		t.Skip("LICENSEBOT_TEST_DATABASE_URL not set; eval \"$(.ci/postgres.sh)\" to run against PostgreSQL")
	}
	ctx := context.Background()
	admin, err := pgx.Connect(ctx, base)
	if err != nil {
		t.Fatal(err)
	}
	schema := fmt.Sprintf("lbreplicas_%d", time.Now().UnixNano())
	if _, err := admin.Exec(ctx, "CREATE SCHEMA "+schema); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		admin.Exec(ctx, "DROP SCHEMA "+schema+" CASCADE")
		admin.Close(ctx)
	})
	u, err := url.Parse(base)
	if err != nil {
		t.Fatal(err)
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return []string{"LICENSEBOT_DATABASE_URL=" + u.String()}
}

// replica is one `licensebot serve --http` process.
type replica struct {
	name string
	addr string // the interactions port
	ops  string // the ops address, where /readyz is
	cmd  *exec.Cmd
	out  *bottest.LogBuffer
}

// startServe starts a replica with a data directory of its own (the small
// corpus, built), watching every 100ms; it is stopped when the test ends.
func startServe(t *testing.T, small corpus.Paths, env []string) *replica {
	t.Helper()
	data := t.TempDir()
	texts := filepath.Join(data, "texts")
	if err := os.CopyFS(texts, os.DirFS(small.Texts)); err != nil {
		t.Fatal(err)
	}
	if _, err := index.Build(context.Background(), corpus.Paths{Dir: small.Dir, Texts: texts}, data); err != nil {
		t.Fatal(err)
	}
	pub, _, _ := ed25519.GenerateKey(rand.Reader)
	r := &replica{name: filepath.Base(data), addr: freeAddr(t), ops: freeAddr(t), out: &bottest.LogBuffer{}}
	r.cmd = exec.Command(os.Args[0], "serve", "--http", r.addr, "--metrics", r.ops, "--data", data, "--corpus", small.Dir, "--watch", "100ms")
	r.cmd.Env = append(os.Environ(), append(env, runMainEnv+"=1", "DISCORD_PUBLIC_KEY="+hex.EncodeToString(pub), "DISCORD_TOKEN=")...)
	r.cmd.Stdout, r.cmd.Stderr = r.out, r.out
	if err := r.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		r.cmd.Process.Signal(syscall.SIGTERM)
		r.cmd.Wait()
		if t.Failed() {
			t.Logf("%s (%s) logged:\n%s", r.name, r.addr, r.out.String())
		}
	})
	return r
}

// waitReady polls /readyz until it answers 200 with want in its body, and
// returns the body; it gives up after a minute (a stuck replica, not a
// slow one: the watch interval is 100ms).
func (r *replica) waitReady(t *testing.T, want string) string {
	t.Helper()
	deadline := time.Now().Add(time.Minute)
	var last string
	for time.Now().Before(deadline) {
		resp, err := http.Get("http://" + r.ops + "/readyz")
		if err == nil {
			b, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			last = string(b)
			if resp.StatusCode == http.StatusOK && strings.Contains(last, want) {
				return last
			}
		}
		if r.cmd.ProcessState != nil {
			break
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatalf("%s never reported %q; last /readyz:\n%s", r.name, want, last)
	return ""
}

func line(body, prefix string) string {
	for _, l := range strings.Split(body, "\n") {
		if strings.HasPrefix(l, prefix) {
			return l
		}
	}
	return ""
}

func freeAddr(t *testing.T) string {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().String()
}

// A SIGHUP that arrives while serve is still starting (here building its
// index on a fresh data directory) does not end the process, as SIGHUP's
// default action would: serve starts, then rebuilds as it was asked.
func TestServeSurvivesSIGHUPWhileStarting(t *testing.T) {
	t.Parallel()
	data := t.TempDir()
	if err := os.Symlink(corpustest.TextsDir(t), filepath.Join(data, "texts")); err != nil {
		t.Fatal(err)
	}
	pub, _, _ := ed25519.GenerateKey(rand.Reader)
	r := &replica{name: "starting", addr: freeAddr(t), ops: freeAddr(t), out: &bottest.LogBuffer{}}
	r.cmd = exec.Command(os.Args[0], "serve", "--http", r.addr, "--metrics", r.ops, "--data", data,
		"--corpus", corpustest.CorpusDir(t), "--watch", "0")
	r.cmd.Env = append(os.Environ(), runMainEnv+"=1", "DISCORD_PUBLIC_KEY="+hex.EncodeToString(pub), "DISCORD_TOKEN=")
	r.cmd.Stdout, r.cmd.Stderr = r.out, r.out
	if err := r.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() { exited <- r.cmd.Wait() }()
	t.Cleanup(func() {
		r.cmd.Process.Signal(syscall.SIGTERM)
		<-exited
	})
	for !strings.Contains(r.out.String(), "no usable index; building one") {
		select {
		case err := <-exited:
			t.Fatalf("serve ended before building its index: %v\n%s", err, r.out)
		case <-time.After(10 * time.Millisecond):
		}
	}
	if err := r.cmd.Process.Signal(syscall.SIGHUP); err != nil {
		t.Fatal(err)
	}
	// A bound on liveness, not a speed target: under the race detector on
	// a loaded machine one build took a minute, and the rebuild the
	// SIGHUP asked for another (CI, session 53).
	deadline := time.After(5 * time.Minute)
	for {
		select {
		case err := <-exited:
			exited <- err
			t.Fatalf("serve ended on a SIGHUP while starting: %v\n%s", err, r.out)
		case <-deadline:
			t.Fatalf("serve never rebuilt on the SIGHUP it got while starting:\n%s", r.out)
		case <-time.After(50 * time.Millisecond):
		}
		if out := r.out.String(); strings.Contains(out, "reindexed on SIGHUP") {
			// The operator sees the rebuild start, not only end.
			if start := strings.Index(out, "reindexing on SIGHUP"); start < 0 || start > strings.Index(out, "reindexed on SIGHUP") {
				t.Errorf("no line said the rebuild began before it ended:\n%s", out)
			}
			return
		}
	}
}

// requestedReindex is a store of replicas' reindex requests holding one.
type requestedReindex struct{ latest store.Reindex }

func (s *requestedReindex) RequestReindex(context.Context, string, string) (store.Reindex, error) {
	s.latest.Generation++
	return s.latest, nil
}

func (s *requestedReindex) LatestReindex(context.Context) (store.Reindex, error) {
	return s.latest, nil
}

// A replica whose rebuild fails when another asked for a reindex (its
// corpus broken, its disk full) keeps serving and tries that request
// again a minute later, not at every tick of its watch: a cause a
// rebuild does not mend would cost a whole build every few seconds. A
// newer request is tried at once.
func TestFollowingReplicaWaitsBeforeRetryingAFailedReindex(t *testing.T) {
	t.Parallel()
	eng, err := index.Open(indextest.CopyData(t, indextest.DataDir(t)))
	if err != nil {
		t.Fatal(err)
	}
	defer eng.Close()
	var logged strings.Builder
	shared := &requestedReindex{store.Reindex{Generation: 1, Corpus: "x", By: "SIGHUP"}}
	r := &replicaSync{eng: eng, shared: shared, paths: corpus.Paths{Dir: t.TempDir(), Texts: t.TempDir()},
		log: slog.New(slog.NewTextHandler(&logged, nil))}
	failures := func() int { return strings.Count(logged.String(), "reindex asked by another replica failed") }
	for range 3 { // three ticks of the watch
		r.catchUp(context.Background())
	}
	if n := failures(); n != 1 {
		t.Fatalf("%d rebuilds tried in three ticks; want 1 until a minute has passed:\n%s", n, logged.String())
	}
	r.failedAt = r.failedAt.Add(-followRetry)
	r.catchUp(context.Background())
	if n := failures(); n != 2 {
		t.Errorf("%d rebuilds tried; want the request tried again a minute later", n)
	}
	shared.latest.Generation++
	r.catchUp(context.Background())
	if n := failures(); n != 3 {
		t.Errorf("%d rebuilds tried; want a newer request tried at once", n)
	}
	if got := eng.Stats().Clauses; got == 0 {
		t.Error("the replica stopped serving its index")
	}
}
