package eventbridge

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"time"

	"github.com/awsfake/awsfake/internal/faults"
)

// defaultRateLimit is InvocationRateLimitPerSecond when none is set
// (recorded: TestEventBridgeApiDestinations::test_api_destinations).
const defaultRateLimit = 300

// connectionARNRE is the connectionArn pattern of AWS's message
// (recorded: test_create_api_destination_invalid_parameters).
var connectionARNRE = regexp.MustCompile(`^arn:aws([a-z]|\-)*:events:([a-z]|\d|\-)*:([0-9]{12})?:connection\/[\.\-_A-Za-z0-9]+\/[\-A-Za-z0-9]+$`)

// apiDestination is an HTTP endpoint rules can target, called with its
// connection's credentials.
type apiDestination struct {
	name, arn, connArn string
	description        string
	endpoint, method   string
	rateLimit          int32
	created, modified  time.Time
}

// ApiDestinationInput is CreateApiDestination's and UpdateApiDestination's input.
type ApiDestinationInput struct {
	Name                         string
	ConnectionArn                string `json:",omitempty"`
	InvocationEndpoint           string `json:",omitempty"`
	HttpMethod                   string `json:",omitempty"`
	Description                  string `json:",omitempty"`
	InvocationRateLimitPerSecond int32  `json:",omitempty"`
}

// ApiDestinationOutput is what Create, Update and DeleteApiDestination answer.
type ApiDestinationOutput struct {
	ApiDestinationArn   string     `json:",omitempty"`
	ApiDestinationState string     `json:",omitempty"`
	CreationTime        *Timestamp `json:",omitempty"`
	LastModifiedTime    *Timestamp `json:",omitempty"`
}

// validDestination checks what in sets, AWS's validation errors joined
// into one message as AWS joins them.
func validDestination(in ApiDestinationInput, create bool) error {
	if !ruleNameRE.MatchString(in.Name) { // recorded: test_create_api_destination_name_validation
		return errConstraint(in.Name, "name", "Member must satisfy regular expression pattern: [\\.\\-_A-Za-z0-9]+")
	}
	var msgs []string
	if (create || in.ConnectionArn != "") && !connectionARNRE.MatchString(in.ConnectionArn) {
		msgs = append(msgs, fmt.Sprintf("Value '%s' at 'connectionArn' failed to satisfy constraint: Member must satisfy regular expression pattern: %s", in.ConnectionArn, connectionARNRE))
	}
	switch in.HttpMethod {
	case "HEAD", "POST", "PATCH", "DELETE", "PUT", "GET", "OPTIONS":
	default:
		if create || in.HttpMethod != "" {
			msgs = append(msgs, fmt.Sprintf("Value '%s' at 'httpMethod' failed to satisfy constraint: Member must satisfy enum value set: [HEAD, POST, PATCH, DELETE, PUT, GET, OPTIONS]", in.HttpMethod))
		}
	}
	if (create || in.InvocationEndpoint != "") && !strings.HasPrefix(in.InvocationEndpoint, "https://") {
		// The documented pattern of InvocationEndpoint: ^((%[0-9A-Fa-f]{2}|[-()_.!~*';/?:@\x26=+$,A-Za-z0-9])+)([).!';/?:,])?$ with HTTPS only.
		msgs = append(msgs, fmt.Sprintf("Value '%s' at 'invocationEndpoint' failed to satisfy constraint: Member must satisfy regular expression pattern: ^((%%[0-9A-Fa-f]{2}|[-()_.!~*';/?:@\\x26=+$,A-Za-z0-9])+)([).!';/?:,])?$", in.InvocationEndpoint))
	}
	if in.InvocationRateLimitPerSecond < 0 {
		msgs = append(msgs, fmt.Sprintf("Value '%d' at 'invocationRateLimitPerSecond' failed to satisfy constraint: Member must have value greater than or equal to 1", in.InvocationRateLimitPerSecond))
	}
	switch len(msgs) {
	case 0:
		return nil
	case 1:
		return errValidation("1 validation error detected: %s", msgs[0])
	}
	return errValidation("%d validation errors detected: %s", len(msgs), strings.Join(msgs, "; "))
}

// connectionOf finds the connection an ARN names, or AWS's not found for
// the api-destination verb. It runs under the lock.
func (s *Service) connectionOf(sc faults.Scope, verb, connArn string) (*connection, error) {
	for _, c := range s.part(sc).connections {
		if c.arn == connArn {
			return c, nil
		}
	}
	_, rest, _ := strings.Cut(connArn, ":connection/")
	name, _, _ := strings.Cut(rest, "/")
	return nil, newError(codeResourceNotFound, "Failed to %s the api-destination(s). Connection '%s' does not exist.", verb, name)
}

// state is ACTIVE while the connection is authorized, INACTIVE otherwise
// (recorded: test_api_destinations[auth2], an OAuth connection). It runs
// under the lock.
func (s *Service) destState(sc faults.Scope, d *apiDestination) string {
	if c, err := s.connectionOf(sc, "describe", d.connArn); err == nil && c.state == connAuthorized {
		return "ACTIVE"
	}
	return "INACTIVE"
}

func (s *Service) destOutput(sc faults.Scope, d *apiDestination) ApiDestinationOutput {
	return ApiDestinationOutput{ApiDestinationArn: d.arn, ApiDestinationState: s.destState(sc, d), CreationTime: At(d.created), LastModifiedTime: At(d.modified)}
}

// CreateApiDestination creates an API destination; its ARN is
// api-destination/<name>/<uuid>.
func (s *Service) CreateApiDestination(ctx context.Context, in ApiDestinationInput) (ApiDestinationOutput, error) {
	sc, err := s.enter(ctx, "CreateApiDestination")
	if err != nil {
		return ApiDestinationOutput{}, err
	}
	if err := validDestination(in, true); err != nil {
		return ApiDestinationOutput{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	p := s.part(sc)
	if p.destinations[in.Name] != nil {
		return ApiDestinationOutput{}, newError(codeResourceExists, "An api-destination '%s' already exists.", in.Name)
	}
	if _, err := s.connectionOf(sc, "create", in.ConnectionArn); err != nil {
		return ApiDestinationOutput{}, err
	}
	now := s.now()
	d := &apiDestination{name: in.Name, arn: p.sc.ARN(arnService, "api-destination/"+in.Name+"/"+s.env.IDs.UUID()), connArn: in.ConnectionArn,
		description: in.Description, endpoint: in.InvocationEndpoint, method: in.HttpMethod, rateLimit: in.InvocationRateLimitPerSecond,
		created: now, modified: now}
	if d.rateLimit == 0 {
		d.rateLimit = defaultRateLimit
	}
	p.destinations[d.name] = d
	return s.destOutput(sc, d), nil
}

// DestinationNameInput names an API destination.
type DestinationNameInput struct{ Name string }

// DescribeApiDestinationOutput is DescribeApiDestination's output.
type DescribeApiDestinationOutput struct {
	Name                         string
	ApiDestinationArn            string
	ApiDestinationState          string
	ConnectionArn                string
	InvocationEndpoint           string
	HttpMethod                   string
	InvocationRateLimitPerSecond int32
	Description                  string `json:",omitempty"`
	CreationTime                 *Timestamp
	LastModifiedTime             *Timestamp
}

func (s *Service) destView(sc faults.Scope, d *apiDestination, full bool) DescribeApiDestinationOutput {
	out := DescribeApiDestinationOutput{Name: d.name, ApiDestinationArn: d.arn, ApiDestinationState: s.destState(sc, d), ConnectionArn: d.connArn,
		InvocationEndpoint: d.endpoint, HttpMethod: d.method, InvocationRateLimitPerSecond: d.rateLimit,
		CreationTime: At(d.created), LastModifiedTime: At(d.modified)}
	if full {
		out.Description = d.description
	}
	return out
}

// destinationNamed finds an API destination (recorded:
// test_api_destinations, the describe after delete). It runs under the lock.
func (s *Service) destinationNamed(sc faults.Scope, verb, name string) (*apiDestination, error) {
	d := s.part(sc).destinations[name]
	if d == nil {
		return nil, newError(codeResourceNotFound, "Failed to %s the api-destination(s). An api-destination '%s' does not exist.", verb, name)
	}
	return d, nil
}
