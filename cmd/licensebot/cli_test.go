package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/licensebot/licensebot/corpus"
	"github.com/licensebot/licensebot/corpus/corpustest"
	"github.com/licensebot/licensebot/index"
	"github.com/licensebot/licensebot/index/indextest"
)

// A license name of several words needs no quotes, a model is accepted
// where a license is, and a name that matches nothing is refused with
// suggestions rather than answered for another license.
func TestAskReadsNamesAsPeopleTypeThem(t *testing.T) {
	t.Parallel()
	data := indextest.DataDir(t)
	for _, tc := range []struct {
		args              []string
		license, topic    string
		wantModel, wantOK bool
	}{
		{[]string{"Llama", "4", "credit"}, "llama4", "attribution", false, true},
		{[]string{"Llama 4", "credit"}, "llama4", "attribution", false, true},
		{[]string{"Llama 4 credit"}, "llama4", "attribution", false, true}, // all in one quoted argument
		{[]string{"llama", "3.1", "built", "with", "llama"}, "llama3.1", "attribution", false, true},
		{[]string{"Qwen2.5-7B-Instruct", "commercial", "use"}, "", "", true, true},
		{[]string{"LicenseRef-scancode-llama-4-cla-2025", "credit"}, "llama4", "attribution", false, true}, // ScanCode id
		{[]string{"llama-4-license-2025", "credit"}, "llama4", "attribution", false, true},                 // its policy's, without the namespace
		{[]string{"Apache-2.0", "patents"}, "apache-2.0", "patents", false, true},                          // SPDX id
		{[]string{"openrail++", "attribution"}, "", "", false, false},
	} {
		out, stderr, code := run(t, append([]string{"ask", "--json", "--data", data}, tc.args...)...)
		if !tc.wantOK {
			// openrail++ is CreativeML Open RAIL++-M, whose text is not
			// indexed: said so, never answered from BigScience OpenRAIL-M.
			if code != 2 || !strings.Contains(stderr, "RAIL++") || strings.Contains(strings.ToLower(stderr), "bigscience") {
				t.Errorf("%q: exit %d, %q; want 2 naming the RAIL++ license only", tc.args, code, stderr)
			}
			continue
		}
		var a struct {
			License, Topic string
			Model          *struct{ Name string }
		}
		if code != 0 || json.Unmarshal([]byte(out), &a) != nil {
			t.Fatalf("%q: exit %d: %s %s", tc.args, code, out, stderr)
		}
		if tc.license != "" && (a.License != tc.license || a.Topic != tc.topic) {
			t.Errorf("%q answered %s/%s, want %s/%s", tc.args, a.License, a.Topic, tc.license, tc.topic)
		}
		if tc.wantModel && a.Model == nil {
			t.Errorf("%q: no model in the answer", tc.args)
		}
	}
}

// `ask LICENSE` without a topic lists the license's topics and how to ask.
func TestAskWithoutTopicListsTopics(t *testing.T) {
	t.Parallel()
	data := indextest.DataDir(t)
	for _, args := range [][]string{{"llama4"}, {"Llama", "4"}} {
		_, stderr, code := run(t, append([]string{"ask", "--data", data}, args...)...)
		if code != 2 || !strings.Contains(stderr, "attribution") || !strings.Contains(stderr, "licensebot ask llama4 ") {
			t.Errorf("ask %q: exit %d:\n%s", args, code, stderr)
		}
	}
}

// A question typed whole, its license inside it, is told the order.
func TestAskWithTheLicenseInsideTheQuestion(t *testing.T) {
	t.Parallel()
	data := indextest.DataDir(t)
	_, stderr, code := run(t, "ask", "--data", data, "can I use llama 4 commercially?")
	if code != 2 || !strings.Contains(stderr, "licensebot ask llama4 …") {
		t.Errorf("exit %d, %q; want the order with the license it meant", code, stderr)
	}
	// A misspelt license of several words is no question typed whole, in
	// ask or any other command.
	for _, args := range [][]string{{"ask", "Llama 5", "credit"}, {"ask", "Llama 5 credit"}, {"opensource", "Llama 5"}, {"topics", "Apache 3"}} {
		if _, stderr, _ := run(t, append(args, "--data", data)...); strings.Contains(stderr, "comes first") {
			t.Errorf("%q: %q", args, stderr)
		}
	}
}

// One quoted argument is split into license and question only when the
// question does not start with a version the license lacks: "GPL 4" is
// not the GPL 3.
func TestAskDoesNotReadAnotherVersion(t *testing.T) {
	t.Parallel()
	data := indextest.DataDir(t)
	for _, arg := range []string{"GPL 4 patents", "CC BY 5.0 commercial", "BSD 4 clause credit"} {
		if out, stderr, code := run(t, "ask", "--data", data, arg); code != 2 || !strings.Contains(stderr, "unknown license") {
			t.Errorf("ask %q: exit %d, %.120q %q; want unknown license", arg, code, out, stderr)
		}
	}
}

// A misspelt topic gets "did you mean" with the command to ask it.
func TestAskSuggestsTopics(t *testing.T) {
	t.Parallel()
	data := indextest.DataDir(t)
	// Misspelt and narrower than the card ("for our startup app"): no
	// verdict, the topic it reads as offered to ask instead.
	out, _, code := run(t, "ask", "--data", data, "llama4", "comercial", "use", "for", "our", "startup", "app")
	if code != 0 || !strings.Contains(out, "No verdict for this exact question") || !strings.Contains(out, "Did you mean: commercial-use") ||
		!strings.Contains(out, "licensebot ask llama4 commercial-use") {
		t.Errorf("exit %d:\n%s", code, out)
	}
}

func TestListings(t *testing.T) {
	t.Parallel()
	data := indextest.DataDir(t)
	for _, tc := range []struct {
		args []string
		want []string
	}{
		{[]string{"licenses"}, []string{"llama4", "Llama 4 Community License Agreement", "apache-2.0", "also: "}},
		{[]string{"topics"}, []string{"attribution", "output-ownership"}},
		{[]string{"topics", "Llama", "4"}, []string{"Topics Llama 4 Community License Agreement has verdicts on", "attribution", "eu-restriction"}},
		{[]string{"models", "qwen"}, []string{"Qwen2.5-7B-Instruct", "apache-2.0"}},
		{[]string{"clause", "llama4"}, []string{"§1.b.i", "§2       Additional Commercial Terms", "llama4-aup", "licensebot clause llama4 1.a"}},
	} {
		out, stderr, code := run(t, append(tc.args, "--data", data)...)
		if code != 0 {
			t.Errorf("%q: exit %d: %s", tc.args, code, stderr)
		}
		for _, w := range tc.want {
			if !strings.Contains(out, w) {
				t.Errorf("%q: no %q in\n%s", tc.args, w, out)
			}
		}
	}
	// topics --json is keyed as ask's suggestions are; the license only
	// when one is named.
	out, _, _ := run(t, "topics", "--json", "--data", data)
	var tj map[string]any
	if json.Unmarshal([]byte(out), &tj) != nil || tj["license"] != nil || !strings.Contains(out, `{"topic":"open-source","label":`) {
		t.Errorf("topics --json: %.300s", out)
	}
	for _, args := range [][]string{{"licenses"}, {"topics", "mit"}, {"models"}, {"clause", "mit"}} {
		out, _, code := run(t, append(args, "--json", "--data", data)...)
		var v map[string]any
		if code != 0 || json.Unmarshal([]byte(out), &v) != nil || len(v) == 0 {
			t.Errorf("%q --json: exit %d, %.200s", args, code, out)
		}
	}
}

// A models filter that matches nothing is quoted back by its start: a
// pasted page is not echoed whole.
func TestModelsFilterMatchingNothingIsQuotedByItsStart(t *testing.T) {
	t.Parallel()
	out, stderr, code := run(t, "models", "--data", indextest.DataDir(t), strings.Repeat("nomodel ", 10000))
	if code != 0 || len(out) > 300 || !strings.Contains(out, `No model in the catalogue matches "nomodel nomodel`) {
		t.Errorf("exit %d, %d bytes: %.300s%s", code, len(out), out, stderr)
	}
}

// `clause llama4 1` is the license's own §1 with its items, never the
// policy's §1; a section the license does not have is refused, pointing at
// the list.
func TestClauseStaysInTheLicense(t *testing.T) {
	t.Parallel()
	data := indextest.DataDir(t)
	out, _, code := run(t, "clause", "--json", "--data", data, "llama4", "1")
	var h struct {
		Doc, Section string
		Items        []struct{ Doc, Section string }
	}
	if code != 0 || json.Unmarshal([]byte(out), &h) != nil {
		t.Fatalf("exit %d: %s", code, out)
	}
	if h.Doc != "llama4-license" || h.Section != "1" || len(h.Items) < 4 || h.Items[0].Doc != "llama4-license" {
		t.Errorf("clause llama4 1 = %s §%s with %d items; want llama4-license §1 and its items", h.Doc, h.Section, len(h.Items))
	}
	text, _, _ := run(t, "clause", "--data", data, "llama4", "1")
	for _, w := range []string{"§1 License Rights and Redistribution", "1.a  Grant of Rights", "1.b  Redistribution and Use", "1.b.iii"} {
		if !strings.Contains(text, w) {
			t.Errorf("no %q in\n%s", w, text)
		}
	}
	_, stderr, code := run(t, "clause", "--data", data, "llama4", "9.z")
	if code != 2 || !strings.Contains(stderr, "licensebot clause llama4") {
		t.Errorf("unknown section: exit %d, %q", code, stderr)
	}
}

// `help COMMAND` is that command's usage, flags and examples, not the
// general usage; a group's help is each of its commands'. Help asked for
// goes to stdout (`licensebot help | less`), with nothing on stderr.
func TestHelpCommand(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		args []string
		want []string
	}{
		{[]string{"help", "ask"}, []string{"Usage: licensebot ask"}},
		{[]string{"help", "corpus", "pull"}, []string{"Usage: licensebot corpus pull"}},
		{[]string{"help", "clause"}, []string{"clause llama4 1.b.i"}},
		{[]string{"search", "--help"}, []string{"Usage: licensebot search"}},
		{[]string{"ask", "llama4", "-h"}, []string{"Usage: licensebot ask"}},
		{[]string{"help", "corpus"}, []string{"Usage: licensebot corpus check", "Usage: licensebot corpus pull"}},
		{[]string{"corpus", "--help"}, []string{"Usage: licensebot corpus check", "Usage: licensebot corpus pull"}},
		{[]string{"index", "help"}, []string{"Usage: licensebot index build", "Segments the texts"}},
		{[]string{"help", "commands"}, []string{"Usage: licensebot commands register", "--guild"}},
	} {
		stdout, stderr, code := run(t, tc.args...)
		if code != 0 || stderr != "" || strings.Contains(stdout, "Run the bot:") {
			t.Errorf("%q: exit %d, stderr %q:\n%s", tc.args, code, stderr, stdout)
		}
		for _, want := range tc.want {
			if !strings.Contains(stdout, want) {
				t.Errorf("%q: stdout lacks %q:\n%s", tc.args, want, stdout)
			}
		}
	}
	if stdout, stderr, code := run(t, "help"); code != 0 || !strings.Contains(stdout, "licensebot licenses") || stderr != "" {
		t.Errorf("help: exit %d, stderr %q:\n%s", code, stderr, stdout)
	}
	if _, _, code := run(t, "help", "frobnicate"); code != 2 {
		t.Errorf("help frobnicate: exit %d, want 2", code)
	}
	// Usage that explains a mistake goes to stderr, beside it.
	if stdout, stderr, code := run(t, "ask"); code != 2 || stdout != "" || !strings.Contains(stderr, "Usage: licensebot ask") {
		t.Errorf("ask alone: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	// A "--help" after "--" is a word of the question, not a request for help.
	if !asksHelp([]string{"help"}) || asksHelp([]string{"ask", "llama4", "--", "--help"}) || asksHelp([]string{"ask", "help", "me"}) {
		t.Error("asksHelp: help is asked by the word help first or a help flag before --")
	}
}

// A command mistyped is answered with the commands it may have meant; a
// flag typed before the command, with where flags go.
func TestUnknownCommandHints(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"asc", "llama4", "attribution"}, `unknown command "asc"; did you mean ask?`},
		{[]string{"serch", "weapons"}, "did you mean search?"},
		{[]string{"aks", "llama4", "attribution"}, `unknown command "aks"; did you mean ask?`},
		{[]string{"corpus", "pul", "--from", "x"}, `unknown command "corpus pul"; did you mean corpus pull?`},
		{[]string{"index", "biuld"}, "did you mean index build?"},
		{[]string{"--data", "/tmp/x", "version"}, "flags go after the command"},
		{[]string{"frobnicate"}, `unknown command "frobnicate"`},
	} {
		_, stderr, code := run(t, tc.args...)
		lines := strings.Split(strings.TrimSpace(stderr), "\n")
		if code != 2 || !strings.Contains(lines[len(lines)-1], tc.want) {
			t.Errorf("%q: exit %d; want the last line to say %q:\n%s", tc.args, code, tc.want, stderr)
		}
	}
	if _, stderr, _ := run(t, "frobnicate"); strings.Contains(stderr, "did you mean") || !strings.Contains(stderr, "Usage") && !strings.Contains(stderr, "licensebot help") {
		t.Errorf("frobnicate is close to no command, yet: %s", stderr)
	}
	// A hint is enough: the usage is not printed above it.
	if _, stderr, _ := run(t, "asc", "llama4"); strings.Count(strings.TrimSpace(stderr), "\n") != 0 {
		t.Errorf("a mistyped command gets more than its hint:\n%s", stderr)
	}
}

func TestVersion(t *testing.T) {
	t.Parallel()
	data := indextest.DataDir(t)
	for _, args := range [][]string{{"--version", "--data", data}, {"version", "--data", data}} {
		out, _, code := run(t, args...)
		if code != 0 || !strings.Contains(out, "licensebot ") || !strings.Contains(out, "corpus 2") ||
			!strings.Contains(out, "index mapping ") || !strings.Contains(out, "data "+data+": index of corpus") {
			t.Errorf("%q: exit %d:\n%s", args, code, out)
		}
	}
	out, _, _ := run(t, "version", "--data", t.TempDir())
	if !strings.Contains(out, "no index yet") {
		t.Errorf("empty data dir:\n%s", out)
	}
}

// The version make stamps (git describe, passed with -ldflags -X) is what
// the binary reports when Go recorded no module version: an image built
// from a context without .git still says what it runs.
func TestVersionMakeStamped(t *testing.T) {
	old := buildVersion
	t.Cleanup(func() { buildVersion = old })
	buildVersion = "v0.39.0-3-g8ccffce-dirty"
	out, _, code := run(t, "version", "--data", t.TempDir())
	if code != 0 || !strings.HasPrefix(out, "licensebot v0.39.0-3-g8ccffce-dirty (go") {
		t.Errorf("exit %d:\n%s", code, out)
	}
}

// The version make stamps wins over the pseudo-version Go records of the
// checkout's commit (Go 1.24 and later, wherever VCS stamping is on, as it
// is by default): `licensebot version` says what git describe said, as
// README says. Go's pseudo-version hid it everywhere but on a machine
// with GOFLAGS=-buildvcs=false.
func TestVersionMakeStampedWinsOverGoVCSStamp(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	if err := exec.Command("git", "rev-parse", "--git-dir").Run(); err != nil {
		t.Skipf("not in a git checkout (%v): Go has no commit to stamp", err)
	}
	bin := filepath.Join(t.TempDir(), "licensebot")
	build := exec.Command("go", "build", "-buildvcs=true", "-ldflags", "-X main.buildVersion=v9.9.9-test", "-o", bin, ".")
	build.Env = append(os.Environ(), "GOFLAGS=")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	out, err := exec.Command(bin, "version", "--data", t.TempDir()).Output()
	if err != nil || !strings.HasPrefix(string(out), "licensebot v9.9.9-test (go") {
		t.Errorf("%v:\n%s", err, out)
	}
}

// make build rebuilds the binary when only the version it stamps has
// changed (a commit of files that are not sources, a tree dirtied or
// cleaned): the binary built before a commit said "<commit>-dirty" of the
// commit before until a source changed, in `licensebot version` and in
// serve's log. Built twice unchanged, it is not rebuilt.
func TestMakeBuildRestampsANewVersion(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	if _, err := exec.LookPath("make"); err != nil {
		t.Skip("no make")
	}
	bin := filepath.Join(t.TempDir(), "licensebot")
	build := func(version string) string {
		t.Helper()
		out, err := exec.Command("make", "-C", "../..", "build", "BIN="+bin, "VERSION="+version).CombinedOutput()
		if err != nil {
			t.Fatalf("make build: %v\n%s", err, out)
		}
		return string(out)
	}
	versionOf := func() string {
		out, _ := exec.Command(bin, "version", "--data", t.TempDir()).Output()
		line, _, _ := strings.Cut(string(out), " (")
		return line
	}
	build("v9.9.9-1-gabcdef0-dirty")
	if out := build("v9.9.9-1-gabcdef0-dirty"); strings.Contains(out, "go build") {
		t.Errorf("rebuilt with nothing changed:\n%s", out)
	}
	build("v9.9.9-1-gabcdef0")
	if got := versionOf(); got != "licensebot v9.9.9-1-gabcdef0" {
		t.Errorf("after a build at a new version the binary says %q", got)
	}
}

func TestInvite(t *testing.T) {
	t.Setenv("DISCORD_APP_ID", "")
	if _, stderr, code := run(t, "invite"); code != 2 || !strings.Contains(stderr, "DISCORD_APP_ID") {
		t.Errorf("without an app id: exit %d, %q", code, stderr)
	}
	t.Setenv("DISCORD_APP_ID", "1234")
	out, _, code := run(t, "invite")
	if code != 0 || !strings.Contains(out, "client_id=1234") || !strings.Contains(out, "scope=bot+applications.commands") {
		t.Errorf("exit %d: %s", code, out)
	}
}

func TestHealthcheck(t *testing.T) {
	t.Parallel()
	ready := true
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/readyz" {
			http.NotFound(w, r)
			return
		}
		if !ready {
			http.Error(w, "not ready: no index open", http.StatusServiceUnavailable)
			return
		}
		io.WriteString(w, "ready\n")
	}))
	defer srv.Close()
	if _, stderr, code := run(t, "healthcheck", "--addr", srv.Listener.Addr().String()); code != 0 {
		t.Errorf("ready: exit %d, %s", code, stderr)
	}
	ready = false
	if _, stderr, code := run(t, "healthcheck", "--addr", srv.Listener.Addr().String()); code != 1 || !strings.Contains(stderr, "503") {
		t.Errorf("not ready: exit %d, %s", code, stderr)
	}
	if got := readyURL(":8080"); got != "http://127.0.0.1:8080/readyz" {
		t.Errorf("readyURL(:8080) = %s", got)
	}
}

// Without --addr the health check asks the ops address, where /readyz is
// served in both modes (the image sets :9090), never the interactions port.
func TestHealthcheckAsksTheOpsAddress(t *testing.T) {
	t.Setenv("LICENSEBOT_HTTP_ADDR", ":8080")
	for metrics, want := range map[string]string{"127.0.0.1:9191": "127.0.0.1:9191", "": ":9090"} {
		// Only that address: another bot's :9090 must not answer for it.
		t.Setenv("LICENSEBOT_METRICS_ADDR", metrics)
		c := &healthcheckCommand{m: NewMain(io.Discard, io.Discard)}
		if err := c.ParseFlags(nil); err != nil || c.addr != want {
			t.Errorf("LICENSEBOT_METRICS_ADDR=%q: address %q, %v; want only %s", metrics, c.addr, err, want)
		}
	}
}

// A --timeout that leaves no time to answer is refused, naming the flag,
// rather than reported as a bot that did not answer in time.
func TestHealthcheckRefusesATimeoutThatIsNotPositive(t *testing.T) {
	for _, timeout := range []string{"0", "-1s"} {
		if _, stderr, code := run(t, "healthcheck", "--addr", "127.0.0.1:1", "--timeout", timeout); code != 2 || !strings.Contains(stderr, "--timeout must be positive") {
			t.Errorf("--timeout %s: exit %d, %q; want 2 naming --timeout", timeout, code, stderr)
		}
	}
}

// mirrorTransport answers the manifest's URLs from the mirror, as the
// download hosts would.
type mirrorTransport struct{ byURL map[string]string }

func (m mirrorTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	path, ok := m.byURL[r.URL.String()]
	if !ok {
		return &http.Response{StatusCode: 404, Status: "404 Not Found", Body: io.NopCloser(strings.NewReader("")), Request: r}, nil
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return &http.Response{StatusCode: 200, Status: "200 OK", Body: io.NopCloser(bytes.NewReader(b)), Request: r}, nil
}

// downTransport is a machine without a network.
type downTransport struct{}

func (downTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	return nil, &net.OpError{Op: "dial", Net: "tcp", Err: &net.DNSError{Err: "no such host", Name: r.URL.Host, IsNotFound: true}}
}

// On a fresh machine the first question fetches the texts and builds the
// index in the data directory, saying so; the second just answers. The
// small corpus stands in for the embedded one (the mechanics are the same).
func TestFirstQuestionSetsUpTheDataDirectory(t *testing.T) {
	t.Parallel()
	p := indextest.SmallPaths(t)
	m, err := p.LoadManifest()
	if err != nil {
		t.Fatal(err)
	}
	byURL := map[string]string{}
	for _, d := range m.Documents {
		byURL[d.URL] = filepath.Join(p.Texts, d.ID+".txt")
	}
	data := filepath.Join(t.TempDir(), "fresh")
	ask := func() (string, string, int) {
		var out, errb bytes.Buffer
		main := &Main{Stdout: &out, Stderr: &errb, Client: &http.Client{Transport: mirrorTransport{byURL}}, Mirrors: []string{}}
		err := main.Run(context.Background(), []string{"ask", "--data", data, "--corpus", p.Dir, "llama4", "attribution"})
		return out.String(), errb.String(), exitCode(err, &errb)
	}
	out, stderr, code := ask()
	if code != 0 || !strings.Contains(out, "REQUIRED.") || !strings.Contains(stderr, "Setting up "+data) || !strings.Contains(stderr, "ready: ") {
		t.Fatalf("first question: exit %d\nstdout:\n%s\nstderr:\n%s", code, out, stderr)
	}
	out, stderr, code = ask()
	if code != 0 || !strings.Contains(out, "REQUIRED.") || stderr != "" {
		t.Errorf("second question: exit %d, stderr %q", code, stderr)
	}
	// A damaged current build is said and rebuilt, not silently passed
	// over for the one before it (a second build makes one to pass over).
	var out2, err2 bytes.Buffer
	if err := (&Main{Stdout: &out2, Stderr: &err2}).Run(context.Background(), []string{"index", "build", "--data", data, "--corpus", p.Dir}); err != nil {
		t.Fatalf("second build: %v\n%s", err, err2.String())
	}
	cur, err := filepath.EvalSymlinks(filepath.Join(data, "index", "current"))
	if err != nil {
		t.Fatal(err)
	}
	meta := filepath.Join(cur, "meta.gob")
	b, err := os.ReadFile(meta)
	if err != nil {
		t.Fatal(err)
	}
	b[len(b)/2] ^= 0xff
	if err := os.WriteFile(meta, b, 0o644); err != nil {
		t.Fatal(err)
	}
	out, stderr, code = ask()
	if code != 0 || !strings.Contains(out, "REQUIRED.") || !strings.Contains(stderr, "damaged") || !strings.Contains(stderr, "ready: ") {
		t.Errorf("question after damage: exit %d\nstdout:\n%s\nstderr:\n%s", code, out, stderr)
	}
	if _, stderr, code = ask(); code != 0 || stderr != "" {
		t.Errorf("question after the rebuild: exit %d, stderr %q", code, stderr)
	}
	// Damaged again, with a text gone and no network, the rebuild fails:
	// the answer comes from the build before, and the command the message
	// names fills the data directory given with --data.
	cur, err = filepath.EvalSymlinks(filepath.Join(data, "index", "current"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(cur, "meta.gob"), b, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(filepath.Join(data, "texts", m.Documents[0].ID+".txt")); err != nil {
		t.Fatal(err)
	}
	var out3, err3 bytes.Buffer
	err = (&Main{Stdout: &out3, Stderr: &err3, Client: &http.Client{Transport: downTransport{}}, Mirrors: []string{}}).Run(context.Background(),
		[]string{"ask", "--data", data, "--corpus", p.Dir, "llama4", "attribution"})
	if code := exitCode(err, &err3); code != 0 || !strings.Contains(out3.String(), "REQUIRED.") ||
		!strings.Contains(err3.String(), "answering from the previous build") || !strings.Contains(err3.String(), "licensebot corpus pull --data "+shellQuote(data)) {
		t.Errorf("question when the rebuild fails: exit %d\nstdout:\n%s\nstderr:\n%s", code, out3.String(), err3.String())
	}
}

// Offline, with no mirror of the texts to be found, the first question
// fails with one line naming the fix: a mirror, with --from, into the data
// directory given with --data (run without it, the command would fill the
// default one).
func TestOfflineFirstQuestionNamesTheFix(t *testing.T) {
	t.Parallel()
	var out, errb bytes.Buffer
	main := &Main{Stdout: &out, Stderr: &errb, Client: &http.Client{Transport: downTransport{}}, Mirrors: []string{}}
	data := t.TempDir()
	err := main.Run(context.Background(), []string{"ask", "--data", data, "llama4", "attribution"})
	if !errors.Is(err, corpus.ErrUnreachable) {
		t.Fatalf("err = %v; want one wrapping ErrUnreachable", err)
	}
	code := exitCode(err, &errb)
	lines := strings.Split(strings.TrimSpace(errb.String()), "\n")
	last := lines[len(lines)-1]
	if code != 1 || !strings.Contains(last, "licensebot corpus pull --data "+shellQuote(data)+" --from") || !strings.Contains(last, "no such host") || strings.Count(errb.String(), "no such host") != 1 {
		t.Errorf("exit %d, stderr:\n%s", code, errb.String())
	}
}

// With a mirror beside the checkout (shared/corpus/texts), the first
// question copies the texts from it, checked against the manifest, and
// answers without the network.
func TestFirstQuestionCopiesFromAMirror(t *testing.T) {
	t.Parallel()
	var out, errb bytes.Buffer
	main := &Main{Stdout: &out, Stderr: &errb, Client: &http.Client{Transport: downTransport{}},
		Mirrors: []string{t.TempDir(), corpustest.TextsDir(t)}}
	data := t.TempDir()
	err := main.Run(context.Background(), []string{"ask", "--data", data, "llama4", "attribution"})
	if code := exitCode(err, &errb); code != 0 || !strings.Contains(out.String(), "REQUIRED.") ||
		!strings.Contains(errb.String(), "copying the license texts from the mirror "+corpustest.TextsDir(t)) {
		t.Errorf("exit %d\nstdout:\n%s\nstderr:\n%s", code, out.String(), errb.String())
	}
	// The summary counts what was copied, not "0 fetched, 0 already there".
	if !regexp.MustCompile(`texts: 0 fetched, [1-9][0-9]* copied, 0 already there`).MatchString(errb.String()) {
		t.Errorf("the setup's summary does not count the texts copied:\n%s", errb.String())
	}
}

func TestDataFlag(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"llama4", "attribution"}, ""},
		{[]string{"--data", "/d", "llama4"}, "/d"},
		{[]string{"-data=/e f", "llama4"}, "/e f"},
		{[]string{"--json", "--data=/g", "llama4"}, "/g"},
		{[]string{"--", "--data", "/h"}, ""},          // after "--", words of the question
		{[]string{"--data", "/i", "--data=/j"}, "/j"}, // the last, as the flag package keeps it
	} {
		if got := dataFlag(tc.args); got != tc.want {
			t.Errorf("dataFlag(%q) = %q, want %q", tc.args, got, tc.want)
		}
	}
	err := withDataFlag(fmt.Errorf("wrapped: %w", index.ErrNoIndex), "/e f")
	if !errors.Is(err, index.ErrNoIndex) {
		t.Errorf("withDataFlag lost the error it wraps: %v", err)
	}
	hint := withDataFlag(errors.New("stale: run `licensebot index build`"), "/e f")
	if want := "run `licensebot index build --data '/e f'`"; !strings.Contains(hint.Error(), want) {
		t.Errorf("hint %q; want %q", hint, want)
	}
}

// A flag a command does not take is said once, after the usage, with
// exit code 2.
func TestUnknownFlagIsSaidOnce(t *testing.T) {
	t.Parallel()
	_, stderr, code := run(t, "version", "--bogus")
	if code != 2 || strings.Count(stderr, "flag provided but not defined: -bogus") != 1 || !strings.Contains(stderr, "Usage: licensebot version") {
		t.Errorf("exit %d, stderr:\n%s", code, stderr)
	}
	if i, j := strings.Index(stderr, "Usage:"), strings.Index(stderr, "not defined"); i > j {
		t.Errorf("the error should come after the usage:\n%s", stderr)
	}
}
