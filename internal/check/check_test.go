package check_test

import (
	"errors"
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/awsfake/awsfake/internal/awserr"
	"github.com/awsfake/awsfake/internal/check"
	"github.com/awsfake/awsfake/internal/servicetest"
)

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
			r := &servicetest.Recorder{TB: t}
			want := "NoSuchBucket"
			if tc.fail == "" {
				want = "NoSuchKey"
			}
			check.Code(r, tc.err, want)
			assert.Equal(t, tc.fail, r.Message)
		})
	}
}
