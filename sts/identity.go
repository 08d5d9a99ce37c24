package sts

import (
	"context"
	"regexp"
	"strings"
	"sync"
	"time"

	"github.com/awsfake/awsfake/internal/arn"
	"github.com/awsfake/awsfake/internal/awserr"
	"github.com/awsfake/awsfake/internal/cloudenv"
	"github.com/awsfake/awsfake/internal/faults"
)

// Service is the STS engine of one cloud.
type Service struct {
	env    *cloudenv.Env
	faults *faults.Injector[struct{}]

	mu     sync.Mutex
	issued map[string]issuedKey // access key id -> who it was issued to
}

type issuedKey struct {
	arn, userID string
	expires     time.Time
}

// New returns the STS service of the cloud whose environment is env.
func New(env *cloudenv.Env) *Service {
	return &Service{env: env, issued: map[string]issuedKey{},
		faults: faults.New[struct{}](faultOps, env.Clock, env.Scope())}
}

// GetCallerIdentityOutput is the identity that signed a request.
type GetCallerIdentityOutput struct {
	Account, Arn, UserId string
}

// GetCallerIdentity returns who holds accessKeyID: the assumed role it was
// issued for, or the account's root user for any other key.
func (s *Service) GetCallerIdentity(_ context.Context, accessKeyID string) (GetCallerIdentityOutput, error) {
	if err := s.enter("GetCallerIdentity"); err != nil {
		return GetCallerIdentityOutput{}, err
	}
	s.mu.Lock()
	k, ok := s.issued[accessKeyID]
	s.mu.Unlock()
	if ok {
		if !s.env.Clock.Now().Before(k.expires) {
			return GetCallerIdentityOutput{}, awserr.New("ExpiredToken", 403,
				"The security token included in the request is expired")
		}
		return GetCallerIdentityOutput{Account: s.env.AccountID, Arn: k.arn, UserId: k.userID}, nil
	}
	return GetCallerIdentityOutput{
		Account: s.env.AccountID,
		Arn:     arn.New("iam", "", s.env.AccountID, "root"),
		UserId:  s.env.AccountID,
	}, nil
}

// Credentials are temporary security credentials.
type Credentials struct {
	AccessKeyId, SecretAccessKey, SessionToken string
	Expiration                                 time.Time
}

// AssumeRoleInput names the role to assume.
type AssumeRoleInput struct {
	RoleArn, RoleSessionName string
	// DurationSeconds is 900 to 43200; 0 means AWS's default of 3600.
	DurationSeconds int
}

// AssumedRoleUser identifies the session of an assumed role.
type AssumedRoleUser struct {
	AssumedRoleId, Arn string
}

// AssumeRoleOutput holds the credentials of the new role session.
type AssumeRoleOutput struct {
	Credentials      Credentials
	AssumedRoleUser  AssumedRoleUser
	PackedPolicySize int
}

// roleSessionName is AWS's pattern for RoleSessionName: [\w+=,.@-]*, 2 to 64
// characters.
var roleSessionName = regexp.MustCompile(`^[\w+=,.@-]{2,64}$`)

// AssumeRole issues credentials for a session of the role RoleArn. As in AWS,
// the role ARN must be an IAM role ARN, the session name must match
// [\w+=,.@-]{2,64} and the duration must be 900 to 43200 seconds.
func (s *Service) AssumeRole(_ context.Context, in AssumeRoleInput) (AssumeRoleOutput, error) {
	if err := s.enter("AssumeRole"); err != nil {
		return AssumeRoleOutput{}, err
	}
	a, err := arn.Parse(in.RoleArn)
	if err != nil || a.Service != "iam" || !strings.HasPrefix(a.Resource, "role/") || len(in.RoleArn) < 20 {
		return AssumeRoleOutput{}, validation("roleArn", in.RoleArn, "Member must be a valid IAM role ARN with length between 20 and 2048")
	}
	if !roleSessionName.MatchString(in.RoleSessionName) {
		return AssumeRoleOutput{}, validation("roleSessionName", in.RoleSessionName,
			`Member must satisfy regular expression pattern: [\w+=,.@-]* and have length between 2 and 64`)
	}
	d, err := duration(in.DurationSeconds)
	if err != nil {
		return AssumeRoleOutput{}, err
	}
	roleName := a.Resource[strings.LastIndexByte(a.Resource, '/')+1:]
	roleID := "AROA" + s.env.IDs.Upper(17)
	user := AssumedRoleUser{
		AssumedRoleId: roleID + ":" + in.RoleSessionName,
		Arn:           arn.New("sts", "", a.Account, "assumed-role/"+roleName+"/"+in.RoleSessionName),
	}
	creds := s.issue(user.Arn, user.AssumedRoleId, d)
	return AssumeRoleOutput{Credentials: creds, AssumedRoleUser: user}, nil
}

// GetSessionTokenInput sets how long the session lasts.
type GetSessionTokenInput struct {
	// DurationSeconds is 900 to 129600; 0 means AWS's default of 43200.
	DurationSeconds int
}

// GetSessionToken issues temporary credentials for the account's root user.
func (s *Service) GetSessionToken(_ context.Context, in GetSessionTokenInput) (Credentials, error) {
	if err := s.enter("GetSessionToken"); err != nil {
		return Credentials{}, err
	}
	d := 43200
	if in.DurationSeconds != 0 {
		if in.DurationSeconds < 900 || in.DurationSeconds > 129600 {
			return Credentials{}, validation("durationSeconds", itoa(in.DurationSeconds),
				"Member must have value between 900 and 129600")
		}
		d = in.DurationSeconds
	}
	return s.issue(arn.New("iam", "", s.env.AccountID, "root"), s.env.AccountID, time.Duration(d)*time.Second), nil
}

func (s *Service) issue(who, userID string, d time.Duration) Credentials {
	c := Credentials{
		AccessKeyId:     "ASIA" + s.env.IDs.Upper(16),
		SecretAccessKey: s.env.IDs.Base64(30),
		SessionToken:    "FwoGZXIvYXdzE" + s.env.IDs.Base64(96),
		Expiration:      s.env.Clock.Now().Add(d).UTC().Truncate(time.Second),
	}
	s.mu.Lock()
	s.issued[c.AccessKeyId] = issuedKey{arn: who, userID: userID, expires: c.Expiration}
	s.mu.Unlock()
	return c
}

func duration(sec int) (time.Duration, error) {
	if sec == 0 {
		return time.Hour, nil
	}
	if sec < 900 || sec > 43200 {
		return 0, validation("durationSeconds", itoa(sec), "Member must have value between 900 and 43200")
	}
	return time.Duration(sec) * time.Second, nil
}

// validation is AWS's ValidationError for one member.
func validation(member, value, constraint string) *awserr.Error {
	return awserr.BadRequest("ValidationError",
		"1 validation error detected: Value '%s' at '%s' failed to satisfy constraint: %s", value, member, constraint)
}

// arnService is the service name in STS's ARNs.
const arnService = "sts"

// Describe tells the cloud how to wire the service: its signing name, ARN
// service, handler, bus endpoint and closer.
func (s *Service) Describe() cloudenv.Descriptor {
	return cloudenv.Descriptor{Name: "sts", SigningNames: []string{"sts"}, ARNService: arnService, Handler: s}
}
