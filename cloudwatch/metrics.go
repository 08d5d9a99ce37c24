package cloudwatch

import (
	"context"
	"fmt"
	"strings"
	"time"
)

// PutMetricData publishes metric data points; a metric that does not exist
// is created. Namespaces starting with AWS/ are reserved for AWS's
// services. The whole request is refused on the first bad datum.
func (s *Service) PutMetricData(ctx context.Context, in PutMetricDataInput) (PutMetricDataOutput, error) {
	sc, err := s.enter(ctx, "PutMetricData")
	if err != nil {
		return PutMetricDataOutput{}, err
	}
	now := s.now()
	if err := checkPut(&in, now); err != nil {
		return PutMetricDataOutput{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	p := s.partOf(sc)
	for i := range in.MetricData {
		p.ingest(in.Namespace, &in.MetricData[i], now)
	}
	for _, e := range in.EntityMetricData {
		for i := range e.MetricData {
			p.ingest(in.Namespace, &e.MetricData[i], now)
		}
	}
	return PutMetricDataOutput{}, nil
}

// checkPut validates a PutMetricData request.
func checkPut(in *PutMetricDataInput, now time.Time) error {
	switch {
	case in.Namespace == "":
		return missing("Namespace")
	case len(in.Namespace) > 255 || in.Namespace[0] == ':':
		return invalidValue("The value %s for parameter Namespace is invalid.", in.Namespace)
	case strings.HasPrefix(in.Namespace, "AWS/"):
		return invalidValue("The value %s for parameter Namespace is invalid.", in.Namespace)
	case len(in.MetricData) == 0 && len(in.EntityMetricData) == 0:
		return missing("MetricData")
	case len(in.EntityMetricData) > 2:
		return invalidValue("The collection EntityMetricData must not have a size greater than 2.")
	}
	total := len(in.MetricData)
	for i := range in.MetricData {
		if err := checkDatum(fmt.Sprintf("MetricData.member.%d", i+1), &in.MetricData[i], now); err != nil {
			return err
		}
	}
	for j, e := range in.EntityMetricData {
		total += len(e.MetricData)
		for i := range e.MetricData {
			member := fmt.Sprintf("EntityMetricData.member.%d.MetricData.member.%d", j+1, i+1)
			if err := checkDatum(member, &e.MetricData[i], now); err != nil {
				return err
			}
		}
	}
	if total > maxMetricsPerPut {
		return invalidValue("The collection MetricData must not have a size greater than %d.", maxMetricsPerPut)
	}
	return nil
}

// ListMetrics lists the metrics that had data in the past two weeks,
// filtered by namespace, name, dimensions and RecentlyActive (PT3H: data
// in the past three hours), 500 a page in identity order.
func (s *Service) ListMetrics(ctx context.Context, in ListMetricsInput) (ListMetricsOutput, error) {
	sc, err := s.enter(ctx, "ListMetrics")
	if err != nil {
		return ListMetricsOutput{}, err
	}
	if in.RecentlyActive != "" && in.RecentlyActive != "PT3H" {
		return ListMetricsOutput{}, validation("recentlyActive", in.RecentlyActive, "Member must satisfy enum value set: [PT3H]")
	}
	if len(in.Dimensions) > 10 {
		return ListMetricsOutput{}, invalidValue("The collection Dimensions must not have a size greater than 10.")
	}
	now := s.now()
	since := now.Add(-maxPast)
	if in.RecentlyActive == "PT3H" {
		since = now.Add(-3 * time.Hour)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.drainLocked()
	p := s.partOf(sc)
	var keys []string
	for k, m := range p.metrics {
		if m.lastPut.After(since) && m.matches(in) {
			keys = append(keys, k)
		}
	}
	page, next, ok := pageKeys(keys, in.NextToken, 500)
	if !ok {
		return ListMetricsOutput{}, errs.Default(codeInvalidNextToken)
	}
	out := ListMetricsOutput{Metrics: make([]Metric, 0, len(page)), NextToken: next}
	for _, k := range page {
		m := p.metrics[k]
		out.Metrics = append(out.Metrics, Metric{Namespace: m.ns, MetricName: m.name, Dimensions: nonNil(m.dims)})
	}
	return out, nil
}

// matches reports whether m passes ListMetrics' filters.
func (m *metric) matches(in ListMetricsInput) bool {
	if in.Namespace != "" && m.ns != in.Namespace || in.MetricName != "" && m.name != in.MetricName {
		return false
	}
	for _, f := range in.Dimensions {
		found := false
		for _, d := range m.dims {
			if d.Name == f.Name && (f.Value == "" || d.Value == f.Value) {
				found = true
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// nonNil is l, or an empty list: AWS always sends the member.
func nonNil[T any](l []T) []T {
	if l == nil {
		return []T{}
	}
	return l
}
