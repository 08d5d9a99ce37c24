package awsfake

import (
	"errors"
	"net/http"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	awsconfig "github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/credentials"
)

// ErrClosed is the error of a request sent to a cloud after its Close:
// its clients' transports refuse it rather than answering from a cloud
// whose background work has stopped.
var ErrClosed = errors.New("awsfake: the cloud is closed (Close was called before this request); create the clients from a cloud that is still open")

// newRetryer is the retryer of AWSConfig's clients: the SDK's standard
// retryer, with its attempt counts (3 in all), retryable codes and retry
// quota, whose backoff between attempts is zero, so that an injected
// throttle or 5xx costs no wall time. Set the config's Retryer to nil to
// get the SDK's own backoff back.
func newRetryer() aws.Retryer {
	return retry.NewStandard(func(o *retry.StandardOptions) { o.Backoff = noBackoff{} })
}

// noBackoff retries at once.
type noBackoff struct{}

func (noBackoff) BackoffDelay(int, error) (time.Duration, error) { return 0, nil }

// BuildableHTTPClient returns an *awshttp.BuildableClient whose transport
// dials the cloud in memory (net.Pipe connections served by the cloud, no
// socket): a real *http.Transport, which the SDK's config loader can
// reconfigure (AWS_CA_BUNDLE asserts this concrete type). It costs more per
// call than HTTPClient (a connection and HTTP/1.1 framing; see
// BENCHMARKS.md), so AWSConfig keeps HTTPClient and LoadOptions uses this.
// Its connections are served by goroutines that start at the first call
// and stop at Close.
func (c *Cloud) BuildableHTTPClient() *awshttp.BuildableClient {
	return awshttp.NewBuildableClient().WithTransportOptions(func(tr *http.Transport) {
		tr.Proxy = nil
		tr.DialContext = c.pipes.dial
		tr.DialTLSContext = nil
	})
}

// LoadOptions are the options that make config.LoadDefaultConfig build a
// configuration for the cloud, as production code loads its own:
//
//	cfg, err := config.LoadDefaultConfig(ctx, cloud.LoadOptions()...)
//
// They set the region, the test credentials, BaseEndpoint = URL(), the
// in-memory BuildableHTTPClient and AWSConfig's retryer; the rest of the
// loader runs as it does for AWS (shared config files, AWS_CA_BUNDLE, ...),
// and options after these override them.
func (c *Cloud) LoadOptions() []func(*awsconfig.LoadOptions) error {
	return []func(*awsconfig.LoadOptions) error{
		awsconfig.WithRegion(c.env.Region),
		awsconfig.WithCredentialsProvider(credentials.NewStaticCredentialsProvider(TestAccessKeyID, TestSecretAccessKey, "")),
		awsconfig.WithBaseEndpoint(c.env.URL),
		awsconfig.WithHTTPClient(c.BuildableHTTPClient()),
		awsconfig.WithRetryer(newRetryer),
	}
}
