package index_test

import (
	"context"
	"errors"
	"slices"
	"testing"
	"unicode/utf8"

	"github.com/licensebot/licensebot/index"
	"github.com/licensebot/licensebot/index/indextest"
)

// FuzzAsk asks the real engine whatever users might type as a license and
// a topic: it answers, or fails with one of the errors the bot explains
// (unknown or unindexed license, no topic). Seeds are in
// testdata/fuzz/FuzzAsk.
func FuzzAsk(f *testing.F) {
	e := indextest.Engine(f)
	f.Add("llama4", "attribution")
	f.Fuzz(func(t *testing.T, license, topic string) {
		a, err := e.Ask(context.Background(), license, topic)
		if err != nil {
			if !explained(err) {
				t.Fatalf("Ask(%q, %q): unexplained error %v", license, topic, err)
			}
			return
		}
		if a == nil || a.License == "" || len(a.Clauses) > 3 {
			t.Fatalf("Ask(%q, %q) = %+v", license, topic, a)
		}
		for _, c := range a.Clauses {
			if !utf8.ValidString(c.Text) || c.Doc == "" || c.Section == "" {
				t.Fatalf("Ask(%q, %q): clause %+v", license, topic, c)
			}
		}
	})
}

// FuzzSearch runs user text through the query builder (typed match and
// phrase queries, never query-string syntax) against the real index.
// Seeds are in testdata/fuzz/FuzzSearch.
func FuzzSearch(f *testing.F) {
	e := indextest.Engine(f)
	f.Add("attribution", "")
	f.Add("does gemma allow sexual chatbots", "")
	f.Add("llama 3.1 or llama 3 attribution?", "")
	f.Add("“qwen's” 100 million users", "")
	f.Fuzz(func(t *testing.T, query, license string) {
		res, err := e.SearchIn(context.Background(), query, license, 5)
		if err != nil {
			if !explained(err) {
				t.Fatalf("Search(%q, %q): unexplained error %v", query, license, err)
			}
			return
		}
		if len(res.Hits) > 5 {
			t.Fatalf("Search(%q, %q): %d hits for 5", query, license, len(res.Hits))
		}
		// A search within a license, given or named, finds only clauses
		// that license's answers may quote, or of what the corpus says
		// about it; one a model decided searched a license of that model.
		for _, h := range res.Hits {
			if slices.Contains(res.Also, h.Doc) {
				continue // what the corpus says about the license
			}
			if _, err := e.Clause(context.Background(), res.License, h.Doc+"#"+h.Section); res.License != "" && err != nil {
				t.Fatalf("Search(%q, %q): hit %s#%s outside %s: %v", query, license, h.Doc, h.Section, res.License, err)
			}
		}
		if res.Model != nil && !slices.Contains(res.Model.Licenses, res.License) {
			t.Fatalf("Search(%q): searched %s for %s, under %v", query, res.License, res.Model.Name, res.Model.Licenses)
		}
	})
}

// explained reports whether err is one the bot turns into a plain answer.
func explained(err error) bool {
	var unknown *index.UnknownLicenseError
	var unindexed *index.UnindexedLicenseError
	return errors.As(err, &unknown) || errors.As(err, &unindexed) || errors.Is(err, index.ErrEmptyTopic)
}
