// Package check holds the assertions awsfake's public Check helpers share:
// the root package's CheckCode and each service's Check* helpers call it,
// and the repository's own tests use them too.
package check

import (
	"errors"
	"testing"

	"github.com/aws/smithy-go"
)

// Code fails tb unless err is an AWS API error (as the SDK returns it, or
// as a service's Go API returns it) with the given code, and returns it.
func Code(tb testing.TB, err error, code string) smithy.APIError {
	tb.Helper()
	if err == nil {
		tb.Fatalf("got no error, want the AWS error %s", code)
		return nil
	}
	var ae smithy.APIError
	if !errors.As(err, &ae) {
		tb.Fatalf("got %v (%T), want the AWS error %s", err, err, code)
		return nil
	}
	if ae.ErrorCode() != code {
		tb.Fatalf("got the AWS error %s (%s), want %s", ae.ErrorCode(), ae.ErrorMessage(), code)
	}
	return ae
}
