package eventbridge_test

import (
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	awseb "github.com/aws/aws-sdk-go-v2/service/eventbridge"
	ebtypes "github.com/aws/aws-sdk-go-v2/service/eventbridge/types"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake"
)

func (f *fixture) destination(t testing.TB, name, connArn string) *awseb.CreateApiDestinationOutput {
	t.Helper()
	out, err := f.eb.CreateApiDestination(ctx, &awseb.CreateApiDestinationInput{Name: aws.String(name), ConnectionArn: aws.String(connArn),
		InvocationEndpoint: aws.String("https://example.com/api"), HttpMethod: ebtypes.ApiDestinationHttpMethodPost, Description: aws.String("Test API destination")})
	require.NoError(t, err)
	return out
}

// recorded: TestEventBridgeApiDestinations::test_api_destinations[auth0..2]
func TestApiDestination_StateFollowsConnectionDefaultRateLimitCRUD(t *testing.T) {
	f := newFixture(t)
	basic := f.connection(t, "basic", "BASIC", basicAuth("u", "p"))
	oauth := f.connection(t, "oauth", "OAUTH_CLIENT_CREDENTIALS", oauthAuth())
	a := f.destination(t, "a", *basic.ConnectionArn)
	require.Equal(t, ebtypes.ApiDestinationStateActive, a.ApiDestinationState)
	require.Regexp(t, `^arn:aws:events:[a-z0-9-]+:\d{12}:api-destination/a/[0-9a-f-]{36}$`, *a.ApiDestinationArn)
	b := f.destination(t, "b", *oauth.ConnectionArn)
	require.Equal(t, ebtypes.ApiDestinationStateInactive, b.ApiDestinationState, "an OAuth connection not yet authorized")

	d, err := f.eb.DescribeApiDestination(ctx, &awseb.DescribeApiDestinationInput{Name: aws.String("a")})
	require.NoError(t, err)
	require.Equal(t, int32(300), *d.InvocationRateLimitPerSecond)
	require.Equal(t, "Test API destination", *d.Description)
	require.Equal(t, *basic.ConnectionArn, *d.ConnectionArn)

	u, err := f.eb.UpdateApiDestination(ctx, &awseb.UpdateApiDestinationInput{Name: aws.String("a"), InvocationRateLimitPerSecond: aws.Int32(5),
		InvocationEndpoint: aws.String("https://example.com/v2")})
	require.NoError(t, err)
	require.Equal(t, ebtypes.ApiDestinationStateActive, u.ApiDestinationState)
	l, err := f.eb.ListApiDestinations(ctx, &awseb.ListApiDestinationsInput{ConnectionArn: basic.ConnectionArn})
	require.NoError(t, err)
	require.Len(t, l.ApiDestinations, 1)
	require.Equal(t, int32(5), *l.ApiDestinations[0].InvocationRateLimitPerSecond)
	require.Equal(t, "https://example.com/v2", *l.ApiDestinations[0].InvocationEndpoint)

	_, err = f.eb.DeauthorizeConnection(ctx, &awseb.DeauthorizeConnectionInput{Name: aws.String("basic")})
	require.NoError(t, err)
	d, err = f.eb.DescribeApiDestination(ctx, &awseb.DescribeApiDestinationInput{Name: aws.String("a")})
	require.NoError(t, err)
	require.Equal(t, ebtypes.ApiDestinationStateInactive, d.ApiDestinationState)

	_, err = f.eb.DeleteApiDestination(ctx, &awseb.DeleteApiDestinationInput{Name: aws.String("a")})
	require.NoError(t, err)
	_, err = f.eb.DescribeApiDestination(ctx, &awseb.DescribeApiDestinationInput{Name: aws.String("a")})
	e := awsfake.CheckCode(t, err, "ResourceNotFoundException")
	require.Equal(t, "Failed to describe the api-destination(s). An api-destination 'a' does not exist.", e.ErrorMessage())
}

// recorded: test_create_api_destination_invalid_parameters, test_create_api_destination_name_validation
func TestCreateApiDestination_ValidationMessagesAsRecorded(t *testing.T) {
	f := newFixture(t)
	_, err := f.eb.CreateApiDestination(ctx, &awseb.CreateApiDestinationInput{Name: aws.String("d"), ConnectionArn: aws.String("invalid-connection-arn"),
		InvocationEndpoint: aws.String("https://example.com/api"), HttpMethod: "INVALID_METHOD"})
	e := awsfake.CheckCode(t, err, "ValidationException")
	require.Equal(t, `2 validation errors detected: Value 'invalid-connection-arn' at 'connectionArn' failed to satisfy constraint: Member must satisfy regular expression pattern: ^arn:aws([a-z]|\-)*:events:([a-z]|\d|\-)*:([0-9]{12})?:connection\/[\.\-_A-Za-z0-9]+\/[\-A-Za-z0-9]+$; Value 'INVALID_METHOD' at 'httpMethod' failed to satisfy constraint: Member must satisfy enum value set: [HEAD, POST, PATCH, DELETE, PUT, GET, OPTIONS]`, e.ErrorMessage())
	_, err = f.eb.CreateApiDestination(ctx, &awseb.CreateApiDestinationInput{Name: aws.String("Invalid Name With Spaces!"), ConnectionArn: aws.String("x"),
		InvocationEndpoint: aws.String("https://example.com/api"), HttpMethod: "POST"})
	e = awsfake.CheckCode(t, err, "ValidationException")
	require.Equal(t, `1 validation error detected: Value 'Invalid Name With Spaces!' at 'name' failed to satisfy constraint: Member must satisfy regular expression pattern: [\.\-_A-Za-z0-9]+`, e.ErrorMessage())
	_, err = f.eb.CreateApiDestination(ctx, &awseb.CreateApiDestinationInput{Name: aws.String("d"),
		ConnectionArn:      aws.String("arn:aws:events:us-east-1:123456789012:connection/gone/0000"),
		InvocationEndpoint: aws.String("https://example.com/api"), HttpMethod: "POST"})
	awsfake.CheckCode(t, err, "ResourceNotFoundException")
	l, err := f.eb.ListApiDestinations(ctx, &awseb.ListApiDestinationsInput{})
	require.NoError(t, err)
	require.Empty(t, l.ApiDestinations)
}
