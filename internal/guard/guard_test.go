package guard_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/awsfake/awsfake/internal/guard"
)

func TestCheck(t *testing.T) {
	g := &guard.Guard{Origins: []string{"http://localhost:3000"}, Hosts: []string{"fake.test"}, Own: "awsfake.internal:4566"}
	for _, tc := range []struct {
		name string
		req  guard.Request
		ok   bool
	}{
		{"a CLI request", guard.Request{Host: "127.0.0.1:4566"}, true},
		{"another site's page", guard.Request{Host: "127.0.0.1:4566", Origin: "http://evil.example"}, false},
		{"a sandboxed page", guard.Request{Host: "127.0.0.1:4566", Origin: "null"}, false},
		{"cross-site without Origin", guard.Request{Host: "localhost:4566", SecFetchSite: "cross-site"}, false},
		{"same-site without Origin", guard.Request{Host: "localhost:4566", SecFetchSite: "same-site"}, false},
		{"the fake's own page", guard.Request{Host: "localhost:4566", Origin: "http://localhost:4566", SecFetchSite: "same-origin"}, true},
		{"an allowed origin", guard.Request{Host: "localhost:4566", Origin: "http://localhost:3000/"}, true},
		{"an exempt S3 upload", guard.Request{Host: "bucket.localhost:4566", Origin: "http://evil.example", ExemptFromCORS: true}, true},
		{"a rebound name", guard.Request{Host: "evil.example:4566"}, false},
		{"a rebound name, exempt", guard.Request{Host: "evil.example", ExemptFromCORS: true}, false},
		{"the configured host and below", guard.Request{Host: "b.awsfake.internal:4566"}, true},
		{"an allowed host", guard.Request{Host: "fake.test"}, true},
		{"LocalStack's names", guard.Request{Host: "s3.localhost.localstack.cloud:4566"}, true},
		{"a non-loopback address", guard.Request{Host: "10.0.0.5:4566"}, false},
		{"IPv6 loopback", guard.Request{Host: "[::1]:4566"}, true},
		{"127/8", guard.Request{Host: "127.1.2.3"}, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := g.Check(tc.req)
			if tc.ok {
				assert.Nil(t, got)
			} else {
				assert.NotNil(t, got)
			}
		})
	}
	assert.Nil(t, (&guard.Guard{Origins: []string{"*"}}).Check(guard.Request{Host: "localhost", Origin: "http://any.example"}))
}

func FuzzCheck(f *testing.F) {
	f.Add("localhost:4566", "http://evil.example", "cross-site")
	f.Add("[::1", "%%", "")
	g := &guard.Guard{Own: "awsfake.localhost"}
	f.Fuzz(func(t *testing.T, host, origin, site string) {
		_ = g.Check(guard.Request{Host: host, Origin: origin, SecFetchSite: site})
	})
}
