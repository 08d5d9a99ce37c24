package xray_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake/clock"
	"github.com/awsfake/awsfake/internal/bus"
	"github.com/awsfake/awsfake/internal/cloudenv"
	"github.com/awsfake/awsfake/internal/faults"
	"github.com/awsfake/awsfake/xray"
)

// Another service posts its segments to SegmentsARN on the bus: they are
// stored in the ARN's account and region; a bad one is refused.
func TestBusEndpoint_StoresPostedSegments(t *testing.T) {
	env := cloudenv.ForTest(clock.NewFake(t0))
	s := xray.New(env)
	t.Cleanup(s.Close)
	env.Attach(s.Describe())
	ctx := context.Background()
	other := faults.Scope{Account: "111122223333", Region: "eu-west-1", Partition: "aws"}
	tr := traceID(1, 1)
	_, err := env.Bus.Invoke(ctx, xray.SegmentsARN(other), bus.Message{Body: []byte(doc(tr, segID(1), "sqs", 1, 1, nil))})
	require.NoError(t, err)
	assert.Empty(t, s.Traces(ctx), "not in the cloud's own account")
	assert.Len(t, s.Traces(faults.WithScope(ctx, other)), 1)

	_, err = env.Bus.Invoke(ctx, xray.SegmentsARN(other), bus.Message{Body: []byte(`{`)})
	assert.ErrorContains(t, err, "InvalidJson")
	_, err = env.Bus.Invoke(ctx, "arn:aws:xray:eu-west-1:111122223333:group/x", bus.Message{Body: []byte(`{}`)})
	assert.Error(t, err)
}
