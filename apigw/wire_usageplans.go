package apigw

import (
	"net/http"

	"github.com/awsfake/awsfake/internal/protocol"
)

// Paths of API keys and usage plans.
const (
	pAPIKey       = "/apikeys/{apiKey}"
	pUsagePlan    = "/usageplans/{usagePlanId}"
	pUsagePlanKey = pUsagePlan + "/keys/{keyId}"
)

func planRef(c *call) UsagePlanRef { return UsagePlanRef{c.label("usagePlanId")} }

func planKeyRef(c *call) UsagePlanKeyRef {
	return UsagePlanKeyRef{c.label("usagePlanId"), c.label("keyId")}
}

// usagePlanRoutes binds the API key and usage plan operations.
var usagePlanRoutes = []route{
	{Method: "POST", Path: "/apikeys", Query: []string{"mode=import"}, Name: "ImportApiKeys", Handler: importAPIKeys},
	{Method: "POST", Path: "/apikeys", Name: "CreateApiKey", Handler: op(http.StatusCreated, nil, (*Service).CreateApiKey)},
	{Method: "GET", Path: pAPIKey, Name: "GetApiKey", Handler: op(http.StatusOK, labelled(func(c *call) GetApiKeyInput {
		return GetApiKeyInput{APIKey: c.label("apiKey"), IncludeValue: c.query.Get("includeValue") == "true"}
	}), (*Service).GetApiKey)},
	{Method: "GET", Path: "/apikeys", Name: "GetApiKeys", Handler: op(http.StatusOK, func(c *call, in *GetApiKeysInput) (err error) {
		in.NameQuery, in.CustomerID = c.query.Get("name"), c.query.Get("customerId")
		in.IncludeValues = c.query.Get("includeValues") == "true"
		in.PageInput, err = c.pageInput()
		return err
	}, (*Service).GetApiKeys)},
	{Method: "PATCH", Path: pAPIKey, Name: "UpdateApiKey", Handler: op(http.StatusOK, func(c *call, in *UpdateApiKeyInput) error {
		in.APIKey = c.label("apiKey")
		return nil
	}, (*Service).UpdateApiKey)},
	{Method: "DELETE", Path: pAPIKey, Name: "DeleteApiKey", Handler: op(http.StatusAccepted, labelled(func(c *call) ApiKeyRef {
		return ApiKeyRef{c.label("apiKey")}
	}), noOutput((*Service).DeleteApiKey))},
	{Method: "POST", Path: "/usageplans", Name: "CreateUsagePlan", Handler: op(http.StatusCreated, nil, (*Service).CreateUsagePlan)},
	{Method: "GET", Path: pUsagePlan, Name: "GetUsagePlan", Handler: op(http.StatusOK, labelled(planRef), (*Service).GetUsagePlan)},
	{Method: "GET", Path: "/usageplans", Name: "GetUsagePlans", Handler: op(http.StatusOK, func(c *call, in *GetUsagePlansInput) (err error) {
		in.KeyID = c.query.Get("keyId")
		in.PageInput, err = c.pageInput()
		return err
	}, (*Service).GetUsagePlans)},
	{Method: "PATCH", Path: pUsagePlan, Name: "UpdateUsagePlan", Handler: op(http.StatusOK, func(c *call, in *UpdateUsagePlanInput) error {
		in.UsagePlanID = c.label("usagePlanId")
		return nil
	}, (*Service).UpdateUsagePlan)},
	{Method: "DELETE", Path: pUsagePlan, Name: "DeleteUsagePlan", Handler: op(http.StatusAccepted, labelled(planRef), noOutput((*Service).DeleteUsagePlan))},
	{Method: "POST", Path: pUsagePlan + "/keys", Name: "CreateUsagePlanKey", Handler: op(http.StatusCreated, func(c *call, in *CreateUsagePlanKeyInput) error {
		in.UsagePlanID = c.label("usagePlanId")
		return nil
	}, (*Service).CreateUsagePlanKey)},
	{Method: "GET", Path: pUsagePlanKey, Name: "GetUsagePlanKey", Handler: op(http.StatusOK, labelled(planKeyRef), (*Service).GetUsagePlanKey)},
	{Method: "GET", Path: pUsagePlan + "/keys", Name: "GetUsagePlanKeys", Handler: op(http.StatusOK, func(c *call, in *GetUsagePlanKeysInput) (err error) {
		in.UsagePlanID, in.NameQuery = c.label("usagePlanId"), c.query.Get("name")
		in.PageInput, err = c.pageInput()
		return err
	}, (*Service).GetUsagePlanKeys)},
	{Method: "DELETE", Path: pUsagePlanKey, Name: "DeleteUsagePlanKey", Handler: op(http.StatusAccepted, labelled(planKeyRef), noOutput((*Service).DeleteUsagePlanKey))},
	{Method: "GET", Path: pUsagePlan + "/usage", Name: "GetUsage", Handler: op(http.StatusOK, func(c *call, in *GetUsageInput) (err error) {
		in.UsagePlanID, in.KeyID = c.label("usagePlanId"), c.query.Get("keyId")
		in.StartDate, in.EndDate = c.query.Get("startDate"), c.query.Get("endDate")
		in.PageInput, err = c.pageInput()
		return err
	}, (*Service).GetUsage)},
	{Method: "PATCH", Path: pUsagePlanKey + "/usage", Name: "UpdateUsage", Handler: op(http.StatusOK, func(c *call, in *UpdateUsageInput) error {
		in.UsagePlanID, in.KeyID = c.label("usagePlanId"), c.label("keyId")
		return nil
	}, (*Service).UpdateUsage)},
}

// importAPIKeys serves ImportApiKeys: the body is the file itself, not
// JSON; format and failonwarnings are in the query.
func importAPIKeys(s *Service, c *call) error {
	body, err := protocol.ReadBody(c.r, requestLimit)
	if err != nil {
		return err
	}
	out, err := s.ImportApiKeys(c.r.Context(), ImportApiKeysInput{Body: body, Format: c.query.Get("format"),
		FailOnWarnings: c.query.Get("failonwarnings") == "true"})
	if err != nil {
		return err
	}
	rest.Write(c.w, http.StatusCreated, out)
	return nil
}

// The answers of a method request metered against API keys, usage plans
// and throttles (the gateway responses INVALID_API_KEY, THROTTLED and
// QUOTA_EXCEEDED, which a deployment may customise).
func forbiddenKey() *response {
	res := gatewayError("INVALID_API_KEY", http.StatusForbidden, "ForbiddenException", "Forbidden")
	return &res
}

func tooManyRequests() *response {
	res := gatewayError("THROTTLED", http.StatusTooManyRequests, "TooManyRequestsException", "Too Many Requests")
	return &res
}

func limitExceeded() *response {
	res := gatewayError("QUOTA_EXCEEDED", http.StatusTooManyRequests, "LimitExceededException", "Limit Exceeded")
	return &res
}

// meter checks the method request against API keys, usage plans and
// throttles: nil when it may go on. A method with apiKeyRequired needs an
// enabled key (the x-api-key header, or the authorizer's
// usageIdentifierKey when the API's apiKeySource is AUTHORIZER) in a usage
// plan covering the stage; then the plan's throttle, the stage's method
// throttle, the account's and the plan's quota apply (usageState.admit).
func (s *Service) meter(x *exchange) *response {
	now := s.env.Clock.Now()
	s.mu.Lock()
	defer s.mu.Unlock()
	p := s.parts[partKey{x.account, x.region}]
	if p == nil {
		return nil
	}
	u := p.usageLocked()
	method := x.node.path + "/" + x.method.HTTPMethod
	a := admission{stageKey: stageMethod{x.t.apiID, x.t.stage, method}}
	if ms, ok := x.stage.MethodSettings[method]; ok {
		a.stage = &ThrottleSettings{BurstLimit: ms.ThrottlingBurstLimit, RateLimit: ms.ThrottlingRateLimit}
	} else if ms, ok := x.stage.MethodSettings["*/*"]; ok {
		a.stage = &ThrottleSettings{BurstLimit: ms.ThrottlingBurstLimit, RateLimit: ms.ThrottlingRateLimit}
	}
	if x.method.APIKeyRequired {
		value := x.r.Header.Get("X-Api-Key")
		if x.a.APIKeySource == "AUTHORIZER" {
			value = x.authorizerAPIKey
		}
		k := u.byValue[value]
		if value == "" || k == nil || !k.Enabled {
			return forbiddenKey()
		}
		for _, up := range k.plans {
			if _, ok := up.stage(x.t.apiID, x.t.stage); ok {
				a.plan, a.pk = up, up.keys[k.ID]
			}
		}
		if a.pk == nil {
			return forbiddenKey()
		}
	}
	switch u.admit(now, a) {
	case throttled:
		return tooManyRequests()
	case overQuota:
		return limitExceeded()
	}
	return nil
}
