package s3

import (
	"context"
	"net/netip"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/awsfake/awsfake/internal/faults"
	"github.com/awsfake/awsfake/internal/pagetoken"
)

// maxBuckets is AWS's default quota of general purpose buckets per account
// (10,000 since 2024).
const maxBuckets = 10000

// usEast1 is the region whose buckets have no location constraint.
const usEast1 = "us-east-1"

// bucketNameChars is the alphabet and shape of a bucket name: 3 to 63
// lower-case letters, digits, dots and hyphens, starting and ending with a
// letter or digit.
var bucketNameChars = regexp.MustCompile(`^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$`)

// regionName is the shape of a region: us-east-1, ap-southeast-2, us-gov-west-1.
var regionName = regexp.MustCompile(`^[a-z]{2}(-[a-z]+)+-\d{1,2}$`)

// ValidBucketName reports whether name follows AWS's naming rules for
// general purpose buckets (docs: "Bucket naming rules"): 3-63 characters of
// a-z, 0-9, '.' and '-', beginning and ending with a letter or digit, no
// two adjacent periods, not an IP address, not starting with xn--, sthree-
// or amzn-s3-demo-, and not ending with -s3alias, --ol-s3, .mrap, --x-s3 or
// --table-s3.
func ValidBucketName(name string) bool {
	if !bucketNameChars.MatchString(name) || strings.Contains(name, "..") {
		return false
	}
	if _, err := netip.ParseAddr(name); err == nil {
		return false
	}
	for _, p := range []string{"xn--", "sthree-", "amzn-s3-demo-"} {
		if strings.HasPrefix(name, p) {
			return false
		}
	}
	for _, s := range []string{"-s3alias", "--ol-s3", ".mrap", "--x-s3", "--table-s3"} {
		if strings.HasSuffix(name, s) {
			return false
		}
	}
	return true
}

// CreateBucketInput names the bucket to create.
type CreateBucketInput struct {
	Bucket string
	// LocationConstraint is the region to create the bucket in; empty
	// means us-east-1, which must not be named explicitly.
	LocationConstraint string
	// Region is the region of the endpoint the request was sent to; empty
	// means the caller's region (the scope's).
	Region string
	// ObjectOwnership is the bucket's Object Ownership, BucketOwnerEnforced
	// when empty; ACL the ACL it starts with (bucketsettings.go).
	ObjectOwnership string
	ACL             ACL
	// ObjectLockEnabled enables Object Lock, and with it versioning.
	ObjectLockEnabled bool
}

// CreateBucketOutput is the answer to CreateBucket.
type CreateBucketOutput struct {
	// Location is "/bucket" for us-east-1 and the bucket's URL elsewhere.
	Location string
}

// CreateBucket creates a bucket. As AWS does, it answers
// InvalidBucketName for a name that breaks the naming rules,
// InvalidLocationConstraint for an unknown region or an explicit
// us-east-1, IllegalLocationConstraintException when the constraint does
// not match a regional endpoint other than us-east-1, and
// BucketAlreadyOwnedByYou (409) when the bucket exists, except that
// re-creating a us-east-1 bucket in us-east-1 succeeds, for legacy
// compatibility.
func (s *Service) CreateBucket(ctx context.Context, in CreateBucketInput) (CreateBucketOutput, error) {
	sc, err := s.enter(ctx, "CreateBucket", in.Bucket, "")
	if err != nil {
		return CreateBucketOutput{}, err
	}
	if !ValidBucketName(in.Bucket) {
		return CreateBucketOutput{}, invalidBucketName(in.Bucket)
	}
	if in.ObjectOwnership != "" && !validOwnership(in.ObjectOwnership) {
		return CreateBucketOutput{}, invalidOwnership(in.ObjectOwnership)
	}
	region, err := s.bucketRegion(sc, in)
	if err != nil {
		return CreateBucketOutput{}, err
	}
	out := CreateBucketOutput{Location: "/" + in.Bucket}
	if region != usEast1 {
		out.Location = "http://" + in.Bucket + ".s3.amazonaws.com/"
	}
	key := bucketKey{sc.Partition, in.Bucket}
	s.mu.Lock()
	defer s.mu.Unlock()
	if b := s.buckets[key]; b != nil {
		if b.account != sc.Account {
			e := errs.New(codeBucketAlreadyExists, "The requested bucket name is not available. The bucket namespace is shared by all users of the system. Please select a different name and try again.")
			e.Fields = map[string]string{"BucketName": in.Bucket}
			return CreateBucketOutput{}, e
		}
		if b.region == usEast1 && region == usEast1 {
			return out, nil
		}
		e := errs.New(codeBucketAlreadyOwnedByYou, "Your previous request to create the named bucket succeeded and you already own it.")
		e.Fields = map[string]string{"BucketName": in.Bucket}
		return CreateBucketOutput{}, e
	}
	if len(s.buckets) >= maxBuckets && s.owned(sc.Account) >= maxBuckets {
		return CreateBucketOutput{}, errs.New(codeTooManyBuckets, "You have attempted to create more buckets than allowed")
	}
	b := newBucket(in.Bucket, region, s.stamp())
	b.partition, b.account = sc.Partition, sc.Account
	if err := s.startSettings(b, in); err != nil {
		return CreateBucketOutput{}, err
	}
	if in.ObjectLockEnabled {
		b.objectLock, b.versioning = true, VersioningEnabled
	}
	s.buckets[key] = b
	return out, nil
}

// owned counts the buckets of account, in every partition. The caller
// holds s.mu.
func (s *Service) owned(account string) int {
	n := 0
	for _, b := range s.buckets {
		if b.account == account {
			n++
		}
	}
	return n
}

// bucketRegion works out the region a new bucket lives in from its
// location constraint and the endpoint the request went to.
func (s *Service) bucketRegion(sc faults.Scope, in CreateBucketInput) (string, error) {
	endpoint := in.Region
	if endpoint == "" {
		endpoint = sc.Region
	}
	lc := in.LocationConstraint
	if lc == "EU" {
		lc = "eu-west-1" // the legacy name AWS still accepts
	}
	if lc == usEast1 || (lc != "" && !regionName.MatchString(lc)) {
		e := errs.New(codeInvalidLocationConstraint, "The specified location-constraint is not valid")
		e.Fields = map[string]string{"LocationConstraint": in.LocationConstraint}
		return "", e
	}
	if lc == "" {
		lc = usEast1
	}
	if endpoint != usEast1 && lc != endpoint {
		what := "unspecified"
		if in.LocationConstraint != "" {
			what = in.LocationConstraint
		}
		return "", errs.New(codeIllegalLocationConstraint,
			"The %s location constraint is incompatible for the region specific endpoint this request was sent to.", what)
	}
	return lc, nil
}

// DeleteBucketInput names the bucket to delete.
type DeleteBucketInput struct {
	Bucket string
}

// DeleteBucketOutput is the (empty) answer to DeleteBucket.
type DeleteBucketOutput struct{}

// DeleteBucket deletes an empty bucket. A bucket that still holds an object,
// an object version or a delete marker gives BucketNotEmpty (409), as AWS
// documents ("All objects (including all object versions and delete
// markers) in the bucket must be deleted"). Multipart uploads in progress
// are discarded with it.
func (s *Service) DeleteBucket(ctx context.Context, in DeleteBucketInput) (DeleteBucketOutput, error) {
	sc, err := s.enter(ctx, "DeleteBucket", in.Bucket, "")
	if err != nil {
		return DeleteBucketOutput{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	b, err := s.lookupBucket(sc, in.Bucket)
	if err != nil {
		return DeleteBucketOutput{}, err
	}
	if b.all.Len() > 0 {
		e := errs.New(codeBucketNotEmpty, "The bucket you tried to delete is not empty")
		e.Fields = map[string]string{"BucketName": in.Bucket}
		return DeleteBucketOutput{}, e
	}
	b.stopLifecycle()
	s.dropRequestFilter(b, "")
	delete(s.buckets, bucketKey{sc.Partition, in.Bucket})
	return DeleteBucketOutput{}, nil
}

// HeadBucketInput names the bucket to check.
type HeadBucketInput struct {
	Bucket string
}

// HeadBucketOutput is what HeadBucket tells about a bucket.
type HeadBucketOutput struct {
	BucketRegion string
}

// HeadBucket reports whether a bucket exists (NoSuchBucket, a bodiless 404
// on the wire, when it does not) and its region.
func (s *Service) HeadBucket(ctx context.Context, in HeadBucketInput) (HeadBucketOutput, error) {
	sc, err := s.enter(ctx, "HeadBucket", in.Bucket, "")
	if err != nil {
		return HeadBucketOutput{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	b, err := s.lookupBucket(sc, in.Bucket)
	if err != nil {
		return HeadBucketOutput{}, err
	}
	return HeadBucketOutput{BucketRegion: b.region}, nil
}

// GetBucketLocationInput names the bucket.
type GetBucketLocationInput struct {
	Bucket string
}

// GetBucketLocationOutput holds a bucket's location constraint.
type GetBucketLocationOutput struct {
	// LocationConstraint is the bucket's region, empty for us-east-1 as
	// AWS answers.
	LocationConstraint string
}

// GetBucketLocation returns the region a bucket lives in.
func (s *Service) GetBucketLocation(ctx context.Context, in GetBucketLocationInput) (GetBucketLocationOutput, error) {
	sc, err := s.enter(ctx, "GetBucketLocation", in.Bucket, "")
	if err != nil {
		return GetBucketLocationOutput{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	b, err := s.lookupBucket(sc, in.Bucket)
	if err != nil {
		return GetBucketLocationOutput{}, err
	}
	if b.region == usEast1 {
		return GetBucketLocationOutput{}, nil
	}
	return GetBucketLocationOutput{LocationConstraint: b.region}, nil
}

// ListBucketsInput pages through the account's buckets.
type ListBucketsInput struct {
	// MaxBuckets is 1 to 10000; 0 means every bucket in one page.
	MaxBuckets        int
	ContinuationToken string
	Prefix            string
	BucketRegion      string
}

// BucketSummary is one bucket of a listing.
type BucketSummary struct {
	Name         string
	CreationDate time.Time
	BucketRegion string
}

// ListBucketsOutput is a page of buckets, sorted by name.
type ListBucketsOutput struct {
	Buckets []BucketSummary
	Owner   Owner
	// ContinuationToken is set when more buckets follow.
	ContinuationToken string
	Prefix            string
}

// ListBuckets lists the account's buckets in name order, filtered by
// prefix and region, MaxBuckets at a time (AWS: 1 to 10000).
func (s *Service) ListBuckets(ctx context.Context, in ListBucketsInput) (ListBucketsOutput, error) {
	sc, err := s.enter(ctx, "ListBuckets", "", "")
	if err != nil {
		return ListBucketsOutput{}, err
	}
	if in.MaxBuckets < 0 || in.MaxBuckets > maxBuckets {
		return ListBucketsOutput{}, invalidArgument("max-buckets", strconv.Itoa(in.MaxBuckets),
			"Argument max-buckets must be an integer between 1 and 10000")
	}
	s.mu.Lock()
	var all []BucketSummary
	for _, b := range s.buckets {
		if b.account == sc.Account && b.partition == sc.Partition && strings.HasPrefix(b.name, in.Prefix) && (in.BucketRegion == "" || in.BucketRegion == b.region) {
			all = append(all, BucketSummary{Name: b.name, CreationDate: b.created, BucketRegion: b.region})
		}
	}
	s.mu.Unlock()
	slices.SortFunc(all, func(a, b BucketSummary) int { return strings.Compare(a.Name, b.Name) })
	page, next, ok := pagetoken.Page(all, func(b BucketSummary) string { return b.Name }, in.ContinuationToken, in.MaxBuckets)
	if !ok {
		return ListBucketsOutput{}, invalidArgument("continuation-token", in.ContinuationToken,
			"The continuation token provided is incorrect")
	}
	out := ListBucketsOutput{Owner: s.ownerOf(sc.Account), Prefix: in.Prefix, Buckets: page, ContinuationToken: next}
	return out, nil
}
