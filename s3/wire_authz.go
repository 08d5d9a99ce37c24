package s3

import (
	"net/http"
	"net/url"
	"strings"

	"github.com/awsfake/awsfake/internal/authz"
	"github.com/awsfake/awsfake/internal/faults"
	"github.com/awsfake/awsfake/internal/policy"
)

// Resource types of S3's action table.
const (
	onBucket = "bucket"
	onObject = "object"
)

var (
	tagKeys    = []string{"aws:RequestTag/${TagKey}", "aws:TagKeys"}
	objectKeys = []string{"s3:RequestObjectTag/<key>", "s3:RequestObjectTagKeys", "s3:x-amz-acl", "s3:x-amz-server-side-encryption"}
	bucketKeys = []string{"aws:RequestTag/${TagKey}", "aws:TagKeys", "s3:LocationConstraint", "s3:x-amz-acl"}
)

// actionTable is S3's IAM action table, one row per operation, from the
// Service Authorization Reference ("Actions, resources, and condition keys
// for Amazon S3") and the S3 User Guide's "Required permissions for Amazon
// S3 API operations": the multipart, copy and post uploads are
// s3:PutObject (a copy also s3:GetObject on its source), HeadObject and
// SelectObjectContent s3:GetObject, the object listings and HeadBucket
// s3:ListBucket, the deletes of a bucket setting the setting's Put action
// (DeleteBucketCors is s3:PutBucketCORS). ListBuckets acts on no resource.
// A CORS preflight needs no permission (it has no action).
var actionTable = authz.Table{
	"AbortMultipartUpload":                             {Action: "s3:AbortMultipartUpload", Resource: onObject},
	"CompleteMultipartUpload":                          {Action: "s3:PutObject", Resource: onObject},
	"CopyObject":                                       {Action: "s3:PutObject", Resource: onObject, Keys: objectKeys},
	"CreateBucket":                                     {Action: "s3:CreateBucket", Resource: onBucket, Keys: bucketKeys},
	"CreateBucketMetadataConfiguration":                {Action: "s3:CreateBucketMetadataTableConfiguration", Resource: onBucket},
	"CreateBucketMetadataTableConfiguration":           {Action: "s3:CreateBucketMetadataTableConfiguration", Resource: onBucket},
	"CreateMultipartUpload":                            {Action: "s3:PutObject", Resource: onObject, Keys: objectKeys},
	"CreateSession":                                    {Action: "s3express:CreateSession"},
	"DeleteBucket":                                     {Action: "s3:DeleteBucket", Resource: onBucket},
	"DeleteBucketAnalyticsConfiguration":               {Action: "s3:PutAnalyticsConfiguration", Resource: onBucket},
	"DeleteBucketCors":                                 {Action: "s3:PutBucketCORS", Resource: onBucket},
	"DeleteBucketEncryption":                           {Action: "s3:PutEncryptionConfiguration", Resource: onBucket},
	"DeleteBucketIntelligentTieringConfiguration":      {Action: "s3:PutIntelligentTieringConfiguration", Resource: onBucket},
	"DeleteBucketInventoryConfiguration":               {Action: "s3:PutInventoryConfiguration", Resource: onBucket},
	"DeleteBucketLifecycle":                            {Action: "s3:PutLifecycleConfiguration", Resource: onBucket},
	"DeleteBucketMetadataConfiguration":                {Action: "s3:DeleteBucketMetadataTableConfiguration", Resource: onBucket},
	"DeleteBucketMetadataTableConfiguration":           {Action: "s3:DeleteBucketMetadataTableConfiguration", Resource: onBucket},
	"DeleteBucketMetricsConfiguration":                 {Action: "s3:PutMetricsConfiguration", Resource: onBucket},
	"DeleteBucketOwnershipControls":                    {Action: "s3:PutBucketOwnershipControls", Resource: onBucket},
	"DeleteBucketPolicy":                               {Action: "s3:DeleteBucketPolicy", Resource: onBucket},
	"DeleteBucketReplication":                          {Action: "s3:PutReplicationConfiguration", Resource: onBucket},
	"DeleteBucketTagging":                              {Action: "s3:PutBucketTagging", Resource: onBucket},
	"DeleteBucketWebsite":                              {Action: "s3:DeleteBucketWebsite", Resource: onBucket},
	"DeleteObject":                                     {Action: "s3:DeleteObject", Resource: onObject},
	"DeleteObjectAnnotation":                           {Action: "s3:DeleteObjectAnnotation", Resource: onObject},
	"DeleteObjectTagging":                              {Action: "s3:DeleteObjectTagging", Resource: onObject},
	"DeleteObjects":                                    {Action: "s3:DeleteObject", Resource: onObject},
	"DeletePublicAccessBlock":                          {Action: "s3:PutBucketPublicAccessBlock", Resource: onBucket},
	"GetBucketAbac":                                    {Action: "s3:GetBucketAbac", Resource: onBucket},
	"GetBucketAccelerateConfiguration":                 {Action: "s3:GetAccelerateConfiguration", Resource: onBucket},
	"GetBucketAcl":                                     {Action: "s3:GetBucketAcl", Resource: onBucket},
	"GetBucketAnalyticsConfiguration":                  {Action: "s3:GetAnalyticsConfiguration", Resource: onBucket},
	"GetBucketCors":                                    {Action: "s3:GetBucketCORS", Resource: onBucket},
	"GetBucketEncryption":                              {Action: "s3:GetEncryptionConfiguration", Resource: onBucket},
	"GetBucketIntelligentTieringConfiguration":         {Action: "s3:GetIntelligentTieringConfiguration", Resource: onBucket},
	"GetBucketInventoryConfiguration":                  {Action: "s3:GetInventoryConfiguration", Resource: onBucket},
	"GetBucketLifecycleConfiguration":                  {Action: "s3:GetLifecycleConfiguration", Resource: onBucket},
	"GetBucketLocation":                                {Action: "s3:GetBucketLocation", Resource: onBucket},
	"GetBucketLogging":                                 {Action: "s3:GetBucketLogging", Resource: onBucket},
	"GetBucketMetadataConfiguration":                   {Action: "s3:GetBucketMetadataTableConfiguration", Resource: onBucket},
	"GetBucketMetadataTableConfiguration":              {Action: "s3:GetBucketMetadataTableConfiguration", Resource: onBucket},
	"GetBucketMetricsConfiguration":                    {Action: "s3:GetMetricsConfiguration", Resource: onBucket},
	"GetBucketNotificationConfiguration":               {Action: "s3:GetBucketNotification", Resource: onBucket},
	"GetBucketOwnershipControls":                       {Action: "s3:GetBucketOwnershipControls", Resource: onBucket},
	"GetBucketPolicy":                                  {Action: "s3:GetBucketPolicy", Resource: onBucket},
	"GetBucketPolicyStatus":                            {Action: "s3:GetBucketPolicyStatus", Resource: onBucket},
	"GetBucketReplication":                             {Action: "s3:GetReplicationConfiguration", Resource: onBucket},
	"GetBucketRequestPayment":                          {Action: "s3:GetBucketRequestPayment", Resource: onBucket},
	"GetBucketTagging":                                 {Action: "s3:GetBucketTagging", Resource: onBucket},
	"GetBucketVersioning":                              {Action: "s3:GetBucketVersioning", Resource: onBucket},
	"GetBucketWebsite":                                 {Action: "s3:GetBucketWebsite", Resource: onBucket},
	"GetObject":                                        {Action: "s3:GetObject", Resource: onObject},
	"GetObjectAcl":                                     {Action: "s3:GetObjectAcl", Resource: onObject},
	"GetObjectAnnotation":                              {Action: "s3:GetObjectAnnotation", Resource: onObject},
	"GetObjectAttributes":                              {Action: "s3:GetObjectAttributes", Resource: onObject},
	"GetObjectLegalHold":                               {Action: "s3:GetObjectLegalHold", Resource: onObject},
	"GetObjectLockConfiguration":                       {Action: "s3:GetBucketObjectLockConfiguration", Resource: onBucket},
	"GetObjectRetention":                               {Action: "s3:GetObjectRetention", Resource: onObject},
	"GetObjectTagging":                                 {Action: "s3:GetObjectTagging", Resource: onObject},
	"GetObjectTorrent":                                 {Action: "s3:GetObjectTorrent", Resource: onObject},
	"GetPublicAccessBlock":                             {Action: "s3:GetBucketPublicAccessBlock", Resource: onBucket},
	"HeadBucket":                                       {Action: "s3:ListBucket", Resource: onBucket},
	"HeadObject":                                       {Action: "s3:GetObject", Resource: onObject},
	"ListBucketAnalyticsConfigurations":                {Action: "s3:GetAnalyticsConfiguration", Resource: onBucket},
	"ListBucketIntelligentTieringConfigurations":       {Action: "s3:GetIntelligentTieringConfiguration", Resource: onBucket},
	"ListBucketInventoryConfigurations":                {Action: "s3:GetInventoryConfiguration", Resource: onBucket},
	"ListBucketMetricsConfigurations":                  {Action: "s3:GetMetricsConfiguration", Resource: onBucket},
	"ListBuckets":                                      {Action: "s3:ListAllMyBuckets"},
	"ListDirectoryBuckets":                             {Action: "s3express:ListAllMyDirectoryBuckets"},
	"ListMultipartUploads":                             {Action: "s3:ListBucketMultipartUploads", Resource: onBucket},
	"ListObjectAnnotations":                            {Action: "s3:ListObjectAnnotations", Resource: onBucket},
	"ListObjectVersions":                               {Action: "s3:ListBucketVersions", Resource: onBucket},
	"ListObjects":                                      {Action: "s3:ListBucket", Resource: onBucket},
	"ListObjectsV2":                                    {Action: "s3:ListBucket", Resource: onBucket},
	"ListParts":                                        {Action: "s3:ListMultipartUploadParts", Resource: onObject},
	"PostObject":                                       {Action: "s3:PutObject", Resource: onObject},
	"PreflightRequest":                                 {},
	"PutBucketAbac":                                    {Action: "s3:PutBucketAbac", Resource: onBucket},
	"PutBucketAccelerateConfiguration":                 {Action: "s3:PutAccelerateConfiguration", Resource: onBucket},
	"PutBucketAcl":                                     {Action: "s3:PutBucketAcl", Resource: onBucket},
	"PutBucketAnalyticsConfiguration":                  {Action: "s3:PutAnalyticsConfiguration", Resource: onBucket},
	"PutBucketCors":                                    {Action: "s3:PutBucketCORS", Resource: onBucket},
	"PutBucketEncryption":                              {Action: "s3:PutEncryptionConfiguration", Resource: onBucket},
	"PutBucketIntelligentTieringConfiguration":         {Action: "s3:PutIntelligentTieringConfiguration", Resource: onBucket},
	"PutBucketInventoryConfiguration":                  {Action: "s3:PutInventoryConfiguration", Resource: onBucket},
	"PutBucketLifecycleConfiguration":                  {Action: "s3:PutLifecycleConfiguration", Resource: onBucket},
	"PutBucketLogging":                                 {Action: "s3:PutBucketLogging", Resource: onBucket},
	"PutBucketMetricsConfiguration":                    {Action: "s3:PutMetricsConfiguration", Resource: onBucket},
	"PutBucketNotificationConfiguration":               {Action: "s3:PutBucketNotification", Resource: onBucket},
	"PutBucketOwnershipControls":                       {Action: "s3:PutBucketOwnershipControls", Resource: onBucket},
	"PutBucketPolicy":                                  {Action: "s3:PutBucketPolicy", Resource: onBucket},
	"PutBucketReplication":                             {Action: "s3:PutReplicationConfiguration", Resource: onBucket},
	"PutBucketRequestPayment":                          {Action: "s3:PutBucketRequestPayment", Resource: onBucket},
	"PutBucketTagging":                                 {Action: "s3:PutBucketTagging", Resource: onBucket, Keys: tagKeys},
	"PutBucketVersioning":                              {Action: "s3:PutBucketVersioning", Resource: onBucket},
	"PutBucketWebsite":                                 {Action: "s3:PutBucketWebsite", Resource: onBucket},
	"PutObject":                                        {Action: "s3:PutObject", Resource: onObject, Keys: objectKeys},
	"PutObjectAcl":                                     {Action: "s3:PutObjectAcl", Resource: onObject},
	"PutObjectAnnotation":                              {Action: "s3:PutObjectAnnotation", Resource: onObject},
	"PutObjectLegalHold":                               {Action: "s3:PutObjectLegalHold", Resource: onObject},
	"PutObjectLockConfiguration":                       {Action: "s3:PutBucketObjectLockConfiguration", Resource: onBucket},
	"PutObjectRetention":                               {Action: "s3:PutObjectRetention", Resource: onObject},
	"PutObjectTagging":                                 {Action: "s3:PutObjectTagging", Resource: onObject, Keys: objectKeys},
	"PutPublicAccessBlock":                             {Action: "s3:PutBucketPublicAccessBlock", Resource: onBucket},
	"RenameObject":                                     {Action: "s3:RenameObject", Resource: onObject},
	"RestoreObject":                                    {Action: "s3:RestoreObject", Resource: onObject},
	"SelectObjectContent":                              {Action: "s3:GetObject", Resource: onObject},
	"UpdateBucketMetadataAnnotationTableConfiguration": {Action: "s3:UpdateBucketMetadataAnnotationTableConfiguration", Resource: onBucket},
	"UpdateBucketMetadataInventoryTableConfiguration":  {Action: "s3:UpdateBucketMetadataInventoryTableConfiguration", Resource: onBucket},
	"UpdateBucketMetadataJournalTableConfiguration":    {Action: "s3:UpdateBucketMetadataJournalTableConfiguration", Resource: onBucket},
	"UpdateObjectEncryption":                           {Action: "s3:PutObject", Resource: onObject},
	"UploadPart":                                       {Action: "s3:PutObject", Resource: onObject},
	"UploadPartCopy":                                   {Action: "s3:PutObject", Resource: onObject},
	"WriteGetObjectResponse":                           {Action: "s3-object-lambda:WriteGetObjectResponse"},
}

// Actions returns S3's IAM action table, by operation. Plumbing for the
// root package.
func Actions() authz.Table { return actionTable }

// Authorization returns what the request r, in scope sc, asks: its action
// on its bucket (arn:aws:s3:::bucket) or object (arn:aws:s3:::bucket/key),
// owned by the bucket's account, with the bucket policy; a copy also asks
// s3:GetObject on its source. DeleteObjects is asked on bucket/*, not on
// each key of its body. Plumbing for the root package.
func (s *Service) Authorization(r *http.Request, sc faults.Scope) ([]authz.Ask, error) {
	t, err := s.address(r)
	if err != nil {
		return nil, nil
	}
	_, t = route(r, t)
	row, ok := actionTable[t.op]
	if !ok || row.Action == "" {
		return nil, nil
	}
	var resource string
	switch row.Resource {
	case onBucket:
		resource = bucketARN(sc.Partition, t.bucket)
	case onObject:
		key := t.key
		if t.op == "DeleteObjects" {
			key = "*"
		}
		resource = bucketARN(sc.Partition, t.bucket) + "/" + key
	}
	ask := row.New(resource)
	ask.Account, ask.Policy = s.bucketAuth(sc, t.bucket)
	asks := []authz.Ask{ask}
	if src := r.Header.Get("x-amz-copy-source"); src != "" && (t.op == "CopyObject" || t.op == "UploadPartCopy") {
		src, _, _ = strings.Cut(strings.TrimPrefix(src, "/"), "?")
		if u, err := url.PathUnescape(src); err == nil {
			src = u
		}
		bucket, _, _ := strings.Cut(src, "/")
		get := actionTable["GetObject"].New(bucketARN(sc.Partition, "") + src)
		get.Account, get.Policy = s.bucketAuth(sc, bucket)
		asks = append(asks, get)
	}
	return asks, nil
}

// bucketAuth is the owner account and the policy of the bucket name (the
// caller's account and no policy for a bucket that does not exist).
func (s *Service) bucketAuth(sc faults.Scope, name string) (string, *policy.Document) {
	s.mu.Lock()
	b := s.buckets[bucketKey{sc.Partition, name}]
	owner, raw := sc.Account, ""
	if b != nil {
		owner, raw = b.account, b.policy
	}
	s.mu.Unlock()
	if raw == "" {
		return owner, nil
	}
	doc, err := policy.Parse([]byte(raw))
	if err != nil {
		return owner, nil
	}
	return owner, &doc
}

// AccessDenied is S3's refusal of an unauthorised request: AccessDenied,
// 403, with AWS's message, which S3 writes with the resource's ARN in
// quotes ("on resource: \"arn:aws:s3:::bucket/key\" because ..."). Plumbing
// for the root package.
func (s *Service) AccessDenied(message string) error {
	head, rest, ok := strings.Cut(message, " on resource: ")
	if ok {
		res, reason, _ := strings.Cut(rest, " because ")
		message = head + ` on resource: "` + res + `"`
		if reason != "" {
			message += " because " + reason
		}
	}
	return errs.New(codeAccessDenied, "%s", message)
}
