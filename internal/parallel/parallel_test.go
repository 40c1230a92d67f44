package parallel

import (
	"sync/atomic"
	"testing"
	"time"
)

func TestEachCallsEveryIndexOnce(t *testing.T) {
	for _, n := range []int{0, 1, 2, 7, 1000} {
		calls := make([]atomic.Int32, n)
		Each(n, func(i int) { calls[i].Add(1) })
		for i := range calls {
			if c := calls[i].Load(); c != 1 {
				t.Fatalf("n=%d: index %d called %d times, want once", n, i, c)
			}
		}
	}
}

// A panic in one call reaches the caller, where it can be recovered,
// once no other call is under way.
func TestEachRaisesAPanicInTheCaller(t *testing.T) {
	var started, returned atomic.Int32
	defer func() {
		r := recover()
		if r != "index 3" {
			t.Fatalf("recovered %v, want the call's panic value", r)
		}
		if s, d := started.Load(), returned.Load(); s != d+1 {
			t.Errorf("%d calls started and %d returned when the panic reached the caller: want all but the panicking one returned", s, d)
		}
	}()
	Each(100, func(i int) {
		started.Add(1)
		if i == 3 {
			panic("index 3")
		}
		time.Sleep(time.Microsecond)
		returned.Add(1)
	})
	t.Fatal("Each returned normally after a call panicked")
}
