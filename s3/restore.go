package s3

import (
	"context"
	"time"
)

// restoreTimes is how long a restore takes, by storage class and tier: the
// upper end of the range S3 documents for each ("Understanding archive
// retrieval options": GLACIER Expedited 1-5 minutes, Standard 3-5 hours,
// Bulk 5-12 hours; DEEP_ARCHIVE Standard within 12 hours, Bulk within 48
// hours), so a test knows when a restore completes.
var restoreTimes = map[string]map[string]time.Duration{
	"GLACIER":      {"Expedited": 5 * time.Minute, "Standard": 5 * time.Hour, "Bulk": 12 * time.Hour},
	"DEEP_ARCHIVE": {"Standard": 12 * time.Hour, "Bulk": 48 * time.Hour},
}

// restoreState is the restore of an archived version: in progress, or a
// temporary copy readable until expiry.
type restoreState struct {
	ongoing bool
	days    int
	expiry  time.Time
	gen     uint64 // of the scheduled job that may change it
}

// RestoreObjectInput asks for a temporary copy of an archived version for
// Days, retrieved with Tier (Standard when empty).
type RestoreObjectInput struct {
	Bucket, Key, VersionId string
	Days                   int
	Tier                   string
}

// RestoreObjectOutput says what the request did: start a restore (S3
// answers 202) or update a restored copy's period (200).
type RestoreObjectOutput struct {
	AlreadyRestored bool
}

// RestoreObject restores a GLACIER or DEEP_ARCHIVE version as S3 does: the
// restore completes on the cloud's clock after its tier's time
// (restoreTimes), then the copy is readable (GetObject) until the
// midnight UTC after Days from completion; a request during a restore is
// RestoreAlreadyInProgress (409), one on a restored copy resets its
// period from now (200), one on another storage class is
// InvalidObjectState. Events: ObjectRestore:Post, :Completed and, when the
// copy expires, :Delete.
func (s *Service) RestoreObject(ctx context.Context, in RestoreObjectInput) (RestoreObjectOutput, error) {
	sc, err := s.enter(ctx, "RestoreObject", in.Bucket, in.Key)
	if err != nil {
		return RestoreObjectOutput{}, err
	}
	if in.Tier == "" {
		in.Tier = "Standard"
	}
	if in.Days <= 0 || restoreTimes["GLACIER"][in.Tier] == 0 {
		return RestoreObjectOutput{}, malformedXML()
	}
	req := s.requesterOf(ctx)
	var ev []pendingEvent
	var out RestoreObjectOutput
	err = s.withBucket(sc, in.Bucket, func(b *bucket) error {
		e, i, err := b.versionAt(in.Key, in.VersionId)
		if err != nil {
			return err
		}
		o := e.versions[i]
		took := restoreTimes[o.header.StorageClass]
		switch {
		case took == nil:
			return errs.New(codeInvalidObjectState, "Restore is not allowed for the object's current storage class")
		case took[in.Tier] == 0:
			return invalidArgument("Tier", in.Tier, "Expedited retrieval is not supported for the DEEP_ARCHIVE storage class")
		case o.restore != nil && o.restore.ongoing:
			return errs.New(codeRestoreAlreadyInProgress, "Object restore is already in progress")
		}
		now := s.now()
		cp := *o
		if o.restore != nil {
			cp.restore = &restoreState{days: in.Days, expiry: afterDays(now, in.Days)}
			s.scheduleRestore(b, &cp, cp.restore.expiry)
			out.AlreadyRestored = true
		} else {
			cp.restore = &restoreState{ongoing: true, days: in.Days}
			s.scheduleRestore(b, &cp, now.Add(took[in.Tier]))
			ev = s.event(b, "ObjectRestore:Post", &cp, req)
		}
		e.versions[i] = &cp
		return nil
	})
	s.publish(ev)
	return out, err
}

// versionAt finds the version of key a request names (the current one
// without an id), refusing a delete marker as b.version does.
func (b *bucket) versionAt(key, versionID string) (*entry, int, error) {
	o, err := b.version(key, versionID)
	if err != nil {
		return nil, 0, err
	}
	if o.deleteMarker {
		return nil, 0, withFields(errs.New(codeMethodNotAllowed, "The specified method is not allowed against this resource."),
			"Method", "POST", "ResourceType", "DeleteMarker")
	}
	e := b.entries[key]
	for i, v := range e.versions {
		if v == o {
			return e, i, nil
		}
	}
	return nil, 0, noSuchKey(key)
}

// scheduleRestore arms the next step of o's restore at due: its
// completion, or the expiry of its copy. One job per restore under way,
// so the cost follows the restores asked for. The caller holds s.mu.
func (s *Service) scheduleRestore(b *bucket, o *object, due time.Time) {
	s.restoreGen++
	gen := s.restoreGen
	o.restore.gen = gen
	key, id := o.key, o.versionID
	s.env.Sched.At(due, func(at time.Time) { s.restoreStep(b, key, id, gen, at) })
}

// restoreStep completes a restore, or ends a restored copy, unless the
// version is gone or its restore was changed since.
func (s *Service) restoreStep(b *bucket, key, versionID string, gen uint64, at time.Time) {
	s.mu.Lock()
	var ev []pendingEvent
	defer func() { s.mu.Unlock(); s.publish(ev) }()
	if s.buckets[bucketKey{b.partition, b.name}] != b {
		return
	}
	e := b.entries[key]
	if e == nil {
		return
	}
	for i, o := range e.versions {
		if o.versionID != versionID || o.restore == nil || o.restore.gen != gen {
			continue
		}
		cp := *o
		req := lifecycleRequester
		req.requestID = s.env.IDs.Upper(16)
		req.hostID = req.requestID
		if o.restore.ongoing {
			cp.restore = &restoreState{days: o.restore.days, expiry: afterDays(at, o.restore.days)}
			s.scheduleRestore(b, &cp, cp.restore.expiry)
			ev = s.event(b, "ObjectRestore:Completed", &cp, req)
		} else {
			cp.restore = nil
			ev = s.event(b, "ObjectRestore:Delete", &cp, req)
		}
		e.versions[i] = &cp
		return
	}
}

// restoreHeader is the x-amz-restore S3 reports for o, "" when it was not
// restored.
func (o *object) restoreHeader() string {
	switch r := o.restore; {
	case r == nil:
		return ""
	case r.ongoing:
		return `ongoing-request="true"`
	default:
		return `ongoing-request="false", expiry-date="` + r.expiry.Format(httpDate) + `"`
	}
}

// readable reports whether o's data can be read: not archived, or
// restored.
func (o *object) readable() bool {
	archived := o.header.StorageClass == "GLACIER" || o.header.StorageClass == "DEEP_ARCHIVE"
	return !archived || (o.restore != nil && !o.restore.ongoing)
}
