package lambda_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	sdk "github.com/aws/aws-sdk-go-v2/service/lambda"
	"github.com/aws/aws-sdk-go-v2/service/lambda/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestTags_OnFunctionsAndMappings(t *testing.T) {
	e := newEnv(t)
	fn := e.createFunction(t, "fn", "h", func(in *sdk.CreateFunctionInput) { in.Tags = map[string]string{"team": "a"} })
	arn := fn.FunctionArn
	_, err := e.client.TagResource(e.ctx, &sdk.TagResourceInput{Resource: arn, Tags: map[string]string{"env": "test", "team": "b"}})
	require.NoError(t, err)
	got, err := e.client.ListTags(e.ctx, &sdk.ListTagsInput{Resource: arn})
	require.NoError(t, err)
	assert.Equal(t, map[string]string{"env": "test", "team": "b"}, got.Tags)
	_, err = e.client.UntagResource(e.ctx, &sdk.UntagResourceInput{Resource: arn, TagKeys: []string{"team", "absent"}})
	require.NoError(t, err)
	got, err = e.client.ListTags(e.ctx, &sdk.ListTagsInput{Resource: arn})
	require.NoError(t, err)
	assert.Equal(t, map[string]string{"env": "test"}, got.Tags)
	full, err := e.client.GetFunction(e.ctx, &sdk.GetFunctionInput{FunctionName: aws.String("fn")})
	require.NoError(t, err)
	assert.Equal(t, map[string]string{"env": "test"}, full.Tags)

	_, arnQ := e.queue(t, "q", nil)
	m := e.mapQueue(t, arnQ, "fn", func(in *sdk.CreateEventSourceMappingInput) { in.Tags = map[string]string{"k": "v"} })
	got, err = e.client.ListTags(e.ctx, &sdk.ListTagsInput{Resource: m.EventSourceMappingArn})
	require.NoError(t, err)
	assert.Equal(t, map[string]string{"k": "v"}, got.Tags)

	_, err = e.client.TagResource(e.ctx, &sdk.TagResourceInput{Resource: aws.String(aws.ToString(arn) + ":1"), Tags: map[string]string{"a": "b"}})
	requireCode(t, err, "InvalidParameterValueException")
	_, err = e.client.ListTags(e.ctx, &sdk.ListTagsInput{Resource: aws.String("arn:aws:lambda:us-east-1:000000000000:function:ghost")})
	requireCode(t, err, "ResourceNotFoundException")
	many := map[string]string{}
	for i := range 50 {
		many[fmt.Sprint("k", i)] = "v"
	}
	_, err = e.client.TagResource(e.ctx, &sdk.TagResourceInput{Resource: arn, Tags: many})
	requireCode(t, err, "InvalidParameterValueException")
	got, err = e.client.ListTags(e.ctx, &sdk.ListTagsInput{Resource: arn})
	require.NoError(t, err)
	assert.Len(t, got.Tags, 1, "a rejected TagResource adds nothing")
}

// With several bad tags, the error names the first in key order, the same
// on every call (map order is random in Go, not in AWS's answer).
func TestTags_SeveralBadTagsAlwaysGiveTheSameError(t *testing.T) {
	e := newEnv(t)
	fn := e.createFunction(t, "fn", "h")
	bad := map[string]string{"b": strings.Repeat("y", 257), "a": strings.Repeat("x", 257), "aws:c": "v"}
	for range 20 {
		_, err := e.client.TagResource(e.ctx, &sdk.TagResourceInput{Resource: fn.FunctionArn, Tags: bad})
		ae := requireCode(t, err, "ValidationException")
		require.Contains(t, ae.ErrorMessage(), "Value '"+strings.Repeat("x", 257)+"'", "the value of tag a")
	}
}

// Issue 8: AWS counts a tag key's length in characters. A key of 100 × "é"
// (200 bytes) was refused as longer than 128; 129 characters still are.
func TestTags_KeyLengthCountsCharactersNotBytes(t *testing.T) {
	e := newEnv(t)
	fn := e.createFunction(t, "fn", "h")
	key := strings.Repeat("é", 100)
	_, err := e.client.TagResource(e.ctx, &sdk.TagResourceInput{Resource: fn.FunctionArn, Tags: map[string]string{key: "v"}})
	require.NoError(t, err)
	got, err := e.client.ListTags(e.ctx, &sdk.ListTagsInput{Resource: fn.FunctionArn})
	require.NoError(t, err)
	assert.Equal(t, map[string]string{key: "v"}, got.Tags)

	long := strings.Repeat("é", 129)
	_, err = e.client.TagResource(e.ctx, &sdk.TagResourceInput{Resource: fn.FunctionArn, Tags: map[string]string{long: "v"}})
	ae := requireCode(t, err, "ValidationException")
	assert.Contains(t, ae.ErrorMessage(), "Member must have length between 1 and 128")
	_, err = e.client.CreateFunction(e.ctx, &sdk.CreateFunctionInput{FunctionName: aws.String("other"), Role: aws.String(role),
		Runtime: "provided.al2023", Handler: aws.String("h"), Code: &types.FunctionCode{ZipFile: []byte("zip")},
		Tags: map[string]string{key: strings.Repeat("ü", 256)}})
	require.NoError(t, err, "a value of 256 characters is within the limit too")
}
