// Package awsfake is an in-process fake of AWS for Go tests.
//
// New builds a whole cloud in microseconds. Point the real aws-sdk-go-v2
// clients at it through AWSConfig, which routes every call to the fake in
// memory (no socket, no container); drive time by hand with a clock.Fake, or
// run the test in a testing/synctest bubble; then assert on what happened,
// through the SDK or through each service's Go API.
//
//	clk := clock.NewFake(time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC))
//	cloud := awsfake.NewT(t, awsfake.WithClock(clk))
//	client := sqs.NewFromConfig(cloud.AWSConfig())
//	clk.Advance(31 * time.Second) // visibility timeouts pass, timers fire in order
//	cloud.Settle(ctx)             // wait until no async work is pending
//
// Handler serves the same cloud over HTTP; cmd/awsfake runs it on
// 127.0.0.1:4566 for the AWS CLI and other languages.
//
// Traces follow requests through the services as X-Ray's do (trace.go):
// an API Gateway stage with tracing, a Lambda function (Active, or called
// with a sampled header), the SDK calls a traced handler makes with its
// ctx, SQS messages (AWSTraceHeader), SNS deliveries to queues and
// functions (the publisher's header passed through) and the consumer
// Lambda of an event source mapping, whose trace links to the producers';
// their segments land in the cloud's X-Ray, so that GetServiceGraph draws
// the test's system; a Step Functions execution hands its trace header to
// its tasks, an EventBridge event to its targets. Not written: the
// segments of Step Functions executions and states, of SNS and
// EventBridge themselves; S3 notifications carry no trace.
package awsfake

import (
	"context"
	"net/http"
	"net/url"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"

	"github.com/awsfake/awsfake/clock"
	"github.com/awsfake/awsfake/internal/bus"
	"github.com/awsfake/awsfake/internal/cloudenv"
	"github.com/awsfake/awsfake/internal/creds"
	"github.com/awsfake/awsfake/internal/guard"
	"github.com/awsfake/awsfake/internal/ids"
	"github.com/awsfake/awsfake/internal/record"
	"github.com/awsfake/awsfake/internal/sched"
)

// DefaultURL is the endpoint of a cloud served in memory. Its host resolves
// nowhere on purpose: only HTTPClient reaches it.
const DefaultURL = "http://awsfake.localhost"

// Test credentials that AWSConfig signs with. The fake accepts any.
const (
	TestAccessKeyID     = "AKIAAWSFAKETESTKEY00"
	TestSecretAccessKey = "awsfake-test-secret-access-key"
)

// Cloud is one fake AWS: every service, sharing one clock, one bus and one id
// generator. Two clouds share nothing. A Cloud is safe for concurrent use.
type Cloud struct {
	env    *cloudenv.Env
	guard  *guard.Guard
	verify bool // WithSigV4Verification
	// enforce is WithIAMEnforcement; authorizers are the services it
	// authorises, by signing name (enforce.go).
	enforce     bool
	authorizers map[string]authorizing
	// requestLog is WithRequestLog's function, nil when none.
	requestLog func(RequestLog)
	transport  *memTransport
	pipes      *pipeServer // BuildableHTTPClient's connections
	closed     atomic.Bool
	closeOnce  sync.Once
	services
}

type config struct {
	clock   clock.Clock // WithClock
	region  string      // WithRegion
	account string      // WithAccountID
	seed    *uint64     // WithSeed
	url     string      // WithURL
	verify  bool        // WithSigV4Verification
	enforce bool        // WithIAMEnforcement
	origins []string    // WithAllowedOrigins
	hosts   []string    // WithAllowedHosts
	records int64       // WithRecordBytes
	// requestLog is WithRequestLog's function.
	requestLog func(RequestLog)
}

// Option configures a Cloud.
type Option func(*config)

// WithClock makes c the clock of every service; the default is clock.Real().
//
// Client timestamps (a SigV4 X-Amz-Date, a presigned URL's expiry, the skew
// windows) are compared on one timeline: the wall time at which the cloud
// was built, moved by c since (clock.Timeline). With a fake clock that
// starts in 2030, a request signed now is not skewed, and advancing the
// clock 16 minutes expires a URL presigned for 15.
func WithClock(c clock.Clock) Option { return func(o *config) { o.clock = c } }

// WithRegion sets the cloud's region; the default is us-east-1.
func WithRegion(region string) Option { return func(o *config) { o.region = region } }

// WithAccountID sets the cloud's account id; the default is 000000000000.
func WithAccountID(id string) Option { return func(o *config) { o.account = id } }

// WithSeed makes every generated id (request ids, message ids, receipt
// handles, ...) come from a source seeded with seed: with a fake clock, the
// same scenario then gives byte-identical responses on every run.
func WithSeed(seed uint64) Option { return func(o *config) { o.seed = &seed } }

// WithURL sets the endpoint URL the cloud reports (queue URLs, AWSConfig's
// BaseEndpoint); cmd/awsfake sets it to the address it listens on. The
// default is DefaultURL.
func WithURL(u string) Option { return func(o *config) { o.url = u } }

// WithAllowedOrigins lets web pages of these origins (scheme://host[:port],
// or "*") drive the cloud when it is served on a socket. By default a
// request carrying a browser's marks (another site's Origin, or a
// Sec-Fetch-Site of cross-site) is refused, so that no page the developer
// has open can reset the fake or run its actions; S3 object requests and
// API Gateway invocations, which answer CORS by AWS's own rules, are
// exempt. Requests through HTTPClient (in memory) are never checked.
func WithAllowedOrigins(origins ...string) Option {
	return func(o *config) { o.origins = append(o.origins, origins...) }
}

// WithAllowedHosts adds host names (".example.test" for the names under
// it) that requests on a socket may name in their Host header, besides
// loopback names and addresses, the WithURL host and the names under them.
// Other hosts are refused: a DNS-rebinding page cannot read the answers.
func WithAllowedHosts(hosts ...string) Option {
	return func(o *config) { o.hosts = append(o.hosts, hosts...) }
}

// WithRecordBytes sets the byte budget of the cloud's records; the default
// is 64 MiB (64 << 20), and n <= 0 keeps it. The records services keep for
// assertions (the bus's DeliveryFailures, Lambda's Invocations and function
// logs, SNS's Deliveries and Outbox, S3's Notifications) each keep their
// newest entries: at most 10,000 (record.Keep) each and, together, no more
// bytes of bodies and payloads (plus a small constant an entry) than n.
// Past either bound a record forgets its own oldest entries, never the
// newest, which is what a test asserts on. The fault call logs (Calls)
// hold no bodies and are bounded by count alone.
func WithRecordBytes(n int64) Option { return func(o *config) { o.records = n } }

// New builds a cloud. It starts no goroutine: background work begins only when
// something asks for it, and Close stops it.
func New(opts ...Option) *Cloud {
	cfg := config{clock: clock.Real(), region: "us-east-1", account: "000000000000", url: DefaultURL}
	for _, o := range opts {
		o(&cfg)
	}
	gen := ids.NewRandom()
	if cfg.seed != nil {
		gen = ids.New(*cfg.seed)
	}
	host := cfg.url
	if u, err := url.Parse(cfg.url); err == nil && u.Host != "" {
		host = u.Host
	}
	b := bus.New(cfg.clock)
	rec := record.NewBudget(cfg.records)
	b.BindRecords(rec)
	env := &cloudenv.Env{
		Clock: cfg.clock, Bus: b, Records: rec, Sched: sched.New(cfg.clock, b.Begin), Timeline: clock.NewTimeline(cfg.clock), Creds: creds.New(), IDs: gen,
		Region: cfg.region, AccountID: cfg.account, URL: cfg.url, Host: host,
	}
	c := &Cloud{env: env, guard: &guard.Guard{Origins: cfg.origins, Hosts: cfg.hosts, Own: host}, verify: cfg.verify,
		enforce: cfg.enforce, requestLog: cfg.requestLog}
	c.startServices()
	c.transport = &memTransport{handler: c, closed: &c.closed}
	c.pipes = newPipeServer(c)
	return c
}

// NewT builds a cloud and registers its Close with tb.Cleanup.
func NewT(tb testing.TB, opts ...Option) *Cloud {
	tb.Helper()
	c := New(opts...)
	tb.Cleanup(func() { _ = c.Close() })
	return c
}

// Clock returns the cloud's clock.
func (c *Cloud) Clock() clock.Clock { return c.env.Clock }

// Region returns the cloud's region.
func (c *Cloud) Region() string { return c.env.Region }

// AccountID returns the cloud's account id.
func (c *Cloud) AccountID() string { return c.env.AccountID }

// URL returns the cloud's endpoint URL.
func (c *Cloud) URL() string { return c.env.URL }

// HTTPClient returns a client that delivers every request to the cloud in
// memory, whatever its host: host-prefixed calls (sync-, stream-) and
// virtual-hosted S3 buckets included.
func (c *Cloud) HTTPClient() *http.Client { return &http.Client{Transport: c.transport} }

// AWSConfig returns a configuration for the real aws-sdk-go-v2 clients: the
// cloud's region, static test credentials, BaseEndpoint = URL(), the
// in-memory HTTPClient, and the SDK's standard retryer with no backoff
// between attempts (an injected throttle is retried as the SDK retries it,
// with no wall time spent; set Retryer to nil for the SDK's own backoff).
func (c *Cloud) AWSConfig() aws.Config {
	return aws.Config{
		Region:       c.env.Region,
		Credentials:  credentials.NewStaticCredentialsProvider(TestAccessKeyID, TestSecretAccessKey, ""),
		BaseEndpoint: aws.String(c.env.URL),
		HTTPClient:   c.HTTPClient(),
		Retryer:      newRetryer,
	}
}

// AWSConfigFor returns AWSConfig for another region and account of the
// same cloud: the client signs for region, with an access key of the
// account's twelve digits (the convention by which the cloud names a
// caller's account). Everything it creates lives in that region and
// account, as AWS partitions it.
func (c *Cloud) AWSConfigFor(region, account string) aws.Config {
	cfg := c.AWSConfig()
	cfg.Region = region
	cfg.Credentials = credentials.NewStaticCredentialsProvider(account, TestSecretAccessKey, "")
	return cfg
}

// Handler returns the http.Handler serving every service of the cloud.
func (c *Cloud) Handler() http.Handler { return c }

// Settle waits until no asynchronous work is pending: posted deliveries, what
// they cause in turn, and woken pollers until their batch is done. It does not
// move the clock. It also waits for SNS's HTTP/S deliveries in flight, whose
// 15 s timeouts run on the cloud's clock: with a fake clock and an endpoint
// that does not answer, it returns once the test advances the clock past the
// timeout, or when ctx ends.
func (c *Cloud) Settle(ctx context.Context) error { return c.env.Bus.Settle(ctx) }

// DeliveryFailure is an asynchronous delivery between services that failed.
type DeliveryFailure struct {
	Target string    // ARN addressed
	Source string    // ARN of the sender
	Body   []byte    // what was sent
	Err    error     // why it failed
	At     time.Time // when, on the cloud's clock
}

// DeliveryFailures returns the asynchronous deliveries between services that
// failed (an S3 notification to a deleted queue, say), for assertions.
func (c *Cloud) DeliveryFailures() []DeliveryFailure {
	fs := c.env.Bus.Failures()
	out := make([]DeliveryFailure, len(fs))
	for i, f := range fs {
		out[i] = DeliveryFailure{Target: f.Target, Source: f.Message.Source, Body: f.Message.Body, Err: f.Err, At: f.At}
	}
	return out
}

// Close stops all background work and waits for it to end. It is idempotent.
func (c *Cloud) Close() error {
	c.closeOnce.Do(func() {
		c.closed.Store(true)
		c.env.Sched.Close()
		c.env.Bus.Close()
		c.closeServices()
		c.pipes.close()
	})
	return nil
}
