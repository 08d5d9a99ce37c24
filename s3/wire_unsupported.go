package s3

import (
	"net/http"
	"net/url"
	"slices"

	"github.com/awsfake/awsfake/internal/protocol"
)

// unsupported are the sub-resources S3 has and the fake does not serve. A
// request naming one answers NotImplemented, whatever its method and
// whatever else it names, rather than being taken for another operation.
var unsupported = map[string]bool{
	"acl": true, "encryption": true, "website": true, "logging": true, "replication": true,
	"ownershipControls": true, "publicAccessBlock": true, "accelerate": true,
	"requestPayment": true, "analytics": true, "metrics": true, "inventory": true, "intelligent-tiering": true,
	"policyStatus": true, "torrent": true, "attributes": true,
	"select": true, "metadataConfiguration": true, "metadataTable": true, "abac": true,
	"renameObject": true, "session": true, "annotation": true, "metadataAnnotationTable": true,
	"metadataInventoryTable": true, "metadataJournalTable": true,
}

// anyUnsupported reports whether q names a sub-resource the fake does not
// serve.
func anyUnsupported(q url.Values) bool {
	for name := range q {
		if unsupported[name] {
			return true
		}
	}
	return false
}

// namesUnsupported reports whether a route's query conditions name a
// sub-resource the fake does not serve.
func namesUnsupported(conds []string) bool {
	return slices.ContainsFunc(conds, func(c string) bool { return unsupported[c] })
}

// unsupportedRoutes bind the operations of those sub-resources, each to
// NotImplemented (501), as the package doc lists them. The Get operations
// of analytics, metrics, inventory and intelligent-tiering configurations
// name one by its id; their List operations do not.
var unsupportedRoutes = []protocol.Route[handler]{
	{Method: "POST", Path: bucketPath, Query: []string{"metadataConfiguration"}, Name: "CreateBucketMetadataConfiguration", Handler: (*Service).notImplemented},
	{Method: "POST", Path: bucketPath, Query: []string{"metadataTable"}, Name: "CreateBucketMetadataTableConfiguration", Handler: (*Service).notImplemented},
	{Method: "GET", Path: bucketPath, Query: []string{"session"}, Name: "CreateSession", Handler: (*Service).notImplemented},
	{Method: "DELETE", Path: bucketPath, Query: []string{"analytics"}, Name: "DeleteBucketAnalyticsConfiguration", Handler: (*Service).notImplemented},
	{Method: "DELETE", Path: bucketPath, Query: []string{"encryption"}, Name: "DeleteBucketEncryption", Handler: (*Service).notImplemented},
	{Method: "DELETE", Path: bucketPath, Query: []string{"intelligent-tiering"}, Name: "DeleteBucketIntelligentTieringConfiguration", Handler: (*Service).notImplemented},
	{Method: "DELETE", Path: bucketPath, Query: []string{"inventory"}, Name: "DeleteBucketInventoryConfiguration", Handler: (*Service).notImplemented},
	{Method: "DELETE", Path: bucketPath, Query: []string{"metadataConfiguration"}, Name: "DeleteBucketMetadataConfiguration", Handler: (*Service).notImplemented},
	{Method: "DELETE", Path: bucketPath, Query: []string{"metadataTable"}, Name: "DeleteBucketMetadataTableConfiguration", Handler: (*Service).notImplemented},
	{Method: "DELETE", Path: bucketPath, Query: []string{"metrics"}, Name: "DeleteBucketMetricsConfiguration", Handler: (*Service).notImplemented},
	{Method: "DELETE", Path: bucketPath, Query: []string{"ownershipControls"}, Name: "DeleteBucketOwnershipControls", Handler: (*Service).notImplemented},
	{Method: "DELETE", Path: bucketPath, Query: []string{"replication"}, Name: "DeleteBucketReplication", Handler: (*Service).notImplemented},
	{Method: "DELETE", Path: bucketPath, Query: []string{"website"}, Name: "DeleteBucketWebsite", Handler: (*Service).notImplemented},
	{Method: "DELETE", Path: objectPath, Query: []string{"annotation"}, Name: "DeleteObjectAnnotation", Handler: (*Service).notImplemented},
	{Method: "DELETE", Path: bucketPath, Query: []string{"publicAccessBlock"}, Name: "DeletePublicAccessBlock", Handler: (*Service).notImplemented},
	{Method: "GET", Path: bucketPath, Query: []string{"abac"}, Name: "GetBucketAbac", Handler: (*Service).notImplemented},
	{Method: "GET", Path: bucketPath, Query: []string{"accelerate"}, Name: "GetBucketAccelerateConfiguration", Handler: (*Service).notImplemented},
	{Method: "GET", Path: bucketPath, Query: []string{"acl"}, Name: "GetBucketAcl", Handler: (*Service).notImplemented},
	{Method: "GET", Path: bucketPath, Query: []string{"analytics", "id"}, Name: "GetBucketAnalyticsConfiguration", Handler: (*Service).notImplemented},
	{Method: "GET", Path: bucketPath, Query: []string{"encryption"}, Name: "GetBucketEncryption", Handler: (*Service).notImplemented},
	{Method: "GET", Path: bucketPath, Query: []string{"intelligent-tiering", "id"}, Name: "GetBucketIntelligentTieringConfiguration", Handler: (*Service).notImplemented},
	{Method: "GET", Path: bucketPath, Query: []string{"inventory", "id"}, Name: "GetBucketInventoryConfiguration", Handler: (*Service).notImplemented},
	{Method: "GET", Path: bucketPath, Query: []string{"logging"}, Name: "GetBucketLogging", Handler: (*Service).notImplemented},
	{Method: "GET", Path: bucketPath, Query: []string{"metadataConfiguration"}, Name: "GetBucketMetadataConfiguration", Handler: (*Service).notImplemented},
	{Method: "GET", Path: bucketPath, Query: []string{"metadataTable"}, Name: "GetBucketMetadataTableConfiguration", Handler: (*Service).notImplemented},
	{Method: "GET", Path: bucketPath, Query: []string{"metrics", "id"}, Name: "GetBucketMetricsConfiguration", Handler: (*Service).notImplemented},
	{Method: "GET", Path: bucketPath, Query: []string{"ownershipControls"}, Name: "GetBucketOwnershipControls", Handler: (*Service).notImplemented},
	{Method: "GET", Path: bucketPath, Query: []string{"policyStatus"}, Name: "GetBucketPolicyStatus", Handler: (*Service).notImplemented},
	{Method: "GET", Path: bucketPath, Query: []string{"replication"}, Name: "GetBucketReplication", Handler: (*Service).notImplemented},
	{Method: "GET", Path: bucketPath, Query: []string{"requestPayment"}, Name: "GetBucketRequestPayment", Handler: (*Service).notImplemented},
	{Method: "GET", Path: bucketPath, Query: []string{"website"}, Name: "GetBucketWebsite", Handler: (*Service).notImplemented},
	{Method: "GET", Path: objectPath, Query: []string{"acl"}, Name: "GetObjectAcl", Handler: (*Service).notImplemented},
	{Method: "GET", Path: objectPath, Query: []string{"annotation", "annotationName"}, Name: "GetObjectAnnotation", Handler: (*Service).notImplemented},
	{Method: "GET", Path: objectPath, Query: []string{"attributes"}, Name: "GetObjectAttributes", Handler: (*Service).notImplemented},
	{Method: "GET", Path: objectPath, Query: []string{"torrent"}, Name: "GetObjectTorrent", Handler: (*Service).notImplemented},
	{Method: "GET", Path: bucketPath, Query: []string{"publicAccessBlock"}, Name: "GetPublicAccessBlock", Handler: (*Service).notImplemented},
	{Method: "GET", Path: bucketPath, Query: []string{"analytics"}, Name: "ListBucketAnalyticsConfigurations", Handler: (*Service).notImplemented},
	{Method: "GET", Path: bucketPath, Query: []string{"intelligent-tiering"}, Name: "ListBucketIntelligentTieringConfigurations", Handler: (*Service).notImplemented},
	{Method: "GET", Path: bucketPath, Query: []string{"inventory"}, Name: "ListBucketInventoryConfigurations", Handler: (*Service).notImplemented},
	{Method: "GET", Path: bucketPath, Query: []string{"metrics"}, Name: "ListBucketMetricsConfigurations", Handler: (*Service).notImplemented},
	{Method: "GET", Path: objectPath, Query: []string{"annotation"}, Name: "ListObjectAnnotations", Handler: (*Service).notImplemented},
	{Method: "PUT", Path: bucketPath, Query: []string{"abac"}, Name: "PutBucketAbac", Handler: (*Service).notImplemented},
	{Method: "PUT", Path: bucketPath, Query: []string{"accelerate"}, Name: "PutBucketAccelerateConfiguration", Handler: (*Service).notImplemented},
	{Method: "PUT", Path: bucketPath, Query: []string{"acl"}, Name: "PutBucketAcl", Handler: (*Service).notImplemented},
	{Method: "PUT", Path: bucketPath, Query: []string{"analytics"}, Name: "PutBucketAnalyticsConfiguration", Handler: (*Service).notImplemented},
	{Method: "PUT", Path: bucketPath, Query: []string{"encryption"}, Name: "PutBucketEncryption", Handler: (*Service).notImplemented},
	{Method: "PUT", Path: bucketPath, Query: []string{"intelligent-tiering"}, Name: "PutBucketIntelligentTieringConfiguration", Handler: (*Service).notImplemented},
	{Method: "PUT", Path: bucketPath, Query: []string{"inventory"}, Name: "PutBucketInventoryConfiguration", Handler: (*Service).notImplemented},
	{Method: "PUT", Path: bucketPath, Query: []string{"logging"}, Name: "PutBucketLogging", Handler: (*Service).notImplemented},
	{Method: "PUT", Path: bucketPath, Query: []string{"metrics"}, Name: "PutBucketMetricsConfiguration", Handler: (*Service).notImplemented},
	{Method: "PUT", Path: bucketPath, Query: []string{"ownershipControls"}, Name: "PutBucketOwnershipControls", Handler: (*Service).notImplemented},
	{Method: "PUT", Path: bucketPath, Query: []string{"replication"}, Name: "PutBucketReplication", Handler: (*Service).notImplemented},
	{Method: "PUT", Path: bucketPath, Query: []string{"requestPayment"}, Name: "PutBucketRequestPayment", Handler: (*Service).notImplemented},
	{Method: "PUT", Path: bucketPath, Query: []string{"website"}, Name: "PutBucketWebsite", Handler: (*Service).notImplemented},
	{Method: "PUT", Path: objectPath, Query: []string{"acl"}, Name: "PutObjectAcl", Handler: (*Service).notImplemented},
	{Method: "PUT", Path: objectPath, Query: []string{"annotation"}, Name: "PutObjectAnnotation", Handler: (*Service).notImplemented},
	{Method: "PUT", Path: bucketPath, Query: []string{"publicAccessBlock"}, Name: "PutPublicAccessBlock", Handler: (*Service).notImplemented},
	{Method: "PUT", Path: objectPath, Query: []string{"renameObject"}, Name: "RenameObject", Handler: (*Service).notImplemented},
	{Method: "POST", Path: objectPath, Query: []string{"select", "select-type=2"}, Name: "SelectObjectContent", Handler: (*Service).notImplemented},
	{Method: "PUT", Path: bucketPath, Query: []string{"metadataAnnotationTable"}, Name: "UpdateBucketMetadataAnnotationTableConfiguration", Handler: (*Service).notImplemented},
	{Method: "PUT", Path: bucketPath, Query: []string{"metadataInventoryTable"}, Name: "UpdateBucketMetadataInventoryTableConfiguration", Handler: (*Service).notImplemented},
	{Method: "PUT", Path: bucketPath, Query: []string{"metadataJournalTable"}, Name: "UpdateBucketMetadataJournalTableConfiguration", Handler: (*Service).notImplemented},
	{Method: "PUT", Path: objectPath, Query: []string{"encryption"}, Name: "UpdateObjectEncryption", Handler: (*Service).notImplemented},
}

// unmodelledRoutes bind the operations of features the fake does not
// model, answered NotImplemented: directory buckets (ListDirectoryBuckets;
// CreateSession is the session sub-resource) and S3 Object Lambda
// (WriteGetObjectResponse, which the SDK sends to <route>.<endpoint>).
var unmodelledRoutes = []protocol.Route[handler]{
	{Method: "GET", Path: "/", Query: []string{"x-id=ListDirectoryBuckets"}, Name: "ListDirectoryBuckets", Handler: (*Service).notImplemented},
	{Method: "POST", Path: bucketPath, Header: []string{"x-amz-request-route"}, Name: "WriteGetObjectResponse", Handler: (*Service).notImplemented},
	{Method: "POST", Path: objectPath, Header: []string{"x-amz-request-route"}, Name: "WriteGetObjectResponse", Handler: (*Service).notImplemented},
}

// notImplemented answers an operation the fake does not serve: recorded
// and open to injected faults like any other when the request was routed
// to one.
func (s *Service) notImplemented(_ http.ResponseWriter, r *http.Request, t target) error {
	if t.op != "" {
		if _, err := s.enter(r.Context(), t.op, t.bucket, t.key); err != nil {
			return err
		}
	}
	return notImplementedError()
}
