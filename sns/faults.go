package sns

import (
	"context"
	"maps"
	"slices"

	"github.com/awsfake/awsfake/internal/faults"
)

// errorCatalogue holds every error of the SNS model (botocore's
// sns/2010-03-31/service-2.json: the awsQueryError code and
// httpStatusCode of each exception shape), by the code AWS answers with,
// which is what the SDK's typed errors report from ErrorCode().
var errorCatalogue = faults.Specs{
	"AuthorizationError":           {Status: 403},
	"BatchEntryIdsNotDistinct":     {Status: 400},
	"BatchRequestTooLong":          {Status: 400},
	"ConcurrentAccess":             {Status: 400},
	"EmptyBatchRequest":            {Status: 400},
	"EndpointDisabled":             {Status: 400},
	"FilterPolicyLimitExceeded":    {Status: 403},
	"InternalError":                {Status: 500, Receiver: true},
	"InvalidBatchEntryId":          {Status: 400},
	"InvalidParameter":             {Status: 400},
	"ParameterValueInvalid":        {Status: 400},
	"InvalidSecurity":              {Status: 403},
	"InvalidState":                 {Status: 400},
	"KMSAccessDenied":              {Status: 400},
	"KMSDisabled":                  {Status: 400},
	"KMSInvalidState":              {Status: 400},
	"KMSNotFound":                  {Status: 400},
	"KMSOptInRequired":             {Status: 403},
	"KMSThrottling":                {Status: 400},
	"NotFound":                     {Status: 404},
	"OptedOut":                     {Status: 400},
	"PlatformApplicationDisabled":  {Status: 400},
	"ReplayLimitExceeded":          {Status: 403},
	"ResourceNotFound":             {Status: 404},
	"StaleTag":                     {Status: 400},
	"SubscriptionLimitExceeded":    {Status: 403},
	"TagLimitExceeded":             {Status: 400},
	"TagPolicy":                    {Status: 400},
	"Throttled":                    {Status: 429},
	"TooManyEntriesInBatchRequest": {Status: 400},
	"TopicLimitExceeded":           {Status: 403},
	"UserError":                    {Status: 400},
	"ValidationException":          {Status: 400},
	"VerificationException":        {Status: 400},
	// Not modelled for SNS, answered by AWS's front end.
	"ValidationError": {Status: 400},
}

// Call is one recorded call of an operation, through the wire or the Go
// API: its name, when it came on the cloud's clock, and the injected fault
// that failed it, if any.
type Call = faults.Call

// InjectFault makes the next times calls of operation (named as AWS names
// it: "Publish") fail with the AWS error code before the engine looks at
// them; times <= 0 fails every call until ClearFaults. The error carries
// the status and fault side the SNS model gives the code (NotFound 404,
// InvalidParameter 400, AuthorizationError 403, Throttled 429,
// InternalError 500, ...), so that the SDK returns its typed error where
// the operation models the code; AWS's common errors work too (InternalFailure 500, ServiceUnavailable 503,
// ThrottlingException 400), and any other code is a 400 sender fault. The
// SDK retries 500, 502, 503, 504 and the throttling codes it knows
// (ThrottlingException, not Throttled), each retry consuming one failure.
// Faults queue per operation in the order injected. It panics on an
// unknown operation name.
func (s *Service) InjectFault(operation, code string, times int) {
	s.faults.Inject(operation, faults.NewCatalogue("sns", errorCatalogue).Injected(operation, code), times)
}

// ClearFaults removes every injected fault.
func (s *Service) ClearFaults() { s.faults.Clear() }

// Calls returns the calls of every operation so far, oldest first: all of
// them, or at least the last 10,000. Publishes that arrive over the bus
// (from S3, or another topic) are not API calls and are not listed.
func (s *Service) Calls() []Call { return s.faults.Calls() }

// enter records a call of operation and returns the fault injected for it,
// if any.
func (s *Service) enter(operation string) error {
	_, err := s.faults.Enter(context.TODO(), operation, struct{}{})
	return err
}

// faultOps is the operation set every cloud's injector shares: the
// operations the wire binding serves.
var faultOps = faults.NewOperations("sns", slices.Collect(maps.Keys(operations))...)
