package eventbridge

import (
	"github.com/awsfake/awsfake/internal/awserr"
	"github.com/awsfake/awsfake/internal/faults"
)

// Error codes EventBridge answers with (service/eventbridge/types/errors.go).
// Over AWS JSON 1.1 every client error is a 400, InternalException a 500.
const (
	codeResourceNotFound     = "ResourceNotFoundException"
	codeResourceExists       = "ResourceAlreadyExistsException"
	codeValidation           = "ValidationException"
	codeInvalidEventPattern  = "InvalidEventPatternException"
	codeLimitExceeded        = "LimitExceededException"
	codeConcurrentModify     = "ConcurrentModificationException"
	codeManagedRule          = "ManagedRuleException"
	codeIllegalStatus        = "IllegalStatusException"
	codeInvalidState         = "InvalidStateException"
	codeOperationDisabled    = "OperationDisabledException"
	codePolicyLengthExceeded = "PolicyLengthExceededException"
	codeInternal             = "InternalException"
)

// errs is EventBridge's catalogue. Scheduler's, whose statuses differ for
// the same codes (its ResourceNotFoundException is a 404), is schedErrs.
var errs = faults.NewCatalogue(arnService, faults.Specs{
	codeResourceNotFound:     {Status: 400},
	codeResourceExists:       {Status: 400},
	codeValidation:           {Status: 400},
	codeInvalidEventPattern:  {Status: 400},
	codeLimitExceeded:        {Status: 400},
	codeConcurrentModify:     {Status: 400},
	codeManagedRule:          {Status: 400},
	codeIllegalStatus:        {Status: 400},
	codeInvalidState:         {Status: 400},
	codeOperationDisabled:    {Status: 400},
	codePolicyLengthExceeded: {Status: 400},
	"AccessDeniedException":  {Status: 400},
	"ThrottlingException":    {Status: 400},
	codeInternal:             {Status: 500, Receiver: true},
})

// Scheduler's error codes (service/scheduler/types/errors.go), with the
// statuses of its restJson1 model.
const (
	schedConflict   = "ConflictException"
	schedQuota      = "ServiceQuotaExceededException"
	schedInternal   = "InternalServerException"
	schedThrottling = "ThrottlingException"
)

// schedErrs is Scheduler's catalogue.
var schedErrs = faults.NewCatalogue(arnScheduler, faults.Specs{
	codeResourceNotFound: {Status: 404},
	codeValidation:       {Status: 400},
	schedConflict:        {Status: 409},
	schedQuota:           {Status: 402},
	schedThrottling:      {Status: 429},
	schedInternal:        {Status: 500, Receiver: true},
})

// newError is an EventBridge error from the catalogue.
func newError(code, format string, args ...any) *awserr.Error {
	return errs.New(code, format, args...)
}

// schedError is a Scheduler error from its catalogue. (Its parameter is
// not named code: servicetest.RaisedCodes reads such functions as raising
// EventBridge's codes; the served test checks Scheduler's on its own.)
func schedError(c, format string, args ...any) *awserr.Error {
	return schedErrs.New(c, format, args...)
}

// schedCodes are the codes Scheduler raises.
var schedCodes = []string{codeResourceNotFound, codeValidation, schedConflict, schedQuota, schedThrottling, schedInternal}

func errNoBus(name string) error {
	return newError(codeResourceNotFound, "Event bus %s does not exist.", name)
}

func errNoRule(name, bus string) error {
	return newError(codeResourceNotFound, "Rule %s does not exist on EventBus %s.", name, bus)
}

func errValidation(format string, args ...any) error {
	return newError(codeValidation, format, args...)
}

// errConstraint is AWS's one-constraint validation message.
func errConstraint(value any, member, constraint string) error {
	return newError(codeValidation, "1 validation error detected: Value '%v' at '%s' failed to satisfy constraint: %s", value, member, constraint)
}
