// Package apigw is the fake of Amazon API Gateway's REST APIs (v1): the
// control plane over restJson1 for the real aws-sdk-go-v2 apigateway
// client, and the deployed stages, callable over HTTP.
//
// # Quick start
//
//	cloud := awsfake.NewT(t)
//	client := apigateway.NewFromConfig(cloud.AWSConfig())
//	api, _ := client.CreateRestApi(ctx, &apigateway.CreateRestApiInput{Name: aws.String("pets")})
//	// ... CreateResource, PutMethod, PutIntegration ...
//	client.CreateDeployment(ctx, &apigateway.CreateDeploymentInput{RestApiId: api.Id, StageName: aws.String("prod")})
//	resp, _ := cloud.HTTPClient().Get(cloud.APIGateway().InvokeURL(*api.Id, "prod") + "/pets")
//
// InvokeURL gives https://{id}.execute-api.{region}.amazonaws.com/{stage},
// which cloud.HTTPClient() (and any client built on its transport) routes
// in memory. On a server (cmd/awsfake) the same host form works on the
// server's port, as do the forms LocalStack users have in their
// configuration: {id}.execute-api.localhost.localstack.cloud:{port}/{stage}/...,
// {URL}/restapis/{id}/{stage}/_user_request_/... (EndpointURL) and
// {URL}/_aws/execute-api/{id}/{stage}/..., so that a suite moving off
// LocalStack changes only its port.
//
// # What is implemented
//
//   - REST APIs (create with AWS's defaults: EDGE, ipv4, HEADER, the Empty
//     and Error models; get, list, update by patch operations, delete),
//     resources (path parts, {param} and {proxy+} rules, one variable
//     sibling, no child under a greedy part, moves without cycles),
//     methods (the eight methods and ANY; NONE, AWS_IAM, CUSTOM and
//     COGNITO_USER_POOLS authorization; request parameters and models), method responses, integrations
//     (MOCK, HTTP, HTTP_PROXY, AWS, AWS_PROXY to Lambda; timeoutInMillis 50–29,000,
//     default 29,000; request parameter mappings), integration responses,
//     request validators and models, deployments and stages (variables,
//     method settings, tracing, access-log settings). Ids have AWS's forms:
//     ten lowercase alphanumerics for APIs and resources, six for
//     deployments, validators and models. Listings page by position and
//     limit (default 25, at most 500). Errors carry the codes and the texts
//     AWS answers, as recorded in ../shared/aws-recordings.
//   - Deployments snapshot the API: a change is not served until the next
//     CreateDeployment, and a stage serves the deployment it points to;
//     stage settings (variables) apply without a redeploy.
//   - Routing as AWS does it: literal parts before {param} before
//     {proxy+}, a method before ANY, at a cost that grows with the depth of
//     the path, not the number of resources. No route is 403 {"message":
//     "Missing Authentication Token"}; an unknown stage 403 Forbidden;
//     every answer carries x-amzn-RequestId and x-amz-apigw-id, errors
//     x-amzn-ErrorType. Bodies over 10 MB are 413.
//   - The method request: a validator's required parameters ("Missing
//     required request parameters: [...]") and body model (JSON Schema
//     draft 4; {"message": "Invalid request body"}).
//   - AWS_PROXY: the version 1.0 proxy event as AWS sends it, through the
//     bus to the function ARN (Lambda checks its resource policy for
//     apigateway.amazonaws.com: without a permission the call is a 500);
//     the response contract (statusCode, headers, multiValueHeaders, body,
//     isBase64Encoded; anything else is a 502 Internal server error);
//     binaryMediaTypes for request and response bodies.
//   - HTTP_PROXY through the http.Client set with SetHTTPClient, with path
//     parameters and ${stageVariables.x} in the URI and the request
//     parameter mappings ('static', method.request.*, context.*,
//     stageVariables.*).
//   - Mapping templates (VTL, internal/vtl) in every non-proxy
//     integration: the request template of the request's content type
//     (application/json when none is sent), else passthroughBehavior:
//     WHEN_NO_MATCH (the default) passes the body through,
//     WHEN_NO_TEMPLATES only when no template is defined, NEVER refuses
//     it, as does WHEN_NO_TEMPLATES with templates: 415 {"message":
//     "Unsupported Media Type"}. Templates see $input (body, json, path,
//     params), $util (AWS's six functions), $context (every REST API
//     variable AWS documents, null where a request has none; requestOverride
//     and responseOverride settable) and $stageVariables; an empty request
//     body is {} to a request template, as recorded. A template that does
//     not parse is a 500, the parse error in the invocation's record and
//     the execution log.
//   - Integration responses: the selection pattern (the whole selector
//     must match, as Java's matches()) against the Lambda errorMessage of
//     a function error, the status of an HTTP or AWS service backend, the
//     status a MOCK's template chose; else the default response (no
//     pattern); none is a 500. Its method response must exist (else 500),
//     its response template (for the Accept type, else application/json,
//     else the first) renders with $input on the backend's body, else the
//     body passes through; header mappings from 'static',
//     method.request.*, integration.response.header.*,
//     integration.response.body(.path), stageVariables.* and context.*;
//     then $context.responseOverride.status and .header.*. A mapping to
//     a header API Gateway reserves (Authorization, Connection,
//     Content-Length, Content-MD5, Date, Expect, Host, Max-Forwards,
//     Proxy-Authenticate, Server, Trailer, Upgrade, User-Agent,
//     WWW-Authenticate) is sent as x-amzn-Remapped-{name}. Templates are
//     parsed once per deployment.
//   - MOCK: the statusCode of its rendered request template (read
//     leniently: {statusCode: 200} as recorded), 200 without one.
//   - AWS (non-proxy) Lambda: the rendered template ({} for an empty body)
//     is the event; a function error selects by its errorMessage, its
//     error document the body when no template maps it.
//   - HTTP (non-proxy): the rendered template goes to the URI with only
//     the mapped headers, query string and path parameters (and the
//     requestOverride ones): nothing else of the request is forwarded.
//   - AWS service integrations through the bus, to the cloud's own
//     services: SQS SendMessage (path/{account}/{queue} or QueueUrl, with
//     the tutorial's form body Action=SendMessage&MessageBody=..., and
//     MessageAttribute.N.* or MessageAttributes.N.*), SNS
//     Publish (TopicArn, Message, Subject), Step Functions StartExecution
//     (a JSON body of stateMachineArn and input) and Lambda Invoke (the
//     path/2015-03-31/functions/... URI). Parameters are the form fields
//     of the rendered body and the integration.request.querystring
//     mappings; the answer is the service's JSON document
//     ({"SendMessageResponse": {"SendMessageResult": {"MessageId": ...}}},
//     {"PublishResponse": ...}, {"executionArn", "startDate"}); a service
//     error is its status (the selector) and {"Error": {"Code",
//     "Message"}} with the query protocol's code.
//   - Integration timeouts on the cloud's clock: a backend that has not
//     answered by timeoutInMillis gets 504 {"message": "Endpoint request
//     timed out"}.
//   - Gateway responses: the defaults of every type, their customisation
//     (status, gatewayresponse.header.* mappings, templates with $context
//     variables) served from the next deployment, DEFAULT_4XX and
//     DEFAULT_5XX covering the types not customised. CORS as AWS does it:
//     an OPTIONS method (usually a MOCK) answers preflights, gateway
//     responses may carry CORS headers, nothing is automatic.
//   - Tags of REST APIs and stages by ARN (TagResource, UntagResource,
//     GetTags; at most 50, no aws: keys).
//   - Access log lines from a stage's accessLogSettings format with its
//     $context variables filled in, and execution log lines (INFO: every
//     step; ERROR: failures), per stage in order (AccessLogs,
//     ExecutionLogs), and in CloudWatch Logs: access lines in the
//     destination's group, execution lines in
//     API-Gateway-Execution-Logs_{api}/{stage} (SetLogSink, wired by the
//     cloud).
//   - Each invocation recorded (Invocations, CheckInvoked): the request,
//     the matched resource, the integration request and response, the
//     status, the latency on the clock and the execution log's reason for
//     a 5xx. Fault injection per control-plane operation (InjectFault,
//     InjectLatency, Calls).
//   - Authorizers (authorizers.go, wire_authorize.go): CreateAuthorizer (TTL
//     300 by default, 0 to 3,600), Get, list, UpdateAuthorizer by replace,
//     Delete (a ConflictException while a method names it),
//     FlushStageAuthorizersCache and TestInvokeAuthorizer. Deployments
//     snapshot them with the methods. On invoke, a TOKEN or REQUEST
//     authorizer's function is called through the bus as the proxy
//     integration calls Lambda (apigateway.amazonaws.com must be allowed,
//     source arn:aws:execute-api:{region}:{account}:{api}/authorizers/{id})
//     with AWS's event; its policy is evaluated (Deny wins, then Allow;
//     wildcards * and ? in Action and Resource) against the method ARN
//     arn:aws:execute-api:{region}:{account}:{api}/{stage}/{METHOD}/{path}.
//     A missing identity source, a failed identityValidationExpression or
//     the error "Unauthorized" is 401 {"message":"Unauthorized"}; a Deny is
//     403 "... with an explicit deny", no matching Allow 403 "User is not
//     authorized to access this resource"; a function error, a malformed
//     answer or a missing permission is 500 {"message":null}
//     (AUTHORIZER_CONFIGURATION_ERROR); each is a gateway response a
//     deployment may customise. The whole result (principalId, policy,
//     context, usageIdentifierKey) is cached per stage, authorizer and
//     identity-source values on the cloud's clock: served until cached-at
//     plus TTL, not at it; a policy allowing only the first method's ARN
//     denies a second method within the TTL, as on AWS. principalId and
//     context (values as strings) reach $context.authorizer.* and the
//     proxy event's requestContext.authorizer.
//   - COGNITO_USER_POOLS authorizers check a JWT with
//     github.com/golang-jwt/jwt/v5: RS256 with the key of one of the
//     authorizer's pools, iss https://cognito-idp.{region}.amazonaws.com/{poolId},
//     exp on the cloud's clock (expired at exp), token_use id or access, and
//     for a method with authorizationScopes an access token whose scope
//     holds one. Until a Cognito fake exists, Service.CognitoPool(arn) makes
//     a pool's signing key and CognitoPool.Token mints its tokens. The claims
//     reach $context.authorizer.claims.*.
//
// # Where it differs from AWS
//
//   - Cognito authorizer results are not cached: each request's token is
//     checked, so that its exp holds on the clock (AWS caches them by the
//     token for the TTL). Lambda authorizers ignore authorizerCredentials
//     (the function's resource policy is what is checked) and have no
//     timeout of their own. AWS_IAM methods are served without a
//     signature or execute-api:Invoke check and $context.identity carries
//     no caller yet.
//   - TestInvokeAuthorizer asks about GET pathWithQueryString on the stage
//     test-invoke-stage; its log holds the main steps only, in AWS's line
//     form, not every line AWS writes. The texts of CreateAuthorizer's
//     BadRequestExceptions (missing URI, provider ARNs, identity source)
//     are this fake's: no recording pins them.
//   - VTL runs on internal/vtl, whose own differences its doc lists
//     (regular expressions on RE2, no JSONPath filters, bounded output).
//   - Service integrations do not assume the integration's credentials
//     role: the call is made with the API's account, as if the role
//     allowed it. Other actions than those above (S3 by path,
//     StartSyncExecution, EventBridge PutEvents, ...) are a 500 with the
//     reason in the invocation's record. Answers are JSON, not the XML the
//     query services write without an Accept: application/json header.
//   - The order of integration responses with a matching pattern is by
//     status code (AWS does not document it when several match).
//   - JSON Schema validation holds the draft 4 keywords request models use
//     (type, properties, required, additionalProperties, items, enum,
//     bounds, lengths, pattern, item counts, allOf/anyOf/oneOf/not);
//     $ref and format are ignored, as a validator ignores what it does not
//     know. (github.com/santhosh-tekuri/jsonschema is not a dependency of
//     the module; no module may be added.)
//   - The execution log lines are AWS's main steps, not every line AWS
//     writes; in CloudWatch Logs access lines go to the stream "access" and
//     execution lines to a stream named after the request id (AWS documents
//     neither name).
//   - contentHandling (CONVERT_TO_TEXT, CONVERT_TO_BINARY) applies to
//     non-proxy integrations and their integration responses (a binary
//     payload is base64 text for a template); proxy integrations convert
//     by binaryMediaTypes alone. A response is not checked against the
//     client's Accept for binary types.
//   - The invoke timeout waits on the cloud's clock: a backend answering
//     at exactly timeoutInMillis is a 504 (the deadline is exclusive).
//   - Edge-optimized APIs' CloudFront headers (CloudFront-*, Via,
//     X-Amz-Cf-Id) are not added to the proxy event; Host,
//     X-Amzn-Trace-Id and X-Forwarded-* are.
//   - Path parameters are passed as sent (escaped), as the recording shows
//     for {proxy+} (test%2Balias stays encoded).
//   - X-Ray (trace.go): a stage with tracingEnabled continues the
//     client's X-Amzn-Trace-Id (its sampling decision when it holds one),
//     else starts a trace the account's sampling rules decide (service
//     {api name}/{stage}, type AWS::ApiGateway::Stage); a traced request
//     writes the stage's segment ({api name}/{stage}, origin
//     AWS::ApiGateway::Stage, http request and status flagged as X-Ray
//     flags it, aws.api_gateway) with one integration subsegment (Lambda,
//     the upper-cased service of another AWS integration, or the HTTP
//     backend's host as remote), spanning the whole request (AWS times
//     the integration alone), and hands the backend
//     Root=...;Parent=<the subsegment>;Sampled=1. The aws:api_id and
//     aws:api_stage annotations AWS sets are not written (X-Ray's rule for
//     annotation keys, letters, digits and _, refuses the colon); a stage
//     without tracing passes the client's header on. The trace of a
//     service integration (SQS, SNS) does not reach the message, nor is
//     the authorizer's invocation traced.
//
// # Operations answered with AWS's error for nothing there
//
// API keys, usage plans and their keys and usage,
// documentation parts and versions, client certificates,
// the account (GetAccount answers a new account's defaults), domain
// names, base path mappings and access associations, VPC links, exports,
// SDKs and SDK types, imports (ImportRestApi, PutRestApi, ImportApiKeys,
// ImportDocumentationParts), stage data caches, TestInvokeMethod and the
// updates of method responses, integration responses and models: lists
// are empty, a lookup is NotFoundException with AWS's text for the
// identifier, and an operation that would create or change something is
// BadRequestException naming it (wire_unsupported.go). The apigatewayv2
// client's operations (HTTP and WebSocket APIs, which share the
// apigateway signing name) are bound under /v2/ the same way
// (wire_v2.go), until the HTTP APIs issue builds them.
//
// # Plumbing for the root package
//
// New and Describe (the apigateway and execute-api signing names, both
// served by ServeHTTP) are what awsfake calls; cloud.APIGateway() returns
// the Service.
package apigw
