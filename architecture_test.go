package awsfake_test

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The layering rules of DESIGN.md, checked on every non-test Go file of the
// module:
//   - services never import each other;
//   - inside a service, only the wire binding (files named wire*) and
//     outbound HTTP delivery (files named http*) touch net/http or the wire
//     codecs of internal/protocol; engines and Go APIs are pure Go;
//   - no wall clock outside package clock (and the cmd/ and examples/
//     programs): all time comes from the injected clock.Clock.

const module = "github.com/awsfake/awsfake"

// nonServiceDirs are the top-level directories that hold no AWS service;
// every other top-level directory with Go code is one.
var nonServiceDirs = map[string]bool{
	"clock": true, "internal": true, "cmd": true, "examples": true, "bench": true, "testdata": true,
}

// wallClockExempt may read the wall clock: the clock itself, and programs.
var wallClockExempt = []string{"clock/", "cmd/", "examples/"}

// wallClock are the time functions that read or wait on the wall clock.
var wallClock = map[string]bool{
	"Now": true, "Sleep": true, "After": true, "Tick": true, "NewTimer": true,
	"NewTicker": true, "AfterFunc": true, "Since": true, "Until": true,
}

func TestArchitecture(t *testing.T) {
	services := serviceDirs(t)
	for _, known := range []string{"sqs", "sns", "lambda", "apigw", "stepfn", "cloudwatch", "xray", "route53", "s3", "sts"} {
		if st, err := os.Stat(known); err == nil && st.IsDir() {
			assert.True(t, services[known], "%s/ is not recognised as a service", known)
		}
	}
	require.True(t, services["sts"], "service discovery found nothing")

	fset := token.NewFileSet()
	checked := 0
	err := filepath.WalkDir(".", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if path != "." && (strings.HasPrefix(d.Name(), ".") || strings.HasPrefix(d.Name(), "_") || d.Name() == "testdata" || d.Name() == "vendor") {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
		if err != nil {
			t.Errorf("%s does not parse: %v", path, err)
			return nil
		}
		checked++
		for _, v := range violations(fset, filepath.ToSlash(path), f, services) {
			t.Error(v)
		}
		return nil
	})
	require.NoError(t, err)
	require.Positive(t, checked)
}

// serviceDirs returns the top-level directories that are service packages.
func serviceDirs(t *testing.T) map[string]bool {
	t.Helper()
	entries, err := os.ReadDir(".")
	require.NoError(t, err)
	out := map[string]bool{}
	for _, e := range entries {
		name := e.Name()
		if !e.IsDir() || nonServiceDirs[name] || strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_") {
			continue
		}
		hasGo := false
		_ = filepath.WalkDir(name, func(path string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() && strings.HasSuffix(path, ".go") {
				hasGo = true
				return filepath.SkipAll
			}
			return nil
		})
		if hasGo {
			out[name] = true
		}
	}
	return out
}

// violations lists how the file at path (slash-separated, relative to the
// module root) breaks the rules.
func violations(fset *token.FileSet, path string, f *ast.File, services map[string]bool) []string {
	var out []string
	at := func(n ast.Node) string { return fset.Position(n.Pos()).String() }
	top, _, nested := strings.Cut(path, "/")
	service := ""
	if nested && services[top] {
		service = top
	}
	base := filepath.Base(path)
	wireFile := strings.HasPrefix(base, "wire") || strings.HasPrefix(base, "http")

	timeName := ""
	for _, imp := range f.Imports {
		p, _ := strconv.Unquote(imp.Path.Value)
		if p == "time" {
			timeName = "time"
			if imp.Name != nil {
				timeName = imp.Name.Name
			}
		}
		if service == "" {
			continue
		}
		if other, ok := strings.CutPrefix(p, module+"/"); ok {
			first, _, _ := strings.Cut(other, "/")
			if services[first] && first != service {
				out = append(out, at(imp)+": service "+service+" imports service "+first+
					" (services talk through the bus or a consumer-declared interface)")
			}
		}
		if !wireFile && (p == "net/http" || strings.HasPrefix(p, "net/http/") || p == module+"/internal/protocol") {
			out = append(out, at(imp)+": "+base+" imports "+p+
				" (only wire* and http* files of a service may; engines and Go APIs are pure Go)")
		}
	}

	exempt := false
	for _, p := range wallClockExempt {
		exempt = exempt || strings.HasPrefix(path, p)
	}
	if exempt || timeName == "" {
		return out
	}
	if timeName == "." {
		return append(out, path+": dot-imports time, which hides wall-clock use")
	}
	ast.Inspect(f, func(n ast.Node) bool {
		sel, ok := n.(*ast.SelectorExpr)
		if !ok {
			return true
		}
		if id, ok := sel.X.(*ast.Ident); ok && id.Name == timeName && wallClock[sel.Sel.Name] {
			out = append(out, at(sel)+": time."+sel.Sel.Name+" reads the wall clock (use the injected clock.Clock)")
		}
		return true
	})
	return out
}

// Size limits of CONTRIBUTING.md: no Go file over maxFileLines lines and no
// function over maxFuncLines, tests included.
const (
	maxFileLines = 600
	maxFuncLines = 80
)

func TestArchitecture_FilesAndFunctionsAreSmall(t *testing.T) {
	fset := token.NewFileSet()
	err := filepath.WalkDir(".", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if path != "." && (strings.HasPrefix(d.Name(), ".") || d.Name() == "testdata") {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") {
			return nil
		}
		f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
		if err != nil {
			return err
		}
		for _, v := range sizeViolations(fset, f) {
			t.Error(v)
		}
		return nil
	})
	require.NoError(t, err)
}

// sizeViolations lists the limits a parsed file breaks.
func sizeViolations(fset *token.FileSet, f *ast.File) []string {
	var out []string
	file := fset.File(f.Pos())
	if n := file.LineCount(); n > maxFileLines {
		out = append(out, fmt.Sprintf("%s: %d lines (at most %d: split it by what it holds)", file.Name(), n, maxFileLines))
	}
	ast.Inspect(f, func(n ast.Node) bool {
		var body *ast.BlockStmt
		name := "a function literal"
		switch fn := n.(type) {
		case *ast.FuncDecl:
			body, name = fn.Body, fn.Name.Name
		case *ast.FuncLit:
			body = fn.Body
		}
		if body == nil {
			return true
		}
		lines := fset.Position(body.End()).Line - fset.Position(n.Pos()).Line + 1
		if lines > maxFuncLines {
			out = append(out, fmt.Sprintf("%s: %s is %d lines (at most %d)", fset.Position(n.Pos()), name, lines, maxFuncLines))
			return false // a long function's literals are its own problem
		}
		return true
	})
	return out
}

func TestArchitecture_SizeCheckerCatchesLongFunctions(t *testing.T) {
	long := "package x\nfunc f() {\n" + strings.Repeat("_ = 1\n", maxFuncLines) + "}\nfunc g() {}\n"
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "x.go", long, 0)
	require.NoError(t, err)
	got := sizeViolations(fset, f)
	require.Len(t, got, 1)
	assert.Contains(t, got[0], "f is 82 lines")
}

func TestArchitecture_CheckerCatchesEachViolation(t *testing.T) {
	services := map[string]bool{"sqs": true, "sns": true, "cloudwatch": true}
	for _, tc := range []struct {
		path, src string
		want      []string // substrings, one per violation
	}{
		{"sqs/queue.go", `package sqs; import _ "` + module + `/sns"`, []string{"imports service sns"}},
		{"cloudwatch/logs/engine.go", `package logs; import _ "` + module + `/sqs"`, []string{"service cloudwatch imports service sqs"}},
		{"cloudwatch/logs/engine.go", `package logs; import _ "` + module + `/cloudwatch/events"`, nil},
		{"sqs/queue.go", `package sqs; import _ "net/http"`, []string{"imports net/http"}},
		{"sqs/queue.go", `package sqs; import _ "net/http/httptest"`, []string{"imports net/http/httptest"}},
		{"sqs/queue.go", `package sqs; import _ "` + module + `/internal/protocol"`, []string{"imports " + module + "/internal/protocol"}},
		{"sqs/wire_queue.go", `package sqs; import (_ "net/http"; _ "` + module + `/internal/protocol")`, nil},
		{"sns/http_delivery.go", `package sns; import _ "net/http"`, nil},
		{"sqs/queue.go", `package sqs; import "time"; var _ = time.Now()`, []string{"time.Now"}},
		{"sqs/queue.go", `package sqs; import t "time"; func f() { t.Sleep(1); <-t.After(1) }`, []string{"time.Sleep", "time.After"}},
		{"sqs/queue.go", `package sqs; import "time"; var f = time.Since`, []string{"time.Since"}},
		{"sqs/queue.go", `package sqs; import . "time"`, []string{"dot-imports time"}},
		{"sqs/queue.go", `package sqs; import "time"; var d = time.Second; var u = time.Unix(0, 0)`, nil},
		{"internal/bus/bus.go", `package bus; import ("net/http"; "time"); var _ = http.StatusOK; var _ = time.NewTicker`, []string{"time.NewTicker"}},
		{"awsfake.go", `package awsfake; import "time"; var _ = time.Until`, []string{"time.Until"}},
		{"clock/real.go", `package clock; import "time"; var _ = time.Now()`, nil},
		{"cmd/awsfake/main.go", `package main; import "time"; var _ = time.Now()`, nil},
	} {
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, tc.path, tc.src, parser.SkipObjectResolution)
		require.NoError(t, err, tc.src)
		got := violations(fset, tc.path, f, services)
		require.Len(t, got, len(tc.want), "%s: %s\n%v", tc.path, tc.src, got)
		for i, w := range tc.want {
			assert.Contains(t, got[i], w)
		}
	}
}
