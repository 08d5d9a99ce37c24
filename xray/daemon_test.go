package xray_test

import (
	"net"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	sdk "github.com/aws/aws-sdk-go-v2/service/xray"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake/clock"
	"github.com/awsfake/awsfake/internal/cloudenv"
	"github.com/awsfake/awsfake/xray"
)

// waitFor polls cond on real time: the daemon reads a real socket, which
// no fake clock moves.
func waitFor(t *testing.T, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatal("timed out")
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// The UDP daemon accepts a segment from a plain UDP socket, in the X-Ray
// daemon format: the header line, then the document. A datagram without
// the header is dropped.
func TestDaemon_AcceptsASegmentFromAPlainUDPSocket(t *testing.T) {
	e := newEnv(t)
	addr, err := e.cloud.XRay().StartDaemon("127.0.0.1:0")
	require.NoError(t, err)
	conn, err := net.Dial("udp", addr)
	require.NoError(t, err)
	defer conn.Close()
	tr := traceID(1, 0x77)
	_, err = conn.Write([]byte(`{"format": "json", "version": 1}` + "\n" + doc(tr, segID(1), "udp-svc", 1, 1, nil)))
	require.NoError(t, err)
	_, err = conn.Write([]byte(doc(traceID(2, 2), segID(2), "no-header", 1, 1, nil)))
	require.NoError(t, err)
	waitFor(t, func() bool { return e.cloud.XRay().DaemonDrops() == 1 && len(e.summaries(t, "")) == 1 })
	out, err := e.client.BatchGetTraces(e.ctx, &sdk.BatchGetTracesInput{TraceIds: []string{tr}})
	require.NoError(t, err)
	require.Len(t, out.Traces, 1)
	assert.Contains(t, aws.ToString(out.Traces[0].Segments[0].Document), "udp-svc")
	for _, c := range e.cloud.XRay().Calls() {
		assert.NotEqual(t, "PutTraceSegments", c.Operation, "datagrams are not API calls")
	}
}

// Close stops the daemon: its port is free again.
func TestDaemon_ClosedByClose(t *testing.T) {
	s := xray.New(cloudenv.ForTest(clock.NewFake(t0)))
	addr, err := s.StartDaemon("127.0.0.1:0")
	require.NoError(t, err)
	s.Close()
	pc, err := net.ListenPacket("udp", addr)
	require.NoError(t, err, "the port is released")
	require.NoError(t, pc.Close())
	_, err = s.StartDaemon("127.0.0.1:0")
	assert.Error(t, err, "a closed service starts no daemon")
}
