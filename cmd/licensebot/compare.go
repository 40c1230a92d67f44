package main

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/licensebot/licensebot/index"
)

// compareCommand puts two licenses side by side on one topic:
// `licensebot compare FIRST SECOND TOPIC...`.
type compareCommand struct {
	m             *Main
	dirs          dirs
	json          bool
	first, second string
	topic         string
}

func (c *compareCommand) ParseFlags(args []string) error {
	fs := c.m.newFlagSet("compare", "compare [--json] FIRST SECOND TOPIC...")
	c.dirs.register(fs)
	fs.BoolVar(&c.json, "json", false, "print both answers as JSON")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) < 3 {
		fs.Usage()
		return fmt.Errorf("%w: compare needs two licenses and a topic, e.g. `licensebot compare llama3 llama4 outputs`", errUsage)
	}
	c.first, c.second, c.topic = pos[0], pos[1], strings.Join(pos[2:], " ")
	return nil
}

func (c *compareCommand) Run(ctx context.Context) error {
	e, err := index.Open(c.dirs.data)
	if err != nil {
		return err
	}
	defer e.Close()
	cmp, err := e.Compare(ctx, c.first, c.second, c.topic)
	if errors.Is(err, index.ErrEmptyTopic) {
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	if err != nil {
		return err
	}
	if c.json {
		return writeJSON(c.m.Stdout, cmp)
	}
	printAnswer(c.m.Stdout, cmp.First)
	fmt.Fprintln(c.m.Stdout, strings.Repeat("─", 72))
	printAnswer(c.m.Stdout, cmp.Second)
	return nil
}
