package apigw

import (
	"maps"
	"strconv"
	"strings"
)

// The UpdateStage paths of a canary, with AWS's answers as recorded in
// test_apigateway_canary.py (TestStageCrudCanary): replace
// /canarySettings/percentTraffic, /canarySettings/deploymentId,
// /canarySettings/useStageCache and
// /canarySettings/stageVariableOverrides/{name} (each makes the canary
// when the stage has none: the stage's deployment, 0.0 percent, as in
// test_create_canary_deployment_by_stage_update), remove
// /canarySettings/stageVariableOverrides/{name} and remove
// /canarySettings; and the promotion the CLI documents, copy
// /canarySettings/deploymentId to /deploymentId and
// /canarySettings/stageVariableOverrides to /variables
// (test_update_stage_with_copy_ops).
const (
	canaryPath          = "/canarySettings"
	canaryOverridesPath = canaryPath + "/stageVariableOverrides"
)

// patchCanary applies one canary op (or copy op) to st.
func (a *api) patchCanary(st *Stage, op PatchOperation) error {
	if op.Op == "copy" {
		return promote(st, op)
	}
	rest := strings.TrimPrefix(op.Path, canaryPath)
	if rest != "" && rest[0] != '/' {
		return errStagePath(op.Path)
	}
	switch op.Op {
	case "remove":
		return removeCanary(st, rest)
	case "replace":
		return a.replaceCanary(st, op, rest)
	}
	// "you need to use replace for every canarySettings, add is not
	// supported" (the recording's note, update-stage-add-deployment); AWS's
	// text for add, used for move and test too.
	return badRequest("Invalid %s operation with path: %s", op.Op, op.Path)
}

// removeCanary removes the canary (rest "") or one override; any other
// remove is AWS's "Cannot remove method setting canarySettings/... because
// there is no method setting for this method " (the trailing space is
// AWS's; update-stage-canary-settings-remove-overrides, -bad-path).
func removeCanary(st *Stage, rest string) error {
	if rest == "" {
		st.CanarySettings = nil
		return nil
	}
	name, ok := strings.CutPrefix(rest, "/stageVariableOverrides/")
	if !ok || name == "" {
		return badRequest("Cannot remove method setting %s because there is no method setting for this method ", strings.TrimPrefix(canaryPath+rest, "/"))
	}
	if st.CanarySettings != nil {
		delete(st.CanarySettings.StageVariableOverrides, name)
		if len(st.CanarySettings.StageVariableOverrides) == 0 {
			st.CanarySettings.StageVariableOverrides = nil
		}
	}
	return nil
}

// replaceCanary sets one canary setting, making the canary if need be.
func (a *api) replaceCanary(st *Stage, op PatchOperation, rest string) error {
	v := op.value()
	c := st.CanarySettings
	if c == nil {
		c = &CanarySettings{DeploymentID: st.DeploymentID}
	}
	switch rest {
	case "/percentTraffic":
		p, err := strconv.ParseFloat(v, 64)
		if err != nil {
			return errPercentTraffic(v)
		}
		if err := checkPercentTraffic(p); err != nil {
			return err
		}
		c.PercentTraffic = p
	case "/deploymentId":
		if a.deployments[v] == nil {
			return errCanaryDeployment()
		}
		c.DeploymentID = v
	case "/useStageCache":
		c.UseStageCache = v == "true"
	default:
		name, ok := strings.CutPrefix(rest, "/stageVariableOverrides/")
		if !ok || name == "" {
			return errStagePath(op.Path)
		}
		if c.StageVariableOverrides == nil {
			c.StageVariableOverrides = map[string]string{}
		}
		c.StageVariableOverrides[name] = v
	}
	st.CanarySettings = c
	return nil
}

// promote applies a copy op: only from the canary to the stage, and only
// while there is a canary, with AWS's texts (copy-with-bad-statement,
// copy-with-no-replace). The overrides copied to /variables are merged
// into them: the stage keeps its other variables, as recorded
// (update-stage-with-copy-2). The canary stays; remove /canarySettings
// ends it.
func promote(st *Stage, op PatchOperation) error {
	ok := op.Path == "/deploymentId" && op.From == canaryPath+"/deploymentId" ||
		op.Path == "/variables" && op.From == canaryOverridesPath
	if !ok {
		return badRequest("Invalid copy operation with path: %s and from %s. Valid copy:path are [/deploymentId, /variables] and valid copy:from are [/canarySettings/deploymentId, /canarySettings/stageVariableOverrides]", op.Path, op.From)
	}
	c := st.CanarySettings
	if c == nil {
		return badRequest("Promotion not available. Canary does not exist.")
	}
	if op.Path == "/deploymentId" {
		st.DeploymentID = c.DeploymentID
		return nil
	}
	if len(c.StageVariableOverrides) > 0 {
		if st.Variables == nil {
			st.Variables = map[string]string{}
		}
		maps.Copy(st.Variables, c.StageVariableOverrides)
	}
	return nil
}
