package main

// The listings: what the bot knows, so nobody has to guess a name.

import (
	"context"
	"fmt"
	"strings"

	"github.com/licensebot/licensebot/index"
)

// listCommand is what the listings share: the data directory, --json, and
// the words after the command.
type listCommand struct {
	m     *Main
	dirs  dirs
	json  bool
	words []string
}

func (c *listCommand) parse(name, usage string, args []string, maxWords int) error {
	fs := c.m.newFlagSet(name, usage)
	c.dirs.register(fs)
	fs.BoolVar(&c.json, "json", false, "print the list as JSON")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > maxWords {
		fs.Usage()
		return fmt.Errorf("%w: %s takes no arguments", errUsage, name)
	}
	c.words = pos
	return nil
}

// licensesCommand lists the licenses: `licensebot licenses`.
type licensesCommand struct{ listCommand }

func (c *licensesCommand) ParseFlags(args []string) error {
	return c.parse("licenses", "licenses [--json]", args, 0)
}

// licenseJSON is one license in `licenses --json`.
type licenseJSON struct {
	Key     string   `json:"key"`
	Title   string   `json:"title"`
	Family  string   `json:"family"`
	Aliases []string `json:"aliases"`
	URL     string   `json:"url"`
}

func (c *licensesCommand) Run(ctx context.Context) error {
	e, err := c.m.openIndex(ctx, c.dirs)
	if err != nil {
		return err
	}
	defer e.Close()
	ls := e.Licenses()
	if c.json {
		out := make([]licenseJSON, len(ls))
		for i, l := range ls {
			out[i] = licenseJSON{Key: l.Key, Title: l.Title, Family: l.Family, Aliases: append([]string{}, l.Aliases...), URL: l.URL}
		}
		return writeJSON(c.m.Stdout, struct {
			Licenses []licenseJSON `json:"licenses"`
		}{out})
	}
	p := c.m.out()
	for _, l := range ls {
		p.line("%s", p.t.wrapWords(words(l.Title, nil), p.t.bold(fmt.Sprintf("%-24s", l.Key))+" ", strings.Repeat(" ", 25)))
		if len(l.Aliases) > 0 {
			p.line("%s", p.t.dim(p.oneLine("also: "+strings.Join(l.Aliases, ", "), strings.Repeat(" ", 25))))
		}
	}
	p.line("\nModels are accepted too: licensebot models. Ask one: licensebot ask %s attribution", ls[0].Key)
	return nil
}

// topicJSON is one topic in `topics --json`, keyed as ask's suggestions are.
type topicJSON struct {
	Topic   string   `json:"topic"`
	Label   string   `json:"label"`
	Aliases []string `json:"aliases"`
}

// topicsCommand lists the topics: `licensebot topics [LICENSE]`.
type topicsCommand struct{ listCommand }

func (c *topicsCommand) ParseFlags(args []string) error {
	return c.parse("topics", "topics [--json] [LICENSE]", args, 8)
}

func (c *topicsCommand) Run(ctx context.Context) error {
	e, err := c.m.openIndex(ctx, c.dirs)
	if err != nil {
		return err
	}
	defer e.Close()
	license := strings.Join(c.words, " ")
	var info index.LicenseInfo
	if license != "" {
		if info, err = e.ResolveLicense(license); err != nil {
			return err
		}
	}
	topics := e.Topics(info.Key)
	if c.json {
		out := make([]topicJSON, len(topics))
		for i, t := range topics {
			out[i] = topicJSON{t.ID, t.Label, append([]string{}, t.Aliases...)}
		}
		return writeJSON(c.m.Stdout, struct {
			License string      `json:"license,omitempty"`
			Topics  []topicJSON `json:"topics"`
		}{info.Key, out})
	}
	p := c.m.out()
	if info.Key != "" {
		p.line("%s", p.t.bold(p.t.wrap("Topics "+info.Title+" has verdicts on:", "")))
	}
	p.printTopics(topics)
	key := firstNonEmpty(info.Key, "llama4")
	if len(topics) > 0 {
		p.line("\nAsk one: licensebot ask %s %s (or in your own words)", key, topics[0].ID)
	}
	return nil
}

// printTopics lists topics: id, label, and the phrases people use for it.
func (p printer) printTopics(topics []index.TopicInfo) {
	for _, t := range topics {
		p.line("%s", p.t.wrapWords(words(t.Label, nil), "  "+p.t.bold(fmt.Sprintf("%-22s", t.ID))+" ", strings.Repeat(" ", 25)))
		if len(t.Aliases) > 0 {
			p.line("%s", p.t.dim(p.oneLine("also: "+strings.Join(t.Aliases, ", "), strings.Repeat(" ", 25))))
		}
	}
}

// oneLine is text after indent, cut to the width with "…": a listing's
// aliases are a taste of the names, one line each.
func (p printer) oneLine(text, indent string) string {
	room := p.t.width - visibleWidth(indent)
	r := []rune(text)
	if len(r) > room && room > 1 {
		cut := string(r[:room-1])
		if i := strings.LastIndexAny(cut, ", "); i > 0 {
			cut = cut[:i]
		}
		return indent + strings.TrimRight(cut, ",;: ") + " …"
	}
	return indent + text
}

func firstNonEmpty(xs ...string) string {
	for _, x := range xs {
		if x != "" {
			return x
		}
	}
	return ""
}

// modelsCommand lists the model catalogue: `licensebot models [FILTER]`.
type modelsCommand struct{ listCommand }

func (c *modelsCommand) ParseFlags(args []string) error {
	return c.parse("models", "models [--json] [FILTER]", args, 8)
}

// modelJSON is one model in `models --json`.
type modelJSON struct {
	Name     string   `json:"name"`
	Family   string   `json:"family"`
	Names    []string `json:"names"`
	Licenses []string `json:"licenses"`
	Indexed  bool     `json:"indexed"`
	Source   string   `json:"source"`
	Checked  string   `json:"checked"`
}

func (c *modelsCommand) Run(ctx context.Context) error {
	e, err := c.m.openIndex(ctx, c.dirs)
	if err != nil {
		return err
	}
	defer e.Close()
	ms := e.Models(strings.Join(c.words, " "))
	if c.json {
		out := make([]modelJSON, len(ms))
		for i, m := range ms {
			out[i] = modelJSON{m.Name, m.Family, append([]string{}, m.Names...), append([]string{}, m.Licenses...), m.Indexed, m.Source, m.Checked}
		}
		return writeJSON(c.m.Stdout, struct {
			Models []modelJSON `json:"models"`
		}{out})
	}
	p := c.m.out()
	if len(ms) == 0 {
		p.line("No model in the catalogue matches %q; licensebot models lists them all.", index.InputStart(strings.Join(c.words, " ")))
	}
	for _, m := range ms {
		p.line("%s", p.t.wrapWords(words(strings.Join(m.Licenses, " + "), nil), p.t.bold(fmt.Sprintf("%-36s", m.Name))+" ", strings.Repeat(" ", 37)))
	}
	if len(ms) > 0 {
		p.line("\nAsk about one as you would a license: licensebot ask %s commercial use", ms[0].Name)
	}
	return nil
}
