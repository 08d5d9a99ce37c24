package s3

import (
	"slices"
	"testing"

	"github.com/aws/aws-sdk-go-v2/service/s3"

	"github.com/awsfake/awsfake/internal/servicetest"
)

// Every operation of the SDK's S3 client is in the wire table, and nothing
// else but PostObject, the browser form upload, which no SDK calls.
func TestServed_EveryOperationOfTheSDKClient(t *testing.T) {
	ops := slices.DeleteFunc(routes.Operations(), func(op string) bool { return op == "PostObject" })
	servicetest.CheckServed(t, &s3.Client{}, ops)
	if len(ops) == len(routes.Operations()) {
		t.Error("PostObject is no longer in the wire table")
	}
}

// Every code the package raises is in its catalogue.
func TestCatalogue_HoldsEveryCodeRaised(t *testing.T) {
	servicetest.CheckCatalogue(t, ".", errs)
}
