package corpus

// Clause is one addressable unit of a document: a numbered section or
// sub-item, or an unnumbered paragraph with a stable id. Clauses are what
// licensebot quotes, so Text is always a verbatim slice of the document
// (whitespace runs collapsed to one space, Markdown markup kept as written).
type Clause struct {
	// Doc is the manifest id of the document the clause comes from.
	Doc string `json:"doc"`
	// Section is the clause's path inside the document, e.g. "1.b.i",
	// "2", "2.a.1" (CC "Section 2(a)(1)"), "p3" (third unnumbered paragraph
	// at top level) or "1.p2" (second unnumbered paragraph under §1).
	// Unique within a document.
	Section string `json:"section"`
	// Heading is the clause's own title when it has one ("Additional
	// Commercial Terms"), otherwise empty.
	Heading string `json:"heading,omitempty"`
	// Parents are the headings of the enclosing sections, outermost first,
	// e.g. ["License Rights and Redistribution", "Redistribution and Use"].
	Parents []string `json:"parents,omitempty"`
	// Text is the clause body, verbatim, without its number label and
	// without its own title.
	Text string `json:"text"`
	// Title is the clause's own title exactly as written, with what
	// separates it from Text ("Grant of Patent License. "), when the title
	// opens the clause; Quote joins them. Searched as the heading, quoted
	// with the text.
	Title string `json:"title,omitempty"`
	// Line is the 1-based line of the original file (front matter
	// included) where the clause starts; build errors cite it.
	Line int `json:"line"`
}

// Quote is the clause as it reads in the document: its title, if it opens
// the clause, then its text. Still verbatim (whitespace collapsed).
func (c Clause) Quote() string { return c.Title + c.Text }
