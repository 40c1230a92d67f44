// Package gctune sets the garbage collector for how licensebot runs: a
// long-running server collects less often than Go's default, within a
// soft memory limit (ForServer); a one-shot command — a question from the
// terminal — collects only if its heap nears a limit (ForOneShot). The
// operator's GOGC and GOMEMLIMIT, when set, win.
//
// Answering a question allocates 60–120 KB, and the server's live heap
// (the index's meta, the caches) is 40–80 MB, so at Go's default (GOGC
// 100) a collection runs every few hundred answers, and the answers that
// run beside it are the slowest. Measured here (BenchmarkAskSentences,
// real people's questions, uncached): p99 1.3–1.6 ms at GOGC 400 against
// 2.0–2.2 ms at 100, for about twice the resident memory (160 against 80
// MB under load).
package gctune

import (
	"fmt"
	"os"
	"runtime/debug"
)

// ServerGOGC is the GOGC a server runs with unless GOGC is set.
const ServerGOGC = 400

// ServerMemoryLimit is the soft memory limit a server runs with unless
// GOMEMLIMIT is set: the collector works harder as the heap nears it.
const ServerMemoryLimit = 512 << 20

// OneShotLimit is the heap at which a one-shot command starts collecting:
// an answer needs 35 MB, a first-use index build about 100 MB.
const OneShotLimit = 256 << 20

// ForServer applies the defaults that GOGC and GOMEMLIMIT do not override
// and says what the collector runs with, for the start-up log.
func ForServer() string {
	gogc, limit := "GOGC "+os.Getenv("GOGC")+" (environment)", "GOMEMLIMIT "+os.Getenv("GOMEMLIMIT")+" (environment)"
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(ServerGOGC)
		gogc = fmt.Sprintf("GOGC %d", ServerGOGC)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(ServerMemoryLimit)
		limit = fmt.Sprintf("GOMEMLIMIT %d MiB", ServerMemoryLimit>>20)
	}
	return gogc + ", " + limit
}

// ForOneShot turns the collector off up to OneShotLimit, unless GOGC or
// GOMEMLIMIT are set: a command that answers and exits in tens of
// milliseconds would spend a fifth of them marking a heap it is about to
// drop (`licensebot ask`: 30–33 ms against 35–39 ms, measured beside each
// other).
func ForOneShot() {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		return
	}
	debug.SetMemoryLimit(OneShotLimit)
	debug.SetGCPercent(-1)
}
