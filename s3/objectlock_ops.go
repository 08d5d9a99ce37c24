package s3

import (
	"context"
	"time"
)

// ObjectRetentionInput addresses a version's retention: Retention to
// set (PutObjectRetention; nil clears it) and the governance bypass.
type ObjectRetentionInput struct {
	Bucket, Key, VersionId string
	// Mode and RetainUntilDate are the retention to set: both or, to
	// clear it, neither.
	Mode            string
	RetainUntilDate time.Time
	Bypass          bool // x-amz-bypass-governance-retention: true
}

// ObjectRetentionOutput is a version's retention.
type ObjectRetentionOutput struct {
	Mode            string
	RetainUntilDate time.Time
}

// GetObjectRetention returns a version's retention, or
// NoSuchObjectLockConfiguration (404) when it has none
// (test_s3_object_retention_exc).
func (s *Service) GetObjectRetention(ctx context.Context, in ObjectRetentionInput) (ObjectRetentionOutput, error) {
	sc, err := s.enter(ctx, "GetObjectRetention", in.Bucket, in.Key)
	if err != nil {
		return ObjectRetentionOutput{}, err
	}
	var out ObjectRetentionOutput
	err = s.withBucket(sc, in.Bucket, func(b *bucket) error {
		e, i, err := b.lockedVersion(in.Key, in.VersionId, "GET")
		if err != nil {
			return err
		}
		l := e.versions[i].lock
		if l.Mode == "" {
			return noLockConfiguration()
		}
		out = ObjectRetentionOutput{Mode: l.Mode, RetainUntilDate: l.RetainUntilDate}
		return nil
	})
	return out, err
}

func noLockConfiguration() error {
	return errs.New(codeNoSuchObjectLockConfiguration, "The specified object does not have a ObjectLock configuration")
}

// PutObjectRetention sets or clears a version's retention, as S3 allows
// (test_s3_object_retention, test_s3_object_retention_compliance_mode,
// test_object_lock_extend_duration): a retention in force may be
// extended, or turned from GOVERNANCE to COMPLIANCE; shortening, clearing
// or weakening a GOVERNANCE one needs the bypass, a COMPLIANCE one never
// (AccessDenied). A date not in the future is InvalidArgument.
func (s *Service) PutObjectRetention(ctx context.Context, in ObjectRetentionInput) (struct{}, error) {
	sc, err := s.enter(ctx, "PutObjectRetention", in.Bucket, in.Key)
	if err != nil {
		return struct{}{}, err
	}
	if (in.Mode == "") != in.RetainUntilDate.IsZero() || (in.Mode != "" && in.Mode != LockGovernance && in.Mode != LockCompliance) {
		return struct{}{}, malformedXML()
	}
	if in.Mode != "" && !in.RetainUntilDate.After(s.now()) {
		return struct{}{}, invalidArgument("RetainUntilDate", in.RetainUntilDate.UTC().Format(time.RFC3339),
			"The retain until date must be in the future!")
	}
	return struct{}{}, s.withBucket(sc, in.Bucket, func(b *bucket) error {
		e, i, err := b.lockedVersion(in.Key, in.VersionId, "PUT")
		if err != nil {
			return err
		}
		o := e.versions[i]
		old := o.lock
		if old.RetainUntilDate.After(s.now()) && old.Mode != "" {
			stronger := in.Mode != "" && !in.RetainUntilDate.Before(old.RetainUntilDate) &&
				(in.Mode == LockCompliance || old.Mode == LockGovernance)
			if !stronger && (old.Mode == LockCompliance || !in.Bypass) {
				return objectLocked()
			}
		}
		cp := *o
		cp.lock.Mode, cp.lock.RetainUntilDate = in.Mode, in.RetainUntilDate.UTC()
		e.versions[i] = &cp
		s.lifecycleTouched(b, in.Key)
		return nil
	})
}

// ObjectLegalHoldInput addresses a version's legal hold; Status is the one
// to set (PutObjectLegalHold).
type ObjectLegalHoldInput struct {
	Bucket, Key, VersionId string
	Status                 string // ON or OFF
}

// GetObjectLegalHold returns a version's legal hold status, or
// NoSuchObjectLockConfiguration (404) when none was ever set
// (test_put_get_object_legal_hold).
func (s *Service) GetObjectLegalHold(ctx context.Context, in ObjectLegalHoldInput) (string, error) {
	sc, err := s.enter(ctx, "GetObjectLegalHold", in.Bucket, in.Key)
	if err != nil {
		return "", err
	}
	var status string
	err = s.withBucket(sc, in.Bucket, func(b *bucket) error {
		e, i, err := b.lockedVersion(in.Key, in.VersionId, "GET")
		if err != nil {
			return err
		}
		if status = e.versions[i].lock.LegalHold; status == "" {
			return noLockConfiguration()
		}
		return nil
	})
	return status, err
}

// PutObjectLegalHold sets a version's legal hold ON or OFF (anything else
// is MalformedXML, test_put_object_legal_hold_exc).
func (s *Service) PutObjectLegalHold(ctx context.Context, in ObjectLegalHoldInput) (struct{}, error) {
	sc, err := s.enter(ctx, "PutObjectLegalHold", in.Bucket, in.Key)
	if err != nil {
		return struct{}{}, err
	}
	if in.Status != LegalHoldOn && in.Status != LegalHoldOff {
		return struct{}{}, malformedXML()
	}
	return struct{}{}, s.withBucket(sc, in.Bucket, func(b *bucket) error {
		e, i, err := b.lockedVersion(in.Key, in.VersionId, "PUT")
		if err != nil {
			return err
		}
		cp := *e.versions[i]
		cp.lock.LegalHold = in.Status
		e.versions[i] = &cp
		s.lifecycleTouched(b, in.Key)
		return nil
	})
}
