package logs

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/awsfake/awsfake/internal/pagetoken"
)

// maxMetricFilters is how many metric filters a group holds
// (api_op_PutMetricFilter.go).
const maxMetricFilters = 100

// metricFilter is a stored metric filter with its compiled pattern.
type metricFilter struct {
	MetricFilter
	pat *pattern
}

// PutMetricFilterInput is the input of PutMetricFilter.
type PutMetricFilterInput struct {
	LogGroupName              string                 `json:"logGroupName"`
	FilterName                string                 `json:"filterName"`
	FilterPattern             *string                `json:"filterPattern"`
	MetricTransformations     []MetricTransformation `json:"metricTransformations"`
	ApplyOnTransformedLogs    bool                   `json:"applyOnTransformedLogs,omitempty"`
	FieldSelectionCriteria    string                 `json:"fieldSelectionCriteria,omitempty"`
	EmitSystemFieldDimensions []string               `json:"emitSystemFieldDimensions,omitempty"`
}

// PutMetricFilter creates or replaces a metric filter: every event stored
// in the group afterwards that matches the pattern publishes its
// transformation's metric (metricValue, a number or a field of the event;
// dimensions from fields; the unit), and a batch in which none matches
// publishes defaultValue when one is set. A group holds 100 filters.
func (s *Service) PutMetricFilter(ctx context.Context, in PutMetricFilterInput) error {
	sc, err := s.enter(ctx, "PutMetricFilter")
	if err != nil {
		return err
	}
	pat, err := checkFilterInput(in.LogGroupName, in.FilterName, in.FilterPattern)
	if err != nil {
		return err
	}
	if err := checkTransformations(in.MetricTransformations); err != nil {
		return err
	}
	return s.lockedGroup(sc, in.LogGroupName, func(g *group) error {
		if g.metricFilters[in.FilterName] == nil && len(g.metricFilters) >= maxMetricFilters {
			return limitExceeded()
		}
		if err := regexBudget(g, pat, in.FilterName); err != nil {
			return err
		}
		g.metricFilters[in.FilterName] = &metricFilter{pat: pat, MetricFilter: MetricFilter{
			ApplyOnTransformedLogs: in.ApplyOnTransformedLogs, CreationTime: s.nowMs(), FilterName: in.FilterName,
			FilterPattern: *in.FilterPattern, LogGroupName: g.name, MetricTransformations: in.MetricTransformations,
		}}
		return nil
	})
}

// checkFilterInput applies the rules a metric or subscription filter's
// group, name and pattern share, and compiles the pattern.
func checkFilterInput(group, name string, pat *string) (*pattern, error) {
	if err := checkGroupName("logGroupName", group); err != nil {
		return nil, err
	}
	if err := checkLen("filterName", name, 1, 512); err != nil {
		return nil, err
	}
	if strings.ContainsAny(name, ":*") {
		return nil, constraint("filterName", name, "Member must satisfy regular expression pattern: [^:*]*")
	}
	if pat == nil {
		return nil, constraint("filterPattern", "null", "Member must not be null")
	}
	p, err := compileFilter(*pat)
	if err != nil {
		return nil, err
	}
	if p.regexN > 2 {
		return nil, invalidParam("A filter pattern can contain at most 2 regular expressions.")
	}
	return p, nil
}

// regexBudget applies AWS's limit of 5 filter patterns with regular
// expressions per group (api_op_PutMetricFilter.go), counting the filter
// being replaced out.
func regexBudget(g *group, p *pattern, name string) error {
	if p.regexN == 0 {
		return nil
	}
	n := 1
	for fname, f := range g.metricFilters {
		if fname != name && f.pat.regexN > 0 {
			n++
		}
	}
	for fname, f := range g.subscriptions {
		if fname != name && f.pat.regexN > 0 {
			n++
		}
	}
	if n > 5 {
		return limitExceeded()
	}
	return nil
}

// checkTransformations applies the model's rules to metricTransformations:
// exactly one (test_logs_metric_filters
// test_put_metric_filter_too_many_transformations), names of 1 to 255.
func checkTransformations(ts []MetricTransformation) error {
	if len(ts) != 1 {
		var parts []string
		for _, t := range ts {
			parts = append(parts, fmt.Sprintf("MetricTransformation(metricName=%s, metricNamespace=%s, metricValue=%s, defaultValue=%s, unit=%s, dimensions=%s)",
				t.MetricName, t.MetricNamespace, t.MetricValue, orNull(t.DefaultValue), orNullStr(t.Unit), orNullMap(t.Dimensions)))
		}
		rule := "Member must have length less than or equal to 1"
		if len(ts) == 0 {
			rule = "Member must have length greater than or equal to 1"
		}
		return constraint("metricTransformations", "["+strings.Join(parts, ", ")+"]", rule)
	}
	t := ts[0]
	for _, c := range []struct{ member, v string }{{"metricName", t.MetricName}, {"metricNamespace", t.MetricNamespace}} {
		if err := checkLen(c.member, c.v, 1, 255); err != nil {
			return err
		}
	}
	if err := checkLen("metricValue", t.MetricValue, 1, 100); err != nil {
		return err
	}
	if t.DefaultValue != nil && len(t.Dimensions) > 0 {
		return invalidParam("You cannot specify both a default value and dimensions for a metric transformation.")
	}
	if len(t.Dimensions) > 3 {
		return invalidParam("A metric transformation can have at most 3 dimensions.")
	}
	return nil
}

func orNull(f *float64) string {
	if f == nil {
		return "null"
	}
	return fmt.Sprint(*f)
}

func orNullStr(s string) string {
	if s == "" {
		return "null"
	}
	return s
}

func orNullMap(m map[string]string) string {
	if m == nil {
		return "null"
	}
	return fmt.Sprint(m)
}

// DescribeMetricFiltersInput is the input of DescribeMetricFilters.
type DescribeMetricFiltersInput struct {
	LogGroupName     string `json:"logGroupName,omitempty"`
	FilterNamePrefix string `json:"filterNamePrefix,omitempty"`
	MetricName       string `json:"metricName,omitempty"`
	MetricNamespace  string `json:"metricNamespace,omitempty"`
	Limit            *int32 `json:"limit,omitempty"`
	NextToken        string `json:"nextToken,omitempty"`
}

// DescribeMetricFiltersOutput is the output of DescribeMetricFilters.
type DescribeMetricFiltersOutput struct {
	MetricFilters []MetricFilter `json:"metricFilters"`
	NextToken     string         `json:"nextToken,omitempty"`
}

// DescribeMetricFilters lists metric filters by group then name: those
// of one group (with a name prefix), or of every group that publish a
// metric name in a namespace.
func (s *Service) DescribeMetricFilters(ctx context.Context, in DescribeMetricFiltersInput) (DescribeMetricFiltersOutput, error) {
	sc, err := s.enter(ctx, "DescribeMetricFilters")
	if err != nil {
		return DescribeMetricFiltersOutput{}, err
	}
	for _, c := range []struct {
		member, v string
		max       int
	}{{"filterNamePrefix", in.FilterNamePrefix, 512}, {"metricName", in.MetricName, 255}, {"metricNamespace", in.MetricNamespace, 255}} {
		if err := checkLen(c.member, c.v, 0, c.max); err != nil {
			return DescribeMetricFiltersOutput{}, err
		}
	}
	if in.LogGroupName != "" {
		if err := checkGroupName("logGroupName", in.LogGroupName); err != nil {
			return DescribeMetricFiltersOutput{}, err
		}
	}
	if in.FilterNamePrefix != "" && in.LogGroupName == "" {
		return DescribeMetricFiltersOutput{}, invalidParam("If you specify a filterNamePrefix, you must also specify a logGroupName.")
	}
	limit, err := limitOf(in.Limit, 50, 50)
	if err != nil {
		return DescribeMetricFiltersOutput{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	var groups []*group
	if in.LogGroupName != "" {
		g := s.groupOf(sc, in.LogGroupName)
		if g == nil {
			return DescribeMetricFiltersOutput{}, groupNotFound()
		}
		groups = []*group{g}
	} else if p := s.part(sc); p != nil {
		for _, g := range p.groups {
			groups = append(groups, g)
		}
	}
	var rows []MetricFilter
	for _, g := range groups {
		for _, f := range g.metricFilters {
			t := f.MetricTransformations[0]
			if strings.HasPrefix(f.FilterName, in.FilterNamePrefix) && (in.MetricName == "" || t.MetricName == in.MetricName) &&
				(in.MetricNamespace == "" || t.MetricNamespace == in.MetricNamespace) {
				rows = append(rows, f.MetricFilter)
			}
		}
	}
	key := func(f MetricFilter) string { return f.LogGroupName + "\x00" + f.FilterName }
	sort.Slice(rows, func(i, j int) bool { return key(rows[i]) < key(rows[j]) })
	page, next, ok := pagetoken.Page(rows, key, in.NextToken, limit)
	if !ok {
		return DescribeMetricFiltersOutput{}, badToken()
	}
	return DescribeMetricFiltersOutput{MetricFilters: append([]MetricFilter{}, page...), NextToken: next}, nil
}

// DeleteMetricFilterInput is the input of DeleteMetricFilter.
type DeleteMetricFilterInput struct {
	LogGroupName string `json:"logGroupName"`
	FilterName   string `json:"filterName"`
}

// DeleteMetricFilter deletes a metric filter.
func (s *Service) DeleteMetricFilter(ctx context.Context, in DeleteMetricFilterInput) error {
	sc, err := s.enter(ctx, "DeleteMetricFilter")
	if err != nil {
		return err
	}
	if err := checkGroupName("logGroupName", in.LogGroupName); err != nil {
		return err
	}
	if err := checkLen("filterName", in.FilterName, 1, 512); err != nil {
		return err
	}
	return s.lockedGroup(sc, in.LogGroupName, func(g *group) error {
		if g.metricFilters[in.FilterName] == nil {
			return notFound("The specified metric filter does not exist.")
		}
		delete(g.metricFilters, in.FilterName)
		return nil
	})
}

// TestMetricFilterInput is the input of TestMetricFilter.
type TestMetricFilterInput struct {
	FilterPattern    *string  `json:"filterPattern"`
	LogEventMessages []string `json:"logEventMessages"`
}

// TestMetricFilterOutput is the output of TestMetricFilter.
type TestMetricFilterOutput struct {
	Matches []MetricFilterMatchRecord `json:"matches"`
}

// TestMetricFilter matches a pattern against 1 to 50 messages and returns
// those that match, numbered from 1, with the values the pattern names.
func (s *Service) TestMetricFilter(ctx context.Context, in TestMetricFilterInput) (TestMetricFilterOutput, error) {
	if _, err := s.enter(ctx, "TestMetricFilter"); err != nil {
		return TestMetricFilterOutput{}, err
	}
	if in.FilterPattern == nil {
		return TestMetricFilterOutput{}, constraint("filterPattern", "null", "Member must not be null")
	}
	if n := len(in.LogEventMessages); n < 1 || n > 50 {
		rule := "Member must have length less than or equal to 50"
		if n < 1 {
			rule = "Member must have length greater than or equal to 1"
		}
		return TestMetricFilterOutput{}, constraint("logEventMessages", fmt.Sprint(in.LogEventMessages), rule)
	}
	pat, err := compileFilter(*in.FilterPattern)
	if err != nil {
		return TestMetricFilterOutput{}, err
	}
	out := TestMetricFilterOutput{Matches: []MetricFilterMatchRecord{}}
	for i, msg := range in.LogEventMessages {
		if ok, vals := pat.matchExtract(msg, true); ok {
			if vals == nil {
				vals = map[string]string{}
			}
			out.Matches = append(out.Matches, MetricFilterMatchRecord{EventMessage: msg, EventNumber: int64(i + 1), ExtractedValues: vals})
		}
	}
	return out, nil
}
