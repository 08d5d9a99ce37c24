package xray

import "context"

// GetServiceGraphInput is GetServiceGraph's input.
type GetServiceGraphInput struct {
	StartTime *Time
	EndTime   *Time
	GroupName string `json:",omitempty"`
	GroupARN  string `json:",omitempty"`
	NextToken string `json:",omitempty"`
}

// GetServiceGraphOutput is GetServiceGraph's output.
type GetServiceGraphOutput struct {
	StartTime                *Time `json:",omitempty"`
	EndTime                  *Time `json:",omitempty"`
	Services                 []ServiceNode
	ContainsOldGroupVersions bool
	NextToken                string `json:",omitempty"`
}

// GetServiceGraph returns the services of the traces updated in a window
// (of a group's traces, when one is named) and the calls between them:
// a node per service name and type (a segment's name and origin, or, for
// a call to a service that sent no segment, the subsegment's name and
// AWS::<name> or remote), edges with their counts and response times.
func (s *Service) GetServiceGraph(ctx context.Context, in GetServiceGraphInput) (GetServiceGraphOutput, error) {
	sc, err := s.enter(ctx, "GetServiceGraph")
	if err != nil {
		return GetServiceGraphOutput{}, err
	}
	if in.StartTime == nil || in.EndTime == nil {
		return GetServiceGraphOutput{}, errInvalid("StartTime and EndTime are required")
	}
	if in.EndTime.Before(in.StartTime.Time) {
		return GetServiceGraphOutput{}, errInvalid("EndTime must be after StartTime")
	}
	return locked(s, sc, func(p *partition) (GetServiceGraphOutput, error) {
		var filter expr
		if in.GroupName != "" || in.GroupARN != "" {
			g, err := p.groupOf(GroupRef{in.GroupName, in.GroupARN})
			if err != nil {
				return GetServiceGraphOutput{}, err
			}
			if filter, err = parseFilter(g.FilterExpression, p.groupLookup()); err != nil {
				return GetServiceGraphOutput{}, err
			}
		}
		g := newGraph()
		for _, e := range p.byEvent.window(seconds(in.StartTime.Time), seconds(in.EndTime.Time)) {
			if v := p.traces[e.id].viewOf(); matches(filter, v) {
				g.add(v)
				g.addLinks(p, v)
			}
		}
		return GetServiceGraphOutput{StartTime: in.StartTime, EndTime: in.EndTime, Services: g.services()}, nil
	})
}

// GetTraceGraphInput is GetTraceGraph's input.
type GetTraceGraphInput struct {
	TraceIds  []string
	NextToken string `json:",omitempty"`
}

// GetTraceGraphOutput is GetTraceGraph's output.
type GetTraceGraphOutput struct {
	Services  []ServiceNode
	NextToken string `json:",omitempty"`
}

// GetTraceGraph returns the service graph of up to five traces.
func (s *Service) GetTraceGraph(ctx context.Context, in GetTraceGraphInput) (GetTraceGraphOutput, error) {
	sc, err := s.enter(ctx, "GetTraceGraph")
	if err != nil {
		return GetTraceGraphOutput{}, err
	}
	if len(in.TraceIds) > MaxBatchTraceIDs {
		return GetTraceGraphOutput{}, errInvalid("At most %d trace ids", MaxBatchTraceIDs)
	}
	return locked(s, sc, func(p *partition) (GetTraceGraphOutput, error) {
		g := newGraph()
		for _, id := range in.TraceIds {
			if t := p.traces[id]; t != nil {
				g.add(t.viewOf())
				g.addLinks(p, t.viewOf())
			}
		}
		return GetTraceGraphOutput{Services: g.services()}, nil
	})
}
