package bot

import (
	"context"
	"net"
	"net/http"
	"sync"
	"time"
)

// connCap holds a server to at most max open connections without letting
// idle or unproven ones crowd out requests: at the cap, a new connection
// evicts the connection that has been idle longest (a keep-alive between
// requests, or one that has not sent a byte yet) or, with none idle, the
// one whose request has gone longest without proving it comes from
// Discord — a body trickled in under signature headers anyone can write.
// A flood of such connections then costs its sender the connections, not
// the bot its descriptors; a signed request on a fresh connection is
// still served at once. A request whose signature checked (verified) is
// never evicted; with every connection serving one, the new one is
// closed.
type connCap struct {
	max int

	mu    sync.Mutex
	conns map[net.Conn]connInfo
}

// connInfo is what the cap knows of a connection.
type connInfo struct {
	state connState
	since time.Time // when it entered the state
}

// connState is what a connection is doing, in the order the cap evicts.
type connState uint8

const (
	connIdle       connState = iota // new, or a keep-alive between requests
	connUnverified                  // serving a request not yet verified
	connVerified                    // serving a request whose signature checked
)

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
			victim := c.victim()
			if victim == nil {
				conn.Close()
				return
			}
			delete(c.conns, victim)
			victim.Close()
		}
		c.conns[conn] = connInfo{connIdle, time.Now()}
	case http.StateActive:
		c.conns[conn] = connInfo{connUnverified, time.Now()}
	case http.StateIdle:
		c.conns[conn] = connInfo{connIdle, time.Now()}
	case http.StateHijacked, http.StateClosed:
		delete(c.conns, conn)
	}
}

// verified marks conn's request as proven to come from Discord: it is no
// longer evicted.
func (c *connCap) verified(conn net.Conn) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if info, ok := c.conns[conn]; ok && info.state == connUnverified {
		c.conns[conn] = connInfo{connVerified, info.since}
	}
}

// victim is the connection to evict: the one idle longest, else the one
// serving an unverified request longest; nil when every connection serves
// a verified request.
func (c *connCap) victim() net.Conn {
	var oldest net.Conn
	var best connInfo
	for conn, info := range c.conns {
		if info.state == connVerified {
			continue
		}
		if oldest == nil || info.state < best.state || info.state == best.state && info.since.Before(best.since) {
			oldest, best = conn, info
		}
	}
	return oldest
}

// connKey is the context key under which a request finds its connection's
// cap (see withConn, verifiedConn).
type connKey struct{}

// connRef is a request's connection and the cap that holds it.
type connRef struct {
	cap  *connCap
	conn net.Conn
}

// withConn is the server's ConnContext hook: a request's context carries
// its connection, so the handler can vouch for it once its signature
// checks.
func (c *connCap) withConn(ctx context.Context, conn net.Conn) context.Context {
	return context.WithValue(ctx, connKey{}, connRef{c, conn})
}

// verifiedConn tells the cap holding the request's connection, if any,
// that the request is Discord's.
func verifiedConn(ctx context.Context) {
	if ref, ok := ctx.Value(connKey{}).(connRef); ok {
		ref.cap.verified(ref.conn)
	}
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
