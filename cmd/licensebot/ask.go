package main

import (
	"context"
	"errors"
	"fmt"
	"regexp"
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
		return orderHint(e, c.m.noTopic(e, license), c.words)
	}
	a, err := e.Ask(ctx, license, strings.Join(topic, " "))
	if errors.Is(err, index.ErrEmptyTopic) {
		return c.m.noTopic(e, license)
	}
	if err != nil {
		return orderHint(e, err, c.words)
	}
	if c.json {
		return writeJSON(c.m.Stdout, a)
	}
	c.m.out().printAnswer(a)
	return nil
}

// orderHint adds to an unknown license the order to ask in, when the
// words typed hold a license after their start: a question typed whole
// ("can I use llama 4 commercially?").
func orderHint(e *index.Engine, err error, words []string) error {
	var unknown *index.UnknownLicenseError
	if !errors.As(err, &unknown) {
		return err
	}
	fields := strings.Fields(strings.Join(words, " "))
	for i := 1; i < len(fields); i++ {
		subject, rest, ok := e.SplitSubject(fields[i:])
		if !ok || len(rest) > 0 && versionLike.MatchString(rest[0]) {
			continue
		}
		if info, err := e.ResolveLicense(subject); err == nil && e.ModelIn(subject) == nil {
			subject = info.Key // a license by its key; a model as typed
		}
		return fmt.Errorf("%w\nThe license comes first, then the question: licensebot ask %s …", err, subject)
	}
	return err
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
		subject, rest, _ = withVersion(e, subject, rest)
		return subject, rest
	}
	// One quoted argument holding license and question ("Llama 4 credit"),
	// read as unquoted: a version after the license as withVersion reads it
	// ("GPL 4 patents" is no question about the GPL 3), a count as the
	// question's ("llama3 700 million users").
	if fields := strings.Fields(words[0]); len(words) == 1 && len(fields) > 1 {
		if subject, rest, ok := e.SplitSubject(fields); ok {
			subject, rest, _ = withVersion(e, subject, rest)
			return subject, rest
		}
	}
	return words[0], words[1:]
}

// versionLike is a word that reads as a version number: 4, 5.0, v2.
var versionLike = regexp.MustCompile(`^(?i)v?\d+(\.\d+)*$`)

// withVersion reads a version typed after a subject named without one
// as part of its name (see Engine.VersionedName): the license's own
// version, however it is spelt ("apache v2"), names it; another of a
// versioned license ("gpl 2") names one the corpus lacks (named false),
// so the error names it. Anything else stays in the question.
func withVersion(e *index.Engine, subject string, rest []string) (name string, after []string, named bool) {
	if len(rest) == 0 {
		return subject, rest, true
	}
	if full, has, ok := e.VersionedName(subject, rest[0]); ok {
		return full, rest[1:], has
	}
	return subject, rest, true
}

// out is a printer for standard output.
func (m *Main) out() printer { return printer{w: m.Stdout, t: terminalOf(m.Stdout)} }
