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
