package sts_test

import (
	"context"
	"regexp"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sts"
	"github.com/aws/aws-sdk-go-v2/service/sts/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake"
)

// MinimumSessionTokenSize grows the session token of every operation that
// issues one to at least that many bytes, 4,096 at most ("STS increases
// the session token to at least this size, regardless of its actual
// content. The value must not exceed 4,096 bytes. When set to 0 or not
// specified, the session token size is unchanged": the SDK's doc of each
// input). The grown credentials still sign requests.
func TestMinimumSessionTokenSize_GrowsTheTokenOfEveryIssuingOperation(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	role, err := f.client.AssumeRole(ctx, &sts.AssumeRoleInput{RoleArn: aws.String("arn:aws:iam::000000000000:role/admin"),
		RoleSessionName: aws.String("ops")})
	require.NoError(t, err)
	plain := len(aws.ToString(role.Credentials.SessionToken))
	jwtToken := jwt(t, map[string]any{"iss": "https://idp.example.com", "sub": "u", "aud": "app", "exp": f.clk.Now().Unix() + 3600})
	issue := map[string]func(size *int32) (*types.Credentials, error){
		"AssumeRole": func(size *int32) (*types.Credentials, error) {
			out, err := f.client.AssumeRole(ctx, &sts.AssumeRoleInput{RoleArn: aws.String("arn:aws:iam::000000000000:role/r"),
				RoleSessionName: aws.String("s1"), MinimumSessionTokenSize: size})
			return credsOf(out, err, func() *types.Credentials { return out.Credentials })
		},
		"AssumeRoleWithWebIdentity": func(size *int32) (*types.Credentials, error) {
			out, err := f.client.AssumeRoleWithWebIdentity(ctx, &sts.AssumeRoleWithWebIdentityInput{RoleArn: aws.String("arn:aws:iam::000000000000:role/r"),
				RoleSessionName: aws.String("s1"), WebIdentityToken: aws.String(jwtToken), MinimumSessionTokenSize: size})
			return credsOf(out, err, func() *types.Credentials { return out.Credentials })
		},
		"AssumeRoleWithSAML": func(size *int32) (*types.Credentials, error) {
			out, err := f.client.AssumeRoleWithSAML(ctx, &sts.AssumeRoleWithSAMLInput{RoleArn: aws.String("arn:aws:iam::000000000000:role/r"),
				PrincipalArn: aws.String("arn:aws:iam::000000000000:saml-provider/idp"), SAMLAssertion: aws.String(samlResponse(f.clk.Now().Add(5 * time.Minute))),
				MinimumSessionTokenSize: size})
			return credsOf(out, err, func() *types.Credentials { return out.Credentials })
		},
		"AssumeRoot": func(size *int32) (*types.Credentials, error) {
			out, err := f.as(role.Credentials).AssumeRoot(ctx, &sts.AssumeRootInput{TargetPrincipal: aws.String("111122223333"),
				TaskPolicyArn:           &types.PolicyDescriptorType{Arn: aws.String("arn:aws:iam::aws:policy/root-task/S3UnlockBucketPolicy")},
				MinimumSessionTokenSize: size})
			return credsOf(out, err, func() *types.Credentials { return out.Credentials })
		},
		"GetSessionToken": func(size *int32) (*types.Credentials, error) {
			out, err := f.client.GetSessionToken(ctx, &sts.GetSessionTokenInput{MinimumSessionTokenSize: size})
			return credsOf(out, err, func() *types.Credentials { return out.Credentials })
		},
		"GetFederationToken": func(size *int32) (*types.Credentials, error) {
			out, err := f.client.GetFederationToken(ctx, &sts.GetFederationTokenInput{Name: aws.String("bob"), MinimumSessionTokenSize: size})
			return credsOf(out, err, func() *types.Credentials { return out.Credentials })
		},
	}
	token := regexp.MustCompile(`^[A-Za-z0-9+/=]+$`)
	for op, call := range issue {
		for _, c := range []struct {
			size *int32
			want int
		}{{nil, plain}, {aws.Int32(0), plain}, {aws.Int32(10), plain}, {aws.Int32(2000), 2000}, {aws.Int32(4096), 4096}} {
			creds, err := call(c.size)
			require.NoError(t, err, op)
			got := aws.ToString(creds.SessionToken)
			assert.Len(t, got, c.want, "%s, MinimumSessionTokenSize %v", op, aws.ToInt32(c.size))
			assert.Regexp(t, token, got, op)
		}
		for _, bad := range []int32{-1, 4097} {
			_, err := call(aws.Int32(bad))
			awsfake.CheckCode(t, err, "ValidationError")
		}
	}
	grown, err := issue["AssumeRole"](aws.Int32(3000))
	require.NoError(t, err)
	who, err := f.as(grown).GetCallerIdentity(ctx, &sts.GetCallerIdentityInput{})
	require.NoError(t, err, "a grown token still signs")
	assert.Equal(t, "arn:aws:sts::000000000000:assumed-role/r/s1", aws.ToString(who.Arn))
}

// credsOf returns the credentials of an output, or the error.
func credsOf[T any](out *T, err error, creds func() *types.Credentials) (*types.Credentials, error) {
	if err != nil {
		return nil, err
	}
	return creds(), nil
}
