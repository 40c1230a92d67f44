package index

import (
	"slices"
	"testing"
)

// Quotes open after a space or at the start and close before one or
// punctuation; an apostrophe inside a word quotes nothing.
func TestQuoted(t *testing.T) {
	for q, want := range map[string][]string{
		"is 'Powered by Llama' required?":                       {"Powered by Llama"},
		`do I need "Built with Llama 4"?`:                       {"Built with Llama 4"},
		"is it “Built with Llama” or ‘Built with Meta Llama 3’": {"Built with Llama", "Built with Meta Llama 3"},
		"do meta's own products need it? don't they":            nil,
		"can I call it 'Bob's Llama'?":                          {"Bob's Llama"},
		"is 'Built with Llama required?":                        nil, // never closed
		"'' empty":                                              nil,
		"do i need to display ('Built with Llama')?":            {"Built with Llama"},
		"do i need to display `Built with Llama`?":              {"Built with Llama"},
		"muss ich „Built with Llama“ zeigen?":                   {"Built with Llama"},
		"muss ich ‚Built with Llama‘ zeigen?":                   {"Built with Llama"},
		"is ‘Built with Meta’s Llama’ enough?":                  {"Built with Meta’s Llama"},
		"the 90's 'Built with Llama' badge":                     {"Built with Llama"},
	} {
		if got := quoted(q); !slices.Equal(got, want) {
			t.Errorf("quoted(%q) = %q, want %q", q, got, want)
		}
	}
}
