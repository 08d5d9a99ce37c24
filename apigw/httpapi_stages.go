package apigw

import (
	"encoding/json"
	"maps"
	"net/http"
	"slices"
	"strings"
	"time"
)

// Stages, deployments, route settings and tags of v2 APIs.

func errHTTPStageNotFound(name string) error {
	return notFound("Invalid stage identifier specified %s", name)
}

func errHTTPDeploymentNotFound(id string) error {
	return notFound("Invalid Deployment identifier specified %s", id)
}

// checkStage validates a stage: a name ($default, or letters, digits, -
// and _), a deployment that exists, route settings of routes that exist.
func checkStage(a *hAPI, st *hStage) error {
	if st.StageName == "" {
		return badRequest("StageName is required")
	}
	if st.StageName != "$default" && strings.Trim(st.StageName, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_") != "" {
		return badRequest("Stage name only allows a-zA-Z0-9_-")
	}
	if st.StageName == "$default" && a.doc.ProtocolType == "WEBSOCKET" {
		return badRequest("$default stage is supported only for HTTP APIs")
	}
	if st.DeploymentID != "" {
		if _, ok := a.deployments[st.DeploymentID]; !ok {
			return errHTTPDeploymentNotFound(st.DeploymentID)
		}
	}
	for key := range st.RouteSettings {
		if !slices.ContainsFunc(slices.Collect(maps.Values(a.routes)), func(r hRoute) bool { return r.RouteKey == key }) {
			return notFound("Unable to find Route by key %s within the provided RouteSettings", key)
		}
	}
	if st.DefaultRouteSettings == nil {
		st.DefaultRouteSettings = &hRouteSettings{}
	}
	return nil
}

func createStage(s *Service, c *call) error {
	body, err := bodyOf(c)
	if err != nil {
		return err
	}
	var st hStage
	if err := json.Unmarshal(body, &st); err != nil {
		return badRequest("Invalid request body: %s", jsonProblem(err))
	}
	return s.withAPI(c, func(a *hAPI) error {
		if err := checkStage(a, &st); err != nil {
			return err
		}
		if _, ok := a.stages[st.StageName]; ok {
			return conflict("Stage %s already exists", st.StageName)
		}
		now := s.env.Clock.Now().UTC().Truncate(time.Second)
		st.CreatedDate, st.LastUpdatedDate = now, now
		a.stages[st.StageName] = st
		if st.AutoDeploy {
			s.changedLocked(a)
		}
		return writeJSON(c, http.StatusCreated, a.stages[st.StageName])
	})
}

func getStage(s *Service, c *call) error {
	return s.withAPI(c, func(a *hAPI) error {
		st, ok := a.stages[c.label("StageName")]
		if !ok {
			return errHTTPStageNotFound(c.label("StageName"))
		}
		return writeJSON(c, http.StatusOK, st)
	})
}

func getStages(s *Service, c *call) error {
	return s.withAPI(c, func(a *hAPI) error {
		items := []hStage{}
		for _, name := range slices.Sorted(maps.Keys(a.stages)) {
			items = append(items, a.stages[name])
		}
		return writePage(c, items, func(st hStage) string { return st.StageName })
	})
}

// updateStage is UpdateStage: turning autoDeploy on deploys at once.
func updateStage(s *Service, c *call) error {
	body, err := bodyOf(c)
	if err != nil {
		return err
	}
	return s.withAPI(c, func(a *hAPI) error {
		name := c.label("StageName")
		old, ok := a.stages[name]
		if !ok {
			return errHTTPStageNotFound(name)
		}
		st, err := overlay(old, body)
		if err != nil {
			return err
		}
		st.StageName, st.CreatedDate, st.Tags = name, old.CreatedDate, old.Tags
		if err := checkStage(a, &st); err != nil {
			return err
		}
		st.LastUpdatedDate = s.env.Clock.Now().UTC().Truncate(time.Second)
		a.stages[name] = st
		if st.AutoDeploy && !old.AutoDeploy {
			s.changedLocked(a)
		}
		return writeJSON(c, http.StatusOK, a.stages[name])
	})
}

func deleteStage(s *Service, c *call) error {
	return s.withAPI(c, func(a *hAPI) error {
		name := c.label("StageName")
		if _, ok := a.stages[name]; !ok {
			return errHTTPStageNotFound(name)
		}
		delete(a.stages, name)
		c.w.WriteHeader(http.StatusNoContent)
		return nil
	})
}

// deleteRouteSettings is DeleteRouteSettings.
func deleteRouteSettings(s *Service, c *call) error {
	return s.withAPI(c, func(a *hAPI) error {
		name, key := c.label("StageName"), c.label("RouteKey")
		st, ok := a.stages[name]
		if !ok {
			return errHTTPStageNotFound(name)
		}
		if _, ok := st.RouteSettings[key]; !ok {
			return notFound("Unable to find route settings for route key %s", key)
		}
		st.RouteSettings = maps.Clone(st.RouteSettings)
		delete(st.RouteSettings, key)
		a.stages[name] = st
		c.w.WriteHeader(http.StatusNoContent)
		return nil
	})
}

// deleteAccessLogSettings is DeleteAccessLogSettings.
func deleteAccessLogSettings(s *Service, c *call) error {
	return s.withAPI(c, func(a *hAPI) error {
		name := c.label("StageName")
		st, ok := a.stages[name]
		if !ok {
			return errHTTPStageNotFound(name)
		}
		st.AccessLogSettings = nil
		a.stages[name] = st
		c.w.WriteHeader(http.StatusNoContent)
		return nil
	})
}

// createDeployment is CreateDeployment: at least one route; with a
// stageName, that stage (not autoDeploy) points at the new deployment.
func createDeployment(s *Service, c *call) error {
	body, err := bodyOf(c)
	if err != nil {
		return err
	}
	var in struct {
		Description string `json:"description"`
		StageName   string `json:"stageName"`
	}
	if err := json.Unmarshal(body, &in); err != nil {
		return badRequest("Invalid request body: %s", jsonProblem(err))
	}
	return s.withAPI(c, func(a *hAPI) error {
		st, ok := a.stages[in.StageName]
		if in.StageName != "" && !ok {
			return errHTTPStageNotFound(in.StageName)
		}
		if ok && st.AutoDeploy {
			return badRequest("Deployments cannot be created for stages with autoDeploy enabled")
		}
		if len(a.routes) == 0 {
			return badRequest("At least one route is required before deploying the Api.")
		}
		d := s.deployLocked(a, in.Description, false)
		if ok {
			st.DeploymentID, st.LastUpdatedDate = d.DeploymentID, d.CreatedDate
			a.stages[in.StageName] = st
		}
		return writeJSON(c, http.StatusCreated, d)
	})
}

func getDeployment(s *Service, c *call) error {
	return s.withAPI(c, func(a *hAPI) error {
		d, ok := a.deployments[c.label("DeploymentId")]
		if !ok {
			return errHTTPDeploymentNotFound(c.label("DeploymentId"))
		}
		return writeJSON(c, http.StatusOK, d)
	})
}

func getDeployments(s *Service, c *call) error {
	return s.withAPI(c, func(a *hAPI) error {
		items := []hDeployment{}
		for _, id := range slices.Sorted(maps.Keys(a.deployments)) {
			items = append(items, a.deployments[id])
		}
		slices.SortStableFunc(items, func(x, y hDeployment) int { return strings.Compare(deploymentKey(x), deploymentKey(y)) })
		return writePage(c, items, deploymentKey)
	})
}

func updateDeployment(s *Service, c *call) error {
	body, err := bodyOf(c)
	if err != nil {
		return err
	}
	return s.withAPI(c, func(a *hAPI) error {
		id := c.label("DeploymentId")
		d, ok := a.deployments[id]
		if !ok {
			return errHTTPDeploymentNotFound(id)
		}
		var in struct {
			Description *string `json:"description"`
		}
		if err := json.Unmarshal(body, &in); err != nil {
			return badRequest("Invalid request body: %s", jsonProblem(err))
		}
		if in.Description != nil {
			d.Description = *in.Description
		}
		a.deployments[id] = d
		return writeJSON(c, http.StatusOK, d)
	})
}

// deleteDeployment is DeleteDeployment: not one a stage points at.
func deleteDeployment(s *Service, c *call) error {
	return s.withAPI(c, func(a *hAPI) error {
		id := c.label("DeploymentId")
		if _, ok := a.deployments[id]; !ok {
			return errHTTPDeploymentNotFound(id)
		}
		for _, st := range a.stages {
			if st.DeploymentID == id {
				return badRequest("Active stages pointing to this deployment must be moved or deleted")
			}
		}
		delete(a.deployments, id)
		delete(a.snaps, id)
		c.w.WriteHeader(http.StatusNoContent)
		return nil
	})
}

// resetAuthorizersCache is ResetAuthorizersCache: the stage's cached
// Lambda authorizer answers are dropped (authorize_cache.go).
func resetAuthorizersCache(s *Service, c *call) error {
	return s.withAPI(c, func(a *hAPI) error {
		name := c.label("StageName")
		if _, ok := a.stages[name]; !ok {
			return errHTTPStageNotFound(name)
		}
		s.flushAuthorizersCacheLocked(a.doc.APIID, name)
		c.w.WriteHeader(http.StatusNoContent)
		return nil
	})
}

// deploymentKey orders deployments by creation, then id.
func deploymentKey(d hDeployment) string {
	return d.CreatedDate.UTC().Format("20060102T150405.000000000") + d.DeploymentID
}
