package logs

import (
	"context"
	"strconv"
)

// PutRetentionPolicyInput is the input of PutRetentionPolicy.
type PutRetentionPolicyInput struct {
	LogGroupName    string `json:"logGroupName"`
	RetentionInDays int32  `json:"retentionInDays"`
}

// PutRetentionPolicy sets how many days the group keeps events, one of
// AWS's allowed values. Events older than that are invisible at once and
// deleted by the group's next retention sweep on the cloud's scheduler.
func (s *Service) PutRetentionPolicy(ctx context.Context, in PutRetentionPolicyInput) error {
	sc, err := s.enter(ctx, "PutRetentionPolicy")
	if err != nil {
		return err
	}
	if err := checkGroupName("logGroupName", in.LogGroupName); err != nil {
		return err
	}
	if !retentionDays[in.RetentionInDays] {
		return constraint("retentionInDays", strconv.Itoa(int(in.RetentionInDays)),
			"Member must satisfy enum value set: [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653]")
	}
	return s.lockedGroup(sc, in.LogGroupName, func(g *group) error {
		g.retention = in.RetentionInDays
		g.stopSweep()
		s.armSweepLocked(g)
		return nil
	})
}

// DeleteRetentionPolicyInput is the input of DeleteRetentionPolicy.
type DeleteRetentionPolicyInput struct {
	LogGroupName string `json:"logGroupName"`
}

// DeleteRetentionPolicy makes the group keep its events forever again;
// events already swept are gone, those only hidden come back.
func (s *Service) DeleteRetentionPolicy(ctx context.Context, in DeleteRetentionPolicyInput) error {
	sc, err := s.enter(ctx, "DeleteRetentionPolicy")
	if err != nil {
		return err
	}
	if err := checkGroupName("logGroupName", in.LogGroupName); err != nil {
		return err
	}
	return s.lockedGroup(sc, in.LogGroupName, func(g *group) error {
		g.retention = 0
		g.stopSweep()
		return nil
	})
}

// AssociateKmsKeyInput is the input of AssociateKmsKey.
type AssociateKmsKeyInput struct {
	LogGroupName       string `json:"logGroupName,omitempty"`
	KmsKeyID           string `json:"kmsKeyId"`
	ResourceIdentifier string `json:"resourceIdentifier,omitempty"`
}

// AssociateKmsKey stores the group's KMS key; nothing is encrypted.
func (s *Service) AssociateKmsKey(ctx context.Context, in AssociateKmsKeyInput) error {
	sc, err := s.enter(ctx, "AssociateKmsKey")
	if err != nil {
		return err
	}
	if err := checkLen("kmsKeyId", in.KmsKeyID, 1, 256); err != nil {
		return err
	}
	return s.setKMS(sc, in.LogGroupName, in.ResourceIdentifier, in.KmsKeyID)
}

// DisassociateKmsKeyInput is the input of DisassociateKmsKey.
type DisassociateKmsKeyInput struct {
	LogGroupName       string `json:"logGroupName,omitempty"`
	ResourceIdentifier string `json:"resourceIdentifier,omitempty"`
}

// DisassociateKmsKey removes the group's KMS key.
func (s *Service) DisassociateKmsKey(ctx context.Context, in DisassociateKmsKeyInput) error {
	sc, err := s.enter(ctx, "DisassociateKmsKey")
	if err != nil {
		return err
	}
	return s.setKMS(sc, in.LogGroupName, in.ResourceIdentifier, "")
}

// setKMS sets the KMS key of the group a name or identifier names.
func (s *Service) setKMS(sc scope, name, ident, key string) error {
	switch {
	case name != "" && ident != "":
		return invalidParam("LogGroup name and resource identifier are mutually exclusive parameters.")
	case name == "" && ident == "":
		return invalidParam("Either logGroupName or resourceIdentifier must be specified.")
	case ident != "":
		name = ident
	}
	return s.lockedGroup(sc, name, func(g *group) error {
		g.kms = key
		return nil
	})
}

// PutDataProtectionPolicyInput is the input of PutDataProtectionPolicy.
type PutDataProtectionPolicyInput struct {
	LogGroupIdentifier string `json:"logGroupIdentifier"`
	PolicyDocument     string `json:"policyDocument"`
}

// DataProtectionPolicyOutput is the output of PutDataProtectionPolicy and
// GetDataProtectionPolicy.
type DataProtectionPolicyOutput struct {
	LastUpdatedTime    int64  `json:"lastUpdatedTime,omitempty"`
	LogGroupIdentifier string `json:"logGroupIdentifier,omitempty"`
	PolicyDocument     string `json:"policyDocument,omitempty"`
}

// PutDataProtectionPolicy stores the group's data protection policy; no
// data is masked.
func (s *Service) PutDataProtectionPolicy(ctx context.Context, in PutDataProtectionPolicyInput) (DataProtectionPolicyOutput, error) {
	sc, err := s.enter(ctx, "PutDataProtectionPolicy")
	if err != nil {
		return DataProtectionPolicyOutput{}, err
	}
	if err := checkLen("policyDocument", in.PolicyDocument, 1, 5120); err != nil {
		return DataProtectionPolicyOutput{}, err
	}
	var out DataProtectionPolicyOutput
	err = s.lockedGroup(sc, in.LogGroupIdentifier, func(g *group) error {
		g.dataProtection = &dataProtection{document: in.PolicyDocument, updated: s.nowMs()}
		out = DataProtectionPolicyOutput{LastUpdatedTime: g.dataProtection.updated, LogGroupIdentifier: in.LogGroupIdentifier,
			PolicyDocument: in.PolicyDocument}
		return nil
	})
	return out, err
}

// GetDataProtectionPolicyInput is the input of GetDataProtectionPolicy
// and DeleteDataProtectionPolicy.
type GetDataProtectionPolicyInput struct {
	LogGroupIdentifier string `json:"logGroupIdentifier"`
}

// GetDataProtectionPolicy returns the group's data protection policy.
func (s *Service) GetDataProtectionPolicy(ctx context.Context, in GetDataProtectionPolicyInput) (DataProtectionPolicyOutput, error) {
	sc, err := s.enter(ctx, "GetDataProtectionPolicy")
	if err != nil {
		return DataProtectionPolicyOutput{}, err
	}
	out := DataProtectionPolicyOutput{LogGroupIdentifier: in.LogGroupIdentifier}
	err = s.lockedGroup(sc, in.LogGroupIdentifier, func(g *group) error {
		if dp := g.dataProtection; dp != nil {
			out.PolicyDocument, out.LastUpdatedTime = dp.document, dp.updated
		}
		return nil
	})
	return out, err
}

// DeleteDataProtectionPolicy removes the group's data protection policy.
func (s *Service) DeleteDataProtectionPolicy(ctx context.Context, in GetDataProtectionPolicyInput) error {
	sc, err := s.enter(ctx, "DeleteDataProtectionPolicy")
	if err != nil {
		return err
	}
	return s.lockedGroup(sc, in.LogGroupIdentifier, func(g *group) error {
		if g.dataProtection == nil {
			return notFound("No data protection policy found for log group %s.", g.name)
		}
		g.dataProtection = nil
		return nil
	})
}

// PutLogGroupDeletionProtectionInput is the input of
// PutLogGroupDeletionProtection.
type PutLogGroupDeletionProtectionInput struct {
	LogGroupIdentifier        string `json:"logGroupIdentifier"`
	DeletionProtectionEnabled bool   `json:"deletionProtectionEnabled"`
}

// PutLogGroupDeletionProtection turns the group's deletion protection on
// or off.
func (s *Service) PutLogGroupDeletionProtection(ctx context.Context, in PutLogGroupDeletionProtectionInput) error {
	sc, err := s.enter(ctx, "PutLogGroupDeletionProtection")
	if err != nil {
		return err
	}
	return s.lockedGroup(sc, in.LogGroupIdentifier, func(g *group) error {
		g.deletionProt = in.DeletionProtectionEnabled
		return nil
	})
}
