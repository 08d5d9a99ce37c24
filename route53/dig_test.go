package route53_test

import (
	"os/exec"
	"strconv"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/service/route53/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// dig (Debian's dnsutils) against ServeDNS: A, a CNAME chain, NXDOMAIN
// with the SOA, and REFUSED outside the cloud's zones, over UDP and TCP.
// Skipped where dig is not installed.
func TestServeDNS_Dig(t *testing.T) {
	digPath, err := exec.LookPath("dig")
	if err != nil {
		t.Skip("dig is not installed (apt-get install dnsutils)")
	}
	e := newEnv(t)
	id := e.zone(t, "example.com")
	e.mustChange(t, id,
		rec(types.ChangeActionCreate, "www.example.com", types.RRTypeA, 60, "192.0.2.10"),
		rec(types.ChangeActionCreate, "app.example.com", types.RRTypeCname, 300, "www.example.com"),
	)
	at, err := e.cloud.Route53().ServeDNS("127.0.0.1:0")
	require.NoError(t, err)
	dig := func(args ...string) string {
		t.Helper()
		out, err := exec.Command(digPath, append([]string{"@127.0.0.1", "-p", strconv.Itoa(int(at.Port())), "+time=2", "+tries=1"}, args...)...).CombinedOutput()
		require.NoError(t, err, string(out))
		return string(out)
	}
	assert.Equal(t, "192.0.2.10\n", dig("+short", "www.example.com", "A"))
	assert.Equal(t, "192.0.2.10\n", dig("+short", "+tcp", "www.example.com", "A"))
	assert.Equal(t, "www.example.com.\n192.0.2.10\n", dig("+short", "app.example.com", "A"))
	full := dig("nope.example.com", "A")
	assert.Contains(t, full, "status: NXDOMAIN")
	assert.Contains(t, full, "flags: qr aa")
	assert.Contains(t, full, "awsdns-hostmaster.amazon.com.")
	assert.Contains(t, dig("example.org", "A"), "status: REFUSED")
	assert.True(t, strings.Contains(dig("+subnet=198.51.100.0/24", "www.example.com", "A"), "CLIENT-SUBNET: 198.51.100.0/24"))
}
