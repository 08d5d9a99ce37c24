package apigw_test

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	sdk "github.com/aws/aws-sdk-go-v2/service/apigateway"
	"github.com/aws/aws-sdk-go-v2/service/apigateway/types"
	lambdasdk "github.com/aws/aws-sdk-go-v2/service/lambda"

	"github.com/awsfake/awsfake"
	"github.com/awsfake/awsfake/internal/servicetest"
)

// benchAPI is a cloud with GET /items/{id} a Lambda proxy integration of a
// function answering a small JSON body, with n-1 other resources beside
// it, deployed; it returns the cloud and the URL to call.
func benchAPI(b *testing.B, n int) (*awsfake.Cloud, string) {
	cloud := awsfake.NewT(b)
	ctx := context.Background()
	if err := cloud.Lambda().RegisterHandler("hello", func(context.Context, map[string]any) (map[string]any, error) {
		return map[string]any{"statusCode": 200, "body": `{"ok":true}`}, nil
	}); err != nil {
		b.Fatal(err)
	}
	if err := createFunction(ctx, cloud); err != nil {
		b.Fatal(err)
	}
	s := cloud.APIGateway()
	client := sdk.NewFromConfig(cloud.AWSConfig())
	api, err := client.CreateRestApi(ctx, &sdk.CreateRestApiInput{Name: aws.String("bench")})
	if err != nil {
		b.Fatal(err)
	}
	items, _ := client.CreateResource(ctx, &sdk.CreateResourceInput{RestApiId: api.Id, ParentId: api.RootResourceId, PathPart: aws.String("items")})
	id, _ := client.CreateResource(ctx, &sdk.CreateResourceInput{RestApiId: api.Id, ParentId: items.Id, PathPart: aws.String("{id}")})
	for i := range n - 1 {
		if _, err := client.CreateResource(ctx, &sdk.CreateResourceInput{RestApiId: api.Id, ParentId: api.RootResourceId,
			PathPart: aws.String(fmt.Sprintf("r%d", i))}); err != nil {
			b.Fatal(err)
		}
	}
	_, _ = client.PutMethod(ctx, &sdk.PutMethodInput{RestApiId: api.Id, ResourceId: id.Id, HttpMethod: aws.String("GET"), AuthorizationType: aws.String("NONE")})
	if _, err := client.PutIntegration(ctx, &sdk.PutIntegrationInput{RestApiId: api.Id, ResourceId: id.Id, HttpMethod: aws.String("GET"),
		Type: types.IntegrationTypeAwsProxy, IntegrationHttpMethod: aws.String("POST"),
		Uri: aws.String("arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:000000000000:function:greeter/invocations")}); err != nil {
		b.Fatal(err)
	}
	if _, err := client.CreateDeployment(ctx, &sdk.CreateDeploymentInput{RestApiId: api.Id, StageName: aws.String("prod")}); err != nil {
		b.Fatal(err)
	}
	return cloud, s.InvokeURL(*api.Id, "prod") + "/items/42"
}

func get(b *testing.B, c *http.Client, url string) {
	req, err := http.NewRequest(http.MethodGet, url, http.NoBody)
	if err != nil {
		b.Fatal(err)
	}
	resp, err := c.Do(req)
	if err != nil {
		b.Fatal(err)
	}
	_, _ = io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 {
		b.Fatalf("status %d", resp.StatusCode)
	}
}

// BenchmarkInvoke_LambdaProxyGET is the hot call: an HTTP GET through
// cloud.HTTPClient() to a Lambda proxy integration.
func BenchmarkInvoke_LambdaProxyGET(b *testing.B) {
	for _, n := range []int{10, 10000} {
		b.Run(fmt.Sprintf("resources=%d", n), func(b *testing.B) {
			cloud, url := benchAPI(b, n)
			c := cloud.HTTPClient()
			get(b, c, url)
			b.ReportAllocs()
			for b.Loop() {
				get(b, c, url)
			}
		})
	}
}

// BenchmarkInvoke_DirectLambdaSDK is the comparison: the same function
// invoked directly through the Lambda SDK client.
func BenchmarkInvoke_DirectLambdaSDK(b *testing.B) {
	cloud, _ := benchAPI(b, 1)
	client := lambdasdk.NewFromConfig(cloud.AWSConfig())
	in := &lambdasdk.InvokeInput{FunctionName: aws.String("greeter"), Payload: []byte(`{"path":"/items/42"}`)}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := client.Invoke(context.Background(), in); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkInvoke_Floor is the floor: the same GET answered with the same
// body by a canned handler through the same in-memory transport.
func BenchmarkInvoke_Floor(b *testing.B) {
	c := &http.Client{Transport: servicetest.InMemory{Handler: servicetest.Canned{
		Header: http.Header{"Content-Type": {"application/json"}}, Body: []byte(`{"ok":true}`)}}}
	b.ReportAllocs()
	for b.Loop() {
		get(b, c, "https://abc.execute-api.us-east-1.amazonaws.com/prod/items/42")
	}
}

// BenchmarkInvoke_MockWithTemplates is the hot call of a non-proxy
// integration: a POST through cloud.HTTPClient() to a MOCK whose request
// and response templates (VTL) read the body and the parameters.
func BenchmarkInvoke_MockWithTemplates(b *testing.B) {
	cloud := awsfake.NewT(b)
	ctx := context.Background()
	client := sdk.NewFromConfig(cloud.AWSConfig())
	api, err := client.CreateRestApi(ctx, &sdk.CreateRestApiInput{Name: aws.String("bench")})
	if err != nil {
		b.Fatal(err)
	}
	res, _ := client.CreateResource(ctx, &sdk.CreateResourceInput{RestApiId: api.Id, ParentId: api.RootResourceId, PathPart: aws.String("items")})
	post := aws.String("POST")
	_, _ = client.PutMethod(ctx, &sdk.PutMethodInput{RestApiId: api.Id, ResourceId: res.Id, HttpMethod: post, AuthorizationType: aws.String("NONE")})
	_, _ = client.PutIntegration(ctx, &sdk.PutIntegrationInput{RestApiId: api.Id, ResourceId: res.Id, HttpMethod: post, Type: types.IntegrationTypeMock,
		RequestTemplates: map[string]string{"application/json": `#set($n = $input.path('$.items').size())#if($n > 0){"statusCode": 200}#else{"statusCode": 400}#end`}})
	_, _ = client.PutMethodResponse(ctx, &sdk.PutMethodResponseInput{RestApiId: api.Id, ResourceId: res.Id, HttpMethod: post, StatusCode: aws.String("200")})
	_, _ = client.PutIntegrationResponse(ctx, &sdk.PutIntegrationResponseInput{RestApiId: api.Id, ResourceId: res.Id, HttpMethod: post,
		StatusCode: aws.String("200"), ResponseTemplates: map[string]string{"application/json": `{"ok": true, "q": "$util.escapeJavaScript($input.params('q'))"}`}})
	if _, err := client.CreateDeployment(ctx, &sdk.CreateDeploymentInput{RestApiId: api.Id, StageName: aws.String("prod")}); err != nil {
		b.Fatal(err)
	}
	url := cloud.APIGateway().InvokeURL(*api.Id, "prod") + "/items?q=x"
	c := cloud.HTTPClient()
	body := `{"items": [{"id": 1}, {"id": 2}]}`
	b.ReportAllocs()
	for b.Loop() {
		resp, err := c.Post(url, "application/json", strings.NewReader(body))
		if err != nil {
			b.Fatal(err)
		}
		_, _ = io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 200 {
			b.Fatalf("status %d", resp.StatusCode)
		}
	}
}
