package sns_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	awssns "github.com/aws/aws-sdk-go-v2/service/sns"
	"github.com/aws/aws-sdk-go-v2/service/sns/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake"
	"github.com/awsfake/awsfake/sns"
)

func TestPublish_SQSSubscriberGetsTheJSONEnvelopeAsAWSFormatsIt(t *testing.T) {
	f := newFixture(t)
	topic := f.topic(t, "orders", nil)
	url, q := f.queue(t, "q", nil)
	sub := f.subscribe(t, topic, "sqs", q, nil)
	out, err := f.sns.Publish(f.ctx, &awssns.PublishInput{TopicArn: aws.String(topic), Message: aws.String("hello <world> & \"you\""),
		Subject: aws.String("Greetings"), MessageAttributes: map[string]types.MessageAttributeValue{
			"store": {DataType: aws.String("String"), StringValue: aws.String("example_corp")},
			"blob":  {DataType: aws.String("Binary"), BinaryValue: []byte{0xde, 0xad}},
		}})
	require.NoError(t, err)
	id := aws.ToString(out.MessageId)
	assert.Nil(t, out.SequenceNumber)
	f.settle(t)

	msgs := f.receive(t, url)
	require.Len(t, msgs, 1)
	assert.Empty(t, msgs[0].MessageAttributes, "without raw delivery the attributes travel inside the envelope")
	body := aws.ToString(msgs[0].Body)
	var env struct {
		Type, MessageId, TopicArn, Subject, Message, Timestamp, SignatureVersion, Signature, SigningCertURL, UnsubscribeURL string
		MessageAttributes                                                                                                   map[string]struct{ Type, Value string }
	}
	require.NoError(t, json.Unmarshal([]byte(body), &env))
	assert.Equal(t, "Notification", env.Type)
	assert.Equal(t, id, env.MessageId)
	assert.Equal(t, topic, env.TopicArn)
	assert.Equal(t, "Greetings", env.Subject)
	assert.Equal(t, `hello <world> & "you"`, env.Message)
	assert.Equal(t, "2030-01-01T00:00:00.000Z", env.Timestamp)
	assert.Equal(t, "1", env.SignatureVersion)
	assert.NotEmpty(t, env.Signature)
	assert.Regexp(t, `^http://awsfake\.localhost/_awsfake/sns/SimpleNotificationService-[0-9a-f]{32}\.pem$`, env.SigningCertURL)
	assert.Equal(t, "http://awsfake.localhost/?Action=Unsubscribe&SubscriptionArn="+sub, env.UnsubscribeURL)
	assert.Equal(t, map[string]struct{ Type, Value string }{"store": {"String", "example_corp"}, "blob": {"Binary", "3q0="}}, env.MessageAttributes)

	// Field order and layout as AWS sends them.
	order := []string{`{` + "\n" + `  "Type" : "Notification",`, `"MessageId" : `, `"TopicArn" : `, `"Subject" : `, `"Message" : `,
		`"Timestamp" : `, `"SignatureVersion" : `, `"Signature" : `, `"SigningCertURL" : `, `"UnsubscribeURL" : `,
		`"MessageAttributes" : {` + "\n" + `    "blob" : {"Type":"Binary","Value":"3q0="},` + "\n" + `    "store" : {"Type":"String","Value":"example_corp"}` + "\n  }\n}"}
	last := -1
	for _, part := range order {
		i := strings.Index(body, part)
		require.Greater(t, i, last, "%q out of order in\n%s", part, body)
		last = i
	}
	assert.Contains(t, body, `"Message" : "hello <world> & \"you\""`, "no HTML escaping")

	ds := f.cloud.SNS().Deliveries(sub)
	require.Len(t, ds, 1)
	assert.Equal(t, sns.DeliveryPosted, ds[0].Status)
	assert.Equal(t, body, ds[0].Body)
}

func TestPublish_RawDeliveryPassesBodyAndAttributesStraightThrough(t *testing.T) {
	f := newFixture(t)
	topic := f.topic(t, "orders", nil)
	url, q := f.queue(t, "q", nil)
	f.subscribe(t, topic, "sqs", q, map[string]string{"RawMessageDelivery": "true"})
	_, err := f.sns.Publish(f.ctx, &awssns.PublishInput{TopicArn: aws.String(topic), Message: aws.String(`{"id":1}`),
		MessageAttributes: map[string]types.MessageAttributeValue{
			"price": {DataType: aws.String("Number"), StringValue: aws.String("10.5")},
		}})
	require.NoError(t, err)
	f.settle(t)
	msgs := f.receive(t, url)
	require.Len(t, msgs, 1)
	assert.Equal(t, `{"id":1}`, aws.ToString(msgs[0].Body))
	require.Contains(t, msgs[0].MessageAttributes, "price")
	assert.Equal(t, "Number", aws.ToString(msgs[0].MessageAttributes["price"].DataType))
	assert.Equal(t, "10.5", aws.ToString(msgs[0].MessageAttributes["price"].StringValue))
}

func TestPublish_MessageStructureJSONSendsEachProtocolItsMessage(t *testing.T) {
	f := newFixture(t)
	topic := f.topic(t, "orders", nil)
	url, q := f.queue(t, "q", nil)
	f.subscribe(t, topic, "sqs", q, map[string]string{"RawMessageDelivery": "true"})
	f.subscribe(t, topic, "sms", "+15550100", nil)
	f.subscribe(t, topic, "email", "a@example.com", nil)
	f.cloud.SNS().Outbox() // the email confirmation
	_, err := f.sns.Publish(f.ctx, &awssns.PublishInput{TopicArn: aws.String(topic), MessageStructure: aws.String("json"),
		Message: aws.String(`{"default":"plain","sqs":"for queues","sms":"short","email":7}`)})
	require.NoError(t, err)
	f.settle(t)
	msgs := f.receive(t, url)
	require.Len(t, msgs, 1)
	assert.Equal(t, "for queues", aws.ToString(msgs[0].Body))
	box := f.cloud.SNS().Outbox()
	require.Len(t, box, 2, "the pending email subscription gets only its confirmation")
	assert.Equal(t, "short", box[1].Body)

	for _, c := range []struct{ message, reason string }{
		{`not json`, "Invalid parameter: Message Structure - JSON message body failed to parse"},
		{`{"sqs":"x"}`, "Invalid parameter: Message Structure - No default entry in JSON message body"},
		{`{"default":1}`, "Invalid parameter: Message Structure - No default entry in JSON message body"},
	} {
		_, err := f.sns.Publish(f.ctx, &awssns.PublishInput{TopicArn: aws.String(topic), MessageStructure: aws.String("json"), Message: aws.String(c.message)})
		ae := requireCode(t, err, "InvalidParameter")
		assert.Equal(t, c.reason, ae.ErrorMessage())
	}
}

func TestPublish_MessageSizeLimitIsTheTopicsMaximumMessageSize(t *testing.T) {
	f := newFixture(t)
	topic := f.topic(t, "orders", nil)
	publish := func(n int) error {
		_, err := f.sns.Publish(f.ctx, &awssns.PublishInput{TopicArn: aws.String(topic), Message: aws.String(strings.Repeat("x", n))})
		return err
	}
	require.NoError(t, publish(262144), "exactly 256 KiB is allowed")
	ae := requireCode(t, publish(262145), "InvalidParameter")
	assert.Equal(t, "Invalid parameter: Message too long", ae.ErrorMessage())

	// Attributes count towards the limit: name, type and value.
	_, err := f.sns.Publish(f.ctx, &awssns.PublishInput{TopicArn: aws.String(topic), Message: aws.String(strings.Repeat("x", 262144-10)),
		MessageAttributes: map[string]types.MessageAttributeValue{"ab": {DataType: aws.String("String"), StringValue: aws.String("12345")}}})
	require.Error(t, err)

	_, err = f.sns.SetTopicAttributes(f.ctx, &awssns.SetTopicAttributesInput{TopicArn: aws.String(topic),
		AttributeName: aws.String("MaximumMessageSize"), AttributeValue: aws.String("1024")})
	require.NoError(t, err)
	require.NoError(t, publish(1024))
	requireCode(t, publish(1025), "InvalidParameter")
}

func TestPublish_RejectsInvalidInput(t *testing.T) {
	f := newFixture(t)
	topic := f.topic(t, "orders", nil)
	attr := func(dataType, s string, b []byte) map[string]types.MessageAttributeValue {
		v := types.MessageAttributeValue{DataType: aws.String(dataType), BinaryValue: b}
		if s != "" {
			v.StringValue = aws.String(s)
		}
		return map[string]types.MessageAttributeValue{"attr": v}
	}
	cases := []struct {
		name          string
		in            *awssns.PublishInput
		code, message string
	}{
		{"empty message", &awssns.PublishInput{TopicArn: aws.String(topic), Message: aws.String("")},
			"InvalidParameter", "Invalid parameter: Empty message"},
		{"no target", &awssns.PublishInput{Message: aws.String("x")},
			"InvalidParameter", "Invalid parameter: TopicArn or TargetArn Reason: no value for required parameter"},
		{"two targets", &awssns.PublishInput{TopicArn: aws.String(topic), PhoneNumber: aws.String("+15550100"), Message: aws.String("x")},
			"InvalidParameter", "Invalid parameter: TopicArn or TargetArn Reason: Only one of TopicArn, TargetArn or PhoneNumber may be specified"},
		{"subject with a line break", &awssns.PublishInput{TopicArn: aws.String(topic), Message: aws.String("x"), Subject: aws.String("a\nb")},
			"InvalidParameter", "Invalid parameter: Subject"},
		{"subject of 101 characters", &awssns.PublishInput{TopicArn: aws.String(topic), Message: aws.String("x"), Subject: aws.String(strings.Repeat("s", 101))},
			"InvalidParameter", "Invalid parameter: Subject"},
		{"dedup id on a standard topic", &awssns.PublishInput{TopicArn: aws.String(topic), Message: aws.String("x"), MessageDeduplicationId: aws.String("d")},
			"InvalidParameter", "Invalid parameter: MessageDeduplicationId Reason: The request includes MessageDeduplicationId parameter that is not valid for this topic type"},
		{"bad group id", &awssns.PublishInput{TopicArn: aws.String(topic), Message: aws.String("x"), MessageGroupId: aws.String("é")},
			"InvalidParameter", "Invalid parameter: MessageGroupId Reason: MessageGroupId can only include alphanumeric and punctuation characters. 1 to 128 in length."},
		{"unknown structure", &awssns.PublishInput{TopicArn: aws.String(topic), Message: aws.String("x"), MessageStructure: aws.String("xml")},
			"InvalidParameter", "Invalid parameter: MessageStructure"},
		{"bad phone number", &awssns.PublishInput{PhoneNumber: aws.String("call me"), Message: aws.String("x")},
			"InvalidParameter", "Invalid parameter: PhoneNumber Reason: call me is not valid to publish to"},
		{"missing topic", &awssns.PublishInput{TopicArn: aws.String(topic + "x"), Message: aws.String("x")}, "NotFound", "Topic does not exist"},
		{"attribute type", &awssns.PublishInput{TopicArn: aws.String(topic), Message: aws.String("x"), MessageAttributes: attr("Text", "v", nil)},
			"ParameterValueInvalid", "The message attribute 'attr' has an invalid message attribute type, the set of supported type prefixes is Binary, Number, and String."},
		{"attribute without value", &awssns.PublishInput{TopicArn: aws.String(topic), Message: aws.String("x"), MessageAttributes: attr("String", "", nil)},
			"ParameterValueInvalid", "The message attribute 'attr' must contain non-empty message attribute value for message attribute type 'String'."},
		{"binary in a string attribute", &awssns.PublishInput{TopicArn: aws.String(topic), Message: aws.String("x"), MessageAttributes: attr("String", "", []byte{1})},
			"ParameterValueInvalid", "The message attribute 'attr' with type 'String' must use field 'String'."},
		{"number that is not one", &awssns.PublishInput{TopicArn: aws.String(topic), Message: aws.String("x"), MessageAttributes: attr("Number", "ten", nil)},
			"ParameterValueInvalid", "Could not cast message attribute 'attr' value to number."},
		{"attribute name with a space", &awssns.PublishInput{TopicArn: aws.String(topic), Message: aws.String("x"),
			MessageAttributes: map[string]types.MessageAttributeValue{"a b": {DataType: aws.String("String"), StringValue: aws.String("v")}}},
			"ParameterValueInvalid", "Invalid non-alphanumeric character '#x20' was found in the message attribute name. Can only include alphanumeric characters, hyphens, underscores, or dots."},
		{"attribute name with two dots", &awssns.PublishInput{TopicArn: aws.String(topic), Message: aws.String("x"),
			MessageAttributes: map[string]types.MessageAttributeValue{"a..b": {DataType: aws.String("String"), StringValue: aws.String("v")}}},
			"ParameterValueInvalid", "Message attribute name can not have successive '.' character."},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := f.sns.Publish(f.ctx, c.in)
			ae := requireCode(t, err, c.code)
			assert.Equal(t, c.message, ae.ErrorMessage())
		})
	}
	var typed *types.InvalidParameterValueException
	_, err := f.sns.Publish(f.ctx, cases[len(cases)-1].in)
	assert.ErrorAs(t, err, &typed, "ParameterValueInvalid is the SDK's InvalidParameterValueException")
}

func TestPublishBatch_PublishesEveryEntryInOrder(t *testing.T) {
	f := newFixture(t)
	topic := f.topic(t, "orders", nil)
	url, q := f.queue(t, "q", nil)
	f.subscribe(t, topic, "sqs", q, map[string]string{"RawMessageDelivery": "true"})
	var entries []types.PublishBatchRequestEntry
	for _, id := range []string{"a", "b", "c"} {
		entries = append(entries, types.PublishBatchRequestEntry{Id: aws.String(id), Message: aws.String("m-" + id),
			MessageAttributes: map[string]types.MessageAttributeValue{"k": {DataType: aws.String("String"), StringValue: aws.String(id)}}})
	}
	out, err := f.sns.PublishBatch(f.ctx, &awssns.PublishBatchInput{TopicArn: aws.String(topic), PublishBatchRequestEntries: entries})
	require.NoError(t, err)
	assert.Empty(t, out.Failed)
	require.Len(t, out.Successful, 3)
	assert.Equal(t, "b", aws.ToString(out.Successful[1].Id))
	assert.NotEmpty(t, aws.ToString(out.Successful[1].MessageId))
	f.settle(t)
	var bodies []string
	for _, m := range f.receive(t, url) {
		bodies = append(bodies, aws.ToString(m.Body))
	}
	assert.ElementsMatch(t, []string{"m-a", "m-b", "m-c"}, bodies)
}

func TestPublishBatch_RejectsMalformedBatchesWhole(t *testing.T) {
	f := newFixture(t)
	topic := f.topic(t, "orders", nil)
	entry := func(id, msg string) types.PublishBatchRequestEntry {
		return types.PublishBatchRequestEntry{Id: aws.String(id), Message: aws.String(msg)}
	}
	eleven := make([]types.PublishBatchRequestEntry, 11)
	for i := range eleven {
		eleven[i] = entry("e"+pad4(i), "x")
	}
	cases := []struct {
		name    string
		entries []types.PublishBatchRequestEntry
		code    string
	}{
		{"no entries", []types.PublishBatchRequestEntry{}, "EmptyBatchRequest"},
		{"eleven entries", eleven, "TooManyEntriesInBatchRequest"},
		{"same id twice", []types.PublishBatchRequestEntry{entry("a", "x"), entry("a", "y")}, "BatchEntryIdsNotDistinct"},
		{"id with a dot", []types.PublishBatchRequestEntry{entry("a.b", "x")}, "InvalidBatchEntryId"},
		{"id of 81 characters", []types.PublishBatchRequestEntry{entry(strings.Repeat("i", 81), "x")}, "InvalidBatchEntryId"},
		{"total over 256 KiB", []types.PublishBatchRequestEntry{entry("a", strings.Repeat("x", 200000)), entry("b", strings.Repeat("x", 62145))}, "BatchRequestTooLong"},
		{"an empty message", []types.PublishBatchRequestEntry{entry("a", "x"), entry("b", "")}, "InvalidParameter"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := f.sns.PublishBatch(f.ctx, &awssns.PublishBatchInput{TopicArn: aws.String(topic), PublishBatchRequestEntries: c.entries})
			requireCode(t, err, c.code)
		})
	}
	// 256 KiB in total is still allowed.
	_, err := f.sns.PublishBatch(f.ctx, &awssns.PublishBatchInput{TopicArn: aws.String(topic), PublishBatchRequestEntries: []types.PublishBatchRequestEntry{
		entry("a", strings.Repeat("x", 200000)), entry("b", strings.Repeat("x", 62144))}})
	require.NoError(t, err)
}

// With WithSeed and a fake clock the same SNS-to-SQS scenario delivers
// byte-identical signed envelopes, Signature and SigningCertURL included
// (DESIGN: "the same scenario gives byte-identical responses"): the signing
// key is fixed and PKCS #1 v1.5 signatures are deterministic.
func TestPublish_SeededCloudsSendByteIdenticalSignedEnvelopes(t *testing.T) {
	run := func() (body, messageID string) {
		f := newFixture(t, awsfake.WithSeed(7))
		topic := f.topic(t, "orders", nil)
		url, q := f.queue(t, "q", nil)
		f.subscribe(t, topic, "sqs", q, nil)
		_, err := f.sns.Publish(f.ctx, &awssns.PublishInput{TopicArn: aws.String(topic), Message: aws.String("same"),
			Subject: aws.String("s")})
		require.NoError(t, err)
		f.settle(t)
		msgs := f.receive(t, url)
		require.Len(t, msgs, 1)
		return aws.ToString(msgs[0].Body), aws.ToString(msgs[0].MessageId)
	}
	bodyA, idA := run()
	bodyB, idB := run()
	assert.Equal(t, bodyA, bodyB)
	assert.Equal(t, idA, idB)
	var env map[string]string
	require.NoError(t, json.Unmarshal([]byte(bodyA), &env))
	assert.NotEmpty(t, env["Signature"], "the envelope is signed")
}
