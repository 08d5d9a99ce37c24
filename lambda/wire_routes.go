package lambda

import (
	"context"
	"net/http"
	"strconv"
)

// Path prefixes of Lambda's API versions (reference/rest-routes.md).
const (
	v2015 = "/2015-03-31"
	v2014 = "/2014-11-13"
	v2016 = "/2016-08-19"
	v2017 = "/2017-03-31"
	v1710 = "/2017-10-31"
	v2018 = "/2018-10-31"
	v1925 = "/2019-09-25"
	v1930 = "/2019-09-30"
	v2020 = "/2020-04-22"
	v2006 = "/2020-06-30"
	v2021 = "/2021-10-31"
)

// routes lists every operation the fake serves, and answers the others of
// the Lambda API with an error rather than a 404.
var routes []route

func init() {
	fn := func(c *call, name *string) error { *name = c.label("FunctionName"); return nil }
	fnq := func(c *call, name, qualifier *string) error {
		*name, *qualifier = c.label("FunctionName"), c.q("Qualifier")
		return nil
	}
	paging := func(c *call, marker *string, maxItems *int32) error {
		*marker = c.q("Marker")
		n, err := c.int32Query("MaxItems")
		*maxItems = n
		return err
	}
	add := func(method, path, name string, h handlerFunc) {
		routes = append(routes, route{method: method, path: splitPath(path), name: name, serve: h})
	}

	// Functions.
	add("POST", v2015+"/functions", "CreateFunction",
		op(http.StatusCreated, nil, (*Service).CreateFunction))
	add("GET", v2015+"/functions", "ListFunctions",
		op(http.StatusOK, func(c *call, in *ListFunctionsInput) error {
			in.FunctionVersion = c.q("FunctionVersion")
			return paging(c, &in.Marker, &in.MaxItems)
		}, (*Service).ListFunctions))
	add("GET", v2015+"/functions/{FunctionName}", "GetFunction",
		op(http.StatusOK, func(c *call, in *GetFunctionInput) error { return fnq(c, &in.FunctionName, &in.Qualifier) },
			(*Service).GetFunction))
	add("DELETE", v2015+"/functions/{FunctionName}", "DeleteFunction",
		op(http.StatusNoContent, func(c *call, in *DeleteFunctionInput) error { return fnq(c, &in.FunctionName, &in.Qualifier) },
			noOutput((*Service).DeleteFunction)))
	add("GET", v2015+"/functions/{FunctionName}/configuration", "GetFunctionConfiguration",
		op(http.StatusOK, func(c *call, in *GetFunctionInput) error { return fnq(c, &in.FunctionName, &in.Qualifier) },
			(*Service).GetFunctionConfiguration))
	add("PUT", v2015+"/functions/{FunctionName}/configuration", "UpdateFunctionConfiguration",
		op(http.StatusOK, func(c *call, in *UpdateFunctionConfigurationInput) error { return fn(c, &in.FunctionName) },
			(*Service).UpdateFunctionConfiguration))
	add("PUT", v2015+"/functions/{FunctionName}/code", "UpdateFunctionCode",
		op(http.StatusOK, func(c *call, in *UpdateFunctionCodeInput) error { return fn(c, &in.FunctionName) },
			(*Service).UpdateFunctionCode))

	// Invocation.
	add("POST", v2015+"/functions/{FunctionName}/invocations", "Invoke", serveInvoke)
	add("POST", v2014+"/functions/{FunctionName}/invoke-async", "InvokeAsync", serveInvokeAsync)

	// Versions and aliases.
	add("POST", v2015+"/functions/{FunctionName}/versions", "PublishVersion",
		op(http.StatusCreated, func(c *call, in *PublishVersionInput) error { return fn(c, &in.FunctionName) },
			(*Service).PublishVersion))
	add("GET", v2015+"/functions/{FunctionName}/versions", "ListVersionsByFunction",
		op(http.StatusOK, func(c *call, in *ListVersionsByFunctionInput) error {
			in.FunctionName = c.label("FunctionName")
			return paging(c, &in.Marker, &in.MaxItems)
		}, (*Service).ListVersionsByFunction))
	add("POST", v2015+"/functions/{FunctionName}/aliases", "CreateAlias",
		op(http.StatusCreated, func(c *call, in *CreateAliasInput) error { return fn(c, &in.FunctionName) },
			(*Service).CreateAlias))
	add("GET", v2015+"/functions/{FunctionName}/aliases", "ListAliases",
		op(http.StatusOK, func(c *call, in *ListAliasesInput) error {
			in.FunctionName, in.FunctionVersion = c.label("FunctionName"), c.q("FunctionVersion")
			return paging(c, &in.Marker, &in.MaxItems)
		}, (*Service).ListAliases))
	aliasName := func(c *call, name, alias *string) error {
		*name, *alias = c.label("FunctionName"), c.label("Name")
		return nil
	}
	add("GET", v2015+"/functions/{FunctionName}/aliases/{Name}", "GetAlias",
		op(http.StatusOK, func(c *call, in *GetAliasInput) error { return aliasName(c, &in.FunctionName, &in.Name) },
			(*Service).GetAlias))
	add("PUT", v2015+"/functions/{FunctionName}/aliases/{Name}", "UpdateAlias",
		op(http.StatusOK, func(c *call, in *UpdateAliasInput) error { return aliasName(c, &in.FunctionName, &in.Name) },
			(*Service).UpdateAlias))
	add("DELETE", v2015+"/functions/{FunctionName}/aliases/{Name}", "DeleteAlias",
		op(http.StatusNoContent, func(c *call, in *DeleteAliasInput) error { return aliasName(c, &in.FunctionName, &in.Name) },
			noOutput((*Service).DeleteAlias)))

	// Resource-based policy.
	add("POST", v2015+"/functions/{FunctionName}/policy", "AddPermission",
		op(http.StatusCreated, func(c *call, in *AddPermissionInput) error { return fnq(c, &in.FunctionName, &in.Qualifier) },
			(*Service).AddPermission))
	add("GET", v2015+"/functions/{FunctionName}/policy", "GetPolicy",
		op(http.StatusOK, func(c *call, in *GetPolicyInput) error { return fnq(c, &in.FunctionName, &in.Qualifier) },
			(*Service).GetPolicy))
	add("DELETE", v2015+"/functions/{FunctionName}/policy/{StatementId}", "RemovePermission",
		op(http.StatusNoContent, func(c *call, in *RemovePermissionInput) error {
			in.StatementId, in.RevisionId = c.label("StatementId"), c.q("RevisionId")
			return fnq(c, &in.FunctionName, &in.Qualifier)
		}, noOutput((*Service).RemovePermission)))

	// Event source mappings.
	add("POST", v2015+"/event-source-mappings", "CreateEventSourceMapping",
		op(http.StatusAccepted, nil, func(s *Service, ctx context.Context, in CreateEventSourceMappingInput) (any, error) {
			out, err := s.CreateEventSourceMapping(ctx, in)
			return esmJSON(out), err
		}))
	add("GET", v2015+"/event-source-mappings", "ListEventSourceMappings",
		op(http.StatusOK, func(c *call, in *ListEventSourceMappingsInput) error {
			in.EventSourceArn, in.FunctionName = c.q("EventSourceArn"), c.q("FunctionName")
			return paging(c, &in.Marker, &in.MaxItems)
		}, func(s *Service, ctx context.Context, in ListEventSourceMappingsInput) (any, error) {
			out, err := s.ListEventSourceMappings(ctx, in)
			list := listEventSourceMappingsJSON{EventSourceMappings: []eventSourceMappingJSON{}, NextMarker: out.NextMarker}
			for _, m := range out.EventSourceMappings {
				list.EventSourceMappings = append(list.EventSourceMappings, esmJSON(m))
			}
			return list, err
		}))
	uuid := func(c *call, id *string) error { *id = c.label("UUID"); return nil }
	add("GET", v2015+"/event-source-mappings/{UUID}", "GetEventSourceMapping",
		op(http.StatusOK, uuid, func(s *Service, ctx context.Context, id string) (any, error) {
			out, err := s.GetEventSourceMapping(ctx, id)
			return esmJSON(out), err
		}))
	add("PUT", v2015+"/event-source-mappings/{UUID}", "UpdateEventSourceMapping",
		op(http.StatusAccepted, func(c *call, in *UpdateEventSourceMappingInput) error { return uuid(c, &in.UUID) },
			func(s *Service, ctx context.Context, in UpdateEventSourceMappingInput) (any, error) {
				out, err := s.UpdateEventSourceMapping(ctx, in)
				return esmJSON(out), err
			}))
	add("DELETE", v2015+"/event-source-mappings/{UUID}", "DeleteEventSourceMapping",
		op(http.StatusAccepted, uuid, func(s *Service, ctx context.Context, id string) (any, error) {
			out, err := s.DeleteEventSourceMapping(ctx, id)
			return esmJSON(out), err
		}))

	// Tags.
	resource := func(c *call, r *string) error { *r = c.label("Resource"); return nil }
	add("GET", v2017+"/tags/{Resource}", "ListTags",
		op(http.StatusOK, func(c *call, in *ListTagsInput) error { return resource(c, &in.Resource) }, (*Service).ListTags))
	add("POST", v2017+"/tags/{Resource}", "TagResource",
		op(http.StatusNoContent, func(c *call, in *TagResourceInput) error { return resource(c, &in.Resource) },
			noOutput((*Service).TagResource)))
	add("DELETE", v2017+"/tags/{Resource}", "UntagResource",
		op(http.StatusNoContent, func(c *call, in *UntagResourceInput) error {
			in.TagKeys = c.query["tagKeys"]
			return resource(c, &in.Resource)
		}, noOutput((*Service).UntagResource)))

	// Concurrency and account settings.
	add("PUT", v1710+"/functions/{FunctionName}/concurrency", "PutFunctionConcurrency",
		op(http.StatusOK, func(c *call, in *PutFunctionConcurrencyInput) error { return fn(c, &in.FunctionName) },
			(*Service).PutFunctionConcurrency))
	add("DELETE", v1710+"/functions/{FunctionName}/concurrency", "DeleteFunctionConcurrency",
		op(http.StatusNoContent, func(c *call, in *DeleteFunctionConcurrencyInput) error { return fn(c, &in.FunctionName) },
			noOutput((*Service).DeleteFunctionConcurrency)))
	add("GET", v1930+"/functions/{FunctionName}/concurrency", "GetFunctionConcurrency",
		op(http.StatusOK, func(c *call, in *GetFunctionConcurrencyInput) error { return fn(c, &in.FunctionName) },
			(*Service).GetFunctionConcurrency))
	add("GET", v2016+"/account-settings", "GetAccountSettings",
		op(http.StatusOK, nil, func(s *Service, ctx context.Context, _ struct{}) (GetAccountSettingsOutput, error) {
			return s.GetAccountSettings(ctx)
		}))
	add("PUT", v1930+"/functions/{FunctionName}/provisioned-concurrency", "PutProvisionedConcurrencyConfig",
		op(http.StatusAccepted, func(c *call, in *PutProvisionedConcurrencyConfigInput) error {
			return fnq(c, &in.FunctionName, &in.Qualifier)
		}, (*Service).PutProvisionedConcurrencyConfig))
	add("GET", v1930+"/functions/{FunctionName}/provisioned-concurrency", "GetProvisionedConcurrencyConfig", serveProvisioned)
	add("DELETE", v1930+"/functions/{FunctionName}/provisioned-concurrency", "DeleteProvisionedConcurrencyConfig",
		op(http.StatusNoContent, func(c *call, in *DeleteProvisionedConcurrencyConfigInput) error {
			return fnq(c, &in.FunctionName, &in.Qualifier)
		}, noOutput((*Service).DeleteProvisionedConcurrencyConfig)))

	// Asynchronous invocation configuration.
	eic := func(c *call, in *PutFunctionEventInvokeConfigInput) error {
		return fnq(c, &in.FunctionName, &in.Qualifier)
	}
	add("PUT", v1925+"/functions/{FunctionName}/event-invoke-config", "PutFunctionEventInvokeConfig",
		op(http.StatusOK, eic, func(s *Service, ctx context.Context, in PutFunctionEventInvokeConfigInput) (any, error) {
			out, err := s.PutFunctionEventInvokeConfig(ctx, in)
			return eicJSON(out), err
		}))
	add("POST", v1925+"/functions/{FunctionName}/event-invoke-config", "UpdateFunctionEventInvokeConfig",
		op(http.StatusOK, eic, func(s *Service, ctx context.Context, in PutFunctionEventInvokeConfigInput) (any, error) {
			out, err := s.UpdateFunctionEventInvokeConfig(ctx, in)
			return eicJSON(out), err
		}))
	getEIC := func(c *call, in *GetFunctionEventInvokeConfigInput) error {
		return fnq(c, &in.FunctionName, &in.Qualifier)
	}
	add("GET", v1925+"/functions/{FunctionName}/event-invoke-config", "GetFunctionEventInvokeConfig",
		op(http.StatusOK, getEIC, func(s *Service, ctx context.Context, in GetFunctionEventInvokeConfigInput) (any, error) {
			out, err := s.GetFunctionEventInvokeConfig(ctx, in)
			return eicJSON(out), err
		}))
	add("DELETE", v1925+"/functions/{FunctionName}/event-invoke-config", "DeleteFunctionEventInvokeConfig",
		op(http.StatusNoContent, getEIC, noOutput((*Service).DeleteFunctionEventInvokeConfig)))
	add("GET", v1925+"/functions/{FunctionName}/event-invoke-config/list", "ListFunctionEventInvokeConfigs",
		op(http.StatusOK, func(c *call, in *ListFunctionEventInvokeConfigsInput) error {
			in.FunctionName = c.label("FunctionName")
			return paging(c, &in.Marker, &in.MaxItems)
		}, func(s *Service, ctx context.Context, in ListFunctionEventInvokeConfigsInput) (any, error) {
			out, err := s.ListFunctionEventInvokeConfigs(ctx, in)
			list := listEventInvokeConfigsJSON{FunctionEventInvokeConfigs: []eventInvokeConfigJSON{}, NextMarker: out.NextMarker}
			for _, c := range out.FunctionEventInvokeConfigs {
				list.FunctionEventInvokeConfigs = append(list.FunctionEventInvokeConfigs, eicJSON(c))
			}
			return list, err
		}))

	// Function URLs.
	url := func(c *call, in *GetFunctionUrlConfigInput) error { return fnq(c, &in.FunctionName, &in.Qualifier) }
	add("POST", v2021+"/functions/{FunctionName}/url", "CreateFunctionUrlConfig",
		op(http.StatusCreated, func(c *call, in *CreateFunctionUrlConfigInput) error {
			return fnq(c, &in.FunctionName, &in.Qualifier)
		}, (*Service).CreateFunctionUrlConfig))
	add("GET", v2021+"/functions/{FunctionName}/url", "GetFunctionUrlConfig",
		op(http.StatusOK, url, (*Service).GetFunctionUrlConfig))
	add("PUT", v2021+"/functions/{FunctionName}/url", "UpdateFunctionUrlConfig",
		op(http.StatusOK, func(c *call, in *UpdateFunctionUrlConfigInput) error {
			return fnq(c, &in.FunctionName, &in.Qualifier)
		}, (*Service).UpdateFunctionUrlConfig))
	add("DELETE", v2021+"/functions/{FunctionName}/url", "DeleteFunctionUrlConfig",
		op(http.StatusNoContent, url, noOutput((*Service).DeleteFunctionUrlConfig)))
	add("GET", v2021+"/functions/{FunctionName}/urls", "ListFunctionUrlConfigs",
		op(http.StatusOK, func(c *call, in *ListFunctionUrlConfigsInput) error {
			in.FunctionName = c.label("FunctionName")
			return paging(c, &in.Marker, &in.MaxItems)
		}, (*Service).ListFunctionUrlConfigs))

	// Layers.
	add("GET", v2018+"/layers", "ListLayers", serveLayers)
	add("POST", v2018+"/layers/{LayerName}/versions", "PublishLayerVersion",
		op(http.StatusCreated, func(c *call, in *PublishLayerVersionInput) error {
			in.LayerName = c.label("LayerName")
			return nil
		}, (*Service).PublishLayerVersion))
	add("GET", v2018+"/layers/{LayerName}/versions", "ListLayerVersions",
		op(http.StatusOK, func(c *call, in *ListLayerVersionsInput) error {
			in.LayerName, in.CompatibleRuntime, in.CompatibleArchitecture = c.label("LayerName"), c.q("CompatibleRuntime"), c.q("CompatibleArchitecture")
			return paging(c, &in.Marker, &in.MaxItems)
		}, (*Service).ListLayerVersions))
	layerVersion := func(c *call, in *GetLayerVersionInput) error {
		in.LayerName = c.label("LayerName")
		n, err := strconv.ParseInt(c.label("VersionNumber"), 10, 64)
		if err != nil {
			return errValidation("versionNumber", c.label("VersionNumber"), "Member must be a number")
		}
		in.VersionNumber = n
		return nil
	}
	add("GET", v2018+"/layers/{LayerName}/versions/{VersionNumber}", "GetLayerVersion",
		op(http.StatusOK, layerVersion, (*Service).GetLayerVersion))
	add("DELETE", v2018+"/layers/{LayerName}/versions/{VersionNumber}", "DeleteLayerVersion",
		op(http.StatusNoContent, layerVersion, noOutput((*Service).DeleteLayerVersion)))

	addUnsupported(add)
}

// serveProvisioned binds GET …/provisioned-concurrency: with List=ALL it is
// ListProvisionedConcurrencyConfigs, otherwise the Get of one qualifier.
func serveProvisioned(s *Service, c *call) error {
	if c.q("List") == "ALL" {
		return op(http.StatusOK, func(c *call, in *ListProvisionedConcurrencyConfigsInput) error {
			in.FunctionName = c.label("FunctionName")
			n, err := c.int32Query("MaxItems")
			in.Marker, in.MaxItems = c.q("Marker"), n
			return err
		}, (*Service).ListProvisionedConcurrencyConfigs)(s, c)
	}
	return op(http.StatusOK, func(c *call, in *GetProvisionedConcurrencyConfigInput) error {
		in.FunctionName, in.Qualifier = c.label("FunctionName"), c.q("Qualifier")
		return nil
	}, (*Service).GetProvisionedConcurrencyConfig)(s, c)
}

// serveLayers binds GET /layers: with find=LayerVersion it is
// GetLayerVersionByArn, otherwise ListLayers.
func serveLayers(s *Service, c *call) error {
	if c.q("find") == "LayerVersion" {
		out, err := s.GetLayerVersionByArn(c.ctx(), c.q("Arn"))
		if err != nil {
			return err
		}
		return c.json(http.StatusOK, out)
	}
	return op(http.StatusOK, func(c *call, in *ListLayersInput) error {
		in.CompatibleRuntime, in.CompatibleArchitecture = c.q("CompatibleRuntime"), c.q("CompatibleArchitecture")
		n, err := c.int32Query("MaxItems")
		in.Marker, in.MaxItems = c.q("Marker"), n
		return err
	}, (*Service).ListLayers)(s, c)
}
