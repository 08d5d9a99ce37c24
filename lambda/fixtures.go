package lambda

import (
	"context"
	"testing"

	"github.com/awsfake/awsfake/internal/arn"
)

// Function is a function a fixture made.
type Function struct {
	Name, ARN string
}

// FunctionT registers handler under name and creates a function of that
// name running it (runtime provided.al2023, Handler name, role
// arn:aws:iam::<account>:role/<name>, the defaults of CreateFunction
// otherwise), failing tb on any error. A test that needs other settings
// calls CreateFunction itself.
func (s *Service) FunctionT(tb testing.TB, name string, handler any) Function {
	tb.Helper()
	if err := s.RegisterHandler(name, handler); err != nil {
		tb.Fatalf("lambda: FunctionT(%q): %v", name, err)
		return Function{}
	}
	sc := s.env.Scope()
	fn, err := s.CreateFunction(context.Background(), CreateFunctionInput{FunctionName: name, Runtime: "provided.al2023",
		Handler: name, Role: arn.Build(sc.Partition, "iam", "", sc.Account, "role/"+name),
		Code: &FunctionCode{ZipFile: []byte("bootstrap")}})
	if err != nil {
		tb.Fatalf("lambda: FunctionT(%q): %v", name, err)
		return Function{}
	}
	return Function{Name: name, ARN: fn.FunctionArn}
}

// AllowT lets principal (a service such as "sns.amazonaws.com", or an
// account) invoke function, from sourceARN when it is not empty, as
// AddPermission does, failing tb on any error.
func (s *Service) AllowT(tb testing.TB, function, principal, sourceARN string) {
	tb.Helper()
	sid := "awsfake-" + principal
	if _, err := s.AddPermission(context.Background(), AddPermissionInput{FunctionName: function, StatementId: sid,
		Action: "lambda:InvokeFunction", Principal: principal, SourceArn: sourceARN}); err != nil {
		tb.Fatalf("lambda: AllowT(%q, %q): %v", function, principal, err)
	}
}

// MappingT creates an event source mapping from sourceARN (an SQS queue)
// to function with AWS's defaults (batch size 10) and
// ReportBatchItemFailures, and returns its UUID, failing tb on any error.
func (s *Service) MappingT(tb testing.TB, function, sourceARN string) string {
	tb.Helper()
	m, err := s.CreateEventSourceMapping(context.Background(), CreateEventSourceMappingInput{FunctionName: function,
		EventSourceArn: sourceARN, FunctionResponseTypes: []string{"ReportBatchItemFailures"}})
	if err != nil {
		tb.Fatalf("lambda: MappingT(%q, %q): %v", function, sourceARN, err)
		return ""
	}
	return m.UUID
}
