package protocol_test

import (
	"context"
	"encoding/xml"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/sts"
	"github.com/aws/aws-sdk-go-v2/service/sts/types"
	"github.com/aws/smithy-go"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake/internal/awserr"
	"github.com/awsfake/awsfake/internal/protocol"
)

func formRequest(query, body string) *http.Request {
	r := httptest.NewRequest("POST", "/?"+query, strings.NewReader(body))
	r.Header.Set("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
	return r
}

func TestParseForm_MergesQueryAndBodyWithBodyWinning(t *testing.T) {
	v, err := protocol.ParseForm(formRequest("Action=FromQuery&Only=q", "Action=SendMessage&Version=2012-11-05"), 1024)
	require.NoError(t, err)
	assert.Equal(t, "SendMessage", v.Get("Action"))
	assert.Equal(t, "2012-11-05", v.Get("Version"))
	assert.Equal(t, "q", v.Get("Only"))

	v, err = protocol.ParseForm(httptest.NewRequest("GET", "/?Action=GetCallerIdentity&Version=2011-06-15", nil), 1024)
	require.NoError(t, err, "a presigned GET has no body")
	assert.Equal(t, "GetCallerIdentity", v.Get("Action"))
}

func TestParseForm_MalformedAndOversizeForms(t *testing.T) {
	for _, tc := range []struct {
		name, query, body, code string
		status                  int
	}{
		{"bad body escape", "", "Action=%zz", "MalformedQueryString", 400},
		{"bad query escape", "Action=%zz", "", "MalformedQueryString", 400},
		{"oversize body", "", strings.Repeat("a", 2000), "RequestEntityTooLarge", 413},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := protocol.ParseForm(formRequest(tc.query, tc.body), 1024)
			e := awserr.As(err)
			assert.Equal(t, tc.code, e.Code)
			assert.Equal(t, tc.status, e.Status)
		})
	}
}

func TestIndexesListMap_MemberAndFlattenedLists(t *testing.T) {
	v, err := protocol.ParseForm(formRequest("", strings.Join([]string{
		// SNS (member lists, entry maps)
		"Tags.member.2.Key=k2", "Tags.member.2.Value=v2", "Tags.member.1.Key=k1", "Tags.member.1.Value=v1",
		"Attributes.entry.1.key=Policy", "Attributes.entry.1.value=%7B%7D",
		"Attributes.entry.2.key=DisplayName", "Attributes.entry.2.value=d",
		// old SQS (flattened)
		"AttributeName.10=Policy", "AttributeName.2=All", "AttributeName.1=VisibilityTimeout",
		"Attribute.1.Name=DelaySeconds", "Attribute.1.Value=5",
		// noise the parser must skip
		"AttributeName.0=zero", "AttributeName.x=bad", "AttributeName.-1=neg", "AttributeNames.1=other",
	}, "&")), 4096)
	require.NoError(t, err)

	assert.Equal(t, []int{1, 2}, protocol.Indexes(v, "Tags.member"))
	assert.Equal(t, []string{"VisibilityTimeout", "All", "Policy"}, protocol.List(v, "AttributeName"),
		"in numeric, not lexical, index order")
	assert.Equal(t, map[string]string{"Policy": "{}", "DisplayName": "d"}, protocol.Map(v, "Attributes.entry", "key", "value"))
	assert.Equal(t, map[string]string{"DelaySeconds": "5"}, protocol.Map(v, "Attribute", "Name", "Value"))
	assert.Equal(t, map[string]string{"k1": "v1", "k2": "v2"}, protocol.Map(v, "Tags.member", "Key", "Value"))
	assert.Nil(t, protocol.Map(v, "Missing", "key", "value"))
	assert.Empty(t, protocol.List(v, "Missing.member"))
}

type greeting struct {
	Name  string
	Items []string `xml:"Items>member"`
}

func TestQueryWrite_ResponseShape(t *testing.T) {
	q := protocol.Query{XMLNS: "https://sts.amazonaws.com/doc/2011-06-15/"}
	r := httptest.NewRequest("POST", "/", nil)
	r = r.WithContext(protocol.WithRequestID(r.Context(), "req-1"))
	w := httptest.NewRecorder()
	q.Write(w, r, "Hello", greeting{Name: "a&b", Items: []string{"x", "y"}})
	assert.Equal(t, 200, w.Code)
	assert.Equal(t, "text/xml", w.Header().Get("Content-Type"))
	assert.Equal(t, xml.Header+`<HelloResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">`+
		`<HelloResult><Name>a&amp;b</Name><Items><member>x</member><member>y</member></Items></HelloResult>`+
		`<ResponseMetadata><RequestId>req-1</RequestId></ResponseMetadata></HelloResponse>`, w.Body.String())

	w = httptest.NewRecorder()
	q.Write(w, r, "DeleteTopic", nil)
	assert.Equal(t, xml.Header+`<DeleteTopicResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">`+
		`<ResponseMetadata><RequestId>req-1</RequestId></ResponseMetadata></DeleteTopicResponse>`, w.Body.String(),
		"no result element when there is no result")
}

func TestQueryWriteError_ErrorResponseShape(t *testing.T) {
	// reference/errors.md: <ErrorResponse><Error><Type>Sender</Type><Code>…</Code>
	// <Message>…</Message></Error><RequestId>…</RequestId></ErrorResponse>, with
	// the legacy code.
	r := httptest.NewRequest("POST", "/", nil)
	r = r.WithContext(protocol.WithRequestID(r.Context(), "req-2"))
	w := httptest.NewRecorder()
	protocol.Query{XMLNS: "http://queue.amazonaws.com/doc/2012-11-05/"}.WriteError(w, r, errNoQueue)
	assert.Equal(t, 400, w.Code)
	assert.Equal(t, "text/xml", w.Header().Get("Content-Type"))
	assert.Equal(t, xml.Header+`<ErrorResponse xmlns="http://queue.amazonaws.com/doc/2012-11-05/"><Error>`+
		`<Type>Sender</Type><Code>AWS.SimpleQueueService.NonExistentQueue</Code>`+
		`<Message>The specified queue does not exist.</Message></Error><RequestId>req-2</RequestId></ErrorResponse>`,
		w.Body.String())

	w = httptest.NewRecorder()
	protocol.Query{}.WriteError(w, nil, &awserr.Error{Code: "InternalError", Status: 500, Receiver: true, Message: "<oops>"})
	assert.Equal(t, 500, w.Code)
	assert.Equal(t, xml.Header+`<ErrorResponse><Error><Type>Receiver</Type><Code>InternalError</Code>`+
		`<Message>&lt;oops&gt;</Message></Error><RequestId></RequestId></ErrorResponse>`, w.Body.String())
}

// TestQueryWriteError_RealSTSClientDecodesTypedError drives the real STS
// client (awsQuery) against Query.WriteError.
func TestQueryWriteError_RealSTSClientDecodesTypedError(t *testing.T) {
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		protocol.Query{XMLNS: "https://sts.amazonaws.com/doc/2011-06-15/"}.WriteError(w, r,
			awserr.BadRequest("MalformedPolicyDocument", "The policy is not in the valid JSON format."))
	})
	client := sts.New(sts.Options{
		Region: "us-east-1", BaseEndpoint: aws.String("http://fake.test"),
		Credentials: credentials.NewStaticCredentialsProvider("AKID", "secret", ""),
		HTTPClient:  handlerClient(h),
	})
	_, err := client.AssumeRole(context.Background(), &sts.AssumeRoleInput{
		RoleArn: aws.String("arn:aws:iam::000000000000:role/r"), RoleSessionName: aws.String("s")})
	var typed *types.MalformedPolicyDocumentException
	require.True(t, errors.As(err, &typed), "%T: %v", err, err)
	var ae smithy.APIError
	require.True(t, errors.As(err, &ae))
	assert.Equal(t, "MalformedPolicyDocument", ae.ErrorCode())
	assert.Equal(t, "The policy is not in the valid JSON format.", ae.ErrorMessage())
	assert.Equal(t, smithy.FaultClient, ae.ErrorFault())
}
