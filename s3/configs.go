package s3

import (
	"context"
	"slices"
	"strings"
)

// PutBucketReplicationInput stores a bucket's replication configuration.
type PutBucketReplicationInput struct {
	Bucket string
	// Configuration is the ReplicationConfiguration XML document.
	Configuration string
}

// PutBucketReplicationOutput is the (empty) answer to PutBucketReplication.
type PutBucketReplicationOutput struct{}

// PutBucketReplication stores a replication configuration, returned as
// sent; nothing is replicated. As S3 checks: a Role and at least one Rule
// (MalformedXML), and versioning Enabled on the bucket (InvalidRequest).
func (s *Service) PutBucketReplication(ctx context.Context, in PutBucketReplicationInput) (PutBucketReplicationOutput, error) {
	sc, err := s.enter(ctx, "PutBucketReplication", in.Bucket, "")
	if err != nil {
		return PutBucketReplicationOutput{}, err
	}
	doc, err := parseDocument([]byte(in.Configuration), "ReplicationConfiguration")
	if err != nil {
		return PutBucketReplicationOutput{}, err
	}
	if doc.child("Role") == "" || doc.count("Rule") == 0 {
		return PutBucketReplicationOutput{}, malformedXML()
	}
	return PutBucketReplicationOutput{}, s.withBucket(sc, in.Bucket, func(b *bucket) error {
		if b.versioning != VersioningEnabled {
			return errs.New(codeInvalidRequest, "Versioning must be 'Enabled' on the bucket to apply a replication configuration")
		}
		b.replication = doc.encode(true)
		return nil
	})
}

// GetBucketReplicationInput names the bucket.
type GetBucketReplicationInput struct {
	Bucket string
}

// GetBucketReplicationOutput holds the configuration as stored.
type GetBucketReplicationOutput struct {
	Configuration string
}

// GetBucketReplication returns a bucket's replication configuration, or
// ReplicationConfigurationNotFoundError (404).
func (s *Service) GetBucketReplication(ctx context.Context, in GetBucketReplicationInput) (GetBucketReplicationOutput, error) {
	sc, err := s.enter(ctx, "GetBucketReplication", in.Bucket, "")
	if err != nil {
		return GetBucketReplicationOutput{}, err
	}
	var out GetBucketReplicationOutput
	err = s.withBucket(sc, in.Bucket, func(b *bucket) error {
		if b.replication == "" {
			return withFields(errs.New(codeReplicationConfigurationNotFoundError,
				"The replication configuration was not found"), "BucketName", in.Bucket)
		}
		out.Configuration = b.replication
		return nil
	})
	return out, err
}

// DeleteBucketReplicationInput names the bucket.
type DeleteBucketReplicationInput struct {
	Bucket string
}

// DeleteBucketReplicationOutput is the (empty) answer to
// DeleteBucketReplication.
type DeleteBucketReplicationOutput struct{}

// DeleteBucketReplication removes a bucket's replication configuration;
// removing none succeeds.
func (s *Service) DeleteBucketReplication(ctx context.Context, in DeleteBucketReplicationInput) (DeleteBucketReplicationOutput, error) {
	sc, err := s.enter(ctx, "DeleteBucketReplication", in.Bucket, "")
	if err != nil {
		return DeleteBucketReplicationOutput{}, err
	}
	return DeleteBucketReplicationOutput{}, s.withBucket(sc, in.Bucket, func(b *bucket) error {
		b.replication = ""
		return nil
	})
}

// PutBucketLoggingInput sets a bucket's server access logging.
type PutBucketLoggingInput struct {
	Bucket string
	// Configuration is the BucketLoggingStatus XML document; one without
	// LoggingEnabled turns logging off.
	Configuration string
}

// PutBucketLoggingOutput is the (empty) answer to PutBucketLogging.
type PutBucketLoggingOutput struct{}

// PutBucketLogging stores a bucket's logging status, returned as sent; no
// log is written. As S3 checks: LoggingEnabled needs a TargetBucket
// (MalformedXML) that exists (InvalidTargetBucketForLogging).
func (s *Service) PutBucketLogging(ctx context.Context, in PutBucketLoggingInput) (PutBucketLoggingOutput, error) {
	sc, err := s.enter(ctx, "PutBucketLogging", in.Bucket, "")
	if err != nil {
		return PutBucketLoggingOutput{}, err
	}
	doc, err := parseDocument([]byte(in.Configuration), "BucketLoggingStatus")
	if err != nil {
		return PutBucketLoggingOutput{}, err
	}
	target := ""
	if le := doc.find("LoggingEnabled"); le != nil {
		if target = le.child("TargetBucket"); target == "" {
			return PutBucketLoggingOutput{}, malformedXML()
		}
	}
	return PutBucketLoggingOutput{}, s.withBucket(sc, in.Bucket, func(b *bucket) error {
		if target == "" {
			b.logging = ""
			return nil
		}
		if s.buckets[bucketKey{sc.Partition, target}] == nil {
			return withFields(errs.New(codeInvalidTargetBucketForLogging, "The target bucket for logging does not exist"),
				"TargetBucket", target)
		}
		b.logging = doc.encode(true)
		return nil
	})
}

// GetBucketLoggingInput names the bucket.
type GetBucketLoggingInput struct {
	Bucket string
}

// GetBucketLoggingOutput holds the logging status as stored: an empty
// BucketLoggingStatus when logging is off.
type GetBucketLoggingOutput struct {
	Configuration string
}

// GetBucketLogging returns a bucket's logging status.
func (s *Service) GetBucketLogging(ctx context.Context, in GetBucketLoggingInput) (GetBucketLoggingOutput, error) {
	sc, err := s.enter(ctx, "GetBucketLogging", in.Bucket, "")
	if err != nil {
		return GetBucketLoggingOutput{}, err
	}
	out := GetBucketLoggingOutput{Configuration: `<BucketLoggingStatus xmlns="` + xmlns + `"></BucketLoggingStatus>`}
	err = s.withBucket(sc, in.Bucket, func(b *bucket) error {
		if b.logging != "" {
			out.Configuration = b.logging
		}
		return nil
	})
	return out, err
}

// Kinds of a bucket's configurations kept by id.
const (
	ConfigAnalytics          = "analytics"
	ConfigMetrics            = "metrics"
	ConfigInventory          = "inventory"
	ConfigIntelligentTiering = "intelligent-tiering"
)

// configRoots are the root elements of each kind's documents.
var configRoots = map[string]string{
	ConfigAnalytics: "AnalyticsConfiguration", ConfigMetrics: "MetricsConfiguration",
	ConfigInventory: "InventoryConfiguration", ConfigIntelligentTiering: "IntelligentTieringConfiguration",
}

// maxConfigs is the most configurations of one kind a bucket holds: 1,000.
const maxConfigs = 1000

// IDConfig is one analytics, metrics, inventory or intelligent-tiering
// configuration: its id and its XML document.
type IDConfig struct {
	ID, Configuration string
}

// PutBucketConfigInput stores a configuration of a kind by id.
type PutBucketConfigInput struct {
	Bucket, Kind, ID string
	Configuration    string
}

// PutBucketConfig stores an analytics, metrics, inventory or
// intelligent-tiering configuration by id, replacing one of the same id,
// returned as sent (S3's PutBucket{Analytics,Metrics,Inventory,
// IntelligentTiering}Configuration). As S3 checks: the document's Id is
// the request's (InvalidArgument), and at most 1,000 of a kind
// (TooManyConfigurations).
func (s *Service) PutBucketConfig(ctx context.Context, in PutBucketConfigInput) error {
	sc, err := s.enter(ctx, configOp("Put", in.Kind, ""), in.Bucket, "")
	if err != nil {
		return err
	}
	doc, err := parseDocument([]byte(in.Configuration), configRoots[in.Kind])
	if err != nil {
		return err
	}
	if in.ID == "" || doc.child("Id") != in.ID {
		return invalidArgument("id", in.ID, "The ID in the configuration does not match the ID in the request")
	}
	return s.withBucket(sc, in.Bucket, func(b *bucket) error {
		list := b.configs[in.Kind]
		i, found := slices.BinarySearchFunc(list, in.ID, func(c IDConfig, id string) int { return strings.Compare(c.ID, id) })
		c := IDConfig{ID: in.ID, Configuration: doc.encode(true)}
		switch {
		case found:
			list[i] = c
		case len(list) >= maxConfigs:
			return errs.New(codeTooManyConfigurations, "You are attempting to create a new configuration but have already reached the 1,000-configuration limit.")
		default:
			if b.configs == nil {
				b.configs = map[string][]IDConfig{}
			}
			b.configs[in.Kind] = slices.Insert(list, i, c)
		}
		if in.Kind == ConfigMetrics {
			s.putRequestFilter(b, in.ID, doc)
		}
		return nil
	})
}

// configOp is the S3 operation of a verb on a kind of configuration.
func configOp(verb, kind, plural string) string {
	name := map[string]string{ConfigAnalytics: "Analytics", ConfigMetrics: "Metrics",
		ConfigInventory: "Inventory", ConfigIntelligentTiering: "IntelligentTiering"}[kind]
	return verb + "Bucket" + name + "Configuration" + plural
}

// BucketConfigInput names one configuration of a kind.
type BucketConfigInput struct {
	Bucket, Kind, ID string
}

// GetBucketConfig returns a configuration of a kind by id, or
// NoSuchConfiguration (404).
func (s *Service) GetBucketConfig(ctx context.Context, in BucketConfigInput) (IDConfig, error) {
	sc, err := s.enter(ctx, configOp("Get", in.Kind, ""), in.Bucket, "")
	if err != nil {
		return IDConfig{}, err
	}
	var out IDConfig
	err = s.withBucket(sc, in.Bucket, func(b *bucket) error {
		i, ok := b.configIndex(in.Kind, in.ID)
		if !ok {
			return noSuchConfiguration()
		}
		out = b.configs[in.Kind][i]
		return nil
	})
	return out, err
}

// DeleteBucketConfig removes a configuration of a kind by id, or answers
// NoSuchConfiguration (404), as S3 does.
func (s *Service) DeleteBucketConfig(ctx context.Context, in BucketConfigInput) error {
	sc, err := s.enter(ctx, configOp("Delete", in.Kind, ""), in.Bucket, "")
	if err != nil {
		return err
	}
	return s.withBucket(sc, in.Bucket, func(b *bucket) error {
		i, ok := b.configIndex(in.Kind, in.ID)
		if !ok {
			return noSuchConfiguration()
		}
		b.configs[in.Kind] = slices.Delete(b.configs[in.Kind], i, i+1)
		if in.Kind == ConfigMetrics {
			s.dropRequestFilter(b, in.ID)
		}
		return nil
	})
}

// ListBucketConfigs returns every configuration of a kind, by id: a bucket
// holds at most 1,000, which S3 lists in one page of up to 1,000 (100 for
// metrics and intelligent-tiering; the fake answers them in one page).
func (s *Service) ListBucketConfigs(ctx context.Context, in BucketConfigInput) ([]IDConfig, error) {
	sc, err := s.enter(ctx, configOp("List", in.Kind, "s"), in.Bucket, "")
	if err != nil {
		return nil, err
	}
	var out []IDConfig
	err = s.withBucket(sc, in.Bucket, func(b *bucket) error {
		out = slices.Clone(b.configs[in.Kind])
		return nil
	})
	return out, err
}

// configIndex finds a configuration of a kind by id.
func (b *bucket) configIndex(kind, id string) (int, bool) {
	return slices.BinarySearchFunc(b.configs[kind], id, func(c IDConfig, id string) int { return strings.Compare(c.ID, id) })
}

func noSuchConfiguration() error {
	return errs.New(codeNoSuchConfiguration, "The specified configuration does not exist.")
}
