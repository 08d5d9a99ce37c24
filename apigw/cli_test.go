package apigw_test

import (
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake"
	"github.com/awsfake/awsfake/internal/awscli"
)

// The AWS CLI builds an API against a served cloud (create-rest-api ...
// create-deployment), then plain HTTP calls it on each URL form a
// LocalStack user has: the execute-api host on the server's port, the
// _user_request_ path and the /_aws/execute-api path.
func TestCLI_CreateRestAPIDeployAndCallEachURLForm(t *testing.T) {
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
		api := run("create-rest-api", "--name", "cli-"+cli.Name())
		id := api["id"].(string)
		// CLI 2.9's model predates rootResourceId: the root is the
		// resource at /.
		items := run("get-resources", "--rest-api-id", id)["items"].([]any)
		require.Len(t, items, 1)
		root := items[0].(map[string]any)["id"].(string)
		if r, ok := api["rootResourceId"]; ok {
			assert.Equal(t, root, r)
		}
		res := run("create-resource", "--rest-api-id", id, "--parent-id", root, "--path-part", "hello")
		rid := res["id"].(string)
		run("put-method", "--rest-api-id", id, "--resource-id", rid, "--http-method", "GET", "--authorization-type", "NONE")
		run("put-integration", "--rest-api-id", id, "--resource-id", rid, "--http-method", "GET", "--type", "MOCK",
			"--request-templates", `{"application/json":"{\"statusCode\": 200}"}`)
		run("put-method-response", "--rest-api-id", id, "--resource-id", rid, "--http-method", "GET", "--status-code", "200")
		run("put-integration-response", "--rest-api-id", id, "--resource-id", rid, "--http-method", "GET", "--status-code", "200",
			"--response-templates", `{"application/json":"hi from cli"}`)
		dep := run("create-deployment", "--rest-api-id", id, "--stage-name", "prod")
		require.NotEmpty(t, dep["id"])

		_, port, err := net.SplitHostPort(srv.Listener.Addr().String())
		require.NoError(t, err)
		hostForm, err := http.NewRequest("GET", srv.URL+"/prod/hello", nil)
		require.NoError(t, err)
		hostForm.Host = id + ".execute-api.localhost.localstack.cloud:" + port
		for _, req := range []*http.Request{
			hostForm,
			mustRequest(t, cloud.APIGateway().EndpointURL(id, "prod")+"/hello"),
			mustRequest(t, srv.URL+"/_aws/execute-api/"+id+"/prod/hello"),
		} {
			resp, err := http.DefaultClient.Do(req)
			require.NoError(t, err)
			b, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			assert.Equal(t, 200, resp.StatusCode, req.URL.String())
			assert.Equal(t, "hi from cli", string(b), req.URL.String())
		}
	})
}

func mustRequest(t *testing.T, url string) *http.Request {
	t.Helper()
	req, err := http.NewRequest("GET", url, nil)
	require.NoError(t, err)
	return req
}
