package main

import (
	"context"
	"fmt"
	"path/filepath"

	"github.com/licensebot/licensebot/corpus"
)

type corpusPullCommand struct {
	m    *Main
	dirs dirs
	from string
}

func (c *corpusPullCommand) Run(ctx context.Context, args []string) error {
	fs := c.m.newFlagSet("corpus pull", "corpus pull [--from DIR]")
	c.dirs.register(fs)
	fs.StringVar(&c.from, "from", "", "copy the texts from this mirror directory instead of downloading them")
	if _, err := parse(fs, args); err != nil {
		return err
	}
	m, err := corpus.LoadManifest(filepath.Join(c.dirs.corpus, "manifest.yaml"))
	if err != nil {
		return err
	}
	res, err := corpus.Pull(ctx, m, corpus.PullOptions{Dest: c.dirs.paths().Texts, From: c.from})
	if err != nil {
		return err
	}
	counts := map[string]int{}
	for _, r := range res {
		counts[r.Action]++
		if r.Action == "absent" {
			fmt.Fprintf(c.m.Stderr, "note: %s has no download URL and is not in the mirror; it will be left out of the index (use --from DIR)\n", r.Doc)
		}
	}
	fmt.Fprintf(c.m.Stdout, "%d documents in %s: %d fetched, %d copied, %d unchanged, %d absent\n",
		len(res), c.dirs.paths().Texts, counts["fetched"], counts["copied"], counts["unchanged"], counts["absent"])
	return nil
}

type corpusCheckCommand struct {
	m    *Main
	dirs dirs
}

func (c *corpusCheckCommand) Run(ctx context.Context, args []string) error {
	fs := c.m.newFlagSet("corpus check", "corpus check [--data DIR] [--corpus DIR]")
	c.dirs.register(fs)
	if _, err := parse(fs, args); err != nil {
		return err
	}
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
	return nil
}
