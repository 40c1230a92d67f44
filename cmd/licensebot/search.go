package main

import (
	"context"
	"fmt"
	"strings"

	"github.com/licensebot/licensebot/index"
)

// searchCommand searches the whole corpus:
// `licensebot search [--license L] QUERY...`.
type searchCommand struct {
	m       *Main
	dirs    dirs
	json    bool
	license string
	limit   int
	query   string
}

func (c *searchCommand) ParseFlags(args []string) error {
	fs := c.m.newFlagSet("search", "search [--json] [--license L] QUERY...")
	c.dirs.register(fs)
	fs.BoolVar(&c.json, "json", false, `print {"hits": [...]} as JSON`)
	fs.StringVar(&c.license, "license", "", "search only this license and the policies it incorporates")
	fs.IntVar(&c.limit, "limit", 10, "number of hits")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if c.limit < 1 || c.limit > 100 {
		return fmt.Errorf("%w: --limit must be between 1 and 100", errUsage)
	}
	if len(pos) == 0 {
		fs.Usage()
		return fmt.Errorf("%w: search needs a query", errUsage)
	}
	c.query = strings.Join(pos, " ")
	return nil
}

func (c *searchCommand) Run(ctx context.Context) error {
	e, err := c.m.openIndex(ctx, c.dirs)
	if err != nil {
		return err
	}
	defer e.Close()
	hits, err := e.Search(ctx, c.query, c.license, c.limit)
	if err != nil {
		return err
	}
	if hits == nil {
		hits = []index.Hit{}
	}
	if c.json {
		return writeJSON(c.m.Stdout, struct {
			Hits []index.Hit `json:"hits"`
		}{hits})
	}
	p := c.m.out()
	if k := e.SearchScope(c.query); c.license == "" && k != "" {
		if mo := e.ModelIn(c.query); mo != nil {
			p.line(fmt.Sprintf("%s is under %s: searching %s.", mo.Name, strings.Join(mo.Licenses, " and "), k))
		} else {
			p.line(fmt.Sprintf("Searching %s, which the query names (--license picks another).", k))
		}
	}
	if len(hits) == 0 {
		p.line("No clause matches.")
	}
	for _, h := range hits {
		p.printHit(h, true)
	}
	return nil
}
