package sts

import (
	"time"

	"github.com/awsfake/awsfake/internal/creds"
)

// kind is what sort of principal holds a set of credentials (the Kind of
// its creds.Principal).
type kind = int

const (
	rootUser      kind            = iota // the account's root user (long-term keys)
	assumedRole                          // AssumeRole, AssumeRoleWithWebIdentity, AssumeRoleWithSAML
	federatedUser                        // GetFederationToken
	sessionUser                          // GetSessionToken: the caller, with a session token
	rootSession                          // AssumeRoot: a member account's root, for privileged tasks
	iamUser       = creds.IAMUser        // an IAM user's long-term key (package iam)
)

// principal is whom a set of credentials belongs to.
type principal = creds.Principal

// temporary reports whether p signs with session credentials, which
// GetSessionToken and GetFederationToken refuse.
func temporary(p principal) bool { return p.Kind != rootUser && p.Kind != iamUser }

// Credentials are temporary security credentials.
type Credentials struct {
	AccessKeyId, SecretAccessKey, SessionToken string
	Expiration                                 time.Time
}

// issue makes credentials for p that last d, and records them in the
// cloud's credential store, where the root package finds their account
// and GetCallerIdentity their principal.
func (s *Service) issue(p principal, d time.Duration) Credentials {
	c := Credentials{
		AccessKeyId:     "ASIA" + s.env.IDs.Upper(16),
		SecretAccessKey: s.env.IDs.Base64(30),
		SessionToken:    "FwoGZXIvYXdzE" + s.env.IDs.Base64(96),
		Expiration:      s.now().Add(d).UTC().Truncate(time.Second),
	}
	p.Expires, p.Secret = c.Expiration, c.SecretAccessKey
	s.env.Creds.Put(c.AccessKeyId, p, s.now())
	return c
}

// maxSessionTokenSize is MinimumSessionTokenSize's limit: "The value must
// not exceed 4,096 bytes."
const maxSessionTokenSize = 4096

// tokenSize checks a MinimumSessionTokenSize: 0 to 4,096, nil and 0
// leaving the session token as it is.
func tokenSize(n *int32) (int, error) {
	switch {
	case n == nil:
		return 0, nil
	case *n < 0:
		return 0, validation("minimumSessionTokenSize", itoa(int(*n)), "Member must have value greater than or equal to 0")
	case *n > maxSessionTokenSize:
		return 0, validation("minimumSessionTokenSize", itoa(int(*n)), "Member must have value less than or equal to 4096")
	}
	return int(*n), nil
}

// grow returns c with its session token at least n bytes long: "STS
// increases the session token to at least this size, regardless of its
// actual content." The token stays base64 characters.
func (s *Service) grow(c Credentials, n int) Credentials {
	if k := n - len(c.SessionToken); k > 0 {
		c.SessionToken += s.env.IDs.Base64(k)[:k]
	}
	return c
}

// seconds returns the duration of a session: def when sec is nil, else
// sec seconds if within [lo, hi], else the ValidationError AWS gives.
func seconds(sec *int32, def, lo, hi int) (time.Duration, error) {
	if sec == nil {
		return time.Duration(def) * time.Second, nil
	}
	n := int(*sec)
	if n < lo || n > hi {
		return 0, validation("durationSeconds", itoa(n), "Member must have value between "+itoa(lo)+" and "+itoa(hi))
	}
	return time.Duration(n) * time.Second, nil
}
