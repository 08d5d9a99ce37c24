// Package awscli runs the AWS CLIs installed on the machine against a cloud
// served on a socket, for tests: the one on PATH and Debian's /usr/bin/aws
// when it is another one (on the development machines, CLI v1 with a recent
// botocore, which speaks SQS's JSON protocol, and CLI v2.9, which speaks its
// query protocol).
//
// Each run gets a clean environment: test credentials and region, no
// configuration or credentials file, no pager. Tests that use a CLI skip
// under -short, and where none is installed.
//
//	awscli.ForEach(t, func(t *testing.T, cli awscli.CLI) {
//		var q struct{ QueueUrl string }
//		cli.RunJSON(t, endpoint, &q, "sqs", "create-queue", "--queue-name", "jobs-"+cli.Name())
//	})
package awscli

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// timeout bounds one run of a CLI.
const timeout = 2 * time.Minute

// CLI is one installed AWS CLI.
type CLI struct {
	// Path is the executable.
	Path string
	// Version is what aws --version reports, such as 1.45.11.
	Version string
	// Keys, when set, replace the test credentials the CLI signs with
	// (WithKeys).
	Keys []string
}

// WithKeys returns the CLI signing with the access key and secret given
// instead of the test credentials.
func (c CLI) WithKeys(accessKeyID, secret string) CLI {
	c.Keys = []string{"AWS_ACCESS_KEY_ID=" + accessKeyID, "AWS_SECRET_ACCESS_KEY=" + secret}
	return c
}

// Name returns a name for the CLI made of lower-case letters, digits and
// hyphens, "aws-cli-1-45-11": a subtest name, and a suffix that keeps the
// queues, topics and buckets of different CLIs apart.
func (c CLI) Name() string {
	return "aws-cli-" + strings.ReplaceAll(c.Version, ".", "-")
}

var installed = sync.OnceValue(func() []CLI {
	var out []CLI
	seen := map[string]bool{}
	for _, name := range []string{"aws", "/usr/bin/aws"} {
		p, err := exec.LookPath(name)
		if err != nil {
			continue
		}
		real, err := filepath.EvalSymlinks(p)
		if err != nil {
			real = p
		}
		v := version(p)
		if v == "" || seen[real] || seen[v] {
			continue
		}
		seen[real], seen[v] = true, true
		out = append(out, CLI{Path: p, Version: v})
	}
	return out
})

// Installed returns the AWS CLIs on this machine, each version once: the
// one on PATH first. It runs each to read its version, once per process.
func Installed() []CLI { return installed() }

var versionPattern = regexp.MustCompile(`aws-cli/([0-9][0-9A-Za-z.]*)`)

// version returns the version the CLI at path reports, or "" when it does
// not run.
func version(path string) string {
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, path, "--version")
	cmd.Env = Env()
	out, err := cmd.CombinedOutput() // CLI v1 once wrote its version to stderr
	if err != nil {
		return ""
	}
	m := versionPattern.FindSubmatch(out)
	if m == nil {
		return ""
	}
	return strings.TrimSuffix(string(m[1]), ".")
}

// ForEach runs f in a subtest for every installed CLI, named by CLI.Name.
// It skips t under -short (a CLI takes about a second a command) and where
// no CLI is installed.
func ForEach(t *testing.T, f func(t *testing.T, cli CLI)) {
	t.Helper()
	if testing.Short() {
		t.Skip("runs the AWS CLI: skipped under -short")
	}
	clis := Installed()
	if len(clis) == 0 {
		t.Skip("no AWS CLI installed")
	}
	for _, cli := range clis {
		t.Run(cli.Name(), func(t *testing.T) { f(t, cli) })
	}
}

// Env is the environment the CLI runs in: this process's without its AWS_*
// variables, plus test credentials, region us-east-1, no configuration or
// credentials file and no pager.
func Env() []string {
	var env []string
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "AWS_") {
			env = append(env, kv)
		}
	}
	return append(env, "AWS_ACCESS_KEY_ID=AKIDEXAMPLE", "AWS_SECRET_ACCESS_KEY=secret",
		"AWS_DEFAULT_REGION=us-east-1", "AWS_CONFIG_FILE=/dev/null", "AWS_SHARED_CREDENTIALS_FILE=/dev/null",
		"AWS_PAGER=")
}

// Exec runs the CLI with --endpoint-url endpoint and args, and returns its
// standard output and error and how it exited.
func (c CLI) Exec(t testing.TB, endpoint string, args ...string) (stdout []byte, stderr string, err error) {
	t.Helper()
	ctx, cancel := context.WithTimeout(t.Context(), timeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, c.Path, append([]string{"--endpoint-url", endpoint}, args...)...)
	cmd.Env = append(Env(), c.Keys...) // the last of a name wins
	var errOut bytes.Buffer
	cmd.Stderr = &errOut
	stdout, err = cmd.Output()
	return stdout, errOut.String(), err
}

// Run runs the CLI as Exec does, fails the test unless it succeeds, and
// returns its standard output.
func (c CLI) Run(t testing.TB, endpoint string, args ...string) []byte {
	t.Helper()
	out, stderr, err := c.Exec(t, endpoint, args...)
	require.NoError(t, err, "aws %s: %s", strings.Join(args, " "), stderr)
	return out
}

// RunJSON runs the CLI with --output json as Run does, and decodes its
// output into v; an empty output (a command with no result) leaves v as
// it is.
func (c CLI) RunJSON(t testing.TB, endpoint string, v any, args ...string) {
	t.Helper()
	out := c.Run(t, endpoint, append([]string{"--output", "json"}, args...)...)
	if len(bytes.TrimSpace(out)) > 0 {
		require.NoError(t, json.Unmarshal(out, v), "aws %s: %s", strings.Join(args, " "), out)
	}
}

// Fail runs the CLI as Exec does, fails the test unless the command fails,
// and returns its standard error, where the CLI reports the AWS error.
func (c CLI) Fail(t testing.TB, endpoint string, args ...string) string {
	t.Helper()
	_, stderr, err := c.Exec(t, endpoint, args...)
	require.Error(t, err, "aws %s succeeded", strings.Join(args, " "))
	return stderr
}
