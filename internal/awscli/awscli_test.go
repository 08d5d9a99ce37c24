package awscli_test

import (
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/awsfake/awsfake"
	"github.com/awsfake/awsfake/internal/awscli"
)

func TestName_IsLowerCaseLettersDigitsAndHyphens(t *testing.T) {
	assert.Equal(t, "aws-cli-2-9-19", awscli.CLI{Path: "/usr/bin/aws", Version: "2.9.19"}.Name())
}

func TestEnv_ReplacesTheCallersAWSVariables(t *testing.T) {
	t.Setenv("AWS_PROFILE", "production")
	t.Setenv("AWS_ACCESS_KEY_ID", "AKIAREAL")
	var aws []string
	for _, kv := range awscli.Env() {
		if strings.HasPrefix(kv, "AWS_") {
			aws = append(aws, kv)
		}
	}
	assert.ElementsMatch(t, []string{"AWS_ACCESS_KEY_ID=AKIDEXAMPLE", "AWS_SECRET_ACCESS_KEY=secret",
		"AWS_DEFAULT_REGION=us-east-1", "AWS_CONFIG_FILE=/dev/null", "AWS_SHARED_CREDENTIALS_FILE=/dev/null", "AWS_PAGER="}, aws)
}

func TestInstalled_EachVersionOnce(t *testing.T) {
	seen := map[string]bool{}
	for _, cli := range awscli.Installed() {
		assert.Regexp(t, regexp.MustCompile(`^[0-9]+\.[0-9]+`), cli.Version)
		assert.False(t, seen[cli.Version], "%s listed twice", cli.Version)
		seen[cli.Version] = true
	}
}

// RunJSON decodes what a command answers; Fail returns the error the CLI
// reports.
func TestRunJSONAndFail_AgainstAServedCloud(t *testing.T) {
	srv := httptest.NewUnstartedServer(nil)
	cloud := awsfake.NewT(t, awsfake.WithURL("http://"+srv.Listener.Addr().String()))
	srv.Config.Handler = cloud.Handler()
	srv.Start()
	t.Cleanup(srv.Close)
	awscli.ForEach(t, func(t *testing.T, cli awscli.CLI) {
		var id struct{ Account string }
		cli.RunJSON(t, srv.URL, &id, "sts", "get-caller-identity")
		assert.Equal(t, "000000000000", id.Account)
		stderr := cli.Fail(t, srv.URL, "sqs", "get-queue-url", "--queue-name", "missing")
		assert.Contains(t, stderr, "NonExistentQueue")
	})
}
