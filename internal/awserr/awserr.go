// Package awserr holds the one error type every engine returns: an AWS error
// code with its message, HTTP status and fault side. The wire layer renders it
// in each protocol's shape; Go callers match it through smithy.APIError, as
// they match errors of the real SDK.
package awserr

import (
	"errors"
	"fmt"
	"net/http"

	"github.com/aws/smithy-go"
)

// Error is an AWS service error.
type Error struct {
	// Code is the error's modelled name, as the SDK's typed error is named
	// (QueueDoesNotExist, ResourceNotFoundException, NoSuchKey).
	Code string
	// QueryCode is the legacy awsQuery code where it differs from Code
	// (AWS.SimpleQueueService.NonExistentQueue); empty means Code.
	QueryCode string
	// Message says what was wrong, in AWS's words where AWS has them.
	Message string
	// Status is the HTTP status AWS answers with.
	Status int
	// Receiver marks a server-side fault; the default is a sender fault.
	Receiver bool
	// Fields are extra members some errors carry (S3's BucketName, Key).
	Fields map[string]string
}

// New returns a sender-fault error with the given code, status and message.
func New(code string, status int, format string, args ...any) *Error {
	msg := format
	if len(args) > 0 {
		msg = fmt.Sprintf(format, args...)
	}
	return &Error{Code: code, Status: status, Message: msg}
}

// BadRequest returns a 400 sender-fault error.
func BadRequest(code, format string, args ...any) *Error {
	return New(code, http.StatusBadRequest, format, args...)
}

// WithQueryCode returns a copy of e whose awsQuery code is q.
func (e *Error) WithQueryCode(q string) *Error {
	c := *e
	c.QueryCode = q
	return &c
}

// Error implements error.
func (e *Error) Error() string { return e.Code + ": " + e.Message }

// ErrorCode returns the AWS error code, as smithy.APIError does.
func (e *Error) ErrorCode() string { return e.Code }

// ErrorMessage returns the message, as smithy.APIError does.
func (e *Error) ErrorMessage() string { return e.Message }

// ErrorFault returns smithy.FaultClient for a sender fault and
// smithy.FaultServer for a receiver fault, so that *Error is a
// smithy.APIError.
func (e *Error) ErrorFault() smithy.ErrorFault {
	if e.Receiver {
		return smithy.FaultServer
	}
	return smithy.FaultClient
}

// LegacyCode returns the awsQuery code: QueryCode, or Code when it is empty.
func (e *Error) LegacyCode() string {
	if e.QueryCode != "" {
		return e.QueryCode
	}
	return e.Code
}

// FaultName returns "Sender" or "Receiver", as the query protocol spells it.
func (e *Error) FaultName() string {
	if e.Receiver {
		return "Receiver"
	}
	return "Sender"
}

// As returns err as an *Error; anything else becomes a 500 InternalFailure
// that keeps its text, so no failure reaches the wire as a bare 500.
func As(err error) *Error {
	var e *Error
	if errors.As(err, &e) {
		return e
	}
	return &Error{Code: "InternalFailure", Status: http.StatusInternalServerError, Receiver: true,
		Message: "The request processing has failed because of an unknown error, exception or failure: " + err.Error()}
}

// Is reports whether err is an *Error with the given code.
func Is(err error, code string) bool {
	var e *Error
	return errors.As(err, &e) && e.Code == code
}
