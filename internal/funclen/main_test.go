package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// write lays out a tiny module tree under a temp dir.
func write(t *testing.T, files map[string]string) string {
	t.Helper()
	root := t.TempDir()
	for name, body := range files {
		p := filepath.Join(root, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

// body is a function of exactly n lines, func keyword to closing brace.
func body(decl string, n int) string {
	return decl + " {\n" + strings.Repeat("\t_ = 0\n", n-2) + "}\n"
}

func TestMeasureCountsProductionFunctionsOnly(t *testing.T) {
	root := write(t, map[string]string{
		"a/a.go":            "package a\n\n// Doc comments do not count.\n" + body("func Short()", 3) + body("func (r *T) Method()", 7) + "type T struct{}\n" + "var Lit = func() {\n\t_ = 0\n}\n",
		"a/a_test.go":       "package a\n\n" + body("func TestLong()", 100),
		"a/testdata/x.go":   "package x\n\n" + body("func Long()", 100),
		"data/index/y.go":   "package y\n\n" + body("func Long()", 100),
		"b/generic.go":      "package b\n\ntype G[T any] struct{}\n\n" + body("func (g G[T]) M()", 4),
		".hidden/hidden.go": "package h\n\n" + body("func Long()", 100),
	})
	funcs, err := Measure(root)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range funcs {
		got = append(got, f.String())
	}
	want := []string{
		"   7  T.Method  (a/a.go:7)",
		"   4  G.M  (b/generic.go:5)",
		"   3  Short  (a/a.go:4)",
		"   3  Lit  (a/a.go:15)",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestReportFailsOverTheLimit(t *testing.T) {
	for _, tc := range []struct {
		name  string
		funcs []Func
		code  int
		says  string
	}{
		{"within", []Func{{Name: "F", File: "bot/x.go", Line: 1, Lines: 60}}, 0, "60  F"},
		{"over", []Func{{Name: "F", File: "bot/x.go", Line: 1, Lines: 61}}, 1, "over 60 lines:   61  F"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var out bytes.Buffer
			if code := report(&out, tc.funcs, 60, 10); code != tc.code || !strings.Contains(out.String(), tc.says) {
				t.Errorf("exit %d, output:\n%s\nwant exit %d saying %q", code, out.String(), tc.code, tc.says)
			}
		})
	}
}
