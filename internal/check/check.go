// Package check holds the assertions awsfake's public Check helpers share:
// the root package's CheckCode and each service's Check* helpers call it,
// and the repository's own tests use them too.
package check

import (
	"errors"
	"reflect"
	"testing"

	"github.com/aws/smithy-go"

	"github.com/awsfake/awsfake/internal/awserr"
)

// Code fails tb unless err is an AWS API error (as the SDK returns it, or
// as a service's Go API returns it) with the given code, and returns it.
// The code may be the one the SDK reports (ErrorCode: for query-compatible
// services such as SQS, the legacy AWS.SimpleQueueService.NonExistentQueue)
// or the modelled name of the SDK's typed error (QueueDoesNotExist).
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
	if !hasCode(err, code) {
		tb.Fatalf("got the AWS error %s (%s), want %s", ae.ErrorCode(), ae.ErrorMessage(), code)
	}
	return ae
}

// hasCode reports whether an error of err's chain has code, as the SDK
// reports it or as its typed error is named.
func hasCode(err error, code string) bool {
	for ; err != nil; err = errors.Unwrap(err) {
		switch e := err.(type) {
		case *awserr.Error:
			if e.Code == code || e.LegacyCode() == code {
				return true
			}
		case smithy.APIError:
			if e.ErrorCode() == code {
				return true
			}
			if t := reflect.TypeOf(e); t.Kind() == reflect.Pointer && t.Elem().Name() == code {
				return true
			}
		}
	}
	return false
}
