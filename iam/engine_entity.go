package iam

// kind is one of the entities that hold policies: users, groups, roles.
type kind struct {
	name        string // as AWS's messages name it: role
	quota       string // as AWS's quota names name it: Role
	maxAttached int    // managed policies attached
	maxInline   int    // characters of inline policies, white space not counted
}

var (
	roleKind  = &kind{"role", "Role", maxAttachedRole, maxRoleInline}
	userKind  = &kind{"user", "User", maxAttachedUser, maxUserInline}
	groupKind = &kind{"group", "Group", maxAttachedGroup, maxGroupInline}
)

// entity returns the entity of kind k named name, or NoSuchEntity.
func (a *account) entity(k *kind, name string) (*entity, error) {
	switch k {
	case roleKind:
		if r, err := a.role(name); err == nil {
			return &r.entity, nil
		}
	case userKind:
		if u, err := a.user(name); err == nil {
			return &u.entity, nil
		}
	default:
		if g, err := a.group(name); err == nil {
			return &g.entity, nil
		}
	}
	return nil, noSuch(k.name, name)
}

// onEntity runs fn on the entity of kind k named name, under the lock.
func (s *Service) onEntity(sc scope, k *kind, name string, fn func(a *account, e *entity) error) error {
	return s.locked(sc, func(a *account) error {
		e, err := a.entity(k, name)
		if err != nil {
			return err
		}
		return fn(a, e)
	})
}

// attachPolicy attaches policyARN to the entity.
func (s *Service) attachPolicy(sc scope, k *kind, name, policyARN string) error {
	if err := checkARN("policyArn", policyARN); err != nil {
		return err
	}
	return s.onEntity(sc, k, name, func(a *account, e *entity) error {
		return a.attach(e, k.quota, policyARN, k.maxAttached)
	})
}

// detachPolicy detaches policyARN from the entity.
func (s *Service) detachPolicy(sc scope, k *kind, name, policyARN string) error {
	if err := checkARN("policyArn", policyARN); err != nil {
		return err
	}
	return s.onEntity(sc, k, name, func(a *account, e *entity) error { return a.detach(e, policyARN) })
}

// listAttached pages the entity's attached policies, in attach order.
func (s *Service) listAttached(sc scope, k *kind, name, prefix, marker string, max *int32) (out []AttachedPolicy, next string, err error) {
	if prefix, err = checkPrefix(prefix); err != nil {
		return nil, "", err
	}
	err = s.onEntity(sc, k, name, func(a *account, e *entity) error {
		out, next, err = page(a.attachedOut(e, prefix), func(p AttachedPolicy) string { return p.PolicyArn }, marker, max)
		return err
	})
	return out, next, err
}

// putInline sets an inline policy of the entity, within the kind's
// aggregate size quota.
func (s *Service) putInline(sc scope, k *kind, name, policyName, doc string) error {
	if err := checkName("policyName", policyName, maxOtherName); err != nil {
		return err
	}
	if err := checkDocument(doc, identityDoc, k.maxInline); err != nil {
		return err
	}
	return s.onEntity(sc, k, name, func(_ *account, e *entity) error {
		if e.inlineChars(policyName)+policyChars(doc) > k.maxInline {
			return limit("Maximum policy size of %d bytes exceeded for %s %s", k.maxInline, k.name, e.name)
		}
		e.putInline(policyName, doc)
		return nil
	})
}

// getInline returns the entity's name and an inline policy's document.
func (s *Service) getInline(sc scope, k *kind, name, policyName string) (entityName, doc string, err error) {
	err = s.onEntity(sc, k, name, func(_ *account, e *entity) error {
		d, ok := e.inline[policyName]
		if !ok {
			return errs.New(codeNoSuchEntity, "The %s policy with name %s cannot be found.", k.name, policyName)
		}
		entityName, doc = e.name, encodeDocument(d)
		return nil
	})
	return entityName, doc, err
}

// deleteInline removes an inline policy of the entity.
func (s *Service) deleteInline(sc scope, k *kind, name, policyName string) error {
	return s.onEntity(sc, k, name, func(_ *account, e *entity) error {
		if !e.deleteInline(policyName) {
			return errs.New(codeNoSuchEntity, "The %s policy with name %s cannot be found.", k.name, policyName)
		}
		return nil
	})
}

// listInline pages the names of the entity's inline policies.
func (s *Service) listInline(sc scope, k *kind, name, marker string, max *int32) (out []string, next string, err error) {
	err = s.onEntity(sc, k, name, func(_ *account, e *entity) error {
		out, next, err = page(append([]string(nil), e.inlineOrder...), func(n string) string { return n }, marker, max)
		return err
	})
	return out, next, err
}
