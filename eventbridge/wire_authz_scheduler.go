package eventbridge

import (
	"net/http"

	"github.com/awsfake/awsfake/internal/arn"
	"github.com/awsfake/awsfake/internal/authz"
	"github.com/awsfake/awsfake/internal/faults"
	"github.com/awsfake/awsfake/internal/protocol"
)

// Resource types of Scheduler's action table.
const (
	onSchedule = "schedule"
	onGroup    = "schedule-group"
)

// schedulerActions is EventBridge Scheduler's IAM action table, one row per
// operation, from the Service Authorization Reference ("Actions,
// resources, and condition keys for Amazon EventBridge Scheduler"): each
// operation is its own scheduler: action on the schedule
// (schedule/<group>/<name>) or schedule group it names; the two list
// operations support no resource type. CreateSchedule and UpdateSchedule
// also ask iam:PassRole of the target's role.
var schedulerActions = authz.Table{
	"CreateSchedule":      {Action: "scheduler:CreateSchedule", Resource: onSchedule},
	"CreateScheduleGroup": {Action: "scheduler:CreateScheduleGroup", Resource: onGroup, Keys: tagKeys},
	"DeleteSchedule":      {Action: "scheduler:DeleteSchedule", Resource: onSchedule},
	"DeleteScheduleGroup": {Action: "scheduler:DeleteScheduleGroup", Resource: onGroup},
	"GetSchedule":         {Action: "scheduler:GetSchedule", Resource: onSchedule},
	"GetScheduleGroup":    {Action: "scheduler:GetScheduleGroup", Resource: onGroup},
	"ListScheduleGroups":  {Action: "scheduler:ListScheduleGroups"},
	"ListSchedules":       {Action: "scheduler:ListSchedules"},
	"ListTagsForResource": {Action: "scheduler:ListTagsForResource", Resource: onGroup},
	"TagResource":         {Action: "scheduler:TagResource", Resource: onGroup, Keys: tagKeys},
	"UntagResource":       {Action: "scheduler:UntagResource", Resource: onGroup, Keys: []string{"aws:TagKeys"}},
	"UpdateSchedule":      {Action: "scheduler:UpdateSchedule", Resource: onSchedule},
}

// SchedulerActions returns EventBridge Scheduler's IAM action table, by
// operation. Plumbing for the root package.
func SchedulerActions() authz.Table { return schedulerActions }

// askedSchedule is the part of a Scheduler request body that authorisation
// reads.
type askedSchedule struct {
	GroupName string
	Target    struct{ RoleArn string }
	Tags      []Tag
}

// schedulerAuthorization is what the Scheduler request r asks: its action
// on the schedule or group its path names (with a group's tags as
// aws:ResourceTag/<key>), with iam:PassRole of the
// target's role (to scheduler.amazonaws.com) for CreateSchedule and
// UpdateSchedule; none for a request Scheduler does not serve or whose
// body cannot be read.
func (s *Service) schedulerAuthorization(r *http.Request, sc faults.Scope) []authz.Ask {
	query := r.URL.Query()
	rt, labels, _ := schedRoutes.Match(r.Method, protocol.Segments(r), query, r.Header)
	if rt == nil {
		return nil
	}
	row := schedulerActions[rt.Name]
	var in askedSchedule
	if r.Method == http.MethodPost || r.Method == http.MethodPut {
		if !authz.JSON(r, &in) {
			return nil
		}
	}
	var resource string
	switch {
	case labels["ResourceArn"] != "":
		resource = labels["ResourceArn"]
	case row.Resource == onSchedule:
		group := in.GroupName
		if group == "" {
			group = query.Get("groupName")
		}
		if group == "" {
			group = defaultBus
		}
		resource = sc.ARN(arnScheduler, "schedule/"+group+"/"+labels["Name"])
	case row.Resource == onGroup:
		resource = sc.ARN(arnScheduler, "schedule-group/"+labels["Name"])
	}
	ask := row.New(resource)
	if a, err := arn.Parse(ask.Resource); err == nil {
		ask.Account = a.Account
		ask.ResourceTagged(s.resourceTags(ask.Resource))
	}
	switch rt.Name {
	case "CreateScheduleGroup", "TagResource":
		ask.Tagged(tagMap(in.Tags))
	case "UntagResource":
		ask.TagKeys(query["TagKeys"])
	}
	asks := []authz.Ask{ask}
	if role := in.Target.RoleArn; role != "" && (rt.Name == "CreateSchedule" || rt.Name == "UpdateSchedule") {
		asks = append(asks, passRole(role, "scheduler.amazonaws.com"))
	}
	return asks
}
