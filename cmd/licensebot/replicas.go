package main

// Replicas in step: with a shared store (PostgreSQL behind a load
// balancer), a reindex on one replica — /reindex or SIGHUP — is recorded
// there, and every other replica, watching the record, rebuilds too.

import (
	"context"
	"log/slog"
	"sync/atomic"
	"time"

	"github.com/licensebot/licensebot/bot/store"
	"github.com/licensebot/licensebot/corpus"
	"github.com/licensebot/licensebot/index"
	"github.com/licensebot/licensebot/internal/tick"
)

// replicaSync rebuilds this replica's index on request and keeps it in
// step with the others'. Without a store that can record requests, it
// only rebuilds.
type replicaSync struct {
	eng    *index.Engine
	shared store.Replicas // nil: no store to share requests through
	paths  corpus.Paths
	log    *slog.Logger
	seen   atomic.Int64 // the latest request generation this replica has built
	// failedGen is the request whose rebuild failed last, at failedAt
	// (follow's goroutine alone reads and writes them).
	failedGen int64
	failedAt  time.Time
}

// followRetry is how long a replica waits before it tries again a request
// whose rebuild failed, as serve waits after a repair that did not mend
// the index: a cause a rebuild does not mend (a damaged text, a broken
// corpus, a full disk) costs a build a minute rather than one, and an
// error line, every --watch. A newer request is tried at once.
const followRetry = time.Minute

// newReplicaSync starts at the generation the store holds: a replica that
// starts serves the index it has, the latest request already behind it.
func newReplicaSync(ctx context.Context, eng *index.Engine, pins store.Store, p corpus.Paths, log *slog.Logger) *replicaSync {
	r := &replicaSync{eng: eng, paths: p, log: log}
	if s, ok := pins.(store.Replicas); ok {
		r.shared = s
		if latest, err := s.LatestReindex(ctx); err == nil {
			r.seen.Store(latest.Generation)
		} else {
			log.Warn("cannot read the replicas' reindex record; following from the next request", "err", err)
		}
	}
	return r
}

// generation is the latest request this replica has built, for /readyz.
func (r *replicaSync) generation() int64 { return r.seen.Load() }

// reindex rebuilds this replica's index and, when it succeeded, records a
// request for the others to follow. A failed build records nothing: the
// other replicas keep serving what they have.
func (r *replicaSync) reindex(ctx context.Context, by string) (*index.BuildReport, error) {
	rep, err := r.eng.Rebuild(ctx, r.paths)
	if err != nil || r.shared == nil {
		return rep, err
	}
	req, err := r.shared.RequestReindex(ctx, r.eng.Stats().CorpusVersion, by)
	if err != nil {
		r.log.Error("rebuilt, but could not ask the other replicas to follow", "err", err)
		return rep, nil
	}
	r.seen.Store(req.Generation)
	r.log.Info("reindexed; the other replicas follow", "generation", req.Generation, "corpus", req.Corpus, "by", by)
	return rep, nil
}

// follow checks the shared record every interval and rebuilds when another
// replica has asked for a reindex this one has not built yet.
func (r *replicaSync) follow(ctx context.Context, interval time.Duration) {
	if r.shared == nil || interval <= 0 {
		return
	}
	tick.Every(ctx, interval, func() { r.catchUp(ctx) })
}

// catchUp rebuilds to the latest request if it is newer than this
// replica's build, and says when the corpus it reached differs from the
// requester's (replicas of different images).
func (r *replicaSync) catchUp(ctx context.Context) {
	latest, err := r.shared.LatestReindex(ctx)
	if err != nil {
		r.log.Warn("cannot read the replicas' reindex record", "err", err)
		return
	}
	if latest.Generation <= r.seen.Load() || latest.Generation == r.failedGen && time.Since(r.failedAt) < followRetry {
		return
	}
	rep, err := r.eng.Rebuild(ctx, r.paths)
	if err != nil {
		r.failedGen, r.failedAt = latest.Generation, time.Now()
		r.log.Error("reindex asked by another replica failed; still serving the previous index", "generation", latest.Generation, "err", err,
			"retry_in", followRetry)
		return
	}
	r.seen.Store(latest.Generation)
	corpus := r.eng.Stats().CorpusVersion
	r.log.Info("reindexed as another replica asked", "generation", latest.Generation, "by", latest.By, "corpus", corpus, "index", rep.Dir)
	if corpus != latest.Corpus {
		r.log.Warn("this replica's corpus differs from the one the reindex was asked with: run the same version everywhere",
			"here", corpus, "asked", latest.Corpus)
	}
}
