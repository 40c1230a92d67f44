package main

import (
	"context"
	"fmt"

	"github.com/licensebot/licensebot/corpus"
)

// corpusCheckCommand validates the corpus without building the index:
// `licensebot corpus check`.
type corpusCheckCommand struct {
	m    *Main
	dirs dirs
}

func (c *corpusCheckCommand) ParseFlags(args []string) error {
	fs := c.m.newFlagSet("corpus check", "corpus check [--data DIR] [--corpus DIR]")
	c.dirs.register(fs)
	_, err := parse(fs, args)
	return err
}

func (c *corpusCheckCommand) Run(context.Context) error {
	co, err := corpus.Load(c.dirs.paths())
	if err != nil {
		return err
	}
	n := 0
	for _, cl := range co.Clauses {
		n += len(cl)
	}
	fmt.Fprintf(c.m.Stdout, "ok: %d documents, %d clauses, %d topics, %d cards, %d notes files\n",
		len(co.Clauses), n, len(co.Topics.Topics), len(co.Cards), len(co.Notes))
	for _, d := range co.Manifest.Documents {
		if d.Kind == corpus.KindLicense && co.Cards[d.License] == nil {
			fmt.Fprintf(c.m.Stdout, "note: %s has no verdict card (cards/%s.yaml): its answers quote clauses without a verdict or an \"Open source?\" line\n", d.License, d.License)
		}
	}
	return nil
}
