package bot

import (
	"context"
	"log/slog"
	"sync"
	"time"

	"github.com/licensebot/licensebot/bot/store"
	"github.com/licensebot/licensebot/internal/tick"
)

// storeCheckEvery is how often /readyz may run the pins store's check: it
// commits a write, and load balancers ask every few seconds.
const storeCheckEvery = 10 * time.Second

// storeHealth runs the pins store's Check at most once per storeCheckEvery
// and remembers the result in between. It logs when the store starts
// failing its check and when it passes again.
type storeHealth struct {
	s   store.Store
	log *slog.Logger
	// every is how often Check may run, storeCheckEvery when zero.
	every time.Duration

	mu  sync.Mutex
	at  time.Time
	err error
}

// WatchPins checks the pins store every storeCheckEvery until ctx ends,
// as /readyz does when asked: a SQLite file damaged, cut short, removed or
// replaced while the bot runs is found, logged, and refused writes (see
// store.Store's Check), also where no ops address is served and nothing
// polls /readyz. It returns at once without a store.
func (disp *Dispatcher) WatchPins(ctx context.Context) {
	if disp.pins == nil {
		return
	}
	tick.Every(ctx, disp.pins.interval(), func() { disp.pins.check(ctx) })
}

// check returns the store's health, running its Check when the last is
// older than storeCheckEvery.
func (h *storeHealth) check(ctx context.Context) error {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.at.IsZero() || time.Since(h.at) >= h.interval() {
		ctx, cancel := context.WithTimeout(ctx, 2*time.Second)
		was := h.err
		h.err = h.s.Check(ctx)
		cancel()
		switch {
		case h.err != nil && was == nil:
			h.log.Error("pins store fails its check: pinning is refused until it is fixed; answers go on", "err", h.err)
		case h.err == nil && was != nil:
			h.log.Info("pins store passes its check again")
		}
		h.at = time.Now()
	}
	return h.err
}

// interval is how often Check may run.
func (h *storeHealth) interval() time.Duration {
	if h.every > 0 {
		return h.every
	}
	return storeCheckEvery
}
