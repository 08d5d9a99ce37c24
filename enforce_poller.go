package awsfake

import (
	"context"
	"errors"

	"github.com/awsfake/awsfake/internal/arn"
	"github.com/awsfake/awsfake/internal/bus"
	"github.com/awsfake/awsfake/internal/faults"
	"github.com/awsfake/awsfake/lambda"
)

// pollerActions are the SQS actions an event source mapping's execution
// role needs on its queue, in the order Lambda checks them when the
// mapping is created ("Lambda needs the following permissions to manage
// messages in your Amazon SQS queue": ReceiveMessage, DeleteMessage,
// GetQueueAttributes).
var pollerActions = []string{"ReceiveMessage", "DeleteMessage", "GetQueueAttributes"}

// pollAllowed authorises a poll of queueARN by an event source mapping
// (the function lambda.PollingFunction names in ctx) against the
// function's execution role, at each poll as AWS's pollers act with the
// role: every action of ops on the queue, with the queue's policy. A
// refusal is the text Lambda gives at the mapping's creation ("The
// provided execution role does not have permissions to call
// ReceiveMessage on SQS"), which the mapping shows in LastProcessingResult
// after "PROBLEM: "; nothing is received or deleted, so the messages stay
// in the queue. AWS documents no other wording for a running SQS mapping
// (the StateTransitionReason codes are Amazon MQ's and Kafka's, whose
// consumers stop): the mapping stays Enabled and polls again. Nil with
// enforcement off and for calls not made by a poller.
func (c *Cloud) pollAllowed(ctx context.Context, queueARN string, ops ...string) error {
	if !c.enforce {
		return nil
	}
	fn, ok := lambda.PollingFunction(ctx)
	if !ok {
		return nil
	}
	role, ok := c.lambda.ExecutionRole(fn)
	if !ok {
		return nil // the function is gone: Lambda answers its invocation
	}
	q, err := arn.Parse(queueARN)
	if err != nil {
		return nil // not a queue: SQS answers
	}
	who := c.principal(role)
	sc := faults.Scope{Account: q.Account, Region: q.Region, Partition: q.Partition}
	// The queue's policy, as SQS's delivery check reads it.
	queue, _ := c.sqs.DeliveryAsk(queueARN, bus.Message{Principal: "lambda.amazonaws.com"})
	for _, op := range ops {
		ask := queue
		ask.Action = "sqs:" + op
		if _, ok := c.decide(who, ask, nil, sc); !ok {
			return errors.New("The provided execution role does not have permissions to call " + op + " on SQS")
		}
	}
	return nil
}
