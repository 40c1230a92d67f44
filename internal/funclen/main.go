// Command funclen lists the lengths of the module's production functions
// (every .go file but tests, testdata and data) and fails when one is longer
// than -max lines, so a function that outgrows a screen is split while its
// seams are still fresh. Run it from the module root (make funclen).
//
// A function's length counts the lines from its func keyword to its closing
// brace, both included; the doc comment is not counted.
package main

import (
	"errors"
	"flag"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// Func is one function and where it is.
type Func struct {
	Name  string // "Recv.Method" or "Func"
	File  string // slash-separated, relative to the root
	Line  int
	Lines int
}

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	fset := flag.NewFlagSet("funclen", flag.ContinueOnError)
	fset.SetOutput(stderr)
	max := fset.Int("max", 60, "longest a production function may be, in lines")
	top := fset.Int("top", 10, "list this many of the longest functions (0: all)")
	fset.Usage = func() {
		fmt.Fprintln(stderr, "Usage: funclen [-max N] [-top N] [ROOT]")
		fset.PrintDefaults()
	}
	if err := fset.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	root := "."
	if fset.NArg() > 0 {
		root = fset.Arg(0)
	}
	funcs, err := Measure(root)
	if err != nil {
		fmt.Fprintln(stderr, "funclen:", err)
		return 1
	}
	return report(stdout, funcs, *max, *top)
}

// report prints the longest functions, then every one over max, and
// returns the exit code: 1 when a function is over max.
func report(w io.Writer, funcs []Func, max, top int) int {
	if top <= 0 || top > len(funcs) {
		top = len(funcs)
	}
	fmt.Fprintf(w, "%d production functions; the %d longest:\n", len(funcs), top)
	for _, f := range funcs[:top] {
		fmt.Fprintln(w, "  "+f.String())
	}
	failed := 0
	for _, f := range funcs {
		if f.Lines <= max {
			break
		}
		fmt.Fprintf(w, "over %d lines: %s\n", max, f)
		failed++
	}
	if failed > 0 {
		fmt.Fprintf(w, "FAIL: %d over %d lines; split them along their seams\n", failed, max)
		return 1
	}
	return 0
}

func (f Func) String() string {
	return fmt.Sprintf("%4d  %s  (%s:%d)", f.Lines, f.Name, f.File, f.Line)
}

// Measure parses every production Go file under root and returns its
// functions, longest first (ties by file and line).
func Measure(root string) ([]Func, error) {
	var funcs []Func
	fset := token.NewFileSet()
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if path != root && skipDir(d.Name()) {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(root, path)
		if err != nil {
			return err
		}
		funcs = append(funcs, fileFuncs(fset, f, filepath.ToSlash(rel))...)
		return nil
	})
	sort.SliceStable(funcs, func(i, j int) bool {
		a, b := funcs[i], funcs[j]
		if a.Lines != b.Lines {
			return a.Lines > b.Lines
		}
		if a.File != b.File {
			return a.File < b.File
		}
		return a.Line < b.Line
	})
	return funcs, err
}

// skipDir leaves out what is not the module's own production code.
func skipDir(name string) bool {
	return name == "testdata" || name == "data" || name == "vendor" ||
		strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_")
}

// fileFuncs measures a file's function declarations and the function
// literals assigned at package level (var handler = func…), which are
// functions a reader meets just the same.
func fileFuncs(fset *token.FileSet, f *ast.File, file string) []Func {
	var out []Func
	measure := func(name string, from, to token.Pos) {
		start, end := fset.Position(from), fset.Position(to)
		out = append(out, Func{Name: name, File: file, Line: start.Line, Lines: end.Line - start.Line + 1})
	}
	for _, decl := range f.Decls {
		switch d := decl.(type) {
		case *ast.FuncDecl:
			if d.Body != nil {
				measure(funcName(d), d.Pos(), d.End())
			}
		case *ast.GenDecl:
			for _, spec := range d.Specs {
				vs, ok := spec.(*ast.ValueSpec)
				if !ok {
					continue
				}
				for n, v := range vs.Values {
					if lit, ok := v.(*ast.FuncLit); ok && n < len(vs.Names) {
						measure(vs.Names[n].Name, lit.Pos(), lit.End())
					}
				}
			}
		}
	}
	return out
}

// funcName is "Recv.Name" for a method (without the pointer or type
// parameters), else the function's name.
func funcName(d *ast.FuncDecl) string {
	if d.Recv == nil || len(d.Recv.List) == 0 {
		return d.Name.Name
	}
	t := d.Recv.List[0].Type
	if s, ok := t.(*ast.StarExpr); ok {
		t = s.X
	}
	switch x := t.(type) {
	case *ast.IndexExpr:
		t = x.X
	case *ast.IndexListExpr:
		t = x.X
	}
	if id, ok := t.(*ast.Ident); ok {
		return id.Name + "." + d.Name.Name
	}
	return d.Name.Name
}
