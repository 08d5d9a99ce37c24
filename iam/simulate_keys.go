package iam

import "context"

// GetContextKeysForCustomPolicyInput holds documents.
type GetContextKeysForCustomPolicyInput struct{ PolicyInputList []string }

// GetContextKeysOutput lists condition keys.
type GetContextKeysOutput struct {
	ContextKeyNames []string `xml:"ContextKeyNames>member"`
}

// GetContextKeysForCustomPolicy lists the condition keys the documents
// use, lower-cased and sorted, once each.
func (s *Service) GetContextKeysForCustomPolicy(ctx context.Context, in GetContextKeysForCustomPolicyInput) (GetContextKeysOutput, error) {
	_, err := s.enter(ctx, "GetContextKeysForCustomPolicy")
	if err != nil {
		return GetContextKeysOutput{}, err
	}
	docs, err := parseInputs("PolicyInputList", in.PolicyInputList, identityDoc)
	if err != nil {
		return GetContextKeysOutput{}, err
	}
	return GetContextKeysOutput{ContextKeyNames: contextKeys(docs)}, nil
}

// GetContextKeysForPrincipalPolicyInput names a principal and more documents.
type GetContextKeysForPrincipalPolicyInput struct {
	PolicySourceArn string
	PolicyInputList []string
}

// GetContextKeysForPrincipalPolicy lists the condition keys of a user's,
// group's or role's policies and of PolicyInputList.
func (s *Service) GetContextKeysForPrincipalPolicy(ctx context.Context, in GetContextKeysForPrincipalPolicyInput) (GetContextKeysOutput, error) {
	sc, err := s.enter(ctx, "GetContextKeysForPrincipalPolicy")
	if err != nil {
		return GetContextKeysOutput{}, err
	}
	docs, err := parseInputs("PolicyInputList", in.PolicyInputList, identityDoc)
	if err != nil {
		return GetContextKeysOutput{}, err
	}
	var out GetContextKeysOutput
	err = s.locked(sc, func(a *account) error {
		p, err := a.principal(in.PolicySourceArn)
		if err == nil {
			out.ContextKeyNames = contextKeys(append(p.identity, docs...))
		}
		return err
	})
	return out, err
}
