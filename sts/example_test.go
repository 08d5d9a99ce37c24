package sts_test

import (
	"context"
	"errors"
	"fmt"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sts"
	"github.com/aws/aws-sdk-go-v2/service/sts/types"

	"github.com/awsfake/awsfake"
)

// InjectFault makes the next calls of an operation fail with STS's typed
// error; Calls lists them.
func ExampleService_InjectFault() {
	cloud := awsfake.New()
	defer cloud.Close()
	ctx := context.Background()
	client := sts.NewFromConfig(cloud.AWSConfig())
	cloud.STS().InjectFault("AssumeRole", "RegionDisabledException", 1)

	in := &sts.AssumeRoleInput{RoleArn: aws.String("arn:aws:iam::000000000000:role/deployer"), RoleSessionName: aws.String("ci")}
	_, err := client.AssumeRole(ctx, in)
	var disabled *types.RegionDisabledException
	fmt.Println(errors.As(err, &disabled))
	_, err = client.AssumeRole(ctx, in)
	fmt.Println(err, len(cloud.STS().Calls()))
	// Output:
	// true
	// <nil> 2
}
