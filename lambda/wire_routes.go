package lambda

import (
	"context"
	"net/http"
	"slices"
	"strconv"

	"github.com/awsfake/awsfake/internal/faults"
	"github.com/awsfake/awsfake/internal/protocol"
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

// routes is Lambda's wire table: every operation of the Lambda API, those
// the Go API implements (modelled) and those answered as AWS does for a
// feature the fake does not model (unmodelled, wire_unsupported.go).
var routes = protocol.NewRoutes(slices.Concat(modelled, unmodelled)...)

// operations are the names of the operations of the Go API, as AWS names
// them, derived from the wire table: what InjectFault, InjectLatency and
// Calls use.
var operations = routeNames(modelled)

// faultOps is the operation set every cloud's injector shares.
var faultOps = faults.NewOperations("lambda", operations...)

func routeNames(rs []protocol.Route[handlerFunc]) []string {
	out := make([]string, 0, len(rs))
	for _, r := range rs {
		out = append(out, r.Name)
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// route is one row of the table.
type route = protocol.Route[handlerFunc]

// modelled binds the operations of the Go API.
var modelled = []route{
	// Functions.
	{Method: "POST", Path: v2015 + "/functions", Name: "CreateFunction",
		Handler: op(http.StatusCreated, nil, (*Service).CreateFunction)},
	{Method: "GET", Path: v2015 + "/functions", Name: "ListFunctions",
		Handler: op(http.StatusOK, func(c *call, in *ListFunctionsInput) error {
			in.FunctionVersion = c.q("FunctionVersion")
			return bindPaging(c, &in.Marker, &in.MaxItems)
		}, (*Service).ListFunctions)},
	{Method: "GET", Path: v2015 + "/functions/{FunctionName}", Name: "GetFunction",
		Handler: op(http.StatusOK, func(c *call, in *GetFunctionInput) error { return bindQualified(c, &in.FunctionName, &in.Qualifier) },
			(*Service).GetFunction)},
	{Method: "DELETE", Path: v2015 + "/functions/{FunctionName}", Name: "DeleteFunction",
		Handler: op(http.StatusNoContent, func(c *call, in *DeleteFunctionInput) error { return bindQualified(c, &in.FunctionName, &in.Qualifier) },
			noOutput((*Service).DeleteFunction))},
	{Method: "GET", Path: v2015 + "/functions/{FunctionName}/configuration", Name: "GetFunctionConfiguration",
		Handler: op(http.StatusOK, func(c *call, in *GetFunctionInput) error { return bindQualified(c, &in.FunctionName, &in.Qualifier) },
			(*Service).GetFunctionConfiguration)},
	{Method: "PUT", Path: v2015 + "/functions/{FunctionName}/configuration", Name: "UpdateFunctionConfiguration",
		Handler: op(http.StatusOK, func(c *call, in *UpdateFunctionConfigurationInput) error { return bindFunction(c, &in.FunctionName) },
			(*Service).UpdateFunctionConfiguration)},
	{Method: "PUT", Path: v2015 + "/functions/{FunctionName}/code", Name: "UpdateFunctionCode",
		Handler: op(http.StatusOK, func(c *call, in *UpdateFunctionCodeInput) error { return bindFunction(c, &in.FunctionName) },
			(*Service).UpdateFunctionCode)},

	// Invocation.
	{Method: "POST", Path: v2015 + "/functions/{FunctionName}/invocations", Name: "Invoke", Handler: serveInvoke},
	{Method: "POST", Path: v2014 + "/functions/{FunctionName}/invoke-async", Name: "InvokeAsync", Handler: serveInvokeAsync},

	// Versions and aliases.
	{Method: "POST", Path: v2015 + "/functions/{FunctionName}/versions", Name: "PublishVersion",
		Handler: op(http.StatusCreated, func(c *call, in *PublishVersionInput) error { return bindFunction(c, &in.FunctionName) },
			(*Service).PublishVersion)},
	{Method: "GET", Path: v2015 + "/functions/{FunctionName}/versions", Name: "ListVersionsByFunction",
		Handler: op(http.StatusOK, func(c *call, in *ListVersionsByFunctionInput) error {
			in.FunctionName = c.label("FunctionName")
			return bindPaging(c, &in.Marker, &in.MaxItems)
		}, (*Service).ListVersionsByFunction)},
	{Method: "POST", Path: v2015 + "/functions/{FunctionName}/aliases", Name: "CreateAlias",
		Handler: op(http.StatusCreated, func(c *call, in *CreateAliasInput) error { return bindFunction(c, &in.FunctionName) },
			(*Service).CreateAlias)},
	{Method: "GET", Path: v2015 + "/functions/{FunctionName}/aliases", Name: "ListAliases",
		Handler: op(http.StatusOK, func(c *call, in *ListAliasesInput) error {
			in.FunctionName, in.FunctionVersion = c.label("FunctionName"), c.q("FunctionVersion")
			return bindPaging(c, &in.Marker, &in.MaxItems)
		}, (*Service).ListAliases)},
	{Method: "GET", Path: v2015 + "/functions/{FunctionName}/aliases/{Name}", Name: "GetAlias",
		Handler: op(http.StatusOK, func(c *call, in *GetAliasInput) error { return bindAlias(c, &in.FunctionName, &in.Name) },
			(*Service).GetAlias)},
	{Method: "PUT", Path: v2015 + "/functions/{FunctionName}/aliases/{Name}", Name: "UpdateAlias",
		Handler: op(http.StatusOK, func(c *call, in *UpdateAliasInput) error { return bindAlias(c, &in.FunctionName, &in.Name) },
			(*Service).UpdateAlias)},
	{Method: "DELETE", Path: v2015 + "/functions/{FunctionName}/aliases/{Name}", Name: "DeleteAlias",
		Handler: op(http.StatusNoContent, func(c *call, in *DeleteAliasInput) error { return bindAlias(c, &in.FunctionName, &in.Name) },
			noOutput((*Service).DeleteAlias))},

	// Resource-based policy.
	{Method: "POST", Path: v2015 + "/functions/{FunctionName}/policy", Name: "AddPermission",
		Handler: op(http.StatusCreated, func(c *call, in *AddPermissionInput) error { return bindQualified(c, &in.FunctionName, &in.Qualifier) },
			(*Service).AddPermission)},
	{Method: "GET", Path: v2015 + "/functions/{FunctionName}/policy", Name: "GetPolicy",
		Handler: op(http.StatusOK, func(c *call, in *GetPolicyInput) error { return bindQualified(c, &in.FunctionName, &in.Qualifier) },
			(*Service).GetPolicy)},
	{Method: "DELETE", Path: v2015 + "/functions/{FunctionName}/policy/{StatementId}", Name: "RemovePermission",
		Handler: op(http.StatusNoContent, func(c *call, in *RemovePermissionInput) error {
			in.StatementId, in.RevisionId = c.label("StatementId"), c.q("RevisionId")
			return bindQualified(c, &in.FunctionName, &in.Qualifier)
		}, noOutput((*Service).RemovePermission))},

	// Event source mappings.
	{Method: "POST", Path: v2015 + "/event-source-mappings", Name: "CreateEventSourceMapping",
		Handler: op(http.StatusAccepted, nil, func(s *Service, ctx context.Context, in CreateEventSourceMappingInput) (any, error) {
			out, err := s.CreateEventSourceMapping(ctx, in)
			return esmJSON(out), err
		})},
	{Method: "GET", Path: v2015 + "/event-source-mappings", Name: "ListEventSourceMappings",
		Handler: op(http.StatusOK, func(c *call, in *ListEventSourceMappingsInput) error {
			in.EventSourceArn, in.FunctionName = c.q("EventSourceArn"), c.q("FunctionName")
			return bindPaging(c, &in.Marker, &in.MaxItems)
		}, listEventSourceMappings)},
	{Method: "GET", Path: v2015 + "/event-source-mappings/{UUID}", Name: "GetEventSourceMapping",
		Handler: op(http.StatusOK, bindUUID, func(s *Service, ctx context.Context, id string) (any, error) {
			out, err := s.GetEventSourceMapping(ctx, id)
			return esmJSON(out), err
		})},
	{Method: "PUT", Path: v2015 + "/event-source-mappings/{UUID}", Name: "UpdateEventSourceMapping",
		Handler: op(http.StatusAccepted, func(c *call, in *UpdateEventSourceMappingInput) error { return bindUUID(c, &in.UUID) },
			func(s *Service, ctx context.Context, in UpdateEventSourceMappingInput) (any, error) {
				out, err := s.UpdateEventSourceMapping(ctx, in)
				return esmJSON(out), err
			})},
	{Method: "DELETE", Path: v2015 + "/event-source-mappings/{UUID}", Name: "DeleteEventSourceMapping",
		Handler: op(http.StatusAccepted, bindUUID, func(s *Service, ctx context.Context, id string) (any, error) {
			out, err := s.DeleteEventSourceMapping(ctx, id)
			return esmJSON(out), err
		})},

	// Tags.
	{Method: "GET", Path: v2017 + "/tags/{Resource}", Name: "ListTags",
		Handler: op(http.StatusOK, func(c *call, in *ListTagsInput) error { return bindResource(c, &in.Resource) }, (*Service).ListTags)},
	{Method: "POST", Path: v2017 + "/tags/{Resource}", Name: "TagResource",
		Handler: op(http.StatusNoContent, func(c *call, in *TagResourceInput) error { return bindResource(c, &in.Resource) },
			noOutput((*Service).TagResource))},
	{Method: "DELETE", Path: v2017 + "/tags/{Resource}", Name: "UntagResource",
		Handler: op(http.StatusNoContent, func(c *call, in *UntagResourceInput) error {
			in.TagKeys = c.query["tagKeys"]
			return bindResource(c, &in.Resource)
		}, noOutput((*Service).UntagResource))},

	// Concurrency and account settings.
	{Method: "PUT", Path: v1710 + "/functions/{FunctionName}/concurrency", Name: "PutFunctionConcurrency",
		Handler: op(http.StatusOK, func(c *call, in *PutFunctionConcurrencyInput) error { return bindFunction(c, &in.FunctionName) },
			(*Service).PutFunctionConcurrency)},
	{Method: "DELETE", Path: v1710 + "/functions/{FunctionName}/concurrency", Name: "DeleteFunctionConcurrency",
		Handler: op(http.StatusNoContent, func(c *call, in *DeleteFunctionConcurrencyInput) error { return bindFunction(c, &in.FunctionName) },
			noOutput((*Service).DeleteFunctionConcurrency))},
	{Method: "GET", Path: v1930 + "/functions/{FunctionName}/concurrency", Name: "GetFunctionConcurrency",
		Handler: op(http.StatusOK, func(c *call, in *GetFunctionConcurrencyInput) error { return bindFunction(c, &in.FunctionName) },
			(*Service).GetFunctionConcurrency)},
	{Method: "GET", Path: v2016 + "/account-settings", Name: "GetAccountSettings",
		Handler: op(http.StatusOK, nil, func(s *Service, ctx context.Context, _ struct{}) (GetAccountSettingsOutput, error) {
			return s.GetAccountSettings(ctx)
		})},
	{Method: "PUT", Path: v1930 + "/functions/{FunctionName}/provisioned-concurrency", Name: "PutProvisionedConcurrencyConfig",
		Handler: op(http.StatusAccepted, func(c *call, in *PutProvisionedConcurrencyConfigInput) error {
			return bindQualified(c, &in.FunctionName, &in.Qualifier)
		}, (*Service).PutProvisionedConcurrencyConfig)},
	{Method: "GET", Path: v1930 + "/functions/{FunctionName}/provisioned-concurrency", Query: []string{"List=ALL"},
		Name: "ListProvisionedConcurrencyConfigs",
		Handler: op(http.StatusOK, func(c *call, in *ListProvisionedConcurrencyConfigsInput) error {
			in.FunctionName = c.label("FunctionName")
			return bindPaging(c, &in.Marker, &in.MaxItems)
		}, (*Service).ListProvisionedConcurrencyConfigs)},
	{Method: "GET", Path: v1930 + "/functions/{FunctionName}/provisioned-concurrency", Name: "GetProvisionedConcurrencyConfig",
		Handler: op(http.StatusOK, func(c *call, in *GetProvisionedConcurrencyConfigInput) error {
			return bindQualified(c, &in.FunctionName, &in.Qualifier)
		}, (*Service).GetProvisionedConcurrencyConfig)},
	{Method: "DELETE", Path: v1930 + "/functions/{FunctionName}/provisioned-concurrency", Name: "DeleteProvisionedConcurrencyConfig",
		Handler: op(http.StatusNoContent, func(c *call, in *DeleteProvisionedConcurrencyConfigInput) error {
			return bindQualified(c, &in.FunctionName, &in.Qualifier)
		}, noOutput((*Service).DeleteProvisionedConcurrencyConfig))},

	// Asynchronous invocation configuration.
	{Method: "PUT", Path: v1925 + "/functions/{FunctionName}/event-invoke-config", Name: "PutFunctionEventInvokeConfig",
		Handler: op(http.StatusOK, bindEventInvokeConfig, func(s *Service, ctx context.Context, in PutFunctionEventInvokeConfigInput) (any, error) {
			out, err := s.PutFunctionEventInvokeConfig(ctx, in)
			return eicJSON(out), err
		})},
	{Method: "POST", Path: v1925 + "/functions/{FunctionName}/event-invoke-config", Name: "UpdateFunctionEventInvokeConfig",
		Handler: op(http.StatusOK, bindEventInvokeConfig, func(s *Service, ctx context.Context, in PutFunctionEventInvokeConfigInput) (any, error) {
			out, err := s.UpdateFunctionEventInvokeConfig(ctx, in)
			return eicJSON(out), err
		})},
	{Method: "GET", Path: v1925 + "/functions/{FunctionName}/event-invoke-config", Name: "GetFunctionEventInvokeConfig",
		Handler: op(http.StatusOK, bindGetEventInvokeConfig, func(s *Service, ctx context.Context, in GetFunctionEventInvokeConfigInput) (any, error) {
			out, err := s.GetFunctionEventInvokeConfig(ctx, in)
			return eicJSON(out), err
		})},
	{Method: "DELETE", Path: v1925 + "/functions/{FunctionName}/event-invoke-config", Name: "DeleteFunctionEventInvokeConfig",
		Handler: op(http.StatusNoContent, bindGetEventInvokeConfig, noOutput((*Service).DeleteFunctionEventInvokeConfig))},
	{Method: "GET", Path: v1925 + "/functions/{FunctionName}/event-invoke-config/list", Name: "ListFunctionEventInvokeConfigs",
		Handler: op(http.StatusOK, func(c *call, in *ListFunctionEventInvokeConfigsInput) error {
			in.FunctionName = c.label("FunctionName")
			return bindPaging(c, &in.Marker, &in.MaxItems)
		}, listFunctionEventInvokeConfigs)},

	// Function URLs.
	{Method: "POST", Path: v2021 + "/functions/{FunctionName}/url", Name: "CreateFunctionUrlConfig",
		Handler: op(http.StatusCreated, func(c *call, in *CreateFunctionUrlConfigInput) error {
			return bindQualified(c, &in.FunctionName, &in.Qualifier)
		}, (*Service).CreateFunctionUrlConfig)},
	{Method: "GET", Path: v2021 + "/functions/{FunctionName}/url", Name: "GetFunctionUrlConfig",
		Handler: op(http.StatusOK, bindURLConfig, (*Service).GetFunctionUrlConfig)},
	{Method: "PUT", Path: v2021 + "/functions/{FunctionName}/url", Name: "UpdateFunctionUrlConfig",
		Handler: op(http.StatusOK, func(c *call, in *UpdateFunctionUrlConfigInput) error {
			return bindQualified(c, &in.FunctionName, &in.Qualifier)
		}, (*Service).UpdateFunctionUrlConfig)},
	{Method: "DELETE", Path: v2021 + "/functions/{FunctionName}/url", Name: "DeleteFunctionUrlConfig",
		Handler: op(http.StatusNoContent, bindURLConfig, noOutput((*Service).DeleteFunctionUrlConfig))},
	{Method: "GET", Path: v2021 + "/functions/{FunctionName}/urls", Name: "ListFunctionUrlConfigs",
		Handler: op(http.StatusOK, func(c *call, in *ListFunctionUrlConfigsInput) error {
			in.FunctionName = c.label("FunctionName")
			return bindPaging(c, &in.Marker, &in.MaxItems)
		}, (*Service).ListFunctionUrlConfigs)},

	// Layers.
	{Method: "GET", Path: v2018 + "/layers", Query: []string{"find=LayerVersion"}, Name: "GetLayerVersionByArn",
		Handler: op(http.StatusOK, func(c *call, arn *string) error { *arn = c.q("Arn"); return nil }, (*Service).GetLayerVersionByArn)},
	{Method: "GET", Path: v2018 + "/layers", Name: "ListLayers",
		Handler: op(http.StatusOK, func(c *call, in *ListLayersInput) error {
			in.CompatibleRuntime, in.CompatibleArchitecture = c.q("CompatibleRuntime"), c.q("CompatibleArchitecture")
			return bindPaging(c, &in.Marker, &in.MaxItems)
		}, (*Service).ListLayers)},
	{Method: "POST", Path: v2018 + "/layers/{LayerName}/versions", Name: "PublishLayerVersion",
		Handler: op(http.StatusCreated, func(c *call, in *PublishLayerVersionInput) error {
			in.LayerName = c.label("LayerName")
			return nil
		}, (*Service).PublishLayerVersion)},
	{Method: "GET", Path: v2018 + "/layers/{LayerName}/versions", Name: "ListLayerVersions",
		Handler: op(http.StatusOK, func(c *call, in *ListLayerVersionsInput) error {
			in.LayerName, in.CompatibleRuntime, in.CompatibleArchitecture = c.label("LayerName"), c.q("CompatibleRuntime"), c.q("CompatibleArchitecture")
			return bindPaging(c, &in.Marker, &in.MaxItems)
		}, (*Service).ListLayerVersions)},
	{Method: "GET", Path: v2018 + "/layers/{LayerName}/versions/{VersionNumber}", Name: "GetLayerVersion",
		Handler: op(http.StatusOK, bindLayerVersion, (*Service).GetLayerVersion)},
	{Method: "DELETE", Path: v2018 + "/layers/{LayerName}/versions/{VersionNumber}", Name: "DeleteLayerVersion",
		Handler: op(http.StatusNoContent, bindLayerVersion, noOutput((*Service).DeleteLayerVersion))},
}

// The binders complete an operation's input from the path and query.

func bindFunction(c *call, name *string) error { *name = c.label("FunctionName"); return nil }

func bindQualified(c *call, name, qualifier *string) error {
	*name, *qualifier = c.label("FunctionName"), c.q("Qualifier")
	return nil
}

func bindPaging(c *call, marker *string, maxItems *int32) error {
	*marker = c.q("Marker")
	n, err := c.int32Query("MaxItems")
	if err == nil && n == 0 && c.q("MaxItems") != "" {
		// The Go API's 0 means "not given"; on the wire a 0 is given, and
		// below every list operation's minimum of 1.
		return errRange("maxItems", 0, 1, 10000)
	}
	*maxItems = n
	return err
}

func bindAlias(c *call, name, alias *string) error {
	*name, *alias = c.label("FunctionName"), c.label("Name")
	return nil
}

func bindUUID(c *call, id *string) error { *id = c.label("UUID"); return nil }

func bindResource(c *call, r *string) error { *r = c.label("Resource"); return nil }

func bindEventInvokeConfig(c *call, in *PutFunctionEventInvokeConfigInput) error {
	return bindQualified(c, &in.FunctionName, &in.Qualifier)
}

func bindGetEventInvokeConfig(c *call, in *GetFunctionEventInvokeConfigInput) error {
	return bindQualified(c, &in.FunctionName, &in.Qualifier)
}

func bindURLConfig(c *call, in *GetFunctionUrlConfigInput) error {
	return bindQualified(c, &in.FunctionName, &in.Qualifier)
}

func bindLayerVersion(c *call, in *GetLayerVersionInput) error {
	in.LayerName = c.label("LayerName")
	n, err := strconv.ParseInt(c.label("VersionNumber"), 10, 64)
	if err != nil {
		return errValidation("versionNumber", c.label("VersionNumber"), "Member must be a number")
	}
	in.VersionNumber = n
	return nil
}

func listEventSourceMappings(s *Service, ctx context.Context, in ListEventSourceMappingsInput) (any, error) {
	out, err := s.ListEventSourceMappings(ctx, in)
	list := listEventSourceMappingsJSON{EventSourceMappings: []eventSourceMappingJSON{}, NextMarker: out.NextMarker}
	for _, m := range out.EventSourceMappings {
		list.EventSourceMappings = append(list.EventSourceMappings, esmJSON(m))
	}
	return list, err
}

func listFunctionEventInvokeConfigs(s *Service, ctx context.Context, in ListFunctionEventInvokeConfigsInput) (any, error) {
	out, err := s.ListFunctionEventInvokeConfigs(ctx, in)
	list := listEventInvokeConfigsJSON{FunctionEventInvokeConfigs: []eventInvokeConfigJSON{}, NextMarker: out.NextMarker}
	for _, c := range out.FunctionEventInvokeConfigs {
		list.FunctionEventInvokeConfigs = append(list.FunctionEventInvokeConfigs, eicJSON(c))
	}
	return list, err
}
