package store

import (
	"context"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"
)

// migrationLockKey is the pg_advisory_xact_lock key licensebot's migrations
// hold; an arbitrary constant ("lbot" in ASCII) that other applications
// sharing the database are unlikely to use.
const migrationLockKey = 0x6c626f74

// OpenPostgres connects to the PostgreSQL database at databaseURL (a
// postgres:// URL or key=value DSN) and migrates it. Several replicas may
// share one database; migrations are serialised with an advisory lock.
func OpenPostgres(ctx context.Context, databaseURL string) (Store, error) {
	cfg, err := pgx.ParseConfig(databaseURL)
	if err != nil {
		// pgx's parse errors can echo the URL; do not leak the password.
		return nil, fmt.Errorf("postgres: invalid %s", EnvDatabaseURL)
	}
	db := stdlib.OpenDB(*cfg)
	db.SetMaxOpenConns(10)
	db.SetMaxIdleConns(10)
	db.SetConnMaxIdleTime(5 * time.Minute)
	s, err := open(ctx, db, dialect{
		name:          "postgres",
		migrationLock: fmt.Sprintf("SELECT pg_advisory_xact_lock(%d)", migrationLockKey),
	})
	if err != nil {
		return nil, err
	}
	return s, nil
}
