package stepfn

import (
	"context"
	"slices"
	"strings"

	"github.com/awsfake/awsfake/internal/pagetoken"
)

// PublishStateMachineVersion publishes the machine's current revision as
// a version (the revision already published answers its version); a
// revisionId that is not the current one is ConflictException.
func (s *Service) PublishStateMachineVersion(ctx context.Context, in PublishStateMachineVersionInput) (PublishStateMachineVersionOutput, error) {
	if _, err := s.enter(ctx, "PublishStateMachineVersion"); err != nil {
		return PublishStateMachineVersionOutput{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	t, err := s.resolve(in.StateMachineArn)
	if err != nil {
		return PublishStateMachineVersionOutput{}, err
	}
	if t.v != nil || t.a != nil {
		return PublishStateMachineVersionOutput{}, invalidArn(in.StateMachineArn)
	}
	if in.RevisionID != nil && *in.RevisionID != t.m.rev.id {
		return PublishStateMachineVersionOutput{}, newError(codeConflict,
			"Failed to publish the State Machine version for revision %s. The current State Machine revision is %s.", *in.RevisionID, t.m.rev.id)
	}
	v := s.publish(t.m, in.Description)
	return PublishStateMachineVersionOutput{CreationDate: Timestamp{v.created}, StateMachineVersionArn: v.arn}, nil
}

// ListStateMachineVersions lists a machine's versions, newest first.
func (s *Service) ListStateMachineVersions(ctx context.Context, in ListStateMachineVersionsInput) (ListStateMachineVersionsOutput, error) {
	if _, err := s.enter(ctx, "ListStateMachineVersions"); err != nil {
		return ListStateMachineVersionsOutput{}, err
	}
	size, err := pageSize(in.MaxResults)
	if err != nil {
		return ListStateMachineVersionsOutput{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	t, err := s.resolve(in.StateMachineArn)
	if err != nil {
		return ListStateMachineVersionsOutput{}, err
	}
	var all []*version
	for _, v := range t.m.versions {
		all = append(all, v)
	}
	slices.SortFunc(all, func(a, b *version) int { return b.number - a.number })
	key := func(v *version) string { return itoaPad(1<<30 - v.number) }
	page, next, ok := pagetoken.Page(all, key, in.NextToken, size)
	if !ok {
		return ListStateMachineVersionsOutput{}, invalidToken(in.NextToken)
	}
	out := ListStateMachineVersionsOutput{StateMachineVersions: []VersionListItem{}, NextToken: next}
	for _, v := range page {
		out.StateMachineVersions = append(out.StateMachineVersions, VersionListItem{StateMachineVersionArn: v.arn, CreationDate: Timestamp{v.created}})
	}
	return out, nil
}

func itoaPad(n int) string {
	s := itoa(n)
	return strings.Repeat("0", 12-len(s)) + s
}

// DeleteStateMachineVersion deletes a version; one an alias routes to is
// ConflictException. A version already gone answers OK.
func (s *Service) DeleteStateMachineVersion(ctx context.Context, in VersionInput) error {
	if _, err := s.enter(ctx, "DeleteStateMachineVersion"); err != nil {
		return err
	}
	_, _, q, err := splitMachineARN(in.StateMachineVersionArn)
	if err != nil {
		return err
	}
	if q == "" {
		return invalidArn(in.StateMachineVersionArn)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	t, err := s.resolve(in.StateMachineVersionArn)
	if err != nil || t.v == nil {
		return nil
	}
	for _, al := range t.m.aliases {
		for _, r := range al.routing {
			if r.StateMachineVersionArn == t.v.arn {
				return newError(codeConflict, "Version to be deleted must not be referenced by an alias. Current list of aliases referencing this version: [%s]", al.name)
			}
		}
	}
	delete(t.m.versions, t.v.number)
	return nil
}
