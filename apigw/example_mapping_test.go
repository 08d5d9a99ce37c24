package apigw_test

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	sdk "github.com/aws/aws-sdk-go-v2/service/apigateway"
	"github.com/aws/aws-sdk-go-v2/service/apigateway/types"

	"github.com/awsfake/awsfake"
)

// A MOCK integration whose request template (VTL) chooses the status
// from the body, and whose response templates build the answer from the
// method request's parameters and $context (a MOCK's own response body,
// $input.body of a response template, is empty).
func Example_mappingTemplates() {
	cloud := awsfake.New()
	defer cloud.Close()
	ctx := context.Background()
	client := sdk.NewFromConfig(cloud.AWSConfig())
	api, _ := client.CreateRestApi(ctx, &sdk.CreateRestApiInput{Name: aws.String("pets")})
	res, _ := client.CreateResource(ctx, &sdk.CreateResourceInput{RestApiId: api.Id, ParentId: api.RootResourceId, PathPart: aws.String("pets")})
	post := aws.String("POST")
	_, _ = client.PutMethod(ctx, &sdk.PutMethodInput{RestApiId: api.Id, ResourceId: res.Id, HttpMethod: post, AuthorizationType: aws.String("NONE")})
	_, _ = client.PutIntegration(ctx, &sdk.PutIntegrationInput{RestApiId: api.Id, ResourceId: res.Id, HttpMethod: post,
		Type: types.IntegrationTypeMock, RequestTemplates: map[string]string{"application/json": `#set($pets = $input.path('$.pets'))
#if($pets.size() > 0){"statusCode": 200}#else{"statusCode": 400}#end`}})
	for _, r := range []struct{ status, pattern, template string }{
		{"200", "", `{"owner": "$input.params('owner')", "stage": "$context.stage"}`},
		{"400", "400", `{"message": "no pets for $util.escapeJavaScript($input.params('owner'))"}`},
	} {
		_, _ = client.PutMethodResponse(ctx, &sdk.PutMethodResponseInput{RestApiId: api.Id, ResourceId: res.Id, HttpMethod: post, StatusCode: &r.status})
		_, _ = client.PutIntegrationResponse(ctx, &sdk.PutIntegrationResponseInput{RestApiId: api.Id, ResourceId: res.Id, HttpMethod: post,
			StatusCode: &r.status, SelectionPattern: &r.pattern, ResponseTemplates: map[string]string{"application/json": r.template}})
	}
	if _, err := client.CreateDeployment(ctx, &sdk.CreateDeploymentInput{RestApiId: api.Id, StageName: aws.String("prod")}); err != nil {
		panic(err)
	}
	url := cloud.APIGateway().InvokeURL(*api.Id, "prod") + "/pets?owner=Ann"
	for _, body := range []string{`{"pets": [{"name": "rex"}, {"name": "tom"}]}`, `{"pets": []}`} {
		resp, err := cloud.HTTPClient().Post(url, "application/json", strings.NewReader(body))
		if err != nil {
			panic(err)
		}
		out, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		fmt.Println(resp.StatusCode, string(out))
	}
	// Output:
	// 200 {"owner": "Ann", "stage": "prod"}
	// 400 {"message": "no pets for Ann"}
}
