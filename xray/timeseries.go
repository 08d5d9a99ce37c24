package xray

import (
	"context"
	"math"
)

// GetTimeSeriesServiceStatisticsInput is GetTimeSeriesServiceStatistics's
// input.
type GetTimeSeriesServiceStatisticsInput struct {
	StartTime                *Time
	EndTime                  *Time
	EntitySelectorExpression string `json:",omitempty"`
	GroupName                string `json:",omitempty"`
	GroupARN                 string `json:",omitempty"`
	Period                   *int32 `json:",omitempty"`
	ForecastStatistics       *bool  `json:",omitempty"`
	NextToken                string `json:",omitempty"`
}

// TimeSeriesServiceStatistics are the statistics of one period.
type TimeSeriesServiceStatistics struct {
	Timestamp                *Time
	ServiceSummaryStatistics *Statistics `json:",omitempty"`
	EdgeSummaryStatistics    *Statistics `json:",omitempty"`
	ResponseTimeHistogram    []HistogramEntry
}

// GetTimeSeriesServiceStatisticsOutput is GetTimeSeriesServiceStatistics's
// output.
type GetTimeSeriesServiceStatisticsOutput struct {
	TimeSeriesServiceStatistics []TimeSeriesServiceStatistics
	ContainsOldGroupVersions    bool
	NextToken                   string `json:",omitempty"`
}

// GetTimeSeriesServiceStatistics aggregates, per Period seconds (60, the
// default, or a multiple of 300), the requests of the services an entity
// selector names (service(...) or edge(...); every service when empty) in
// the traces updated in the window. Forecasts are not modelled.
func (s *Service) GetTimeSeriesServiceStatistics(ctx context.Context, in GetTimeSeriesServiceStatisticsInput) (GetTimeSeriesServiceStatisticsOutput, error) {
	sc, err := s.enter(ctx, "GetTimeSeriesServiceStatistics")
	if err != nil {
		return GetTimeSeriesServiceStatisticsOutput{}, err
	}
	if in.StartTime == nil || in.EndTime == nil || in.EndTime.Before(in.StartTime.Time) {
		return GetTimeSeriesServiceStatisticsOutput{}, errInvalid("StartTime and EndTime are required, EndTime after StartTime")
	}
	period := int32(60)
	if in.Period != nil {
		period = *in.Period
	}
	if period != 60 && (period <= 0 || period%300 != 0) {
		return GetTimeSeriesServiceStatisticsOutput{}, errInvalid("Period must be 60 or a multiple of 300")
	}
	return locked(s, sc, func(p *partition) (GetTimeSeriesServiceStatisticsOutput, error) {
		sel, err := parseFilter(in.EntitySelectorExpression, p.groupLookup())
		if err != nil {
			return GetTimeSeriesServiceStatisticsOutput{}, err
		}
		var group expr
		if in.GroupName != "" || in.GroupARN != "" {
			g, err := p.groupOf(GroupRef{in.GroupName, in.GroupARN})
			if err != nil {
				return GetTimeSeriesServiceStatisticsOutput{}, err
			}
			if group, err = parseFilter(g.FilterExpression, p.groupLookup()); err != nil {
				return GetTimeSeriesServiceStatisticsOutput{}, err
			}
		}
		buckets := map[int64][]outcome{}
		var order []int64
		for _, e := range p.byEvent.window(seconds(in.StartTime.Time), seconds(in.EndTime.Time)) {
			v := p.traces[e.id].viewOf()
			if !matches(group, v) {
				continue
			}
			b := int64(math.Floor(e.at/float64(period))) * int64(period)
			if _, seen := buckets[b]; !seen {
				order = append(order, b)
			}
			buckets[b] = append(buckets[b], selected(sel, v)...)
		}
		out := GetTimeSeriesServiceStatisticsOutput{TimeSeriesServiceStatistics: []TimeSeriesServiceStatistics{}}
		_, edges := sel.(edgeExpr)
		for _, b := range order {
			st := stats(buckets[b])
			ts := TimeSeriesServiceStatistics{Timestamp: At(epoch(float64(b))), ResponseTimeHistogram: histogram(buckets[b])}
			if edges {
				ts.EdgeSummaryStatistics = &st
			} else {
				ts.ServiceSummaryStatistics = &st
			}
			out.TimeSeriesServiceStatistics = append(out.TimeSeriesServiceStatistics, ts)
		}
		return out, nil
	})
}

// selected are the requests of the services or edges sel names.
func selected(sel expr, v *traceView) []outcome {
	var out []outcome
	switch e := sel.(type) {
	case serviceExpr:
		for _, s := range v.services {
			if e.match.matches(s.key) {
				out = append(out, s.calls...)
			}
		}
	case edgeExpr:
		for _, ed := range v.edges {
			if e.from.matches(ed.from) && e.to.matches(ed.to) {
				out = append(out, ed.calls...)
			}
		}
	default:
		if matches(sel, v) {
			for _, s := range v.services {
				out = append(out, s.calls...)
			}
		}
	}
	return out
}
