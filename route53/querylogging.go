package route53

import (
	"cmp"
	"context"
	"slices"
	"strconv"
	"strings"
)

// QueryLoggingConfig is a zone's DNS query logging configuration.
type QueryLoggingConfig struct {
	Id                        string `xml:"Id"`
	HostedZoneId              string `xml:"HostedZoneId"`
	CloudWatchLogsLogGroupArn string `xml:"CloudWatchLogsLogGroupArn"`
}

// CreateQueryLoggingConfigInput is CreateQueryLoggingConfig's input.
type CreateQueryLoggingConfigInput struct {
	HostedZoneId              string `xml:"HostedZoneId"`
	CloudWatchLogsLogGroupArn string `xml:"CloudWatchLogsLogGroupArn"`
}

// CreateQueryLoggingConfigOutput is CreateQueryLoggingConfig's output.
type CreateQueryLoggingConfigOutput struct {
	QueryLoggingConfig QueryLoggingConfig `xml:"QueryLoggingConfig"`
	Location           string             `xml:"-"`
}

// logGroupARN reports whether arn names a CloudWatch Logs log group in
// us-east-1, where AWS requires query logs' log groups ("You must create
// the log group in the us-east-1 region").
func logGroupARN(arn string) (inUSEast1, ok bool) {
	p := strings.SplitN(arn, ":", 7)
	if len(p) != 7 || p[0] != "arn" || p[2] != "logs" || p[5] != "log-group" || p[6] == "" || len(p[4]) != 12 {
		return false, false
	}
	return p[3] == "us-east-1", true
}

// CreateQueryLoggingConfig stores a public zone's query logging
// configuration: one per zone, to a log group in us-east-1. The fake does
// not write the logs; the configuration is kept for reads.
func (s *Service) CreateQueryLoggingConfig(ctx context.Context, in CreateQueryLoggingConfigInput) (CreateQueryLoggingConfigOutput, error) {
	sc, err := s.enter(ctx, "CreateQueryLoggingConfig")
	if err != nil {
		return CreateQueryLoggingConfigOutput{}, err
	}
	east, ok := logGroupARN(in.CloudWatchLogsLogGroupArn)
	switch {
	case !ok:
		return CreateQueryLoggingConfigOutput{}, newError(codeNoSuchCloudWatchLogs, "There is no CloudWatch Logs log group with the specified ARN.")
	case !east:
		return CreateQueryLoggingConfigOutput{}, invalidInput("The CloudWatch Logs log group must be in the us-east-1 region.")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	z, err := s.zoneLocked(sc.Account, in.HostedZoneId)
	if err != nil {
		return CreateQueryLoggingConfigOutput{}, err
	}
	if z.private {
		return CreateQueryLoggingConfigOutput{}, invalidInput("Query logging is not supported for private hosted zones.")
	}
	a := s.accountLocked(sc.Account, true)
	for _, q := range a.queryLogs {
		if q.HostedZoneId == z.id {
			return CreateQueryLoggingConfigOutput{}, newError("QueryLoggingConfigAlreadyExists", "You can create only one query logging configuration for a hosted zone, and a query logging configuration already exists for this hosted zone.")
		}
	}
	q := &QueryLoggingConfig{Id: s.env.IDs.UUID(), HostedZoneId: z.id, CloudWatchLogsLogGroupArn: in.CloudWatchLogsLogGroupArn}
	a.queryLogs[q.Id] = q
	return CreateQueryLoggingConfigOutput{QueryLoggingConfig: *q, Location: "https://route53.amazonaws.com/2013-04-01/queryloggingconfig/" + q.Id}, nil
}

// GetQueryLoggingConfigOutput is the output of GetQueryLoggingConfig.
type GetQueryLoggingConfigOutput struct {
	QueryLoggingConfig QueryLoggingConfig `xml:"QueryLoggingConfig"`
}

// GetQueryLoggingConfig returns a query logging configuration.
func (s *Service) GetQueryLoggingConfig(ctx context.Context, id string) (GetQueryLoggingConfigOutput, error) {
	sc, err := s.enter(ctx, "GetQueryLoggingConfig")
	if err != nil {
		return GetQueryLoggingConfigOutput{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	q := s.accountLocked(sc.Account, false).queryLogs[id]
	if q == nil {
		return GetQueryLoggingConfigOutput{}, newError(codeNoSuchQueryLogging, "There is no DNS query logging configuration with the specified ID.")
	}
	return GetQueryLoggingConfigOutput{QueryLoggingConfig: *q}, nil
}

// DeleteQueryLoggingConfig deletes a query logging configuration.
func (s *Service) DeleteQueryLoggingConfig(ctx context.Context, id string) error {
	sc, err := s.enter(ctx, "DeleteQueryLoggingConfig")
	if err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	a := s.accountLocked(sc.Account, false)
	if a.queryLogs[id] == nil {
		return newError(codeNoSuchQueryLogging, "There is no DNS query logging configuration with the specified ID.")
	}
	delete(a.queryLogs, id)
	return nil
}

// ListQueryLoggingConfigsOutput is ListQueryLoggingConfigs' output.
type ListQueryLoggingConfigsOutput struct {
	QueryLoggingConfigs []QueryLoggingConfig `xml:"QueryLoggingConfigs>QueryLoggingConfig"`
	NextToken           string               `xml:"NextToken,omitempty"`
}

// ListQueryLoggingConfigs lists the account's configurations (of one zone
// when hostedZoneID is set) by id, up to maxResults (default and most 100)
// after nextToken (the last id of the previous page).
func (s *Service) ListQueryLoggingConfigs(ctx context.Context, hostedZoneID, nextToken, maxResults string) (ListQueryLoggingConfigsOutput, error) {
	sc, err := s.enter(ctx, "ListQueryLoggingConfigs")
	if err != nil {
		return ListQueryLoggingConfigsOutput{}, err
	}
	size := maxZonePage
	if maxResults != "" {
		n, perr := strconv.Atoi(maxResults)
		if perr != nil || n < 1 {
			return ListQueryLoggingConfigsOutput{}, invalidInput("1 validation error detected: Value '%s' at 'maxResults' failed to satisfy constraint: Member must be a positive integer", maxResults)
		}
		size = min(n, maxZonePage)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if hostedZoneID != "" {
		if _, err := s.zoneLocked(sc.Account, hostedZoneID); err != nil {
			return ListQueryLoggingConfigsOutput{}, err
		}
	}
	var all []QueryLoggingConfig
	for _, q := range s.accountLocked(sc.Account, false).queryLogs {
		if hostedZoneID == "" || q.HostedZoneId == stripID(hostedZoneID) {
			all = append(all, *q)
		}
	}
	slices.SortFunc(all, func(a, b QueryLoggingConfig) int { return cmp.Compare(a.Id, b.Id) })
	out := ListQueryLoggingConfigsOutput{QueryLoggingConfigs: []QueryLoggingConfig{}}
	for _, q := range all {
		if nextToken != "" && q.Id <= nextToken {
			continue
		}
		if len(out.QueryLoggingConfigs) == size {
			out.NextToken = out.QueryLoggingConfigs[size-1].Id
			break
		}
		out.QueryLoggingConfigs = append(out.QueryLoggingConfigs, q)
	}
	return out, nil
}
