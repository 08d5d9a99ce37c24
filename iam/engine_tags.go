package iam

// onTags runs fn on the tags of the resource of kind (role, user, policy,
// instanceprofile, OpenIDConnectprovider, SAMLprovider) named id, under
// the lock.
func (s *Service) onTags(sc scope, kind, id string, fn func(ts *[]Tag) error) error {
	return s.locked(sc, func(a *account) error {
		ts, err := a.tagsOf(kind, id)
		if err != nil {
			return err
		}
		return fn(ts)
	})
}

func (a *account) tagsOf(kind, id string) (*[]Tag, error) {
	switch kind {
	case "role":
		r, err := a.role(id)
		if err != nil {
			return nil, err
		}
		return &r.tags, nil
	case "user":
		u, err := a.user(id)
		if err != nil {
			return nil, err
		}
		return &u.tags, nil
	case "policy":
		p, err := a.ownPolicy(id)
		if err != nil {
			return nil, err
		}
		return &p.tags, nil
	case "instanceprofile":
		p, err := a.profile(id)
		if err != nil {
			return nil, err
		}
		return &p.tags, nil
	}
	p, err := a.provider(kind, id)
	if err != nil {
		return nil, err
	}
	return &p.tags, nil
}
