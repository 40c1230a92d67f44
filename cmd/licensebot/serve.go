package main

import (
	"context"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"github.com/licensebot/licensebot/bot"
	"github.com/licensebot/licensebot/bot/store"
	"github.com/licensebot/licensebot/index"
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
	fs.DurationVar(&c.cooldown, "cooldown", 3*time.Second, "per-user refill time of the command token bucket")
	fs.IntVar(&c.burst, "burst", 5, "per-user burst of commands before the cooldown applies")
	fs.DurationVar(&c.watch, "watch", 5*time.Second, "how often to look for an index built by another process (0 disables)")
	fs.StringVar(&c.metrics, "metrics", os.Getenv("LICENSEBOT_METRICS_ADDR"), "gateway mode: serve /healthz, /readyz and /metrics on ADDR (env LICENSEBOT_METRICS_ADDR)")
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
	log := c.logger()
	slog.SetDefault(log)
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
	}
	if _, err := c.level(); err != nil {
		return fmt.Errorf("%w: --log-level (env LICENSEBOT_LOG_LEVEL) %q: want debug, info, warn or error", errUsage, c.logLevel)
	}
	return nil
}

// serveDeps are what serve opens before it runs and closes after.
type serveDeps struct {
	eng      *index.Engine
	pins     store.Store
	disp     *bot.Dispatcher
	replicas *replicaSync // reindexes, in step with the other replicas (replicas.go)
	// serve runs the chosen mode, gateway or HTTP endpoint, until its
	// context ends.
	serve func(context.Context) error
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
	pins, err := store.Open(ctx, c.dbPath(), c.dbURL)
	if err != nil {
		return nil, fmt.Errorf("pins store: %w", err)
	}
	d.pins = pins
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
		Metrics:  bot.NewMetrics(d.eng),
		AppID:    c.discord.appID,
		Pins:     d.pins,
		Reindex: func(ctx context.Context) (*index.BuildReport, error) {
			return d.replicas.reindex(ctx, "/reindex")
		},
		ReindexGuilds: idSet(c.reindex),
	})
	if c.httpAddr == "" {
		d.serve = func(ctx context.Context) error { return bot.RunGateway(ctx, sess, d.disp, 10*time.Second) }
		return d, nil
	}
	h, err := bot.NewHTTPServer(d.disp, c.discord.publicKey, sess)
	if err != nil {
		return nil, err
	}
	h.Generation = d.replicas.generation
	d.serve = func(ctx context.Context) error { return bot.ListenAndServe(ctx, c.httpAddr, h, 10*time.Second) }
	return d, nil
}

// dbPath is the SQLite file for pins when no PostgreSQL URL is given.
func (c *serveCommand) dbPath() string {
	if c.db == "" && c.dbURL == "" {
		return filepath.Join(c.dirs.data, "licensebot.db")
	}
	return c.db
}

// run starts what runs beside the bot — picking up indexes built
// elsewhere, rebuilding on SIGHUP, the ops endpoint in gateway mode — and
// serves until ctx ends.
func (c *serveCommand) run(ctx context.Context, d *serveDeps, log *slog.Logger) error {
	if c.watch > 0 {
		go d.eng.Watch(ctx, c.watch, func(dir string, err error) {
			if err != nil {
				log.Warn("index reload failed; still serving the previous index", "err", err)
				return
			}
			log.Info("picked up a new index", "index", dir)
		})
	}
	go c.reindexOnHUP(ctx, d.replicas, log)
	go d.replicas.follow(ctx, c.watch)

	st := d.eng.Stats()
	log.Info("serving", "mode", map[bool]string{true: "http", false: "gateway"}[c.httpAddr != ""],
		"addr", c.httpAddr, "corpus", st.CorpusVersion, "clauses", st.Clauses, "index", st.Dir)
	if c.httpAddr == "" && c.metrics != "" {
		go func() {
			ops := bot.NewOpsServer(d.disp)
			ops.Generation = d.replicas.generation
			if err := bot.ListenAndServe(ctx, c.metrics, ops, 5*time.Second); err != nil {
				log.Error("ops endpoint stopped", "addr", c.metrics, "err", err)
			}
		}()
	}
	return d.serve(ctx)
}

// openEngine opens the index, building it first on a fresh machine where
// the texts are pulled but no index exists yet.
func (c *serveCommand) openEngine(ctx context.Context, log *slog.Logger) (*index.Engine, error) {
	eng, err := index.Open(c.dirs.data)
	if errors.Is(err, index.ErrNoIndex) || errors.Is(err, index.ErrStaleIndex) {
		log.Info("no usable index; building one", "reason", err)
		if _, err := index.Build(ctx, c.dirs.paths(), c.dirs.data); err != nil {
			return nil, fmt.Errorf("index build: %w", err)
		}
		eng, err = index.Open(c.dirs.data)
	}
	return eng, err
}

func (c *serveCommand) reindexOnHUP(ctx context.Context, r *replicaSync, log *slog.Logger) {
	hup := make(chan os.Signal, 1)
	signal.Notify(hup, syscall.SIGHUP)
	defer signal.Stop(hup)
	for {
		select {
		case <-ctx.Done():
			return
		case <-hup:
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
