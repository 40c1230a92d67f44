package bot

import (
	"sync"
	"time"

	"golang.org/x/time/rate"
)

// Cooldown is a per-user token bucket: each user may run Burst commands at
// once and then one every Every. A bucket that has refilled is forgotten,
// which changes nothing for its user (a new bucket starts full) and keeps
// memory bounded by the users of the last few seconds, however many pass
// by.
type Cooldown struct {
	every time.Duration
	burst int

	mu      sync.Mutex
	buckets map[string]*rate.Limiter
	sweepAt time.Time
}

// NewCooldown allows burst commands at once per user, refilling one every
// every.
func NewCooldown(every time.Duration, burst int) *Cooldown {
	if burst < 1 {
		burst = 1
	}
	return &Cooldown{every: every, burst: burst, buckets: make(map[string]*rate.Limiter)}
}

// Allow takes a token for user at now. When the bucket is empty it reports
// false and how long until the next token.
func (c *Cooldown) Allow(user string, now time.Time) (bool, time.Duration) {
	if c == nil || user == "" {
		return true, 0
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if now.After(c.sweepAt) {
		c.sweep(now)
	}
	lim, ok := c.buckets[user]
	if !ok {
		lim = rate.NewLimiter(rate.Every(c.every), c.burst)
		c.buckets[user] = lim
	}
	r := lim.ReserveN(now, 1)
	if d := r.DelayFrom(now); d > 0 {
		r.CancelAt(now)
		return false, d
	}
	return true, 0
}

// sweep drops full buckets into a new map: Go maps never shrink, so
// deleting alone would keep the memory of the busiest moment forever.
func (c *Cooldown) sweep(now time.Time) {
	kept := make(map[string]*rate.Limiter, len(c.buckets)/2)
	for id, lim := range c.buckets {
		if lim.TokensAt(now) < float64(c.burst) {
			kept[id] = lim
		}
	}
	c.buckets = kept
	c.sweepAt = now.Add(max(c.every, time.Second))
}

// Len is the number of buckets held, for tests of the memory bound.
func (c *Cooldown) Len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.buckets)
}
