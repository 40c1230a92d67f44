package main

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/licensebot/licensebot/index/indextest"
)

// -self loads the verify-only floor and the bot in one run, every request
// from its own user, and reports both and their ratio.
func TestLoadgenSelf(t *testing.T) {
	var out bytes.Buffer
	err := run(context.Background(), []string{"-self", "-data", indextest.DataDir(t), "-n", "200", "-c", "4", "-rounds", "2", "-show"}, &out)
	if err != nil {
		t.Fatalf("%v\n%s", err, out.String())
	}
	answeredAll(t, out.String(), 200)
	for _, want := range []string{"== verify-only floor:", "== /license:", "req/s", "p99",
		"µs per request", "ratio", `"title": "Llama 4`} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}
}

// A response that is not a real answer counts as an error: here the
// cooldown notice one user gets after their burst.
func TestLoadgenCountsACooldownAsAnError(t *testing.T) {
	var out bytes.Buffer
	err := run(context.Background(), []string{"-self", "-data", indextest.DataDir(t), "-n", "20", "-c", "1", "-rounds", "1",
		"-baseline=false", "-users", "1"}, &out)
	if err == nil || !strings.Contains(err.Error(), "15 of 20 requests failed") || !strings.Contains(err.Error(), "not an answer") {
		t.Errorf("err = %v; want the 15 cooldown notices after the burst of 5 counted as errors\n%s", err, out.String())
	}
}

func TestIsAnswer(t *testing.T) {
	for body, want := range map[string]bool{
		`{"type":4,"data":{"embeds":[{"url":"u","title":"Llama 4 — Attribution","fields":[]}],"components":[]}}`: true,
		`{"type":4,"data":{"content":"Easy there","flags":64}}`:                                                  false,
		`{"type":4,"data":{"embeds":[{"title":"Topics"}],"flags":64}}`:                                           false,
		`{"type":4,"data":{"embeds":[{"title":""}]}}`:                                                            false,
		`{"type":5}`: false,
	} {
		if got := isAnswer([]byte(body)) == nil; got != want {
			t.Errorf("isAnswer(%s) = %v", body, got)
		}
	}
}

func TestLoadgenLoopbackOnly(t *testing.T) {
	for _, addr := range []string{"http://8.8.8.8/interactions", "http://192.0.2.1:80/"} {
		if err := loopbackOnly(addr); err == nil {
			t.Errorf("%s accepted", addr)
		}
	}
	for _, addr := range []string{"http://127.0.0.1:8080/interactions", "http://[::1]:1/"} {
		if err := loopbackOnly(addr); err != nil {
			t.Errorf("%s refused: %v", addr, err)
		}
	}
}

func TestParseKey(t *testing.T) {
	if _, err := parseKey(strings.Repeat("ab", 32)); err != nil {
		t.Error(err)
	}
	if _, err := parseKey(strings.Repeat("ab", 64)); err != nil {
		t.Error(err)
	}
	if _, err := parseKey("abc"); err == nil {
		t.Error("short key accepted")
	}
}

// -questions asks the sentences of an eval file, each under its license,
// and every one must come back a real answer: here the repository's real
// people's training questions, through the signed HTTP path.
func TestLoadgenAsksTheQuestionsOfAFile(t *testing.T) {
	file := "../../corpus/questions/train.yaml"
	qs, err := readQuestions(file)
	if err != nil {
		t.Fatal(err)
	}
	if len(qs) < 100 {
		t.Fatalf("%d questions read from %s", len(qs), file)
	}
	var out bytes.Buffer
	n := len(qs) + 10 // every question once, the first ten again
	err = run(context.Background(), []string{"-self", "-data", indextest.DataDir(t), "-n", fmt.Sprint(n), "-c", "4", "-rounds", "1",
		"-baseline=false", "-questions", file}, &out)
	if err != nil {
		t.Fatalf("%v\n%s", err, out.String())
	}
	answeredAll(t, out.String(), n)
	if want := fmt.Sprintf("%d questions of %s", len(qs), file); !strings.Contains(out.String(), want) {
		t.Errorf("output lacks %q:\n%s", want, out.String())
	}
}

// answeredAll checks the /license report of out: n sent, no errors, and
// every reply an answer but those deferred — the bot's right reply when
// it is slower than its budget, as under the race detector on a busy
// machine — which must be the few, not the many.
func answeredAll(t *testing.T, out string, n int) {
	t.Helper()
	_, report, _ := strings.Cut(out, "== /license:")
	m := regexp.MustCompile(`(\d+) sent, (\d+) ok, (\d+) errors`).FindStringSubmatch(report)
	if m == nil {
		t.Fatalf("no /license report:\n%s", out)
	}
	var deferred int
	if d := regexp.MustCompile(`deferred +(\d+)`).FindStringSubmatch(report); d != nil {
		deferred, _ = strconv.Atoi(d[1])
	}
	sent, _ := strconv.Atoi(m[1])
	ok, _ := strconv.Atoi(m[2])
	if sent != n || m[3] != "0" || ok+deferred != n || deferred > n/10 {
		t.Errorf("want %d sent, all answered (a tenth deferred at most), 0 errors:\n%s", n, out)
	}
}

// A deferred reply is counted apart — neither an error nor an answer, and
// not among the answers' latencies — here from a server that defers every
// third reply (the first among them) and answers one with a cooldown
// notice.
func TestLoadCountsADeferralApart(t *testing.T) {
	answer := `{"type":4,"data":{"embeds":[{"url":"u","title":"Llama 4 — Attribution","fields":[]}]}}`
	var n atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch i := n.Add(1); {
		case i == 2:
			io.WriteString(w, `{"type":4,"data":{"content":"Easy there","flags":64}}`)
		case i%3 == 1:
			time.Sleep(20 * time.Millisecond)
			io.WriteString(w, `{"type":5}`)
		default:
			io.WriteString(w, answer)
		}
	}))
	defer srv.Close()
	_, priv, _ := ed25519.GenerateKey(rand.Reader)
	res := load(context.Background(), config{n: 9, conc: 1, duration: time.Minute, license: "llama4", topic: "attribution"}, priv, srv.URL, true)
	if res.sent != 9 || res.errors != 1 || len(res.deferred) != 3 || res.ok() != 5 {
		t.Errorf("sent %d, errors %d, deferred %d, ok %d; want 9, 1, 3, 5", res.sent, res.errors, len(res.deferred), res.ok())
	}
	// Each deferral took at least its 20 ms sleep, and only the five
	// answers are timed as answers: no bound on how fast an answer comes
	// back, which a loaded machine does not keep.
	if slices.Min(res.deferred) < 20*time.Millisecond || len(res.latencies) != 5 {
		t.Errorf("deferrals timed %v, answers %v: a deferral's time among the answers'", res.deferred, res.latencies)
	}
	if !bytes.Equal(res.firstBody, []byte(answer)) {
		t.Errorf("-show would print %s, not the first answer", res.firstBody)
	}
	var out bytes.Buffer
	res.report(&out, config{}, "/license", srv.URL)
	if !strings.Contains(out.String(), "9 sent, 5 ok, 1 errors") || !strings.Contains(out.String(), "deferred    3, after up to") {
		t.Errorf("report:\n%s", out.String())
	}
}

// A question longer than Discord lets a user type is cut to that length,
// on a character, not a byte.
func TestReadQuestionsCutsToTheOptionLength(t *testing.T) {
	path := filepath.Join(t.TempDir(), "q.yaml")
	long := strings.Repeat("é", maxOption+50)
	if err := os.WriteFile(path, []byte("- ask: [llama4, "+long+"]\n- ask: [gemma, short one]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	qs, err := readQuestions(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(qs) != 2 || qs[0][0] != "llama4" || qs[0][1] != strings.Repeat("é", maxOption) || qs[1] != [2]string{"gemma", "short one"} {
		t.Errorf("read %q", qs)
	}
}

func TestReadQuestionsRefusesAFileWithoutQuestions(t *testing.T) {
	dir := t.TempDir()
	for name, body := range map[string]string{"empty.yaml": "[]\n", "topics.yaml": "topics:\n  - id: x\n", "broken.yaml": "- ask: [llama4\n"} {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		if _, err := readQuestions(path); err == nil || !strings.Contains(err.Error(), path) {
			t.Errorf("%s: err = %v; want an error naming the file", name, err)
		}
	}
}

// -self reads the data directory licensebot itself uses, so the README's
// `loadgen -self` finds the index `make data` built.
func TestLoadgenDataDefaultsToLicensebots(t *testing.T) {
	t.Setenv("LICENSEBOT_DATA", "/srv/licensebot")
	c, err := parseFlags(nil)
	if err != nil || c.dataDir != "/srv/licensebot" {
		t.Errorf("-data default %q, %v; want LICENSEBOT_DATA", c.dataDir, err)
	}
	t.Setenv("LICENSEBOT_DATA", "")
	t.Setenv("XDG_DATA_HOME", "/home/u/.data")
	if c, _ := parseFlags(nil); c.dataDir != filepath.Join("/home/u/.data", "licensebot") {
		t.Errorf("-data default %q; want the XDG data directory", c.dataDir)
	}
}

// -n 1 sends one request, as the README's try-it line says, not one for
// each of the default rounds.
func TestOneRequestIsOne(t *testing.T) {
	var out bytes.Buffer
	err := run(context.Background(), []string{"-self", "-data", indextest.DataDir(t), "-n", "1", "-baseline=false", "-show"}, &out)
	if err != nil {
		t.Fatalf("%v\n%s", err, out.String())
	}
	answeredAll(t, out.String(), 1)
}
