package awsfake_test

import (
	"context"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/iam"
	"github.com/aws/aws-sdk-go-v2/service/sqs"
	"github.com/aws/aws-sdk-go-v2/service/sts"

	"github.com/awsfake/awsfake"
	"github.com/awsfake/awsfake/clock"
)

// signer is whose keys a benchmark's SendMessage is signed with.
type signer int

const (
	asRoot    signer = iota // the test keys: the root user
	asUser                  // an IAM user allowed by AmazonSQSFullAccess
	asRole                  // a session of a role allowed by AmazonSQSFullAccess
	asSession               // the same, limited by a session policy allowing SendMessage
)

// benchmarkSend measures an SDK SendMessage through the in-memory
// transport, signed as who, with enforcement on or off: issue 17 asks at
// most 1.3x the cost with enforcement on; session policies add no cost to
// a session without any.
func benchmarkSend(b *testing.B, enforce bool, who signer) {
	opts := []awsfake.Option{awsfake.WithClock(clock.NewFake(time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)))}
	if enforce {
		opts = append(opts, awsfake.WithIAMEnforcement())
	}
	cloud := awsfake.New(opts...)
	b.Cleanup(func() { _ = cloud.Close() })
	ctx := context.Background()
	cfg := cloud.AWSConfig()
	switch who {
	case asUser:
		cfg = enforcedUser(b, cloud, "bench")
		attach(b, cloud, "bench", "arn:aws:iam::aws:policy/AmazonSQSFullAccess")
	case asRole, asSession:
		cfg = benchSession(b, cloud, who == asSession)
	}
	client := sqs.NewFromConfig(cfg)
	q, err := sqs.NewFromConfig(cloud.AWSConfig()).CreateQueue(ctx, &sqs.CreateQueueInput{QueueName: aws.String("bench")})
	if err != nil {
		b.Fatal(err)
	}
	in := &sqs.SendMessageInput{QueueUrl: q.QueueUrl, MessageBody: aws.String(`{"orderId":"0f8fad5b","amount":1234}`)}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := client.SendMessage(ctx, in); err != nil {
			b.Fatal(err)
		}
	}
}

// benchSession assumes a role allowed sqs:*, with a session policy
// allowing sqs:SendMessage when limited, for 12 hours, and returns a
// configuration signing with the session's keys.
func benchSession(b *testing.B, cloud *awsfake.Cloud, limited bool) aws.Config {
	ctx := context.Background()
	admin := iam.NewFromConfig(cloud.AWSConfig())
	role, err := admin.CreateRole(ctx, &iam.CreateRoleInput{RoleName: aws.String("bench"), AssumeRolePolicyDocument: aws.String(
		`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::000000000000:root"},"Action":"sts:AssumeRole"}]}`)})
	if err == nil {
		_, err = admin.AttachRolePolicy(ctx, &iam.AttachRolePolicyInput{RoleName: aws.String("bench"),
			PolicyArn: aws.String("arn:aws:iam::aws:policy/AmazonSQSFullAccess")})
	}
	in := &sts.AssumeRoleInput{RoleArn: role.Role.Arn, RoleSessionName: aws.String("bench"), DurationSeconds: aws.Int32(43200)}
	if limited {
		in.Policy = aws.String(`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sqs:SendMessage","Resource":"*"}]}`)
	}
	var out *sts.AssumeRoleOutput
	if err == nil {
		out, err = sts.NewFromConfig(cloud.AWSConfig()).AssumeRole(ctx, in)
	}
	if err != nil {
		b.Fatal(err)
	}
	cfg := cloud.AWSConfig()
	cfg.Credentials = credentials.NewStaticCredentialsProvider(aws.ToString(out.Credentials.AccessKeyId),
		aws.ToString(out.Credentials.SecretAccessKey), aws.ToString(out.Credentials.SessionToken))
	return cfg
}

func BenchmarkEnforcement_SendMessageOff(b *testing.B)          { benchmarkSend(b, false, asRoot) }
func BenchmarkEnforcement_SendMessageOnRoot(b *testing.B)       { benchmarkSend(b, true, asRoot) }
func BenchmarkEnforcement_SendMessageOffUser(b *testing.B)      { benchmarkSend(b, false, asUser) }
func BenchmarkEnforcement_SendMessageOnUser(b *testing.B)       { benchmarkSend(b, true, asUser) }
func BenchmarkEnforcement_SendMessageOnRole(b *testing.B)       { benchmarkSend(b, true, asRole) }
func BenchmarkEnforcement_SendMessageOnRolePolicy(b *testing.B) { benchmarkSend(b, true, asSession) }
