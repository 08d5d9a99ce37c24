package sns

import (
	"context"
	"maps"
	"regexp"
	"slices"
	"strings"
)

// Mobile push: platform applications and their endpoints are stored and
// listed as AWS does, and a message for an endpoint (published to it with
// TargetArn, or to a topic it is subscribed to) lands in the outbox; nothing
// reaches APNs, FCM or the other push services, and the platform credentials
// are not checked.

// platforms are the Platform values CreatePlatformApplication accepts.
var platforms = map[string]bool{
	"ADM": true, "APNS": true, "APNS_SANDBOX": true, "APNS_VOIP": true, "APNS_VOIP_SANDBOX": true,
	"BAIDU": true, "GCM": true, "MACOS": true, "MACOS_SANDBOX": true, "MPNS": true, "WNS": true,
}

// endpointAttributeNames are the attributes of a platform endpoint.
var endpointAttributeNames = map[string]bool{"CustomUserData": true, "Enabled": true, "Token": true}

var platformAppName = regexp.MustCompile(`^[A-Za-z0-9._-]+$`)

// platformState holds the applications and endpoints of every partition,
// by ARN; each partition lists its applications (partition.appArns).
type platformState struct {
	apps      map[string]*platformApp
	endpoints map[string]*platformEndpoint
}

type platformApp struct {
	arn, platform, name string
	part                *partition
	attrs               map[string]string
	endpoints           sortedSet
	byToken             map[string]string // device token -> endpoint ARN
}

type platformEndpoint struct {
	arn, app string
	attrs    map[string]string
}

// CreatePlatformApplicationInput describes a platform application.
type CreatePlatformApplicationInput struct {
	Name string
	// Platform is ADM, APNS, APNS_SANDBOX, BAIDU, GCM, MPNS, WNS, ...
	Platform string
	// Attributes hold PlatformCredential, PlatformPrincipal and the event
	// and feedback settings; the credentials are not returned.
	Attributes map[string]string
}

// PlatformApplicationArnOutput holds a platform application ARN.
type PlatformApplicationArnOutput struct {
	PlatformApplicationArn string
}

// CreatePlatformApplication creates (or updates) a platform application.
func (s *Service) CreatePlatformApplication(ctx context.Context, in CreatePlatformApplicationInput) (PlatformApplicationArnOutput, error) {
	sc, err := s.enter(ctx, "CreatePlatformApplication")
	if err != nil {
		return PlatformApplicationArnOutput{}, err
	}
	switch {
	case in.Name == "":
		return PlatformApplicationArnOutput{}, invalidParameter("Invalid parameter: Name Reason: cannot be empty")
	case len(in.Name) > 256:
		return PlatformApplicationArnOutput{}, invalidParameter("Invalid parameter: %s Reason: must be at most 256 characters long", in.Name)
	case !platformAppName.MatchString(in.Name):
		return PlatformApplicationArnOutput{}, invalidParameter("Invalid parameter: %s Reason: must contain only characters 'a'-'z', 'A'-'Z', '0'-'9', '_', '-', and '.'", in.Name)
	case !platforms[in.Platform]:
		return PlatformApplicationArnOutput{}, invalidParameter("Invalid parameter: Platform Reason: %s is not supported", in.Platform)
	case in.Attributes == nil:
		return PlatformApplicationArnOutput{}, validationError("null", "attributes", "Member must not be null")
	}
	appArn := sc.ARN(arnService, "app/"+in.Platform+"/"+in.Name)
	s.mu.Lock()
	defer s.mu.Unlock()
	p := &s.platform
	if p.apps == nil {
		p.apps, p.endpoints = map[string]*platformApp{}, map[string]*platformEndpoint{}
	}
	app := p.apps[appArn]
	if app == nil {
		part := s.partLocked(keyOf(sc))
		app = &platformApp{arn: appArn, platform: in.Platform, name: in.Name, part: part,
			attrs: map[string]string{"Enabled": "true"}, byToken: map[string]string{}}
		p.apps[appArn] = app
		part.appArns.add(appArn)
	}
	app.setAttributes(in.Attributes)
	return PlatformApplicationArnOutput{PlatformApplicationArn: appArn}, nil
}

// setAttributes stores attributes, keeping the credentials out of sight as
// AWS does.
func (a *platformApp) setAttributes(attrs map[string]string) {
	for k, v := range attrs {
		if k != "PlatformCredential" && k != "PlatformPrincipal" {
			a.attrs[k] = v
		}
	}
}

// PlatformApplicationInput names a platform application.
type PlatformApplicationInput struct {
	PlatformApplicationArn string
}

// GetPlatformApplicationAttributes returns a platform application's
// attributes.
func (s *Service) GetPlatformApplicationAttributes(ctx context.Context, in PlatformApplicationInput) (AttributesOutput, error) {
	if _, err := s.enter(ctx, "GetPlatformApplicationAttributes"); err != nil {
		return AttributesOutput{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	app, err := s.platformAppLocked(in.PlatformApplicationArn)
	if err != nil {
		return AttributesOutput{}, err
	}
	return AttributesOutput{Attributes: maps.Clone(app.attrs)}, nil
}

// SetPlatformApplicationAttributesInput changes a platform application's
// attributes.
type SetPlatformApplicationAttributesInput struct {
	PlatformApplicationArn string
	Attributes             map[string]string
}

// SetPlatformApplicationAttributes changes a platform application's
// attributes.
func (s *Service) SetPlatformApplicationAttributes(ctx context.Context, in SetPlatformApplicationAttributesInput) error {
	if _, err := s.enter(ctx, "SetPlatformApplicationAttributes"); err != nil {
		return err
	}
	if len(in.Attributes) == 0 {
		return validationError("null", "attributes", "Member must not be null")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	app, err := s.platformAppLocked(in.PlatformApplicationArn)
	if err != nil {
		return err
	}
	app.setAttributes(in.Attributes)
	return nil
}

// DeletePlatformApplication deletes a platform application and its
// endpoints; deleting one that does not exist succeeds.
func (s *Service) DeletePlatformApplication(ctx context.Context, in PlatformApplicationInput) error {
	if _, err := s.enter(ctx, "DeletePlatformApplication"); err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	p := &s.platform
	app := p.apps[in.PlatformApplicationArn]
	if app == nil {
		return nil
	}
	for _, e := range app.endpoints {
		delete(p.endpoints, e)
	}
	delete(p.apps, app.arn)
	app.part.appArns.remove(app.arn)
	return nil
}

// PlatformApplication is one entry of ListPlatformApplications.
type PlatformApplication struct {
	PlatformApplicationArn string
	Attributes             map[string]string
}

// ListPlatformApplicationsOutput is one page of platform applications.
type ListPlatformApplicationsOutput struct {
	PlatformApplications []PlatformApplication
	NextToken            string
}

// ListPlatformApplications returns the platform applications, up to 100 per
// page.
func (s *Service) ListPlatformApplications(ctx context.Context, in ListInput) (ListPlatformApplicationsOutput, error) {
	sc, err := s.enter(ctx, "ListPlatformApplications")
	if err != nil {
		return ListPlatformApplicationsOutput{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	page, next, err := s.viewLocked(keyOf(sc)).appArns.page(in.NextToken, pageSize)
	if err != nil {
		return ListPlatformApplicationsOutput{}, err
	}
	out := ListPlatformApplicationsOutput{PlatformApplications: make([]PlatformApplication, len(page)), NextToken: next}
	for i, a := range page {
		out.PlatformApplications[i] = PlatformApplication{PlatformApplicationArn: a, Attributes: maps.Clone(s.platform.apps[a].attrs)}
	}
	return out, nil
}

// CreatePlatformEndpointInput registers a device with a platform
// application.
type CreatePlatformEndpointInput struct {
	PlatformApplicationArn string
	// Token is the device token the push service issued.
	Token          string
	CustomUserData string
	Attributes     map[string]string
}

// EndpointArnOutput holds a platform endpoint ARN.
type EndpointArnOutput struct {
	EndpointArn string
}

// CreatePlatformEndpoint creates an endpoint for a device token. It is
// idempotent for the same token and attributes; the same token with other
// attributes is InvalidParameter.
func (s *Service) CreatePlatformEndpoint(ctx context.Context, in CreatePlatformEndpointInput) (EndpointArnOutput, error) {
	if _, err := s.enter(ctx, "CreatePlatformEndpoint"); err != nil {
		return EndpointArnOutput{}, err
	}
	if in.Token == "" {
		return EndpointArnOutput{}, missing("Token")
	}
	if err := checkEndpointAttributes(in.Attributes); err != nil {
		return EndpointArnOutput{}, err
	}
	attrs := map[string]string{"Enabled": "true", "Token": in.Token}
	if in.CustomUserData != "" {
		attrs["CustomUserData"] = in.CustomUserData
	}
	maps.Copy(attrs, in.Attributes)
	s.mu.Lock()
	defer s.mu.Unlock()
	app, err := s.platformAppLocked(in.PlatformApplicationArn)
	if err != nil {
		return EndpointArnOutput{}, err
	}
	if existing := app.byToken[in.Token]; existing != "" {
		if !maps.Equal(s.platform.endpoints[existing].attrs, attrs) {
			return EndpointArnOutput{}, invalidParameter("Invalid parameter: Token Reason: Endpoint %s already exists with the same Token, but different attributes.", existing)
		}
		return EndpointArnOutput{EndpointArn: existing}, nil
	}
	// In the application's own partition: its ARN up to "app/".
	endpointArn := strings.TrimSuffix(app.arn, "app/"+app.platform+"/"+app.name) +
		"endpoint/" + app.platform + "/" + app.name + "/" + s.env.IDs.UUID()
	s.platform.endpoints[endpointArn] = &platformEndpoint{arn: endpointArn, app: app.arn, attrs: attrs}
	app.endpoints.add(endpointArn)
	app.byToken[in.Token] = endpointArn
	return EndpointArnOutput{EndpointArn: endpointArn}, nil
}

func checkEndpointAttributes(attrs map[string]string) error {
	for _, k := range slices.Sorted(maps.Keys(attrs)) { // the same error every time
		v := attrs[k]
		if !endpointAttributeNames[k] {
			return invalidParameter("Invalid parameter: Attributes Reason: Invalid attribute name: %s", k)
		}
		if k == "CustomUserData" && len(v) > 2048 {
			return invalidParameter("Invalid parameter: Attributes Reason: Invalid value for attribute: CustomUserData: must be at most 2048 bytes long in UTF-8 encoding")
		}
	}
	return nil
}

// EndpointInput names a platform endpoint.
type EndpointInput struct {
	EndpointArn string
}

// GetEndpointAttributes returns a platform endpoint's attributes.
func (s *Service) GetEndpointAttributes(ctx context.Context, in EndpointInput) (AttributesOutput, error) {
	if _, err := s.enter(ctx, "GetEndpointAttributes"); err != nil {
		return AttributesOutput{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	e := s.platform.endpoints[in.EndpointArn]
	if e == nil {
		return AttributesOutput{}, notFound("Endpoint")
	}
	return AttributesOutput{Attributes: maps.Clone(e.attrs)}, nil
}

// SetEndpointAttributesInput changes a platform endpoint's attributes.
type SetEndpointAttributesInput struct {
	EndpointArn string
	Attributes  map[string]string
}

// SetEndpointAttributes changes a platform endpoint's attributes (Enabled,
// Token, CustomUserData).
func (s *Service) SetEndpointAttributes(ctx context.Context, in SetEndpointAttributesInput) error {
	if _, err := s.enter(ctx, "SetEndpointAttributes"); err != nil {
		return err
	}
	if len(in.Attributes) == 0 {
		return validationError("null", "attributes", "Member must not be null")
	}
	if err := checkEndpointAttributes(in.Attributes); err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	e := s.platform.endpoints[in.EndpointArn]
	if e == nil {
		return notFound("Endpoint")
	}
	app := s.platform.apps[e.app]
	if tok, ok := in.Attributes["Token"]; ok && app != nil {
		delete(app.byToken, e.attrs["Token"])
		app.byToken[tok] = e.arn
	}
	maps.Copy(e.attrs, in.Attributes)
	return nil
}

// DeleteEndpoint deletes a platform endpoint; deleting one that does not
// exist succeeds.
func (s *Service) DeleteEndpoint(ctx context.Context, in EndpointInput) error {
	if _, err := s.enter(ctx, "DeleteEndpoint"); err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	e := s.platform.endpoints[in.EndpointArn]
	if e == nil {
		return nil
	}
	delete(s.platform.endpoints, e.arn)
	if app := s.platform.apps[e.app]; app != nil {
		app.endpoints.remove(e.arn)
		delete(app.byToken, e.attrs["Token"])
	}
	return nil
}

// ListEndpointsByPlatformApplicationInput pages through an application's
// endpoints.
type ListEndpointsByPlatformApplicationInput struct {
	PlatformApplicationArn string
	NextToken              string
}

// Endpoint is one entry of ListEndpointsByPlatformApplication.
type Endpoint struct {
	EndpointArn string
	Attributes  map[string]string
}

// ListEndpointsOutput is one page of platform endpoints.
type ListEndpointsOutput struct {
	Endpoints []Endpoint
	NextToken string
}

// ListEndpointsByPlatformApplication returns an application's endpoints, up
// to 100 per page.
func (s *Service) ListEndpointsByPlatformApplication(ctx context.Context, in ListEndpointsByPlatformApplicationInput) (ListEndpointsOutput, error) {
	if _, err := s.enter(ctx, "ListEndpointsByPlatformApplication"); err != nil {
		return ListEndpointsOutput{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	app, err := s.platformAppLocked(in.PlatformApplicationArn)
	if err != nil {
		return ListEndpointsOutput{}, err
	}
	page, next, err := app.endpoints.page(in.NextToken, pageSize)
	if err != nil {
		return ListEndpointsOutput{}, err
	}
	out := ListEndpointsOutput{Endpoints: make([]Endpoint, len(page)), NextToken: next}
	for i, e := range page {
		out.Endpoints[i] = Endpoint{EndpointArn: e, Attributes: maps.Clone(s.platform.endpoints[e].attrs)}
	}
	return out, nil
}

func (s *Service) platformAppLocked(appArn string) (*platformApp, error) {
	if appArn == "" {
		return nil, missing("PlatformApplicationArn")
	}
	app := s.platform.apps[appArn]
	if app == nil {
		return nil, notFound("PlatformApplication")
	}
	return app, nil
}

// publishToEndpoint sends a message straight to a platform endpoint: "If
// you want to send a message to a single endpoint, publish with TargetArn".
// The endpoint is looked up before the message is validated, as AWS does: a
// disabled endpoint answers EndpointDisabled whatever the message.
func (s *Service) publishToEndpoint(endpointArn string, e entry) (PublishOutput, error) {
	s.mu.Lock()
	ep := s.platform.endpoints[endpointArn]
	var enabled bool
	if ep != nil {
		b, ok := parseBool(ep.attrs["Enabled"])
		enabled = b || !ok
	}
	s.mu.Unlock()
	switch {
	case ep == nil:
		return PublishOutput{}, invalidParameter("Invalid parameter: TargetArn Reason: No endpoint found for the target arn specified")
	case !enabled:
		return PublishOutput{}, endpointDisabled()
	}
	m, err := prepare("", topicSettings{maxSize: maxMessageSizeDefault}, e, 0)
	if err != nil {
		return PublishOutput{}, err
	}
	id := s.env.IDs.UUID()
	s.send(OutboxMessage{Protocol: "application", Endpoint: endpointArn, Type: "Notification", MessageID: id,
		Subject: e.subject, Body: m.textFor(protocolKey(target{protocol: "application", endpoint: endpointArn})),
		At: s.env.Clock.Now()})
	return PublishOutput{MessageId: id}, nil
}
