package s3_test

import (
	"bytes"
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	awsmiddleware "github.com/aws/aws-sdk-go-v2/aws/middleware"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/aws/aws-sdk-go-v2/service/s3/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake/internal/bus"
)

// The event document, field for field and in order, as the S3 User Guide's
// "Event message structure" shows it (version 2.1).
func TestObjectCreated_EventDocumentIsExactlyAWSs(t *testing.T) {
	r := newRig(t)
	createBucket(t, r.c, "bkt")
	require.NoError(t, r.configure(t, &types.NotificationConfiguration{QueueConfigurations: []types.QueueConfiguration{{
		Id: aws.String("cfg"), QueueArn: aws.String(queueARN), Events: []types.Event{"s3:ObjectCreated:*"}}}}))
	r.deliveries(t)
	r.clk.Advance(5*1e9 + 678*1e6)
	out := putObject(t, r.c, "bkt", "photos/my cat+1 (2).jpg", "meow")
	reqID, _ := awsmiddleware.GetRequestIDMetadata(out.ResultMetadata)
	got := r.deliveries(t)
	require.Len(t, got, 1)
	m := got[0].m
	assert.Equal(t, "arn:aws:s3:::bkt", m.Source)
	assert.Equal(t, "s3.amazonaws.com", m.Principal)
	assert.Equal(t, "123456789012", m.Meta[bus.MetaSourceAccount])
	want := `{"Records":[{"eventVersion":"2.1","eventSource":"aws:s3","awsRegion":"us-east-1",` +
		`"eventTime":"2030-01-01T00:00:05.678Z","eventName":"ObjectCreated:Put",` +
		`"userIdentity":{"principalId":"AWS:AKIDRIG"},"requestParameters":{"sourceIPAddress":"192.0.2.7"},` +
		`"responseElements":{"x-amz-request-id":"` + reqID + `","x-amz-id-2":"` + reqID + `"},` +
		`"s3":{"s3SchemaVersion":"1.0","configurationId":"cfg",` +
		`"bucket":{"name":"bkt","ownerIdentity":{"principalId":"123456789012"},"arn":"arn:aws:s3:::bkt"},` +
		`"object":{"key":"photos/my+cat%2B1+%282%29.jpg","size":4,"eTag":"` + md5hex([]byte("meow")) + `","sequencer":"0000000000000001"}}}]}`
	assert.Equal(t, want, string(m.Body))
}

type record struct {
	name, key, versionID, sequencer, etag string
	size                                  *int64
}

func records(t *testing.T, ds []delivery) []record {
	t.Helper()
	var out []record
	for _, d := range ds {
		var doc struct {
			Records []struct {
				EventName string `json:"eventName"`
				S3        struct {
					Object struct {
						Key       string `json:"key"`
						Size      *int64 `json:"size"`
						ETag      string `json:"eTag"`
						VersionID string `json:"versionId"`
						Sequencer string `json:"sequencer"`
					} `json:"object"`
				} `json:"s3"`
			} `json:"Records"`
		}
		require.NoError(t, json.Unmarshal(d.m.Body, &doc))
		require.Len(t, doc.Records, 1)
		o := doc.Records[0].S3.Object
		out = append(out, record{doc.Records[0].EventName, o.Key, o.VersionID, o.Sequencer, o.ETag, o.Size})
	}
	return out
}

func TestNotifications_EventTypesForEachOperation(t *testing.T) {
	ctx := context.Background()
	r := newRig(t)
	createBucket(t, r.c, "bkt")
	require.NoError(t, r.configure(t, &types.NotificationConfiguration{QueueConfigurations: []types.QueueConfiguration{{
		QueueArn: aws.String(queueARN), Events: []types.Event{"s3:ObjectCreated:*", "s3:ObjectRemoved:*", "s3:ObjectTagging:*"}}}}))
	r.deliveries(t)

	putObject(t, r.c, "bkt", "k", "v")
	_, err := r.c.CopyObject(ctx, &s3.CopyObjectInput{Bucket: aws.String("bkt"), Key: aws.String("copy"), CopySource: aws.String("bkt/k")})
	require.NoError(t, err)
	up, err := r.c.CreateMultipartUpload(ctx, &s3.CreateMultipartUploadInput{Bucket: aws.String("bkt"), Key: aws.String("mp")})
	require.NoError(t, err)
	part, err := r.c.UploadPart(ctx, &s3.UploadPartInput{Bucket: aws.String("bkt"), Key: aws.String("mp"), UploadId: up.UploadId,
		PartNumber: aws.Int32(1), Body: bytes.NewReader([]byte("p"))})
	require.NoError(t, err)
	_, err = r.c.CompleteMultipartUpload(ctx, &s3.CompleteMultipartUploadInput{Bucket: aws.String("bkt"), Key: aws.String("mp"), UploadId: up.UploadId,
		MultipartUpload: &types.CompletedMultipartUpload{Parts: []types.CompletedPart{{PartNumber: aws.Int32(1), ETag: part.ETag}}}})
	require.NoError(t, err)
	_, err = r.c.PutObjectTagging(ctx, &s3.PutObjectTaggingInput{Bucket: aws.String("bkt"), Key: aws.String("k"), Tagging: &types.Tagging{TagSet: tagSet("a", "b")}})
	require.NoError(t, err)
	_, err = r.c.DeleteObject(ctx, &s3.DeleteObjectInput{Bucket: aws.String("bkt"), Key: aws.String("k")})
	require.NoError(t, err)
	_, err = r.c.DeleteObject(ctx, &s3.DeleteObjectInput{Bucket: aws.String("bkt"), Key: aws.String("never-existed")})
	require.NoError(t, err)

	var names []string
	for _, rec := range records(t, r.deliveries(t)) {
		names = append(names, rec.name)
		if strings.HasPrefix(rec.name, "ObjectRemoved") {
			assert.Nil(t, rec.size, "removal events carry no size")
			assert.Empty(t, rec.etag, "removal events carry no eTag")
		} else if strings.HasPrefix(rec.name, "ObjectCreated") {
			assert.NotNil(t, rec.size)
		}
	}
	assert.Equal(t, []string{"ObjectCreated:Put", "ObjectCreated:Copy", "ObjectCreated:CompleteMultipartUpload",
		"ObjectTagging:Put", "ObjectRemoved:Delete"}, names, "deleting what does not exist sends nothing")
}

func TestNotifications_VersionedEventsCarryVersionIDsAndIncreasingSequencers(t *testing.T) {
	ctx := context.Background()
	r := newRig(t)
	createBucket(t, r.c, "bkt")
	enableVersioning(t, r.c, "bkt")
	require.NoError(t, r.configure(t, &types.NotificationConfiguration{QueueConfigurations: []types.QueueConfiguration{{
		QueueArn: aws.String(queueARN), Events: []types.Event{"s3:ObjectCreated:*", "s3:ObjectRemoved:*"}}}}))
	r.deliveries(t)
	v1 := putObject(t, r.c, "bkt", "k", "1")
	v2 := putObject(t, r.c, "bkt", "k", "2")
	del, err := r.c.DeleteObject(ctx, &s3.DeleteObjectInput{Bucket: aws.String("bkt"), Key: aws.String("k")})
	require.NoError(t, err)
	_, err = r.c.DeleteObject(ctx, &s3.DeleteObjectInput{Bucket: aws.String("bkt"), Key: aws.String("k"), VersionId: v1.VersionId})
	require.NoError(t, err)

	recs := records(t, r.deliveries(t))
	require.Len(t, recs, 4)
	assert.Equal(t, []string{aws.ToString(v1.VersionId), aws.ToString(v2.VersionId), aws.ToString(del.VersionId), aws.ToString(v1.VersionId)},
		[]string{recs[0].versionID, recs[1].versionID, recs[2].versionID, recs[3].versionID})
	assert.Equal(t, "ObjectRemoved:DeleteMarkerCreated", recs[2].name)
	assert.Equal(t, "ObjectRemoved:Delete", recs[3].name, "deleting a version for good")
	for i := 1; i < len(recs); i++ {
		assert.Greater(t, recs[i].sequencer, recs[i-1].sequencer, "sequencers increase for a key")
	}
}

func TestNotifications_FiltersAndEventTypesChooseTheDestination(t *testing.T) {
	r := newRig(t)
	createBucket(t, r.c, "bkt")
	require.NoError(t, r.configure(t, &types.NotificationConfiguration{
		QueueConfigurations: []types.QueueConfiguration{{QueueArn: aws.String(queueARN), Events: []types.Event{"s3:ObjectCreated:Put"},
			Filter: filter("images/", ".jpg")}},
		TopicConfigurations: []types.TopicConfiguration{{TopicArn: aws.String(topicARN), Events: []types.Event{"s3:ObjectCreated:*"},
			Filter: filter("docs/", "")}},
		LambdaFunctionConfigurations: []types.LambdaFunctionConfiguration{{LambdaFunctionArn: aws.String(funcARN),
			Events: []types.Event{"s3:ObjectRemoved:*"}, Filter: filter("images/", "")}},
	}))
	r.deliveries(t)
	for _, k := range []string{"images/a.jpg", "images/b.png", "docs/x.txt", "other.jpg", "images/c.JPG"} {
		putObject(t, r.c, "bkt", k, k)
	}
	_, err := r.c.DeleteObject(context.Background(), &s3.DeleteObjectInput{Bucket: aws.String("bkt"), Key: aws.String("images/b.png")})
	require.NoError(t, err)
	got := r.deliveries(t)
	byTarget := map[string][]string{}
	for i, rec := range records(t, got) {
		byTarget[got[i].target] = append(byTarget[got[i].target], rec.key)
	}
	assert.Equal(t, map[string][]string{
		queueARN: {"images/a.jpg"}, topicARN: {"docs/x.txt"}, funcARN: {"images/b.png"},
	}, byTarget, "filters are case-sensitive prefix and suffix matches")
	assert.Len(t, r.s.Notifications(), 2+3, "two test events and three events are recorded")
}

// An ACL change sends s3:ObjectAcl:Put, as AWS lists it among the event
// types (https://docs.aws.amazon.com/AmazonS3/latest/userguide/notification-how-to-event-types-and-destinations.html),
// and a refused one sends nothing: under BucketOwnerEnforced (a fresh
// bucket) only the owner's own ACLs are accepted.
func TestNotifications_ObjectAclPut(t *testing.T) {
	ctx := context.Background()
	r := newRig(t)
	createBucket(t, r.c, "bkt")
	require.NoError(t, r.configure(t, &types.NotificationConfiguration{QueueConfigurations: []types.QueueConfiguration{{
		QueueArn: aws.String(queueARN), Events: []types.Event{"s3:ObjectAcl:Put"}}}}))
	r.deliveries(t)
	putObject(t, r.c, "bkt", "k", "v")

	_, err := r.c.PutObjectAcl(ctx, &s3.PutObjectAclInput{Bucket: aws.String("bkt"), Key: aws.String("k"), ACL: types.ObjectCannedACLPublicRead})
	require.Error(t, err, "BucketOwnerEnforced refuses a public ACL")
	_, err = r.c.PutObjectAcl(ctx, &s3.PutObjectAclInput{Bucket: aws.String("bkt"), Key: aws.String("k"), ACL: types.ObjectCannedACLBucketOwnerFullControl})
	require.NoError(t, err)

	var names []string
	for _, rec := range records(t, r.deliveries(t)) {
		names = append(names, rec.name)
		assert.Equal(t, "k", rec.key)
	}
	assert.Equal(t, []string{"ObjectAcl:Put"}, names)
}
