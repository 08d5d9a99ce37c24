package s3

import (
	"context"
	"testing"
)

// BucketT creates a bucket in the cloud's own region and, when n names any
// destination, puts n as its notification configuration (which sends each
// queue and topic an s3:TestEvent, as AWS does), failing tb on any error.
func (s *Service) BucketT(tb testing.TB, name string, n NotificationConfiguration) {
	tb.Helper()
	ctx := context.Background()
	if _, err := s.CreateBucket(ctx, CreateBucketInput{Bucket: name}); err != nil {
		tb.Fatalf("s3: BucketT(%q): %v", name, err)
		return
	}
	if len(n.QueueConfigurations)+len(n.TopicConfigurations)+len(n.LambdaFunctionConfigurations) == 0 && !n.EventBridge {
		return
	}
	if _, err := s.PutBucketNotificationConfiguration(ctx, PutBucketNotificationConfigurationInput{
		Bucket: name, NotificationConfiguration: n}); err != nil {
		tb.Fatalf("s3: BucketT(%q): notifications: %v", name, err)
	}
}
