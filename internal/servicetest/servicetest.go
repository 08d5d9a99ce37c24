// Package servicetest holds the checks every service package's tests make
// of what each service owes (CONTRIBUTING.md): every operation of the SDK
// client served, every error code raised in the catalogue, an injected
// fault answering as the real error does.
package servicetest

import (
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"

	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	"github.com/aws/smithy-go"

	"github.com/awsfake/awsfake/internal/faults"
)

// SDKOperations returns, sorted, the operations of an aws-sdk-go-v2 client
// (a *<service>.Client): its methods that take a context, a *<Op>Input and
// functional options.
func SDKOperations(client any) []string {
	ctxType := reflect.TypeOf((*interface{ Done() <-chan struct{} })(nil)).Elem()
	typ := reflect.TypeOf(client)
	var out []string
	for i := range typ.NumMethod() {
		m := typ.Method(i)
		if m.Type.NumIn() == 4 && m.Type.In(1).Implements(ctxType) && m.Type.In(2).Kind() == reflect.Pointer &&
			m.Type.In(2).Elem().Name() == m.Name+"Input" {
			out = append(out, m.Name)
		}
	}
	slices.Sort(out)
	return out
}

// CheckServed fails tb unless served (the service's wire table) holds
// exactly the operations of the SDK client.
func CheckServed(tb testing.TB, client any, served []string) {
	tb.Helper()
	want := SDKOperations(client)
	got := slices.Sorted(slices.Values(served))
	got = slices.Compact(got)
	for _, op := range want {
		if !slices.Contains(got, op) {
			tb.Errorf("%s is an operation of %T and is not in the wire table", op, client)
		}
	}
	for _, op := range got {
		if !slices.Contains(want, op) {
			tb.Errorf("%s is in the wire table and is not an operation of %T", op, client)
		}
	}
}

// CatalogueVar is the name every service gives its error catalogue:
// var errs = faults.NewCatalogue(...).
const CatalogueVar = "errs"

// RaisedCodes returns the error codes the non-test Go files of the package
// in dir raise, as string constants or literals: the first argument of
// every call of errs.New or errs.Default (CatalogueVar), and of every function of the
// package whose first parameter is named code; and every package-level
// string constant whose name starts with code.
func RaisedCodes(tb testing.TB, dir string) []string {
	tb.Helper()
	fset := token.NewFileSet()
	var files []*ast.File
	entries, err := os.ReadDir(dir)
	if err != nil {
		tb.Fatal(err)
	}
	for _, e := range entries {
		name := e.Name()
		if !strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, filepath.Join(dir, name), nil, 0)
		if err != nil {
			tb.Fatal(err)
		}
		files = append(files, f)
	}
	consts := map[string]string{}
	takesCode := map[string]bool{}
	codes := map[string]bool{}
	for _, f := range files {
		for _, d := range f.Decls {
			switch d := d.(type) {
			case *ast.GenDecl:
				collectConsts(d, consts, codes)
			case *ast.FuncDecl:
				if p := d.Type.Params.List; len(p) > 0 && len(p[0].Names) > 0 && p[0].Names[0].Name == "code" {
					takesCode[d.Name.Name] = true
				}
			}
		}
	}
	for _, f := range files {
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok || len(call.Args) == 0 || !raises(call.Fun, takesCode) {
				return true
			}
			switch a := call.Args[0].(type) {
			case *ast.BasicLit:
				if s, err := strconv.Unquote(a.Value); err == nil {
					codes[s] = true
				}
			case *ast.Ident:
				if s, ok := consts[a.Name]; ok {
					codes[s] = true
				}
			}
			return true
		})
	}
	return slices.Sorted(func(yield func(string) bool) {
		for c := range codes {
			if !yield(c) {
				return
			}
		}
	})
}

func collectConsts(d *ast.GenDecl, consts map[string]string, codes map[string]bool) {
	if d.Tok != token.CONST {
		return
	}
	for _, spec := range d.Specs {
		vs := spec.(*ast.ValueSpec)
		for i, name := range vs.Names {
			if i >= len(vs.Values) {
				continue
			}
			lit, ok := vs.Values[i].(*ast.BasicLit)
			if !ok || lit.Kind != token.STRING {
				continue
			}
			s, _ := strconv.Unquote(lit.Value)
			consts[name.Name] = s
			if strings.HasPrefix(name.Name, "code") {
				codes[s] = true
			}
		}
	}
}

func raises(fun ast.Expr, takesCode map[string]bool) bool {
	switch f := fun.(type) {
	case *ast.Ident:
		return takesCode[f.Name]
	case *ast.SelectorExpr:
		x, ok := f.X.(*ast.Ident)
		return ok && x.Name == CatalogueVar && (f.Sel.Name == "New" || f.Sel.Name == "Default")
	}
	return false
}

// CheckCatalogue fails tb for every code the package in dir raises that
// its catalogue does not hold.
func CheckCatalogue(tb testing.TB, dir string, cat *faults.Catalogue) {
	tb.Helper()
	for _, code := range RaisedCodes(tb, dir) {
		if !cat.Has(code) {
			tb.Errorf("%s raises %s, which its error catalogue does not hold", cat.Service(), code)
		}
	}
}

// Status returns the HTTP status and the error code of an SDK error.
func Status(err error) (status int, code string) {
	var re *awshttp.ResponseError
	if errors.As(err, &re) {
		status = re.HTTPStatusCode()
	}
	var api smithy.APIError
	if errors.As(err, &api) {
		code = api.ErrorCode()
	}
	return status, code
}

// CheckSameAnswer fails tb unless the SDK errors real (what the service
// answered) and injected (the same code through InjectFault) have the same
// HTTP status and code.
func CheckSameAnswer(tb testing.TB, real, injected error) {
	tb.Helper()
	rs, rc := Status(real)
	is, ic := Status(injected)
	if rs == 0 || rc == "" {
		tb.Fatalf("the real error %v has no HTTP status or code", real)
	}
	if rs != is || rc != ic {
		tb.Errorf("the real error is %d %s, the injected one %d %s", rs, rc, is, ic)
	}
}

// Recorder is a testing.TB that records the first failure of a Check
// helper instead of ending the test, so that a test can check the helper
// fails as it should.
type Recorder struct {
	testing.TB
	// Message is the failure's message, empty while nothing failed.
	Message string
}

// Helper does nothing: the recorder is not the test.
func (r *Recorder) Helper() {}

// Fatalf records the failure.
func (r *Recorder) Fatalf(format string, args ...any) { r.record(fmt.Sprintf(format, args...)) }

// Errorf records the failure.
func (r *Recorder) Errorf(format string, args ...any) { r.record(fmt.Sprintf(format, args...)) }

// Fatal records the failure.
func (r *Recorder) Fatal(args ...any) { r.record(fmt.Sprint(args...)) }

// Error records the failure.
func (r *Recorder) Error(args ...any) { r.record(fmt.Sprint(args...)) }

func (r *Recorder) record(msg string) {
	if r.Message == "" {
		r.Message = msg
	}
}

// CheckEnterFirst fails tb for every operation of ops that the package in
// dir implements as a method of *Service whose first statement does not
// call s.enter, itself or through a method of *Service whose own first
// statement does (Invoke delegating to invokeAs): enter is the seam where
// the call log, faults, latency and the caller's scope happen
// (CONTRIBUTING.md).
func CheckEnterFirst(tb testing.TB, dir string, ops []string) {
	tb.Helper()
	fset := token.NewFileSet()
	entries, err := os.ReadDir(dir)
	if err != nil {
		tb.Fatal(err)
	}
	methods := map[string]*ast.FuncDecl{}
	for _, e := range entries {
		name := e.Name()
		if !strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, filepath.Join(dir, name), nil, 0)
		if err != nil {
			tb.Fatal(err)
		}
		for _, d := range f.Decls {
			if fn, ok := d.(*ast.FuncDecl); ok && fn.Recv != nil && fn.Body != nil && onService(fn) {
				methods[fn.Name.Name] = fn
			}
		}
	}
	found := 0
	for _, op := range ops {
		fn := methods[op]
		if fn == nil {
			continue
		}
		found++
		if !entersFirst(fn, methods, 2) {
			tb.Errorf("%s: %s does not start with s.enter(ctx, %q)", fset.Position(fn.Pos()), op, op)
		}
	}
	if found == 0 {
		tb.Errorf("no operation of %s found in %s", strings.Join(ops, ", "), dir)
	}
}

// entersFirst reports whether fn's first statement calls enter, directly
// or through at most depth methods of *Service.
func entersFirst(fn *ast.FuncDecl, methods map[string]*ast.FuncDecl, depth int) bool {
	if len(fn.Body.List) == 0 {
		return false
	}
	first := fn.Body.List[0]
	if calls(first, "enter") {
		return true
	}
	if depth == 0 {
		return false
	}
	for name, m := range methods {
		if m != fn && calls(first, name) && entersFirst(m, methods, depth-1) {
			return true
		}
	}
	return false
}

func onService(fn *ast.FuncDecl) bool {
	star, ok := fn.Recv.List[0].Type.(*ast.StarExpr)
	if !ok {
		return false
	}
	id, ok := star.X.(*ast.Ident)
	return ok && id.Name == "Service"
}

// calls reports whether the statement calls a method named name.
func calls(st ast.Stmt, name string) bool {
	found := false
	ast.Inspect(st, func(n ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok {
			if sel, ok := call.Fun.(*ast.SelectorExpr); ok && sel.Sel.Name == name {
				found = true
			}
		}
		return !found
	})
	return found
}
