package apigw_test

import (
	"context"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	sdk "github.com/aws/aws-sdk-go-v2/service/apigateway"
	"github.com/aws/aws-sdk-go-v2/service/apigateway/types"

	"github.com/awsfake/awsfake"
)

// benchOrderBody is a request body of the size and shape an API takes: an
// order of ten lines.
var benchOrderBody = `{"customer":"c-42","lines":[` + strings.Repeat(`{"sku":"sku-1","qty":2,"price":9.5},`, 9) +
	`{"sku":"sku-2","qty":1,"price":3}],"note":"leave at the door"}`

const benchOrderSchema = `{"$schema":"http://json-schema.org/draft-04/schema#","type":"object","required":["customer","lines"],
	"properties":{"customer":{"type":"string","pattern":"^c-[0-9]+$"},"note":{"type":"string","maxLength":200},
	"lines":{"type":"array","minItems":1,"items":{"type":"object","required":["sku","qty"],"additionalProperties":false,
	"properties":{"sku":{"type":"string","minLength":1},"qty":{"type":"integer","minimum":1},"price":{"type":"number","minimum":0}}}}}}`

// benchValidatedAPI is POST /orders, a MOCK answering 200, with (validate)
// or without a request validator checking the body against the order
// model; it returns the URL to call.
func benchValidatedAPI(b *testing.B, validate bool) (*awsfake.Cloud, string) {
	cloud := awsfake.NewT(b)
	ctx := context.Background()
	client := sdk.NewFromConfig(cloud.AWSConfig())
	api, err := client.CreateRestApi(ctx, &sdk.CreateRestApiInput{Name: aws.String("bench")})
	if err != nil {
		b.Fatal(err)
	}
	res, _ := client.CreateResource(ctx, &sdk.CreateResourceInput{RestApiId: api.Id, ParentId: api.RootResourceId, PathPart: aws.String("orders")})
	post := aws.String("POST")
	in := &sdk.PutMethodInput{RestApiId: api.Id, ResourceId: res.Id, HttpMethod: post, AuthorizationType: aws.String("NONE")}
	if validate {
		if _, err := client.CreateModel(ctx, &sdk.CreateModelInput{RestApiId: api.Id, Name: aws.String("Order"),
			ContentType: aws.String("application/json"), Schema: aws.String(benchOrderSchema)}); err != nil {
			b.Fatal(err)
		}
		v, err := client.CreateRequestValidator(ctx, &sdk.CreateRequestValidatorInput{RestApiId: api.Id, Name: aws.String("body"), ValidateRequestBody: true})
		if err != nil {
			b.Fatal(err)
		}
		in.RequestValidatorId, in.RequestModels = v.Id, map[string]string{"application/json": "Order"}
	}
	if _, err := client.PutMethod(ctx, in); err != nil {
		b.Fatal(err)
	}
	_, _ = client.PutIntegration(ctx, &sdk.PutIntegrationInput{RestApiId: api.Id, ResourceId: res.Id, HttpMethod: post, Type: types.IntegrationTypeMock,
		RequestTemplates: map[string]string{"application/json": `{"statusCode": 200}`}})
	_, _ = client.PutMethodResponse(ctx, &sdk.PutMethodResponseInput{RestApiId: api.Id, ResourceId: res.Id, HttpMethod: post, StatusCode: aws.String("200")})
	_, _ = client.PutIntegrationResponse(ctx, &sdk.PutIntegrationResponseInput{RestApiId: api.Id, ResourceId: res.Id, HttpMethod: post,
		StatusCode: aws.String("200"), ResponseTemplates: map[string]string{"application/json": `{"ok": true}`}})
	if _, err := client.CreateDeployment(ctx, &sdk.CreateDeploymentInput{RestApiId: api.Id, StageName: aws.String("prod")}); err != nil {
		b.Fatal(err)
	}
	return cloud, cloud.APIGateway().InvokeURL(*api.Id, "prod") + "/orders"
}

func postOrder(b *testing.B, c *http.Client, url string) {
	resp, err := c.Post(url, "application/json", strings.NewReader(benchOrderBody))
	if err != nil {
		b.Fatal(err)
	}
	_, _ = io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 {
		b.Fatalf("status %d", resp.StatusCode)
	}
}

// BenchmarkInvoke_ValidatedBody is a POST whose body a request validator
// checks against a model (validator=on) beside the same POST with no
// validator (validator=off, the floor): the difference is the
// validation's cost per call.
func BenchmarkInvoke_ValidatedBody(b *testing.B) {
	for _, on := range []bool{false, true} {
		name := "validator=off"
		if on {
			name = "validator=on"
		}
		b.Run(name, func(b *testing.B) {
			cloud, url := benchValidatedAPI(b, on)
			c := cloud.HTTPClient()
			postOrder(b, c, url)
			b.ReportAllocs()
			for b.Loop() {
				postOrder(b, c, url)
			}
		})
	}
}
