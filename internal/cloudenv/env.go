// Package cloudenv is what one cloud hands each of its services (the shared
// clock, bus, scheduler and id generator, and the cloud's region, account
// and endpoint) and what each service tells the cloud about itself (its
// Descriptor).
package cloudenv

import (
	"net/http"

	"github.com/awsfake/awsfake/clock"
	"github.com/awsfake/awsfake/internal/arn"
	"github.com/awsfake/awsfake/internal/bus"
	"github.com/awsfake/awsfake/internal/creds"
	"github.com/awsfake/awsfake/internal/faults"
	"github.com/awsfake/awsfake/internal/ids"
	"github.com/awsfake/awsfake/internal/metrics"
	"github.com/awsfake/awsfake/internal/record"
	"github.com/awsfake/awsfake/internal/sched"
	"github.com/awsfake/awsfake/internal/xtrace"
)

// Env is shared by every service of one cloud and by nothing else.
type Env struct {
	Clock clock.Clock
	Bus   *bus.Bus
	// Sched runs every piece of scheduled work of the cloud's services.
	Sched *sched.Scheduler
	// Timeline is where client timestamps (SigV4 dates, presigned expiry)
	// are compared: the wall time the cloud was built, moved by Clock.
	Timeline clock.Timeline
	// Creds is the cloud's credential store: the keys STS (and IAM) issue.
	Creds *creds.Store
	// Records is the byte budget shared by every record log of the cloud
	// that keeps bodies (the bus's failures, Lambda's invocations and logs,
	// SNS's deliveries and outbox, S3's notifications): each keeps its
	// newest entries within record.Keep and this budget.
	Records   *record.Budget
	IDs       *ids.Generator
	Region    string
	AccountID string
	// URL is the cloud's endpoint (http://awsfake.localhost in memory,
	// http://127.0.0.1:4566 for the server), from which queue URLs, signing
	// certificate URLs and the like are built.
	URL string
	// Host is the host[:port] of URL; S3 reads bucket names off its
	// subdomains.
	Host string
	// Metrics receives the standard metrics services publish (AWS/SQS,
	// AWS/Lambda). CloudWatch installs it when it is built; nil (no
	// CloudWatch) records nothing.
	Metrics *metrics.Recorder
	// Traces receives the segments services write for X-Ray, which
	// installs it when it is built; nil (no X-Ray) keeps nothing.
	Traces *xtrace.Sink
}

// ARN returns the ARN of a resource of service in the cloud's region and
// account.
func (e *Env) ARN(service, resource string) string {
	return arn.Build("", service, e.Region, e.AccountID, resource)
}

// Scope is the cloud's own account, region and partition: the scope of
// calls whose context names none.
func (e *Env) Scope() faults.Scope {
	return faults.Scope{Account: e.AccountID, Region: e.Region, Partition: arn.Partition(e.Region)}
}

// Descriptor is what a service tells the cloud about itself: the root
// package wires each service from its descriptor alone, so that adding a
// service is one line there.
type Descriptor struct {
	// Name is the service's package path under the module: sqs,
	// cloudwatch/logs.
	Name string
	// SigningNames are the SigV4 signing names whose requests Handler
	// serves (CloudWatch: monitoring).
	SigningNames []string
	// ARNService is the service name in its ARNs (CloudWatch: cloudwatch),
	// under which Endpoint is registered on the bus.
	ARNService string
	// Handler serves the service's wire protocols.
	Handler http.Handler
	// Endpoint receives the bus messages addressed to the service's ARNs;
	// nil when nothing is delivered to it.
	Endpoint bus.Endpoint
	// Close stops the service's background work; nil when it has none.
	Close func()
	// AnswersCORS reports whether the service answers a browser's request
	// by AWS's own CORS rules (S3's objects, uploads and preflights), so the
	// root's browser guard lets it through; nil for none.
	AnswersCORS func(r *http.Request) bool
}

// Attach registers what d delivers to on the bus: its Endpoint under its
// ARNService. The root package attaches every service it builds; a
// package's own tests attach the service they build alone.
func (e *Env) Attach(d Descriptor) {
	if d.Endpoint != nil {
		e.Bus.Register(d.ARNService, d.Endpoint)
	}
}

// ForTest returns the environment of a cloud on clk, as awsfake.New builds
// it with its defaults (us-east-1, account 000000000000, the in-memory URL)
// ids seeded with 1 and the default record budget (record.DefaultBytes), for a package's tests that build a service alone.
func ForTest(clk clock.Clock) *Env {
	b := bus.New(clk)
	rec := record.NewBudget(record.DefaultBytes)
	b.BindRecords(rec)
	return &Env{Clock: clk, Bus: b, Records: rec, Sched: sched.New(clk, b.Begin), Timeline: clock.NewTimeline(clk), Creds: creds.New(), IDs: ids.New(1),
		Region: "us-east-1", AccountID: "000000000000", URL: "http://awsfake.localhost", Host: "awsfake.localhost"}
}
