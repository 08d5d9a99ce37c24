package eventbridge_test

import (
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	awseb "github.com/aws/aws-sdk-go-v2/service/eventbridge"
	ebtypes "github.com/aws/aws-sdk-go-v2/service/eventbridge/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake"
	"github.com/awsfake/awsfake/internal/pattern/patterntest"
)

// Every operator against AWS's documented examples, through the SDK's
// TestEventPattern: the templates LocalStack recorded against AWS
// (events/test_events_patterns.py::TestEventPattern::test_event_pattern[<name>]),
// a name ending _NEG not matching, _EXC refused with
// InvalidEventPatternException.
func TestTestEventPattern_AWSDocumentedExamples(t *testing.T) {
	f := newFixture(t)
	tpls, err := patterntest.Read("../internal/pattern/testdata")
	require.NoError(t, err)
	for _, tpl := range tpls {
		ev, pat := string(tpl.Event), string(tpl.EventPattern)
		out, err := f.eb.TestEventPattern(ctx, &awseb.TestEventPatternInput{Event: &ev, EventPattern: &pat})
		switch {
		case strings.HasSuffix(tpl.Name, "_EXC"):
			awsfake.CheckCode(t, err, "InvalidEventPatternException")
		case err != nil:
			t.Errorf("%s: %v", tpl.Name, err)
		default:
			assert.Equal(t, !strings.HasSuffix(tpl.Name, "_NEG"), out.Result, tpl.Name)
		}
	}
	assert.Len(t, tpls, 155)
}

// A rule refuses an invalid pattern with AWS's reason (recorded:
// TestEventPattern::test_event_pattern[arrays_empty_EXC]) and changes
// nothing.
func TestPutRule_InvalidPattern(t *testing.T) {
	f := newFixture(t)
	_, err := f.eb.PutRule(ctx, &awseb.PutRuleInput{Name: aws.String("r"), EventPattern: aws.String(`{"resources": []}`)})
	e := awsfake.CheckCode(t, err, "InvalidEventPatternException")
	assert.Equal(t, "Event pattern is not valid. Reason: Empty arrays are not allowed", e.ErrorMessage())
	rules, err := f.eb.ListRules(ctx, &awseb.ListRulesInput{})
	require.NoError(t, err)
	assert.Empty(t, rules.Rules)
}

// Rules match through the pattern operators on delivered events too: a
// prefix, a numeric range, anything-but and $or (the documented examples
// of "Content filtering in Amazon EventBridge event patterns").
func TestRules_OperatorsOnDeliveredEvents(t *testing.T) {
	f := newFixture(t)
	url, arn := f.queue(t, "q", nil)
	f.ruleToQueue(t, "r", `{"source":[{"prefix":"com.my"}],"detail":{"$or":[{"amount":[{"numeric":[">",0,"<=",100]}]},{"state":[{"anything-but":["initializing","stopped"]}]}]}}`,
		arn, ebtypes.Target{InputPath: aws.String("$.detail")})
	f.put(t, "com.my.app", "t", `{"amount": 50, "state": "stopped"}`)  // amount in range
	f.put(t, "com.my.app", "t", `{"amount": 500, "state": "running"}`) // state not excluded
	f.put(t, "com.my.app", "t", `{"amount": 500, "state": "stopped"}`) // neither
	f.put(t, "org.other", "t", `{"amount": 50, "state": "running"}`)   // source
	assert.Equal(t, []string{`{"amount":50,"state":"stopped"}`, `{"amount":500,"state":"running"}`}, f.bodies(t, url))
}
