package logs

import (
	"context"
	"encoding/json"
	"fmt"
	"sort"
	"strings"

	"github.com/awsfake/awsfake/internal/arn"
	"github.com/awsfake/awsfake/internal/bus"
	"github.com/awsfake/awsfake/internal/faults"
)

// deliver is the service's bus endpoint: other services' log lines posted
// to a log group ARN (see bus.MetaLogStream) land as AppendLines puts them.
func (s *Service) deliver(_ context.Context, target string, m bus.Message) ([]byte, error) {
	var lines []bus.LogLine
	if err := json.Unmarshal(m.Body, &lines); err != nil {
		return nil, fmt.Errorf("logs: %w", err)
	}
	return nil, s.AppendLines(target, m.Meta[bus.MetaLogStream], lines)
}

// AppendLines stores another service's log lines (Lambda's runtime) in the
// group groupARN names and its stream, both created when missing. Lines
// outside PutLogEvents' time window are dropped, as AWS rejects them; the
// rest are stored in timestamp order and feed the group's metric and
// subscription filters. It is plumbing for the root package.
func (s *Service) AppendLines(groupARN, streamName string, lines []bus.LogLine) error {
	a, err := arn.Parse(groupARN)
	if err != nil {
		return err
	}
	if !strings.HasPrefix(a.Resource, "log-group:") {
		return fmt.Errorf("logs: %s is not a log group", groupARN)
	}
	name := groupNameOfResource(a.Resource)
	if checkGroupName("logGroupName", name) != nil || checkStreamName("logStreamName", streamName) != nil {
		return fmt.Errorf("logs: bad log group %q or stream %q", name, streamName)
	}
	sort.SliceStable(lines, func(i, j int) bool { return lines[i].Timestamp < lines[j].Timestamp })
	sc := faults.Scope{Account: a.Account, Region: a.Region, Partition: a.Partition}
	s.mu.Lock()
	p := s.partFor(sc)
	g := p.groups[name]
	if g == nil {
		g = newGroup(name, sc.ARN(arnService, "log-group:"+name), "STANDARD", s.nowMs())
		p.groups[name] = g
	}
	st := g.streams[streamName]
	if st == nil {
		st = s.newStreamLocked(g, streamName)
	}
	now := s.nowMs()
	cut := g.cutoff(now)
	evs := make([]event, 0, len(lines))
	for _, l := range lines {
		if l.Message == "" || l.Timestamp < now-tooOldBefore || l.Timestamp < cut || l.Timestamp > now+tooNewAfter {
			continue
		}
		s.seq++
		evs = append(evs, event{ts: l.Timestamp, ingested: now, id: s.seq, msg: l.Message})
	}
	post := s.storeLocked(sc, g, st, evs)
	s.mu.Unlock()
	post()
	return nil
}
