package bot

import (
	"context"
	"log/slog"
	"sync"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/licensebot/licensebot/bot/store"
	"github.com/licensebot/licensebot/index"
)

// Engine is the part of the answer engine (*index.Engine) the bot uses.
// Declared here, small, so tests run against a fake.
type Engine interface {
	Ask(ctx context.Context, license, topic string) (*index.Answer, error)
	SearchIn(ctx context.Context, query, license string, limit int) (*index.SearchResult, error)
	Clause(ctx context.Context, license, section string) (*index.Hit, error)
	Licenses() []index.LicenseInfo
	ResolveLicense(input string) (index.LicenseInfo, error)
	Topics(license string) []index.TopicInfo
	Stats() index.Stats
}

// Deps is everything a handler may use. It is a plain struct so features
// living in their own files (pins) can add a field without touching the
// handlers that do not need it.
type Deps struct {
	// Engine answers the questions. Required.
	Engine Engine
	// Log receives one line per interaction and every failure. Nil means
	// slog.Default().
	Log *slog.Logger
	// Cooldown limits how often one user may run commands. Nil disables it.
	Cooldown *Cooldown
	// Session makes REST calls: follow-ups after a deferred response and,
	// in gateway mode, the initial responses. It may be nil in tests that
	// never defer.
	Session *discordgo.Session
	// Metrics, when set, counts interactions; see NewMetrics.
	Metrics *Metrics
	// AppID is the application id (DISCORD_APP_ID), for handlers that call
	// application-scoped endpoints.
	AppID string
	// Now is the clock; nil means time.Now. Tests pin it.
	Now func() time.Time
	// Pins records pinned answers (see pin.go); nil disables pinning.
	Pins store.Store
	// Reindex rebuilds the index from the corpus and swaps it in (see
	// cmd_reindex.go); nil disables /reindex.
	Reindex func(ctx context.Context) (*index.BuildReport, error)
	// ReindexGuilds, when not empty, are the only servers whose
	// administrators may run /reindex: the index is the operator's, shared
	// by every server the bot is in.
	ReindexGuilds map[string]bool

	// answers keeps rendered /license answers (answers.go); made on first
	// use.
	answersOnce sync.Once
	answers     *answerCache
	// pinLocks serialise a channel's pins in this process (pinsync.go).
	pinLocks channelLocks
}

func (d *Deps) logger() *slog.Logger {
	if d.Log != nil {
		return d.Log
	}
	return slog.Default()
}

func (d *Deps) now() time.Time {
	if d.Now != nil {
		return d.Now()
	}
	return time.Now()
}
