package eventbridge

import (
	"context"
	"strings"

	"github.com/awsfake/awsfake/internal/pagetoken"
)

// DescribeApiDestination describes an API destination.
func (s *Service) DescribeApiDestination(ctx context.Context, in DestinationNameInput) (DescribeApiDestinationOutput, error) {
	sc, err := s.enter(ctx, "DescribeApiDestination")
	if err != nil {
		return DescribeApiDestinationOutput{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	d, err := s.destinationNamed(sc, "describe", in.Name)
	if err != nil {
		return DescribeApiDestinationOutput{}, err
	}
	return s.destView(sc, d, true), nil
}

// UpdateApiDestination changes the members it sets.
func (s *Service) UpdateApiDestination(ctx context.Context, in ApiDestinationInput) (ApiDestinationOutput, error) {
	sc, err := s.enter(ctx, "UpdateApiDestination")
	if err != nil {
		return ApiDestinationOutput{}, err
	}
	if err := validDestination(in, false); err != nil {
		return ApiDestinationOutput{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	d, err := s.destinationNamed(sc, "update", in.Name)
	if err != nil {
		return ApiDestinationOutput{}, err
	}
	if in.ConnectionArn != "" {
		if _, err := s.connectionOf(sc, "update", in.ConnectionArn); err != nil {
			return ApiDestinationOutput{}, err
		}
		d.connArn = in.ConnectionArn
	}
	set(&d.endpoint, in.InvocationEndpoint)
	set(&d.method, in.HttpMethod)
	set(&d.description, in.Description)
	if in.InvocationRateLimitPerSecond > 0 {
		d.rateLimit = in.InvocationRateLimitPerSecond
	}
	d.modified = s.now()
	return s.destOutput(sc, d), nil
}

func set(dst *string, v string) {
	if v != "" {
		*dst = v
	}
}

// DeleteApiDestination deletes an API destination; it answers nothing.
func (s *Service) DeleteApiDestination(ctx context.Context, in DestinationNameInput) error {
	sc, err := s.enter(ctx, "DeleteApiDestination")
	if err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	d, err := s.destinationNamed(sc, "delete", in.Name)
	if err != nil {
		return err
	}
	delete(s.part(sc).destinations, d.name)
	return nil
}

// ListApiDestinationsInput is ListApiDestinations's input.
type ListApiDestinationsInput struct {
	NamePrefix    string `json:",omitempty"`
	ConnectionArn string `json:",omitempty"`
	NextToken     string `json:",omitempty"`
	Limit         int32  `json:",omitempty"`
}

// ListApiDestinationsOutput is ListApiDestinations's output.
type ListApiDestinationsOutput struct {
	ApiDestinations []DescribeApiDestinationOutput
	NextToken       string `json:",omitempty"`
}

// ListApiDestinations lists the API destinations by name, without their
// descriptions (recorded: test_api_destinations).
func (s *Service) ListApiDestinations(ctx context.Context, in ListApiDestinationsInput) (ListApiDestinationsOutput, error) {
	sc, err := s.enter(ctx, "ListApiDestinations")
	if err != nil {
		return ListApiDestinationsOutput{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	p := s.part(sc)
	var all []DescribeApiDestinationOutput
	for _, n := range sortedNames(p.destinations) {
		d := p.destinations[n]
		if strings.HasPrefix(n, in.NamePrefix) && (in.ConnectionArn == "" || in.ConnectionArn == d.connArn) {
			all = append(all, s.destView(sc, d, false))
		}
	}
	page, next, ok := pagetoken.Page(all, func(d DescribeApiDestinationOutput) string { return d.Name }, in.NextToken, pageSize(in.Limit))
	if !ok {
		return ListApiDestinationsOutput{}, errValidation("The nextToken provided is invalid.")
	}
	return ListApiDestinationsOutput{ApiDestinations: orEmpty(page), NextToken: next}, nil
}
