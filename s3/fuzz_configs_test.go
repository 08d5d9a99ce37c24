package s3

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
)

// fuzzConfigTargets are the requests whose bodies FuzzConfigDocuments
// sends: every configuration decoder and the ACL decoders.
var fuzzConfigTargets = []string{
	"PUT /bkt?encryption", "PUT /bkt?publicAccessBlock", "PUT /bkt?ownershipControls", "PUT /bkt?accelerate",
	"PUT /bkt?requestPayment", "PUT /bkt?website", "PUT /bkt?replication", "PUT /bkt?logging",
	"PUT /bkt?analytics&id=a", "PUT /bkt?metrics&id=a", "PUT /bkt?inventory&id=a", "PUT /bkt?intelligent-tiering&id=a",
	"PUT /bkt?acl", "PUT /bkt/k?acl", "GET /bkt/k?attributes", "PUT /bkt/k2", "GET /bkt/k", "PUT /bkt/copy", "PUT /new",
	"POST /bkt/m?uploads", "GET /bkt?analytics", "GET /bkt?metrics&id=a", "DELETE /bkt?inventory&id=a",
}

// fuzzConfigHeaders are the headers of ACLs, encryption and attributes
// FuzzConfigDocuments picks one of.
var fuzzConfigHeaders = []string{
	"x-amz-acl", "x-amz-grant-read", "x-amz-grant-write", "x-amz-grant-full-control", "x-amz-grant-read-acp",
	"x-amz-grant-write-acp", "x-amz-object-ownership", "x-amz-server-side-encryption",
	"x-amz-server-side-encryption-aws-kms-key-id", "x-amz-server-side-encryption-context",
	"x-amz-server-side-encryption-bucket-key-enabled", "x-amz-server-side-encryption-customer-algorithm",
	"x-amz-server-side-encryption-customer-key", "x-amz-server-side-encryption-customer-key-MD5",
	"x-amz-copy-source-server-side-encryption-customer-algorithm", "x-amz-copy-source-server-side-encryption-customer-key",
	"x-amz-object-attributes",
}

// FuzzConfigDocuments sends every configuration and ACL request with an
// arbitrary body and one arbitrary ACL, encryption or attributes header.
// No answer may be a 5xx.
func FuzzConfigDocuments(f *testing.F) {
	f.Add(uint8(0), []byte(`<ServerSideEncryptionConfiguration><Rule><ApplyServerSideEncryptionByDefault><SSEAlgorithm>aws:kms</SSEAlgorithm></ApplyServerSideEncryptionByDefault></Rule></ServerSideEncryptionConfiguration>`), uint8(0), "")
	f.Add(uint8(5), []byte(`<WebsiteConfiguration><IndexDocument><Suffix>i</Suffix></IndexDocument><RoutingRules><RoutingRule><Redirect><ReplaceKeyWith>a</ReplaceKeyWith></Redirect></RoutingRule></RoutingRules></WebsiteConfiguration>`), uint8(0), "")
	f.Add(uint8(7), []byte(`<BucketLoggingStatus><LoggingEnabled><TargetBucket>bkt</TargetBucket><TargetGrants><Grant><Grantee xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="Group"><URI>x</URI></Grantee></Grant></TargetGrants></LoggingEnabled></BucketLoggingStatus>`), uint8(0), "")
	f.Add(uint8(8), []byte(`<AnalyticsConfiguration><Id>a</Id><a><b>c</b>d</a></AnalyticsConfiguration>`), uint8(0), "")
	f.Add(uint8(12), []byte(`<AccessControlPolicy><Owner><ID>x</ID></Owner><AccessControlList><Grant><Grantee xsi:type="CanonicalUser"><ID>y</ID></Grantee><Permission>READ</Permission></Grant></AccessControlList></AccessControlPolicy>`), uint8(1), `id="1", uri="x", emailAddress=a`)
	f.Add(uint8(14), []byte(nil), uint8(16), "ETag, , Checksum,ObjectParts")
	f.Add(uint8(15), []byte("x"), uint8(12), "AES256")
	f.Add(uint8(15), []byte("x"), uint8(9), "e30=")
	f.Add(uint8(18), []byte(nil), uint8(6), "")
	f.Fuzz(func(t *testing.T, target uint8, body []byte, header uint8, value string) {
		method, path, _ := strings.Cut(fuzzConfigTargets[int(target)%len(fuzzConfigTargets)], " ")
		s := fuzzObjectService(t)
		req := httptest.NewRequest(method, "http://awsfake.localhost"+path, strings.NewReader(string(body)))
		req.Header.Set(fuzzConfigHeaders[int(header)%len(fuzzConfigHeaders)], value)
		if strings.HasSuffix(path, "/copy") {
			req.Header.Set("x-amz-copy-source", "/bkt/k")
		}
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, req)
		if rec.Code >= 500 {
			t.Fatalf("%s %s %v: status %d: %s", method, path, req.Header, rec.Code, rec.Body.String())
		}
	})
}

// The documents S3 stores as sent parse and encode back to an equal tree.
func FuzzDocumentRoundTrip(f *testing.F) {
	f.Add([]byte(`<R xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><A>1</A><B><C xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="T">x &amp; y</C></B></R>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		n, err := parseDocument(data, "R")
		if err != nil {
			return
		}
		again, err := parseDocument([]byte(n.encode(true)), "R")
		if err != nil {
			t.Fatalf("%q encoded as %q does not parse: %v", data, n.encode(true), err)
		}
		if again.encode(true) != n.encode(true) {
			t.Fatalf("%q: %q then %q", data, n.encode(true), again.encode(true))
		}
	})
}

// FuzzWebsiteEndpoint sends arbitrary methods and paths to a website
// bucket with routing rules. No answer may be a 5xx.
func FuzzWebsiteEndpoint(f *testing.F) {
	f.Add("GET", "/docs")
	f.Add("HEAD", "/old/%zz")
	f.Add("PUT", "/")
	f.Add("GET", "/gone/a//b")
	f.Fuzz(func(t *testing.T, method, path string) {
		s := fuzzObjectService(t)
		cfg := WebsiteConfiguration{IndexDocument: &IndexDocument{Suffix: "index.html"}, ErrorDocument: &ErrorDocument{Key: "k"},
			RoutingRules: []RoutingRule{{Condition: &RoutingCondition{KeyPrefixEquals: "old/"}, Redirect: WebsiteRedirect{ReplaceKeyPrefixWith: "new/"}},
				{Condition: &RoutingCondition{HttpErrorCodeReturnedEquals: "404"}, Redirect: WebsiteRedirect{HttpRedirectCode: "302"}}}}
		if _, err := s.PutBucketWebsite(t.Context(), PutBucketWebsiteInput{Bucket: "bkt", Configuration: cfg}); err != nil {
			t.Fatal(err)
		}
		req, err := http.NewRequest(method, "http://bkt.s3-website-us-east-1.amazonaws.com/", nil)
		if err != nil {
			return
		}
		req.URL.RawPath, req.URL.Path = "", "/"
		if u, err := url.ParseRequestURI(path); err == nil {
			req.URL = u
		}
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, req)
		if rec.Code >= 500 {
			t.Fatalf("%s %q: status %d: %s", method, path, rec.Code, rec.Body.String())
		}
	})
}
