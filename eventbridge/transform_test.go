package eventbridge_test

import (
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	awseb "github.com/aws/aws-sdk-go-v2/service/eventbridge"
	ebtypes "github.com/aws/aws-sdk-go-v2/service/eventbridge/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake"
)

const accountDetail = `{"command":"update-account","payload":{"acc_id":"0a787ecb-4015","sf_id":"baz"},"list":["HIGH"]}`

// transformed puts one event through a rule whose target has the
// transformer and returns what the queue got.
func transformed(t *testing.T, paths map[string]string, template string) string {
	t.Helper()
	f := newFixture(t)
	url, arn := f.queue(t, "q", nil)
	f.ruleToQueue(t, "r", `{"source":["core.update-account-command"]}`, arn,
		ebtypes.Target{InputTransformer: &ebtypes.InputTransformer{InputPathsMap: paths, InputTemplate: &template}})
	f.put(t, "core.update-account-command", "core.update-account-command", accountDetail)
	got := f.bodies(t, url)
	require.Len(t, got, 1)
	return got[0]
}

// The input transformer fills JSON and string templates as AWS does
// (recorded: TestInputTransformer::test_input_transformer_nested_keys_replacement,
// test_put_events_with_input_transformer_input_template_string,
// test_input_transformer_predefined_variables).
func TestInputTransformer_Templates(t *testing.T) {
	paths := map[string]string{"userId": "$.detail.payload.acc_id", "payload": "$.detail.payload", "listsingle": "$.detail.list",
		"detail-type": "$.detail-type", "missing": "$.detail.nothing"}
	for _, tc := range []struct{ template, want string }{
		{`{"method": "PUT", "path": "users-service/users/<userId>", "bod": <payload>}`,
			`{"method": "PUT", "path": "users-service/users/0a787ecb-4015", "bod": {"acc_id":"0a787ecb-4015","sf_id":"baz"}}`},
		{`{"id" : <userId>}`, `{"id" : "0a787ecb-4015"}`},
		{`{"singlelistitem": <listsingle>}`, `{"singlelistitem": ["HIGH"]}`},
		{`"Payload of <payload> with path users-service/users/<userId> and <userId>"`,
			`"Payload of {acc_id:0a787ecb-4015,sf_id:baz} with path users-service/users/0a787ecb-4015 and 0a787ecb-4015"`},
		{`"<listsingle> single list item"`, `"[HIGH] single list item"`},
		{`"Event of <detail-type> type, missing <missing>"`, `"Event of core.update-account-command type, missing "`},
		{`"<aws.events.rule-name> <aws.events.rule-arn>"`, `"r arn:aws:events:us-east-1:000000000000:rule/r"`},
	} {
		assert.Equal(t, tc.want, transformed(t, paths, tc.template), tc.template)
	}
}

// <aws.events.event.json> is the whole event.
func TestInputTransformer_EventJSON(t *testing.T) {
	got := decode(t, transformed(t, nil, `{"original": <aws.events.event.json>}`))
	assert.Equal(t, "core.update-account-command", got["original"].(map[string]any)["source"])
}

// A placeholder the map does not define is refused at PutTargets (recorded:
// TestInputTransformer::test_put_events_with_input_transformer_missing_keys),
// and so are two input forms at once (recorded:
// test_put_event_input_path_and_input_transformer).
func TestPutTargets_InputValidation(t *testing.T) {
	f := newFixture(t)
	_, err := f.eb.PutRule(ctx, &awseb.PutRuleInput{Name: aws.String("r"), EventPattern: aws.String(`{"source":["a"]}`)})
	require.NoError(t, err)
	arn := "arn:aws:sqs:us-east-1:000000000000:q"
	_, err = f.eb.PutTargets(ctx, &awseb.PutTargetsInput{Rule: aws.String("r"), Targets: []ebtypes.Target{{Id: aws.String("t"), Arn: &arn,
		InputTransformer: &ebtypes.InputTransformer{InputTemplate: aws.String(`{"a": <notdefinedkey>}`)}}}})
	e := awsfake.CheckCode(t, err, "ValidationException")
	assert.Equal(t, "InputTemplate for target t contains invalid placeholder notdefinedkey.", e.ErrorMessage())
	_, err = f.eb.PutTargets(ctx, &awseb.PutTargetsInput{Rule: aws.String("r"), Targets: []ebtypes.Target{{Id: aws.String("t"), Arn: &arn,
		Input: aws.String("{}"), InputPath: aws.String("$.detail")}}})
	e = awsfake.CheckCode(t, err, "ValidationException")
	assert.Equal(t, "Only one of Input, InputPath, or InputTransformer must be provided for target t.", e.ErrorMessage())
	_, err = f.eb.PutTargets(ctx, &awseb.PutTargetsInput{Rule: aws.String("r"), Targets: []ebtypes.Target{{Id: aws.String("!@#$@!#$"), Arn: &arn}}})
	awsfake.CheckCode(t, err, "ValidationException")
	targets, err := f.eb.ListTargetsByRule(ctx, &awseb.ListTargetsByRuleInput{Rule: aws.String("r")})
	require.NoError(t, err)
	assert.Empty(t, targets.Targets)
}

// Input replaces the event verbatim.
func TestTarget_Input(t *testing.T) {
	f := newFixture(t)
	url, arn := f.queue(t, "q", nil)
	f.ruleToQueue(t, "r", `{"source":["a"]}`, arn, ebtypes.Target{Input: aws.String(`{"fixed": true}`)})
	f.put(t, "a", "t", "{}")
	assert.Equal(t, []string{`{"fixed": true}`}, f.bodies(t, url))
}
