package s3_test

import (
	"bytes"
	"context"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/feature/s3/transfermanager"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The SDK's transfer manager (feature/s3/transfermanager, which replaces
// the deprecated feature/s3/manager) uploads a large object in parts,
// concurrently, with its checksums, and downloads it in ranged parts.
func TestTransferManager_UploadsAndDownloadsInParts(t *testing.T) {
	cloud, client, _ := newS3(t)
	ctx := context.Background()
	_, err := client.CreateBucket(ctx, &s3.CreateBucketInput{Bucket: aws.String("transfers")})
	require.NoError(t, err)
	data := bytes.Repeat([]byte("0123456789abcdef"), 13<<16) // 13 MiB: three 5 MiB parts
	tm := transfermanager.New(client, func(o *transfermanager.Options) {
		o.PartSizeBytes, o.MultipartUploadThreshold = 5<<20, 5<<20
	})
	_, err = tm.UploadObject(ctx, &transfermanager.UploadObjectInput{Bucket: aws.String("transfers"), Key: aws.String("big"), Body: bytes.NewReader(data)})
	require.NoError(t, err)
	obj, ok := cloud.S3().Object("transfers", "big")
	require.True(t, ok)
	assert.Equal(t, 3, obj.Parts)

	buf := &writerAt{b: make([]byte, len(data))}
	out, err := tm.DownloadObject(ctx, &transfermanager.DownloadObjectInput{Bucket: aws.String("transfers"), Key: aws.String("big"), WriterAt: buf})
	require.NoError(t, err)
	assert.Equal(t, int64(len(data)), aws.ToInt64(out.ContentLength))
	assert.True(t, bytes.Equal(data, buf.b), "the downloaded object is the uploaded one")
}

// writerAt is an io.WriterAt over a fixed buffer.
type writerAt struct{ b []byte }

func (w *writerAt) WriteAt(p []byte, off int64) (int, error) { return copy(w.b[off:], p), nil }
