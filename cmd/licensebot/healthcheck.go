package main

import (
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
	fs.StringVar(&c.addr, "addr", firstNonEmpty(os.Getenv("LICENSEBOT_HTTP_ADDR"), os.Getenv("LICENSEBOT_METRICS_ADDR"), ":8080"),
		"address the bot serves /readyz on (default: LICENSEBOT_HTTP_ADDR, else LICENSEBOT_METRICS_ADDR, else :8080)")
	fs.DurationVar(&c.timeout, "timeout", 3*time.Second, "how long to wait for the answer")
	_, err := parse(fs, args)
	return err
}

func (c *healthcheckCommand) Run(ctx context.Context) error {
	u := readyURL(c.addr)
	ctx, cancel := context.WithTimeout(ctx, c.timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return fmt.Errorf("healthcheck: %w", err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(io.LimitReader(resp.Body, 4096))
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("healthcheck: %s: %s %s", u, resp.Status, strings.TrimSpace(string(body)))
	}
	fmt.Fprint(c.m.Stdout, string(body))
	return nil
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
