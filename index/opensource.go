package index

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"
)

// osdTitles are the short names of the Open Source Definition's criteria,
// used when the definition's own text is not in the index.
var osdTitles = [11]string{1: "Free Redistribution", 2: "Source Code", 3: "Derived Works",
	4: "Integrity of The Author's Source Code", 5: "No Discrimination Against Persons or Groups",
	6: "No Discrimination Against Fields of Endeavor", 7: "Distribution of License",
	8: "License Must Not Be Specific to a Product", 9: "License Must Not Restrict Other Software",
	10: "License Must Be Technology-Neutral"}

// osaidTitles names the Open Source AI Definition 1.0 items.
var osaidTitles = map[string]string{
	"use": "Use (for any purpose, without asking permission)", "study": "Study (how the system works)",
	"modify": "Modify (for any purpose)", "share": "Share (with or without modifications, for any purpose)",
	"preferred_form": "Preferred form to modify (data information, code, parameters)",
}

// Criterion is one line of an open-source checklist.
type Criterion struct {
	N       int    `json:"n,omitempty"`
	Name    string `json:"name,omitempty"`
	Title   string `json:"title"`
	Result  string `json:"result"` // "pass" or "fail"
	Reason  string `json:"reason"`
	Clauses []Hit  `json:"clauses"`
}

// Assessment is a license checked against the Open Source Definition and,
// for AI model licenses, the Open Source AI Definition 1.0.
type Assessment struct {
	License  string      `json:"license"`
	OSD      string      `json:"osd"` // "pass" or "fail"
	Failed   []int       `json:"failed"`
	Criteria []Criterion `json:"criteria"`
	OSAID    []Criterion `json:"osaid"` // empty unless the license is an AI model's
	// OSI is the license's OSI approval status from the manifest
	// ("approved", "not-approved"): passing the criteria on its text is not
	// the same as OSI approval, and readers should see both.
	OSI          string `json:"osi,omitempty"`
	LicenseTitle string `json:"-"`
	URL          string `json:"-"`
}

// OpenSource returns the license's assessment, each criterion with the
// clauses that decide it.
func (e *Engine) OpenSource(ctx context.Context, license string) (*Assessment, error) {
	return withLicense(e, license, func(s *snapshot, l *licenseMeta) (*Assessment, error) {
		am := s.m.OpenSource[l.Key]
		if am == nil {
			return nil, fmt.Errorf("%w: no open-source assessment for %s yet", ErrNoAssessment, l.Key)
		}
		a := &Assessment{License: l.Key, OSD: "pass", Failed: []int{}, OSAID: []Criterion{}, OSI: l.OSI, LicenseTitle: l.Title, URL: l.URL}
		for _, c := range am.OSD {
			title := osdTitles[c.N]
			if h, ok := s.hit(fmt.Sprintf("osd#%d", c.N)); ok && h.Heading != "" {
				title = h.Heading
			}
			a.Criteria = append(a.Criteria, Criterion{N: c.N, Title: title, Result: c.Result, Reason: c.Reason, Clauses: s.refHits(c.Refs, nil)})
			if c.Result == "fail" {
				a.OSD = "fail"
				a.Failed = append(a.Failed, c.N)
			}
		}
		for _, c := range am.OSAID {
			a.OSAID = append(a.OSAID, Criterion{Name: c.Name, Title: osaidTitles[c.Name], Result: c.Result, Reason: c.Reason, Clauses: s.refHits(c.Refs, nil)})
		}
		return a, nil
	})
}

// openSourceLine is the short form shown on every answer, or nil when the
// license has no assessment.
func (s *snapshot) openSourceLine(license string) *OpenSource {
	am := s.m.OpenSource[license]
	if am == nil {
		return nil
	}
	o := &OpenSource{OSD: "pass", Failed: []int{}}
	for _, c := range am.OSD {
		if c.Result == "fail" {
			o.OSD = "fail"
			o.Failed = append(o.Failed, c.N)
		}
	}
	return o
}

// Comparison is two answers to one topic, side by side.
type Comparison struct {
	Topic  string  `json:"topic"`
	First  *Answer `json:"first"`
	Second *Answer `json:"second"`
}

// Compare answers the same topic for two licenses.
func (e *Engine) Compare(ctx context.Context, first, second, topic string) (*Comparison, error) {
	a, err := e.Ask(ctx, first, topic)
	if err != nil {
		return nil, err
	}
	b, err := e.Ask(ctx, second, topic)
	if err != nil {
		return nil, err
	}
	if OneSubject(a, b) {
		return nil, fmt.Errorf("%w: %q and %q both read as %s; compare it with another license", ErrSameLicense, first, second, a.License)
	}
	return &Comparison{Topic: a.Topic, First: a, Second: b}, nil
}

// ErrSameLicense is returned by Compare given one license twice.
var ErrSameLicense = errors.New("both names are one license")

// OneSubject reports whether two answers of a comparison are about one
// license ("gpl-3.0" and "gpl"): the comparison puts an answer beside
// itself. Two models under one license are two subjects, each answer
// naming its model; a model and its own license are not, unless the
// model is under another license too (a distillation of Llama 3.1 under
// MIT beside Llama 3.1).
func OneSubject(a, b *Answer) bool {
	if a.License != b.License || len(a.Others) != len(b.Others) {
		return false
	}
	return a.Model == nil || b.Model == nil || a.Model.Name == b.Model.Name
}

// topicOpenSource is the topic answered from the open-source assessment.
const topicOpenSource = "open-source"

// openSourceCard makes the "is it open source?" verdict from the license's
// assessment. Whether a license is open source is a fact about it, not a
// permission: the status is info and the summary opens with "Yes." or
// "No.", grounded on the clauses that decide the failed criteria. Nil
// without an assessment.
func (s *snapshot) openSourceCard(license string) *cardMeta {
	am := s.m.OpenSource[license]
	if am == nil {
		return nil
	}
	// Criteria 5 and 6 first: persons and fields of endeavor are where
	// model licenses usually fail, and their clauses decide the answer.
	var failed, rest []criterionMeta
	for _, c := range am.OSD {
		switch {
		case c.Result != "fail":
		case c.N == 5 || c.N == 6:
			failed = append(failed, c)
		default:
			rest = append(rest, c)
		}
	}
	failed = append(failed, rest...)
	if len(failed) == 0 {
		var refs []string
		for _, c := range am.OSD {
			if c.N == 1 || c.N == 3 || c.N == 6 {
				refs = append(refs, c.Refs...)
			}
		}
		summary := osdMet
		if l := s.licenses[license]; l != nil && l.OSI == osiNotApproved {
			// As `opensource` says it: "is CC BY OSI approved?" is no.
			// Only where the manifest says so: a license whose osi is
			// missing or unknown is not said to lack OSI's approval.
			summary += " That is judged on its text: OSI has not approved it."
		}
		return &cardMeta{Status: StatusInfo, Refs: dedupe(refs, 3), Conditions: []Condition{}, Summary: summary}
	}
	nums := make([]int, len(failed))
	var refs []string
	for i, c := range failed {
		nums[i] = c.N
		refs = append(refs, c.Refs...)
	}
	sort.Ints(nums)
	which := "criteria"
	if len(nums) == 1 {
		which = "criterion"
	}
	summary := fmt.Sprintf("No. It fails the Open Source Definition on %s %s. ", which, strings.Trim(strings.Join(strings.Fields(fmt.Sprint(nums)), ", "), "[]"))
	for _, c := range failed {
		if c.N == 5 || c.N == 6 {
			summary += fmt.Sprintf("OSD %d: %s ", c.N, c.Reason)
		}
	}
	return &cardMeta{Status: StatusInfo, Summary: strings.TrimSpace(summary), Refs: dedupe(refs, 3), Conditions: []Condition{}}
}

// osdMet is the open-source answer of a license that meets every
// criterion of the Open Source Definition.
const osdMet = "Yes. It meets all ten criteria of the Open Source Definition: anyone may use, study, change and share it, for any purpose."

// osiNotApproved is the manifest's osi for a license OSI has not approved.
const osiNotApproved = "not-approved"

// forOSI is c, l's open-source verdict, as the answer to r: a question
// that asks for OSI's approval ("is CC BY OSI approved?") of a license that
// meets the Open Source Definition on its text but that OSI has not
// approved gets no "Yes.", which would answer it the wrong way round, but
// OSI's answer first.
func (s *snapshot) forOSI(c *cardMeta, l *licenseMeta, r *reading) *cardMeta {
	if l.OSI != osiNotApproved || !strings.HasPrefix(c.Summary, osdMet) || !asksOSI(r.text) {
		return c
	}
	out := *c
	out.Summary = "OSI has not approved it. On its text, it meets all ten criteria of the Open Source Definition: anyone may use, study, change and share it, for any purpose."
	return &out
}

// asksOSI reports whether a question asks for OSI's approval: "osi",
// "approved" or "approval".
func asksOSI(question string) bool {
	return slices.ContainsFunc(letterWords(question), func(w string) bool {
		return w == "osi" || w == "approved" || w == "approval"
	})
}

// dedupe keeps the first max distinct refs, in order.
func dedupe(refs []string, max int) []string {
	var out []string
	seen := map[string]bool{}
	for _, r := range refs {
		if !seen[r] && len(out) < max {
			seen[r] = true
			out = append(out, r)
		}
	}
	return out
}
