package eventbridge

import (
	"context"
	"encoding/json"
	"regexp"
	"strings"

	"github.com/awsfake/awsfake/internal/pagetoken"
)

// CreateEventBusInput is CreateEventBus's input.
type CreateEventBusInput struct {
	Name             string
	EventSourceName  string            `json:",omitempty"`
	Description      string            `json:",omitempty"`
	KmsKeyIdentifier string            `json:",omitempty"`
	DeadLetterConfig *DeadLetterConfig `json:",omitempty"`
	Tags             []Tag             `json:",omitempty"`
}

// CreateEventBusOutput is CreateEventBus's output.
type CreateEventBusOutput struct {
	EventBusArn string
	Description string `json:",omitempty"`
}

var busNameRE = regexp.MustCompile(`^[/\.\-_A-Za-z0-9]{1,256}$`)

// CreateEventBus creates a custom event bus. A name already used is
// ResourceAlreadyExistsException ("Event bus <name> already exists.",
// recorded: TestEventBus::test_create_multiple_event_buses_same_name).
func (s *Service) CreateEventBus(ctx context.Context, in CreateEventBusInput) (CreateEventBusOutput, error) {
	sc, err := s.enter(ctx, "CreateEventBus")
	if err != nil {
		return CreateEventBusOutput{}, err
	}
	if !busNameRE.MatchString(in.Name) || strings.HasPrefix(in.Name, "aws.") && in.EventSourceName == "" {
		return CreateEventBusOutput{}, errConstraint(in.Name, "name", "Member must satisfy regular expression pattern: [/\\.\\-_A-Za-z0-9]+")
	}
	if err := checkTags(in.Tags); err != nil {
		return CreateEventBusOutput{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	p := s.part(sc)
	if p.buses[in.Name] != nil {
		return CreateEventBusOutput{}, newError(codeResourceExists, "Event bus %s already exists.", in.Name)
	}
	b := newEventBus(p.sc, in.Name, s.now())
	b.description = in.Description
	p.buses[in.Name] = b
	s.setTags(b.arn, in.Tags)
	return CreateEventBusOutput{EventBusArn: b.arn, Description: in.Description}, nil
}

// DeleteEventBusInput is DeleteEventBus's input.
type DeleteEventBusInput struct{ Name string }

// DeleteEventBus deletes a custom bus and its rules; the default bus
// cannot be deleted. A bus that does not exist is not an error, as AWS
// answers (recorded: TestEventBus::test_describe_delete_not_existing_event_bus).
func (s *Service) DeleteEventBus(ctx context.Context, in DeleteEventBusInput) error {
	sc, err := s.enter(ctx, "DeleteEventBus")
	if err != nil {
		return err
	}
	if in.Name == defaultBus {
		return errValidation("Cannot delete event bus default.")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	p := s.part(sc)
	if b := p.buses[in.Name]; b != nil {
		for _, r := range b.rules {
			r.disarm()
			delete(s.tags, r.arn)
		}
		delete(s.tags, b.arn)
		delete(p.buses, in.Name)
	}
	return nil
}

// DescribeEventBusInput is DescribeEventBus's input.
type DescribeEventBusInput struct {
	Name string `json:",omitempty"`
}

// DescribeEventBus describes a bus; "" is the default one.
func (s *Service) DescribeEventBus(ctx context.Context, in DescribeEventBusInput) (EventBus, error) {
	sc, err := s.enter(ctx, "DescribeEventBus")
	if err != nil {
		return EventBus{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	b, err := s.busNamed(sc, in.Name)
	if err != nil {
		return EventBus{}, err
	}
	return b.view(), nil
}

func (b *eventBus) view() EventBus {
	return EventBus{Name: b.name, Arn: b.arn, Description: b.description, Policy: b.policy.String(),
		CreationTime: At(b.created), LastModifiedTime: At(b.modified)}
}

// UpdateEventBusInput is UpdateEventBus's input.
type UpdateEventBusInput struct {
	Name             string `json:",omitempty"`
	Description      string `json:",omitempty"`
	KmsKeyIdentifier string `json:",omitempty"`
}

// UpdateEventBusOutput is UpdateEventBus's output.
type UpdateEventBusOutput struct {
	Arn         string
	Name        string
	Description string `json:",omitempty"`
}

// UpdateEventBus changes a bus's description.
func (s *Service) UpdateEventBus(ctx context.Context, in UpdateEventBusInput) (UpdateEventBusOutput, error) {
	sc, err := s.enter(ctx, "UpdateEventBus")
	if err != nil {
		return UpdateEventBusOutput{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	b, err := s.busNamed(sc, in.Name)
	if err != nil {
		return UpdateEventBusOutput{}, err
	}
	b.description, b.modified = in.Description, s.now()
	return UpdateEventBusOutput{Arn: b.arn, Name: b.name, Description: b.description}, nil
}

// ListEventBusesInput is ListEventBuses's input.
type ListEventBusesInput struct {
	NamePrefix string `json:",omitempty"`
	NextToken  string `json:",omitempty"`
	Limit      int32  `json:",omitempty"`
}

// ListEventBusesOutput is ListEventBuses's output.
type ListEventBusesOutput struct {
	EventBuses []EventBus
	NextToken  string `json:",omitempty"`
}

// ListEventBuses lists the buses by name, the default one included.
func (s *Service) ListEventBuses(ctx context.Context, in ListEventBusesInput) (ListEventBusesOutput, error) {
	sc, err := s.enter(ctx, "ListEventBuses")
	if err != nil {
		return ListEventBusesOutput{}, err
	}
	if err := checkLimit(in.Limit); err != nil {
		return ListEventBusesOutput{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	p := s.part(sc)
	var all []EventBus
	for _, name := range sortedNames(p.buses) {
		if strings.HasPrefix(name, in.NamePrefix) {
			all = append(all, p.buses[name].view())
		}
	}
	page, next, ok := pagetoken.Page(all, func(b EventBus) string { return b.Name }, in.NextToken, pageSize(in.Limit))
	if !ok {
		return ListEventBusesOutput{}, errValidation("The nextToken provided is invalid.")
	}
	return ListEventBusesOutput{EventBuses: orEmpty(page), NextToken: next}, nil
}

// checkLimit is AWS's range for a Limit: 1..100.
func checkLimit(n int32) error {
	if n < 0 || n > 100 {
		return errConstraint(n, "limit", "Member must have value less than or equal to 100")
	}
	return nil
}

// pageSize is a list's page: Limit, else 100.
func pageSize(n int32) int {
	if n <= 0 {
		return 100
	}
	return int(n)
}

func orEmpty[T any](v []T) []T {
	if v == nil {
		return []T{}
	}
	return v
}

// rawJSON is a string holding JSON, as a policy or a condition.
func rawJSON(s string) (json.RawMessage, bool) {
	if !json.Valid([]byte(s)) {
		return nil, false
	}
	return json.RawMessage(s), true
}
