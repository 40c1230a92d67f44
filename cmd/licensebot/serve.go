package main

import (
	"context"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/licensebot/licensebot/bot"
	"github.com/licensebot/licensebot/bot/store"
	"github.com/licensebot/licensebot/index"
	"github.com/licensebot/licensebot/internal/gctune"
)

// serveCommand runs the Discord bot: `licensebot serve`. Run goes in four
// steps, each its own method: flags and environment (ParseFlags), the
// checks that need neither disk nor network (validate), the dependencies
// (build), and the runner until ctx ends (run).
type serveCommand struct {
	m        *Main
	dirs     dirs
	discord  discordConfig
	httpAddr string
	db       string
	dbURL    string
	logLevel string
	logJSON  bool
	cooldown time.Duration
	burst    int
	watch    time.Duration
	shardID  int
	shards   int
	metrics  string
	reindex  string
	// hup receives SIGHUP from the start of Run (reindexOnHUP).
	hup chan os.Signal
}

// ParseFlags reads serve's flags, then fills from the environment what
// they left unset. A variable that does not parse as its flag would is
// refused, naming it, rather than ignored.
func (c *serveCommand) ParseFlags(args []string) error {
	fs := c.m.newFlagSet("serve", "serve [--http ADDR] [flags]")
	c.dirs.register(fs)
	c.discord.register(fs)
	fs.StringVar(&c.httpAddr, "http", os.Getenv("LICENSEBOT_HTTP_ADDR"), "serve the HTTP interactions endpoint on ADDR (e.g. :8080) instead of the gateway (env LICENSEBOT_HTTP_ADDR)")
	fs.StringVar(&c.db, "db", os.Getenv(store.EnvDB), "SQLite file for pins (env "+store.EnvDB+"; default DATA/licensebot.db)")
	fs.StringVar(&c.dbURL, "database-url", "", "PostgreSQL URL for pins, shared by replicas (env "+store.EnvDatabaseURL+")")
	fs.StringVar(&c.logLevel, "log-level", "info", "debug, info, warn or error (env LICENSEBOT_LOG_LEVEL)")
	fs.BoolVar(&c.logJSON, "log-json", false, "log JSON lines instead of text (env LICENSEBOT_LOG_JSON=true)")
	fs.DurationVar(&c.cooldown, "cooldown", 3*time.Second, "per-user refill time of the command token bucket (0: no cooldown)")
	fs.IntVar(&c.burst, "burst", 5, "per-user burst of commands before the cooldown applies")
	fs.DurationVar(&c.watch, "watch", 5*time.Second, "how often to look for an index built by another process (0 disables)")
	fs.StringVar(&c.metrics, "metrics", os.Getenv("LICENSEBOT_METRICS_ADDR"), "serve /healthz, /readyz and /metrics on ADDR, the operator's address (env LICENSEBOT_METRICS_ADDR); the interactions port serves only /interactions and /healthz")
	fs.StringVar(&c.reindex, "reindex-guilds", os.Getenv("LICENSEBOT_REINDEX_GUILDS"), "comma-separated server ids whose administrators may /reindex; empty allows administrators of every server (env LICENSEBOT_REINDEX_GUILDS)")
	fs.IntVar(&c.shardID, "shard-id", 0, "gateway shard this process runs (env LICENSEBOT_SHARD_ID)")
	fs.IntVar(&c.shards, "shard-count", 1, "total gateway shards (env LICENSEBOT_SHARD_COUNT)")
	if _, err := parse(fs, args); err != nil {
		return err
	}
	c.discord.fromEnv()
	fill(&c.dbURL, store.EnvDatabaseURL)
	return fillFlags(fs, []envFlag{
		{"log-level", "LICENSEBOT_LOG_LEVEL", "debug, info, warn or error"},
		{"log-json", "LICENSEBOT_LOG_JSON", "true or false"},
		{"shard-id", "LICENSEBOT_SHARD_ID", "a whole number"},
		{"shard-count", "LICENSEBOT_SHARD_COUNT", "a whole number"},
	})
}

// Run serves until ctx ends.
func (c *serveCommand) Run(ctx context.Context) error {
	if err := c.validate(); err != nil {
		return err
	}
	// SIGHUP asks for a reindex from here on: one that arrives while the
	// index is built or the store opened waits for serving to begin, and
	// one during shutdown is ignored, instead of ending the process as
	// SIGHUP's default action would.
	c.hup = make(chan os.Signal, 1)
	signal.Notify(c.hup, syscall.SIGHUP)
	defer signal.Stop(c.hup)
	log := c.logger()
	slog.SetDefault(log)
	log.Info("garbage collector", "settings", gctune.ForServer())
	deps, err := c.build(ctx, log)
	if err != nil {
		return err
	}
	defer deps.Close()
	return c.run(ctx, deps, log)
}

// validate checks everything that can be checked without touching disk or
// network, so a typo fails at once and creates nothing.
func (c *serveCommand) validate() error {
	switch {
	case c.httpAddr != "" && c.discord.publicKey == "":
		return fmt.Errorf("%w: HTTP mode needs DISCORD_PUBLIC_KEY (the application's public key, from the Developer Portal)", errUsage)
	case c.httpAddr != "" && !isHexKey(c.discord.publicKey):
		return fmt.Errorf("%w: DISCORD_PUBLIC_KEY must be 64 hex digits (the Developer Portal's Public Key)", errUsage)
	case c.httpAddr == "" && c.discord.token == "":
		return fmt.Errorf("%w: gateway mode needs DISCORD_TOKEN; use --http ADDR for the interactions endpoint, or `licensebot ask` to try it locally", errUsage)
	case c.shards < 1 || c.shardID < 0 || c.shardID >= c.shards:
		return fmt.Errorf("%w: --shard-id must be in [0, --shard-count)", errUsage)
	case c.httpAddr != "" && c.shards != 1:
		return fmt.Errorf("%w: --shard-count (env LICENSEBOT_SHARD_COUNT) shards the gateway; the HTTP endpoint is not sharded, a load balancer spreads its requests over replicas", errUsage)
	case c.burst < 1:
		return fmt.Errorf("%w: --burst must be at least 1 (got %d)", errUsage, c.burst)
	case c.cooldown < 0:
		return fmt.Errorf("%w: --cooldown must not be negative (got %v; 0 turns the cooldown off)", errUsage, c.cooldown)
	case c.watch < 0:
		return fmt.Errorf("%w: --watch must not be negative (got %v; 0 turns watching off)", errUsage, c.watch)
	}
	if _, err := c.level(); err != nil {
		return fmt.Errorf("%w: --log-level (env LICENSEBOT_LOG_LEVEL) %q: want debug, info, warn or error", errUsage, c.logLevel)
	}
	for _, a := range c.addrs() {
		if _, _, err := net.SplitHostPort(a.addr); a.addr != "" && err != nil {
			return fmt.Errorf("%w: %s %q: want HOST:PORT or :PORT (%v)", errUsage, a.setting, a.addr, err)
		}
	}
	return nil
}

// listenAddr is an address serve binds, named by the flag and variable
// that set it, for the errors about it to name.
type listenAddr struct {
	name, addr, setting string
}

// addrs are the interactions address (HTTP mode) and the ops address,
// "" when not set.
func (c *serveCommand) addrs() []listenAddr {
	return []listenAddr{
		{"http", c.httpAddr, "--http (env LICENSEBOT_HTTP_ADDR)"},
		{"ops", c.metrics, "--metrics (env LICENSEBOT_METRICS_ADDR)"},
	}
}

// serveDeps are what serve opens before it runs and closes after.
type serveDeps struct {
	eng      *index.Engine
	pins     store.Store
	disp     *bot.Dispatcher
	replicas *replicaSync // reindexes, in step with the other replicas (replicas.go)
	// http is the interactions endpoint in HTTP mode, nil in gateway mode.
	http *bot.HTTPServer
	// gateway runs the gateway mode until its context ends.
	gateway func(context.Context) error
}

// Close closes the pins store, then the index.
func (d *serveDeps) Close() {
	if d.pins != nil {
		d.pins.Close()
	}
	if d.eng != nil {
		d.eng.Close()
	}
}

// build opens the index (building it on a fresh machine) and the pins
// store, and wires the dispatcher and the runner of the chosen mode.
func (c *serveCommand) build(ctx context.Context, log *slog.Logger) (_ *serveDeps, err error) {
	d := &serveDeps{}
	defer func() {
		if err != nil {
			d.Close()
		}
	}()
	if d.eng, err = c.openEngine(ctx, log); err != nil {
		return nil, err
	}
	if d.pins, err = c.openPins(ctx, log); err != nil {
		return nil, err
	}
	d.replicas = newReplicaSync(ctx, d.eng, d.pins, c.dirs.paths(), log)
	sess, err := bot.NewSession(c.discord.token, c.discord.apiBase)
	if err != nil {
		return nil, err
	}
	sess.ShardID, sess.ShardCount = c.shardID, c.shards
	d.disp = bot.NewDispatcher(&bot.Deps{
		Engine:   d.eng,
		Log:      log,
		Cooldown: bot.NewCooldown(c.cooldown, c.burst),
		Session:  sess,
		Metrics:  c.metricsFor(d.eng),
		AppID:    c.discord.appID,
		// Every /license answer in a server looks up its pinned answer;
		// pins are rare, so the lookups are kept (writes clear them, and
		// another replica's pins show within the ttl).
		Pins: store.Cached(d.pins, pinLookupTTL, 4096),
		Reindex: func(ctx context.Context) (*index.BuildReport, error) {
			return d.replicas.reindex(ctx, "/reindex")
		},
		ReindexGuilds: idSet(c.reindex),
	})
	if c.httpAddr == "" {
		d.gateway = func(ctx context.Context) error { return bot.RunGateway(ctx, sess, d.disp, shutdownGrace) }
		return d, nil
	}
	if d.http, err = bot.NewHTTPServer(d.disp, c.discord.publicKey, sess); err != nil {
		return nil, err
	}
	return d, nil
}

// pinLookupTTL is how long a pinned-answer lookup is kept: how late an
// answer on one replica links a pin made on another.
const pinLookupTTL = 10 * time.Second

// shutdownGrace is how long answers in flight get to finish on SIGTERM.
const shutdownGrace = 10 * time.Second

// pinsStoreTimeout bounds opening and checking the pins store at start: a
// database that takes the connection and never answers would otherwise
// hold serve up for ever, logging nothing. A variable for tests.
var pinsStoreTimeout = 30 * time.Second

// openPins opens the pins store and checks it before anything is served:
// a store that is damaged or cannot be written would take pins and record
// nothing. A PostgreSQL store that fails refuses the start, naming it, for
// the supervisor to try again; a SQLite file that fails (damaged, read-only,
// not a file) is logged and serve runs without pins (store.Unavailable),
// leaving the file as it is: answers go on, and no restart would mend it.
// A SQLite file that is sound but cannot be used yet — migrated by a newer
// licensebot, or locked by another process past pinsStoreTimeout — refuses
// the start as PostgreSQL does: a roll forward or a restart mends it, and
// serving without pins would keep them away until the next restart.
func (c *serveCommand) openPins(ctx context.Context, log *slog.Logger) (store.Store, error) {
	where, hint := c.dbPath(), "is another process holding its lock?"
	if c.dbURL != "" {
		where, hint = store.EnvDatabaseURL, "is it up, and is that address PostgreSQL?"
	}
	ctx, cancel := context.WithTimeout(ctx, pinsStoreTimeout)
	defer cancel()
	pins, err := store.Open(ctx, c.dbPath(), c.dbURL)
	switch {
	case err != nil && errors.Is(ctx.Err(), context.DeadlineExceeded):
		err = fmt.Errorf("pins store %s: no answer within %v (%s): %w", where, pinsStoreTimeout, hint, err)
	case err != nil:
		err = fmt.Errorf("pins store %s: %w", where, err)
	default:
		if err = pins.Check(ctx); err == nil {
			return pins, nil
		}
		pins.Close()
		err = fmt.Errorf("pins store %s failed its check (%w): restore it from a backup or point %s elsewhere; see bot/store/README.md",
			where, err, store.EnvDB)
	}
	if c.dbURL != "" || errors.Is(ctx.Err(), context.DeadlineExceeded) || errors.Is(err, store.ErrSchemaTooNew) || store.IsBusy(err) {
		return nil, err
	}
	log.Error("serving without pins: answers go on without their pinned links, pinning is refused, and the file is left as it is "+
		"until it is restored from a backup (or "+store.EnvDB+" points elsewhere) and serve restarted", "err", err)
	return store.Unavailable(err), nil
}

// metricsFor is the Prometheus registry with the index's health beside the
// interaction counters.
func (c *serveCommand) metricsFor(eng *index.Engine) *bot.Metrics {
	m := bot.NewMetrics(eng)
	m.Gauge("licensebot_index_degraded",
		"1 while the current index build failed verification and a previous good build serves instead.",
		func() float64 {
			if eng.Health().Degraded() {
				return 1
			}
			return 0
		})
	return m
}

// dbPath is the SQLite file for pins when no PostgreSQL URL is given.
func (c *serveCommand) dbPath() string {
	if c.db == "" && c.dbURL == "" {
		return filepath.Join(c.dirs.data, "licensebot.db")
	}
	return c.db
}

// run binds the addresses, then starts what runs beside the bot —
// picking up indexes built elsewhere, rebuilding on SIGHUP or from a
// damaged build, the ops endpoint — and serves until ctx ends. Binding
// comes first: an address in use is logged and returned before anything
// claims to serve.
func (c *serveCommand) run(ctx context.Context, d *serveDeps, log *slog.Logger) error {
	lns, err := c.listen(log)
	if err != nil {
		return err
	}
	if c.watch > 0 {
		go d.eng.Watch(ctx, c.watch, func(dir string, err error) {
			if err != nil {
				log.Error("index: the current build is refused; serving another until it is mended or replaced", "err", err, "serving", dir)
				return
			}
			log.Info("picked up a new index", "index", dir)
		})
	}
	go c.reindexOnHUP(ctx, d.replicas, log)
	go d.replicas.follow(ctx, c.watch)
	// A repair in progress stops when serving does — on shutdown, or when
	// serve ends on its own (the gateway's first connection failed) — and
	// its temporary build goes; serve returns after it.
	rctx, stopRepair := context.WithCancel(ctx)
	var repair sync.WaitGroup
	defer repair.Wait()
	defer stopRepair()
	repair.Go(func() { c.keepRepaired(rctx, d.eng, log) })
	repair.Go(func() { d.disp.WatchPins(rctx) })
	if ops, ok := lns["ops"]; ok {
		go c.serveOps(ctx, ops, d, log)
	}
	st := d.eng.Stats()
	log.Info("serving", "version", binaryVersion(), "mode", map[bool]string{true: "http", false: "gateway"}[c.httpAddr != ""],
		"addr", addrOf(lns["http"]), "ops", addrOf(lns["ops"]), "corpus", st.CorpusVersion, "clauses", st.Clauses, "index", st.Dir,
		"index_verified_in", d.eng.Health().Verified.Round(10*time.Microsecond))
	announced := make(chan struct{})
	go func() {
		<-ctx.Done()
		log.Info("shutting down: finishing the answers in flight", "grace", shutdownGrace)
		close(announced)
	}()
	if c.httpAddr != "" {
		err = bot.Serve(ctx, lns["http"], d.http, d.disp, shutdownGrace)
	} else {
		err = d.gateway(ctx)
	}
	if ctx.Err() != nil {
		<-announced // "stopped" comes after "shutting down" in the log
	}
	if err != nil {
		log.Error("stopped", "err", err)
		return err
	}
	log.Info("stopped")
	return nil
}

// listen binds the interactions address (HTTP mode) and the ops address,
// logging the error of one that cannot be bound, naming its setting.
func (c *serveCommand) listen(log *slog.Logger) (map[string]net.Listener, error) {
	lns := map[string]net.Listener{}
	for _, a := range c.addrs() {
		if a.addr == "" {
			continue
		}
		ln, err := net.Listen("tcp", a.addr)
		if err != nil {
			for _, l := range lns {
				l.Close()
			}
			log.Error("cannot listen", "addr", a.addr, "setting", a.setting, "err", err)
			return nil, fmt.Errorf("%s: listen on %s: %w", a.setting, a.addr, err)
		}
		lns[a.name] = ln
	}
	return lns, nil
}

// addrOf is the address ln is bound to ("" for none): with port 0 in the
// configuration, the log says which port was chosen.
func addrOf(ln net.Listener) string {
	if ln == nil {
		return ""
	}
	return ln.Addr().String()
}

// serveOps serves /healthz, /readyz and /metrics on ln: /readyz reports an
// index serving from its previous good build, and the pins store's check.
func (c *serveCommand) serveOps(ctx context.Context, ln net.Listener, d *serveDeps, log *slog.Logger) {
	ops := bot.NewOpsServer(d.disp)
	ops.Generation = d.replicas.generation
	ops.Degraded = func() []string {
		if h := d.eng.Health(); h.Degraded() {
			return []string{"index: " + h.String()}
		}
		return nil
	}
	if err := bot.Serve(ctx, ln, ops, d.disp, 5*time.Second); err != nil {
		log.Error("ops endpoint stopped", "addr", c.metrics, "err", err)
	}
}

// repairCheck is how often serve looks whether the index serves a build
// other than the current one because that one is damaged; repairRetry is
// how long after a repair that left the index degraded the next is tried,
// so that no cause a rebuild does not mend makes serve rebuild without
// pause. After a repair that mended it, new damage is repaired at once.
const (
	repairCheck = 2 * time.Second
	repairRetry = time.Minute
)

// keepRepaired rebuilds from the corpus whenever the index is degraded:
// at start (the current build failed verification) and while serving (a
// segment of the open build changed under it, and the engine moved to the
// build before it). It runs until ctx ends.
func (c *serveCommand) keepRepaired(ctx context.Context, eng *index.Engine, log *slog.Logger) {
	var unmended time.Time // of the last repair that left the index degraded
	t := time.NewTicker(repairCheck)
	defer t.Stop()
	for {
		if eng.Health().Degraded() && time.Since(unmended) >= repairRetry {
			c.repairIndex(ctx, eng, log)
			if eng.Health().Degraded() {
				unmended = time.Now()
			}
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

// repairIndex rebuilds from the corpus when the current build failed
// verification and a previous one serves: the rebuilt index becomes
// current and serves, and the engine is healthy again. It stops with ctx.
func (c *serveCommand) repairIndex(ctx context.Context, eng *index.Engine, log *slog.Logger) {
	log.Error("index: rebuilding from the corpus to replace the damaged build", "health", eng.Health().String())
	r, err := index.Build(ctx, c.dirs.paths(), c.dirs.data)
	if err == nil {
		err = eng.Reload()
	}
	if err != nil {
		if ctx.Err() == nil {
			log.Error("index: rebuild failed; still serving as health says", "err", err, "health", eng.Health().String(),
				"retry_in", repairRetry)
		}
		return
	}
	log.Info("index: rebuilt; serving the new build", "index", r.Dir, "clauses", r.Clauses, "took", r.Took)
}

// openEngine opens the index, building it first on a fresh machine where
// the texts are pulled but no index exists yet, and rebuilding it when no
// build passes verification. A damaged current build with a good one
// before it opens the good one, and says so loudly.
func (c *serveCommand) openEngine(ctx context.Context, log *slog.Logger) (*index.Engine, error) {
	eng, err := index.Open(c.dirs.data)
	if errors.Is(err, index.ErrNoIndex) || errors.Is(err, index.ErrStaleIndex) || errors.Is(err, index.ErrCorruptBuild) {
		if errors.Is(err, index.ErrCorruptBuild) {
			log.Error("index: the current build failed verification and no earlier build is good; rebuilding from the corpus", "err", err)
		} else {
			log.Info("no usable index; building one", "reason", err)
		}
		if _, err := index.Build(ctx, c.dirs.paths(), c.dirs.data); err != nil {
			return nil, fmt.Errorf("index build: %w", err)
		}
		eng, err = index.Open(c.dirs.data)
	}
	if err != nil {
		return nil, err
	}
	if h := eng.Health(); h.Degraded() {
		log.Error("index: the current build failed verification; serving the previous good build until a rebuild replaces it",
			"problem", h.Problem, "serving", h.Serving)
	}
	return eng, nil
}

// reindexOnHUP rebuilds on each SIGHUP (c.hup, listened to since Run
// began) until ctx ends.
func (c *serveCommand) reindexOnHUP(ctx context.Context, r *replicaSync, log *slog.Logger) {
	for {
		select {
		case <-ctx.Done():
			return
		case <-c.hup:
			log.Info("reindexing on SIGHUP")
			rep, err := r.reindex(ctx, "SIGHUP")
			if err != nil {
				log.Error("reindex on SIGHUP failed; still serving the previous index", "err", err)
				continue
			}
			log.Info("reindexed on SIGHUP", "documents", rep.Documents, "clauses", rep.Clauses, "took", rep.Took, "index", rep.Dir)
		}
	}
}

// idSet parses a comma-separated list of ids; nil when empty.
func idSet(list string) map[string]bool {
	var set map[string]bool
	for _, id := range strings.Split(list, ",") {
		if id = strings.TrimSpace(id); id != "" {
			if set == nil {
				set = map[string]bool{}
			}
			set[id] = true
		}
	}
	return set
}

func isHexKey(s string) bool {
	b, err := hex.DecodeString(s)
	return err == nil && len(b) == 32
}

// level is the slog level --log-level names.
func (c *serveCommand) level() (slog.Level, error) {
	var level slog.Level
	err := level.UnmarshalText([]byte(strings.ToUpper(c.logLevel)))
	return level, err
}

func (c *serveCommand) logger() *slog.Logger {
	level, _ := c.level() // validate refused a bad one
	opts := &slog.HandlerOptions{Level: level}
	if c.logJSON {
		return slog.New(slog.NewJSONHandler(c.m.Stderr, opts))
	}
	return slog.New(slog.NewTextHandler(c.m.Stderr, opts))
}
