package main

import (
	"context"
	"fmt"
	"time"

	"github.com/licensebot/licensebot/index"
)

// indexBuildCommand rebuilds the index and swaps it in:
// `licensebot index build`.
type indexBuildCommand struct {
	m    *Main
	dirs dirs
}

func (c *indexBuildCommand) ParseFlags(args []string) error {
	fs := c.m.newFlagSet("index build", "index build [--data DIR] [--corpus DIR]")
	c.dirs.register(fs)
	_, err := parse(fs, args)
	return err
}

func (c *indexBuildCommand) Run(ctx context.Context) error {
	r, err := index.Build(ctx, c.dirs.paths(), c.dirs.data)
	if err != nil {
		return fmt.Errorf("index build failed, the serving index is unchanged:\n  %w", err)
	}
	if r.Superseded {
		fmt.Fprintf(c.m.Stdout, "indexed %d documents, %d clauses in %s, but a build that started later finished first and serves: this one was discarded → %s\n",
			r.Documents, r.Clauses, r.Took.Round(time.Millisecond), r.Dir)
	} else {
		fmt.Fprintf(c.m.Stdout, "indexed %d documents, %d clauses in %s → %s\n", r.Documents, r.Clauses, r.Took.Round(time.Millisecond), r.Dir)
	}
	for _, id := range r.Missing {
		fmt.Fprintf(c.m.Stderr, "note: %s has no text in %s/texts (mirror-only; pull it with --from), left out\n", id, c.dirs.data)
	}
	return nil
}
