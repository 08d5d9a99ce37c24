package lambda

import (
	"context"
	"sort"
	"time"

	"github.com/awsfake/awsfake/internal/arn"
	"github.com/awsfake/awsfake/internal/faults"
)

// OnSuccess is the destination of successful asynchronous invocations.
type OnSuccess struct {
	Destination string `json:",omitempty"`
}

// OnFailure is the destination of asynchronous invocations that failed.
type OnFailure struct {
	Destination string `json:",omitempty"`
}

// DestinationConfig names where invocation records go: an SQS queue, an SNS
// topic, a Lambda function or an EventBridge bus ARN.
type DestinationConfig struct {
	OnSuccess *OnSuccess `json:",omitempty"`
	OnFailure *OnFailure `json:",omitempty"`
}

// FunctionEventInvokeConfig configures asynchronous invocation of a version
// or alias: retries (0-2, default 2), maximum event age (60-21600 s, default
// 21600) and destinations.
type FunctionEventInvokeConfig struct {
	LastModified             time.Time `json:"-"`
	FunctionArn              string
	MaximumRetryAttempts     *int32             `json:",omitempty"`
	MaximumEventAgeInSeconds *int32             `json:",omitempty"`
	DestinationConfig        *DestinationConfig `json:",omitempty"`
}

// PutFunctionEventInvokeConfigInput sets the whole asynchronous invocation
// configuration of a function, version or alias.
type PutFunctionEventInvokeConfigInput struct {
	FunctionName             string
	Qualifier                string
	MaximumRetryAttempts     *int32
	MaximumEventAgeInSeconds *int32
	DestinationConfig        *DestinationConfig
}

// PutFunctionEventInvokeConfig replaces the configuration: members not given
// return to their defaults.
func (s *Service) PutFunctionEventInvokeConfig(ctx context.Context, in PutFunctionEventInvokeConfigInput) (FunctionEventInvokeConfig, error) {
	sc, err := s.enter(ctx, "PutFunctionEventInvokeConfig")
	if err != nil {
		return FunctionEventInvokeConfig{}, err
	}
	return s.setEventInvokeConfig(sc, in, false)
}

// UpdateFunctionEventInvokeConfig changes only the members given.
func (s *Service) UpdateFunctionEventInvokeConfig(ctx context.Context, in PutFunctionEventInvokeConfigInput) (FunctionEventInvokeConfig, error) {
	sc, err := s.enter(ctx, "UpdateFunctionEventInvokeConfig")
	if err != nil {
		return FunctionEventInvokeConfig{}, err
	}
	return s.setEventInvokeConfig(sc, in, true)
}

func (s *Service) setEventInvokeConfig(sc faults.Scope, in PutFunctionEventInvokeConfigInput, merge bool) (FunctionEventInvokeConfig, error) {
	if n := in.MaximumRetryAttempts; n != nil && (*n < 0 || *n > 2) {
		return FunctionEventInvokeConfig{}, errRange("maximumRetryAttempts", int64(*n), 0, 2)
	}
	if n := in.MaximumEventAgeInSeconds; n != nil && (*n < 60 || *n > 21600) {
		return FunctionEventInvokeConfig{}, errRange("maximumEventAgeInSeconds", int64(*n), 60, 21600)
	}
	if d := in.DestinationConfig; d != nil {
		for _, target := range []string{destination(d.OnSuccess), destinationFailure(d.OnFailure)} {
			if err := checkDestination(target); err != nil {
				return FunctionEventInvokeConfig{}, err
			}
		}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	f, q, err := s.eventConfigTargetLocked(sc, in.FunctionName, in.Qualifier)
	if err != nil {
		return FunctionEventInvokeConfig{}, err
	}
	c := f.invokeConfigs[q]
	if c == nil || !merge {
		c = &FunctionEventInvokeConfig{FunctionArn: f.qualifiedARN(q)}
	}
	if in.MaximumRetryAttempts != nil || !merge {
		c.MaximumRetryAttempts = orDefault(in.MaximumRetryAttempts, defaultRetryAttempts)
	}
	if in.MaximumEventAgeInSeconds != nil || !merge {
		c.MaximumEventAgeInSeconds = orDefault(in.MaximumEventAgeInSeconds, int32(defaultMaxEventAge/time.Second))
	}
	if in.DestinationConfig != nil || !merge {
		c.DestinationConfig = &DestinationConfig{OnSuccess: &OnSuccess{}, OnFailure: &OnFailure{}}
		if in.DestinationConfig != nil {
			c.DestinationConfig.OnSuccess.Destination = destination(in.DestinationConfig.OnSuccess)
			c.DestinationConfig.OnFailure.Destination = destinationFailure(in.DestinationConfig.OnFailure)
		}
	}
	c.LastModified = s.now()
	f.invokeConfigs[q] = c
	return c.snapshot(), nil
}

func orDefault(p *int32, def int32) *int32 {
	if p == nil {
		return &def
	}
	n := *p
	return &n
}

func destination(d *OnSuccess) string {
	if d == nil {
		return ""
	}
	return d.Destination
}

func destinationFailure(d *OnFailure) string {
	if d == nil {
		return ""
	}
	return d.Destination
}

// checkDestination accepts the destinations AWS accepts: the ARN of an SQS
// queue, SNS topic, Lambda function or EventBridge bus (or nothing).
func checkDestination(target string) error {
	if target == "" {
		return nil
	}
	a, err := arn.Parse(target)
	if err == nil {
		switch a.Service {
		case "sqs", "sns", "lambda", "events":
			return nil
		}
	}
	return errInvalid("The provided destination config DestinationConfig(onSuccess=null, onFailure=OnFailure(destination=%s)) is invalid.", target)
}

func (c *FunctionEventInvokeConfig) snapshot() FunctionEventInvokeConfig {
	out := *c
	if c.DestinationConfig != nil {
		d := DestinationConfig{}
		if c.DestinationConfig.OnSuccess != nil {
			d.OnSuccess = &OnSuccess{Destination: c.DestinationConfig.OnSuccess.Destination}
		}
		if c.DestinationConfig.OnFailure != nil {
			d.OnFailure = &OnFailure{Destination: c.DestinationConfig.OnFailure.Destination}
		}
		out.DestinationConfig = &d
	}
	return out
}

// eventConfigTargetLocked returns the function and qualifier a
// configuration belongs to: $LATEST for an unqualified name.
func (s *Service) eventConfigTargetLocked(sc faults.Scope, name, qualifier string) (*function, string, error) {
	r, err := s.parseRef(sc, "functionName", name, qualifier)
	if err != nil {
		return nil, "", err
	}
	f, _, err := s.resolveLocked(r)
	if err != nil {
		return nil, "", err
	}
	if r.qualifier == "" {
		r.qualifier = latest
	}
	return f, r.qualifier, nil
}

// existingEventConfigLocked is eventConfigTargetLocked for a configuration
// that must exist: none is ResourceNotFoundException.
func (s *Service) existingEventConfigLocked(sc faults.Scope, name, qualifier string) (*function, string, error) {
	f, q, err := s.eventConfigTargetLocked(sc, name, qualifier)
	if err != nil {
		return nil, "", err
	}
	if f.invokeConfigs[q] == nil {
		return nil, "", errNotFound("The function %s doesn't have an EventInvokeConfig", f.qualifiedARN(q))
	}
	return f, q, nil
}

// GetFunctionEventInvokeConfigInput names a function, version or alias.
type GetFunctionEventInvokeConfigInput struct {
	FunctionName string
	Qualifier    string
}

// GetFunctionEventInvokeConfig returns the configuration of a function,
// version or alias.
func (s *Service) GetFunctionEventInvokeConfig(ctx context.Context, in GetFunctionEventInvokeConfigInput) (FunctionEventInvokeConfig, error) {
	sc, err := s.enter(ctx, "GetFunctionEventInvokeConfig")
	if err != nil {
		return FunctionEventInvokeConfig{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	f, q, err := s.existingEventConfigLocked(sc, in.FunctionName, in.Qualifier)
	if err != nil {
		return FunctionEventInvokeConfig{}, err
	}
	return f.invokeConfigs[q].snapshot(), nil
}

// DeleteFunctionEventInvokeConfig removes the configuration: the defaults
// apply again.
func (s *Service) DeleteFunctionEventInvokeConfig(ctx context.Context, in GetFunctionEventInvokeConfigInput) error {
	sc, err := s.enter(ctx, "DeleteFunctionEventInvokeConfig")
	if err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	f, q, err := s.existingEventConfigLocked(sc, in.FunctionName, in.Qualifier)
	if err != nil {
		return err
	}
	delete(f.invokeConfigs, q)
	return nil
}

// ListFunctionEventInvokeConfigsInput pages through a function's
// configurations.
type ListFunctionEventInvokeConfigsInput struct {
	FunctionName string
	Marker       string
	MaxItems     int32
}

// ListFunctionEventInvokeConfigsOutput is one page of them.
type ListFunctionEventInvokeConfigsOutput struct {
	FunctionEventInvokeConfigs []FunctionEventInvokeConfig
	NextMarker                 string `json:",omitempty"`
}

// ListFunctionEventInvokeConfigs lists a function's configurations by
// qualified ARN.
func (s *Service) ListFunctionEventInvokeConfigs(ctx context.Context, in ListFunctionEventInvokeConfigsInput) (ListFunctionEventInvokeConfigsOutput, error) {
	sc, err := s.enter(ctx, "ListFunctionEventInvokeConfigs")
	if err != nil {
		return ListFunctionEventInvokeConfigsOutput{}, err
	}
	s.mu.Lock()
	f, err := s.functionNamedLocked(sc, in.FunctionName)
	if err != nil {
		s.mu.Unlock()
		return ListFunctionEventInvokeConfigsOutput{}, err
	}
	var all []FunctionEventInvokeConfig
	for _, c := range f.invokeConfigs {
		all = append(all, c.snapshot())
	}
	s.mu.Unlock()
	sort.Slice(all, func(i, j int) bool { return all[i].FunctionArn < all[j].FunctionArn })
	items, next, err := page(all, func(c FunctionEventInvokeConfig) string { return c.FunctionArn }, in.Marker, in.MaxItems, pageTo50)
	if err != nil {
		return ListFunctionEventInvokeConfigsOutput{}, err
	}
	return ListFunctionEventInvokeConfigsOutput{FunctionEventInvokeConfigs: nonNil(items), NextMarker: next}, nil
}
