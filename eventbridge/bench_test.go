package eventbridge_test

import (
	"context"
	"fmt"
	"net/http"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	awseb "github.com/aws/aws-sdk-go-v2/service/eventbridge"
	ebtypes "github.com/aws/aws-sdk-go-v2/service/eventbridge/types"

	"github.com/awsfake/awsfake"
	"github.com/awsfake/awsfake/clock"
	"github.com/awsfake/awsfake/eventbridge"
	"github.com/awsfake/awsfake/internal/servicetest"
)

// BenchmarkSDKPutEvents compares the SDK's PutEvents of one event to the
// default bus holding 1,000 rules (one of which matches, by source, the
// others on other sources and 100 of them by prefix, which no index
// serves) with the same call answered by a canned response, through the
// same in-memory transport, alternating within each iteration.
func BenchmarkSDKPutEvents(b *testing.B) {
	cloud := awsfake.New(awsfake.WithClock(clock.NewFake(t0)))
	b.Cleanup(func() { _ = cloud.Close() })
	api := cloud.EventBridge()
	for i := range 1000 {
		pattern := fmt.Sprintf(`{"source":["app.%d"],"detail":{"n":[{"numeric":[">",0]}]}}`, i)
		if i%10 == 0 {
			pattern = fmt.Sprintf(`{"source":[{"prefix":"other.%d"}]}`, i)
		}
		if _, err := api.PutRule(context.Background(), eventbridge.PutRuleInput{Name: fmt.Sprintf("r%d", i), EventPattern: pattern}); err != nil {
			b.Fatal(err)
		}
	}
	canned := servicetest.Canned{Header: http.Header{"Content-Type": {"application/x-amz-json-1.1"}},
		Body: []byte(`{"Entries":[{"EventId":"4ed8d9f8-9d5a-4bd1-9b9c-4a8a4c1d2f33"}],"FailedEntryCount":0}`)}
	clientOf := func(h http.Handler) *awseb.Client {
		cfg := cloud.AWSConfig()
		cfg.HTTPClient = &http.Client{Transport: servicetest.InMemory{Handler: h}}
		return awseb.NewFromConfig(cfg)
	}
	in := &awseb.PutEventsInput{Entries: []ebtypes.PutEventsRequestEntry{{Source: aws.String("app.7"), DetailType: aws.String("t"),
		Detail: aws.String(`{"n":5,"orderId":"0f8fad5b-d9cb-469f-a165-70867728950e"}`)}}}
	clients := [2]*awseb.Client{clientOf(cloud.Handler()), clientOf(canned)}
	var spent [2]time.Duration
	b.ReportAllocs()
	for b.Loop() {
		for i, c := range clients {
			start := time.Now()
			if _, err := c.PutEvents(context.Background(), in); err != nil {
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

// BenchmarkAdvanceWeekOf100CronRules is a week of the clock with 100
// cron rules firing every 15 minutes (67,200 firings, no targets): the
// cost of the scheduler, one job per rule re-armed at each firing.
func BenchmarkAdvanceWeekOf100CronRules(b *testing.B) {
	for b.Loop() {
		clk := clock.NewFake(t0)
		cloud := awsfake.New(awsfake.WithClock(clk))
		for i := range 100 {
			if _, err := cloud.EventBridge().PutRule(context.Background(), eventbridge.PutRuleInput{Name: fmt.Sprintf("r%d", i),
				ScheduleExpression: "cron(0/15 * * * ? *)"}); err != nil {
				b.Fatal(err)
			}
		}
		clk.Advance(7 * 24 * time.Hour)
		_ = cloud.Close()
	}
}

// BenchmarkPutRuleAmongRules is one PutRule (an exact-source pattern) on
// a bus that already holds 100 or 10,000 rules: the source index is
// updated for the rule changed, so the cost does not grow with the rules
// at rest (issue 28's note: it was rebuilt whole at each PutRule).
func BenchmarkPutRuleAmongRules(b *testing.B) {
	for _, n := range []int{100, 10000} {
		b.Run(fmt.Sprintf("rules=%d", n), func(b *testing.B) {
			cloud := awsfake.New()
			defer cloud.Close()
			eb := cloud.EventBridge()
			for i := range n {
				if _, err := eb.PutRule(context.Background(), eventbridge.PutRuleInput{Name: fmt.Sprintf("r%05d", i),
					EventPattern: fmt.Sprintf(`{"source":["app.%d"]}`, i%50)}); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				i++
				if _, err := eb.PutRule(context.Background(), eventbridge.PutRuleInput{Name: "changing",
					EventPattern: fmt.Sprintf(`{"source":["app.%d"]}`, i%50)}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
