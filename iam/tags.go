package iam

import "context"

// The tags of roles, users, managed policies, instance profiles and
// identity providers: at most 50, keys of 1 to 128 characters, values of 0
// to 256, aws: reserved; one bad tag fails the whole request.

// TagRoleInput adds tags to a role.
type TagRoleInput struct {
	RoleName string
	Tags     []Tag
}

// TagRoleOutput is empty.
type TagRoleOutput struct{}

// TagRole adds tags to a role; a key it has takes the new value.
func (s *Service) TagRole(ctx context.Context, in TagRoleInput) (TagRoleOutput, error) {
	sc, err := s.enter(ctx, "TagRole")
	if err != nil {
		return TagRoleOutput{}, err
	}
	return TagRoleOutput{}, s.onTags(sc, "role", in.RoleName, func(ts *[]Tag) error {
		merged, err := mergeTags(*ts, in.Tags)
		if err == nil {
			*ts = merged
		}
		return err
	})
}

// UntagRoleInput removes tags from a role.
type UntagRoleInput struct {
	RoleName string
	TagKeys  []string
}

// UntagRoleOutput is empty.
type UntagRoleOutput struct{}

// UntagRole removes tags from a role; keys it does not have are ignored.
func (s *Service) UntagRole(ctx context.Context, in UntagRoleInput) (UntagRoleOutput, error) {
	sc, err := s.enter(ctx, "UntagRole")
	if err != nil {
		return UntagRoleOutput{}, err
	}
	return UntagRoleOutput{}, s.onTags(sc, "role", in.RoleName, func(ts *[]Tag) error {
		*ts = untag(*ts, in.TagKeys)
		return nil
	})
}

// ListRoleTagsInput names a role.
type ListRoleTagsInput struct {
	RoleName, Marker string
	MaxItems         *int32
}

// ListRoleTagsOutput is one page of the role"s tags.
type ListRoleTagsOutput struct {
	Tags        []Tag `xml:"Tags>member"`
	IsTruncated bool
	Marker      string `xml:",omitempty"`
}

// ListRoleTags lists a role"s tags, by key.
func (s *Service) ListRoleTags(ctx context.Context, in ListRoleTagsInput) (ListRoleTagsOutput, error) {
	sc, err := s.enter(ctx, "ListRoleTags")
	if err != nil {
		return ListRoleTagsOutput{}, err
	}
	var out ListRoleTagsOutput
	err = s.onTags(sc, "role", in.RoleName, func(ts *[]Tag) error {
		pg, next, err := page(append([]Tag(nil), *ts...), func(t Tag) string { return t.Key }, in.Marker, in.MaxItems)
		out.Tags, out.Marker, out.IsTruncated = pg, next, next != ""
		return err
	})
	return out, err
}

// TagUserInput adds tags to a user.
type TagUserInput struct {
	UserName string
	Tags     []Tag
}

// TagUserOutput is empty.
type TagUserOutput struct{}

// TagUser adds tags to a user; a key it has takes the new value.
func (s *Service) TagUser(ctx context.Context, in TagUserInput) (TagUserOutput, error) {
	sc, err := s.enter(ctx, "TagUser")
	if err != nil {
		return TagUserOutput{}, err
	}
	return TagUserOutput{}, s.onTags(sc, "user", in.UserName, func(ts *[]Tag) error {
		merged, err := mergeTags(*ts, in.Tags)
		if err == nil {
			*ts = merged
		}
		return err
	})
}

// UntagUserInput removes tags from a user.
type UntagUserInput struct {
	UserName string
	TagKeys  []string
}

// UntagUserOutput is empty.
type UntagUserOutput struct{}

// UntagUser removes tags from a user; keys it does not have are ignored.
func (s *Service) UntagUser(ctx context.Context, in UntagUserInput) (UntagUserOutput, error) {
	sc, err := s.enter(ctx, "UntagUser")
	if err != nil {
		return UntagUserOutput{}, err
	}
	return UntagUserOutput{}, s.onTags(sc, "user", in.UserName, func(ts *[]Tag) error {
		*ts = untag(*ts, in.TagKeys)
		return nil
	})
}

// ListUserTagsInput names a user.
type ListUserTagsInput struct {
	UserName, Marker string
	MaxItems         *int32
}

// ListUserTagsOutput is one page of the user"s tags.
type ListUserTagsOutput struct {
	Tags        []Tag `xml:"Tags>member"`
	IsTruncated bool
	Marker      string `xml:",omitempty"`
}

// ListUserTags lists a user"s tags, by key.
func (s *Service) ListUserTags(ctx context.Context, in ListUserTagsInput) (ListUserTagsOutput, error) {
	sc, err := s.enter(ctx, "ListUserTags")
	if err != nil {
		return ListUserTagsOutput{}, err
	}
	var out ListUserTagsOutput
	err = s.onTags(sc, "user", in.UserName, func(ts *[]Tag) error {
		pg, next, err := page(append([]Tag(nil), *ts...), func(t Tag) string { return t.Key }, in.Marker, in.MaxItems)
		out.Tags, out.Marker, out.IsTruncated = pg, next, next != ""
		return err
	})
	return out, err
}

// TagPolicyInput adds tags to a policy.
type TagPolicyInput struct {
	PolicyArn string
	Tags      []Tag
}

// TagPolicyOutput is empty.
type TagPolicyOutput struct{}

// TagPolicy adds tags to a policy; a key it has takes the new value.
func (s *Service) TagPolicy(ctx context.Context, in TagPolicyInput) (TagPolicyOutput, error) {
	sc, err := s.enter(ctx, "TagPolicy")
	if err != nil {
		return TagPolicyOutput{}, err
	}
	return TagPolicyOutput{}, s.onTags(sc, "policy", in.PolicyArn, func(ts *[]Tag) error {
		merged, err := mergeTags(*ts, in.Tags)
		if err == nil {
			*ts = merged
		}
		return err
	})
}

// UntagPolicyInput removes tags from a policy.
type UntagPolicyInput struct {
	PolicyArn string
	TagKeys   []string
}

// UntagPolicyOutput is empty.
type UntagPolicyOutput struct{}

// UntagPolicy removes tags from a policy; keys it does not have are ignored.
func (s *Service) UntagPolicy(ctx context.Context, in UntagPolicyInput) (UntagPolicyOutput, error) {
	sc, err := s.enter(ctx, "UntagPolicy")
	if err != nil {
		return UntagPolicyOutput{}, err
	}
	return UntagPolicyOutput{}, s.onTags(sc, "policy", in.PolicyArn, func(ts *[]Tag) error {
		*ts = untag(*ts, in.TagKeys)
		return nil
	})
}

// ListPolicyTagsInput names a policy.
type ListPolicyTagsInput struct {
	PolicyArn, Marker string
	MaxItems          *int32
}

// ListPolicyTagsOutput is one page of the policy"s tags.
type ListPolicyTagsOutput struct {
	Tags        []Tag `xml:"Tags>member"`
	IsTruncated bool
	Marker      string `xml:",omitempty"`
}

// ListPolicyTags lists a policy"s tags, by key.
func (s *Service) ListPolicyTags(ctx context.Context, in ListPolicyTagsInput) (ListPolicyTagsOutput, error) {
	sc, err := s.enter(ctx, "ListPolicyTags")
	if err != nil {
		return ListPolicyTagsOutput{}, err
	}
	var out ListPolicyTagsOutput
	err = s.onTags(sc, "policy", in.PolicyArn, func(ts *[]Tag) error {
		pg, next, err := page(append([]Tag(nil), *ts...), func(t Tag) string { return t.Key }, in.Marker, in.MaxItems)
		out.Tags, out.Marker, out.IsTruncated = pg, next, next != ""
		return err
	})
	return out, err
}

// TagInstanceProfileInput adds tags to a instance profile.
type TagInstanceProfileInput struct {
	InstanceProfileName string
	Tags                []Tag
}

// TagInstanceProfileOutput is empty.
type TagInstanceProfileOutput struct{}

// TagInstanceProfile adds tags to a instance profile; a key it has takes the new value.
func (s *Service) TagInstanceProfile(ctx context.Context, in TagInstanceProfileInput) (TagInstanceProfileOutput, error) {
	sc, err := s.enter(ctx, "TagInstanceProfile")
	if err != nil {
		return TagInstanceProfileOutput{}, err
	}
	return TagInstanceProfileOutput{}, s.onTags(sc, "instanceprofile", in.InstanceProfileName, func(ts *[]Tag) error {
		merged, err := mergeTags(*ts, in.Tags)
		if err == nil {
			*ts = merged
		}
		return err
	})
}

// UntagInstanceProfileInput removes tags from a instance profile.
type UntagInstanceProfileInput struct {
	InstanceProfileName string
	TagKeys             []string
}

// UntagInstanceProfileOutput is empty.
type UntagInstanceProfileOutput struct{}

// UntagInstanceProfile removes tags from a instance profile; keys it does not have are ignored.
func (s *Service) UntagInstanceProfile(ctx context.Context, in UntagInstanceProfileInput) (UntagInstanceProfileOutput, error) {
	sc, err := s.enter(ctx, "UntagInstanceProfile")
	if err != nil {
		return UntagInstanceProfileOutput{}, err
	}
	return UntagInstanceProfileOutput{}, s.onTags(sc, "instanceprofile", in.InstanceProfileName, func(ts *[]Tag) error {
		*ts = untag(*ts, in.TagKeys)
		return nil
	})
}

// ListInstanceProfileTagsInput names a instance profile.
type ListInstanceProfileTagsInput struct {
	InstanceProfileName, Marker string
	MaxItems                    *int32
}

// ListInstanceProfileTagsOutput is one page of the instance profile"s tags.
type ListInstanceProfileTagsOutput struct {
	Tags        []Tag `xml:"Tags>member"`
	IsTruncated bool
	Marker      string `xml:",omitempty"`
}

// ListInstanceProfileTags lists a instance profile"s tags, by key.
func (s *Service) ListInstanceProfileTags(ctx context.Context, in ListInstanceProfileTagsInput) (ListInstanceProfileTagsOutput, error) {
	sc, err := s.enter(ctx, "ListInstanceProfileTags")
	if err != nil {
		return ListInstanceProfileTagsOutput{}, err
	}
	var out ListInstanceProfileTagsOutput
	err = s.onTags(sc, "instanceprofile", in.InstanceProfileName, func(ts *[]Tag) error {
		pg, next, err := page(append([]Tag(nil), *ts...), func(t Tag) string { return t.Key }, in.Marker, in.MaxItems)
		out.Tags, out.Marker, out.IsTruncated = pg, next, next != ""
		return err
	})
	return out, err
}

// TagOpenIDConnectProviderInput adds tags to a OpenID Connect provider.
type TagOpenIDConnectProviderInput struct {
	OpenIDConnectProviderArn string
	Tags                     []Tag
}

// TagOpenIDConnectProviderOutput is empty.
type TagOpenIDConnectProviderOutput struct{}

// TagOpenIDConnectProvider adds tags to a OpenID Connect provider; a key it has takes the new value.
func (s *Service) TagOpenIDConnectProvider(ctx context.Context, in TagOpenIDConnectProviderInput) (TagOpenIDConnectProviderOutput, error) {
	sc, err := s.enter(ctx, "TagOpenIDConnectProvider")
	if err != nil {
		return TagOpenIDConnectProviderOutput{}, err
	}
	return TagOpenIDConnectProviderOutput{}, s.onTags(sc, "OpenIDConnectprovider", in.OpenIDConnectProviderArn, func(ts *[]Tag) error {
		merged, err := mergeTags(*ts, in.Tags)
		if err == nil {
			*ts = merged
		}
		return err
	})
}

// UntagOpenIDConnectProviderInput removes tags from a OpenID Connect provider.
type UntagOpenIDConnectProviderInput struct {
	OpenIDConnectProviderArn string
	TagKeys                  []string
}

// UntagOpenIDConnectProviderOutput is empty.
type UntagOpenIDConnectProviderOutput struct{}

// UntagOpenIDConnectProvider removes tags from a OpenID Connect provider; keys it does not have are ignored.
func (s *Service) UntagOpenIDConnectProvider(ctx context.Context, in UntagOpenIDConnectProviderInput) (UntagOpenIDConnectProviderOutput, error) {
	sc, err := s.enter(ctx, "UntagOpenIDConnectProvider")
	if err != nil {
		return UntagOpenIDConnectProviderOutput{}, err
	}
	return UntagOpenIDConnectProviderOutput{}, s.onTags(sc, "OpenIDConnectprovider", in.OpenIDConnectProviderArn, func(ts *[]Tag) error {
		*ts = untag(*ts, in.TagKeys)
		return nil
	})
}

// ListOpenIDConnectProviderTagsInput names a OpenID Connect provider.
type ListOpenIDConnectProviderTagsInput struct {
	OpenIDConnectProviderArn, Marker string
	MaxItems                         *int32
}

// ListOpenIDConnectProviderTagsOutput is one page of the OpenID Connect provider"s tags.
type ListOpenIDConnectProviderTagsOutput struct {
	Tags        []Tag `xml:"Tags>member"`
	IsTruncated bool
	Marker      string `xml:",omitempty"`
}

// ListOpenIDConnectProviderTags lists a OpenID Connect provider"s tags, by key.
func (s *Service) ListOpenIDConnectProviderTags(ctx context.Context, in ListOpenIDConnectProviderTagsInput) (ListOpenIDConnectProviderTagsOutput, error) {
	sc, err := s.enter(ctx, "ListOpenIDConnectProviderTags")
	if err != nil {
		return ListOpenIDConnectProviderTagsOutput{}, err
	}
	var out ListOpenIDConnectProviderTagsOutput
	err = s.onTags(sc, "OpenIDConnectprovider", in.OpenIDConnectProviderArn, func(ts *[]Tag) error {
		pg, next, err := page(append([]Tag(nil), *ts...), func(t Tag) string { return t.Key }, in.Marker, in.MaxItems)
		out.Tags, out.Marker, out.IsTruncated = pg, next, next != ""
		return err
	})
	return out, err
}

// TagSAMLProviderInput adds tags to a SAML provider.
type TagSAMLProviderInput struct {
	SAMLProviderArn string
	Tags            []Tag
}

// TagSAMLProviderOutput is empty.
type TagSAMLProviderOutput struct{}

// TagSAMLProvider adds tags to a SAML provider; a key it has takes the new value.
func (s *Service) TagSAMLProvider(ctx context.Context, in TagSAMLProviderInput) (TagSAMLProviderOutput, error) {
	sc, err := s.enter(ctx, "TagSAMLProvider")
	if err != nil {
		return TagSAMLProviderOutput{}, err
	}
	return TagSAMLProviderOutput{}, s.onTags(sc, "SAMLprovider", in.SAMLProviderArn, func(ts *[]Tag) error {
		merged, err := mergeTags(*ts, in.Tags)
		if err == nil {
			*ts = merged
		}
		return err
	})
}

// UntagSAMLProviderInput removes tags from a SAML provider.
type UntagSAMLProviderInput struct {
	SAMLProviderArn string
	TagKeys         []string
}

// UntagSAMLProviderOutput is empty.
type UntagSAMLProviderOutput struct{}

// UntagSAMLProvider removes tags from a SAML provider; keys it does not have are ignored.
func (s *Service) UntagSAMLProvider(ctx context.Context, in UntagSAMLProviderInput) (UntagSAMLProviderOutput, error) {
	sc, err := s.enter(ctx, "UntagSAMLProvider")
	if err != nil {
		return UntagSAMLProviderOutput{}, err
	}
	return UntagSAMLProviderOutput{}, s.onTags(sc, "SAMLprovider", in.SAMLProviderArn, func(ts *[]Tag) error {
		*ts = untag(*ts, in.TagKeys)
		return nil
	})
}

// ListSAMLProviderTagsInput names a SAML provider.
type ListSAMLProviderTagsInput struct {
	SAMLProviderArn, Marker string
	MaxItems                *int32
}

// ListSAMLProviderTagsOutput is one page of the SAML provider"s tags.
type ListSAMLProviderTagsOutput struct {
	Tags        []Tag `xml:"Tags>member"`
	IsTruncated bool
	Marker      string `xml:",omitempty"`
}

// ListSAMLProviderTags lists a SAML provider"s tags, by key.
func (s *Service) ListSAMLProviderTags(ctx context.Context, in ListSAMLProviderTagsInput) (ListSAMLProviderTagsOutput, error) {
	sc, err := s.enter(ctx, "ListSAMLProviderTags")
	if err != nil {
		return ListSAMLProviderTagsOutput{}, err
	}
	var out ListSAMLProviderTagsOutput
	err = s.onTags(sc, "SAMLprovider", in.SAMLProviderArn, func(ts *[]Tag) error {
		pg, next, err := page(append([]Tag(nil), *ts...), func(t Tag) string { return t.Key }, in.Marker, in.MaxItems)
		out.Tags, out.Marker, out.IsTruncated = pg, next, next != ""
		return err
	})
	return out, err
}
