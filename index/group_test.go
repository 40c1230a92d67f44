package index

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2"
)

func TestGroupVersions(t *testing.T) {
	v2 := "Additional Commercial Terms. If, on the Llama 2 version release date, the monthly active users … is greater than 700 million"
	v3 := "**Additional Commercial Terms**. If, on the Meta Llama 3 version release date, the monthly active users … is greater than 700 million"
	other := "Disclaimer of Warranty. Unless required by applicable law, the Llama Materials are provided on an as is basis"
	hits := groupVersions([]Hit{
		{Doc: "llama3-license", Section: "2", Text: v3, Score: 2},
		{Doc: "llama3-license", Section: "9", Text: v3, Score: 1.9}, // same document: a repeat, not a version
		{Doc: "llama2-license", Section: "2", Text: v2, Score: 1.5},
		{Doc: "llama2-license", Section: "3", Text: other, Score: 1},
		{Doc: "gemma-terms", Section: "2", Text: v2, Score: 0.5}, // another family
	}, func(doc string) string {
		if strings.HasPrefix(doc, "llama") {
			return "llama"
		}
		return "gemma"
	})
	if len(hits) != 4 {
		t.Fatalf("%d hits, want 4: %+v", len(hits), hits)
	}
	if got := hits[0].AlsoIn; len(got) != 1 || got[0] != (Location{"llama2-license", "2"}) {
		t.Errorf("first hit AlsoIn = %v, want llama2-license §2", got)
	}
	for _, h := range hits[1:] {
		if h.AlsoIn == nil || len(h.AlsoIn) != 0 {
			t.Errorf("%s#%s AlsoIn = %#v, want an empty list", h.Doc, h.Section, h.AlsoIn)
		}
	}
	if hits[1].Section != "9" || hits[2].Section != "3" {
		t.Errorf("order changed: %+v", hits)
	}
}

// spread discounts a document's hits beyond the first max (half, then a
// quarter …) and returns them best first by the score it reports: b's hit
// overtakes a's third, and the order never goes up.
func TestSpreadKeepsScoreOrder(t *testing.T) {
	in := []Hit{{Doc: "a", Score: 4}, {Doc: "a", Score: 3}, {Doc: "a", Score: 2.5}, {Doc: "a", Score: 2}, {Doc: "b", Score: 1.5}}
	got := spread(in, 2, 4)
	want := []struct {
		doc   string
		score float64
	}{{"a", 4}, {"a", 3}, {"b", 1.5}, {"a", 1.25}}
	if len(got) != len(want) {
		t.Fatalf("%d hits, want %d", len(got), len(want))
	}
	for i, w := range want {
		if got[i].Doc != w.doc || got[i].Score != w.score {
			t.Errorf("hit %d = %s %.2f, want %s %.2f", i, got[i].Doc, got[i].Score, w.doc, w.score)
		}
	}
}

// Hits of equal score come newest version first, then by document and
// section, whatever order the index returned them in; a higher score
// still leads.
func TestBreakTies(t *testing.T) {
	s := &snapshot{effective: map[string]string{"llama2-aup": "2023-07-18", "llama4-aup": "2025-04-05", "llama3-aup": "2024-04-18"}}
	hits := []Hit{
		{Doc: "osd", Section: "5", Score: 1},
		{Doc: "llama2-aup", Section: "1.d", Score: 1},
		{Doc: "llama4-aup", Section: "1.d", Score: 1},
		{Doc: "critique", Section: "p2", Score: 1},
		{Doc: "llama3-aup", Section: "1.d", Score: 1.5},
	}
	s.breakTies(hits)
	var got []string
	for _, h := range hits {
		got = append(got, h.Doc)
	}
	if want := "llama3-aup llama4-aup llama2-aup critique osd"; strings.Join(got, " ") != want {
		t.Errorf("order %v, want %s", got, want)
	}
}

// A run of equal scores that bleve cuts is fetched whole, whatever order
// the build gave the copies: the newest is then shown, never only the
// copies bleve happened to list before the cut.
func TestWholeTiesFetchesTheRunBleveCut(t *testing.T) {
	// Bleve's order: the copies of one clause in the order a build
	// wrote them, Llama 4's last.
	all := []Hit{
		{Doc: "mit", Section: "p1", Score: 2},
		{Doc: "llama3-aup", Section: "1.d", Score: 1},
		{Doc: "llama2-aup", Section: "1.d", Score: 1},
		{Doc: "llama3.1-aup", Section: "b1.d", Score: 1},
		{Doc: "llama4-aup", Section: "1.d", Score: 1},
		{Doc: "osd", Section: "5", Score: 0.5},
	}
	fetched := 0
	search := func(_ context.Context, r searchReq) ([]Hit, error) {
		fetched = r.size
		return slices.Clone(all[:min(r.size, len(all))]), nil
	}
	hits, err := wholeTies(context.Background(), search, searchReq{size: 2})
	if err != nil {
		t.Fatal(err)
	}
	if len(hits) != 5 || fetched < 5 {
		t.Fatalf("%d hits after fetching %d, want the first and the 4 tied: %+v", len(hits), fetched, hits)
	}
	s := &snapshot{effective: map[string]string{"llama2-aup": "2023-07-18", "llama3-aup": "2024-04-18", "llama3.1-aup": "2024-07-23", "llama4-aup": "2025-04-05"}}
	s.breakTies(hits)
	if hits[1].Doc != "llama4-aup" {
		t.Errorf("second hit %s, want llama4-aup, the newest copy", hits[1].Doc)
	}
	// No tie at the cut: the hits asked for, one more fetched to see.
	hits, _ = wholeTies(context.Background(), search, searchReq{size: 1})
	if len(hits) != 1 || fetched != 2 {
		t.Errorf("%d hits after fetching %d, want 1 after 2", len(hits), fetched)
	}
}

// LeadIn keeps the end of a lead-in within max runes, cut at a word: a
// word the cut falls in goes, one it falls just before stays.
func TestLeadInCutsAtAWord(t *testing.T) {
	h := Hit{Lead: "You agree not to use it to:"}
	for max, want := range map[int]string{
		40: "You agree not to use it to:",
		12: "…use it to:", // the cut falls in "to" before "use": it goes
		11: "…use it to:", // the cut falls just before "use": it stays
		10: "…it to:",
	} {
		if got := h.LeadIn(max); got != want {
			t.Errorf("LeadIn(%d) = %q, want %q", max, got, want)
		}
	}
	if (Hit{}).LeadIn(10) != "" {
		t.Error("a clause that is no item has a lead-in")
	}
}

// An answer's candidates come from the same search in every build: of a
// clause several versions share word for word, the newest copy leads and
// survives the cut, whichever order the build's indexing wrote them in.
func TestSearchCutsTiesTheSameWayInEveryBuild(t *testing.T) {
	effective := map[string]string{"llama2-aup": "2023-07-18", "llama3-aup": "2024-04-18", "llama4-aup": "2025-04-05"}
	for _, order := range [][]string{{"llama2-aup", "llama3-aup", "llama4-aup"}, {"llama4-aup", "llama2-aup", "llama3-aup"}} {
		idx, err := bleve.NewMemOnly(bleve.NewIndexMapping())
		if err != nil {
			t.Fatal(err)
		}
		for _, doc := range order {
			if err := idx.Index(doc+"#1.d", map[string]string{"text": "Engage in the unauthorized or unlicensed practice of any profession"}); err != nil {
				t.Fatal(err)
			}
		}
		s := &snapshot{idx: idx, effective: effective}
		ms, err := s.wholeRun(context.Background(), bleve.NewMatchQuery("unlicensed practice"), 1)
		if err != nil || len(ms) != 1 || ms[0].ID != "llama4-aup#1.d" {
			t.Errorf("indexed %v: %v, %v; want llama4-aup#1.d alone", order, ms, err)
		}
		idx.Close()
	}
}
