package awsfake_test

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/sts"
	"github.com/aws/smithy-go"

	"github.com/awsfake/awsfake"
	"github.com/awsfake/awsfake/clock"
)

func ExampleNew() {
	cloud := awsfake.New(awsfake.WithAccountID("123456789012"))
	defer cloud.Close()
	fmt.Println(cloud.Region(), cloud.AccountID(), cloud.URL())
	// Output: us-east-1 123456789012 http://awsfake.localhost
}

func ExampleCloud_AWSConfig() {
	cloud := awsfake.New()
	defer cloud.Close()

	// The real SDK client, served in memory: no socket, no container.
	client := sts.NewFromConfig(cloud.AWSConfig())
	out, err := client.GetCallerIdentity(context.Background(), &sts.GetCallerIdentityInput{})
	if err != nil {
		panic(err)
	}
	fmt.Println(aws.ToString(out.Account), aws.ToString(out.Arn))
	// Output: 000000000000 arn:aws:iam::000000000000:root
}

func ExampleWithClock() {
	clk := clock.NewFake(time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC))
	cloud := awsfake.New(awsfake.WithClock(clk))
	defer cloud.Close()
	ctx := context.Background()

	role, err := sts.NewFromConfig(cloud.AWSConfig()).AssumeRole(ctx, &sts.AssumeRoleInput{
		RoleArn:         aws.String("arn:aws:iam::000000000000:role/deployer"),
		RoleSessionName: aws.String("ci"),
		DurationSeconds: aws.Int32(900),
	})
	if err != nil {
		panic(err)
	}
	c := role.Credentials
	fmt.Println("expires", aws.ToTime(c.Expiration).Format(time.TimeOnly))

	cfg := cloud.AWSConfig()
	cfg.Credentials = credentials.NewStaticCredentialsProvider(aws.ToString(c.AccessKeyId), aws.ToString(c.SecretAccessKey), aws.ToString(c.SessionToken))
	asRole := sts.NewFromConfig(cfg)

	clk.Advance(15 * time.Minute) // time travel: the session ends
	_, err = asRole.GetCallerIdentity(ctx, &sts.GetCallerIdentityInput{})
	var ae smithy.APIError
	if errors.As(err, &ae) {
		fmt.Println(ae.ErrorCode())
	}
	// Output:
	// expires 00:15:00
	// ExpiredToken
}

func ExampleCloud_Settle() {
	cloud := awsfake.New()
	defer cloud.Close()

	// ... drive services whose work continues asynchronously (SNS fan-out,
	// S3 notifications, Lambda event source mappings) ...

	// Settle returns once every asynchronous delivery, and all it caused in
	// turn, is done; failed deliveries are recorded, never dropped.
	if err := cloud.Settle(context.Background()); err != nil {
		panic(err)
	}
	fmt.Println("failed deliveries:", len(cloud.DeliveryFailures()))
	// Output: failed deliveries: 0
}
