package main

// First use: the commands that answer open the index in the data
// directory, and when there is none yet — or it was built by an older
// binary, from another corpus — they pull the texts and build it first,
// saying so, so that `go install …@latest && licensebot ask llama4
// attribution` works on a fresh machine.

import (
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/licensebot/licensebot/corpus"
	"github.com/licensebot/licensebot/index"
)

// openIndex opens the index under d.data, setting the data directory up
// first when it has no usable index.
func (m *Main) openIndex(ctx context.Context, d dirs) (*index.Engine, error) {
	e, err := index.Open(d.data)
	var why string
	degraded := false
	switch {
	case err == nil && e.Health().Degraded():
		// Answering from the build before it would hide the damage:
		// rebuild, as serve does, and say why.
		why = damaged(e.Health().Problem)
		e.Close()
		degraded = true
	case err == nil:
		want := d.paths().Version()
		have := e.Stats().CorpusVersion
		if want == "" || have == want {
			return e, nil
		}
		e.Close()
		why = fmt.Sprintf("the index in %s was built from corpus %s; this binary's is %s", d.data, have, want)
	case errors.Is(err, index.ErrCorruptBuild): // and no good build before it
		why = damaged(err)
	case errors.Is(err, index.ErrNoIndex):
		why = "first run: no index in " + d.data + " yet"
	case errors.Is(err, index.ErrStaleIndex):
		why = "the index in " + d.data + " was built by another version of licensebot"
	default:
		return nil, err
	}
	if err := m.setUp(ctx, d, why); err != nil {
		if !degraded || ctx.Err() != nil {
			return nil, err
		}
		fmt.Fprint(m.Stderr, m.withDataHint(fmt.Sprintf("licensebot: the rebuild failed (%v); answering from the previous build.\n", err)))
	}
	return index.Open(d.data)
}

// damaged says why the current build is not served, without the advice
// to rebuild, which the setup is about to follow.
func damaged(problem error) string {
	return "the current index build is damaged (" + strings.TrimSuffix(problem.Error(), ": run `licensebot index build`") + ")"
}

// setUp pulls the texts the data directory lacks (verified against the
// manifest) and builds the index, reporting progress on stderr.
func (m *Main) setUp(ctx context.Context, d dirs, why string) error {
	p := d.paths()
	o := corpus.PullOptions{Dest: p.Texts}
	fetch := "fetching the license texts"
	if dir, ok := m.mirror(); ok {
		o.From, fetch = dir, "copying the license texts from the mirror "+dir
	}
	fmt.Fprintf(m.Stderr, "licensebot: %s.\nSetting up %s (once; about 10 seconds): %s, then building the index.\n", why, d.data, fetch)
	man, err := p.LoadManifest()
	if err != nil {
		return err
	}
	start := time.Now()
	res, counts, err := m.pullTexts(ctx, man, o, "  ")
	if err != nil {
		return err
	}
	for _, r := range res {
		if r.Action == "absent" {
			fmt.Fprint(m.Stderr, m.withDataHint(fmt.Sprintf("  note: %s comes only from a mirror (no download URL); left out until `licensebot corpus pull --from DIR`\n", r.Doc)))
		}
	}
	fmt.Fprintf(m.Stderr, "  texts: %d fetched, %d copied, %d already there, %d absent\n",
		counts["fetched"], counts["copied"], counts["unchanged"], counts["absent"])
	fmt.Fprintf(m.Stderr, "  building the index…\n")
	r, err := index.Build(ctx, p, d.data)
	if err != nil {
		return fmt.Errorf("index build: %w", err)
	}
	fmt.Fprintf(m.Stderr, "  ready: %d documents, %d clauses (%s).\n\n", r.Documents, r.Clauses, time.Since(start).Round(100*time.Millisecond))
	return nil
}

// offline turns a pull that could not reach the network into one line
// naming the fix; other errors pass as they are.
func (m *Main) offline(err error) error {
	if !errors.Is(err, corpus.ErrUnreachable) {
		return err
	}
	cause := err.Error()
	var dns *net.DNSError
	var op *net.OpError
	switch {
	case errors.As(err, &dns):
		cause = dns.Error()
	case errors.As(err, &op):
		cause = op.Error()
	}
	hint := mirrorHint
	if dir, ok := m.mirror(); ok {
		hint = dir
	}
	return &offlineError{msg: fmt.Sprintf("cannot download the license texts (%s). Offline? Copy them from a mirror: licensebot corpus pull --from %s", cause, hint), err: err}
}

// offlineError is a pull that could not reach the network, said in one
// line with its fix; it unwraps to the pull's error.
type offlineError struct {
	msg string
	err error
}

func (e *offlineError) Error() string { return e.msg }
func (e *offlineError) Unwrap() error { return e.err }

// mirror is a mirror of the texts: the first of m.Mirrors (or mirrorDirs)
// that holds them, as an absolute path.
func (m *Main) mirror() (string, bool) {
	dirs := m.Mirrors
	if dirs == nil {
		dirs = mirrorDirs
	}
	for _, dir := range dirs {
		if _, err := os.Stat(filepath.Join(dir, "llama4-license.txt")); err == nil {
			if abs, err := filepath.Abs(dir); err == nil {
				return abs, true
			}
		}
	}
	return "", false
}

// mirrorDirs are where a mirror of the texts lies beside a checkout
// (shared/corpus/texts), seen from the checkout, from the directory that
// holds it, or from a directory directly inside the checkout.
var mirrorDirs = []string{"../shared/corpus/texts", "shared/corpus/texts", "../../shared/corpus/texts"}

// mirrorHint is what the advice to copy from a mirror names when none is
// found.
const mirrorHint = "DIR (a directory of <id>.txt texts, e.g. shared/corpus/texts beside a licensebot checkout)"

// progress reports done of total on one line, redrawn in place on a
// terminal; elsewhere (a log, a pipe) it stays quiet until done.
type progress struct {
	t     terminal
	w     *os.File
	label string
	drawn bool
}

func newProgress(w interface{ Write([]byte) (int, error) }, label string) *progress {
	f, _ := w.(*os.File)
	return &progress{t: terminalOf(w), w: f, label: label}
}

func (p *progress) update(done, total int, r corpus.PullResult) {
	if !p.t.tty || p.w == nil {
		return
	}
	fmt.Fprintf(p.w, "\r\x1b[K%s %d/%d %s %s", p.label, done, total, r.Action, r.Doc)
	p.drawn = true
}

func (p *progress) done() {
	if p.drawn {
		fmt.Fprint(p.w, "\r\x1b[K")
	}
}

// pullTexts pulls the texts with progress on stderr (each line indented
// by indent) and counts the results by action; an unreachable network is
// one line naming the fix.
func (m *Main) pullTexts(ctx context.Context, man *corpus.Manifest, o corpus.PullOptions, indent string) ([]corpus.PullResult, map[string]int, error) {
	prog := newProgress(m.Stderr, indent+"texts")
	o.Client, o.Progress = m.Client, prog.update
	res, err := corpus.Pull(ctx, man, o)
	prog.done()
	if err != nil {
		return nil, nil, m.offline(err)
	}
	counts := map[string]int{}
	for _, r := range res {
		counts[r.Action]++
	}
	return res, counts, nil
}
