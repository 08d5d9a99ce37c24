package sns_test

import (
	"context"
	"crypto"
	"crypto/rsa"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/x509"
	"encoding/base64"
	"encoding/json"
	"encoding/pem"
	"io"
	"net/http"
	"net/http/httptest"
	"runtime"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	awssns "github.com/aws/aws-sdk-go-v2/service/sns"
	"github.com/aws/aws-sdk-go-v2/service/sns/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake"
	"github.com/awsfake/awsfake/clock"
	"github.com/awsfake/awsfake/sns"
)

// received is one POST an HTTP subscriber got.
type received struct {
	header http.Header
	body   []byte
	doc    map[string]any
}

// subscriber is an httptest.Server that records what SNS posts to it and
// answers with the status its respond func chooses.
type subscriber struct {
	*httptest.Server
	mu      sync.Mutex
	got     []received
	respond func(r received) int
}

func newSubscriber(t *testing.T, respond func(r received) int) *subscriber {
	s := &subscriber{respond: respond}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		rec := received{header: r.Header.Clone(), body: b}
		_ = json.Unmarshal(b, &rec.doc)
		s.mu.Lock()
		s.got = append(s.got, rec)
		s.mu.Unlock()
		status := http.StatusOK
		if s.respond != nil {
			status = s.respond(rec)
		}
		w.WriteHeader(status)
	}))
	t.Cleanup(s.Close)
	return s
}

func (s *subscriber) posts() []received {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]received(nil), s.got...)
}

// verifySignature checks an SNS message's signature the way "Verifying the
// signatures of Amazon SNS messages" tells subscribers to: build the string
// to sign from the fields of its type, fetch the certificate from
// SigningCertURL, and check the SHA1withRSA (version 1) or SHA256withRSA
// (version 2) signature with its public key.
func verifySignature(t *testing.T, client *http.Client, doc map[string]any) {
	t.Helper()
	get := func(k string) string { s, _ := doc[k].(string); return s }
	fields := []string{"Message", "MessageId", "Subject", "Timestamp", "TopicArn", "Type"}
	if get("Type") != "Notification" {
		fields = []string{"Message", "MessageId", "SubscribeURL", "Timestamp", "Token", "TopicArn", "Type"}
	}
	var toSign string
	for _, k := range fields {
		if _, ok := doc[k]; ok {
			toSign += k + "\n" + get(k) + "\n"
		}
	}
	resp, err := client.Get(get("SigningCertURL"))
	require.NoError(t, err)
	defer resp.Body.Close()
	require.Equal(t, http.StatusOK, resp.StatusCode)
	pemBytes, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	block, _ := pem.Decode(pemBytes)
	require.NotNil(t, block, "the certificate is PEM")
	cert, err := x509.ParseCertificate(block.Bytes)
	require.NoError(t, err)
	sig, err := base64.StdEncoding.DecodeString(get("Signature"))
	require.NoError(t, err)
	var hash crypto.Hash
	var digest []byte
	switch get("SignatureVersion") {
	case "1":
		sum := sha1.Sum([]byte(toSign))
		hash, digest = crypto.SHA1, sum[:]
	case "2":
		sum := sha256.Sum256([]byte(toSign))
		hash, digest = crypto.SHA256, sum[:]
	default:
		t.Fatalf("SignatureVersion %q", get("SignatureVersion"))
	}
	require.NoError(t, rsa.VerifyPKCS1v15(cert.PublicKey.(*rsa.PublicKey), hash, digest, sig), "signature of %q", toSign)
}

func TestHTTP_SubscriberIsConfirmedThroughTheSubscribeURLAndReceivesSignedNotifications(t *testing.T) {
	f := newFixture(t)
	srv := newSubscriber(t, nil)
	topic := f.topic(t, "orders", nil)
	out, err := f.sns.Subscribe(f.ctx, &awssns.SubscribeInput{TopicArn: aws.String(topic), Protocol: aws.String("http"),
		Endpoint: aws.String(srv.URL + "/hook")})
	require.NoError(t, err)
	assert.Equal(t, "pending confirmation", aws.ToString(out.SubscriptionArn))
	f.settle(t)

	posts := srv.posts()
	require.Len(t, posts, 1)
	conf := posts[0]
	assert.Equal(t, "SubscriptionConfirmation", conf.header.Get("x-amz-sns-message-type"))
	assert.Equal(t, conf.doc["MessageId"], conf.header.Get("x-amz-sns-message-id"))
	assert.Equal(t, topic, conf.header.Get("x-amz-sns-topic-arn"))
	assert.Empty(t, conf.header.Get("x-amz-sns-subscription-arn"), "a confirmation names no subscription")
	assert.Equal(t, "text/plain; charset=UTF-8", conf.header.Get("Content-Type"))
	assert.Equal(t, "Amazon Simple Notification Service Agent", conf.header.Get("User-Agent"))
	assert.Equal(t, "You have chosen to subscribe to the topic "+topic+".\nTo confirm the subscription, visit the SubscribeURL included in this message.", conf.doc["Message"])
	verifySignature(t, f.cloud.HTTPClient(), conf.doc)

	// The endpoint confirms by fetching the SubscribeURL: an unsigned GET.
	resp, err := f.cloud.HTTPClient().Get(conf.doc["SubscribeURL"].(string))
	require.NoError(t, err)
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	require.Equal(t, http.StatusOK, resp.StatusCode, "%s", body)
	assert.Contains(t, string(body), "<ConfirmSubscriptionResult><SubscriptionArn>"+topic+":")

	list, err := f.sns.ListSubscriptionsByTopic(f.ctx, &awssns.ListSubscriptionsByTopicInput{TopicArn: aws.String(topic)})
	require.NoError(t, err)
	sub := aws.ToString(list.Subscriptions[0].SubscriptionArn)
	attrs, err := f.sns.GetSubscriptionAttributes(f.ctx, &awssns.GetSubscriptionAttributesInput{SubscriptionArn: aws.String(sub)})
	require.NoError(t, err)
	assert.Equal(t, "false", attrs.Attributes["PendingConfirmation"])
	assert.Equal(t, "false", attrs.Attributes["ConfirmationWasAuthenticated"], "the SubscribeURL GET is not signed")

	pub, err := f.sns.Publish(f.ctx, &awssns.PublishInput{TopicArn: aws.String(topic), Message: aws.String("order 1"), Subject: aws.String("New order"),
		MessageAttributes: map[string]types.MessageAttributeValue{"k": {DataType: aws.String("String"), StringValue: aws.String("v")}}})
	require.NoError(t, err)
	f.settle(t)
	posts = srv.posts()
	require.Len(t, posts, 2)
	n := posts[1]
	assert.Equal(t, "Notification", n.header.Get("x-amz-sns-message-type"))
	assert.Equal(t, aws.ToString(pub.MessageId), n.header.Get("x-amz-sns-message-id"))
	assert.Equal(t, topic, n.header.Get("x-amz-sns-topic-arn"))
	assert.Equal(t, sub, n.header.Get("x-amz-sns-subscription-arn"))
	assert.Equal(t, "order 1", n.doc["Message"])
	assert.Equal(t, "New order", n.doc["Subject"])
	assert.Equal(t, map[string]any{"k": map[string]any{"Type": "String", "Value": "v"}}, n.doc["MessageAttributes"])
	verifySignature(t, f.cloud.HTTPClient(), n.doc)

	// SignatureVersion 2 signs with SHA256withRSA.
	_, err = f.sns.SetTopicAttributes(f.ctx, &awssns.SetTopicAttributesInput{TopicArn: aws.String(topic),
		AttributeName: aws.String("SignatureVersion"), AttributeValue: aws.String("2")})
	require.NoError(t, err)
	_, err = f.sns.Publish(f.ctx, &awssns.PublishInput{TopicArn: aws.String(topic), Message: aws.String("order 2")})
	require.NoError(t, err)
	f.settle(t)
	posts = srv.posts()
	require.Len(t, posts, 3)
	assert.Equal(t, "2", posts[2].doc["SignatureVersion"])
	assert.NotContains(t, posts[2].doc, "Subject")
	verifySignature(t, f.cloud.HTTPClient(), posts[2].doc)

	ds := f.cloud.SNS().Deliveries(sub)
	require.Len(t, ds, 3)
	assert.Equal(t, sns.DeliveryDelivered, ds[1].Status)
	assert.Equal(t, 1, ds[1].Attempts)
	assert.Equal(t, http.StatusOK, ds[1].StatusCode)
}

func TestHTTP_ConfirmSubscriptionThroughTheAPIIsAuthenticated(t *testing.T) {
	f := newFixture(t)
	srv := newSubscriber(t, nil)
	topic := f.topic(t, "orders", nil)
	sub := f.subscribe(t, topic, "http", srv.URL, nil)
	f.settle(t)
	token := srv.posts()[0].doc["Token"].(string)
	_, err := f.sns.ConfirmSubscription(f.ctx, &awssns.ConfirmSubscriptionInput{TopicArn: aws.String(topic), Token: aws.String(token)})
	require.NoError(t, err)
	attrs, err := f.sns.GetSubscriptionAttributes(f.ctx, &awssns.GetSubscriptionAttributesInput{SubscriptionArn: aws.String(sub)})
	require.NoError(t, err)
	assert.Equal(t, "true", attrs.Attributes["ConfirmationWasAuthenticated"])
}

// confirmedHTTP subscribes srv to a new topic and confirms it.
func confirmedHTTP(t *testing.T, f *fixture, srv *subscriber, attrs map[string]string) (topic, sub string) {
	t.Helper()
	topic = f.topic(t, "orders", nil)
	sub = f.subscribe(t, topic, "http", srv.URL, attrs)
	f.settle(t)
	for _, p := range srv.posts() {
		if p.doc["Type"] == "SubscriptionConfirmation" {
			_, err := f.cloud.SNS().ConfirmSubscription(f.ctx, sns.ConfirmSubscriptionInput{TopicArn: topic, Token: p.doc["Token"].(string)})
			require.NoError(t, err)
			return topic, sub
		}
	}
	t.Fatal("no confirmation received")
	return
}

func notificationsOnly(r received) int {
	if r.header.Get("x-amz-sns-message-type") == "Notification" {
		return http.StatusInternalServerError
	}
	return http.StatusOK
}

// The default policy: three retries 20 seconds apart, each retry exactly at
// its instant on the clock, and then the dead-letter queue.
func TestHTTP_FailedDeliveriesAreRetriedOnTheClockThenDeadLettered(t *testing.T) {
	f := newFixture(t)
	srv := newSubscriber(t, notificationsOnly)
	dlqURL, dlq := f.queue(t, "hook-dlq", nil)
	topic, sub := confirmedHTTP(t, f, srv, map[string]string{"RedrivePolicy": `{"deadLetterTargetArn":"` + dlq + `"}`})
	_, err := f.sns.Publish(f.ctx, &awssns.PublishInput{TopicArn: aws.String(topic), Message: aws.String("retry me")})
	require.NoError(t, err)
	f.settle(t)
	last := func() sns.Delivery {
		ds := f.cloud.SNS().Deliveries(sub)
		return ds[len(ds)-1]
	}
	first := f.cloud.SNS().CheckDeliveryStatus(t, sub, sns.DeliveryPending)
	require.Equal(t, 1, first.Attempts)
	assert.Equal(t, http.StatusInternalServerError, first.StatusCode)

	for attempt := 2; attempt <= 4; attempt++ {
		f.clk.Advance(20*time.Second - time.Nanosecond)
		f.settle(t)
		require.Equal(t, attempt-1, last().Attempts, "just before the retry is due")
		f.clk.Advance(time.Nanosecond)
		f.settle(t)
		require.Equal(t, attempt, last().Attempts, "exactly when the retry is due")
	}
	f.cloud.SNS().CheckDeliveryStatus(t, sub, sns.DeliveryFailed)
	msgs := f.receive(t, dlqURL)
	require.Len(t, msgs, 1)
	var env struct{ Message string }
	require.NoError(t, json.Unmarshal([]byte(aws.ToString(msgs[0].Body)), &env))
	assert.Equal(t, "retry me", env.Message)

	f.clk.Advance(time.Hour)
	f.settle(t)
	assert.Equal(t, 4, last().Attempts, "no attempt after the policy is exhausted")
}

func TestHTTP_ClientErrorsCountAsDeliveredAndAreNotRetried(t *testing.T) {
	f := newFixture(t)
	srv := newSubscriber(t, func(r received) int {
		if r.header.Get("x-amz-sns-message-type") == "Notification" {
			return http.StatusNotFound
		}
		return http.StatusOK
	})
	topic, sub := confirmedHTTP(t, f, srv, nil)
	_, err := f.sns.Publish(f.ctx, &awssns.PublishInput{TopicArn: aws.String(topic), Message: aws.String("x")})
	require.NoError(t, err)
	f.settle(t)
	f.clk.Advance(time.Minute)
	f.settle(t)
	d := f.cloud.SNS().CheckDelivered(t, sub, "x")
	assert.Equal(t, sns.DeliveryDelivered, d.Status)
	assert.Equal(t, 1, d.Attempts)
}

func TestHTTP_DeliveryPolicyImmediateRetriesNeedNoClock(t *testing.T) {
	f := newFixture(t)
	srv := newSubscriber(t, notificationsOnly)
	topic, sub := confirmedHTTP(t, f, srv, map[string]string{
		"DeliveryPolicy": `{"healthyRetryPolicy":{"numRetries":3,"numNoDelayRetries":2,"minDelayTarget":5,"maxDelayTarget":5},
			"requestPolicy":{"headerContentType":"application/json"}}`})
	_, err := f.sns.Publish(f.ctx, &awssns.PublishInput{TopicArn: aws.String(topic), Message: aws.String("x")})
	require.NoError(t, err)
	f.settle(t)
	ds := f.cloud.SNS().Deliveries(sub)
	assert.Equal(t, 3, ds[len(ds)-1].Attempts, "the first attempt and two immediate retries")
	posts := srv.posts()
	assert.Equal(t, "application/json", posts[len(posts)-1].header.Get("Content-Type"))
	f.clk.Advance(5 * time.Second)
	f.settle(t)
	assert.Equal(t, 4, f.cloud.SNS().CheckDeliveryStatus(t, sub, sns.DeliveryFailed).Attempts)
}

func TestHTTP_RawDeliveryPostsTheMessageItself(t *testing.T) {
	f := newFixture(t)
	srv := newSubscriber(t, nil)
	topic, _ := confirmedHTTP(t, f, srv, map[string]string{"RawMessageDelivery": "true"})
	_, err := f.sns.Publish(f.ctx, &awssns.PublishInput{TopicArn: aws.String(topic), Message: aws.String("just this")})
	require.NoError(t, err)
	f.settle(t)
	posts := srv.posts()
	last := posts[len(posts)-1]
	assert.Equal(t, "just this", string(last.body))
	assert.Equal(t, "true", last.header.Get("x-amz-sns-rawdelivery"))
}

func TestHTTP_UnreachableEndpointIsRetried(t *testing.T) {
	f := newFixture(t)
	srv := newSubscriber(t, nil)
	topic, sub := confirmedHTTP(t, f, srv, nil)
	srv.Close()
	_, err := f.sns.Publish(f.ctx, &awssns.PublishInput{TopicArn: aws.String(topic), Message: aws.String("x")})
	require.NoError(t, err)
	f.settle(t)
	ds := f.cloud.SNS().Deliveries(sub)
	d := ds[len(ds)-1]
	assert.Equal(t, sns.DeliveryPending, d.Status)
	assert.Equal(t, 0, d.StatusCode, "no answer")
}

// "If the endpoint ... doesn't respond within 15 seconds, Amazon SNS
// considers the delivery failed." The 15 s run on the cloud's clock, and
// Settle waits for a POST in flight: with a fake clock it returns once the
// clock passes the timeout, not before (documented in the package doc and
// on Cloud.Settle).
func TestHTTP_AnEndpointThatDoesNotAnswerHoldsSettleUntilTheClockPassesTheTimeout(t *testing.T) {
	f := newFixture(t)
	arrived := make(chan struct{}, 1)
	release := make(chan struct{})
	srv := newSubscriber(t, func(r received) int {
		if r.header.Get("x-amz-sns-message-type") == "Notification" {
			arrived <- struct{}{}
			<-release
		}
		return http.StatusOK
	})
	t.Cleanup(func() { close(release) }) // before srv.Close, which waits for its handlers
	topic, sub := confirmedHTTP(t, f, srv, nil)
	_, err := f.sns.Publish(f.ctx, &awssns.PublishInput{TopicArn: aws.String(topic), Message: aws.String("x")})
	require.NoError(t, err)
	<-arrived // the POST is in flight: its timeout is armed on the clock

	stillBusy := func(msg string) {
		t.Helper()
		ctx, cancel := context.WithTimeout(f.ctx, 50*time.Millisecond)
		defer cancel()
		require.ErrorIs(t, f.cloud.Settle(ctx), context.DeadlineExceeded, msg)
	}
	stillBusy("the POST is in flight")
	f.clk.Advance(15*time.Second - time.Nanosecond)
	stillBusy("just before the timeout")
	f.clk.Advance(time.Nanosecond)
	f.settle(t)
	ds := f.cloud.SNS().Deliveries(sub)
	d := ds[len(ds)-1]
	assert.Equal(t, 1, d.Attempts, "the attempt timed out")
	assert.Equal(t, 0, d.StatusCode, "no answer")
	assert.Equal(t, sns.DeliveryPending, d.Status, "its retry is parked on the clock, which does not hold Settle")
}

func TestHTTP_CloseStopsRetriesAndLeavesNoGoroutine(t *testing.T) {
	before := runtime.NumGoroutine()
	clk := clock.NewFake(t0)
	cloud := awsfake.New(awsfake.WithClock(clk))
	srv := newSubscriber(t, notificationsOnly)
	f := &fixture{cloud: cloud, clk: clk, sns: awssns.NewFromConfig(cloud.AWSConfig()), ctx: context.Background()}
	topic, sub := confirmedHTTP(t, f, srv, nil)
	_, err := f.sns.Publish(f.ctx, &awssns.PublishInput{TopicArn: aws.String(topic), Message: aws.String("x")})
	require.NoError(t, err)
	f.settle(t)
	require.NoError(t, cloud.Close())
	srv.Close()
	ds := cloud.SNS().Deliveries(sub)
	assert.Equal(t, sns.DeliveryFailed, ds[len(ds)-1].Status, "a retry pending at Close is abandoned")
	clk.Advance(time.Hour) // the stopped retry does not fire
	assert.Equal(t, 1, cloud.SNS().Deliveries(sub)[len(ds)-1].Attempts)

	deadline := time.Now().Add(5 * time.Second)
	for runtime.NumGoroutine() > before && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	assert.LessOrEqual(t, runtime.NumGoroutine(), before)
}
