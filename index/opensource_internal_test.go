package index

import (
	"strings"
	"testing"
)

// The open-source answer of a license that meets every criterion says
// OSI has not approved it only where the manifest says so ("not-approved"),
// not for a license whose osi is missing or unknown; and a question that
// asks for OSI's approval of such a license gets OSI's answer first, not
// "Yes." (review of 8fdaf9f).
func TestOpenSourceAnswerOnlySaysWhatTheManifestDoes(t *testing.T) {
	met := &assessmentMeta{}
	for n := 1; n <= 10; n++ {
		met.OSD = append(met.OSD, criterionMeta{N: n, Result: "pass"})
	}
	s := &snapshot{m: &meta{OpenSource: map[string]*assessmentMeta{"a": met, "n": met, "u": met}},
		licenses: map[string]*licenseMeta{"a": {Key: "a", OSI: "approved"}, "n": {Key: "n", OSI: "not-approved"},
			"u": {Key: "u"}}}
	for key, want := range map[string]bool{"a": false, "n": true, "u": false} {
		c := s.openSourceCard(key)
		if got := strings.Contains(c.Summary, "OSI has not approved it"); got != want {
			t.Errorf("%s: %q; want OSI's approval denied: %v", key, c.Summary, want)
		}
		osi := s.forOSI(c, s.licenses[key], &reading{text: "is it OSI approved?"})
		if got := !strings.HasPrefix(osi.Summary, "Yes."); got != want {
			t.Errorf("%s asked for OSI's approval: %q; want no \"Yes.\": %v", key, osi.Summary, want)
		}
		if plain := s.forOSI(c, s.licenses[key], &reading{text: "is it open source?"}); plain.Summary != c.Summary {
			t.Errorf("%s asked whether it is open source: %q; want the assessment's %q", key, plain.Summary, c.Summary)
		}
	}
}
