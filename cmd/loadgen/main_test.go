package main

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/licensebot/licensebot/index/indextest"
)

func TestLoadgenSelf(t *testing.T) {
	var out bytes.Buffer
	err := run(context.Background(), []string{"-self", "-data", indextest.DataDir(t), "-n", "200", "-c", "4", "-show"}, &out)
	if err != nil {
		t.Fatalf("%v\n%s", err, out.String())
	}
	for _, want := range []string{"200 sent, 200 ok, 0 errors", "req/s", "p99", `"title": "Llama 4`} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
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
