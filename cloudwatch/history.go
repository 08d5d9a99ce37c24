package cloudwatch

import (
	"context"
	"slices"
	"strconv"

	"github.com/awsfake/awsfake/internal/arn"
	"github.com/awsfake/awsfake/internal/pagetoken"
	"github.com/awsfake/awsfake/internal/tags"
)

var historyTypes = []string{"ConfigurationUpdate", "StateUpdate", "Action", "AlarmContributorStateUpdate", "AlarmContributorAction"}

// DescribeAlarmHistory lists the history of one alarm or of all, for two
// weeks (deleted alarms included), newest first unless ScanBy is
// TimestampAscending, MaxRecords (default 100) a page.
func (s *Service) DescribeAlarmHistory(ctx context.Context, in DescribeAlarmHistoryInput) (DescribeAlarmHistoryOutput, error) {
	sc, err := s.enter(ctx, "DescribeAlarmHistory")
	if err != nil {
		return DescribeAlarmHistoryOutput{}, err
	}
	size, err := maxRecords(in.MaxRecords, 100)
	if err != nil {
		return DescribeAlarmHistoryOutput{}, err
	}
	if in.HistoryItemType != "" && !slices.Contains(historyTypes, in.HistoryItemType) {
		return DescribeAlarmHistoryOutput{}, validation("historyItemType", in.HistoryItemType,
			"Member must satisfy enum value set: [ConfigurationUpdate, StateUpdate, Action, AlarmContributorStateUpdate, AlarmContributorAction]")
	}
	s.mu.Lock()
	var items []AlarmHistoryItem
	for _, h := range s.partOf(sc).history {
		switch {
		case in.AlarmName != "" && h.AlarmName != in.AlarmName,
			in.HistoryItemType != "" && h.HistoryItemType != in.HistoryItemType,
			in.StartDate != nil && h.Timestamp.Before(in.StartDate.Time),
			in.EndDate != nil && h.Timestamp.After(in.EndDate.Time),
			len(in.AlarmTypes) > 0 && !slices.Contains(in.AlarmTypes, h.AlarmType):
			continue
		}
		items = append(items, h)
	}
	s.mu.Unlock()
	if in.ScanBy != "TimestampAscending" {
		slices.Reverse(items)
	}
	offset, ok := tokenOffset(in.NextToken)
	if !ok {
		return DescribeAlarmHistoryOutput{}, errs.Default(codeInvalidNextToken)
	}
	offset = min(offset, len(items))
	end := min(offset+size, len(items))
	out := DescribeAlarmHistoryOutput{AlarmHistoryItems: nonNil(items[offset:end])}
	if end < len(items) {
		out.NextToken = pagetoken.Of(strconv.Itoa(end))
	}
	return out, nil
}

// tagged holds the tags of a taggable resource.
type tagged struct{ tags map[string]string }

// alarmByARN is the alarm (metric or composite) an ARN names, in the
// ARN's own account and region. The caller holds s.mu.
func (s *Service) alarmByARN(resource string) (*tagged, error) {
	a, err := arn.Parse(resource)
	name, ok := "", false
	if err == nil {
		name, ok = cutPrefix(a.Resource, "alarm:")
	}
	if !ok || a.Service != arnService {
		return nil, invalidValue("The value %s for parameter ResourceARN is invalid.", resource)
	}
	sc := s.env.Scope()
	sc.Account, sc.Region = a.Account, a.Region
	p := s.partOf(sc)
	if al := p.alarms[name]; al != nil {
		return &tagged{al.tags}, nil
	}
	if c := p.composites[name]; c != nil {
		return &tagged{c.tags}, nil
	}
	return nil, errs.New(codeResourceNotFoundException, "Unknown alarm %s", resource)
}

func cutPrefix(s, p string) (string, bool) {
	if len(s) < len(p) || s[:len(p)] != p {
		return "", false
	}
	return s[len(p):], true
}

// TagResource adds or replaces tags on an alarm.
func (s *Service) TagResource(ctx context.Context, in TagResourceInput) error {
	if _, err := s.enter(ctx, "TagResource"); err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	a, err := s.alarmByARN(in.ResourceARN)
	if err != nil {
		return err
	}
	if err := tagRules.CheckMerged(a.tags, toTags(in.Tags)); err != nil {
		return err
	}
	for _, t := range in.Tags {
		a.tags[t.Key] = t.Value
	}
	return nil
}

// UntagResource removes tags from an alarm.
func (s *Service) UntagResource(ctx context.Context, in UntagResourceInput) error {
	if _, err := s.enter(ctx, "UntagResource"); err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	a, err := s.alarmByARN(in.ResourceARN)
	if err != nil {
		return err
	}
	for _, k := range in.TagKeys {
		delete(a.tags, k)
	}
	return nil
}

// ListTagsForResource lists an alarm's tags by key.
func (s *Service) ListTagsForResource(ctx context.Context, in ListTagsForResourceInput) (ListTagsForResourceOutput, error) {
	if _, err := s.enter(ctx, "ListTagsForResource"); err != nil {
		return ListTagsForResourceOutput{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	a, err := s.alarmByARN(in.ResourceARN)
	if err != nil {
		return ListTagsForResourceOutput{}, err
	}
	out := ListTagsForResourceOutput{Tags: []Tag{}}
	for _, t := range tags.FromMap(a.tags) {
		out.Tags = append(out.Tags, Tag{Key: t.Key, Value: t.Value})
	}
	return out, nil
}
