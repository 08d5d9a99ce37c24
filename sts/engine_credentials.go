package sts

import (
	"time"
)

// kind is what sort of principal holds a set of credentials.
type kind int

const (
	rootUser      kind = iota // the account's root user (long-term keys)
	assumedRole               // AssumeRole, AssumeRoleWithWebIdentity, AssumeRoleWithSAML
	federatedUser             // GetFederationToken
	sessionUser               // GetSessionToken: the caller, with a session token
	rootSession               // AssumeRoot: a member account's root, for privileged tasks
)

// principal is whom a set of temporary credentials was issued to.
type principal struct {
	account string
	arn     string
	userID  string
	kind    kind
	expires time.Time
}

// temporary reports whether the principal signs with session credentials,
// which GetSessionToken and GetFederationToken refuse.
func (p principal) temporary() bool { return p.kind != rootUser }

// Credentials are temporary security credentials.
type Credentials struct {
	AccessKeyId, SecretAccessKey, SessionToken string
	Expiration                                 time.Time
}

// issue makes credentials for p that last d, and remembers whom their key
// identifies.
func (s *Service) issue(p principal, d time.Duration) Credentials {
	c := Credentials{
		AccessKeyId:     "ASIA" + s.env.IDs.Upper(16),
		SecretAccessKey: s.env.IDs.Base64(30),
		SessionToken:    "FwoGZXIvYXdzE" + s.env.IDs.Base64(96),
		Expiration:      s.now().Add(d).UTC().Truncate(time.Second),
	}
	p.expires = c.Expiration
	s.mu.Lock()
	s.issued[c.AccessKeyId] = p
	s.mu.Unlock()
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
