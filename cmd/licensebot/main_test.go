package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/licensebot/licensebot/corpus/corpustest"
	"github.com/licensebot/licensebot/index/indextest"
)

func run(t *testing.T, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errb bytes.Buffer
	err := NewMain(&out, &errb).Run(context.Background(), args)
	code = exitCode(err, &errb)
	return out.String(), errb.String(), code
}

// The JSON printed by `ask --json` is the contract of DESIGN.md: exactly
// these keys, with these types.
func TestAskJSONContract(t *testing.T) {
	data := indextest.DataDir(t)
	out, stderr, code := run(t, "ask", "--json", "--data", data, "llama4", "attribution")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var got map[string]json.RawMessage
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	// The six keys of DESIGN.md, then the keys added since (each always
	// present): suggestions and model (DESIGN.md), conditions, also,
	// others, about, closest and catalogue (README, "The JSON contract").
	keys := []string{"license", "topic", "verdict", "clauses", "opensource", "pinned",
		"suggestions", "model", "conditions", "also", "others", "about", "closest", "catalogue"}
	for _, k := range keys {
		if _, ok := got[k]; !ok {
			t.Errorf("key %q missing", k)
		}
	}
	if len(got) != len(keys) {
		t.Errorf("%d keys, want exactly the %d of the contract: %s", len(got), len(keys), out)
	}
	for _, k := range []string{"suggestions", "conditions", "also", "others", "catalogue"} {
		if string(got[k]) == "null" {
			t.Errorf("%s is null; a list key is always a list", k)
		}
	}
	var a struct {
		License string `json:"license"`
		Verdict struct{ Status, Summary string }
		Clauses []struct {
			Doc, Section, Heading, Text string
			Score                       float64
		}
		OpenSource struct {
			OSD    string `json:"osd"`
			Failed []int  `json:"failed"`
		} `json:"opensource"`
		Pinned any `json:"pinned"`
	}
	if err := json.Unmarshal([]byte(out), &a); err != nil {
		t.Fatal(err)
	}
	if a.License != "llama4" || a.Verdict.Status != "required" || a.Verdict.Summary == "" {
		t.Errorf("answer %+v", a)
	}
	if len(a.Clauses) == 0 || a.Clauses[0].Doc != "llama4-license" || a.Clauses[0].Section != "1.b.i" || a.Clauses[0].Text == "" {
		t.Errorf("clauses %+v", a.Clauses)
	}
	if a.OpenSource.OSD != "fail" || a.Pinned != nil {
		t.Errorf("opensource %+v pinned %v", a.OpenSource, a.Pinned)
	}
	if string(got["closest"]) != "null" {
		t.Errorf("closest %s beside a verdict; want null", got["closest"])
	}
	// A question which license models are under: the catalogue's
	// {name, licenses, source} for each.
	out, _, _ = run(t, "ask", "--json", "--data", data, "llama2", "what license is codellama under?")
	var which struct {
		Catalogue []struct {
			Name     string   `json:"name"`
			Licenses []string `json:"licenses"`
			Source   string   `json:"source"`
		} `json:"catalogue"`
	}
	if err := json.Unmarshal([]byte(out), &which); err != nil || len(which.Catalogue) != 1 ||
		which.Catalogue[0].Name == "" || len(which.Catalogue[0].Licenses) == 0 || which.Catalogue[0].Source == "" {
		t.Errorf("catalogue %+v (%v): want one model with its licenses and source\n%s", which.Catalogue, err, out)
	}
	// A question narrower than its topic's card: no verdict, and the card
	// it came closest to as context, as the terminal and Discord show it.
	out, _, _ = run(t, "ask", "--json", "--data", data, "llama4", "can I use the outputs to train another model and release it under apache-2.0")
	var narrow struct {
		Verdict struct{ Status string }
		Closest *struct {
			Topic   string
			Verdict struct{ Status string }
		}
	}
	if err := json.Unmarshal([]byte(out), &narrow); err != nil || narrow.Verdict.Status != "unknown" || narrow.Closest == nil ||
		narrow.Closest.Topic != "outputs-training" || narrow.Closest.Verdict.Status != "conditional" {
		t.Errorf("narrower question: %v %s", err, out)
	}
}

func TestSearchJSONContract(t *testing.T) {
	data := indextest.DataDir(t)
	out, stderr, code := run(t, "search", "--json", "--data", data, "--license", "llama4", "may I use the model to build weapons")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var r struct {
		Hits []map[string]any `json:"hits"`
	}
	if err := json.Unmarshal([]byte(out), &r); err != nil || len(r.Hits) == 0 {
		t.Fatalf("hits: %v %s", err, out)
	}
	for _, k := range []string{"doc", "section", "heading", "text", "score"} {
		if _, ok := r.Hits[0][k]; !ok {
			t.Errorf("hit key %q missing", k)
		}
	}
	if r.Hits[0]["doc"] != "llama4-aup" {
		t.Errorf("first hit from %v, want llama4-aup", r.Hits[0]["doc"])
	}
	// Where it searched, always present: the license given or named
	// (null for every text), and the model named (else null).
	for _, tc := range []struct {
		args                   []string
		license, model, family any
		line                   string // the terminal's first line
	}{
		{[]string{"--license", "llama4", "weapons"}, "llama4", nil, nil, "AUP 2.b"},
		{[]string{"does", "gemma", "allow", "sexual", "chatbots"}, "gemma", nil, nil, "Searching gemma, the license the query names"},
		{[]string{"can", "I", "use", "yolov8", "in", "a", "closed", "source", "app"}, "agpl-3.0", "YOLOv8", nil, "YOLOv8 is under agpl-3.0: searching agpl-3.0."},
		{[]string{"--license", "all", "does", "gemma", "allow", "sexual", "chatbots"}, nil, nil, nil, "AUP ¶"},
		{[]string{"monthly", "active", "users"}, nil, nil, nil, "§"},
		{[]string{"llama", "4", "attribution"}, "llama4", nil, nil, "Searching llama4, the license the query names, and what the corpus says about it"},
		{[]string{"ITAR", "llama"}, nil, nil, "llama", "Searching the llama licenses (llama2, "},
		// A version the license lacks names no license of the corpus:
		// "gpl 2" is not the GPL 3, though its family is searched.
		{[]string{"gpl", "2", "patents"}, nil, nil, "gpl", "Searching the gpl licenses"},
		{[]string{"gpl", "3", "patents"}, "gpl-3.0", nil, nil, "Searching gpl-3.0, the license the query names"},
		// Nothing in the corpus is about the CC licenses: the line does
		// not say it was searched.
		{[]string{"cc", "attribution"}, nil, nil, "cc", "Searching the cc licenses (cc-by-4.0, cc-by-nc-4.0, cc-by-sa-4.0), which the query names (--license all searches every text)."},
		// A document given as the license says where the search went
		// instead (review of ca505a2).
		{[]string{"--license", "osd", "weapons"}, nil, nil, nil, `"osd" is the Open Source Definition, not a license: searching every text, favouring it.`},
		{[]string{"--license", "llama4-aup", "attribution"}, "llama4", nil, nil, `"llama4-aup" is part of llama4: searching llama4 and the policies it incorporates.`},
	} {
		out, stderr, code := run(t, slices.Concat([]string{"search", "--json", "--data", data}, tc.args)...)
		var got struct {
			License *string `json:"license"`
			Model   *struct {
				Name string `json:"name"`
			} `json:"model"`
			Family *string `json:"family"`
		}
		if err := json.Unmarshal([]byte(out), &got); code != 0 || err != nil {
			t.Fatalf("%v: exit %d %v %s", tc.args, code, err, stderr)
		}
		var license, model, family any
		if got.License != nil {
			license = *got.License
		}
		if got.Model != nil {
			model = got.Model.Name
		}
		if got.Family != nil {
			family = *got.Family
		}
		if license != tc.license || model != tc.model || family != tc.family || !strings.Contains(out, `"license":`) || !strings.Contains(out, `"model":`) || !strings.Contains(out, `"family":`) {
			t.Errorf("%v: license %v model %v family %v, want %v %v %v:\n%s", tc.args, license, model, family, tc.license, tc.model, tc.family, out)
		}
		text, _, _ := run(t, slices.Concat([]string{"search", "--data", data}, tc.args)...)
		if first, _, _ := strings.Cut(text, "\n"); !strings.HasPrefix(first, tc.line) {
			t.Errorf("%v: first line %q, want it to start %q", tc.args, first, tc.line)
		}
	}
}

func TestUnknownLicenseExits2WithSuggestions(t *testing.T) {
	data := indextest.DataDir(t)
	_, stderr, code := run(t, "ask", "--data", data, "lama4", "attribution")
	if code != 2 || !strings.Contains(stderr, "llama4") {
		t.Errorf("exit %d, stderr %q; want 2 naming llama4", code, stderr)
	}
}

// A version typed after a versioned license's name is part of the name:
// "gpl 2" and "qwen 4" are licenses the corpus lacks, not the GPL 3's or
// Qwen 2.5's answer under another name; "qwen 3" is a catalogued model
// (Qwen3, under Apache-2.0). A count after a name is still the question,
// and a license without versions takes the number as one.
func TestVersionAfterNameIsPartOfIt(t *testing.T) {
	data := indextest.DataDir(t)
	for _, tc := range []struct{ args, want string }{
		{"gpl 2 patents", `unknown license "gpl 2"`},
		{"qwen 4 commercial use", `unknown license "qwen 4"`},
		{"gpl 2.0.0 patents", `unknown license "gpl 2.0.0"`},
		{"gpl v.2 patents", `unknown license "gpl v.2"`},
	} {
		_, stderr, code := run(t, slices.Concat([]string{"ask", "--data", data}, strings.Fields(tc.args))...)
		if code != 2 || !strings.Contains(stderr, tc.want) {
			t.Errorf("ask %s: exit %d, want 2 and %q:\n%s", tc.args, code, tc.want, stderr)
		}
	}
	for _, tc := range []struct{ args, license string }{
		{"llama3 700 million users", "llama3"},
		{"mit 2 copies", "mit"},
		{"qwen 3 commercial use", "apache-2.0"},
		{"qwen3 30b commercial use", "apache-2.0"},
	} {
		out, _, code := run(t, slices.Concat([]string{"ask", "--json", "--data", data}, strings.Fields(tc.args))...)
		var a struct{ License string }
		if code != 0 || json.Unmarshal([]byte(out), &a) != nil || a.License != tc.license {
			t.Errorf("ask %s: exit %d, license %q, want %s", tc.args, code, a.License, tc.license)
		}
	}
	_, stderr, code := run(t, "compare", "--data", data, "gpl", "3", "gpl", "2", "patents")
	if code != 2 || !strings.Contains(stderr, `unknown license "gpl 2"`) {
		t.Errorf("compare gpl 3 gpl 2 patents: exit %d:\n%s", code, stderr)
	}
}

// The version a license has, however it is spelt after the name ("apache
// v2", "llama 4.0"), names that license, and is no word of the question:
// only a version the license lacks makes a name the corpus lacks.
func TestOwnVersionAfterNameNamesTheLicense(t *testing.T) {
	data := indextest.DataDir(t)
	for _, tc := range []struct{ args, license, topic string }{
		{"apache v2 patents", "apache-2.0", "patents"},
		{"mpl v2.0 patents", "mpl-2.0", "patents"},
		{"cc-by v4 attribution", "cc-by-4.0", "attribution"},
		{"qwen v2.5 commercial use", "qwen2.5", "commercial-use"},
		{"llama 4.0 attribution", "llama4", "attribution"},
		{"llama v2 commercial use", "llama2", "commercial-use"},
	} {
		out, stderr, code := run(t, slices.Concat([]string{"ask", "--json", "--data", data}, strings.Fields(tc.args))...)
		var a struct{ License, Topic string }
		if code != 0 || json.Unmarshal([]byte(out), &a) != nil || a.License != tc.license || a.Topic != tc.topic {
			t.Errorf("ask %s: exit %d, license %q topic %q, want %s %s:\n%s", tc.args, code, a.License, a.Topic, tc.license, tc.topic, stderr)
		}
	}
	out, stderr, code := run(t, "compare", "--json", "--data", data, "apache", "v2", "mpl", "v2", "patents")
	var cmp struct{ First, Second struct{ License string } }
	if code != 0 || json.Unmarshal([]byte(out), &cmp) != nil || cmp.First.License != "apache-2.0" || cmp.Second.License != "mpl-2.0" {
		t.Errorf("compare apache v2 mpl v2 patents: exit %d, %+v:\n%s", code, cmp, stderr)
	}
}

// License and question typed as one quoted argument read as they do
// unquoted: a count after the name is the question's, a version the
// license lacks makes the name the error quotes.
func TestQuotedVersionOrCountReadsAsUnquoted(t *testing.T) {
	data := indextest.DataDir(t)
	for _, q := range []string{"llama3 700 million users", "mit 2 copies", "gpl 2 patents", "qwen 4 commercial use", "qwen 3 commercial use", "apache v2 patents"} {
		wantOut, wantErr, wantCode := run(t, slices.Concat([]string{"ask", "--json", "--data", data}, strings.Fields(q))...)
		out, stderr, code := run(t, "ask", "--json", "--data", data, q)
		if code != wantCode || out != wantOut || stderr != wantErr {
			t.Errorf("ask %q: exit %d, %.200s%s; unquoted: exit %d, %.200s%s", q, code, out, stderr, wantCode, wantOut, wantErr)
		}
	}
}

// A comparison of one license with itself, under two of its names, is
// refused; two models under one license are two subjects.
func TestCompareOneLicenseRefused(t *testing.T) {
	data := indextest.DataDir(t)
	for _, args := range [][]string{{"gpl-3.0", "gpl", "patents"}, {"llama-3.1-8b", "llama3.1", "commercial"}} {
		_, stderr, code := run(t, slices.Concat([]string{"compare", "--data", data}, args)...)
		if code != 2 || !strings.Contains(stderr, "one license") {
			t.Errorf("compare %v: exit %d, want 2:\n%s", args, code, stderr)
		}
	}
	for _, args := range [][]string{{"llama-3.1-8b", "llama-3.1-70b"}, {"DeepSeek-R1-Distill-Llama-8B", "llama3.1"}} {
		if _, stderr, code := run(t, slices.Concat([]string{"compare", "--data", data}, args, []string{"commercial"})...); code != 0 {
			t.Errorf("compare %v: exit %d, want two subjects:\n%s", args, code, stderr)
		}
	}
}

func TestUsageErrorsExit2(t *testing.T) {
	data := indextest.DataDir(t)
	for _, args := range [][]string{{}, {"ask"}, {"ask", "--data", data, "llama4"}, {"frobnicate"}, {"index"}, {"search"}, {"search", "--data", data, " "}, {"ask", "--nosuchflag", "x", "y"}} {
		if _, _, code := run(t, args...); code != 2 {
			t.Errorf("%q: exit %d, want 2", args, code)
		}
	}
	// Values that would act somewhere unexpected are refused, naming them:
	// an empty data directory (texts/ and index/ in the working
	// directory), ids that are no Discord ids (they go into REST paths).
	t.Setenv("DISCORD_TOKEN", "x")
	t.Setenv("DISCORD_APP_ID", "123")
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"ask", "--data", "", "llama4", "attribution"}, "-data: empty"},
		{[]string{"commands", "register", "--guild", "abc"}, `--guild "abc"`},
		{[]string{"commands", "register", "--app-id", "12/../x"}, `application id "12/../x"`},
		{[]string{"invite", "--app-id", "12a"}, `application id "12a"`},
	} {
		if _, stderr, code := run(t, tc.args...); code != 2 || !strings.Contains(stderr, tc.want) {
			t.Errorf("%q: exit %d, want 2 and %q:\n%s", tc.args, code, tc.want, stderr)
		}
	}
	if stdout, _, code := run(t, "ask", "--help"); code != 0 || !strings.Contains(stdout, "Usage: licensebot ask") {
		t.Errorf("ask --help: exit %d, %q", code, stdout)
	}
}

func TestOpenSourceAndCompareJSON(t *testing.T) {
	data := indextest.DataDir(t)
	out, _, code := run(t, "opensource", "--json", "--data", data, "llama4")
	var a struct {
		OSD      string `json:"osd"`
		Failed   []int  `json:"failed"`
		Criteria []struct {
			N       int    `json:"n"`
			Result  string `json:"result"`
			Clauses []struct{ Doc, Section string }
		} `json:"criteria"`
	}
	if code != 0 || json.Unmarshal([]byte(out), &a) != nil {
		t.Fatalf("opensource: exit %d: %s", code, out)
	}
	fails := map[int][]string{}
	for _, c := range a.Criteria {
		for _, h := range c.Clauses {
			if c.Result == "fail" {
				fails[c.N] = append(fails[c.N], h.Doc+"#"+h.Section)
			}
		}
	}
	if a.OSD != "fail" || len(a.Criteria) != 10 || !strings.Contains(strings.Join(fails[5], " "), "llama4-license#2") || !strings.Contains(strings.Join(fails[6], " "), "llama4-aup#") {
		t.Errorf("llama4 must fail 5 citing §2 and 6 citing the AUP: %+v", fails)
	}
	for _, lic := range []string{"apache-2.0", "mit", "gpl-3.0", "mpl-2.0"} {
		out, _, _ := run(t, "opensource", "--json", "--data", data, lic)
		if !strings.Contains(out, `"osd":"pass"`) {
			t.Errorf("%s should pass the OSD: %.200s", lic, out)
		}
		// A script reads osaid for every license: a list, empty here.
		var v struct{ OSAID *[]any }
		if json.Unmarshal([]byte(out), &v) != nil || v.OSAID == nil || len(*v.OSAID) != 0 {
			t.Errorf("%s: osaid must be an empty list: %.300s", lic, out)
		}
	}
	for _, lic := range []string{"cc-by-nc-4.0", "gemma", "deepseek", "bigscience-openrail-m", "creativeml-openrail-m", "llama2", "llama3", "llama3.1", "llama3.2", "llama3.3"} {
		out, _, _ := run(t, "opensource", "--json", "--data", data, lic)
		if !strings.Contains(out, `"osd":"fail"`) {
			t.Errorf("%s should fail the OSD: %.200s", lic, out)
		}
	}
	out, _, code = run(t, "compare", "--json", "--data", data, "llama3", "llama4", "use", "outputs", "to", "train", "another", "model")
	var c struct {
		First, Second struct {
			Verdict struct{ Status string }
		}
	}
	if code != 0 || json.Unmarshal([]byte(out), &c) != nil {
		t.Fatalf("compare: exit %d: %s", code, out)
	}
	if c.First.Verdict.Status != "forbidden" || c.Second.Verdict.Status != "conditional" {
		t.Errorf("compare llama3/llama4 on outputs: %s vs %s; want forbidden vs conditional", c.First.Verdict.Status, c.Second.Verdict.Status)
	}
	// "deepseek llama4" reads whole as Llama 4 under its publisher's
	// name; with the topic after it, it is two licenses.
	out, _, code = run(t, "compare", "--json", "--data", data, "deepseek", "llama4", "military")
	var two struct{ First, Second struct{ License string } }
	if code != 0 || json.Unmarshal([]byte(out), &two) != nil || two.First.License != "deepseek" || two.Second.License != "llama4" {
		t.Errorf("compare deepseek llama4 military: exit %d, %+v; want deepseek against llama4", code, two)
	}
}

// A clause of a policy the license incorporates is labelled as the
// policy's, "AUP ¶3", in an answer as in `clause`, which takes the label
// back; "¶3" alone is the license's own ¶3 (the Licensee's definition).
func TestPolicyClauseLabelTypesBack(t *testing.T) {
	data := indextest.DataDir(t)
	out, _, code := run(t, "ask", "--data", data, "llama4", "can I use llama 4 commercially")
	if code != 0 || !strings.Contains(out, "\nAUP ¶3 Prohibited Uses (llama4-aup)") {
		t.Fatalf("exit %d; the EU clause is not labelled AUP ¶3:\n%s", code, out)
	}
	out, _, code = run(t, "clause", "--data", data, "llama4", "AUP ¶3")
	if code != 0 || !strings.Contains(out, "\nAUP ¶3 Prohibited Uses (llama4-aup)") || !strings.Contains(out, "European Union") {
		t.Errorf("clause llama4 'AUP ¶3': exit %d:\n%s", code, out)
	}
}

// An item of a list is printed under the list's lead-in, which it does
// not say alone.
func TestListItemPrintedUnderItsLeadIn(t *testing.T) {
	data := indextest.DataDir(t)
	out, _, code := run(t, "ask", "--data", data, "gemma", "military")
	if code != 0 || !strings.Contains(out, "You must not use any of the Gemma Services:\n  in violation of applicable laws") {
		t.Errorf("exit %d; §3.2 ¶2 without its lead-in:\n%s", code, out)
	}
}

// Secrets come from the environment but never show in --help or in a
// flag error.
func TestSecretsNeverPrinted(t *testing.T) {
	t.Setenv("DISCORD_TOKEN", "tok-SECRET")
	t.Setenv("DISCORD_PUBLIC_KEY", "pk-SECRET")
	t.Setenv("LICENSEBOT_DATABASE_URL", "postgres://u:pw-SECRET@h/db")
	for _, args := range [][]string{{"serve", "--help"}, {"serve", "--nosuch"}, {"commands", "register", "--help"}, {"commands", "register", "--bad"}} {
		out, stderr, _ := run(t, args...)
		if strings.Contains(out+stderr, "SECRET") {
			t.Errorf("%q printed a secret:\n%s", args, out+stderr)
		}
	}
}

func TestServeRefusesBadConfigBeforeTouchingDisk(t *testing.T) {
	data := t.TempDir()
	t.Setenv("DISCORD_TOKEN", "")
	for _, tc := range []struct {
		env  map[string]string
		args []string
		want string
	}{
		{nil, []string{"serve", "--data", data}, "DISCORD_TOKEN"},
		{nil, []string{"serve", "--data", data, "--http", "127.0.0.1:0"}, "DISCORD_PUBLIC_KEY"},
		{map[string]string{"DISCORD_PUBLIC_KEY": "abc"}, []string{"serve", "--data", data, "--http", "127.0.0.1:0"}, "64 hex digits"},
		{map[string]string{"DISCORD_TOKEN": "t"}, []string{"serve", "--data", data, "--shard-id", "2", "--shard-count", "2"}, "--shard-id"},
		{map[string]string{"DISCORD_PUBLIC_KEY": strings.Repeat("ab", 32)}, []string{"serve", "--data", data, "--http", "127.0.0.1:0", "--shard-count", "4"}, "the HTTP endpoint is not sharded"},
		// An address without its colon, the commonest typo, is refused
		// before the index is built or the pins database created.
		{map[string]string{"DISCORD_PUBLIC_KEY": strings.Repeat("ab", 32)}, []string{"serve", "--data", data, "--http", "8080"}, "--http (env LICENSEBOT_HTTP_ADDR) \"8080\""},
		{map[string]string{"DISCORD_TOKEN": "t", "LICENSEBOT_METRICS_ADDR": "9090"}, []string{"serve", "--data", data}, "--metrics (env LICENSEBOT_METRICS_ADDR) \"9090\""},
		// Values the cooldown and the watch would silently replace (a
		// burst of 1, no cooldown, no watching) are refused instead.
		{map[string]string{"DISCORD_TOKEN": "t"}, []string{"serve", "--data", data, "--burst", "0"}, "--burst must be at least 1"},
		{map[string]string{"DISCORD_TOKEN": "t"}, []string{"serve", "--data", data, "--cooldown", "-3s"}, "--cooldown must not be negative"},
		{map[string]string{"DISCORD_TOKEN": "t"}, []string{"serve", "--data", data, "--watch", "-5s"}, "--watch must not be negative"},
	} {
		for k, v := range tc.env {
			t.Setenv(k, v)
		}
		_, stderr, code := run(t, tc.args...)
		if code != 2 || !strings.Contains(stderr, tc.want) {
			t.Errorf("%q: exit %d, %q; want 2 naming %s", tc.args, code, stderr, tc.want)
		}
		if entries, _ := os.ReadDir(data); len(entries) > 0 {
			t.Errorf("%q created %d entries in the data dir before failing", tc.args, len(entries))
		}
		for k := range tc.env {
			t.Setenv(k, "")
		}
	}
}

func TestArgumentsAfterDoubleDashArePositional(t *testing.T) {
	data := indextest.DataDir(t)
	out, stderr, code := run(t, "ask", "--json", "--data", data, "llama4", "--", "--weapons")
	if code != 0 || !strings.Contains(out, `"topic":"`) {
		t.Fatalf("exit %d: %s %s", code, out, stderr)
	}
	if _, _, code := run(t, "search", "--data", data, "--limit", "-5", "weapons"); code != 2 {
		t.Errorf("search --limit -5: exit %d, want 2", code)
	}
	if _, _, code := run(t, "corpus", "--help"); code != 0 {
		t.Errorf("corpus --help: exit %d, want 0", code)
	}
}

// `corpus pull --all` (image builds) fails naming each document that has
// no download URL and is not in the mirror.
func TestPullAllNamesAbsentTexts(t *testing.T) {
	mirror := t.TempDir()
	src := corpustest.TextsDir(t)
	entries, err := os.ReadDir(src)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if e.Name() == "osd.txt" || e.Name() == "critique-llama4-not-open-source.txt" {
			continue // the mirror-only texts, left out
		}
		b, err := os.ReadFile(filepath.Join(src, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(mirror, e.Name()), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	data := t.TempDir()
	_, stderr, code := run(t, "corpus", "pull", "--all", "--data", data, "--from", mirror)
	if code == 0 || !strings.Contains(stderr, "osd") || !strings.Contains(stderr, "critique-llama4-not-open-source") {
		t.Errorf("exit %d, stderr %q; want a failure naming osd and the critique", code, stderr)
	}
	// Refused before anything is written: no text half-pulled.
	if written, _ := filepath.Glob(filepath.Join(data, "texts", "*.txt")); len(written) > 0 {
		t.Errorf("a refused pull --all wrote %d texts", len(written))
	}
	// Without --all the pull goes on, and its note does not send the user
	// to the --from they already gave.
	_, stderr, code = run(t, "corpus", "pull", "--data", data, "--from", mirror)
	if code != 0 || !strings.Contains(stderr, "osd") || strings.Contains(stderr, "use --from") {
		t.Errorf("pull without --all: exit %d, stderr %q", code, stderr)
	}
}

// The commands that answer and exit are run as one-shots (the binary sets
// its garbage collector for them); serve and the builds are not.
func TestOneShotCommands(t *testing.T) {
	data := indextest.DataDir(t)
	for _, tc := range []struct {
		args []string
		want bool
	}{
		{[]string{"ask", "--data", data, "llama4", "attribution"}, true},
		{[]string{"search", "--data", data, "built with llama"}, true},
		{[]string{"licenses", "--data", data}, true},
		{[]string{"topics", "--data", data, "llama4"}, true},
		{[]string{"version", "--data", data}, true},
		{[]string{"-version", "--data", data}, true},
		{[]string{"invite", "--app-id", "123"}, false},
	} {
		called := false
		m := NewMain(&bytes.Buffer{}, &bytes.Buffer{})
		m.OneShot = func() { called = true }
		if err := m.Run(context.Background(), tc.args); err != nil {
			t.Errorf("%v: %v", tc.args, err)
		}
		if called != tc.want {
			t.Errorf("%v: one-shot %v, want %v", tc.args, called, tc.want)
		}
	}
}

// A question that names a model under another license prints the command
// that asks that license, with the question quoted so that a shell gives
// it back word for word, apostrophes and all.
func TestAskPrintsTheLicenseTheQuestionNames(t *testing.T) {
	data := indextest.DataDir(t)
	q := "can I use yolov8's weights commercially, say for $HOME `ls`?"
	out, stderr, code := run(t, "ask", "--data", data, "gemma", q)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.Contains(out, "It also names YOLOv8 (agpl-3.0).") {
		t.Fatalf("no pointer to the AGPL:\n%s", out)
	}
	var quoted string
	for _, line := range strings.Split(out, "\n") {
		if rest, ok := strings.CutPrefix(strings.TrimSpace(line), "licensebot ask agpl-3.0 "); ok {
			quoted = rest
		}
	}
	if quoted == "" {
		t.Fatalf("no command to ask the AGPL:\n%s", out)
	}
	got, err := exec.Command("sh", "-c", "printf %s "+quoted).Output()
	if err != nil || string(got) != q {
		t.Errorf("the shell reads %s as %q (%v), want %q", quoted, got, err, q)
	}
}

// corpus check notes a license without a verdict card, whose answers
// will have no verdict; the repository's corpus has a card for each.
func TestCorpusCheckNotesALicenseWithoutACard(t *testing.T) {
	dir, data := corpustest.SmallCorpusDir(t), t.TempDir()
	if err := os.Symlink(corpustest.TextsDir(t), filepath.Join(data, "texts")); err != nil {
		t.Fatal(err)
	}
	out, stderr, code := run(t, "corpus", "check", "--corpus", dir, "--data", data)
	if code != 0 || strings.Contains(out, "note:") {
		t.Fatalf("exit %d, %s%s", code, out, stderr)
	}
	if err := os.Remove(filepath.Join(dir, "cards", "mit.yaml")); err != nil {
		t.Fatal(err)
	}
	out, stderr, code = run(t, "corpus", "check", "--corpus", dir, "--data", data)
	if code != 0 || !strings.Contains(out, "note: mit has no verdict card (cards/mit.yaml)") {
		t.Errorf("exit %d, %s%s", code, out, stderr)
	}
}
