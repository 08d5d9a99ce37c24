package apigw_test

import (
	"context"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	sdk "github.com/aws/aws-sdk-go-v2/service/apigateway"
	"github.com/aws/aws-sdk-go-v2/service/apigateway/types"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake"
	"github.com/awsfake/awsfake/clock"
)

var t0 = time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)

// fixture is a cloud on a fake clock with an API Gateway client.
type fixture struct {
	ctx    context.Context
	cloud  *awsfake.Cloud
	clk    *clock.Fake
	client *sdk.Client
	http   *http.Client
}

func newFixture(t *testing.T) *fixture {
	t.Helper()
	clk := clock.NewFake(t0)
	cloud := awsfake.NewT(t, awsfake.WithClock(clk))
	return &fixture{ctx: context.Background(), cloud: cloud, clk: clk,
		client: sdk.NewFromConfig(cloud.AWSConfig()), http: cloud.HTTPClient()}
}

// api creates a REST API and returns its id and root resource id.
func (f *fixture) api(t *testing.T, name string) (string, string) {
	t.Helper()
	out, err := f.client.CreateRestApi(f.ctx, &sdk.CreateRestApiInput{Name: aws.String(name)})
	require.NoError(t, err)
	return *out.Id, *out.RootResourceId
}

// resource creates a child resource.
func (f *fixture) resource(t *testing.T, api, parent, part string) string {
	t.Helper()
	out, err := f.client.CreateResource(f.ctx, &sdk.CreateResourceInput{RestApiId: &api, ParentId: &parent, PathPart: &part})
	require.NoError(t, err)
	return *out.Id
}

// method puts a method with no authorization.
func (f *fixture) method(t *testing.T, api, res, method string) {
	t.Helper()
	_, err := f.client.PutMethod(f.ctx, &sdk.PutMethodInput{RestApiId: &api, ResourceId: &res, HttpMethod: &method,
		AuthorizationType: aws.String("NONE")})
	require.NoError(t, err)
}

// mock makes a method a MOCK answering status with body.
func (f *fixture) mock(t *testing.T, api, res, method, status, body string) {
	t.Helper()
	f.method(t, api, res, method)
	_, err := f.client.PutIntegration(f.ctx, &sdk.PutIntegrationInput{RestApiId: &api, ResourceId: &res, HttpMethod: &method,
		Type: types.IntegrationTypeMock, RequestTemplates: map[string]string{"application/json": `{"statusCode": ` + status + `}`}})
	require.NoError(t, err)
	_, err = f.client.PutMethodResponse(f.ctx, &sdk.PutMethodResponseInput{RestApiId: &api, ResourceId: &res, HttpMethod: &method,
		StatusCode: &status, ResponseParameters: map[string]bool{"method.response.header.X-Mock": false}})
	require.NoError(t, err)
	_, err = f.client.PutIntegrationResponse(f.ctx, &sdk.PutIntegrationResponseInput{RestApiId: &api, ResourceId: &res,
		HttpMethod: &method, StatusCode: &status, ResponseTemplates: map[string]string{"application/json": body},
		ResponseParameters: map[string]string{"method.response.header.X-Mock": "'yes'"}})
	require.NoError(t, err)
}

// deploy deploys an API to a stage.
func (f *fixture) deploy(t *testing.T, api, stage string) string {
	t.Helper()
	out, err := f.client.CreateDeployment(f.ctx, &sdk.CreateDeploymentInput{RestApiId: &api, StageName: &stage})
	require.NoError(t, err)
	return *out.Id
}

// call sends a request to a stage's URL and returns the status, the
// headers and the body.
func (f *fixture) call(t *testing.T, method, url, body string, header ...string) (int, http.Header, string) {
	t.Helper()
	var rd io.Reader
	if body != "" {
		rd = strings.NewReader(body)
	}
	req, err := http.NewRequest(method, url, rd)
	require.NoError(t, err)
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	resp, err := f.http.Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	return resp.StatusCode, resp.Header, string(b)
}
