// Package store owns the record of answers moderators pinned: which message
// in which channel is a server's canonical reply for a license and topic.
//
// Two backends share one schema, one set of migrations and one query layer:
// an embedded SQLite database (pure Go, modernc.org/sqlite) for a single
// process, and PostgreSQL (jackc/pgx) when several HTTP replicas must see the
// same pins. Open picks one from the configuration.
package store

import (
	"context"
	"errors"
	"time"
)

// Environment variables the command line reads to configure the store.
const (
	// EnvDB is the SQLite file path; DefaultPath when unset.
	EnvDB = "LICENSEBOT_DB"
	// EnvDatabaseURL is a PostgreSQL connection URL; when set it wins over EnvDB.
	EnvDatabaseURL = "LICENSEBOT_DATABASE_URL"
)

// DefaultPath is where the SQLite database lives when no path is configured.
const DefaultPath = "data/licensebot.db"

var (
	// ErrAlreadyPinned is returned by Pin when the message is already recorded.
	ErrAlreadyPinned = errors.New("store: message already pinned")
	// ErrNotFound is returned when no pin matches.
	ErrNotFound = errors.New("store: pin not found")
	// ErrSchemaTooNew is returned by Open when the database was migrated by a
	// newer licensebot than this one; writing to it could corrupt it.
	ErrSchemaTooNew = errors.New("store: database schema is newer than this binary")
)

// States of a pin. A pin is recorded pending before the bot asks Discord to
// pin the message and confirmed after Discord did, so a failure on either
// side leaves a record the bot can show and finish, never a Discord pin it
// knows nothing of.
const (
	// StatePending: recorded, Discord's pin not yet confirmed. Answers do
	// not link to it; /pinned shows it; pinning again finishes it.
	StatePending = "pending"
	// StatePinned: pinned in Discord and confirmed.
	StatePinned = "pinned"
)

// Record is one pinned answer.
type Record struct {
	GuildID   string
	ChannelID string
	MessageID string
	// License is the license key (index.Answer.License), Topic the topic id
	// or, for uncurated answers, the normalised text the user asked about.
	License  string
	Topic    string
	PinnedBy string // user id of the moderator
	PinnedAt time.Time
	// State is StatePending or StatePinned; Pin takes "" as StatePinned.
	State string
}

// Store keeps pins. Implementations are safe for concurrent use.
type Store interface {
	// Pin records a pin in r.State (StatePinned when empty). It returns
	// ErrAlreadyPinned when the guild already has a record for that
	// message. A zero PinnedAt is set to now.
	Pin(ctx context.Context, r Record) error
	// Confirm marks a pending pin pinned, or returns ErrNotFound.
	Confirm(ctx context.Context, guildID, messageID string) error
	// Unpin removes the record of a message, or returns ErrNotFound.
	Unpin(ctx context.Context, guildID, messageID string) error
	// Get returns the record of one message, in whatever state, or
	// ErrNotFound.
	Get(ctx context.Context, guildID, messageID string) (*Record, error)
	// Lookup returns the most recent confirmed pin for a license and topic
	// in a guild, or ErrNotFound.
	Lookup(ctx context.Context, guildID, license, topic string) (*Record, error)
	// List returns a page of a guild's pins, newest first, and how many the
	// guild has in all.
	List(ctx context.Context, guildID string, offset, limit int) ([]Record, int, error)
	// Check proves the database sound and writable: an integrity check
	// where the backend has one, and a committed write. It is what /readyz
	// and start-up report; a store that fails it cannot record pins.
	Check(ctx context.Context) error
	// Close releases the database.
	Close() error
}

// Open opens the pins store: PostgreSQL when databaseURL is set, otherwise
// SQLite at dbPath (DefaultPath when empty). It applies pending migrations
// before returning.
func Open(ctx context.Context, dbPath, databaseURL string) (Store, error) {
	if databaseURL != "" {
		return OpenPostgres(ctx, databaseURL)
	}
	if dbPath == "" {
		dbPath = DefaultPath
	}
	return OpenSQLite(ctx, dbPath)
}

// Unavailable is a store that could not be opened, or failed its check:
// every call returns err. serve runs on it rather than not at all when the
// SQLite file is damaged, so answers go on without their pinned links,
// pinning is refused, /readyz reports err, and the file is left as it is
// for the operator to restore.
// Every call's error is also ErrUnavailable, for callers that need not
// report it again each time.
func Unavailable(err error) Store { return unavailable{unavailableError{err}} }

// ErrUnavailable is what every call of an Unavailable store's error is.
var ErrUnavailable = errors.New("store: serving without a pins store")

// unavailableError is err, said as it is, that is also ErrUnavailable.
type unavailableError struct{ err error }

func (e unavailableError) Error() string   { return e.err.Error() }
func (e unavailableError) Unwrap() []error { return []error{ErrUnavailable, e.err} }

type unavailable struct{ err error }

func (u unavailable) Pin(context.Context, Record) error             { return u.err }
func (u unavailable) Confirm(context.Context, string, string) error { return u.err }
func (u unavailable) Unpin(context.Context, string, string) error   { return u.err }
func (u unavailable) Check(context.Context) error                   { return u.err }
func (u unavailable) Close() error                                  { return nil }
func (u unavailable) Get(context.Context, string, string) (*Record, error) {
	return nil, u.err
}
func (u unavailable) Lookup(context.Context, string, string, string) (*Record, error) {
	return nil, u.err
}
func (u unavailable) List(context.Context, string, int, int) ([]Record, int, error) {
	return nil, 0, u.err
}
