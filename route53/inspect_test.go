package route53_test

import (
	"net/netip"
	"testing"

	"github.com/aws/aws-sdk-go-v2/service/route53/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake/internal/servicetest"
)

func TestCheckRecordAndCheckAnswer(t *testing.T) {
	e := newEnv(t)
	id := e.zone(t, "example.com")
	e.mustChange(t, id, rec(types.ChangeActionCreate, "www.example.com", types.RRTypeA, 60, "192.0.2.1", "192.0.2.2"))
	r53 := e.cloud.Route53()
	client := netip.MustParseAddr("192.0.2.53")
	r53.CheckRecord(t, id, "www.example.com", "A", "192.0.2.2", "192.0.2.1")
	r53.CheckAnswer(t, "www.example.com", "A", client, "192.0.2.1", "192.0.2.2")

	bad := &servicetest.Recorder{}
	r53.CheckRecord(bad, id, "www.example.com", "A", "192.0.2.9")
	assert.Contains(t, bad.Message, `holds ["192.0.2.1" "192.0.2.2"]`)
	bad = &servicetest.Recorder{}
	r53.CheckAnswer(bad, "nope.example.com", "A", client, "192.0.2.9")
	assert.Contains(t, bad.Message, "NXDOMAIN")

	sets, err := r53.RecordSets(id)
	require.NoError(t, err)
	assert.Len(t, sets, 3)
	rcode, _ := r53.Answer("nope.example.com", "A", client)
	assert.Equal(t, "NXDOMAIN", rcode)
}
