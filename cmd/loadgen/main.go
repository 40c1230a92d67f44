// Command loadgen drives a licensebot interactions endpoint the way Discord
// does — Ed25519-signed POST /interactions carrying a /license command —
// and reports throughput, latency percentiles, errors and the server's
// memory. Every request comes from its own user by default, as a busy
// server's would, so the per-user cooldown never answers in place of the
// bot; every response must be a real answer (a public embed), or it counts
// as an error — but a deferral (type 5, the bot's reply when an answer is
// slower than its budget), which is counted and timed apart. It only
// talks to loopback addresses and stops after -n requests or -duration,
// whichever comes first.
//
// Against an in-process server over a real index (no setup), measured
// beside the floor of every interaction — an endpoint that only verifies
// the signature — in the same run:
//
//	go run ./cmd/loadgen -self -data data
//
// Against `licensebot serve --http 127.0.0.1:8080`, started with the public
// key printed by `go run ./cmd/loadgen -genkey`:
//
//	go run ./cmd/loadgen -addr http://127.0.0.1:8080/interactions -key <private hex> -pid <server pid>
package main

import (
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/url"
	"os"
	"os/signal"
	"runtime/pprof"
	"strings"
	"time"

	"github.com/licensebot/licensebot/internal/datadir"
)

// Hard bounds, whatever the flags say: this is a measuring tool, not a
// flood.
const (
	maxRequests = 1_000_000
	maxDuration = 5 * time.Minute
	maxConns    = 512
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "loadgen:", err)
		os.Exit(1)
	}
}

type config struct {
	addr     string
	keyHex   string
	self     bool
	dataDir  string
	n        int
	conc     int
	duration time.Duration
	license  string
	topic    string
	mix      bool
	// questions, from -questions, are asked in turn: license and words.
	questions     [][2]string
	questionsFile string
	users         int
	pid           int
	genkey        bool
	noCool        bool
	noCache       bool
	show          bool
	baseline      bool
	cpuprofile    string
	nRounds       int
	// floorAddr is the verify-only endpoint's URL (with -self -baseline).
	floorAddr string
}

func run(ctx context.Context, args []string, out io.Writer) error {
	c, err := parseFlags(args)
	if err != nil {
		return err
	}
	if c.genkey {
		pub, priv, err := ed25519.GenerateKey(rand.Reader)
		if err != nil {
			return err
		}
		fmt.Fprintf(out, "DISCORD_PUBLIC_KEY=%s\nloadgen -key %s\n", hex.EncodeToString(pub), hex.EncodeToString(priv.Seed()))
		return nil
	}
	priv, closeFn, err := c.target()
	if err != nil {
		return err
	}
	defer closeFn()
	floor, res, err := c.rounds(ctx, priv)
	if err != nil {
		return err
	}
	if c.show && res.firstBody != nil {
		fmt.Fprintf(out, "%s\n", indent(res.firstBody))
	}
	if floor != nil {
		floor.report(out, c, "verify-only floor", c.floorAddr)
	}
	res.report(out, c, "/license", c.addr)
	if floor != nil && floor.ok() > 0 && res.ok() > 0 {
		fmt.Fprintf(out, "ratio       %.2f of the verify-only floor's throughput; %.2f of its CPU cost per request (the measure other load on the machine does not move)\n",
			res.rate()/floor.rate(), float64(floor.cpu)/float64(floor.ok())/(float64(res.cpu)/float64(res.ok())))
	}
	if res.errors > 0 {
		return fmt.Errorf("%d of %d requests failed (first: %s)", res.errors, res.sent, res.firstErr)
	}
	if res.sent > 0 && res.ok() == 0 {
		return fmt.Errorf("none of %d requests was answered in place (%d deferred)", res.sent, len(res.deferred))
	}
	return nil
}

// rounds loads the floor (when there is one) and /license in turn, -rounds
// times, each run c.n/rounds requests: the two see the same machine, even
// when other work on it comes and goes.
func (c *config) rounds(ctx context.Context, priv ed25519.PrivateKey) (floor, res *result, err error) {
	per := *c
	rounds := min(c.nRounds, c.n) // -n 1 sends one request, not one a round
	per.n, per.nRounds = c.n/rounds, rounds
	for r := 0; r < rounds && ctx.Err() == nil; r++ {
		if c.floorAddr != "" {
			f, err := per.measure(ctx, priv, r, c.floorAddr, ".floor")
			if err != nil {
				return nil, nil, err
			}
			floor = floor.add(f)
		}
		lic, err := per.measure(ctx, priv, r, c.addr, "")
		if err != nil {
			return nil, nil, err
		}
		res = res.add(lic)
	}
	return floor, res, nil
}

// measure loads addr, under the CPU profiler when asked (the last round's
// run; the floor's profile goes to the file name with suffix).
func (c *config) measure(ctx context.Context, priv ed25519.PrivateKey, round int, addr, suffix string) (*result, error) {
	if c.cpuprofile != "" && round == c.nRounds-1 {
		f, err := os.Create(c.cpuprofile + suffix)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return nil, err
		}
		defer pprof.StopCPUProfile()
	}
	return load(ctx, *c, priv, addr, suffix == ""), nil
}

// parseFlags reads the flags and holds the counts to the hard bounds.
func parseFlags(args []string) (config, error) {
	var c config
	fs := flag.NewFlagSet("loadgen", flag.ContinueOnError)
	fs.StringVar(&c.addr, "addr", "http://127.0.0.1:8080/interactions", "interactions endpoint (loopback only)")
	fs.StringVar(&c.keyHex, "key", "", "Ed25519 private key (hex seed or full key) matching the server's DISCORD_PUBLIC_KEY")
	fs.BoolVar(&c.self, "self", false, "start an in-process HTTP server over -data with a fresh key pair")
	fs.StringVar(&c.dataDir, "data", datadir.Default(), "data directory for -self, as licensebot's --data (env LICENSEBOT_DATA)")
	fs.IntVar(&c.n, "n", 20000, "requests to send to each endpoint, over all rounds (at most 1e6)")
	fs.IntVar(&c.conc, "c", 32, "concurrent connections (at most 512)")
	fs.DurationVar(&c.duration, "duration", 30*time.Second, "stop each run after this long (at most 5m)")
	fs.StringVar(&c.license, "license", "llama4", "license option of the /license command")
	fs.StringVar(&c.topic, "topic", "attribution", "topic option of the /license command")
	fs.BoolVar(&c.mix, "mix", false, "cycle through every license and three topics instead of -license and -topic")
	fs.StringVar(&c.questionsFile, "questions", "", "cycle through the questions of an eval file (../shared/eval/dev.yaml, corpus/questions/train.yaml): each its license and its words as asked, cut to the 200 characters Discord allows")
	fs.IntVar(&c.users, "users", 0, "distinct user ids to cycle through (0: a new one per request, so no cooldown applies)")
	fs.IntVar(&c.pid, "pid", 0, "server process id, to report its RSS (with -self: this process)")
	fs.BoolVar(&c.noCool, "self-no-cooldown", false, "with -self, serve without the per-user cooldown")
	fs.BoolVar(&c.noCache, "self-no-cache", false, "with -self, answer every question afresh: no answer cache, so repeats cost what a new question does")
	fs.BoolVar(&c.baseline, "baseline", true, "with -self, first load a verify-only endpoint in this process, the floor every interaction pays")
	fs.IntVar(&c.nRounds, "rounds", 3, "alternate the floor and /license this many times, -n/rounds requests each run")
	fs.StringVar(&c.cpuprofile, "cpuprofile", "", "write a CPU profile of the last /license run to this file, and of the floor's to FILE.floor (with -self: server and client)")
	fs.BoolVar(&c.show, "show", false, "print the first response body (try with -n 1)")
	fs.BoolVar(&c.genkey, "genkey", false, "print a new key pair (DISCORD_PUBLIC_KEY for the server, -key for loadgen) and exit")
	if err := fs.Parse(args); err != nil {
		return c, err
	}
	c.n = min(max(c.n, 1), maxRequests)
	c.conc = min(max(c.conc, 1), maxConns)
	c.duration = min(max(c.duration, time.Second), maxDuration)
	c.nRounds = min(max(c.nRounds, 1), 100)
	if c.questionsFile != "" {
		qs, err := readQuestions(c.questionsFile)
		if err != nil {
			return c, err
		}
		c.questions = qs
	}
	return c, nil
}

// target settles what is loaded and the key that signs for it: in-process
// servers with a fresh key (-self), or -addr with -key. It refuses any
// address that is not this machine.
func (c *config) target() (ed25519.PrivateKey, func(), error) {
	closeFn := func() {}
	var priv ed25519.PrivateKey
	if c.self {
		s, err := startSelf(c.dataDir, !c.noCool, !c.noCache)
		if err != nil {
			return nil, nil, err
		}
		closeFn = s.stop
		c.addr, priv, c.pid = s.url, s.priv, os.Getpid()
		if c.baseline {
			c.floorAddr = s.floorURL
		}
	} else {
		k, err := parseKey(c.keyHex)
		if err != nil {
			return nil, nil, err
		}
		priv = k
	}
	if err := loopbackOnly(c.addr); err != nil {
		closeFn()
		return nil, nil, err
	}
	return priv, closeFn, nil
}

func parseKey(h string) (ed25519.PrivateKey, error) {
	b, err := hex.DecodeString(strings.TrimSpace(h))
	switch {
	case err != nil:
		return nil, fmt.Errorf("-key: %w", err)
	case len(b) == ed25519.SeedSize:
		return ed25519.NewKeyFromSeed(b), nil
	case len(b) == ed25519.PrivateKeySize:
		return ed25519.PrivateKey(b), nil
	}
	return nil, errors.New("-key: want a 32-byte seed or 64-byte private key in hex (see -genkey)")
}

// loopbackOnly refuses any target that is not this machine.
func loopbackOnly(addr string) error {
	u, err := url.Parse(addr)
	if err != nil {
		return fmt.Errorf("-addr: %w", err)
	}
	ips, err := net.LookupIP(u.Hostname())
	if err != nil {
		return fmt.Errorf("-addr: %w", err)
	}
	for _, ip := range ips {
		if !ip.IsLoopback() {
			return fmt.Errorf("-addr %s resolves to %s: loadgen only targets loopback", addr, ip)
		}
	}
	return nil
}
