package apigw_test

import (
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	sdk "github.com/aws/aws-sdk-go-v2/service/apigateway"
	"github.com/aws/aws-sdk-go-v2/service/apigateway/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// keysFixture is an API whose GET /pets needs an API key and GET /free
// does not (both MOCKs answering {"ok":true}), deployed to prod and dev.
type keysFixture struct {
	*fixture
	api, pets, root string
}

func newKeysFixture(t *testing.T) *keysFixture {
	t.Helper()
	f := newFixture(t)
	api, root := f.api(t, "keys")
	pets := f.resource(t, api, root, "pets")
	free := f.resource(t, api, root, "free")
	f.mock(t, api, pets, "GET", "200", `{"ok":true}`)
	f.mock(t, api, free, "GET", "200", `{"ok":true}`)
	_, err := f.client.UpdateMethod(f.ctx, &sdk.UpdateMethodInput{RestApiId: &api, ResourceId: &pets, HttpMethod: aws.String("GET"),
		PatchOperations: []types.PatchOperation{{Op: types.OpReplace, Path: aws.String("/apiKeyRequired"), Value: aws.String("true")}}})
	require.NoError(t, err)
	f.deploy(t, api, "prod")
	f.deploy(t, api, "dev")
	return &keysFixture{fixture: f, api: api, pets: pets, root: root}
}

// plan creates a usage plan over the stages named, with a throttle and a
// quota when given.
func (k *keysFixture) plan(t *testing.T, throttle *types.ThrottleSettings, quota *types.QuotaSettings, stages ...string) string {
	t.Helper()
	in := &sdk.CreateUsagePlanInput{Name: aws.String("plan"), Throttle: throttle, Quota: quota}
	for _, st := range stages {
		in.ApiStages = append(in.ApiStages, types.ApiStage{ApiId: &k.api, Stage: aws.String(st)})
	}
	out, err := k.client.CreateUsagePlan(k.ctx, in)
	require.NoError(t, err)
	return *out.Id
}

// key creates an enabled API key in plan (none: in no plan) and returns
// its id and value.
func (k *keysFixture) key(t *testing.T, plan string) (string, string) {
	t.Helper()
	out, err := k.client.CreateApiKey(k.ctx, &sdk.CreateApiKeyInput{Name: aws.String("key"), Enabled: true})
	require.NoError(t, err)
	if plan != "" {
		_, err = k.client.CreateUsagePlanKey(k.ctx, &sdk.CreateUsagePlanKeyInput{UsagePlanId: &plan, KeyId: out.Id, KeyType: aws.String("API_KEY")})
		require.NoError(t, err)
	}
	return *out.Id, *out.Value
}

// get calls GET path on stage with the API key (none when empty).
func (k *keysFixture) get(t *testing.T, stage, path, key string) (int, string) {
	t.Helper()
	var h []string
	if key != "" {
		h = []string{"x-api-key", key}
	}
	status, _, body := k.call(t, "GET", k.cloud.APIGateway().InvokeURL(k.api, stage)+path, "", h...)
	return status, body
}

// CreateUsagePlan, GetUsagePlan, GetUsagePlans and UpdateUsagePlan answer
// as recorded (test_apigateway_common.py::TestUsagePlans::test_usage_plan_crud
// and test_api_key_required_for_methods, create-usage-plan;
// test_apigateway_extended.py::test_create_usage_plan_with_throttle), with
// the recorded texts for a missing, malformed or unknown API stage; a
// refused update changes nothing.
func TestUsagePlan_CRUD(t *testing.T) {
	k := newKeysFixture(t)
	out, err := k.client.CreateUsagePlan(k.ctx, &sdk.CreateUsagePlanInput{Name: aws.String("p"), Description: aws.String("d"),
		ApiStages: []types.ApiStage{{ApiId: &k.api, Stage: aws.String("dev")}},
		Throttle:  &types.ThrottleSettings{BurstLimit: 1, RateLimit: 2}, Quota: &types.QuotaSettings{Limit: 10, Period: types.QuotaPeriodTypeDay},
		Tags: map[string]string{"tag_key": "tag_value"}})
	require.NoError(t, err)
	assert.Regexp(t, `^[a-z0-9]{6}$`, *out.Id)
	assert.Equal(t, "dev", *out.ApiStages[0].Stage)
	assert.Equal(t, &types.ThrottleSettings{BurstLimit: 1, RateLimit: 2}, out.Throttle)
	assert.Equal(t, &types.QuotaSettings{Limit: 10, Period: types.QuotaPeriodTypeDay}, out.Quota)
	assert.Equal(t, "tag_value", out.Tags["tag_key"])
	id := out.Id

	bare, err := k.client.CreateUsagePlan(k.ctx, &sdk.CreateUsagePlanInput{Name: aws.String("bare")})
	require.NoError(t, err)
	assert.NotNil(t, bare.ApiStages)
	assert.Nil(t, bare.Throttle)

	list, err := k.client.GetUsagePlans(k.ctx, &sdk.GetUsagePlansInput{})
	require.NoError(t, err)
	assert.Len(t, list.Items, 2)

	up, err := k.client.UpdateUsagePlan(k.ctx, &sdk.UpdateUsagePlanInput{UsagePlanId: id, PatchOperations: []types.PatchOperation{
		{Op: types.OpReplace, Path: aws.String("/throttle/burstLimit"), Value: aws.String("100")},
		{Op: types.OpReplace, Path: aws.String("/throttle/rateLimit"), Value: aws.String("200")},
		{Op: types.OpReplace, Path: aws.String("/quota/limit"), Value: aws.String("5000")},
		{Op: types.OpReplace, Path: aws.String("/quota/period"), Value: aws.String("MONTH")},
		{Op: types.OpAdd, Path: aws.String("/apiStages"), Value: aws.String(k.api + ":prod")},
		{Op: types.OpReplace, Path: aws.String("/apiStages/" + k.api + ":prod/throttle/~1pets/GET/rateLimit"), Value: aws.String("5")},
		{Op: types.OpReplace, Path: aws.String("/apiStages/" + k.api + ":prod/throttle/~1pets/GET/burstLimit"), Value: aws.String("3")}}})
	require.NoError(t, err)
	assert.Equal(t, &types.ThrottleSettings{BurstLimit: 100, RateLimit: 200}, up.Throttle)
	assert.Equal(t, &types.QuotaSettings{Limit: 5000, Period: types.QuotaPeriodTypeMonth}, up.Quota)
	require.Len(t, up.ApiStages, 2)
	assert.Equal(t, map[string]types.ThrottleSettings{"/pets/GET": {BurstLimit: 3, RateLimit: 5}}, up.ApiStages[1].Throttle)

	patch := func(op types.Op, path, value string) error {
		_, err := k.client.UpdateUsagePlan(k.ctx, &sdk.UpdateUsagePlanInput{UsagePlanId: id, PatchOperations: []types.PatchOperation{
			{Op: types.OpReplace, Path: aws.String("/name"), Value: aws.String("renamed")},
			{Op: op, Path: aws.String(path), Value: aws.String(value)}}})
		return err
	}
	_, err = k.client.UpdateUsagePlan(k.ctx, &sdk.UpdateUsagePlanInput{UsagePlanId: aws.String("nope")})
	checkErr(t, err, "NotFoundException", "Invalid Usage Plan ID specified")
	checkErr(t, patch(types.OpAdd, "/apiStages", ""), "BadRequestException", "Invalid API Stage specified")
	checkErr(t, patch(types.OpAdd, "/apiStages", k.api), "BadRequestException", "Invalid API Stage specified")
	checkErr(t, patch(types.OpAdd, "/apiStages", k.api+"b:dev"), "NotFoundException",
		"Invalid API Stage {api: "+k.api+"b, stage: dev} specified for usageplan "+*id)
	checkErr(t, patch(types.OpAdd, "/apiStages", k.api+":fakestagename"), "NotFoundException",
		"Invalid API Stage {api: "+k.api+", stage: fakestagename} specified for usageplan "+*id)
	checkErr(t, patch(types.OpReplace, "/quota/period", "YEAR"), "ValidationException", "")
	checkErr(t, patch(types.OpReplace, "/throttle/rateLimit", "-1"), "BadRequestException", "")
	got, err := k.client.GetUsagePlan(k.ctx, &sdk.GetUsagePlanInput{UsagePlanId: id})
	require.NoError(t, err)
	assert.Equal(t, "p", *got.Name, "refused updates change nothing")
	assert.Equal(t, up.Quota, got.Quota)

	up, err = k.client.UpdateUsagePlan(k.ctx, &sdk.UpdateUsagePlanInput{UsagePlanId: id, PatchOperations: []types.PatchOperation{
		{Op: types.OpRemove, Path: aws.String("/apiStages/" + k.api + ":prod/throttle/~1pets/GET")},
		{Op: types.OpRemove, Path: aws.String("/apiStages"), Value: aws.String(k.api + ":dev")},
		{Op: types.OpRemove, Path: aws.String("/quota")}, {Op: types.OpRemove, Path: aws.String("/throttle")}}})
	require.NoError(t, err)
	require.Len(t, up.ApiStages, 1)
	assert.Empty(t, up.ApiStages[0].Throttle)
	assert.Nil(t, up.Quota)
	assert.Nil(t, up.Throttle)

	_, err = k.client.DeleteUsagePlan(k.ctx, &sdk.DeleteUsagePlanInput{UsagePlanId: id})
	require.NoError(t, err)
	_, err = k.client.GetUsagePlan(k.ctx, &sdk.GetUsagePlanInput{UsagePlanId: id})
	checkErr(t, err, "NotFoundException", "Invalid Usage Plan ID specified")
}

// Usage plan keys: created with the key's name and value (recorded:
// test_get_usage_plan_api_keys, create-up-key), listed by name prefix
// case-sensitively, an unknown plan listing none (get-up-keys-bad-usage-plan);
// GetUsagePlans by keyId; a key may not reach one stage through two plans.
func TestUsagePlanKeys(t *testing.T) {
	k := newKeysFixture(t)
	plan := k.plan(t, nil, nil, "prod")
	id, value := k.key(t, plan)
	pk, err := k.client.GetUsagePlanKey(k.ctx, &sdk.GetUsagePlanKeyInput{UsagePlanId: &plan, KeyId: &id})
	require.NoError(t, err)
	assert.Equal(t, "API_KEY", *pk.Type)
	assert.Equal(t, value, *pk.Value)
	assert.Equal(t, "key", *pk.Name)

	_, err = k.client.CreateUsagePlanKey(k.ctx, &sdk.CreateUsagePlanKeyInput{UsagePlanId: &plan, KeyId: &id, KeyType: aws.String("API_KEY")})
	checkErr(t, err, "ConflictException", "")
	_, err = k.client.CreateUsagePlanKey(k.ctx, &sdk.CreateUsagePlanKeyInput{UsagePlanId: &plan, KeyId: aws.String("nope"), KeyType: aws.String("API_KEY")})
	checkErr(t, err, "NotFoundException", "Invalid API Key identifier specified")
	other := k.plan(t, nil, nil, "prod")
	_, err = k.client.CreateUsagePlanKey(k.ctx, &sdk.CreateUsagePlanKeyInput{UsagePlanId: &other, KeyId: &id, KeyType: aws.String("API_KEY")})
	checkErr(t, err, "ConflictException", "")

	list := func(plan, query string) int {
		in := &sdk.GetUsagePlanKeysInput{UsagePlanId: &plan}
		if query != "" {
			in.NameQuery = &query
		}
		out, err := k.client.GetUsagePlanKeys(k.ctx, in)
		require.NoError(t, err)
		return len(out.Items)
	}
	assert.Equal(t, 1, list(plan, ""))
	assert.Equal(t, 1, list(plan, "ke"))
	assert.Equal(t, 0, list(plan, "KE"))
	assert.Equal(t, 0, list("nope", ""))
	plans, err := k.client.GetUsagePlans(k.ctx, &sdk.GetUsagePlansInput{KeyId: &id})
	require.NoError(t, err)
	require.Len(t, plans.Items, 1)
	assert.Equal(t, plan, *plans.Items[0].Id)

	_, err = k.client.DeleteUsagePlanKey(k.ctx, &sdk.DeleteUsagePlanKeyInput{UsagePlanId: &plan, KeyId: &id})
	require.NoError(t, err)
	_, err = k.client.GetUsagePlanKey(k.ctx, &sdk.GetUsagePlanKeyInput{UsagePlanId: &plan, KeyId: &id})
	checkErr(t, err, "NotFoundException", "Invalid Usage Plan Key identifier specified")
	assert.Equal(t, 0, list(plan, ""))
}
