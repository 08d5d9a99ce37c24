package eventbridge_test

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	awseb "github.com/aws/aws-sdk-go-v2/service/eventbridge"
	ebtypes "github.com/aws/aws-sdk-go-v2/service/eventbridge/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A Lambda target is invoked asynchronously with the event once its
// resource policy lets events.amazonaws.com invoke it; without the
// permission the delivery fails and goes to the dead-letter queue.
func TestLambdaTarget_AsyncInvokeAndPermission(t *testing.T) {
	f := newFixture(t)
	lam := f.cloud.Lambda()
	fn := lam.FunctionT(t, "handler", func(_ context.Context, ev json.RawMessage) (string, error) { return "ok", nil })
	dlqURL, dlqARN := f.queue(t, "dlq", nil)
	_, err := f.eb.PutRule(ctx, &awseb.PutRuleInput{Name: aws.String("r"), EventPattern: aws.String(`{"source":["a"]}`)})
	require.NoError(t, err)
	_, err = f.eb.PutTargets(ctx, &awseb.PutTargetsInput{Rule: aws.String("r"), Targets: []ebtypes.Target{{Id: aws.String("fn"), Arn: &fn.ARN,
		DeadLetterConfig: &ebtypes.DeadLetterConfig{Arn: &dlqARN}}}})
	require.NoError(t, err)

	f.put(t, "a", "t", `{"n":1}`)
	require.NoError(t, f.cloud.Settle(ctx))
	assert.Empty(t, lam.Invocations("handler"), "no permission for events.amazonaws.com")
	dead := f.bodies(t, dlqURL)
	require.Len(t, dead, 1)
	assert.Equal(t, "a", decode(t, dead[0])["source"])

	lam.AllowT(t, "handler", "events.amazonaws.com", "arn:aws:events:us-east-1:000000000000:rule/r")
	f.put(t, "a", "t", `{"n":2}`)
	require.NoError(t, f.cloud.Settle(ctx))
	inv := lam.Invocations("handler")
	require.Len(t, inv, 1)
	assert.Equal(t, "Event", inv[0].InvocationType)
	assert.Equal(t, float64(2), decode(t, string(inv[0].Payload))["detail"].(map[string]any)["n"])
}
