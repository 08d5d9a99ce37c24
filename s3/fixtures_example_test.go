package s3_test

import (
	"context"
	"fmt"

	"github.com/awsfake/awsfake"
	"github.com/awsfake/awsfake/s3"
)

// Fatalf reports a fixture's failure instead of failing a test.
func (printTB) Fatalf(format string, a ...any) { fmt.Printf(format+"\n", a...) }

// BucketT makes a bucket whose uploads notify a queue, in one line.
func ExampleService_BucketT() {
	cloud := awsfake.New()
	defer cloud.Close()
	var t printTB // in a test: t *testing.T
	q := cloud.SQS().QueueT(t, "uploads", nil)
	cloud.S3().BucketT(t, "photos", s3.NotificationConfiguration{
		QueueConfigurations: []s3.QueueConfiguration{{QueueArn: q.ARN, Events: []string{"s3:ObjectCreated:*"}}}})

	ctx := context.Background()
	_, _ = cloud.S3().PutObject(ctx, s3.PutObjectInput{Bucket: "photos", Key: "cat.jpg", Body: []byte("pixels")})
	_ = cloud.Settle(ctx)
	cloud.SQS().CheckDepth(t, q.URL, 2, 0, 0) // the s3:TestEvent, then the upload
	fmt.Println(len(cloud.S3().Objects("photos")))
	// Output:
	// 1
}
