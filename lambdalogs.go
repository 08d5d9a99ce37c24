package awsfake

import (
	"github.com/awsfake/awsfake/internal/arn"
	"github.com/awsfake/awsfake/internal/authz"
	"github.com/awsfake/awsfake/internal/bus"
	"github.com/awsfake/awsfake/internal/faults"
)

// lambdaLogs is Lambda's log sink: the cloud's CloudWatch Logs. With
// enforcement on, an invocation's lines land only when the function's
// execution role may write them (logs:CreateLogStream and
// logs:PutLogEvents on the stream), as Lambda's runtime writes with the
// role: "If the execution role doesn't have the permissions, no log
// stream is created" (Lambda developer guide, "Sending Lambda function
// logs to CloudWatch Logs").
type lambdaLogs struct{ c *Cloud }

// AppendLines hands the lines to Logs once the role may write them.
func (l lambdaLogs) AppendLines(role, groupARN, stream string, lines []bus.LogLine) error {
	if l.c.enforce && !l.c.roleMayWriteLogs(role, groupARN, stream) {
		return nil
	}
	return l.c.logs.AppendLines(groupARN, stream, lines)
}

// roleMayWriteLogs evaluates the role's policies for the two actions the
// runtime needs on the stream.
func (c *Cloud) roleMayWriteLogs(role, groupARN, stream string) bool {
	g, err := arn.Parse(groupARN)
	if err != nil {
		return false
	}
	who := c.principal(role)
	sc := faults.Scope{Account: g.Account, Region: g.Region, Partition: g.Partition}
	resource := groupARN + ":log-stream:" + stream
	for _, action := range []string{"logs:CreateLogStream", "logs:PutLogEvents"} {
		if _, ok := c.decide(who, authz.Ask{Action: action, Resource: resource, Account: g.Account}, nil, sc); !ok {
			return false
		}
	}
	return true
}
