package route53_test

import (
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	sdk "github.com/aws/aws-sdk-go-v2/service/route53"
	"github.com/aws/aws-sdk-go-v2/service/route53/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake"
)

// A new zone holds the NS and SOA records AWS creates: four name servers
// of the ns-N.awsdns-NN.{com,net,org,co.uk} form with TTL 172800, and the
// SOA "<first NS> awsdns-hostmaster.amazon.com. 1 7200 900 1209600 86400"
// with TTL 900. Recorded: test_route53.py::TestRoute53::test_create_hosted_zone
// (201, ResourceRecordSetCount 2, the Location header).
func TestCreateHostedZone_HasTheNSAndSOAOfAWS(t *testing.T) {
	e := newEnv(t)
	out, err := e.client.CreateHostedZone(e.ctx, &sdk.CreateHostedZoneInput{Name: aws.String("Example.COM"), CallerReference: aws.String("r1")})
	require.NoError(t, err)
	assert.Equal(t, "example.com.", aws.ToString(out.HostedZone.Name))
	assert.Equal(t, int64(2), aws.ToInt64(out.HostedZone.ResourceRecordSetCount))
	assert.Equal(t, types.ChangeStatusPending, out.ChangeInfo.Status)
	assert.True(t, strings.HasPrefix(aws.ToString(out.Location), "https://route53.amazonaws.com/2013-04-01/hostedzone/"))
	ns := out.DelegationSet.NameServers
	require.Len(t, ns, 4)
	for i, tld := range []string{".com", ".net", ".org", ".co.uk"} {
		assert.Regexp(t, `^ns-\d{1,4}\.awsdns-\d\d`+strings.ReplaceAll(tld, ".", `\.`)+`$`, ns[i])
	}

	list, err := e.client.ListResourceRecordSets(e.ctx, &sdk.ListResourceRecordSetsInput{HostedZoneId: out.HostedZone.Id})
	require.NoError(t, err)
	require.Len(t, list.ResourceRecordSets, 2)
	nsSet, soa := list.ResourceRecordSets[0], list.ResourceRecordSets[1]
	assert.Equal(t, types.RRTypeNs, nsSet.Type)
	assert.Equal(t, int64(172800), aws.ToInt64(nsSet.TTL))
	require.Len(t, nsSet.ResourceRecords, 4)
	assert.Equal(t, ns[0]+".", aws.ToString(nsSet.ResourceRecords[0].Value))
	assert.Equal(t, types.RRTypeSoa, soa.Type)
	assert.Equal(t, int64(900), aws.ToInt64(soa.TTL))
	assert.Equal(t, ns[0]+". awsdns-hostmaster.amazon.com. 1 7200 900 1209600 86400", aws.ToString(soa.ResourceRecords[0].Value))

	got, err := e.client.GetHostedZone(e.ctx, &sdk.GetHostedZoneInput{Id: out.HostedZone.Id})
	require.NoError(t, err)
	assert.Equal(t, ns, got.DelegationSet.NameServers)
	assert.False(t, got.HostedZone.Config.PrivateZone)
}

// A reused CallerReference is HostedZoneAlreadyExists (409), not the zone.
func TestCreateHostedZone_ReusedCallerReferenceIsRefused(t *testing.T) {
	e := newEnv(t)
	e.zone(t, "example.com")
	_, err := e.client.CreateHostedZone(e.ctx, &sdk.CreateHostedZoneInput{Name: aws.String("other.com"), CallerReference: aws.String("ref-example.com")})
	var exists *types.HostedZoneAlreadyExists
	require.ErrorAs(t, err, &exists)
	count, err := e.client.GetHostedZoneCount(e.ctx, &sdk.GetHostedZoneCountInput{})
	require.NoError(t, err)
	assert.Equal(t, int64(1), aws.ToInt64(count.HostedZoneCount))
}

// Recorded: test_route53.py::TestRoute53::test_create_private_hosted_zone:
// a private zone answers with its VPC, not a delegation set, and is listed
// by VPC.
func TestCreateHostedZone_Private(t *testing.T) {
	e := newEnv(t)
	vpc := &types.VPC{VPCId: aws.String("vpc-0123456789abcdef0"), VPCRegion: types.VPCRegionUsEast1}
	out, err := e.client.CreateHostedZone(e.ctx, &sdk.CreateHostedZoneInput{Name: aws.String("internal.example"), CallerReference: aws.String("p"),
		VPC: vpc, HostedZoneConfig: &types.HostedZoneConfig{Comment: aws.String("test"), PrivateZone: true}})
	require.NoError(t, err)
	assert.Nil(t, out.DelegationSet)
	assert.Equal(t, "vpc-0123456789abcdef0", aws.ToString(out.VPC.VPCId))
	assert.True(t, out.HostedZone.Config.PrivateZone)
	got, err := e.client.GetHostedZone(e.ctx, &sdk.GetHostedZoneInput{Id: out.HostedZone.Id})
	require.NoError(t, err)
	require.Len(t, got.VPCs, 1)
	byVPC, err := e.client.ListHostedZonesByVPC(e.ctx, &sdk.ListHostedZonesByVPCInput{VPCId: vpc.VPCId, VPCRegion: vpc.VPCRegion})
	require.NoError(t, err)
	require.Len(t, byVPC.HostedZoneSummaries, 1)
	assert.Equal(t, "internal.example.", aws.ToString(byVPC.HostedZoneSummaries[0].Name))
}

// Recorded: test_route53.py::TestRoute53::test_create_hosted_zone_in_non_existent_vpc
// answers InvalidVPCId "The VPC ID is invalid." (400).
func TestCreateHostedZone_InvalidVPC(t *testing.T) {
	e := newEnv(t)
	_, err := e.client.CreateHostedZone(e.ctx, &sdk.CreateHostedZoneInput{Name: aws.String("x.example"), CallerReference: aws.String("p"),
		VPC: &types.VPC{VPCId: aws.String("vpc-nope"), VPCRegion: types.VPCRegionUsEast1}})
	var bad *types.InvalidVPCId
	require.ErrorAs(t, err, &bad)
	assert.Equal(t, "The VPC ID is invalid.", aws.ToString(bad.Message))
}

// Recorded: test_route53.py::TestRoute53::test_delete_hosted_zone: an
// unknown id is NoSuchHostedZone "No hosted zone found with ID: <id>"
// (404); a zone with records of its own is HostedZoneNotEmpty.
func TestDeleteHostedZone(t *testing.T) {
	e := newEnv(t)
	_, err := e.client.DeleteHostedZone(e.ctx, &sdk.DeleteHostedZoneInput{Id: aws.String("Zasdf1234")})
	var missing *types.NoSuchHostedZone
	require.ErrorAs(t, err, &missing)
	assert.Equal(t, "No hosted zone found with ID: Zasdf1234", aws.ToString(missing.Message))
	awsfake.CheckCode(t, err, "NoSuchHostedZone")

	id := e.zone(t, "example.com")
	e.mustChange(t, id, rec(types.ChangeActionCreate, "www.example.com", types.RRTypeA, 60, "192.0.2.1"))
	_, err = e.client.DeleteHostedZone(e.ctx, &sdk.DeleteHostedZoneInput{Id: aws.String(id)})
	var notEmpty *types.HostedZoneNotEmpty
	require.ErrorAs(t, err, &notEmpty)
	e.mustChange(t, id, rec(types.ChangeActionDelete, "www.example.com", types.RRTypeA, 60, "192.0.2.1"))
	del, err := e.client.DeleteHostedZone(e.ctx, &sdk.DeleteHostedZoneInput{Id: aws.String(id)})
	require.NoError(t, err)
	assert.Equal(t, types.ChangeStatusPending, del.ChangeInfo.Status)
	_, err = e.client.GetHostedZone(e.ctx, &sdk.GetHostedZoneInput{Id: aws.String(id)})
	require.ErrorAs(t, err, &missing)
}

// ListHostedZonesByName sorts by the labels reversed (com.example.www.),
// pages with NextDNSName and NextHostedZoneId.
func TestListHostedZonesByName_OrderAndPages(t *testing.T) {
	e := newEnv(t)
	for _, n := range []string{"b.example.org", "example.com", "a.example.com", "example.net", "z.com"} {
		e.zone(t, n)
	}
	var names []string
	in := &sdk.ListHostedZonesByNameInput{MaxItems: aws.Int32(2)}
	for {
		out, err := e.client.ListHostedZonesByName(e.ctx, in)
		require.NoError(t, err)
		for _, z := range out.HostedZones {
			names = append(names, aws.ToString(z.Name))
		}
		if !out.IsTruncated {
			break
		}
		in.DNSName, in.HostedZoneId = out.NextDNSName, out.NextHostedZoneId
	}
	assert.Equal(t, []string{"example.com.", "a.example.com.", "z.com.", "example.net.", "b.example.org."}, names)

	all, err := e.client.ListHostedZones(e.ctx, &sdk.ListHostedZonesInput{})
	require.NoError(t, err)
	assert.Len(t, all.HostedZones, 5)
}

func TestTags_OnAZone(t *testing.T) {
	e := newEnv(t)
	id := e.zone(t, "example.com")
	_, err := e.client.ChangeTagsForResource(e.ctx, &sdk.ChangeTagsForResourceInput{ResourceType: types.TagResourceTypeHostedzone, ResourceId: aws.String(id),
		AddTags: []types.Tag{{Key: aws.String("team"), Value: aws.String("dns")}, {Key: aws.String("env"), Value: aws.String("test")}}})
	require.NoError(t, err)
	_, err = e.client.ChangeTagsForResource(e.ctx, &sdk.ChangeTagsForResourceInput{ResourceType: types.TagResourceTypeHostedzone, ResourceId: aws.String(id),
		RemoveTagKeys: []string{"env"}})
	require.NoError(t, err)
	out, err := e.client.ListTagsForResource(e.ctx, &sdk.ListTagsForResourceInput{ResourceType: types.TagResourceTypeHostedzone, ResourceId: aws.String(id)})
	require.NoError(t, err)
	require.Len(t, out.ResourceTagSet.Tags, 1)
	assert.Equal(t, "team", aws.ToString(out.ResourceTagSet.Tags[0].Key))
	many, err := e.client.ListTagsForResources(e.ctx, &sdk.ListTagsForResourcesInput{ResourceType: types.TagResourceTypeHostedzone, ResourceIds: []string{id}})
	require.NoError(t, err)
	require.Len(t, many.ResourceTagSets, 1)
}

func TestReusableDelegationSet_SharedByZones(t *testing.T) {
	e := newEnv(t)
	set, err := e.client.CreateReusableDelegationSet(e.ctx, &sdk.CreateReusableDelegationSetInput{CallerReference: aws.String("s1")})
	require.NoError(t, err)
	id := aws.ToString(set.DelegationSet.Id)
	var servers [][]string
	for _, n := range []string{"a.com", "b.com"} {
		z, err := e.client.CreateHostedZone(e.ctx, &sdk.CreateHostedZoneInput{Name: aws.String(n), CallerReference: aws.String(n), DelegationSetId: aws.String(id)})
		require.NoError(t, err)
		servers = append(servers, z.DelegationSet.NameServers)
	}
	assert.Equal(t, set.DelegationSet.NameServers, servers[0])
	assert.Equal(t, servers[0], servers[1])
	_, err = e.client.DeleteReusableDelegationSet(e.ctx, &sdk.DeleteReusableDelegationSetInput{Id: aws.String(id)})
	var inUse *types.DelegationSetInUse
	require.ErrorAs(t, err, &inUse)
	lim, err := e.client.GetReusableDelegationSetLimit(e.ctx, &sdk.GetReusableDelegationSetLimitInput{DelegationSetId: aws.String(id), Type: types.ReusableDelegationSetLimitTypeMaxZonesByReusableDelegationSet})
	require.NoError(t, err)
	assert.Equal(t, int64(2), lim.Count)
	acct, err := e.client.GetAccountLimit(e.ctx, &sdk.GetAccountLimitInput{Type: types.AccountLimitTypeMaxHostedZonesByOwner})
	require.NoError(t, err)
	assert.Equal(t, int64(2), acct.Count)
	assert.Equal(t, int64(500), aws.ToInt64(acct.Limit.Value))
}

// Query logging configurations are stored: one per public zone, to a log
// group in us-east-1.
func TestQueryLoggingConfig_StoredOnePerZone(t *testing.T) {
	e := newEnv(t)
	id := e.zone(t, "example.com")
	arn := "arn:aws:logs:us-east-1:000000000000:log-group:/aws/route53/example.com"
	out, err := e.client.CreateQueryLoggingConfig(e.ctx, &sdk.CreateQueryLoggingConfigInput{HostedZoneId: aws.String(id), CloudWatchLogsLogGroupArn: aws.String(arn)})
	require.NoError(t, err)
	assert.Equal(t, id, aws.ToString(out.QueryLoggingConfig.HostedZoneId))
	_, err = e.client.CreateQueryLoggingConfig(e.ctx, &sdk.CreateQueryLoggingConfigInput{HostedZoneId: aws.String(id), CloudWatchLogsLogGroupArn: aws.String(arn)})
	var exists *types.QueryLoggingConfigAlreadyExists
	require.ErrorAs(t, err, &exists)
	_, err = e.client.CreateQueryLoggingConfig(e.ctx, &sdk.CreateQueryLoggingConfigInput{HostedZoneId: aws.String(id),
		CloudWatchLogsLogGroupArn: aws.String("arn:aws:logs:eu-west-1:000000000000:log-group:x")})
	var bad *types.InvalidInput
	require.ErrorAs(t, err, &bad)
	list, err := e.client.ListQueryLoggingConfigs(e.ctx, &sdk.ListQueryLoggingConfigsInput{HostedZoneId: aws.String(id)})
	require.NoError(t, err)
	require.Len(t, list.QueryLoggingConfigs, 1)
	got, err := e.client.GetQueryLoggingConfig(e.ctx, &sdk.GetQueryLoggingConfigInput{Id: out.QueryLoggingConfig.Id})
	require.NoError(t, err)
	assert.Equal(t, arn, aws.ToString(got.QueryLoggingConfig.CloudWatchLogsLogGroupArn))
	_, err = e.client.DeleteQueryLoggingConfig(e.ctx, &sdk.DeleteQueryLoggingConfigInput{Id: out.QueryLoggingConfig.Id})
	require.NoError(t, err)
	_, err = e.client.GetQueryLoggingConfig(e.ctx, &sdk.GetQueryLoggingConfigInput{Id: out.QueryLoggingConfig.Id})
	var missing *types.NoSuchQueryLoggingConfig
	require.ErrorAs(t, err, &missing)
}

// DNSSEC key-signing keys are stored: signing needs an ACTIVE key, the
// last ACTIVE key of a signing zone cannot be deactivated, an ACTIVE key
// cannot be deleted.
func TestDNSSEC_KeySigningKeys(t *testing.T) {
	e := newEnv(t)
	id := e.zone(t, "example.com")
	kms := "arn:aws:kms:us-east-1:000000000000:key/1234abcd-12ab-34cd-56ef-1234567890ab"
	_, err := e.client.EnableHostedZoneDNSSEC(e.ctx, &sdk.EnableHostedZoneDNSSECInput{HostedZoneId: aws.String(id)})
	var noActive *types.KeySigningKeyWithActiveStatusNotFound
	require.ErrorAs(t, err, &noActive)
	ksk, err := e.client.CreateKeySigningKey(e.ctx, &sdk.CreateKeySigningKeyInput{CallerReference: aws.String("k1"), HostedZoneId: aws.String(id),
		KeyManagementServiceArn: aws.String(kms), Name: aws.String("ksk1"), Status: aws.String("ACTIVE")})
	require.NoError(t, err)
	assert.Equal(t, int32(257), ksk.KeySigningKey.Flag)
	assert.Equal(t, "ECDSAP256SHA256", aws.ToString(ksk.KeySigningKey.SigningAlgorithmMnemonic))
	_, err = e.client.EnableHostedZoneDNSSEC(e.ctx, &sdk.EnableHostedZoneDNSSECInput{HostedZoneId: aws.String(id)})
	require.NoError(t, err)
	got, err := e.client.GetDNSSEC(e.ctx, &sdk.GetDNSSECInput{HostedZoneId: aws.String(id)})
	require.NoError(t, err)
	assert.Equal(t, "SIGNING", aws.ToString(got.Status.ServeSignature))
	require.Len(t, got.KeySigningKeys, 1)
	_, err = e.client.DeactivateKeySigningKey(e.ctx, &sdk.DeactivateKeySigningKeyInput{HostedZoneId: aws.String(id), Name: aws.String("ksk1")})
	var inUse *types.KeySigningKeyInUse
	require.ErrorAs(t, err, &inUse)
	_, err = e.client.DeleteKeySigningKey(e.ctx, &sdk.DeleteKeySigningKeyInput{HostedZoneId: aws.String(id), Name: aws.String("ksk1")})
	var status *types.InvalidKeySigningKeyStatus
	require.ErrorAs(t, err, &status)
	_, err = e.client.DisableHostedZoneDNSSEC(e.ctx, &sdk.DisableHostedZoneDNSSECInput{HostedZoneId: aws.String(id)})
	require.NoError(t, err)
	_, err = e.client.DeactivateKeySigningKey(e.ctx, &sdk.DeactivateKeySigningKeyInput{HostedZoneId: aws.String(id), Name: aws.String("ksk1")})
	require.NoError(t, err)
	_, err = e.client.DeleteKeySigningKey(e.ctx, &sdk.DeleteKeySigningKeyInput{HostedZoneId: aws.String(id), Name: aws.String("ksk1")})
	require.NoError(t, err)
	_, err = e.client.CreateKeySigningKey(e.ctx, &sdk.CreateKeySigningKeyInput{CallerReference: aws.String("k2"), HostedZoneId: aws.String(id),
		KeyManagementServiceArn: aws.String("arn:aws:kms:eu-west-1:000000000000:key/x"), Name: aws.String("ksk2"), Status: aws.String("ACTIVE")})
	var badKMS *types.InvalidKMSArn
	require.ErrorAs(t, err, &badKMS)
}

// ListHostedZones pages with NextMarker.
func TestListHostedZones_Pages(t *testing.T) {
	e := newEnv(t)
	for _, n := range []string{"a.com", "b.com", "c.com"} {
		e.zone(t, n)
	}
	var names []string
	in := &sdk.ListHostedZonesInput{MaxItems: aws.Int32(2)}
	for {
		out, err := e.client.ListHostedZones(e.ctx, in)
		require.NoError(t, err)
		for _, z := range out.HostedZones {
			names = append(names, aws.ToString(z.Name))
		}
		if !out.IsTruncated {
			break
		}
		in.Marker = out.NextMarker
	}
	assert.Equal(t, []string{"a.com.", "b.com.", "c.com."}, names)
}
