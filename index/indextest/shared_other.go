//go:build !unix

package indextest

import "github.com/licensebot/licensebot/corpus"

// sharedBuild builds privately where there is no flock to share a build
// between test binaries.
func sharedBuild(paths corpus.Paths) (string, bool, error) { return buildPrivate(paths) }
