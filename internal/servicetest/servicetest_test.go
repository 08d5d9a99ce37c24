package servicetest_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/aws/aws-sdk-go-v2/service/sts"
	"github.com/stretchr/testify/assert"

	"github.com/awsfake/awsfake/internal/servicetest"
)

func TestSDKOperations_ListsTheClientsOperations(t *testing.T) {
	ops := servicetest.SDKOperations(&sts.Client{})
	assert.Contains(t, ops, "GetCallerIdentity")
	assert.Contains(t, ops, "AssumeRole")
	assert.NotContains(t, ops, "Options")
}

func TestRaisedCodes_FindsConstantsLiteralsAndWrappers(t *testing.T) {
	dir := t.TempDir()
	src := `package x

import "errors"

const (
	codeA = "A"
	other = "B"
	notACode = 3
)

func newError(code, format string, args ...any) error { return errs.New(code, format, args...) }

func f() {
	_ = errs.New(other, "m")
	_ = errs.Default("C")
	_ = newError("D", "m")
	_ = errors.New("not a code")
	var c string
	_ = errs.New(c, "a variable is not resolved")
}
`
	if err := os.WriteFile(filepath.Join(dir, "x.go"), []byte(src), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "x_test.go"), []byte("package x\nfunc g() { _ = errs.New(\"T\", \"\") }\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	assert.Equal(t, []string{"A", "B", "C", "D"}, servicetest.RaisedCodes(t, dir))
}

func TestCheckEnterFirst_FindsOperationsThatSkipTheSeam(t *testing.T) {
	dir := t.TempDir()
	src := `package x

type Service struct{}

func (s *Service) enter(ctx any, op string) error { return nil }
func (s *Service) Good(ctx any) error { return s.enter(ctx, "Good") }
func (s *Service) Delegates(ctx any) error { return s.delegate(ctx) }
func (s *Service) delegate(ctx any) error {
	if err := s.enter(ctx, "Delegates"); err != nil {
		return err
	}
	return nil
}
func (s *Service) Bad(ctx any) error {
	x := 1
	_ = x
	return s.enter(ctx, "Bad")
}
`
	if err := os.WriteFile(filepath.Join(dir, "x.go"), []byte(src), 0o600); err != nil {
		t.Fatal(err)
	}
	r := &servicetest.Recorder{TB: t}
	servicetest.CheckEnterFirst(r, dir, []string{"Good", "Delegates", "Bad", "NotAMethod"})
	assert.Contains(t, r.Message, `Bad does not start with s.enter(ctx, "Bad")`)
	r = &servicetest.Recorder{TB: t}
	servicetest.CheckEnterFirst(r, dir, []string{"Good", "Delegates"})
	assert.Empty(t, r.Message)
}
