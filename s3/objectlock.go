package s3

import (
	"context"
	"time"
)

// Object Lock modes and legal hold statuses.
const (
	LockGovernance = "GOVERNANCE"
	LockCompliance = "COMPLIANCE"
	LegalHoldOn    = "ON"
	LegalHoldOff   = "OFF"
)

// ObjectLock is the lock of one object version: a retention (Mode until
// RetainUntilDate) and a legal hold, each unset when empty.
type ObjectLock struct {
	Mode            string // GOVERNANCE or COMPLIANCE; "" for no retention
	RetainUntilDate time.Time
	LegalHold       string // ON or OFF; "" when never set
}

// DefaultRetention is the retention a lock-enabled bucket gives new
// versions: Mode for Days or Years.
type DefaultRetention struct {
	Mode  string
	Days  int
	Years int
}

// protectedMsg is S3's message refusing what a lock forbids.
const protectedMsg = "Access Denied because object protected by object lock."

func objectLocked() error { return errs.New(codeAccessDenied, protectedMsg) }

func missingLockConfiguration() error {
	return errs.New(codeInvalidRequest, "Bucket is missing Object Lock Configuration")
}

// protected reports whether the lock forbids deleting the version at now:
// a legal hold, a COMPLIANCE retention, or a GOVERNANCE retention unless
// bypassed. A retention ends at RetainUntilDate on the cloud's clock.
func (l ObjectLock) protected(now time.Time, bypass bool) bool {
	if l.LegalHold == LegalHoldOn {
		return true
	}
	return l.RetainUntilDate.After(now) && (l.Mode == LockCompliance || !bypass)
}

// checkLockHeaders validates the lock a write asks for, as S3 does
// (shared/aws-recordings, s3 TestS3ObjectLockRetention::
// test_s3_object_lock_mode_validation and test_bucket_config_default_retention):
// mode and date both or neither, a known mode, a date in the future, ON or
// OFF; and, with any lock parameter, a lock-enabled bucket and, for a
// PutObject (in not nil), a Content-MD5 or checksum. The caller holds s.mu.
func (s *Service) checkLockHeaders(b *bucket, l ObjectLock, in *PutObjectInput) error {
	if l.Mode == "" && l.RetainUntilDate.IsZero() && l.LegalHold == "" {
		return nil
	}
	const both = "x-amz-object-lock-retain-until-date and x-amz-object-lock-mode must both be supplied"
	switch {
	case l.Mode != "" && l.RetainUntilDate.IsZero():
		return invalidArgument("x-amz-object-lock-retain-until-date", "", both)
	case l.Mode == "" && !l.RetainUntilDate.IsZero():
		return invalidArgument("x-amz-object-lock-mode", "", both)
	case l.Mode != "" && l.Mode != LockGovernance && l.Mode != LockCompliance:
		return invalidArgument("x-amz-object-lock-mode", l.Mode, "Unknown wormMode directive.")
	case l.LegalHold != "" && l.LegalHold != LegalHoldOn && l.LegalHold != LegalHoldOff:
		return invalidArgument("x-amz-object-lock-legal-hold", l.LegalHold, "Legal Hold must be either of 'ON' or 'OFF'")
	case l.Mode != "" && !l.RetainUntilDate.After(s.now()):
		return invalidArgument("x-amz-object-lock-retain-until-date", l.RetainUntilDate.UTC().Format(time.RFC3339),
			"The retain until date must be in the future!")
	case !b.objectLock:
		return missingLockConfiguration()
	case in != nil && in.ContentMD5 == "" && len(in.Checksums.given()) == 0:
		return errs.New(codeInvalidRequest,
			"Content-MD5 OR x-amz-checksum- HTTP header is required for Put Object requests with Object Lock parameters")
	}
	return nil
}

// applyDefaultRetention gives a new version of a lock-enabled bucket the
// bucket's default retention, from its creation, unless it names its own.
// The caller holds s.mu.
func (b *bucket) applyDefaultRetention(o *object) {
	r := b.lockRule
	if r == nil || o.deleteMarker || o.lock.Mode != "" {
		return
	}
	o.lock.Mode = r.Mode
	o.lock.RetainUntilDate = o.lastModified.AddDate(r.Years, 0, r.Days)
}

// checkBypass refuses x-amz-bypass-governance-retention on a bucket
// without Object Lock, as S3 does whatever its value
// (test_delete_object_with_no_locking). The caller holds s.mu.
func (b *bucket) checkBypass(bypass *bool) error {
	if bypass != nil && !b.objectLock {
		return invalidArgument("x-amz-bypass-governance-retention", "",
			"x-amz-bypass-governance-retention is only applicable to Object Lock enabled buckets.")
	}
	return nil
}

// removeUnlocked removes as remove does, unless the version named is
// protected by its lock (a delete without a version id only adds a delete
// marker, which a lock allows). The caller holds s.mu.
func (s *Service) removeUnlocked(b *bucket, key, versionID string, bypass *bool, req requester) (DeleteObjectOutput, []pendingEvent, error) {
	if versionID != "" && b.objectLock {
		if e := b.entries[key]; e != nil {
			for _, o := range e.versions {
				if o.versionID == versionID && o.lock.protected(s.now(), bypass != nil && *bypass) {
					return DeleteObjectOutput{}, nil, objectLocked()
				}
			}
		}
	}
	return s.remove(b, key, versionID, req)
}

// lockedVersion returns the version an object lock operation addresses,
// on a lock-enabled bucket: InvalidRequest without Object Lock, NoSuchKey,
// NoSuchVersion, and MethodNotAllowed for a delete marker
// (test_object_lock_delete_markers). The caller holds s.mu.
func (b *bucket) lockedVersion(key, versionID, method string) (*entry, int, error) {
	if !b.objectLock {
		return nil, 0, missingLockConfiguration()
	}
	o, err := b.version(key, versionID)
	if err != nil {
		return nil, 0, err
	}
	if o.deleteMarker {
		return nil, 0, withFields(errs.New(codeMethodNotAllowed, "The specified method is not allowed against this resource."),
			"Method", method, "ResourceType", "DeleteMarker")
	}
	e := b.entries[key]
	for i, v := range e.versions {
		if v == o {
			return e, i, nil
		}
	}
	return nil, 0, noSuchKey(key)
}

// ObjectLockConfiguration is a bucket's Object Lock configuration: Enabled,
// with an optional default retention.
type ObjectLockConfiguration struct {
	ObjectLockEnabled string // "Enabled"
	DefaultRetention  *DefaultRetention
}

// PutObjectLockConfigurationInput sets a bucket's Object Lock
// configuration.
type PutObjectLockConfigurationInput struct {
	Bucket string
	ObjectLockConfiguration
}

// PutObjectLockConfigurationOutput is the (empty) answer to
// PutObjectLockConfiguration.
type PutObjectLockConfigurationOutput struct{}

// GetObjectLockConfigurationInput names the bucket.
type GetObjectLockConfigurationInput struct {
	Bucket string
}

// PutObjectLockConfiguration enables Object Lock on a versioned bucket and
// sets or clears its default retention. As S3 checks
// (test_put_object_lock_configuration_exc,
// test_put_object_lock_configuration_on_existing_bucket): Enabled, a
// default retention with a mode and one of Days and Years (MalformedXML
// otherwise), a positive period; versioning Enabled (InvalidBucketState).
func (s *Service) PutObjectLockConfiguration(ctx context.Context, in PutObjectLockConfigurationInput) (PutObjectLockConfigurationOutput, error) {
	sc, err := s.enter(ctx, "PutObjectLockConfiguration", in.Bucket, "")
	if err != nil {
		return PutObjectLockConfigurationOutput{}, err
	}
	if in.ObjectLockEnabled != "Enabled" {
		return PutObjectLockConfigurationOutput{}, malformedXML()
	}
	var rule *DefaultRetention
	if r := in.DefaultRetention; r != nil {
		if (r.Mode != LockGovernance && r.Mode != LockCompliance) || (r.Days == 0) == (r.Years == 0) {
			return PutObjectLockConfigurationOutput{}, malformedXML()
		}
		if r.Days < 0 || r.Years < 0 {
			return PutObjectLockConfigurationOutput{}, errs.New(codeInvalidArgument, "Default retention period must be a positive integer value.")
		}
		cp := *r
		rule = &cp
	}
	return PutObjectLockConfigurationOutput{}, s.withBucket(sc, in.Bucket, func(b *bucket) error {
		if b.versioning != VersioningEnabled {
			return errs.New(codeInvalidBucketState, "Versioning must be 'Enabled' on the bucket to apply a Object Lock configuration")
		}
		b.objectLock, b.lockRule = true, rule
		return nil
	})
}

// GetObjectLockConfiguration returns a bucket's Object Lock configuration,
// or ObjectLockConfigurationNotFoundError (404) when Object Lock is off.
func (s *Service) GetObjectLockConfiguration(ctx context.Context, in GetObjectLockConfigurationInput) (ObjectLockConfiguration, error) {
	sc, err := s.enter(ctx, "GetObjectLockConfiguration", in.Bucket, "")
	if err != nil {
		return ObjectLockConfiguration{}, err
	}
	var out ObjectLockConfiguration
	err = s.withBucket(sc, in.Bucket, func(b *bucket) error {
		if !b.objectLock {
			return withFields(errs.New(codeObjectLockConfigurationNotFound, "Object Lock configuration does not exist for this bucket"),
				"BucketName", in.Bucket)
		}
		out.ObjectLockEnabled = "Enabled"
		if b.lockRule != nil {
			r := *b.lockRule
			out.DefaultRetention = &r
		}
		return nil
	})
	return out, err
}
