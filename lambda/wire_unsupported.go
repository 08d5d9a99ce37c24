package lambda

import (
	"net/http"
)

// addUnsupported routes the operations of the Lambda API the fake does not
// model (code signing, capacity providers, durable executions, layer
// permissions, response streaming, ...) to the answer AWS gives when there
// is nothing to find: empty lists, not-found errors, the defaults of a
// function that has no such setting. Those that would create or change
// something fail with InvalidParameterValueException naming the operation.
func addUnsupported(add func(method, path, name string, h handlerFunc)) {
	empty := func(member string) handlerFunc {
		return func(_ *Service, c *call) error { return c.json(http.StatusOK, map[string]any{member: []any{}}) }
	}
	notFound := func(_ *Service, _ *call) error {
		return errNotFound("The resource you requested does not exist.")
	}
	signingNotFound := func(_ *Service, c *call) error {
		return userError("CodeSigningConfigNotFoundException", 404,
			"The code signing configuration cannot be found. Check that the provided configuration is not deleted: %s.", c.label("Arn"))
	}
	// functionDefault answers with fields of a function that exists.
	functionDefault := func(build func(cfg FunctionConfiguration) any) handlerFunc {
		return func(s *Service, c *call) error {
			cfg, err := s.functionConfiguration(GetFunctionInput{FunctionName: c.label("FunctionName"), Qualifier: c.q("Qualifier")})
			if err != nil {
				return err
			}
			return c.json(http.StatusOK, build(cfg))
		}
	}
	add("GET", v2006+"/functions/{FunctionName}/code-signing-config", "GetFunctionCodeSigningConfig",
		functionDefault(func(cfg FunctionConfiguration) any {
			return map[string]string{"CodeSigningConfigArn": "", "FunctionName": cfg.FunctionName}
		}))
	add("GET", "/2024-08-31/functions/{FunctionName}/recursion-config", "GetFunctionRecursionConfig",
		functionDefault(func(FunctionConfiguration) any { return map[string]string{"RecursiveLoop": "Terminate"} }))
	add("GET", "/2021-07-20/functions/{FunctionName}/runtime-management-config", "GetRuntimeManagementConfig",
		functionDefault(func(cfg FunctionConfiguration) any {
			return map[string]string{"UpdateRuntimeOn": "Auto", "FunctionArn": cfg.FunctionArn}
		}))
	add("GET", v2020+"/code-signing-configs", "ListCodeSigningConfigs", empty("CodeSigningConfigs"))
	add("GET", v2020+"/code-signing-configs/{Arn}", "GetCodeSigningConfig", signingNotFound)
	add("GET", v2020+"/code-signing-configs/{Arn}/functions", "ListFunctionsByCodeSigningConfig", signingNotFound)
	add("DELETE", v2020+"/code-signing-configs/{Arn}", "DeleteCodeSigningConfig", signingNotFound)
	add("GET", "/2025-11-30/capacity-providers", "ListCapacityProviders", empty("CapacityProviders"))
	add("GET", "/2025-11-30/capacity-providers/{Name}", "GetCapacityProvider", notFound)
	add("DELETE", "/2025-11-30/capacity-providers/{Name}", "DeleteCapacityProvider", notFound)
	add("GET", "/2025-11-30/capacity-providers/{Name}/function-versions", "ListFunctionVersionsByCapacityProvider", notFound)
	add("GET", "/2025-12-01/functions/{FunctionName}/durable-executions", "ListDurableExecutionsByFunction",
		func(s *Service, c *call) error {
			if _, err := s.functionConfiguration(GetFunctionInput{FunctionName: c.label("FunctionName")}); err != nil {
				return err
			}
			return empty("DurableExecutions")(s, c)
		})
	for _, p := range []string{"", "/history", "/state"} {
		add("GET", "/2025-12-01/durable-executions/{Arn}"+p, "GetDurableExecution", notFound)
	}
	add("GET", v2018+"/layers/{LayerName}/versions/{VersionNumber}/policy", "GetLayerVersionPolicy", notFound)
	add("GET", "/2026-07-09/resource-policy/{Arn}", "GetResourcePolicy", notFound)

	for _, u := range []struct{ method, path, name string }{
		{"POST", v2018 + "/layers/{LayerName}/versions/{VersionNumber}/policy", "AddLayerVersionPermission"},
		{"DELETE", v2018 + "/layers/{LayerName}/versions/{VersionNumber}/policy/{StatementId}", "RemoveLayerVersionPermission"},
		{"POST", v2020 + "/code-signing-configs", "CreateCodeSigningConfig"},
		{"PUT", v2020 + "/code-signing-configs/{Arn}", "UpdateCodeSigningConfig"},
		{"PUT", v2006 + "/functions/{FunctionName}/code-signing-config", "PutFunctionCodeSigningConfig"},
		{"DELETE", v2006 + "/functions/{FunctionName}/code-signing-config", "DeleteFunctionCodeSigningConfig"},
		{"PUT", "/2024-08-31/functions/{FunctionName}/recursion-config", "PutFunctionRecursionConfig"},
		{"PUT", "/2021-07-20/functions/{FunctionName}/runtime-management-config", "PutRuntimeManagementConfig"},
		{"POST", "/2021-11-15/functions/{FunctionName}/response-streaming-invocations", "InvokeWithResponseStream"},
		{"POST", "/2025-11-30/capacity-providers", "CreateCapacityProvider"},
		{"PUT", "/2025-11-30/capacity-providers/{Name}", "UpdateCapacityProvider"},
		{"GET", "/2025-11-30/functions/{FunctionName}/function-scaling-config", "GetFunctionScalingConfig"},
		{"PUT", "/2025-11-30/functions/{FunctionName}/function-scaling-config", "PutFunctionScalingConfig"},
		{"POST", "/2025-12-01/durable-executions/{Arn}/checkpoint", "CheckpointDurableExecution"},
		{"POST", "/2025-12-01/durable-executions/{Arn}/stop", "StopDurableExecution"},
		{"POST", "/2025-12-01/durable-execution-callbacks/{Id}/fail", "SendDurableExecutionCallbackFailure"},
		{"POST", "/2025-12-01/durable-execution-callbacks/{Id}/heartbeat", "SendDurableExecutionCallbackHeartbeat"},
		{"POST", "/2025-12-01/durable-execution-callbacks/{Id}/succeed", "SendDurableExecutionCallbackSuccess"},
		{"PUT", "/2026-07-09/resource-policy/{Arn}", "PutResourcePolicy"},
		{"DELETE", "/2026-07-09/resource-policy/{Arn}", "DeleteResourcePolicy"},
	} {
		name := u.name
		add(u.method, u.path, name, func(_ *Service, _ *call) error {
			return errInvalid("awsfake does not implement %s.", name)
		})
	}
}
