package main

import (
	"context"
	"fmt"
	"strings"

	"github.com/licensebot/licensebot/index"
)

// searchCommand searches the whole corpus, or the license the query names
// or the one given: `licensebot search [--license L] QUERY...`.
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
	fs.BoolVar(&c.json, "json", false, `print {"hits": [...], "license", "model", "family"} as JSON`)
	fs.StringVar(&c.license, "license", "", "search only this license and the policies it incorporates; all: every text, even when the query names a license")
	fs.IntVar(&c.limit, "limit", 10, "number of hits")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if c.limit < 1 || c.limit > 100 {
		return fmt.Errorf("%w: --limit must be between 1 and 100", errUsage)
	}
	c.query = strings.Join(pos, " ")
	if strings.TrimSpace(c.query) == "" {
		fs.Usage()
		return fmt.Errorf("%w: search needs a query", errUsage)
	}
	return nil
}

func (c *searchCommand) Run(ctx context.Context) error {
	e, err := c.m.openIndex(ctx, c.dirs)
	if err != nil {
		return err
	}
	defer e.Close()
	res, err := e.SearchIn(ctx, c.query, c.license, c.limit)
	if err != nil {
		return err
	}
	hits := res.Hits
	if c.json {
		var license *string // null: the whole corpus
		if res.License != "" {
			license = &res.License
		}
		var family *string // null: no family named
		if res.Family != "" {
			family = &res.Family
		}
		return writeJSON(c.m.Stdout, struct {
			Hits    []index.Hit     `json:"hits"`
			License *string         `json:"license"`
			Model   *index.ModelRef `json:"model"`
			Family  *string         `json:"family"`
		}{hits, license, res.Model, family})
	}
	p := c.m.out()
	switch d := res.Document; {
	case d != nil && res.License != "":
		p.line(fmt.Sprintf("%q is part of %s: searching %s and the policies it incorporates.", c.license, res.License, res.License))
	case d != nil:
		p.line(fmt.Sprintf("%q is %s, not a license: searching every text, favouring it.", c.license, d.Named()))
	case res.Family != "":
		about := ""
		if len(res.Also) > 0 {
			about = ", and what the corpus says about them"
		}
		p.line(fmt.Sprintf("Searching the %s licenses (%s), which the query names%s (--license all searches every text).", res.Family, strings.Join(res.Members, ", "), about))
	case c.license != "" || res.License == "":
	case res.Model != nil:
		p.line(fmt.Sprintf("%s is under %s: searching %s.", res.Model.Name, strings.Join(res.Model.Licenses, " and "), res.License))
	case len(res.Also) > 0:
		p.line(fmt.Sprintf("Searching %s, the license the query names, and what the corpus says about it (--license all searches every text).", res.License))
	default:
		p.line(fmt.Sprintf("Searching %s, the license the query names (--license all searches every text).", res.License))
	}
	if len(hits) == 0 {
		p.line("No clause matches.")
	}
	for _, h := range hits {
		p.printHit(h, true)
	}
	return nil
}
