package s3

import (
	"strconv"

	"github.com/awsfake/awsfake/internal/awserr"
	"github.com/awsfake/awsfake/internal/faults"
)

// The error codes S3 raises. Each is in errs with its status.
const (
	codeAccessDenied                          = "AccessDenied"
	codeAccessControlListNotSupported         = "AccessControlListNotSupported"
	codeInvalidBucketAclWithObjectOwnership   = "InvalidBucketAclWithObjectOwnership"
	codeInvalidTargetBucketForLogging         = "InvalidTargetBucketForLogging"
	codeMalformedACLError                     = "MalformedACLError"
	codeMissingSecurityHeader                 = "MissingSecurityHeader"
	codeNoSuchConfiguration                   = "NoSuchConfiguration"
	codeNoSuchPublicAccessBlockConfiguration  = "NoSuchPublicAccessBlockConfiguration"
	codeNoSuchWebsiteConfiguration            = "NoSuchWebsiteConfiguration"
	codeOwnershipControlsNotFoundError        = "OwnershipControlsNotFoundError"
	codeReplicationConfigurationNotFoundError = "ReplicationConfigurationNotFoundError"
	codeTooManyConfigurations                 = "TooManyConfigurations"
	codeInvalidEncryptionAlgorithmError       = "InvalidEncryptionAlgorithmError"
	codeUnexpectedContent                     = "UnexpectedContent"
	codeUnresolvableGrantByEmailAddress       = "UnresolvableGrantByEmailAddress"
	codeAccessForbidden                       = "AccessForbidden"
	codeBadDigest                             = "BadDigest"
	codeBadRequest                            = "BadRequest"
	codeBucketAlreadyOwnedByYou               = "BucketAlreadyOwnedByYou"
	codeAuthorizationHeaderMalformed          = "AuthorizationHeaderMalformed"
	codePermanentRedirect                     = "PermanentRedirect"
	codeBucketAlreadyExists                   = "BucketAlreadyExists"
	codeBucketNotEmpty                        = "BucketNotEmpty"
	codeEntityTooLarge                        = "EntityTooLarge"
	codeEntityTooSmall                        = "EntityTooSmall"
	codeIllegalLocationConstraint             = "IllegalLocationConstraintException"
	codeIncompleteBody                        = "IncompleteBody"
	codeInvalidArgument                       = "InvalidArgument"
	codeInvalidBucketName                     = "InvalidBucketName"
	codeInvalidDigest                         = "InvalidDigest"
	codeInvalidLocationConstraint             = "InvalidLocationConstraint"
	codeInvalidObjectState                    = "InvalidObjectState"
	codeInvalidPart                           = "InvalidPart"
	codeInvalidPartNumber                     = "InvalidPartNumber"
	codeInvalidPartOrder                      = "InvalidPartOrder"
	codeInvalidRange                          = "InvalidRange"
	codeInvalidRequest                        = "InvalidRequest"
	codeInvalidStorageClass                   = "InvalidStorageClass"
	codeInvalidTag                            = "InvalidTag"
	codeInvalidURI                            = "InvalidURI"
	codeKeyTooLongError                       = "KeyTooLongError"
	codeMalformedPOSTRequest                  = "MalformedPOSTRequest"
	codeMalformedPolicy                       = "MalformedPolicy"
	codeMalformedXML                          = "MalformedXML"
	codeMaxMessageLengthExceeded              = "MaxMessageLengthExceeded"
	codeMaxPostPreDataLengthExceeded          = "MaxPostPreDataLengthExceeded"
	codeMetadataTooLarge                      = "MetadataTooLarge"
	codeMethodNotAllowed                      = "MethodNotAllowed"
	codeNoSuchBucket                          = "NoSuchBucket"
	codeNoSuchBucketPolicy                    = "NoSuchBucketPolicy"
	codeNoSuchCORSConfiguration               = "NoSuchCORSConfiguration"
	codeNoSuchKey                             = "NoSuchKey"
	codeNoSuchTagSet                          = "NoSuchTagSet"
	codeNoSuchUpload                          = "NoSuchUpload"
	codeNoSuchVersion                         = "NoSuchVersion"
	codeNotImplemented                        = "NotImplemented"
	codeNotModified                           = "NotModified"
	codePolicyTooLarge                        = "PolicyTooLarge"
	codePreconditionFailed                    = "PreconditionFailed"
	codeTooManyBuckets                        = "TooManyBuckets"
	codeXAmzContentSHA256Mismatch             = "XAmzContentSHA256Mismatch"
	codeInvalidBucketState                    = "InvalidBucketState"
	codeNoSuchLifecycleConfiguration          = "NoSuchLifecycleConfiguration"
	codeNoSuchObjectLockConfiguration         = "NoSuchObjectLockConfiguration"
	codeObjectLockConfigurationNotFound       = "ObjectLockConfigurationNotFoundError"
	codeRestoreAlreadyInProgress              = "RestoreAlreadyInProgress"
)

// errs is S3's error catalogue: every code the package raises, and those a
// test may inject, with the HTTP status and usual message of "List of error
// codes" in the S3 API reference
// (https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html#ErrorCodeList)
// and the error shapes of the S3 model; the 5xx codes are server faults.
// The engine's errors and InjectFault both read it, so a code has one
// status wherever it comes from. Where the list gives no status the source
// is noted.
var errs = faults.NewCatalogue(arnService, faults.Specs{
	"AccessDenied":                          {Status: 403, Message: "Access Denied"},
	"AuthorizationHeaderMalformed":          {Status: 400, Message: "The authorization header is malformed."},          // 400 in AWS's recording (shared/aws-recordings, s3 test_create_bucket_aws_global)
	"AccessForbidden":                       {Status: 403, Message: "CORSResponse: This CORS request is not allowed."}, // not in the list: 403 in AWS's recordings (shared/aws-recordings, s3 test_s3_cors)
	"AccessControlListNotSupported":         {Status: 400, Message: "The bucket does not allow ACLs"},
	"InvalidBucketAclWithObjectOwnership":   {Status: 400, Message: "Bucket cannot have ACLs set with ObjectOwnership's BucketOwnerEnforced setting"},
	"InvalidTargetBucketForLogging":         {Status: 400, Message: "The target bucket for logging does not exist, is not owned by you, or does not have the appropriate grants for the log-delivery group."},
	"MalformedACLError":                     {Status: 400, Message: "The XML you provided was not well-formed or did not validate against our published schema"}, // 400 in AWS's recordings (s3 test_s3_bucket_acl_exceptions)
	"MissingSecurityHeader":                 {Status: 400, Message: "Your request was missing a required header"},
	"NoSuchConfiguration":                   {Status: 404, Message: "The specified configuration does not exist."},         // 404 in AWS's recordings (s3 test_s3_analytics_configurations)
	"NoSuchPublicAccessBlockConfiguration":  {Status: 404, Message: "The public access block configuration was not found"}, // 404 in AWS's recordings (s3 test_crud_public_access_block)
	"NoSuchWebsiteConfiguration":            {Status: 404, Message: "The specified bucket does not have a website configuration"},
	"OwnershipControlsNotFoundError":        {Status: 404, Message: "The bucket ownership controls were not found"}, // 404 in AWS's recordings (s3 test_crud_bucket_ownership_controls)
	"ReplicationConfigurationNotFoundError": {Status: 404, Message: "The replication configuration was not found"},
	"TooManyConfigurations":                 {Status: 400, Message: "You are attempting to create a new configuration but have already reached the 1,000-configuration limit."},
	"UnresolvableGrantByEmailAddress":       {Status: 400, Message: "The e-mail address you provided does not match any account on record."},
	"InvalidEncryptionAlgorithmError":       {Status: 400, Message: "The Encryption request you specified is not valid. Supported value: AES256."}, // 400 in AWS's recordings (s3 test_put_object_validation_sse_c)
	"UnexpectedContent":                     {Status: 400, Message: "This request does not support content"},
	"AccountProblem":                        {Status: 403, Message: "There is a problem with your AWS account that prevents the operation from completing successfully."},
	"AllAccessDisabled":                     {Status: 403, Message: "All access to this Amazon S3 resource has been disabled."},
	"PermanentRedirect":                     {Status: 301, Message: "The bucket you are attempting to access must be addressed using the specified endpoint. Please send all future requests to this endpoint."},
	"BadDigest":                             {Status: 400, Message: "The Content-MD5 you specified did not match what we received."},
	"BadRequest":                            {Status: 400, Message: "Bad Request"}, // not in the list: 400 in AWS's recordings (shared/aws-recordings, s3 test_s3_cors)
	"BucketAlreadyExists":                   {Status: 409, Message: "The requested bucket name is not available. The bucket namespace is shared by all users of the system. Please select a different name and try again."},
	"BucketAlreadyOwnedByYou":               {Status: 409, Message: "Your previous request to create the named bucket succeeded and you already own it."},
	"BucketNotEmpty":                        {Status: 409, Message: "The bucket you tried to delete is not empty"},
	"EntityTooLarge":                        {Status: 400, Message: "Your proposed upload exceeds the maximum allowed object size."},
	"EntityTooSmall":                        {Status: 400, Message: "Your proposed upload is smaller than the minimum allowed object size."},
	"ExpiredToken":                          {Status: 400, Message: "The provided token has expired."},
	"IllegalLocationConstraintException":    {Status: 400, Message: "The unspecified location constraint is incompatible for the region specific endpoint this request was sent to."},
	"IncompleteBody":                        {Status: 400, Message: "You did not provide the number of bytes specified by the Content-Length HTTP header."},
	"InternalError":                         {Status: 500, Receiver: true, Message: "We encountered an internal error. Please try again."},
	"InvalidAccessKeyId":                    {Status: 403, Message: "The AWS Access Key Id you provided does not exist in our records."},
	"InvalidArgument":                       {Status: 400, Message: "Invalid Argument"},
	"InvalidBucketName":                     {Status: 400, Message: "The specified bucket is not valid."},
	"InvalidDigest":                         {Status: 400, Message: "The Content-MD5 you specified is not valid."},
	"InvalidLocationConstraint":             {Status: 400, Message: "The specified location-constraint is not valid"},
	"InvalidObjectState":                    {Status: 403, Message: "The operation is not valid for the object's storage class"},
	"InvalidPart":                           {Status: 400, Message: "One or more of the specified parts could not be found. The part may not have been uploaded, or the specified entity tag may not match the part's entity tag."},
	"InvalidPartNumber":                     {Status: 416, Message: "The requested partnumber is not satisfiable"}, // not in the list: 416 in AWS's recordings (s3 test_s3)
	"InvalidPartOrder":                      {Status: 400, Message: "The list of parts was not in ascending order. Parts must be ordered by part number."},
	"InvalidRange":                          {Status: 416, Message: "The requested range is not satisfiable"},
	"InvalidRequest":                        {Status: 400, Message: "Invalid Request"},
	"InvalidStorageClass":                   {Status: 400, Message: "The storage class you specified is not valid."},
	"InvalidTag":                            {Status: 400, Message: "The tag provided was not a valid tag."}, // the list; 400 in AWS's recordings (s3 test_s3_api)
	"InvalidToken":                          {Status: 400, Message: "The provided token is malformed or otherwise invalid."},
	"InvalidURI":                            {Status: 400, Message: "Couldn't parse the specified URI."},
	"KeyTooLongError":                       {Status: 400, Message: "Your key is too long."},
	"MalformedPOSTRequest":                  {Status: 400, Message: "The body of your POST request is not well-formed multipart/form-data."},
	"MalformedPolicy":                       {Status: 400, Message: "Policies must be valid JSON and the first byte must be '{'"},
	"MalformedXML":                          {Status: 400, Message: "The XML you provided was not well-formed or did not validate against our published schema"},
	"MaxMessageLengthExceeded":              {Status: 400, Message: "Your request was too big."},
	"MaxPostPreDataLengthExceeded":          {Status: 400, Message: "Your POST request fields preceding the upload file were too large."},
	"MetadataTooLarge":                      {Status: 400, Message: "Your metadata headers exceed the maximum allowed metadata size."},
	"MethodNotAllowed":                      {Status: 405, Message: "The specified method is not allowed against this resource."},
	"MissingContentLength":                  {Status: 411, Message: "You must provide the Content-Length HTTP header."},
	"NoSuchBucket":                          {Status: 404, Message: "The specified bucket does not exist"},
	"NoSuchBucketPolicy":                    {Status: 404, Message: "The bucket policy does not exist"},
	"NoSuchCORSConfiguration":               {Status: 404, Message: "The CORS configuration does not exist"},
	"NoSuchKey":                             {Status: 404, Message: "The specified key does not exist."},
	"NoSuchTagSet":                          {Status: 404, Message: "The TagSet does not exist"},
	"NoSuchUpload":                          {Status: 404, Message: "The specified upload does not exist. The upload ID may be invalid, or the upload may have been aborted or completed."},
	"NoSuchVersion":                         {Status: 404, Message: "The specified version does not exist."},
	"NotImplemented":                        {Status: 501, Receiver: true, Message: "A header you provided implies functionality that is not implemented"},
	"NotModified":                           {Status: 304, Message: "Not Modified"},                                      // a failed If-None-Match / If-Modified-Since: HTTP's 304 (GetObject, RFC 9110 §15.4.5), sent without a body
	"PolicyTooLarge":                        {Status: 400, Message: "Policy exceeds the maximum allowed document size."}, // not in the list: 400, as PutBucketPolicy's page says of a policy over 20 KB
	"PreconditionFailed":                    {Status: 412, Message: "At least one of the pre-conditions you specified did not hold"},
	"RequestTimeout":                        {Status: 400, Message: "Your socket connection to the server was not read from or written to within the timeout period."},
	"RequestTimeTooSkewed":                  {Status: 403, Message: "The difference between the request time and the current time is too large."},
	"ServiceUnavailable":                    {Status: 503, Receiver: true, Message: "Service is unable to handle request."},
	"SignatureDoesNotMatch":                 {Status: 403, Message: "The request signature we calculated does not match the signature you provided. Check your key and signing method."},
	"SlowDown":                              {Status: 503, Receiver: true, Message: "Please reduce your request rate."},
	"TooManyBuckets":                        {Status: 400, Message: "You have attempted to create more buckets than allowed"},
	"TooManyParts":                          {Status: 400, Message: "You have attempted to add more parts than the maximum of 10000 that are allowed for this object."},
	"XAmzContentSHA256Mismatch":             {Status: 400, Message: "The provided 'x-amz-content-sha256' header does not match what was computed."},
	"InvalidBucketState":                    {Status: 409, Message: "The request is not valid with the current state of the bucket."},
	"NoSuchLifecycleConfiguration":          {Status: 404, Message: "The lifecycle configuration does not exist"},
	"NoSuchObjectLockConfiguration":         {Status: 404, Message: "The specified object does not have a ObjectLock configuration"},
	"ObjectLockConfigurationNotFoundError":  {Status: 404, Message: "Object Lock configuration does not exist for this bucket"},
	"RestoreAlreadyInProgress":              {Status: 409, Message: "Object restore is already in progress"},
})

// withFields returns e carrying the extra elements S3 adds to its error
// document, given as name, value pairs.
func withFields(e *awserr.Error, kv ...string) *awserr.Error {
	e.Fields = make(map[string]string, len(kv)/2)
	for i := 0; i+1 < len(kv); i += 2 {
		e.Fields[kv[i]] = kv[i+1]
	}
	return e
}

func noSuchBucket(name string) *awserr.Error {
	return withFields(errs.New(codeNoSuchBucket, "The specified bucket does not exist"), "BucketName", name)
}

func noSuchKey(key string) *awserr.Error {
	return withFields(errs.New(codeNoSuchKey, "The specified key does not exist."), "Key", key)
}

func noSuchUpload(id string) *awserr.Error {
	return withFields(errs.New(codeNoSuchUpload,
		"The specified upload does not exist. The upload ID may be invalid, or the upload may have been aborted or completed."),
		"UploadId", id)
}

// invalidArgument is S3's InvalidArgument naming the argument at fault.
func invalidArgument(name, value, message string) *awserr.Error {
	return withFields(errs.New(codeInvalidArgument, "%s", message), "ArgumentName", name, "ArgumentValue", value)
}

func invalidBucketName(name string) *awserr.Error {
	return withFields(errs.New(codeInvalidBucketName, "The specified bucket is not valid."), "BucketName", name)
}

func entityTooLarge(size, limit int64) *awserr.Error {
	return withFields(errs.New(codeEntityTooLarge, "Your proposed upload exceeds the maximum allowed size"),
		"ProposedSize", strconv.FormatInt(size, 10), "MaxSizeAllowed", strconv.FormatInt(limit, 10))
}

func invalidPart(uploadID string, cp CompletedPart) *awserr.Error {
	return withFields(errs.New(codeInvalidPart,
		"One or more of the specified parts could not be found.  The part may not have been uploaded, or the specified entity tag may not match the part's entity tag."),
		"UploadId", uploadID, "PartNumber", strconv.Itoa(cp.PartNumber), "ETag", cp.ETag)
}

func preconditionFailed(condition string) *awserr.Error {
	return withFields(errs.New(codePreconditionFailed, "At least one of the pre-conditions you specified did not hold"),
		"Condition", condition)
}

func malformedXML() *awserr.Error { return errs.Default(codeMalformedXML) }

func notImplementedError() *awserr.Error { return errs.Default(codeNotImplemented) }

func policyTooLarge() error { return errs.Default(codePolicyTooLarge) }

func invalidURI() error { return errs.Default(codeInvalidURI) }

func incompleteBody() error {
	return errs.New(codeIncompleteBody, "You did not provide the number of bytes specified by the Content-Length HTTP header")
}

func badChecksum(alg string) *awserr.Error {
	return errs.New(codeBadDigest, "The %s you specified did not match the calculated checksum.", alg)
}

func malformedPost(why string) error {
	return errs.New(codeMalformedPOSTRequest, "The body of your POST request is not well-formed multipart/form-data (%s).", why)
}
