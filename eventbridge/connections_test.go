package eventbridge_test

import (
	"regexp"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	awseb "github.com/aws/aws-sdk-go-v2/service/eventbridge"
	ebtypes "github.com/aws/aws-sdk-go-v2/service/eventbridge/types"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake"
)

func basicAuth(user, pass string) *ebtypes.CreateConnectionAuthRequestParameters {
	return &ebtypes.CreateConnectionAuthRequestParameters{
		BasicAuthParameters: &ebtypes.CreateConnectionBasicAuthRequestParameters{Username: aws.String(user), Password: aws.String(pass)}}
}

func apiKeyAuth() *ebtypes.CreateConnectionAuthRequestParameters {
	return &ebtypes.CreateConnectionAuthRequestParameters{
		ApiKeyAuthParameters: &ebtypes.CreateConnectionApiKeyAuthRequestParameters{ApiKeyName: aws.String("ApiKey"), ApiKeyValue: aws.String("secret")},
		InvocationHttpParameters: &ebtypes.ConnectionHttpParameters{HeaderParameters: []ebtypes.ConnectionHeaderParameter{
			{Key: aws.String("X-Plain"), Value: aws.String("p")}, {Key: aws.String("X-Hidden"), Value: aws.String("h"), IsValueSecret: true}}}}
}

func oauthAuth() *ebtypes.CreateConnectionAuthRequestParameters {
	return &ebtypes.CreateConnectionAuthRequestParameters{OAuthParameters: &ebtypes.CreateConnectionOAuthRequestParameters{
		AuthorizationEndpoint: aws.String("https://example.com/oauth"), HttpMethod: ebtypes.ConnectionOAuthHttpMethodPost,
		ClientParameters: &ebtypes.CreateConnectionOAuthClientRequestParameters{ClientID: aws.String("client_id"), ClientSecret: aws.String("client_secret")}}}
}

func (f *fixture) connection(t testing.TB, name string, kind ebtypes.ConnectionAuthorizationType, auth *ebtypes.CreateConnectionAuthRequestParameters) *awseb.CreateConnectionOutput {
	t.Helper()
	out, err := f.eb.CreateConnection(ctx, &awseb.CreateConnectionInput{Name: aws.String(name), AuthorizationType: kind, AuthParameters: auth})
	require.NoError(t, err)
	return out
}

// recorded: TestEventBridgeConnections::test_create_connection_with_auth[auth_params0..2], test_connection_secrets
func TestCreateConnection_StateByKindAndDescribeHidesSecrets(t *testing.T) {
	f := newFixture(t)
	secretRE := regexp.MustCompile(`^arn:aws:secretsmanager:[a-z0-9-]+:\d{12}:secret:events!connection/[^/]+/[0-9a-f-]{36}-[A-Za-z0-9]{6}$`)
	for _, c := range []struct {
		name  string
		kind  ebtypes.ConnectionAuthorizationType
		auth  *ebtypes.CreateConnectionAuthRequestParameters
		state ebtypes.ConnectionState
	}{
		{"basic", ebtypes.ConnectionAuthorizationTypeBasic, basicAuth("user", "pass"), ebtypes.ConnectionStateAuthorized},
		{"key", ebtypes.ConnectionAuthorizationTypeApiKey, apiKeyAuth(), ebtypes.ConnectionStateAuthorized},
		{"oauth", ebtypes.ConnectionAuthorizationTypeOauthClientCredentials, oauthAuth(), ebtypes.ConnectionStateAuthorizing},
	} {
		out := f.connection(t, c.name, c.kind, c.auth)
		require.Equal(t, c.state, out.ConnectionState)
		require.Regexp(t, `^arn:aws:events:[a-z0-9-]+:\d{12}:connection/`+c.name+`/[0-9a-f-]{36}$`, *out.ConnectionArn)
		d, err := f.eb.DescribeConnection(ctx, &awseb.DescribeConnectionInput{Name: aws.String(c.name)})
		require.NoError(t, err)
		require.Equal(t, c.state, d.ConnectionState)
		require.Equal(t, c.kind, d.AuthorizationType)
		require.Regexp(t, secretRE, *d.SecretArn)
		require.NotNil(t, d.LastAuthorizedTime)
		switch c.name {
		case "basic":
			require.Equal(t, "user", *d.AuthParameters.BasicAuthParameters.Username)
		case "key":
			require.Equal(t, "ApiKey", *d.AuthParameters.ApiKeyAuthParameters.ApiKeyName)
			hs := d.AuthParameters.InvocationHttpParameters.HeaderParameters
			require.Equal(t, "p", *hs[0].Value)
			require.Nil(t, hs[1].Value, "a secret header value is never described")
		case "oauth":
			o := d.AuthParameters.OAuthParameters
			require.Equal(t, "client_id", *o.ClientParameters.ClientID)
			require.Equal(t, "https://example.com/oauth", *o.AuthorizationEndpoint)
			require.Equal(t, ebtypes.ConnectionOAuthHttpMethodPost, o.HttpMethod)
		}
	}
	_, err := f.eb.CreateConnection(ctx, &awseb.CreateConnectionInput{Name: aws.String("basic"), AuthorizationType: "BASIC", AuthParameters: basicAuth("u", "p")})
	awsfake.CheckCode(t, err, "ResourceAlreadyExistsException")
}

// recorded: test_create_connection_invalid_parameters, test_create_connection_name_validation
func TestCreateConnection_ValidationMessagesAsRecorded(t *testing.T) {
	f := newFixture(t)
	_, err := f.eb.CreateConnection(ctx, &awseb.CreateConnectionInput{Name: aws.String("Invalid Name With Spaces!"), AuthorizationType: "BASIC", AuthParameters: basicAuth("u", "p")})
	e := awsfake.CheckCode(t, err, "ValidationException")
	require.Equal(t, `1 validation error detected: Value 'Invalid Name With Spaces!' at 'name' failed to satisfy constraint: Member must satisfy regular expression pattern: [\.\-_A-Za-z0-9]+`, e.ErrorMessage())
	_, err = f.eb.CreateConnection(ctx, &awseb.CreateConnectionInput{Name: aws.String("c"), AuthorizationType: "INVALID_AUTH_TYPE", AuthParameters: basicAuth("u", "p")})
	e = awsfake.CheckCode(t, err, "ValidationException")
	require.Equal(t, "1 validation error detected: Value 'INVALID_AUTH_TYPE' at 'authorizationType' failed to satisfy constraint: Member must satisfy enum value set: [BASIC, OAUTH_CLIENT_CREDENTIALS, API_KEY]", e.ErrorMessage())
	_, err = f.eb.CreateConnection(ctx, &awseb.CreateConnectionInput{Name: aws.String("c"), AuthorizationType: "API_KEY", AuthParameters: basicAuth("u", "p")})
	awsfake.CheckCode(t, err, "ValidationException")
	l, err := f.eb.ListConnections(ctx, &awseb.ListConnectionsInput{})
	require.NoError(t, err)
	require.Empty(t, l.Connections, "a refused create leaves nothing")
}

// recorded: test_delete_connection, test_list_connections, test_update_connection
func TestConnection_UpdateListDeauthorizeDelete(t *testing.T) {
	f := newFixture(t)
	f.connection(t, "c", "BASIC", basicAuth("user", "pass"))
	u, err := f.eb.UpdateConnection(ctx, &awseb.UpdateConnectionInput{Name: aws.String("c"), AuthParameters: &ebtypes.UpdateConnectionAuthRequestParameters{
		BasicAuthParameters: &ebtypes.UpdateConnectionBasicAuthRequestParameters{Username: aws.String("new_user"), Password: aws.String("new_pass")}}})
	require.NoError(t, err)
	require.Equal(t, ebtypes.ConnectionStateAuthorized, u.ConnectionState)
	d, err := f.eb.DescribeConnection(ctx, &awseb.DescribeConnectionInput{Name: aws.String("c")})
	require.NoError(t, err)
	require.Equal(t, "new_user", *d.AuthParameters.BasicAuthParameters.Username)

	l, err := f.eb.ListConnections(ctx, &awseb.ListConnectionsInput{})
	require.NoError(t, err)
	require.Len(t, l.Connections, 1)
	require.Equal(t, ebtypes.ConnectionAuthorizationTypeBasic, l.Connections[0].AuthorizationType)

	da, err := f.eb.DeauthorizeConnection(ctx, &awseb.DeauthorizeConnectionInput{Name: aws.String("c")})
	require.NoError(t, err)
	require.Equal(t, ebtypes.ConnectionStateDeauthorizing, da.ConnectionState)
	d, err = f.eb.DescribeConnection(ctx, &awseb.DescribeConnectionInput{Name: aws.String("c")})
	require.NoError(t, err)
	require.Equal(t, ebtypes.ConnectionStateDeauthorized, d.ConnectionState)

	del, err := f.eb.DeleteConnection(ctx, &awseb.DeleteConnectionInput{Name: aws.String("c")})
	require.NoError(t, err)
	require.Equal(t, ebtypes.ConnectionStateDeleting, del.ConnectionState)
	_, err = f.eb.DescribeConnection(ctx, &awseb.DescribeConnectionInput{Name: aws.String("c")})
	e := awsfake.CheckCode(t, err, "ResourceNotFoundException")
	require.Equal(t, "Failed to describe the connection(s). Connection 'c' does not exist.", e.ErrorMessage())
	_, err = f.eb.DeleteConnection(ctx, &awseb.DeleteConnectionInput{Name: aws.String("c")})
	awsfake.CheckCode(t, err, "ResourceNotFoundException")
}
