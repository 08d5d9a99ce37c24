package authz

import "strings"

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
