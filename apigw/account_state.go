package apigw

import "github.com/awsfake/awsfake/internal/faults"

// accountState is one partition's account-level resources: VPC links,
// client certificates, custom domain names with their base path mappings, and
// the account's settings. Made on first write.
type accountState struct {
	vpcLinks map[string]*VpcLink           // by id
	certs    map[string]*ClientCertificate // by id
	domains  map[string]*domainName        // by domain name
	roleARN  string                        // UpdateAccount's /cloudwatchRoleArn
}

// acctLocked returns p's account state, making it.
func (p *partition) acctLocked() *accountState {
	if p.acct == nil {
		p.acct = &accountState{vpcLinks: map[string]*VpcLink{}, certs: map[string]*ClientCertificate{},
			domains: map[string]*domainName{}}
	}
	return p.acct
}

// acctReadLocked returns sc's account state for reading: an empty one when
// nothing was ever created there.
func (s *Service) acctReadLocked(sc faults.Scope) *accountState {
	if p := s.partLocked(sc); p != nil && p.acct != nil {
		return p.acct
	}
	return &accountState{}
}
