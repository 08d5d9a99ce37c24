package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/sts"
	"github.com/aws/smithy-go"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake/clock"
)

// decode unmarshals a JSON answer into a map.
func decode(t *testing.T, body string) map[string]any {
	t.Helper()
	var m map[string]any
	require.NoError(t, json.Unmarshal([]byte(body), &m), body)
	return m
}

// assumeRole returns a client signing with fresh credentials for a session of
// role, valid for seconds.
func assumeRole(t *testing.T, s *testServer, seconds int32) (*sts.AssumeRoleOutput, *sts.Client) {
	t.Helper()
	out, err := sts.NewFromConfig(s.awsConfig()).AssumeRole(context.Background(), &sts.AssumeRoleInput{
		RoleArn: aws.String("arn:aws:iam::000000000000:role/deployer"), RoleSessionName: aws.String("ci"),
		DurationSeconds: aws.Int32(seconds),
	})
	require.NoError(t, err)
	cfg := s.awsConfig()
	c := out.Credentials
	cfg.Credentials = credentials.NewStaticCredentialsProvider(aws.ToString(c.AccessKeyId), aws.ToString(c.SecretAccessKey), aws.ToString(c.SessionToken))
	return out, sts.NewFromConfig(cfg)
}

func callerArn(t *testing.T, c *sts.Client) string {
	t.Helper()
	id, err := c.GetCallerIdentity(context.Background(), &sts.GetCallerIdentityInput{})
	require.NoError(t, err)
	return aws.ToString(id.Arn)
}

func TestHealth_AnswersOKWithTheCloudsSettings(t *testing.T) {
	s := startServer(t, "-region", "eu-west-1", "-account", "123456789012", "-clock", "fake")
	resp, err := s.client.Get(s.url + healthPath)
	require.NoError(t, err)
	defer resp.Body.Close()
	assert.Equal(t, http.StatusOK, resp.StatusCode)
	assert.Equal(t, "application/json", resp.Header.Get("Content-Type"))
	var got healthOutput
	require.NoError(t, json.NewDecoder(resp.Body).Decode(&got))
	assert.Equal(t, healthOutput{Status: "ok", Region: "eu-west-1", Account: "123456789012", Clock: "fake"}, got)
}

func TestControlEndpoints_RejectOtherMethods(t *testing.T) {
	s := startServer(t)
	for _, tc := range []struct{ method, path, allow string }{
		{http.MethodPost, healthPath, "GET"},
		{http.MethodGet, resetPath, "POST"},
		{http.MethodDelete, clockPath, "GET, POST"},
	} {
		req, err := http.NewRequest(tc.method, s.url+tc.path, nil)
		require.NoError(t, err)
		resp, err := s.client.Do(req)
		require.NoError(t, err)
		var body map[string]string
		require.NoError(t, json.NewDecoder(resp.Body).Decode(&body))
		resp.Body.Close()
		assert.Equal(t, http.StatusMethodNotAllowed, resp.StatusCode, "%s %s", tc.method, tc.path)
		assert.Equal(t, tc.allow, resp.Header.Get("Allow"), "%s %s", tc.method, tc.path)
		assert.NotEmpty(t, body["error"])
	}
}

func TestReset_ForgetsEverythingTheOldCloudKnew(t *testing.T) {
	s := startServer(t)
	_, role := assumeRole(t, s, 3600)
	require.Equal(t, "arn:aws:sts::000000000000:assumed-role/deployer/ci", callerArn(t, role))

	status, body := s.do(t, http.MethodPost, resetPath, "")
	require.Equal(t, http.StatusOK, status)
	assert.Equal(t, "ok", decode(t, body)["status"])

	// The fresh cloud never issued those credentials: they are any key, the
	// account's root.
	assert.Equal(t, "arn:aws:iam::000000000000:root", callerArn(t, role))
}

func TestReset_KeepsTheOptionsAndTheClock(t *testing.T) {
	s := startServer(t, "-clock", "fake", "-seed", "7", "-account", "123456789012")
	status, _ := s.do(t, http.MethodPost, clockPath, `{"advance":"1h"}`)
	require.Equal(t, http.StatusOK, status)
	before, _ := assumeRole(t, s, 900)

	status, _ = s.do(t, http.MethodPost, resetPath, "")
	require.Equal(t, http.StatusOK, status)

	_, body := s.do(t, http.MethodGet, clockPath, "")
	assert.Equal(t, "2030-01-01T01:00:00Z", decode(t, body)["now"], "a reset does not move the clock")
	after, _ := assumeRole(t, s, 900)
	assert.Equal(t, aws.ToString(before.Credentials.AccessKeyId), aws.ToString(after.Credentials.AccessKeyId),
		"same seed, same ids")
	assert.Equal(t, time.Date(2030, 1, 1, 1, 15, 0, 0, time.UTC), aws.ToTime(after.Credentials.Expiration))
	id, err := sts.NewFromConfig(s.awsConfig()).GetCallerIdentity(context.Background(), &sts.GetCallerIdentityInput{})
	require.NoError(t, err)
	assert.Equal(t, "123456789012", aws.ToString(id.Account))
}

func TestClock_GetReportsTheFakeClock(t *testing.T) {
	s := startServer(t, "-clock", "fake", "-start", "2031-06-01T12:00:00.25+02:00")
	status, body := s.do(t, http.MethodGet, clockPath, "")
	require.Equal(t, http.StatusOK, status)
	assert.Equal(t, map[string]any{"now": "2031-06-01T10:00:00.25Z", "fake": true, "waiters": float64(0)}, decode(t, body))
}

func TestClock_GetReportsTheRealClock(t *testing.T) {
	s := startServer(t)
	status, body := s.do(t, http.MethodGet, clockPath, "")
	require.Equal(t, http.StatusOK, status)
	got := decode(t, body)
	assert.Equal(t, false, got["fake"])
	assert.NotContains(t, got, "waiters")
	_, err := time.Parse(time.RFC3339Nano, got["now"].(string))
	assert.NoError(t, err)
}

func TestClock_AdvanceAndSetMoveTheFakeClock(t *testing.T) {
	s := startServer(t, "-clock", "fake")
	for _, tc := range []struct{ body, want string }{
		{`{"advance":"90s"}`, "2030-01-01T00:01:30Z"},
		{`{"advance":"0s"}`, "2030-01-01T00:01:30Z"},
		{`{"advance":"1h0m0.5s"}`, "2030-01-01T01:01:30.5Z"},
		{`{"set":"2030-06-01T00:00:00Z"}`, "2030-06-01T00:00:00Z"},
		{`{"set":"2030-06-01T00:00:00-01:00"}`, "2030-06-01T01:00:00Z"},
		{`{"set":"2029-12-31T23:59:59Z"}`, "2029-12-31T23:59:59Z"}, // set may move the clock back
	} {
		status, body := s.do(t, http.MethodPost, clockPath, tc.body)
		require.Equal(t, http.StatusOK, status, body)
		assert.Equal(t, map[string]any{"now": tc.want, "fake": true, "waiters": float64(0)}, decode(t, body), tc.body)
		_, body = s.do(t, http.MethodGet, clockPath, "")
		assert.Equal(t, tc.want, decode(t, body)["now"], tc.body)
	}
}

// AssumeRole credentials expire after DurationSeconds: valid just before,
// rejected with ExpiredToken exactly at the expiration, as AWS does.
func TestClock_AdvanceExpiresCredentialsInTheServedCloud(t *testing.T) {
	s := startServer(t, "-clock", "fake")
	_, role := assumeRole(t, s, 900)

	status, _ := s.do(t, http.MethodPost, clockPath, `{"advance":"899.999999999s"}`)
	require.Equal(t, http.StatusOK, status)
	assert.Equal(t, "arn:aws:sts::000000000000:assumed-role/deployer/ci", callerArn(t, role))

	status, _ = s.do(t, http.MethodPost, clockPath, `{"advance":"1ns"}`)
	require.Equal(t, http.StatusOK, status)
	_, err := role.GetCallerIdentity(context.Background(), &sts.GetCallerIdentityInput{})
	var ae smithy.APIError
	require.True(t, errors.As(err, &ae), "%v", err)
	assert.Equal(t, "ExpiredToken", ae.ErrorCode())
}

func TestClock_RejectsBadInputAndLeavesTheClockAlone(t *testing.T) {
	s := startServer(t, "-clock", "fake")
	for name, body := range map[string]string{
		"empty":            ``,
		"not JSON":         `advance=90s`,
		"not an object":    `["90s"]`,
		"neither":          `{}`,
		"both":             `{"advance":"1s","set":"2031-01-01T00:00:00Z"}`,
		"unknown field":    `{"advance":"1s","jump":true}`,
		"bad duration":     `{"advance":"90"}`,
		"negative":         `{"advance":"-1s"}`,
		"number":           `{"advance":90}`,
		"bad time":         `{"set":"2031-01-01"}`,
		"two objects":      `{"advance":"1s"}{"advance":"1s"}`,
		"oversize":         `{"advance":"1s"` + string(make([]byte, controlBodyLimit)) + `}`,
		"null":             `{"advance":null}`,
		"trailing garbage": `{"advance":"1s"} x`,
	} {
		status, got := s.do(t, http.MethodPost, clockPath, body)
		assert.Equal(t, http.StatusBadRequest, status, name)
		assert.NotEmpty(t, decode(t, got)["error"], name)
	}
	_, got := s.do(t, http.MethodGet, clockPath, "")
	assert.Equal(t, "2030-01-01T00:00:00Z", decode(t, got)["now"])
}

func TestClock_RealClockCannotBeMoved(t *testing.T) {
	s := startServer(t)
	status, body := s.do(t, http.MethodPost, clockPath, `{"advance":"90s"}`)
	assert.Equal(t, http.StatusConflict, status)
	assert.Contains(t, decode(t, body)["error"], "-clock fake")
}

func FuzzDecodeClockInput(f *testing.F) {
	for _, seed := range []string{
		`{"advance":"90s"}`, `{"set":"2030-01-01T00:00:00Z"}`, `{}`, `{"advance":"-1s"}`,
		`{"advance":"1s","set":"x"}`, `[1]`, ``, `{"advance":"9999999999h"}`,
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		r := httptest.NewRequest(http.MethodPost, clockPath, bytes.NewReader(body))
		move, err := decodeClockInput(httptest.NewRecorder(), r)
		if (move == nil) == (err == nil) {
			t.Fatalf("move %v, err %v: want exactly one", move != nil, err)
		}
		if move != nil {
			move(clock.NewFake(time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)))
		}
	})
}
