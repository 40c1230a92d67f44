package main

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/licensebot/licensebot/index"
)

// askCommand answers one question: `licensebot ask LICENSE TOPIC...`.
type askCommand struct {
	m       *Main
	dirs    dirs
	json    bool
	license string
	topic   string
}

func (c *askCommand) ParseFlags(args []string) error {
	fs := c.m.newFlagSet("ask", "ask [--json] LICENSE TOPIC...")
	c.dirs.register(fs)
	fs.BoolVar(&c.json, "json", false, "print the answer as JSON (the stable contract scripts use)")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) < 2 {
		fs.Usage()
		return fmt.Errorf("%w: ask needs a license and a topic, e.g. `licensebot ask llama4 attribution`", errUsage)
	}
	c.license, c.topic = pos[0], strings.Join(pos[1:], " ")
	return nil
}

func (c *askCommand) Run(ctx context.Context) error {
	e, err := index.Open(c.dirs.data)
	if err != nil {
		return err
	}
	defer e.Close()
	a, err := e.Ask(ctx, c.license, c.topic)
	if errors.Is(err, index.ErrEmptyTopic) {
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	if err != nil {
		return err
	}
	if c.json {
		return writeJSON(c.m.Stdout, a)
	}
	printAnswer(c.m.Stdout, a)
	return nil
}
