package faults_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/awsfake/awsfake/internal/awserr"
	"github.com/awsfake/awsfake/internal/faults"
)

func TestCatalogue_ResolvesCodes(t *testing.T) {
	cat := faults.NewCatalogue("test", faults.Specs{
		"QueueDoesNotExist":     {Status: 400, QueryCode: "AWS.SimpleQueueService.NonExistentQueue"},
		"InternalFailure":       {Status: 502, Receiver: true, Message: "own"},
		"AccessDeniedException": {Status: 403},
	})
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
		{"the service's spec wins over Common", "InternalFailure", awserr.Error{Code: "InternalFailure", Status: 502, Receiver: true, Message: "own"}},
		{"the service's status wins over Common", "AccessDeniedException", awserr.Error{Code: "AccessDeniedException", Status: 403,
			Message: "awsfake: injected AccessDeniedException fault for Op"}},
		{"common errors", "ServiceUnavailable", awserr.Error{Code: "ServiceUnavailable", Status: 503, Receiver: true,
			Message: "The request has failed due to a temporary failure of the server."}},
		{"unknown: a 400 sender fault", "Gremlins", awserr.Error{Code: "Gremlins", Status: 400,
			Message: "awsfake: injected Gremlins fault for Op"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, &tc.want, cat.Injected("Op", tc.code))
		})
	}
}

func TestCatalogue_NewAndInjectedAgreeOnStatus(t *testing.T) {
	cat := faults.NewCatalogue("test", faults.Specs{"NoSuchCORSConfiguration": {Status: 404}})
	for _, code := range cat.Codes() {
		real, injected := cat.New(code, "m"), cat.Injected("Op", code)
		assert.Equal(t, real.Status, injected.Status, code)
		assert.Equal(t, real.Receiver, injected.Receiver, code)
		assert.Equal(t, real.Code, injected.Code, code)
	}
	assert.Equal(t, 404, cat.New("NoSuchCORSConfiguration", "The CORS configuration does not exist").Status)
	assert.True(t, cat.Has("NoSuchCORSConfiguration"))
	assert.True(t, cat.Has("SerializationException"), "Common holds the codes the codecs raise")
	assert.False(t, cat.Has("Gremlins"))
	assert.Equal(t, "test", cat.Service())
}

func TestCatalogue_NewFormats(t *testing.T) {
	cat := faults.NewCatalogue("test", nil)
	assert.Equal(t, "queue q: 100%", cat.New("InvalidAction", "queue %s: 100%%", "q").Message)
	assert.Equal(t, "Rate exceeded", cat.Default("ThrottlingException").Message)
}

// A common code that a service names as its legacy awsQuery code resolves
// to the service's modelled error (SQS: InvalidParameterValue →
// InvalidParameterValueException).
func TestCatalogue_ALegacyCodeWinsOverTheCommonCodeOfItsName(t *testing.T) {
	cat := faults.NewCatalogue("sqs", faults.Specs{
		"InvalidParameterValueException": {Status: 400, QueryCode: "InvalidParameterValue"},
	})
	e := cat.Injected("SendMessage", "InvalidParameterValue")
	assert.Equal(t, "InvalidParameterValueException", e.Code)
	assert.Equal(t, "InvalidParameterValue", e.LegacyCode())
	assert.True(t, cat.Has("MissingParameter"), "other common codes stay")
}
