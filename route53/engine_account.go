package route53

import (
	"strconv"
	"strings"
	"time"
)

// account is one account's Route 53 state.
type account struct {
	zones     map[string]*zone   // by id (no prefix)
	refs      map[string]bool    // CallerReferences of CreateHostedZone
	changes   map[string]*change // by id (no prefix)
	sets      map[string]*delegationSet
	setRefs   map[string]bool // CallerReferences of CreateReusableDelegationSet
	queryLogs map[string]*QueryLoggingConfig
	nextZone  int // numbers zone ids
	nextSet   int
	nextNames int                     // picks the name servers of a zone without a reusable set
	checks    map[string]*healthCheck // health checks by id
	hcOrder   []string                // health check ids, oldest first
	hcRefs    map[string]*healthCheck // CallerReferences of CreateHealthCheck (deleted ones kept)
	domainOps []*domainOp             // registrar operations, oldest first
}

func newAccount() *account {
	return &account{zones: map[string]*zone{}, refs: map[string]bool{}, changes: map[string]*change{},
		sets: map[string]*delegationSet{}, setRefs: map[string]bool{}, queryLogs: map[string]*QueryLoggingConfig{},
		checks: map[string]*healthCheck{}, hcRefs: map[string]*healthCheck{}}
}

// change is one submitted change: PENDING until ChangePropagation has
// passed on the clock since it was submitted, then INSYNC, computed when
// read.
type change struct {
	id      string
	at      time.Time
	comment string
}

// info returns the change as GetChange shows it at now.
func (c *change) info(now time.Time) ChangeInfo {
	status := "PENDING"
	if !now.Before(c.at.Add(ChangePropagation)) {
		status = "INSYNC"
	}
	return ChangeInfo{Id: "/change/" + c.id, Status: status, SubmittedAt: c.at, Comment: c.comment}
}

// delegationSet is a reusable delegation set.
type delegationSet struct {
	id, ref string
	servers []string
	zones   int // zones using it
}

// stripID removes a /hostedzone/, /change/ or /delegationset/ prefix: the
// SDK strips it from inputs, other clients may send it.
func stripID(id string) string {
	if i := strings.LastIndexByte(id, '/'); i >= 0 {
		return id[i+1:]
	}
	return id
}

// nameServers returns the four name servers of set n, in AWS's form: one
// each under awsdns-NN.com, .net, .org and .co.uk, ns-N a number below 2048
// (recorded: a new zone's NS record holds four such names).
func nameServers(n int) []string {
	base := (n*517 + 211) % 512 * 4
	stripe := (n*13 + 7) % 64
	tlds := []string{"com", "net", "org", "co.uk"}
	out := make([]string, 4)
	for i, tld := range tlds {
		out[i] = "ns-" + strconv.Itoa((base+i*129)%2048) + ".awsdns-" + pad2((stripe+i*16)%64) + "." + tld
	}
	return out
}

func pad2(n int) string {
	if n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}
