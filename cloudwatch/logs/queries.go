package logs

import (
	"context"
	"fmt"
	"slices"
	"strings"
)

// The query's life on the clock: Scheduled for queryScheduledMs after
// StartQuery, Running until queryDoneMs, then Complete. AWS gives no
// figure; these are short so that a test polling on the real clock waits
// half a second.
const (
	queryScheduledMs = 100
	queryDoneMs      = 500
	maxQueryGroups   = 50
	// maxActiveQueries is how many queries may be Scheduled or Running
	// at once (api_op_StartQuery.go: up to 100 concurrent queries).
	maxActiveQueries = 100
)

// The statuses of a query (types.QueryStatus).
const (
	QueryScheduled = "Scheduled"
	QueryRunning   = "Running"
	QueryComplete  = "Complete"
	QueryCancelled = "Cancelled"
)

// insightsQuery is one query started with StartQuery: what it was asked,
// and the result computed when it started, shown once it completes.
type insightsQuery struct {
	info      QueryInfo
	started   int64
	cancelled bool
	rows      [][]ResultField
	stats     QueryStatistics
}

// status is the query's status at now.
func (q *insightsQuery) status(now int64) string {
	switch {
	case q.cancelled:
		return QueryCancelled
	case now < q.started+queryScheduledMs:
		return QueryScheduled
	case now < q.started+queryDoneMs:
		return QueryRunning
	}
	return QueryComplete
}

// StartQueryInput is the input of StartQuery: the times are Unix seconds,
// both inclusive.
type StartQueryInput struct {
	EndTime             *int64   `json:"endTime"`
	QueryString         *string  `json:"queryString"`
	StartTime           *int64   `json:"startTime"`
	Limit               *int32   `json:"limit,omitempty"`
	LogGroupIdentifiers []string `json:"logGroupIdentifiers,omitempty"`
	LogGroupName        string   `json:"logGroupName,omitempty"`
	LogGroupNames       []string `json:"logGroupNames,omitempty"`
	QueryLanguage       string   `json:"queryLanguage,omitempty"`
}

// StartQueryOutput is the output of StartQuery.
type StartQueryOutput struct {
	QueryID string `json:"queryId"`
}

// StartQuery parses the query and runs it over the events of its groups
// in the time range; the result is GetQueryResults' once the query is
// Complete on the clock.
func (s *Service) StartQuery(ctx context.Context, in StartQueryInput) (StartQueryOutput, error) {
	sc, err := s.enter(ctx, "StartQuery")
	if err != nil {
		return StartQueryOutput{}, err
	}
	idents, err := checkStartQuery(in)
	if err != nil {
		return StartQueryOutput{}, err
	}
	limit, err := limitOf(in.Limit, maxQueryLimit, 0)
	if err != nil {
		return StartQueryOutput{}, err
	}
	q, err := parseQuery(*in.QueryString)
	if err != nil {
		return StartQueryOutput{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	groups := make([]*group, 0, len(idents))
	for _, id := range idents {
		g := s.groupOf(sc, id)
		if g == nil {
			return StartQueryOutput{}, notFound("Log group '%s' does not exist for account ID '%s'", id, sc.Account)
		}
		groups = append(groups, g)
	}
	now := s.nowMs()
	from, to := *in.StartTime*1000, *in.EndTime*1000+999
	records, scanned, bytes := s.recordsIn(sc.Account, groups, from, to, now, q.needs())
	res := q.run(records, limit)
	iq := &insightsQuery{started: now, rows: res.rows, stats: QueryStatistics{RecordsMatched: float64(res.matched),
		RecordsScanned: float64(scanned), BytesScanned: float64(bytes)}}
	iq.info = QueryInfo{QueryID: s.env.IDs.UUID(), CreateTime: now, LogGroupName: groups[0].name, QueryLanguage: "CWLI",
		QueryString: sourceOf(groups, *in.StartTime, *in.EndTime, *in.QueryString)}
	p := s.partFor(sc)
	if p.activeQueries(now) >= maxActiveQueries {
		return StartQueryOutput{}, errs.New(codeLimitExceeded, "Account maximum query concurrency limit of [%d] reached.", maxActiveQueries)
	}
	if p.queries == nil {
		p.queries = map[string]*insightsQuery{}
	}
	p.queries[iq.info.QueryID] = iq
	p.queryOrder = append(p.queryOrder, iq.info.QueryID)
	return StartQueryOutput{QueryID: iq.info.QueryID}, nil
}

// checkStartQuery validates StartQuery's input and returns the groups it
// names (exactly one of the three members, 50 groups at most).
func checkStartQuery(in StartQueryInput) ([]string, error) {
	switch {
	case in.QueryString == nil:
		return nil, invalidParam("queryString is required.")
	case in.StartTime == nil || in.EndTime == nil:
		return nil, invalidParam("startTime and endTime are required.")
	case *in.StartTime < 0 || *in.EndTime < 0:
		return nil, invalidParam("startTime and endTime must be positive.")
	case *in.EndTime < *in.StartTime:
		return nil, invalidParam("End time should not be before the start time")
	case in.QueryLanguage != "" && in.QueryLanguage != "CWLI":
		return nil, invalidParam("awsfake models only the CWLI query language, not %s.", in.QueryLanguage)
	}
	if err := checkLen("queryString", *in.QueryString, 0, maxQueryLen); err != nil {
		return nil, err
	}
	var idents []string
	n := 0
	if in.LogGroupName != "" {
		idents, n = []string{in.LogGroupName}, n+1
	}
	if len(in.LogGroupNames) > 0 {
		idents, n = in.LogGroupNames, n+1
	}
	if len(in.LogGroupIdentifiers) > 0 {
		idents, n = in.LogGroupIdentifiers, n+1
	}
	switch {
	case n != 1:
		return nil, invalidParam("Exactly one of logGroupName, logGroupNames or logGroupIdentifiers must be given.")
	case len(idents) > maxQueryGroups:
		return nil, invalidParam("A query can include up to %d log groups.", maxQueryGroups)
	}
	return idents, nil
}

// sourceOf is the query string as DescribeQueries shows it: AWS puts the
// groups and the time range in a SOURCE command in front (test_logs_queries
// test_describe_queries).
func sourceOf(groups []*group, start, end int64, q string) string {
	names := make([]string, len(groups))
	for i, g := range groups {
		names[i] = fmt.Sprintf("%q", g.name)
	}
	return fmt.Sprintf("SOURCE %s START=%d000 END=%d999 | %s", strings.Join(names, " "), start, end, q)
}

// recordsIn are the visible events of the groups in [from, to], newest
// first, as rows with the fields need names (recordOf), with the records
// and bytes scanned. It runs under the lock.
func (s *Service) recordsIn(account string, groups []*group, from, to, now int64, need fieldSet) ([]row, int, int) {
	var out []row
	bytes := 0
	for _, g := range groups {
		for _, st := range g.streams {
			for _, e := range st.visible(g.cutoff(now), from, to+1) {
				out = append(out, recordOf(account, g, st, e, need))
				bytes += len(e.msg)
			}
		}
	}
	slices.SortStableFunc(out, func(a, b row) int {
		x, y := a["@timestamp"].(ts), b["@timestamp"].(ts)
		switch {
		case x > y:
			return -1
		case x < y:
			return 1
		}
		return strings.Compare(str(a["@ptr"]), str(b["@ptr"]))
	})
	return out, len(out), bytes
}

// activeQueries counts the queries Scheduled or Running at now: only the
// newest can be, queries starting in clock order. It runs under the lock.
func (p *partition) activeQueries(now int64) int {
	n := 0
	for _, id := range slices.Backward(p.queryOrder) {
		q := p.queries[id]
		if q.started+queryDoneMs <= now {
			break
		}
		if !q.cancelled {
			n++
		}
	}
	return n
}
