package main

import (
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"time"

	"github.com/licensebot/licensebot/bot"
	"github.com/licensebot/licensebot/bot/store"
	"github.com/licensebot/licensebot/index"
	"github.com/licensebot/licensebot/internal/gctune"
)

// selfServers are the in-process endpoints -self loads: the bot, wired as
// `licensebot serve --http` wires it, and the verify-only floor.
type selfServers struct {
	url, floorURL string
	priv          ed25519.PrivateKey
	stop          func()
}

// startSelf serves the real engine over dataDir on a loopback port, with a
// fresh key pair, exactly as serve wires it — a pins store behind the
// same lookup cache, an info-level JSON log (written nowhere, but
// formatted), the collector set as serve sets it (internal/gctune) — and
// the verify-only endpoint beside it on another port. With cache false
// the engine keeps no answers, so a repeated question costs what a new
// one does.
func startSelf(dataDir string, cooldown, cache bool) (*selfServers, error) {
	gctune.ForServer() // as serve runs
	opts := index.Options{}
	if !cache {
		opts.AnswerCache = -1
	}
	eng, err := index.OpenWith(dataDir, opts)
	if err != nil {
		return nil, fmt.Errorf("-self: open index (build one with `licensebot index build`): %w", err)
	}
	pub, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		eng.Close()
		return nil, err
	}
	pinsDir, err := os.MkdirTemp("", "loadgen-pins-")
	if err != nil {
		eng.Close()
		return nil, err
	}
	var closers []func()
	stop := func() {
		for i := len(closers) - 1; i >= 0; i-- {
			closers[i]()
		}
	}
	closers = append(closers, func() { eng.Close(); os.RemoveAll(pinsDir) })
	s, err := serveBoth(eng, pub, priv, filepath.Join(pinsDir, "pins.db"), cooldown, &closers)
	if err != nil {
		stop()
		return nil, err
	}
	s.stop = stop
	return s, nil
}

// serveBoth opens the pins store and starts both endpoints, adding what
// must be closed to closers.
func serveBoth(eng *index.Engine, pub ed25519.PublicKey, priv ed25519.PrivateKey, pinsPath string, cooldown bool, closers *[]func()) (*selfServers, error) {
	pins, err := store.Open(context.Background(), pinsPath, "")
	if err != nil {
		return nil, err
	}
	*closers = append(*closers, func() { pins.Close() })
	deps := &bot.Deps{
		Engine:  eng,
		Log:     slog.New(slog.NewJSONHandler(io.Discard, nil)),
		Metrics: bot.NewMetrics(eng),
		Pins:    store.Cached(pins, 10*time.Second, 4096),
	}
	if cooldown {
		deps.Cooldown = bot.NewCooldown(3*time.Second, 5)
	}
	disp := bot.NewDispatcher(deps)
	h, err := bot.NewHTTPServer(disp, hex.EncodeToString(pub), nil)
	if err != nil {
		return nil, err
	}
	s := &selfServers{priv: priv}
	for _, ep := range []struct {
		url *string
		h   http.Handler
	}{{&s.url, h}, {&s.floorURL, verifyOnly(pub)}} {
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			return nil, err
		}
		ctx, cancel := context.WithCancel(context.Background())
		done := make(chan struct{})
		go func() { bot.Serve(ctx, ln, ep.h, disp, time.Second); close(done) }()
		*closers = append(*closers, func() { cancel(); <-done })
		*ep.url = "http://" + ln.Addr().String() + "/interactions"
	}
	return s, nil
}

// verifyOnly is the floor of every interaction: read the body, check the
// Ed25519 signature over timestamp+body as the bot does, answer a fixed
// PONG. Nothing is decoded, dispatched, looked up or rendered.
func verifyOnly(pub ed25519.PublicKey) http.Handler {
	pong := []byte(`{"type":1}`)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		sig, err := hex.DecodeString(r.Header.Get(bot.HeaderSignature))
		ts := r.Header.Get(bot.HeaderTimestamp)
		body, rerr := io.ReadAll(io.LimitReader(r.Body, bot.MaxInteractionBody+1))
		if err != nil || rerr != nil || len(body) > bot.MaxInteractionBody || !ed25519.Verify(pub, append([]byte(ts), body...), sig) {
			http.Error(w, "bad signature", http.StatusUnauthorized)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		w.Write(pong)
	})
}
