package apigw

import (
	"context"
	"slices"
	"strings"

	"github.com/awsfake/awsfake/internal/awserr"
	"github.com/awsfake/awsfake/internal/faults"
	"github.com/awsfake/awsfake/internal/tags"
)

// ApiKey is an API key as GetApiKey returns it: the value only when asked
// for (includeValue), and always by CreateApiKey.
type ApiKey struct {
	ID              string            `json:"id"`
	Value           string            `json:"value,omitempty"`
	Name            string            `json:"name,omitempty"`
	CustomerID      string            `json:"customerId,omitempty"`
	Description     string            `json:"description,omitempty"`
	Enabled         bool              `json:"enabled"`
	CreatedDate     Timestamp         `json:"createdDate"`
	LastUpdatedDate Timestamp         `json:"lastUpdatedDate"`
	StageKeys       []string          `json:"stageKeys"`
	Tags            map[string]string `json:"tags,omitempty"`
}

// StageKey names a stage in CreateApiKey's deprecated stageKeys.
type StageKey struct {
	RestAPIID string `json:"restApiId"`
	StageName string `json:"stageName"`
}

// CreateApiKeyInput is CreateApiKey's input: without a value, AWS's
// generates one of 40 characters.
type CreateApiKeyInput struct {
	Name               string            `json:"name,omitempty"`
	Description        *string           `json:"description,omitempty"`
	Enabled            bool              `json:"enabled,omitempty"`
	GenerateDistinctID bool              `json:"generateDistinctId,omitempty"`
	Value              string            `json:"value,omitempty"`
	StageKeys          []StageKey        `json:"stageKeys,omitempty"`
	CustomerID         string            `json:"customerId,omitempty"`
	Tags               map[string]string `json:"tags,omitempty"`
}

// GetApiKeyInput names an API key; IncludeValue asks for its value.
type GetApiKeyInput struct {
	APIKey       string
	IncludeValue bool
}

// ApiKeyRef names an API key by id.
type ApiKeyRef struct{ APIKey string }

// GetApiKeysInput is GetApiKeys' input: keys whose name starts with
// NameQuery (case-sensitive, as recorded in test_get_api_keys), of
// CustomerID when set, with their values when IncludeValues.
type GetApiKeysInput struct {
	NameQuery, CustomerID string
	IncludeValues         bool
	PageInput
}

// UpdateApiKeyInput is UpdateApiKey's input.
type UpdateApiKeyInput struct {
	APIKey          string           `json:"-"`
	PatchOperations []PatchOperation `json:"patchOperations"`
}

// Limits of an API key: "A Key value must be between 20 and 128
// characters. A Name value cannot exceed 1024 characters"
// (api-key-file-format.html); generated values are 40 characters, as
// AWS's are. The description's bound is this fake's: AWS answers
// "Invalid API Key description specified." for one too long
// (test_update_api_key_invalid_description_length) without saying where.
const (
	minKeyValue    = 20
	maxKeyValue    = 128
	generatedValue = 40
	maxKeyName     = 1024
	maxKeyDesc     = 125000
)

// usageState is one partition's API keys and usage plans, and the
// throttle buckets of its account and its stages' methods.
type usageState struct {
	keys    map[string]*apiKey // by id
	byValue map[string]*apiKey
	plans   map[string]*usagePlan
	account bucket
	stages  map[stageMethod]*bucket
	// accountLimit is SetAccountThrottle's; nil is AWS's default.
	accountLimit *ThrottleSettings
}

// apiKey is an API key and the usage plans it is in (at most 10).
type apiKey struct {
	ApiKey
	plans map[string]*usagePlan
}

// usageLocked returns p's usage state, making it.
func (p *partition) usageLocked() *usageState {
	if p.usage == nil {
		p.usage = &usageState{keys: map[string]*apiKey{}, byValue: map[string]*apiKey{}, plans: map[string]*usagePlan{}}
	}
	return p.usage
}

// usageReadLocked returns sc's usage state for reading: an empty one when
// nothing was ever created there.
func (s *Service) usageReadLocked(sc faults.Scope) *usageState {
	if p := s.partLocked(sc); p != nil && p.usage != nil {
		return p.usage
	}
	return &usageState{}
}

func (u *usageState) keyLocked(id string) (*apiKey, error) {
	if k := u.keys[id]; k != nil {
		return k, nil
	}
	return nil, notFound("Invalid API Key identifier specified")
}

// view is the key as answered, with or without its value.
func (k *apiKey) view(withValue bool) ApiKey {
	v := k.ApiKey
	v.StageKeys = slices.Clone(v.StageKeys)
	if v.StageKeys == nil {
		v.StageKeys = []string{}
	}
	v.Tags = clone(v.Tags)
	if !withValue {
		v.Value = ""
	}
	return v
}

// newKeyValue is a generated API key value: 40 letters and digits.
func (s *Service) newKeyValue() string {
	const alnum = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
	b := make([]byte, generatedValue)
	for i := range b {
		b[i] = alnum[s.env.IDs.IntN(len(alnum))]
	}
	return string(b)
}

// checkKeyFields validates a key's name, value and description with the
// texts AWS answers, as recorded (test_create_api_key_with_invalid_name,
// _value, test_update_api_key_invalid_description_length).
func checkKeyFields(name, value, description string) *awserr.Error {
	switch n := len([]rune(value)); {
	case len([]rune(name)) > maxKeyName:
		return badRequest("Invalid API Key name, can be at most %d characters.", maxKeyName)
	case value != "" && n < minKeyValue:
		return badRequest("API Key value should be at least %d characters", minKeyValue)
	case n > maxKeyValue:
		return badRequest("API Key value exceeds maximum size of %d characters", maxKeyValue)
	case len([]rune(description)) > maxKeyDesc:
		return badRequest("Invalid API Key description specified.")
	}
	return nil
}

// CreateApiKey creates an API key, disabled unless Enabled, with the
// value given or a generated one. A value another key has is a
// ConflictException.
func (s *Service) CreateApiKey(ctx context.Context, in CreateApiKeyInput) (ApiKey, error) {
	sc, err := s.enter(ctx, "CreateApiKey")
	if err != nil {
		return ApiKey{}, err
	}
	desc := ""
	if in.Description != nil {
		desc = *in.Description
	}
	if err := checkKeyFields(in.Name, in.Value, desc); err != nil {
		return ApiKey{}, err
	}
	if err := tagRules.Check(tags.FromMap(in.Tags)); err != nil {
		return ApiKey{}, err
	}
	stageKeys := make([]string, 0, len(in.StageKeys))
	for _, sk := range in.StageKeys {
		stageKeys = append(stageKeys, sk.RestAPIID+"/"+sk.StageName)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	u := s.partForWriteLocked(sc).usageLocked()
	value := in.Value
	if value == "" {
		value = s.newKeyValue()
	}
	if u.byValue[value] != nil {
		return ApiKey{}, conflict("API Key already exists")
	}
	k := s.addKeyLocked(u, ApiKey{Value: value, Name: in.Name, CustomerID: in.CustomerID, Description: desc,
		Enabled: in.Enabled, StageKeys: stageKeys, Tags: clone(in.Tags)})
	return k.view(true), nil
}

// addKeyLocked stores a new key with a fresh id: ten lowercase
// alphanumerics, the form of AWS's API key ids.
func (s *Service) addKeyLocked(u *usageState, v ApiKey) *apiKey {
	for v.ID == "" || u.keys[v.ID] != nil {
		v.ID = s.newID(10)
	}
	now := Timestamp(s.env.Clock.Now())
	v.CreatedDate, v.LastUpdatedDate = now, now
	k := &apiKey{ApiKey: v, plans: map[string]*usagePlan{}}
	u.keys[k.ID], u.byValue[k.Value] = k, k
	return k
}

// GetApiKey returns an API key, with its value when asked.
func (s *Service) GetApiKey(ctx context.Context, in GetApiKeyInput) (ApiKey, error) {
	sc, err := s.enter(ctx, "GetApiKey")
	if err != nil {
		return ApiKey{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	k, err := s.usageReadLocked(sc).keyLocked(in.APIKey)
	if err != nil {
		return ApiKey{}, err
	}
	return k.view(in.IncludeValue), nil
}

// GetApiKeys lists API keys by name (then id).
func (s *Service) GetApiKeys(ctx context.Context, in GetApiKeysInput) (Page[ApiKey], error) {
	sc, err := s.enter(ctx, "GetApiKeys")
	if err != nil {
		return Page[ApiKey]{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	all := []ApiKey{}
	for _, k := range s.usageReadLocked(sc).keys {
		if strings.HasPrefix(k.Name, in.NameQuery) && (in.CustomerID == "" || k.CustomerID == in.CustomerID) {
			all = append(all, k.view(in.IncludeValues))
		}
	}
	slices.SortFunc(all, func(x, y ApiKey) int { return strings.Compare(keyOrder(x), keyOrder(y)) })
	return page(all, keyOrder, in.PageInput)
}

// keyOrder is the order keys are listed in: by name, then id.
func keyOrder(k ApiKey) string { return k.Name + "\x00" + k.ID }

// UpdateApiKey applies patch operations: replace /name, /description,
// /enabled ("true" enables; any other value disables, as recorded in
// test_update_api_key_invalid_enabled_type) and /customerId; add or
// remove /stages ({restApiId}/{stageName}).
func (s *Service) UpdateApiKey(ctx context.Context, in UpdateApiKeyInput) (ApiKey, error) {
	sc, err := s.enter(ctx, "UpdateApiKey")
	if err != nil {
		return ApiKey{}, err
	}
	if err := checkPatch("updateApiKeyInput", in.PatchOperations); err != nil {
		return ApiKey{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	k, err := s.usageReadLocked(sc).keyLocked(in.APIKey)
	if err != nil {
		return ApiKey{}, err
	}
	next := k.view(true)
	for _, op := range in.PatchOperations {
		if err := patchAPIKey(&next, op); err != nil {
			return ApiKey{}, err
		}
	}
	if err := checkKeyFields(next.Name, next.Value, next.Description); err != nil {
		return ApiKey{}, err
	}
	next.LastUpdatedDate = Timestamp(s.env.Clock.Now())
	k.ApiKey = next
	return k.view(false), nil
}

func patchAPIKey(k *ApiKey, op PatchOperation) error {
	v := op.value()
	if op.Path == "/stages" && (op.Op == "add" || op.Op == "remove") {
		k.StageKeys = slices.DeleteFunc(k.StageKeys, func(s string) bool { return s == v })
		if op.Op == "add" {
			k.StageKeys = append(k.StageKeys, v)
		}
		return nil
	}
	if op.Op != "replace" {
		return errPatchPath(op)
	}
	switch op.Path {
	case "/name":
		k.Name = v
	case "/description":
		k.Description = v
	case "/enabled":
		k.Enabled = v == "true"
	case "/customerId":
		k.CustomerID = v
	default:
		return errPatchPath(op, "/description", "/enabled", "/name", "/customerId")
	}
	return nil
}

// DeleteApiKey deletes an API key and takes it out of its usage plans.
func (s *Service) DeleteApiKey(ctx context.Context, in ApiKeyRef) error {
	sc, err := s.enter(ctx, "DeleteApiKey")
	if err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	u := s.usageReadLocked(sc)
	k, err := u.keyLocked(in.APIKey)
	if err != nil {
		return err
	}
	for _, p := range k.plans {
		delete(p.keys, k.ID)
	}
	delete(u.keys, k.ID)
	delete(u.byValue, k.Value)
	return nil
}
