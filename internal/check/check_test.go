package check_test

import (
	"errors"
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/awsfake/awsfake/internal/awserr"
	"github.com/awsfake/awsfake/internal/check"
)

// recorder is a testing.TB that records a failure instead of ending the test.
type recorder struct {
	testing.TB
	failed string
}

func (r *recorder) Helper() {}
func (r *recorder) Fatalf(format string, args ...any) {
	r.failed = fmt.Sprintf(format, args...)
}

func TestCode(t *testing.T) {
	noSuchKey := awserr.New("NoSuchKey", 404, "The specified key does not exist.")
	for _, tc := range []struct {
		name string
		err  error
		fail string
	}{
		{"the code", fmt.Errorf("wrapped: %w", noSuchKey), ""},
		{"another code", noSuchKey, "got the AWS error NoSuchKey (The specified key does not exist.), want NoSuchBucket"},
		{"no error", nil, "got no error, want the AWS error NoSuchBucket"},
		{"not an AWS error", errors.New("boom"), "got boom (*errors.errorString), want the AWS error NoSuchBucket"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := &recorder{TB: t}
			want := "NoSuchBucket"
			if tc.fail == "" {
				want = "NoSuchKey"
			}
			check.Code(r, tc.err, want)
			assert.Equal(t, tc.fail, r.failed)
		})
	}
}
