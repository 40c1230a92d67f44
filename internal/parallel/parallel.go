// Package parallel runs the iterations of a loop on every processor.
package parallel

import (
	"runtime"
	"sync"
)

// Each calls fn(i) for every i in [0, n), on up to GOMAXPROCS goroutines,
// and returns when all calls have. A panic in a call does not kill the
// process from a goroutine no caller can recover in: its goroutine makes
// no more calls, and the first panic is raised again in the caller once
// every call under way has returned, so a caller that recovers panics (a
// build, a command handler) still does.
func Each(n int, fn func(i int)) {
	workers := min(runtime.GOMAXPROCS(0), n)
	var (
		wg       sync.WaitGroup
		once     sync.Once
		panicked any
	)
	for w := range workers {
		wg.Go(func() {
			defer func() {
				if r := recover(); r != nil {
					once.Do(func() { panicked = r })
				}
			}()
			for i := w; i < n; i += workers {
				fn(i)
			}
		})
	}
	wg.Wait()
	if panicked != nil {
		panic(panicked)
	}
}
