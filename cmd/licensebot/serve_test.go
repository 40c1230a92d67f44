package main

import (
	"net"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/licensebot/licensebot/index/indextest"
)

// A variable serve reads that does not parse is refused, naming it, before
// anything is created; it is not silently replaced by the default.
func TestServeRefusesAnEnvironmentValueThatDoesNotParse(t *testing.T) {
	for _, tc := range []struct{ env, value, want string }{
		{"LICENSEBOT_LOG_JSON", "yes please", `LICENSEBOT_LOG_JSON="yes please": want true or false`},
		{"LICENSEBOT_SHARD_ID", "two", `LICENSEBOT_SHARD_ID="two": want a whole number`},
		{"LICENSEBOT_SHARD_COUNT", "1.5", `LICENSEBOT_SHARD_COUNT="1.5": want a whole number`},
		{"LICENSEBOT_LOG_LEVEL", "loud", `"loud": want debug, info, warn or error`},
	} {
		t.Run(tc.env, func(t *testing.T) {
			data := t.TempDir()
			t.Setenv("DISCORD_TOKEN", "t")
			t.Setenv(tc.env, tc.value)
			_, stderr, code := run(t, "serve", "--data", data)
			if code != 2 || !strings.Contains(stderr, tc.want) {
				t.Errorf("exit %d, %q; want 2 saying %s", code, stderr, tc.want)
			}
			if entries, _ := os.ReadDir(data); len(entries) > 0 {
				t.Errorf("created %d entries in the data dir before refusing", len(entries))
			}
		})
	}
}

// The command line wins over the environment, and a good value in the
// environment is taken: neither refuses.
func TestServeFlagsWinOverTheEnvironment(t *testing.T) {
	t.Setenv("LICENSEBOT_LOG_JSON", "maybe")
	t.Setenv("LICENSEBOT_SHARD_COUNT", "4")
	t.Setenv("LICENSEBOT_SHARD_ID", "3")
	c := &serveCommand{m: NewMain(nil, nil)}
	if err := c.ParseFlags([]string{"--log-json=false"}); err != nil {
		t.Fatalf("--log-json given, a bad LICENSEBOT_LOG_JSON is not read: %v", err)
	}
	if c.logJSON || c.shards != 4 || c.shardID != 3 {
		t.Errorf("log-json %v, shard %d of %d; want false, 3 of 4", c.logJSON, c.shardID, c.shards)
	}
}

// A PostgreSQL address that takes the connection and never answers (a
// hung server, another service on that port) makes serve give up after
// pinsStoreTimeout, naming the store, instead of waiting for ever with
// nothing logged and nothing served.
func TestServeGivesUpOnAPinsStoreThatNeverAnswers(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	go func() {
		var held []net.Conn // accepted, never answered
		for {
			conn, err := ln.Accept()
			if err != nil {
				for _, c := range held {
					c.Close()
				}
				return
			}
			held = append(held, conn)
		}
	}()
	defer func(d time.Duration) { pinsStoreTimeout = d }(pinsStoreTimeout)
	pinsStoreTimeout = time.Second
	t.Setenv("DISCORD_TOKEN", "t")
	t.Setenv("LICENSEBOT_DATABASE_URL", "postgres://u:pw@"+ln.Addr().String()+"/db")
	done := make(chan string, 1)
	go func() {
		_, stderr, _ := run(t, "serve", "--data", indextest.DataDir(t), "--watch", "0")
		done <- stderr
	}()
	select {
	case stderr := <-done:
		if !strings.Contains(stderr, "pins store LICENSEBOT_DATABASE_URL: no answer within 1s") {
			t.Errorf("stderr %q; want the store named and the time waited", stderr)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("serve still waiting for the pins store after 30s")
	}
}
