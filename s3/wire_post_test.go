package s3_test

import (
	"bytes"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A form POST upload sends s3:ObjectCreated:Post.
func TestPostObject_BrowserUploadStoresAndNotifies(t *testing.T) {
	r := newRig(t)
	createBucket(t, r.c, "bkt")
	require.NoError(t, r.configure(t, &types.NotificationConfiguration{QueueConfigurations: []types.QueueConfiguration{{
		QueueArn: aws.String(queueARN), Events: []types.Event{"s3:ObjectCreated:Post"}}}}))
	r.deliveries(t)

	var body bytes.Buffer
	body.WriteString("--X\r\nContent-Disposition: form-data; name=\"key\"\r\n\r\nuploads/${filename}\r\n" +
		"--X\r\nContent-Disposition: form-data; name=\"Content-Type\"\r\n\r\nimage/png\r\n" +
		"--X\r\nContent-Disposition: form-data; name=\"x-amz-meta-who\"\r\n\r\nbrowser\r\n" +
		"--X\r\nContent-Disposition: form-data; name=\"success_action_status\"\r\n\r\n201\r\n" +
		"--X\r\nContent-Disposition: form-data; name=\"file\"; filename=\"pic.png\"\r\nContent-Type: image/png\r\n\r\nPNGDATA\r\n--X--\r\n")
	req := httptest.NewRequest(http.MethodPost, "http://bkt.awsfake.localhost/", &body)
	req.Header.Set("Content-Type", "multipart/form-data; boundary=X")
	rec := httptest.NewRecorder()
	r.s.ServeHTTP(rec, req)
	require.Equal(t, http.StatusCreated, rec.Code, rec.Body.String())
	assert.Contains(t, rec.Body.String(), "<Key>uploads/pic.png</Key>")

	o, ok := r.s.Object("bkt", "uploads/pic.png")
	require.True(t, ok)
	assert.Equal(t, "PNGDATA", string(o.Data))
	assert.Equal(t, "image/png", o.Headers.ContentType)
	assert.Equal(t, map[string]string{"who": "browser"}, o.Metadata)
	recs := records(t, r.deliveries(t))
	require.Len(t, recs, 1)
	assert.Equal(t, "ObjectCreated:Post", recs[0].name)
}
