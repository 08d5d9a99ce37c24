package s3

import (
	"encoding/xml"
	"net/http"
	"strconv"
	"strings"

	"github.com/awsfake/awsfake/internal/awserr"
	"github.com/awsfake/awsfake/internal/protocol"
)

// readDocument reads a small XML request body, checking its Content-MD5
// and checksum, for a configuration stored as sent.
func readDocument(r *http.Request) (string, error) {
	p, err := readPayload(r, protocol.DefaultBodyLimit)
	if err != nil {
		if awserr.Is(err, "EntityTooLarge") {
			return "", errs.New(codeMaxMessageLengthExceeded, "Your request was too big.")
		}
		return "", err
	}
	if err := checkBody(r, p, false); err != nil {
		return "", err
	}
	return string(p.data), nil
}

// writeDocument sends an XML document already encoded.
func writeDocument(w http.ResponseWriter, doc string) error {
	w.Header().Set("Content-Type", "application/xml")
	w.Header().Set("Content-Length", strconv.Itoa(len(xml.Header)+len(doc)))
	w.WriteHeader(http.StatusOK)
	_, _ = w.Write([]byte(xml.Header + doc))
	return nil
}

func (s *Service) putBucketReplication(w http.ResponseWriter, r *http.Request, t target) error {
	doc, err := readDocument(r)
	if err != nil {
		return err
	}
	if _, err := s.PutBucketReplication(r.Context(), PutBucketReplicationInput{Bucket: t.bucket, Configuration: doc}); err != nil {
		return err
	}
	noContent(w, http.StatusOK)
	return nil
}

func (s *Service) getBucketReplication(w http.ResponseWriter, r *http.Request, t target) error {
	out, err := s.GetBucketReplication(r.Context(), GetBucketReplicationInput{Bucket: t.bucket})
	if err != nil {
		return err
	}
	return writeDocument(w, out.Configuration)
}

func (s *Service) deleteBucketReplication(w http.ResponseWriter, r *http.Request, t target) error {
	if _, err := s.DeleteBucketReplication(r.Context(), DeleteBucketReplicationInput{Bucket: t.bucket}); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

func (s *Service) putBucketLogging(w http.ResponseWriter, r *http.Request, t target) error {
	doc, err := readDocument(r)
	if err != nil {
		return err
	}
	if _, err := s.PutBucketLogging(r.Context(), PutBucketLoggingInput{Bucket: t.bucket, Configuration: doc}); err != nil {
		return err
	}
	noContent(w, http.StatusOK)
	return nil
}

func (s *Service) getBucketLogging(w http.ResponseWriter, r *http.Request, t target) error {
	out, err := s.GetBucketLogging(r.Context(), GetBucketLoggingInput{Bucket: t.bucket})
	if err != nil {
		return err
	}
	return writeDocument(w, out.Configuration)
}

// configKind is the kind of id-keyed configuration a request names by its
// sub-resource.
func configKind(t target) string {
	for _, k := range []string{ConfigAnalytics, ConfigMetrics, ConfigInventory, ConfigIntelligentTiering} {
		if t.has(k) {
			return k
		}
	}
	return ""
}

func (s *Service) putBucketConfig(w http.ResponseWriter, r *http.Request, t target) error {
	doc, err := readDocument(r)
	if err != nil {
		return err
	}
	in := PutBucketConfigInput{Bucket: t.bucket, Kind: configKind(t), ID: t.query.Get("id"), Configuration: doc}
	if err := s.PutBucketConfig(r.Context(), in); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

func (s *Service) getBucketConfig(w http.ResponseWriter, r *http.Request, t target) error {
	out, err := s.GetBucketConfig(r.Context(), BucketConfigInput{Bucket: t.bucket, Kind: configKind(t), ID: t.query.Get("id")})
	if err != nil {
		return err
	}
	return writeDocument(w, out.Configuration)
}

func (s *Service) deleteBucketConfig(w http.ResponseWriter, r *http.Request, t target) error {
	if err := s.DeleteBucketConfig(r.Context(), BucketConfigInput{Bucket: t.bucket, Kind: configKind(t), ID: t.query.Get("id")}); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

// configListRoots are the root elements of each kind's list answer.
var configListRoots = map[string]string{
	ConfigAnalytics: "ListBucketAnalyticsConfigurationResult", ConfigMetrics: "ListMetricsConfigurationsResult",
	ConfigInventory: "ListInventoryConfigurationsResult", ConfigIntelligentTiering: "ListBucketIntelligentTieringConfigurationsOutput",
}

func (s *Service) listBucketConfigs(w http.ResponseWriter, r *http.Request, t target) error {
	kind := configKind(t)
	out, err := s.ListBucketConfigs(r.Context(), BucketConfigInput{Bucket: t.bucket, Kind: kind})
	if err != nil {
		return err
	}
	root := configListRoots[kind]
	var b strings.Builder
	b.WriteString("<" + root + ` xmlns="` + xmlns + `"><IsTruncated>false</IsTruncated>`)
	for _, c := range out {
		b.WriteString(c.Configuration)
	}
	b.WriteString("</" + root + ">")
	return writeDocument(w, b.String())
}

type websiteXML struct {
	XMLName xml.Name `xml:"WebsiteConfiguration"`
	Xmlns   string   `xml:"xmlns,attr,omitempty"`
	WebsiteConfiguration
}

func (s *Service) putBucketWebsite(w http.ResponseWriter, r *http.Request, t target) error {
	var doc websiteXML
	if err := readXML(r, &doc, false); err != nil {
		return err
	}
	if _, err := s.PutBucketWebsite(r.Context(), PutBucketWebsiteInput{Bucket: t.bucket, Configuration: doc.WebsiteConfiguration}); err != nil {
		return err
	}
	noContent(w, http.StatusOK)
	return nil
}

func (s *Service) getBucketWebsite(w http.ResponseWriter, r *http.Request, t target) error {
	out, err := s.GetBucketWebsite(r.Context(), GetBucketWebsiteInput{Bucket: t.bucket})
	if err != nil {
		return err
	}
	return writeXML(w, websiteXML{Xmlns: xmlns, WebsiteConfiguration: out.Configuration})
}

func (s *Service) deleteBucketWebsite(w http.ResponseWriter, r *http.Request, t target) error {
	if _, err := s.DeleteBucketWebsite(r.Context(), DeleteBucketWebsiteInput{Bucket: t.bucket}); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

// configRoutes bind the bucket sub-resources that are configurations, the
// ACLs and GetObjectAttributes. The Get operations of analytics, metrics, inventory and
// intelligent-tiering configurations name one by its id; their List
// operations do not.
var configRoutes = []protocol.Route[handler]{
	{Method: "GET", Path: bucketPath, Query: []string{"acl"}, Name: "GetBucketAcl", Handler: (*Service).getBucketAcl},
	{Method: "PUT", Path: bucketPath, Query: []string{"acl"}, Name: "PutBucketAcl", Handler: (*Service).putBucketAcl},
	{Method: "GET", Path: objectPath, Query: []string{"acl"}, Name: "GetObjectAcl", Handler: (*Service).getObjectAcl},
	{Method: "GET", Path: objectPath, Query: []string{"attributes"}, Name: "GetObjectAttributes", Handler: (*Service).getObjectAttributes},
	{Method: "PUT", Path: objectPath, Query: []string{"acl"}, Name: "PutObjectAcl", Handler: (*Service).putObjectAcl},
	{Method: "GET", Path: bucketPath, Query: []string{"encryption"}, Name: "GetBucketEncryption", Handler: (*Service).getBucketEncryption},
	{Method: "PUT", Path: bucketPath, Query: []string{"encryption"}, Name: "PutBucketEncryption", Handler: (*Service).putBucketEncryption},
	{Method: "DELETE", Path: bucketPath, Query: []string{"encryption"}, Name: "DeleteBucketEncryption", Handler: (*Service).deleteBucketEncryption},
	{Method: "GET", Path: bucketPath, Query: []string{"publicAccessBlock"}, Name: "GetPublicAccessBlock", Handler: (*Service).getPublicAccessBlock},
	{Method: "PUT", Path: bucketPath, Query: []string{"publicAccessBlock"}, Name: "PutPublicAccessBlock", Handler: (*Service).putPublicAccessBlock},
	{Method: "DELETE", Path: bucketPath, Query: []string{"publicAccessBlock"}, Name: "DeletePublicAccessBlock", Handler: (*Service).deletePublicAccessBlock},
	{Method: "GET", Path: bucketPath, Query: []string{"ownershipControls"}, Name: "GetBucketOwnershipControls", Handler: (*Service).getBucketOwnershipControls},
	{Method: "PUT", Path: bucketPath, Query: []string{"ownershipControls"}, Name: "PutBucketOwnershipControls", Handler: (*Service).putBucketOwnershipControls},
	{Method: "DELETE", Path: bucketPath, Query: []string{"ownershipControls"}, Name: "DeleteBucketOwnershipControls", Handler: (*Service).deleteBucketOwnershipControls},
	{Method: "GET", Path: bucketPath, Query: []string{"policyStatus"}, Name: "GetBucketPolicyStatus", Handler: (*Service).getBucketPolicyStatus},
	{Method: "GET", Path: bucketPath, Query: []string{"accelerate"}, Name: "GetBucketAccelerateConfiguration", Handler: (*Service).getBucketAccelerate},
	{Method: "PUT", Path: bucketPath, Query: []string{"accelerate"}, Name: "PutBucketAccelerateConfiguration", Handler: (*Service).putBucketAccelerate},
	{Method: "GET", Path: bucketPath, Query: []string{"requestPayment"}, Name: "GetBucketRequestPayment", Handler: (*Service).getBucketRequestPayment},
	{Method: "PUT", Path: bucketPath, Query: []string{"requestPayment"}, Name: "PutBucketRequestPayment", Handler: (*Service).putBucketRequestPayment},
	{Method: "GET", Path: bucketPath, Query: []string{"website"}, Name: "GetBucketWebsite", Handler: (*Service).getBucketWebsite},
	{Method: "PUT", Path: bucketPath, Query: []string{"website"}, Name: "PutBucketWebsite", Handler: (*Service).putBucketWebsite},
	{Method: "DELETE", Path: bucketPath, Query: []string{"website"}, Name: "DeleteBucketWebsite", Handler: (*Service).deleteBucketWebsite},
	{Method: "GET", Path: bucketPath, Query: []string{"replication"}, Name: "GetBucketReplication", Handler: (*Service).getBucketReplication},
	{Method: "PUT", Path: bucketPath, Query: []string{"replication"}, Name: "PutBucketReplication", Handler: (*Service).putBucketReplication},
	{Method: "DELETE", Path: bucketPath, Query: []string{"replication"}, Name: "DeleteBucketReplication", Handler: (*Service).deleteBucketReplication},
	{Method: "GET", Path: bucketPath, Query: []string{"logging"}, Name: "GetBucketLogging", Handler: (*Service).getBucketLogging},
	{Method: "PUT", Path: bucketPath, Query: []string{"logging"}, Name: "PutBucketLogging", Handler: (*Service).putBucketLogging},
	{Method: "GET", Path: bucketPath, Query: []string{"analytics", "id"}, Name: "GetBucketAnalyticsConfiguration", Handler: (*Service).getBucketConfig},
	{Method: "GET", Path: bucketPath, Query: []string{"analytics"}, Name: "ListBucketAnalyticsConfigurations", Handler: (*Service).listBucketConfigs},
	{Method: "PUT", Path: bucketPath, Query: []string{"analytics"}, Name: "PutBucketAnalyticsConfiguration", Handler: (*Service).putBucketConfig},
	{Method: "DELETE", Path: bucketPath, Query: []string{"analytics"}, Name: "DeleteBucketAnalyticsConfiguration", Handler: (*Service).deleteBucketConfig},
	{Method: "GET", Path: bucketPath, Query: []string{"metrics", "id"}, Name: "GetBucketMetricsConfiguration", Handler: (*Service).getBucketConfig},
	{Method: "GET", Path: bucketPath, Query: []string{"metrics"}, Name: "ListBucketMetricsConfigurations", Handler: (*Service).listBucketConfigs},
	{Method: "PUT", Path: bucketPath, Query: []string{"metrics"}, Name: "PutBucketMetricsConfiguration", Handler: (*Service).putBucketConfig},
	{Method: "DELETE", Path: bucketPath, Query: []string{"metrics"}, Name: "DeleteBucketMetricsConfiguration", Handler: (*Service).deleteBucketConfig},
	{Method: "GET", Path: bucketPath, Query: []string{"inventory", "id"}, Name: "GetBucketInventoryConfiguration", Handler: (*Service).getBucketConfig},
	{Method: "GET", Path: bucketPath, Query: []string{"inventory"}, Name: "ListBucketInventoryConfigurations", Handler: (*Service).listBucketConfigs},
	{Method: "PUT", Path: bucketPath, Query: []string{"inventory"}, Name: "PutBucketInventoryConfiguration", Handler: (*Service).putBucketConfig},
	{Method: "DELETE", Path: bucketPath, Query: []string{"inventory"}, Name: "DeleteBucketInventoryConfiguration", Handler: (*Service).deleteBucketConfig},
	{Method: "GET", Path: bucketPath, Query: []string{"intelligent-tiering", "id"}, Name: "GetBucketIntelligentTieringConfiguration", Handler: (*Service).getBucketConfig},
	{Method: "GET", Path: bucketPath, Query: []string{"intelligent-tiering"}, Name: "ListBucketIntelligentTieringConfigurations", Handler: (*Service).listBucketConfigs},
	{Method: "PUT", Path: bucketPath, Query: []string{"intelligent-tiering"}, Name: "PutBucketIntelligentTieringConfiguration", Handler: (*Service).putBucketConfig},
	{Method: "DELETE", Path: bucketPath, Query: []string{"intelligent-tiering"}, Name: "DeleteBucketIntelligentTieringConfiguration", Handler: (*Service).deleteBucketConfig},
}
