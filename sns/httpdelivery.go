package sns

import (
	"context"
	"io"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/awsfake/awsfake/internal/bus"
	"github.com/awsfake/awsfake/internal/sched"
)

// HTTP/S deliveries are real POSTs ("Amazon SNS HTTP/HTTPS headers",
// "Step 1: Make sure your endpoint is ready to process Amazon SNS
// messages"):
//
//   - headers x-amz-sns-message-type, x-amz-sns-message-id,
//     x-amz-sns-topic-arn and, except on a SubscriptionConfirmation,
//     x-amz-sns-subscription-arn; x-amz-sns-rawdelivery: true for raw
//     delivery; Content-Type text/plain; charset=UTF-8 unless the delivery
//     policy's requestPolicy says otherwise; User-Agent Amazon Simple
//     Notification Service Agent;
//   - "If the endpoint returns a status code outside the range 200–4xx, or
//     doesn't respond within 15 seconds, Amazon SNS considers the delivery
//     failed" and retries it per the delivery policy; redirects are not
//     followed;
//   - when the policy is exhausted the message goes to the subscription's
//     dead-letter queue, if it has one.
//
// Each subscription has a queue of deliveries and a worker goroutine that
// exists only while the queue is not empty; a retry waits on the cloud's
// scheduler (env.Sched), not in a goroutine, and counts for cloud.Settle
// from the moment the scheduler puts it back in the queue until its attempt
// is over; so does the 15 s timeout of an attempt. No lock is held while a
// POST is in flight.

// httpTimeout is how long SNS waits for an HTTP/S endpoint to answer.
const httpTimeout = 15 * time.Second

// userAgent is the User-Agent of SNS's HTTP/S deliveries.
const userAgent = "Amazon Simple Notification Service Agent"

// httpJob is one HTTP/S message on its way to an endpoint.
type httpJob struct {
	target
	msgType, messageID string
	raw                bool
	body               string
	dlq                string
	dlqMessage         bus.Message
	rec                *Delivery
	attempts           int
	done               func() // ends the job's count for Settle
}

// httpDeliverer runs a service's HTTP/S deliveries.
type httpDeliverer struct {
	svc *Service

	mu      sync.Mutex
	queues  map[string][]*httpJob // by subscription ARN, while its worker runs
	retries map[*httpJob]*sched.Job
	closed  bool
	client  *http.Client
	workers sync.WaitGroup
}

// enqueue queues a job for its subscription's worker, starting the worker
// if it is not running.
func (h *httpDeliverer) enqueue(j *httpJob) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.closed {
		h.abandonLocked(j)
		return
	}
	j.done = h.svc.env.Bus.Begin()
	h.pushLocked(j)
}

func (h *httpDeliverer) pushLocked(j *httpJob) {
	if h.queues == nil {
		h.queues = map[string][]*httpJob{}
		h.retries = map[*httpJob]*sched.Job{}
		// Its own transport, so that Close can drop its idle connections.
		h.client = &http.Client{
			Transport:     http.DefaultTransport.(*http.Transport).Clone(),
			CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
		}
	}
	q, running := h.queues[j.arn]
	h.queues[j.arn] = append(q, j)
	if !running {
		h.workers.Add(1)
		go h.work(j.arn)
	}
}

// work delivers a subscription's queue until it is empty, then exits.
func (h *httpDeliverer) work(subArn string) {
	defer h.workers.Done()
	for {
		h.mu.Lock()
		q := h.queues[subArn]
		if len(q) == 0 || h.closed {
			for _, j := range q {
				h.abandonLocked(j)
				j.done()
			}
			delete(h.queues, subArn)
			h.mu.Unlock()
			return
		}
		j := q[0]
		q[0] = nil
		h.queues[subArn] = q[1:]
		client := h.client
		h.mu.Unlock()
		h.attempt(client, j)
	}
}

// attempt makes one delivery attempt and decides what follows: done,
// another attempt now or later, or the dead-letter queue.
func (h *httpDeliverer) attempt(client *http.Client, j *httpJob) {
	svc := h.svc
	if !svc.subscribed(j.arn) {
		svc.updateDelivery(j.rec, func(d *Delivery) { d.Status = DeliveryFailed })
		j.done()
		return
	}
	status, err := h.post(client, j)
	j.attempts++
	delivered := err == nil && status >= 200 && status < 500
	svc.updateDelivery(j.rec, func(d *Delivery) {
		d.Attempts, d.StatusCode = j.attempts, status
		if delivered {
			d.Status = DeliveryDelivered
		}
	})
	if delivered {
		svc.metricDelivery(j.topicArn, true)
		j.done()
		return
	}
	if j.attempts > j.policy.NumRetries {
		svc.updateDelivery(j.rec, func(d *Delivery) { d.Status = DeliveryFailed })
		svc.metricDelivery(j.topicArn, false)
		if j.dlq != "" {
			m := j.dlqMessage
			m.Done = svc.redriveOutcome(j.topicArn)
			svc.env.Bus.Post(j.dlq, m)
		}
		j.done()
		return
	}
	delay := j.policy.delay(j.attempts)
	h.mu.Lock()
	defer h.mu.Unlock()
	switch {
	case h.closed:
		h.abandonLocked(j)
		j.done()
	case delay == 0:
		// An immediate retry: back in the queue, still counted.
		h.pushLocked(j)
	default:
		at := svc.env.Clock.Now().Add(delay)
		h.retries[j] = svc.env.Sched.At(at, func(time.Time) { h.retry(j) })
		j.done() // parked on the scheduler: quiescent until it is due
	}
}

// retry puts a job whose retry is due back in its queue.
func (h *httpDeliverer) retry(j *httpJob) {
	h.mu.Lock()
	defer h.mu.Unlock()
	delete(h.retries, j)
	if h.closed {
		return
	}
	j.done = h.svc.env.Bus.Begin()
	h.pushLocked(j)
}

// post sends one attempt and returns the endpoint's status code.
func (h *httpDeliverer) post(client *http.Client, j *httpJob) (int, error) {
	ctx, cancel := context.WithCancel(h.svc.ctx)
	defer cancel()
	timeout := h.svc.env.Sched.At(h.svc.env.Clock.Now().Add(httpTimeout), func(time.Time) { cancel() })
	defer timeout.Cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, j.endpoint, strings.NewReader(j.body))
	if err != nil {
		return 0, err
	}
	req.Header.Set("Content-Type", j.contentType)
	req.Header.Set("User-Agent", userAgent)
	req.Header.Set("x-amz-sns-message-type", j.msgType)
	req.Header.Set("x-amz-sns-message-id", j.messageID)
	req.Header.Set("x-amz-sns-topic-arn", j.topicArn)
	if j.msgType != "SubscriptionConfirmation" {
		req.Header.Set("x-amz-sns-subscription-arn", j.arn)
	}
	if j.raw {
		req.Header.Set("x-amz-sns-rawdelivery", "true")
	}
	resp, err := client.Do(req)
	if err != nil {
		return 0, err
	}
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 1<<20))
	_ = resp.Body.Close()
	return resp.StatusCode, nil
}

// abandonLocked marks a job that will not be attempted again as failed.
func (h *httpDeliverer) abandonLocked(j *httpJob) {
	h.svc.updateDelivery(j.rec, func(d *Delivery) { d.Status = DeliveryFailed })
}

// close stops the workers and the pending retries and waits for in-flight
// attempts, which the service's cancelled context ends.
func (h *httpDeliverer) close() {
	h.mu.Lock()
	h.closed = true
	for j, job := range h.retries {
		job.Cancel()
		h.abandonLocked(j)
	}
	h.retries = nil
	client := h.client
	h.mu.Unlock()
	h.workers.Wait()
	if client != nil {
		client.CloseIdleConnections()
	}
}

// subscribed reports whether a subscription still exists.
func (s *Service) subscribed(subArn string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.subs[subArn] != nil
}
