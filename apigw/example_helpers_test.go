package apigw_test

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	lambdasdk "github.com/aws/aws-sdk-go-v2/service/lambda"
	lambdatypes "github.com/aws/aws-sdk-go-v2/service/lambda/types"

	"github.com/awsfake/awsfake"
)

// createFunction creates the function greeter running the hello handler,
// which API Gateway may invoke.
func createFunction(ctx context.Context, cloud *awsfake.Cloud) error {
	client := lambdasdk.NewFromConfig(cloud.AWSConfig())
	if _, err := client.CreateFunction(ctx, &lambdasdk.CreateFunctionInput{FunctionName: aws.String("greeter"),
		Runtime: lambdatypes.RuntimeProvidedal2023, Handler: aws.String("hello"),
		Role: aws.String("arn:aws:iam::000000000000:role/lambda"), Code: &lambdatypes.FunctionCode{ZipFile: []byte("zip")}}); err != nil {
		return err
	}
	_, err := client.AddPermission(ctx, &lambdasdk.AddPermissionInput{FunctionName: aws.String("greeter"),
		StatementId: aws.String("apigw"), Action: aws.String("lambda:InvokeFunction"), Principal: aws.String("apigateway.amazonaws.com")})
	return err
}
