package awsfake

import (
	"context"

	"github.com/awsfake/awsfake/s3"
	"github.com/awsfake/awsfake/stepfn"
)

// stepfnObjects is the stepfn.ObjectStore of Distributed Maps: the
// cloud's S3 through its Go API, in the scope the context names (the
// execution's account and region).
type stepfnObjects struct{ c *Cloud }

// GetObject implements stepfn.ObjectStore.
func (o stepfnObjects) GetObject(ctx context.Context, bucket, key string) ([]byte, error) {
	out, err := o.c.s3.GetObject(ctx, s3.GetObjectInput{Bucket: bucket, Key: key})
	return out.Body, err
}

// ListObjects implements stepfn.ObjectStore: every page of
// ListObjectsV2.
func (o stepfnObjects) ListObjects(ctx context.Context, bucket, prefix string) ([]stepfn.ObjectInfo, error) {
	var all []stepfn.ObjectInfo
	token := ""
	for {
		out, err := o.c.s3.ListObjectsV2(ctx, s3.ListObjectsV2Input{Bucket: bucket, Prefix: prefix, ContinuationToken: token})
		if err != nil {
			return nil, err
		}
		for _, s := range out.Contents {
			all = append(all, stepfn.ObjectInfo{Key: s.Key, ETag: s.ETag, StorageClass: s.StorageClass, Size: s.Size, LastModified: s.LastModified})
		}
		if !out.IsTruncated {
			return all, nil
		}
		token = out.NextContinuationToken
	}
}

// PutObject implements stepfn.ObjectStore.
func (o stepfnObjects) PutObject(ctx context.Context, bucket, key string, body []byte) error {
	_, err := o.c.s3.PutObject(ctx, s3.PutObjectInput{Bucket: bucket, Key: key, Body: body})
	return err
}
