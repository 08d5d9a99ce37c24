package xray

import (
	"context"
	"time"

	"github.com/awsfake/awsfake/internal/faults"
)

// MaxStatisticsDocuments is how many statistics documents one
// GetSamplingTargets call takes (the model's list bound).
const MaxStatisticsDocuments = 25

// SamplingStatisticsDocument is what a tracer counted for one rule.
type SamplingStatisticsDocument struct {
	RuleName     string
	ClientID     string
	Timestamp    *Time `json:",omitempty"`
	RequestCount int32
	SampledCount int32
	BorrowCount  int32
}

// SamplingTargetDocument is what X-Ray tells a tracer for one rule.
type SamplingTargetDocument struct {
	RuleName          string
	FixedRate         float64
	ReservoirQuota    *int32 `json:",omitempty"`
	ReservoirQuotaTTL *Time  `json:",omitempty"`
	Interval          *int32 `json:",omitempty"`
}

// UnprocessedStatistics is a statistics document X-Ray did not take.
type UnprocessedStatistics struct {
	RuleName  string
	ErrorCode string
	Message   string
}

// GetSamplingTargetsInput is GetSamplingTargets's input.
type GetSamplingTargetsInput struct {
	SamplingStatisticsDocuments      []SamplingStatisticsDocument
	SamplingBoostStatisticsDocuments []map[string]any `json:",omitempty"`
}

// GetSamplingTargetsOutput is GetSamplingTargets's output.
type GetSamplingTargetsOutput struct {
	SamplingTargetDocuments    []SamplingTargetDocument
	LastRuleModification       *Time `json:",omitempty"`
	UnprocessedStatistics      []UnprocessedStatistics
	UnprocessedBoostStatistics []UnprocessedStatistics
}

// GetSamplingTargets takes a tracer's statistics and answers each rule's
// target: its fixed rate, and a reservoir quota (the rule's reservoir per
// second, split between the tracers that reported within the last
// SamplingInterval) valid until ReservoirQuotaTTL, one interval from now.
// A statistics document for an unknown rule is unprocessed.
func (s *Service) GetSamplingTargets(ctx context.Context, in GetSamplingTargetsInput) (GetSamplingTargetsOutput, error) {
	sc, err := s.enter(ctx, "GetSamplingTargets")
	if err != nil {
		return GetSamplingTargetsOutput{}, err
	}
	if len(in.SamplingStatisticsDocuments) > MaxStatisticsDocuments {
		return GetSamplingTargetsOutput{}, errInvalid("At most %d sampling statistics documents", MaxStatisticsDocuments)
	}
	for _, d := range in.SamplingStatisticsDocuments {
		if d.RuleName == "" || d.ClientID == "" || d.Timestamp == nil {
			return GetSamplingTargetsOutput{}, errInvalid("RuleName, ClientID and Timestamp are required")
		}
		if d.RequestCount < 0 || d.SampledCount < 0 || d.BorrowCount < 0 {
			return GetSamplingTargetsOutput{}, errInvalid("Counts must be at least 0")
		}
	}
	return locked(s, sc, func(p *partition) (GetSamplingTargetsOutput, error) {
		now := s.now()
		out := GetSamplingTargetsOutput{SamplingTargetDocuments: []SamplingTargetDocument{},
			UnprocessedStatistics: []UnprocessedStatistics{}, UnprocessedBoostStatistics: []UnprocessedStatistics{},
			LastRuleModification: At(p.rulesModified)}
		if out.LastRuleModification == nil {
			out.LastRuleModification = &Time{time.Unix(0, 0).UTC()}
		}
		for _, d := range in.SamplingStatisticsDocuments {
			r := p.rules[d.RuleName]
			if r == nil {
				out.UnprocessedStatistics = append(out.UnprocessedStatistics,
					UnprocessedStatistics{RuleName: d.RuleName, ErrorCode: "400", Message: "Sampling rule does not exist"})
				continue
			}
			r.stats.RequestCount += d.RequestCount
			r.stats.SampledCount += d.SampledCount
			r.stats.BorrowCount += d.BorrowCount
			r.stats.Timestamp = d.Timestamp
			out.SamplingTargetDocuments = append(out.SamplingTargetDocuments, SamplingTargetDocument{
				RuleName: r.rule.RuleName, FixedRate: r.rule.FixedRate,
				ReservoirQuota: ptr(r.quota(d.ClientID, now)), ReservoirQuotaTTL: At(now.Add(SamplingInterval)),
				Interval: ptr(int32(SamplingInterval / time.Second)),
			})
		}
		return out, nil
	})
}

// SamplingStatisticSummary is what X-Ray counted of one rule.
type SamplingStatisticSummary struct {
	RuleName     string
	Timestamp    *Time `json:",omitempty"`
	RequestCount int32
	SampledCount int32
	BorrowCount  int32
}

// GetSamplingStatisticSummariesInput is GetSamplingStatisticSummaries's
// input.
type GetSamplingStatisticSummariesInput struct {
	NextToken string `json:",omitempty"`
}

// GetSamplingStatisticSummariesOutput is GetSamplingStatisticSummaries's
// output.
type GetSamplingStatisticSummariesOutput struct {
	SamplingStatisticSummaries []SamplingStatisticSummary
	NextToken                  string `json:",omitempty"`
}

// GetSamplingStatisticSummaries lists, for each rule that counted a
// request (reported by tracers or drawn by Sample), the totals so far.
func (s *Service) GetSamplingStatisticSummaries(ctx context.Context, _ GetSamplingStatisticSummariesInput) (GetSamplingStatisticSummariesOutput, error) {
	sc, err := s.enter(ctx, "GetSamplingStatisticSummaries")
	if err != nil {
		return GetSamplingStatisticSummariesOutput{}, err
	}
	return locked(s, sc, func(p *partition) (GetSamplingStatisticSummariesOutput, error) {
		out := GetSamplingStatisticSummariesOutput{SamplingStatisticSummaries: []SamplingStatisticSummary{}}
		for _, r := range p.sortedRules() {
			if r.stats.RequestCount == 0 && r.stats.SampledCount == 0 && r.stats.BorrowCount == 0 {
				continue
			}
			st := r.stats
			st.RuleName = r.rule.RuleName
			out.SamplingStatisticSummaries = append(out.SamplingStatisticSummaries, st)
		}
		return out, nil
	})
}

// SamplingRequest is a request a tracer decides to sample or not: the
// properties sampling rules match.
type SamplingRequest struct {
	ServiceName, ServiceType, Host, HTTPMethod, URLPath, ResourceARN string
	Attributes                                                       map[string]string
}

// SamplingDecision is Sample's answer.
type SamplingDecision struct {
	Sampled  bool
	RuleName string
}

// Sample decides, as an X-Ray SDK with centralized sampling does, whether
// to trace a request of the caller's account: the first matching rule by
// priority (the Default rule last) takes it from its reservoir, refilled
// every second of the cloud's clock, then at its fixed rate (draws from
// the cloud's seeded generator). A test gives it to its own tracer; it is
// not an AWS operation and records no call.
func (s *Service) Sample(ctx context.Context, req SamplingRequest) SamplingDecision {
	return s.sample(s.scopeOf(ctx), req)
}

// sample is Sample in the account and region of sc.
func (s *Service) sample(sc faults.Scope, req SamplingRequest) SamplingDecision {
	s.mu.Lock()
	defer s.mu.Unlock()
	p := s.partitionOf(sc)
	for _, r := range p.byPriority() {
		if r.matchRequest(req) {
			return SamplingDecision{Sampled: r.take(s.now(), s.ids.Float64()), RuleName: r.rule.RuleName}
		}
	}
	return SamplingDecision{}
}
