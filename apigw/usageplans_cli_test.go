package apigw_test

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

// The AWS CLI creates a usage plan, imports a key file into it
// (import-api-keys with a CSV body), lists the keys with their values and
// the plan's keys, patches the plan and reads its usage.
func TestCLI_UsagePlanImportAndUsage(t *testing.T) {
	awscli.ForEach(t, func(t *testing.T, cli awscli.CLI) {
		srv := httptest.NewUnstartedServer(nil)
		cloud := awsfake.NewT(t, awsfake.WithURL("http://"+srv.Listener.Addr().String()))
		srv.Config.Handler = cloud.Handler()
		srv.Start()
		t.Cleanup(srv.Close)
		run := func(args ...string) map[string]any {
			t.Helper()
			var v map[string]any
			cli.RunJSON(t, srv.URL, &v, append([]string{"apigateway"}, args...)...)
			return v
		}
		plan := run("create-usage-plan", "--name", "cli", "--throttle", "burstLimit=10,rateLimit=5")["id"].(string)
		file := filepath.Join(t.TempDir(), "keys.csv")
		require.NoError(t, os.WriteFile(file, []byte("name,key,usageplanIds\ncli-key,cli-key-abcdefghijklmnopqrst,"+plan+"\n"), 0o600))
		imported := run("import-api-keys", "--format", "csv", "--body", "fileb://"+file, "--fail-on-warnings")
		ids := imported["ids"].([]any)
		require.Len(t, ids, 1)

		keys := run("get-api-keys", "--include-values")["items"].([]any)
		require.Len(t, keys, 1)
		assert.Equal(t, "cli-key-abcdefghijklmnopqrst", keys[0].(map[string]any)["value"])
		pkeys := run("get-usage-plan-keys", "--usage-plan-id", plan)["items"].([]any)
		require.Len(t, pkeys, 1)
		assert.Equal(t, ids[0], pkeys[0].(map[string]any)["id"])

		up := run("update-usage-plan", "--usage-plan-id", plan, "--patch-operations",
			"op=replace,path=/quota/limit,value=100", "op=replace,path=/quota/period,value=DAY")
		assert.Equal(t, "DAY", up["quota"].(map[string]any)["period"])
		usage := run("get-usage", "--usage-plan-id", plan, "--start-date", "2026-01-01", "--end-date", "2026-01-02")
		assert.Contains(t, usage["items"], ids[0])
	})
}
