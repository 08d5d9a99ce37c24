package xray_test

import (
	"context"
	"fmt"

	"github.com/aws/aws-sdk-go-v2/aws"
	sdk "github.com/aws/aws-sdk-go-v2/service/xray"

	"github.com/awsfake/awsfake"
	"github.com/awsfake/awsfake/clock"
)

// A segment and a subsegment sent apart, found by a filter expression and
// read back as one trace.
func Example() {
	cloud := awsfake.New(awsfake.WithClock(clock.NewFake(t0)))
	defer cloud.Close()
	ctx := context.Background()
	client := sdk.NewFromConfig(cloud.AWSConfig())

	trace := cloud.XRay().NewTraceID()
	root, sub := cloud.XRay().NewSegmentID(), cloud.XRay().NewSegmentID()
	start := float64(t0.Unix())
	_, err := client.PutTraceSegments(ctx, &sdk.PutTraceSegmentsInput{TraceSegmentDocuments: []string{
		fmt.Sprintf(`{"trace_id":%q,"id":%q,"name":"checkout","start_time":%v,"end_time":%v,"fault":true,
			"http":{"request":{"method":"POST","url":"https://shop.example/pay"},"response":{"status":502}}}`, trace, root, start, start+1.5),
		fmt.Sprintf(`{"trace_id":%q,"id":%q,"parent_id":%q,"type":"subsegment","name":"payments","namespace":"remote",
			"start_time":%v,"end_time":%v,"fault":true}`, trace, sub, root, start+0.1, start+1.4),
	}})
	if err != nil {
		panic(err)
	}

	sums, err := client.GetTraceSummaries(ctx, &sdk.GetTraceSummariesInput{StartTime: aws.Time(t0), EndTime: aws.Time(t0.Add(60e9)),
		FilterExpression: aws.String(`fault AND http.method = "POST" AND edge("checkout", "payments")`)})
	if err != nil {
		panic(err)
	}
	s := sums.TraceSummaries[0]
	fmt.Println(len(sums.TraceSummaries), *s.Id == trace, *s.ResponseTime, *s.FaultRootCauses[0].Services[0].Name)

	got, err := client.BatchGetTraces(ctx, &sdk.BatchGetTracesInput{TraceIds: []string{trace}})
	if err != nil {
		panic(err)
	}
	fmt.Println(len(got.Traces[0].Segments), *got.Traces[0].Duration)
	// Output:
	// 1 true 1.5 payments
	// 1 1.5
}
