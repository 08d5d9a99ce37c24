package iam

import (
	"context"
	"slices"

	"github.com/awsfake/awsfake/internal/creds"
)

// maxKeys is the quota of access keys per user.
const maxKeys = 2

// Access key statuses.
const (
	statusActive   = "Active"
	statusInactive = "Inactive"
)

// CreateAccessKeyInput names the user; empty means the caller.
type CreateAccessKeyInput struct{ UserName string }

// CreateAccessKeyOutput is the new key with its secret.
type CreateAccessKeyOutput struct{ AccessKey AccessKey }

// CreateAccessKey creates an active access key for a user (at most two,
// LimitExceeded after). The key joins the cloud's credential store: a call
// signed with it is made by the user (STS GetCallerIdentity names them).
func (s *Service) CreateAccessKey(ctx context.Context, in CreateAccessKeyInput) (CreateAccessKeyOutput, error) {
	sc, err := s.enter(ctx, "CreateAccessKey")
	if err != nil {
		return CreateAccessKeyOutput{}, err
	}
	name, err := s.userOrCaller(sc, in.UserName)
	if err != nil {
		return CreateAccessKeyOutput{}, err
	}
	var out AccessKey
	err = s.onUser(sc, name, func(a *account, u *user) error {
		if len(u.keys) >= maxKeys {
			return limit("Cannot exceed quota for AccessKeysPerUser: %d", maxKeys)
		}
		k := &accessKey{id: "AKIA" + s.env.IDs.Upper(16), secret: s.env.IDs.Base64(30), user: u.name,
			status: statusActive, created: s.now()}
		a.keys[k.id] = k
		u.keys = append(u.keys, k.id)
		s.env.Creds.Put(k.id, s.principalOf(a, u, k), s.now())
		out = AccessKey{UserName: u.name, AccessKeyId: k.id, Status: k.status, SecretAccessKey: k.secret, CreateDate: k.created}
		return nil
	})
	return CreateAccessKeyOutput{AccessKey: out}, err
}

// principalOf is whom the user's key k signs as.
func (s *Service) principalOf(a *account, u *user, k *accessKey) creds.Principal {
	return creds.Principal{Account: a.id, ARN: u.arn, UserID: u.id, Kind: creds.IAMUser, Secret: k.secret}
}

// userOrCaller is the user a call names, or the IAM user who signed it.
func (s *Service) userOrCaller(sc scope, name string) (string, error) {
	if name != "" {
		return name, checkName("userName", name, maxOtherName)
	}
	if p := s.callerOf(sc); p.user != "" {
		return p.user, nil
	}
	return "", validation("userName", name, "Member must have length greater than or equal to 1")
}

// caller is who signed a call: an IAM user (by name) or the root user.
type caller struct{ arn, user string }

// callerOf resolves the caller of scope sc from the credential store.
func (s *Service) callerOf(sc scope) caller {
	p, st := s.env.Creds.Lookup(sc.AccessKeyID, s.env.Clock.Now())
	if st == creds.Valid && p.Kind == creds.IAMUser {
		return caller{arn: p.ARN, user: p.ARN[lastSlash(p.ARN)+1:]}
	}
	return caller{arn: "arn:aws:iam::" + sc.Account + ":root"}
}

func lastSlash(s string) int {
	for i := len(s) - 1; i >= 0; i-- {
		if s[i] == '/' {
			return i
		}
	}
	return -1
}

// key returns the user's access key id, or NoSuchEntity.
func (a *account) key(u *user, id string) (*accessKey, error) {
	if slices.Contains(u.keys, id) {
		return a.keys[id], nil
	}
	return nil, errs.New(codeNoSuchEntity, "The Access Key with id %s cannot be found.", id)
}

// ListAccessKeysInput names the user; empty means the caller.
type ListAccessKeysInput struct {
	UserName, Marker string
	MaxItems         *int32
}

// ListAccessKeysOutput lists the user's keys without secrets.
type ListAccessKeysOutput struct {
	AccessKeyMetadata []AccessKeyMetadata `xml:"AccessKeyMetadata>member"`
	IsTruncated       bool
	Marker            string `xml:",omitempty"`
}

// ListAccessKeys lists a user's access keys, oldest first.
func (s *Service) ListAccessKeys(ctx context.Context, in ListAccessKeysInput) (ListAccessKeysOutput, error) {
	sc, err := s.enter(ctx, "ListAccessKeys")
	if err != nil {
		return ListAccessKeysOutput{}, err
	}
	name, err := s.userOrCaller(sc, in.UserName)
	if err != nil {
		return ListAccessKeysOutput{}, err
	}
	if _, err := maxItems(in.MaxItems); err != nil {
		return ListAccessKeysOutput{}, err
	}
	var out ListAccessKeysOutput
	err = s.onUser(sc, name, func(a *account, u *user) error {
		for _, id := range u.keys {
			k := a.keys[id]
			out.AccessKeyMetadata = append(out.AccessKeyMetadata, AccessKeyMetadata{UserName: u.name, AccessKeyId: k.id, Status: k.status, CreateDate: k.created})
		}
		return nil
	})
	return out, err
}

// UpdateAccessKeyInput sets a key's status.
type UpdateAccessKeyInput struct{ UserName, AccessKeyId, Status string }

// UpdateAccessKeyOutput is empty.
type UpdateAccessKeyOutput struct{}

// UpdateAccessKey makes a key Active or Inactive; an inactive key leaves
// the credential store until it is made active again.
func (s *Service) UpdateAccessKey(ctx context.Context, in UpdateAccessKeyInput) (UpdateAccessKeyOutput, error) {
	sc, err := s.enter(ctx, "UpdateAccessKey")
	if err != nil {
		return UpdateAccessKeyOutput{}, err
	}
	if in.Status != statusActive && in.Status != statusInactive {
		return UpdateAccessKeyOutput{}, validation("status", in.Status, "Member must satisfy enum value set: [Active, Inactive]")
	}
	name, err := s.userOrCaller(sc, in.UserName)
	if err != nil {
		return UpdateAccessKeyOutput{}, err
	}
	return UpdateAccessKeyOutput{}, s.onUser(sc, name, func(a *account, u *user) error {
		k, err := a.key(u, in.AccessKeyId)
		if err != nil {
			return err
		}
		k.status = in.Status
		if k.status == statusActive {
			s.env.Creds.Put(k.id, s.principalOf(a, u, k), s.now())
		} else {
			s.env.Creds.Delete(k.id)
		}
		return nil
	})
}

// DeleteAccessKeyInput names a key.
type DeleteAccessKeyInput struct{ UserName, AccessKeyId string }

// DeleteAccessKeyOutput is empty.
type DeleteAccessKeyOutput struct{}

// DeleteAccessKey deletes a key; it leaves the credential store.
func (s *Service) DeleteAccessKey(ctx context.Context, in DeleteAccessKeyInput) (DeleteAccessKeyOutput, error) {
	sc, err := s.enter(ctx, "DeleteAccessKey")
	if err != nil {
		return DeleteAccessKeyOutput{}, err
	}
	name, err := s.userOrCaller(sc, in.UserName)
	if err != nil {
		return DeleteAccessKeyOutput{}, err
	}
	return DeleteAccessKeyOutput{}, s.onUser(sc, name, func(a *account, u *user) error {
		k, err := a.key(u, in.AccessKeyId)
		if err != nil {
			return err
		}
		u.keys = removeString(u.keys, k.id)
		delete(a.keys, k.id)
		s.env.Creds.Delete(k.id)
		return nil
	})
}

// GetAccessKeyLastUsedInput names a key.
type GetAccessKeyLastUsedInput struct{ AccessKeyId string }

// GetAccessKeyLastUsedOutput is the key's user and last use.
type GetAccessKeyLastUsedOutput struct {
	UserName          string
	AccessKeyLastUsed AccessKeyLastUsed
}

// GetAccessKeyLastUsed returns the user of a key of the account and when
// it was last used: ServiceName and Region "N/A" while never used, as AWS
// answers (the fake records no use).
func (s *Service) GetAccessKeyLastUsed(ctx context.Context, in GetAccessKeyLastUsedInput) (GetAccessKeyLastUsedOutput, error) {
	sc, err := s.enter(ctx, "GetAccessKeyLastUsed")
	if err != nil {
		return GetAccessKeyLastUsedOutput{}, err
	}
	var out GetAccessKeyLastUsedOutput
	err = s.locked(sc, func(a *account) error {
		k := a.keys[in.AccessKeyId]
		if k == nil {
			return errs.New(codeNoSuchEntity, "The Access Key with id %s cannot be found.", in.AccessKeyId)
		}
		out.UserName = k.user
		out.AccessKeyLastUsed = AccessKeyLastUsed{ServiceName: "N/A", Region: "N/A"}
		if k.lastUsed != nil {
			out.AccessKeyLastUsed = *k.lastUsed
		}
		return nil
	})
	return out, err
}
