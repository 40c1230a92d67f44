package bot

import (
	"sync"
	"time"

	"golang.org/x/time/rate"
)

// Cooldown is a per-user token bucket: each user may run Burst commands at
// once and then one every Every. Buckets that have refilled are forgotten,
// which changes nothing for their user (a new bucket starts full) and keeps
// memory bounded however many users pass by.
type Cooldown struct {
	every time.Duration
	burst int

	mu      sync.Mutex
	buckets map[string]*bucket
	sweepAt time.Time
}

type bucket struct {
	lim  *rate.Limiter
	last time.Time
}

// NewCooldown allows burst commands at once per user, refilling one every
// every.
func NewCooldown(every time.Duration, burst int) *Cooldown {
	if burst < 1 {
		burst = 1
	}
	return &Cooldown{every: every, burst: burst, buckets: make(map[string]*bucket)}
}

// Allow takes a token for user at now. When the bucket is empty it reports
// false and how long until the next token.
func (c *Cooldown) Allow(user string, now time.Time) (bool, time.Duration) {
	if c == nil || user == "" {
		return true, 0
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	full := c.every * time.Duration(c.burst)
	if now.After(c.sweepAt) {
		for id, b := range c.buckets {
			if now.Sub(b.last) >= full {
				delete(c.buckets, id)
			}
		}
		c.sweepAt = now.Add(full)
	}
	b, ok := c.buckets[user]
	if !ok {
		b = &bucket{lim: rate.NewLimiter(rate.Every(c.every), c.burst)}
		c.buckets[user] = b
	}
	b.last = now
	r := b.lim.ReserveN(now, 1)
	if d := r.DelayFrom(now); d > 0 {
		r.CancelAt(now)
		return false, d
	}
	return true, 0
}

// Len is the number of buckets held, for tests of the memory bound.
func (c *Cooldown) Len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.buckets)
}
