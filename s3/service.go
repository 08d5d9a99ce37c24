package s3

import (
	"crypto/sha256"
	"encoding/hex"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/awsfake/awsfake/internal/cloudenv"
	"github.com/awsfake/awsfake/internal/faults"
	"github.com/awsfake/awsfake/internal/record"
)

// DefaultMaxObjectSize is the largest request body (PutObject, UploadPart)
// a Service accepts unless SetMaxObjectSize says otherwise. AWS takes up to
// 5 GiB in one PUT; the fake holds objects in memory, so it stops lower.
const DefaultMaxObjectSize = 1 << 30

// awsMaxObjectSize is AWS's limit on one PUT and on a copy source: 5 GiB.
const awsMaxObjectSize = 5 << 30

// Service is the S3 engine of one cloud: buckets and their objects in
// memory. It is safe for concurrent use. It starts no goroutine: event
// notifications go out through the cloud's bus.
type Service struct {
	env       *cloudenv.Env
	owner     Owner  // the canonical user of the cloud's account
	partition string // the cloud's partition, which test helpers address by default

	mu sync.Mutex
	// buckets is every partition's namespace: one global namespace of
	// bucket names per partition (aws, aws-cn, aws-us-gov), each bucket
	// with its region and owner account.
	buckets  map[bucketKey]*bucket
	maxSize  int64
	sequence uint64 // last event sequencer handed out
	// restoreGen numbers the restore jobs scheduled (restore.go).
	restoreGen uint64
	notices    record.Log[Notification]

	faults *faults.Injector[callTarget]
	// metered counts the buckets with metrics configurations (metrics.go).
	metered atomic.Int64
}

// New returns the S3 service of the cloud whose environment is env.
func New(env *cloudenv.Env) *Service {
	id := sha256.Sum256([]byte("awsfake canonical user " + env.AccountID))
	s := &Service{
		env:       env,
		owner:     Owner{ID: hex.EncodeToString(id[:])},
		partition: env.Scope().Partition,
		buckets:   map[bucketKey]*bucket{},
		maxSize:   DefaultMaxObjectSize,
		faults:    faults.New[callTarget](faultOps, env.Clock, env.Scope()),
	}
	s.notices.Bind(env.Records, func(n Notification) int64 { return int64(len(n.Body)) + record.Overhead })
	return s
}

// SetMaxObjectSize sets the largest request body PutObject and UploadPart
// accept, within AWS's 5 GiB; larger bodies get EntityTooLarge. The default
// is DefaultMaxObjectSize.
func (s *Service) SetMaxObjectSize(n int64) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.maxSize = min(max(n, 0), awsMaxObjectSize)
}

// MaxObjectSize returns the largest request body the service accepts.
func (s *Service) MaxObjectSize() int64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.maxSize
}

// Owner identifies the account that owns buckets and objects, by its
// canonical user id.
type Owner struct {
	ID string
}

// bucketKey names a bucket in the namespace of its partition.
type bucketKey struct{ partition, name string }

// ownerOf returns the canonical user of account: the cloud's own is kept,
// any other is derived as it is.
func (s *Service) ownerOf(account string) Owner {
	if account == "" || account == s.env.AccountID {
		return s.owner
	}
	id := sha256.Sum256([]byte("awsfake canonical user " + account))
	return Owner{ID: hex.EncodeToString(id[:])}
}

// lookupBucket returns the named bucket of the caller's partition or
// NoSuchBucket. The caller holds s.mu.
func (s *Service) lookupBucket(sc faults.Scope, name string) (*bucket, error) {
	b := s.buckets[bucketKey{sc.Partition, name}]
	if b == nil {
		return nil, noSuchBucket(name)
	}
	return b, nil
}

// withBucket runs f on the named bucket under the service lock.
func (s *Service) withBucket(sc faults.Scope, name string, f func(*bucket) error) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	b, err := s.lookupBucket(sc, name)
	if err != nil {
		return err
	}
	return f(b)
}

// objectURL is the path-style URL of an object on the cloud's endpoint, as
// S3 reports it in Location.
func (s *Service) objectURL(bucketName, key string) string {
	return strings.TrimSuffix(s.env.URL, "/") + (&url.URL{Path: "/" + bucketName + "/" + key}).EscapedPath()
}

// now returns the clock's time in UTC.
func (s *Service) now() time.Time { return s.env.Clock.Now().UTC() }

// stamp returns the time S3 records as LastModified: the clock's time to
// the second, as S3 keeps it.
func (s *Service) stamp() time.Time { return s.now().Truncate(time.Second) }

// arnService is the service name in S3's ARNs.
const arnService = "s3"

// Describe tells the cloud how to wire the service: its signing name, ARN
// service, handler, bus endpoint and closer.
func (s *Service) Describe() cloudenv.Descriptor {
	return cloudenv.Descriptor{Name: "s3", SigningNames: []string{"s3"}, ARNService: arnService, Handler: s,
		AnswersCORS: s.answersCORS}
}
