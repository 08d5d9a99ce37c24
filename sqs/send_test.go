package sqs_test

import (
	"crypto/md5"
	"encoding/hex"
	"fmt"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	awssqs "github.com/aws/aws-sdk-go-v2/service/sqs"
	"github.com/aws/aws-sdk-go-v2/service/sqs/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func strAttr(v string) types.MessageAttributeValue {
	return types.MessageAttributeValue{DataType: aws.String("String"), StringValue: aws.String(v)}
}

func (f *fixture) receiveAll(t testing.TB, url string) []types.Message {
	t.Helper()
	out, err := f.client.ReceiveMessage(ctx, &awssqs.ReceiveMessageInput{QueueUrl: &url, MaxNumberOfMessages: 10,
		MessageAttributeNames: []string{"All"}, MessageSystemAttributeNames: []types.MessageSystemAttributeName{"All"}})
	require.NoError(t, err)
	return out.Messages
}

// "#x9 | #xA | #xD | #x20 to #xD7FF | #xE000 to #xFFFD | #x10000 to
// #x10FFFF. If a message contains characters outside the allowed set, Amazon
// SQS rejects the message and returns an InvalidMessageContents error."
func TestSendMessage_BodyCharactersAllowedByAWS(t *testing.T) {
	f := newFixture(t)
	url := f.createQueue(t, "q", nil)
	for body, ok := range map[string]bool{
		"tab\tnewline\ncr\r": true,
		"\u0020 \uD7FF":      true,
		"\uE000\uFFFD":       true,
		"\U00010000 😀":       true,
		"\x00":               false,
		"\x1f":               false,
		"\uFFFE":             false,
	} {
		_, err := f.client.SendMessage(ctx, &awssqs.SendMessageInput{QueueUrl: &url, MessageBody: aws.String(body)})
		if ok {
			require.NoError(t, err, "%q", body)
			continue
		}
		var bad *types.InvalidMessageContents
		require.ErrorAs(t, err, &bad, "%q", body)
	}
	_, err := f.client.SendMessage(ctx, &awssqs.SendMessageInput{QueueUrl: &url, MessageBody: aws.String("")})
	requireCode(t, err, "MissingParameter")
	msgs, _ := f.cloud.SQS().Messages(url)
	assert.Len(t, msgs, 4, "refused messages are not stored")
}

// The body and every attribute's name, type and value count against
// MaximumMessageSize ("All parts of the message attribute, including Name,
// Type, and Value, are part of the message size restriction").
func TestSendMessage_SizeLimitCountsBodyAndAttributes(t *testing.T) {
	f := newFixture(t)
	url := f.createQueue(t, "q", map[string]string{"MaximumMessageSize": "1024"})
	send := func(body string, attrs map[string]types.MessageAttributeValue) error {
		_, err := f.client.SendMessage(ctx, &awssqs.SendMessageInput{QueueUrl: &url, MessageBody: &body, MessageAttributes: attrs})
		return err
	}
	require.NoError(t, send(strings.Repeat("a", 1024), nil))
	requireCode(t, send(strings.Repeat("a", 1025), nil), "InvalidParameterValue")
	attrs := map[string]types.MessageAttributeValue{"n": strAttr("v")} // 1 + 6 + 1 bytes
	require.NoError(t, send(strings.Repeat("a", 1016), attrs))
	requireCode(t, send(strings.Repeat("a", 1017), attrs), "InvalidParameterValue")

	big := f.createQueue(t, "big", nil)
	_, err := f.client.SendMessage(ctx, &awssqs.SendMessageInput{QueueUrl: &big, MessageBody: aws.String(strings.Repeat("a", 1048576))})
	require.NoError(t, err, "1 MiB is the default maximum")
	_, err = f.client.SendMessage(ctx, &awssqs.SendMessageInput{QueueUrl: &big, MessageBody: aws.String(strings.Repeat("a", 1048577))})
	requireCode(t, err, "InvalidParameterValue")
}

// MD5OfMessageBody is the MD5 of the body; MD5OfMessageAttributes follows
// AWS's algorithm, pinned by the vectors of reference/client-validations.md;
// MD5OfMessageSystemAttributes covers AWSTraceHeader, which the receiver
// gets in Attributes.
func TestSendMessage_MD5sAreAWSs(t *testing.T) {
	f := newFixture(t)
	url := f.createQueue(t, "q", nil)
	out, err := f.client.SendMessage(ctx, &awssqs.SendMessageInput{QueueUrl: &url, MessageBody: aws.String("hello"),
		MessageAttributes: map[string]types.MessageAttributeValue{
			"timestamp": {DataType: aws.String("Number"), StringValue: aws.String("1493147359900")}},
		MessageSystemAttributes: map[string]types.MessageSystemAttributeValue{
			"AWSTraceHeader": {DataType: aws.String("String"), StringValue: aws.String("Root=1-5759e988-bd862e3fe1be46a994272793")}},
	})
	require.NoError(t, err)
	sum := md5.Sum([]byte("hello"))
	assert.Equal(t, hex.EncodeToString(sum[:]), aws.ToString(out.MD5OfMessageBody))
	assert.Equal(t, "235c5c510d26fb653d073faed50ae77c", aws.ToString(out.MD5OfMessageAttributes))
	assert.NotEmpty(t, aws.ToString(out.MD5OfMessageSystemAttributes))

	got := f.receiveAll(t, url)
	require.Len(t, got, 1)
	assert.Equal(t, "235c5c510d26fb653d073faed50ae77c", aws.ToString(got[0].MD5OfMessageAttributes))
	assert.Equal(t, "Root=1-5759e988-bd862e3fe1be46a994272793", got[0].Attributes["AWSTraceHeader"])

	plain, err := f.client.SendMessage(ctx, &awssqs.SendMessageInput{QueueUrl: &url, MessageBody: aws.String("x"),
		MessageAttributes: map[string]types.MessageAttributeValue{"a": strAttr("b")}})
	require.NoError(t, err)
	assert.Equal(t, "bef8bf215374a0a228d67533b1a488be", aws.ToString(plain.MD5OfMessageAttributes))
	assert.Nil(t, plain.MD5OfMessageSystemAttributes)
}

// Up to 10 attributes of type String, Number or Binary, with an optional
// custom suffix; names of [A-Za-z0-9_.-], not AWS./Amazon.-prefixed, no
// leading, trailing or doubled period, up to 256 characters.
func TestSendMessage_MessageAttributeRules(t *testing.T) {
	f := newFixture(t)
	url := f.createQueue(t, "q", nil)
	ten := map[string]types.MessageAttributeValue{}
	for i := range 10 {
		ten[fmt.Sprintf("a%d", i)] = strAttr("v")
	}
	eleven := map[string]types.MessageAttributeValue{"a10": strAttr("v")}
	for k, v := range ten {
		eleven[k] = v
	}
	bin := types.MessageAttributeValue{DataType: aws.String("Binary.png"), BinaryValue: []byte{0, 1, 2}}
	num := func(v string) types.MessageAttributeValue {
		return types.MessageAttributeValue{DataType: aws.String("Number.int"), StringValue: aws.String(v)}
	}
	for _, tc := range []struct {
		name  string
		attrs map[string]types.MessageAttributeValue
		ok    bool
	}{
		{"ten", ten, true},
		{"eleven", eleven, false},
		{"custom types", map[string]types.MessageAttributeValue{"b": bin, "n": num("-1.5e3"), "s": {DataType: aws.String("String.json"), StringValue: aws.String("{}")}}, true},
		{"not a number", map[string]types.MessageAttributeValue{"n": num("12abc")}, false},
		{"unknown type", map[string]types.MessageAttributeValue{"x": {DataType: aws.String("Integer"), StringValue: aws.String("1")}}, false},
		{"empty string", map[string]types.MessageAttributeValue{"x": {DataType: aws.String("String"), StringValue: aws.String("")}}, false},
		{"binary without bytes", map[string]types.MessageAttributeValue{"x": {DataType: aws.String("Binary")}}, false},
		{"AWS. prefix", map[string]types.MessageAttributeValue{"AWS.x": strAttr("v")}, false},
		{"amazon. prefix", map[string]types.MessageAttributeValue{"amazon.x": strAttr("v")}, false},
		{"leading period", map[string]types.MessageAttributeValue{".x": strAttr("v")}, false},
		{"double period", map[string]types.MessageAttributeValue{"a..b": strAttr("v")}, false},
		{"bad character", map[string]types.MessageAttributeValue{"a b": strAttr("v")}, false},
		{"256 characters", map[string]types.MessageAttributeValue{strings.Repeat("n", 256): strAttr("v")}, true},
		{"257 characters", map[string]types.MessageAttributeValue{strings.Repeat("n", 257): strAttr("v")}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := f.client.SendMessage(ctx, &awssqs.SendMessageInput{QueueUrl: &url, MessageBody: aws.String("b"), MessageAttributes: tc.attrs})
			if tc.ok {
				require.NoError(t, err)
				return
			}
			requireCode(t, err, "InvalidParameterValue")
		})
	}
	_, err := f.client.SendMessage(ctx, &awssqs.SendMessageInput{QueueUrl: &url, MessageBody: aws.String("b"),
		MessageSystemAttributes: map[string]types.MessageSystemAttributeValue{"Other": {DataType: aws.String("String"), StringValue: aws.String("x")}}})
	requireCode(t, err, "InvalidParameterValue")
}

func TestSendMessage_DelaySecondsRangeAndStandardQueueRefusesDeduplicationId(t *testing.T) {
	f := newFixture(t)
	url := f.createQueue(t, "q", nil)
	for delay, ok := range map[int32]bool{-1: false, 900: true, 901: false} {
		_, err := f.client.SendMessage(ctx, &awssqs.SendMessageInput{QueueUrl: &url, MessageBody: aws.String("b"), DelaySeconds: delay})
		if ok {
			require.NoError(t, err)
		} else {
			requireCode(t, err, "InvalidParameterValue")
		}
	}
	_, err := f.client.SendMessage(ctx, &awssqs.SendMessageInput{QueueUrl: &url, MessageBody: aws.String("b"), MessageDeduplicationId: aws.String("d")})
	requireCode(t, err, "InvalidParameterValue")
	_, err = f.client.SendMessage(ctx, &awssqs.SendMessageInput{QueueUrl: &url, MessageBody: aws.String("b"), MessageGroupId: aws.String("tenant-1")})
	require.NoError(t, err, "a group id on a standard queue is a fair-queue tenant")
}

// SendMessageBatch: 1 to 10 entries with distinct ids of up to 80
// characters of [A-Za-z0-9_-], at most 1 MiB in total; each entry then
// succeeds or fails on its own, reported in Failed with its code.
func TestSendMessageBatch_BatchRulesAndPerEntryFailures(t *testing.T) {
	f := newFixture(t)
	url := f.createQueue(t, "q", nil)
	entries := func(n int) []types.SendMessageBatchRequestEntry {
		out := make([]types.SendMessageBatchRequestEntry, n)
		for i := range out {
			out[i] = types.SendMessageBatchRequestEntry{Id: aws.String(fmt.Sprint("e", i)), MessageBody: aws.String("b")}
		}
		return out
	}
	send := func(e []types.SendMessageBatchRequestEntry) (*awssqs.SendMessageBatchOutput, error) {
		return f.client.SendMessageBatch(ctx, &awssqs.SendMessageBatchInput{QueueUrl: &url, Entries: e})
	}
	_, err := send([]types.SendMessageBatchRequestEntry{})
	var empty *types.EmptyBatchRequest
	require.ErrorAs(t, err, &empty)
	_, err = send(entries(11))
	var tooMany *types.TooManyEntriesInBatchRequest
	require.ErrorAs(t, err, &tooMany)
	dup := entries(2)
	dup[1].Id = dup[0].Id
	_, err = send(dup)
	var notDistinct *types.BatchEntryIdsNotDistinct
	require.ErrorAs(t, err, &notDistinct)
	for _, id := range []string{"", "a.b", strings.Repeat("x", 81)} {
		bad := entries(1)
		bad[0].Id = aws.String(id)
		_, err = send(bad)
		var badID *types.InvalidBatchEntryId
		require.ErrorAs(t, err, &badID, "%q", id)
	}
	large := entries(2)
	large[0].MessageBody = aws.String(strings.Repeat("a", 524288))
	large[1].MessageBody = aws.String(strings.Repeat("a", 524288))
	_, err = send(large)
	require.NoError(t, err, "exactly 1 MiB in total")
	large[1].MessageBody = aws.String(strings.Repeat("a", 524289))
	_, err = send(large)
	var tooLong *types.BatchRequestTooLong
	require.ErrorAs(t, err, &tooLong)

	mixed := entries(3)
	mixed[1].MessageBody = aws.String("\x00")
	mixed[2].DelaySeconds = 901
	out, err := send(mixed)
	require.NoError(t, err)
	require.Len(t, out.Successful, 1)
	assert.Equal(t, "e0", aws.ToString(out.Successful[0].Id))
	require.Len(t, out.Failed, 2)
	assert.Equal(t, "e1", aws.ToString(out.Failed[0].Id))
	assert.Equal(t, "InvalidMessageContents", aws.ToString(out.Failed[0].Code))
	assert.True(t, out.Failed[0].SenderFault)
	assert.Equal(t, "InvalidParameterValue", aws.ToString(out.Failed[1].Code))
	msgs, _ := f.cloud.SQS().Messages(url)
	assert.Len(t, msgs, 3, "1 + 2 from the 1 MiB batch")
}
