package apigw

import (
	"context"
	"slices"
	"strconv"
	"strings"
)

// StageRef names a stage.
type StageRef struct{ RestAPIID, StageName string }

// GetStagesInput is GetStages' input: the stages of an API, or only those
// serving DeploymentID.
type GetStagesInput struct{ RestAPIID, DeploymentID string }

// Stages is GetStages' answer.
type Stages struct {
	Items []Stage `json:"item"`
}

// UpdateStageInput is UpdateStage's input.
type UpdateStageInput struct {
	RestAPIID       string           `json:"-"`
	StageName       string           `json:"-"`
	PatchOperations []PatchOperation `json:"patchOperations"`
}

// CreateStage creates a stage serving a deployment.
func (s *Service) CreateStage(ctx context.Context, in CreateStageInput) (Stage, error) {
	sc, err := s.enter(ctx, "CreateStage")
	if err != nil {
		return Stage{}, err
	}
	if !stageNameRE.MatchString(in.StageName) {
		return Stage{}, badRequest("Stage name only allows a-zA-Z0-9_- and must be at most 128 characters")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	a, err := s.apiLocked(sc, in.RestAPIID)
	if err != nil {
		return Stage{}, err
	}
	if a.deployments[in.DeploymentID] == nil {
		return Stage{}, errDeploymentNotFound()
	}
	if a.stages[in.StageName] != nil {
		return Stage{}, conflict("Stage already exists")
	}
	canary, err := a.newCanaryLocked(in.CanarySettings, in.DeploymentID)
	if err != nil {
		return Stage{}, err
	}
	now := Timestamp(s.env.Clock.Now())
	st := &stage{Stage: Stage{StageName: in.StageName, DeploymentID: in.DeploymentID, Description: in.Description,
		Variables: clone(in.Variables), CacheClusterStatus: "NOT_AVAILABLE", TracingEnabled: in.TracingEnabled,
		MethodSettings: map[string]MethodSetting{}, Tags: clone(in.Tags), CreatedDate: now, LastUpdatedDate: now,
		CanarySettings: canary}}
	a.stages[in.StageName] = st
	return cloneStage(st.Stage), nil
}

// GetStage returns a stage.
func (s *Service) GetStage(ctx context.Context, in StageRef) (Stage, error) {
	a, unlock, err := s.enterAPI(ctx, "GetStage", in.RestAPIID)
	if err != nil {
		return Stage{}, err
	}
	defer unlock()
	st := a.stages[in.StageName]
	if st == nil {
		return Stage{}, errStageNotFound()
	}
	return cloneStage(st.Stage), nil
}

// GetStages lists an API's stages by name.
func (s *Service) GetStages(ctx context.Context, in GetStagesInput) (Stages, error) {
	a, unlock, err := s.enterAPI(ctx, "GetStages", in.RestAPIID)
	if err != nil {
		return Stages{}, err
	}
	defer unlock()
	out := Stages{Items: []Stage{}}
	for _, st := range a.stages {
		if in.DeploymentID == "" || st.DeploymentID == in.DeploymentID {
			out.Items = append(out.Items, cloneStage(st.Stage))
		}
	}
	slices.SortFunc(out.Items, func(x, y Stage) int { return strings.Compare(x.StageName, y.StageName) })
	return out, nil
}

// DeleteStage deletes a stage: its URL stops serving.
func (s *Service) DeleteStage(ctx context.Context, in StageRef) error {
	sc, err := s.enter(ctx, "DeleteStage")
	if err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	a, err := s.apiLocked(sc, in.RestAPIID)
	if err != nil {
		return err
	}
	if a.stages[in.StageName] == nil {
		return errStageNotFound()
	}
	delete(a.stages, in.StageName)
	return nil
}

// UpdateStage applies patch operations to a stage; they apply to the next
// invocation without a redeploy. Paths: /variables/{name} (add, replace,
// remove), replace /deploymentId, /description, /tracingEnabled,
// /accessLogSettings/format and /accessLogSettings/destinationArn (remove
// /accessLogSettings), and the method settings
// /{resourcePath}/{method}/{setting} (/*/*/logging/loglevel, ...), and the
// canary's paths (canary_patch.go).
func (s *Service) UpdateStage(ctx context.Context, in UpdateStageInput) (Stage, error) {
	sc, err := s.enter(ctx, "UpdateStage")
	if err != nil {
		return Stage{}, err
	}
	if err := checkPatch("updateStageInput", in.PatchOperations); err != nil {
		return Stage{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	a, err := s.apiLocked(sc, in.RestAPIID)
	if err != nil {
		return Stage{}, err
	}
	st := a.stages[in.StageName]
	if st == nil {
		return Stage{}, errStageNotFound()
	}
	next := cloneStage(st.Stage)
	for _, op := range in.PatchOperations {
		if err := a.patchStage(&next, op); err != nil {
			return Stage{}, err
		}
	}
	next.LastUpdatedDate = Timestamp(s.env.Clock.Now())
	st.Stage = next
	return cloneStage(next), nil
}

func (a *api) patchStage(st *Stage, op PatchOperation) error {
	if op.Op == "copy" || strings.HasPrefix(op.Path, "/canarySettings") {
		return a.patchCanary(st, op)
	}
	v := op.value()
	if name, ok := strings.CutPrefix(op.Path, "/variables/"); ok && name != "" {
		switch op.Op {
		case "add", "replace":
			if st.Variables == nil {
				st.Variables = map[string]string{}
			}
			st.Variables[name] = v
		case "remove":
			delete(st.Variables, name)
		default:
			return errPatchPath(op)
		}
		return nil
	}
	if rest, ok := strings.CutPrefix(op.Path, "/accessLogSettings"); ok {
		return patchAccessLog(st, op, rest)
	}
	switch op.Path {
	case "/deploymentId", "/description", "/tracingEnabled":
		if op.Op != "replace" {
			return errPatchPath(op)
		}
	}
	switch op.Path {
	case "/deploymentId":
		if a.deployments[v] == nil {
			return errDeploymentNotFound()
		}
		st.DeploymentID = v
	case "/description":
		st.Description = v
	case "/tracingEnabled":
		st.TracingEnabled = v == "true"
	default:
		return patchMethodSetting(st, op)
	}
	return nil
}

// patchAccessLog applies the /accessLogSettings paths, with AWS's texts as
// recorded (test_stage_access_log_settings_validation).
func patchAccessLog(st *Stage, op PatchOperation, rest string) error {
	if op.Op == "remove" && rest == "" {
		st.AccessLogSettings = nil
		return nil
	}
	if op.Op == "remove" {
		return badRequest("Cannot remove method setting accessLogSettings%s because there is no method setting for this method ", rest)
	}
	if rest != "/destinationArn" && rest != "/format" {
		return badRequest("Invalid accessLogSettings path. Must be one of : [/accessLogSettings/destinationArn, /accessLogSettings/format]")
	}
	if op.value() == "" {
		return badRequest("Access Log value must not be empty")
	}
	if st.AccessLogSettings == nil {
		st.AccessLogSettings = &AccessLogSettings{}
	}
	if rest == "/format" {
		st.AccessLogSettings.Format = op.value()
	} else {
		st.AccessLogSettings.DestinationArn = op.value()
	}
	return nil
}

// patchMethodSetting applies /{resourcePath}/{method}/{group}/{setting}:
// the resource path has its / written ~1, and */* is every method.
func patchMethodSetting(st *Stage, op PatchOperation) error {
	parts := strings.Split(strings.TrimPrefix(op.Path, "/"), "/")
	if len(parts) != 4 || op.Op != "replace" {
		return errStagePath(op.Path)
	}
	key := unescapePointer(parts[0]) + "/" + parts[1]
	ms, ok := st.MethodSettings[key]
	if !ok {
		ms = MethodSetting{LoggingLevel: "OFF", ThrottlingBurstLimit: 5000, ThrottlingRateLimit: 10000,
			CacheTTLInSeconds: 300, RequireAuthorizationForCacheControl: true,
			UnauthorizedCacheControlHeaderStrategy: "SUCCEED_WITH_RESPONSE_HEADER"}
	}
	v := op.value()
	switch parts[2] + "/" + parts[3] {
	case "logging/loglevel":
		if v != "OFF" && v != "ERROR" && v != "INFO" {
			return badRequest("Logging level must be one of: OFF, ERROR, INFO")
		}
		ms.LoggingLevel = v
	case "logging/dataTrace":
		ms.DataTraceEnabled = v == "true"
	case "metrics/enabled":
		ms.MetricsEnabled = v == "true"
	case "caching/enabled":
		ms.CachingEnabled = v == "true"
	case "caching/dataEncrypted":
		ms.CacheDataEncrypted = v == "true"
	case "throttling/burstLimit", "throttling/rateLimit", "caching/ttlInSeconds":
		f, err := strconv.ParseFloat(v, 64)
		if err != nil {
			return badRequest("Invalid value for %s: %s", op.Path, v)
		}
		switch parts[3] {
		case "burstLimit":
			ms.ThrottlingBurstLimit = int32(f)
		case "rateLimit":
			ms.ThrottlingRateLimit = f
		default:
			ms.CacheTTLInSeconds = int32(f)
		}
	default:
		return badRequest("Invalid method setting path: %s", op.Path)
	}
	st.MethodSettings[key] = ms
	return nil
}

// errStagePath is AWS's answer for an UpdateStage path it does not know,
// its list verbatim as recorded (the separators it leaves out included):
// test_apigateway_canary.py::TestStageCrudCanary::test_update_stage_canary_deployment_validation,
// update-stage-canary-settings-bad-path-2.
func errStagePath(path string) error {
	return badRequest("Invalid method setting path: %s. Must be one of: [/deploymentId, /description, /cacheClusterEnabled, /cacheClusterSize, /clientCertificateId, /accessLogSettings, /accessLogSettings/destinationArn, /accessLogSettings/format, /{resourcePath}/{httpMethod}/metrics/enabled, /{resourcePath}/{httpMethod}/logging/dataTrace, /{resourcePath}/{httpMethod}/logging/loglevel, /{resourcePath}/{httpMethod}/throttling/burstLimit/{resourcePath}/{httpMethod}/throttling/rateLimit/{resourcePath}/{httpMethod}/caching/ttlInSeconds, /{resourcePath}/{httpMethod}/caching/enabled, /{resourcePath}/{httpMethod}/caching/dataEncrypted, /{resourcePath}/{httpMethod}/caching/requireAuthorizationForCacheControl, /{resourcePath}/{httpMethod}/caching/unauthorizedCacheControlHeaderStrategy, /*/*/metrics/enabled, /*/*/logging/dataTrace, /*/*/logging/loglevel, /*/*/throttling/burstLimit /*/*/throttling/rateLimit /*/*/caching/ttlInSeconds, /*/*/caching/enabled, /*/*/caching/dataEncrypted, /*/*/caching/requireAuthorizationForCacheControl, /*/*/caching/unauthorizedCacheControlHeaderStrategy, /variables/{variable_name}, /tracingEnabled]", path)
}
