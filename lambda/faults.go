package lambda

import (
	"context"
	"time"

	"github.com/awsfake/awsfake/internal/faults"
)

// operations are the names of the Lambda operations the Go API implements,
// as AWS names them: what InjectFault and Calls use.
var operations = []string{
	"AddPermission", "CreateAlias", "CreateEventSourceMapping", "CreateFunction", "CreateFunctionUrlConfig",
	"DeleteAlias", "DeleteEventSourceMapping", "DeleteFunction", "DeleteFunctionConcurrency",
	"DeleteFunctionEventInvokeConfig", "DeleteFunctionUrlConfig", "DeleteLayerVersion",
	"DeleteProvisionedConcurrencyConfig", "GetAccountSettings", "GetAlias", "GetEventSourceMapping", "GetFunction",
	"GetFunctionConcurrency", "GetFunctionConfiguration", "GetFunctionEventInvokeConfig", "GetFunctionUrlConfig",
	"GetLayerVersion", "GetLayerVersionByArn", "GetPolicy", "GetProvisionedConcurrencyConfig", "Invoke",
	"InvokeAsync", "ListAliases", "ListEventSourceMappings", "ListFunctionEventInvokeConfigs",
	"ListFunctionUrlConfigs", "ListFunctions", "ListLayerVersions", "ListLayers",
	"ListProvisionedConcurrencyConfigs", "ListTags", "ListVersionsByFunction", "PublishLayerVersion",
	"PublishVersion", "PutFunctionConcurrency", "PutFunctionEventInvokeConfig", "PutProvisionedConcurrencyConfig",
	"RemovePermission", "TagResource", "UntagResource", "UpdateAlias", "UpdateEventSourceMapping",
	"UpdateFunctionCode", "UpdateFunctionConfiguration", "UpdateFunctionEventInvokeConfig",
	"UpdateFunctionUrlConfig",
}

// errorCatalogue holds every error of the Lambda model (the Smithy error
// and httpError traits in aws-sdk-go-v2/service/lambda/schemas): the
// status, and whether the fault is the service's ("Type": "Service") or the
// caller's ("Type": "User").
var errorCatalogue = faults.Specs{
	"AliasLimitExceededException":                               {Status: 400},
	"CallbackTimeoutException":                                  {Status: 400},
	"CapacityProviderLimitExceededException":                    {Status: 400},
	"CodeArtifactUserDeletedException":                          {Status: 409},
	"CodeArtifactUserFailedException":                           {Status: 409},
	"CodeArtifactUserPendingException":                          {Status: 409},
	"CodeSigningConfigNotFoundException":                        {Status: 404},
	"CodeStorageExceededException":                              {Status: 400},
	"CodeVerificationFailedException":                           {Status: 400},
	"DurableExecutionAlreadyStartedException":                   {Status: 409},
	"EC2AccessDeniedException":                                  {Status: 502, Receiver: true},
	"EC2ThrottledException":                                     {Status: 502, Receiver: true},
	"EC2UnexpectedException":                                    {Status: 502, Receiver: true},
	"EFSIOException":                                            {Status: 410},
	"EFSMountConnectivityException":                             {Status: 408},
	"EFSMountFailureException":                                  {Status: 403},
	"EFSMountTimeoutException":                                  {Status: 408},
	"ENILimitReachedException":                                  {Status: 502, Receiver: true},
	"ENINotReadyException":                                      {Status: 502, Receiver: true},
	"FunctionVersionsPerCapacityProviderLimitExceededException": {Status: 400},
	"InvalidCodeSignatureException":                             {Status: 400},
	"InvalidParameterValueException":                            {Status: 400},
	"InvalidRequestContentException":                            {Status: 400},
	"InvalidRuntimeException":                                   {Status: 502, Receiver: true},
	"InvalidSecurityGroupIDException":                           {Status: 502, Receiver: true},
	"InvalidSubnetIDException":                                  {Status: 502, Receiver: true},
	"InvalidZipFileException":                                   {Status: 502, Receiver: true},
	"KMSAccessDeniedException":                                  {Status: 502, Receiver: true},
	"KMSDisabledException":                                      {Status: 502, Receiver: true},
	"KMSInvalidStateException":                                  {Status: 502, Receiver: true},
	"KMSNotFoundException":                                      {Status: 502, Receiver: true},
	"ModeNotSupportedException":                                 {Status: 400},
	"NoPublishedVersionException":                               {Status: 400},
	"PolicyLengthExceededException":                             {Status: 400},
	"PreconditionFailedException":                               {Status: 412},
	"ProvisionedConcurrencyConfigNotFoundException":             {Status: 404},
	"PublicPolicyException":                                     {Status: 400},
	"RecursiveInvocationException":                              {Status: 400},
	"RequestTooLargeException":                                  {Status: 413},
	"ResourceConflictException":                                 {Status: 409},
	"ResourceInUseException":                                    {Status: 400},
	"ResourceNotFoundException":                                 {Status: 404},
	"ResourceNotReadyException":                                 {Status: 502, Receiver: true},
	"S3FilesMountConnectivityException":                         {Status: 408},
	"S3FilesMountFailureException":                              {Status: 403},
	"S3FilesMountTimeoutException":                              {Status: 408},
	"SerializedRequestEntityTooLargeException":                  {Status: 413},
	"ServiceException":                                          {Status: 500, Receiver: true},
	"ServiceQuotaExceededException":                             {Status: 402},
	"SnapStartException":                                        {Status: 400},
	"SnapStartNotReadyException":                                {Status: 409},
	"SnapStartRegenerationFailureException":                     {Status: 409},
	"SnapStartTimeoutException":                                 {Status: 408},
	"SubnetIPAddressLimitReachedException":                      {Status: 502, Receiver: true},
	"TooManyRequestsException":                                  {Status: 429, Message: "Rate Exceeded."},
	"UnsupportedMediaTypeException":                             {Status: 415},
	// Not modelled: the front end's validation error, and the service's
	// answer to a request over its size quota (limits.go).
	"ValidationException":            {Status: 400},
	"RequestEntityTooLargeException": {Status: 413},
}

// Call is one recorded call of an operation, through the wire or the Go
// API: its name, when it came on the cloud's clock, and the injected fault
// that failed it, if any.
type Call = faults.Call

// InjectFault makes the next times calls of operation (named as AWS names
// it: "Invoke", "CreateFunction") fail with the AWS error code before they
// touch any state; times <= 0 fails every call until ClearFaults. The error
// carries the status and fault side the Lambda model gives the code
// (ResourceNotFoundException 404, TooManyRequestsException 429,
// ServiceException 500, ResourceConflictException 409, ...), so that the
// SDK returns its typed error; AWS's common errors work too
// (ServiceUnavailable 503, ThrottlingException 400), and any other code is
// a 400 sender fault. The SDK retries 500, 502, 503, 504 and
// the throttling codes it knows (TooManyRequestsException,
// EC2ThrottledException, ThrottlingException), each retry consuming one
// failure. Faults queue per operation in the order injected. It panics on
// an unknown operation name.
//
// An injected Invoke fault is an API error, as when Lambda refuses an
// invocation; FailNextInvocations makes the function itself fail.
func (s *Service) InjectFault(operation, code string, times int) {
	e := faults.NewCatalogue("lambda", errorCatalogue).Injected(operation, code)
	side := "User"
	if e.Receiver {
		side = "Service"
	}
	e.Fields = map[string]string{"Type": side}
	s.faults.Inject(operation, e, times)
}

// ClearFaults removes every injected fault.
func (s *Service) ClearFaults() { s.faults.Clear() }

// Calls returns the calls of every operation so far, oldest first: all of
// them, or at least the last 10,000. Invocations by event sources, SNS and
// other services are not API calls and are not listed (see Invocations).
func (s *Service) Calls() []Call { return s.faults.Calls() }

// enter records a call of operation and returns the fault injected for it,
// if any.
func (s *Service) enter(operation string) error {
	_, err := s.faults.Enter(context.TODO(), operation, struct{}{})
	return err
}

// invocationFaults is the fault injection set on a function.
type invocationFaults struct {
	failNext int
	latency  time.Duration
}

// fault is what is injected into one invocation.
type fault struct {
	fail    bool
	latency time.Duration
}

func (f *invocationFaults) next() fault {
	out := fault{latency: f.latency}
	if f.failNext > 0 {
		f.failNext--
		out.fail = true
	}
	return out
}

// FailNextInvocations makes the next n invocations of a function (any
// version) fail as an unhandled function error, with the error document
// {"errorMessage":"awsfake: injected failure","errorType":"InjectedFailure"},
// without calling the handler. They run through the whole invocation path:
// logs, records, asynchronous retries and destinations.
func (s *Service) FailNextInvocations(_ context.Context, functionName string, n int) error {
	return s.withFaults(functionName, func(f *invocationFaults) { f.failNext = n })
}

// SetLatency makes every later invocation of a function wait d on the cloud's
// clock before its handler runs; the wait counts against the timeout, so a
// latency at or over the timeout makes invocations time out. Zero removes it.
func (s *Service) SetLatency(_ context.Context, functionName string, d time.Duration) error {
	return s.withFaults(functionName, func(f *invocationFaults) { f.latency = d })
}

func (s *Service) withFaults(functionName string, set func(*invocationFaults)) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	f, err := s.functionNamedLocked(functionName)
	if err != nil {
		return err
	}
	set(&f.faults)
	return nil
}

// faultOps is the operation set every cloud's injector shares.
var faultOps = faults.NewOperations("lambda", operations...)
