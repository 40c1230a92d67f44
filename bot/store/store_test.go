package store

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// envTestDatabaseURL names a PostgreSQL database the tests may create and
// drop schemas in (.ci/postgres.sh starts one).
const envTestDatabaseURL = "LICENSEBOT_TEST_DATABASE_URL"

// target is one fresh, empty database of one backend. open may be called
// again to reopen the same database, as a restarted bot would.
type target struct {
	backend string // "sqlite" or "postgres"
	// dsn is the SQLite path or the PostgreSQL URL.
	dsn string
	// raw is a database/sql handle on the same database for assertions the
	// Store API cannot make; tests close it.
	raw func(t *testing.T) *sql.DB
}

func (tg target) open(ctx context.Context) (Store, error) {
	if tg.backend == "postgres" {
		return Open(ctx, "", tg.dsn)
	}
	return Open(ctx, tg.dsn, "")
}

func (tg target) mustOpen(t *testing.T) Store {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	s, err := tg.open(ctx)
	if err != nil {
		t.Fatalf("open %s: %v", tg.backend, err)
	}
	return s
}

// backends lists the backends every test runs against. PostgreSQL runs when
// LICENSEBOT_TEST_DATABASE_URL is set; in CI (CI=true) it must be.
var backends = []struct {
	name string
	new  func(t *testing.T) target
}{
	{"sqlite", newSQLiteTarget},
	{"postgres", newPostgresTarget},
}

// forEachBackend runs fn as a subtest against a fresh database of each
// backend.
func forEachBackend(t *testing.T, fn func(t *testing.T, tg target)) {
	for _, b := range backends {
		t.Run(b.name, func(t *testing.T) {
			fn(t, b.new(t))
		})
	}
}

func newSQLiteTarget(t *testing.T) target {
	path := filepath.Join(t.TempDir(), "sub", "licensebot.db")
	return target{
		backend: "sqlite",
		dsn:     path,
		raw: func(t *testing.T) *sql.DB {
			db, err := sql.Open("sqlite", path)
			if err != nil {
				t.Fatal(err)
			}
			return db
		},
	}
}

// newPostgresTarget gives each test its own schema in the test database,
// selected through the search_path connection parameter, and drops it
// afterwards.
func newPostgresTarget(t *testing.T) target {
	base := os.Getenv(envTestDatabaseURL)
	if base == "" {
		if os.Getenv("CI") == "true" {
			t.Fatalf("%s is not set: CI must run the store tests against PostgreSQL (eval \"$(.ci/postgres.sh)\")", envTestDatabaseURL)
		}
		t.Skipf("%s not set; run eval \"$(.ci/postgres.sh)\" to test PostgreSQL", envTestDatabaseURL)
	}
	ctx := context.Background()
	admin, err := pgx.Connect(ctx, base)
	if err != nil {
		t.Fatalf("connect to %s: %v", envTestDatabaseURL, err)
	}
	schema := "lbtest_" + randomHex(t, 6)
	if _, err := admin.Exec(ctx, "CREATE SCHEMA "+schema); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if _, err := admin.Exec(ctx, "DROP SCHEMA "+schema+" CASCADE"); err != nil {
			t.Errorf("drop schema: %v", err)
		}
		_ = admin.Close(ctx)
	})
	u, err := url.Parse(base)
	if err != nil {
		t.Fatalf("%s is not a URL: %v", envTestDatabaseURL, err)
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	dsn := u.String()
	return target{
		backend: "postgres",
		dsn:     dsn,
		raw: func(t *testing.T) *sql.DB {
			db, err := sql.Open("pgx", dsn)
			if err != nil {
				t.Fatal(err)
			}
			return db
		},
	}
}

func randomHex(t *testing.T, n int) string {
	b := make([]byte, n)
	if _, err := rand.Read(b); err != nil {
		t.Fatal(err)
	}
	return hex.EncodeToString(b)
}

var t0 = time.Date(2026, 11, 26, 12, 0, 0, 123456000, time.UTC)

func rec(guild, msg, license, topic string, at time.Time) Record {
	return Record{
		GuildID: guild, ChannelID: "c-" + guild, MessageID: msg,
		License: license, Topic: topic, PinnedBy: "mod-1", PinnedAt: at, State: StatePinned,
	}
}

func TestRoundTrip(t *testing.T) {
	forEachBackend(t, func(t *testing.T, tg target) {
		ctx := context.Background()
		s := tg.mustOpen(t)
		defer s.Close()

		want := Record{
			GuildID: "290926798626357999", ChannelID: "645027906669510667", MessageID: "844397162624450620",
			License: "llama4", Topic: "attribution", PinnedBy: "53908232506183680",
			// Nanoseconds and a non-UTC zone: the store keeps microseconds, UTC.
			PinnedAt: time.Date(2026, 11, 26, 13, 4, 5, 123456789, time.FixedZone("CET", 3600)),
		}
		if err := s.Pin(ctx, want); err != nil {
			t.Fatalf("Pin: %v", err)
		}
		want.PinnedAt = want.PinnedAt.Truncate(time.Microsecond).UTC()
		want.State = StatePinned // the default

		got, err := s.Get(ctx, want.GuildID, want.MessageID)
		if err != nil {
			t.Fatalf("Get: %v", err)
		}
		if *got != want {
			t.Errorf("Get = %+v, want %+v", *got, want)
		}
		got, err = s.Lookup(ctx, want.GuildID, "llama4", "attribution")
		if err != nil {
			t.Fatalf("Lookup: %v", err)
		}
		if *got != want {
			t.Errorf("Lookup = %+v, want %+v", *got, want)
		}

		// Other topics, licenses and guilds do not see the pin.
		for _, q := range [][3]string{
			{want.GuildID, "llama4", "redistribution"},
			{want.GuildID, "gemma", "attribution"},
			{"another-guild", "llama4", "attribution"},
		} {
			if r, err := s.Lookup(ctx, q[0], q[1], q[2]); !errors.Is(err, ErrNotFound) {
				t.Errorf("Lookup%v = %+v, %v; want ErrNotFound", q, r, err)
			}
		}
		if _, err := s.Get(ctx, "another-guild", want.MessageID); !errors.Is(err, ErrNotFound) {
			t.Errorf("Get in another guild: %v, want ErrNotFound", err)
		}

		// A newer pin for the same question becomes the canonical one.
		newer := rec(want.GuildID, "900000000000000001", "llama4", "attribution", want.PinnedAt.Add(time.Hour))
		if err := s.Pin(ctx, newer); err != nil {
			t.Fatal(err)
		}
		got, err = s.Lookup(ctx, want.GuildID, "llama4", "attribution")
		if err != nil || got.MessageID != newer.MessageID {
			t.Errorf("Lookup after a newer pin = %+v, %v; want message %s", got, err, newer.MessageID)
		}
	})
}

func TestPinValidates(t *testing.T) {
	forEachBackend(t, func(t *testing.T, tg target) {
		s := tg.mustOpen(t)
		defer s.Close()
		r := rec("g", "m", "llama4", "", t0)
		if err := s.Pin(context.Background(), r); err == nil {
			t.Error("Pin without a topic succeeded")
		}
		r = rec("g", "m", "llama4", "attribution", time.Time{})
		before := time.Now().Add(-time.Second)
		if err := s.Pin(context.Background(), r); err != nil {
			t.Fatal(err)
		}
		got, err := s.Get(context.Background(), "g", "m")
		if err != nil {
			t.Fatal(err)
		}
		if got.PinnedAt.Before(before) || got.PinnedAt.After(time.Now().Add(time.Second)) {
			t.Errorf("zero PinnedAt stored as %v, want about now", got.PinnedAt)
		}
	})
}

func TestDuplicatePin(t *testing.T) {
	forEachBackend(t, func(t *testing.T, tg target) {
		ctx := context.Background()
		s := tg.mustOpen(t)
		defer s.Close()
		first := rec("g1", "m1", "llama4", "attribution", t0)
		if err := s.Pin(ctx, first); err != nil {
			t.Fatal(err)
		}
		second := first
		second.Topic, second.PinnedBy, second.PinnedAt = "redistribution", "mod-2", t0.Add(time.Minute)
		if err := s.Pin(ctx, second); !errors.Is(err, ErrAlreadyPinned) {
			t.Fatalf("second Pin of the same message: %v, want ErrAlreadyPinned", err)
		}
		got, err := s.Get(ctx, "g1", "m1")
		if err != nil {
			t.Fatal(err)
		}
		if *got != first {
			t.Errorf("duplicate pin changed the record: %+v, want %+v", *got, first)
		}
		if _, total, _ := s.List(ctx, "g1", 0, 10); total != 1 {
			t.Errorf("total after duplicate pin = %d, want 1", total)
		}
	})
}

func TestUnpin(t *testing.T) {
	forEachBackend(t, func(t *testing.T, tg target) {
		ctx := context.Background()
		s := tg.mustOpen(t)
		defer s.Close()
		older := rec("g1", "m-old", "llama4", "attribution", t0)
		newer := rec("g1", "m-new", "llama4", "attribution", t0.Add(time.Hour))
		other := rec("g2", "m-new", "llama4", "attribution", t0) // same id, other guild
		for _, r := range []Record{older, newer, other} {
			if err := s.Pin(ctx, r); err != nil {
				t.Fatal(err)
			}
		}
		if err := s.Unpin(ctx, "g1", "m-new"); err != nil {
			t.Fatalf("Unpin: %v", err)
		}
		if _, err := s.Get(ctx, "g1", "m-new"); !errors.Is(err, ErrNotFound) {
			t.Errorf("Get after Unpin: %v, want ErrNotFound", err)
		}
		// The older pin is canonical again; the other guild is untouched.
		if got, err := s.Lookup(ctx, "g1", "llama4", "attribution"); err != nil || got.MessageID != "m-old" {
			t.Errorf("Lookup after unpinning the newest = %+v, %v; want m-old", got, err)
		}
		if _, err := s.Get(ctx, "g2", "m-new"); err != nil {
			t.Errorf("Unpin in g1 removed g2's pin: %v", err)
		}
		if err := s.Unpin(ctx, "g1", "m-new"); !errors.Is(err, ErrNotFound) {
			t.Errorf("second Unpin: %v, want ErrNotFound", err)
		}
		if err := s.Unpin(ctx, "g1", "m-old"); err != nil {
			t.Fatal(err)
		}
		if _, err := s.Lookup(ctx, "g1", "llama4", "attribution"); !errors.Is(err, ErrNotFound) {
			t.Errorf("Lookup with no pins left: %v, want ErrNotFound", err)
		}
	})
}

func TestListPagination(t *testing.T) {
	forEachBackend(t, func(t *testing.T, tg target) {
		ctx := context.Background()
		s := tg.mustOpen(t)
		defer s.Close()
		const n = 12
		for i := range n {
			if err := s.Pin(ctx, rec("g1", fmt.Sprintf("m%02d", i), "llama4", fmt.Sprintf("topic-%d", i), t0.Add(time.Duration(i)*time.Minute))); err != nil {
				t.Fatal(err)
			}
		}
		// Two pins at the same instant still page deterministically.
		if err := s.Pin(ctx, rec("g1", "m99", "gemma", "x", t0)); err != nil {
			t.Fatal(err)
		}
		for i := range 3 {
			if err := s.Pin(ctx, rec("g2", fmt.Sprintf("other%d", i), "llama4", "attribution", t0)); err != nil {
				t.Fatal(err)
			}
		}

		var all []string
		for offset := 0; ; offset += 5 {
			page, total, err := s.List(ctx, "g1", offset, 5)
			if err != nil {
				t.Fatal(err)
			}
			if total != n+1 {
				t.Fatalf("total = %d, want %d", total, n+1)
			}
			if len(page) == 0 {
				break
			}
			if len(page) > 5 {
				t.Fatalf("page of %d records, limit 5", len(page))
			}
			for _, r := range page {
				if r.GuildID != "g1" {
					t.Fatalf("List(g1) returned a record of %s", r.GuildID)
				}
				all = append(all, r.MessageID)
			}
		}
		want := []string{"m11", "m10", "m09", "m08", "m07", "m06", "m05", "m04", "m03", "m02", "m01", "m99", "m00"}
		if fmt.Sprint(all) != fmt.Sprint(want) {
			t.Errorf("pages newest first = %v, want %v", all, want)
		}

		page, total, err := s.List(ctx, "g1", 100, 5)
		if err != nil || len(page) != 0 || total != n+1 {
			t.Errorf("List past the end = %d records, total %d, %v; want 0, %d, nil", len(page), total, err, n+1)
		}
		page, total, err = s.List(ctx, "empty-guild", 0, 5)
		if err != nil || len(page) != 0 || total != 0 {
			t.Errorf("List of a guild without pins = %v, %d, %v", page, total, err)
		}
		if _, _, err := s.List(ctx, "g1", 0, 0); err == nil {
			t.Error("List with limit 0 succeeded")
		}
	})
}

func TestSurvivesReopen(t *testing.T) {
	forEachBackend(t, func(t *testing.T, tg target) {
		ctx := context.Background()
		s := tg.mustOpen(t)
		want := rec("g1", "m1", "llama4", "attribution", t0)
		if err := s.Pin(ctx, want); err != nil {
			t.Fatal(err)
		}
		if err := s.Close(); err != nil {
			t.Fatal(err)
		}

		s = tg.mustOpen(t)
		defer s.Close()
		got, err := s.Lookup(ctx, "g1", "llama4", "attribution")
		if err != nil {
			t.Fatalf("Lookup after reopen: %v", err)
		}
		if *got != want {
			t.Errorf("after reopen = %+v, want %+v", *got, want)
		}

		// Reopening applied no migration twice.
		db := tg.raw(t)
		defer db.Close()
		var versions, max int
		if err := db.QueryRow(`SELECT COUNT(*), MAX(version) FROM schema_version`).Scan(&versions, &max); err != nil {
			t.Fatal(err)
		}
		if versions != schemaVersion() || max != schemaVersion() {
			t.Errorf("schema_version has %d rows up to %d, want %d", versions, max, schemaVersion())
		}
		// Every statement of a multi-statement migration ran, not only the
		// first (a driver may stop there silently).
		q := `SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' AND name IN ('pins_by_topic', 'pins_by_time')`
		if tg.backend == "postgres" {
			q = `SELECT COUNT(*) FROM pg_indexes WHERE schemaname = current_schema() AND indexname IN ('pins_by_topic', 'pins_by_time')`
		}
		var indexes int
		if err := db.QueryRow(q).Scan(&indexes); err != nil {
			t.Fatal(err)
		}
		if indexes != 2 {
			t.Errorf("%d of the 2 indexes of migration 1 exist", indexes)
		}
	})
}

func TestSchemaTooNew(t *testing.T) {
	forEachBackend(t, func(t *testing.T, tg target) {
		s := tg.mustOpen(t)
		_ = s.Close()
		db := tg.raw(t)
		defer db.Close()
		if _, err := db.Exec(`INSERT INTO schema_version (version, applied_at) VALUES (999, 0)`); err != nil {
			t.Fatal(err)
		}
		s, err := tg.open(context.Background())
		if !errors.Is(err, ErrSchemaTooNew) {
			if s != nil {
				_ = s.Close()
			}
			t.Fatalf("open of a newer schema: %v, want ErrSchemaTooNew", err)
		}
	})
}

// TestConcurrentOpen starts several "replicas" on one fresh database at once:
// migrations must run exactly once and every open must succeed.
func TestConcurrentOpen(t *testing.T) {
	forEachBackend(t, func(t *testing.T, tg target) {
		const n = 6
		var wg sync.WaitGroup
		errs := make(chan error, n)
		for range n {
			wg.Go(func() {
				s, err := tg.open(context.Background())
				if err == nil {
					err = s.Close()
				}
				errs <- err
			})
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			if err != nil {
				t.Errorf("concurrent open: %v", err)
			}
		}
		db := tg.raw(t)
		defer db.Close()
		var versions int
		if err := db.QueryRow(`SELECT COUNT(*) FROM schema_version`).Scan(&versions); err != nil {
			t.Fatal(err)
		}
		if versions != schemaVersion() {
			t.Errorf("schema_version rows = %d, want %d", versions, schemaVersion())
		}
	})
}

// TestConcurrentWriters has two store handles on one database (two
// processes or replicas) each with several goroutines pinning at once.
func TestConcurrentWriters(t *testing.T) {
	forEachBackend(t, func(t *testing.T, tg target) {
		ctx := context.Background()
		stores := []Store{tg.mustOpen(t), tg.mustOpen(t)}
		defer func() {
			for _, s := range stores {
				_ = s.Close()
			}
		}()
		const writers, each = 8, 25
		var wg sync.WaitGroup
		errs := make(chan error, writers*each)
		var raceWins sync.Map
		for w := range writers {
			s := stores[w%len(stores)]
			wg.Go(func() {
				for i := range each {
					r := rec("g1", fmt.Sprintf("w%d-%d", w, i), "llama4", fmt.Sprintf("t%d", i), t0.Add(time.Duration(i)*time.Second))
					if err := s.Pin(ctx, r); err != nil {
						errs <- fmt.Errorf("writer %d pin %d: %w", w, i, err)
					}
					// Every writer also races for the same message.
					err := s.Pin(ctx, rec("g1", fmt.Sprintf("contested-%d", i), "llama4", "attribution", t0))
					switch {
					case err == nil:
						raceWins.Store(fmt.Sprintf("%d/%d", w, i), i)
					case errors.Is(err, ErrAlreadyPinned):
					default:
						errs <- fmt.Errorf("writer %d contested %d: %w", w, i, err)
					}
				}
			})
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			t.Error(err)
		}
		wins := map[int]int{}
		raceWins.Range(func(_, v any) bool { wins[v.(int)]++; return true })
		for i := range each {
			if wins[i] != 1 {
				t.Errorf("contested-%d was pinned by %d writers, want exactly 1", i, wins[i])
			}
		}
		_, total, err := stores[0].List(ctx, "g1", 0, 1)
		if err != nil {
			t.Fatal(err)
		}
		if want := writers*each + each; total != want {
			t.Errorf("total pins = %d, want %d", total, want)
		}
	})
}

// TestSQLitePragmas checks that every pooled connection runs in WAL mode
// with a busy timeout and full sync, which the durability and concurrency
// claims above rest on.
func TestSQLitePragmas(t *testing.T) {
	tg := newSQLiteTarget(t)
	s := tg.mustOpen(t)
	defer s.Close()
	db := s.(*sqlStore).db
	ctx := context.Background()
	// Hold several connections at once so the pool must open new ones.
	conns := make([]*sql.Conn, 3)
	for i := range conns {
		c, err := db.Conn(ctx)
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
		conns[i] = c
	}
	for i, c := range conns {
		var mode string
		var timeout, sync int
		if err := c.QueryRowContext(ctx, `PRAGMA journal_mode`).Scan(&mode); err != nil {
			t.Fatal(err)
		}
		if err := c.QueryRowContext(ctx, `PRAGMA busy_timeout`).Scan(&timeout); err != nil {
			t.Fatal(err)
		}
		if err := c.QueryRowContext(ctx, `PRAGMA synchronous`).Scan(&sync); err != nil {
			t.Fatal(err)
		}
		if mode != "wal" || timeout < 1000 || sync != 2 {
			t.Errorf("connection %d: journal_mode=%s busy_timeout=%d synchronous=%d; want wal, >=1000, 2 (FULL)", i, mode, timeout, sync)
		}
	}
}

func TestOpenPicksBackend(t *testing.T) {
	path := filepath.Join(t.TempDir(), "data", "pins.db")
	s, err := Open(context.Background(), path, "")
	if err != nil {
		t.Fatal(err)
	}
	_ = s.Close()
	if _, err := os.Stat(path); err != nil {
		t.Errorf("Open with a path and no URL did not create the SQLite file: %v", err)
	}
	// A URL wins over the path; a malformed one fails without echoing it.
	_, err = Open(context.Background(), path, "postgres://user:secret@[::1")
	if err == nil || strings.Contains(err.Error(), "secret") {
		t.Errorf("Open with a malformed URL: %v; want an error that does not leak the password", err)
	}
}
