package sns

import "github.com/awsfake/awsfake/internal/faults"

// partKey names a partition of the service's state: SNS is regional, and
// each account has its own topics, subscriptions, platform applications and
// SMS settings in each region.
type partKey struct{ account, region string }

func keyOf(sc faults.Scope) partKey { return partKey{sc.Account, sc.Region} }

// partition is what one account holds in one region beside its ARN-keyed
// resources: the lists of its topics, subscriptions and platform
// applications, and its SMS settings.
type partition struct {
	topicArns sortedSet
	subArns   sortedSet
	appArns   sortedSet
	sms       smsState
}

// partLocked returns the partition of k, created on first write.
func (s *Service) partLocked(k partKey) *partition {
	p := s.parts[k]
	if p == nil {
		p = &partition{}
		s.parts[k] = p
	}
	return p
}

// viewLocked returns the partition of k for reading: an empty one, not
// stored, when k has none yet.
func (s *Service) viewLocked(k partKey) *partition {
	if p := s.parts[k]; p != nil {
		return p
	}
	return &partition{}
}
