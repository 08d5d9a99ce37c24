package s3

import (
	"context"
	"slices"
	"time"
)

// Limits and values of S3's lifecycle configurations.
const (
	maxLifecycleRules = 1000
	maxRuleIDLength   = 255
	// minTransitionSize is the smallest object the default
	// TransitionDefaultMinimumObjectSize (all_storage_classes_128K)
	// transitions: 128 KiB.
	minTransitionSize = 128 << 10
	transitionMin128K = "all_storage_classes_128K"
	transitionVaries  = "varies_by_storage_class"
)

// LifecycleConfiguration is a bucket's lifecycle configuration.
type LifecycleConfiguration struct {
	Rules []LifecycleRule `xml:"Rule"`
	// TransitionDefaultMinimumObjectSize is all_storage_classes_128K (the
	// default: objects under 128 KiB are not transitioned) or
	// varies_by_storage_class.
	TransitionDefaultMinimumObjectSize string `xml:"-"`
}

// LifecycleRule is one rule: which objects (Filter, or the legacy Prefix)
// and what happens to them. The types of a configuration carry the names
// of S3's XML document.
type LifecycleRule struct {
	ID     string
	Status string // Enabled or Disabled
	// Prefix is the legacy form of a filter by key prefix; a rule has it
	// or Filter, not both.
	Prefix                         *string
	Filter                         *LifecycleFilter
	Expiration                     *LifecycleExpiration
	Transitions                    []LifecycleTransition `xml:"Transition"`
	NoncurrentVersionExpiration    *NoncurrentVersionExpiration
	NoncurrentVersionTransitions   []NoncurrentVersionTransition `xml:"NoncurrentVersionTransition"`
	AbortIncompleteMultipartUpload *AbortIncompleteMultipartUpload
}

// LifecycleFilter selects the objects of a rule: by one of Prefix, Tag,
// ObjectSizeGreaterThan, ObjectSizeLessThan, or And of several; an empty
// filter selects every object.
type LifecycleFilter struct {
	Prefix                *string
	Tag                   *Tag
	ObjectSizeGreaterThan *int64
	ObjectSizeLessThan    *int64
	And                   *LifecycleAnd
}

// LifecycleAnd is the conjunction of a filter's conditions.
type LifecycleAnd struct {
	Prefix                *string
	Tags                  []Tag `xml:"Tag"`
	ObjectSizeGreaterThan *int64
	ObjectSizeLessThan    *int64
}

// LifecycleExpiration expires current versions, Days after their creation
// or on Date, or removes expired object delete markers: exactly one of
// the three.
type LifecycleExpiration struct {
	Days                      *int
	Date                      *time.Time
	ExpiredObjectDeleteMarker *bool
}

// LifecycleTransition moves current versions to StorageClass, Days after
// their creation or on Date.
type LifecycleTransition struct {
	Days         *int
	Date         *time.Time
	StorageClass string
}

// NoncurrentVersionExpiration removes versions NoncurrentDays after they
// became noncurrent, keeping the NewerNoncurrentVersions newest.
type NoncurrentVersionExpiration struct {
	NoncurrentDays          *int
	NewerNoncurrentVersions *int
}

// NoncurrentVersionTransition moves noncurrent versions to StorageClass.
type NoncurrentVersionTransition struct {
	NoncurrentDays          *int
	NewerNoncurrentVersions *int
	StorageClass            string
}

// AbortIncompleteMultipartUpload aborts uploads DaysAfterInitiation days
// after they were initiated.
type AbortIncompleteMultipartUpload struct {
	DaysAfterInitiation *int
}

// PutBucketLifecycleConfigurationInput replaces a bucket's lifecycle
// configuration.
type PutBucketLifecycleConfigurationInput struct {
	Bucket string
	LifecycleConfiguration
}

// PutBucketLifecycleConfigurationOutput is the answer to
// PutBucketLifecycleConfiguration.
type PutBucketLifecycleConfigurationOutput struct {
	TransitionDefaultMinimumObjectSize string
}

// PutBucketLifecycleConfiguration stores a lifecycle configuration,
// validated as S3 does (see validateLifecycle), and schedules its rules on
// the cloud's clock (engine_lifecycle.go). A rule without an ID gets one.
func (s *Service) PutBucketLifecycleConfiguration(ctx context.Context, in PutBucketLifecycleConfigurationInput) (PutBucketLifecycleConfigurationOutput, error) {
	sc, err := s.enter(ctx, "PutBucketLifecycleConfiguration", in.Bucket, "")
	if err != nil {
		return PutBucketLifecycleConfigurationOutput{}, err
	}
	if err := validateLifecycle(in.LifecycleConfiguration); err != nil {
		return PutBucketLifecycleConfigurationOutput{}, err
	}
	conf := cloneLifecycle(in.LifecycleConfiguration)
	if conf.TransitionDefaultMinimumObjectSize == "" {
		conf.TransitionDefaultMinimumObjectSize = transitionMin128K
	}
	for i := range conf.Rules {
		if conf.Rules[i].ID == "" {
			conf.Rules[i].ID = s.env.IDs.Upper(48)
		}
	}
	err = s.withBucket(sc, in.Bucket, func(b *bucket) error {
		b.lifecycle = &conf
		s.armLifecycle(b, s.nextLifecycleDue(b))
		return nil
	})
	return PutBucketLifecycleConfigurationOutput{TransitionDefaultMinimumObjectSize: conf.TransitionDefaultMinimumObjectSize}, err
}

// GetBucketLifecycleConfigurationInput names the bucket.
type GetBucketLifecycleConfigurationInput struct {
	Bucket string
}

// GetBucketLifecycleConfigurationOutput is a bucket's lifecycle
// configuration.
type GetBucketLifecycleConfigurationOutput struct {
	LifecycleConfiguration
}

// GetBucketLifecycleConfiguration returns a bucket's lifecycle
// configuration, or NoSuchLifecycleConfiguration (404) when it has none.
func (s *Service) GetBucketLifecycleConfiguration(ctx context.Context, in GetBucketLifecycleConfigurationInput) (GetBucketLifecycleConfigurationOutput, error) {
	sc, err := s.enter(ctx, "GetBucketLifecycleConfiguration", in.Bucket, "")
	if err != nil {
		return GetBucketLifecycleConfigurationOutput{}, err
	}
	var out GetBucketLifecycleConfigurationOutput
	err = s.withBucket(sc, in.Bucket, func(b *bucket) error {
		if b.lifecycle == nil {
			return withFields(errs.New(codeNoSuchLifecycleConfiguration, "The lifecycle configuration does not exist"),
				"BucketName", in.Bucket)
		}
		out.LifecycleConfiguration = cloneLifecycle(*b.lifecycle)
		return nil
	})
	return out, err
}

// DeleteBucketLifecycleInput names the bucket.
type DeleteBucketLifecycleInput struct {
	Bucket string
}

// DeleteBucketLifecycleOutput is the (empty) answer to
// DeleteBucketLifecycle.
type DeleteBucketLifecycleOutput struct{}

// DeleteBucketLifecycle removes a bucket's lifecycle configuration and its
// scheduled run; deleting none is a success (204), as in S3.
func (s *Service) DeleteBucketLifecycle(ctx context.Context, in DeleteBucketLifecycleInput) (DeleteBucketLifecycleOutput, error) {
	sc, err := s.enter(ctx, "DeleteBucketLifecycle", in.Bucket, "")
	if err != nil {
		return DeleteBucketLifecycleOutput{}, err
	}
	return DeleteBucketLifecycleOutput{}, s.withBucket(sc, in.Bucket, func(b *bucket) error {
		b.lifecycle = nil
		b.stopLifecycle()
		return nil
	})
}

// cloneLifecycle returns a copy of c sharing nothing mutable with it.
func cloneLifecycle(c LifecycleConfiguration) LifecycleConfiguration {
	out := LifecycleConfiguration{TransitionDefaultMinimumObjectSize: c.TransitionDefaultMinimumObjectSize}
	out.Rules = make([]LifecycleRule, len(c.Rules))
	for i, r := range c.Rules {
		r.Transitions = slices.Clone(r.Transitions)
		r.NoncurrentVersionTransitions = slices.Clone(r.NoncurrentVersionTransitions)
		if r.Filter != nil {
			f := *r.Filter
			if f.And != nil {
				a := *f.And
				a.Tags = slices.Clone(a.Tags)
				f.And = &a
			}
			r.Filter = &f
		}
		out.Rules[i] = r
	}
	return out
}
