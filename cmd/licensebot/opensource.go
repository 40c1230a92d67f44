package main

import (
	"context"
	"fmt"
	"strings"
)

// openSourceCommand prints a license's Open Source Definition checklist:
// `licensebot opensource LICENSE`.
type openSourceCommand struct {
	m       *Main
	dirs    dirs
	json    bool
	license string
}

func (c *openSourceCommand) ParseFlags(args []string) error {
	fs := c.m.newFlagSet("opensource", "opensource [--json] LICENSE")
	c.dirs.register(fs)
	fs.BoolVar(&c.json, "json", false, "print the assessment as JSON")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) == 0 {
		fs.Usage()
		return fmt.Errorf("%w: opensource needs a license, e.g. `licensebot opensource llama4`", errUsage)
	}
	c.license = strings.Join(pos, " ") // "opensource Llama 4"
	return nil
}

func (c *openSourceCommand) Run(ctx context.Context) error {
	e, err := c.m.openIndex(ctx, c.dirs)
	if err != nil {
		return err
	}
	defer e.Close()
	a, err := e.OpenSource(ctx, c.license)
	if err != nil {
		return err
	}
	if c.json {
		return writeJSON(c.m.Stdout, a)
	}
	c.m.out().printAssessment(a)
	return nil
}
