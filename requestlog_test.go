package awsfake_test

import (
	"context"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/aws/aws-sdk-go-v2/service/sqs"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake"
	"github.com/awsfake/awsfake/clock"
)

// WithRequestLog reports each request with the service and the operation
// it ran (issue 14: server mode's -v lines name them).
func TestWithRequestLog_NamesServiceAndOperation(t *testing.T) {
	var mu sync.Mutex
	var logs []awsfake.RequestLog
	at := time.Date(2031, 1, 1, 0, 0, 0, 0, time.UTC)
	cloud := awsfake.NewT(t, awsfake.WithClock(clock.NewFake(at)), awsfake.WithRequestLog(func(l awsfake.RequestLog) {
		mu.Lock()
		logs = append(logs, l)
		mu.Unlock()
	}))
	ctx := context.Background()
	q, err := sqs.NewFromConfig(cloud.AWSConfig()).CreateQueue(ctx, &sqs.CreateQueueInput{QueueName: aws.String("logged")})
	require.NoError(t, err)
	_, err = sqs.NewFromConfig(cloud.AWSConfig()).SendMessage(ctx, &sqs.SendMessageInput{QueueUrl: q.QueueUrl, MessageBody: aws.String("x")})
	require.NoError(t, err)
	client := s3.NewFromConfig(cloud.AWSConfig(), func(o *s3.Options) { o.UsePathStyle = true })
	_, err = client.PutObject(ctx, &s3.PutObjectInput{Bucket: aws.String("no-such-bucket"), Key: aws.String("k"), Body: strings.NewReader("x")})
	awsfake.CheckCode(t, err, "NoSuchBucket")

	require.Len(t, logs, 3)
	assert.Equal(t, [3]string{"sqs", "CreateQueue", "POST"}, [3]string{logs[0].Service, logs[0].Operation, logs[0].Method})
	assert.Equal(t, "SendMessage", logs[1].Operation)
	assert.Equal(t, 200, logs[1].Status)
	assert.Positive(t, logs[1].Bytes)
	assert.NotEmpty(t, logs[1].RequestID)
	assert.Equal(t, at, logs[1].At)
	assert.Equal(t, [4]any{"s3", "PutObject", "/no-such-bucket/k?x-id=PutObject", 404},
		[4]any{logs[2].Service, logs[2].Operation, logs[2].URI, logs[2].Status})
}
