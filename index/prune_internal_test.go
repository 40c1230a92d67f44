package index

import (
	"context"
	"math"
	"testing"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/licensebot/licensebot/corpus"
	"github.com/licensebot/licensebot/corpus/corpustest"
)

// Leaving out of a query the words a field does not hold, with the boost
// of the others scaled to keep the coordination, finds the same clauses in
// the same order with scores in the same ratios (bleve's query norm, which
// the left-out words changed, scales every score alike) — for a sample of
// the training questions, each searched within its license as an unsure
// answer searches.
func TestQueriesWithoutAbsentWordsScoreAlike(t *testing.T) {
	p := corpus.Paths{Dir: corpustest.CorpusDir(t), Texts: corpustest.TextsDir(t)}
	c, err := corpus.Load(p)
	if err != nil {
		t.Fatal(err)
	}
	r, err := Build(context.Background(), p, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	s, err := openSnapshot(r.Dir, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer s.close()
	held := s.heldTerms()
	if len(held[fieldHeading]) == 0 || len(held[fieldText]) < len(held[fieldHeading]) {
		t.Fatalf("the index's terms were not read: %d heading, %d text", len(held[fieldHeading]), len(held[fieldText]))
	}
	pruned := 0
	for i, q := range c.Questions {
		if i%15 != 0 {
			continue
		}
		req := searchReq{text: q.Text(), license: q.License(), size: 12, noShingles: true}
		st := s.stems(req.text)
		for _, w := range st {
			if _, ok := held[fieldHeading][w]; !ok {
				pruned++
			}
		}
		// Twelve hits are compared; more are fetched, so that a clause
		// tied with the twelfth can be found in either list.
		all, some := hits(t, s, s.queryHeld(req, nil), 20), hits(t, s, s.queryHeld(req, held), 20)
		if len(all) != len(some) {
			t.Fatalf("%s %q: %d hits with every word, %d without the absent ones", q.ID, req.text, len(all), len(some))
		}
		for k := range all[:min(12, len(all))] {
			ra, rs := all[k].Score/all[0].Score, some[k].Score/some[0].Score
			if math.Abs(ra-rs) > 1e-9 {
				t.Errorf("%s %q: hit %d scores %.12f of the best with every word, %.12f without", q.ID, req.text, k, ra, rs)
			}
			if all[k].ID != some[k].ID && !tiedWith(all, k, some[k].ID) {
				t.Errorf("%s %q: hit %d is %s with every word, %s without", q.ID, req.text, k, all[k].ID, some[k].ID)
			}
		}
	}
	if pruned == 0 {
		t.Fatal("no question had a word the headings lack: nothing was left out")
	}
}

// tiedWith reports whether the clause id is among hits with the score of
// hits[k]: clauses of equal score (the same text in a license and in the
// policy it incorporates) come back in either order.
func tiedWith(hits search.DocumentMatchCollection, k int, id string) bool {
	for _, h := range hits {
		if h.ID == id && math.Abs(h.Score-hits[k].Score) <= 1e-12*hits[0].Score {
			return true
		}
	}
	return false
}

// hits searches the snapshot's index for q.
func hits(t *testing.T, s *snapshot, q query.Query, size int) search.DocumentMatchCollection {
	t.Helper()
	res, err := s.idx.Search(bleve.NewSearchRequestOptions(q, size, 0, false))
	if err != nil {
		t.Fatal(err)
	}
	return res.Hits
}
