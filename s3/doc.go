// Package s3 fakes Amazon S3: buckets and objects held in memory, served
// over S3's REST-XML protocol to the real SDK clients and the AWS CLI, and
// a source of bucket event notifications for SQS, SNS and Lambda.
//
// # Quick start
//
//	cloud := awsfake.NewT(t)
//	client := s3.NewFromConfig(cloud.AWSConfig()) // the SDK's s3 package
//	client.CreateBucket(ctx, &s3.CreateBucketInput{Bucket: aws.String("photos")})
//	client.PutObject(ctx, &s3.PutObjectInput{Bucket: aws.String("photos"),
//		Key: aws.String("cat.jpg"), Body: strings.NewReader("meow")})
//	cloud.S3().CheckObject(t, "photos", "cat.jpg", []byte("meow"))
//
// The in-memory endpoint http://awsfake.localhost makes the SDK address
// buckets virtual-hosted style (photos.awsfake.localhost); UsePathStyle
// gives path style. Both are served, as are bucket.s3.amazonaws.com,
// bucket.s3.<region>.amazonaws.com and bucket.localhost hosts.
//
// # Regions, accounts and partitions
//
// Any syntactically valid region name is accepted (as LocalStack does).
// Buckets live, as in AWS, in one global namespace per partition (aws,
// aws-cn for cn-* regions, aws-us-gov for us-gov-*), each with the region
// it was created in and its owner account, both from the caller's scope
// (the SigV4 credential scope and the access key, see the root package):
// CreateBucket by another account of a name taken answers
// BucketAlreadyExists, by the owner BucketAlreadyOwnedByYou (or 200 in
// us-east-1); ListBuckets lists the caller's own, with BucketRegion;
// GetBucketLocation answers the region (empty for us-east-1) from any
// region; HeadBucket carries x-amz-bucket-region. Any other request signed
// for another region than the bucket's, HeadBucket included, gets what AWS
// answers: virtual-hosted,
// 400 AuthorizationHeaderMalformed with <Region>; path style, 301
// PermanentRedirect with <Endpoint>; both with x-amz-bucket-region, without
// a body on HEAD. aws-sdk-go-v2 returns these errors
// (manager.GetBucketRegion finds the region); botocore follows them.
// Notification destinations in another region than the bucket's are
// refused, as S3 refuses them. Test helpers take a bucket name of the
// cloud's partition or a bucket ARN (arn:aws-cn:s3:::name) naming its
// partition; Buckets lists every partition's.
//
// # What is implemented
//
//   - Buckets: CreateBucket (AWS's naming rules and location constraints),
//     HeadBucket, DeleteBucket, ListBuckets (paged), GetBucketLocation,
//     Put/GetBucketVersioning, Put/Get/DeleteBucketTagging,
//     Put/Get/DeleteBucketPolicy (stored, validated, not enforced) and
//     Put/Get/DeleteBucketCors, whose rules answer CORS: PreflightRequest
//     (OPTIONS on a bucket or object, unsigned) is 200 with the
//     Access-Control-* headers of the first matching rule or S3's
//     BadRequest / AccessForbidden, and a request carrying an Origin a rule
//     allows gets the same headers.
//   - Objects: PutObject, GetObject, HeadObject (ranges, part numbers,
//     If-Match / If-None-Match / If-Modified-Since / If-Unmodified-Since,
//     response-* overrides), DeleteObject, DeleteObjects, CopyObject
//     (metadata and tagging directives, copy-source conditions, STANDARD
//     unless a storage class is given, a version copied onto its own key to
//     restore it), browser form POST uploads, object tagging (S3's tag
//     rules: no aws: prefix, the allowed characters, at most 10), user
//     metadata (sent back with lower-case x-amz-meta-* names, as S3 sends
//     them) and content headers,
//     conditional writes (If-None-Match: *, If-Match) and deletes
//     (DeleteObject If-Match and DeleteObjects ETags, evaluated against the
//     current version; a key without one is NoSuchKey).
//   - Versioning: version ids, delete markers (a read or tagging call on
//     one is 405 MethodNotAllowed with Allow: DELETE), the "null" version
//     of suspended buckets, ListObjectVersions.
//   - Listings: ListObjectsV2 (prefix, delimiter, continuation tokens,
//     start-after, fetch-owner, encoding-type=url), ListObjects, every page
//     O(log n + page size): keys live in an ordered index.
//   - Multipart uploads: CreateMultipartUpload, UploadPart, UploadPartCopy,
//     ListParts (max-parts and part-number-marker checked as S3 checks
//     them), ListMultipartUploads, CompleteMultipartUpload (InvalidPart,
//     InvalidPartOrder, EntityTooSmall; completing a completed upload again
//     answers the same completion while the version it made is stored),
//     AbortMultipartUpload; the SDK's upload manager and downloader work.
//   - Integrity: Content-MD5; CRC32, CRC32C, CRC64NVME, SHA1 and SHA256
//     checksums in headers or aws-chunked trailers, verified, stored and
//     returned with x-amz-checksum-mode: ENABLED (never on ranges);
//     composite and full-object checksums of multipart objects; ETags as S3
//     computes them (MD5, or MD5 of the part MD5s with "-N").
//   - Lifecycle: Put/Get/DeleteBucketLifecycle(Configuration) (boto3's
//     legacy put/get_bucket_lifecycle share the sub-resource and are
//     recorded under the Configuration names), validated
//     as S3 does (1 to 1000 rules with unique IDs, a Filter or the legacy
//     Prefix, one filter condition or And, one of Days, Date and
//     ExpiredObjectDeleteMarker, Dates at midnight GMT, S3's
//     MalformedXML, InvalidArgument and InvalidRequest messages), with
//     TransitionDefaultMinimumObjectSize; applied on the cloud's clock as
//     S3 does: days are added to the creation time (a noncurrent version's:
//     the time it became noncurrent; an upload's: its initiation) and
//     rounded up to the next midnight UTC, a Date acts on its day and a
//     past Date at the next midnight. Current versions expire (deleted, or
//     a delete marker on top in a versioned bucket), noncurrent versions
//     expire past NewerNoncurrentVersions, lone expired delete markers are
//     removed, incomplete uploads are aborted, and transitions change the
//     storage class (down S3's waterfall; under the default
//     all_storage_classes_128K objects under 128 KiB only with a rule's
//     ObjectSizeGreaterThan); filters by prefix, tags and sizes.
//     PutObject, CopyObject, CompleteMultipartUpload, GetObject and
//     HeadObject (without a version id) carry
//     x-amz-expiration: expiry-date="...", rule-id="..." of the earliest
//     expiring rule; LifecycleExpiration:Delete,
//     LifecycleExpiration:DeleteMarkerCreated and LifecycleTransition
//     events are sent, naming s3.amazonaws.com. Cost: each bucket with a
//     configuration has one job on the cloud scheduler, at the next
//     midnight something is due; a write looks at its own key's versions
//     to move the job earlier, and a run (or a configuration change)
//     walks the bucket once, so nothing runs while nothing is due.
//   - Object Lock: CreateBucket with ObjectLockEnabledForBucket (which
//     turns versioning on; a locked bucket's versioning cannot be
//     suspended), Put/GetObjectLockConfiguration (on a versioned bucket,
//     with a GOVERNANCE or COMPLIANCE default retention of Days or Years
//     given to new versions), Put/GetObjectRetention and
//     Put/GetObjectLegalHold (of a version), the x-amz-object-lock-*
//     headers of PutObject (validated as S3 does, a Content-MD5 or
//     checksum required with them), CopyObject (the source's lock is not
//     copied) and CreateMultipartUpload, and GetObject/HeadObject
//     reporting them. Deleting a version under a legal hold, a COMPLIANCE retention
//     or a GOVERNANCE one without x-amz-bypass-governance-retention is
//     AccessDenied ("Access Denied because object protected by object
//     lock."), in DeleteObject and per key in DeleteObjects, until the
//     retention ends on the cloud's clock; a retention in force is only
//     extended or strengthened without the bypass, a COMPLIANCE one never
//     weakened. A delete without a version id puts a delete marker on top,
//     as S3 does; lifecycle leaves locked versions until their retention
//     ends.
//   - RestoreObject of GLACIER and DEEP_ARCHIVE versions (GetObject of
//     an archived version is InvalidObjectState): the restore completes on
//     the cloud's clock after its tier's time, the upper end of the range
//     S3 documents (GLACIER Expedited 5 minutes, Standard 5 hours, Bulk 12
//     hours; DEEP_ARCHIVE Standard 12 hours, Bulk 48 hours), then the copy
//     is readable until the midnight UTC after Days from completion;
//     x-amz-restore reports ongoing-request="true", then
//     ongoing-request="false", expiry-date="..."; a request during a
//     restore is RestoreAlreadyInProgress (409), one on a restored copy
//     resets its period (200); ObjectRestore:Post, :Completed and :Delete
//     events. Each restore under way is one job on the cloud scheduler.
//   - Notifications: Put/GetBucketNotificationConfiguration with queue,
//     topic and Lambda configurations, event types and prefix/suffix
//     filters, validated as S3 does (FIFO queues refused; a FIFO topic fails
//     the test event); an s3:TestEvent to each queue and topic when
//     configured; ObjectCreated, ObjectRemoved and ObjectTagging events
//     posted through the cloud's bus in S3's event message format (version
//     2.1, URL-encoded keys, sequencers).
//   - Bucket configurations, stored and read back (a fresh bucket's
//     answers are below):
//     Put/Get/DeleteBucketEncryption (one rule: SSE-S3, SSE-KMS or
//     DSSE-KMS with its key id and bucket key), Put/Get/DeletePublicAccessBlock,
//     Put/Get/DeleteBucketOwnershipControls (and x-amz-object-ownership on
//     CreateBucket), GetBucketPolicyStatus (public: an Allow to "*"
//     without a condition), Put/GetBucketAccelerateConfiguration (Enabled
//     or Suspended, no dotted bucket), Put/GetBucketRequestPayment
//     (Requester or BucketOwner), Put/Get/DeleteBucketWebsite (index and
//     error documents, redirects, routing rules), Put/Get/DeleteBucketReplication
//     (versioning Enabled required), Put/GetBucketLogging (the target
//     bucket must exist), and the analytics, metrics, inventory and
//     intelligent-tiering configurations by id (Put, Get, Delete, List;
//     in the Go API one method per verb, PutBucketConfig and its kin,
//     naming the kind).
//     Replication, logging and the by-id configurations are kept as the
//     XML document sent (namespaces normalised) and returned as is. None
//     has effect (nothing is replicated, logged, analysed or tiered) but
//     the metrics configurations: requests served over the wire to a
//     bucket with one publish AWS/S3 request metrics by BucketName and
//     FilterId (metrics.go says which and how filters match).
//   - ACLs under Object Ownership: Put/GetBucketAcl, Put/GetObjectAcl, and
//     x-amz-acl or x-amz-grant-* on CreateBucket, PutObject, CopyObject
//     and CreateMultipartUpload; canned ACLs expand to S3's grants. Under
//     BucketOwnerEnforced (every new bucket's) only an ACL equal to the
//     owner's FULL_CONTROL is accepted (private, bucket-owner-full-control
//     or the grant itself), else AccessControlListNotSupported
//     (InvalidBucketAclWithObjectOwnership on CreateBucket); under
//     ObjectWriter or BucketOwnerPreferred ACLs are stored and returned.
//     Grants are checked as S3 checks them (canonical ids, group URIs,
//     permissions, canned names, not both canned and grants, a body or
//     headers but not both); ACLs are not enforced.
//   - Encryption: every object reports how it is stored, by the bucket's
//     default encryption unless its request names one:
//     x-amz-server-side-encryption AES256, aws:kms or aws:kms:dsse with
//     -aws-kms-key-id (reported as the key's ARN; none names the account's
//     AWS managed key), -context (base64 JSON) and -bucket-key-enabled,
//     echoed on Put, Get, Head, Copy and multipart answers. SSE-C keys
//     (AES256, a 32-byte base64 key, its MD5) are checked on writes and
//     required, the same, to read (GetObject, HeadObject,
//     GetObjectAttributes), copy from (x-amz-copy-source-server-side-
//     encryption-customer-*) or upload parts to the object, as S3
//     answers. Data is kept as sent: nothing is encrypted.
//   - Website endpoint: a request to bucket.s3-website-<region>.amazonaws.com
//     or bucket.s3-website.<region>.amazonaws.com (unsigned, GET or HEAD;
//     other methods 405) is served by the bucket's website configuration:
//     RedirectAllRequestsTo, routing rules by key prefix and by error code,
//     the index document for a key ending in "/" (a 302 to key/ when only
//     key/index exists), x-amz-website-redirect-location, the error
//     document with a 404, and S3's HTML error pages (NoSuchBucket,
//     NoSuchWebsiteConfiguration, NoSuchKey). Objects need no public-read
//     grant, as nothing is enforced. On a socket the cloud must allow
//     those host names (awsfake.WithAllowedHosts(".amazonaws.com")).
//   - GetObjectAttributes: ETag (unquoted), Checksum, ObjectParts
//     (TotalPartsCount), StorageClass and ObjectSize, as
//     x-amz-object-attributes asks.
//   - Test helpers: Buckets, Objects, Object and Versions snapshots;
//     CheckObject, CheckNoObject and CheckNoUploads; Notifications (every
//     event and test event sent); InjectFault (the next calls of an
//     operation fail with an S3 error code, with the status and message
//     S3 gives it, the same as when the fake raises it), InjectLatency (the
//     calls of an operation wait on the cloud clock until the test advances
//     it), ClearFaults, and Calls (every call with the bucket and key it
//     named, the last 10,000 at least: no bodies, so bounded by count
//     alone); Notifications keeps the newest events, at most 10,000 and
//     within the cloud's record byte budget (awsfake.WithRecordBytes, each
//     counting its JSON document); SetMaxObjectSize.
//
// # What a fresh bucket answers
//
// As S3 answers since 2023 (one test per row, each citing its recording
// in shared/aws-recordings):
//
//	| operation on a fresh bucket      | answer                                                    |
//	|----------------------------------|-----------------------------------------------------------|
//	| GetBucketEncryption              | SSE-S3 (AES256), BucketKeyEnabled false; so again after DeleteBucketEncryption |
//	| GetPublicAccessBlock             | all four settings true; NoSuchPublicAccessBlockConfiguration (404) once deleted |
//	| GetBucketOwnershipControls       | BucketOwnerEnforced; OwnershipControlsNotFoundError (404) once deleted |
//	| GetBucketAcl                     | the owner's FULL_CONTROL                                  |
//	| GetBucketPolicy, GetBucketPolicyStatus | NoSuchBucketPolicy (404)                            |
//	| GetBucketWebsite                 | NoSuchWebsiteConfiguration (404)                          |
//	| GetBucketReplication             | ReplicationConfigurationNotFoundError (404)               |
//	| GetBucketTagging / GetBucketCors | NoSuchTagSet / NoSuchCORSConfiguration (404)              |
//	| GetBucketLogging                 | an empty BucketLoggingStatus (logging off)                |
//	| GetBucketRequestPayment          | Payer BucketOwner                                         |
//	| GetBucketAccelerateConfiguration | no Status                                                 |
//	| Get...Analytics/Metrics/Inventory/IntelligentTiering | NoSuchConfiguration (404); List answers none |
//
// # Where the fake differs from AWS
//
//   - Objects live in memory. A request body is limited to MaxObjectSize
//     (DefaultMaxObjectSize, 1 GiB, settable up to AWS's 5 GiB); larger ones
//     get EntityTooLarge.
//   - ACLs are not enforced; bucket policies and IAM policies only with
//     awsfake.WithIAMEnforcement (see IAM enforcement). Unsigned
//     requests are served whatever the bucket's region. Lambda destinations of a
//     notification configuration are not validated (S3 checks the function's
//     policy). With EventBridge on (EventBridgeConfiguration), the object events
//     go to the default event bus of the bucket's account and region in
//     EventBridge's shape (events_eventbridge.go).
//   - max-parts=0 and max-uploads=0 are served as the default page of 1000
//     rather than an empty page (ListObjects, ListObjectsV2 and
//     ListObjectVersions answer max-keys=0 with nothing, not truncated, as
//     S3 does).
//   - Sub-resources the fake does not serve answer 501 NotImplemented,
//     whatever the method; see below.
//   - Objects are stored as sent whatever encryption they report; no KMS
//     key is looked up (a key id S3 would refuse as unknown is accepted).
//   - GetObjectAttributes answers ObjectParts with TotalPartsCount only,
//     never the part list S3 gives for objects uploaded with part
//     checksums (max-parts and part-number-marker are not read).
//   - Canned ACLs aws-exec-read, bucket-owner-read and
//     bucket-owner-full-control grant the owner FULL_CONTROL alone: the
//     writer is the bucket owner in the fake. An e-mail grantee is
//     UnresolvableGrantByEmailAddress (no account has an address).
//   - SelectObjectContent answers 405 MethodNotAllowed, what accounts that
//     are not S3 Select customers get: "Amazon S3 Select is no longer
//     available to new customers" (S3 User Guide); the error itself is not
//     in S3's documentation and is taken from reports of such accounts.
//   - x-amz-id-2 repeats the request id; event records name the caller by
//     "AWS:" and its access key id, and the bucket owner by the account id.
//   - Lifecycle acts at the due midnight exactly; S3 runs it
//     asynchronously, usually within the day. When two
//     transitions of a version fall due the same day only the first is
//     taken; the next run takes the other.
//   - s3:ObjectAcl:Put is accepted in notification configurations and
//     never sent: ACLs are not served.
//   - RestoreObject takes Days restores only (no SELECT restores); the
//     Expedited tier on DEEP_ARCHIVE, which S3 does not offer, is
//     InvalidArgument; restore events carry no glacierEventData.
//   - A completed multipart upload is assembled in memory at once, and
//     CompleteMultipartUpload never answers 200 with an error document as S3
//     may after a long assembly.
//
// # Operations answered NotImplemented
//
// Every operation of the S3 API is bound in the wire table, so each is
// recorded by Calls and takes InjectFault and InjectLatency; these answer
// 501 NotImplemented, S3's error for functionality it does not provide
// (wire_unsupported.go):
//
//   - Bucket configurations: Get/PutBucketAbac.
//   - Objects: GetObjectTorrent, RenameObject, UpdateObjectEncryption, and
//     object annotations (Get/Put/DeleteObjectAnnotation,
//     ListObjectAnnotations).
//   - S3 Metadata: Create/Get/DeleteBucketMetadataConfiguration,
//     Create/Get/DeleteBucketMetadataTableConfiguration,
//     UpdateBucketMetadataAnnotationTableConfiguration,
//     UpdateBucketMetadataInventoryTableConfiguration,
//     UpdateBucketMetadataJournalTableConfiguration.
//   - Directory buckets and S3 Object Lambda: CreateSession,
//     ListDirectoryBuckets, WriteGetObjectResponse.
//
// # IAM enforcement
//
// With awsfake.WithIAMEnforcement, every request is authorised before the
// service serves it, by the action table (Actions, in wire_authz.go: AWS's
// permission per operation, such as s3:ListBucket for ListObjectsV2 and
// s3:PutObject for the multipart uploads; a copy also asks s3:GetObject on
// its source; DeleteObjects asks s3:DeleteObject on bucket/*, not on each
// key) against the caller's policies and the bucket policy, the bucket
// owner's account deciding what is cross-account; an unsigned request is
// anonymous, allowed by the bucket policy alone; a refusal is AccessDenied
// (403), the resource's ARN in quotes as S3 writes it with AWS's message
// ("User: arn:... is not authorized to perform: ACTION on resource: ARN
// because no identity-based policy allows the ACTION action"). Off by
// default: nothing is authorised.
//
// # Plumbing for the root package
//
// IAM enforcement (awsfake.WithIAMEnforcement) calls Actions, Authorization and AccessDenied.
//
// What only package awsfake calls: New (the service of a cloud), Describe
// (what the cloud wires: the signing name, the ARN service and ServeHTTP as
// the handler; S3 has no bus endpoint and nothing to close) and ServeHTTP
// (the REST-XML binding the cloud's transport routes S3 requests to).
package s3
