package corpus

import (
	"strings"
	"testing"
)

func TestCheckTaxonomyRefusesBrokenCards(t *testing.T) {
	ts := &Topics{Topics: []Topic{{ID: "modification", Rule: []string{"copyleft"}}, {ID: "warranty", Fact: true}, {ID: "trademark"}}}
	gates := []Gate{{ID: "user-cap", Kind: "who", Label: "under 700M monthly active users"}}
	none := &[]string{}
	cases := []struct {
		name  string
		gates []Gate
		topic string
		v     Verdict
		want  string // "" means the card is sound
	}{
		{"plain grant", nil, "modification", Verdict{Status: "allowed", Basis: "grant"}, ""},
		{"gated grant is conditional", gates, "modification", Verdict{Status: "conditional", Basis: "grant"}, ""},
		{"gated grant shown as allowed", gates, "modification", Verdict{Status: "allowed", Basis: "grant"}, "that is conditional"},
		{"grant with own condition shown as allowed", nil, "modification", Verdict{Status: "allowed", Basis: "grant", Conditions: []string{"keep notices"}}, "that is conditional"},
		{"gate waived for the topic", gates, "modification", Verdict{Status: "allowed", Basis: "grant", Gates: none}, ""},
		{"conditional without a condition", nil, "modification", Verdict{Status: "conditional", Basis: "grant"}, "names no condition"},
		{"no basis", nil, "modification", Verdict{Status: "allowed"}, "no basis"},
		{"unknown basis", nil, "modification", Verdict{Status: "allowed", Basis: "vibes"}, "is not one of"},
		{"silence called forbidden", nil, "trademark", Verdict{Status: "forbidden", Basis: "silent"}, "does not follow from basis silent"},
		{"express exclusion", nil, "trademark", Verdict{Status: "forbidden", Basis: "exclusion"}, ""},
		{"fact topic as a permission", nil, "warranty", Verdict{Status: "conditional", Basis: "grant", Conditions: []string{"x"}}, "a fact topic is info"},
		{"info outside a fact topic", nil, "modification", Verdict{Status: "info", Basis: "fact"}, "info is for topics that state a fact"},
		{"fact topic", nil, "warranty", Verdict{Status: "info", Basis: "fact"}, ""},
		// A right the text withholds in words stays forbidden on a fact
		// topic (CC's "patent rights are not licensed"); a ban does not.
		{"fact topic withheld", nil, "warranty", Verdict{Status: "forbidden", Basis: "exclusion"}, ""},
		{"fact topic banned", nil, "warranty", Verdict{Status: "forbidden", Basis: "prohibition"}, "a fact topic is info"},
		// Absent: a grant no rule of the topic limits ("no copyleft").
		{"absent grant", nil, "modification", Verdict{Status: "allowed", Basis: "grant", Absent: true}, ""},
		{"absent ban", nil, "trademark", Verdict{Status: "forbidden", Basis: "prohibition", Absent: true}, "absent is for a grant"},
		{"absent without a rule", nil, "trademark", Verdict{Status: "allowed", Basis: "grant", Absent: true}, "names no rule"},
		{"silence with conditions", nil, "trademark", Verdict{Status: "not-addressed", Basis: "silent", Conditions: []string{"x"}}, "carries conditions"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			v := c.v
			v.Line = 7
			card := &Card{License: "x", File: "cards/x.yaml", Gates: c.gates, Topics: map[string]*Verdict{c.topic: &v}}
			err := CheckTaxonomy(map[string]*Card{"x": card}, ts)
			switch {
			case c.want == "" && err != nil:
				t.Fatalf("sound card refused: %v", err)
			case c.want != "" && err == nil:
				t.Fatalf("broken card accepted; want an error containing %q", c.want)
			case c.want != "" && !strings.Contains(err.Error(), c.want):
				t.Fatalf("error %q does not say %q", err, c.want)
			case c.want != "" && !strings.HasPrefix(err.Error(), "cards/x.yaml:7: topic "+c.topic):
				t.Fatalf("error %q does not name file, line and topic", err)
			}
		})
	}
}
