package sns

import (
	"context"
	"encoding/json"
)

// Data protection policies: "Amazon SNS message data protection is no
// longer available to new customers." The fake stores a topic's policy
// document and returns it; it neither audits nor masks messages.

// maxDataProtectionPolicy: "Length Constraints: Maximum length of 30,720."
const maxDataProtectionPolicy = 30720

func checkDataProtectionPolicy(doc string) error {
	if doc != "" && (len(doc) > maxDataProtectionPolicy || !json.Valid([]byte(doc))) {
		return invalidParameter("Invalid parameter: DataProtectionPolicy")
	}
	return nil
}

// DataProtectionPolicyOutput holds a topic's data protection policy.
type DataProtectionPolicyOutput struct {
	DataProtectionPolicy string
}

// GetDataProtectionPolicy returns a topic's data protection policy, "" if
// it has none.
func (s *Service) GetDataProtectionPolicy(ctx context.Context, in ResourceInput) (DataProtectionPolicyOutput, error) {
	sc, err := s.enter(ctx, "GetDataProtectionPolicy")
	if err != nil {
		return DataProtectionPolicyOutput{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	t, err := s.topicLocked(sc.Region, in.ResourceArn)
	if err != nil {
		return DataProtectionPolicyOutput{}, err
	}
	return DataProtectionPolicyOutput{DataProtectionPolicy: t.dataProtection}, nil
}

// PutDataProtectionPolicyInput sets a topic's data protection policy.
type PutDataProtectionPolicyInput struct {
	ResourceArn          string
	DataProtectionPolicy string
}

// PutDataProtectionPolicy stores a topic's data protection policy.
func (s *Service) PutDataProtectionPolicy(ctx context.Context, in PutDataProtectionPolicyInput) error {
	sc, err := s.enter(ctx, "PutDataProtectionPolicy")
	if err != nil {
		return err
	}
	if in.DataProtectionPolicy == "" {
		return missing("DataProtectionPolicy")
	}
	if err := checkDataProtectionPolicy(in.DataProtectionPolicy); err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	t, err := s.topicLocked(sc.Region, in.ResourceArn)
	if err != nil {
		return err
	}
	t.dataProtection = in.DataProtectionPolicy
	return nil
}
