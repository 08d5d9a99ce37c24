package bus

// Serves reports whether a service has registered an endpoint under the
// ARN service name service, so that a sender whose deliveries are
// optional (Lambda's log lines without CloudWatch Logs, Logs' metric
// filters without CloudWatch) posts nothing, rather than a failure per
// delivery, in a cloud that lacks the target service.
func (b *Bus) Serves(service string) bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.endpoints[service] != nil
}
