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

// subcommand is one `licensebot` command, in its own type and file with its
// own flag set: ParseFlags reads the arguments (flags, positionals and the
// environment) and refuses bad ones before anything is opened; Run does
// the work.
type subcommand interface {
	ParseFlags(args []string) error
	Run(ctx context.Context) error
}

// Run parses a subcommand's flags, then runs it.
func (m *Main) Run(ctx context.Context, args []string) error {
	if len(args) == 0 {
		m.usage()
		return fmt.Errorf("%w: no command given", errUsage)
	}
	name, rest := args[0], args[1:]
	if name == "help" || name == "-h" || name == "--help" || name == "-help" {
		m.usage()
		return nil
	}
	cmd, rest, err := m.lookup(name, rest)
	if cmd == nil || err != nil {
		return err
	}
	if err := cmd.ParseFlags(rest); err != nil {
		return err
	}
	return cmd.Run(ctx)
}

// lookup finds the subcommand called name, taking a group's second word
// ("index build") from rest. A nil command with a nil error means the
// usage was asked for and printed.
func (m *Main) lookup(name string, rest []string) (subcommand, []string, error) {
	switch name {
	case "ask":
		return &askCommand{m: m}, rest, nil
	case "search":
		return &searchCommand{m: m}, rest, nil
	case "opensource":
		return &openSourceCommand{m: m}, rest, nil
	case "compare":
		return &compareCommand{m: m}, rest, nil
	case "clause":
		return &clauseCommand{m: m}, rest, nil
	case "serve":
		return &serveCommand{m: m}, rest, nil
	case "index":
		return m.group("index", rest, map[string]subcommand{
			"build": &indexBuildCommand{m: m},
		})
	case "corpus":
		return m.group("corpus", rest, map[string]subcommand{
			"pull":  &corpusPullCommand{m: m},
			"check": &corpusCheckCommand{m: m},
		})
	case "commands":
		return m.group("commands", rest, map[string]subcommand{
			"register": &registerCommand{m: m},
		})
	}
	m.usage()
	return nil, nil, fmt.Errorf("%w: unknown command %q", errUsage, name)
}

// group picks a subcommand of a two-word command by its second word.
func (m *Main) group(group string, args []string, subs map[string]subcommand) (subcommand, []string, error) {
	if len(args) > 0 && (args[0] == "-h" || args[0] == "--help" || args[0] == "-help" || args[0] == "help") {
		m.usage()
		return nil, nil, nil
	}
	if len(args) == 0 || subs[args[0]] == nil {
		m.usage()
		if len(args) == 0 {
			return nil, nil, fmt.Errorf("%w: %s needs a subcommand", errUsage, group)
		}
		return nil, nil, fmt.Errorf("%w: unknown command %q", errUsage, group+" "+args[0])
	}
	return subs[args[0]], args[1:], nil
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
