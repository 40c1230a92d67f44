package index_test

import (
	"context"
	"strings"
	"testing"

	"github.com/licensebot/licensebot/index/indextest"
)

// Search lists hits best first by the score it reports, corpus-wide (where
// hits are spread over documents) as well as within one license.
func TestSearchIsBestFirst(t *testing.T) {
	t.Parallel()
	e := indextest.Engine(t)
	for _, tc := range []struct{ q, license string }{
		{"is llama 4 open source", ""},
		{"commercial terms monthly active users", ""},
		{"attribution", ""},
		{"weapons military warfare", "llama4"},
	} {
		hits, err := e.Search(context.Background(), tc.q, tc.license, 10)
		if err != nil {
			t.Fatal(err)
		}
		if len(hits) < 2 {
			t.Fatalf("%q: %d hits", tc.q, len(hits))
		}
		for i := 1; i < len(hits); i++ {
			if hits[i].Score > hits[i-1].Score {
				t.Errorf("%q: hit %d (%s#%s, %.3f) scores above hit %d (%.3f)", tc.q, i, hits[i].Doc, hits[i].Section, hits[i].Score, i-1, hits[i-1].Score)
			}
		}
	}
}

// The clause that every Llama version repeats — §2, Additional Commercial
// Terms — is one hit naming the other versions, not six hits.
func TestSearchGroupsTheSameClauseAcrossVersions(t *testing.T) {
	t.Parallel()
	e := indextest.Engine(t)
	hits, err := e.Search(context.Background(), "additional commercial terms 700 million monthly active users", "", 10)
	if err != nil {
		t.Fatal(err)
	}
	var docs []string
	seen := map[string]bool{}
	for _, h := range hits {
		if h.AlsoIn == nil {
			t.Errorf("%s#%s: AlsoIn is nil; search hits always carry the list", h.Doc, h.Section)
		}
		if h.Section != "2" || !strings.HasPrefix(h.Doc, "llama") {
			continue
		}
		docs = append(docs, h.Doc)
		for _, l := range h.AlsoIn {
			docs = append(docs, l.Doc)
			if l.Section != "2" {
				t.Errorf("%s §2 grouped with %s#%s", h.Doc, l.Doc, l.Section)
			}
		}
	}
	for _, d := range docs {
		if seen[d] {
			t.Errorf("%s §2 shown twice", d)
		}
		seen[d] = true
	}
	for _, want := range []string{"llama2-license", "llama3-license", "llama3.1-license", "llama3.2-license", "llama3.3-license", "llama4-license"} {
		if !seen[want] {
			t.Errorf("%s §2 neither shown nor named: %v", want, docs)
		}
	}
	var groups int
	for _, h := range hits {
		if h.Section == "2" && strings.HasSuffix(h.Doc, "-license") && strings.HasPrefix(h.Doc, "llama") {
			groups++
		}
	}
	if groups != 1 {
		t.Errorf("§2 of the Llama licenses in %d hits, want one naming the versions", groups)
	}
}

// The Llama policies' ban on practising a profession unlicensed is one
// hit naming its other versions, policies as well as licenses; Gemma's
// policy words it differently ("Engaging") and is a hit of its own, never
// named as the same text.
func TestSearchGroupsOnlyOneFamily(t *testing.T) {
	t.Parallel()
	e := indextest.Engine(t)
	hits, err := e.Search(context.Background(), "unauthorized or unlicensed practice of any profession", "", 10)
	if err != nil {
		t.Fatal(err)
	}
	var llama, gemma int
	for _, h := range hits {
		if !strings.Contains(h.Text, "unlicensed practice of any profession") {
			continue
		}
		switch {
		case strings.HasPrefix(h.Doc, "llama"):
			llama++
			// Copies score the same; the newest version's is shown, in
			// every build.
			if h.Doc != "llama4-aup" {
				t.Errorf("%s#%s shown for the copies %v; want Llama 4's, the newest", h.Doc, h.Section, h.AlsoIn)
			}
			if len(h.AlsoIn) < 3 {
				t.Errorf("%s#%s names %v; want the other Llama policies", h.Doc, h.Section, h.AlsoIn)
			}
			for _, l := range h.AlsoIn {
				if !strings.HasPrefix(l.Doc, "llama") {
					t.Errorf("%s#%s names %s#%s as the same text", h.Doc, h.Section, l.Doc, l.Section)
				}
			}
		case strings.HasPrefix(h.Doc, "gemma"):
			gemma++
		}
	}
	if llama != 1 || gemma != 1 {
		t.Errorf("%d Llama hits and %d Gemma hits, want one each", llama, gemma)
	}
	// However few hits are asked for: bleve cuts the run of equal
	// scores where the build's order puts it.
	for _, limit := range []int{1, 2, 3} {
		hits, err := e.Search(context.Background(), "unauthorized or unlicensed practice of any profession", "", limit)
		if err != nil {
			t.Fatal(err)
		}
		if len(hits) == 0 || hits[0].Doc != "llama4-aup" {
			t.Errorf("limit %d: first hit %v, want Llama 4's copy, the newest", limit, hits[:min(1, len(hits))])
		}
	}
}

// A case of a topic that the texts name is searched as named ("ITAR" is
// in the Llama policies' §2.a; widened with the military topic's terms it
// found the guns of §2.b first); one they never name ("drones") is
// widened, so it still finds the ban it belongs to.
func TestSearchACaseAsNamed(t *testing.T) {
	t.Parallel()
	e := indextest.Engine(t)
	for _, tc := range []struct{ q, want string }{
		{"ITAR", "(ITAR)"},
		{"drones", "weapons"},
	} {
		hits, err := e.Search(context.Background(), tc.q, "", 3)
		if err != nil {
			t.Fatal(err)
		}
		if len(hits) == 0 || !strings.Contains(hits[0].Text, tc.want) {
			t.Errorf("search %q: first hit %+v, want one saying %q", tc.q, hits[:min(1, len(hits))], tc.want)
		}
	}
}

// A query that names a family of licenses and none of them searches the
// family: "ITAR llama" finds the Llama policies' §2.a, where the notes on
// Llama 4, which say "Llama" in every paragraph, led; one that names a
// license of a family beside others searches every text.
func TestSearchKeepsToTheFamilyNamed(t *testing.T) {
	t.Parallel()
	e := indextest.Engine(t)
	res, err := e.SearchIn(context.Background(), "ITAR llama", "", 5)
	if err != nil {
		t.Fatal(err)
	}
	if res.Family != "llama" || len(res.Members) < 6 || res.License != "" {
		t.Errorf("searched family %q %v, license %q; want the llama family", res.Family, res.Members, res.License)
	}
	if len(res.Hits) == 0 || !strings.Contains(res.Hits[0].Text, "(ITAR)") {
		t.Errorf("first hit %+v, want the ban naming ITAR", res.Hits[:min(1, len(res.Hits))])
	}
	for _, h := range res.Hits {
		if !strings.HasPrefix(h.Doc, "llama") && !strings.Contains(h.Doc, "llama4") {
			t.Errorf("%s#%s is outside the Llama family and what is said about it", h.Doc, h.Section)
		}
	}
	// A license named by several words, or a second family named, is no
	// query about one family: every text is searched.
	for _, q := range []string{
		"llama 4",
		"llama 3.1",
		"llama 4 vs creative commons attribution 4.0 share alike",
		"llama vs openrail military",
		"openrail or llama military",
	} {
		res, err := e.SearchIn(context.Background(), q, "", 5)
		if err != nil {
			t.Fatal(err)
		}
		if res.Family != "" || len(res.Hits) == 0 {
			t.Errorf("%q searched the %s family (%d hits); want every text", q, res.Family, len(res.Hits))
		}
	}
	// A license beside another family compares them: every text.
	res, err = e.SearchIn(context.Background(), "llama vs mit attribution", "", 5)
	if err != nil {
		t.Fatal(err)
	}
	if res.License != "" || res.Family != "" {
		t.Errorf("llama vs mit attribution: license %q family %q; want every text searched", res.License, res.Family)
	}
	// A family whose texts hold none of the words: every text, said so.
	res, err = e.SearchIn(context.Background(), "openrail military", "", 5)
	if err != nil {
		t.Fatal(err)
	}
	if res.Family != "" || len(res.Members) != 0 || len(res.Hits) == 0 {
		t.Errorf("openrail military: family %q %v, %d hits; want every text searched", res.Family, res.Members, len(res.Hits))
	}
	res, err = e.SearchIn(context.Background(), "Secondary License GPL LGPL AGPL compatibility", "", 5)
	if err != nil {
		t.Fatal(err)
	}
	if res.Family != "" || len(res.Hits) == 0 || res.Hits[0].Doc != "mpl-2.0" {
		t.Errorf("family %q, hits %v; want every text searched and MPL's definition first", res.Family, res.Hits[:min(1, len(res.Hits))])
	}
}

// A search within one license is a question too: it finds the clause of
// the topic the question is about even when it shares no word with it,
// and a query that names a clause outright still finds that clause.
func TestSearchFavoursTheTopicAsked(t *testing.T) {
	t.Parallel()
	e := indextest.Engine(t)
	for _, tc := range []struct{ license, q, want string }{
		{"llama4", "do i have to mention meta somewhere in my app", "Built with Llama"},
		{"llama4", "courts of California", "courts of California"},
		{"llama4", "Built with Llama", "Built with Llama"},
	} {
		hits, err := e.Search(context.Background(), tc.q, tc.license, 3)
		if err != nil {
			t.Fatal(err)
		}
		if len(hits) == 0 || !strings.Contains(hits[0].Text, tc.want) {
			t.Errorf("search %s %q: first hit %v; want the clause with %q", tc.license, tc.q, hits[:min(1, len(hits))], tc.want)
		}
	}
}

// A search that favours a kind of document favours it on the content's
// scale: the definition's clause that answers "may open source licenses
// discriminate …" leads, though "open source" also hints at the critique,
// whose paragraphs a flat kind boost put first whatever their words; and
// "criticism" still finds the critique's paragraph on attribution.
func TestSearchFavoursAKindOnTheContentsScale(t *testing.T) {
	t.Parallel()
	e := indextest.Engine(t)
	for _, tc := range []struct{ q, doc, text string }{
		{"may open source licenses discriminate against persons or groups", "osd", "No Discrimination Against Persons or Groups"},
		{"is it open source", "critique-llama4-not-open-source", "open source"},
		{"attribution requirement criticism", "critique-llama4-not-open-source", "attribution"},
	} {
		hits, err := e.Search(context.Background(), tc.q, "", 3)
		if err != nil {
			t.Fatal(err)
		}
		if len(hits) == 0 || hits[0].Doc != tc.doc || !strings.Contains(hits[0].Heading+" "+hits[0].Text, tc.text) {
			t.Errorf("%q: first hit %+v, want %s holding %q", tc.q, hits, tc.doc, tc.text)
		}
	}
	// What is left beside the hint may be only a license's name, which
	// alone finds the shortest clause naming it: the hint's words count.
	hits, err := e.Search(context.Background(), "is llama 4 open source", "", 3)
	if err != nil {
		t.Fatal(err)
	}
	for _, h := range hits {
		if !strings.HasPrefix(h.Doc, "critique") {
			t.Errorf("is llama 4 open source: %s#%s among the first three", h.Doc, h.Section)
		}
	}
}

// An item of a list comes with the clause that introduces it, which it
// does not say alone: Gemma's "in violation of applicable laws and
// regulations." is a ban only under "You must not use any of the Gemma
// Services:"; a clause that is no item has none.
func TestListItemCarriesItsLeadIn(t *testing.T) {
	t.Parallel()
	e := indextest.Engine(t)
	a, err := e.Ask(context.Background(), "gemma", "military")
	if err != nil {
		t.Fatal(err)
	}
	var item, plain bool
	for _, c := range a.Clauses {
		switch c.Section {
		case "3.2.p2":
			item = true
			if !strings.Contains(c.Lead, "You must not use any of the Gemma Services:") {
				t.Errorf("§3.2 ¶2 lead-in %q", c.Lead)
			}
		case "2.2":
			plain = true
			if c.Lead != "" {
				t.Errorf("§2.2 is no item, lead-in %q", c.Lead)
			}
		}
	}
	if !item || !plain {
		t.Fatalf("clauses %v: want §3.2 ¶2 and §2.2", a.Clauses)
	}
	hits, err := e.Search(context.Background(), "guns and illegal weapons", "llama4", 1)
	if err != nil || len(hits) == 0 {
		t.Fatal(err)
	}
	if in := hits[0].LeadIn(160); !strings.HasSuffix(in, "related to the following:") || len([]rune(in)) > 160 || !strings.HasPrefix(in, "…") {
		t.Errorf("%s#%s lead-in %q: want the end of §2's, cut at a word", hits[0].Doc, hits[0].Section, in)
	}
}

// A document that is no license, given as the license to search in
// (probe 38 asked of "osd"), is searched: a policy with the license it is
// part of, the Open Source Definition or a critique first among every
// text. It was an unknown license.
func TestSearchInADocumentThatIsNoLicense(t *testing.T) {
	e := indextest.Engine(t)
	for _, c := range []struct{ license, q, doc string }{
		{"osd", "may a license restrict military use", "osd"},
		{"Open Source Definition", "field of endeavor", "osd"},
		{"critique-llama4-not-open-source", "user numbers", "critique-llama4-not-open-source"},
		{"llama4-aup", "weapons", "llama4-aup"},
	} {
		res, err := e.SearchIn(context.Background(), c.q, c.license, 3)
		if err != nil || len(res.Hits) == 0 || res.Hits[0].Doc != c.doc {
			t.Errorf("search --license %q %q: %v, %+v; want %s first", c.license, c.q, err, res, c.doc)
			continue
		}
		// The result says where it searched: a policy's license, and
		// which document was given (review).
		if want := map[string]string{"llama4-aup": "llama4"}[c.license]; res.License != want {
			t.Errorf("search --license %q: searched %q, want %q", c.license, res.License, want)
		}
		if res.Document == nil || res.Document.ID != c.doc {
			t.Errorf("search --license %q: document %+v, want %s", c.license, res.Document, c.doc)
		}
	}
	// A query that hints at another kind ("criticism") keeps the kind of
	// the document given first, as the search says.
	res, err := e.SearchIn(context.Background(), "criticism of field of endeavor restrictions", "osd", 3)
	if err != nil || len(res.Hits) == 0 || res.Hits[0].Doc != "osd" {
		t.Errorf("search --license osd, criticism: %v, %+v; want osd first", err, res)
	}
	if _, err := e.Search(context.Background(), "weapons", "osdx", 3); err == nil {
		t.Error("search --license osdx: no error; want an unknown license")
	}
}
