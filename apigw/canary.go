package apigw

import (
	"encoding/json"
	"maps"
	"strconv"
	"strings"

	"github.com/awsfake/awsfake/internal/awserr"
	"github.com/awsfake/awsfake/internal/ids"
)

// CanarySettings is a stage's canary release: the deployment that serves
// PercentTraffic percent of the stage's requests, with the stage's
// variables overridden (or added to) by StageVariableOverrides.
type CanarySettings struct {
	DeploymentID           string            `json:"deploymentId,omitempty"`
	PercentTraffic         float64           `json:"percentTraffic"`
	StageVariableOverrides map[string]string `json:"stageVariableOverrides,omitempty"`
	UseStageCache          bool              `json:"useStageCache"`
}

// DeploymentCanarySettings is CreateDeployment's canary: the new
// deployment becomes the stage's canary instead of its deployment.
type DeploymentCanarySettings struct {
	PercentTraffic         float64           `json:"percentTraffic"`
	StageVariableOverrides map[string]string `json:"stageVariableOverrides,omitempty"`
	UseStageCache          bool              `json:"useStageCache"`
}

// clone returns a copy of c that shares no map with it (nil for nil).
func (c *CanarySettings) clone() *CanarySettings {
	if c == nil {
		return nil
	}
	out := *c
	out.StageVariableOverrides = maps.Clone(c.StageVariableOverrides)
	return &out
}

// errCanaryDeployment is AWS's answer for a canary naming a deployment
// that does not exist, as recorded
// (test_apigateway_canary.py::TestStageCrudCanary::test_create_canary_deployment,
// bad-canary-deployment-id; test_update_stage_canary_deployment_validation,
// update-stage-no-deployment).
func errCanaryDeployment() *awserr.Error { return badRequest("Deployment id does not exist") }

// checkPercentTraffic refuses a share outside 0.0–100.0. The range is the
// one AWS documents ("A percentage of API traffic, between 0.0 and 100.0
// inclusive, for the canary release", developer guide, canary-release);
// no recording shows AWS's text for a value outside it, so the text is
// this fake's, written as AWS's other range errors are.
func checkPercentTraffic(p float64) error {
	if !(p >= 0 && p <= 100) {
		return errPercentTraffic(strconv.FormatFloat(p, 'f', -1, 64))
	}
	return nil
}

// errPercentTraffic is the answer for a share v out of range or not a
// number (checkPercentTraffic's text).
func errPercentTraffic(v string) error {
	return badRequest("Invalid percentTraffic value: %s. Canary percentTraffic must be between 0.0 and 100.0", v)
}

// newCanaryLocked validates CreateStage's canary for a stage serving
// stageDeployment: its deployment (the stage's when none is named) must
// exist and its share be in range. It returns the settings to keep.
func (a *api) newCanaryLocked(in *CanarySettings, stageDeployment string) (*CanarySettings, error) {
	if in == nil {
		return nil, nil
	}
	c := in.clone()
	if c.DeploymentID == "" {
		c.DeploymentID = stageDeployment
	}
	if a.deployments[c.DeploymentID] == nil {
		return nil, errCanaryDeployment()
	}
	if err := checkPercentTraffic(c.PercentTraffic); err != nil {
		return nil, err
	}
	if len(c.StageVariableOverrides) == 0 {
		c.StageVariableOverrides = nil
	}
	return c, nil
}

// UnmarshalJSON reads CreateDeployment's body, noting whether it names a
// stageName at all: AWS's canary error tells an empty name from none.
func (in *CreateDeploymentInput) UnmarshalJSON(b []byte) error {
	type plain CreateDeploymentInput
	if err := json.Unmarshal(b, (*plain)(in)); err != nil {
		return err
	}
	var probe struct {
		StageName *string `json:"stageName"`
	}
	_ = json.Unmarshal(b, &probe) // b decoded above: a string or null
	in.stageNameSent = probe.StageName != nil
	return nil
}

// checkCanaryDeployment validates CreateDeployment's canary before the
// deployment is made, with AWS's texts as recorded
// (test_create_canary_deployment_validation): the stage must be named and
// exist. An empty stageName sent is "Provided value is ", none (or "" from
// the Go API, which has no null) "Provided value is null".
func (a *api) checkCanaryDeployment(in CreateDeploymentInput) error {
	if in.CanarySettings == nil {
		return nil
	}
	if in.StageName == "" {
		provided := "null"
		if in.stageNameSent {
			provided = ""
		}
		return badRequest("Invalid deployment content specified.Non null and non empty stageName must be provided for canary deployment. Provided value is %s", provided)
	}
	if a.stages[in.StageName] == nil {
		return badRequest("Invalid deployment content specified.Stage %s must already be created before making a canary release deployment", in.StageName)
	}
	return checkPercentTraffic(in.CanarySettings.PercentTraffic)
}

// deploymentCanary is the stage's canary after CreateDeployment made
// deployment d with in: the whole canary is replaced, as recorded
// (test_create_canary_deployment, get-stage-1).
func deploymentCanary(in *DeploymentCanarySettings, d string) *CanarySettings {
	c := &CanarySettings{DeploymentID: d, PercentTraffic: in.PercentTraffic, UseStageCache: in.UseStageCache}
	if len(in.StageVariableOverrides) > 0 {
		c.StageVariableOverrides = maps.Clone(in.StageVariableOverrides)
	}
	return c
}

// pickDeployment returns the snapshot that serves x, a request to st: the
// canary's with probability percentTraffic/100, else the stage's. The
// draw comes from a source derived from the cloud's seeded one for this
// stage alone, so that the same seed gives the same split over the same
// number of requests whatever else the cloud draws. A canary request sees
// the stage's variables merged with the overrides and is marked in its
// record. Called under s.mu.
func (s *Service) pickDeployment(a *api, st *stage, x *exchange) *snapshot {
	base := a.deployments[st.DeploymentID].snap
	c := st.CanarySettings
	if c == nil {
		return base
	}
	d := a.deployments[c.DeploymentID]
	if d == nil || !st.drawCanary(s.env.IDs, a.ID, c.PercentTraffic) {
		return base
	}
	x.record.Canary = true
	if len(c.StageVariableOverrides) > 0 {
		if x.stage.Variables == nil {
			x.stage.Variables = map[string]string{}
		}
		maps.Copy(x.stage.Variables, c.StageVariableOverrides)
	}
	return d.snap
}

// drawCanary says whether one request goes to the canary: never at 0,
// always at 100, else a draw below percent out of 100.
func (st *stage) drawCanary(root *ids.Generator, apiID string, percent float64) bool {
	switch {
	case percent <= 0:
		return false
	case percent >= 100:
		return true
	}
	if st.canaryDraws == nil {
		st.canaryDraws = root.Derive("apigw canary " + apiID + "/" + st.StageName)
	}
	return st.canaryDraws.Float64()*100 < percent
}

// logGroups are the log groups (names or ARNs) a log line of x goes to:
// group, and for a canary request group/Canary as well. "They are reported
// to a production stage CloudWatch Logs log group as well as a
// canary-specific CloudWatch Logs log group. The same applies to access
// logging. ... the canary release execution log group is named
// API-Gateway-Execution-Logs/{rest-api-id}/{stage-name}/Canary ... The
// canary release access log group name has the /Canary suffix appended to
// the selected log group name" (developer guide, canary-release).
func (x *exchange) logGroups(group string) []string {
	if !x.record.Canary {
		return []string{group}
	}
	return []string{group, strings.TrimSuffix(group, ":*") + "/Canary"}
}
