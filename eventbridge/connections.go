package eventbridge

import (
	"context"
	"strings"
	"time"

	"github.com/awsfake/awsfake/internal/faults"
	"github.com/awsfake/awsfake/internal/pagetoken"
)

// Connection states (ConnectionState in the SDK's types).
const (
	connAuthorized   = "AUTHORIZED"
	connAuthorizing  = "AUTHORIZING"
	connDeauthorized = "DEAUTHORIZED"
	connDeleting     = "DELETING"
)

// connection holds the credentials an API destination calls with. Its
// secrets live here, never in a Describe; the SecretArn names the
// Secrets Manager secret AWS would keep them in (the fake creates none).
type connection struct {
	name, arn, secretArn string
	description, kind    string
	auth                 ConnectionAuthParameters
	state                string
	created, modified    time.Time
	authorized           time.Time
}

// CreateConnectionInput is CreateConnection's input.
type CreateConnectionInput struct {
	Name              string
	AuthorizationType string
	AuthParameters    *ConnectionAuthParameters `json:",omitempty"`
	Description       string                    `json:",omitempty"`
	KmsKeyIdentifier  string                    `json:",omitempty"`
}

// ConnectionOutput is what Create, Update, Delete and DeauthorizeConnection
// answer.
type ConnectionOutput struct {
	ConnectionArn      string
	ConnectionState    string
	CreationTime       *Timestamp
	LastModifiedTime   *Timestamp
	LastAuthorizedTime *Timestamp `json:",omitempty"`
}

// authState is the state a connection of the kind takes once its
// credentials are set: Basic and API key at once, OAuth AUTHORIZING
// (recorded: TestEventBridgeConnections::test_create_connection_with_auth).
// The fake fetches no OAuth token, so an OAuth connection stays
// AUTHORIZING, as the recording shows it on the Describe that follows.
func authState(kind string) string {
	if kind == "OAUTH_CLIENT_CREDENTIALS" {
		return connAuthorizing
	}
	return connAuthorized
}

func validConnection(name, kind string, auth *ConnectionAuthParameters) error {
	if !ruleNameRE.MatchString(name) || len(name) > 64 { // recorded: test_create_connection_name_validation
		return errConstraint(name, "name", "Member must satisfy regular expression pattern: [\\.\\-_A-Za-z0-9]+")
	}
	switch kind { // recorded: test_create_connection_invalid_parameters
	case "BASIC", "OAUTH_CLIENT_CREDENTIALS", "API_KEY":
	default:
		return errConstraint(kind, "authorizationType", "Member must satisfy enum value set: [BASIC, OAUTH_CLIENT_CREDENTIALS, API_KEY]")
	}
	return checkAuthFor(kind, auth)
}

// checkAuthFor requires the parameters of the authorization type. AWS
// documents them as required for the type (CreateConnectionAuthRequestParameters)
// without a recorded message; the fake names the missing member.
func checkAuthFor(kind string, auth *ConnectionAuthParameters) error {
	missing := auth == nil
	if !missing {
		switch kind {
		case "BASIC":
			missing = auth.BasicAuthParameters == nil
		case "API_KEY":
			missing = auth.ApiKeyAuthParameters == nil
		default:
			missing = auth.OAuthParameters == nil || auth.OAuthParameters.ClientParameters == nil
		}
	}
	if missing {
		return errValidation("The authorization parameters of %s are missing.", kind)
	}
	return nil
}

// CreateConnection creates a connection; its ARN is
// connection/<name>/<uuid> (recorded: test_create_connection).
func (s *Service) CreateConnection(ctx context.Context, in CreateConnectionInput) (ConnectionOutput, error) {
	sc, err := s.enter(ctx, "CreateConnection")
	if err != nil {
		return ConnectionOutput{}, err
	}
	if err := validConnection(in.Name, in.AuthorizationType, in.AuthParameters); err != nil {
		return ConnectionOutput{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	p := s.part(sc)
	if p.connections[in.Name] != nil {
		return ConnectionOutput{}, newError(codeResourceExists, "Connection %s already exists.", in.Name)
	}
	id := s.env.IDs.UUID()
	now := s.now()
	c := &connection{name: in.Name, arn: p.sc.ARN(arnService, "connection/"+in.Name+"/"+id),
		secretArn:   p.sc.ARN("secretsmanager", "secret:events!connection/"+in.Name+"/"+s.env.IDs.UUID()+"-"+s.env.IDs.Upper(6)),
		description: in.Description, kind: in.AuthorizationType, auth: *in.AuthParameters,
		state: authState(in.AuthorizationType), created: now, modified: now, authorized: now}
	p.connections[c.name] = c
	return ConnectionOutput{ConnectionArn: c.arn, ConnectionState: c.state, CreationTime: At(now), LastModifiedTime: At(now)}, nil
}

// ConnectionInput names a connection.
type ConnectionInput struct{ Name string }

// DescribeConnectionOutput is DescribeConnection's output.
type DescribeConnectionOutput struct {
	Name               string
	ConnectionArn      string
	ConnectionState    string
	AuthorizationType  string
	AuthParameters     *ConnectionAuthParameters `json:",omitempty"`
	Description        string                    `json:",omitempty"`
	SecretArn          string                    `json:",omitempty"`
	CreationTime       *Timestamp
	LastModifiedTime   *Timestamp
	LastAuthorizedTime *Timestamp
}

func (c *connection) view(full bool) DescribeConnectionOutput {
	out := DescribeConnectionOutput{Name: c.name, ConnectionArn: c.arn, ConnectionState: c.state, AuthorizationType: c.kind,
		CreationTime: At(c.created), LastModifiedTime: At(c.modified), LastAuthorizedTime: At(c.authorized)}
	if full {
		out.AuthParameters, out.Description, out.SecretArn = c.auth.public(), c.description, c.secretArn
	}
	return out
}

func (c *connection) output(state string) ConnectionOutput {
	return ConnectionOutput{ConnectionArn: c.arn, ConnectionState: state, CreationTime: At(c.created),
		LastModifiedTime: At(c.modified), LastAuthorizedTime: At(c.authorized)}
}

// connectionNamed finds a connection, or AWS's not found for the verb
// ("describe", "delete", ...). It runs under the lock.
func (s *Service) connectionNamed(sc faults.Scope, verb, name string) (*connection, error) {
	c := s.part(sc).connections[name]
	if c == nil { // recorded: test_delete_connection
		return nil, newError(codeResourceNotFound, "Failed to %s the connection(s). Connection '%s' does not exist.", verb, name)
	}
	return c, nil
}

// DescribeConnection describes a connection without its secrets.
func (s *Service) DescribeConnection(ctx context.Context, in ConnectionInput) (DescribeConnectionOutput, error) {
	sc, err := s.enter(ctx, "DescribeConnection")
	if err != nil {
		return DescribeConnectionOutput{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	c, err := s.connectionNamed(sc, "describe", in.Name)
	if err != nil {
		return DescribeConnectionOutput{}, err
	}
	return c.view(true), nil
}

// UpdateConnectionInput is UpdateConnection's input.
type UpdateConnectionInput struct {
	Name              string
	AuthorizationType string                    `json:",omitempty"`
	AuthParameters    *ConnectionAuthParameters `json:",omitempty"`
	Description       string                    `json:",omitempty"`
}

// UpdateConnection changes the members it sets; a secret left out keeps
// its value, and new credentials authorize the connection again.
func (s *Service) UpdateConnection(ctx context.Context, in UpdateConnectionInput) (ConnectionOutput, error) {
	sc, err := s.enter(ctx, "UpdateConnection")
	if err != nil {
		return ConnectionOutput{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	c, err := s.connectionNamed(sc, "update", in.Name)
	if err != nil {
		return ConnectionOutput{}, err
	}
	kind := c.kind
	if in.AuthorizationType != "" {
		kind = in.AuthorizationType
	}
	auth := c.auth.merge(in.AuthParameters)
	if err := validConnection(in.Name, kind, &auth); err != nil {
		return ConnectionOutput{}, err
	}
	c.kind, c.auth, c.modified = kind, auth, s.now()
	if in.Description != "" {
		c.description = in.Description
	}
	if in.AuthParameters != nil || in.AuthorizationType != "" || c.state == connDeauthorized {
		c.state, c.authorized = authState(kind), c.modified
	}
	return c.output(c.state), nil
}

// DeleteConnection deletes a connection: it answers DELETING and is gone
// for a later call (recorded: test_delete_connection).
func (s *Service) DeleteConnection(ctx context.Context, in ConnectionInput) (ConnectionOutput, error) {
	sc, err := s.enter(ctx, "DeleteConnection")
	if err != nil {
		return ConnectionOutput{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	c, err := s.connectionNamed(sc, "delete", in.Name)
	if err != nil {
		return ConnectionOutput{}, err
	}
	delete(s.part(sc).connections, c.name)
	return c.output(connDeleting), nil
}

// DeauthorizeConnection drops a connection's authorization: it answers
// DEAUTHORIZING and is DEAUTHORIZED at once (the fake holds no token to
// revoke); an UpdateConnection authorizes it again.
func (s *Service) DeauthorizeConnection(ctx context.Context, in ConnectionInput) (ConnectionOutput, error) {
	sc, err := s.enter(ctx, "DeauthorizeConnection")
	if err != nil {
		return ConnectionOutput{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	c, err := s.connectionNamed(sc, "deauthorize", in.Name)
	if err != nil {
		return ConnectionOutput{}, err
	}
	c.state, c.modified = connDeauthorized, s.now()
	return c.output("DEAUTHORIZING"), nil
}

// ListConnectionsInput is ListConnections's input.
type ListConnectionsInput struct {
	NamePrefix      string `json:",omitempty"`
	ConnectionState string `json:",omitempty"`
	NextToken       string `json:",omitempty"`
	Limit           int32  `json:",omitempty"`
}

// ListConnectionsOutput is ListConnections's output.
type ListConnectionsOutput struct {
	Connections []DescribeConnectionOutput
	NextToken   string `json:",omitempty"`
}

// ListConnections lists the connections by name, without their
// parameters (recorded: test_list_connections).
func (s *Service) ListConnections(ctx context.Context, in ListConnectionsInput) (ListConnectionsOutput, error) {
	sc, err := s.enter(ctx, "ListConnections")
	if err != nil {
		return ListConnectionsOutput{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	p := s.part(sc)
	var all []DescribeConnectionOutput
	for _, n := range sortedNames(p.connections) {
		c := p.connections[n]
		if strings.HasPrefix(n, in.NamePrefix) && (in.ConnectionState == "" || in.ConnectionState == c.state) {
			all = append(all, c.view(false))
		}
	}
	page, next, ok := pagetoken.Page(all, func(c DescribeConnectionOutput) string { return c.Name }, in.NextToken, pageSize(in.Limit))
	if !ok {
		return ListConnectionsOutput{}, errValidation("The nextToken provided is invalid.")
	}
	return ListConnectionsOutput{Connections: orEmpty(page), NextToken: next}, nil
}
