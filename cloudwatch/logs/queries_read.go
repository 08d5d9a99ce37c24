package logs

import (
	"context"
	"slices"
	"strconv"
)

// QueryInfo is a query as DescribeQueries describes it.
type QueryInfo struct {
	CreateTime    int64  `json:"createTime"`
	LogGroupName  string `json:"logGroupName,omitempty"`
	QueryID       string `json:"queryId"`
	QueryLanguage string `json:"queryLanguage"`
	QueryString   string `json:"queryString"`
	Status        string `json:"status"`
}

// ResultField is one field of a result row: its name and its value as
// text.
type ResultField struct {
	Field string `json:"field"`
	Value string `json:"value"`
}

// QueryStatistics are the figures of a query: the records it scanned in
// its time range, their bytes (the messages'), and the records matched.
type QueryStatistics struct {
	BytesScanned   float64 `json:"bytesScanned"`
	RecordsMatched float64 `json:"recordsMatched"`
	RecordsScanned float64 `json:"recordsScanned"`
}

// GetQueryResultsInput is the input of GetQueryResults.
type GetQueryResultsInput struct {
	QueryID string `json:"queryId"`
}

// GetQueryResultsOutput is the output of GetQueryResults.
type GetQueryResultsOutput struct {
	QueryLanguage string           `json:"queryLanguage"`
	Results       [][]ResultField  `json:"results"`
	Statistics    *QueryStatistics `json:"statistics,omitempty"`
	Status        string           `json:"status"`
}

// GetQueryResults returns a query's status and, once it is Complete, its
// rows and statistics; before that, no row and zero statistics.
func (s *Service) GetQueryResults(ctx context.Context, in GetQueryResultsInput) (GetQueryResultsOutput, error) {
	sc, err := s.enter(ctx, "GetQueryResults")
	if err != nil {
		return GetQueryResultsOutput{}, err
	}
	var out GetQueryResultsOutput
	err = s.lockedQuery(sc, in.QueryID, func(q *insightsQuery) error {
		out = GetQueryResultsOutput{QueryLanguage: q.info.QueryLanguage, Status: q.status(s.nowMs()),
			Results: [][]ResultField{}, Statistics: &QueryStatistics{}}
		if out.Status == QueryComplete {
			out.Results, out.Statistics = q.rows, &q.stats
		}
		return nil
	})
	return out, err
}

// lockedQuery runs fn on the query id names, under the lock.
func (s *Service) lockedQuery(sc scope, id string, fn func(q *insightsQuery) error) error {
	if id == "" {
		return invalidParam("queryId is required.")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	p := s.part(sc)
	if p == nil || p.queries[id] == nil {
		return notFound("Query does not exist.")
	}
	return fn(p.queries[id])
}

// StopQueryInput is the input of StopQuery.
type StopQueryInput struct {
	QueryID string `json:"queryId"`
}

// StopQueryOutput is the output of StopQuery.
type StopQueryOutput struct {
	Success bool `json:"success"`
}

// StopQuery cancels a query still Scheduled or Running; success is false
// for one already finished.
func (s *Service) StopQuery(ctx context.Context, in StopQueryInput) (StopQueryOutput, error) {
	sc, err := s.enter(ctx, "StopQuery")
	if err != nil {
		return StopQueryOutput{}, err
	}
	var out StopQueryOutput
	err = s.lockedQuery(sc, in.QueryID, func(q *insightsQuery) error {
		if st := q.status(s.nowMs()); st == QueryScheduled || st == QueryRunning {
			q.cancelled, q.rows, q.stats = true, nil, QueryStatistics{}
			out.Success = true
		}
		return nil
	})
	return out, err
}

// DescribeQueriesInput is the input of DescribeQueries.
type DescribeQueriesInput struct {
	LogGroupName  string `json:"logGroupName,omitempty"`
	MaxResults    *int32 `json:"maxResults,omitempty"`
	NextToken     string `json:"nextToken,omitempty"`
	QueryLanguage string `json:"queryLanguage,omitempty"`
	Status        string `json:"status,omitempty"`
}

// DescribeQueriesOutput is the output of DescribeQueries.
type DescribeQueriesOutput struct {
	NextToken string      `json:"nextToken,omitempty"`
	Queries   []QueryInfo `json:"queries"`
}

// maxDescribeQueries is DescribeQueries' largest page
// (api_op_DescribeQueries.go: maxResults 1 to 1,000).
const maxDescribeQueries = 1000

// DescribeQueries lists the queries, newest first: those of a group, of
// a status, of a language; a page of maxResults (1,000 at most and by
// default) with a nextToken for the rest.
func (s *Service) DescribeQueries(ctx context.Context, in DescribeQueriesInput) (DescribeQueriesOutput, error) {
	sc, err := s.enter(ctx, "DescribeQueries")
	if err != nil {
		return DescribeQueriesOutput{}, err
	}
	n, err := maxResultsOf(in.MaxResults, maxDescribeQueries)
	if err != nil {
		return DescribeQueriesOutput{}, err
	}
	from, err := offsetToken(in.NextToken)
	if err != nil {
		return DescribeQueriesOutput{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	out := DescribeQueriesOutput{Queries: []QueryInfo{}}
	p := s.part(sc)
	if p == nil {
		return out, nil
	}
	now := s.nowMs()
	var all []QueryInfo
	for _, id := range slices.Backward(p.queryOrder) {
		q := p.queries[id]
		info := q.info
		info.Status = q.status(now)
		if in.LogGroupName != "" && info.LogGroupName != in.LogGroupName || in.Status != "" && info.Status != in.Status ||
			in.QueryLanguage != "" && info.QueryLanguage != in.QueryLanguage {
			continue
		}
		all = append(all, info)
	}
	out.Queries, out.NextToken = pageOf(all, from, n)
	return out, nil
}

// maxResultsOf reads an optional maxResults in [1, hi], hi when absent.
func maxResultsOf(m *int32, hi int) (int, error) {
	if m == nil {
		return hi, nil
	}
	if *m < 1 || int(*m) > hi {
		return 0, constraint("maxResults", strconv.Itoa(int(*m)),
			"Member must have value between 1 and "+strconv.Itoa(hi))
	}
	return int(*m), nil
}

// offsetToken reads a paging token of the query APIs: the offset of the
// next item.
func offsetToken(tok string) (int, error) {
	if tok == "" {
		return 0, nil
	}
	n, err := strconv.Atoi(tok)
	if err != nil || n < 0 {
		return 0, badToken()
	}
	return n, nil
}

// pageOf is the page of items at from, n long, and the token of the
// next.
func pageOf[T any](items []T, from, n int) ([]T, string) {
	if from > len(items) {
		from = len(items)
	}
	end := min(len(items), from+n)
	page := append([]T{}, items[from:end]...)
	if end < len(items) {
		return page, strconv.Itoa(end)
	}
	return page, ""
}

// GetLogRecordInput is the input of GetLogRecord.
type GetLogRecordInput struct {
	LogRecordPointer string `json:"logRecordPointer"`
	Unmask           bool   `json:"unmask,omitempty"`
}

// GetLogRecordOutput is the output of GetLogRecord: every field of the
// event, as text.
type GetLogRecordOutput struct {
	LogRecord map[string]string `json:"logRecord"`
}

// GetLogRecord returns every field of the event a @ptr of a query's
// results points at, its times (@timestamp, @ingestionTime) in Unix
// milliseconds as AWS's API reference shows them.
func (s *Service) GetLogRecord(ctx context.Context, in GetLogRecordInput) (GetLogRecordOutput, error) {
	sc, err := s.enter(ctx, "GetLogRecord")
	if err != nil {
		return GetLogRecordOutput{}, err
	}
	groupArn, streamName, id, ok := parsePointer(in.LogRecordPointer)
	if !ok {
		return GetLogRecordOutput{}, invalidParam("The specified log record pointer is invalid.")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	g := s.groupOf(sc, groupArn)
	if g == nil || g.arn != groupArn || g.streams[streamName] == nil {
		return GetLogRecordOutput{}, notFound("The specified log record does not exist.")
	}
	st := g.streams[streamName]
	for _, e := range st.visible(g.cutoff(s.nowMs()), 0, 0) {
		if e.id == id {
			r := recordOf(sc.Account, g, st, e, nil)
			out := GetLogRecordOutput{LogRecord: make(map[string]string, len(r))}
			for k, v := range r {
				out.LogRecord[k] = str(v)
				if t, ok := v.(ts); ok { // GetLogRecord's times are Unix milliseconds
					out.LogRecord[k] = strconv.FormatInt(int64(t), 10)
				}
			}
			delete(out.LogRecord, "@ptr")
			return out, nil
		}
	}
	return GetLogRecordOutput{}, notFound("The specified log record does not exist.")
}
