package main

import (
	"cmp"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"strings"
	"time"
)

// healthcheckCommand asks a running bot whether it is ready:
// `licensebot healthcheck [--addr ADDR]`. Distroless images have no shell
// and no curl; the binary checks itself.
type healthcheckCommand struct {
	m       *Main
	addr    string
	timeout time.Duration
}

func (c *healthcheckCommand) ParseFlags(args []string) error {
	fs := c.m.newFlagSet("healthcheck", "healthcheck [--addr ADDR]")
	addr := fs.String("addr", "", "the bot's ops address, which serves /readyz (default: LICENSEBOT_METRICS_ADDR, else :9090)")
	fs.DurationVar(&c.timeout, "timeout", 3*time.Second, "how long to wait for an answer")
	if _, err := parse(fs, args); err != nil {
		return err
	}
	if c.timeout <= 0 {
		return fmt.Errorf("%w: --timeout must be positive (got %v)", errUsage, c.timeout)
	}
	c.addr = cmp.Or(*addr, os.Getenv("LICENSEBOT_METRICS_ADDR"), ":9090")
	return nil
}

// Run asks the ops address for /readyz, which a bot serves there in both
// modes (never on the interactions port, which faces the internet).
func (c *healthcheckCommand) Run(ctx context.Context) error {
	body, err := c.ask(ctx, readyURL(c.addr))
	if err != nil {
		return fmt.Errorf("healthcheck: %w", err)
	}
	fmt.Fprint(c.m.Stdout, body)
	return nil
}

func (c *healthcheckCommand) ask(ctx context.Context, u string) (string, error) {
	ctx, cancel := context.WithTimeout(ctx, c.timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return "", err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(io.LimitReader(resp.Body, 4096))
	if resp.StatusCode != http.StatusOK {
		return "", fmt.Errorf("%s: %s %s", u, resp.Status, strings.TrimSpace(string(body)))
	}
	return string(body), nil
}

// readyURL is the /readyz URL of a listen address: ":8080" and
// "0.0.0.0:8080" are asked on the loopback interface.
func readyURL(addr string) string {
	if strings.Contains(addr, "://") {
		return strings.TrimSuffix(addr, "/") + "/readyz"
	}
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return "http://" + addr + "/readyz"
	}
	if host == "" || host == "0.0.0.0" || host == "::" {
		host = "127.0.0.1"
	}
	return "http://" + net.JoinHostPort(host, port) + "/readyz"
}
