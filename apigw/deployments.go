package apigw

import (
	"context"
	"regexp"
)

// DeploymentRef names a deployment.
type DeploymentRef struct{ RestAPIID, DeploymentID string }

// GetDeploymentsInput is GetDeployments' input.
type GetDeploymentsInput struct {
	RestAPIID string
	PageInput
}

// UpdateDeploymentInput is UpdateDeployment's input.
type UpdateDeploymentInput struct {
	RestAPIID       string           `json:"-"`
	DeploymentID    string           `json:"-"`
	PatchOperations []PatchOperation `json:"patchOperations"`
}

// stageNameRE is the form of a stage name: "alphanumerics, -, _; ≤ 128
// chars" (api_op_CreateStage.go).
var stageNameRE = regexp.MustCompile(`^[a-zA-Z0-9_-]{1,128}$`)

// CreateDeployment snapshots the API as it is now; with a stage name, the
// stage (created if new) serves the snapshot. Later changes to the API are
// not served until the next deployment.
func (s *Service) CreateDeployment(ctx context.Context, in CreateDeploymentInput) (Deployment, error) {
	sc, err := s.enter(ctx, "CreateDeployment")
	if err != nil {
		return Deployment{}, err
	}
	if in.StageName != "" && !stageNameRE.MatchString(in.StageName) {
		return Deployment{}, badRequest("Stage name only allows a-zA-Z0-9_- and must be at most 128 characters")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	a, err := s.apiLocked(sc, in.RestAPIID)
	if err != nil {
		return Deployment{}, err
	}
	if err := a.checkCanaryDeployment(in); err != nil {
		return Deployment{}, err
	}
	if err := a.deployable(); err != nil {
		return Deployment{}, err
	}
	now := s.env.Clock.Now()
	d := &deployment{Deployment: Deployment{ID: s.newID(6), Description: in.Description, CreatedDate: Timestamp(now)}}
	d.snap = a.snapshot(d.ID)
	a.deployments[d.ID] = d
	if in.StageName != "" {
		st := a.stages[in.StageName]
		if st == nil {
			st = &stage{Stage: Stage{StageName: in.StageName, Description: in.StageDescription, CreatedDate: Timestamp(now),
				CacheClusterStatus: "NOT_AVAILABLE", TracingEnabled: in.TracingEnabled, MethodSettings: map[string]MethodSetting{}}}
			a.stages[in.StageName] = st
		}
		if in.CanarySettings != nil {
			st.CanarySettings = deploymentCanary(in.CanarySettings, d.ID)
		} else {
			st.DeploymentID = d.ID
		}
		if len(in.Variables) > 0 {
			if st.Variables == nil {
				st.Variables = map[string]string{}
			}
			for k, v := range in.Variables {
				st.Variables[k] = v
			}
		}
		st.LastUpdatedDate = Timestamp(now)
	}
	return d.Deployment, nil
}

// deployable checks that the API has methods and that each has an
// integration, as AWS does before it deploys.
func (a *api) deployable() error {
	any := false
	for _, r := range a.resources {
		for _, m := range r.methods {
			any = true
			if m.MethodIntegration == nil {
				return badRequest("No integration defined for method")
			}
		}
	}
	if !any {
		return badRequest("The REST API doesn't contain any methods")
	}
	return nil
}

// GetDeployment returns a deployment.
func (s *Service) GetDeployment(ctx context.Context, in DeploymentRef) (Deployment, error) {
	a, unlock, err := s.enterAPI(ctx, "GetDeployment", in.RestAPIID)
	if err != nil {
		return Deployment{}, err
	}
	defer unlock()
	d := a.deployments[in.DeploymentID]
	if d == nil {
		return Deployment{}, errDeploymentNotFound()
	}
	return d.Deployment, nil
}

// GetDeployments lists an API's deployments by id.
func (s *Service) GetDeployments(ctx context.Context, in GetDeploymentsInput) (Page[Deployment], error) {
	a, unlock, err := s.enterAPI(ctx, "GetDeployments", in.RestAPIID)
	if err != nil {
		return Page[Deployment]{}, err
	}
	defer unlock()
	return pageOf(a.deployments, func(d *deployment) Deployment { return d.Deployment },
		func(d Deployment) string { return d.ID }, in.PageInput)
}

// DeleteDeployment deletes a deployment no stage serves.
func (s *Service) DeleteDeployment(ctx context.Context, in DeploymentRef) error {
	sc, err := s.enter(ctx, "DeleteDeployment")
	if err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	a, err := s.apiLocked(sc, in.RestAPIID)
	if err != nil {
		return err
	}
	if a.deployments[in.DeploymentID] == nil {
		return errDeploymentNotFound()
	}
	for _, st := range a.stages {
		if st.DeploymentID == in.DeploymentID || st.CanarySettings != nil && st.CanarySettings.DeploymentID == in.DeploymentID {
			return badRequest("Active stages pointing to this deployment must be moved or deleted")
		}
	}
	delete(a.deployments, in.DeploymentID)
	return nil
}

// UpdateDeployment applies replace /description.
func (s *Service) UpdateDeployment(ctx context.Context, in UpdateDeploymentInput) (Deployment, error) {
	sc, err := s.enter(ctx, "UpdateDeployment")
	if err != nil {
		return Deployment{}, err
	}
	if err := checkPatch("updateDeploymentInput", in.PatchOperations); err != nil {
		return Deployment{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	a, err := s.apiLocked(sc, in.RestAPIID)
	if err != nil {
		return Deployment{}, err
	}
	d := a.deployments[in.DeploymentID]
	if d == nil {
		return Deployment{}, errDeploymentNotFound()
	}
	desc := d.Description
	for _, op := range in.PatchOperations {
		if op.Op != "replace" || op.Path != "/description" {
			return Deployment{}, errPatchPath(op, "/description")
		}
		desc = op.value()
	}
	d.Description = desc
	return d.Deployment, nil
}
