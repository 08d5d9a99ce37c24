package awsfake_test

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sqs"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake"
)

// NewServerT serves the cloud on a loopback socket whose URL the cloud
// reports: a queue URL it answers names the socket, and a client with no
// HTTPClient of its own reaches it over the network.
func TestNewServerT_ServesOnTheURLItReports(t *testing.T) {
	cloud := awsfake.NewServerT(t)
	require.True(t, strings.HasPrefix(cloud.URL(), "http://127.0.0.1:"), cloud.URL())
	cfg := cloud.AWSConfig()
	cfg.HTTPClient = nil // the SDK's own, over the socket
	client := sqs.NewFromConfig(cfg)
	ctx := context.Background()
	q, err := client.CreateQueue(ctx, &sqs.CreateQueueInput{QueueName: aws.String("socket")})
	require.NoError(t, err)
	assert.Equal(t, cloud.URL()+"/000000000000/socket", aws.ToString(q.QueueUrl))
	_, err = client.SendMessage(ctx, &sqs.SendMessageInput{QueueUrl: q.QueueUrl, MessageBody: aws.String("over the wire")})
	require.NoError(t, err)
	cloud.SQS().CheckMessage(t, aws.ToString(q.QueueUrl), "over the wire")
}

// Its cleanup stops the server and closes the cloud: no goroutine is left.
func TestNewServerT_CleanupLeavesNoGoroutine(t *testing.T) {
	before := settledGoroutines(t, -1)
	t.Run("served", func(t *testing.T) {
		cloud := awsfake.NewServerT(t)
		cfg := cloud.AWSConfig()
		cfg.HTTPClient = nil
		_, err := sqs.NewFromConfig(cfg).ListQueues(context.Background(), &sqs.ListQueuesInput{})
		require.NoError(t, err)
	})
	http.DefaultClient.CloseIdleConnections()
	settledGoroutines(t, before)
}
