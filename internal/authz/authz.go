// Package authz is what IAM enforcement (awsfake.WithIAMEnforcement) asks
// of each service: the IAM action table (one Row per operation: action,
// resource type, condition keys, from AWS's Service Authorization
// Reference) and, for one request, the Asks it makes (action, resource
// ARN, the resource's policy, condition keys). The root package evaluates
// the Asks with internal/policy against the caller's identity and answers
// a refusal with the service's own AccessDenied error.
package authz

import (
	"encoding/json"
	"net/http"
	"net/url"
	"slices"
	"strings"

	"github.com/awsfake/awsfake/internal/policy"
	"github.com/awsfake/awsfake/internal/protocol"
)

// Row is one operation's line of a service's IAM action table.
type Row struct {
	// Action is the IAM action ("sqs:SendMessage").
	Action string
	// Resource is the resource type the action acts on, as the Service
	// Authorization Reference names it ("queue", "topic", "object",
	// "function", "role"); empty for an action that supports none
	// (Resource "*", like sqs:ListQueues).
	Resource string
	// Keys are the condition keys the operation sets beside the global ones
	// (aws:RequestTag/${TagKey}, aws:TagKeys, iam:PassedToService, ...).
	Keys []string
}

// Table is a service's IAM action table, by operation name.
type Table map[string]Row

// Ask is one authorisation a request needs: the caller may perform Action
// on Resource.
type Ask struct {
	Action string
	// Resource is the resource's ARN, "*" for an action without one.
	Resource string
	// Account is the resource's account; empty for the caller's own.
	Account string
	// Policy is the resource's resource-based policy (a queue's, a topic's,
	// a bucket's, a function's, a role's trust policy); nil when it has
	// none or the action's resource type cannot have one.
	Policy *policy.Document
	// Context holds the request's condition keys (aws:RequestTag/x,
	// aws:TagKeys, aws:SourceArn, ...), lower case.
	Context map[string][]string
	// Missing makes the request refused as Action on Resource whatever the
	// policies say (AssumeRole of a role that does not exist, which AWS
	// answers as not authorised).
	Missing bool
	// As, when set, is the principal (an IAM role's or user's ARN) the ask
	// is evaluated for instead of the caller: a service checking what a
	// role it will act as may do (Lambda's event source mappings).
	As string
	// Refusal, when set, is the service's answer to a refused ask instead
	// of its AccessDenied.
	Refusal error
}

// New returns an Ask of row's action on resource.
func (r Row) New(resource string) Ask {
	if resource == "" {
		resource = "*"
	}
	return Ask{Action: r.Action, Resource: resource}
}

// Form returns the Query parameters of r, from its URL and its form body,
// putting the body back for the service; nil when the body cannot be read
// (the service answers that itself).
func Form(r *http.Request) url.Values {
	body, err := protocol.PeekBody(r, protocol.DefaultBodyLimit)
	if err != nil {
		return nil
	}
	v, _ := url.ParseQuery(r.URL.RawQuery)
	if len(body) > 0 {
		bv, err := url.ParseQuery(string(body))
		if err != nil {
			return nil
		}
		if v == nil {
			return bv
		}
		for k, vals := range bv {
			v[k] = vals
		}
	}
	return v
}

// JSON decodes r's JSON body into v, putting the body back for the
// service; false when it cannot be read or decoded.
func JSON(r *http.Request, v any) bool {
	body, err := protocol.PeekBody(r, protocol.DefaultBodyLimit)
	if err != nil || len(body) == 0 {
		return err == nil
	}
	return json.Unmarshal(body, v) == nil
}

// Tagged adds the tag condition keys of a request that sets tags:
// aws:RequestTag/<key> for each tag and aws:TagKeys for their keys.
func (a *Ask) Tagged(tags map[string]string) {
	if len(tags) == 0 {
		return
	}
	if a.Context == nil {
		a.Context = make(map[string][]string, len(tags)+1)
	}
	keys := make([]string, 0, len(tags))
	for k, v := range tags {
		a.Context["aws:requesttag/"+strings.ToLower(k)] = []string{v}
		keys = append(keys, k)
	}
	slices.Sort(keys)
	a.Context["aws:tagkeys"] = keys
}

// TagKeys adds aws:TagKeys for a request that names tag keys (an untag).
func (a *Ask) TagKeys(keys []string) {
	if len(keys) == 0 {
		return
	}
	if a.Context == nil {
		a.Context = map[string][]string{}
	}
	a.Context["aws:tagkeys"] = keys
}
