package lambda

import (
	"net/http"
)

// unmodelled binds the operations of the Lambda API the fake does not model
// (code signing, capacity providers, durable executions, layer permissions,
// response streaming, ...) to the answer AWS gives when there is nothing to
// find: empty lists, not-found errors, the defaults of a function that has
// no such setting. Those that would create or change something fail with
// InvalidParameterValueException naming the operation. They are not
// operations of the Go API: they record no call and take no injected fault.
var unmodelled = []route{
	{Method: "GET", Path: v2006 + "/functions/{FunctionName}/code-signing-config", Name: "GetFunctionCodeSigningConfig",
		Handler: functionDefault(func(cfg FunctionConfiguration) any {
			return map[string]string{"CodeSigningConfigArn": "", "FunctionName": cfg.FunctionName}
		})},
	{Method: "GET", Path: "/2024-08-31/functions/{FunctionName}/recursion-config", Name: "GetFunctionRecursionConfig",
		Handler: functionDefault(func(FunctionConfiguration) any { return map[string]string{"RecursiveLoop": "Terminate"} })},
	{Method: "GET", Path: "/2021-07-20/functions/{FunctionName}/runtime-management-config", Name: "GetRuntimeManagementConfig",
		Handler: functionDefault(func(cfg FunctionConfiguration) any {
			return map[string]string{"UpdateRuntimeOn": "Auto", "FunctionArn": cfg.FunctionArn}
		})},
	{Method: "GET", Path: v2020 + "/code-signing-configs", Name: "ListCodeSigningConfigs", Handler: emptyList("CodeSigningConfigs")},
	{Method: "GET", Path: v2020 + "/code-signing-configs/{Arn}", Name: "GetCodeSigningConfig", Handler: signingNotFound},
	{Method: "GET", Path: v2020 + "/code-signing-configs/{Arn}/functions", Name: "ListFunctionsByCodeSigningConfig", Handler: signingNotFound},
	{Method: "DELETE", Path: v2020 + "/code-signing-configs/{Arn}", Name: "DeleteCodeSigningConfig", Handler: signingNotFound},
	{Method: "GET", Path: "/2025-11-30/capacity-providers", Name: "ListCapacityProviders", Handler: emptyList("CapacityProviders")},
	{Method: "GET", Path: "/2025-11-30/capacity-providers/{Name}", Name: "GetCapacityProvider", Handler: notFound},
	{Method: "DELETE", Path: "/2025-11-30/capacity-providers/{Name}", Name: "DeleteCapacityProvider", Handler: notFound},
	{Method: "GET", Path: "/2025-11-30/capacity-providers/{Name}/function-versions", Name: "ListFunctionVersionsByCapacityProvider",
		Handler: notFound},
	{Method: "GET", Path: "/2025-12-01/functions/{FunctionName}/durable-executions", Name: "ListDurableExecutionsByFunction",
		Handler: func(s *Service, c *call) error {
			if _, err := s.functionConfiguration(s.scopeOf(c.ctx()), GetFunctionInput{FunctionName: c.label("FunctionName")}); err != nil {
				return err
			}
			return emptyList("DurableExecutions")(s, c)
		}},
	{Method: "GET", Path: "/2025-12-01/durable-executions/{Arn}", Name: "GetDurableExecution", Handler: notFound},
	{Method: "GET", Path: "/2025-12-01/durable-executions/{Arn}/history", Name: "GetDurableExecutionHistory", Handler: notFound},
	{Method: "GET", Path: "/2025-12-01/durable-executions/{Arn}/state", Name: "GetDurableExecutionState", Handler: notFound},
	{Method: "GET", Path: v2018 + "/layers/{LayerName}/versions/{VersionNumber}/policy", Name: "GetLayerVersionPolicy", Handler: notFound},
	{Method: "GET", Path: "/2026-07-09/resource-policy/{Arn}", Name: "GetResourcePolicy", Handler: notFound},

	refused("POST", v2018+"/layers/{LayerName}/versions/{VersionNumber}/policy", "AddLayerVersionPermission"),
	refused("DELETE", v2018+"/layers/{LayerName}/versions/{VersionNumber}/policy/{StatementId}", "RemoveLayerVersionPermission"),
	refused("POST", v2020+"/code-signing-configs", "CreateCodeSigningConfig"),
	refused("PUT", v2020+"/code-signing-configs/{Arn}", "UpdateCodeSigningConfig"),
	refused("PUT", v2006+"/functions/{FunctionName}/code-signing-config", "PutFunctionCodeSigningConfig"),
	refused("DELETE", v2006+"/functions/{FunctionName}/code-signing-config", "DeleteFunctionCodeSigningConfig"),
	refused("PUT", "/2024-08-31/functions/{FunctionName}/recursion-config", "PutFunctionRecursionConfig"),
	refused("PUT", "/2021-07-20/functions/{FunctionName}/runtime-management-config", "PutRuntimeManagementConfig"),
	refused("POST", "/2021-11-15/functions/{FunctionName}/response-streaming-invocations", "InvokeWithResponseStream"),
	refused("POST", "/2025-11-30/capacity-providers", "CreateCapacityProvider"),
	refused("PUT", "/2025-11-30/capacity-providers/{Name}", "UpdateCapacityProvider"),
	refused("GET", "/2025-11-30/functions/{FunctionName}/function-scaling-config", "GetFunctionScalingConfig"),
	refused("PUT", "/2025-11-30/functions/{FunctionName}/function-scaling-config", "PutFunctionScalingConfig"),
	refused("POST", "/2025-12-01/durable-executions/{Arn}/checkpoint", "CheckpointDurableExecution"),
	refused("POST", "/2025-12-01/durable-executions/{Arn}/stop", "StopDurableExecution"),
	refused("POST", "/2025-12-01/durable-execution-callbacks/{Id}/fail", "SendDurableExecutionCallbackFailure"),
	refused("POST", "/2025-12-01/durable-execution-callbacks/{Id}/heartbeat", "SendDurableExecutionCallbackHeartbeat"),
	refused("POST", "/2025-12-01/durable-execution-callbacks/{Id}/succeed", "SendDurableExecutionCallbackSuccess"),
	refused("PUT", "/2026-07-09/resource-policy/{Arn}", "PutResourcePolicy"),
	refused("DELETE", "/2026-07-09/resource-policy/{Arn}", "DeleteResourcePolicy"),
}

// emptyList answers with an empty list in member.
func emptyList(member string) handlerFunc {
	return func(_ *Service, c *call) error { return c.json(http.StatusOK, map[string]any{member: []any{}}) }
}

func notFound(_ *Service, _ *call) error {
	return errNotFound("The resource you requested does not exist.")
}

func signingNotFound(_ *Service, c *call) error {
	return userError("CodeSigningConfigNotFoundException",
		"The code signing configuration cannot be found. Check that the provided configuration is not deleted: %s.", c.label("Arn"))
}

// functionDefault answers with fields of a function that exists.
func functionDefault(build func(cfg FunctionConfiguration) any) handlerFunc {
	return func(s *Service, c *call) error {
		cfg, err := s.functionConfiguration(s.scopeOf(c.ctx()), GetFunctionInput{FunctionName: c.label("FunctionName"), Qualifier: c.q("Qualifier")})
		if err != nil {
			return err
		}
		return c.json(http.StatusOK, build(cfg))
	}
}

// refused binds an operation that would create or change what the fake
// does not model.
func refused(method, path, name string) route {
	return route{Method: method, Path: path, Name: name, Handler: func(_ *Service, _ *call) error {
		return errInvalid("awsfake does not implement %s.", name)
	}}
}
