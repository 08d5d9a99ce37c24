package logs_test

import (
	"context"
	"fmt"
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
