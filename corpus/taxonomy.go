package corpus

import (
	"errors"
	"maps"
	"slices"
	"strings"
)

// The legal positions a verdict can rest on. Each allows one status (or,
// for a grant, two: plain or with conditions), so a status means the same
// in every card of every license.
var basisStatuses = map[string][]string{
	// The license's grant covers the act: allowed, or conditional when the
	// topic's own conditions or the license's gates apply.
	"grant": {"allowed", "conditional"},
	// The license puts a duty on the act (credit, notice, name prefix).
	"duty": {"required"},
	// The license forbids the act, or lets it only under conditions that
	// make it a narrow exception to a ban.
	"prohibition": {"forbidden", "conditional"},
	// The license expressly withholds the right (no trademark licence, no
	// patent licence): not yours to exercise under it.
	"exclusion": {"forbidden"},
	// The text neither grants, forbids nor conditions it.
	"silent": {"not-addressed"},
	// The topic states a fact about the deal (warranty, liability, law).
	"fact": {"info"},
}

// CheckTaxonomy holds every card to the status rules of FORMATS.md and
// returns every breach, each naming file and line:
//   - every verdict names its basis, and its status is one the basis allows;
//   - info is for fact topics only, and a fact topic is info, not-addressed,
//     or forbidden where the text expressly withholds the right (basis
//     exclusion: CC's "patent rights are not licensed");
//   - conditional names a condition (its own, or a gate of the license);
//   - allowed is plain: no condition, no gate bearing on it;
//   - not-addressed has no conditions and no gates;
//   - absent (no rule of the topic's kind) marks a grant only.
func CheckTaxonomy(cards map[string]*Card, ts *Topics) error {
	var errs []error
	for _, key := range slices.Sorted(maps.Keys(cards)) {
		c := cards[key]
		for _, id := range slices.Sorted(maps.Keys(c.Topics)) {
			v := c.Topics[id]
			bad := func(format string, args ...any) {
				errs = append(errs, errorf(c.File, v.Line, "topic %s: "+format, append([]any{id}, args...)...))
			}
			allowedBy, ok := basisStatuses[v.Basis]
			switch {
			case v.Basis == "":
				bad("no basis (one of grant, duty, prohibition, exclusion, silent, fact)")
			case !ok:
				bad("basis %q is not one of grant, duty, prohibition, exclusion, silent, fact", v.Basis)
			case !slices.Contains(allowedBy, v.Status):
				bad("status %s does not follow from basis %s (which gives %s)", v.Status, v.Basis, strings.Join(allowedBy, " or "))
			}
			t := ts.Topic(id)
			fact := t != nil && t.Fact
			conds := len(v.Conditions) + len(c.AppliedGates(v))
			switch {
			case v.Status == "info" && !fact:
				bad("info is for topics that state a fact (fact: true in topics.yaml)")
			case fact && v.Status != "info" && v.Status != "not-addressed" && v.Basis != "exclusion":
				bad("a fact topic is info, not-addressed when the text is silent, or forbidden when it withholds the right; not %s", v.Status)
			case v.Status == "conditional" && conds == 0:
				bad("conditional names no condition: add conditions, or a gate of the license")
			case v.Status == "allowed" && conds > 0:
				bad("allowed, yet %d condition(s) or gate(s) bear on it: that is conditional", conds)
			case v.Status == "not-addressed" && conds > 0:
				bad("not-addressed carries conditions or gates")
			}
			if v.Absent && v.Basis != "grant" {
				bad("absent is for a grant that no rule of the topic limits, not basis %s", v.Basis)
			}
			if v.Absent && (t == nil || len(t.Rule) == 0) {
				bad("absent on a topic that names no rule (rule: in topics.yaml)")
			}
			for _, cond := range v.Conditions {
				if strings.TrimSpace(cond) == "" {
					bad("empty condition")
				}
			}
		}
	}
	return errors.Join(errs...)
}
