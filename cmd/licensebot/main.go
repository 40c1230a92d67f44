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
	"maps"
	"net/http"
	"os"
	"os/signal"
	"slices"
	"strings"
	"syscall"

	"github.com/agnivade/levenshtein"

	"github.com/licensebot/licensebot/index"
	"github.com/licensebot/licensebot/internal/datadir"
	"github.com/licensebot/licensebot/internal/gctune"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	// The first Ctrl-C (or SIGTERM) asks the command to stop cleanly; once
	// it has, the signals are the default's again, so a second one ends a
	// command that does not stop.
	context.AfterFunc(ctx, stop)
	m := NewMain(os.Stdout, os.Stderr)
	m.OneShot = gctune.ForOneShot
	err := m.Run(ctx, os.Args[1:])
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
	case errors.As(err, &unknown):
		fmt.Fprintln(stderr, "licensebot:", err)
		fmt.Fprintln(stderr, "`licensebot licenses` lists the licenses, `licensebot models` the models.")
		return 2
	case errors.As(err, &unindexed):
		fmt.Fprintln(stderr, "licensebot:", err)
		return 2
	case errors.Is(err, errUsage), errors.As(err, new(userError)):
		fmt.Fprintln(stderr, "licensebot:", err)
		return 2
	default:
		fmt.Fprintln(stderr, "licensebot:", err)
		return 1
	}
}

var errUsage = errors.New("usage")

// userError is a mistake in what the user asked for (a section the license
// does not have): exit code 2, the message as it is.
type userError struct{ error }

// Main holds what every subcommand shares.
type Main struct {
	Stdout, Stderr io.Writer
	// Client fetches the texts on first use; nil means a default client.
	// Tests stand a server (or a network that is down) in for the
	// download hosts.
	Client *http.Client
	// Mirrors are where first use looks for a mirror of the texts (a
	// directory of <id>.txt files) to copy them from instead of
	// downloading them; nil means mirrorDirs, the places beside a
	// checkout, and an empty list none. The copies are checked against the
	// manifest as downloads are.
	Mirrors []string
	// OneShot, when set, runs before a command that answers and exits
	// (oneShotCommand); the binary sets the garbage collector for such a
	// run (internal/gctune), tests leave it nil.
	OneShot func()
	// helpAsked says the arguments ask for help (help, -h, --help before
	// "--"): usage then goes to stdout, where `| less` finds it; as part
	// of an error it goes to stderr.
	helpAsked bool
	// data is the directory given with --data, "" when none was: the
	// commands its errors and messages tell the user to run name it
	// (withDataFlag, withDataHint).
	data string
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
	m.helpAsked = asksHelp(args)
	name, rest := args[0], args[1:]
	switch name {
	case "help", "-h", "--help", "-help":
		return m.help(rest)
	case "--version", "-version", "-v":
		name = "version"
	}
	cmd, rest, err := m.lookup(name, rest)
	if cmd == nil || err != nil {
		return err
	}
	if err := cmd.ParseFlags(rest); err != nil {
		return err
	}
	if _, ok := cmd.(oneShotCommand); ok && m.OneShot != nil {
		m.OneShot()
	}
	m.data = dataFlag(rest)
	return withDataFlag(cmd.Run(ctx), m.data)
}

// asksHelp reports whether args ask for help: "help" first or after a
// group's name ("corpus help"), or a help flag before "--".
func asksHelp(args []string) bool {
	for i, a := range args {
		switch {
		case a == "--":
			return false
		case a == "-h", a == "-help", a == "--help", a == "help" && (i == 0 || i == 1 && groups[args[0]] != nil):
			return true
		}
	}
	return false
}

// groups are the commands of two words, named by the first, each with its
// subcommands by the second.
var groups = map[string]func(m *Main) map[string]subcommand{
	"index": func(m *Main) map[string]subcommand {
		return map[string]subcommand{"build": &indexBuildCommand{m: m}}
	},
	"corpus": func(m *Main) map[string]subcommand {
		return map[string]subcommand{"pull": &corpusPullCommand{m: m}, "check": &corpusCheckCommand{m: m}}
	},
	"commands": func(m *Main) map[string]subcommand {
		return map[string]subcommand{"register": &registerCommand{m: m}}
	},
}

// usageOut is where usage goes: stdout when it was asked for, else stderr
// beside the error it explains.
func (m *Main) usageOut() io.Writer {
	if m.helpAsked {
		return m.Stdout
	}
	return m.Stderr
}

// dataFlag returns the --data directory given in args, the last when
// given twice (as the flag package keeps it), "" when none was.
func dataFlag(args []string) string {
	data := ""
	for i, a := range args {
		if a == "--" {
			break
		}
		name, val, hasVal := strings.Cut(strings.TrimLeft(a, "-"), "=")
		switch {
		case !strings.HasPrefix(a, "-") || name != "data":
		case hasVal:
			data = val
		case i+1 < len(args):
			data = args[i+1]
		}
	}
	return data
}

// withDataFlag makes the commands an error tells the user to run name the
// data directory given with --data, which they would otherwise run on the
// default one: "run `licensebot index build --data DIR`".
func withDataFlag(err error, data string) error {
	if err == nil || data == "" {
		return err
	}
	return &dataHintError{err: err, flag: " --data " + shellQuote(data)}
}

// withDataHint is withDataFlag for a message printed as the command goes
// on ("left out until `licensebot corpus pull --from DIR`").
func (m *Main) withDataHint(msg string) string {
	if m.data == "" {
		return msg
	}
	return withHintFlag(msg, " --data "+shellQuote(m.data))
}

// withHintFlag adds flag to each command msg tells the user to run.
func withHintFlag(msg, flag string) string {
	for _, c := range []string{"licensebot index build", "licensebot corpus pull"} {
		msg = strings.ReplaceAll(msg, c, c+flag)
	}
	return msg
}

// dataHintError is an error whose advice to run a command names the data
// directory given with --data.
type dataHintError struct {
	err  error
	flag string
}

func (e *dataHintError) Error() string { return withHintFlag(e.err.Error(), e.flag) }

func (e *dataHintError) Unwrap() error { return e.err }

// oneShotCommand is a command that answers and exits in milliseconds —
// ask, search, clause, … — unlike serve and the builds.
type oneShotCommand interface{ oneShot() }

func (*askCommand) oneShot()        {}
func (*searchCommand) oneShot()     {}
func (*clauseCommand) oneShot()     {}
func (*openSourceCommand) oneShot() {}
func (*compareCommand) oneShot()    {}
func (*listCommand) oneShot()       {} // licenses, topics, models
func (*versionCommand) oneShot()    {}

// help prints the usage, or with a command's name that command's usage
// and flags: `licensebot help ask`, `licensebot help corpus pull`.
func (m *Main) help(args []string) error {
	if len(args) == 0 {
		m.usage()
		return nil
	}
	cmd, _, err := m.lookup(args[0], append(args[1:], "--help"))
	if cmd == nil || err != nil {
		return err
	}
	return cmd.ParseFlags([]string{"--help"})
}

// lookup finds the subcommand called name, taking a group's second word
// ("index build") from rest. A nil command with a nil error means the
// usage was asked for and printed.
func (m *Main) lookup(name string, rest []string) (subcommand, []string, error) {
	simple := map[string]subcommand{
		"ask":         &askCommand{m: m},
		"search":      &searchCommand{m: m},
		"opensource":  &openSourceCommand{m: m},
		"compare":     &compareCommand{m: m},
		"clause":      &clauseCommand{m: m},
		"licenses":    &licensesCommand{listCommand{m: m}},
		"topics":      &topicsCommand{listCommand{m: m}},
		"models":      &modelsCommand{listCommand{m: m}},
		"serve":       &serveCommand{m: m},
		"invite":      &inviteCommand{m: m},
		"healthcheck": &healthcheckCommand{m: m},
		"version":     &versionCommand{m: m},
	}
	if cmd := simple[name]; cmd != nil {
		return cmd, rest, nil
	}
	if subs := groups[name]; subs != nil {
		return m.group(name, rest, subs(m))
	}
	return nil, nil, m.unknownCommand(name, slices.Concat(slices.Collect(maps.Keys(simple)), slices.Collect(maps.Keys(groups)), []string{"help"}))
}

// unknownCommand is the error for a command that is none of commands: the
// hint alone when there is one ("did you mean ask?"), else the usage and
// the error.
func (m *Main) unknownCommand(name string, commands []string) error {
	hint := commandHint(name, commands)
	if hint == "" {
		m.usage()
	}
	return fmt.Errorf("%w: unknown command %q%s", errUsage, name, hint)
}

// commandHint is what follows "unknown command": where flags go, for a
// flag typed first, or the commands one or two letters away.
func commandHint(name string, commands []string) string {
	if strings.HasPrefix(name, "-") {
		return "; flags go after the command, e.g. `licensebot ask --data DIR llama4 attribution`"
	}
	var close []string
	for _, c := range commands {
		if n := strings.ToLower(name); levenshtein.ComputeDistance(n, c) <= min(2, max(1, len(name)/3)) || swapsTwo(n, c) {
			close = append(close, c)
		}
	}
	if len(close) == 0 {
		return ""
	}
	slices.Sort(close)
	return "; did you mean " + strings.Join(close, ", ") + "?"
}

// swapsTwo reports whether a is b with two neighbouring letters swapped
// ("aks" for "ask"), one slip of the fingers that Levenshtein counts as two.
func swapsTwo(a, b string) bool {
	if len(a) != len(b) || a == b {
		return false
	}
	i := 0
	for a[i] == b[i] {
		i++
	}
	return i+1 < len(a) && a[i] == b[i+1] && a[i+1] == b[i] && a[i+2:] == b[i+2:]
}

// group picks a subcommand of a two-word command by its second word.
// Asked for help, it shows each subcommand's usage, flags and examples.
func (m *Main) group(group string, args []string, subs map[string]subcommand) (subcommand, []string, error) {
	if len(args) > 0 && (args[0] == "-h" || args[0] == "--help" || args[0] == "-help" || args[0] == "help") {
		for n, name := range slices.Sorted(maps.Keys(subs)) {
			if n > 0 {
				fmt.Fprintln(m.usageOut())
			}
			if err := subs[name].ParseFlags([]string{"--help"}); err != nil && !errors.Is(err, flag.ErrHelp) {
				return nil, nil, err
			}
		}
		return nil, nil, nil
	}
	if len(args) == 0 {
		m.usage()
		return nil, nil, fmt.Errorf("%w: %s needs a subcommand", errUsage, group)
	}
	if subs[args[0]] == nil {
		var names []string
		for sub := range subs {
			names = append(names, group+" "+sub)
		}
		return nil, nil, m.unknownCommand(group+" "+args[0], names)
	}
	return subs[args[0]], args[1:], nil
}

func (m *Main) usage() {
	fmt.Fprint(m.usageOut(), `licensebot answers licensing questions about AI-model licenses, quoting
the clauses verbatim. Not legal advice.

Ask:
  licensebot ask LICENSE TOPIC...            verdict and clauses: ask llama4 attribution, ask Llama 4 credit
  licensebot search [--license L] QUERY...   free-text search of every text, the critique included
  licensebot clause LICENSE [SECTION]        one section verbatim (clause llama4 1.b.i); without one, the list
  licensebot opensource LICENSE              the Open Source Definition checklist (and OSAID for AI models)
  licensebot compare FIRST SECOND TOPIC...   two licenses side by side on one topic
List:
  licensebot licenses                        every license, with the names it answers to
  licensebot topics [LICENSE]                the topics (those LICENSE has verdicts on)
  licensebot models [FILTER]                 the model catalogue: which license each model is under
Run the bot:
  licensebot serve [--http ADDR]             the Discord bot (gateway, or the HTTP interactions endpoint)
  licensebot commands register [--guild ID]  register the slash commands (a bulk overwrite)
  licensebot invite                          the link that adds the bot to a server
  licensebot healthcheck [--addr ADDR]       exit 0 when a running bot is ready (container health checks)
Data:
  licensebot corpus pull [--from DIR] [--all]  fetch the license texts, SHA-256 verified
  licensebot corpus check [--corpus DIR]     validate manifest, topics, cards and notes
  licensebot index build                     rebuild the index and swap it in atomically
  licensebot version                         binary, corpus and index versions (also --version)

LICENSE is a key or a name as people type it (llama4, "Llama 4", apache2, an
SPDX id, a model such as Qwen2.5-7B-Instruct). Most commands take --json.
The first question fetches the texts and builds the index in the data
directory (--data, env LICENSEBOT_DATA; default `+datadir.Home()+`).
"licensebot help COMMAND" shows a command's flags and examples.
`)
}

// newFlagSet makes a flag set whose -help prints the command's usage line
// and flags, and returns flag.ErrHelp.
func (m *Main) newFlagSet(name, usage string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	// The flag package's own error line is left out: the error comes back
	// from parse and is printed once, last, after the usage.
	fs.SetOutput(io.Discard)
	fs.Usage = func() {
		w := m.usageOut()
		fmt.Fprintf(w, "Usage: licensebot %s\n\n", usage)
		if about := commandHelp[name]; about != "" {
			fmt.Fprintf(w, "%s\n\n", strings.TrimSpace(about))
		}
		fmt.Fprintf(w, "Flags:\n")
		fs.SetOutput(w)
		fs.PrintDefaults()
		fs.SetOutput(io.Discard)
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
