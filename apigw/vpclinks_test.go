package apigw_test

import (
	"errors"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	sdk "github.com/aws/aws-sdk-go-v2/service/apigateway"
	"github.com/aws/aws-sdk-go-v2/service/apigateway/types"
	"github.com/stretchr/testify/require"
)

const nlbARN = "arn:aws:elasticloadbalancing:us-east-1:000000000000:loadbalancer/net/nlb/1234567890abcdef"

// test_apigateway_api.py::TestApiGatewayVpcLink::test_vpc_link_lifecycle:
// PENDING on create (202), AVAILABLE with AWS's message afterwards.
func TestVpcLink_LifecyclePendingThenAvailableOnTheClock(t *testing.T) {
	f := newFixture(t)
	out, err := f.client.CreateVpcLink(f.ctx, &sdk.CreateVpcLinkInput{Name: aws.String("link"), TargetArns: []string{nlbARN}})
	require.NoError(t, err)
	require.Equal(t, types.VpcLinkStatusPending, out.Status)
	require.Nil(t, out.StatusMessage)
	id := out.Id

	f.clk.Advance(2*time.Minute - time.Nanosecond)
	got, err := f.client.GetVpcLink(f.ctx, &sdk.GetVpcLinkInput{VpcLinkId: id})
	require.NoError(t, err)
	require.Equal(t, types.VpcLinkStatusPending, got.Status)

	f.clk.Advance(time.Nanosecond)
	got, err = f.client.GetVpcLink(f.ctx, &sdk.GetVpcLinkInput{VpcLinkId: id})
	require.NoError(t, err)
	require.Equal(t, types.VpcLinkStatusAvailable, got.Status)
	require.Equal(t, "Your vpc link is ready for use", *got.StatusMessage)
	require.Equal(t, []string{nlbARN}, got.TargetArns)
	require.NotNil(t, got.Tags)

	list, err := f.client.GetVpcLinks(f.ctx, &sdk.GetVpcLinksInput{})
	require.NoError(t, err)
	require.Len(t, list.Items, 1)
	require.Equal(t, types.VpcLinkStatusAvailable, list.Items[0].Status)

	up, err := f.client.UpdateVpcLink(f.ctx, &sdk.UpdateVpcLinkInput{VpcLinkId: id, PatchOperations: []types.PatchOperation{
		{Op: types.OpReplace, Path: aws.String("/name"), Value: aws.String("link-updated")}}})
	require.NoError(t, err)
	require.Equal(t, "link-updated", *up.Name)

	_, err = f.client.DeleteVpcLink(f.ctx, &sdk.DeleteVpcLinkInput{VpcLinkId: id})
	require.NoError(t, err)
	_, err = f.client.GetVpcLink(f.ctx, &sdk.GetVpcLinkInput{VpcLinkId: id})
	requireVpcLinkNotFound(t, err)
}

func requireVpcLinkNotFound(t *testing.T, err error) {
	t.Helper()
	var nf *types.NotFoundException
	require.True(t, errors.As(err, &nf), "%v", err)
	require.Equal(t, "Invalid Vpc Link identifier specified", *nf.Message)
}

// test_get_vpc_link_invalid_id, test_delete_vpc_link_invalid_id,
// test_update_vpc_link_invalid_id.
func TestVpcLink_UnknownIDIsNotFound(t *testing.T) {
	f := newFixture(t)
	_, err := f.client.GetVpcLink(f.ctx, &sdk.GetVpcLinkInput{VpcLinkId: aws.String("nope")})
	requireVpcLinkNotFound(t, err)
	_, err = f.client.DeleteVpcLink(f.ctx, &sdk.DeleteVpcLinkInput{VpcLinkId: aws.String("nope")})
	requireVpcLinkNotFound(t, err)
	_, err = f.client.UpdateVpcLink(f.ctx, &sdk.UpdateVpcLinkInput{VpcLinkId: aws.String("nope"), PatchOperations: []types.PatchOperation{
		{Op: types.OpReplace, Path: aws.String("/name"), Value: aws.String("x")}}})
	requireVpcLinkNotFound(t, err)
}

// test_create_vpc_link_invalid_parameters: AWS's texts, nothing stored.
func TestVpcLink_InvalidParametersAreRefused(t *testing.T) {
	f := newFixture(t)
	var br *types.BadRequestException
	_, err := f.client.CreateVpcLink(f.ctx, &sdk.CreateVpcLinkInput{Name: aws.String("l"), TargetArns: []string{"invalid-arn"}})
	require.True(t, errors.As(err, &br), "%v", err)
	require.Equal(t, "Invalid ARN. ARN is not well formed invalid-arn", *br.Message)
	_, err = f.client.CreateVpcLink(f.ctx, &sdk.CreateVpcLinkInput{Name: aws.String(""), TargetArns: []string{nlbARN}})
	require.True(t, errors.As(err, &br), "%v", err)
	require.Equal(t, "Name cannot be empty", *br.Message)
	list, err := f.client.GetVpcLinks(f.ctx, &sdk.GetVpcLinksInput{})
	require.NoError(t, err)
	require.Empty(t, list.Items)
}
