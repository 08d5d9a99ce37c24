package sqs_test

import (
	"encoding/json"
	"encoding/xml"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake"
	"github.com/awsfake/awsfake/clock"
)

// postForm sends a Query request as the AWS CLI 2.9 (botocore 1.29) does:
// a form POST with Action and Version=2012-11-05, to path.
func postForm(t *testing.T, cloud *awsfake.Cloud, path string, form url.Values) (int, []byte) {
	t.Helper()
	form.Set("Version", "2012-11-05")
	req, err := http.NewRequest(http.MethodPost, cloud.URL()+path, strings.NewReader(form.Encode()))
	require.NoError(t, err)
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
	resp, err := cloud.HTTPClient().Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	return resp.StatusCode, b
}

type queryError struct {
	XMLName xml.Name `xml:"ErrorResponse"`
	Error   struct {
		Type, Code, Message string
	}
	RequestID string `xml:"RequestId"`
}

type receiveResponse struct {
	XMLName xml.Name `xml:"http://queue.amazonaws.com/doc/2012-11-05/ ReceiveMessageResponse"`
	Result  struct {
		Messages []struct {
			MessageId, ReceiptHandle, MD5OfBody, Body, MD5OfMessageAttributes string
			Attributes                                                        []struct{ Name, Value string } `xml:"Attribute"`
			MessageAttributes                                                 []struct {
				Name  string
				Value struct{ StringValue, BinaryValue, DataType string }
			} `xml:"MessageAttribute"`
		} `xml:"Message"`
	} `xml:"ReceiveMessageResult"`
}

// The Query protocol as the AWS CLI 2.9 speaks it: flattened parameters
// (Attribute.N.Name, MessageAttribute.N.Value.DataType, AttributeName.N,
// SendMessageBatchRequestEntry.N.*) and flattened XML replies under the
// 2012-11-05 namespace.
func TestQuery_CreateSendReceiveDeleteAsTheCLI29Sends(t *testing.T) {
	cloud := awsfake.NewT(t)
	status, body := postForm(t, cloud, "/", url.Values{"Action": {"CreateQueue"}, "QueueName": {"cli"},
		"Attribute.1.Name": {"VisibilityTimeout"}, "Attribute.1.Value": {"45"}, "Tag.1.Key": {"team"}, "Tag.1.Value": {"x"}})
	require.Equal(t, 200, status, "%s", body)
	var created struct {
		QueueUrl  string `xml:"CreateQueueResult>QueueUrl"`
		RequestID string `xml:"ResponseMetadata>RequestId"`
	}
	require.NoError(t, xml.Unmarshal(body, &created))
	assert.Equal(t, awsfake.DefaultURL+"/000000000000/cli", created.QueueUrl)
	assert.NotEmpty(t, created.RequestID)
	q := created.QueueUrl

	status, body = postForm(t, cloud, "/", url.Values{"Action": {"SendMessage"}, "QueueUrl": {q}, "MessageBody": {"a & <b>\r\n"},
		"MessageAttribute.1.Name": {"bin"}, "MessageAttribute.1.Value.DataType": {"Binary"}, "MessageAttribute.1.Value.BinaryValue": {"AAEC"},
		"MessageAttribute.2.Name": {"n"}, "MessageAttribute.2.Value.DataType": {"Number"}, "MessageAttribute.2.Value.StringValue": {"7"}})
	require.Equal(t, 200, status, "%s", body)
	var sent struct {
		MD5OfMessageBody string `xml:"SendMessageResult>MD5OfMessageBody"`
		MessageID        string `xml:"SendMessageResult>MessageId"`
	}
	require.NoError(t, xml.Unmarshal(body, &sent))
	assert.Equal(t, "3e2b3dcca153846ad0fc97f2f95c999a", sent.MD5OfMessageBody)
	assert.Len(t, sent.MessageID, 36)

	status, body = postForm(t, cloud, "/", url.Values{"Action": {"SendMessageBatch"}, "QueueUrl": {q},
		"SendMessageBatchRequestEntry.1.Id": {"one"}, "SendMessageBatchRequestEntry.1.MessageBody": {"b1"},
		"SendMessageBatchRequestEntry.2.Id": {"two"}, "SendMessageBatchRequestEntry.2.MessageBody": {"b2"},
		"SendMessageBatchRequestEntry.2.DelaySeconds": {"0"}})
	require.Equal(t, 200, status, "%s", body)
	assert.Equal(t, 2, strings.Count(string(body), "<SendMessageBatchResultEntry>"), "%s", body)

	status, body = postForm(t, cloud, "/", url.Values{"Action": {"ReceiveMessage"}, "QueueUrl": {q}, "MaxNumberOfMessages": {"10"},
		"AttributeName.1": {"All"}, "MessageAttributeName.1": {"All"}})
	require.Equal(t, 200, status, "%s", body)
	var rcv receiveResponse
	require.NoError(t, xml.Unmarshal(body, &rcv), "%s", body)
	require.Len(t, rcv.Result.Messages, 3)
	m := rcv.Result.Messages[0]
	assert.Equal(t, "a & <b>\r\n", m.Body, "escaped in XML, CR included")
	require.Len(t, m.MessageAttributes, 2)
	assert.Equal(t, "bin", m.MessageAttributes[0].Name)
	assert.Equal(t, "AAEC", m.MessageAttributes[0].Value.BinaryValue)
	assert.Equal(t, "Binary", m.MessageAttributes[0].Value.DataType)
	assert.Equal(t, "7", m.MessageAttributes[1].Value.StringValue)
	assert.NotEmpty(t, m.MD5OfMessageAttributes)
	names := map[string]string{}
	for _, a := range m.Attributes {
		names[a.Name] = a.Value
	}
	assert.Equal(t, "1", names["ApproximateReceiveCount"])

	status, body = postForm(t, cloud, "/", url.Values{"Action": {"DeleteMessage"}, "QueueUrl": {q}, "ReceiptHandle": {m.ReceiptHandle}})
	require.Equal(t, 200, status, "%s", body)
	assert.Contains(t, string(body), "<DeleteMessageResponse")
	form := url.Values{"Action": {"DeleteMessageBatch"}, "QueueUrl": {q}}
	for i, msg := range rcv.Result.Messages[1:] {
		n := string(rune('1' + i))
		form.Set("DeleteMessageBatchRequestEntry."+n+".Id", "e"+n)
		form.Set("DeleteMessageBatchRequestEntry."+n+".ReceiptHandle", msg.ReceiptHandle)
	}
	status, body = postForm(t, cloud, "/", form)
	require.Equal(t, 200, status, "%s", body)
	assert.Equal(t, 2, strings.Count(string(body), "<DeleteMessageBatchResultEntry>"), "%s", body)

	status, body = postForm(t, cloud, "/", url.Values{"Action": {"GetQueueAttributes"}, "QueueUrl": {q},
		"AttributeName.1": {"VisibilityTimeout"}, "AttributeName.2": {"ApproximateNumberOfMessages"}})
	require.Equal(t, 200, status)
	assert.Contains(t, string(body), "<Attribute><Name>ApproximateNumberOfMessages</Name><Value>0</Value></Attribute>")
	assert.Contains(t, string(body), "<Attribute><Name>VisibilityTimeout</Name><Value>45</Value></Attribute>")

	status, body = postForm(t, cloud, "/", url.Values{"Action": {"ListQueueTags"}, "QueueUrl": {q}})
	require.Equal(t, 200, status)
	assert.Contains(t, string(body), "<Tag><Key>team</Key><Value>x</Value></Tag>")
}

// "Query clients (Java v1, raw HTTP) may POST /<account>/<queue> with a form
// Action": the QueueUrl is the path.
func TestQuery_QueueURLImpliedByThePath(t *testing.T) {
	cloud := awsfake.NewT(t)
	status, _ := postForm(t, cloud, "/", url.Values{"Action": {"CreateQueue"}, "QueueName": {"p"}})
	require.Equal(t, 200, status)
	status, body := postForm(t, cloud, "/000000000000/p", url.Values{"Action": {"SendMessage"}, "MessageBody": {"by path"}})
	require.Equal(t, 200, status, "%s", body)
	cloud.SQS().CheckDepth(t, awsfake.DefaultURL+"/000000000000/p", 1, 0, 0)
	cloud.SQS().CheckMessage(t, awsfake.DefaultURL+"/000000000000/p", "by path")
}

// Query errors carry the legacy code ("botocore 1.29 maps
// AWS.SimpleQueueService.NonExistentQueue → QueueDoesNotExist").
func TestQuery_ErrorsCarryTheLegacyCodes(t *testing.T) {
	cloud := awsfake.NewT(t)
	for _, tc := range []struct {
		form   url.Values
		status int
		code   string
	}{
		{url.Values{"Action": {"GetQueueUrl"}, "QueueName": {"missing"}}, 400, "AWS.SimpleQueueService.NonExistentQueue"},
		{url.Values{"Action": {"Fly"}}, 400, "InvalidAction"},
		{url.Values{"Action": {"CreateQueue"}, "QueueName": {"bad name"}}, 400, "InvalidParameterValue"},
		{url.Values{"Action": {"ReceiveMessage"}, "QueueUrl": {"http://h/000000000000/missing"}, "MaxNumberOfMessages": {"ten"}}, 400, "InvalidParameterValue"},
		{url.Values{"Action": {"SendMessageBatch"}, "QueueUrl": {"http://h/000000000000/missing"}}, 400, "AWS.SimpleQueueService.EmptyBatchRequest"},
	} {
		status, body := postForm(t, cloud, "/", tc.form)
		assert.Equal(t, tc.status, status)
		var e queryError
		require.NoError(t, xml.Unmarshal(body, &e), "%s", body)
		assert.Equal(t, tc.code, e.Error.Code)
		assert.Equal(t, "Sender", e.Error.Type)
		assert.NotEmpty(t, e.RequestID)
		if tc.code == "AWS.SimpleQueueService.NonExistentQueue" {
			assert.Equal(t, "The specified queue does not exist for this wsdl version.", e.Error.Message)
		}
	}
}

// postJSON sends an AWS JSON 1.0 request as the Go SDK does.
func postJSON(t *testing.T, cloud *awsfake.Cloud, target, body string) *http.Response {
	t.Helper()
	req, err := http.NewRequest(http.MethodPost, cloud.URL()+"/", strings.NewReader(body))
	require.NoError(t, err)
	req.Header.Set("Content-Type", "application/x-amz-json-1.0")
	req.Header.Set("X-Amz-Target", target)
	req.Header.Set("X-Amzn-Query-Mode", "true")
	resp, err := cloud.HTTPClient().Do(req)
	require.NoError(t, err)
	return resp
}

// Query-compatible JSON errors: "header x-amzn-query-error:
// <queryCode>;Sender; body __type = the shape", as the SQS developer guide's
// example shows ({"__type": "com.amazonaws.sqs#QueueDoesNotExist", ...}); the
// X-Amzn-ErrorType header carries the same shape id.
func TestJSON_ErrorsAreQueryCompatible(t *testing.T) {
	cloud := awsfake.NewT(t)
	for _, tc := range []struct {
		target, body string
		status       int
		typ, query   string
	}{
		{"AmazonSQS.GetQueueUrl", `{"QueueName":"missing"}`, 400, "com.amazonaws.sqs#QueueDoesNotExist", "AWS.SimpleQueueService.NonExistentQueue;Sender"},
		{"AmazonSQS.ReceiveMessage", `{"QueueUrl":"http://h/000000000000/q","MaxNumberOfMessages":0}`, 400,
			"com.amazonaws.sqs#InvalidParameterValueException", "InvalidParameterValue;Sender"},
		{"AmazonSQS.SendMessage", `{"QueueUrl":`, 400, "com.amazonaws.sqs#SerializationException", "SerializationException;Sender"},
		{"AmazonSQS.SendMessage", `{"QueueUrl":5}`, 400, "com.amazonaws.sqs#SerializationException", "SerializationException;Sender"},
		{"AmazonSQS.Fly", `{}`, 400, "com.amazonaws.sqs#UnknownOperationException", "UnknownOperationException;Sender"},
	} {
		resp := postJSON(t, cloud, tc.target, tc.body)
		var e map[string]any
		require.NoError(t, json.NewDecoder(resp.Body).Decode(&e))
		resp.Body.Close()
		assert.Equal(t, tc.status, resp.StatusCode, tc.target)
		assert.Equal(t, tc.typ, e["__type"], tc.target)
		assert.Equal(t, tc.query, resp.Header.Get("x-amzn-query-error"), tc.target)
		assert.Equal(t, tc.typ, resp.Header.Get("X-Amzn-ErrorType"), "the shape id, as __type, not the bare code")
		assert.Equal(t, "application/x-amz-json-1.0", resp.Header.Get("Content-Type"))
	}
}

func TestJSON_RequestBodiesAreLimitedBeforeReading(t *testing.T) {
	cloud := awsfake.NewT(t)
	resp := postJSON(t, cloud, "AmazonSQS.SendMessage", `{"MessageBody":"`+strings.Repeat("a", 9<<20)+`"}`)
	defer resp.Body.Close()
	assert.Equal(t, http.StatusRequestEntityTooLarge, resp.StatusCode)
}

// A bare queue name as the QueueUrl of a Query request (AWS-validated in
// LocalStack's test_posting_to_queue_via_queue_name): the caller's queue.
func TestQuery_ABareNameIsTheCallersQueue(t *testing.T) {
	cloud := awsfake.NewT(t)
	status, _ := postForm(t, cloud, "/", url.Values{"Action": {"CreateQueue"}, "QueueName": {"named"}})
	require.Equal(t, 200, status)
	status, body := postForm(t, cloud, "/", url.Values{"Action": {"SendMessage"}, "QueueUrl": {"named"}, "MessageBody": {"by name"}})
	require.Equal(t, 200, status, "%s", body)
	status, body = postForm(t, cloud, "/", url.Values{"Action": {"ReceiveMessage"}, "QueueUrl": {"named"}})
	require.Equal(t, 200, status, "%s", body)
	var got receiveResponse
	require.NoError(t, xml.Unmarshal(body, &got), "%s", body)
	require.Len(t, got.Result.Messages, 1)
	assert.Equal(t, "by name", got.Result.Messages[0].Body)
	status, body = postForm(t, cloud, "/", url.Values{"Action": {"ChangeMessageVisibility"}, "QueueUrl": {"named"},
		"ReceiptHandle": {got.Result.Messages[0].ReceiptHandle}, "VisibilityTimeout": {"0"}})
	require.Equal(t, 200, status, "%s", body)
	cloud.SQS().CheckDepth(t, awsfake.DefaultURL+"/000000000000/named", 1, 0, 0)
}

// The Query half of the recorded
// test_change_message_visibility_after_visibility_timeout_expiration[sqs_query]:
// a change after the visibility timeout ended is 200.
func TestQuery_ChangeVisibilityAfterTheTimeoutEndedIsOK(t *testing.T) {
	clk := clock.NewFake(t0)
	cloud := awsfake.NewT(t, awsfake.WithClock(clk))
	status, _ := postForm(t, cloud, "/", url.Values{"Action": {"CreateQueue"}, "QueueName": {"v"}})
	require.Equal(t, 200, status)
	q := awsfake.DefaultURL + "/000000000000/v"
	status, _ = postForm(t, cloud, "/", url.Values{"Action": {"SendMessage"}, "QueueUrl": {q}, "MessageBody": {"m"}})
	require.Equal(t, 200, status)
	status, body := postForm(t, cloud, "/", url.Values{"Action": {"ReceiveMessage"}, "QueueUrl": {q}, "VisibilityTimeout": {"1"}})
	require.Equal(t, 200, status, "%s", body)
	var got receiveResponse
	require.NoError(t, xml.Unmarshal(body, &got), "%s", body)
	require.Len(t, got.Result.Messages, 1)
	clk.Advance(time.Second)
	status, body = postForm(t, cloud, "/", url.Values{"Action": {"ChangeMessageVisibility"}, "QueueUrl": {q},
		"ReceiptHandle": {got.Result.Messages[0].ReceiptHandle}, "VisibilityTimeout": {"1"}})
	require.Equal(t, 200, status, "%s", body)
	cloud.SQS().CheckDepth(t, q, 1, 0, 0)
}

// Every shape and legacy code pair AWS answered in the recordings
// (localstack/sqs/test_sqs.snapshot.json: botocore's Code is the legacy code
// from x-amzn-query-error, QueryErrorCode the shape from __type), as the JSON
// binding sends them: the shape id in __type and X-Amzn-ErrorType, the
// legacy code and fault in x-amzn-query-error.
func TestJSON_ErrorHeadersOfEveryRecordedCode(t *testing.T) {
	cloud := awsfake.NewT(t)
	for shape, legacy := range map[string]string{
		"BatchRequestTooLong":               "AWS.SimpleQueueService.BatchRequestTooLong",
		"InvalidAttributeName":              "InvalidAttributeName",
		"InvalidAttributeValue":             "InvalidAttributeValue",
		"InvalidBatchEntryId":               "AWS.SimpleQueueService.InvalidBatchEntryId",
		"InvalidParameterValueException":    "InvalidParameterValue",
		"MissingRequiredParameterException": "MissingParameter",
		"PurgeQueueInProgress":              "AWS.SimpleQueueService.PurgeQueueInProgress",
		"QueueDoesNotExist":                 "AWS.SimpleQueueService.NonExistentQueue",
		"QueueNameExists":                   "QueueAlreadyExists",
		"ResourceNotFoundException":         "ResourceNotFoundException",
		"TooManyEntriesInBatchRequest":      "AWS.SimpleQueueService.TooManyEntriesInBatchRequest",
	} {
		cloud.SQS().InjectFault("ListQueues", shape, 1)
		resp := postJSON(t, cloud, "AmazonSQS.ListQueues", `{}`)
		var e map[string]any
		require.NoError(t, json.NewDecoder(resp.Body).Decode(&e))
		resp.Body.Close()
		assert.Equal(t, "com.amazonaws.sqs#"+shape, e["__type"], shape)
		assert.Equal(t, "com.amazonaws.sqs#"+shape, resp.Header.Get("X-Amzn-ErrorType"), shape)
		assert.Equal(t, legacy+";Sender", resp.Header.Get("x-amzn-query-error"), shape)
	}
}
