package awsfake

import (
	"net/http"

	"github.com/awsfake/awsfake/internal/dispatch"
	"github.com/awsfake/awsfake/lambda"
	"github.com/awsfake/awsfake/s3"
	"github.com/awsfake/awsfake/sns"
	"github.com/awsfake/awsfake/sqs"
	"github.com/awsfake/awsfake/sts"
)

// services holds one engine per AWS service and the routes to their wire
// bindings, keyed by SigV4 signing name.
type services struct {
	routes  map[string]http.Handler
	closers []func()

	sts    *sts.Service
	sqs    *sqs.Service
	sns    *sns.Service
	lambda *lambda.Service
	s3     *s3.Service
}

// startServices builds every service on the cloud's environment and routes
// their signing names to them.
func (c *Cloud) startServices() {
	c.routes = map[string]http.Handler{}
	c.sts = sts.New(c.env)
	c.routes[dispatch.STS] = c.sts
	c.sqs = sqs.New(c.env)
	c.routes[dispatch.SQS] = c.sqs
	c.closers = append(c.closers, c.sqs.Close)
	c.sns = sns.New(c.env)
	c.routes[dispatch.SNS] = c.sns
	c.closers = append(c.closers, c.sns.Close)
	c.lambda = lambda.New(c.env)
	c.lambda.SetQueueSource(lambdaQueues{c.sqs})
	c.routes[dispatch.Lambda] = c.lambda
	c.closers = append(c.closers, c.lambda.Close)
	c.s3 = s3.New(c.env)
	c.routes[dispatch.S3] = c.s3
}

// closeServices stops the background work of every service.
func (c *Cloud) closeServices() {
	for i := len(c.closers) - 1; i >= 0; i-- {
		c.closers[i]()
	}
}

// STS returns the STS service.
func (c *Cloud) STS() *sts.Service { return c.sts }

// SQS returns the SQS service: its Go API, snapshots and fault injection.
func (c *Cloud) SQS() *sqs.Service { return c.sqs }

// SNS returns the SNS service: its Go API, recorded deliveries, outbox and
// fault injection.
func (c *Cloud) SNS() *sns.Service { return c.sns }

// Lambda returns the Lambda service: its Go API, handler registration,
// invocation records, logs and fault injection.
func (c *Cloud) Lambda() *lambda.Service { return c.lambda }

// S3 returns the S3 service: its Go API, snapshots, recorded notifications
// and fault injection.
func (c *Cloud) S3() *s3.Service { return c.s3 }
