package route53_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	sdk "github.com/aws/aws-sdk-go-v2/service/route53"
	"github.com/aws/aws-sdk-go-v2/service/route53/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake/route53"
)

// batchMessage returns the single message of an InvalidChangeBatch.
func batchMessage(t *testing.T, err error) string {
	t.Helper()
	var bad *types.InvalidChangeBatch
	require.ErrorAs(t, err, &bad)
	return aws.ToString(bad.Message)
}

// AWS's InvalidChangeBatch texts, one problem each, in square brackets as
// AWS sends a single message.
func TestChangeResourceRecordSets_InvalidChangeBatchTexts(t *testing.T) {
	e := newEnv(t)
	id := e.zone(t, "example.com")
	e.mustChange(t, id, rec(types.ChangeActionCreate, "a.example.com", types.RRTypeA, 300, "192.0.2.1"))
	cases := []struct {
		name   string
		change types.Change
		want   string
	}{
		{"create existing", rec(types.ChangeActionCreate, "a.example.com", types.RRTypeA, 300, "192.0.2.9"),
			"[Tried to create resource record set [name='a.example.com.', type='A'] but it already exists]"},
		{"delete missing", rec(types.ChangeActionDelete, "b.example.com", types.RRTypeA, 300, "192.0.2.1"),
			"[Tried to delete resource record set [name='b.example.com.', type='A'] but it was not found]"},
		{"delete other values", rec(types.ChangeActionDelete, "a.example.com", types.RRTypeA, 300, "192.0.2.2"),
			"[Tried to delete resource record set [name='a.example.com.', type='A'] but the values provided do not match the current values]"},
		{"delete other TTL", rec(types.ChangeActionDelete, "a.example.com", types.RRTypeA, 60, "192.0.2.1"),
			"[Tried to delete resource record set [name='a.example.com.', type='A'] but the values provided do not match the current values]"},
		{"CNAME at apex", rec(types.ChangeActionCreate, "example.com", types.RRTypeCname, 300, "other.net"),
			"[RRSet of type CNAME with DNS name example.com. is not permitted at apex in zone example.com.]"},
		{"CNAME beside A", rec(types.ChangeActionCreate, "a.example.com", types.RRTypeCname, 300, "other.net"),
			"[RRSet of type CNAME with DNS name a.example.com. is not permitted as it conflicts with other records with the same DNS name in zone example.com.]"},
		{"outside the zone", rec(types.ChangeActionCreate, "a.example.org", types.RRTypeA, 300, "192.0.2.1"),
			"[RRSet with DNS name a.example.org. is not permitted in zone example.com.]"},
		{"bad IPv4", rec(types.ChangeActionCreate, "c.example.com", types.RRTypeA, 300, "1.2.3"),
			"[Invalid Resource Record: 'FATAL problem: ARRDATAIllegalIPv4Address (Value is not a valid IPv4 address) encountered with '1.2.3'']"},
		{"bad IPv6", rec(types.ChangeActionCreate, "c.example.com", types.RRTypeAaaa, 300, "192.0.2.1"),
			"[Invalid Resource Record: 'FATAL problem: AAAARRDATAIllegalIPv6Address (Value is not a valid IPv6 address) encountered with '192.0.2.1'']"},
		{"unquoted TXT", rec(types.ChangeActionCreate, "c.example.com", types.RRTypeTxt, 300, `"unterminated`),
			`[Invalid Resource Record: 'FATAL problem: InvalidCharacterString (Value should be enclosed in quotation marks) encountered with '"unterminated'']`},
		{"delete the SOA", rec(types.ChangeActionDelete, "example.com", types.RRTypeSoa, 900, "x"),
			"[Tried to delete resource record set [name='example.com.', type='SOA'] but the values provided do not match the current values]"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := e.change(id, c.change)
			assert.Equal(t, c.want, batchMessage(t, err))
		})
	}
}

// Another type beside a CNAME is refused too.
func TestChangeResourceRecordSets_TypeBesideCNAME(t *testing.T) {
	e := newEnv(t)
	id := e.zone(t, "example.com")
	e.mustChange(t, id, rec(types.ChangeActionCreate, "www.example.com", types.RRTypeCname, 300, "a.example.com"))
	_, err := e.change(id, rec(types.ChangeActionCreate, "www.example.com", types.RRTypeTxt, 300, `"x"`))
	assert.Equal(t, "[RRSet of type TXT with DNS name www.example.com. is not permitted because a conflicting RRSet of type CNAME with the same DNS name already exists in zone example.com.]", batchMessage(t, err))
}

// A batch is applied whole or not at all: one refused change leaves every
// other change of the batch unapplied, and several problems are listed
// each in Messages.
func TestChangeResourceRecordSets_AtomicBatchRefusedWhole(t *testing.T) {
	e := newEnv(t)
	id := e.zone(t, "example.com")
	e.mustChange(t, id, rec(types.ChangeActionCreate, "keep.example.com", types.RRTypeA, 60, "192.0.2.1"))
	_, err := e.change(id,
		rec(types.ChangeActionCreate, "new.example.com", types.RRTypeA, 60, "192.0.2.2"),
		rec(types.ChangeActionDelete, "keep.example.com", types.RRTypeA, 60, "192.0.2.1"),
		rec(types.ChangeActionUpsert, "up.example.com", types.RRTypeA, 60, "192.0.2.3"),
		rec(types.ChangeActionCreate, "bad.example.com", types.RRTypeA, 60, "300.0.0.1"),
		rec(types.ChangeActionDelete, "ghost.example.com", types.RRTypeA, 60, "192.0.2.1"),
	)
	var bad *types.InvalidChangeBatch
	require.ErrorAs(t, err, &bad)
	assert.Equal(t, []string{
		"Invalid Resource Record: 'FATAL problem: ARRDATAIllegalIPv4Address (Value is not a valid IPv4 address) encountered with '300.0.0.1''",
		"Tried to delete resource record set [name='ghost.example.com.', type='A'] but it was not found",
	}, bad.Messages)
	list, err := e.client.ListResourceRecordSets(e.ctx, &sdk.ListResourceRecordSetsInput{HostedZoneId: aws.String(id)})
	require.NoError(t, err)
	var names []string
	for _, rs := range list.ResourceRecordSets {
		names = append(names, aws.ToString(rs.Name)+" "+string(rs.Type))
	}
	assert.Equal(t, []string{"example.com. NS", "example.com. SOA", "keep.example.com. A"}, names)
}

// DELETE then CREATE of the same set in one batch replaces it.
func TestChangeResourceRecordSets_DeleteThenCreateInOneBatch(t *testing.T) {
	e := newEnv(t)
	id := e.zone(t, "example.com")
	e.mustChange(t, id, rec(types.ChangeActionCreate, "a.example.com", types.RRTypeA, 60, "192.0.2.1"))
	e.mustChange(t, id, rec(types.ChangeActionDelete, "a.example.com", types.RRTypeA, 60, "192.0.2.1"),
		rec(types.ChangeActionCreate, "a.example.com", types.RRTypeA, 120, "192.0.2.7"))
	out, err := e.client.ListResourceRecordSets(e.ctx, &sdk.ListResourceRecordSetsInput{HostedZoneId: aws.String(id),
		StartRecordName: aws.String("a.example.com"), MaxItems: aws.Int32(1)})
	require.NoError(t, err)
	assert.Equal(t, "192.0.2.7", aws.ToString(out.ResourceRecordSets[0].ResourceRecords[0].Value))
	assert.Equal(t, int64(120), aws.ToInt64(out.ResourceRecordSets[0].TTL))
}

// Shape errors are InvalidInput before the zone is read.
func TestChangeResourceRecordSets_MissingTTLIsInvalidInput(t *testing.T) {
	e := newEnv(t)
	id := e.zone(t, "example.com")
	_, err := e.change(id, types.Change{Action: types.ChangeActionCreate, ResourceRecordSet: &types.ResourceRecordSet{Name: aws.String("a.example.com"), Type: types.RRTypeA}})
	var bad *types.InvalidInput
	require.ErrorAs(t, err, &bad)
	assert.Equal(t, "Invalid request: Expected exactly one of [AliasTarget, all of [TTL, and ResourceRecords]], but found none in Change with [Action=CREATE, Name=a.example.com, Type=A, SetIdentifier=null]", aws.ToString(bad.Message))
}

// GetChange is PENDING until 60 seconds after submission on the cloud's
// clock and INSYNC from that instant (AWS: "generally propagate to all
// Route 53 name servers within 60 seconds").
func TestGetChange_PendingThenInsyncAtSixtySeconds(t *testing.T) {
	e := newEnv(t)
	id := e.zone(t, "example.com")
	out, err := e.change(id, rec(types.ChangeActionCreate, "a.example.com", types.RRTypeA, 60, "192.0.2.1"))
	require.NoError(t, err)
	assert.Equal(t, types.ChangeStatusPending, out.ChangeInfo.Status)
	assert.Equal(t, t0, aws.ToTime(out.ChangeInfo.SubmittedAt))
	status := func() types.ChangeStatus {
		got, err := e.client.GetChange(e.ctx, &sdk.GetChangeInput{Id: out.ChangeInfo.Id})
		require.NoError(t, err)
		return got.ChangeInfo.Status
	}
	e.clk.Advance(route53.ChangePropagation - time.Millisecond)
	assert.Equal(t, types.ChangeStatusPending, status())
	e.clk.Advance(time.Millisecond)
	assert.Equal(t, types.ChangeStatusInsync, status())
	e.clk.Advance(time.Millisecond)
	assert.Equal(t, types.ChangeStatusInsync, status())

	_, err = e.client.GetChange(e.ctx, &sdk.GetChangeInput{Id: aws.String("CNOPE")})
	var missing *types.NoSuchChange
	require.ErrorAs(t, err, &missing)
}

// The SDK's waiter sees the change in sync once the clock has moved.
func TestGetChange_SDKWaiter(t *testing.T) {
	e := newEnv(t)
	id := e.zone(t, "example.com")
	out, err := e.change(id, rec(types.ChangeActionCreate, "a.example.com", types.RRTypeA, 60, "192.0.2.1"))
	require.NoError(t, err)
	e.clk.Advance(time.Minute)
	w := sdk.NewResourceRecordSetsChangedWaiter(e.client)
	require.NoError(t, w.Wait(e.ctx, &sdk.GetChangeInput{Id: out.ChangeInfo.Id}, time.Minute))
}

// ListResourceRecordSets' order (AWS documents it): names by labels
// reversed with the trailing dot, compared as ASCII, so "a-b.example.com"
// (com.example.a-b.) sorts before "a.example.com" (com.example.a.) since
// '-' < '.'; then type; then set identifier. Wildcards list as \052.
func TestListResourceRecordSets_OrderOfAWSDocumentation(t *testing.T) {
	e := newEnv(t)
	id := e.zone(t, "example.com")
	e.mustChange(t, id,
		rec(types.ChangeActionCreate, "www.example.com", types.RRTypeA, 60, "192.0.2.1"),
		rec(types.ChangeActionCreate, "a.example.com", types.RRTypeTxt, 60, `"t"`),
		rec(types.ChangeActionCreate, "a.example.com", types.RRTypeA, 60, "192.0.2.1"),
		rec(types.ChangeActionCreate, "a-b.example.com", types.RRTypeA, 60, "192.0.2.1"),
		rec(types.ChangeActionCreate, "*.example.com", types.RRTypeA, 60, "192.0.2.1"),
		rec(types.ChangeActionCreate, "x.a.example.com", types.RRTypeA, 60, "192.0.2.1"),
		with(rec(types.ChangeActionCreate, "w.example.com", types.RRTypeA, 60, "192.0.2.2"), func(rs *types.ResourceRecordSet) {
			rs.SetIdentifier, rs.Weight = aws.String("two"), aws.Int64(1)
		}),
		with(rec(types.ChangeActionCreate, "w.example.com", types.RRTypeA, 60, "192.0.2.1"), func(rs *types.ResourceRecordSet) {
			rs.SetIdentifier, rs.Weight = aws.String("one"), aws.Int64(1)
		}),
	)
	var got []string
	in := &sdk.ListResourceRecordSetsInput{HostedZoneId: aws.String(id), MaxItems: aws.Int32(3)}
	for {
		out, err := e.client.ListResourceRecordSets(e.ctx, in)
		require.NoError(t, err)
		for _, rs := range out.ResourceRecordSets {
			got = append(got, fmt.Sprintf("%s %s %s", aws.ToString(rs.Name), rs.Type, aws.ToString(rs.SetIdentifier)))
		}
		if !out.IsTruncated {
			break
		}
		in.StartRecordName, in.StartRecordType, in.StartRecordIdentifier = out.NextRecordName, out.NextRecordType, out.NextRecordIdentifier
	}
	assert.Equal(t, []string{
		"example.com. NS ", "example.com. SOA ",
		`\052.example.com. A `,
		"a-b.example.com. A ",
		"a.example.com. A ", "a.example.com. TXT ",
		"x.a.example.com. A ",
		"w.example.com. A one", "w.example.com. A two",
		"www.example.com. A ",
	}, got)

	_, err := e.client.ListResourceRecordSets(e.ctx, &sdk.ListResourceRecordSetsInput{HostedZoneId: aws.String(id), StartRecordType: types.RRTypeA})
	var bad *types.InvalidInput
	require.ErrorAs(t, err, &bad)
}

// Routing policies do not mix within a name and type.
func TestChangeResourceRecordSets_PoliciesDoNotMix(t *testing.T) {
	e := newEnv(t)
	id := e.zone(t, "example.com")
	e.mustChange(t, id, rec(types.ChangeActionCreate, "a.example.com", types.RRTypeA, 60, "192.0.2.1"))
	_, err := e.change(id, with(rec(types.ChangeActionCreate, "a.example.com", types.RRTypeA, 60, "192.0.2.2"), func(rs *types.ResourceRecordSet) {
		rs.SetIdentifier, rs.Weight = aws.String("w"), aws.Int64(1)
	}))
	assert.Contains(t, batchMessage(t, err), "cannot be created because a simple set exists")
}

// An alias to a name of the same zone must target records that exist.
func TestChangeResourceRecordSets_AliasTargetMustExist(t *testing.T) {
	e := newEnv(t)
	id := e.zone(t, "example.com")
	alias := types.Change{Action: types.ChangeActionCreate, ResourceRecordSet: &types.ResourceRecordSet{Name: aws.String("example.com"), Type: types.RRTypeA,
		AliasTarget: &types.AliasTarget{HostedZoneId: aws.String(id), DNSName: aws.String("www.example.com"), EvaluateTargetHealth: true}}}
	_, err := e.change(id, alias)
	assert.Equal(t, fmt.Sprintf("[Tried to create an alias that targets www.example.com., type A in zone %s, but the alias target does not exist]", id), batchMessage(t, err))
	e.mustChange(t, id, rec(types.ChangeActionCreate, "www.example.com", types.RRTypeA, 60, "192.0.2.1"), alias)
}
