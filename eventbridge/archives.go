package eventbridge

import (
	"context"
	"slices"
	"strings"
	"time"

	"github.com/awsfake/awsfake/internal/pagetoken"
	"github.com/awsfake/awsfake/internal/pattern"
)

// archive keeps the events of a bus that match its pattern (every event
// without one), for replays. Events older than RetentionDays are dropped
// when the archive is read (0 keeps them for ever).
type archive struct {
	name, arn   string
	bus         *eventBus
	description string
	patternSrc  string
	pattern     *pattern.Pattern
	retention   int32
	created     time.Time
	events      []archived
	size        int64
}

type archived struct {
	at  time.Time // the event's time
	raw []byte
}

// record adds the event when it matches. It runs under the lock.
func (a *archive) record(ev event) {
	if a.pattern != nil && !a.pattern.Match(ev.obj) {
		return
	}
	at, _ := time.Parse("2006-01-02T15:04:05Z", stringField(ev.obj, "time"))
	a.events = append(a.events, archived{at: at, raw: ev.raw})
	a.size += int64(len(ev.raw))
}

// expire drops the events older than the retention. It runs under the lock.
func (a *archive) expire(now time.Time) {
	if a.retention <= 0 {
		return
	}
	cut := now.Add(-time.Duration(a.retention) * 24 * time.Hour)
	i := slices.IndexFunc(a.events, func(e archived) bool { return !e.at.Before(cut) })
	if i < 0 {
		i = len(a.events)
	}
	for _, e := range a.events[:i] {
		a.size -= int64(len(e.raw))
	}
	a.events = slices.Delete(a.events, 0, i)
}

func stringField(obj map[string]any, k string) string {
	s, _ := obj[k].(string)
	return s
}

// CreateArchiveInput is CreateArchive's input.
type CreateArchiveInput struct {
	ArchiveName      string
	EventSourceArn   string
	Description      string `json:",omitempty"`
	EventPattern     string `json:",omitempty"`
	KmsKeyIdentifier string `json:",omitempty"`
	RetentionDays    int32  `json:",omitempty"`
}

// ArchiveOutput is what CreateArchive and UpdateArchive answer.
type ArchiveOutput struct {
	ArchiveArn   string
	State        string
	CreationTime *Timestamp
}

// CreateArchive archives the events of a bus (EventSourceArn) that match
// its pattern from now on. A name in use is ResourceAlreadyExistsException
// (recorded: TestArchive::test_create_archive_error_duplicate).
func (s *Service) CreateArchive(ctx context.Context, in CreateArchiveInput) (ArchiveOutput, error) {
	sc, err := s.enter(ctx, "CreateArchive")
	if err != nil {
		return ArchiveOutput{}, err
	}
	if !ruleNameRE.MatchString(in.ArchiveName) || len(in.ArchiveName) > 48 {
		return ArchiveOutput{}, errConstraint(in.ArchiveName, "archiveName", "Member must satisfy regular expression pattern: [\\.\\-_A-Za-z0-9]+")
	}
	var p *pattern.Pattern
	if in.EventPattern != "" {
		if p, err = compilePattern(in.EventPattern); err != nil {
			return ArchiveOutput{}, err
		}
	}
	if in.RetentionDays < 0 {
		return ArchiveOutput{}, errConstraint(in.RetentionDays, "retentionDays", "Member must have value greater than or equal to 0")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	part := s.part(sc)
	if part.archives[in.ArchiveName] != nil {
		return ArchiveOutput{}, newError(codeResourceExists, "Archive %s already exists.", in.ArchiveName)
	}
	b, err := s.busNamed(sc, in.EventSourceArn)
	if err != nil || !strings.HasPrefix(in.EventSourceArn, "arn:") { // recorded: TestArchive::test_create_archive_error_unknown_event_bus
		_, busName, _ := strings.Cut(in.EventSourceArn, "event-bus/")
		return ArchiveOutput{}, errNoBus(busName)
	}
	a := &archive{name: in.ArchiveName, arn: part.sc.ARN(arnService, "archive/"+in.ArchiveName), bus: b, description: in.Description,
		patternSrc: in.EventPattern, pattern: p, retention: in.RetentionDays, created: s.now()}
	part.archives[a.name] = a
	b.archives = append(b.archives, a)
	return ArchiveOutput{ArchiveArn: a.arn, State: "ENABLED", CreationTime: At(a.created)}, nil
}

// ArchiveInput names an archive (DescribeArchive, DeleteArchive).
type ArchiveInput struct{ ArchiveName string }

// DescribeArchiveOutput is DescribeArchive's output.
type DescribeArchiveOutput struct {
	ArchiveArn     string
	ArchiveName    string
	EventSourceArn string
	Description    string `json:",omitempty"`
	EventPattern   string `json:",omitempty"`
	State          string
	RetentionDays  int32
	SizeBytes      int64
	EventCount     int64
	CreationTime   *Timestamp
}

// DescribeArchive describes an archive and counts its events.
func (s *Service) DescribeArchive(ctx context.Context, in ArchiveInput) (DescribeArchiveOutput, error) {
	sc, err := s.enter(ctx, "DescribeArchive")
	if err != nil {
		return DescribeArchiveOutput{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	a, err := s.archiveNamed(sc.Account, sc.Region, in.ArchiveName)
	if err != nil {
		return DescribeArchiveOutput{}, err
	}
	return a.view(), nil
}

func (a *archive) view() DescribeArchiveOutput {
	return DescribeArchiveOutput{ArchiveArn: a.arn, ArchiveName: a.name, EventSourceArn: a.bus.arn, Description: a.description,
		EventPattern: a.patternSrc, State: "ENABLED", RetentionDays: a.retention, SizeBytes: a.size, EventCount: int64(len(a.events)),
		CreationTime: At(a.created)}
}

// archiveNamed finds an archive and expires its old events. It runs under
// the lock.
func (s *Service) archiveNamed(account, region, name string) (*archive, error) {
	p := s.partitions[partKey{account, region}]
	if p == nil || p.archives[name] == nil {
		return nil, newError(codeResourceNotFound, "Archive %s does not exist.", name)
	}
	a := p.archives[name]
	a.expire(s.now())
	return a, nil
}

// DeleteArchive deletes an archive and its events.
func (s *Service) DeleteArchive(ctx context.Context, in ArchiveInput) error {
	sc, err := s.enter(ctx, "DeleteArchive")
	if err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	a, err := s.archiveNamed(sc.Account, sc.Region, in.ArchiveName)
	if err != nil {
		return err
	}
	delete(s.partitions[partKey{sc.Account, sc.Region}].archives, a.name)
	a.bus.archives = slices.DeleteFunc(a.bus.archives, func(x *archive) bool { return x == a })
	return nil
}

// ListArchivesInput is ListArchives's input.
type ListArchivesInput struct {
	NamePrefix     string `json:",omitempty"`
	EventSourceArn string `json:",omitempty"`
	State          string `json:",omitempty"`
	NextToken      string `json:",omitempty"`
	Limit          int32  `json:",omitempty"`
}

// ListArchivesOutput is ListArchives's output.
type ListArchivesOutput struct {
	Archives  []DescribeArchiveOutput
	NextToken string `json:",omitempty"`
}

// ListArchives lists the archives by name.
func (s *Service) ListArchives(ctx context.Context, in ListArchivesInput) (ListArchivesOutput, error) {
	sc, err := s.enter(ctx, "ListArchives")
	if err != nil {
		return ListArchivesOutput{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	p := s.part(sc)
	var all []DescribeArchiveOutput
	for _, n := range sortedNames(p.archives) {
		a := p.archives[n]
		a.expire(s.now())
		if strings.HasPrefix(n, in.NamePrefix) && (in.EventSourceArn == "" || in.EventSourceArn == a.bus.arn) &&
			(in.State == "" || in.State == "ENABLED") {
			all = append(all, a.view())
		}
	}
	page, next, ok := pagetoken.Page(all, func(a DescribeArchiveOutput) string { return a.ArchiveName }, in.NextToken, pageSize(in.Limit))
	if !ok {
		return ListArchivesOutput{}, errValidation("The nextToken provided is invalid.")
	}
	return ListArchivesOutput{Archives: orEmpty(page), NextToken: next}, nil
}
