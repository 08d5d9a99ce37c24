package sqs

import (
	"encoding/json"
	"strconv"
	"strings"
)

// Queue attribute names (the QueueAttributeName enum of the SQS API).
const (
	attrAll                       = "All"
	attrPolicy                    = "Policy"
	attrVisibilityTimeout         = "VisibilityTimeout"
	attrMaximumMessageSize        = "MaximumMessageSize"
	attrMessageRetentionPeriod    = "MessageRetentionPeriod"
	attrApproxMessages            = "ApproximateNumberOfMessages"
	attrApproxNotVisible          = "ApproximateNumberOfMessagesNotVisible"
	attrApproxDelayed             = "ApproximateNumberOfMessagesDelayed"
	attrCreatedTimestamp          = "CreatedTimestamp"
	attrLastModifiedTimestamp     = "LastModifiedTimestamp"
	attrQueueArn                  = "QueueArn"
	attrDelaySeconds              = "DelaySeconds"
	attrReceiveMessageWaitTime    = "ReceiveMessageWaitTimeSeconds"
	attrRedrivePolicy             = "RedrivePolicy"
	attrRedriveAllowPolicy        = "RedriveAllowPolicy"
	attrFifoQueue                 = "FifoQueue"
	attrContentBasedDeduplication = "ContentBasedDeduplication"
	attrDeduplicationScope        = "DeduplicationScope"
	attrFifoThroughputLimit       = "FifoThroughputLimit"
	attrKmsMasterKeyID            = "KmsMasterKeyId"
	attrKmsDataKeyReusePeriod     = "KmsDataKeyReusePeriodSeconds"
	attrSqsManagedSseEnabled      = "SqsManagedSseEnabled"
	defaultMaximumMessageSize     = 1048576
	defaultMessageRetentionPeriod = 345600
	defaultVisibilityTimeout      = 30
	defaultKmsDataKeyReusePeriod  = 300
	maxVisibilityTimeout          = 43200
	maxReceiveMessageWaitTime     = 20
	maxDelaySeconds               = 900
	maxRedriveSourceQueueArns     = 10
	maxRedriveMaxReceiveCount     = 1000
	dedupScopeQueue               = "queue"
	dedupScopeMessageGroup        = "messageGroup"
	throughputPerQueue            = "perQueue"
	throughputPerMessageGroupID   = "perMessageGroupId"
	redrivePermissionAllowAll     = "allowAll"
	redrivePermissionDenyAll      = "denyAll"
	redrivePermissionByQueue      = "byQueue"
)

// queueConfig holds a queue's settable attributes, parsed.
type queueConfig struct {
	delay, visibility, retention, maxSize, wait int // seconds, bytes
	policy                                      string
	redrive                                     *redrivePolicy
	redriveAllow                                *redriveAllowPolicy
	contentDedup                                bool
	dedupScope, throughput                      string
	kmsKey                                      string
	kmsReuse                                    int
	sseSQS                                      bool
}

// redrivePolicy is a parsed RedrivePolicy: where messages go after
// maxReceiveCount receives.
type redrivePolicy struct {
	target          string // deadLetterTargetArn
	maxReceiveCount int
}

// redriveAllowPolicy is a parsed RedriveAllowPolicy: which queues may use
// this one as their dead-letter queue.
type redriveAllowPolicy struct {
	permission string
	sources    []string
}

// defaultConfig is a new queue's configuration, with the defaults the
// CreateQueue docs give: no delay, 1 MiB messages, 4 days' retention, no
// long polling, a 30 s visibility timeout, SSE-SQS on (AWS's default for new
// queues since 2022), and for FIFO queues queue-wide deduplication and
// throughput.
func defaultConfig(fifo bool) queueConfig {
	c := queueConfig{
		maxSize: defaultMaximumMessageSize, retention: defaultMessageRetentionPeriod,
		visibility: defaultVisibilityTimeout, kmsReuse: defaultKmsDataKeyReusePeriod, sseSQS: true,
	}
	if fifo {
		c.dedupScope, c.throughput = dedupScopeQueue, throughputPerQueue
	}
	return c
}

// intRanges are the valid ranges of the integer attributes (CreateQueue and
// SetQueueAttributes docs).
var intRanges = map[string][2]int{
	attrDelaySeconds:           {0, maxDelaySeconds},
	attrMaximumMessageSize:     {1024, defaultMaximumMessageSize},
	attrMessageRetentionPeriod: {60, 1209600},
	attrReceiveMessageWaitTime: {0, maxReceiveMessageWaitTime},
	attrVisibilityTimeout:      {0, maxVisibilityTimeout},
	attrKmsDataKeyReusePeriod:  {60, 86400},
}

func (c *queueConfig) intField(name string) *int {
	switch name {
	case attrDelaySeconds:
		return &c.delay
	case attrMaximumMessageSize:
		return &c.maxSize
	case attrMessageRetentionPeriod:
		return &c.retention
	case attrReceiveMessageWaitTime:
		return &c.wait
	case attrVisibilityTimeout:
		return &c.visibility
	case attrKmsDataKeyReusePeriod:
		return &c.kmsReuse
	}
	return nil
}

// fifoOnly are the attributes only a FIFO queue has.
var fifoOnly = map[string]bool{attrContentBasedDeduplication: true, attrDeduplicationScope: true, attrFifoThroughputLimit: true}

// apply validates attrs and sets them on c. FifoQueue is handled by the
// caller (it is only valid at creation). Cross-queue rules of the redrive
// policies are checked by the service.
func (c *queueConfig) apply(attrs map[string]string, fifo bool) error {
	for _, name := range sortedKeys(attrs) {
		v := attrs[name]
		if r, ok := intRanges[name]; ok {
			n, err := strconv.Atoi(strings.TrimSpace(v))
			if err != nil || n < r[0] || n > r[1] {
				return invalidAttrValue(name)
			}
			*c.intField(name) = n
			continue
		}
		if fifoOnly[name] && !fifo {
			return newError(codeInvalidAttributeName, "You can specify the %s only when FifoQueue is set to true.", name)
		}
		switch name {
		case attrPolicy:
			if v != "" && !isJSONObject(v) {
				return invalidAttrValue(name)
			}
			c.policy = v
		case attrRedrivePolicy:
			p, err := parseRedrivePolicy(v)
			if err != nil {
				return err
			}
			c.redrive = p
		case attrRedriveAllowPolicy:
			p, err := parseRedriveAllowPolicy(v)
			if err != nil {
				return err
			}
			c.redriveAllow = p
		case attrContentBasedDeduplication, attrSqsManagedSseEnabled:
			b, ok := parseBool(v)
			if !ok {
				return invalidAttrValue(name)
			}
			if name == attrSqsManagedSseEnabled {
				c.sseSQS = b
			} else {
				c.contentDedup = b
			}
		case attrDeduplicationScope:
			if v != dedupScopeQueue && v != dedupScopeMessageGroup {
				return invalidAttrValue(name)
			}
			c.dedupScope = v
		case attrFifoThroughputLimit:
			if v != throughputPerQueue && v != throughputPerMessageGroupID {
				return invalidAttrValue(name)
			}
			c.throughput = v
		case attrKmsMasterKeyID:
			c.kmsKey = v
			if v != "" {
				c.sseSQS = false
			}
		case attrFifoQueue:
			return newError(codeInvalidAttributeValue, "Invalid value for the parameter FifoQueue. Reason: Modifying queue type is not supported.")
		default:
			return newError(codeInvalidAttributeName, "Unknown Attribute %s.", name)
		}
	}
	// "The perMessageGroupId value is allowed only when the value for
	// DeduplicationScope is messageGroup" (CreateQueue docs).
	if fifo && c.throughput == throughputPerMessageGroupID && c.dedupScope != dedupScopeMessageGroup {
		return newError(codeInvalidAttributeValue, "Invalid value for the parameter FifoThroughputLimit. Reason: "+
			"perMessageGroupId is allowed only when DeduplicationScope is messageGroup.")
	}
	return nil
}

// parseBool reads true or false, in any case, as AWS does.
func parseBool(v string) (b, ok bool) {
	switch {
	case strings.EqualFold(v, "true"):
		return true, true
	case strings.EqualFold(v, "false"):
		return false, true
	}
	return false, false
}

func invalidAttrValue(name string) error {
	return newError(codeInvalidAttributeValue, "Invalid value for the parameter %s.", name)
}

func isJSONObject(s string) bool {
	var m map[string]any
	return json.Unmarshal([]byte(s), &m) == nil
}

// parseRedrivePolicy reads a RedrivePolicy: a JSON map with
// deadLetterTargetArn and maxReceiveCount (1 to 1000, a number or a numeric
// string). "" removes the policy.
func parseRedrivePolicy(v string) (*redrivePolicy, error) {
	if v == "" {
		return nil, nil
	}
	bad := func(reason string) error { return invalidParameter(v, attrRedrivePolicy, reason) }
	var raw map[string]any
	if err := json.Unmarshal([]byte(v), &raw); err != nil {
		return nil, bad("Redrive policy is not a valid JSON map.")
	}
	target, _ := raw["deadLetterTargetArn"].(string)
	if target == "" {
		return nil, bad("Redrive policy does not contain mandatory attribute: deadLetterTargetArn.")
	}
	count, present := raw["maxReceiveCount"]
	if !present {
		return nil, bad("Redrive policy does not contain mandatory attribute: maxReceiveCount.")
	}
	n, ok := jsonInt(count)
	if !ok || n < 1 || n > maxRedriveMaxReceiveCount {
		return nil, bad("Invalid value for maxReceiveCount: " + jsonText(count) + ", valid values are from 1 to 1000 both inclusive.")
	}
	return &redrivePolicy{target: target, maxReceiveCount: n}, nil
}

// String renders the policy as GetQueueAttributes reports it.
func (p *redrivePolicy) String() string {
	b, _ := json.Marshal(struct {
		Target string `json:"deadLetterTargetArn"`
		Count  int    `json:"maxReceiveCount"`
	}{p.target, p.maxReceiveCount})
	return string(b)
}

// parseRedriveAllowPolicy reads a RedriveAllowPolicy: redrivePermission
// allowAll (the default), denyAll or byQueue, with 1 to 10 sourceQueueArns
// for byQueue and none otherwise. "" removes the policy.
func parseRedriveAllowPolicy(v string) (*redriveAllowPolicy, error) {
	if v == "" {
		return nil, nil
	}
	bad := func(reason string) error { return invalidParameter(v, attrRedriveAllowPolicy, reason) }
	var raw struct {
		Permission *string  `json:"redrivePermission"`
		Sources    []string `json:"sourceQueueArns"`
	}
	if err := json.Unmarshal([]byte(v), &raw); err != nil {
		return nil, bad("Redrive allow policy is not a valid JSON map.")
	}
	if raw.Permission == nil {
		return nil, bad("Redrive allow policy does not contain mandatory attribute: redrivePermission.")
	}
	p := &redriveAllowPolicy{permission: *raw.Permission, sources: raw.Sources}
	switch p.permission {
	case redrivePermissionAllowAll, redrivePermissionDenyAll:
		if len(p.sources) > 0 {
			return nil, bad("Only when redrivePermission is byQueue can you specify sourceQueueArns.")
		}
	case redrivePermissionByQueue:
		if len(p.sources) == 0 || len(p.sources) > maxRedriveSourceQueueArns {
			return nil, bad("sourceQueueArns must contain 1 to 10 queue ARNs when redrivePermission is byQueue.")
		}
	default:
		return nil, bad("Invalid value for redrivePermission: " + p.permission + ", valid values are allowAll, denyAll, byQueue.")
	}
	return p, nil
}

// String renders the policy as GetQueueAttributes reports it.
func (p *redriveAllowPolicy) String() string {
	b, _ := json.Marshal(struct {
		Permission string   `json:"redrivePermission"`
		Sources    []string `json:"sourceQueueArns,omitempty"`
	}{p.permission, p.sources})
	return string(b)
}

// allows reports whether the policy lets the queue sourceARN use its queue
// as a dead-letter queue.
func (p *redriveAllowPolicy) allows(sourceARN string) bool {
	switch {
	case p == nil || p.permission == redrivePermissionAllowAll:
		return true
	case p.permission == redrivePermissionByQueue:
		for _, s := range p.sources {
			if s == sourceARN {
				return true
			}
		}
	}
	return false
}

func jsonInt(v any) (int, bool) {
	switch x := v.(type) {
	case float64:
		if x != float64(int(x)) {
			return 0, false
		}
		return int(x), true
	case string:
		n, err := strconv.Atoi(x)
		return n, err == nil
	}
	return 0, false
}

func jsonText(v any) string {
	b, _ := json.Marshal(v)
	return strings.Trim(string(b), `"`)
}

// configAttributes are the settable attributes GetQueueAttributes reports
// for a queue, in the order AWS lists them.
var configAttributes = []string{
	attrPolicy, attrVisibilityTimeout, attrMaximumMessageSize, attrMessageRetentionPeriod, attrDelaySeconds,
	attrReceiveMessageWaitTime, attrRedrivePolicy, attrRedriveAllowPolicy, attrKmsMasterKeyID,
	attrKmsDataKeyReusePeriod, attrSqsManagedSseEnabled, attrContentBasedDeduplication,
	attrDeduplicationScope, attrFifoThroughputLimit,
}

// render returns the value of a settable attribute as GetQueueAttributes
// reports it, and false when the queue has no such value (no policy, no KMS
// key, a FIFO attribute of a standard queue).
func (c *queueConfig) render(name string, fifo bool) (string, bool) {
	if p := c.intField(name); p != nil {
		if name == attrKmsDataKeyReusePeriod && c.kmsKey == "" {
			return "", false
		}
		return strconv.Itoa(*p), true
	}
	if fifoOnly[name] && !fifo {
		return "", false
	}
	switch name {
	case attrPolicy:
		return c.policy, c.policy != ""
	case attrRedrivePolicy:
		if c.redrive == nil {
			return "", false
		}
		return c.redrive.String(), true
	case attrRedriveAllowPolicy:
		if c.redriveAllow == nil {
			return "", false
		}
		return c.redriveAllow.String(), true
	case attrKmsMasterKeyID:
		return c.kmsKey, c.kmsKey != ""
	case attrSqsManagedSseEnabled:
		return strconv.FormatBool(c.sseSQS), true
	case attrContentBasedDeduplication:
		return strconv.FormatBool(c.contentDedup), true
	case attrDeduplicationScope:
		return c.dedupScope, true
	case attrFifoThroughputLimit:
		return c.throughput, true
	}
	return "", false
}
