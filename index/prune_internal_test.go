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
		all, some := hits(t, s, s.queryHeld(req, nil), 12), hits(t, s, s.queryHeld(req, held), 12)
		if len(all) != len(some) {
			t.Fatalf("%s %q: %d hits with every word, %d without the absent ones", q.ID, req.text, len(all), len(some))
		}
		for k := range all {
			ra, rs := all[k].Score/all[0].Score, some[k].Score/some[0].Score
			if math.Abs(ra-rs) > 1e-9 {
				t.Errorf("%s %q: hit %d scores %.12f of the best with every word, %.12f without", q.ID, req.text, k, ra, rs)
			}
			tied := k > 0 && math.Abs(all[k].Score-all[k-1].Score) < 1e-12
			if all[k].ID != some[k].ID && !tied {
				t.Errorf("%s %q: hit %d is %s with every word, %s without", q.ID, req.text, k, all[k].ID, some[k].ID)
			}
		}
	}
	if pruned == 0 {
		t.Fatal("no question had a word the headings lack: nothing was left out")
	}
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
