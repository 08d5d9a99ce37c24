package awsfake_test

import (
	"context"
	"errors"
	"fmt"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/iam"
	"github.com/aws/aws-sdk-go-v2/service/sqs"
	"github.com/aws/smithy-go"

	"github.com/awsfake/awsfake"
)

func ExampleWithIAMEnforcement() {
	cloud := awsfake.New(awsfake.WithIAMEnforcement())
	defer cloud.Close()
	ctx := context.Background()

	// The test keys are the account's root user: an IAM user is made with them.
	admin := iam.NewFromConfig(cloud.AWSConfig())
	if _, err := admin.CreateUser(ctx, &iam.CreateUserInput{UserName: aws.String("dev")}); err != nil {
		panic(err)
	}
	key, err := admin.CreateAccessKey(ctx, &iam.CreateAccessKeyInput{UserName: aws.String("dev")})
	if err != nil {
		panic(err)
	}
	cfg := cloud.AWSConfig()
	cfg.Credentials = credentials.NewStaticCredentialsProvider(aws.ToString(key.AccessKey.AccessKeyId),
		aws.ToString(key.AccessKey.SecretAccessKey), "")
	dev := sqs.NewFromConfig(cfg)

	// The user has no policy yet.
	_, err = dev.CreateQueue(ctx, &sqs.CreateQueueInput{QueueName: aws.String("jobs")})
	var ae smithy.APIError
	if errors.As(err, &ae) {
		fmt.Println(ae.ErrorCode()+":", ae.ErrorMessage())
	}

	_, err = admin.AttachUserPolicy(ctx, &iam.AttachUserPolicyInput{UserName: aws.String("dev"),
		PolicyArn: aws.String("arn:aws:iam::aws:policy/AmazonSQSFullAccess")})
	if err != nil {
		panic(err)
	}
	out, err := dev.CreateQueue(ctx, &sqs.CreateQueueInput{QueueName: aws.String("jobs")})
	fmt.Println(aws.ToString(out.QueueUrl), err)
	// Output:
	// AccessDenied: User: arn:aws:iam::000000000000:user/dev is not authorized to perform: sqs:CreateQueue on resource: arn:aws:sqs:us-east-1:000000000000:jobs because no identity-based policy allows the sqs:CreateQueue action
	// http://awsfake.localhost/000000000000/jobs <nil>
}
