// Package bottest holds test doubles for the bot package and the servers
// built on it: a fake answer engine, and a log buffer tests read while the
// server writes. Signing requests the way Discord does is bot.Sign, which the
// load generator uses too.
package bottest

import (
	"context"

	"github.com/licensebot/licensebot/index"
)

// FakeEngine is an answer engine whose every method is a function field,
// so each test says exactly what the engine does. A nil field answers with
// a zero value.
type FakeEngine struct {
	AskFunc            func(ctx context.Context, license, topic string) (*index.Answer, error)
	SearchFunc         func(ctx context.Context, query, license string, limit int) (*index.SearchResult, error)
	ClauseFunc         func(ctx context.Context, license, section string) (*index.Hit, error)
	LicensesFunc       func() []index.LicenseInfo
	ResolveLicenseFunc func(input string) (index.LicenseInfo, error)
	TopicsFunc         func(license string) []index.TopicInfo
	StatsFunc          func() index.Stats
}

// Ask calls AskFunc.
func (f *FakeEngine) Ask(ctx context.Context, license, topic string) (*index.Answer, error) {
	if f.AskFunc == nil {
		return &index.Answer{License: license, Topic: topic, Verdict: index.Verdict{Status: index.StatusUnknown}}, nil
	}
	return f.AskFunc(ctx, license, topic)
}

// SearchIn calls SearchFunc.
func (f *FakeEngine) SearchIn(ctx context.Context, query, license string, limit int) (*index.SearchResult, error) {
	if f.SearchFunc == nil {
		return &index.SearchResult{Hits: []index.Hit{}, License: license}, nil
	}
	return f.SearchFunc(ctx, query, license, limit)
}

// Clause calls ClauseFunc.
func (f *FakeEngine) Clause(ctx context.Context, license, section string) (*index.Hit, error) {
	if f.ClauseFunc == nil {
		return nil, index.ErrNoSuchSection
	}
	return f.ClauseFunc(ctx, license, section)
}

// Licenses calls LicensesFunc.
func (f *FakeEngine) Licenses() []index.LicenseInfo {
	if f.LicensesFunc == nil {
		return nil
	}
	return f.LicensesFunc()
}

// ResolveLicense calls ResolveLicenseFunc.
func (f *FakeEngine) ResolveLicense(input string) (index.LicenseInfo, error) {
	if f.ResolveLicenseFunc == nil {
		return index.LicenseInfo{}, &index.UnknownLicenseError{Input: input}
	}
	return f.ResolveLicenseFunc(input)
}

// Topics calls TopicsFunc.
func (f *FakeEngine) Topics(license string) []index.TopicInfo {
	if f.TopicsFunc == nil {
		return nil
	}
	return f.TopicsFunc(license)
}

// Stats calls StatsFunc.
func (f *FakeEngine) Stats() index.Stats {
	if f.StatsFunc == nil {
		return index.Stats{}
	}
	return f.StatsFunc()
}
