package cloudwatch

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"regexp"
	"strconv"
	"time"
)

// Widget image limits (sdk api_op_GetMetricWidgetImage.go; AWS's Metric
// Widget Structure: width and height default 600 × 395, at most 2,000).
const (
	maxWidgetPayload = 100 * 1024
	maxWidgetMetrics = 100
	maxWidgetSide    = 2000
	defaultWidgetW   = 600
	defaultWidgetH   = 395
	defaultWidgetP   = 300
)

// metricWidget is the JSON of a MetricWidget: AWS's metric widget
// structure, the fields the image uses.
type metricWidget struct {
	Metrics     [][]any `json:"metrics"`
	Width       int     `json:"width"`
	Height      int     `json:"height"`
	Start       string  `json:"start"`
	End         string  `json:"end"`
	Period      int32   `json:"period"`
	Stat        string  `json:"stat"`
	Title       string  `json:"title"`
	Stacked     bool    `json:"stacked"`
	Annotations struct {
		Horizontal []annotation `json:"horizontal"`
	} `json:"annotations"`
	YAxis struct {
		Left struct {
			Min   *float64 `json:"min"`
			Max   *float64 `json:"max"`
			Label string   `json:"label"`
		} `json:"left"`
	} `json:"yAxis"`
	Legend struct {
		Position string `json:"position"`
	} `json:"legend"`
}

type annotation struct {
	Value float64 `json:"value"`
	Label string  `json:"label"`
	Color string  `json:"color"`
}

// GetMetricWidgetImage renders the graph of a metric widget as a PNG
// (OutputFormat png, the only one AWS supports): the metrics and
// expressions of the widget over its start and end (ISO 8601 durations
// before now, or timestamps; -PT3H to now by default) at its period and
// statistic, as lines or stacked areas, with its title, horizontal
// annotations, the left axis and its label, the time axis and a legend.
func (s *Service) GetMetricWidgetImage(ctx context.Context, in GetMetricWidgetImageInput) (GetMetricWidgetImageOutput, error) {
	sc, err := s.enter(ctx, "GetMetricWidgetImage")
	if err != nil {
		return GetMetricWidgetImageOutput{}, err
	}
	now := s.now()
	w, queries, start, end, err := parseWidget(in, now)
	if err != nil {
		return GetMetricWidgetImageOutput{}, err
	}
	s.mu.Lock()
	s.drainLocked()
	results, err := s.partOf(sc).answer(queries, start.Unix(), end.Unix(), true, now)
	s.mu.Unlock()
	if err != nil {
		return GetMetricWidgetImageOutput{}, err
	}
	var buf bytes.Buffer
	if err := renderWidget(&buf, w, results, start, end); err != nil {
		return GetMetricWidgetImageOutput{}, invalidValue("The widget could not be rendered: %s", err.Error())
	}
	return GetMetricWidgetImageOutput{MetricWidgetImage: buf.Bytes()}, nil
}

// parseWidget validates a GetMetricWidgetImage request and turns its
// metrics into GetMetricData queries.
func parseWidget(in GetMetricWidgetImageInput, now time.Time) (metricWidget, []MetricDataQuery, time.Time, time.Time, error) {
	var w metricWidget
	fail := func(format string, args ...any) (metricWidget, []MetricDataQuery, time.Time, time.Time, error) {
		return w, nil, time.Time{}, time.Time{}, invalidValue(format, args...)
	}
	switch {
	case in.MetricWidget == "":
		return w, nil, time.Time{}, time.Time{}, missing("MetricWidget")
	case in.OutputFormat != "" && in.OutputFormat != "png":
		return fail("The value %s for parameter OutputFormat is invalid. Only png is supported.", in.OutputFormat)
	case len(in.MetricWidget) > maxWidgetPayload:
		return fail("The MetricWidget payload must not be larger than 100 KB.")
	}
	if err := json.Unmarshal([]byte(in.MetricWidget), &w); err != nil {
		return fail("The MetricWidget is not valid JSON: %s", err.Error())
	}
	if w.Width == 0 {
		w.Width = defaultWidgetW
	}
	if w.Height == 0 {
		w.Height = defaultWidgetH
	}
	if w.Width < 1 || w.Width > maxWidgetSide || w.Height < 1 || w.Height > maxWidgetSide {
		return fail("The width and height of the MetricWidget must be between 1 and %d.", maxWidgetSide)
	}
	if len(w.Metrics) == 0 || len(w.Metrics) > maxWidgetMetrics {
		return fail("The MetricWidget must have between 1 and %d metrics.", maxWidgetMetrics)
	}
	if w.Period == 0 {
		w.Period = defaultWidgetP
	}
	if w.Stat == "" {
		w.Stat = "Average"
	}
	start, err := widgetTime(w.Start, now, now.Add(-3*time.Hour))
	if err != nil {
		return fail("The value %s for field start is invalid.", w.Start)
	}
	end, err := widgetTime(w.End, now, now)
	if err != nil {
		return fail("The value %s for field end is invalid.", w.End)
	}
	if !start.Before(end) {
		return fail("The start of the MetricWidget must be before its end.")
	}
	queries, err := widgetQueries(w)
	if err != nil {
		return w, nil, time.Time{}, time.Time{}, err
	}
	return w, queries, start, end, nil
}

var isoDuration = regexp.MustCompile(`^([+-]?)P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$`)

// widgetTime is a widget's start or end: an ISO 8601 duration relative to
// now (-PT3H), a timestamp, or def when empty.
func widgetTime(v string, now, def time.Time) (time.Time, error) {
	if v == "" {
		return def, nil
	}
	if m := isoDuration.FindStringSubmatch(v); m != nil && v != "P" && v != "-P" {
		var d time.Duration
		for i, unit := range []time.Duration{7 * 24 * time.Hour, 24 * time.Hour, time.Hour, time.Minute, time.Second} {
			if n, err := strconv.Atoi(m[i+2]); err == nil {
				d += time.Duration(n) * unit
			}
		}
		if m[1] == "-" {
			d = -d
		}
		return now.Add(d), nil
	}
	return time.Parse(time.RFC3339, v)
}

// widgetQueries turns a widget's metrics rows into queries: a row is
// [namespace, name, dimension name, value, ..., {options}], "." repeats
// the field of the row before, and [{"expression": ...}] is metric math.
func widgetQueries(w metricWidget) ([]MetricDataQuery, error) {
	var out []MetricDataQuery
	var prev []string
	for i, row := range w.Metrics {
		var fields []string
		opts := map[string]any{}
		for j, f := range row {
			switch v := f.(type) {
			case string:
				if v == "." && j < len(prev) {
					v = prev[j]
				}
				fields = append(fields, v)
			case map[string]any:
				opts = v
			default:
				return nil, invalidValue("The field metrics[%d][%d] of the MetricWidget must be a string.", i, j)
			}
		}
		prev = fields
		q, err := widgetQuery(i, fields, opts, w)
		if err != nil {
			return nil, err
		}
		out = append(out, q)
	}
	return out, nil
}

// widgetQuery is one row of a widget as a query.
func widgetQuery(i int, fields []string, opts map[string]any, w metricWidget) (MetricDataQuery, error) {
	str := func(k, def string) string {
		if v, ok := opts[k].(string); ok {
			return v
		}
		return def
	}
	q := MetricDataQuery{Id: str("id", "m"+strconv.Itoa(i+1)), Label: str("label", "")}
	if v, ok := opts["visible"].(bool); ok && !v {
		q.ReturnData = new(bool)
	}
	if e := str("expression", ""); e != "" {
		q.Expression = e
		return q, checkExpression(fmt.Sprintf("metrics[%d]", i), q)
	}
	if len(fields) < 2 || len(fields)%2 != 0 {
		return q, invalidValue("The field metrics[%d] of the MetricWidget must be a namespace, a metric name and dimension name and value pairs.", i)
	}
	period := w.Period
	if v, ok := opts["period"].(float64); ok {
		period = int32(v)
	}
	ms := &MetricStat{Metric: Metric{Namespace: fields[0], MetricName: fields[1]}, Period: period, Stat: str("stat", w.Stat)}
	for k := 2; k < len(fields); k += 2 {
		ms.Metric.Dimensions = append(ms.Metric.Dimensions, Dimension{Name: fields[k], Value: fields[k+1]})
	}
	if _, ok := parseExt(ms.Stat); !ok && !standardStats[ms.Stat] {
		return q, invalidValue("The value %s for field stat of metrics[%d] is invalid.", ms.Stat, i)
	}
	if period <= 0 || period%60 != 0 && period != 1 && period != 5 && period != 10 && period != 20 && period != 30 {
		return q, invalidValue("The value %d for field period of metrics[%d] is invalid.", period, i)
	}
	q.MetricStat = ms
	return q, nil
}
