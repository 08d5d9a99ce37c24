package authz

import (
	"strings"

	"github.com/awsfake/awsfake/internal/faults"
)

// ResourceTagged adds aws:ResourceTag/<key> for each tag the resource the
// ask acts on carries.
func (a *Ask) ResourceTagged(tags map[string]string) {
	if len(tags) == 0 {
		return
	}
	if a.Context == nil {
		a.Context = make(map[string][]string, len(tags))
	}
	for k, v := range tags {
		a.Context["aws:resourcetag/"+strings.ToLower(k)] = []string{v}
	}
}

// Named is the ARN of the resource kind+name (kind "stateMachine:",
// "destination:") of service in scope sc, "" when name is empty (a
// request that names none asks on no resource).
func Named(sc faults.Scope, service, kind, name string) string {
	if name == "" {
		return ""
	}
	return sc.ARN(service, kind+name)
}
