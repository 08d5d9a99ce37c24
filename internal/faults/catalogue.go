package faults

import "github.com/awsfake/awsfake/internal/awserr"

// Spec is what AWS answers with for one error code.
type Spec struct {
	// Status is the HTTP status.
	Status int
	// Receiver marks a server-side fault.
	Receiver bool
	// QueryCode is the legacy awsQuery code where it differs from the
	// code (SQS's AWS.SimpleQueueService.NonExistentQueue).
	QueryCode string
	// Message is AWS's usual message for the code; empty when it has none
	// worth copying.
	Message string
}

// Catalogue maps AWS error codes to what AWS answers with for them.
type Catalogue map[string]Spec

// Common holds the errors common to the API actions of all AWS services,
// with the statuses the API references give them ("Common Errors", e.g.
// https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/CommonErrors.html).
var Common = Catalogue{
	"AccessDeniedException":       {Status: 400, Message: "You do not have sufficient access to perform this action."},
	"IncompleteSignature":         {Status: 400, Message: "The request signature does not conform to AWS standards."},
	"InternalFailure":             {Status: 500, Receiver: true, Message: "The request processing has failed because of an unknown error, exception or failure."},
	"InvalidAction":               {Status: 400, Message: "The action or operation requested is invalid. Verify that the action is typed correctly."},
	"InvalidClientTokenId":        {Status: 403, Message: "The security token included in the request is invalid."},
	"InvalidParameterCombination": {Status: 400, Message: "Parameters that must not be used together were used together."},
	"InvalidParameterValue":       {Status: 400, Message: "An invalid or out-of-range value was supplied for the input parameter."},
	"InvalidQueryParameter":       {Status: 400, Message: "The AWS query string is malformed or does not adhere to AWS standards."},
	"MalformedQueryString":        {Status: 404, Message: "The query string contains a syntax error."},
	"MissingAction":               {Status: 400, Message: "The request is missing an action or a required parameter."},
	"MissingAuthenticationToken":  {Status: 403, Message: "Missing Authentication Token"},
	"MissingParameter":            {Status: 400, Message: "A required parameter for the specified action is not supplied."},
	"NotAuthorized":               {Status: 400, Message: "You do not have permission to perform this action."},
	"OptInRequired":               {Status: 403, Message: "The AWS access key ID needs a subscription for the service."},
	"RequestExpired":              {Status: 400, Message: "Request has expired."},
	"ServiceUnavailable":          {Status: 503, Receiver: true, Message: "The request has failed due to a temporary failure of the server."},
	"ThrottlingException":         {Status: 400, Message: "Rate exceeded"},
	"ValidationError":             {Status: 400, Message: "The input fails to satisfy the constraints specified by an AWS service."},
}

// Error returns the error AWS answers on op with code, as the first of the
// catalogues that knows the code describes it: by code, or else by legacy
// awsQuery code, in which case the error carries the modelled code and the
// legacy one as QueryCode. A code no catalogue knows is a 400 sender fault,
// as an unmodelled error is to the SDK. The message is the catalogue's, or
// one saying that the fault was injected.
func Error(op, code string, catalogues ...Catalogue) *awserr.Error {
	name, spec, ok := lookup(code, catalogues)
	if !ok {
		spec = Spec{Status: 400}
	}
	msg := spec.Message
	if msg == "" {
		msg = "awsfake: injected " + code + " fault for " + op
	}
	return &awserr.Error{Code: name, QueryCode: spec.QueryCode, Message: msg, Status: spec.Status, Receiver: spec.Receiver}
}

func lookup(code string, catalogues []Catalogue) (string, Spec, bool) {
	for _, c := range catalogues {
		if s, ok := c[code]; ok {
			return code, s, true
		}
	}
	for _, c := range catalogues {
		for name, s := range c {
			if s.QueryCode == code {
				return name, s, true
			}
		}
	}
	return code, Spec{}, false
}
