package store

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"sync"
	"testing"
	"time"
)

// The crash test re-runs this test binary as a child that pins as fast as it
// can and reports each pin after Pin returned; the parent SIGKILLs it in the
// middle of writing, reopens the database and checks every reported pin.
const (
	envCrashBackend = "LICENSEBOT_STORE_CRASH_BACKEND"
	envCrashDSN     = "LICENSEBOT_STORE_CRASH_DSN"
	committedPrefix = "committed "
)

func TestCrashMidWriteLosesNothingCommitted(t *testing.T) {
	forEachBackend(t, func(t *testing.T, tg target) {
		// Create and migrate the database first, as the running bot would have.
		s := tg.mustOpen(t)
		_ = s.Close()

		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		defer cancel()
		cmd := exec.CommandContext(ctx, os.Args[0], "-test.run=^TestCrashChild$", "-test.count=1")
		cmd.Env = append(os.Environ(), envCrashBackend+"="+tg.backend, envCrashDSN+"="+tg.dsn)
		stdout, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		var stderr strings.Builder
		cmd.Stderr = &stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}

		const killAfter = 300
		var committed []string
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			id, ok := strings.CutPrefix(sc.Text(), committedPrefix)
			if !ok {
				continue
			}
			committed = append(committed, id)
			if len(committed) == killAfter {
				// SIGKILL: no deferred Close, no clean shutdown.
				if err := cmd.Process.Kill(); err != nil {
					t.Fatal(err)
				}
			}
		}
		// Lines already in the pipe when the child died are commits too.
		err = cmd.Wait()
		if len(committed) < killAfter {
			t.Fatalf("child stopped after %d pins (%v), before it could be killed; stderr:\n%s", len(committed), err, stderr.String())
		}
		if err == nil {
			t.Fatal("child exited cleanly; it was meant to be killed mid-write")
		}

		s = tg.mustOpen(t)
		defer s.Close()
		for _, id := range committed {
			if _, err := s.Get(context.Background(), "crash-guild", id); err != nil {
				t.Errorf("pin %s was committed before the crash but is gone: %v", id, err)
			}
		}
		_, total, err := s.List(context.Background(), "crash-guild", 0, 1)
		if err != nil {
			t.Fatal(err)
		}
		if total < len(committed) {
			t.Errorf("after the crash %d pins remain, %d were committed", total, len(committed))
		}
		if tg.backend == "sqlite" {
			db := tg.raw(t)
			defer db.Close()
			var check string
			if err := db.QueryRow(`PRAGMA integrity_check`).Scan(&check); err != nil || check != "ok" {
				t.Errorf("integrity_check after crash = %q, %v", check, err)
			}
		}
		t.Logf("%d pins reported committed before SIGKILL, %d in the database after reopen", len(committed), total)
	})
}

// TestCrashChild is the child half of TestCrashMidWriteLosesNothingCommitted;
// it does nothing in a normal test run.
func TestCrashChild(t *testing.T) {
	backend := os.Getenv(envCrashBackend)
	if backend == "" {
		t.Skip("child process of TestCrashMidWriteLosesNothingCommitted")
	}
	tg := target{backend: backend, dsn: os.Getenv(envCrashDSN)}
	s := tg.mustOpen(t)
	// Bound the child's life should the parent die without killing it.
	deadline := time.Now().Add(30 * time.Second)
	var mu sync.Mutex // one writer of stdout at a time keeps lines whole
	var wg sync.WaitGroup
	for w := range 4 {
		wg.Go(func() {
			for i := 0; time.Now().Before(deadline); i++ {
				id := fmt.Sprintf("w%d-%06d", w, i)
				if err := s.Pin(context.Background(), rec("crash-guild", id, "llama4", "attribution", time.Now())); err != nil {
					fmt.Fprintln(os.Stderr, "pin:", err)
					os.Exit(3)
				}
				mu.Lock()
				fmt.Fprintln(os.Stdout, committedPrefix+id)
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	_ = s.Close()
}
