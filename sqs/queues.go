package sqs

import (
	"context"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/awsfake/awsfake/internal/pagetoken"
)

// CreateQueueInput names the queue to create and sets its attributes and
// tags. Attributes["FifoQueue"] = "true" makes a FIFO queue, whose name must
// end with .fifo.
type CreateQueueInput struct {
	QueueName  string            `json:"QueueName"`
	Attributes map[string]string `json:"Attributes,omitempty"`
	Tags       map[string]string `json:"tags,omitempty"`
}

// CreateQueueOutput holds the new (or existing) queue's URL.
type CreateQueueOutput struct {
	QueueUrl string `json:"QueueUrl"`
}

// queueNameChars is the alphabet of queue names: "alphanumeric characters,
// hyphens (-), and underscores (_)", up to 80 characters (CreateQueue docs).
var queueNameChars = regexp.MustCompile(`^[A-Za-z0-9_-]+$`)

const (
	fifoSuffix      = ".fifo"
	queueNameMaxLen = 80
	// deleteCooldown is how long a deleted queue's name stays unavailable:
	// "If you delete a queue, you must wait at least 60 seconds before
	// creating a queue with the same name" (CreateQueue docs).
	deleteCooldown = 60 * time.Second
	// purgeCooldown: "Only one PurgeQueue operation ... is allowed every 60
	// seconds" (the PurgeQueueInProgress error).
	purgeCooldown = 60 * time.Second
)

// validQueueName applies the CreateQueue naming rules: 1 to 80 characters of
// [A-Za-z0-9_-], and for a FIFO queue the .fifo suffix, which counts towards
// the 80.
func validQueueName(name string, fifo bool) error {
	base, hasSuffix := strings.CutSuffix(name, fifoSuffix)
	if fifo {
		if !hasSuffix || len(name) > queueNameMaxLen || !queueNameChars.MatchString(base) {
			return newError(codeInvalidParameterValue, "The name of a FIFO queue can only include alphanumeric characters, "+
				"hyphens, or underscores, must end with .fifo suffix and be 1 to 80 in length")
		}
		return nil
	}
	if len(name) > queueNameMaxLen || !queueNameChars.MatchString(name) {
		return newError(codeInvalidParameterValue, "Can only include alphanumeric characters, hyphens, or underscores. 1 to 80 in length")
	}
	return nil
}

// CreateQueue creates a standard or FIFO queue. As in AWS, creating a queue
// that exists returns its URL when every attribute given has the queue's
// current value, and QueueNameExists (QueueAlreadyExists) otherwise; a name
// deleted less than 60 seconds ago on the clock gives QueueDeletedRecently
// (AWS's documented rule, which the fake enforces: advance the clock to
// reuse a name at once).
func (s *Service) CreateQueue(ctx context.Context, in CreateQueueInput) (CreateQueueOutput, error) {
	sc, err := s.enter(ctx, "CreateQueue")
	if err != nil {
		return CreateQueueOutput{}, err
	}
	if in.QueueName == "" {
		return CreateQueueOutput{}, missingParameter("QueueName")
	}
	fifo := false
	attrs := map[string]string{}
	for k, v := range in.Attributes {
		if k != attrFifoQueue {
			attrs[k] = v
			continue
		}
		b, ok := parseBool(v)
		if !ok {
			return CreateQueueOutput{}, invalidAttrValue(attrFifoQueue)
		}
		fifo = b
	}
	if err := validQueueName(in.QueueName, fifo); err != nil {
		return CreateQueueOutput{}, err
	}
	cfg := defaultConfig(fifo)
	if err := cfg.apply(attrs, fifo); err != nil {
		return CreateQueueOutput{}, err
	}
	if err := validTags(in.Tags); err != nil {
		return CreateQueueOutput{}, err
	}

	s.mu.Lock()
	defer s.mu.Unlock()
	now := s.env.Clock.Now()
	p := s.partFor(sc)
	if q := p.queues[in.QueueName]; q != nil {
		if q.fifo != fifo {
			return CreateQueueOutput{}, errQueueExists(attrFifoQueue)
		}
		for _, name := range sortedKeys(attrs) {
			want, _ := cfg.render(name, fifo)
			have, _ := q.cfg.render(name, fifo)
			if want != have {
				return CreateQueueOutput{}, errQueueExists(name)
			}
		}
		return CreateQueueOutput{QueueUrl: q.url}, nil
	}
	if _, recent := p.deleted.Get(in.QueueName, now); recent {
		return CreateQueueOutput{}, newError(codeQueueDeletedRecently,
			"You must wait 60 seconds after deleting a queue before you can create another with the same name.")
	}
	queueARN := p.arnPrefix + in.QueueName
	if err := s.checkRedrive(queueARN, fifo, cfg.redrive, attrs[attrRedrivePolicy]); err != nil {
		return CreateQueueOutput{}, err
	}
	s.creations++
	stream := s.env.IDs.Derive(queueARN + "#" + strconv.FormatUint(s.creations, 10))
	q := newQueue(stream, sc.Account, in.QueueName, queueARN, p.urlPrefix+in.QueueName, fifo, cfg, now.Truncate(time.Second))
	q.part = p
	for k, v := range in.Tags {
		q.tags[k] = v
	}
	p.queues[in.QueueName] = q
	return CreateQueueOutput{QueueUrl: q.url}, nil
}

func errQueueExists(attr string) error {
	return newError(codeQueueNameExists, "A queue already exists with the same name and a different value for attribute %s", attr)
}

// GetQueueUrlInput names the queue whose URL is wanted; the owner account
// defaults to the cloud's.
type GetQueueUrlInput struct {
	QueueName              string `json:"QueueName"`
	QueueOwnerAWSAccountId string `json:"QueueOwnerAWSAccountId,omitempty"`
}

// GetQueueUrlOutput holds the queue's URL.
type GetQueueUrlOutput struct {
	QueueUrl string `json:"QueueUrl"`
}

// GetQueueUrl returns the URL of a queue by name.
func (s *Service) GetQueueUrl(ctx context.Context, in GetQueueUrlInput) (GetQueueUrlOutput, error) {
	sc, err := s.enter(ctx, "GetQueueUrl")
	if err != nil {
		return GetQueueUrlOutput{}, err
	}
	if in.QueueName == "" {
		return GetQueueUrlOutput{}, missingParameter("QueueName")
	}
	account := in.QueueOwnerAWSAccountId
	if account == "" {
		account = sc.Account
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	q, err := s.queueIn(s.part(account, sc.Region), in.QueueName)
	if err != nil {
		return GetQueueUrlOutput{}, err
	}
	return GetQueueUrlOutput{QueueUrl: q.url}, nil
}

// ListQueuesInput filters and pages the queue list.
type ListQueuesInput struct {
	QueueNamePrefix string `json:"QueueNamePrefix,omitempty"`
	NextToken       string `json:"NextToken,omitempty"`
	// MaxResults is 1 to 1000. Without it, up to 1000 URLs come back and no
	// NextToken.
	MaxResults *int32 `json:"MaxResults,omitempty"`
}

// ListQueuesOutput is one page of queue URLs.
type ListQueuesOutput struct {
	QueueUrls []string `json:"QueueUrls,omitempty"`
	NextToken string   `json:"NextToken,omitempty"`
}

// maxListResults is the page size limit of ListQueues and
// ListDeadLetterSourceQueues.
const maxListResults = 1000

// ListQueues lists the queues whose names start with QueueNamePrefix, in
// name order, a page at a time.
func (s *Service) ListQueues(ctx context.Context, in ListQueuesInput) (ListQueuesOutput, error) {
	sc, err := s.enter(ctx, "ListQueues")
	if err != nil {
		return ListQueuesOutput{}, err
	}
	s.mu.Lock()
	var names []string
	prefix := ""
	if p := s.part(sc.Account, sc.Region); p != nil { // none before its first queue
		prefix = p.urlPrefix
		for name := range p.queues {
			if strings.HasPrefix(name, in.QueueNamePrefix) {
				names = append(names, name)
			}
		}
	}
	s.mu.Unlock()
	urls, next, err := s.urlPage(prefix, names, in.NextToken, in.MaxResults)
	if err != nil {
		return ListQueuesOutput{}, err
	}
	return ListQueuesOutput{QueueUrls: urls, NextToken: next}, nil
}

// urlPage sorts the queue names and returns the URLs of the page after
// token: up to max queues (1 to 1000) and the token of the next page when max
// was given and more remain; without max, up to 1000 and no token, as
// ListQueues and ListDeadLetterSourceQueues document. An empty page is nil.
func (s *Service) urlPage(prefix string, names []string, token string, max *int32) (urls []string, next string, err error) {
	size := maxListResults
	if max != nil {
		if *max < 1 || *max > maxListResults {
			return nil, "", invalidParameter(*max, "MaxResults", "MaxResults must be an integer between 1 and 1000.")
		}
		size = int(*max)
	}
	sort.Strings(names)
	names, next, ok := pagetoken.Page(names, func(n string) string { return n }, token, size)
	if !ok {
		return nil, "", newError(codeInvalidParameterValue, "Invalid NextToken value.")
	}
	if max == nil {
		next = ""
	}
	for _, name := range names {
		urls = append(urls, prefix+name)
	}
	return urls, next, nil
}

// DeleteQueueInput names the queue to delete.
type DeleteQueueInput struct {
	QueueUrl string `json:"QueueUrl"`
}

// DeleteQueue deletes a queue and every message in it, at once (AWS takes
// up to 60 seconds). Its name can be used again 60 seconds later on the
// clock. Long polls parked on it return QueueDoesNotExist.
func (s *Service) DeleteQueue(ctx context.Context, in DeleteQueueInput) error {
	sc, err := s.enter(ctx, "DeleteQueue")
	if err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	q, err := s.queueByURL(sc, in.QueueUrl)
	if err != nil {
		return err
	}
	q.deleted = true
	q.stopTimer() // its notifiers stay, for a namesake created later
	q.wakeWaiters()
	delete(q.part.queues, q.name)
	q.part.deleted.Put(q.name, s.env.Clock.Now(), struct{}{})
	return nil
}

// PurgeQueueInput names the queue to purge.
type PurgeQueueInput struct {
	QueueUrl string `json:"QueueUrl"`
}

// PurgeQueue deletes every message of the queue, in flight or not, at once:
// what was sent before the purge is gone, what is sent after stays. A second
// purge within 60 seconds on the clock gives PurgeQueueInProgress.
func (s *Service) PurgeQueue(ctx context.Context, in PurgeQueueInput) error {
	sc, err := s.enter(ctx, "PurgeQueue")
	if err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	q, err := s.queueByURL(sc, in.QueueUrl)
	if err != nil {
		return err
	}
	now := s.now()
	if q.purgedAt != 0 && now < q.purgedAt+int64(purgeCooldown) {
		return newError(codePurgeQueueInProgress, "Only one PurgeQueue operation on %s is allowed every 60 seconds.", q.name)
	}
	q.purge()
	q.purgedAt = now
	s.rearm(q)
	return nil
}
