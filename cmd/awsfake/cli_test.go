package main

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake"
	"github.com/awsfake/awsfake/internal/awscli"
)

func TestAWSCLI_GetCallerIdentity(t *testing.T) {
	s := startServer(t, "-account", "123456789012")
	awscli.ForEach(t, func(t *testing.T, cli awscli.CLI) {
		var id struct{ Account, Arn, UserId string }
		cli.RunJSON(t, s.url, &id, "sts", "get-caller-identity")
		assert.Equal(t, "123456789012", id.Account)
		assert.Equal(t, "arn:aws:iam::123456789012:root", id.Arn)
	})
}

// CLI 2.9 speaks SQS's query protocol, newer CLIs its JSON protocol.
func TestAWSCLI_SQSSendAndReceive(t *testing.T) {
	s := startServer(t)
	awscli.ForEach(t, func(t *testing.T, cli awscli.CLI) {
		name := "jobs-" + cli.Name() // a queue per CLI
		var q struct{ QueueUrl string }
		cli.RunJSON(t, s.url, &q, "sqs", "create-queue", "--queue-name", name)
		assert.Equal(t, s.url+"/000000000000/"+name, q.QueueUrl)
		var sent struct{ MessageId, MD5OfMessageBody string }
		cli.RunJSON(t, s.url, &sent, "sqs", "send-message", "--queue-url", q.QueueUrl, "--message-body", "hello")
		assert.Equal(t, "5d41402abc4b2a76b9719d911017c592", sent.MD5OfMessageBody, "MD5 of hello")
		var got struct {
			Messages []struct{ MessageId, Body string }
		}
		cli.RunJSON(t, s.url, &got, "sqs", "receive-message", "--queue-url", q.QueueUrl)
		require.Len(t, got.Messages, 1)
		assert.Equal(t, sent.MessageId, got.Messages[0].MessageId)
		assert.Equal(t, "hello", got.Messages[0].Body)
	})
}

// With -verify-sigv4, a CLI signing with a key the cloud does not know is
// refused with InvalidClientTokenId, and with the test key and a wrong
// secret with SignatureDoesNotMatch, as AWS refuses them; the right secret
// works.
func TestAWSCLI_VerificationRefusesUnknownKeysAndWrongSecrets(t *testing.T) {
	s := startServer(t, "-verify-sigv4")
	awscli.ForEach(t, func(t *testing.T, cli awscli.CLI) {
		assert.Contains(t, cli.Fail(t, s.url, "sts", "get-caller-identity"), "InvalidClientTokenId")
		wrong := cli.WithKeys(awsfake.TestAccessKeyID, "wrong")
		assert.Contains(t, wrong.Fail(t, s.url, "sts", "get-caller-identity"), "SignatureDoesNotMatch")
		right := cli.WithKeys(awsfake.TestAccessKeyID, awsfake.TestSecretAccessKey)
		var id struct{ Account string }
		right.RunJSON(t, s.url, &id, "sts", "get-caller-identity")
		assert.Equal(t, "000000000000", id.Account)
	})
}

// With -enforce-iam, the CLI signing with an IAM user's keys is refused
// what the user's policies do not allow, with AWS's message, and allowed
// once a policy is attached; an untrusted user is refused AssumeRole
// (issue 17).
func TestAWSCLI_EnforcementRefusesWhatNoPolicyAllows(t *testing.T) {
	s := startServer(t, "-enforce-iam")
	awscli.ForEach(t, func(t *testing.T, cli awscli.CLI) {
		user := "dev-" + cli.Name()
		cli.Run(t, s.url, "iam", "create-user", "--user-name", user)
		var key struct {
			AccessKey struct{ AccessKeyId, SecretAccessKey string }
		}
		cli.RunJSON(t, s.url, &key, "iam", "create-access-key", "--user-name", user)
		dev := cli.WithKeys(key.AccessKey.AccessKeyId, key.AccessKey.SecretAccessKey)

		out := dev.Fail(t, s.url, "sqs", "create-queue", "--queue-name", "q-"+cli.Name())
		assert.Contains(t, out, "AccessDenied")
		assert.Contains(t, out, "User: arn:aws:iam::000000000000:user/"+user+" is not authorized to perform: sqs:CreateQueue"+
			" on resource: arn:aws:sqs:us-east-1:000000000000:q-"+cli.Name()+" because no identity-based policy allows the sqs:CreateQueue action")
		cli.Run(t, s.url, "iam", "attach-user-policy", "--user-name", user, "--policy-arn", "arn:aws:iam::aws:policy/AmazonSQSFullAccess")
		dev.Run(t, s.url, "sqs", "create-queue", "--queue-name", "q-"+cli.Name())

		role := "r-" + cli.Name()
		cli.Run(t, s.url, "iam", "create-role", "--role-name", role, "--assume-role-policy-document",
			`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]}`)
		out = dev.Fail(t, s.url, "sts", "assume-role", "--role-arn", "arn:aws:iam::000000000000:role/"+role, "--role-session-name", "s1")
		assert.Contains(t, out, "AccessDenied")
		assert.Contains(t, out, "is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::000000000000:role/"+role)
	})
}
