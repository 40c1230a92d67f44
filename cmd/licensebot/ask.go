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
	m     *Main
	dirs  dirs
	json  bool
	words []string // the license (one or more words), then the topic
}

func (c *askCommand) ParseFlags(args []string) error {
	fs := c.m.newFlagSet("ask", "ask [--json] LICENSE TOPIC...")
	c.dirs.register(fs)
	fs.BoolVar(&c.json, "json", false, "print the answer as JSON (the stable contract scripts use)")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) == 0 {
		fs.Usage()
		return fmt.Errorf("%w: ask needs a license and a topic, e.g. `licensebot ask llama4 attribution`", errUsage)
	}
	c.words = pos
	return nil
}

func (c *askCommand) Run(ctx context.Context) error {
	e, err := c.m.openIndex(ctx, c.dirs)
	if err != nil {
		return err
	}
	defer e.Close()
	license, topic := splitSubject(e, c.words)
	if len(topic) == 0 {
		return c.m.noTopic(e, license)
	}
	a, err := e.Ask(ctx, license, strings.Join(topic, " "))
	if errors.Is(err, index.ErrEmptyTopic) {
		return c.m.noTopic(e, license)
	}
	if err != nil {
		return err
	}
	if c.json {
		return writeJSON(c.m.Stdout, a)
	}
	c.m.out().printAnswer(a)
	return nil
}

// noTopic answers `ask LICENSE` without a topic: the topics the license
// has verdicts on, and how to ask one.
func (m *Main) noTopic(e *index.Engine, license string) error {
	info, err := e.ResolveLicense(license)
	if err != nil {
		return err
	}
	topics := e.Topics(info.Key)
	p := printer{w: m.Stderr, t: terminalOf(m.Stderr)}
	p.line("%s", p.t.wrap("Ask about one of the topics "+info.Title+" has verdicts on:", ""))
	p.printTopics(topics)
	if len(topics) > 0 {
		p.line("\n  licensebot ask %s %s", info.Key, topics[0].ID)
	}
	return fmt.Errorf("%w: ask needs a topic after the license", errUsage)
}

// splitSubject reads the license or model a command's words start with —
// one word, or several unquoted ("Llama 4 credit") — and returns it and
// the words after it. All the words naming one license leave no rest; when
// no run of words names one, the first word is taken, so the error names
// what was typed.
func splitSubject(e *index.Engine, words []string) (string, []string) {
	if len(words) == 0 {
		return "", nil
	}
	if _, err := e.ResolveLicense(strings.Join(words, " ")); err == nil {
		return strings.Join(words, " "), nil
	}
	if subject, rest, ok := e.SplitSubject(words); ok {
		return subject, rest
	}
	// One quoted argument holding license and question ("Llama 4 credit").
	if fields := strings.Fields(strings.Join(words, " ")); len(fields) > len(words) {
		if subject, rest, ok := e.SplitSubject(fields); ok {
			return subject, rest
		}
	}
	return words[0], words[1:]
}

// out is a printer for standard output.
func (m *Main) out() printer { return printer{w: m.Stdout, t: terminalOf(m.Stdout)} }
