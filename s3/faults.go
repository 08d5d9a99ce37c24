package s3

import (
	"context"
	"time"

	"github.com/awsfake/awsfake/internal/faults"
)

// operations are the names of the operations the service serves, as AWS
// names them: what InjectFault and Calls use. PostObject is the browser
// form upload (POST to the bucket).
var operations = []string{
	"AbortMultipartUpload", "CompleteMultipartUpload", "CopyObject", "CreateBucket", "CreateMultipartUpload",
	"DeleteBucket", "DeleteBucketCors", "DeleteBucketPolicy", "DeleteBucketTagging", "DeleteObject",
	"DeleteObjectTagging", "DeleteObjects", "GetBucketCors", "GetBucketLocation",
	"GetBucketNotificationConfiguration", "GetBucketPolicy", "GetBucketTagging", "GetBucketVersioning",
	"GetObject", "GetObjectTagging", "HeadBucket", "HeadObject", "ListBuckets", "ListMultipartUploads",
	"ListObjectVersions", "ListObjects", "ListObjectsV2", "ListParts", "PostObject", "PutBucketCors",
	"PutBucketNotificationConfiguration", "PutBucketPolicy", "PutBucketTagging", "PutBucketVersioning",
	"PutObject", "PutObjectTagging", "UploadPart", "UploadPartCopy",
}

// errorCatalogue holds S3's error codes with their HTTP statuses and
// messages, from "List of error codes" of the S3 API reference
// (https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html#ErrorCodeList)
// and the error shapes of the S3 model. The 5xx codes are server faults.
var errorCatalogue = faults.Specs{
	"AccessDenied":            {Status: 403, Message: "Access Denied"},
	"AccountProblem":          {Status: 403, Message: "There is a problem with your AWS account that prevents the operation from completing successfully."},
	"AllAccessDisabled":       {Status: 403, Message: "All access to this Amazon S3 resource has been disabled."},
	"BadDigest":               {Status: 400, Message: "The Content-MD5 you specified did not match what we received."},
	"BucketAlreadyExists":     {Status: 409, Message: "The requested bucket name is not available. The bucket namespace is shared by all users of the system. Please select a different name and try again."},
	"BucketAlreadyOwnedByYou": {Status: 409, Message: "Your previous request to create the named bucket succeeded and you already own it."},
	"BucketNotEmpty":          {Status: 409, Message: "The bucket you tried to delete is not empty"},
	"EntityTooLarge":          {Status: 400, Message: "Your proposed upload exceeds the maximum allowed object size."},
	"EntityTooSmall":          {Status: 400, Message: "Your proposed upload is smaller than the minimum allowed object size."},
	"ExpiredToken":            {Status: 400, Message: "The provided token has expired."},
	"IncompleteBody":          {Status: 400, Message: "You did not provide the number of bytes specified by the Content-Length HTTP header."},
	"InternalError":           {Status: 500, Receiver: true, Message: "We encountered an internal error. Please try again."},
	"InvalidAccessKeyId":      {Status: 403, Message: "The AWS Access Key Id you provided does not exist in our records."},
	"InvalidArgument":         {Status: 400, Message: "Invalid Argument"},
	"InvalidBucketName":       {Status: 400, Message: "The specified bucket is not valid."},
	"InvalidDigest":           {Status: 400, Message: "The Content-MD5 you specified is not valid."},
	"InvalidObjectState":      {Status: 403, Message: "The operation is not valid for the object's storage class"},
	"InvalidPart":             {Status: 400, Message: "One or more of the specified parts could not be found. The part may not have been uploaded, or the specified entity tag may not match the part's entity tag."},
	"InvalidPartOrder":        {Status: 400, Message: "The list of parts was not in ascending order. Parts must be ordered by part number."},
	"InvalidRange":            {Status: 416, Message: "The requested range is not satisfiable"},
	"InvalidRequest":          {Status: 400, Message: "Invalid Request"},
	"InvalidToken":            {Status: 400, Message: "The provided token is malformed or otherwise invalid."},
	"KeyTooLongError":         {Status: 400, Message: "Your key is too long"},
	"MalformedXML":            {Status: 400, Message: "The XML you provided was not well-formed or did not validate against our published schema"},
	"MethodNotAllowed":        {Status: 405, Message: "The specified method is not allowed against this resource."},
	"MissingContentLength":    {Status: 411, Message: "You must provide the Content-Length HTTP header."},
	"NoSuchBucket":            {Status: 404, Message: "The specified bucket does not exist"},
	"NoSuchBucketPolicy":      {Status: 404, Message: "The bucket policy does not exist"},
	"NoSuchKey":               {Status: 404, Message: "The specified key does not exist."},
	"NoSuchUpload":            {Status: 404, Message: "The specified upload does not exist. The upload ID may be invalid, or the upload may have been aborted or completed."},
	"NoSuchVersion":           {Status: 404, Message: "The specified version does not exist."},
	"NotImplemented":          {Status: 501, Receiver: true, Message: "A header you provided implies functionality that is not implemented"},
	"PreconditionFailed":      {Status: 412, Message: "At least one of the pre-conditions you specified did not hold"},
	"RequestTimeout":          {Status: 400, Message: "Your socket connection to the server was not read from or written to within the timeout period."},
	"RequestTimeTooSkewed":    {Status: 403, Message: "The difference between the request time and the current time is too large."},
	"ServiceUnavailable":      {Status: 503, Receiver: true, Message: "Service is unable to handle request."},
	"SignatureDoesNotMatch":   {Status: 403, Message: "The request signature we calculated does not match the signature you provided. Check your key and signing method."},
	"SlowDown":                {Status: 503, Receiver: true, Message: "Please reduce your request rate."},
	"TooManyBuckets":          {Status: 400, Message: "You have attempted to create more buckets than allowed"},
	"TooManyParts":            {Status: 400, Message: "You have attempted to add more parts than the maximum of 10000 that are allowed for this object."},
}

// Call is one operation the service was asked to run, through the wire or
// the Go API, recorded for assertions.
type Call struct {
	Operation string // AWS operation name: PutObject, ListObjectsV2, ...
	Bucket    string // as the call named it; empty for ListBuckets
	Key       string // as the call named it; empty for bucket operations
	At        time.Time
	// Err is the injected fault that failed the call, or nil when the call
	// ran (its outcome is not recorded).
	Err error
}

// callTarget is what a call named, recorded beside it.
type callTarget struct{ bucket, key string }

// InjectFault makes the next times calls of operation (named as AWS names
// it: "PutObject") fail with the S3 error code before they touch any
// state; times <= 0 fails every call until ClearFaults. The error carries
// the status, fault side and message S3 gives the code (NoSuchKey 404,
// NoSuchBucket 404, AccessDenied 403, SlowDown 503, InternalError 500,
// ServiceUnavailable 503, ...); any other code is a 400 sender fault. The
// SDK retries 500, 502, 503, 504, SlowDown and RequestTimeout, each retry
// consuming one failure. Faults queue per operation in the order injected.
// It panics on an unknown operation name.
func (s *Service) InjectFault(operation, code string, times int) {
	s.faults.Inject(operation, faults.NewCatalogue("s3", errorCatalogue).Injected(operation, code), times)
}

// ClearFaults removes every injected fault.
func (s *Service) ClearFaults() { s.faults.Clear() }

// Calls returns the operations called so far, oldest first: all of them,
// or at least the last 10,000.
func (s *Service) Calls() []Call {
	entries := s.faults.Entries()
	out := make([]Call, len(entries))
	for i, e := range entries {
		out[i] = Call{Operation: e.Operation, Bucket: e.Detail.bucket, Key: e.Detail.key, At: e.At, Err: e.Err}
	}
	return out
}

// enter records a call of op and returns the fault injected for it, if any,
// or the context's error.
func (s *Service) enter(ctx context.Context, op, bucket, key string) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	_, err := s.faults.Enter(ctx, op, callTarget{bucket: bucket, key: key})
	return err
}

// faultOps is the operation set every cloud's injector shares.
var faultOps = faults.NewOperations("s3", operations...)
