package logs

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/awsfake/awsfake/internal/pagetoken"
)

// CreateLogStreamInput is the input of CreateLogStream.
type CreateLogStreamInput struct {
	LogGroupName  string `json:"logGroupName"`
	LogStreamName string `json:"logStreamName"`
}

// CreateLogStream creates a log stream in a group.
func (s *Service) CreateLogStream(ctx context.Context, in CreateLogStreamInput) error {
	sc, err := s.enter(ctx, "CreateLogStream")
	if err != nil {
		return err
	}
	if err := checkGroupName("logGroupName", in.LogGroupName); err != nil {
		return err
	}
	if err := checkStreamName("logStreamName", in.LogStreamName); err != nil {
		return err
	}
	return s.lockedGroup(sc, in.LogGroupName, func(g *group) error {
		if g.streams[in.LogStreamName] != nil {
			return errs.New(codeAlreadyExists, "The specified log stream already exists")
		}
		s.newStreamLocked(g, in.LogStreamName)
		return nil
	})
}

// newStreamLocked adds a stream to g. It runs under the lock.
func (s *Service) newStreamLocked(g *group, name string) *stream {
	st := &stream{name: name, arn: g.arn + ":log-stream:" + name, created: s.nowMs()}
	g.streams[name] = st
	return st
}

// DeleteLogStreamInput is the input of DeleteLogStream.
type DeleteLogStreamInput struct {
	LogGroupName  string `json:"logGroupName"`
	LogStreamName string `json:"logStreamName"`
}

// DeleteLogStream deletes a log stream and its events.
func (s *Service) DeleteLogStream(ctx context.Context, in DeleteLogStreamInput) error {
	sc, err := s.enter(ctx, "DeleteLogStream")
	if err != nil {
		return err
	}
	if err := checkGroupName("logGroupName", in.LogGroupName); err != nil {
		return err
	}
	return s.lockedGroup(sc, in.LogGroupName, func(g *group) error {
		if g.streams[in.LogStreamName] == nil {
			return streamNotFound()
		}
		delete(g.streams, in.LogStreamName)
		return nil
	})
}

// DescribeLogStreamsInput is the input of DescribeLogStreams.
type DescribeLogStreamsInput struct {
	LogGroupName        string `json:"logGroupName,omitempty"`
	LogGroupIdentifier  string `json:"logGroupIdentifier,omitempty"`
	LogStreamNamePrefix string `json:"logStreamNamePrefix,omitempty"`
	OrderBy             string `json:"orderBy,omitempty"`
	Descending          bool   `json:"descending,omitempty"`
	Limit               *int32 `json:"limit,omitempty"`
	NextToken           string `json:"nextToken,omitempty"`
}

// DescribeLogStreamsOutput is the output of DescribeLogStreams.
type DescribeLogStreamsOutput struct {
	LogStreams []LogStream `json:"logStreams"`
	NextToken  string      `json:"nextToken,omitempty"`
}

// DescribeLogStreams lists a group's streams by name (the default) or by
// last event time, ascending unless descending, 50 a page unless limit
// says fewer.
func (s *Service) DescribeLogStreams(ctx context.Context, in DescribeLogStreamsInput) (DescribeLogStreamsOutput, error) {
	sc, err := s.enter(ctx, "DescribeLogStreams")
	if err != nil {
		return DescribeLogStreamsOutput{}, err
	}
	ident, err := groupIdent(in.LogGroupName, in.LogGroupIdentifier)
	if err != nil {
		return DescribeLogStreamsOutput{}, err
	}
	byTime := false
	switch in.OrderBy {
	case "", "LogStreamName":
	case "LastEventTime":
		byTime = true
		if in.LogStreamNamePrefix != "" {
			return DescribeLogStreamsOutput{}, invalidParam("Cannot order by LastEventTime with a logStreamNamePrefix.")
		}
	default:
		return DescribeLogStreamsOutput{}, constraint("orderBy", in.OrderBy, "Member must satisfy enum value set: [LastEventTime, LogStreamName]")
	}
	limit, err := limitOf(in.Limit, 50, 50)
	if err != nil {
		return DescribeLogStreamsOutput{}, err
	}
	var out DescribeLogStreamsOutput
	err = s.lockedGroup(sc, ident, func(g *group) error {
		out, err = s.describeStreamsLocked(g, in, byTime, limit)
		return err
	})
	return out, err
}

// describeStreamsLocked pages g's streams. It runs under the lock.
func (s *Service) describeStreamsLocked(g *group, in DescribeLogStreamsInput, byTime bool, limit int) (DescribeLogStreamsOutput, error) {
	cut := g.cutoff(s.nowMs())
	type row struct {
		key string
		ls  LogStream
	}
	var rows []row
	for _, st := range g.streams {
		if !strings.HasPrefix(st.name, in.LogStreamNamePrefix) {
			continue
		}
		ls := LogStream{Arn: st.arn, CreationTime: st.created, LogStreamName: st.name, StoredBytes: 0,
			LastIngestionTime: st.lastIngestion}
		if first, last, ok := st.firstLast(cut); ok {
			ls.FirstEventTimestamp, ls.LastEventTimestamp = first, last
		}
		key := st.name
		if byTime {
			key = fmt.Sprintf("%020d/%s", ls.LastEventTimestamp, st.name)
		}
		if in.Descending {
			key = invert(key)
		}
		rows = append(rows, row{key, ls})
	}
	sort.Slice(rows, func(i, j int) bool { return rows[i].key < rows[j].key })
	page, next, ok := pagetoken.Page(rows, func(r row) string { return r.key }, in.NextToken, limit)
	if !ok {
		return DescribeLogStreamsOutput{}, badToken()
	}
	out := DescribeLogStreamsOutput{LogStreams: make([]LogStream, 0, len(page)), NextToken: next}
	for _, r := range page {
		out.LogStreams = append(out.LogStreams, r.ls)
	}
	return out, nil
}

// invert maps a key to one that sorts in the opposite order (each byte
// complemented, then a terminator above every complemented byte, so that a
// key sorts after its extensions as the reverse order needs).
func invert(k string) string {
	b := make([]byte, len(k)+1)
	for i := 0; i < len(k); i++ {
		b[i] = ^k[i]
	}
	b[len(k)] = 0xff
	return string(b)
}

// groupIdent is the group a request names by logGroupName or
// logGroupIdentifier, which are mutually exclusive (test_logs_streams
// test_describe_log_streams_with_log_group_identifier).
func groupIdent(name, ident string) (string, error) {
	switch {
	case name != "" && ident != "":
		return "", errs.New(codeValidation, "LogGroup name and LogGroup ARN are mutually exclusive parameters.")
	case ident != "":
		return ident, nil
	case name == "":
		return "", errs.New(codeValidation, "Should provide either name or ARN.")
	}
	return name, checkGroupName("logGroupName", name)
}
