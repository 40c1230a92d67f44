package store

import (
	"context"
	"database/sql"
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// A pin recorded pending is listed but not linked from answers until it is
// confirmed; confirming an unknown pin says so.
func TestPendingPinIsListedNotLinkedUntilConfirmed(t *testing.T) {
	forEachBackend(t, func(t *testing.T, tg target) {
		ctx := context.Background()
		s := tg.mustOpen(t)
		defer s.Close()
		r := rec("g1", "m1", "llama4", "attribution", time.Now())
		r.State = StatePending
		if err := s.Pin(ctx, r); err != nil {
			t.Fatal(err)
		}
		if _, err := s.Lookup(ctx, "g1", "llama4", "attribution"); !errors.Is(err, ErrNotFound) {
			t.Errorf("Lookup of a pending pin: %v; want ErrNotFound", err)
		}
		recs, total, err := s.List(ctx, "g1", 0, 10)
		if err != nil || total != 1 || recs[0].State != StatePending {
			t.Errorf("List = %+v, %d, %v; want the pending pin", recs, total, err)
		}
		if err := s.Confirm(ctx, "g1", "m1"); err != nil {
			t.Fatal(err)
		}
		got, err := s.Lookup(ctx, "g1", "llama4", "attribution")
		if err != nil || got.State != StatePinned || got.MessageID != "m1" {
			t.Errorf("Lookup after Confirm = %+v, %v", got, err)
		}
		if err := s.Confirm(ctx, "g1", "nope"); !errors.Is(err, ErrNotFound) {
			t.Errorf("Confirm of an unknown pin: %v", err)
		}
		r.MessageID, r.State = "m2", "maybe"
		if err := s.Pin(ctx, r); err == nil {
			t.Error("a pin in an unknown state was recorded")
		}
	})
}

// Pins recorded before pins had states were all confirmed: the migration
// keeps them linked.
func TestPinsFromBeforeStatesStayPinned(t *testing.T) {
	path := filepath.Join(t.TempDir(), "old.db")
	s, err := OpenSQLite(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	raw, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	// Back to schema 1, as an older licensebot left it, with one pin.
	for _, q := range []string{
		`DROP TABLE reindex_request`, `DROP TABLE store_check`, `ALTER TABLE pins DROP COLUMN state`, `DELETE FROM schema_version WHERE version > 1`,
		`INSERT INTO pins VALUES ('g1', 'c1', 'm1', 'llama4', 'attribution', 'mod', 1)`,
	} {
		if _, err := raw.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	raw.Close()
	s, err = OpenSQLite(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if r, err := s.Lookup(context.Background(), "g1", "llama4", "attribution"); err != nil || r.State != StatePinned {
		t.Errorf("old pin after migration: %+v, %v", r, err)
	}
}

// A store that cannot be written is refused at open (migrations take the
// write lock first), naming it read-only.
func TestOpenRefusesAReadOnlyStore(t *testing.T) {
	forEachBackend(t, func(t *testing.T, tg target) {
		tg.mustOpen(t).Close() // the schema exists; only writes fail
		ctx := context.Background()
		var err error
		var s Store
		if tg.backend == "sqlite" {
			s, err = openSQLite(ctx, tg.dsn, append(sqlitePragmas[:len(sqlitePragmas):len(sqlitePragmas)], "query_only(1)"))
		} else {
			s, err = OpenPostgres(ctx, tg.dsn+"&default_transaction_read_only=on")
		}
		if err == nil {
			s.Close()
		}
		if err == nil || !strings.Contains(strings.ReplaceAll(err.Error(), "-", ""), "readonly") {
			t.Errorf("open of a read-only store: %v; want it refused as read-only", err)
		}
	})
}

// Check passes on a sound, writable store and names the problem once
// writes fail (a disk gone read-only, lost privileges: here, triggers that
// refuse every write).
func TestCheckFindsAStoreThatCannotBeWritten(t *testing.T) {
	forEachBackend(t, func(t *testing.T, tg target) {
		ctx := context.Background()
		s := tg.mustOpen(t)
		defer s.Close()
		if err := s.Check(ctx); err != nil {
			t.Fatalf("Check of a sound store: %v", err)
		}
		raw := tg.raw(t)
		defer raw.Close()
		refuseWrites(t, raw, tg.backend)
		err := s.Check(ctx)
		if err == nil || !strings.Contains(err.Error(), "not writable") {
			t.Errorf("Check of a store refusing writes: %v; want not writable", err)
		}
		if err := s.Pin(ctx, rec("g1", "m9", "llama4", "attribution", time.Now())); err == nil {
			t.Error("a store refusing writes recorded a pin")
		}
	})
}

// refuseWrites makes every insert and update of pins and store_check fail.
func refuseWrites(t *testing.T, db *sql.DB, backend string) {
	t.Helper()
	var stmts []string
	for _, table := range []string{"pins", "store_check"} {
		for _, op := range []string{"INSERT", "UPDATE"} {
			name := strings.ToLower("refuse_" + op + "_" + table)
			if backend == "sqlite" {
				stmts = append(stmts, "CREATE TRIGGER "+name+" BEFORE "+op+" ON "+table+" BEGIN SELECT RAISE(ABORT, 'writes refused'); END")
			} else {
				stmts = append(stmts, "CREATE TRIGGER "+name+" BEFORE "+op+" ON "+table+" FOR EACH ROW EXECUTE FUNCTION refuse_writes()")
			}
		}
	}
	if backend == "postgres" {
		stmts = append([]string{`CREATE FUNCTION refuse_writes() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'writes refused'; END $$`}, stmts...)
	}
	for _, q := range stmts {
		if _, err := db.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
}

// A SQLite file damaged on disk is found: at open, or by Check.
func TestCheckFindsADamagedSQLiteFile(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "pins.db")
	s, err := OpenSQLite(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	for n := 0; n < 200; n++ {
		r := rec("g1", "m"+strings.Repeat("x", n), "llama4", strings.Repeat("topic ", 20), time.Now())
		if err := s.Pin(ctx, r); err != nil {
			t.Fatal(err)
		}
	}
	s.Close()
	b, err := os.ReadFile(path)
	if err != nil || len(b) < 3*4096 {
		t.Fatalf("database of %d bytes: %v", len(b), err)
	}
	for i := 4096; i < len(b)-4096; i += 7 {
		b[i] ^= 0x5a
	}
	os.WriteFile(path, b, 0o644)
	s, err = OpenSQLite(ctx, path)
	if err == nil {
		defer s.Close()
		err = s.Check(ctx)
	}
	if err == nil || !strings.Contains(err.Error(), "malformed") && !strings.Contains(err.Error(), "integrity") {
		t.Errorf("damaged database: %v; want it found", err)
	}
}

// A SQLite file damaged on disk while the store is open is found by the
// next Check, as it is at open: the check reads the file, not the pages
// the store's connections keep in memory. It read those before, and said
// the store was sound (/readyz "ready", licensebot_pins_store_ok 1, pins
// still written into the damaged file) until serve was restarted, which
// then refused the file.
func TestCheckFindsDamageWhileOpen(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "pins.db")
	s := openPinned(t, path, 200, func(n int) Record {
		return rec("g1", "m"+strings.Repeat("x", n), "llama4", strings.Repeat("topic ", 20), time.Now())
	})
	checkpointIntoFile(t, path)
	if err := s.Check(ctx); err != nil {
		t.Fatalf("Check of a sound store: %v", err)
	}
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	st, _ := f.Stat()
	if st.Size() < 3*4096 {
		t.Fatalf("database of %d bytes", st.Size())
	}
	b := make([]byte, st.Size()-2*4096)
	f.ReadAt(b, 4096)
	for i := range b {
		if i%7 == 0 {
			b[i] ^= 0x5a
		}
	}
	if _, err := f.WriteAt(b, 4096); err != nil {
		t.Fatal(err)
	}
	f.Close()
	err = s.Check(ctx)
	if err == nil || !strings.Contains(err.Error(), "integrity") && !strings.Contains(err.Error(), "malformed") {
		t.Errorf("Check of a file damaged under the open store: %v; want the damage found", err)
	}
	// /readyz gives it one line, "degraded: pins store: …": SQLite's list
	// of every damaged page (a hundred lines here) is cut to its first
	// problem and a count.
	if err != nil && strings.Contains(err.Error(), "\n") {
		t.Errorf("the damage is reported over %d lines:\n%v", strings.Count(err.Error(), "\n")+1, err)
	}
}

// Once Check has found the SQLite file damaged, the store writes nothing
// more to it until a check passes again: /readyz says "pinning is refused
// until it is fixed", and a write into a damaged file can spread the
// damage (here the free-page list names a page of live pins, which the
// next page SQLite allocates would overwrite). Pins went on being written
// (40 of 40 against serve, /readyz degraded all along). Reads go on.
func TestNoWritesToAStoreFoundDamaged(t *testing.T) {
	ctx := context.Background()
	s := storeFoundDamaged(t)
	if err := s.Pin(ctx, rec("g1", "new", "llama4", "attribution", t0)); err == nil {
		t.Error("a pin was written into the store Check found damaged")
	}
	if _, err := s.Get(ctx, "g1", "m001"); err != nil {
		t.Errorf("a read of the damaged store: %v; reads go on", err)
	}
}

// storeFoundDamaged is an open SQLite store of pins whose file was damaged
// under it (its free list names a live page of pins), which Check found.
func storeFoundDamaged(t *testing.T) Store {
	t.Helper()
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "pins.db")
	s := openPinned(t, path, 300, func(n int) Record {
		return rec("g1", fmt.Sprintf("m%03d", n), "llama4", "topic "+strings.Repeat("x", 100), t0)
	})
	for n := 0; n < 300; n += 3 {
		if err := s.Unpin(ctx, "g1", fmt.Sprintf("m%03d", n)); err != nil {
			t.Fatal(err)
		}
	}
	raw, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	var root uint32
	if err := raw.QueryRow("SELECT rootpage FROM sqlite_master WHERE name = 'pins'").Scan(&root); err != nil {
		t.Fatal(err)
	}
	raw.Close()
	checkpointIntoFile(t, path)
	if err := s.Check(ctx); err != nil {
		t.Fatalf("Check of a sound store: %v", err)
	}
	listLivePageAsFree(t, path, root)
	if err := s.Check(ctx); err == nil {
		t.Fatal("Check of a store whose free list names a live page: nil; want it found")
	}
	return s
}

// listLivePageAsFree damages the SQLite file at path: its first free-list
// trunk page gets live page as a leaf.
func listLivePageAsFree(t *testing.T, path string, live uint32) {
	t.Helper()
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	hdr := make([]byte, 40)
	f.ReadAt(hdr, 0)
	pageSize := int64(binary.BigEndian.Uint16(hdr[16:18]))
	trunk, free := binary.BigEndian.Uint32(hdr[32:36]), binary.BigEndian.Uint32(hdr[36:40])
	if trunk == 0 {
		t.Fatal("no free pages to damage the list of")
	}
	at := int64(trunk-1) * pageSize
	head := make([]byte, 8)
	f.ReadAt(head, at)
	leaves := binary.BigEndian.Uint32(head[4:8])
	binary.BigEndian.PutUint32(head[4:8], leaves+1)
	leaf := binary.BigEndian.AppendUint32(nil, live)
	binary.BigEndian.PutUint32(hdr[36:40], free+1)
	for _, w := range []struct {
		b  []byte
		at int64
	}{{head, at}, {leaf, at + 8 + 4*int64(leaves)}, {hdr[36:40], 36}} {
		if _, err := f.WriteAt(w.b, w.at); err != nil {
			t.Fatal(err)
		}
	}
}

// A SQLite file removed while the store is open (an operator's mistake, a
// cleanup gone wrong) is found by Check, which creates nothing in its
// place, and no pin is written any more: the open store writes into the
// removed file, whose pins go with the process. Check opened the path
// afresh and so created an empty database there, said the store was sound,
// and the next start migrated that empty file: every pin lost.
func TestCheckFindsTheFileRemoved(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "pins.db")
	s := openPinned(t, path, 1, func(int) Record { return rec("g1", "m1", "llama4", "attribution", t0) })
	for _, suffix := range []string{"", "-wal", "-shm"} {
		os.Remove(path + suffix)
	}
	if err := s.Check(ctx); err == nil {
		t.Error("Check of a store whose file was removed: nil; want it found")
	}
	if _, err := os.Stat(path); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("Check left a file where the database was removed: %v", err)
	}
	if err := s.Pin(ctx, rec("g1", "m2", "llama4", "attribution", t0)); err == nil {
		t.Error("a pin was written into the removed file")
	}
}

// A SQLite file cut to nothing under the open store, its pins gone from
// disk: Check says so, within the time its context gives it, as /readyz
// needs (it gives 2 s), and no pin is written any more. Its own connection
// waited out the store's 10-second busy timeout on the file's lock, so
// /readyz hung past the ops server's write timeout and answered nothing.
func TestCheckOfAFileCutToNothing(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "pins.db")
	s := openPinned(t, path, 50, func(n int) Record { return rec("g1", fmt.Sprintf("m%d", n), "llama4", "attribution", t0) })
	checkpointIntoFile(t, path)
	if err := s.Check(ctx); err != nil {
		t.Fatalf("Check of a sound store: %v", err)
	}
	if err := os.Truncate(path, 0); err != nil {
		t.Fatal(err)
	}
	cctx, cancel := context.WithTimeout(ctx, 2*time.Second)
	defer cancel()
	start := time.Now()
	err := s.Check(cctx)
	if took := time.Since(start); took > 3*time.Second {
		t.Errorf("Check took %v (%v); want at most its context's 2 s", took.Round(time.Millisecond), err)
	}
	if err == nil {
		t.Error("Check of a store whose file was cut to nothing: nil; want it found")
	}
	if err := s.Pin(ctx, rec("g1", "new", "llama4", "attribution", t0)); err == nil {
		t.Error("a pin was written into the file cut to nothing")
	}
}

// The reindex request is a write too: once Check has found the SQLite
// file damaged, a /reindex or SIGHUP records nothing in it (the rebuild
// itself goes on, as when the request fails for any other reason).
func TestNoReindexRequestIntoAStoreFoundDamaged(t *testing.T) {
	ctx := context.Background()
	s := storeFoundDamaged(t).(Replicas)
	if _, err := s.RequestReindex(ctx, "2026.12.1", "/reindex"); err == nil {
		t.Error("a reindex request was written into the store Check found damaged")
	}
	if _, err := s.LatestReindex(ctx); err != nil {
		t.Errorf("a read of the damaged store: %v; reads go on", err)
	}
}

// A SQLite file replaced under the open store — restored from a backup as
// bot/store/README.md says (the -wal and -shm files deleted, the backup
// put in its place), but while serve runs — is found by Check:
// the store's connections keep writing into the file they opened, now
// unlinked, whose pins go with the process. Check opened the path afresh,
// found the backup sound, and said so; pins were written, and lost at the
// next start. Only a restart opens the restored file.
func TestCheckFindsTheFileReplaced(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	path := filepath.Join(dir, "pins.db")
	s := openPinned(t, path, 1, func(int) Record { return rec("g1", "m1", "llama4", "attribution", t0) })
	backup := filepath.Join(dir, "backup.db")
	raw, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := raw.Exec("VACUUM INTO '" + backup + "'"); err != nil {
		t.Fatal(err)
	}
	raw.Close()
	if err := s.Check(ctx); err != nil {
		t.Fatalf("Check of a sound store: %v", err)
	}
	for _, suffix := range []string{"-wal", "-shm"} {
		os.Remove(path + suffix)
	}
	if err := os.Rename(backup, path); err != nil {
		t.Fatal(err)
	}
	if err := s.Check(ctx); err == nil {
		t.Error("Check of a store whose file was replaced: nil; want it found")
	}
	if err := s.Pin(ctx, rec("g1", "m2", "llama4", "attribution", t0)); err == nil {
		t.Error("a pin was written into the file replaced under the store")
	}
}

// checkpointIntoFile moves the pins the WAL holds into the SQLite file at
// path itself, so that damage to the file is damage to them.
func checkpointIntoFile(t *testing.T, path string) {
	t.Helper()
	raw, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	if _, err := raw.Exec("PRAGMA wal_checkpoint(TRUNCATE)"); err != nil {
		t.Fatal(err)
	}
}

// openPinned opens a SQLite store at path, closed when the test ends, with
// n pins made by pin.
func openPinned(t *testing.T, path string, n int, pin func(n int) Record) Store {
	t.Helper()
	s, err := OpenSQLite(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	for i := range n {
		if err := s.Pin(context.Background(), pin(i)); err != nil {
			t.Fatal(err)
		}
	}
	return s
}
