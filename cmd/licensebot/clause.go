package main

import (
	"context"
	"fmt"
	"strings"

	"github.com/licensebot/licensebot/index"
)

// clauseCommand prints one section: `licensebot clause LICENSE SECTION`.
type clauseCommand struct {
	m       *Main
	dirs    dirs
	json    bool
	license string
	section string
}

func (c *clauseCommand) ParseFlags(args []string) error {
	fs := c.m.newFlagSet("clause", "clause [--json] LICENSE SECTION")
	c.dirs.register(fs)
	fs.BoolVar(&c.json, "json", false, "print the clause as JSON")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) < 2 {
		fs.Usage()
		return fmt.Errorf("%w: clause needs a license and a section, e.g. `licensebot clause llama4 1.b.i`", errUsage)
	}
	c.license, c.section = pos[0], strings.Join(pos[1:], " ")
	return nil
}

func (c *clauseCommand) Run(ctx context.Context) error {
	e, err := index.Open(c.dirs.data)
	if err != nil {
		return err
	}
	defer e.Close()
	h, err := e.Clause(ctx, c.license, c.section)
	if err != nil {
		return err
	}
	if c.json {
		return writeJSON(c.m.Stdout, h)
	}
	printHit(c.m.Stdout, *h, false)
	if h.URL != "" {
		fmt.Fprintf(c.m.Stdout, "Official text: %s\n", h.URL)
	}
	return nil
}
