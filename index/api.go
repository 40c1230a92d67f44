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
// Document is set when what was typed names a document of the corpus that
// is not a license: a policy, the Open Source Definition, a critique.
type UnknownLicenseError struct {
	Input       string
	Suggestions []string
	Document    *NamedDocument
}

// NamedDocument is a document of the corpus that is not a license, as an
// unknown license's error names it: its id, title and kind, and the
// license it belongs to or is about ("" for the Open Source Definition).
type NamedDocument struct {
	ID, Title, Kind, License string
}

func (e *UnknownLicenseError) Error() string {
	if e.Input == "" {
		return "no license named: give one first, e.g. llama4"
	}
	if d := e.Document; d != nil {
		return fmt.Sprintf("%q is %s, not a license: %s", e.Input, d.Named(), d.Use(func(c string) string { return `"licensebot ` + c + `"` }))
	}
	if len(e.Suggestions) == 0 {
		return fmt.Sprintf("unknown license %q", e.Input)
	}
	return fmt.Sprintf("unknown license %q; did you mean %s?", e.Input, strings.Join(e.Suggestions, ", "))
}

// Use says how to reach the document instead, each command written by cmd
// (quoted for a terminal, as code for Discord, with its prefix).
func (d *NamedDocument) Use(cmd func(string) string) string {
	switch {
	case d.Kind == "policy" && d.License != "":
		return fmt.Sprintf("it is part of %s, whose answers quote it: %s", d.License, cmd("ask "+d.License+" …"))
	case d.License != "":
		return fmt.Sprintf("it is about %s, which %s assesses; %s quotes it", d.License, cmd("opensource "+d.License), cmd("search …"))
	}
	return fmt.Sprintf("%s checks a license against it, and %s quotes it", cmd("opensource LICENSE"), cmd("search …"))
}

// Named is the document as a sentence names it: its title, after "the"
// where the title has no article of its own, and in quotes where it is a
// sentence of its own (a critique's question).
func (d *NamedDocument) Named() string {
	switch {
	case strings.ContainsAny(d.Title, "?:"):
		return fmt.Sprintf("the %s %q", d.Kind, d.Title)
	case strings.HasPrefix(d.Title, "The "):
		return "the " + strings.TrimPrefix(d.Title, "The ")
	}
	return "the " + d.Title
}
