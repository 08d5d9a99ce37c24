package eventbridge

import (
	"cmp"
	"maps"
	"net/http"
	"strings"

	"github.com/awsfake/awsfake/internal/arn"
	"github.com/awsfake/awsfake/internal/authz"
	"github.com/awsfake/awsfake/internal/awserr"
	"github.com/awsfake/awsfake/internal/faults"
	"github.com/awsfake/awsfake/internal/protocol"
)

// Resource types of EventBridge's action table.
const (
	onDestination = "api-destination"
	onArchive     = "archive"
	onConnection  = "connection"
	onEndpoint    = "endpoint"
	onBus         = "event-bus"
	onSource      = "event-source"
	onReplay      = "replay"
	onRule        = "rule-on-default-event-bus"
)

var (
	tagKeys   = []string{"aws:RequestTag/${TagKey}", "aws:TagKeys"}
	ruleKeys  = []string{"events:creatorAccount"}
	eventKeys = []string{"events:detail-type", "events:source", "events:eventBusInvocation"}
)

// eventsActions is EventBridge's IAM action table, one row per operation,
// from the Service Authorization Reference ("Actions, resources, and
// condition keys for Amazon EventBridge"): each operation is its own
// events: action on the bus, rule (rule/<name> on the default bus,
// rule/<bus>/<name> on another), archive, replay, connection, API
// destination, endpoint or event source it names; the list operations of
// the account's resources, PutPartnerEvents and TestEventPattern support
// no resource type. PutTargets with a target's RoleArn also asks
// iam:PassRole of each role.
var eventsActions = authz.Table{
	"ActivateEventSource":            {Action: "events:ActivateEventSource", Resource: onSource},
	"CancelReplay":                   {Action: "events:CancelReplay", Resource: onReplay},
	"CreateApiDestination":           {Action: "events:CreateApiDestination", Resource: onDestination},
	"CreateArchive":                  {Action: "events:CreateArchive", Resource: onArchive},
	"CreateConnection":               {Action: "events:CreateConnection", Resource: onConnection, Keys: tagKeys},
	"CreateEndpoint":                 {Action: "events:CreateEndpoint", Resource: onEndpoint},
	"CreateEventBus":                 {Action: "events:CreateEventBus", Resource: onBus, Keys: tagKeys},
	"CreatePartnerEventSource":       {Action: "events:CreatePartnerEventSource", Resource: onSource},
	"DeactivateEventSource":          {Action: "events:DeactivateEventSource", Resource: onSource},
	"DeauthorizeConnection":          {Action: "events:DeauthorizeConnection", Resource: onConnection},
	"DeleteApiDestination":           {Action: "events:DeleteApiDestination", Resource: onDestination},
	"DeleteArchive":                  {Action: "events:DeleteArchive", Resource: onArchive},
	"DeleteConnection":               {Action: "events:DeleteConnection", Resource: onConnection},
	"DeleteEndpoint":                 {Action: "events:DeleteEndpoint", Resource: onEndpoint},
	"DeleteEventBus":                 {Action: "events:DeleteEventBus", Resource: onBus},
	"DeletePartnerEventSource":       {Action: "events:DeletePartnerEventSource", Resource: onSource},
	"DeleteRule":                     {Action: "events:DeleteRule", Resource: onRule, Keys: ruleKeys},
	"DescribeApiDestination":         {Action: "events:DescribeApiDestination", Resource: onDestination},
	"DescribeArchive":                {Action: "events:DescribeArchive", Resource: onArchive},
	"DescribeConnection":             {Action: "events:DescribeConnection", Resource: onConnection},
	"DescribeEndpoint":               {Action: "events:DescribeEndpoint", Resource: onEndpoint},
	"DescribeEventBus":               {Action: "events:DescribeEventBus", Resource: onBus},
	"DescribeEventSource":            {Action: "events:DescribeEventSource", Resource: onSource},
	"DescribePartnerEventSource":     {Action: "events:DescribePartnerEventSource", Resource: onSource},
	"DescribeReplay":                 {Action: "events:DescribeReplay", Resource: onReplay},
	"DescribeRule":                   {Action: "events:DescribeRule", Resource: onRule, Keys: ruleKeys},
	"DisableRule":                    {Action: "events:DisableRule", Resource: onRule, Keys: ruleKeys},
	"EnableRule":                     {Action: "events:EnableRule", Resource: onRule, Keys: ruleKeys},
	"ListApiDestinations":            {Action: "events:ListApiDestinations"},
	"ListArchives":                   {Action: "events:ListArchives"},
	"ListConnections":                {Action: "events:ListConnections"},
	"ListEndpoints":                  {Action: "events:ListEndpoints"},
	"ListEventBuses":                 {Action: "events:ListEventBuses"},
	"ListEventSources":               {Action: "events:ListEventSources"},
	"ListPartnerEventSourceAccounts": {Action: "events:ListPartnerEventSourceAccounts", Resource: onSource},
	"ListPartnerEventSources":        {Action: "events:ListPartnerEventSources"},
	"ListReplays":                    {Action: "events:ListReplays"},
	"ListRuleNamesByTarget":          {Action: "events:ListRuleNamesByTarget", Resource: onRule},
	"ListRules":                      {Action: "events:ListRules", Resource: onRule},
	"ListTagsForResource":            {Action: "events:ListTagsForResource", Resource: onRule},
	"ListTargetsByRule":              {Action: "events:ListTargetsByRule", Resource: onRule, Keys: ruleKeys},
	"PutEvents":                      {Action: "events:PutEvents", Resource: onBus, Keys: eventKeys},
	"PutPartnerEvents":               {Action: "events:PutPartnerEvents"},
	"PutPermission":                  {Action: "events:PutPermission", Resource: onBus},
	"PutRule":                        {Action: "events:PutRule", Resource: onRule, Keys: append([]string{"events:detail-type", "events:source", "events:creatorAccount"}, tagKeys...)},
	"PutTargets":                     {Action: "events:PutTargets", Resource: onRule, Keys: []string{"events:TargetArn", "events:creatorAccount"}},
	"RemovePermission":               {Action: "events:RemovePermission", Resource: onBus},
	"RemoveTargets":                  {Action: "events:RemoveTargets", Resource: onRule, Keys: ruleKeys},
	"StartReplay":                    {Action: "events:StartReplay", Resource: onReplay},
	"TagResource":                    {Action: "events:TagResource", Resource: onRule, Keys: tagKeys},
	"TestEventPattern":               {Action: "events:TestEventPattern"},
	"UntagResource":                  {Action: "events:UntagResource", Resource: onRule, Keys: []string{"aws:TagKeys"}},
	"UpdateApiDestination":           {Action: "events:UpdateApiDestination", Resource: onDestination},
	"UpdateArchive":                  {Action: "events:UpdateArchive", Resource: onArchive},
	"UpdateConnection":               {Action: "events:UpdateConnection", Resource: onConnection},
	"UpdateEndpoint":                 {Action: "events:UpdateEndpoint", Resource: onEndpoint},
	"UpdateEventBus":                 {Action: "events:UpdateEventBus", Resource: onBus},
}

// Actions returns EventBridge's IAM action table, by operation; Scheduler's
// is SchedulerActions. Plumbing for the root package.
func Actions() authz.Table { return eventsActions }

// askedEvents is the part of an EventBridge request body that
// authorisation reads.
type askedEvents struct {
	Name, EventBusName, Rule, ResourceARN, ReplayName, ArchiveName, EventSourceName string
	Tags                                                                            []Tag
	TagKeys                                                                         []string
	Targets                                                                         []struct{ Arn, RoleArn string }
	Entries                                                                         []struct{ EventBusName, Source, DetailType string }
}

// Authorization returns what the request r, in scope sc, asks: an
// EventBridge request (by X-Amz-Target) its action on the resource it
// names (with its tags as aws:ResourceTag/<key>), a PutEvents one ask per bus and event source, a PutTargets with
// roles iam:PassRole of each for events.amazonaws.com; a Scheduler request
// (schedulerAuthorization). A body that cannot be read asks nothing: the
// operation answers it. Plumbing for the root package.
func (s *Service) Authorization(r *http.Request, sc faults.Scope) ([]authz.Ask, error) {
	if !protocol.HasTarget(r) {
		return s.schedulerAuthorization(r, sc), nil
	}
	op := jsonTargets.Operation(r)
	row, found := eventsActions[op]
	if !found {
		return nil, nil
	}
	var in askedEvents
	if !authz.JSON(r, &in) {
		return nil, nil
	}
	if op == "PutEvents" {
		return putEventsAsks(sc, row, in), nil
	}
	ask := row.New(eventsResource(sc, op, row.Resource, in))
	if a, err := arn.Parse(ask.Resource); err == nil {
		ask.Account = a.Account
		ask.ResourceTagged(s.resourceTags(ask.Resource))
	}
	switch op {
	case "CreateConnection", "CreateEventBus", "PutRule", "TagResource":
		ask.Tagged(tagMap(in.Tags))
	case "UntagResource":
		ask.TagKeys(in.TagKeys)
	}
	asks := []authz.Ask{ask}
	if op == "PutTargets" {
		for _, t := range in.Targets {
			if t.RoleArn != "" {
				asks = append(asks, passRole(t.RoleArn, "events.amazonaws.com"))
			}
		}
	}
	return asks, nil
}

// resourceTags are the tags of the bus, rule or schedule group resource.
func (s *Service) resourceTags(resource string) map[string]string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return maps.Clone(s.tags[resource])
}

// putEventsAsks is one events:PutEvents ask per entry's bus, source and
// detail type (the same ones once).
func putEventsAsks(sc faults.Scope, row authz.Row, in askedEvents) []authz.Ask {
	var asks []authz.Ask
	seen := map[[3]string]bool{}
	for _, e := range in.Entries {
		key := [3]string{e.EventBusName, e.Source, e.DetailType}
		if seen[key] {
			continue
		}
		seen[key] = true
		ask := row.New(busARN(sc, e.EventBusName))
		if a, err := arn.Parse(ask.Resource); err == nil {
			ask.Account = a.Account
		}
		ask.Context = map[string][]string{"events:source": {e.Source}, "events:detail-type": {e.DetailType}}
		asks = append(asks, ask)
	}
	if len(asks) == 0 { // no entry: the operation answers it, still asked on the default bus
		asks = append(asks, row.New(busARN(sc, "")))
	}
	return asks
}

// eventsResource is the ARN of the resource an EventBridge request names,
// "" for none.
func eventsResource(sc faults.Scope, op, kind string, in askedEvents) string {
	if in.ResourceARN != "" {
		return in.ResourceARN
	}
	switch kind {
	case onBus:
		if op == "CreateEventBus" || op == "DescribeEventBus" || op == "DeleteEventBus" || op == "UpdateEventBus" {
			if in.Name == "" && op != "DescribeEventBus" && op != "UpdateEventBus" {
				return ""
			}
			return busARN(sc, in.Name)
		}
		return busARN(sc, in.EventBusName)
	case onRule:
		name := in.Name
		if name == "" {
			name = in.Rule
		}
		if name == "" {
			return ""
		}
		bus := nameOf(in.EventBusName)
		if bus == "" || bus == defaultBus {
			return sc.ARN(arnService, "rule/"+name)
		}
		return sc.ARN(arnService, "rule/"+bus+"/"+name)
	case onReplay:
		return resourceNamed(sc, "replay/", cmp.Or(in.ReplayName, in.Name))
	case onArchive:
		return resourceNamed(sc, "archive/", cmp.Or(in.ArchiveName, in.Name))
	case onSource:
		return resourceNamed(sc, "event-source/", cmp.Or(in.EventSourceName, in.Name))
	case onConnection:
		return resourceNamed(sc, "connection/", in.Name)
	case onDestination:
		return resourceNamed(sc, "api-destination/", in.Name)
	case onEndpoint:
		return resourceNamed(sc, "endpoint/", in.Name)
	}
	return ""
}

// busARN is the ARN of the bus a request names by name or ARN, the
// default bus for none.
func busARN(sc faults.Scope, bus string) string {
	if strings.HasPrefix(bus, "arn:") {
		return bus
	}
	if bus == "" {
		bus = defaultBus
	}
	return sc.ARN(arnService, "event-bus/"+bus)
}

// nameOf is the bus name of a name or bus ARN.
func nameOf(bus string) string {
	if a, ok := parseARN(bus); ok {
		return strings.TrimPrefix(a.Resource, "event-bus/")
	}
	return bus
}

func resourceNamed(sc faults.Scope, kind, name string) string {
	if name == "" {
		return ""
	}
	return sc.ARN(arnService, kind+name)
}

func tagMap(tags []Tag) map[string]string {
	m := make(map[string]string, len(tags))
	for _, t := range tags {
		m[t.Key] = t.Value
	}
	return m
}

// passRole is iam:PassRole of role to the service principal service.
func passRole(role, service string) authz.Ask {
	return authz.Ask{Action: "iam:PassRole", Resource: role, Context: map[string][]string{"iam:passedtoservice": {service}}}
}

// AccessDenied is EventBridge's and Scheduler's refusal of an unauthorised
// request: AccessDeniedException with message (400 for EventBridge; a
// Scheduler request's is written as 403 by WriteError). Plumbing for the
// root package.
func (s *Service) AccessDenied(message string) error {
	return newError("AccessDeniedException", "%s", message)
}

// WriteError writes err as the client of r reads it: EventBridge's AWS
// JSON 1.1 for a request with X-Amz-Target, else Scheduler's restJson1,
// where AccessDeniedException is a 403 (Scheduler API Reference, "Common
// Errors"). Plumbing for the root package.
func (s *Service) WriteError(w http.ResponseWriter, r *http.Request, err error) {
	if protocol.HasTarget(r) {
		jsonProto.WriteError(w, r, err)
		return
	}
	e := *awserr.As(err)
	if e.Code == "AccessDeniedException" {
		e.Status = http.StatusForbidden
	}
	restProto.WriteError(w, r, &e)
}
