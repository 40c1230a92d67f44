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

// splitTwo reads words as two licenses, then a topic. The first name is
// read as long as it goes, as ask reads it; where that leaves no second
// license and topic, the shortest first name that does is taken, since a
// publisher's name is also a license's: "deepseek llama4 military" reads
// whole as Llama 4 published by DeepSeek, and is DeepSeek against Llama 4.
func splitTwo(e *index.Engine, words []string) (first, second string, topic []string, ok bool) {
	first, rest := splitSubject(e, words)
	if second, topic = splitSubject(e, rest); second != "" && len(topic) > 0 {
		return first, second, topic, true
	}
	for n := 1; n < len(words)-1; n++ {
		f, rest, ok := e.SplitSubject(words[:n+1])
		if !ok || len(rest) != 1 {
			continue
		}
		s, topic, ok := e.SplitSubject(words[n:])
		if !ok {
			continue
		}
		if s, topic, named := withVersion(e, s, topic); named && len(topic) > 0 {
			return f, s, topic, true
		}
	}
	return "", "", nil, false
}

func (c *compareCommand) Run(ctx context.Context) error {
	e, err := c.m.openIndex(ctx, c.dirs)
	if err != nil {
		return err
	}
	defer e.Close()
	first, second, topic, ok := splitTwo(e, c.words)
	if !ok {
		return fmt.Errorf("%w: compare needs two licenses and a topic, e.g. `licensebot compare llama3 llama4 outputs`", errUsage)
	}
	cmp, err := e.Compare(ctx, first, second, strings.Join(topic, " "))
	if errors.Is(err, index.ErrEmptyTopic) || errors.Is(err, index.ErrSameLicense) {
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
