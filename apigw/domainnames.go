package apigw

import (
	"context"

	"github.com/awsfake/awsfake/internal/tags"
)

// DomainName is a custom domain name as GetDomainName returns it. Only
// stored: certificates are not checked and no DNS or CloudFront
// distribution exists.
type DomainName struct {
	DomainName               string                 `json:"domainName"`
	DomainNameStatus         string                 `json:"domainNameStatus"`
	CertificateName          string                 `json:"certificateName,omitempty"`
	CertificateArn           string                 `json:"certificateArn,omitempty"`
	CertificateUploadDate    *Timestamp             `json:"certificateUploadDate,omitempty"`
	DistributionDomainName   string                 `json:"distributionDomainName,omitempty"`
	DistributionHostedZoneID string                 `json:"distributionHostedZoneId,omitempty"`
	RegionalCertificateName  string                 `json:"regionalCertificateName,omitempty"`
	RegionalCertificateArn   string                 `json:"regionalCertificateArn,omitempty"`
	RegionalDomainName       string                 `json:"regionalDomainName,omitempty"`
	EndpointConfiguration    *EndpointConfiguration `json:"endpointConfiguration,omitempty"`
	SecurityPolicy           string                 `json:"securityPolicy"`
	Tags                     map[string]string      `json:"tags,omitempty"`
}

// CreateDomainNameInput is CreateDomainName's input. The PEM fields of
// the deprecated certificate upload are accepted and not kept.
type CreateDomainNameInput struct {
	DomainName              string                 `json:"domainName"`
	CertificateName         string                 `json:"certificateName,omitempty"`
	CertificateArn          string                 `json:"certificateArn,omitempty"`
	CertificateBody         string                 `json:"certificateBody,omitempty"`
	CertificatePrivateKey   string                 `json:"certificatePrivateKey,omitempty"`
	CertificateChain        string                 `json:"certificateChain,omitempty"`
	RegionalCertificateName string                 `json:"regionalCertificateName,omitempty"`
	RegionalCertificateArn  string                 `json:"regionalCertificateArn,omitempty"`
	EndpointConfiguration   *EndpointConfiguration `json:"endpointConfiguration,omitempty"`
	SecurityPolicy          string                 `json:"securityPolicy,omitempty"`
	Tags                    map[string]string      `json:"tags,omitempty"`
}

// DomainNameRef names a custom domain name.
type DomainNameRef struct{ DomainName string }

// GetDomainNamesInput is GetDomainNames' input.
type GetDomainNamesInput struct{ PageInput }

// UpdateDomainNameInput is UpdateDomainName's input.
type UpdateDomainNameInput struct {
	DomainName      string           `json:"-"`
	PatchOperations []PatchOperation `json:"patchOperations"`
}

// domainName is a stored domain name and its base path mappings.
type domainName struct {
	DomainName
	mappings map[string]*BasePathMapping // by base path, "(none)" for the empty one
}

// cloudFrontZone is the hosted zone of every CloudFront distribution, the
// distributionHostedZoneId AWS answers for an EDGE domain name.
const cloudFrontZone = "Z2FDTNDATAQYW2"

// securityPolicies are the SecurityPolicy enum's values the REST API
// accepts; TLS_1_2 is the default ("The default value is TLS_1_2",
// api_op_CreateDomainName.go).
var securityPolicies = map[string]bool{"TLS_1_0": true, "TLS_1_2": true}

func (d *domainName) view() DomainName {
	v := d.DomainName
	v.Tags = clone(d.Tags)
	if d.EndpointConfiguration != nil {
		e := *d.EndpointConfiguration
		e.Types = append([]string{}, e.Types...)
		v.EndpointConfiguration = &e
	}
	return v
}

// checkDomainInput validates a new domain name. AWS requires a
// certificate for the endpoint type (certificateArn or an uploaded
// certificate for EDGE, regionalCertificateArn for REGIONAL); the texts
// for a missing one are not recorded, so the fake answers
// BadRequestException, the exception CreateDomainName documents.
func checkDomainInput(in CreateDomainNameInput) (string, error) {
	kind := "EDGE"
	if in.EndpointConfiguration != nil && len(in.EndpointConfiguration.Types) == 1 {
		kind = in.EndpointConfiguration.Types[0]
	}
	switch {
	case in.DomainName == "":
		return "", badRequest("Domain name cannot be empty")
	case in.SecurityPolicy != "" && !securityPolicies[in.SecurityPolicy]:
		return "", badRequest("Invalid security policy specified: %s", in.SecurityPolicy)
	case kind == "EDGE" && in.CertificateArn == "" && in.CertificateBody == "":
		return "", badRequest("A certificate was not provided for the endpoint type EDGE.")
	case kind == "REGIONAL" && in.RegionalCertificateArn == "":
		return "", badRequest("A certificate was not provided for the endpoint type REGIONAL.")
	case kind != "EDGE" && kind != "REGIONAL":
		return "", badRequest("Invalid endpoint configuration type specified: must be EDGE or REGIONAL")
	}
	return kind, nil
}

// CreateDomainName stores a custom domain name: EDGE (the default) with a
// distributionDomainName d<13>.cloudfront.net, or REGIONAL with a
// regionalDomainName d-<10>.execute-api.<region>.amazonaws.com, as AWS
// forms them. Its status is AVAILABLE at once.
func (s *Service) CreateDomainName(ctx context.Context, in CreateDomainNameInput) (DomainName, error) {
	sc, err := s.enter(ctx, "CreateDomainName")
	if err != nil {
		return DomainName{}, err
	}
	kind, err := checkDomainInput(in)
	if err != nil {
		return DomainName{}, err
	}
	if err := tagRules.Check(tags.FromMap(in.Tags)); err != nil {
		return DomainName{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	st := s.partForWriteLocked(sc).acctLocked()
	if st.domains[in.DomainName] != nil {
		return DomainName{}, conflict("The domain name you provided already exists.")
	}
	v := DomainName{DomainName: in.DomainName, DomainNameStatus: "AVAILABLE", SecurityPolicy: in.SecurityPolicy,
		EndpointConfiguration: &EndpointConfiguration{Types: []string{kind}}, Tags: clone(in.Tags)}
	if v.SecurityPolicy == "" {
		v.SecurityPolicy = "TLS_1_2"
	}
	if kind == "EDGE" {
		now := Timestamp(s.env.Clock.Now())
		v.CertificateName, v.CertificateArn, v.CertificateUploadDate = in.CertificateName, in.CertificateArn, &now
		v.DistributionDomainName, v.DistributionHostedZoneID = "d"+s.newID(13)+".cloudfront.net", cloudFrontZone
	} else {
		v.RegionalCertificateName, v.RegionalCertificateArn = in.RegionalCertificateName, in.RegionalCertificateArn
		v.RegionalDomainName = "d-" + s.newID(10) + ".execute-api." + sc.Region + ".amazonaws.com"
	}
	d := &domainName{DomainName: v, mappings: map[string]*BasePathMapping{}}
	st.domains[in.DomainName] = d
	return d.view(), nil
}

func (st *accountState) domainLocked(name string) (*domainName, error) {
	if d := st.domains[name]; d != nil {
		return d, nil
	}
	return nil, notFound("Invalid domain name identifier specified")
}

// GetDomainName returns a custom domain name.
func (s *Service) GetDomainName(ctx context.Context, in DomainNameRef) (DomainName, error) {
	sc, err := s.enter(ctx, "GetDomainName")
	if err != nil {
		return DomainName{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	d, err := s.acctReadLocked(sc).domainLocked(in.DomainName)
	if err != nil {
		return DomainName{}, err
	}
	return d.view(), nil
}

// GetDomainNames lists the custom domain names by name.
func (s *Service) GetDomainNames(ctx context.Context, in GetDomainNamesInput) (Page[DomainName], error) {
	sc, err := s.enter(ctx, "GetDomainNames")
	if err != nil {
		return Page[DomainName]{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	return pageOf(s.acctReadLocked(sc).domains, (*domainName).view,
		func(d DomainName) string { return d.DomainName }, in.PageInput)
}

// UpdateDomainName applies patch operations: replace /certificateName,
// /certificateArn, /regionalCertificateName, /regionalCertificateArn and
// /securityPolicy.
func (s *Service) UpdateDomainName(ctx context.Context, in UpdateDomainNameInput) (DomainName, error) {
	sc, err := s.enter(ctx, "UpdateDomainName")
	if err != nil {
		return DomainName{}, err
	}
	if err := checkPatch("updateDomainNameInput", in.PatchOperations); err != nil {
		return DomainName{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	d, err := s.acctReadLocked(sc).domainLocked(in.DomainName)
	if err != nil {
		return DomainName{}, err
	}
	next := d.view()
	for _, op := range in.PatchOperations {
		if err := patchDomainName(&next, op); err != nil {
			return DomainName{}, err
		}
	}
	d.DomainName = next
	return d.view(), nil
}

func patchDomainName(d *DomainName, op PatchOperation) error {
	allowed := []string{"/certificateName", "/certificateArn", "/regionalCertificateName", "/regionalCertificateArn", "/securityPolicy"}
	v := op.value()
	if op.Op != "replace" {
		return errPatchPath(op)
	}
	switch op.Path {
	case allowed[0]:
		d.CertificateName = v
	case allowed[1]:
		d.CertificateArn = v
	case allowed[2]:
		d.RegionalCertificateName = v
	case allowed[3]:
		d.RegionalCertificateArn = v
	case allowed[4]:
		if !securityPolicies[v] {
			return badRequest("Invalid security policy specified: %s", v)
		}
		d.SecurityPolicy = v
	default:
		return errPatchPath(op, allowed...)
	}
	return nil
}

// DeleteDomainName deletes a custom domain name and its base path
// mappings.
func (s *Service) DeleteDomainName(ctx context.Context, in DomainNameRef) error {
	sc, err := s.enter(ctx, "DeleteDomainName")
	if err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	st := s.acctReadLocked(sc)
	if _, err := st.domainLocked(in.DomainName); err != nil {
		return err
	}
	delete(st.domains, in.DomainName)
	return nil
}
