package eventbridge

import (
	"slices"
	"strings"
	"time"

	"github.com/awsfake/awsfake/internal/arn"
	"github.com/awsfake/awsfake/internal/faults"
	"github.com/awsfake/awsfake/internal/pattern"
	"github.com/awsfake/awsfake/internal/sched"
)

// eventBus is one bus: its rules, and an index of them by the event's
// source for the rules whose pattern names exact sources, so that an event
// is matched against the rules that may match it rather than all of them.
type eventBus struct {
	sc                faults.Scope
	name, arn         string
	description       string
	policy            *busPolicy
	created, modified time.Time
	rules             map[string]*rule
	bySource          map[string][]*rule
	unindexed         []*rule
	archives          []*archive
}

func newEventBus(sc faults.Scope, name string, now time.Time) *eventBus {
	return &eventBus{sc: sc, name: name, arn: sc.ARN(arnService, "event-bus/"+name), created: now, modified: now,
		rules: map[string]*rule{}, bySource: map[string][]*rule{}}
}

// rule is one rule of a bus: an event pattern, a schedule, or both, and
// its targets by id.
type rule struct {
	bus         *eventBus
	name, arn   string
	patternSrc  string
	pattern     *pattern.Pattern
	scheduleSrc string
	schedule    scheduleExpr
	origin      time.Time // a rate counts from here: the rule's creation or its last schedule change
	state       string
	description string
	roleArn     string
	managedBy   string
	targets     []Target
	job         *sched.Job
	sources     []string // the exact sources it is indexed under (eventBus.index)
}

func (r *rule) disarm() {
	if r.job != nil {
		r.job.Cancel()
		r.job = nil
	}
}

// ruleARN is AWS's rule ARN: rule/<name> on the default bus,
// rule/<bus>/<name> on another.
func ruleARN(sc faults.Scope, bus, name string) string {
	if bus == defaultBus {
		return sc.ARN(arnService, "rule/"+name)
	}
	return sc.ARN(arnService, "rule/"+bus+"/"+name)
}

// index puts r in the bus's source index: in the list of each exact
// source its pattern names, else among the unindexed rules; each list is
// kept in name order. Changing one rule costs the lists it is in, not the
// bus's rules. It runs under the lock.
func (b *eventBus) index(r *rule) {
	if r.pattern == nil {
		return
	}
	if srcs, ok := r.pattern.ExactValues("source"); ok {
		for _, src := range srcs {
			if !slices.Contains(r.sources, src) {
				r.sources = append(r.sources, src)
				b.bySource[src] = insertByName(b.bySource[src], r)
			}
		}
		return
	}
	b.unindexed = insertByName(b.unindexed, r)
}

// unindex takes r out of the source index, before its pattern changes or
// it is deleted. It runs under the lock.
func (b *eventBus) unindex(r *rule) {
	for _, src := range r.sources {
		b.bySource[src] = slices.DeleteFunc(b.bySource[src], func(x *rule) bool { return x == r })
		if len(b.bySource[src]) == 0 {
			delete(b.bySource, src)
		}
	}
	r.sources = nil
	b.unindexed = slices.DeleteFunc(b.unindexed, func(x *rule) bool { return x == r })
}

func insertByName(list []*rule, r *rule) []*rule {
	i, _ := slices.BinarySearchFunc(list, r.name, func(x *rule, name string) int { return strings.Compare(x.name, name) })
	return slices.Insert(list, i, r)
}

// matching returns the enabled rules whose pattern matches the event,
// in name order. It runs under the lock.
func (b *eventBus) matching(source string, event any) []*rule {
	var out []*rule
	for _, list := range [][]*rule{b.bySource[source], b.unindexed} {
		for _, r := range list {
			if r.state == RuleEnabled && r.pattern.Match(event) {
				out = append(out, r)
			}
		}
	}
	if len(b.bySource[source]) > 0 && len(b.unindexed) > 0 {
		slices.SortFunc(out, func(x, y *rule) int { return strings.Compare(x.name, y.name) })
	}
	return out
}

func sortedNames[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

func parseARN(s string) (arn.ARN, bool) {
	if !strings.HasPrefix(s, "arn:") {
		return arn.ARN{}, false
	}
	a, err := arn.Parse(s)
	return a, err == nil
}

func trimPrefix(s, prefix string) string { return strings.TrimPrefix(s, prefix) }
