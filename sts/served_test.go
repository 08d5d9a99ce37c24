package sts

import (
	"testing"

	awssts "github.com/aws/aws-sdk-go-v2/service/sts"

	"github.com/awsfake/awsfake/internal/servicetest"
)

// Every operation of the STS client (aws-sdk-go-v2 sts v1.51.8) is in the
// wire table.
func TestServed_EveryOperationOfTheSDKClient(t *testing.T) {
	servicetest.CheckServed(t, &awssts.Client{}, operations())
}

// Every code the package raises is in its catalogue.
func TestServed_EveryRaisedCodeIsCatalogued(t *testing.T) {
	servicetest.CheckCatalogue(t, ".", errs)
}

// Every operation of the Go API starts with enter: the call log, faults,
// latency and the caller's scope.
func TestServed_EveryOperationStartsWithEnter(t *testing.T) {
	servicetest.CheckEnterFirst(t, ".", operations())
}
