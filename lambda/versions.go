package lambda

import (
	"context"
	"strconv"
)

// PublishVersionInput publishes the current $LATEST of a function.
type PublishVersionInput struct {
	FunctionName string
	// CodeSha256, when given, must be the CodeSha256 of $LATEST.
	CodeSha256 string
	// Description of the version; the function's description by default.
	Description string
	// RevisionId, when given, must be the RevisionId of $LATEST.
	RevisionId string
}

// PublishVersion publishes $LATEST as a new numbered version. As in AWS,
// publishing a $LATEST that has not changed since the last publication
// returns that version instead of a new one, and numbers are never reused.
func (s *Service) PublishVersion(ctx context.Context, in PublishVersionInput) (FunctionConfiguration, error) {
	sc, err := s.enter(ctx, "PublishVersion")
	if err != nil {
		return FunctionConfiguration{}, err
	}
	r, err := s.parseUnqualified(sc, "functionName", in.FunctionName)
	if err != nil {
		return FunctionConfiguration{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	f, err := s.latestLocked(r, in.RevisionId)
	if err != nil {
		return FunctionConfiguration{}, err
	}
	if in.CodeSha256 != "" && in.CodeSha256 != f.latest.cfg.CodeSha256 {
		return FunctionConfiguration{}, errInvalid("CodeSHA256 (%s) is different from current CodeSHA256 in $LATEST (%s). Please try again with the CodeSHA256 in $LATEST.",
			in.CodeSha256, f.latest.cfg.CodeSha256)
	}
	return s.publishLocked(f, in.Description).cfg.clone(), nil
}

// publishLocked publishes f's $LATEST, or returns the last version when
// $LATEST has not changed since it was published.
func (s *Service) publishLocked(f *function, description string) *version {
	if f.publishedRevision == f.latest.cfg.RevisionId {
		if v := f.versions[strconv.Itoa(f.lastVersion)]; v != nil {
			return v
		}
	}
	f.lastVersion++
	n := strconv.Itoa(f.lastVersion)
	v := &version{cfg: f.latest.cfg.clone(), zip: f.latest.zip, image: f.latest.image}
	v.cfg.Version = n
	v.cfg.FunctionArn = f.qualifiedARN(n)
	if description != "" {
		v.cfg.Description = description
	}
	s.touchLocked(&v.cfg)
	f.versions[n] = v
	f.publishedRevision = f.latest.cfg.RevisionId
	return v
}

// ListVersionsByFunctionInput pages through a function's versions.
type ListVersionsByFunctionInput struct {
	FunctionName string
	Marker       string
	MaxItems     int32
}

// ListVersionsByFunctionOutput is one page of versions.
type ListVersionsByFunctionOutput struct {
	Versions   []FunctionConfiguration
	NextMarker string `json:",omitempty"`
}

// ListVersionsByFunction lists $LATEST (with its qualified ARN, as AWS
// reports it here) and every published version in order.
func (s *Service) ListVersionsByFunction(ctx context.Context, in ListVersionsByFunctionInput) (ListVersionsByFunctionOutput, error) {
	sc, err := s.enter(ctx, "ListVersionsByFunction")
	if err != nil {
		return ListVersionsByFunctionOutput{}, err
	}
	s.mu.Lock()
	f, err := s.functionNamedLocked(sc, in.FunctionName)
	if err != nil {
		s.mu.Unlock()
		return ListVersionsByFunctionOutput{}, err
	}
	l := f.latest.cfg.clone()
	l.FunctionArn = f.qualifiedARN(latest)
	all := []FunctionConfiguration{l}
	for _, v := range f.versionNumbers() {
		all = append(all, f.versions[v].cfg.clone())
	}
	s.mu.Unlock()
	items, next, err := page(all, listKey, in.Marker, in.MaxItems, pageFunctions)
	if err != nil {
		return ListVersionsByFunctionOutput{}, err
	}
	return ListVersionsByFunctionOutput{Versions: items, NextMarker: next}, nil
}
