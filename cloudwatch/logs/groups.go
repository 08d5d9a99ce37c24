package logs

import (
	"context"
	"sort"
	"strings"

	"github.com/awsfake/awsfake/internal/pagetoken"
)

// CreateLogGroupInput is the input of CreateLogGroup.
type CreateLogGroupInput struct {
	LogGroupName              string            `json:"logGroupName"`
	KmsKeyID                  string            `json:"kmsKeyId,omitempty"`
	LogGroupClass             string            `json:"logGroupClass,omitempty"`
	DeletionProtectionEnabled bool              `json:"deletionProtectionEnabled,omitempty"`
	Tags                      map[string]string `json:"tags,omitempty"`
}

// CreateLogGroup creates a log group: STANDARD unless logGroupClass says
// otherwise, never expiring, with its KMS key and tags. A name in use is
// ResourceAlreadyExistsException; a name starting with aws/ is refused.
func (s *Service) CreateLogGroup(ctx context.Context, in CreateLogGroupInput) error {
	sc, err := s.enter(ctx, "CreateLogGroup")
	if err != nil {
		return err
	}
	if err := checkGroupName("logGroupName", in.LogGroupName); err != nil {
		return err
	}
	if strings.HasPrefix(in.LogGroupName, "aws/") {
		return invalidParam("Log group names cannot start with 'aws/'.")
	}
	class := in.LogGroupClass
	switch class {
	case "":
		class = "STANDARD"
	case "STANDARD", "INFREQUENT_ACCESS", "DELIVERY":
	default:
		return constraint("logGroupClass", class, "Member must satisfy enum value set: [STANDARD, INFREQUENT_ACCESS, DELIVERY]")
	}
	if err := checkLen("kmsKeyId", in.KmsKeyID, 0, 256); err != nil {
		return err
	}
	if err := checkTags(in.Tags); err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	p := s.partFor(sc)
	if p.groups[in.LogGroupName] != nil {
		return errs.New(codeAlreadyExists, "The specified log group already exists")
	}
	g := newGroup(in.LogGroupName, sc.ARN(arnService, "log-group:"+in.LogGroupName), class, s.nowMs())
	g.kms, g.deletionProt = in.KmsKeyID, in.DeletionProtectionEnabled
	for k, v := range in.Tags {
		g.tags[k] = v
	}
	if class == "DELIVERY" {
		g.retention = 1 // Delivery groups keep events one day (api_op_CreateLogGroup.go)
	}
	p.groups[g.name] = g
	return nil
}

// DeleteLogGroupInput is the input of DeleteLogGroup.
type DeleteLogGroupInput struct {
	LogGroupName string `json:"logGroupName"`
}

// DeleteLogGroup deletes a log group, its streams, events and filters. A
// group with deletion protection on is refused.
func (s *Service) DeleteLogGroup(ctx context.Context, in DeleteLogGroupInput) error {
	sc, err := s.enter(ctx, "DeleteLogGroup")
	if err != nil {
		return err
	}
	if err := checkGroupName("logGroupName", in.LogGroupName); err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	g := s.groupOf(sc, in.LogGroupName)
	if g == nil {
		return groupNotFound()
	}
	if g.deletionProt {
		return errs.New(codeOperationAborted, "Log group %s has deletion protection enabled.", g.name)
	}
	g.stopSweep()
	delete(s.part(sc).groups, g.name)
	return nil
}

// DescribeLogGroupsInput is the input of DescribeLogGroups.
type DescribeLogGroupsInput struct {
	LogGroupNamePrefix    *string  `json:"logGroupNamePrefix,omitempty"`
	LogGroupNamePattern   *string  `json:"logGroupNamePattern,omitempty"`
	LogGroupClass         string   `json:"logGroupClass,omitempty"`
	LogGroupIdentifiers   []string `json:"logGroupIdentifiers,omitempty"`
	AccountIdentifiers    []string `json:"accountIdentifiers,omitempty"`
	IncludeLinkedAccounts bool     `json:"includeLinkedAccounts,omitempty"`
	Limit                 *int32   `json:"limit,omitempty"`
	NextToken             string   `json:"nextToken,omitempty"`
}

// DescribeLogGroupsOutput is the output of DescribeLogGroups.
type DescribeLogGroupsOutput struct {
	LogGroups []LogGroup `json:"logGroups"`
	NextToken string     `json:"nextToken,omitempty"`
}

// DescribeLogGroups lists the caller's log groups in name order, 50 a page
// unless limit says fewer: those whose names start with the prefix, or
// contain the pattern (case-sensitive; then only arn, creationTime, name,
// class and metric filter count are given, as AWS does), or those named.
func (s *Service) DescribeLogGroups(ctx context.Context, in DescribeLogGroupsInput) (DescribeLogGroupsOutput, error) {
	sc, err := s.enter(ctx, "DescribeLogGroups")
	if err != nil {
		return DescribeLogGroupsOutput{}, err
	}
	if in.LogGroupNamePrefix != nil && in.LogGroupNamePattern != nil {
		return DescribeLogGroupsOutput{}, invalidParam("LogGroup name prefix and LogGroup name pattern are mutually exclusive parameters.")
	}
	if len(in.LogGroupIdentifiers) > 50 {
		return DescribeLogGroupsOutput{}, constraint("logGroupIdentifiers", "["+strings.Join(in.LogGroupIdentifiers, ", ")+"]",
			"Member must have length less than or equal to 50")
	}
	limit, err := limitOf(in.Limit, 50, 50)
	if err != nil {
		return DescribeLogGroupsOutput{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	gs := s.selectGroups(sc, deref(in.LogGroupNamePrefix), in.LogGroupNamePattern, in.LogGroupClass, in.LogGroupIdentifiers)
	page, next, ok := pagetoken.Page(gs, func(g *group) string { return g.name }, in.NextToken, limit)
	if !ok {
		return DescribeLogGroupsOutput{}, badToken()
	}
	out := DescribeLogGroupsOutput{LogGroups: make([]LogGroup, 0, len(page)), NextToken: next}
	for _, g := range page {
		out.LogGroups = append(out.LogGroups, s.describeGroup(g, in.LogGroupNamePattern != nil))
	}
	return out, nil
}

// selectGroups returns the groups of sc's partition a Describe or List
// selects, sorted by name. It runs under the lock.
func (s *Service) selectGroups(sc scope, prefix string, pattern *string, class string, idents []string) []*group {
	var out []*group
	if len(idents) > 0 {
		for _, id := range idents {
			if g := s.groupOf(sc, id); g != nil {
				out = append(out, g)
			}
		}
	} else if p := s.part(sc); p != nil {
		for _, g := range p.groups {
			if strings.HasPrefix(g.name, prefix) && (pattern == nil || strings.Contains(g.name, *pattern)) &&
				(class == "" || g.class == class) {
				out = append(out, g)
			}
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].name < out[j].name })
	return out
}

// describeGroup is g as DescribeLogGroups gives it; short is the reduced
// form a pattern search answers.
func (s *Service) describeGroup(g *group, short bool) LogGroup {
	lg := LogGroup{Arn: g.arn + ":*", LogGroupArn: g.arn, CreationTime: g.created, LogGroupName: g.name,
		LogGroupClass: g.class, MetricFilterCount: len(g.metricFilters)}
	if short {
		return lg
	}
	stored := g.storedBytes()
	dp := g.deletionProt
	lg.StoredBytes, lg.DeletionProtectionEnabled, lg.KmsKeyID = &stored, &dp, g.kms
	if g.class != "DELIVERY" {
		lg.RetentionInDays = g.retention
	}
	if g.dataProtection != nil {
		lg.DataProtectionStatus = "ACTIVATED"
	}
	return lg
}

// ListLogGroupsInput is the input of ListLogGroups.
type ListLogGroupsInput struct {
	LogGroupNamePattern   *string  `json:"logGroupNamePattern,omitempty"`
	LogGroupClass         string   `json:"logGroupClass,omitempty"`
	AccountIdentifiers    []string `json:"accountIdentifiers,omitempty"`
	IncludeLinkedAccounts bool     `json:"includeLinkedAccounts,omitempty"`
	Limit                 *int32   `json:"limit,omitempty"`
	NextToken             string   `json:"nextToken,omitempty"`
}

// ListLogGroupsOutput is the output of ListLogGroups.
type ListLogGroupsOutput struct {
	LogGroups []LogGroupSummary `json:"logGroups"`
	NextToken string            `json:"nextToken,omitempty"`
}

// ListLogGroups lists the caller's log groups in name order, 50 a page,
// those whose names contain the pattern when one is given.
func (s *Service) ListLogGroups(ctx context.Context, in ListLogGroupsInput) (ListLogGroupsOutput, error) {
	sc, err := s.enter(ctx, "ListLogGroups")
	if err != nil {
		return ListLogGroupsOutput{}, err
	}
	limit, err := limitOf(in.Limit, 1000, 50)
	if err != nil {
		return ListLogGroupsOutput{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	gs := s.selectGroups(sc, "", in.LogGroupNamePattern, in.LogGroupClass, nil)
	page, next, ok := pagetoken.Page(gs, func(g *group) string { return g.name }, in.NextToken, limit)
	if !ok {
		return ListLogGroupsOutput{}, badToken()
	}
	out := ListLogGroupsOutput{LogGroups: make([]LogGroupSummary, 0, len(page)), NextToken: next}
	for _, g := range page {
		out.LogGroups = append(out.LogGroups, LogGroupSummary{LogGroupArn: g.arn, LogGroupClass: g.class, LogGroupName: g.name})
	}
	return out, nil
}
