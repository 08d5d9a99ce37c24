package lambda

import (
	"context"
	"sort"

	"github.com/awsfake/awsfake/internal/faults"
)

// Cors is the CORS setting of a function URL.
type Cors struct {
	AllowCredentials *bool    `json:",omitempty"`
	AllowHeaders     []string `json:",omitempty"`
	AllowMethods     []string `json:",omitempty"`
	AllowOrigins     []string `json:",omitempty"`
	ExposeHeaders    []string `json:",omitempty"`
	MaxAge           *int32   `json:",omitempty"`
}

// FunctionUrlConfig describes a function URL. The fake hands out the URL
// AWS would (https://<id>.lambda-url.<region>.on.aws/) and stores the
// configuration; it does not serve HTTP requests on it.
type FunctionUrlConfig struct {
	FunctionUrl      string
	FunctionArn      string
	AuthType         string
	Cors             *Cors `json:",omitempty"`
	CreationTime     string
	LastModifiedTime string `json:",omitempty"`
	InvokeMode       string
}

// CreateFunctionUrlConfigInput creates the URL of a function or alias.
type CreateFunctionUrlConfigInput struct {
	FunctionName string
	Qualifier    string
	AuthType     string // NONE or AWS_IAM
	Cors         *Cors
	InvokeMode   string // BUFFERED (default) or RESPONSE_STREAM
}

// CreateFunctionUrlConfig gives a function (or one of its aliases) a URL.
func (s *Service) CreateFunctionUrlConfig(ctx context.Context, in CreateFunctionUrlConfigInput) (FunctionUrlConfig, error) {
	sc, err := s.enter(ctx, "CreateFunctionUrlConfig")
	if err != nil {
		return FunctionUrlConfig{}, err
	}
	if err := checkURLSettings(&in.AuthType, &in.InvokeMode, true); err != nil {
		return FunctionUrlConfig{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	f, q, err := s.urlTargetLocked(sc, in.FunctionName, in.Qualifier)
	if err != nil {
		return FunctionUrlConfig{}, err
	}
	if f.urls[q] != nil {
		return FunctionUrlConfig{}, errConflict("Failed to create function url config for [functionArn = %s]. Error message:  FunctionUrlConfig exists for this Lambda function",
			f.qualifiedARN(q))
	}
	now := lastModified(s.now())
	c := &FunctionUrlConfig{
		FunctionUrl: "https://" + s.env.IDs.Hex(16) + ".lambda-url." + sc.Region + ".on.aws/",
		FunctionArn: f.qualifiedARN(q), AuthType: in.AuthType, Cors: in.Cors,
		CreationTime: now, LastModifiedTime: now, InvokeMode: in.InvokeMode,
	}
	f.urls[q] = c
	out := *c
	out.LastModifiedTime = ""
	return out, nil
}

// checkURLSettings validates AuthType and InvokeMode and defaults InvokeMode.
func checkURLSettings(auth, mode *string, authRequired bool) error {
	switch *auth {
	case "NONE", "AWS_IAM":
	case "":
		if authRequired {
			return errValidation("authType", "null", "Member must not be null")
		}
	default:
		return errValidation("authType", *auth, "Member must satisfy enum value set: [NONE, AWS_IAM]")
	}
	switch *mode {
	case "BUFFERED", "RESPONSE_STREAM":
	case "":
		if authRequired {
			*mode = "BUFFERED"
		}
	default:
		return errValidation("invokeMode", *mode, "Member must satisfy enum value set: [BUFFERED, RESPONSE_STREAM]")
	}
	return nil
}

// urlTargetLocked returns the function and qualifier of a URL: only the
// function itself or an alias may have one.
func (s *Service) urlTargetLocked(sc faults.Scope, name, qualifier string) (*function, string, error) {
	r, err := s.parseRef(sc, "functionName", name, qualifier)
	if err != nil {
		return nil, "", err
	}
	f, err := s.lookupLocked(r)
	if err != nil {
		return nil, "", err
	}
	q := r.qualifier
	if q == latest {
		q = ""
	}
	if q != "" && f.aliases[q] == nil {
		if isVersionNumber(q) {
			return nil, "", errInvalid("Function URLs are only supported on aliases and $LATEST, not on version %s.", q)
		}
		return nil, "", errFunctionNotFound(r.arn())
	}
	return f, q, nil
}

// GetFunctionUrlConfigInput names a function or alias.
type GetFunctionUrlConfigInput struct {
	FunctionName string
	Qualifier    string
}

// GetFunctionUrlConfig returns the URL configuration of a function or alias.
func (s *Service) GetFunctionUrlConfig(ctx context.Context, in GetFunctionUrlConfigInput) (FunctionUrlConfig, error) {
	sc, err := s.enter(ctx, "GetFunctionUrlConfig")
	if err != nil {
		return FunctionUrlConfig{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	c, err := s.urlLocked(sc, in.FunctionName, in.Qualifier)
	if err != nil {
		return FunctionUrlConfig{}, err
	}
	return *c, nil
}

func (s *Service) urlLocked(sc faults.Scope, name, qualifier string) (*FunctionUrlConfig, error) {
	f, q, err := s.urlTargetLocked(sc, name, qualifier)
	if err != nil {
		return nil, err
	}
	if f.urls[q] == nil {
		return nil, errNotFound("The resource you requested does not exist.")
	}
	return f.urls[q], nil
}

// UpdateFunctionUrlConfigInput changes a URL configuration; empty members
// are left as they are.
type UpdateFunctionUrlConfigInput struct {
	FunctionName string
	Qualifier    string
	AuthType     string
	Cors         *Cors
	InvokeMode   string
}

// UpdateFunctionUrlConfig changes a URL configuration.
func (s *Service) UpdateFunctionUrlConfig(ctx context.Context, in UpdateFunctionUrlConfigInput) (FunctionUrlConfig, error) {
	sc, err := s.enter(ctx, "UpdateFunctionUrlConfig")
	if err != nil {
		return FunctionUrlConfig{}, err
	}
	if err := checkURLSettings(&in.AuthType, &in.InvokeMode, false); err != nil {
		return FunctionUrlConfig{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	c, err := s.urlLocked(sc, in.FunctionName, in.Qualifier)
	if err != nil {
		return FunctionUrlConfig{}, err
	}
	if in.AuthType != "" {
		c.AuthType = in.AuthType
	}
	if in.InvokeMode != "" {
		c.InvokeMode = in.InvokeMode
	}
	if in.Cors != nil {
		c.Cors = in.Cors
	}
	c.LastModifiedTime = lastModified(s.now())
	return *c, nil
}

// DeleteFunctionUrlConfig deletes a URL configuration.
func (s *Service) DeleteFunctionUrlConfig(ctx context.Context, in GetFunctionUrlConfigInput) error {
	sc, err := s.enter(ctx, "DeleteFunctionUrlConfig")
	if err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	f, q, err := s.urlTargetLocked(sc, in.FunctionName, in.Qualifier)
	if err != nil {
		return err
	}
	if f.urls[q] == nil {
		return errNotFound("The resource you requested does not exist.")
	}
	delete(f.urls, q)
	return nil
}

// ListFunctionUrlConfigsInput pages through a function's URLs.
type ListFunctionUrlConfigsInput struct {
	FunctionName string
	Marker       string
	MaxItems     int32
}

// ListFunctionUrlConfigsOutput is one page of them.
type ListFunctionUrlConfigsOutput struct {
	FunctionUrlConfigs []FunctionUrlConfig
	NextMarker         string `json:",omitempty"`
}

// ListFunctionUrlConfigs lists a function's URLs by function ARN.
func (s *Service) ListFunctionUrlConfigs(ctx context.Context, in ListFunctionUrlConfigsInput) (ListFunctionUrlConfigsOutput, error) {
	sc, err := s.enter(ctx, "ListFunctionUrlConfigs")
	if err != nil {
		return ListFunctionUrlConfigsOutput{}, err
	}
	s.mu.Lock()
	f, err := s.functionNamedLocked(sc, in.FunctionName)
	if err != nil {
		s.mu.Unlock()
		return ListFunctionUrlConfigsOutput{}, err
	}
	var all []FunctionUrlConfig
	for _, c := range f.urls {
		all = append(all, *c)
	}
	s.mu.Unlock()
	sort.Slice(all, func(i, j int) bool { return all[i].FunctionArn < all[j].FunctionArn })
	items, next, err := page(all, func(c FunctionUrlConfig) string { return c.FunctionArn }, in.Marker, in.MaxItems, pageTo50)
	if err != nil {
		return ListFunctionUrlConfigsOutput{}, err
	}
	return ListFunctionUrlConfigsOutput{FunctionUrlConfigs: nonNil(items), NextMarker: next}, nil
}
