// Package apigw is the fake of Amazon API Gateway's REST APIs (v1) and
// HTTP APIs (v2): the control plane over restJson1 for the real
// aws-sdk-go-v2 apigateway and apigatewayv2 clients, and the deployed
// stages, callable over HTTP.
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
//   - UpdateMethodResponse (answering 201, as AWS does) and
//     UpdateIntegrationResponse (responses_update.go): add, replace or
//     remove /responseParameters/{name}, /responseModels/{type} and
//     /responseTemplates/{type} (~1 for /), replace /selectionPattern and
//     /contentHandling; replace or remove of an absent entry is AWS's
//     NotFoundException, ops outside the enum and a bad status code one
//     ValidationException listing each.
//   - UpdateModel (models_update.go): replace /description and /schema,
//     the schema held to CreateModel's rules. GetModelTemplate
//     (models_template.go) generates the mapping template as AWS's guide
//     shows ("Mapping template generated from a model"): $inputRoot,
//     strings quoted, numbers and booleans bare, arrays as #foreach.
//   - FlushStageCache (stage_cache.go) answers 202 for a stage: responses
//     are not cached (cache settings are stored), so nothing is flushed.
//   - Deployments snapshot the API: a change is not served until the next
//     CreateDeployment, and a stage serves the deployment it points to;
//     stage settings (variables) apply without a redeploy.
//   - Canary releases (canary.go, canary_patch.go): canarySettings on
//     CreateStage, on CreateDeployment to an existing stage (the new
//     deployment becomes the canary, the stage keeps its own) and by
//     UpdateStage (replace /canarySettings/percentTraffic, /deploymentId,
//     /useStageCache, /stageVariableOverrides/{name}; remove one override
//     or /canarySettings; promotion by replace /deploymentId, or by copy
//     from /canarySettings/deploymentId and /stageVariableOverrides as the
//     CLI documents), with the recorded texts. percentTraffic is 0.0–100.0.
//     Each request goes to the canary with that probability, drawn from a
//     source derived from the cloud's seed for the stage alone (same seed,
//     same split over the same requests, concurrent or not); a canary
//     request sees the stage's variables merged with the overrides,
//     $context.isCanaryRequest true, Invocation.Canary set, and its log
//     lines go to the stage's groups and to the same names with /Canary.
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
//     mappings; the answer is the service's document: SQS's and SNS's
//     query XML (<SendMessageResponse>, <PublishResponse>), or with an
//     Accept: application/json mapping its JSON form
//     ({"SendMessageResponse": {"SendMessageResult": {"MessageId": ...}}}),
//     {"executionArn", "startDate"}, StartSyncExecution's and PutEvents'
//     documents, S3's own answers by path (GET, PUT, DELETE of objects, a
//     bucket's listing); a service error is its status (the selector) and
//     its error document (<ErrorResponse> with the query code, {"__type",
//     "message"}, S3's <Error>).
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
//     InjectLatency, Calls). AWS/ApiGateway metrics of REST stages by
//     ApiName and by ApiName and Stage (metrics.go): Count, 4XXError,
//     5XXError, Latency and IntegrationLatency (not the per-method or
//     cache metrics); of HTTP APIs by ApiId and by ApiId and Stage
//     (metrics_httpapi.go): Count, 4xx, 5xx, Latency, IntegrationLatency
//     and DataProcessed (not the per-route metrics).
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
//   - AWS_IAM methods (wire_iam.go; the cloud decides, through the hook
//     SetIAMAuthorizer): an unsigned request is 403 {"message":"Missing
//     Authentication Token"} (MISSING_AUTHENTICATION_TOKEN); with the
//     cloud's WithSigV4Verification the signature is verified for
//     execute-api, a mismatch or a skewed time 403 InvalidSignatureException
//     with AWS's message (INVALID_SIGNATURE), an unknown key 403 "The
//     security token included in the request is invalid.", an expired
//     session 403 ExpiredTokenException (EXPIRED_TOKEN); with
//     WithIAMEnforcement execute-api:Invoke on the method ARN is evaluated
//     for the caller against its identity-based policies and the API's
//     resource policy (execute-api:/ expanded to the API's ARN), a refusal
//     403 AccessDeniedException {"Message":"User: ... is not authorized to
//     perform: execute-api:Invoke on resource: ..."} (ACCESS_DENIED). The
//     signer (accountId, caller, user, userArn, accessKey) fills
//     $context.identity and the proxy event's requestContext.identity.
//   - COGNITO_USER_POOLS authorizers check a JWT with
//     github.com/golang-jwt/jwt/v5: RS256 with the key of one of the
//     authorizer's pools, iss https://cognito-idp.{region}.amazonaws.com/{poolId},
//     exp on the cloud's clock (expired at exp), token_use id or access, and
//     for a method with authorizationScopes an access token whose scope
//     holds one. Until a Cognito fake exists, Service.CognitoPool(arn) makes
//     a pool's signing key and CognitoPool.Token mints its tokens. The claims
//     reach $context.authorizer.claims.*.
//   - OpenAPI (openapi_*.go, wire_openapi.go, over
//     github.com/getkin/kin-openapi, whose openapi2 and openapi3 types keep
//     every x- extension): ImportRestApi and PutRestApi read Swagger 2.0 and
//     OpenAPI 3.0 in JSON or YAML (integer status codes included), anything
//     else being BadRequestException "Invalid OpenAPI input." as recorded.
//     The document becomes an API through the Go API's own operations
//     (CreateRestApi, CreateModel, CreateRequestValidator, CreateAuthorizer,
//     PutGatewayResponse, CreateResource, PutMethod, PutMethodResponse,
//     PutIntegration, PutIntegrationResponse), so it meets their rules and
//     their errors; the first error removes what was built. info gives the
//     name, description and version; components.schemas or definitions the
//     models (only those: no Empty and Error, as recorded), $refs rewritten
//     to model URLs; parameters (path, query, header) the method request
//     parameters, every path variable a required one even undeclared; request bodies and responses the models and method
//     responses (headers as method.response.header.*); security the
//     authorization (an authorizer's scheme CUSTOM or COGNITO_USER_POOLS
//     with scopes, an apiKey scheme apiKeyRequired, authtype awsSigv4
//     AWS_IAM). Extensions read and written:
//     x-amazon-apigateway-integration (type, uri, httpMethod, credentials,
//     connectionType/Id, passthroughBehavior, contentHandling,
//     timeoutInMillis, cacheNamespace, cacheKeyParameters,
//     requestParameters, requestTemplates, responses keyed by selection
//     pattern with statusCode, responseParameters, responseTemplates,
//     contentHandling), -request-validators and -request-validator
//     (document and operation), -authorizer and -authtype on security
//     schemes, -api-key-source, -binary-media-types, -gateway-responses,
//     -any-method, -endpoint-configuration, -minimum-compression-size and
//     -policy. x-amazon-apigateway-cors is an HTTP API extension; REST APIs
//     ignore it, as AWS does. Parameters: basepath=ignore (the default),
//     prepend or split (Swagger's basePath, the first server's basePath
//     variable or URL path; split drops its first part), as recorded;
//     endpointConfigurationTypes; failonwarnings. A reference to a model
//     the document does not define (AWS's example of a warning) or to an
//     unknown security scheme is a warning, returned in warnings, or with
//     failonwarnings the BadRequestException "Warnings found during
//     import:\n\t..." with nothing changed. PutRestApi imports into an API
//     of its own first, then merge (the default) adds the result to the
//     API (same path and method, name or type replaced; binary media types
//     added, as recorded), overwrite replaces the API's definition;
//     deployments, stages, tags and the endpoint stay. GetExport writes the
//     deployment a stage serves as oas30 (OpenAPI 3.0.1, the server
//     https://{id}.execute-api.{region}.amazonaws.com/{basePath} with the
//     stage as basePath's default) or swagger (host, basePath /{stage},
//     https; each operation's consumes and produces from its models and
//     templates, the body parameter named for its model), in JSON or, for Accept application/yaml, YAML; the body is
//     application/octet-stream named {type}_{version}.json as recorded, the
//     version being the deployment's date when the API has none.
//     extensions=integrations writes the integrations (AWS's defaults left
//     out, as recorded) and binary media types, authorizers the
//     authorizers, apigateway every extension; postman is accepted and
//     writes nothing more.
//   - API keys and usage plans (apikeys*.go, usageplans*.go,
//     engine_throttle.go, wire_usageplans.go): CreateApiKey (ids of ten
//     lowercase alphanumerics, generated values of 40 letters and digits or
//     a given one of 20 to 128 characters, disabled unless enabled),
//     GetApiKey (the value with includeValue), GetApiKeys (name prefix,
//     customerId, includeValues, pages), UpdateApiKey, DeleteApiKey and
//     ImportApiKeys (AWS's CSV file format: columns in any order and case,
//     Name and Key required, Enabled true by default, UsagePlanIds a quoted
//     list, a value imported again overwritten; a bad row is a warning,
//     and with failOnWarnings fails the file). Usage plans (six-character
//     ids) with API stages, a throttle, per-method throttles
//     (/apiStages/{api}:{stage}/throttle/{resourcePath}/{METHOD}/...) and a
//     quota; usage plan keys (a key in at most 10 plans, never two covering
//     one stage); GetUsage (per key, per UTC day, [used, remaining]) and
//     UpdateUsage (replace /remaining). On invoke, after the authorizer, a
//     method with apiKeyRequired needs an enabled key, from x-api-key or,
//     with the API's apiKeySource AUTHORIZER, the authorizer's
//     usageIdentifierKey, in a plan covering the stage: else 403
//     {"message":"Forbidden"} (INVALID_API_KEY). Then the token buckets
//     (rateLimit a second, burstLimit deep) on the cloud's clock: the
//     plan's per-method throttle, else its throttle, per key; the stage's
//     methodSettings throttle per method; the account's (10,000 rps, burst
//     5,000; SetAccountThrottle stands for a quota increase): any empty is
//     429 {"message":"Too Many Requests"} (THROTTLED). Then the quota, per
//     key per DAY (from UTC midnight), WEEK or MONTH, the offset taken from
//     the limit in the period the quota was set in: 429 {"message":"Limit
//     Exceeded"} (QUOTA_EXCEEDED). A refused request spends nothing; each
//     check is a map lookup, whatever the number of keys.
//
// # Where it differs from AWS
//
//   - Imports: the warning texts, the export's text for an unknown type or
//     Accept, and the basepath error are this fake's (AWS documents
//     "a missing model reference" as a warning, not its text); an import
//     shows in Calls() as the operations it is made of, and an injected
//     fault on one of them fails it. Inline (unnamed) schemas of request
//     and response bodies create no model; documentation
//     (x-amazon-apigateway-documentation) is never imported. The Go SDK's
//     apigateway client always sends Accept: application/json, so a Go
//     program gets YAML from GetExport only with a middleware of its own
//     setting the header. An export lists an operation's parameters by
//     name (AWS's order follows neither the document nor the name).
//   - PutIntegration refuses an HTTP URI whose host is a stage variable
//     (https://${stageVariables.host}/...), so the recorded
//     test_import_with_stage_variables document does not import yet.
//   - Cognito authorizer results are not cached: each request's token is
//     checked, so that its exp holds on the clock (AWS caches them by the
//     token for the TTL). Lambda authorizers ignore authorizerCredentials
//     (the function's resource policy is what is checked) and have no
//     timeout of their own.
//   - AWS_IAM: the resource policy is read as the API has it now, not as
//     last deployed; without WithIAMEnforcement it is not applied (nor
//     to NONE methods); a request signed for another service is routed
//     to that service by its credential scope, not answered by API
//     Gateway. Signature and caller are the cloud's (the root's
//     enforce_apigw.go); a Service used alone only checks that an
//     AWS_IAM request is signed.
//   - TestInvokeAuthorizer asks about GET pathWithQueryString on the stage
//     test-invoke-stage; its log holds the main steps only, in AWS's line
//     form, not every line AWS writes. TestInvokeMethod (testinvokemethod.go)
//     runs the API as it stands, undeployed, on the resource named whatever
//     the path (the path gives the parameters when it matches), without the
//     authorizer and the API key, with the validator, the integration and
//     the method response; its log has the recorded request and response
//     lines (test_invoke_test_method, test_failed_invoke_test_method) but
//     not the Endpoint request and response lines of a Lambda or HTTP
//     integration; a gateway error's headers are its x-amzn-ErrorType alone,
//     as recorded. The texts of CreateAuthorizer's
//     BadRequestExceptions (missing URI, provider ARNs, identity source)
//     are this fake's: no recording pins them.
//   - Usage plans: a token comes back exactly 1/rateLimit after one was
//     spent (AWS's buckets are approximate, and it documents that clients
//     may exceed the limits); a WEEK quota starts on Sunday 00:00 UTC
//     (AWS does not say which day); a rate or burst of 0 blocks the
//     method. Without a quota, GetUsage answers 0 remaining. GetUsage
//     spans at most 90 days; UpdateUsage answers the key's usage today.
//     The number of API keys is not capped (AWS: 10,000 a Region), so
//     that a test may hold more. The texts of the errors no recording pins
//     (quota and throttle values, usage dates, ImportApiKeys' file errors
//     and warnings, the conflicts of a key in two plans of one stage) are
//     this fake's. Deleting a usage plan with stages is allowed. Responses
//     omit empty tags ("tags": {} on AWS's Get and Update answers).
//     GetAccount answers the default throttle, whatever SetAccountThrottle
//     set.
//   - VTL runs on internal/vtl, whose own differences its doc lists
//     (regular expressions on RE2, no JSONPath filters, bounded output).
//   - Service integrations with a credentials role call as a session of
//     it (BackplaneAssumeRoleSession) only with IAM enforcement on
//     (SetRoleChecker, the root's enforce_apigw_role.go): a role whose
//     trust policy does not allow apigateway.amazonaws.com is AWS's 500
//     with "API Gateway does not have permission to assume the provided
//     role" in the record; a session refused by its policies gets the
//     service's own refusal (SQS AccessDenied, ...) through the
//     integration responses, as a service answers an unauthorised call
//     (Lambda's is the 500 "Invalid permissions on Lambda function").
//     Without enforcement every call is allowed, as if the role allowed
//     it; caller credentials (arn:aws:iam::*:user/*) are not passed on.
//     Other actions than SQS SendMessage, SNS Publish, Step Functions
//     StartExecution and StartSyncExecution (SetSyncExecutions),
//     EventBridge PutEvents, Lambda Invoke and S3 by path
//     (SetObjectStore: S3's REST API answers, path-style) are a 500 with
//     the reason in the invocation's record. SQS and SNS answer their
//     query XML unless an integration.request.header.Accept mapping asks
//     for application/json (the SQS Developer Guide, "Interpreting Amazon
//     SQS XML API responses"); Step Functions and EventBridge answer JSON.
//   - The order of integration responses with a matching pattern is by
//     status code (AWS does not document it when several match).
//   - JSON Schema validation runs on github.com/santhosh-tekuri/jsonschema/v6
//     (draft 4 unless a model's $schema names another), the schemas
//     compiled once per deployment; a model names another of its API by
//     https://apigateway.amazonaws.com/restapis/{api}/models/{name}, and no
//     other reference is loaded (CreateModel refuses it). The execution log
//     line "Request body does not match model schema for content type
//     {type}: [...]" lists the validator's own error texts (AWS's Java
//     validator words them differently). A model whose $ref names a
//     missing model validates nothing.
//   - The execution log lines are AWS's main steps, not every line AWS
//     writes; in CloudWatch Logs access lines go to the stream "access" and
//     execution lines to a stream named after the request id (AWS documents
//     neither name).
//   - contentHandling (CONVERT_TO_TEXT, CONVERT_TO_BINARY) follows AWS's
//     table "Content type conversions in API Gateway" (wire_conversion.go)
//     for non-proxy integrations and their integration responses: a
//     response's payload is binary by the backend's Content-Type, the
//     client's by its first Accept media type. A binary request payload is
//     base64 text for a request template. A response body that does not
//     decode as base64 where the table says decode goes out as it is (AWS
//     documents no error). Proxy integrations convert by binaryMediaTypes
//     alone (isBase64Encoded in the event by Content-Type; a base64 answer
//     decoded when the first Accept type is binary).
//   - An EDGE API's proxy event carries CloudFront's headers (wire_edge.go)
//     with a fixed viewer (desktop, country US, ASN 16509; the recording
//     masks both); X-Forwarded-For is the client's address alone, without
//     the CloudFront hop AWS appends. Header names in the proxy event are
//     Go's canonical form (Test-Header), where AWS keeps the client's
//     spelling (tEsT-HEADeR): net/http canonicalises names when it parses
//     a request, so the raw spelling does not reach the fake.
//   - Canary: useStageCache is kept but changes nothing (there is no
//     stage cache); a deployment without canarySettings to a stage with a
//     canary moves the stage (AWS documents that it cannot, without the
//     error's text); the percentTraffic range error's text is this fake's
//     (no recording has it); a canary's deployment cannot be deleted, as a
//     stage's cannot.
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
//   - GetModelTemplate writes an object's properties in name order (AWS
//     keeps the schema's order) and a $ref as a string.
//
// # Operations answered with AWS's error for nothing there
//
// Documentation parts and versions, client certificates,
// the account (GetAccount answers a new account's defaults), domain
// names, base path mappings and access associations, VPC links,
// SDKs and SDK types and ImportDocumentationParts: lists
// are empty, a lookup is NotFoundException with AWS's text for the
// identifier, and an operation that would create or change something is
// BadRequestException naming it (wire_unsupported.go).
//
// # HTTP APIs (v2)
//
// The apigatewayv2 client's operations share the apigateway signing name
// and are bound under /v2/ (wire_v2.go, httpapi_*.go); they are wire
// handlers, not operations of the Go API (Calls and InjectFault do not
// see them). Served: APIs (with quick create: target and routeKey make
// an integration, a route and an autoDeploy $default stage), routes,
// integrations, authorizers, models, stages, deployments, tags, CORS,
// and, for WebSocket APIs, integration responses and route responses,
// each with AWS's validation (route keys, payload versions, timeouts of
// 50 ms to 30 s, authorizer TTLs of 0 to 3600 s, stage names, parameter
// mapping keys and reserved headers, unique keys as ConflictException),
// listings paged by maxResults and nextToken.
//
// Invoke: https://{apiId}.execute-api.{region}.amazonaws.com/{stage}/...
// (no stage part for $default), and the server's forms as for REST APIs.
// Routes are matched in AWS's documented priority (the full match, then
// variables, the greedy variable of the longest prefix, the request's
// method before ANY, $default last). AWS_PROXY sends payload 1.0 or 2.0
// as AWS does (cookies apart, rawPath, rawQueryString, repeated query
// keys and headers joined with commas, requestContext.http), and with 2.0
// infers the response of a function that answers no statusCode (200,
// application/json, the value as the body). HTTP_PROXY calls its URL
// through the SetHTTPClient client with the parameter mappings
// (overwrite, append and remove of headers and query strings, overwrite
// of the path). The subtypes SQS-SendMessage,
// StepFunctions-StartExecution and EventBridge-PutEvents go over the bus.
// A named stage serves its deployment; an autoDeploy stage redeploys on
// each change. Throttling is a token bucket per stage and route (the
// route's settings, else the stage's defaults) refilled on the cloud's
// clock; the integration timeout waits on the cloud's clock too. CORS
// preflights are answered by the API. JWT authorizers check the
// signature with the keys of the issuer's discovery document and JWKS
// (fetched through the SetHTTPClient client and cached), iss, aud or
// client_id, exp and nbf on the cloud's clock, and the route's scopes;
// Lambda (REQUEST) authorizers take payload 1.0 or 2.0 and answer simple
// (isAuthorized) or IAM responses, cached by identity for the TTL on the
// clock (ResetAuthorizersCache drops them). Errors are worded as HTTP
// APIs word them: {"message":"Not Found"} 404, {"message":"Unauthorized"}
// 401, {"message":"Forbidden"} 403, {"message":"Too Many Requests"} 429,
// {"message":"Internal Server Error"} 500, {"message":"Service
// Unavailable"} 503 for a timeout. Invocations() records the calls, the
// route key as ResourcePath.
//
// OpenAPI (openapi_v2*.go, wire_v2_openapi.go; developerguide/
// http-api-open-api.html and the extensions' pages): ImportApi reads an
// OpenAPI 3.0 document in JSON or YAML with the REST import's reader
// (Swagger 2.0 is read too, converted), basepath ignore, prepend or
// split, and makes an HTTP API: each path and method a route,
// x-amazon-apigateway-any-method an ANY route, or the $default route with
// isDefaultRoute (or on the path /$default, as AWS exports it); each
// operation's x-amazon-apigateway-integration (aws_proxy or http_proxy,
// uri, httpMethod, payloadFormatVersion, connectionType, credentials,
// timeoutInMillis, integrationSubtype, requestParameters,
// responseParameters; or a $ref to one of the components'
// x-amazon-apigateway-integrations, then shared) its integration; the
// security schemes with
// x-amazon-apigateway-authorizer (jwt with jwtConfiguration, request with
// authorizerUri, authorizerPayloadFormatVersion, enableSimpleResponses,
// authorizerResultTtlInSeconds; identitySource comma-separated) its
// authorizers and the operations' security (the document's when an
// operation names none) the routes' authorization and JWT scopes, a
// scheme with x-amazon-apigateway-authtype awsSigv4 being AWS_IAM;
// x-amazon-apigateway-cors the CORS configuration;
// x-amazon-apigateway-endpoint-configuration's disableExecuteApiEndpoint
// the API's; the root tags' x-amazon-apigateway-tag-value the tags. Each piece passes the checks
// of the operation that creates it, on an API built aside: an error, or
// a warning under failOnWarnings, keeps nothing. Warnings (in the
// answer): a route without integration, a scheme without authorizer, a
// REST-only extension ignored, an importexport version other than 1.0.
// ReimportApi replaces the definition (name, description, version, CORS,
// endpoint setting, routes, integrations, authorizers) keeping the id, stages, deployments
// and tags (the document's are added); autoDeploy stages redeploy.
// ExportApi writes OAS30 as JSON or YAML, the latest configuration or,
// with stageName, what the stage's deployment froze, with the extensions
// above unless includeExtensions is false (x-amazon-apigateway-any-method
// stays: OpenAPI has no ANY), x-amazon-apigateway-importexport-version
// 1.0, the server's basePath the stage's name; its export imports again
// to an equivalent API.
//
// Where HTTP APIs differ from AWS:
//
//   - No recording of apigatewayv2 exists (../shared/aws-recordings has
//     none): error codes and statuses follow the SDK's documented errors,
//     the messages' wording is the fake's own.
//   - A JWT issuer must be https, as on AWS, except that http on a
//     loopback address is accepted, so that a test's httptest.Server can
//     be the issuer. Issuer keys are cached for the Service's life and
//     fetched again when a token names an unknown key id. A 401 carries
//     no WWW-Authenticate header. Claims reach the event as strings
//     (numbers as integers, lists as "[a b]").
//   - AWS_IAM routes are decided as REST APIs' AWS_IAM methods are, on
//     the ARN {api}/{stage}/{METHOD}{path as requested}; unsigned or not
//     allowed is {"message":"Forbidden"} 403 (aws-cdk issue 21182 shows
//     it for a role without execute-api:Invoke), a signature failure 403
//     with the signature's message. The signer reaches payload 2.0's
//     requestContext.authorizer.iam (accessKey, accountId, callerId,
//     userArn, userId; cognitoIdentity and principalOrgId null) and 1.0's
//     requestContext.identity.
//   - A Lambda authorizer that fails or answers neither shape is 500; an
//     IAM answer is read as REST APIs read it (context values scalars).
//   - Without throttling settings a route is not throttled (AWS's
//     account-level 10,000 requests per second are not enforced).
//   - Lists page by maxResults and nextToken in id order (stage name;
//     deployments by creation); AWS does not document an order.
//   - Access logs, detailed metrics and logging levels are stored, not
//     written.
//   - GetModelTemplate answers the template's first line only.
//   - WebSocket APIs are stored with their routes, integrations and
//     responses, but not invoked: a request to one answers 501 with
//     {"message":"awsfake does not model invoking WebSocket APIs"}.
//   - Domain names, API mappings, routing rules, VPC links and portals are
//     not modelled: lists are empty, lookups NotFoundException, changes
//     BadRequestException naming the operation.
//   - OpenAPI import of HTTP APIs does not read tlsConfig, connectionId
//     (no VPC links) nor the AWS variables of import; an operation's
//     requestBody and parameters are ignored without the "info" AWS gives
//     (no importInfo is answered). A bad document is "Invalid OpenAPI input." as the REST
//     import's recording words it; the other messages are those of the
//     create operations. An inline integration is one route's own, and an
//     export writes each route's integration inline (no components'
//     x-amazon-apigateway-integrations).
//
// # IAM enforcement
//
// With awsfake.WithIAMEnforcement, every control-plane request is
// authorised by the action tables in wire_authz.go (Actions, HTTPActions:
// apigateway:<HTTP method> on arn:aws:apigateway:<region>::<path>, a v2 path
// without /v2), PutIntegration, CreateIntegration and CreateAuthorizer with
// a role asking iam:PassRole to apigateway.amazonaws.com; a refusal is
// AccessDeniedException (403). Invocations (execute-api:Invoke) are not
// authorised.
//
// # Plumbing for the root package
//
// New and Describe (the apigateway and execute-api signing names, both
// served by ServeHTTP) are what awsfake calls; cloud.APIGateway() returns
// the Service.
package apigw
