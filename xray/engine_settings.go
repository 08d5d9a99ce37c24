package xray

import (
	"time"

	"github.com/awsfake/awsfake/internal/faults"
)

// settings are a partition's groups, sampling rules, encryption
// configuration, tags and resource policies.
type settings struct {
	groups        map[string]*Group        // by name
	rules         map[string]*samplingRule // by name, the Default rule among them
	rulesModified time.Time                // the last change of a rule
	encryption    EncryptionConfig
	tags          map[string]map[string]string // by resource ARN
	policies      map[string]*ResourcePolicy   // by name
	telemetry     int                          // telemetry records received
}

// Default rule: every account has it (priority 10000, one request a
// second, then 5%); it cannot be deleted.
const (
	defaultRuleName     = "Default"
	defaultRulePriority = 10000
)

func newSettings(sc faults.Scope) settings {
	def := &samplingRule{rule: SamplingRule{
		RuleName: defaultRuleName, RuleARN: sc.ARN(arnService, "sampling-rule/"+defaultRuleName),
		ResourceARN: "*", Priority: ptr(int32(defaultRulePriority)), FixedRate: 0.05, ReservoirSize: 1,
		ServiceName: "*", ServiceType: "*", Host: "*", HTTPMethod: "*", URLPath: "*", Version: ptr(int32(1)),
		Attributes: map[string]string{},
	}, clients: map[string]time.Time{}}
	return settings{
		groups: map[string]*Group{}, rules: map[string]*samplingRule{defaultRuleName: def},
		encryption: EncryptionConfig{Type: "NONE", Status: "ACTIVE"},
		tags:       map[string]map[string]string{}, policies: map[string]*ResourcePolicy{},
	}
}

// groupLookup is how filter expressions of the partition find a group.
func (p *partition) groupLookup() groupLookup {
	return func(byARN bool, v string) (string, bool) {
		for _, g := range p.groups {
			if (byARN && g.GroupARN == v) || (!byARN && g.GroupName == v) {
				return g.FilterExpression, true
			}
		}
		return "", false
	}
}
