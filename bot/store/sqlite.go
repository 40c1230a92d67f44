package store

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	_ "modernc.org/sqlite" // registers the "sqlite" database/sql driver
)

// sqlitePragmas are applied to every connection the pool opens.
//   - WAL lets readers (/pinned, answers) run while a pin is written.
//   - busy_timeout makes a writer wait for the lock instead of failing at
//     once when another connection or process is writing.
//   - synchronous=FULL syncs the WAL on every commit: pins are rare and a
//     committed pin must survive a power cut, not only a process crash.
var sqlitePragmas = []string{
	"journal_mode(WAL)",
	"busy_timeout(10000)",
	"synchronous(FULL)",
}

// OpenSQLite opens (creating if needed) the SQLite database at path and
// migrates it.
func OpenSQLite(ctx context.Context, path string) (Store, error) {
	return openSQLite(ctx, path, sqlitePragmas)
}

// openSQLite is OpenSQLite with the pragmas given (tests add query_only).
func openSQLite(ctx context.Context, path string, pragmas []string) (Store, error) {
	if path == "" {
		return nil, fmt.Errorf("sqlite: empty database path")
	}
	// The driver treats everything after '?' as its own parameters.
	if strings.ContainsAny(path, "?#") {
		return nil, fmt.Errorf("sqlite: database path %q must not contain '?' or '#'", path)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o750); err != nil {
		return nil, fmt.Errorf("sqlite: %w", err)
	}
	q := url.Values{}
	for _, p := range pragmas {
		q.Add("_pragma", p)
	}
	// IMMEDIATE takes the write lock when a transaction begins, so two
	// migrating processes queue on busy_timeout instead of deadlocking on a
	// read-to-write upgrade.
	q.Set("_txlock", "immediate")
	// Switching a new database to WAL takes a lock that busy_timeout does
	// not cover, so processes opening the same new file at once can see
	// SQLITE_BUSY at connect or migrate: retry those for a while.
	dsn := path + "?" + q.Encode()
	// The integrity check's own connection opens the file as a URI with
	// mode=rw: it never creates one where the database was removed. It
	// waits at most a second for a lock (a file cut short under the store
	// holds its readers at the WAL's recovery), so /readyz answers in time.
	checkDSN := "file:" + strings.ReplaceAll(path, "%", "%25") + "?mode=rw&" +
		url.Values{"_pragma": {"busy_timeout(1000)"}}.Encode()
	backoff := 10 * time.Millisecond
	deadline := time.Now().Add(10 * time.Second)
	for {
		db, err := sql.Open("sqlite", dsn)
		if err != nil {
			return nil, fmt.Errorf("sqlite: %w", err)
		}
		s, err := open(ctx, db, dialect{name: "sqlite", integrityCheck: "PRAGMA quick_check", integrityDSN: checkDSN, file: path})
		if err == nil {
			return s, nil
		}
		if !IsBusy(err) || time.Now().After(deadline) {
			return nil, err // a nil Store, not a nil *sqlStore inside one
		}
		select {
		case <-ctx.Done():
			return nil, err
		case <-time.After(backoff):
		}
		backoff = min(2*backoff, 250*time.Millisecond)
	}
}

// isBusy reports whether err is SQLite's "database is locked".
func IsBusy(err error) bool {
	msg := err.Error()
	return strings.Contains(msg, "SQLITE_BUSY") || strings.Contains(msg, "database is locked")
}
