package s3

import (
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/awsfake/awsfake/internal/metrics"
)

// fuzzMeteredRequests are the requests FuzzRequestMetrics sends to a
// bucket with a metrics configuration, the key appended to the object ones.
var fuzzMeteredRequests = []string{"GET /bkt/", "PUT /bkt/", "HEAD /bkt/", "DELETE /bkt/", "POST /bkt?delete",
	"GET /bkt?list-type=2&prefix=", "POST /bkt/", "GET /bkt/?uploadId=x&", "PUT /bkt?metrics&id=a"}

// FuzzRequestMetrics puts a metrics configuration with an arbitrary filter
// and sends one arbitrary request to its bucket: no answer may be a 5xx,
// and every 4xxErrors and 5xxErrors value recorded is 0 or 1.
func FuzzRequestMetrics(f *testing.F) {
	f.Add("<Filter><Prefix>k</Prefix></Filter>", uint8(0), "k", []byte(nil))
	f.Add("<Filter><And><Prefix>k</Prefix><Tag><Key>a</Key><Value>b</Value></Tag></And></Filter>", uint8(1), "k", []byte("data"))
	f.Add("<Filter><AccessPointArn>x</AccessPointArn></Filter>", uint8(4), "", []byte("<Delete><Object><Key>k</Key></Object></Delete>"))
	f.Add("", uint8(5), "k", []byte(nil))
	f.Fuzz(func(t *testing.T, filter string, which uint8, key string, body []byte) {
		s := fuzzObjectService(t)
		rec := metrics.NewRecorder()
		s.env.Metrics = rec
		put := httptest.NewRequest("PUT", "http://awsfake.localhost/bkt?metrics&id=a",
			strings.NewReader("<MetricsConfiguration><Id>a</Id>"+filter+"</MetricsConfiguration>"))
		w := httptest.NewRecorder()
		s.ServeHTTP(w, put)
		if w.Code >= 500 {
			t.Fatalf("PutBucketMetricsConfiguration %q: status %d: %s", filter, w.Code, w.Body.String())
		}
		target := fuzzMeteredRequests[int(which)%len(fuzzMeteredRequests)]
		method, path, _ := strings.Cut(target, " ")
		if strings.HasSuffix(path, "/") || strings.HasSuffix(path, "=") || strings.HasSuffix(path, "&") {
			path += url.PathEscape(key)
		}
		req := httptest.NewRequest(method, "http://awsfake.localhost"+path, strings.NewReader(string(body)))
		w = httptest.NewRecorder()
		s.ServeHTTP(w, req)
		if w.Code >= 500 {
			t.Fatalf("%s %s: status %d: %s", method, path, w.Code, w.Body.String())
		}
		rec.Drain(func(k metrics.Key, st metrics.Stat) {
			if (k.Name == "4xxErrors" || k.Name == "5xxErrors") && (st.Min < 0 || st.Max > 1) {
				t.Fatalf("%s %v", k.Name, st)
			}
		})
	})
}
