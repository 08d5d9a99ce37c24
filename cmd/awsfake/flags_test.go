package main

import (
	"io"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseFlags_Defaults(t *testing.T) {
	o, err := parseFlags(nil, io.Discard)
	require.NoError(t, err)
	assert.Equal(t, options{
		addr: "127.0.0.1:4566", region: "us-east-1", account: "000000000000",
		start:      time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC),
		xrayDaemon: "127.0.0.1:2000", xrayDefault: true, // where the X-Ray SDKs send
	}, o)
}

func TestParseFlags_SetsEveryOption(t *testing.T) {
	o, err := parseFlags([]string{
		"-addr", "0.0.0.0:9000", "-allow-remote", "-url", "http://fake.test:9000", "-clock", "fake",
		"-start", "2031-02-03T04:05:06.5Z", "-region", "eu-west-1", "-account", "123456789012", "-seed", "42", "-v",
		"-xray-daemon", "127.0.0.1:2999",
	}, io.Discard)
	require.NoError(t, err)
	seed := uint64(42)
	assert.Equal(t, options{
		addr: "0.0.0.0:9000", allowRemote: true, url: "http://fake.test:9000", fakeClock: true,
		start:  time.Date(2031, 2, 3, 4, 5, 6, 5e8, time.UTC),
		region: "eu-west-1", account: "123456789012", seed: &seed, verbose: true, xrayDaemon: "127.0.0.1:2999",
	}, o)
}

func TestParseFlags_RejectsBadCommandLines(t *testing.T) {
	for name, tc := range map[string]struct {
		args []string
		want string
	}{
		"unknown flag":        {[]string{"-port", "1"}, "flag provided but not defined"},
		"argument":            {[]string{"serve"}, `unexpected argument "serve"`},
		"clock":               {[]string{"-clock", "sundial"}, "-clock must be real or fake"},
		"start on real clock": {[]string{"-start", "2030-01-01T00:00:00Z"}, "-start needs -clock fake"},
		"start not RFC 3339":  {[]string{"-clock", "fake", "-start", "2030-01-01"}, "-start: want an RFC 3339 time"},
		"seed":                {[]string{"-seed", "-1"}, "want an unsigned integer"},
		"account":             {[]string{"-account", "12345"}, "12-digit AWS account id"},
		"region":              {[]string{"-region", ""}, "-region must not be empty"},
		"addr without port":   {[]string{"-addr", "127.0.0.1"}, "missing port"},
		"remote addr":         {[]string{"-addr", "192.0.2.1:4566"}, "not a loopback address"},
	} {
		t.Run(name, func(t *testing.T) {
			_, err := parseFlags(tc.args, io.Discard)
			require.Error(t, err)
			assert.Contains(t, err.Error(), tc.want)
			var usage usageError
			assert.ErrorAs(t, err, &usage)
		})
	}
}

func TestCheckAddr_AllowsOnlyLoopbackUnlessTold(t *testing.T) {
	for _, tc := range []struct {
		addr        string
		allowRemote bool
		wantRefusal bool
	}{
		{"127.0.0.1:4566", false, false},
		{"127.0.0.2:4566", false, false},
		{"localhost:4566", false, false},
		{"[::1]:4566", false, false},
		{":4566", false, true},
		{"0.0.0.0:4566", false, true},
		{"[::]:4566", false, true},
		{"192.0.2.1:4566", false, true},
		{"example.com:4566", false, true},
		{":4566", true, false},
		{"192.0.2.1:4566", true, false},
	} {
		err := checkAddr(tc.addr, tc.allowRemote)
		if tc.wantRefusal {
			assert.Error(t, err, "%s allowRemote=%v", tc.addr, tc.allowRemote)
		} else {
			assert.NoError(t, err, "%s allowRemote=%v", tc.addr, tc.allowRemote)
		}
	}
}
