package corpus

import (
	"regexp"
	"strconv"
	"strings"
)

// A node of the clause tree: a document root, an item or a paragraph.
type node struct {
	u        *unit // nil for roots
	isPara   bool
	parent   *node
	children []*node

	// Item facts, settled while building.
	title string // heading of the item, inline or title-only
	own   string // verbatim text after label and inline title

	ctx string // unnumbered heading in force when the node began

	// Roots only.
	prefix  string // "aup", "gpl" for embedded documents; "" for the main one
	title0  string // the document's own title (kept out of Parents)
	hasBody bool
}

func (n *node) indent() int {
	if n.u == nil {
		return -1
	}
	return n.u.indent
}

// sectionLike items own the unindented paragraphs that follow them, as GPL
// "1. Source Code." or Apache "4. Redistribution. …" do; a plain list item
// ("Violate the law …, including to:") does not.
func (n *node) sectionLike(d *segDoc) bool {
	if n.u == nil || n.isPara || d.markdown {
		return false
	}
	switch n.u.lkind {
	case "section", "dotted":
		return true
	}
	return n.title != "" || n.u.first == "" || n.u.setext
}

// embeddedRe recognises the title of a second document appended to a first:
// llama3-license carries the Llama 3 AUP, lgpl-3.0 the whole GPL. Such a
// title after the first document's body starts a new id namespace so the
// second document's "1." does not collide with the first's.
var embeddedRe = []struct {
	re     *regexp.Regexp
	prefix string
}{
	{regexp.MustCompile(`(?i)acceptable use policy`), "aup"},
	{regexp.MustCompile(`(?i)^gnu general public license`), "gpl"},
	{regexp.MustCompile(`(?i)prohibited use policy`), "pup"},
}

// buildTree arranges units into the clause tree.
func buildTree(d *segDoc, units []*unit) []*node {
	root := &node{}
	b := &treeBuilder{d: d, root: root, roots: []*node{root}, stack: []*node{root}}
	for _, u := range units {
		switch u.kind {
		case unitHeading:
			b.heading(u)
		case unitPara:
			b.para(u)
		case unitItem:
			b.item(u)
		}
	}
	return b.roots
}

// treeBuilder holds the state of buildTree: the document being filled
// (root; roots lists the main one and any embedded ones), the open items
// and the unnumbered heading in force.
type treeBuilder struct {
	d     *segDoc
	root  *node
	roots []*node
	stack []*node
	ctx   string
}

func (b *treeBuilder) top() *node { return b.stack[len(b.stack)-1] }

// heading closes every open item. After the body has begun, a heading that
// titles an embedded document starts a new root; any other is the context
// of what follows.
func (b *treeBuilder) heading(u *unit) {
	if b.root.hasBody {
		for _, e := range embeddedRe {
			if e.re.MatchString(u.text) {
				b.root = &node{prefix: e.prefix, title0: u.text}
				b.roots = append(b.roots, b.root)
				break
			}
		}
	}
	b.stack = append(b.stack[:0], b.root)
	// Headings before any body are the title block (title, version,
	// date): not context for the clauses.
	if !b.root.hasBody {
		if b.root.title0 == "" {
			b.root.title0 = u.text
		}
		b.ctx = ""
		return
	}
	b.ctx = u.text
}

// para hangs a paragraph under the innermost open item that owns it.
func (b *treeBuilder) para(u *unit) {
	for len(b.stack) > 1 && !owns(b.d, b.top(), u) {
		b.stack = b.stack[:len(b.stack)-1]
	}
	p := &node{u: u, isPara: true, parent: b.top(), ctx: b.ctx}
	b.top().children = append(b.top().children, p)
	b.root.hasBody = true
}

// item places a numbered or bulleted item and opens it.
func (b *treeBuilder) item(u *unit) {
	n := itemNode(u, b.ctx)
	b.stack = placeItem(b.d, b.stack, n)
	p := b.top()
	n.parent = p
	p.children = append(p.children, n)
	b.stack = append(b.stack, n)
	b.root.hasBody = true
}

// itemNode makes the node of an item, splitting off its title: a setext
// title, a title-only first line, or a title opening the text.
func itemNode(u *unit, ctx string) *node {
	n := &node{u: u, ctx: ctx, own: u.text}
	if u.setext {
		n.title, n.own = trimBold(strings.TrimSuffix(strings.TrimSpace(u.first), ".")), ""
		return n
	}
	t, after, whole := splitTitle(u.first)
	switch {
	case t == "":
	case whole && !strings.Contains(u.text, "\n"):
		n.title, n.own = t, ""
	case !whole:
		n.title = t
		n.own = u.text[strings.Index(u.text, after):]
	}
	return n
}

// owns reports whether paragraph u belongs under item n.
func owns(d *segDoc, n *node, u *unit) bool {
	if u.indent >= n.indent()+2 {
		return true
	}
	return n.sectionLike(d)
}

// placeItem pops the stack down to the node that will parent item n.
func placeItem(d *segDoc, stack []*node, n *node) []*node {
	u := n.u
	if u.lkind == "dotted" {
		parts := strings.Split(u.label, ".")
		want := strings.Join(parts[:len(parts)-1], ".")
		for i := len(stack) - 1; i >= 1; i-- {
			s := stack[i].u
			if s != nil && !stack[i].isPara && isNumbered(s.lkind) && s.label == want {
				return stack[:i+1]
			}
		}
		return stack[:1]
	}
	kind := u.lkind
	// "i", "v", "x" … are letters when they continue a letter run.
	if strings.HasPrefix(kind, "roman") || strings.HasPrefix(kind, "(roman") {
		alt := strings.Replace(kind, "roman", "alpha", 1)
		if len(u.label) == 1 {
			for i := len(stack) - 1; i >= 1; i-- {
				s := stack[i].u
				if s != nil && s.lkind == alt && len(s.label) == 1 && s.label[0]+1 == u.label[0] {
					u.lkind, kind = alt, alt
					break
				}
			}
		}
	}
	listKind := kind == "num." || kind == "bullet"
	var cand []int
	for i := len(stack) - 1; i >= 1; i-- {
		if s := stack[i]; !s.isPara && s.u.lkind == kind {
			cand = append(cand, i)
		}
	}
	if len(cand) > 0 {
		for _, i := range cand {
			c := stack[i]
			if c.indent() <= u.indent+1 {
				if listKind && u.indent >= c.indent()+2 {
					return popDeeper(stack, u.indent)
				}
				return stack[:i]
			}
		}
		return stack[:cand[len(cand)-1]]
	}
	// A new kind nests under the current item, except that a list item less
	// indented than Markdown list items on the stack closes them.
	if d.markdown {
		for len(stack) > 1 {
			t := stack[len(stack)-1]
			if (t.u.lkind == "num." || t.u.lkind == "bullet") && t.indent() > u.indent+1 {
				stack = stack[:len(stack)-1]
				continue
			}
			break
		}
	}
	return stack
}

// popDeeper keeps stack entries indented less than indent.
func popDeeper(stack []*node, indent int) []*node {
	for len(stack) > 1 && stack[len(stack)-1].indent() >= indent {
		stack = stack[:len(stack)-1]
	}
	return stack
}

func isNumbered(kind string) bool {
	return kind == "num." || kind == "num)" || kind == "dotted" || kind == "section" || kind == "(num)"
}

// emit walks the tree and produces clauses with ids.
func emit(d *segDoc, docID string, roots []*node) []Clause {
	var out []Clause
	seen := map[string]bool{}
	next := map[string]int{}
	for _, r := range roots {
		e := &emitter{doc: docID, seen: seen, next: next, root: r, md: d.markdown, lines: d.lines}
		e.walk(r, r.prefix, nil)
		out = append(out, e.out...)
	}
	return out
}

type emitter struct {
	doc     string
	seen    map[string]bool
	next    map[string]int // next suffix to try per repeated id
	root    *node
	md      bool
	lines   []string
	bullets int
	out     []Clause
}

// walk emits the children of n, whose id is id and whose enclosing
// headings are parents.
func (e *emitter) walk(n *node, id string, parents []string) {
	paras := 0
	depth := 0
	for a := n; a != nil && a.u != nil; a = a.parent {
		if !a.isPara {
			depth++
		}
	}
	// Position of each item within its run of same-kind siblings, for
	// Markdown numbering ("1, 3, 4" renders as 1, 2, 3) and bullets.
	runPos, runStart := 0, 0
	var prevKind string
	for _, c := range n.children {
		if c.isPara {
			prevKind = ""
			if c.u == nil {
				continue
			}
			text := normSpace(c.u.text)
			if text == "" {
				continue
			}
			paras++
			sec := join(id, "p"+strconv.Itoa(paras))
			e.add(sec, "", e.parentsFor(c, parents), text, c.u.line)
			continue
		}
		if c.u.lkind != prevKind {
			runPos, runStart = 0, c.u.num
		}
		prevKind = c.u.lkind
		runPos++
		comp := e.component(c, depth+1, runPos, runStart)
		e.item(c, e.unique(join(id, comp)), parents)
	}
}

// item emits item c as section sec, then what it holds.
func (e *emitter) item(c *node, sec string, parents []string) {
	own, heading := e.ownText(c)
	ps := e.parentsFor(c, parents)
	if own != "" {
		e.add(sec, heading, ps, own, c.u.line)
	}
	childParents := ps
	if heading != "" {
		childParents = append(append([]string(nil), ps...), heading)
	}
	e.walk(c, sec, childParents)
}

// ownText is the text an item's clause quotes, and its heading. An item
// whose text after the label is only a title takes its text from below;
// when that text is its first paragraph, the paragraph is consumed (its
// unit set to nil) so it is not also a clause of its own.
func (e *emitter) ownText(c *node) (own, heading string) {
	own, heading = normSpace(c.own), c.title
	if own != "" {
		return own, heading
	}
	switch {
	case len(c.children) == 0:
		// A short item with nothing under it ("Violence or
		// terrorism") is text, not a title.
		return normSpace(c.u.text), ""
	case c.children[0].isPara && (len(c.children) == 1 || leadIn(c.children[0].u.text)):
		// A section whose body is one paragraph is that paragraph;
		// a first paragraph ending in a colon ("You may … if you
		// meet all of the following conditions:") introduces the
		// rest and is the section's own text, as in Gemma §3.1.
		own = normSpace(c.children[0].u.text)
		c.children[0].u = nil
		return own, heading
	case allParas(c.children):
		// A titled section of plain paragraphs (GPL "2. Basic
		// Permissions.", Apache "1. Definitions.") is one clause
		// of prose in the original: its text is all of them, and
		// each paragraph is also addressable as <n>.pK.
		return normSpace(e.span(c.children[0].u.line, lastLine(c))), heading
	}
	// Otherwise the item is a heading over numbered parts and has no
	// clause of its own: each fact then lives in one clause, and the
	// section is reachable as the prefix of its sub-clauses' ids (see
	// SectionPrefixes).
	return "", heading
}

// leadIn: a paragraph ending in a colon introduces what follows it.
func leadIn(s string) bool {
	s = strings.TrimRight(s, " \t*")
	return strings.HasSuffix(s, ":")
}

// allParas reports whether every child is a paragraph.
func allParas(children []*node) bool {
	for _, c := range children {
		if !c.isPara {
			return false
		}
	}
	return len(children) > 0
}

// lastLine is the last line of n's unit or of any of its descendants.
func lastLine(n *node) int {
	end := 0
	if n.u != nil {
		end = n.u.end
	}
	for _, c := range n.children {
		if l := lastLine(c); l > end {
			end = l
		}
	}
	return end
}

// span joins raw lines from..to (1-based, inclusive).
func (e *emitter) span(from, to int) string {
	return strings.Join(e.lines[from-1:to], "\n")
}

// component names one level of a section id.
func (e *emitter) component(c *node, depth, runPos, runStart int) string {
	u := c.u
	switch u.lkind {
	case "bullet":
		if depth == 1 {
			e.bullets++
			return "b" + strconv.Itoa(e.bullets)
		}
		return positional(depth, runPos)
	case "num.":
		if e.markdownList(c) {
			if depth == 1 {
				return strconv.Itoa(runStart + runPos - 1)
			}
			return positional(depth, runPos)
		}
		return u.label
	case "dotted":
		if c.parent != nil && c.parent.u != nil {
			parts := strings.Split(u.label, ".")
			return parts[len(parts)-1]
		}
		return u.label
	}
	return u.label
}

// markdownList: arabic items of a Markdown document are rendered list
// items, numbered by position rather than as written.
func (e *emitter) markdownList(c *node) bool {
	return c.u.lkind == "num." && e.md
}

// positional names the runPos-th item of a nested list the way the Llama 3
// AUP writes them: letters at level 2, roman numerals at level 3.
func positional(depth, runPos int) string {
	switch depth {
	case 2:
		return toLetters(runPos)
	case 3:
		return toRoman(runPos)
	}
	return strconv.Itoa(runPos)
}

func (e *emitter) parentsFor(c *node, parents []string) []string {
	var ps []string
	if c.ctx != "" && c.ctx != e.root.title0 {
		ps = append(ps, c.ctx)
	}
	return append(ps, parents...)
}

// unique disambiguates a label a document repeats at one level ("1."
// twice) with a -2, -3… suffix, so ids stay unique.
func (e *emitter) unique(sec string) string {
	if !e.seen[sec] {
		return sec
	}
	for i := max(e.next[sec], 2); ; i++ {
		s := sec + "-" + strconv.Itoa(i)
		if !e.seen[s] {
			e.next[sec] = i + 1
			return s
		}
	}
}

func (e *emitter) add(sec, heading string, parents []string, text string, line int) {
	sec = e.unique(sec)
	e.seen[sec] = true
	var ps []string
	if len(parents) > 0 {
		ps = dedupe(parents)
	}
	e.out = append(e.out, Clause{Doc: e.doc, Section: sec, Heading: heading, Parents: ps, Text: text, Line: line})
}

func dedupe(ps []string) []string {
	out := make([]string, 0, len(ps))
	for i, p := range ps {
		if i > 0 && ps[i-1] == p {
			continue
		}
		out = append(out, p)
	}
	return out
}

func join(a, b string) string {
	if a == "" {
		return b
	}
	return a + "." + b
}
