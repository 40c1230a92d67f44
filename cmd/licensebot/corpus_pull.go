package main

import (
	"context"
	"errors"
	"fmt"

	"github.com/licensebot/licensebot/corpus"
)

// corpusPullCommand fetches the third-party texts, SHA-256 verified:
// `licensebot corpus pull [--from DIR] [--all]`.
type corpusPullCommand struct {
	m    *Main
	dirs dirs
	from string
	all  bool
}

func (c *corpusPullCommand) ParseFlags(args []string) error {
	fs := c.m.newFlagSet("corpus pull", "corpus pull [--from DIR] [--all]")
	c.dirs.register(fs)
	fs.StringVar(&c.from, "from", "", "copy the texts from this mirror directory (texts it lacks are downloaded)")
	fs.BoolVar(&c.all, "all", false, "fail unless every document is there, the mirror-only ones too (image builds)")
	_, err := parse(fs, args)
	return err
}

func (c *corpusPullCommand) Run(ctx context.Context) error {
	m, err := c.dirs.paths().LoadManifest()
	if err != nil {
		return err
	}
	res, counts, err := c.m.pullTexts(ctx, m, corpus.PullOptions{Dest: c.dirs.paths().Texts, From: c.from, All: c.all}, "")
	if absent := (*corpus.AbsentError)(nil); errors.As(err, &absent) {
		return fmt.Errorf("%w; pass --from a mirror that has them (an image build: docker build --build-context mirror=DIR)", err)
	}
	if err != nil {
		return err
	}
	fix := " (use --from DIR)"
	if c.from != "" {
		fix = " (" + c.from + " lacks it too)"
	}
	for _, r := range res {
		if r.Action == "absent" {
			fmt.Fprintf(c.m.Stderr, "note: %s has no download URL and is not in the mirror; it will be left out of the index%s\n", r.Doc, fix)
		}
	}
	fmt.Fprintf(c.m.Stdout, "%d documents in %s: %d fetched, %d copied, %d unchanged, %d absent\n",
		len(res), c.dirs.paths().Texts, counts["fetched"], counts["copied"], counts["unchanged"], counts["absent"])
	return nil
}
