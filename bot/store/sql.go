package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"strings"
	"sync/atomic"
	"time"
)

// dialect is what differs between the backends; everything else, queries
// included, is shared so the two cannot drift apart.
type dialect struct {
	name string
	// migrationLock is run first in every migration transaction, to
	// serialise replicas that start at the same time. SQLite needs none: its
	// transactions begin IMMEDIATE, which takes the write lock.
	migrationLock string
	// integrityCheck is the backend's own check of its files, returning
	// "ok" when sound; "" when it has none to run (PostgreSQL checks its
	// pages itself).
	integrityCheck string
	// integrityDSN, when set, is opened afresh for each integrity check:
	// a connection of the pool checks the pages it keeps in memory, and
	// would call a file damaged under it sound (SQLite).
	integrityDSN string
	// file, when set, is the path of the database's file: Check fails
	// when the path no longer names the file the pool opened (SQLite).
	file string
}

// sqlStore implements Store over database/sql for both backends.
type sqlStore struct {
	db *sql.DB
	d  dialect
	// damaged is the integrity check's last failure, nil once one passes:
	// while set, nothing more is written into the damaged files.
	damaged atomic.Pointer[error]
	// opened is d.file as the pool opened it: a file removed or replaced
	// under the store (a backup moved into place while serving) leaves the
	// pool writing into the unlinked one, whose pins go with the process.
	opened os.FileInfo
}

var _ Store = (*sqlStore)(nil)

// open wraps db, migrates it and closes it again on failure.
func open(ctx context.Context, db *sql.DB, d dialect) (*sqlStore, error) {
	if err := db.PingContext(ctx); err != nil {
		_ = db.Close()
		return nil, fmt.Errorf("%s: connect: %w", d.name, err)
	}
	if err := migrate(ctx, db, d); err != nil {
		_ = db.Close()
		return nil, fmt.Errorf("%s: %w", d.name, err)
	}
	s := &sqlStore{db: db, d: d}
	if d.file != "" {
		st, err := os.Stat(d.file)
		if err != nil {
			_ = db.Close()
			return nil, fmt.Errorf("%s: %w", d.name, err)
		}
		s.opened = st
	}
	return s, nil
}

const recordColumns = `guild_id, channel_id, message_id, license, topic, pinned_by, pinned_at, state`

func (s *sqlStore) Pin(ctx context.Context, r Record) error {
	if r.GuildID == "" || r.ChannelID == "" || r.MessageID == "" || r.License == "" || r.Topic == "" {
		return fmt.Errorf("store: pin: guild, channel, message, license and topic are required")
	}
	if r.PinnedAt.IsZero() {
		r.PinnedAt = time.Now()
	}
	if r.State == "" {
		r.State = StatePinned
	}
	if r.State != StatePinned && r.State != StatePending {
		return fmt.Errorf("store: pin: unknown state %q", r.State)
	}
	// ON CONFLICT DO NOTHING instead of catching a constraint error: it is
	// the same in both dialects and keeps a failed insert from aborting a
	// PostgreSQL transaction.
	return s.execOne(ctx, "pin", ErrAlreadyPinned, `INSERT INTO pins (`+recordColumns+`)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
		ON CONFLICT (guild_id, message_id) DO NOTHING`,
		r.GuildID, r.ChannelID, r.MessageID, r.License, r.Topic, r.PinnedBy, r.PinnedAt.UnixMicro(), r.State)
}

func (s *sqlStore) Confirm(ctx context.Context, guildID, messageID string) error {
	return s.execOne(ctx, "confirm", ErrNotFound, `UPDATE pins SET state = $1 WHERE guild_id = $2 AND message_id = $3`,
		StatePinned, guildID, messageID)
}

func (s *sqlStore) Unpin(ctx context.Context, guildID, messageID string) error {
	return s.execOne(ctx, "unpin", ErrNotFound, `DELETE FROM pins WHERE guild_id = $1 AND message_id = $2`, guildID, messageID)
}

// execOne runs a statement that changes one pin, naming op in its errors,
// and returns none when it changed no row.
func (s *sqlStore) execOne(ctx context.Context, op string, none error, query string, args ...any) error {
	if err := s.refuseIfDamaged(op); err != nil {
		return err
	}
	res, err := s.db.ExecContext(ctx, query, args...)
	if err != nil {
		return fmt.Errorf("store: %s: %w", op, err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return fmt.Errorf("store: %s: %w", op, err)
	}
	if n == 0 {
		return none
	}
	return nil
}

// refuseIfDamaged is the error every write (op) gets while Check finds
// the database damaged, else nil.
func (s *sqlStore) refuseIfDamaged(op string) error {
	if damaged := s.damaged.Load(); damaged != nil {
		return fmt.Errorf("store: %s refused until the database is restored: %w", op, *damaged)
	}
	return nil
}

func (s *sqlStore) Get(ctx context.Context, guildID, messageID string) (*Record, error) {
	row := s.db.QueryRowContext(ctx, `SELECT `+recordColumns+` FROM pins
		WHERE guild_id = $1 AND message_id = $2`, guildID, messageID)
	return scanOne(row, "get")
}

func (s *sqlStore) Lookup(ctx context.Context, guildID, license, topic string) (*Record, error) {
	row := s.db.QueryRowContext(ctx, `SELECT `+recordColumns+` FROM pins
		WHERE guild_id = $1 AND license = $2 AND topic = $3 AND state = $4
		ORDER BY pinned_at DESC, message_id DESC LIMIT 1`, guildID, license, topic, StatePinned)
	return scanOne(row, "lookup")
}

func (s *sqlStore) List(ctx context.Context, guildID string, offset, limit int) ([]Record, int, error) {
	if offset < 0 {
		offset = 0
	}
	if limit <= 0 {
		return nil, 0, fmt.Errorf("store: list: limit must be positive, got %d", limit)
	}
	var total int
	if err := s.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM pins WHERE guild_id = $1`, guildID).Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("store: list: count: %w", err)
	}
	rows, err := s.db.QueryContext(ctx, `SELECT `+recordColumns+` FROM pins
		WHERE guild_id = $1
		ORDER BY pinned_at DESC, message_id DESC
		LIMIT $2 OFFSET $3`, guildID, limit, offset)
	if err != nil {
		return nil, 0, fmt.Errorf("store: list: %w", err)
	}
	defer rows.Close()
	var out []Record
	for rows.Next() {
		r, err := scan(rows)
		if err != nil {
			return nil, 0, fmt.Errorf("store: list: %w", err)
		}
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, 0, fmt.Errorf("store: list: %w", err)
	}
	return out, total, nil
}

func (s *sqlStore) Check(ctx context.Context) error {
	if err := s.checkFile(ctx); err != nil {
		err = fmt.Errorf("store: %s %w", s.d.name, err)
		if s.d.integrityDSN != "" && ctx.Err() == nil && !IsBusy(err) {
			s.damaged.Store(&err)
		}
		return err
	}
	s.damaged.Store(nil)
	if _, err := s.db.ExecContext(ctx, `INSERT INTO store_check (id, checked_at) VALUES (1, $1)
		ON CONFLICT (id) DO UPDATE SET checked_at = excluded.checked_at`, time.Now().UnixMicro()); err != nil {
		return fmt.Errorf("store: %s is not writable: %w", s.d.name, err)
	}
	return nil
}

// checkFile runs the dialect's integrity check, then reads pins, on a
// connection of its own when the dialect says so: the file as it is on
// disk — damaged, cut short, removed — not the pages a connection of the
// pool keeps in memory. First, where the dialect names its file, the path
// must still name the file the pool opened: a sound file moved into its
// place passes the check, but the pool writes into the old one.
func (s *sqlStore) checkFile(ctx context.Context) error {
	if s.opened != nil {
		st, err := os.Stat(s.d.file)
		if err != nil {
			return fmt.Errorf("integrity check: %w", err)
		}
		if !os.SameFile(st, s.opened) {
			return fmt.Errorf("integrity check: %s is no longer the file this process opened (replaced while serving): restart to open it", s.d.file)
		}
	}
	db := s.db
	if s.d.integrityDSN != "" {
		fresh, err := sql.Open(s.d.name, s.d.integrityDSN)
		if err != nil {
			return fmt.Errorf("integrity check: %w", err)
		}
		defer fresh.Close()
		db = fresh
	}
	if q := s.d.integrityCheck; q != "" {
		var result string
		if err := db.QueryRowContext(ctx, q).Scan(&result); err != nil {
			return fmt.Errorf("integrity check: %w", err)
		}
		if result != "ok" {
			return fmt.Errorf("integrity check: %s", firstProblem(result))
		}
	}
	var n int
	if err := db.QueryRowContext(ctx, `SELECT COUNT(*) FROM pins`).Scan(&n); err != nil {
		return fmt.Errorf("read pins: %w", err)
	}
	return nil
}

// firstProblem is an integrity check's report on one line: SQLite lists
// every damaged page (up to a hundred lines, under "*** in database main
// ***"), which /readyz and the logs give a line each.
func firstProblem(result string) string {
	lines := strings.Split(strings.TrimSpace(result), "\n")
	if len(lines) > 1 && strings.HasPrefix(lines[0], "***") {
		lines = lines[1:]
	}
	if len(lines) == 1 {
		return lines[0]
	}
	return fmt.Sprintf("%s (and %d more problems)", lines[0], len(lines)-1)
}

func (s *sqlStore) Close() error { return s.db.Close() }

type scanner interface{ Scan(dest ...any) error }

func scan(sc scanner) (Record, error) {
	var r Record
	var at int64
	err := sc.Scan(&r.GuildID, &r.ChannelID, &r.MessageID, &r.License, &r.Topic, &r.PinnedBy, &at, &r.State)
	r.PinnedAt = time.UnixMicro(at).UTC()
	return r, err
}

func scanOne(row *sql.Row, op string) (*Record, error) {
	r, err := scan(row)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, ErrNotFound
	}
	if err != nil {
		return nil, fmt.Errorf("store: %s: %w", op, err)
	}
	return &r, nil
}
