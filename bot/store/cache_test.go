package store

import (
	"context"
	"errors"
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
