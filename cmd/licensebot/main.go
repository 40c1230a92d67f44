// Command licensebot answers licensing questions about AI-model licenses:
// in a terminal (ask, search, opensource, compare), as a Discord bot
// (serve), and as the operator's tool for the corpus and the index.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"github.com/licensebot/licensebot/corpus"
	"github.com/licensebot/licensebot/index"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := NewMain(os.Stdout, os.Stderr).Run(ctx, os.Args[1:])
	stop()
	os.Exit(exitCode(err, os.Stderr))
}

// Exit codes: 2 for what the user typed (usage, unknown license), 1 for
// everything else.
func exitCode(err error, stderr io.Writer) int {
	var unknown *index.UnknownLicenseError
	var unindexed *index.UnindexedLicenseError
	switch {
	case err == nil:
		return 0
	case errors.Is(err, flag.ErrHelp):
		return 0
	case errors.As(err, &unknown), errors.As(err, &unindexed):
		fmt.Fprintln(stderr, "licensebot:", err)
		return 2
	case errors.Is(err, errUsage):
		fmt.Fprintln(stderr, "licensebot:", err)
		return 2
	default:
		fmt.Fprintln(stderr, "licensebot:", err)
		return 1
	}
}

var errUsage = errors.New("usage")

// Main holds what every subcommand shares.
type Main struct {
	Stdout, Stderr io.Writer
}

// NewMain returns a Main writing to the given streams.
func NewMain(stdout, stderr io.Writer) *Main { return &Main{Stdout: stdout, Stderr: stderr} }

// Run dispatches to a subcommand.
func (m *Main) Run(ctx context.Context, args []string) error {
	if len(args) == 0 {
		m.usage()
		return fmt.Errorf("%w: no command given", errUsage)
	}
	cmd, rest := args[0], args[1:]
	switch cmd {
	case "ask":
		return (&askCommand{m: m}).Run(ctx, rest)
	case "search":
		return (&searchCommand{m: m}).Run(ctx, rest)
	case "opensource":
		return (&openSourceCommand{m: m}).Run(ctx, rest)
	case "compare":
		return (&compareCommand{m: m}).Run(ctx, rest)
	case "clause":
		return (&clauseCommand{m: m}).Run(ctx, rest)
	case "index":
		return m.runGroup(ctx, "index", rest, map[string]func(context.Context, []string) error{
			"build": (&indexBuildCommand{m: m}).Run,
		})
	case "corpus":
		return m.runGroup(ctx, "corpus", rest, map[string]func(context.Context, []string) error{
			"pull":  (&corpusPullCommand{m: m}).Run,
			"check": (&corpusCheckCommand{m: m}).Run,
		})
	case "serve":
		return (&serveCommand{m: m}).Run(ctx, rest)
	case "commands":
		return m.runGroup(ctx, "commands", rest, map[string]func(context.Context, []string) error{
			"register": (&registerCommand{m: m}).Run,
		})
	case "help", "-h", "--help", "-help":
		m.usage()
		return nil
	default:
		m.usage()
		return fmt.Errorf("%w: unknown command %q", errUsage, cmd)
	}
}

func (m *Main) runGroup(ctx context.Context, group string, args []string, subs map[string]func(context.Context, []string) error) error {
	if len(args) > 0 && (args[0] == "-h" || args[0] == "--help" || args[0] == "-help" || args[0] == "help") {
		m.usage()
		return nil
	}
	if len(args) == 0 || subs[args[0]] == nil {
		m.usage()
		if len(args) == 0 {
			return fmt.Errorf("%w: %s needs a subcommand", errUsage, group)
		}
		return fmt.Errorf("%w: unknown command %q", errUsage, group+" "+args[0])
	}
	return subs[args[0]](ctx, args[1:])
}

func (m *Main) usage() {
	fmt.Fprint(m.Stderr, `licensebot answers licensing questions about AI-model licenses.

Usage:
  licensebot ask [--json] LICENSE TOPIC...        verdict and clauses, e.g. ask llama4 attribution
  licensebot search [--json] [--license L] QUERY...  free-text search of the corpus
  licensebot clause [--json] LICENSE SECTION       the exact text of one section, e.g. clause llama4 1.b.i
  licensebot opensource [--json] LICENSE          Open Source Definition checklist
  licensebot compare [--json] FIRST SECOND TOPIC... two licenses side by side on one topic
  licensebot corpus pull [--from DIR]             fetch the third-party texts, SHA-256 verified
  licensebot corpus check                         validate manifest, topics, cards and notes
  licensebot index build                          rebuild the index and swap it in atomically
  licensebot serve [--http ADDR]                  run the Discord bot (gateway, or HTTP interactions)
  licensebot commands register [--guild ID]       register the slash commands (bulk overwrite)

Run "licensebot COMMAND --help" for a command's flags.
`)
}

// dirs are the locations every command shares, from flags with the
// environment as default.
type dirs struct {
	data   string
	corpus string
}

func (d *dirs) register(fs *flag.FlagSet) {
	fs.StringVar(&d.data, "data", envOr("LICENSEBOT_DATA", "data"), "data directory: texts/ and index/ (env LICENSEBOT_DATA)")
	fs.StringVar(&d.corpus, "corpus", envOr("LICENSEBOT_CORPUS", "corpus"), "corpus directory: manifest, topics, cards, notes (env LICENSEBOT_CORPUS)")
}

func (d *dirs) paths() corpus.Paths {
	return corpus.Paths{Dir: d.corpus, Texts: d.data + "/texts"}
}

func envOr(key, def string) string {
	if v, ok := os.LookupEnv(key); ok && v != "" {
		return v
	}
	return def
}

// newFlagSet makes a flag set whose -help prints the command's usage line
// and flags, and returns flag.ErrHelp.
func (m *Main) newFlagSet(name, usage string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(m.Stderr)
	fs.Usage = func() {
		fmt.Fprintf(m.Stderr, "Usage: licensebot %s\n\nFlags:\n", usage)
		fs.PrintDefaults()
	}
	return fs
}

// parse parses flags anywhere among the arguments ("ask llama4 --json x"),
// as people type them; everything after "--" is positional.
func parse(fs *flag.FlagSet, args []string) ([]string, error) {
	var tail []string
	for i, a := range args {
		if a == "--" {
			args, tail = args[:i], args[i+1:]
			break
		}
	}
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, err
			}
			return nil, fmt.Errorf("%w: %v", errUsage, err)
		}
		args = fs.Args()
		if len(args) == 0 {
			return append(pos, tail...), nil
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}
