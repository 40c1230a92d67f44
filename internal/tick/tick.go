// Package tick runs work on a period until its context ends: the loop the
// bot's watches share (the index's reload, the pins store's check, the
// replicas' reindex record).
package tick

import (
	"context"
	"time"
)

// Every calls f every d until ctx ends, the first time d after it is
// called. A call that outlasts d is followed by the next at once, not by
// a backlog of them.
func Every(ctx context.Context, d time.Duration, f func()) {
	t := time.NewTicker(d)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			f()
		}
	}
}
