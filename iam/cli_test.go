package iam_test

import (
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake"
	"github.com/awsfake/awsfake/internal/awscli"
)

// The deployment script's first two steps with the AWS CLI against a
// served cloud: iam create-role, then lambda create-function with that
// role's ARN; iam get-role decodes the trust policy as the CLI does.
func TestCLI_CreateRoleThenCreateFunction(t *testing.T) {
	awscli.ForEach(t, func(t *testing.T, cli awscli.CLI) {
		srv := httptest.NewUnstartedServer(nil)
		cloud := awsfake.NewT(t, awsfake.WithURL("http://"+srv.Listener.Addr().String()))
		srv.Config.Handler = cloud.Handler()
		srv.Start()
		t.Cleanup(srv.Close)
		var role map[string]any
		cli.RunJSON(t, srv.URL, &role, "iam", "create-role", "--role-name", "lambda-exec",
			"--assume-role-policy-document", lambdaTrust)
		arn := role["Role"].(map[string]any)["Arn"].(string)
		assert.Equal(t, "arn:aws:iam::000000000000:role/lambda-exec", arn)
		cli.Run(t, srv.URL, "iam", "attach-role-policy", "--role-name", "lambda-exec",
			"--policy-arn", "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole")

		var got map[string]any
		cli.RunJSON(t, srv.URL, &got, "iam", "get-role", "--role-name", "lambda-exec")
		trust := got["Role"].(map[string]any)["AssumeRolePolicyDocument"].(map[string]any)
		assert.Equal(t, "2012-10-17", trust["Version"])

		zip := filepath.Join(t.TempDir(), "fn.zip")
		require.NoError(t, os.WriteFile(zip, []byte("PK\x05\x06"+string(make([]byte, 18))), 0o600))
		var fn map[string]any
		cli.RunJSON(t, srv.URL, &fn, "lambda", "create-function", "--function-name", "hello", "--runtime", "provided.al2023",
			"--handler", "hello", "--role", arn, "--zip-file", "fileb://"+zip)
		assert.Equal(t, arn, fn["Role"])
	})
}
