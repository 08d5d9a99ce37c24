package stepfn

import (
	"context"
	"errors"
	"time"

	"github.com/awsfake/awsfake/internal/faults"
)

// ObjectStore is the cloud's S3 as a Distributed Map's ItemReader and
// ResultWriter reach it. The root package sets it (SetObjectStore) to
// the cloud's S3 service; without one, a reader fails with
// States.ItemReaderFailed.
type ObjectStore interface {
	// GetObject answers the object's bytes.
	GetObject(ctx context.Context, bucket, key string) ([]byte, error)
	// ListObjects answers every object under prefix, in key order.
	ListObjects(ctx context.Context, bucket, prefix string) ([]ObjectInfo, error)
	// PutObject stores body under key.
	PutObject(ctx context.Context, bucket, key string, body []byte) error
}

// ObjectInfo is one object of a listing.
type ObjectInfo struct {
	Key, ETag, StorageClass string
	Size                    int64
	LastModified            time.Time
}

// SetObjectStore sets the S3 that Distributed Maps read and write.
func (s *Service) SetObjectStore(o ObjectStore) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.objects = o
}

// storeCall runs call against the object store on a goroutine counted
// by the bus (so Settle waits for it), in ex's account and region, and
// hands its answer to answer on ex under the lock, as async does for a
// task's call.
func (s *Service) storeCall(ex *execution, call func(ctx context.Context, o ObjectStore) (any, error), answer func(any, error)) {
	o := s.objects
	if o == nil {
		answer(nil, errNoStore)
		return
	}
	ctx := faults.WithScope(s.ctx, faults.Scope{Account: ex.account(), Region: ex.region(), Partition: partitionOf(ex.arn)})
	s.offLock(ex, func() (any, error) { return call(ctx, o) }, answer)
}

// offLock runs call on a goroutine counted by the bus (so Settle waits
// for it) and hands its answer to answer on ex under the lock, unless the
// service or ex has closed meanwhile.
func (s *Service) offLock(ex *execution, call func() (any, error), answer func(any, error)) {
	done := s.env.Bus.Begin()
	s.calls.Add(1)
	go func() {
		defer s.calls.Done()
		defer done()
		v, err := call()
		s.mu.Lock()
		defer s.mu.Unlock()
		if s.closed || ex.closed() {
			return
		}
		answer(v, err)
		ex.drive()
	}()
}

// errNoStore is the answer of a cloud without S3.
var errNoStore = errors.New("awsfake: no S3 is attached to Step Functions")
