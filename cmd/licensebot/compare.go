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
	m     *Main
	dirs  dirs
	json  bool
	words []string // two licenses (each one or more words), then the topic
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
	c.words = pos
	return nil
}

func (c *compareCommand) Run(ctx context.Context) error {
	e, err := c.m.openIndex(ctx, c.dirs)
	if err != nil {
		return err
	}
	defer e.Close()
	first, rest := splitSubject(e, c.words)
	second, topic := splitSubject(e, rest)
	if second == "" || len(topic) == 0 {
		return fmt.Errorf("%w: compare needs two licenses and a topic, e.g. `licensebot compare llama3 llama4 outputs`", errUsage)
	}
	cmp, err := e.Compare(ctx, first, second, strings.Join(topic, " "))
	if errors.Is(err, index.ErrEmptyTopic) {
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	if err != nil {
		return err
	}
	if c.json {
		return writeJSON(c.m.Stdout, cmp)
	}
	p := c.m.out()
	p.printAnswer(cmp.First)
	p.line("%s", p.t.dim(strings.Repeat("═", min(p.t.width, 72))))
	p.printAnswer(cmp.Second)
	return nil
}
