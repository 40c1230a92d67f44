package bot

import (
	"context"
	"sync"
	"time"

	"github.com/licensebot/licensebot/bot/store"
)

// storeCheckEvery is how often /readyz may run the pins store's check: it
// commits a write, and load balancers ask every few seconds.
const storeCheckEvery = 10 * time.Second

// storeHealth runs the pins store's Check at most once per storeCheckEvery
// and remembers the result in between.
type storeHealth struct {
	s store.Store

	mu  sync.Mutex
	at  time.Time
	err error
}

// check returns the store's health, running its Check when the last is
// older than storeCheckEvery.
func (h *storeHealth) check(ctx context.Context) error {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.at.IsZero() || time.Since(h.at) >= storeCheckEvery {
		ctx, cancel := context.WithTimeout(ctx, 2*time.Second)
		h.err = h.s.Check(ctx)
		cancel()
		h.at = time.Now()
	}
	return h.err
}
