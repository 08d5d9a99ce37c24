package main

import (
	"context"
	"fmt"
	"net"
	"regexp"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/service/xray"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// With -xray-daemon the server reads X-Ray daemon datagrams on UDP and
// stores their segments in the current cloud, across a reset.
func TestXRayDaemon_ServesDatagramsAcrossAReset(t *testing.T) {
	s := startServer(t, "-xray-daemon", "127.0.0.1:0", "-clock", "fake")
	m := regexp.MustCompile(`X-Ray daemon on udp (\S+)`).FindStringSubmatch(s.stdout.String())
	require.NotNil(t, m, s.stdout.String())
	conn, err := net.Dial("udp", m[1])
	require.NoError(t, err)
	defer conn.Close()
	client := xray.NewFromConfig(s.awsConfig())
	start := time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)
	send := func(n int) string {
		id := fmt.Sprintf("1-%08x-%024x", start.Unix(), n)
		_, err := fmt.Fprintf(conn, "{\"format\": \"json\", \"version\": 1}\n"+
			`{"trace_id":%q,"id":"%016x","name":"svc","start_time":%d,"end_time":%d}`, id, n, start.Unix(), start.Unix()+1)
		require.NoError(t, err)
		return id
	}
	found := func(id string) bool {
		out, err := client.BatchGetTraces(context.Background(), &xray.BatchGetTracesInput{TraceIds: []string{id}})
		require.NoError(t, err)
		return len(out.Traces) == 1
	}
	eventually := func(id string) {
		deadline := time.Now().Add(5 * time.Second)
		for !found(id) {
			require.True(t, time.Now().Before(deadline), "segment %s never stored", id)
			time.Sleep(5 * time.Millisecond)
		}
	}
	first := send(1)
	eventually(first)
	status, _ := s.do(t, "POST", "/_awsfake/reset", "")
	require.Equal(t, 200, status)
	assert.False(t, found(first), "the reset cloud has no traces")
	eventually(send(2))
}

// -xray-daemon refuses a non-loopback address without -allow-remote.
func TestXRayDaemon_RefusesARemoteAddress(t *testing.T) {
	_, err := parseFlags([]string{"-xray-daemon", "0.0.0.0:2000"}, &syncBuffer{})
	assert.Error(t, err)
}

// By default the server's daemon listens where the X-Ray SDKs send,
// 127.0.0.1:2000; when that address is taken the server starts anyway,
// without a daemon, and says so.
func TestXRayDaemon_DefaultAddressTakenIsSkipped(t *testing.T) {
	held, err := net.ListenPacket("udp", defaultXRayDaemon)
	if err != nil {
		t.Skipf("%s is already taken by someone else: %v", defaultXRayDaemon, err)
	}
	defer held.Close()
	s := startServer(t)
	assert.Contains(t, s.stderr.String(), "awsfake: no X-Ray daemon:")
	status, _ := s.do(t, "GET", "/_awsfake/health", "")
	assert.Equal(t, 200, status)
}
