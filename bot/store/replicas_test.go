package store

import (
	"context"
	"sync"
	"testing"
)

// Reindex requests count up from 1, each naming the corpus and who asked;
// replicas asking at once get distinct generations; a replica that opens
// the store later sees the latest.
func TestReindexRequests(t *testing.T) {
	forEachBackend(t, func(t *testing.T, tg target) {
		ctx := context.Background()
		a, b := tg.mustOpen(t), tg.mustOpen(t)
		defer a.Close()
		defer b.Close()
		ra, rb := a.(Replicas), b.(Replicas)
		if r, err := rb.LatestReindex(ctx); err != nil || r.Generation != 0 {
			t.Fatalf("before any request: %+v, %v", r, err)
		}
		r, err := ra.RequestReindex(ctx, "2026.11.1", "SIGHUP")
		if err != nil || r.Generation != 1 {
			t.Fatalf("first request: %+v, %v", r, err)
		}
		got, err := rb.LatestReindex(ctx)
		if err != nil || got.Generation != 1 || got.Corpus != "2026.11.1" || got.By != "SIGHUP" || !got.At.Equal(r.At) {
			t.Fatalf("the other replica sees %+v, %v; want %+v", got, err, r)
		}
		var wg sync.WaitGroup
		gens := make(chan int64, 8)
		for i := 0; i < 8; i++ {
			wg.Add(1)
			go func(s Replicas) {
				defer wg.Done()
				r, err := s.RequestReindex(ctx, "2026.12.1", "/reindex")
				if err != nil {
					t.Error(err)
					return
				}
				gens <- r.Generation
			}([]Replicas{ra, rb}[i%2])
		}
		wg.Wait()
		close(gens)
		seen := map[int64]bool{}
		for g := range gens {
			if seen[g] || g < 2 || g > 9 {
				t.Errorf("generation %d given twice or out of 2..9", g)
			}
			seen[g] = true
		}
		if got, _ := ra.LatestReindex(ctx); got.Generation != 9 || got.Corpus != "2026.12.1" {
			t.Errorf("latest after nine requests: %+v", got)
		}
	})
}
