package iam

import (
	"strconv"

	"github.com/awsfake/awsfake/internal/awserr"
	"github.com/awsfake/awsfake/internal/faults"
)

// Codes IAM raises (the error shapes of the IAM model, by the awsQuery code
// AWS answers with, and those IAM answers outside the model).
const (
	codeConcurrentModification = "ConcurrentModification"
	codeReportExpired          = "ReportExpired"
	codeReportNotPresent       = "ReportNotPresent"
	codeReportInProgress       = "ReportInProgress"
	codeDeleteConflict         = "DeleteConflict"
	codeEntityAlreadyExists    = "EntityAlreadyExists"
	codeInvalidInput           = "InvalidInput"
	codeLimitExceeded          = "LimitExceeded"
	codeMalformedPolicy        = "MalformedPolicyDocument"
	codeNoSuchEntity           = "NoSuchEntity"
	codePasswordPolicy         = "PasswordPolicyViolation"
	codePolicyNotAttachable    = "PolicyNotAttachable"
	codeUnmodifiableEntity     = "UnmodifiableEntity"
	codeValidationError        = "ValidationError"
	codeInvalidAction          = "InvalidAction"
	codeFeatureDisabled        = "FeatureDisabled"
	codeNotSupportedService    = "NotSupportedService"
	// codeAccessDenied is IAM's refusal of an unauthorised request
	// (awsfake.WithIAMEnforcement), outside the model: 403.
	codeAccessDenied = "AccessDenied"
)

// errs holds every error IAM answers with: the model's (botocore's
// iam/2010-05-08/service-2.json, the awsQueryError code and httpStatusCode
// of each exception shape) and those IAM answers outside it.
var errs = faults.NewCatalogue(arnService, faults.Specs{
	codeAccessDenied:                {Status: 403},
	codeConcurrentModification:      {Status: 409},
	codeReportExpired:               {Status: 410},
	codeReportNotPresent:            {Status: 410, Message: "Credential report not present."},
	codeReportInProgress:            {Status: 404},
	codeDeleteConflict:              {Status: 409},
	"DuplicateCertificate":          {Status: 409},
	"DuplicateSSHPublicKey":         {Status: 400},
	codeEntityAlreadyExists:         {Status: 409},
	"EntityTemporarilyUnmodifiable": {Status: 409},
	codeFeatureDisabled:             {Status: 404},
	"FeatureEnabled":                {Status: 409},
	"InvalidAuthenticationCode":     {Status: 403},
	"InvalidCertificate":            {Status: 400},
	codeInvalidInput:                {Status: 400},
	"InvalidPublicKey":              {Status: 400},
	"InvalidUserType":               {Status: 400},
	"KeyPairMismatch":               {Status: 400},
	codeLimitExceeded:               {Status: 409},
	"MalformedCertificate":          {Status: 400},
	codeMalformedPolicy:             {Status: 400},
	codeNoSuchEntity:                {Status: 404},
	"OpenIdIdpCommunicationError":   {Status: 400},
	codePasswordPolicy:              {Status: 400},
	"PolicyEvaluation":              {Status: 500, Receiver: true},
	codePolicyNotAttachable:         {Status: 400},
	"ReportGenerationLimitExceeded": {Status: 409},
	"ServiceFailure":                {Status: 500, Receiver: true},
	codeNotSupportedService:         {Status: 404},
	codeUnmodifiableEntity:          {Status: 400},
	"UnrecognizedPublicKeyEncoding": {Status: 400},
	"Throttling":                    {Status: 400, Message: "Rate exceeded"},
	codeValidationError:             {Status: 400},
	codeInvalidAction:               {Status: 400},
})

// validation is AWS's ValidationError for one member.
func validation(member, value, constraint string) *awserr.Error {
	return errs.New(codeValidationError,
		"1 validation error detected: Value '%s' at '%s' failed to satisfy constraint: %s", value, member, constraint)
}

// noSuch is NoSuchEntity in AWS's wording: "The role with name x cannot be
// found."
func noSuch(kind, name string) *awserr.Error {
	return errs.New(codeNoSuchEntity, "The %s with name %s cannot be found.", kind, name)
}

// exists is EntityAlreadyExists in AWS's wording.
func exists(kind, name string) *awserr.Error {
	return errs.New(codeEntityAlreadyExists, "%s with name %s already exists.", kind, name)
}

// invalid is InvalidInput with a message.
func invalid(format string, args ...any) *awserr.Error {
	return errs.New(codeInvalidInput, format, args...)
}

// limit is LimitExceeded with a message.
func limit(format string, args ...any) *awserr.Error {
	return errs.New(codeLimitExceeded, format, args...)
}

// malformed is MalformedPolicyDocument with a message.
func malformed(msg string) *awserr.Error {
	return errs.New(codeMalformedPolicy, "%s", msg)
}

func itoa(n int) string { return strconv.Itoa(n) }
