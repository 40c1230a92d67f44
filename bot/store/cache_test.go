package store

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"
)

// countingStore counts the lookups that reach the database.
type countingStore struct {
	Store
	lookups int
}

func (c *countingStore) Lookup(ctx context.Context, g, l, t string) (*Record, error) {
	c.lookups++
	return c.Store.Lookup(ctx, g, l, t)
}

// Repeated lookups are answered from memory, found or not; a pin, a
// confirmation or an unpin through the cache is seen by the next lookup;
// after ttl the database is asked again (another replica's pins).
func TestCachedLookupsSeeTheirOwnWrites(t *testing.T) {
	ctx := context.Background()
	s, err := OpenSQLite(ctx, t.TempDir()+"/pins.db")
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	db := &countingStore{Store: s}
	c := Cached(db, time.Hour, 100)
	lookup := func() *Record {
		r, err := c.Lookup(ctx, "g1", "llama4", "attribution")
		if err != nil && !errors.Is(err, ErrNotFound) {
			t.Fatal(err)
		}
		return r
	}
	for n := 0; n < 5; n++ {
		if lookup() != nil {
			t.Fatal("found a pin before any")
		}
	}
	if db.lookups != 1 {
		t.Errorf("%d database lookups for 5 repeated ones; want 1", db.lookups)
	}
	r := rec("g1", "m1", "llama4", "attribution", time.Now())
	r.State = StatePending
	c.Pin(ctx, r)
	if lookup() != nil {
		t.Error("a pending pin is linked")
	}
	c.Confirm(ctx, "g1", "m1")
	if got := lookup(); got == nil || got.MessageID != "m1" {
		t.Errorf("after Confirm: %+v", got)
	}
	c.Unpin(ctx, "g1", "m1")
	if lookup() != nil {
		t.Error("an unpinned answer is still linked")
	}

	// Another replica's pin, written straight to the database.
	short := Cached(db, time.Millisecond, 100)
	short.Lookup(ctx, "g2", "llama4", "attribution")
	s.Pin(ctx, rec("g2", "m2", "llama4", "attribution", time.Now()))
	time.Sleep(2 * time.Millisecond)
	if r, _ := short.Lookup(ctx, "g2", "llama4", "attribution"); r == nil {
		t.Error("another replica's pin not seen after the ttl")
	}
}

// memStore holds one guild's confirmed pins in memory, for tests that need
// the cache's own timing rather than a database's.
type memStore struct {
	Store
	mu   sync.Mutex
	pins map[string]Record // by message id
}

func (m *memStore) Pin(_ context.Context, r Record) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.pins[r.MessageID] = r
	return nil
}

func (m *memStore) Unpin(_ context.Context, _, messageID string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	delete(m.pins, messageID)
	return nil
}

func (m *memStore) Lookup(_ context.Context, guildID, license, topic string) (*Record, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	for _, r := range m.pins {
		if r.GuildID == guildID && r.License == license && r.Topic == topic {
			return &r, nil
		}
	}
	return nil, ErrNotFound
}

// A lookup that read the database before a write and is kept after the
// write emptied the cache would serve the state before the write for a
// whole ttl: once Pin or Unpin has returned, the next lookup sees it, however
// many lookups were in flight.
func TestCachedLookupRacingAWriteIsNotKept(t *testing.T) {
	ctx := context.Background()
	c := Cached(&memStore{pins: map[string]Record{}}, time.Hour, 100)
	stop := make(chan struct{})
	var readers sync.WaitGroup
	for range 4 {
		readers.Add(1)
		go func() {
			defer readers.Done()
			for {
				select {
				case <-stop:
					return
				default:
					c.Lookup(ctx, "g1", "llama4", "attribution")
				}
			}
		}()
	}
	defer func() { close(stop); readers.Wait() }()
	r := rec("g1", "m1", "llama4", "attribution", time.Now())
	for i := range 20000 {
		pinned := i%2 == 0
		if pinned {
			c.Pin(ctx, r)
		} else {
			c.Unpin(ctx, "g1", "m1")
		}
		got, _ := c.Lookup(ctx, "g1", "llama4", "attribution")
		if (got != nil) != pinned {
			t.Fatalf("write %d: after %s returned, a lookup found pinned=%v", i, map[bool]string{true: "Pin", false: "Unpin"}[pinned], got != nil)
		}
	}
}
