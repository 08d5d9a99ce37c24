package apigw

import (
	"context"
	"strings"

	"github.com/awsfake/awsfake/internal/awserr"
)

// UsagePlanKey is an API key in a usage plan: its id, name and value.
type UsagePlanKey struct {
	ID    string `json:"id"`
	Type  string `json:"type"`
	Name  string `json:"name,omitempty"`
	Value string `json:"value,omitempty"`
}

// CreateUsagePlanKeyInput is CreateUsagePlanKey's input: KeyType is
// API_KEY, the only type AWS has.
type CreateUsagePlanKeyInput struct {
	UsagePlanID string `json:"-"`
	KeyID       string `json:"keyId"`
	KeyType     string `json:"keyType"`
}

// UsagePlanKeyRef names a key of a usage plan.
type UsagePlanKeyRef struct{ UsagePlanID, KeyID string }

// GetUsagePlanKeysInput is GetUsagePlanKeys' input: the keys whose name
// starts with NameQuery (case-sensitive).
type GetUsagePlanKeysInput struct {
	UsagePlanID, NameQuery string
	PageInput
}

func (pk *planKey) view() UsagePlanKey {
	return UsagePlanKey{ID: pk.key.ID, Type: "API_KEY", Name: pk.key.Name, Value: pk.key.Value}
}

// CreateUsagePlanKey puts an API key in a usage plan. A key is in at most
// 10 plans, and no two of them may cover the same API stage.
func (s *Service) CreateUsagePlanKey(ctx context.Context, in CreateUsagePlanKeyInput) (UsagePlanKey, error) {
	sc, err := s.enter(ctx, "CreateUsagePlanKey")
	if err != nil {
		return UsagePlanKey{}, err
	}
	if in.KeyType != "API_KEY" {
		return UsagePlanKey{}, badRequest("Invalid key type specified: %s. Must be one of: [API_KEY]", in.KeyType)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	u := s.usageReadLocked(sc)
	up, err := u.planLocked(in.UsagePlanID)
	if err != nil {
		return UsagePlanKey{}, err
	}
	k, err := u.keyLocked(in.KeyID)
	if err != nil {
		return UsagePlanKey{}, err
	}
	if err := joinPlan(up, k); err != nil {
		return UsagePlanKey{}, err
	}
	return up.keys[k.ID].view(), nil
}

// joinPlan puts k in up, with AWS's conflicts.
func joinPlan(up *usagePlan, k *apiKey) *awserr.Error {
	if up.keys[k.ID] != nil {
		return conflict("Usage Plan %s already contains API Key %s", up.ID, k.ID)
	}
	if len(k.plans) >= maxPlansPerKey {
		return errs.New(codeLimitExceeded, "API Key %s cannot be added to more than %d Usage Plans", k.ID, maxPlansPerKey)
	}
	for _, st := range up.APIStages {
		if other, taken := k.stageTaken(up, st.APIID, st.Stage); taken {
			return conflict("Usage Plan %s cannot be added because API Key %s cannot reference multiple Usage Plans with the same API Stage: %s:%s (%s)",
				up.ID, k.ID, st.APIID, st.Stage, other.ID)
		}
	}
	up.keys[k.ID] = &planKey{key: k}
	k.plans[up.ID] = up
	return nil
}

// GetUsagePlanKey returns a key of a usage plan.
func (s *Service) GetUsagePlanKey(ctx context.Context, in UsagePlanKeyRef) (UsagePlanKey, error) {
	sc, err := s.enter(ctx, "GetUsagePlanKey")
	if err != nil {
		return UsagePlanKey{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	pk, err := s.usageReadLocked(sc).planKeyLocked(in)
	if err != nil {
		return UsagePlanKey{}, err
	}
	return pk.view(), nil
}

func (u *usageState) planKeyLocked(in UsagePlanKeyRef) (*planKey, error) {
	up, err := u.planLocked(in.UsagePlanID)
	if err != nil {
		return nil, err
	}
	if pk := up.keys[in.KeyID]; pk != nil {
		return pk, nil
	}
	return nil, notFound("Invalid Usage Plan Key identifier specified")
}

// GetUsagePlanKeys lists a plan's keys by name (then id). An unknown plan
// has none: AWS answers an empty list, as recorded
// (test_get_usage_plan_api_keys, get-up-keys-bad-usage-plan).
func (s *Service) GetUsagePlanKeys(ctx context.Context, in GetUsagePlanKeysInput) (Page[UsagePlanKey], error) {
	sc, err := s.enter(ctx, "GetUsagePlanKeys")
	if err != nil {
		return Page[UsagePlanKey]{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	keys := map[string]*planKey{}
	if up := s.usageReadLocked(sc).plans[in.UsagePlanID]; up != nil {
		for id, pk := range up.keys {
			if strings.HasPrefix(pk.key.Name, in.NameQuery) {
				keys[id] = pk
			}
		}
	}
	return pageOf(keys, (*planKey).view, func(k UsagePlanKey) string { return k.Name + "\x00" + k.ID }, in.PageInput)
}

// DeleteUsagePlanKey takes an API key out of a usage plan.
func (s *Service) DeleteUsagePlanKey(ctx context.Context, in UsagePlanKeyRef) error {
	sc, err := s.enter(ctx, "DeleteUsagePlanKey")
	if err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	u := s.usageReadLocked(sc)
	pk, err := u.planKeyLocked(in)
	if err != nil {
		return err
	}
	delete(u.plans[in.UsagePlanID].keys, pk.key.ID)
	delete(pk.key.plans, in.UsagePlanID)
	return nil
}
