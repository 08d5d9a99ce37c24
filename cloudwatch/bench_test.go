package cloudwatch_test

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	awscw "github.com/aws/aws-sdk-go-v2/service/cloudwatch"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatch/types"

	"github.com/awsfake/awsfake"
	"github.com/awsfake/awsfake/clock"
	"github.com/awsfake/awsfake/cloudwatch"
	"github.com/awsfake/awsfake/internal/servicetest"
)

// BenchmarkSDKPutMetricData compares PutMetricData of 20 datums through
// the real SDK (CBOR) served by the fake with the same call answered by a
// canned response through the same in-memory transport, alternating
// within each iteration.
func BenchmarkSDKPutMetricData(b *testing.B) {
	clk := clock.NewFake(t0)
	cloud := awsfake.New(awsfake.WithClock(clk))
	b.Cleanup(func() { _ = cloud.Close() })
	// PutMetricData's answer: an empty CBOR map.
	canned := servicetest.Canned{Header: http.Header{"Smithy-Protocol": {"rpc-v2-cbor"}, "Content-Type": {"application/cbor"}},
		Body: []byte{0xa0}}
	clientOf := func(h http.Handler) *awscw.Client {
		cfg := cloud.AWSConfig()
		cfg.HTTPClient = &http.Client{Transport: servicetest.InMemory{Handler: h}}
		return awscw.NewFromConfig(cfg)
	}
	clients := [2]*awscw.Client{clientOf(cloud.Handler()), clientOf(canned)}
	data := make([]types.MetricDatum, 20)
	for i := range data {
		data[i] = types.MetricDatum{MetricName: aws.String(fmt.Sprint("m", i)), Value: aws.Float64(float64(i)),
			Unit: types.StandardUnitCount, Dimensions: []types.Dimension{{Name: aws.String("Host"), Value: aws.String("a")}}}
	}
	in := &awscw.PutMetricDataInput{Namespace: aws.String("app"), MetricData: data}
	var spent [2]time.Duration
	b.ReportAllocs()
	for b.Loop() {
		for i, c := range clients {
			start := time.Now()
			if _, err := c.PutMetricData(context.Background(), in); err != nil {
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

// BenchmarkGetMetricStatistics reads one hour of 1-minute data with 10 or
// 1,000,000 data points stored (10 minutes of one point; 6,667 minutes of
// 150): the cost is the minutes the window holds (10, 60), not the points
// stored.
func BenchmarkGetMetricStatistics(b *testing.B) {
	for _, stored := range []int{10, 1_000_000} {
		b.Run(fmt.Sprint(stored), func(b *testing.B) {
			clk := clock.NewFake(t0)
			cloud := awsfake.New(awsfake.WithClock(clk))
			b.Cleanup(func() { _ = cloud.Close() })
			cw, ctx := cloud.CloudWatch(), context.Background()
			batch := min(150, stored/10)
			for i := 0; i < stored; i += batch {
				vals := make([]float64, min(batch, stored-i))
				for j := range vals {
					vals[j] = float64(j)
				}
				ts := t0.Add(-time.Duration(1+i/batch%(13*24*60)) * time.Minute)
				if _, err := cw.PutMetricData(ctx, cloudwatch.PutMetricDataInput{Namespace: "app", MetricData: []cloudwatch.MetricDatum{
					{MetricName: "m", Values: vals, Timestamp: cloudwatch.At(ts)}}}); err != nil {
					b.Fatal(err)
				}
			}
			p := int32(60)
			in := cloudwatch.GetMetricStatisticsInput{Namespace: "app", MetricName: "m", StartTime: cloudwatch.At(t0.Add(-time.Hour)),
				EndTime: cloudwatch.At(t0), Period: &p, Statistics: []string{"Sum", "Average", "Maximum"}}
			b.ReportAllocs()
			for b.Loop() {
				if _, err := cw.GetMetricStatistics(ctx, in); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkEvaluate10000Alarms is one minute's evaluation of 10,000 alarms,
// each on its own metric with data.
func BenchmarkEvaluate10000Alarms(b *testing.B) {
	clk := clock.NewFake(t0)
	cloud := awsfake.New(awsfake.WithClock(clk))
	b.Cleanup(func() { _ = cloud.Close() })
	cw, ctx := cloud.CloudWatch(), context.Background()
	p, n, th := int32(60), int32(3), 10.0
	for i := range 10000 {
		name := fmt.Sprint("m", i)
		v := float64(i % 20)
		if _, err := cw.PutMetricData(ctx, cloudwatch.PutMetricDataInput{Namespace: "app",
			MetricData: []cloudwatch.MetricDatum{{MetricName: name, Value: &v, Timestamp: cloudwatch.At(t0.Add(-time.Minute))}}}); err != nil {
			b.Fatal(err)
		}
		if _, err := cw.PutMetricAlarm(ctx, cloudwatch.PutMetricAlarmInput{AlarmName: name, Namespace: "app", MetricName: name,
			Statistic: "Average", Period: &p, EvaluationPeriods: &n, Threshold: &th, ComparisonOperator: "GreaterThanThreshold"}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportAllocs()
	for b.Loop() {
		clk.Advance(time.Minute)
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/10000, "ns/alarm")
}

// BenchmarkGetMetricDataMath measures GetMetricData of a metric math
// expression (m1/m2*100 over two one-minute series of a day, 1,440
// points each) through the SDK and the in-memory transport, against the
// same call answered canned: "ratio" against an empty answer (the floor of
// issue 25's first figure), "same-body-ratio" against the fake's own
// answer replayed, which the SDK decodes as it decodes the fake's (the
// fake's cost alone).
func BenchmarkGetMetricDataMath(b *testing.B) {
	clk := clock.NewFake(t0)
	cloud := awsfake.New(awsfake.WithClock(clk))
	b.Cleanup(func() { _ = cloud.Close() })
	ctx := context.Background()
	cw := cloud.CloudWatch()
	for i := range 1440 {
		ts := cloudwatch.At(t0.Add(-time.Duration(i+1) * time.Minute))
		if _, err := cw.PutMetricData(ctx, cloudwatch.PutMetricDataInput{Namespace: "app", MetricData: []cloudwatch.MetricDatum{
			{MetricName: "errors", Value: aws.Float64(float64(i % 7)), Timestamp: ts},
			{MetricName: "calls", Value: aws.Float64(float64(i % 5)), Timestamp: ts}}}); err != nil {
			b.Fatal(err)
		}
	}
	header := http.Header{"Smithy-Protocol": {"rpc-v2-cbor"}, "Content-Type": {"application/cbor"}}
	canned := servicetest.Canned{Header: header,
		Body: []byte{0xa1, 0x71, 'M', 'e', 't', 'r', 'i', 'c', 'D', 'a', 't', 'a', 'R', 'e', 's', 'u', 'l', 't', 's', 0x80}}
	clientOf := func(h http.Handler) *awscw.Client {
		cfg := cloud.AWSConfig()
		cfg.HTTPClient = &http.Client{Transport: servicetest.InMemory{Handler: h}}
		return awscw.NewFromConfig(cfg)
	}
	in := &awscw.GetMetricDataInput{StartTime: aws.Time(t0.Add(-24 * time.Hour)), EndTime: aws.Time(t0),
		MetricDataQueries: []types.MetricDataQuery{stat("m1", "errors", false), stat("m2", "calls", false), expr("e1", "m1/m2*100")}}
	var body bytes.Buffer
	if _, err := clientOf(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		cloud.Handler().ServeHTTP(teeWriter{w, &body}, r)
	})).GetMetricData(ctx, in); err != nil {
		b.Fatal(err)
	}
	same := servicetest.Canned{Header: header, Body: body.Bytes()}
	clients := [3]*awscw.Client{clientOf(cloud.Handler()), clientOf(canned), clientOf(same)}
	var spent [3]time.Duration
	b.ReportAllocs()
	for b.Loop() {
		for k, c := range clients {
			start := time.Now()
			if _, err := c.GetMetricData(ctx, in); err != nil {
				b.Fatal(err)
			}
			spent[k] += time.Since(start)
		}
	}
	n := float64(b.N)
	b.ReportMetric(float64(spent[0].Nanoseconds())/n, "fake-ns/call")
	b.ReportMetric(float64(spent[1].Nanoseconds())/n, "canned-ns/call")
	b.ReportMetric(float64(spent[0])/float64(spent[1]), "ratio")
	b.ReportMetric(float64(spent[0])/float64(spent[2]), "same-body-ratio")
}

// teeWriter copies what a handler writes to buf.
type teeWriter struct {
	http.ResponseWriter
	buf *bytes.Buffer
}

func (t teeWriter) Write(p []byte) (int, error) {
	t.buf.Write(p)
	return t.ResponseWriter.Write(p)
}
