package s3

import (
	"time"

	"github.com/awsfake/awsfake/internal/sched"
)

// bucket is one bucket and everything in it. Fields are guarded by the
// service lock.
type bucket struct {
	name, region string
	partition    string // the namespace it lives in: aws, aws-cn, ...
	account      string // the owner account
	created      time.Time
	versioning   string // "", VersioningEnabled or VersioningSuspended
	tags         []Tag
	policy       string
	cors         []CORSRule
	notification NotificationConfiguration
	lifecycle    *LifecycleConfiguration // nil when it has none
	lcJob        *sched.Job              // its next lifecycle run (engine_lifecycle.go)
	lcGen        uint64                  // bumped when lcJob is replaced
	objectLock   bool                    // Object Lock enabled (objectlock.go)
	lockRule     *DefaultRetention       // its default retention, nil for none

	// Sub-resources that are configurations (bucketsettings.go,
	// encryption.go, configs.go, website.go, acl.go).
	encryption        EncryptionRule // zero: S3's default, SSE-S3
	publicAccessBlock *PublicAccessBlockConfiguration
	ownership         string // "" once deleted
	acl               []Grant
	accelerate        string
	requesterPays     bool
	replication       string // XML documents as stored
	logging           string
	configs           map[string][]IDConfig // by kind, sorted by id
	website           *WebsiteConfiguration
	requestFilters    []requestFilter // the metrics configurations', by id (metrics.go)

	entries map[string]*entry // key -> its versions
	all     keyIndex          // keys with at least one version
	live    keyIndex          // keys whose latest version is an object

	uploads    map[string]*upload   // upload id -> upload
	uploadsBy  map[string][]*upload // key -> uploads in initiation order
	uploadKeys keyIndex             // keys with uploads in progress
}

func newBucket(name, region string, now time.Time) *bucket {
	pab := blockAll
	return &bucket{
		name: name, region: region, created: now,
		publicAccessBlock: &pab, ownership: OwnershipBucketOwnerEnforced,
		entries: map[string]*entry{}, uploads: map[string]*upload{}, uploadsBy: map[string][]*upload{},
	}
}

// versioned reports whether versioning was ever turned on: from then on
// objects carry version ids ("null" for those written while suspended).
func (b *bucket) versioned() bool { return b.versioning != "" }

// entry holds the versions of one key, oldest first.
type entry struct {
	versions []*object
}

// latest returns the current version.
func (e *entry) latest() *object { return e.versions[len(e.versions)-1] }

// object is one version of a key: an object or a delete marker. An object
// is never changed once stored, except for its tags, so readers may keep
// its data without copying.
type object struct {
	key          string
	versionID    string // "null" when written without versioning
	deleteMarker bool
	lastModified time.Time

	data     []byte
	etag     string // quoted
	sum      checksum
	parts    int // parts of a multipart object, 0 otherwise
	partEnds []int64
	uploadID string // the multipart upload that made it, "" otherwise
	header   ObjectHeaders
	metadata map[string]string
	tags     []Tag
	acl      []Grant // nil: the owner's FULL_CONTROL
	enc      ObjectEncryption
	lock     ObjectLock
	restore  *restoreState // of an archived version (restore.go)
}

// size returns the object's length in bytes.
func (o *object) size() int64 { return int64(len(o.data)) }
