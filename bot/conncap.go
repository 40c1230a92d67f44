package bot

import (
	"net"
	"net/http"
	"sync"
	"time"
)

// connCap holds a server to at most max open connections without letting
// idle ones crowd out requests: at the cap, a new connection evicts the
// connection that has been idle longest (a keep-alive between requests,
// or one that has not sent a byte yet). A flood of idle connections then
// costs its sender the connections, not the bot its descriptors; a signed
// request on a fresh connection is still served at once. Connections busy
// with a request are never evicted; with all busy, the new one is closed.
type connCap struct {
	max int

	mu    sync.Mutex
	conns map[net.Conn]connInfo
}

// connInfo is what the cap knows of a connection.
type connInfo struct {
	idle  bool      // new, or a keep-alive between requests
	since time.Time // when it became idle
}

func newConnCap(max int) *connCap {
	return &connCap{max: max, conns: make(map[net.Conn]connInfo)}
}

// track is the server's ConnState hook.
func (c *connCap) track(conn net.Conn, state http.ConnState) {
	c.mu.Lock()
	defer c.mu.Unlock()
	switch state {
	case http.StateNew:
		if len(c.conns) >= c.max {
			victim := c.oldestIdle()
			if victim == nil {
				conn.Close()
				return
			}
			delete(c.conns, victim)
			victim.Close()
		}
		c.conns[conn] = connInfo{idle: true, since: time.Now()}
	case http.StateActive:
		c.conns[conn] = connInfo{}
	case http.StateIdle:
		c.conns[conn] = connInfo{idle: true, since: time.Now()}
	case http.StateHijacked, http.StateClosed:
		delete(c.conns, conn)
	}
}

// oldestIdle is the connection idle longest, nil when none is.
func (c *connCap) oldestIdle() net.Conn {
	var oldest net.Conn
	var at time.Time
	for conn, info := range c.conns {
		if info.idle && (oldest == nil || info.since.Before(at)) {
			oldest, at = conn, info.since
		}
	}
	return oldest
}

// open is how many connections are held, for tests.
func (c *connCap) open() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.conns)
}

// logLimiter lets at most n log lines through per period and counts the
// rest, so the next line that passes can say how many were dropped.
type logLimiter struct {
	n      int
	period time.Duration

	mu         sync.Mutex
	start      time.Time
	used       int
	suppressed int
}

func newLogLimiter(n int, period time.Duration) *logLimiter {
	return &logLimiter{n: n, period: period}
}

// allow reports whether a line may be logged now and, if so, how many were
// dropped since the last one.
func (l *logLimiter) allow() (ok bool, suppressed int) {
	l.mu.Lock()
	defer l.mu.Unlock()
	now := time.Now()
	if now.Sub(l.start) >= l.period {
		l.start, l.used = now, 0
	}
	if l.used >= l.n {
		l.suppressed++
		return false, 0
	}
	l.used++
	suppressed, l.suppressed = l.suppressed, 0
	return true, suppressed
}
