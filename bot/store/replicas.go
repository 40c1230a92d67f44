package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// Reindex is the latest request, recorded in the store the replicas share,
// that every replica rebuild its index: one replica rebuilt (on /reindex
// or SIGHUP) and the others follow by watching Generation.
type Reindex struct {
	// Generation counts requests: it only grows, and 0 means none yet.
	Generation int64
	// Corpus is the corpus version the requesting replica built, which
	// the others should reach too.
	Corpus string
	By     string // what asked: "/reindex", "SIGHUP"
	At     time.Time
}

// Replicas keeps replicas that share a store in step. Both backends
// implement it: PostgreSQL for replicas behind a load balancer, SQLite for
// processes sharing one file on one host.
type Replicas interface {
	// RequestReindex records that this replica rebuilt to corpus and that
	// the others should too, and returns the request, its generation one
	// more than the last.
	RequestReindex(ctx context.Context, corpus, by string) (Reindex, error)
	// LatestReindex returns the latest request; a zero Reindex when there
	// has been none.
	LatestReindex(ctx context.Context) (Reindex, error)
}

var _ Replicas = (*sqlStore)(nil)

// migrationReindex is the one-row table of the latest reindex request.
const migrationReindex = `CREATE TABLE reindex_request (
	id           INTEGER PRIMARY KEY CHECK (id = 1),
	generation   BIGINT  NOT NULL,
	corpus       TEXT    NOT NULL,
	requested_by TEXT    NOT NULL,
	requested_at BIGINT  NOT NULL -- Unix microseconds, UTC
);`

// RequestReindex bumps the generation in one statement, so two replicas
// asking at once get two generations, never the same one. Like a pin, it
// is refused while Check finds the database damaged.
func (s *sqlStore) RequestReindex(ctx context.Context, corpus, by string) (Reindex, error) {
	if err := s.refuseIfDamaged("request reindex"); err != nil {
		return Reindex{}, err
	}
	r := Reindex{Corpus: corpus, By: by, At: time.Now().UTC().Truncate(time.Microsecond)}
	err := s.db.QueryRowContext(ctx, `INSERT INTO reindex_request (id, generation, corpus, requested_by, requested_at)
		VALUES (1, 1, $1, $2, $3)
		ON CONFLICT (id) DO UPDATE SET generation = reindex_request.generation + 1,
			corpus = excluded.corpus, requested_by = excluded.requested_by, requested_at = excluded.requested_at
		RETURNING generation`, corpus, by, r.At.UnixMicro()).Scan(&r.Generation)
	if err != nil {
		return Reindex{}, fmt.Errorf("store: request reindex: %w", err)
	}
	return r, nil
}

func (s *sqlStore) LatestReindex(ctx context.Context) (Reindex, error) {
	var r Reindex
	var at int64
	err := s.db.QueryRowContext(ctx, `SELECT generation, corpus, requested_by, requested_at FROM reindex_request WHERE id = 1`).
		Scan(&r.Generation, &r.Corpus, &r.By, &at)
	if errors.Is(err, sql.ErrNoRows) {
		return Reindex{}, nil
	}
	if err != nil {
		return Reindex{}, fmt.Errorf("store: latest reindex: %w", err)
	}
	r.At = time.UnixMicro(at).UTC()
	return r, nil
}
