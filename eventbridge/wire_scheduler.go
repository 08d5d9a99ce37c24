package eventbridge

import (
	"context"
	"net/http"
	"net/url"
	"strconv"

	"github.com/awsfake/awsfake/internal/protocol"
)

// restProto is Scheduler's restJson1 dialect.
var restProto = protocol.JSON{ContentType: "application/json"}

// schedCall is one Scheduler request being served.
type schedCall struct {
	w      http.ResponseWriter
	r      *http.Request
	labels protocol.Labels
	query  url.Values
}

type schedHandler func(s *Service, c *schedCall) error

// schedRoutes is Scheduler's wire table.
var schedRoutes = protocol.NewRoutes(
	protocol.Route[schedHandler]{Method: "POST", Path: "/schedules/{Name}", Name: "CreateSchedule",
		Handler: schedOp(func(c *schedCall, in *ScheduleDefinition) { in.Name = c.labels["Name"] }, (*Service).CreateSchedule)},
	protocol.Route[schedHandler]{Method: "PUT", Path: "/schedules/{Name}", Name: "UpdateSchedule",
		Handler: schedOp(func(c *schedCall, in *ScheduleDefinition) { in.Name = c.labels["Name"] }, (*Service).UpdateSchedule)},
	protocol.Route[schedHandler]{Method: "GET", Path: "/schedules/{Name}", Name: "GetSchedule",
		Handler: schedOp(bindSchedule, (*Service).GetSchedule)},
	protocol.Route[schedHandler]{Method: "DELETE", Path: "/schedules/{Name}", Name: "DeleteSchedule",
		Handler: schedOp(bindSchedule, noOutput((*Service).DeleteSchedule))},
	protocol.Route[schedHandler]{Method: "GET", Path: "/schedules", Name: "ListSchedules",
		Handler: schedOp(func(c *schedCall, in *ListSchedulesInput) {
			in.GroupName, in.NamePrefix, in.State, in.NextToken = c.q("ScheduleGroup"), c.q("NamePrefix"), c.q("State"), c.q("NextToken")
			in.MaxResults = c.int32("MaxResults")
		}, (*Service).ListSchedules)},
	protocol.Route[schedHandler]{Method: "POST", Path: "/schedule-groups/{Name}", Name: "CreateScheduleGroup",
		Handler: schedOp(func(c *schedCall, in *CreateScheduleGroupInput) { in.Name = c.labels["Name"] }, (*Service).CreateScheduleGroup)},
	protocol.Route[schedHandler]{Method: "GET", Path: "/schedule-groups/{Name}", Name: "GetScheduleGroup",
		Handler: schedOp(bindGroup, (*Service).GetScheduleGroup)},
	protocol.Route[schedHandler]{Method: "DELETE", Path: "/schedule-groups/{Name}", Name: "DeleteScheduleGroup",
		Handler: schedOp(bindGroup, noOutput((*Service).DeleteScheduleGroup))},
	protocol.Route[schedHandler]{Method: "GET", Path: "/schedule-groups", Name: "ListScheduleGroups",
		Handler: schedOp(func(c *schedCall, in *ListScheduleGroupsInput) {
			in.NamePrefix, in.NextToken, in.MaxResults = c.q("NamePrefix"), c.q("NextToken"), c.int32("MaxResults")
		}, (*Service).ListScheduleGroups)},
	protocol.Route[schedHandler]{Method: "GET", Path: "/tags/{ResourceArn}", Name: "ListTagsForResource",
		Handler: schedOp(func(c *schedCall, in *ListTagsForResourceInput) { in.ResourceARN = c.labels["ResourceArn"] }, (*Service).ListTagsForResource)},
	protocol.Route[schedHandler]{Method: "POST", Path: "/tags/{ResourceArn}", Name: "TagResource",
		Handler: schedOp(func(c *schedCall, in *TagResourceInput) { in.ResourceARN = c.labels["ResourceArn"] }, noOutput((*Service).TagResource))},
	protocol.Route[schedHandler]{Method: "DELETE", Path: "/tags/{ResourceArn}", Name: "UntagResource",
		Handler: schedOp(func(c *schedCall, in *UntagResourceInput) {
			in.ResourceARN, in.TagKeys = c.labels["ResourceArn"], c.query["TagKeys"]
		}, noOutput((*Service).UntagResource))},
)

// schedulerOps are Scheduler's operations, whose injected faults take
// Scheduler's statuses.
var schedulerOps = map[string]bool{}

func init() {
	for _, op := range schedRoutes.Operations() {
		switch op {
		case "TagResource", "UntagResource", "ListTagsForResource": // shared with EventBridge, whose statuses they take
		default:
			schedulerOps[op] = true
		}
	}
}

func bindSchedule(c *schedCall, in *GetScheduleInput) {
	in.Name, in.GroupName, in.ClientToken = c.labels["Name"], c.q("groupName"), c.q("clientToken")
}

func bindGroup(c *schedCall, in *ScheduleGroupInput) {
	in.Name, in.ClientToken = c.labels["Name"], c.q("clientToken")
}

func (c *schedCall) q(name string) string { return c.query.Get(name) }

func (c *schedCall) int32(name string) int32 {
	n, _ := strconv.ParseInt(c.q(name), 10, 32)
	return int32(n)
}

// schedOp decodes the JSON body (empty for GET and DELETE), completes the
// input from the path and query, runs the operation and answers 200 with
// its output.
func schedOp[In, Out any](bind func(*schedCall, *In), run func(*Service, context.Context, In) (Out, error)) schedHandler {
	return func(s *Service, c *schedCall) error {
		var in In
		if err := restProto.Decode(c.r, protocol.DefaultBodyLimit, &in); err != nil {
			return err
		}
		bind(c, &in)
		out, err := run(s, c.r.Context(), in)
		if err != nil {
			return err
		}
		restProto.Write(c.w, http.StatusOK, any(out))
		return nil
	}
}

func noOutput[In any](run func(*Service, context.Context, In) error) func(*Service, context.Context, In) (any, error) {
	return func(s *Service, ctx context.Context, in In) (any, error) { return struct{}{}, run(s, ctx, in) }
}

// serveScheduler answers a Scheduler request.
func (s *Service) serveScheduler(w http.ResponseWriter, r *http.Request) {
	query := r.URL.Query()
	rt, labels, _ := schedRoutes.Match(r.Method, protocol.Segments(r), query, r.Header)
	if rt == nil {
		restProto.WriteError(w, r, schedError(codeValidation, "Unknown operation %s %s", r.Method, r.URL.Path))
		return
	}
	if err := rt.Handler(s, &schedCall{w: w, r: r, labels: labels, query: query}); err != nil {
		restProto.WriteError(w, r, err)
	}
}
