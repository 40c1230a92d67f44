package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

// migrations are applied in order, each in its own transaction together
// with the schema_version row that records it, so a crash leaves the schema
// either before or after a step, never halfway. The SQL is the common subset
// of SQLite and PostgreSQL so both backends have the same schema. Append
// only: never edit a migration that has shipped.
var migrations = []string{
	1: `CREATE TABLE pins (
		guild_id   TEXT   NOT NULL,
		channel_id TEXT   NOT NULL,
		message_id TEXT   NOT NULL,
		license    TEXT   NOT NULL,
		topic      TEXT   NOT NULL,
		pinned_by  TEXT   NOT NULL,
		pinned_at  BIGINT NOT NULL, -- Unix microseconds, UTC
		PRIMARY KEY (guild_id, message_id)
	);
	CREATE INDEX pins_by_topic ON pins (guild_id, license, topic, pinned_at);
	CREATE INDEX pins_by_time ON pins (guild_id, pinned_at);`,
	// Pins are recorded pending before Discord's pin and confirmed after;
	// rows from before this step were all confirmed. store_check holds the
	// one row Check writes to prove the database writable.
	2: `ALTER TABLE pins ADD COLUMN state TEXT NOT NULL DEFAULT 'pinned';
	CREATE TABLE store_check (
		id         INTEGER PRIMARY KEY,
		checked_at BIGINT  NOT NULL
	);`,
	3: migrationReindex, // replicas.go
}

// schemaVersion is the version a fully migrated database has.
func schemaVersion() int { return len(migrations) - 1 }

// migrate brings the database up to schemaVersion. The dialect's
// migrationLock runs first inside each transaction so that replicas starting
// at the same time do not migrate twice.
func migrate(ctx context.Context, db *sql.DB, d dialect) error {
	for {
		done, err := migrateStep(ctx, db, d)
		if err != nil {
			return err
		}
		if done {
			return nil
		}
	}
}

// migrateStep applies the next pending migration, if any, and reports
// whether the schema is current.
func migrateStep(ctx context.Context, db *sql.DB, d dialect) (done bool, err error) {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return false, fmt.Errorf("migrate: begin: %w", err)
	}
	defer func() {
		if err != nil {
			_ = tx.Rollback()
		}
	}()
	if d.migrationLock != "" {
		if _, err = tx.ExecContext(ctx, d.migrationLock); err != nil {
			return false, fmt.Errorf("migrate: lock: %w", err)
		}
	}
	if _, err = tx.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_version (
		version    INTEGER PRIMARY KEY,
		applied_at BIGINT  NOT NULL
	)`); err != nil {
		return false, fmt.Errorf("migrate: schema_version: %w", err)
	}
	var current int
	if err = tx.QueryRowContext(ctx, `SELECT COALESCE(MAX(version), 0) FROM schema_version`).Scan(&current); err != nil {
		return false, fmt.Errorf("migrate: read version: %w", err)
	}
	if current > schemaVersion() {
		err = fmt.Errorf("%w: database at version %d, this binary knows %d", ErrSchemaTooNew, current, schemaVersion())
		return false, err
	}
	if current == schemaVersion() {
		return true, tx.Commit()
	}
	next := current + 1
	// PostgreSQL runs a multi-statement string as one simple query; SQLite's
	// driver runs each statement in turn. Both stay inside tx.
	if _, err = tx.ExecContext(ctx, migrations[next]); err != nil {
		return false, fmt.Errorf("migrate: version %d: %w", next, err)
	}
	if _, err = tx.ExecContext(ctx, `INSERT INTO schema_version (version, applied_at) VALUES ($1, $2)`,
		next, time.Now().UnixMicro()); err != nil {
		return false, fmt.Errorf("migrate: record version %d: %w", next, err)
	}
	if err = tx.Commit(); err != nil {
		return false, fmt.Errorf("migrate: commit version %d: %w", next, err)
	}
	return false, nil
}
