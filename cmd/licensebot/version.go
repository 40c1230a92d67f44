package main

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"runtime/debug"

	"github.com/licensebot/licensebot/index"
)

// versionCommand prints what is running: `licensebot version` (or
// --version).
type versionCommand struct {
	m    *Main
	dirs dirs
}

func (c *versionCommand) ParseFlags(args []string) error {
	fs := c.m.newFlagSet("version", "version")
	c.dirs.register(fs)
	_, err := parse(fs, args)
	return err
}

// Run prints the binary (module version, commit), the corpus it carries,
// the index mapping version, and what the data directory serves; it never
// fetches or builds anything.
func (c *versionCommand) Run(context.Context) error {
	w := c.m.Stdout
	fmt.Fprintf(w, "licensebot %s (%s, %s/%s)\n", binaryVersion(), runtime.Version(), runtime.GOOS, runtime.GOARCH)
	p := c.dirs.paths()
	fmt.Fprintf(w, "corpus %s (%s), index mapping %d\n", firstNonEmpty(p.Version(), "unreadable"), p, index.MappingVersion)
	e, err := index.Open(c.dirs.data)
	switch {
	case errors.Is(err, index.ErrNoIndex):
		fmt.Fprintf(w, "data %s: no index yet (the first question builds it)\n", c.dirs.data)
	case err != nil:
		fmt.Fprintf(w, "data %s: %v\n", c.dirs.data, err)
	default:
		st := e.Stats()
		e.Close()
		fmt.Fprintf(w, "data %s: index of corpus %s, built %s (%d documents, %d clauses)\n", c.dirs.data, st.CorpusVersion, st.IndexedAt, st.Documents, st.Clauses)
	}
	return nil
}

// buildVersion is what `make build` stamps into the binary (`git describe
// --tags --always --dirty`, through -ldflags -X): the Docker build's context
// leaves .git out, and a build with -buildvcs=false records no commit.
// Empty when built without make.
var buildVersion string

// binaryVersion is the version make stamped, else the module version Go
// recorded (what `go install …@vX` fetched, or a pseudo-version of the
// checkout's commit), else the commit (with "+dirty" for local changes).
func binaryVersion() string {
	bi, ok := debug.ReadBuildInfo()
	return versionOf(bi, ok, buildVersion)
}

// versionOf is binaryVersion for the build info bi (ok when there is
// any) and the version make stamped. The stamp comes first: since Go 1.24
// go build in a checkout records a pseudo-version of its commit as the
// module version ("v0.0.0-20261130055330-1152865b65a0"), which would hide
// the git describe make asked for on every machine that stamps VCS.
func versionOf(bi *debug.BuildInfo, ok bool, stamped string) string {
	if stamped != "" {
		return stamped
	}
	if !ok {
		return "(unknown)"
	}
	if bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	rev, dirty := "", false
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			dirty = s.Value == "true"
		}
	}
	if rev == "" {
		return "(devel)"
	}
	if len(rev) > 12 {
		rev = rev[:12]
	}
	if dirty {
		rev += "+dirty"
	}
	return "(devel) " + rev
}
