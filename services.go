package awsfake

import (
	"net/http"

	"github.com/awsfake/awsfake/apigw"
	"github.com/awsfake/awsfake/cloudwatch"
	"github.com/awsfake/awsfake/cloudwatch/logs"
	"github.com/awsfake/awsfake/eventbridge"
	"github.com/awsfake/awsfake/iam"
	"github.com/awsfake/awsfake/internal/cloudenv"
	"github.com/awsfake/awsfake/lambda"
	"github.com/awsfake/awsfake/route53"
	"github.com/awsfake/awsfake/s3"
	"github.com/awsfake/awsfake/sns"
	"github.com/awsfake/awsfake/sqs"
	"github.com/awsfake/awsfake/stepfn"
	"github.com/awsfake/awsfake/sts"
	"github.com/awsfake/awsfake/xray"
)

// services holds one engine per AWS service and the routes to their wire
// bindings, keyed by SigV4 signing name.
type services struct {
	routes  map[string]http.Handler
	closers []func()
	// answersCORS are the services that answer browsers by AWS's own CORS
	// rules, by signing name (Descriptor.AnswersCORS).
	answersCORS map[string]func(*http.Request) bool

	sts     *sts.Service
	iam     *iam.Service
	sqs     *sqs.Service
	sns     *sns.Service
	lambda  *lambda.Service
	s3      *s3.Service
	logs    *logs.Service
	cw      *cloudwatch.Service
	xray    *xray.Service
	route53 *route53.Service
	apigw   *apigw.Service
	stepfn  *stepfn.Service
	events  *eventbridge.Service
}

// describer is a service as the cloud wires it.
type describer interface{ Describe() cloudenv.Descriptor }

// add builds a service on the cloud's environment and wires what it
// describes: its handler under each signing name, its bus endpoint under its
// ARN service, its closer.
func add[S describer](c *Cloud, build func(*cloudenv.Env) S) S {
	s := build(c.env)
	d := c.enforced(s, s.Describe())
	for _, name := range d.SigningNames {
		c.routes[name] = d.Handler
		if d.AnswersCORS != nil {
			c.answersCORS[name] = d.AnswersCORS
		}
	}
	c.env.Attach(d)
	if d.Close != nil {
		c.closers = append(c.closers, d.Close)
	}
	return s
}

// startServices builds every service, one line each.
func (c *Cloud) startServices() {
	c.routes = map[string]http.Handler{}
	c.answersCORS = map[string]func(*http.Request) bool{}
	c.sts = add(c, sts.New)
	c.iam = add(c, iam.New)
	c.sts.SetRoleSource(c.iam)
	c.sqs = add(c, sqs.New)
	c.sns = add(c, sns.New)
	c.lambda = add(c, lambda.New)
	c.lambda.SetQueueSource(lambdaQueues{c})
	c.lambda.SetRoleSource(c.iam)
	c.s3 = add(c, s3.New)
	c.logs = add(c, logs.New)
	c.lambda.SetLogSink(lambdaLogs{c})
	c.cw = add(c, cloudwatch.New)
	c.xray = add(c, xray.New)
	c.route53 = add(c, route53.New)
	c.apigw = add(c, apigw.New)
	c.apigw.SetLogSink(c.logs)
	c.apigw.SetIAMAuthorizer(c.apigwIAM)
	c.stepfn = add(c, stepfn.New)
	c.stepfn.SetObjectStore(stepfnObjects{c})
	c.apigw.SetObjectStore(apigwObjects{c})
	c.apigw.SetSyncExecutions(apigwExecutions{c})
	c.apigw.SetRoleChecker(c.apigwRole)
	c.events = add(c, eventbridge.New)
}

// closeServices stops the background work of every service, the last built
// first.
func (c *Cloud) closeServices() {
	for i := len(c.closers) - 1; i >= 0; i-- {
		c.closers[i]()
	}
}

// STS returns the STS service.
func (c *Cloud) STS() *sts.Service { return c.sts }

// IAM returns the IAM service: its Go API (users, groups, roles,
// policies, access keys) and fault injection.
func (c *Cloud) IAM() *iam.Service { return c.iam }

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

// Logs returns the CloudWatch Logs service: its Go API (log groups,
// streams, events, metric and subscription filters), what metric filters
// published and fault injection.
func (c *Cloud) Logs() *logs.Service { return c.logs }

// CloudWatch returns the CloudWatch service: metrics, alarms evaluated on
// the cloud clock, and fault injection.
func (c *Cloud) CloudWatch() *cloudwatch.Service { return c.cw }

// XRay returns the X-Ray service: its Go API (segments, traces, the
// service graph, groups, sampling rules), the UDP daemon (StartDaemon),
// the sampling helper for a test's own tracer and fault injection.
func (c *Cloud) XRay() *xray.Service { return c.xray }

// Route53 returns the Route 53 service: its Go API (hosted zones, record
// sets, changes, TestDNSAnswer), the name servers that answer by routing
// policy (Resolver, DialDNS, ServeDNS), and fault injection.
func (c *Cloud) Route53() *route53.Service { return c.route53 }

// APIGateway returns the API Gateway service (REST APIs): its Go API, the
// invocations of deployed stages, invoke URLs and fault injection.
func (c *Cloud) APIGateway() *apigw.Service { return c.apigw }

// StepFunctions returns the Step Functions service: its Go API
// (state machines, versions, aliases, executions and their histories)
// and fault injection.
func (c *Cloud) StepFunctions() *stepfn.Service { return c.stepfn }

// EventBridge returns the EventBridge and EventBridge Scheduler service:
// buses, rules, targets, schedules, and fault injection.
func (c *Cloud) EventBridge() *eventbridge.Service { return c.events }
