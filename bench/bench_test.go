package bench_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/aws/aws-sdk-go-v2/service/sts"

	"github.com/awsfake/awsfake"
)

// BenchmarkCloudNewClose builds and closes a whole cloud, every service
// included: what each test pays for a fresh one.
func BenchmarkCloudNewClose(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		c := awsfake.New()
		_ = c.Close()
	}
}

// BenchmarkHTTPTestServerNewClose is the yardstick: an empty httptest server
// on a loopback socket, started and closed.
func BenchmarkHTTPTestServerNewClose(b *testing.B) {
	h := http.HandlerFunc(func(http.ResponseWriter, *http.Request) {})
	b.ReportAllocs()
	for b.Loop() {
		s := httptest.NewServer(h)
		s.Close()
	}
}

// BenchmarkSTSGetCallerIdentity is one call of the real SDK client through
// AWSConfig's in-memory transport: signing, serialising, dispatch, the STS
// engine and the XML response.
func BenchmarkSTSGetCallerIdentity(b *testing.B) {
	cloud := awsfake.New()
	defer cloud.Close()
	client := sts.NewFromConfig(cloud.AWSConfig())
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := client.GetCallerIdentity(ctx, &sts.GetCallerIdentityInput{}); err != nil {
			b.Fatal(err)
		}
	}
}
