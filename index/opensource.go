package index

import (
	"context"
	"fmt"
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
	License      string      `json:"license"`
	OSD          string      `json:"osd"` // "pass" or "fail"
	Failed       []int       `json:"failed"`
	Criteria     []Criterion `json:"criteria"`
	OSAID        []Criterion `json:"osaid,omitempty"`
	LicenseTitle string      `json:"-"`
	URL          string      `json:"-"`
}

// OpenSource returns the license's assessment, each criterion with the
// clauses that decide it.
func (e *Engine) OpenSource(ctx context.Context, license string) (*Assessment, error) {
	s, err := e.acquire()
	if err != nil {
		return nil, err
	}
	defer s.release()
	l, err := s.resolveLicense(license)
	if err != nil {
		return nil, err
	}
	am := s.m.OpenSource[l.Key]
	if am == nil {
		return nil, fmt.Errorf("%w: no open-source assessment for %s yet", ErrNoAssessment, l.Key)
	}
	a := &Assessment{License: l.Key, OSD: "pass", Failed: []int{}, LicenseTitle: l.Title, URL: l.URL}
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
	return &Comparison{Topic: a.Topic, First: a, Second: b}, nil
}
