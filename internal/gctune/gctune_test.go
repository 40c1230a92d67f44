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

// given starts a test from the environment's GOGC and GOMEMLIMIT ("" for
// unset) and the collector running with percent and limit, as the runtime
// would have read them, and restores the collector afterwards.
func given(t *testing.T, gogc, memlimit string, percent int, limit int64) {
	p, l := current()
	t.Cleanup(func() { debug.SetGCPercent(p); debug.SetMemoryLimit(l) })
	t.Setenv("GOGC", gogc)
	t.Setenv("GOMEMLIMIT", memlimit)
	debug.SetGCPercent(percent)
	debug.SetMemoryLimit(limit)
}

func TestForServerSetsTheDefaults(t *testing.T) {
	given(t, "", "", 100, math.MaxInt64)
	got := ForServer()
	if p, l := current(); p != ServerGOGC || l != ServerMemoryLimit {
		t.Errorf("GOGC %d, limit %d; want %d, %d", p, l, ServerGOGC, ServerMemoryLimit)
	}
	if got != "GOGC 400, GOMEMLIMIT 512 MiB" {
		t.Errorf("ForServer() = %q", got)
	}
}

func TestForServerLeavesTheOperatorsSettings(t *testing.T) {
	given(t, "150", "1GiB", 150, 1<<30)
	got := ForServer()
	if p, l := current(); p != 150 || l != 1<<30 {
		t.Errorf("GOGC %d, limit %d; want the environment's 150, 1 GiB", p, l)
	}
	if !strings.Contains(got, "GOGC 150 (environment)") || !strings.Contains(got, "GOMEMLIMIT 1GiB (environment)") {
		t.Errorf("ForServer() = %q", got)
	}
}

func TestForOneShotCollectsOnlyNearTheLimit(t *testing.T) {
	given(t, "", "", 100, math.MaxInt64)
	ForOneShot()
	if p, l := current(); p != -1 || l != OneShotLimit {
		t.Errorf("GOGC %d, limit %d; want off (-1) within %d", p, l, OneShotLimit)
	}
}

func TestForOneShotLeavesTheOperatorsSettings(t *testing.T) {
	given(t, "", "64MiB", 100, 64<<20)
	ForOneShot()
	if p, l := current(); p != 100 || l != 64<<20 {
		t.Errorf("GOGC %d, limit %d; want them as the environment left them", p, l)
	}
}

func TestForOneShotLeavesAGOGCTheOperatorSet(t *testing.T) {
	given(t, "200", "", 200, math.MaxInt64)
	ForOneShot()
	if p, l := current(); p != 200 || l != math.MaxInt64 {
		t.Errorf("GOGC %d, limit %d; want the environment's 200 and no limit", p, l)
	}
}
