package lambda

import (
	"context"
	"maps"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/awsfake/awsfake/internal/arn"
	"github.com/awsfake/awsfake/internal/faults"
	"github.com/awsfake/awsfake/internal/ids"
)

// ScalingConfig caps the concurrent invocations of an SQS mapping.
type ScalingConfig struct {
	// MaximumConcurrency is 2 to 1000.
	MaximumConcurrency *int32 `json:",omitempty"`
}

// FilterCriteria filters the records of a mapping. The fake stores and
// reports it but does not apply it.
type FilterCriteria struct {
	Filters []Filter `json:",omitempty"`
}

// Filter is one filter pattern.
type Filter struct {
	Pattern string `json:",omitempty"`
}

// EventSourceMappingConfiguration describes an event source mapping.
type EventSourceMappingConfiguration struct {
	UUID                           string
	EventSourceArn                 string
	FunctionArn                    string
	BatchSize                      int32
	MaximumBatchingWindowInSeconds *int32          `json:",omitempty"`
	ScalingConfig                  *ScalingConfig  `json:",omitempty"`
	FunctionResponseTypes          []string        `json:",omitempty"`
	FilterCriteria                 *FilterCriteria `json:",omitempty"`
	// LastModified is on the cloud's clock.
	LastModified          time.Time `json:"-"`
	LastProcessingResult  string    `json:",omitempty"`
	State                 string
	StateTransitionReason string
	EventSourceMappingArn string
}

// mapping is an event source mapping and its poller's state, guarded by
// Service.mu.
type mapping struct {
	cfg     EventSourceMappingConfiguration
	fn      ref
	enabled bool
	fifo    bool
	deleted bool
	tags    map[string]string
	// unsubscribe cancels the queue notification while the mapping is
	// enabled.
	unsubscribe func()
	// subscriptions counts the registrations decided (subscriptionLocked).
	subscriptions uint64
	// ids draws the request ids of the mapping's batches, in the order
	// they are dispatched.
	ids       *ids.Generator
	running   bool           // a poll goroutine is running
	again     bool           // woken while running: poll once more
	inflight  int            // batches being processed
	held      []QueueMessage // received, waiting for the batching window
	heldAt    map[string]int // index in held by message id
	windowEnd time.Time      // when the batching window of held ends
	retrying  bool           // a poll is due after a failed receive (retryLocked)
}

func (m *mapping) snapshot(state string) EventSourceMappingConfiguration {
	c := m.cfg
	c.FunctionResponseTypes = slices.Clone(c.FunctionResponseTypes)
	if state != "" {
		c.State = state
	}
	return c
}

// defaultBatchSize is the default BatchSize of SQS mappings.
const defaultBatchSize = 10

// CreateEventSourceMappingInput maps an event source to a function.
type CreateEventSourceMappingInput struct {
	EventSourceArn                 string
	FunctionName                   string
	Enabled                        *bool  // default true
	BatchSize                      *int32 // default 10
	MaximumBatchingWindowInSeconds *int32
	ScalingConfig                  *ScalingConfig
	FunctionResponseTypes          []string
	FilterCriteria                 *FilterCriteria
	Tags                           map[string]string
}

// CreateEventSourceMapping maps an SQS queue to a function: a poller on the
// cloud's clock receives batches from the queue and invokes the function
// with them (see the package documentation). AWS's rules apply: BatchSize
// 1-10 for FIFO queues and 1-10000 for standard ones (over 10 only with a
// batching window of 1-300 s), MaximumConcurrency 2-1000, a visibility
// timeout no shorter than the function's timeout, one mapping per queue and
// function. Stream and broker sources do not exist in the fake and are
// refused as AWS refuses a source it cannot find.
func (s *Service) CreateEventSourceMapping(ctx context.Context, in CreateEventSourceMappingInput) (EventSourceMappingConfiguration, error) {
	sc, err := s.enter(ctx, "CreateEventSourceMapping")
	if err != nil {
		return EventSourceMappingConfiguration{}, err
	}
	r, err := s.parseRef(sc, "functionName", in.FunctionName, "")
	if err != nil {
		return EventSourceMappingConfiguration{}, err
	}
	if err := checkTags(in.Tags); err != nil {
		return EventSourceMappingConfiguration{}, err
	}
	attrs, err := s.sourceAttributes(ctx, in.EventSourceArn)
	if err != nil {
		return EventSourceMappingConfiguration{}, err
	}
	m := &mapping{fn: r, enabled: in.Enabled == nil || *in.Enabled, fifo: attrs.FIFO, tags: maps.Clone(in.Tags)}
	if m.tags == nil {
		m.tags = map[string]string{}
	}
	m.cfg = EventSourceMappingConfiguration{EventSourceArn: in.EventSourceArn, BatchSize: defaultBatchSize,
		LastProcessingResult: "No records processed", StateTransitionReason: "USER_INITIATED"}
	if err := m.apply(in.BatchSize, in.MaximumBatchingWindowInSeconds, in.ScalingConfig, in.FunctionResponseTypes, in.FilterCriteria); err != nil {
		return EventSourceMappingConfiguration{}, err
	}

	s.mu.Lock()
	f, _, err := s.resolveLocked(r)
	if err == nil {
		err = s.checkVisibilityLocked(attrs, f, r)
	}
	if err != nil {
		s.mu.Unlock()
		return EventSourceMappingConfiguration{}, err
	}
	part := f.p
	for _, o := range part.mappings {
		if o.cfg.EventSourceArn == in.EventSourceArn && o.fn.name == r.name {
			s.mu.Unlock()
			return EventSourceMappingConfiguration{}, errConflict("An event source mapping with SQS arn (\" %s \") and function (\" %s \") already exists. Please update or delete the existing mapping with UUID %s",
				in.EventSourceArn, r.name, o.cfg.UUID)
		}
	}
	m.cfg.UUID = s.env.IDs.UUID()
	m.cfg.EventSourceMappingArn = part.at.arn("event-source-mapping:" + m.cfg.UUID)
	m.cfg.FunctionArn = r.arn()
	m.cfg.LastModified = s.now()
	m.cfg.State = m.state()
	m.ids = s.env.IDs.Derive(m.cfg.EventSourceMappingArn)
	part.mappings[m.cfg.UUID] = m
	out := m.snapshot("Creating")
	sub := s.subscriptionLocked(m)
	s.mu.Unlock()
	s.subscribe(m, sub)
	return out, nil
}

// sourceAttributes checks an event source ARN and returns its queue's
// attributes.
func (s *Service) sourceAttributes(ctx context.Context, source string) (QueueAttributes, error) {
	a, err := arn.Parse(source)
	if err != nil {
		return QueueAttributes{}, errValidation("eventSourceArn", source, `Member must satisfy regular expression pattern: arn:(aws[a-zA-Z0-9-]*):([a-zA-Z0-9\-])+:([a-z]{2}(-gov)?-[a-z]+-\d{1})?:(\d{12})?:(.*)`)
	}
	if a.Service != "sqs" {
		return QueueAttributes{}, errInvalid("Stream not found: %s", source)
	}
	s.mu.Lock()
	q := s.queues
	s.mu.Unlock()
	if q == nil {
		return QueueAttributes{FIFO: strings.HasSuffix(a.Resource, ".fifo")}, nil
	}
	attrs, err := q.QueueAttributes(ctx, source)
	if err != nil {
		return QueueAttributes{}, errInvalid("Error occurred while ReceiveMessage. SQS Error Code: AWS.SimpleQueueService.NonExistentQueue. SQS Error Message: The specified queue does not exist or you do not have access to it.")
	}
	return attrs, nil
}

// checkVisibility applies AWS's rule that the queue's visibility timeout is
// not shorter than the function's timeout.
func (s *Service) checkVisibilityLocked(attrs QueueAttributes, f *function, r ref) error {
	v, err := s.versionLocked(f, r)
	if err != nil {
		return err
	}
	if attrs.VisibilityTimeout > 0 && attrs.VisibilityTimeout < time.Duration(v.cfg.Timeout)*time.Second {
		return errInvalid("Queue visibility timeout: %d seconds is less than Function timeout: %d seconds",
			int(attrs.VisibilityTimeout/time.Second), v.cfg.Timeout)
	}
	return nil
}

// apply validates and sets the tunable members, the given ones only.
func (m *mapping) apply(batch, window *int32, scaling *ScalingConfig, responseTypes []string, filters *FilterCriteria) error {
	size := m.cfg.BatchSize
	if batch != nil {
		size = *batch
	}
	win := deref(m.cfg.MaximumBatchingWindowInSeconds)
	if window != nil {
		win = *window
	}
	maxSize := int32(10000)
	if m.fifo {
		maxSize = 10
	}
	switch {
	case size < 1 || size > maxSize:
		return errInvalid("BatchSize must be between 1 and %d for this queue type. Provided: %d", maxSize, size)
	case win < 0 || win > 300:
		return errRange("maximumBatchingWindowInSeconds", int64(win), 0, 300)
	case m.fifo && win > 0:
		return errInvalid("Batching window is not supported for FIFO queues.")
	case size > 10 && win == 0:
		return errInvalid("Maximum batch window in seconds must be greater than 0 if maximum batch size is greater than 10")
	}
	if scaling != nil && scaling.MaximumConcurrency != nil {
		if n := *scaling.MaximumConcurrency; n < 2 || n > 1000 {
			return errRange("scalingConfig.maximumConcurrency", int64(n), 2, 1000)
		}
	}
	for _, t := range responseTypes {
		if t != "ReportBatchItemFailures" {
			return errValidation("functionResponseTypes", responseTypes, "Member must satisfy constraint: [Member must satisfy enum value set: [ReportBatchItemFailures]]")
		}
	}
	m.cfg.BatchSize = size
	m.cfg.MaximumBatchingWindowInSeconds = &win
	if scaling != nil {
		m.cfg.ScalingConfig = nil
		if scaling.MaximumConcurrency != nil {
			n := *scaling.MaximumConcurrency
			m.cfg.ScalingConfig = &ScalingConfig{MaximumConcurrency: &n}
		}
	}
	if responseTypes != nil {
		m.cfg.FunctionResponseTypes = slices.Clone(responseTypes)
	}
	if filters != nil {
		m.cfg.FilterCriteria = filters
	}
	return nil
}

func (m *mapping) state() string {
	if m.enabled {
		return "Enabled"
	}
	return "Disabled"
}

// GetEventSourceMapping returns a mapping by UUID.
func (s *Service) GetEventSourceMapping(ctx context.Context, uuid string) (EventSourceMappingConfiguration, error) {
	sc, err := s.enter(ctx, "GetEventSourceMapping")
	if err != nil {
		return EventSourceMappingConfiguration{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	m, err := s.mappingLocked(sc, uuid)
	if err != nil {
		return EventSourceMappingConfiguration{}, err
	}
	return m.snapshot(""), nil
}

func (s *Service) mappingLocked(sc faults.Scope, uuid string) (*mapping, error) {
	var m *mapping
	if p := s.partitionLocked(placeOf(sc)); p != nil {
		m = p.mappings[uuid]
	}
	if m == nil {
		return nil, errNotFound("The resource you requested does not exist.")
	}
	return m, nil
}

// UpdateEventSourceMappingInput changes a mapping; nil members are left as
// they are.
type UpdateEventSourceMappingInput struct {
	UUID                           string
	FunctionName                   string
	Enabled                        *bool
	BatchSize                      *int32
	MaximumBatchingWindowInSeconds *int32
	ScalingConfig                  *ScalingConfig
	FunctionResponseTypes          []string
	FilterCriteria                 *FilterCriteria
}

// UpdateEventSourceMapping changes a mapping. Enabled=false pauses its
// poller (messages stay in the queue); true resumes it.
func (s *Service) UpdateEventSourceMapping(ctx context.Context, in UpdateEventSourceMappingInput) (EventSourceMappingConfiguration, error) {
	sc, err := s.enter(ctx, "UpdateEventSourceMapping")
	if err != nil {
		return EventSourceMappingConfiguration{}, err
	}
	var r ref
	if in.FunctionName != "" {
		var err error
		if r, err = s.parseRef(sc, "functionName", in.FunctionName, ""); err != nil {
			return EventSourceMappingConfiguration{}, err
		}
	}
	s.mu.Lock()
	m, err := s.mappingLocked(sc, in.UUID)
	if err != nil {
		s.mu.Unlock()
		return EventSourceMappingConfiguration{}, err
	}
	if in.FunctionName != "" {
		if _, _, err := s.resolveLocked(r); err != nil {
			s.mu.Unlock()
			return EventSourceMappingConfiguration{}, err
		}
	}
	trial := *m
	trial.cfg = m.snapshot("")
	if err := trial.apply(in.BatchSize, in.MaximumBatchingWindowInSeconds, in.ScalingConfig, in.FunctionResponseTypes, in.FilterCriteria); err != nil {
		s.mu.Unlock()
		return EventSourceMappingConfiguration{}, err
	}
	m.cfg = trial.cfg
	if in.FunctionName != "" {
		m.fn = r
		m.cfg.FunctionArn = r.arn()
	}
	wasEnabled := m.enabled
	if in.Enabled != nil {
		m.enabled = *in.Enabled
	}
	m.cfg.State = m.state()
	m.cfg.LastModified = s.now()
	var unsubscribe func()
	var sub *subscription
	switch {
	case wasEnabled && !m.enabled:
		unsubscribe, m.unsubscribe = m.unsubscribe, nil
		// Messages held for a batching window go back to the queue when
		// their visibility timeout ends.
		m.held, m.heldAt, m.windowEnd = nil, nil, time.Time{}
	case !wasEnabled && m.enabled:
		sub = s.subscriptionLocked(m)
	}
	out := m.snapshot("Updating")
	s.mu.Unlock()
	if unsubscribe != nil {
		unsubscribe()
	}
	s.subscribe(m, sub)
	return out, nil
}

// DeleteEventSourceMapping deletes a mapping and stops its poller; batches
// in progress finish.
func (s *Service) DeleteEventSourceMapping(ctx context.Context, uuid string) (EventSourceMappingConfiguration, error) {
	sc, err := s.enter(ctx, "DeleteEventSourceMapping")
	if err != nil {
		return EventSourceMappingConfiguration{}, err
	}
	s.mu.Lock()
	m, err := s.mappingLocked(sc, uuid)
	if err != nil {
		s.mu.Unlock()
		return EventSourceMappingConfiguration{}, err
	}
	delete(s.partitions[m.fn.at.key()].mappings, uuid)
	m.deleted = true
	unsubscribe := m.unsubscribe
	m.unsubscribe = nil
	out := m.snapshot("Deleting")
	s.mu.Unlock()
	if unsubscribe != nil {
		unsubscribe()
	}
	return out, nil
}

// ListEventSourceMappingsInput pages through mappings, optionally of one
// source or function.
type ListEventSourceMappingsInput struct {
	EventSourceArn string
	FunctionName   string
	Marker         string
	MaxItems       int32
}

// ListEventSourceMappingsOutput is one page of mappings.
type ListEventSourceMappingsOutput struct {
	EventSourceMappings []EventSourceMappingConfiguration
	NextMarker          string `json:",omitempty"`
}

// ListEventSourceMappings lists mappings by UUID.
func (s *Service) ListEventSourceMappings(ctx context.Context, in ListEventSourceMappingsInput) (ListEventSourceMappingsOutput, error) {
	sc, err := s.enter(ctx, "ListEventSourceMappings")
	if err != nil {
		return ListEventSourceMappingsOutput{}, err
	}
	var fn ref
	if in.FunctionName != "" {
		var err error
		if fn, err = s.parseRef(sc, "functionName", in.FunctionName, ""); err != nil {
			return ListEventSourceMappingsOutput{}, err
		}
	}
	s.mu.Lock()
	var all []EventSourceMappingConfiguration
	var mappings map[string]*mapping
	if p := s.partitionLocked(placeOf(sc)); p != nil {
		mappings = p.mappings
	}
	for _, m := range mappings {
		if (in.EventSourceArn == "" || m.cfg.EventSourceArn == in.EventSourceArn) &&
			(in.FunctionName == "" || (m.fn.name == fn.name && (fn.qualifier == "" || m.fn.qualifier == fn.qualifier))) {
			all = append(all, m.snapshot(""))
		}
	}
	s.mu.Unlock()
	sort.Slice(all, func(i, j int) bool { return all[i].UUID < all[j].UUID })
	items, next, err := page(all, func(c EventSourceMappingConfiguration) string { return c.UUID }, in.Marker, in.MaxItems, pageMappings)
	if err != nil {
		return ListEventSourceMappingsOutput{}, err
	}
	return ListEventSourceMappingsOutput{EventSourceMappings: nonNil(items), NextMarker: next}, nil
}
