package apigw

import (
	"net/url"
	"testing"
	"time"

	"github.com/awsfake/awsfake/internal/record"
)

// Invocation is one request a deployed stage served: what came in, the
// resource it matched, what the integration was sent and answered, the
// status returned and the latency on the cloud's clock.
type Invocation struct {
	At                  time.Time
	RequestID           string
	APIID, Stage        string
	DeploymentID        string
	Method, Path        string // the path after the stage, as sent
	ResourcePath        string // the matched resource: /pets/{id}
	ResourceID          string
	IntegrationType     string
	IntegrationRequest  []byte // the proxy event, the body sent to an HTTP backend
	IntegrationResponse []byte // the function's or backend's answer
	Status              int
	Latency             time.Duration
	// Error is the execution log's reason for a 5xx of the API's making.
	Error string
	// Canary is true for a request the stage's canary served (canary.go).
	Canary bool
}

func invocationBytes(i Invocation) int64 {
	return int64(len(i.IntegrationRequest)+len(i.IntegrationResponse)) + record.Overhead
}

// Invocations returns the invocations of deployed stages so far, oldest
// first (the newest ones within the cloud's record budget).
func (s *Service) Invocations() []Invocation {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.calls.All()
}

// InvokeURL returns a stage's invoke URL as AWS gives it:
// https://{restApiId}.execute-api.{region}.amazonaws.com/{stage}. The
// cloud's HTTPClient routes it in memory; on a server, use EndpointURL.
func (s *Service) InvokeURL(restAPIID, stage string) string {
	s.mu.Lock()
	region := s.env.Region
	if a := s.byID[restAPIID]; a != nil {
		region = a.scope.Region
	}
	s.mu.Unlock()
	return "https://" + restAPIID + ".execute-api." + region + ".amazonaws.com/" + url.PathEscape(stage)
}

// EndpointURL returns a stage's invoke URL on the cloud's own endpoint, in
// LocalStack's path form: {URL}/restapis/{restApiId}/{stage}/_user_request_.
func (s *Service) EndpointURL(restAPIID, stage string) string {
	return s.env.URL + "/restapis/" + restAPIID + "/" + url.PathEscape(stage) + "/_user_request_"
}

// CheckInvoked fails tb unless the last invocation of a stage of restAPIID
// matched resourcePath and answered status.
func (s *Service) CheckInvoked(tb testing.TB, restAPIID, resourcePath string, status int) {
	tb.Helper()
	all := s.Invocations()
	for i := len(all) - 1; i >= 0; i-- {
		inv := all[i]
		if inv.APIID != restAPIID {
			continue
		}
		if inv.ResourcePath != resourcePath || inv.Status != status {
			tb.Errorf("apigw: the last invocation of %s matched %q and answered %d, want %q and %d (%s)",
				restAPIID, inv.ResourcePath, inv.Status, resourcePath, status, inv.Error)
		}
		return
	}
	tb.Errorf("apigw: no invocation of %s", restAPIID)
}
