package sns

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func serve(t *testing.T, s *Service, method, target, body string) (int, string) {
	t.Helper()
	req := httptest.NewRequest(method, target, strings.NewReader(body))
	if body != "" {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	rec := httptest.NewRecorder()
	s.ServeHTTP(rec, req)
	b, _ := io.ReadAll(rec.Body)
	return rec.Code, string(b)
}

func TestWire_UnknownActionIsInvalidAction(t *testing.T) {
	s, _, _ := newTestService(t)
	code, body := serve(t, s, http.MethodPost, "/", "Action=Frobnicate&Version=2010-03-31")
	assert.Equal(t, http.StatusBadRequest, code)
	assert.Contains(t, body, "<Code>InvalidAction</Code>")
	assert.Contains(t, body, `<ErrorResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/">`)
}

func TestWire_ErrorsAreQueryErrorResponses(t *testing.T) {
	s, _, _ := newTestService(t)
	code, body := serve(t, s, http.MethodPost, "/", "Action=GetTopicAttributes&Version=2010-03-31&TopicArn=arn%3Aaws%3Asns%3Aus-east-1%3A123456789012%3Anope")
	assert.Equal(t, http.StatusNotFound, code)
	assert.Contains(t, body, "<Type>Sender</Type><Code>NotFound</Code><Message>Topic does not exist</Message>")
}

func TestWire_UnsubscribeURLIsAnUnsignedGET(t *testing.T) {
	s, _, _ := newTestService(t)
	ctx := t.Context()
	topic, err := s.CreateTopic(ctx, CreateTopicInput{Name: "t"})
	require.NoError(t, err)
	sub, err := s.Subscribe(ctx, SubscribeInput{TopicArn: topic.TopicArn, Protocol: "sqs", Endpoint: "arn:aws:sqs:us-east-1:123456789012:q"})
	require.NoError(t, err)
	code, body := serve(t, s, http.MethodGet, "/?Action=Unsubscribe&SubscriptionArn="+sub.SubscriptionArn, "")
	require.Equal(t, http.StatusOK, code, body)
	assert.Contains(t, body, "<UnsubscribeResponse")
	_, err = s.GetSubscriptionAttributes(ctx, SubscriptionInput{SubscriptionArn: sub.SubscriptionArn})
	assert.Error(t, err)
}

func TestWire_TheCertificateIsServedOnlyAtItsPath(t *testing.T) {
	s, _, _ := newTestService(t)
	url := s.signer.certURL()
	path := strings.TrimPrefix(url, "http://awsfake.localhost")
	code, body := serve(t, s, http.MethodGet, path, "")
	require.Equal(t, http.StatusOK, code)
	assert.True(t, strings.HasPrefix(body, "-----BEGIN CERTIFICATE-----"))
	code, _ = serve(t, s, http.MethodGet, "/_awsfake/sns/SimpleNotificationService-0000.pem", "")
	assert.Equal(t, http.StatusNotFound, code)
	code, _ = serve(t, s, http.MethodPost, path, "")
	assert.Equal(t, http.StatusNotFound, code)
}

func TestWire_OversizedBodiesAreRefusedBeforeTheyAreRead(t *testing.T) {
	s, _, _ := newTestService(t)
	req := httptest.NewRequest(http.MethodPost, "/", io.NopCloser(strings.NewReader("")))
	req.ContentLength = 1 << 30
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	rec := httptest.NewRecorder()
	s.ServeHTTP(rec, req)
	assert.Equal(t, http.StatusRequestEntityTooLarge, rec.Code)
}

// FuzzServeHTTP feeds arbitrary form bodies to the wire binding: no input
// may panic, and every answer is a success or a query error document.
func FuzzServeHTTP(f *testing.F) {
	for _, seed := range []string{
		"Action=CreateTopic&Version=2010-03-31&Name=t",
		"Action=Publish&TopicArn=arn%3Aaws%3Asns%3Aus-east-1%3A123456789012%3At&Message=x&MessageAttributes.entry.1.Name=a&MessageAttributes.entry.1.Value.DataType=Binary&MessageAttributes.entry.1.Value.BinaryValue=%%%",
		"Action=PublishBatch&TopicArn=arn%3Aaws%3Asns%3Aus-east-1%3A123456789012%3At&PublishBatchRequestEntries.member.1.Id=a&PublishBatchRequestEntries.member.1.Message=m",
		"Action=Subscribe&TopicArn=arn%3Aaws%3Asns%3Aus-east-1%3A123456789012%3At&Protocol=sqs&Endpoint=arn%3Aaws%3Asqs%3Aus-east-1%3A123456789012%3Aq&Attributes.entry.1.key=FilterPolicy&Attributes.entry.1.value=%7B%22a%22%3A%5B%7B%22numeric%22%3A%5B%22%3E%22%2C1%5D%7D%5D%7D",
		"Action=SetSubscriptionAttributes&SubscriptionArn=x&AttributeName=DeliveryPolicy&AttributeValue=%7B%7D",
		"Action=ListTopics&NextToken=%FF",
		"Action=TagResource&ResourceArn=a&Tags.member.99999999999999999999.Key=k",
		"Action=ListSMSSandboxPhoneNumbers&MaxResults=-1",
		"Action=AddPermission&TopicArn=arn%3Aaws%3Asns%3Aus-east-1%3A123456789012%3At&Label=l&AWSAccountId.member.1=1&ActionName.member.1=Publish",
		"%zz",
	} {
		f.Add(seed)
	}
	s, _, _ := newTestService(f)
	f.Fuzz(func(t *testing.T, body string) {
		req := httptest.NewRequest(http.MethodPost, "/", strings.NewReader(body))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, req)
		if rec.Code != http.StatusOK && !strings.Contains(rec.Body.String(), "<ErrorResponse") {
			t.Fatalf("status %d without an error document: %s", rec.Code, rec.Body.String())
		}
	})
}
