package apigw

import (
	"context"
	"fmt"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/awsfake/awsfake/clock"
	"github.com/awsfake/awsfake/internal/cloudenv"
)

// BenchmarkMeter is the usage-plan check alone (meter: the key lookup, the
// plan covering the stage, three buckets and the quota) of a resolved GET
// needing a key, among 10 and 100,000 keys in the plan, against the same
// check of a method needing none (keys=none, the floor: the stage and
// account buckets only).
func BenchmarkMeter(b *testing.B) {
	for _, n := range []int{0, 10, 100000} {
		name := "keys=none"
		if n > 0 {
			name = fmt.Sprintf("keys=%d", n)
		}
		b.Run(name, func(b *testing.B) {
			clk := clock.NewFake(time.Date(2026, 1, 2, 0, 0, 0, 0, time.UTC))
			env := cloudenv.ForTest(clk)
			s := New(env)
			env.Attach(s.Describe())
			x, value := meterBench(b, s, n)
			x.r.Header.Set("X-Api-Key", value)
			b.ReportAllocs()
			for b.Loop() {
				clk.Advance(time.Millisecond)
				if res := s.meter(x); res != nil {
					b.Fatalf("refused: %d %s", res.status, res.body)
				}
			}
		})
	}
}

// meterBench deploys GET /items (needing a key when n > 0) with n keys in
// a plan with a throttle and a quota, and returns the resolved exchange
// of a GET and the last key's value.
func meterBench(b *testing.B, s *Service, n int) (*exchange, string) {
	ctx := context.Background()
	must := func(err error) {
		if err != nil {
			b.Fatal(err)
		}
	}
	a, err := s.CreateRestApi(ctx, CreateRestApiInput{Name: "bench"})
	must(err)
	res, err := s.CreateResource(ctx, CreateResourceInput{RestAPIID: a.ID, ParentID: a.RootResourceID, PathPart: "items"})
	must(err)
	_, err = s.PutMethod(ctx, PutMethodInput{RestAPIID: a.ID, ResourceID: res.ID, HTTPMethod: "GET", AuthorizationType: "NONE", APIKeyRequired: n > 0})
	must(err)
	_, err = s.PutIntegration(ctx, PutIntegrationInput{RestAPIID: a.ID, ResourceID: res.ID, HTTPMethod: "GET", Type: "MOCK"})
	must(err)
	_, err = s.CreateDeployment(ctx, CreateDeploymentInput{RestAPIID: a.ID, StageName: "prod"})
	must(err)
	var value string
	if n > 0 {
		plan, err := s.CreateUsagePlan(ctx, CreateUsagePlanInput{Name: "bench", APIStages: []ApiStage{{APIID: a.ID, Stage: "prod"}},
			Throttle: &ThrottleSettings{RateLimit: 5000, BurstLimit: 5000}, Quota: &QuotaSettings{Limit: 2000000000, Period: "MONTH"}})
		must(err)
		for i := range n {
			k, err := s.CreateApiKey(ctx, CreateApiKeyInput{Name: fmt.Sprintf("k%d", i), Enabled: true})
			must(err)
			_, err = s.CreateUsagePlanKey(ctx, CreateUsagePlanKeyInput{UsagePlanID: plan.ID, KeyID: k.ID, KeyType: "API_KEY"})
			must(err)
			value = k.Value
		}
	}
	x := &exchange{r: httptest.NewRequest("GET", "https://"+a.ID+".execute-api.us-east-1.amazonaws.com/prod/items", nil),
		t: target{apiID: a.ID, stage: "prod", rest: "/items"}, record: &Invocation{}}
	if res := s.resolve(x); res != nil {
		b.Fatalf("not resolved: %d", res.status)
	}
	return x, value
}
