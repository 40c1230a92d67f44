// Package index owns licensebot's search side: the bleve mapping, building an
// index from the corpus into a fresh directory and swapping it in atomically,
// search, and the answer engine that turns verdict cards and hits into an
// Answer. It is the only package that imports bleve; callers see its own
// types (Hit, Answer), never bleve's. It knows nothing of Discord.
package index

import (
	"errors"
	"fmt"
	"strings"
)

// LicenseInfo describes one license users can ask about.
type LicenseInfo struct {
	Key     string   // short key, e.g. "llama4"
	Title   string   // "Llama 4 Community License Agreement"
	Aliases []string // what users type: "llama-4", "Llama 4"...
	Family  string
	Doc     string // manifest id of the license text
	URL     string // official page
}

// TopicInfo describes one topic of the taxonomy.
type TopicInfo struct {
	ID      string
	Label   string
	Aliases []string
}

// Stats identifies the index that is serving.
type Stats struct {
	CorpusVersion string
	IndexedAt     string
	Documents     int
	Clauses       int
	Dir           string
}

// ErrNoSuchSection is returned when a clause lookup names a section the
// license does not have.
var ErrNoSuchSection = errors.New("no such section")

// ErrNoIndex is returned when no built index exists yet.
var ErrNoIndex = errors.New("no index built")

// ErrNoAssessment is returned when a license has no open-source assessment.
var ErrNoAssessment = errors.New("no assessment")

// UnknownLicenseError is returned when the license a user typed matches no
// key or alias. Suggestions are the closest license keys, best first.
type UnknownLicenseError struct {
	Input       string
	Suggestions []string
}

func (e *UnknownLicenseError) Error() string {
	if e.Input == "" {
		return "no license named: give one first, e.g. llama4"
	}
	if len(e.Suggestions) == 0 {
		return fmt.Sprintf("unknown license %q", e.Input)
	}
	return fmt.Sprintf("unknown license %q; did you mean %s?", e.Input, strings.Join(e.Suggestions, ", "))
}
