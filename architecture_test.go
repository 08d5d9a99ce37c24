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

// The layering rules of DESIGN.md and CONTRIBUTING.md, checked on every
// non-test Go file of the module:
//   - services never import each other (a nested package of a service,
//     such as cloudwatch/logs, is a service of its own);
//   - a service's errors come from its catalogue (internal/faults): it
//     builds no awserr.Error itself;
//   - routing and Query decoding come from internal/protocol (Targets,
//     Routes, Form): no service reads X-Amz-Target or walks form indexes;
//   - scheduled work runs on the cloud scheduler (internal/sched): no
//     service arms a clock.AfterFuncAt callback;
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
			addNested(name, out)
		}
	}
	return out
}

// addNested marks every package directory below a service's as a service
// of its own (cloudwatch/logs), but for internal/ and testdata/ trees.
func addNested(dir string, out map[string]bool) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		if !e.IsDir() || e.Name() == "internal" || e.Name() == "testdata" || strings.HasPrefix(e.Name(), ".") {
			continue
		}
		sub := dir + "/" + e.Name()
		if files, _ := filepath.Glob(filepath.Join(sub, "*.go")); len(files) > 0 {
			out[sub] = true
		}
		addNested(sub, out)
	}
}

// violations lists how the file at path (slash-separated, relative to the
// module root) breaks the rules.
func violations(fset *token.FileSet, path string, f *ast.File, services map[string]bool) []string {
	var out []string
	at := func(n ast.Node) string { return fset.Position(n.Pos()).String() }
	service := serviceOf(path, services)
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
			if dep := serviceOf(other+"/x.go", services); dep != "" && dep != service {
				out = append(out, at(imp)+": service "+service+" imports service "+dep+
					" (services talk through the bus or a consumer-declared interface)")
			}
		}
		if !wireFile && (p == "net/http" || strings.HasPrefix(p, "net/http/") || p == module+"/internal/protocol") {
			out = append(out, at(imp)+": "+base+" imports "+p+
				" (only wire* and http* files of a service may; engines and Go APIs are pure Go)")
		}
	}

	if service != "" {
		out = append(out, serviceViolations(fset, f, base)...)
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

// serviceOf returns the service a file belongs to: the deepest directory of
// its path that is a service package (cloudwatch/logs before cloudwatch),
// or "" outside services.
func serviceOf(path string, services map[string]bool) string {
	dir := filepath.ToSlash(filepath.Dir(path))
	for dir != "." && dir != "/" && dir != "" {
		if services[dir] {
			return dir
		}
		dir = filepath.ToSlash(filepath.Dir(dir))
	}
	return ""
}

// sharedOnly are the calls a service leaves to the shared pieces: errors
// to its catalogue, form walking to protocol.Form, timers to the scheduler.
var sharedOnly = map[string]string{
	"awserr.New":        "build errors with the package's catalogue (errs.New)",
	"awserr.BadRequest": "build errors with the package's catalogue (errs.New)",
	"protocol.Indexes":  "read Query members with protocol.Form",
	"protocol.List":     "read Query members with protocol.Form",
	"protocol.Map":      "read Query members with protocol.Form",
	"Clock.AfterFuncAt": "schedule work on env.Sched",
}

// serviceViolations lists how a service file bypasses the shared pieces.
func serviceViolations(fset *token.FileSet, f *ast.File, base string) []string {
	var out []string
	at := func(n ast.Node) string { return fset.Position(n.Pos()).String() }
	ast.Inspect(f, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.SelectorExpr:
			x := ""
			switch e := n.X.(type) {
			case *ast.Ident:
				x = e.Name
			case *ast.SelectorExpr:
				x = e.Sel.Name
			}
			if why, ok := sharedOnly[x+"."+n.Sel.Name]; ok {
				out = append(out, at(n)+": "+x+"."+n.Sel.Name+" in a service ("+why+")")
			}
		case *ast.CompositeLit:
			if sel, ok := n.Type.(*ast.SelectorExpr); ok && sel.Sel.Name == "Error" {
				if id, ok := sel.X.(*ast.Ident); ok && id.Name == "awserr" {
					out = append(out, at(n)+": awserr.Error{} in a service (build errors with the package's catalogue)")
				}
			}
		case *ast.BasicLit:
			if n.Kind == token.STRING && strings.EqualFold(strings.Trim(n.Value, "\"`"), "X-Amz-Target") {
				out = append(out, at(n)+": "+base+" reads X-Amz-Target (route with protocol.Targets)")
			}
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
	services := map[string]bool{"sqs": true, "sns": true, "cloudwatch": true, "cloudwatch/logs": true}
	for _, tc := range []struct {
		path, src string
		want      []string // substrings, one per violation
	}{
		{"sqs/queue.go", `package sqs; import _ "` + module + `/sns"`, []string{"imports service sns"}},
		{"cloudwatch/logs/engine.go", `package logs; import _ "` + module + `/sqs"`, []string{"service cloudwatch/logs imports service sqs"}},
		{"cloudwatch/logs/engine.go", `package logs; import _ "` + module + `/cloudwatch"`, []string{"service cloudwatch/logs imports service cloudwatch"}},
		{"cloudwatch/alarm.go", `package cloudwatch; import _ "` + module + `/cloudwatch/logs"`, []string{"service cloudwatch imports service cloudwatch/logs"}},
		{"cloudwatch/logs/engine.go", `package logs; import _ "` + module + `/internal/bus"`, nil},
		{"sqs/errors.go", `package sqs; import "` + module + `/internal/awserr"; var _ = awserr.New("X", 400, "m")`, []string{"awserr.New in a service"}},
		{"sqs/errors.go", `package sqs; import "` + module + `/internal/awserr"; var _ = &awserr.Error{Code: "X"}`, []string{"awserr.Error{} in a service"}},
		{"sqs/wire.go", `package sqs; var h = "X-Amz-Target"`, []string{"reads X-Amz-Target"}},
		{"sqs/wire_query.go", `package sqs; import "` + module + `/internal/protocol"; var _ = protocol.List`, []string{"protocol.List in a service"}},
		{"sqs/notify.go", `package sqs; func f(s *S) { s.env.Clock.AfterFuncAt(t, nil) }`, []string{"Clock.AfterFuncAt in a service"}},
		{"internal/sched/sched.go", `package sched; func f(s *S) { s.clock.AfterFuncAt(t, nil); _ = "X-Amz-Target" }`, nil},
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
