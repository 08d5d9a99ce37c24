package faults_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/awsfake/awsfake/internal/awserr"
	"github.com/awsfake/awsfake/internal/faults"
)

func TestError_ResolvesCodesFromTheCatalogues(t *testing.T) {
	own := faults.Catalogue{
		"QueueDoesNotExist": {Status: 400, QueryCode: "AWS.SimpleQueueService.NonExistentQueue"},
		"InternalFailure":   {Status: 502, Receiver: true, Message: "own"},
	}
	for _, tc := range []struct {
		name, code string
		want       awserr.Error
	}{
		{"by modelled code", "QueueDoesNotExist", awserr.Error{Code: "QueueDoesNotExist",
			QueryCode: "AWS.SimpleQueueService.NonExistentQueue", Status: 400,
			Message: "awsfake: injected QueueDoesNotExist fault for Op"}},
		{"by legacy query code", "AWS.SimpleQueueService.NonExistentQueue", awserr.Error{Code: "QueueDoesNotExist",
			QueryCode: "AWS.SimpleQueueService.NonExistentQueue", Status: 400,
			Message: "awsfake: injected AWS.SimpleQueueService.NonExistentQueue fault for Op"}},
		{"the first catalogue wins", "InternalFailure", awserr.Error{Code: "InternalFailure", Status: 502, Receiver: true, Message: "own"}},
		{"common errors", "ServiceUnavailable", awserr.Error{Code: "ServiceUnavailable", Status: 503, Receiver: true,
			Message: "The request has failed due to a temporary failure of the server."}},
		{"unknown: a 400 sender fault", "Gremlins", awserr.Error{Code: "Gremlins", Status: 400,
			Message: "awsfake: injected Gremlins fault for Op"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, &tc.want, faults.Error("Op", tc.code, own, faults.Common))
		})
	}
}
