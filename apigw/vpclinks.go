package apigw

import (
	"context"
	"time"

	"github.com/awsfake/awsfake/internal/arn"
	"github.com/awsfake/awsfake/internal/tags"
)

// VpcLink is a VPC link as GetVpcLink returns it. Tags are answered by
// GetVpcLink and UpdateVpcLink, not in GetVpcLinks' items, as recorded
// (test_apigateway_api.py::TestApiGatewayVpcLink::test_vpc_link_lifecycle).
type VpcLink struct {
	ID            string            `json:"id"`
	Name          string            `json:"name"`
	Description   string            `json:"description,omitempty"`
	TargetArns    []string          `json:"targetArns"`
	Status        string            `json:"status"`
	StatusMessage string            `json:"statusMessage,omitempty"`
	Tags          map[string]string `json:"tags,omitzero"`

	created time.Time
}

// CreateVpcLinkInput is CreateVpcLink's input.
type CreateVpcLinkInput struct {
	Name        string            `json:"name"`
	Description string            `json:"description,omitempty"`
	TargetArns  []string          `json:"targetArns"`
	Tags        map[string]string `json:"tags,omitempty"`
}

// VpcLinkRef names a VPC link by id.
type VpcLinkRef struct{ VpcLinkID string }

// GetVpcLinksInput is GetVpcLinks' input.
type GetVpcLinksInput struct{ PageInput }

// UpdateVpcLinkInput is UpdateVpcLink's input.
type UpdateVpcLinkInput struct {
	VpcLinkID       string           `json:"-"`
	PatchOperations []PatchOperation `json:"patchOperations"`
}

// vpcLinkDelay is how long a new VPC link stays PENDING before it is
// AVAILABLE. AWS documents no figure ("It may take a few minutes"); the
// fake takes two minutes on the cloud clock.
const vpcLinkDelay = 2 * time.Minute

// vpcLinkReady is AWS's status message for an AVAILABLE link, as recorded
// (test_vpc_link_lifecycle).
const vpcLinkReady = "Your vpc link is ready for use"

// view is the link as answered at now: PENDING until vpcLinkDelay has
// passed since its creation, then AVAILABLE. The status is derived from
// the clock on every read, so no timer is needed.
func (l *VpcLink) view(now time.Time, withTags bool) VpcLink {
	v := *l
	v.TargetArns = append([]string{}, l.TargetArns...)
	v.Status, v.StatusMessage = "PENDING", ""
	if !now.Before(l.created.Add(vpcLinkDelay)) {
		v.Status, v.StatusMessage = "AVAILABLE", vpcLinkReady
	}
	v.Tags = nil
	if withTags {
		v.Tags = clone(l.Tags)
		if v.Tags == nil {
			v.Tags = map[string]string{}
		}
	}
	return v
}

// checkVpcLink validates a link's name and target ARNs with AWS's texts,
// as recorded (test_create_vpc_link_invalid_parameters).
func checkVpcLink(name string, targets []string) error {
	if name == "" {
		return badRequest("Name cannot be empty")
	}
	for _, t := range targets {
		if _, err := arn.Parse(t); err != nil {
			return badRequest("Invalid ARN. ARN is not well formed %s", t)
		}
	}
	return nil
}

// CreateVpcLink stores a VPC link to network load balancers; it is
// PENDING for vpcLinkDelay, then AVAILABLE. Nothing is provisioned.
func (s *Service) CreateVpcLink(ctx context.Context, in CreateVpcLinkInput) (VpcLink, error) {
	sc, err := s.enter(ctx, "CreateVpcLink")
	if err != nil {
		return VpcLink{}, err
	}
	if err := checkVpcLink(in.Name, in.TargetArns); err != nil {
		return VpcLink{}, err
	}
	if err := tagRules.Check(tags.FromMap(in.Tags)); err != nil {
		return VpcLink{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	st := s.partForWriteLocked(sc).acctLocked()
	l := &VpcLink{Name: in.Name, Description: in.Description, TargetArns: append([]string{}, in.TargetArns...),
		Tags: clone(in.Tags), created: s.env.Clock.Now()}
	for l.ID == "" || st.vpcLinks[l.ID] != nil {
		l.ID = s.newID(6)
	}
	st.vpcLinks[l.ID] = l
	v := l.view(l.created, false)
	return v, nil
}

func (st *accountState) vpcLinkLocked(id string) (*VpcLink, error) {
	if l := st.vpcLinks[id]; l != nil {
		return l, nil
	}
	return nil, notFound("Invalid Vpc Link identifier specified")
}

// GetVpcLink returns a VPC link.
func (s *Service) GetVpcLink(ctx context.Context, in VpcLinkRef) (VpcLink, error) {
	sc, err := s.enter(ctx, "GetVpcLink")
	if err != nil {
		return VpcLink{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	l, err := s.acctReadLocked(sc).vpcLinkLocked(in.VpcLinkID)
	if err != nil {
		return VpcLink{}, err
	}
	return l.view(s.env.Clock.Now(), true), nil
}

// GetVpcLinks lists the VPC links by id.
func (s *Service) GetVpcLinks(ctx context.Context, in GetVpcLinksInput) (Page[VpcLink], error) {
	sc, err := s.enter(ctx, "GetVpcLinks")
	if err != nil {
		return Page[VpcLink]{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	now := s.env.Clock.Now()
	return pageOf(s.acctReadLocked(sc).vpcLinks, func(l *VpcLink) VpcLink { return l.view(now, false) },
		func(l VpcLink) string { return l.ID }, in.PageInput)
}

// UpdateVpcLink applies patch operations: replace /name and /description.
func (s *Service) UpdateVpcLink(ctx context.Context, in UpdateVpcLinkInput) (VpcLink, error) {
	sc, err := s.enter(ctx, "UpdateVpcLink")
	if err != nil {
		return VpcLink{}, err
	}
	if err := checkPatch("updateVpcLinkInput", in.PatchOperations); err != nil {
		return VpcLink{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	l, err := s.acctReadLocked(sc).vpcLinkLocked(in.VpcLinkID)
	if err != nil {
		return VpcLink{}, err
	}
	next := *l
	for _, op := range in.PatchOperations {
		switch {
		case op.Op == "replace" && op.Path == "/name":
			next.Name = op.value()
		case op.Op == "replace" && op.Path == "/description":
			next.Description = op.value()
		default:
			return VpcLink{}, errPatchPath(op, "/name", "/description")
		}
	}
	if err := checkVpcLink(next.Name, nil); err != nil {
		return VpcLink{}, err
	}
	*l = next
	return l.view(s.env.Clock.Now(), true), nil
}

// DeleteVpcLink deletes a VPC link.
func (s *Service) DeleteVpcLink(ctx context.Context, in VpcLinkRef) error {
	sc, err := s.enter(ctx, "DeleteVpcLink")
	if err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	st := s.acctReadLocked(sc)
	if _, err := st.vpcLinkLocked(in.VpcLinkID); err != nil {
		return err
	}
	delete(st.vpcLinks, in.VpcLinkID)
	return nil
}
