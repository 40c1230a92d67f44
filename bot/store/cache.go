package store

import (
	"context"
	"errors"
	"sync"
	"time"

	lru "github.com/hashicorp/golang-lru/v2"
)

// Cached keeps the answers to Lookup in memory: every /license answer in a
// server asks whether moderators pinned one, and pins are rare, so nearly
// every lookup finds what the last one found (most often: nothing). A
// write through the cache (Pin, Confirm, Unpin) empties it, so this
// process sees its own pins at once; another replica's pins, written to a
// shared PostgreSQL, are seen within ttl. Failed lookups are not kept.
func Cached(s Store, ttl time.Duration, size int) Store {
	c, _ := lru.New[lookupKey, lookupEntry](max(size, 1))
	return &cachedStore{Store: s, ttl: ttl, lookups: c}
}

type cachedStore struct {
	Store
	ttl     time.Duration
	lookups *lru.Cache[lookupKey, lookupEntry]
	// gen counts writes: a lookup that raced a write is not kept, or it
	// could keep the state from before the write for a whole ttl. mu makes
	// a lookup's check of gen and its add one step against a write's
	// count and purge, so no lookup is added after the purge it raced.
	mu  sync.Mutex
	gen uint64
}

type lookupKey struct{ guild, license, topic string }

type lookupEntry struct {
	rec *Record // nil: no pin
	at  time.Time
}

func (c *cachedStore) Lookup(ctx context.Context, guildID, license, topic string) (*Record, error) {
	k := lookupKey{guildID, license, topic}
	if e, ok := c.lookups.Get(k); ok && time.Since(e.at) < c.ttl {
		if e.rec == nil {
			return nil, ErrNotFound
		}
		r := *e.rec
		return &r, nil
	}
	c.mu.Lock()
	gen := c.gen
	c.mu.Unlock()
	r, err := c.Store.Lookup(ctx, guildID, license, topic)
	if err != nil && !errors.Is(err, ErrNotFound) {
		return nil, err
	}
	e := lookupEntry{at: time.Now()}
	if r != nil {
		kept := *r
		e.rec = &kept
	}
	c.mu.Lock()
	if c.gen == gen {
		c.lookups.Add(k, e)
	}
	c.mu.Unlock()
	return r, err
}

// wrote forgets every lookup: pins are rare, and a pin's record does not
// say which lookups an unpin changes.
func (c *cachedStore) wrote() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.gen++
	c.lookups.Purge()
}

func (c *cachedStore) Pin(ctx context.Context, r Record) error {
	defer c.wrote()
	return c.Store.Pin(ctx, r)
}

func (c *cachedStore) Confirm(ctx context.Context, guildID, messageID string) error {
	defer c.wrote()
	return c.Store.Confirm(ctx, guildID, messageID)
}

func (c *cachedStore) Unpin(ctx context.Context, guildID, messageID string) error {
	defer c.wrote()
	return c.Store.Unpin(ctx, guildID, messageID)
}
