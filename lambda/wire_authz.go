package lambda

import (
	"net/http"
	"strings"

	"github.com/awsfake/awsfake/internal/arn"
	"github.com/awsfake/awsfake/internal/authz"
	"github.com/awsfake/awsfake/internal/faults"
	"github.com/awsfake/awsfake/internal/policy"
	"github.com/awsfake/awsfake/internal/protocol"
)

// Resource types of Lambda's action table.
const (
	onFunction = "function"
	onMapping  = "eventSourceMapping"
	onLayer    = "layer"
	onVersion  = "layerVersion"
	onSigning  = "code signing config"
)

var (
	tagKeys      = []string{"aws:RequestTag/${TagKey}", "aws:TagKeys"}
	functionKeys = []string{"lambda:FunctionArn"}
)

// actionTable is Lambda's IAM action table, one row per operation, from
// the Service Authorization Reference ("Actions, resources, and condition
// keys for AWS Lambda"): Invoke and InvokeWithResponseStream are
// lambda:InvokeFunction, GetLayerVersionByArn lambda:GetLayerVersion; the
// list operations, the account settings and CreateEventSourceMapping
// (lambda:FunctionArn) support no resource type. The operations of the
// newest features (capacity providers, durable executions, resource
// policies), which the fake answers as unsupported, are their own action,
// on the function when the path names one, else on "*".
var actionTable = authz.Table{
	"AddLayerVersionPermission":              {Action: "lambda:AddLayerVersionPermission", Resource: onVersion},
	"AddPermission":                          {Action: "lambda:AddPermission", Resource: onFunction, Keys: []string{"lambda:Principal", "lambda:FunctionUrlAuthType"}},
	"CheckpointDurableExecution":             {Action: "lambda:CheckpointDurableExecution"},
	"CreateAlias":                            {Action: "lambda:CreateAlias", Resource: onFunction},
	"CreateCapacityProvider":                 {Action: "lambda:CreateCapacityProvider", Keys: tagKeys},
	"CreateCodeSigningConfig":                {Action: "lambda:CreateCodeSigningConfig", Keys: tagKeys},
	"CreateEventSourceMapping":               {Action: "lambda:CreateEventSourceMapping", Keys: append([]string{"lambda:FunctionArn"}, tagKeys...)},
	"CreateFunction":                         {Action: "lambda:CreateFunction", Resource: onFunction, Keys: append([]string{"lambda:Layer", "lambda:VpcIds"}, tagKeys...)},
	"CreateFunctionUrlConfig":                {Action: "lambda:CreateFunctionUrlConfig", Resource: onFunction, Keys: []string{"lambda:FunctionUrlAuthType"}},
	"DeleteAlias":                            {Action: "lambda:DeleteAlias", Resource: onFunction},
	"DeleteCapacityProvider":                 {Action: "lambda:DeleteCapacityProvider"},
	"DeleteCodeSigningConfig":                {Action: "lambda:DeleteCodeSigningConfig", Resource: onSigning},
	"DeleteEventSourceMapping":               {Action: "lambda:DeleteEventSourceMapping", Resource: onMapping, Keys: functionKeys},
	"DeleteFunction":                         {Action: "lambda:DeleteFunction", Resource: onFunction},
	"DeleteFunctionCodeSigningConfig":        {Action: "lambda:DeleteFunctionCodeSigningConfig", Resource: onFunction},
	"DeleteFunctionConcurrency":              {Action: "lambda:DeleteFunctionConcurrency", Resource: onFunction},
	"DeleteFunctionEventInvokeConfig":        {Action: "lambda:DeleteFunctionEventInvokeConfig", Resource: onFunction},
	"DeleteFunctionUrlConfig":                {Action: "lambda:DeleteFunctionUrlConfig", Resource: onFunction},
	"DeleteLayerVersion":                     {Action: "lambda:DeleteLayerVersion", Resource: onVersion},
	"DeleteProvisionedConcurrencyConfig":     {Action: "lambda:DeleteProvisionedConcurrencyConfig", Resource: onFunction},
	"DeleteResourcePolicy":                   {Action: "lambda:DeleteResourcePolicy"},
	"GetAccountSettings":                     {Action: "lambda:GetAccountSettings"},
	"GetAlias":                               {Action: "lambda:GetAlias", Resource: onFunction},
	"GetCapacityProvider":                    {Action: "lambda:GetCapacityProvider"},
	"GetCodeSigningConfig":                   {Action: "lambda:GetCodeSigningConfig", Resource: onSigning},
	"GetDurableExecution":                    {Action: "lambda:GetDurableExecution"},
	"GetDurableExecutionHistory":             {Action: "lambda:GetDurableExecutionHistory"},
	"GetDurableExecutionState":               {Action: "lambda:GetDurableExecutionState"},
	"GetEventSourceMapping":                  {Action: "lambda:GetEventSourceMapping", Resource: onMapping, Keys: functionKeys},
	"GetFunction":                            {Action: "lambda:GetFunction", Resource: onFunction},
	"GetFunctionCodeSigningConfig":           {Action: "lambda:GetFunctionCodeSigningConfig", Resource: onFunction},
	"GetFunctionConcurrency":                 {Action: "lambda:GetFunctionConcurrency", Resource: onFunction},
	"GetFunctionConfiguration":               {Action: "lambda:GetFunctionConfiguration", Resource: onFunction},
	"GetFunctionEventInvokeConfig":           {Action: "lambda:GetFunctionEventInvokeConfig", Resource: onFunction},
	"GetFunctionRecursionConfig":             {Action: "lambda:GetFunctionRecursionConfig", Resource: onFunction},
	"GetFunctionScalingConfig":               {Action: "lambda:GetFunctionScalingConfig", Resource: onFunction},
	"GetFunctionUrlConfig":                   {Action: "lambda:GetFunctionUrlConfig", Resource: onFunction},
	"GetLayerVersion":                        {Action: "lambda:GetLayerVersion", Resource: onVersion},
	"GetLayerVersionByArn":                   {Action: "lambda:GetLayerVersion", Resource: onVersion},
	"GetLayerVersionPolicy":                  {Action: "lambda:GetLayerVersionPolicy", Resource: onVersion},
	"GetPolicy":                              {Action: "lambda:GetPolicy", Resource: onFunction},
	"GetProvisionedConcurrencyConfig":        {Action: "lambda:GetProvisionedConcurrencyConfig", Resource: onFunction},
	"GetResourcePolicy":                      {Action: "lambda:GetResourcePolicy"},
	"GetRuntimeManagementConfig":             {Action: "lambda:GetRuntimeManagementConfig", Resource: onFunction},
	"Invoke":                                 {Action: "lambda:InvokeFunction", Resource: onFunction},
	"InvokeAsync":                            {Action: "lambda:InvokeAsync", Resource: onFunction},
	"InvokeWithResponseStream":               {Action: "lambda:InvokeFunction", Resource: onFunction},
	"ListAliases":                            {Action: "lambda:ListAliases", Resource: onFunction},
	"ListCapacityProviders":                  {Action: "lambda:ListCapacityProviders"},
	"ListCodeSigningConfigs":                 {Action: "lambda:ListCodeSigningConfigs"},
	"ListDurableExecutionsByFunction":        {Action: "lambda:ListDurableExecutionsByFunction", Resource: onFunction},
	"ListEventSourceMappings":                {Action: "lambda:ListEventSourceMappings"},
	"ListFunctionEventInvokeConfigs":         {Action: "lambda:ListFunctionEventInvokeConfigs", Resource: onFunction},
	"ListFunctionUrlConfigs":                 {Action: "lambda:ListFunctionUrlConfigs", Resource: onFunction},
	"ListFunctionVersionsByCapacityProvider": {Action: "lambda:ListFunctionVersionsByCapacityProvider"},
	"ListFunctions":                          {Action: "lambda:ListFunctions"},
	"ListFunctionsByCodeSigningConfig":       {Action: "lambda:ListFunctionsByCodeSigningConfig", Resource: onSigning},
	"ListLayerVersions":                      {Action: "lambda:ListLayerVersions"},
	"ListLayers":                             {Action: "lambda:ListLayers"},
	"ListProvisionedConcurrencyConfigs":      {Action: "lambda:ListProvisionedConcurrencyConfigs", Resource: onFunction},
	"ListTags":                               {Action: "lambda:ListTags", Resource: onFunction},
	"ListVersionsByFunction":                 {Action: "lambda:ListVersionsByFunction", Resource: onFunction},
	"PublishLayerVersion":                    {Action: "lambda:PublishLayerVersion", Resource: onLayer},
	"PublishVersion":                         {Action: "lambda:PublishVersion", Resource: onFunction},
	"PutFunctionCodeSigningConfig":           {Action: "lambda:PutFunctionCodeSigningConfig", Resource: onFunction, Keys: []string{"lambda:CodeSigningConfigArn"}},
	"PutFunctionConcurrency":                 {Action: "lambda:PutFunctionConcurrency", Resource: onFunction},
	"PutFunctionEventInvokeConfig":           {Action: "lambda:PutFunctionEventInvokeConfig", Resource: onFunction},
	"PutFunctionRecursionConfig":             {Action: "lambda:PutFunctionRecursionConfig", Resource: onFunction},
	"PutFunctionScalingConfig":               {Action: "lambda:PutFunctionScalingConfig", Resource: onFunction},
	"PutProvisionedConcurrencyConfig":        {Action: "lambda:PutProvisionedConcurrencyConfig", Resource: onFunction},
	"PutResourcePolicy":                      {Action: "lambda:PutResourcePolicy"},
	"PutRuntimeManagementConfig":             {Action: "lambda:PutRuntimeManagementConfig", Resource: onFunction},
	"RemoveLayerVersionPermission":           {Action: "lambda:RemoveLayerVersionPermission", Resource: onVersion},
	"RemovePermission":                       {Action: "lambda:RemovePermission", Resource: onFunction, Keys: []string{"lambda:Principal", "lambda:FunctionUrlAuthType"}},
	"SendDurableExecutionCallbackFailure":    {Action: "lambda:SendDurableExecutionCallbackFailure"},
	"SendDurableExecutionCallbackHeartbeat":  {Action: "lambda:SendDurableExecutionCallbackHeartbeat"},
	"SendDurableExecutionCallbackSuccess":    {Action: "lambda:SendDurableExecutionCallbackSuccess"},
	"StopDurableExecution":                   {Action: "lambda:StopDurableExecution"},
	"TagResource":                            {Action: "lambda:TagResource", Resource: onFunction, Keys: tagKeys},
	"UntagResource":                          {Action: "lambda:UntagResource", Resource: onFunction, Keys: []string{"aws:TagKeys"}},
	"UpdateAlias":                            {Action: "lambda:UpdateAlias", Resource: onFunction},
	"UpdateCapacityProvider":                 {Action: "lambda:UpdateCapacityProvider"},
	"UpdateCodeSigningConfig":                {Action: "lambda:UpdateCodeSigningConfig", Resource: onSigning},
	"UpdateEventSourceMapping":               {Action: "lambda:UpdateEventSourceMapping", Resource: onMapping, Keys: functionKeys},
	"UpdateFunctionCode":                     {Action: "lambda:UpdateFunctionCode", Resource: onFunction},
	"UpdateFunctionConfiguration":            {Action: "lambda:UpdateFunctionConfiguration", Resource: onFunction, Keys: []string{"lambda:Layer", "lambda:VpcIds"}},
	"UpdateFunctionEventInvokeConfig":        {Action: "lambda:UpdateFunctionEventInvokeConfig", Resource: onFunction},
	"UpdateFunctionUrlConfig":                {Action: "lambda:UpdateFunctionUrlConfig", Resource: onFunction, Keys: []string{"lambda:FunctionUrlAuthType"}},
}

// Actions returns Lambda's IAM action table, by operation. Plumbing for
// the root package.
func Actions() authz.Table { return actionTable }

// RoleSource is where Lambda reads execution roles, with enforcement on:
// IAM.
type RoleSource interface {
	// TrustPolicy returns the role's trust policy; ok is false when the
	// role does not exist.
	TrustPolicy(roleARN string) (doc policy.Document, ok bool)
}

// SetRoleSource tells Lambda where the roles are, so that with enforcement
// on CreateFunction and UpdateFunctionConfiguration refuse a role Lambda
// cannot assume. Plumbing for the root package.
func (s *Service) SetRoleSource(r RoleSource) { s.roles = r }

// asked is the part of a request body that authorisation reads.
type asked struct {
	FunctionName, Role, EventSourceArn string
	Tags                               map[string]string
}

// Authorization returns what the request r, in scope sc, asks: its action
// on its function (with the function's policy), layer, event source
// mapping or code signing config; for CreateFunction and
// UpdateFunctionConfiguration with a role, iam:PassRole on the role too,
// the role refused with AWS's InvalidParameterValueException when Lambda
// cannot assume it. Plumbing for the root package.
func (s *Service) Authorization(r *http.Request, sc faults.Scope) ([]authz.Ask, error) {
	query := r.URL.Query()
	rt, labels, _ := routes.Match(r.Method, protocol.Segments(r), query, r.Header)
	if rt == nil {
		return nil, nil
	}
	row := actionTable[rt.Name]
	var in asked
	if rt.Name == "CreateFunction" || rt.Name == "UpdateFunctionConfiguration" || rt.Name == "TagResource" || rt.Name == "CreateEventSourceMapping" {
		if !authz.JSON(r, &in) {
			return nil, nil
		}
	}
	if in.FunctionName == "" {
		in.FunctionName = labels["FunctionName"]
	}
	ask := row.New(s.askedResource(sc, row.Resource, labels, in.FunctionName, query.Get("Qualifier")))
	if a, err := arn.Parse(ask.Resource); err == nil {
		ask.Account = a.Account
		if row.Resource == onFunction {
			ask.Policy = s.functionDoc(sc, ask.Resource)
		}
	}
	switch rt.Name {
	case "CreateFunction", "TagResource":
		ask.Tagged(in.Tags)
	case "UntagResource":
		ask.TagKeys(query["tagKeys"])
	case "CreateEventSourceMapping":
		ask.Context = map[string][]string{"lambda:functionarn": {s.functionARN(sc, in.FunctionName, "")}}
	}
	asks := []authz.Ask{ask}
	if rt.Name == "CreateEventSourceMapping" {
		asks = append(asks, s.pollerAsks(sc, in.FunctionName, in.EventSourceArn)...)
	}
	if in.Role != "" && (rt.Name == "CreateFunction" || rt.Name == "UpdateFunctionConfiguration") {
		if err := s.assumable(in.Role); err != nil {
			return nil, err
		}
		pass := authz.Ask{Action: "iam:PassRole", Resource: in.Role,
			Context: map[string][]string{"iam:passedtoservice": {"lambda.amazonaws.com"}}}
		asks = append(asks, pass)
	}
	return asks, nil
}

// pollerActions are what a mapping's execution role needs of an SQS
// queue, in the order Lambda checks them.
var pollerActions = []string{"ReceiveMessage", "DeleteMessage", "GetQueueAttributes"}

// pollerAsks are what CreateEventSourceMapping asks of the function's
// execution role for an SQS queue: sqs:ReceiveMessage, sqs:DeleteMessage
// and sqs:GetQueueAttributes on the queue, each refused with AWS's
// InvalidParameterValueException ("The provided execution role does not
// have permissions to call ReceiveMessage on SQS").
func (s *Service) pollerAsks(sc faults.Scope, function, source string) []authz.Ask {
	a, err := arn.Parse(source)
	if err != nil || a.Service != "sqs" || s.roles == nil {
		return nil
	}
	r, err := s.parseRef(sc, "functionName", function, "")
	if err != nil {
		return nil
	}
	s.mu.Lock()
	f, err := s.lookupLocked(r)
	role := ""
	if err == nil {
		role = f.latest.cfg.Role
	}
	s.mu.Unlock()
	if role == "" {
		return nil
	}
	asks := make([]authz.Ask, len(pollerActions))
	for i, op := range pollerActions {
		asks[i] = authz.Ask{Action: "sqs:" + op, Resource: source, Account: a.Account, As: role,
			Refusal: errInvalid("The provided execution role does not have permissions to call %s on SQS", op)}
	}
	return asks
}

// askedResource is the ARN of the resource a request names, "" for none.
func (s *Service) askedResource(sc faults.Scope, kind string, labels protocol.Labels, function, qualifier string) string {
	p := placeOf(sc)
	switch kind {
	case onFunction:
		if res := labels["Resource"]; res != "" {
			return res
		}
		return s.functionARN(sc, function, qualifier)
	case onMapping:
		return p.arn("event-source-mapping:" + labels["UUID"])
	case onLayer:
		return p.arn("layer:" + labels["LayerName"])
	case onVersion:
		if a := labels["Arn"]; a != "" {
			return a
		}
		return p.arn("layer:" + labels["LayerName"] + ":" + labels["VersionNumber"])
	case onSigning:
		return labels["Arn"]
	}
	return ""
}

// functionARN is the ARN a FunctionName member names, "" when it names
// none.
func (s *Service) functionARN(sc faults.Scope, name, qualifier string) string {
	if name == "" {
		return ""
	}
	r, err := s.parseRef(sc, "functionName", name, qualifier)
	if err != nil {
		return ""
	}
	return r.arn()
}

// functionDoc is the resource-based policy of the function functionARN
// (unqualified: the function's), nil when it has none.
func (s *Service) functionDoc(sc faults.Scope, functionARN string) *policy.Document {
	a, _ := arn.Parse(functionARN)
	name := strings.TrimPrefix(a.Resource, "function:")
	name, _, _ = strings.Cut(name, ":")
	s.mu.Lock()
	defer s.mu.Unlock()
	f, err := s.lookupLocked(ref{at: place{a.Partition, a.Account, a.Region}, name: name})
	if err != nil || len(f.policy) == 0 {
		return nil
	}
	doc := policy.Document{Version: "2012-10-17", ID: "default", Statement: make([]policy.Statement, 0, len(f.policy))}
	for _, st := range f.policy {
		doc.Statement = append(doc.Statement, st.document())
	}
	return &doc
}

// assumable refuses, as CreateFunction does, a role that Lambda cannot
// assume: one that does not exist, or whose trust policy does not allow
// lambda.amazonaws.com sts:AssumeRole.
func (s *Service) assumable(role string) error {
	if s.roles == nil || !roleARN.MatchString(role) {
		return nil // the operation answers its validation error
	}
	doc, ok := s.roles.TrustPolicy(role)
	if ok {
		req := policy.Request{Caller: policy.Caller{Service: "lambda.amazonaws.com"}, Action: "sts:AssumeRole", Resource: role}
		ok = policy.Evaluate(req, policy.Policies{Resource: &doc}).Decision == policy.Allowed
	}
	if !ok {
		return errInvalid("The role defined for the function cannot be assumed by Lambda.")
	}
	return nil
}

// AccessDenied is Lambda's refusal of an unauthorised request:
// AccessDeniedException, 403, with message. Plumbing for the root package.
func (s *Service) AccessDenied(message string) error { return errAccessDenied("%s", message) }

// ExecutionRole returns the execution role of the function functionARN
// (qualified or not: its $LATEST role), which Lambda acts as to send to a
// function's destinations and dead-letter queue; ok is false when the
// function does not exist. Plumbing for the root package.
func (s *Service) ExecutionRole(functionARN string) (role string, ok bool) {
	a, err := arn.Parse(functionARN)
	if err != nil {
		return "", false
	}
	name, _, _ := strings.Cut(strings.TrimPrefix(a.Resource, "function:"), ":")
	s.mu.Lock()
	defer s.mu.Unlock()
	f, err := s.lookupLocked(ref{at: place{a.Partition, a.Account, a.Region}, name: name})
	if err != nil {
		return "", false
	}
	return f.latest.cfg.Role, true
}
