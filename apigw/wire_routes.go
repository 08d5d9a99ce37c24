package apigw

import "net/http"

// Paths of the control plane (reference/rest-routes.md; the SDK's
// serializers).
const (
	pAPI       = "/restapis/{restApiId}"
	pResources = pAPI + "/resources"
	pResource  = pResources + "/{resourceId}"
	pMethod    = pResource + "/methods/{httpMethod}"
	pIntegr    = pMethod + "/integration"
)

// Label readers, one per kind of reference.
func apiRef(c *call) RestAPIRef { return RestAPIRef{c.label("restApiId")} }

func resRef(c *call) ResourceRef {
	return ResourceRef{RestAPIID: c.label("restApiId"), ResourceID: c.label("resourceId"), Embed: c.embedMethods()}
}

func methodRef(c *call) MethodRef {
	return MethodRef{c.label("restApiId"), c.label("resourceId"), c.label("httpMethod")}
}

func respRef(c *call) ResponseRef {
	return ResponseRef{c.label("restApiId"), c.label("resourceId"), c.label("httpMethod"), c.label("statusCode")}
}

// bindUpdateResponse reads an Update*Response's labels.
func bindUpdateResponse(c *call, in *UpdateResponseInput) error {
	r := respRef(c)
	in.RestAPIID, in.ResourceID, in.HTTPMethod, in.StatusCode = r.RestAPIID, r.ResourceID, r.HTTPMethod, r.StatusCode
	return nil
}

// labelled builds the input of an operation with no body from the request.
func labelled[In any](read func(*call) In) func(*call, *In) error {
	return func(c *call, in *In) error { *in = read(c); return nil }
}

// modelled binds the operations of the Go API.
var modelled = []route{
	{Method: "POST", Path: "/restapis", Name: "CreateRestApi", Handler: op(http.StatusCreated, nil, (*Service).CreateRestApi)},
	{Method: "GET", Path: "/restapis", Name: "GetRestApis", Handler: op(http.StatusOK, func(c *call, in *PageInput) (err error) {
		*in, err = c.pageInput()
		return err
	}, (*Service).GetRestApis)},
	{Method: "GET", Path: pAPI, Name: "GetRestApi", Handler: op(http.StatusOK, labelled(apiRef), (*Service).GetRestApi)},
	{Method: "DELETE", Path: pAPI, Name: "DeleteRestApi", Handler: op(http.StatusAccepted, labelled(apiRef), noOutput((*Service).DeleteRestApi))},
	{Method: "PATCH", Path: pAPI, Name: "UpdateRestApi", Handler: op(http.StatusOK, func(c *call, in *UpdateRestApiInput) error {
		in.RestAPIID = c.label("restApiId")
		return nil
	}, (*Service).UpdateRestApi)},

	{Method: "POST", Path: pResources + "/{parentId}", Name: "CreateResource", Handler: op(http.StatusCreated, func(c *call, in *CreateResourceInput) error {
		in.RestAPIID, in.ParentID = c.label("restApiId"), c.label("parentId")
		return nil
	}, (*Service).CreateResource)},
	{Method: "GET", Path: pResources, Name: "GetResources", Handler: op(http.StatusOK, func(c *call, in *GetResourcesInput) (err error) {
		in.RestAPIID, in.Embed = c.label("restApiId"), c.embedMethods()
		in.PageInput, err = c.pageInput()
		return err
	}, (*Service).GetResources)},
	{Method: "GET", Path: pResource, Name: "GetResource", Handler: op(http.StatusOK, labelled(resRef), (*Service).GetResource)},
	{Method: "DELETE", Path: pResource, Name: "DeleteResource", Handler: op(http.StatusAccepted, labelled(resRef), noOutput((*Service).DeleteResource))},
	{Method: "PATCH", Path: pResource, Name: "UpdateResource", Handler: op(http.StatusOK, func(c *call, in *UpdateResourceInput) error {
		in.RestAPIID, in.ResourceID = c.label("restApiId"), c.label("resourceId")
		return nil
	}, (*Service).UpdateResource)},

	{Method: "PUT", Path: pMethod, Name: "PutMethod", Handler: op(http.StatusCreated, func(c *call, in *PutMethodInput) error {
		r := methodRef(c)
		in.RestAPIID, in.ResourceID, in.HTTPMethod = r.RestAPIID, r.ResourceID, r.HTTPMethod
		return nil
	}, (*Service).PutMethod)},
	{Method: "GET", Path: pMethod, Name: "GetMethod", Handler: op(http.StatusOK, labelled(methodRef), (*Service).GetMethod)},
	{Method: "DELETE", Path: pMethod, Name: "DeleteMethod", Handler: op(http.StatusNoContent, labelled(methodRef), noOutput((*Service).DeleteMethod))},
	{Method: "PATCH", Path: pMethod, Name: "UpdateMethod", Handler: op(http.StatusOK, func(c *call, in *UpdateMethodInput) error {
		r := methodRef(c)
		in.RestAPIID, in.ResourceID, in.HTTPMethod = r.RestAPIID, r.ResourceID, r.HTTPMethod
		return nil
	}, (*Service).UpdateMethod)},
	{Method: "PUT", Path: pMethod + "/responses/{statusCode}", Name: "PutMethodResponse", Handler: op(http.StatusCreated, func(c *call, in *PutMethodResponseInput) error {
		r := respRef(c)
		in.RestAPIID, in.ResourceID, in.HTTPMethod, in.StatusCode = r.RestAPIID, r.ResourceID, r.HTTPMethod, r.StatusCode
		return nil
	}, (*Service).PutMethodResponse)},
	{Method: "GET", Path: pMethod + "/responses/{statusCode}", Name: "GetMethodResponse", Handler: op(http.StatusOK, labelled(respRef), (*Service).GetMethodResponse)},
	{Method: "PATCH", Path: pMethod + "/responses/{statusCode}", Name: "UpdateMethodResponse", Handler: op(http.StatusCreated, bindUpdateResponse, (*Service).UpdateMethodResponse)},
	{Method: "DELETE", Path: pMethod + "/responses/{statusCode}", Name: "DeleteMethodResponse", Handler: op(http.StatusNoContent, labelled(respRef), noOutput((*Service).DeleteMethodResponse))},

	{Method: "PUT", Path: pIntegr, Name: "PutIntegration", Handler: op(http.StatusCreated, func(c *call, in *PutIntegrationInput) error {
		r := methodRef(c)
		in.RestAPIID, in.ResourceID, in.HTTPMethod = r.RestAPIID, r.ResourceID, r.HTTPMethod
		return nil
	}, (*Service).PutIntegration)},
	{Method: "GET", Path: pIntegr, Name: "GetIntegration", Handler: op(http.StatusOK, labelled(methodRef), (*Service).GetIntegration)},
	{Method: "DELETE", Path: pIntegr, Name: "DeleteIntegration", Handler: op(http.StatusNoContent, labelled(methodRef), noOutput((*Service).DeleteIntegration))},
	{Method: "PATCH", Path: pIntegr, Name: "UpdateIntegration", Handler: op(http.StatusOK, func(c *call, in *UpdateIntegrationInput) error {
		r := methodRef(c)
		in.RestAPIID, in.ResourceID, in.HTTPMethod = r.RestAPIID, r.ResourceID, r.HTTPMethod
		return nil
	}, (*Service).UpdateIntegration)},
	{Method: "PUT", Path: pIntegr + "/responses/{statusCode}", Name: "PutIntegrationResponse", Handler: op(http.StatusCreated, func(c *call, in *PutIntegrationResponseInput) error {
		r := respRef(c)
		in.RestAPIID, in.ResourceID, in.HTTPMethod, in.StatusCode = r.RestAPIID, r.ResourceID, r.HTTPMethod, r.StatusCode
		return nil
	}, (*Service).PutIntegrationResponse)},
	{Method: "GET", Path: pIntegr + "/responses/{statusCode}", Name: "GetIntegrationResponse", Handler: op(http.StatusOK, labelled(respRef), (*Service).GetIntegrationResponse)},
	{Method: "PATCH", Path: pIntegr + "/responses/{statusCode}", Name: "UpdateIntegrationResponse", Handler: op(http.StatusOK, bindUpdateResponse, (*Service).UpdateIntegrationResponse)},
	{Method: "DELETE", Path: pIntegr + "/responses/{statusCode}", Name: "DeleteIntegrationResponse", Handler: op(http.StatusNoContent, labelled(respRef), noOutput((*Service).DeleteIntegrationResponse))},

	{Method: "POST", Path: pAPI + "/deployments", Name: "CreateDeployment", Handler: op(http.StatusCreated, func(c *call, in *CreateDeploymentInput) error {
		in.RestAPIID = c.label("restApiId")
		return nil
	}, (*Service).CreateDeployment)},
	{Method: "GET", Path: pAPI + "/deployments", Name: "GetDeployments", Handler: op(http.StatusOK, func(c *call, in *GetDeploymentsInput) (err error) {
		in.RestAPIID = c.label("restApiId")
		in.PageInput, err = c.pageInput()
		return err
	}, (*Service).GetDeployments)},
	{Method: "GET", Path: pAPI + "/deployments/{deploymentId}", Name: "GetDeployment", Handler: op(http.StatusOK, labelled(deploymentRef), (*Service).GetDeployment)},
	{Method: "DELETE", Path: pAPI + "/deployments/{deploymentId}", Name: "DeleteDeployment", Handler: op(http.StatusAccepted, labelled(deploymentRef), noOutput((*Service).DeleteDeployment))},
	{Method: "PATCH", Path: pAPI + "/deployments/{deploymentId}", Name: "UpdateDeployment", Handler: op(http.StatusOK, func(c *call, in *UpdateDeploymentInput) error {
		in.RestAPIID, in.DeploymentID = c.label("restApiId"), c.label("deploymentId")
		return nil
	}, (*Service).UpdateDeployment)},

	{Method: "POST", Path: pAPI + "/stages", Name: "CreateStage", Handler: op(http.StatusCreated, func(c *call, in *CreateStageInput) error {
		in.RestAPIID = c.label("restApiId")
		return nil
	}, (*Service).CreateStage)},
	{Method: "GET", Path: pAPI + "/stages", Name: "GetStages", Handler: op(http.StatusOK, labelled(func(c *call) GetStagesInput {
		return GetStagesInput{c.label("restApiId"), c.query.Get("deploymentId")}
	}), (*Service).GetStages)},
	{Method: "GET", Path: pAPI + "/stages/{stageName}", Name: "GetStage", Handler: op(http.StatusOK, labelled(stageRef), (*Service).GetStage)},
	{Method: "DELETE", Path: pAPI + "/stages/{stageName}/cache/data", Name: "FlushStageCache", Handler: op(http.StatusAccepted, labelled(stageRef), noOutput((*Service).FlushStageCache))},
	{Method: "DELETE", Path: pAPI + "/stages/{stageName}", Name: "DeleteStage", Handler: op(http.StatusAccepted, labelled(stageRef), noOutput((*Service).DeleteStage))},
	{Method: "PATCH", Path: pAPI + "/stages/{stageName}", Name: "UpdateStage", Handler: op(http.StatusOK, func(c *call, in *UpdateStageInput) error {
		in.RestAPIID, in.StageName = c.label("restApiId"), c.label("stageName")
		return nil
	}, (*Service).UpdateStage)},

	{Method: "POST", Path: pAPI + "/requestvalidators", Name: "CreateRequestValidator", Handler: op(http.StatusCreated, func(c *call, in *CreateRequestValidatorInput) error {
		in.RestAPIID = c.label("restApiId")
		return nil
	}, (*Service).CreateRequestValidator)},
	{Method: "GET", Path: pAPI + "/requestvalidators", Name: "GetRequestValidators", Handler: op(http.StatusOK, modelsInput, (*Service).GetRequestValidators)},
	{Method: "GET", Path: pAPI + "/requestvalidators/{requestValidatorId}", Name: "GetRequestValidator", Handler: op(http.StatusOK, labelled(validatorRef), (*Service).GetRequestValidator)},
	{Method: "DELETE", Path: pAPI + "/requestvalidators/{requestValidatorId}", Name: "DeleteRequestValidator", Handler: op(http.StatusAccepted, labelled(validatorRef), noOutput((*Service).DeleteRequestValidator))},
	{Method: "PATCH", Path: pAPI + "/requestvalidators/{requestValidatorId}", Name: "UpdateRequestValidator", Handler: op(http.StatusOK, func(c *call, in *UpdateRequestValidatorInput) error {
		in.RestAPIID, in.RequestValidatorID = c.label("restApiId"), c.label("requestValidatorId")
		return nil
	}, (*Service).UpdateRequestValidator)},

	{Method: "POST", Path: pAPI + "/models", Name: "CreateModel", Handler: op(http.StatusCreated, func(c *call, in *CreateModelInput) error {
		in.RestAPIID = c.label("restApiId")
		return nil
	}, (*Service).CreateModel)},
	{Method: "GET", Path: pAPI + "/models", Name: "GetModels", Handler: op(http.StatusOK, modelsInput, (*Service).GetModels)},
	{Method: "GET", Path: pAPI + "/models/{modelName}", Name: "GetModel", Handler: op(http.StatusOK, labelled(modelRef), (*Service).GetModel)},
	{Method: "PUT", Path: pAPI + "/gatewayresponses/{responseType}", Name: "PutGatewayResponse", Handler: op(http.StatusCreated, func(c *call, in *PutGatewayResponseInput) error {
		in.RestAPIID, in.ResponseType = c.label("restApiId"), c.label("responseType")
		return nil
	}, (*Service).PutGatewayResponse)},
	{Method: "GET", Path: pAPI + "/gatewayresponses", Name: "GetGatewayResponses", Handler: op(http.StatusOK, modelsInput, (*Service).GetGatewayResponses)},
	{Method: "GET", Path: pAPI + "/gatewayresponses/{responseType}", Name: "GetGatewayResponse", Handler: op(http.StatusOK, labelled(gatewayRef), (*Service).GetGatewayResponse)},
	{Method: "DELETE", Path: pAPI + "/gatewayresponses/{responseType}", Name: "DeleteGatewayResponse", Handler: op(http.StatusAccepted, labelled(gatewayRef), noOutput((*Service).DeleteGatewayResponse))},
	{Method: "PATCH", Path: pAPI + "/gatewayresponses/{responseType}", Name: "UpdateGatewayResponse", Handler: op(http.StatusOK, func(c *call, in *UpdateGatewayResponseInput) error {
		in.RestAPIID, in.ResponseType = c.label("restApiId"), c.label("responseType")
		return nil
	}, (*Service).UpdateGatewayResponse)},
	{Method: "PUT", Path: "/tags/{resourceArn}", Name: "TagResource", Handler: op(http.StatusNoContent, func(c *call, in *TagResourceInput) error {
		in.ResourceArn = c.label("resourceArn")
		return nil
	}, noOutput((*Service).TagResource))},
	{Method: "DELETE", Path: "/tags/{resourceArn}", Name: "UntagResource", Handler: op(http.StatusNoContent, labelled(func(c *call) UntagResourceInput {
		return UntagResourceInput{c.label("resourceArn"), c.query["tagKeys"]}
	}), noOutput((*Service).UntagResource))},
	{Method: "GET", Path: "/tags/{resourceArn}", Name: "GetTags", Handler: op(http.StatusOK, labelled(func(c *call) GetTagsInput {
		return GetTagsInput{c.label("resourceArn")}
	}), (*Service).GetTags)},
	{Method: "PATCH", Path: pAPI + "/models/{modelName}", Name: "UpdateModel", Handler: op(http.StatusOK, func(c *call, in *UpdateModelInput) error {
		in.RestAPIID, in.ModelName = c.label("restApiId"), c.label("modelName")
		return nil
	}, (*Service).UpdateModel)},
	{Method: "GET", Path: pAPI + "/models/{modelName}/default_template", Name: "GetModelTemplate", Handler: op(http.StatusOK, labelled(modelRef), (*Service).GetModelTemplate)},
	{Method: "DELETE", Path: pAPI + "/models/{modelName}", Name: "DeleteModel", Handler: op(http.StatusAccepted, labelled(modelRef), noOutput((*Service).DeleteModel))},
}

func deploymentRef(c *call) DeploymentRef {
	return DeploymentRef{c.label("restApiId"), c.label("deploymentId")}
}

func stageRef(c *call) StageRef { return StageRef{c.label("restApiId"), c.label("stageName")} }

func validatorRef(c *call) ValidatorRef {
	return ValidatorRef{c.label("restApiId"), c.label("requestValidatorId")}
}

func modelRef(c *call) ModelRef { return ModelRef{c.label("restApiId"), c.label("modelName")} }

func modelsInput(c *call, in *GetModelsInput) (err error) {
	in.RestAPIID = c.label("restApiId")
	in.PageInput, err = c.pageInput()
	return err
}

func gatewayRef(c *call) GatewayResponseRef {
	return GatewayResponseRef{c.label("restApiId"), c.label("responseType")}
}
