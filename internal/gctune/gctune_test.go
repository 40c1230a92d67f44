package gctune

import (
	"math"
	"runtime/debug"
	"strings"
	"testing"
)

// current reads the collector's settings without changing them.
func current() (int, int64) {
	p := debug.SetGCPercent(100)
	debug.SetGCPercent(p)
	return p, debug.SetMemoryLimit(-1)
}

func restore(t *testing.T) {
	p, l := current()
	t.Cleanup(func() { debug.SetGCPercent(p); debug.SetMemoryLimit(l) })
}

func TestForServerSetsTheDefaults(t *testing.T) {
	restore(t)
	t.Setenv("GOGC", "")
	t.Setenv("GOMEMLIMIT", "")
	debug.SetGCPercent(100)
	debug.SetMemoryLimit(math.MaxInt64)
	got := ForServer()
	if p, l := current(); p != ServerGOGC || l != ServerMemoryLimit {
		t.Errorf("GOGC %d, limit %d; want %d, %d", p, l, ServerGOGC, ServerMemoryLimit)
	}
	if got != "GOGC 400, GOMEMLIMIT 512 MiB" {
		t.Errorf("ForServer() = %q", got)
	}
}

func TestForServerLeavesTheOperatorsSettings(t *testing.T) {
	restore(t)
	t.Setenv("GOGC", "150")
	t.Setenv("GOMEMLIMIT", "1GiB")
	debug.SetGCPercent(150)
	debug.SetMemoryLimit(1 << 30)
	got := ForServer()
	if p, l := current(); p != 150 || l != 1<<30 {
		t.Errorf("GOGC %d, limit %d; want the environment's 150, 1 GiB", p, l)
	}
	if !strings.Contains(got, "GOGC 150 (environment)") || !strings.Contains(got, "GOMEMLIMIT 1GiB (environment)") {
		t.Errorf("ForServer() = %q", got)
	}
}

func TestForOneShotCollectsOnlyNearTheLimit(t *testing.T) {
	restore(t)
	t.Setenv("GOGC", "")
	t.Setenv("GOMEMLIMIT", "")
	debug.SetGCPercent(100)
	debug.SetMemoryLimit(math.MaxInt64)
	ForOneShot()
	if p, l := current(); p != -1 || l != OneShotLimit {
		t.Errorf("GOGC %d, limit %d; want off (-1) within %d", p, l, OneShotLimit)
	}
}

func TestForOneShotLeavesTheOperatorsSettings(t *testing.T) {
	restore(t)
	t.Setenv("GOGC", "")
	t.Setenv("GOMEMLIMIT", "64MiB")
	debug.SetGCPercent(100)
	debug.SetMemoryLimit(64 << 20)
	ForOneShot()
	if p, l := current(); p != 100 || l != 64<<20 {
		t.Errorf("GOGC %d, limit %d; want them as the environment left them", p, l)
	}
}

func TestForOneShotLeavesAGOGCTheOperatorSet(t *testing.T) {
	restore(t)
	t.Setenv("GOGC", "200")
	t.Setenv("GOMEMLIMIT", "")
	debug.SetGCPercent(200)
	debug.SetMemoryLimit(math.MaxInt64)
	ForOneShot()
	if p, l := current(); p != 200 || l != math.MaxInt64 {
		t.Errorf("GOGC %d, limit %d; want the environment's 200 and no limit", p, l)
	}
}
