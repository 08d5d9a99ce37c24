package apigw_test

import (
	"errors"
	"regexp"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	sdk "github.com/aws/aws-sdk-go-v2/service/apigateway"
	"github.com/aws/aws-sdk-go-v2/service/apigateway/types"
	"github.com/stretchr/testify/require"
)

const certARN = "arn:aws:acm:us-east-1:000000000000:certificate/abc"

func TestDomainName_EdgeAndRegionalAsAWSShowsThem(t *testing.T) {
	f := newFixture(t)
	edge, err := f.client.CreateDomainName(f.ctx, &sdk.CreateDomainNameInput{DomainName: aws.String("api.example.com"), CertificateArn: aws.String(certARN)})
	require.NoError(t, err)
	require.Regexp(t, regexp.MustCompile(`^d[a-z0-9]{13}\.cloudfront\.net$`), *edge.DistributionDomainName)
	require.Equal(t, "Z2FDTNDATAQYW2", *edge.DistributionHostedZoneId)
	require.Equal(t, types.SecurityPolicyTls12, edge.SecurityPolicy)
	require.Equal(t, []types.EndpointType{types.EndpointTypeEdge}, edge.EndpointConfiguration.Types)

	reg, err := f.client.CreateDomainName(f.ctx, &sdk.CreateDomainNameInput{DomainName: aws.String("r.example.com"),
		RegionalCertificateArn: aws.String(certARN), SecurityPolicy: types.SecurityPolicyTls10,
		EndpointConfiguration: &types.EndpointConfiguration{Types: []types.EndpointType{types.EndpointTypeRegional}}})
	require.NoError(t, err)
	require.Regexp(t, regexp.MustCompile(`^d-[a-z0-9]{10}\.execute-api\.us-east-1\.amazonaws\.com$`), *reg.RegionalDomainName)
	require.Equal(t, certARN, *reg.RegionalCertificateArn)

	_, err = f.client.CreateDomainName(f.ctx, &sdk.CreateDomainNameInput{DomainName: aws.String("r.example.com"), RegionalCertificateArn: aws.String(certARN),
		EndpointConfiguration: &types.EndpointConfiguration{Types: []types.EndpointType{types.EndpointTypeRegional}}})
	var ce *types.ConflictException
	require.True(t, errors.As(err, &ce), "%v", err)

	list, err := f.client.GetDomainNames(f.ctx, &sdk.GetDomainNamesInput{})
	require.NoError(t, err)
	require.Len(t, list.Items, 2)

	up, err := f.client.UpdateDomainName(f.ctx, &sdk.UpdateDomainNameInput{DomainName: aws.String("r.example.com"), PatchOperations: []types.PatchOperation{
		{Op: types.OpReplace, Path: aws.String("/securityPolicy"), Value: aws.String("TLS_1_2")}}})
	require.NoError(t, err)
	require.Equal(t, types.SecurityPolicyTls12, up.SecurityPolicy)

	_, err = f.client.DeleteDomainName(f.ctx, &sdk.DeleteDomainNameInput{DomainName: aws.String("r.example.com")})
	require.NoError(t, err)
	_, err = f.client.GetDomainName(f.ctx, &sdk.GetDomainNameInput{DomainName: aws.String("r.example.com")})
	checkErr(t, err, "NotFoundException", "Invalid domain name identifier specified")
}

func TestDomainName_BadInputIsRefusedAndNothingStored(t *testing.T) {
	f := newFixture(t)
	for _, in := range []*sdk.CreateDomainNameInput{
		{DomainName: aws.String("a.example.com")},
		{DomainName: aws.String("a.example.com"), CertificateArn: aws.String(certARN), SecurityPolicy: "TLS_9"},
		{DomainName: aws.String("a.example.com"), CertificateArn: aws.String(certARN),
			EndpointConfiguration: &types.EndpointConfiguration{Types: []types.EndpointType{types.EndpointTypeRegional}}},
	} {
		_, err := f.client.CreateDomainName(f.ctx, in)
		var br *types.BadRequestException
		require.True(t, errors.As(err, &br), "%v", err)
	}
	list, err := f.client.GetDomainNames(f.ctx, &sdk.GetDomainNamesInput{})
	require.NoError(t, err)
	require.Empty(t, list.Items)
}

func TestBasePathMapping_NoneIsTheEmptyPathAndTargetsMustExist(t *testing.T) {
	f := newFixture(t)
	api, root := f.api(t, "m")
	f.method(t, api, root, "GET")
	_, err := f.client.PutIntegration(f.ctx, &sdk.PutIntegrationInput{RestApiId: &api, ResourceId: &root, HttpMethod: aws.String("GET"), Type: types.IntegrationTypeMock})
	require.NoError(t, err)
	_, err = f.client.CreateDeployment(f.ctx, &sdk.CreateDeploymentInput{RestApiId: &api, StageName: aws.String("prod")})
	require.NoError(t, err)
	_, err = f.client.CreateDomainName(f.ctx, &sdk.CreateDomainNameInput{DomainName: aws.String("api.example.com"), CertificateArn: aws.String(certARN)})
	require.NoError(t, err)
	dn := aws.String("api.example.com")

	_, err = f.client.CreateBasePathMapping(f.ctx, &sdk.CreateBasePathMappingInput{DomainName: dn, RestApiId: aws.String("nope")})
	checkErr(t, err, "BadRequestException", "Invalid REST API identifier specified")
	_, err = f.client.CreateBasePathMapping(f.ctx, &sdk.CreateBasePathMappingInput{DomainName: dn, RestApiId: &api, Stage: aws.String("dev")})
	checkErr(t, err, "BadRequestException", "Invalid stage identifier specified")

	m, err := f.client.CreateBasePathMapping(f.ctx, &sdk.CreateBasePathMappingInput{DomainName: dn, RestApiId: &api, Stage: aws.String("prod")})
	require.NoError(t, err)
	require.Equal(t, "(none)", *m.BasePath)
	_, err = f.client.CreateBasePathMapping(f.ctx, &sdk.CreateBasePathMappingInput{DomainName: dn, RestApiId: &api, Stage: aws.String("prod")})
	checkErr(t, err, "ConflictException", "Base path already exists for this domain name")

	got, err := f.client.GetBasePathMapping(f.ctx, &sdk.GetBasePathMappingInput{DomainName: dn, BasePath: aws.String("(none)")})
	require.NoError(t, err)
	require.Equal(t, api, *got.RestApiId)

	up, err := f.client.UpdateBasePathMapping(f.ctx, &sdk.UpdateBasePathMappingInput{DomainName: dn, BasePath: aws.String("(none)"),
		PatchOperations: []types.PatchOperation{{Op: types.OpReplace, Path: aws.String("/basePath"), Value: aws.String("v1")}}})
	require.NoError(t, err)
	require.Equal(t, "v1", *up.BasePath)
	list, err := f.client.GetBasePathMappings(f.ctx, &sdk.GetBasePathMappingsInput{DomainName: dn})
	require.NoError(t, err)
	require.Len(t, list.Items, 1)
	require.Equal(t, "v1", *list.Items[0].BasePath)

	_, err = f.client.DeleteBasePathMapping(f.ctx, &sdk.DeleteBasePathMappingInput{DomainName: dn, BasePath: aws.String("v1")})
	require.NoError(t, err)
	_, err = f.client.GetBasePathMapping(f.ctx, &sdk.GetBasePathMappingInput{DomainName: dn, BasePath: aws.String("v1")})
	checkErr(t, err, "NotFoundException", "Invalid base path mapping identifier specified")
}
