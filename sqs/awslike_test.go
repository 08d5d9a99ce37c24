package sqs_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake"
	"github.com/awsfake/awsfake/sqs"
)

// consume sends n messages, then receives and deletes until the queue is
// empty, returning the bodies in the order received (duplicates included).
func consume(t *testing.T, seed uint64, n int, d *sqs.AWSLikeDelivery) []string {
	f := newFixture(t, awsfake.WithSeed(seed))
	url := f.createQueue(t, "q", map[string]string{"VisibilityTimeout": "1"})
	if d != nil {
		require.NoError(t, f.cloud.SQS().SetAWSLikeDelivery(url, d))
	}
	for i := range n {
		f.send(t, url, string(rune('a'+i)))
	}
	var got []string
	for range 10 * n {
		ms := f.receive(t, url)
		if len(ms) == 0 {
			msgs, err := f.cloud.SQS().Messages(url)
			require.NoError(t, err)
			if len(msgs) == 0 {
				break
			}
			f.clk.Advance(time.Second) // kept copies come back
			continue
		}
		for _, m := range ms {
			got = append(got, *m.Body)
			require.NoError(t, f.deleteMessage(url, m.ReceiptHandle))
		}
	}
	return got
}

// The opt-in AWS-like mode duplicates and reorders deliveries, as AWS's
// standard queues may, deterministically for a seed.
func TestAWSLikeDelivery_DuplicatesAndReordersDeterministically(t *testing.T) {
	plain := consume(t, 7, 20, nil)
	assert.Equal(t, "abcdefghijklmnopqrst", join(plain), "by default: once each, oldest first")

	d := &sqs.AWSLikeDelivery{DuplicateProbability: 0.3, ReorderWindow: 5}
	got := consume(t, 7, 20, d)
	assert.Greater(t, len(got), 20, "some deletes did not stick")
	assert.NotEqual(t, "abcdefghijklmnopqrst", join(got)[:20], "order is relaxed")
	seen := map[string]bool{}
	for _, b := range got {
		seen[b] = true
	}
	assert.Len(t, seen, 20, "every message is delivered")
	assert.Equal(t, got, consume(t, 7, 20, d), "the same seed, the same deliveries")
}

func TestAWSLikeDelivery_RefusedForFIFOAndBadSettings(t *testing.T) {
	f := newFixture(t)
	fifo := f.createQueue(t, "q.fifo", fifoAttrs)
	std := f.createQueue(t, "q", nil)
	api := f.cloud.SQS()
	require.Error(t, api.SetAWSLikeDelivery(fifo, &sqs.AWSLikeDelivery{ReorderWindow: 2}))
	require.Error(t, api.SetAWSLikeDelivery(std, &sqs.AWSLikeDelivery{DuplicateProbability: 2}))
	require.NoError(t, api.SetAWSLikeDelivery(std, nil))
}

func join(ss []string) string {
	out := ""
	for _, s := range ss {
		out += s
	}
	return out
}
