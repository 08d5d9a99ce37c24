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
	"torrent": true, "metadataConfiguration": true, "metadataTable": true, "abac": true,
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
	{Method: "DELETE", Path: bucketPath, Query: []string{"metadataConfiguration"}, Name: "DeleteBucketMetadataConfiguration", Handler: (*Service).notImplemented},
	{Method: "DELETE", Path: bucketPath, Query: []string{"metadataTable"}, Name: "DeleteBucketMetadataTableConfiguration", Handler: (*Service).notImplemented},
	{Method: "DELETE", Path: objectPath, Query: []string{"annotation"}, Name: "DeleteObjectAnnotation", Handler: (*Service).notImplemented},
	{Method: "GET", Path: bucketPath, Query: []string{"abac"}, Name: "GetBucketAbac", Handler: (*Service).notImplemented},
	{Method: "GET", Path: bucketPath, Query: []string{"metadataConfiguration"}, Name: "GetBucketMetadataConfiguration", Handler: (*Service).notImplemented},
	{Method: "GET", Path: bucketPath, Query: []string{"metadataTable"}, Name: "GetBucketMetadataTableConfiguration", Handler: (*Service).notImplemented},
	{Method: "GET", Path: objectPath, Query: []string{"annotation", "annotationName"}, Name: "GetObjectAnnotation", Handler: (*Service).notImplemented},
	{Method: "GET", Path: objectPath, Query: []string{"torrent"}, Name: "GetObjectTorrent", Handler: (*Service).notImplemented},
	{Method: "GET", Path: objectPath, Query: []string{"annotation"}, Name: "ListObjectAnnotations", Handler: (*Service).notImplemented},
	{Method: "PUT", Path: bucketPath, Query: []string{"abac"}, Name: "PutBucketAbac", Handler: (*Service).notImplemented},
	{Method: "PUT", Path: objectPath, Query: []string{"annotation"}, Name: "PutObjectAnnotation", Handler: (*Service).notImplemented},
	{Method: "PUT", Path: objectPath, Query: []string{"renameObject"}, Name: "RenameObject", Handler: (*Service).notImplemented},
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
	{Method: "POST", Path: objectPath, Query: []string{"select", "select-type=2"}, Name: "SelectObjectContent", Handler: (*Service).selectObjectContent},
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

// selectObjectContent answers S3 Select as S3 answers an account that is
// not an existing S3 Select customer: "Amazon S3 Select is no longer
// available to new customers" (S3 User Guide), and such accounts report
// 405 MethodNotAllowed, the answer S3 gives a method its resource does not
// take.
func (s *Service) selectObjectContent(w http.ResponseWriter, r *http.Request, t target) error {
	if _, err := s.enter(r.Context(), t.op, t.bucket, t.key); err != nil {
		return err
	}
	return s.methodNotAllowed(w, r, t)
}
