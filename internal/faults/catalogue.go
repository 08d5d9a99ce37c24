package faults

import (
	"fmt"
	"maps"
	"slices"

	"github.com/awsfake/awsfake/internal/awserr"
)

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
	// worth copying. An injected fault carries it.
	Message string
}

// Specs maps AWS error codes to what AWS answers with for them.
type Specs map[string]Spec

// Catalogue is one service's errors: every code the service raises, with
// its status, fault side, legacy code and usual message. The engine's error
// constructors and InjectFault both read it, so a code has one status
// wherever it comes from. It is built once per package and read-only after.
type Catalogue struct {
	service string
	specs   Specs
	byQuery map[string]string // legacy awsQuery code → code
}

// NewCatalogue returns the catalogue of service: its own specs over Common
// (a service's spec of a common code wins: Lambda's AccessDeniedException is
// 403, the generic one 400). A common code that a service's spec names as
// its legacy awsQuery code is that spec's (SQS's InvalidParameterValue is
// the legacy code of InvalidParameterValueException), so that injecting it
// gives the service's modelled error.
func NewCatalogue(service string, own Specs) *Catalogue {
	c := &Catalogue{service: service, specs: maps.Clone(Common), byQuery: map[string]string{}}
	for _, s := range own {
		if _, mine := own[s.QueryCode]; !mine {
			delete(c.specs, s.QueryCode)
		}
	}
	maps.Copy(c.specs, own)
	for code, s := range c.specs {
		if s.QueryCode != "" {
			c.byQuery[s.QueryCode] = code
		}
	}
	return c
}

// Service returns the name the catalogue was built for.
func (c *Catalogue) Service() string { return c.service }

// Has reports whether code, or a legacy awsQuery code, is in the catalogue.
func (c *Catalogue) Has(code string) bool {
	_, _, ok := c.lookup(code)
	return ok
}

// Spec returns what the catalogue says of code (or of a legacy code).
func (c *Catalogue) Spec(code string) (Spec, bool) {
	_, s, ok := c.lookup(code)
	return s, ok
}

// Codes returns every code of the catalogue, sorted.
func (c *Catalogue) Codes() []string { return slices.Sorted(maps.Keys(c.specs)) }

// New returns the error code with the message format (fmt-style when args
// are given). The code may be the modelled name or the legacy awsQuery code;
// the error carries the modelled name and the legacy one. A code the
// catalogue does not hold is a bug in the service (its catalogue test
// fails); it is answered as a 400 sender fault, as an unmodelled error is to
// the SDK.
func (c *Catalogue) New(code, format string, args ...any) *awserr.Error {
	msg := format
	if len(args) > 0 {
		msg = fmt.Sprintf(format, args...)
	}
	name, s, ok := c.lookup(code)
	if !ok {
		s = Spec{Status: 400}
	}
	return &awserr.Error{Code: name, QueryCode: s.QueryCode, Message: msg, Status: s.Status, Receiver: s.Receiver}
}

// Default returns the error code with the catalogue's usual message for it.
func (c *Catalogue) Default(code string) *awserr.Error {
	s, _ := c.Spec(code)
	return c.New(code, "%s", s.Message)
}

// Injected returns the error InjectFault makes op fail with: code as the
// catalogue describes it, with AWS's usual message or one saying that the
// fault was injected.
func (c *Catalogue) Injected(op, code string) *awserr.Error {
	s, _ := c.Spec(code)
	if s.Message != "" {
		return c.New(code, "%s", s.Message)
	}
	return c.New(code, "awsfake: injected %s fault for %s", code, op)
}

func (c *Catalogue) lookup(code string) (string, Spec, bool) {
	if s, ok := c.specs[code]; ok {
		return code, s, true
	}
	if name, ok := c.byQuery[code]; ok {
		return name, c.specs[name], true
	}
	return code, Spec{}, false
}

// Common holds the errors common to the API actions of all AWS services,
// with the statuses the API references give them ("Common Errors", e.g.
// https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/CommonErrors.html),
// and the codes the shared wire codecs raise for requests they cannot read
// (internal/protocol): every catalogue holds them.
var Common = Specs{
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
	// Raised by internal/protocol's codecs and routers.
	"SerializationException":    {Status: 400},
	"UnknownOperationException": {Status: 400},
	"RequestEntityTooLarge":     {Status: 413},
	"MalformedXML":              {Status: 400, Message: "The XML you provided was not well-formed or did not validate against our published schema"},
}
