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
