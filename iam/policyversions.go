package iam

import "context"

// CreatePolicyVersionInput is a new version of a managed policy.
type CreatePolicyVersionInput struct {
	PolicyArn, PolicyDocument string
	SetAsDefault              bool
}

// CreatePolicyVersionOutput is the new version.
type CreatePolicyVersionOutput struct{ PolicyVersion PolicyVersion }

// CreatePolicyVersion adds a version to a customer managed policy. "A
// managed policy can have up to five versions": a sixth is LimitExceeded
// until one is deleted.
func (s *Service) CreatePolicyVersion(ctx context.Context, in CreatePolicyVersionInput) (CreatePolicyVersionOutput, error) {
	sc, err := s.enter(ctx, "CreatePolicyVersion")
	if err != nil {
		return CreatePolicyVersionOutput{}, err
	}
	if err := checkDocument(in.PolicyDocument, identityDoc, maxManagedPolicy); err != nil {
		return CreatePolicyVersionOutput{}, err
	}
	var out PolicyVersion
	err = s.onPolicy(sc, in.PolicyArn, true, func(_ *account, p *managed) error {
		if len(p.versions) >= maxVersions {
			return limit("A managed policy can have up to %d versions. Before you create a new version, you must delete an existing version.", maxVersions)
		}
		out = p.addVersion(in.PolicyDocument, in.SetAsDefault, s.now()).out(p, false)
		return nil
	})
	return CreatePolicyVersionOutput{PolicyVersion: out}, err
}

// GetPolicyVersionInput names a version of a managed policy.
type GetPolicyVersionInput struct{ PolicyArn, VersionId string }

// GetPolicyVersionOutput is the version with its document (URL-encoded).
type GetPolicyVersionOutput struct{ PolicyVersion PolicyVersion }

// GetPolicyVersion returns a version of a managed policy and its document.
func (s *Service) GetPolicyVersion(ctx context.Context, in GetPolicyVersionInput) (GetPolicyVersionOutput, error) {
	sc, err := s.enter(ctx, "GetPolicyVersion")
	if err != nil {
		return GetPolicyVersionOutput{}, err
	}
	var out PolicyVersion
	err = s.onPolicy(sc, in.PolicyArn, false, func(_ *account, p *managed) error {
		v, err := p.version(in.VersionId)
		if err == nil {
			out = v.out(p, true)
		}
		return err
	})
	return GetPolicyVersionOutput{PolicyVersion: out}, err
}

// ListPolicyVersionsInput names a managed policy.
type ListPolicyVersionsInput struct {
	PolicyArn, Marker string
	MaxItems          *int32
}

// ListPolicyVersionsOutput lists the versions, newest first.
type ListPolicyVersionsOutput struct {
	Versions    []PolicyVersion `xml:"Versions>member"`
	IsTruncated bool
	Marker      string `xml:",omitempty"`
}

// ListPolicyVersions lists the versions of a managed policy, newest first,
// without their documents.
func (s *Service) ListPolicyVersions(ctx context.Context, in ListPolicyVersionsInput) (ListPolicyVersionsOutput, error) {
	sc, err := s.enter(ctx, "ListPolicyVersions")
	if err != nil {
		return ListPolicyVersionsOutput{}, err
	}
	var out ListPolicyVersionsOutput
	err = s.onPolicy(sc, in.PolicyArn, false, func(_ *account, p *managed) error {
		vs := make([]*version, len(p.versions))
		copy(vs, p.versions)
		// Newest first: the key sorts later versions before earlier ones.
		pg, next, err := page(vs, func(v *version) string { return versionKey(v.id) }, in.Marker, in.MaxItems)
		for _, v := range pg {
			out.Versions = append(out.Versions, v.out(p, false))
		}
		out.Marker, out.IsTruncated = next, next != ""
		return err
	})
	return out, err
}

// versionKey sorts version ids newest first.
func versionKey(id string) string {
	n := 0
	for _, c := range id[1:] {
		n = n*10 + int(c-'0')
	}
	return itoa(1_000_000_000 - n)
}

// DeletePolicyVersionInput names a version.
type DeletePolicyVersionInput struct{ PolicyArn, VersionId string }

// DeletePolicyVersionOutput is empty.
type DeletePolicyVersionOutput struct{}

// DeletePolicyVersion deletes a version that is not the default one
// (DeleteConflict for the default).
func (s *Service) DeletePolicyVersion(ctx context.Context, in DeletePolicyVersionInput) (DeletePolicyVersionOutput, error) {
	sc, err := s.enter(ctx, "DeletePolicyVersion")
	if err != nil {
		return DeletePolicyVersionOutput{}, err
	}
	return DeletePolicyVersionOutput{}, s.onPolicy(sc, in.PolicyArn, true, func(_ *account, p *managed) error {
		v, err := p.version(in.VersionId)
		if err != nil {
			return err
		}
		if v.id == p.defaultVersion {
			return errs.New(codeDeleteConflict, "Cannot delete the default version of a policy.")
		}
		for i, x := range p.versions {
			if x == v {
				p.versions = append(p.versions[:i:i], p.versions[i+1:]...)
				break
			}
		}
		return nil
	})
}

// SetDefaultPolicyVersionInput names the version to make the default.
type SetDefaultPolicyVersionInput struct{ PolicyArn, VersionId string }

// SetDefaultPolicyVersionOutput is empty.
type SetDefaultPolicyVersionOutput struct{}

// SetDefaultPolicyVersion makes a version the policy's default.
func (s *Service) SetDefaultPolicyVersion(ctx context.Context, in SetDefaultPolicyVersionInput) (SetDefaultPolicyVersionOutput, error) {
	sc, err := s.enter(ctx, "SetDefaultPolicyVersion")
	if err != nil {
		return SetDefaultPolicyVersionOutput{}, err
	}
	return SetDefaultPolicyVersionOutput{}, s.onPolicy(sc, in.PolicyArn, true, func(_ *account, p *managed) error {
		v, err := p.version(in.VersionId)
		if err == nil {
			p.defaultVersion, p.updated = v.id, s.now()
		}
		return err
	})
}
