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
// to a log group ARN (see bus.MetaLogStream) land in the group and stream
// named, both created when missing. Lines outside PutLogEvents' time
// window are dropped, as AWS rejects them; the rest are stored in
// timestamp order and feed the group's metric and subscription filters.
func (s *Service) deliver(_ context.Context, target string, m bus.Message) ([]byte, error) {
	a, err := arn.Parse(target)
	if err != nil {
		return nil, err
	}
	if !strings.HasPrefix(a.Resource, "log-group:") {
		return nil, fmt.Errorf("logs: %s is not a log group", target)
	}
	name := groupNameOfResource(a.Resource)
	streamName := m.Meta[bus.MetaLogStream]
	if checkGroupName("logGroupName", name) != nil || checkStreamName("logStreamName", streamName) != nil {
		return nil, fmt.Errorf("logs: bad log group %q or stream %q", name, streamName)
	}
	var lines []bus.LogLine
	if err := json.Unmarshal(m.Body, &lines); err != nil {
		return nil, fmt.Errorf("logs: %w", err)
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
	return nil, nil
}
