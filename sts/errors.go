package sts

import (
	"strconv"

	"github.com/awsfake/awsfake/internal/awserr"
	"github.com/awsfake/awsfake/internal/faults"
)

// Codes STS raises (the error shapes of the STS model, by the code AWS
// answers with, and those STS answers outside the model).
const (
	codeAccessDenied           = "AccessDenied"
	codeExpiredToken           = "ExpiredToken"
	codeExpiredTokenException  = "ExpiredTokenException"
	codeExpiredTradeInToken    = "ExpiredTradeInTokenException"
	codeInvalidAuthMessage     = "InvalidAuthorizationMessageException"
	codeInvalidIdentityToken   = "InvalidIdentityToken"
	codeMalformedPolicy        = "MalformedPolicyDocument"
	codePackedPolicyTooLarge   = "PackedPolicyTooLarge"
	codeOutboundFederationOff  = "OutboundWebIdentityFederationDisabledException"
	codeValidationError        = "ValidationError"
	codeJWTPayloadSizeExceeded = "JWTPayloadSizeExceededException"
	codeInvalidAction          = "InvalidAction"
)

// errs holds every error STS answers with: the model's (botocore's
// sts/2011-06-15/service-2.json, the awsQueryError code and httpStatusCode
// of each exception shape) and those STS answers outside it.
var errs = faults.NewCatalogue(arnService, faults.Specs{
	codeExpiredTokenException:            {Status: 400, Message: "Token has expired."},
	codeExpiredTradeInToken:              {Status: 400, Message: "The trade-in token has expired or is not valid."},
	"IDPCommunicationError":              {Status: 400},
	"IDPRejectedClaim":                   {Status: 403},
	codeInvalidAuthMessage:               {Status: 400},
	codeInvalidIdentityToken:             {Status: 400},
	codeJWTPayloadSizeExceeded:           {Status: 400},
	codeMalformedPolicy:                  {Status: 400},
	codeOutboundFederationOff:            {Status: 403},
	codePackedPolicyTooLarge:             {Status: 400},
	"RegionDisabledException":            {Status: 403},
	"SessionDurationEscalationException": {Status: 403},
	codeAccessDenied:                     {Status: 403},
	codeExpiredToken:                     {Status: 403, Message: "The security token included in the request is expired"},
	"SignatureDoesNotMatch":              {Status: 403},
	"Throttling":                         {Status: 400, Message: "Rate exceeded"},
	codeValidationError:                  {Status: 400},
	codeInvalidAction:                    {Status: 400},
})

// validation is AWS's ValidationError for one member.
func validation(member, value, constraint string) *awserr.Error {
	return errs.New(codeValidationError,
		"1 validation error detected: Value '%s' at '%s' failed to satisfy constraint: %s", value, member, constraint)
}

func itoa(n int) string { return strconv.Itoa(n) }
