package main

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/licensebot/licensebot/index"
)

// clauseCommand prints one section, or lists a license's sections:
// `licensebot clause LICENSE [SECTION]`.
type clauseCommand struct {
	m     *Main
	dirs  dirs
	json  bool
	words []string // the license (one or more words), then the section
}

func (c *clauseCommand) ParseFlags(args []string) error {
	fs := c.m.newFlagSet("clause", "clause [--json] LICENSE [SECTION]")
	c.dirs.register(fs)
	fs.BoolVar(&c.json, "json", false, "print the clause (or the sections) as JSON")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) == 0 {
		fs.Usage()
		return fmt.Errorf("%w: clause needs a license, e.g. `licensebot clause llama4 1.b.i`", errUsage)
	}
	c.words = pos
	return nil
}

func (c *clauseCommand) Run(ctx context.Context) error {
	e, err := c.m.openIndex(ctx, c.dirs)
	if err != nil {
		return err
	}
	defer e.Close()
	license, rest := splitSubject(e, c.words)
	if len(rest) == 0 {
		return c.sections(ctx, e, license)
	}
	h, err := e.Clause(ctx, license, strings.Join(rest, " "))
	if errors.Is(err, index.ErrNoSuchSection) {
		return userError{fmt.Errorf("%v; `licensebot clause %s` lists its sections", err, license)}
	}
	if err != nil {
		return err
	}
	if c.json {
		return writeJSON(c.m.Stdout, h)
	}
	p := c.m.out()
	if h.DocTitle != "" {
		p.line("%s\n", p.t.bold(p.t.wrap(h.DocTitle, "")))
	}
	p.printHit(*h, false)
	p.officialText(h.URL)
	return nil
}

// sectionJSON is one section in `clause --json LICENSE`.
type sectionJSON struct {
	Doc     string `json:"doc"`
	Section string `json:"section"`
	Heading string `json:"heading"`
}

// sections lists the sections of the license and of the policies it
// incorporates, document by document.
func (c *clauseCommand) sections(ctx context.Context, e *index.Engine, license string) error {
	info, err := e.ResolveLicense(license)
	if err != nil {
		return err
	}
	secs, err := e.Sections(info.Key)
	if err != nil {
		return err
	}
	if c.json {
		out := make([]sectionJSON, len(secs))
		for i, s := range secs {
			out[i] = sectionJSON{s.Doc, s.Section, s.Heading}
		}
		return writeJSON(c.m.Stdout, struct {
			License  string        `json:"license"`
			Sections []sectionJSON `json:"sections"`
		}{info.Key, out})
	}
	c.printSections(ctx, e, info, secs)
	return nil
}

// printSections lists sections document by document, indented by depth,
// each with its heading or, where the heading is its parent's, the start of
// its text. Headings that only group items ("1" of the Llama licenses)
// are listed too, so every id that `clause` takes is on the list.
func (c *clauseCommand) printSections(ctx context.Context, e *index.Engine, info index.LicenseInfo, secs []index.SectionInfo) {
	p := c.m.out()
	doc := ""
	shown := map[string]string{} // section id → heading printed for it
	for _, s := range secs {
		if s.Doc != doc {
			doc, shown = s.Doc, map[string]string{}
			title := doc
			if doc == info.Doc {
				title = info.Title + " (" + doc + ")"
			}
			p.line("%s", p.t.bold(title))
		}
		parts := strings.Split(s.Section, ".")
		for i := 1; i < len(parts); i++ { // group headings not yet shown
			if pre := strings.Join(parts[:i], "."); shown[pre] == "" {
				h, _ := e.Clause(ctx, info.Key, doc+"#"+pre)
				if h != nil && h.Text == "" {
					shown[pre] = h.Heading
					p.printSection(pre, h.Heading)
				}
			}
		}
		what := s.Heading
		if what == "" || what == shown[strings.Join(parts[:len(parts)-1], ".")] {
			if h, err := e.Clause(ctx, info.Key, doc+"#"+s.Section); err == nil {
				what = h.Text
			}
		}
		shown[s.Section] = s.Heading
		p.printSection(s.Section, what)
	}
	p.line("\nOne of them, verbatim: licensebot clause %s %s", info.Key, firstSection(secs))
}

// printSection is one line of the list: the label, and what the section
// is about cut to the line.
func (p printer) printSection(sec, what string) {
	indent := "  " + strings.Repeat("  ", strings.Count(sec, "."))
	p.line("%s", p.oneLine(strings.Join(strings.Fields(what), " "), indent+fmt.Sprintf("%-8s ", sectionRef(sec))))
}

func firstSection(secs []index.SectionInfo) string {
	for _, s := range secs {
		if strings.Contains(s.Section, ".") {
			return s.Section
		}
	}
	if len(secs) > 0 {
		return secs[0].Section
	}
	return "1"
}
