package iam_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	awsiam "github.com/aws/aws-sdk-go-v2/service/iam"

	"github.com/awsfake/awsfake"
	"github.com/awsfake/awsfake/clock"
	"github.com/awsfake/awsfake/iam"
	"github.com/awsfake/awsfake/internal/servicetest"
)

// BenchmarkEngine_GetRole is the Go API's GetRole on an account of 100 roles.
func BenchmarkEngine_GetRole(b *testing.B) {
	cloud := awsfake.New(awsfake.WithClock(clock.NewFake(t0)))
	b.Cleanup(func() { _ = cloud.Close() })
	ctx := context.Background()
	for i := range 100 {
		if _, err := cloud.IAM().CreateRole(ctx, iam.CreateRoleInput{RoleName: "r" + string(rune('a'+i%26)) + string(rune('a'+i/26)), AssumeRolePolicyDocument: lambdaTrust}); err != nil {
			b.Fatal(err)
		}
	}
	in := iam.GetRoleInput{RoleName: "rab"}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := cloud.IAM().GetRole(ctx, in); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSDKGetRole compares the real SDK's GetRole served by the fake
// (dispatch, form decode, engine, XML encode) with the same call served by
// a canned response through the same in-memory transport, alternating
// within each iteration; the metrics are the time of each and their ratio.
func BenchmarkSDKGetRole(b *testing.B) {
	cloud := awsfake.New(awsfake.WithClock(clock.NewFake(t0)))
	b.Cleanup(func() { _ = cloud.Close() })
	if _, err := cloud.IAM().CreateRole(context.Background(), iam.CreateRoleInput{RoleName: "app", AssumeRolePolicyDocument: lambdaTrust}); err != nil {
		b.Fatal(err)
	}
	rec := httptest.NewRecorder()
	req := httptest.NewRequest(http.MethodPost, "/", nil)
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.URL.RawQuery = "Action=GetRole&Version=2010-05-08&RoleName=app"
	cloud.Handler().ServeHTTP(rec, req)
	canned := servicetest.Canned{Header: http.Header{"Content-Type": {"text/xml"}}, Body: rec.Body.Bytes()}
	clientOf := func(h http.Handler) *awsiam.Client {
		cfg := cloud.AWSConfig()
		cfg.HTTPClient = &http.Client{Transport: servicetest.InMemory{Handler: h}}
		return awsiam.NewFromConfig(cfg)
	}
	clients := [2]*awsiam.Client{clientOf(cloud.Handler()), clientOf(canned)}
	in := &awsiam.GetRoleInput{RoleName: aws.String("app")}
	var spent [2]time.Duration
	b.ReportAllocs()
	for b.Loop() {
		for i, c := range clients {
			start := time.Now()
			if _, err := c.GetRole(context.Background(), in); err != nil {
				b.Fatal(err)
			}
			spent[i] += time.Since(start)
		}
	}
	n := float64(b.N)
	b.ReportMetric(float64(spent[0].Nanoseconds())/n, "fake-ns/call")
	b.ReportMetric(float64(spent[1].Nanoseconds())/n, "canned-ns/call")
	b.ReportMetric(float64(spent[0])/float64(spent[1]), "ratio")
}
