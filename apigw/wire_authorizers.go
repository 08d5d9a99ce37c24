package apigw

import "net/http"

// pAuthorizer is the path of one authorizer.
const pAuthorizer = pAPI + "/authorizers/{authorizerId}"

func authorizerRef(c *call) AuthorizerRef {
	return AuthorizerRef{c.label("restApiId"), c.label("authorizerId")}
}

// authorizerRoutes binds the authorizer operations of the Go API.
var authorizerRoutes = []route{
	{Method: "POST", Path: pAPI + "/authorizers", Name: "CreateAuthorizer", Handler: op(http.StatusCreated, func(c *call, in *CreateAuthorizerInput) error {
		in.RestAPIID = c.label("restApiId")
		return nil
	}, (*Service).CreateAuthorizer)},
	{Method: "GET", Path: pAPI + "/authorizers", Name: "GetAuthorizers", Handler: op(http.StatusOK, modelsInput, (*Service).GetAuthorizers)},
	{Method: "GET", Path: pAuthorizer, Name: "GetAuthorizer", Handler: op(http.StatusOK, labelled(authorizerRef), (*Service).GetAuthorizer)},
	{Method: "DELETE", Path: pAuthorizer, Name: "DeleteAuthorizer", Handler: op(http.StatusAccepted, labelled(authorizerRef), noOutput((*Service).DeleteAuthorizer))},
	{Method: "PATCH", Path: pAuthorizer, Name: "UpdateAuthorizer", Handler: op(http.StatusOK, func(c *call, in *UpdateAuthorizerInput) error {
		in.RestAPIID, in.AuthorizerID = c.label("restApiId"), c.label("authorizerId")
		return nil
	}, (*Service).UpdateAuthorizer)},
	{Method: "POST", Path: pAuthorizer, Name: "TestInvokeAuthorizer", Handler: op(http.StatusOK, func(c *call, in *TestInvokeAuthorizerInput) error {
		in.RestAPIID, in.AuthorizerID = c.label("restApiId"), c.label("authorizerId")
		return nil
	}, (*Service).TestInvokeAuthorizer)},
	{Method: "DELETE", Path: pAPI + "/stages/{stageName}/cache/authorizers", Name: "FlushStageAuthorizersCache",
		Handler: op(http.StatusAccepted, labelled(stageRef), noOutput((*Service).FlushStageAuthorizersCache))},
}
