package sts

import (
	"context"

	"github.com/awsfake/awsfake/internal/faults"
)

// operations are the names of the STS operations the service serves, as
// AWS names them: what InjectFault and Calls use.
var operations = []string{"AssumeRole", "GetCallerIdentity", "GetSessionToken"}

// errorCatalogue holds the errors of the STS model (botocore's
// sts/2011-06-15/service-2.json: the awsQueryError code and
// httpStatusCode of each exception shape), by the code AWS answers with,
// plus those STS answers outside the model.
var errorCatalogue = faults.Specs{
	"ExpiredTokenException":                          {Status: 400},
	"ExpiredTradeInTokenException":                   {Status: 400},
	"IDPCommunicationError":                          {Status: 400},
	"IDPRejectedClaim":                               {Status: 403},
	"InvalidAuthorizationMessageException":           {Status: 400},
	"InvalidIdentityToken":                           {Status: 400},
	"JWTPayloadSizeExceededException":                {Status: 400},
	"MalformedPolicyDocument":                        {Status: 400},
	"OutboundWebIdentityFederationDisabledException": {Status: 403},
	"PackedPolicyTooLarge":                           {Status: 400},
	"RegionDisabledException":                        {Status: 403},
	"SessionDurationEscalationException":             {Status: 403},
	// Not modelled: what STS answers for a caller not allowed to assume a
	// role, an expired or invalid signature, and throttling.
	"AccessDenied":          {Status: 403},
	"ExpiredToken":          {Status: 403, Message: "The security token included in the request is expired"},
	"SignatureDoesNotMatch": {Status: 403},
	"Throttling":            {Status: 400, Message: "Rate exceeded"},
}

// Call is one recorded call of an operation, through the wire or the Go
// API: its name, when it came on the cloud's clock, and the injected fault
// that failed it, if any.
type Call = faults.Call

// InjectFault makes the next times calls of operation (named as AWS names
// it: "AssumeRole") fail with the AWS error code before the service looks
// at them; times <= 0 fails every call until ClearFaults. The error
// carries the status and fault side STS gives the code
// (RegionDisabledException 403, MalformedPolicyDocument 400, AccessDenied
// 403, ExpiredToken 403, Throttling 400, ...), so that the SDK returns its
// typed error where the operation models one; AWS's common errors work too
// (InternalFailure 500, ServiceUnavailable 503), and any other code is a
// 400 sender fault. The SDK retries 500, 502, 503, 504 and the
// throttling codes it knows (Throttling, ThrottlingException), each retry
// consuming one failure. Faults queue per operation in the order injected.
// It panics on an unknown operation name.
func (s *Service) InjectFault(operation, code string, times int) {
	s.faults.Inject(operation, faults.NewCatalogue("sts", errorCatalogue).Injected(operation, code), times)
}

// ClearFaults removes every injected fault.
func (s *Service) ClearFaults() { s.faults.Clear() }

// Calls returns the calls of every operation so far, oldest first: all of
// them, or at least the last 10,000.
func (s *Service) Calls() []Call { return s.faults.Calls() }

// enter records a call of operation and returns the fault injected for it,
// if any.
func (s *Service) enter(operation string) error {
	_, err := s.faults.Enter(context.TODO(), operation, struct{}{})
	return err
}

// faultOps is the operation set every cloud's injector shares.
var faultOps = faults.NewOperations("sts", operations...)
