package arn_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake/internal/arn"
)

func TestParse_SplitsTheSixFields(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want arn.ARN
	}{
		{"arn:aws:sqs:us-east-1:000000000000:q", arn.ARN{"aws", "sqs", "us-east-1", "000000000000", "q"}},
		{"arn:aws:lambda:us-east-1:1:function:f:prod", arn.ARN{"aws", "lambda", "us-east-1", "1", "function:f:prod"}},
		{"arn:aws:s3:::bucket/key", arn.ARN{"aws", "s3", "", "", "bucket/key"}},
		{"arn:aws:iam::123456789012:role/r", arn.ARN{"aws", "iam", "", "123456789012", "role/r"}},
	} {
		got, err := arn.Parse(tc.in)
		require.NoError(t, err, tc.in)
		assert.Equal(t, tc.want, got)
		assert.Equal(t, tc.in, got.String(), "String joins back what Parse split")
	}
}

func TestParse_RejectsWhatIsNotAnARN(t *testing.T) {
	for _, in := range []string{"", "arn", "arn:aws:sqs:us-east-1:1", "arn::sqs:r:a:q", "arn:aws::r:a:q", "ARN:aws:sqs:r:a:q", "https://sqs/q"} {
		_, err := arn.Parse(in)
		assert.Error(t, err, "%q", in)
	}
}

func TestNew_UsesTheAWSPartition(t *testing.T) {
	assert.Equal(t, "arn:aws:sns:eu-west-1:123456789012:topic", arn.New("sns", "eu-west-1", "123456789012", "topic"))
}

func TestIsRegion(t *testing.T) {
	for _, ok := range []string{"us-east-1", "eu-central-2", "us-gov-west-1", "cn-north-1", "us-iso-east-1", "ap-southeast-5", "xx-mars-12"} {
		assert.True(t, arn.IsRegion(ok), ok)
	}
	for _, bad := range []string{"", "us-east", "useast-1", "US-EAST-1", "us-east-1a", "us--1", "us-east-123", "global"} {
		assert.False(t, arn.IsRegion(bad), bad)
	}
}

func TestRegionInHost(t *testing.T) {
	for host, want := range map[string]string{
		"sqs.eu-west-1.amazonaws.com":               "eu-west-1",
		"bucket.s3.eu-central-1.amazonaws.com":      "eu-central-1",
		"s3-us-west-2.amazonaws.com":                "us-west-2",
		"sqs.ap-south-1.localhost.localstack.cloud": "ap-south-1",
		"127.0.0.1:4566":                            "",
		"awsfake.localhost":                         "",
		"[::1]:4566":                                "",
	} {
		assert.Equal(t, want, arn.RegionInHost(host), host)
	}
}
