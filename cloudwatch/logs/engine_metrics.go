package logs

import (
	"encoding/json"
	"sort"
	"strings"
	"time"

	"github.com/awsfake/awsfake/internal/arn"
	"github.com/awsfake/awsfake/internal/bus"
)

// MetricDatum is one value a metric filter published: what Logs hands
// CloudWatch metrics.
type MetricDatum struct {
	Namespace  string
	MetricName string
	Dimensions map[string]string
	Value      float64
	Unit       string
	Timestamp  time.Time
	// Filter and LogGroup name the metric filter that published it.
	Filter, LogGroup string
}

// maxMetricRecords bounds the published values the service remembers.
const maxMetricRecords = 10_000

// metricsService is the ARN service of CloudWatch metrics, whose bus
// endpoint receives what metric filters publish.
const metricsService = "cloudwatch"

// applyMetricFiltersLocked publishes the metrics of g's filters for a
// stored batch: each matching event its value, a batch with no match the
// default value when one is set. It runs under the lock; what it posts to
// CloudWatch is one bus message per filter and batch.
func (s *Service) applyMetricFiltersLocked(sc scope, g *group, evs []event) {
	if len(g.metricFilters) == 0 {
		return
	}
	names := make([]string, 0, len(g.metricFilters))
	for n := range g.metricFilters {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		f := g.metricFilters[n]
		t := f.MetricTransformations[0]
		var data []MetricDatum
		for _, e := range evs {
			if !f.pat.match(e.msg) {
				continue
			}
			v, ok := f.pat.value(t.MetricValue, e.msg)
			if !ok {
				continue
			}
			data = append(data, MetricDatum{Namespace: t.MetricNamespace, MetricName: t.MetricName,
				Dimensions: dimensionsOf(f.pat, t.Dimensions, e.msg), Value: v, Unit: t.Unit, Timestamp: at(e.ts),
				Filter: f.FilterName, LogGroup: g.name})
		}
		if len(data) == 0 && t.DefaultValue != nil {
			data = append(data, MetricDatum{Namespace: t.MetricNamespace, MetricName: t.MetricName, Value: *t.DefaultValue,
				Unit: t.Unit, Timestamp: at(evs[len(evs)-1].ts), Filter: f.FilterName, LogGroup: g.name})
		}
		s.publishLocked(sc, data)
	}
}

// dimensionsOf resolves a transformation's dimensions ($.x or $field
// values) against an event; a dimension whose field is absent is left out.
func dimensionsOf(p *pattern, dims map[string]string, msg string) map[string]string {
	if len(dims) == 0 {
		return nil
	}
	out := map[string]string{}
	var vals map[string]string
	for k, ref := range dims {
		switch {
		case strings.HasPrefix(ref, "$."):
			if doc, ok := decodeJSONEvent(msg); ok {
				if sel, err := parseSelector(ref); err == nil {
					if v, found := sel.get(doc); found {
						if str, ok := scalarString(v); ok {
							out[k] = str
						}
					}
				}
			}
		case strings.HasPrefix(ref, "$"):
			if vals == nil {
				_, vals = p.matchExtract(msg, true)
			}
			if v, ok := vals[ref]; ok {
				out[k] = v
			}
		default:
			out[k] = ref
		}
	}
	return out
}

// publishLocked records data and posts it to CloudWatch metrics when the
// cloud has it, as PutMetricData's JSON ({Namespace, MetricData}). It runs
// under the lock.
func (s *Service) publishLocked(sc scope, data []MetricDatum) {
	if len(data) == 0 {
		return
	}
	s.metrics = append(s.metrics, data...)
	if over := len(s.metrics) - maxMetricRecords; over > 0 {
		s.metrics = append(s.metrics[:0:0], s.metrics[over:]...)
	}
	if !s.env.Bus.Serves(metricsService) {
		return
	}
	type dim struct{ Name, Value string }
	type datum struct {
		MetricName string
		Dimensions []dim `json:",omitempty"`
		Timestamp  time.Time
		Value      float64
		Unit       string `json:",omitempty"`
	}
	body := struct {
		Namespace  string
		MetricData []datum
	}{Namespace: data[0].Namespace}
	for _, d := range data {
		dd := datum{MetricName: d.MetricName, Timestamp: d.Timestamp, Value: d.Value, Unit: d.Unit}
		for _, k := range sortedDims(d.Dimensions) {
			dd.Dimensions = append(dd.Dimensions, dim{k, d.Dimensions[k]})
		}
		body.MetricData = append(body.MetricData, dd)
	}
	b, _ := json.Marshal(body)
	target := arn.Build(sc.Partition, metricsService, sc.Region, sc.Account, "metrics/"+data[0].Namespace)
	s.env.Bus.Post(target, bus.Message{Source: sc.ARN(arnService, "log-group:"+data[0].LogGroup), Principal: "logs.amazonaws.com",
		Body: b, Meta: map[string]string{"Action": "PutMetricData", bus.MetaSourceAccount: sc.Account}})
}

func sortedDims(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
