package logs

import (
	"context"
	"sort"
	"strings"

	"github.com/awsfake/awsfake/internal/arn"
	"github.com/awsfake/awsfake/internal/bus"
	"github.com/awsfake/awsfake/internal/pagetoken"
)

// maxSubscriptions is how many subscription filters a group holds
// (api_op_PutSubscriptionFilter.go).
const maxSubscriptions = 2

// subscriptionFilter is a stored subscription filter with its compiled
// pattern.
type subscriptionFilter struct {
	SubscriptionFilter
	pat *pattern
}

// PutSubscriptionFilterInput is the input of PutSubscriptionFilter.
type PutSubscriptionFilterInput struct {
	LogGroupName           string   `json:"logGroupName"`
	FilterName             string   `json:"filterName"`
	FilterPattern          *string  `json:"filterPattern"`
	DestinationArn         string   `json:"destinationArn"`
	RoleArn                string   `json:"roleArn,omitempty"`
	Distribution           string   `json:"distribution,omitempty"`
	ApplyOnTransformedLogs bool     `json:"applyOnTransformedLogs,omitempty"`
	FieldSelectionCriteria string   `json:"fieldSelectionCriteria,omitempty"`
	EmitSystemFields       []string `json:"emitSystemFields,omitempty"`
}

// PutSubscriptionFilter creates or replaces a subscription filter, at
// most two per group. A Lambda destination must be in the caller's
// account and accept CloudWatch Logs' CONTROL_MESSAGE (the function exists
// and its policy lets logs.amazonaws.com, or logs.<region>.amazonaws.com,
// invoke it); every batch stored afterwards delivers its matching events
// to it as AWS's gzipped, base64 awslogs.data payload. Kinesis, Firehose
// and Logs destinations need roleArn and are stored, not delivered to.
func (s *Service) PutSubscriptionFilter(ctx context.Context, in PutSubscriptionFilterInput) error {
	sc, err := s.enter(ctx, "PutSubscriptionFilter")
	if err != nil {
		return err
	}
	pat, err := checkFilterInput(in.LogGroupName, in.FilterName, in.FilterPattern)
	if err != nil {
		return err
	}
	dist := in.Distribution
	switch dist {
	case "":
		dist = "ByLogStream"
	case "ByLogStream", "Random":
	default:
		return constraint("distribution", dist, "Member must satisfy enum value set: [Random, ByLogStream]")
	}
	dest, err := arn.Parse(in.DestinationArn)
	if err != nil {
		return invalidParam("Invalid destinationArn: %s", in.DestinationArn)
	}
	switch dest.Service {
	case "lambda":
		if dest.Account != sc.Account {
			return errs.New(codeAccessDenied, "Cross-account lambda invocation passing is not allowed. You must use DestinationPolicies to create cross account lambda triggers.")
		}
	case "kinesis", "firehose":
		if in.RoleArn == "" {
			return invalidParam("destinationArn for vendor %s cannot be used without roleArn", dest.Service)
		}
	case "logs":
	default:
		return invalidParam("Invalid destinationArn: %s", in.DestinationArn)
	}
	s.mu.Lock()
	g := s.groupOf(sc, in.LogGroupName)
	if g == nil {
		s.mu.Unlock()
		return groupNotFound()
	}
	if g.subscriptions[in.FilterName] == nil && len(g.subscriptions) >= maxSubscriptions {
		s.mu.Unlock()
		return limitExceeded()
	}
	if err := regexBudget(g, pat, in.FilterName); err != nil {
		s.mu.Unlock()
		return err
	}
	source := g.arn + ":*"
	s.mu.Unlock()
	if dest.Service == "lambda" {
		if err := s.checkLambda(sc, source, in.DestinationArn); err != nil {
			return err
		}
	}
	return s.lockedGroup(sc, in.LogGroupName, func(g *group) error {
		if g.subscriptions[in.FilterName] == nil && len(g.subscriptions) >= maxSubscriptions {
			return limitExceeded()
		}
		g.subscriptions[in.FilterName] = &subscriptionFilter{pat: pat, SubscriptionFilter: SubscriptionFilter{
			ApplyOnTransformedLogs: in.ApplyOnTransformedLogs, CreationTime: s.nowMs(), DestinationArn: in.DestinationArn,
			Distribution: dist, FilterName: in.FilterName, FilterPattern: *in.FilterPattern, LogGroupName: g.name, RoleArn: in.RoleArn,
		}}
		return nil
	})
}

// checkLambda sends the function the CONTROL_MESSAGE AWS sends when a
// subscription is created, as an Event invocation: a function that does
// not exist or does not let Logs invoke it fails the call as on AWS.
func (s *Service) checkLambda(sc scope, source, function string) error {
	body := awslogsEvent(controlMessage(s.nowMs()))
	_, err := s.env.Bus.Invoke(context.Background(), function, bus.Message{Source: source, Principal: logsPrincipal,
		Body: body, Async: true, Meta: map[string]string{bus.MetaSourceAccount: sc.Account}})
	if err != nil {
		return invalidParam("Could not execute the lambda function. Make sure you have given CloudWatch Logs permission to execute your function.")
	}
	return nil
}

// logsPrincipal is the principal Logs' deliveries carry; Lambda accepts a
// permission granted to it or to its regional form logs.<region>.amazonaws.com.
const logsPrincipal = "logs.amazonaws.com"

// subscriptionPostsLocked builds the deliveries of a stored batch to g's
// Lambda subscriptions, posted once the lock is released. It runs under
// the lock.
func (s *Service) subscriptionPostsLocked(sc scope, g *group, st *stream, evs []event) func() {
	if len(g.subscriptions) == 0 {
		return func() {}
	}
	type post struct {
		target string
		m      bus.Message
	}
	var posts []post
	for _, name := range sortedSubs(g) {
		f := g.subscriptions[name]
		if !strings.HasPrefix(f.DestinationArn, "arn:") || !isLambda(f.DestinationArn) {
			continue
		}
		var matched []event
		for _, e := range evs {
			if f.pat.match(e.msg) {
				matched = append(matched, e)
			}
		}
		if len(matched) == 0 {
			continue
		}
		body := awslogsEvent(dataMessage(sc.Account, g.name, st.name, f.FilterName, matched))
		posts = append(posts, post{f.DestinationArn, bus.Message{Source: g.arn + ":*", Principal: logsPrincipal, Body: body,
			Meta: map[string]string{bus.MetaSourceAccount: sc.Account}}})
	}
	return func() {
		for _, p := range posts {
			s.env.Bus.Post(p.target, p.m)
		}
	}
}

func isLambda(a string) bool {
	p, err := arn.Parse(a)
	return err == nil && p.Service == "lambda"
}

func sortedSubs(g *group) []string {
	names := make([]string, 0, len(g.subscriptions))
	for n := range g.subscriptions {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// DescribeSubscriptionFiltersInput is the input of
// DescribeSubscriptionFilters.
type DescribeSubscriptionFiltersInput struct {
	LogGroupName     string `json:"logGroupName"`
	FilterNamePrefix string `json:"filterNamePrefix,omitempty"`
	Limit            *int32 `json:"limit,omitempty"`
	NextToken        string `json:"nextToken,omitempty"`
}

// DescribeSubscriptionFiltersOutput is the output of
// DescribeSubscriptionFilters.
type DescribeSubscriptionFiltersOutput struct {
	SubscriptionFilters []SubscriptionFilter `json:"subscriptionFilters"`
	NextToken           string               `json:"nextToken,omitempty"`
}

// DescribeSubscriptionFilters lists a group's subscription filters by
// name.
func (s *Service) DescribeSubscriptionFilters(ctx context.Context, in DescribeSubscriptionFiltersInput) (DescribeSubscriptionFiltersOutput, error) {
	sc, err := s.enter(ctx, "DescribeSubscriptionFilters")
	if err != nil {
		return DescribeSubscriptionFiltersOutput{}, err
	}
	if err := checkGroupName("logGroupName", in.LogGroupName); err != nil {
		return DescribeSubscriptionFiltersOutput{}, err
	}
	limit, err := limitOf(in.Limit, 50, 50)
	if err != nil {
		return DescribeSubscriptionFiltersOutput{}, err
	}
	var out DescribeSubscriptionFiltersOutput
	err = s.lockedGroup(sc, in.LogGroupName, func(g *group) error {
		var rows []SubscriptionFilter
		for _, n := range sortedSubs(g) {
			if strings.HasPrefix(n, in.FilterNamePrefix) {
				rows = append(rows, g.subscriptions[n].SubscriptionFilter)
			}
		}
		page, next, ok := pagetoken.Page(rows, func(f SubscriptionFilter) string { return f.FilterName }, in.NextToken, limit)
		if !ok {
			return badToken()
		}
		out = DescribeSubscriptionFiltersOutput{SubscriptionFilters: append([]SubscriptionFilter{}, page...), NextToken: next}
		return nil
	})
	return out, err
}

// DeleteSubscriptionFilterInput is the input of DeleteSubscriptionFilter.
type DeleteSubscriptionFilterInput struct {
	LogGroupName string `json:"logGroupName"`
	FilterName   string `json:"filterName"`
}

// DeleteSubscriptionFilter deletes a subscription filter.
func (s *Service) DeleteSubscriptionFilter(ctx context.Context, in DeleteSubscriptionFilterInput) error {
	sc, err := s.enter(ctx, "DeleteSubscriptionFilter")
	if err != nil {
		return err
	}
	if err := checkGroupName("logGroupName", in.LogGroupName); err != nil {
		return err
	}
	return s.lockedGroup(sc, in.LogGroupName, func(g *group) error {
		if g.subscriptions[in.FilterName] == nil {
			return notFound("The specified subscription filter does not exist.")
		}
		delete(g.subscriptions, in.FilterName)
		return nil
	})
}
