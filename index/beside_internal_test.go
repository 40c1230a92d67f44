package index

import (
	"strings"
	"testing"

	"github.com/licensebot/licensebot/corpus"
)

// The build counts the questions that use each stem and keeps the topics
// it was seen with: in questions labelled with them, and in the topics'
// names.
func TestSeenBeside(t *testing.T) {
	m := &meta{Topics: []corpus.Topic{
		{ID: "notice-file", Label: "Notice file", Aliases: []string{"notice"}},
		{ID: "attribution", Label: "Attribution", Aliases: []string{"credit"}},
	}}
	qs := []corpus.Question{
		{Ask: []string{"mit", "notice in the readme"}, Topics: []string{"notice-file"}},
		{Ask: []string{"mit", "credit in the readme"}, Topics: []string{"attribution"}},
		{Ask: []string{"mit", "readme readme"}},
	}
	stems := buildStems()
	asked := make([][]string, len(qs))
	for i, q := range qs {
		asked[i] = stems(q.Text())
	}
	b, err := seenBeside(m, qs, asked)
	if err != nil {
		t.Fatal(err)
	}
	if err := b.check(); err != nil {
		t.Fatal(err)
	}
	readme := stems("readme")[0]
	i, ok := b.Stems.find(readme)
	if !ok || b.Uses[i] != 3 || b.Topics[i] != 3 {
		t.Errorf("readme: found %v, %d uses, topics %b; want 3 uses, both topics", ok, b.Uses[i], b.Topics[i])
	}
	if !b.seenWith(stems("notice")[0], 1) || b.seenWith(stems("notice")[0], 2) {
		t.Error("notice: want seen with the notice file, from its name, and not with attribution")
	}
	if b.seenWith(stems("board")[0], 1) {
		t.Error("board: seen with the notice file, which nothing says it with")
	}
	many := &meta{Topics: make([]corpus.Topic, 65)}
	if _, err := seenBeside(many, nil, nil); err == nil || !strings.Contains(err.Error(), "65 topics") {
		t.Errorf("65 topics: %v, want an error", err)
	}
}

// A meta whose tables of words beside topics do not fit its stems is
// refused, not read out of range.
func TestBesideCheck(t *testing.T) {
	b := &besideData{Stems: newTerms([]string{"a", "b"}), Uses: packed[int32]{1, 2}, Topics: packed[uint64]{1}}
	if err := (&meta{Beside: b}).check(); err == nil || !strings.Contains(err.Error(), "1 topic masks for 2 stems") {
		t.Errorf("check: %v", err)
	}
}
