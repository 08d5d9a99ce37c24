package logs_test

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	sdk "github.com/aws/aws-sdk-go-v2/service/cloudwatchlogs"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatchlogs/types"

	"github.com/awsfake/awsfake"
	"github.com/awsfake/awsfake/clock"
)

// The real cloudwatchlogs client writes events and reads back those a
// filter pattern matches.
func Example() {
	clk := clock.NewFake(time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC))
	cloud := awsfake.New(awsfake.WithClock(clk))
	defer cloud.Close()
	ctx := context.Background()
	client := sdk.NewFromConfig(cloud.AWSConfig())

	_, _ = client.CreateLogGroup(ctx, &sdk.CreateLogGroupInput{LogGroupName: aws.String("/app")})
	_, _ = client.CreateLogStream(ctx, &sdk.CreateLogStreamInput{LogGroupName: aws.String("/app"), LogStreamName: aws.String("web")})
	now := clk.Now().UnixMilli()
	_, _ = client.PutLogEvents(ctx, &sdk.PutLogEventsInput{LogGroupName: aws.String("/app"), LogStreamName: aws.String("web"),
		LogEvents: []types.InputLogEvent{
			{Timestamp: aws.Int64(now), Message: aws.String(`{"status": 200, "path": "/"}`)},
			{Timestamp: aws.Int64(now + 1), Message: aws.String(`{"status": 503, "path": "/pay"}`)},
		}})
	out, err := client.FilterLogEvents(ctx, &sdk.FilterLogEventsInput{LogGroupName: aws.String("/app"),
		FilterPattern: aws.String(`{ $.status >= 500 }`)})
	if err != nil {
		panic(err)
	}
	for _, e := range out.Events {
		fmt.Println(aws.ToString(e.LogStreamName), aws.ToString(e.Message))
	}
	// Output: web {"status": 503, "path": "/pay"}
}

// A Logs Insights query counts errors by 5-minute bin; it completes on
// the cloud's clock.
func Example_insights() {
	clk := clock.NewFake(time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC))
	cloud := awsfake.New(awsfake.WithClock(clk))
	defer cloud.Close()
	ctx := context.Background()
	client := sdk.NewFromConfig(cloud.AWSConfig())

	_, _ = client.CreateLogGroup(ctx, &sdk.CreateLogGroupInput{LogGroupName: aws.String("/app")})
	_, _ = client.CreateLogStream(ctx, &sdk.CreateLogStreamInput{LogGroupName: aws.String("/app"), LogStreamName: aws.String("web")})
	t0 := clk.Now()
	var evs []types.InputLogEvent
	for i, level := range []string{"ERROR", "INFO", "ERROR", "ERROR"} {
		evs = append(evs, types.InputLogEvent{Timestamp: aws.Int64(t0.Add(time.Duration(i) * 3 * time.Minute).UnixMilli()),
			Message: aws.String(fmt.Sprintf(`{"level":%q,"ms":%d}`, level, 10*(i+1)))})
	}
	_, _ = client.PutLogEvents(ctx, &sdk.PutLogEventsInput{LogGroupName: aws.String("/app"), LogStreamName: aws.String("web"), LogEvents: evs})
	start, err := client.StartQuery(ctx, &sdk.StartQueryInput{LogGroupName: aws.String("/app"),
		QueryString: aws.String(`filter level = "ERROR" | stats count(*) as errors, avg(ms) by bin(5m)`),
		StartTime:   aws.Int64(t0.Unix()), EndTime: aws.Int64(t0.Add(time.Hour).Unix())})
	if err != nil {
		panic(err)
	}
	clk.Advance(time.Second) // queries complete half a second after they start
	out, _ := client.GetQueryResults(ctx, &sdk.GetQueryResultsInput{QueryId: start.QueryId})
	fmt.Println(out.Status)
	for _, row := range out.Results {
		var cols []string
		for _, f := range row {
			cols = append(cols, aws.ToString(f.Field)+"="+aws.ToString(f.Value))
		}
		fmt.Println(strings.Join(cols, " "))
	}
	// Output:
	// Complete
	// bin(5m)=2030-01-01 00:00:00.000 errors=1 avg(ms)=10
	// bin(5m)=2030-01-01 00:05:00.000 errors=2 avg(ms)=35
}
