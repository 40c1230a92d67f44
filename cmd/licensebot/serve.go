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
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/licensebot/licensebot/bot"
	"github.com/licensebot/licensebot/bot/store"
	"github.com/licensebot/licensebot/index"
)

// discordConfig is the Discord side of the configuration: environment
// variables, each mirrored by a flag.
type discordConfig struct {
	token     string
	appID     string
	publicKey string
	apiBase   string
}

// register declares the flags. Secrets get no default from the
// environment here, or --help and every flag error would print them; the
// environment fills what the flags leave empty, in fromEnv.
func (c *discordConfig) register(fs interface {
	StringVar(*string, string, string, string)
}) {
	fs.StringVar(&c.token, "token", "", "bot token (env DISCORD_TOKEN); gateway mode and pinning need it")
	fs.StringVar(&c.appID, "app-id", "", "application id (env DISCORD_APP_ID)")
	fs.StringVar(&c.publicKey, "public-key", "", "application public key, hex (env DISCORD_PUBLIC_KEY); HTTP mode verifies signatures with it")
	fs.StringVar(&c.apiBase, "discord-api", "", "base URL replacing https://discord.com/api for every REST call (env LICENSEBOT_DISCORD_API)")
}

func (c *discordConfig) fromEnv() {
	fill(&c.token, "DISCORD_TOKEN")
	fill(&c.appID, "DISCORD_APP_ID")
	fill(&c.publicKey, "DISCORD_PUBLIC_KEY")
	fill(&c.apiBase, "LICENSEBOT_DISCORD_API")
}

func fill(v *string, env string) {
	if *v == "" {
		*v = os.Getenv(env)
	}
}

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

func (c *serveCommand) Run(ctx context.Context, args []string) error {
	fs := c.m.newFlagSet("serve", "serve [--http ADDR] [flags]")
	c.dirs.register(fs)
	c.discord.register(fs)
	fs.StringVar(&c.httpAddr, "http", os.Getenv("LICENSEBOT_HTTP_ADDR"), "serve the HTTP interactions endpoint on ADDR (e.g. :8080) instead of the gateway (env LICENSEBOT_HTTP_ADDR)")
	fs.StringVar(&c.db, "db", os.Getenv(store.EnvDB), "SQLite file for pins (env "+store.EnvDB+"; default DATA/licensebot.db)")
	fs.StringVar(&c.dbURL, "database-url", "", "PostgreSQL URL for pins, shared by replicas (env "+store.EnvDatabaseURL+")")
	fs.StringVar(&c.logLevel, "log-level", envOr("LICENSEBOT_LOG_LEVEL", "info"), "debug, info, warn or error (env LICENSEBOT_LOG_LEVEL)")
	logJSON, _ := strconv.ParseBool(os.Getenv("LICENSEBOT_LOG_JSON"))
	fs.BoolVar(&c.logJSON, "log-json", logJSON, "log JSON lines instead of text (env LICENSEBOT_LOG_JSON=true)")
	fs.DurationVar(&c.cooldown, "cooldown", 3*time.Second, "per-user refill time of the command token bucket")
	fs.IntVar(&c.burst, "burst", 5, "per-user burst of commands before the cooldown applies")
	fs.DurationVar(&c.watch, "watch", 5*time.Second, "how often to look for an index built by another process (0 disables)")
	fs.StringVar(&c.metrics, "metrics", os.Getenv("LICENSEBOT_METRICS_ADDR"), "gateway mode: serve /healthz, /readyz and /metrics on ADDR (env LICENSEBOT_METRICS_ADDR)")
	fs.StringVar(&c.reindex, "reindex-guilds", os.Getenv("LICENSEBOT_REINDEX_GUILDS"), "comma-separated server ids whose administrators may /reindex; empty allows administrators of every server (env LICENSEBOT_REINDEX_GUILDS)")
	fs.IntVar(&c.shardID, "shard-id", envInt("LICENSEBOT_SHARD_ID", 0), "gateway shard this process runs (env LICENSEBOT_SHARD_ID)")
	fs.IntVar(&c.shards, "shard-count", envInt("LICENSEBOT_SHARD_COUNT", 1), "total gateway shards (env LICENSEBOT_SHARD_COUNT)")
	if _, err := parse(fs, args); err != nil {
		return err
	}
	c.discord.fromEnv()
	fill(&c.dbURL, store.EnvDatabaseURL)
	log := c.logger()
	slog.SetDefault(log)

	// Everything that can be checked without touching disk or network is
	// checked first, so a typo fails at once and creates nothing.
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

	eng, err := c.openEngine(ctx, log)
	if err != nil {
		return err
	}
	defer eng.Close()

	dbPath := c.db
	if dbPath == "" && c.dbURL == "" {
		dbPath = filepath.Join(c.dirs.data, "licensebot.db")
	}
	pins, err := store.Open(ctx, dbPath, c.dbURL)
	if err != nil {
		return fmt.Errorf("pins store: %w", err)
	}
	defer pins.Close()

	sess, err := bot.NewSession(c.discord.token, c.discord.apiBase)
	if err != nil {
		return err
	}
	sess.ShardID, sess.ShardCount = c.shardID, c.shards
	deps := &bot.Deps{
		Engine:   eng,
		Log:      log,
		Cooldown: bot.NewCooldown(c.cooldown, c.burst),
		Session:  sess,
		Metrics:  bot.NewMetrics(eng),
		AppID:    c.discord.appID,
		Pins:     pins,
		Reindex: func(ctx context.Context) (*index.BuildReport, error) {
			return eng.Rebuild(ctx, c.dirs.paths())
		},
		ReindexGuilds: idSet(c.reindex),
	}
	disp := bot.NewDispatcher(deps)

	// An index built by `licensebot index build` is picked up; SIGHUP
	// rebuilds from the corpus, as /reindex does.
	if c.watch > 0 {
		go eng.Watch(ctx, c.watch, func(dir string, err error) {
			if err != nil {
				log.Warn("index reload failed; still serving the previous index", "err", err)
				return
			}
			log.Info("picked up a new index", "index", dir)
		})
	}
	go c.reindexOnHUP(ctx, eng, log)

	st := eng.Stats()
	log.Info("serving", "mode", map[bool]string{true: "http", false: "gateway"}[c.httpAddr != ""],
		"addr", c.httpAddr, "corpus", st.CorpusVersion, "clauses", st.Clauses, "index", st.Dir)
	if c.httpAddr != "" {
		h, err := bot.NewHTTPServer(disp, c.discord.publicKey, sess)
		if err != nil {
			return err
		}
		return bot.ListenAndServe(ctx, c.httpAddr, h, 10*time.Second)
	}
	if c.metrics != "" {
		go func() {
			if err := bot.ListenAndServe(ctx, c.metrics, bot.NewOpsServer(disp), 5*time.Second); err != nil {
				log.Error("ops endpoint stopped", "addr", c.metrics, "err", err)
			}
		}()
	}
	return bot.RunGateway(ctx, sess, disp, 10*time.Second)
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

func (c *serveCommand) reindexOnHUP(ctx context.Context, eng *index.Engine, log *slog.Logger) {
	hup := make(chan os.Signal, 1)
	signal.Notify(hup, syscall.SIGHUP)
	defer signal.Stop(hup)
	for {
		select {
		case <-ctx.Done():
			return
		case <-hup:
			r, err := eng.Rebuild(ctx, c.dirs.paths())
			if err != nil {
				log.Error("reindex on SIGHUP failed; still serving the previous index", "err", err)
				continue
			}
			log.Info("reindexed on SIGHUP", "documents", r.Documents, "clauses", r.Clauses, "took", r.Took, "index", r.Dir)
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

func envInt(key string, def int) int {
	if v, err := strconv.Atoi(os.Getenv(key)); err == nil {
		return v
	}
	return def
}

func (c *serveCommand) logger() *slog.Logger {
	var level slog.Level
	if err := level.UnmarshalText([]byte(strings.ToUpper(c.logLevel))); err != nil {
		level = slog.LevelInfo
	}
	opts := &slog.HandlerOptions{Level: level}
	if c.logJSON {
		return slog.New(slog.NewJSONHandler(c.m.Stderr, opts))
	}
	return slog.New(slog.NewTextHandler(c.m.Stderr, opts))
}

type registerCommand struct {
	m       *Main
	discord discordConfig
	guild   string
}

func (c *registerCommand) Run(ctx context.Context, args []string) error {
	fs := c.m.newFlagSet("commands register", "commands register [--guild ID]")
	c.discord.register(fs)
	fs.StringVar(&c.guild, "guild", "", "register in this server only (instant; global commands take up to an hour to appear)")
	if _, err := parse(fs, args); err != nil {
		return err
	}
	c.discord.fromEnv()
	if c.discord.token == "" || c.discord.appID == "" {
		return fmt.Errorf("%w: commands register needs DISCORD_TOKEN and DISCORD_APP_ID", errUsage)
	}
	sess, err := bot.NewSession(c.discord.token, c.discord.apiBase)
	if err != nil {
		return err
	}
	got, err := bot.RegisterCommands(sess, c.discord.appID, c.guild, bot.Commands)
	if err != nil {
		return fmt.Errorf("commands register: %w", err)
	}
	where := "globally"
	if c.guild != "" {
		where = "in guild " + c.guild
	}
	names := make([]string, 0, len(got))
	for _, g := range got {
		names = append(names, g.Name)
	}
	fmt.Fprintf(c.m.Stdout, "registered %d commands %s (bulk overwrite): %s\n", len(got), where, strings.Join(names, ", "))
	return nil
}
