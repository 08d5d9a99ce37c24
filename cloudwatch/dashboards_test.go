package cloudwatch_test

import (
	"errors"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	awscw "github.com/aws/aws-sdk-go-v2/service/cloudwatch"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatch/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake"
)

const dashBody = `{"widgets":[{"type":"metric","x":0,"y":0,"width":6,"height":6,"properties":{"metrics":[["AWS/EC2","CPUUtilization","InstanceId","i-12345678"]],"region":"us-east-1","view":"timeSeries","stacked":false}}]}`

// Put, Get, List (with a prefix) and Delete (recorded:
// test_dashboard_lifecycle).
func TestDashboards_Lifecycle(t *testing.T) {
	f := newFixture(t)
	_, err := f.client.PutDashboard(f.ctx, &awscw.PutDashboardInput{DashboardName: aws.String("ops-main"), DashboardBody: aws.String(dashBody)})
	require.NoError(t, err)
	f.cloud.CloudWatch().CheckDashboard(t, "ops-main")
	got, err := f.client.GetDashboard(f.ctx, &awscw.GetDashboardInput{DashboardName: aws.String("ops-main")})
	require.NoError(t, err)
	assert.Equal(t, dashBody, aws.ToString(got.DashboardBody))
	assert.Equal(t, "arn:aws:cloudwatch::"+f.cloud.AccountID()+":dashboard/ops-main", aws.ToString(got.DashboardArn))
	list, err := f.client.ListDashboards(f.ctx, &awscw.ListDashboardsInput{DashboardNamePrefix: aws.String("ops")})
	require.NoError(t, err)
	require.Len(t, list.DashboardEntries, 1)
	assert.Equal(t, int64(len(dashBody)), aws.ToInt64(list.DashboardEntries[0].Size))
	assert.Equal(t, t0, list.DashboardEntries[0].LastModified.UTC())
	list, err = f.client.ListDashboards(f.ctx, &awscw.ListDashboardsInput{DashboardNamePrefix: aws.String("dev")})
	require.NoError(t, err)
	assert.Empty(t, list.DashboardEntries)

	// Deleting one that does not exist deletes none.
	_, err = f.client.DeleteDashboards(f.ctx, &awscw.DeleteDashboardsInput{DashboardNames: []string{"ops-main", "nope"}})
	var nf *types.DashboardNotFoundError
	require.ErrorAs(t, err, &nf)
	awsfake.CheckCode(t, err, "ResourceNotFound")
	_, err = f.client.DeleteDashboards(f.ctx, &awscw.DeleteDashboardsInput{DashboardNames: []string{"ops-main"}})
	require.NoError(t, err)
	_, err = f.client.GetDashboard(f.ctx, &awscw.GetDashboardInput{DashboardName: aws.String("ops-main")})
	require.ErrorAs(t, err, &nf)
}

// A name with other characters is refused with the recorded message
// (test_invalid_dashboard_name).
func TestDashboards_InvalidName(t *testing.T) {
	f := newFixture(t)
	_, err := f.client.PutDashboard(f.ctx, &awscw.PutDashboardInput{DashboardName: aws.String("test$"), DashboardBody: aws.String(dashBody)})
	awsfake.CheckCode(t, err, "InvalidParameterValue")
	assert.ErrorContains(t, err, "The value for field DashboardName contains invalid characters. It can only contain alphanumerics, dash (-) and underscore (_).")
}

// A body AWS refuses is DashboardInvalidInputError with the path and
// message of each fault; nothing is stored.
func TestDashboards_BodyRefused(t *testing.T) {
	f := newFixture(t)
	for body, want := range map[string]string{
		`not json`:                        `"message": "Should be object"`,
		`{}`:                              `"message": "Should have required property 'widgets'"`,
		`{"widgets":[{}]}`:                `"message": "Should have required property 'type'"`,
		`{"widgets":[{"type":"metric"}]}`: `"message": "Should have required property 'properties'"`,
		`{"widgets":[{"type":"graph","properties":{}}]}`:                         `"dataPath": "/widgets/0/type"`,
		`{"widgets":[{"type":"metric","width":30,"properties":{"metrics":[]}}]}`: `"message": "Should be <= 24"`,
		`{"widgets":[{"type":"metric","properties":{"metrics":[["a",1]]}}]}`:     `Invalid metric field type, only \"String\" type is allowed`,
		`{"widgets":[{"type":"text","properties":{}}]}`:                          `"message": "Should have required property 'markdown'"`,
	} {
		_, err := f.client.PutDashboard(f.ctx, &awscw.PutDashboardInput{DashboardName: aws.String("d"), DashboardBody: aws.String(body)})
		var bad *types.DashboardInvalidInputError
		require.True(t, errors.As(err, &bad), body)
		awsfake.CheckCode(t, err, "InvalidParameterInput")
		assert.Contains(t, bad.ErrorMessage(), "The dashboard body is invalid, there are ", body)
		assert.Contains(t, bad.ErrorMessage(), want, body)
	}
	list, err := f.client.ListDashboards(f.ctx, &awscw.ListDashboardsInput{})
	require.NoError(t, err)
	assert.Empty(t, list.DashboardEntries)
}
