package eventbridge_test

import (
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	awseb "github.com/aws/aws-sdk-go-v2/service/eventbridge"
	ebtypes "github.com/aws/aws-sdk-go-v2/service/eventbridge/types"
	"github.com/stretchr/testify/require"
)

// TestRules_SourceIndexFollowsPutAndDelete changes a rule's pattern from
// one exact source to a prefix and to another source, and deletes rules:
// each event reaches exactly the rules whose current pattern matches, in
// the order of their names, whether they are indexed by source or not.
func TestRules_SourceIndexFollowsPutAndDelete(t *testing.T) {
	f := newFixture(t)
	url, arn := f.queue(t, "q", nil)
	f.ruleToQueue(t, "b-exact", `{"source":["app.a"]}`, arn, ebtypes.Target{InputPath: aws.String("$.detail.rule")})
	f.ruleToQueue(t, "a-prefix", `{"source":[{"prefix":"app."}]}`, arn, ebtypes.Target{Input: aws.String(`"a-prefix"`)})
	f.ruleToQueue(t, "c-two", `{"source":["app.a","app.b"]}`, arn, ebtypes.Target{Input: aws.String(`"c-two"`)})

	f.put(t, "app.a", "t", `{"rule":"b-exact"}`)
	require.ElementsMatch(t, []string{`"b-exact"`, `"a-prefix"`, `"c-two"`}, f.bodies(t, url))

	// b-exact moves to app.b: app.a no longer reaches it.
	_, err := f.eb.PutRule(ctx, &awseb.PutRuleInput{Name: aws.String("b-exact"), EventPattern: aws.String(`{"source":["app.b"]}`)})
	require.NoError(t, err)
	f.put(t, "app.a", "t", `{"rule":"b-exact"}`)
	require.ElementsMatch(t, []string{`"a-prefix"`, `"c-two"`}, f.bodies(t, url))
	f.put(t, "app.b", "t", `{"rule":"b-exact"}`)
	require.ElementsMatch(t, []string{`"b-exact"`, `"a-prefix"`, `"c-two"`}, f.bodies(t, url))

	// c-two becomes a prefix rule (unindexed), then is deleted.
	_, err = f.eb.PutRule(ctx, &awseb.PutRuleInput{Name: aws.String("c-two"), EventPattern: aws.String(`{"source":[{"prefix":"other."}]}`)})
	require.NoError(t, err)
	f.put(t, "app.b", "t", `{"rule":"b-exact"}`)
	require.ElementsMatch(t, []string{`"b-exact"`, `"a-prefix"`}, f.bodies(t, url))
	f.put(t, "other.x", "t", `{}`)
	require.Equal(t, []string{`"c-two"`}, f.bodies(t, url))

	_, err = f.eb.RemoveTargets(ctx, &awseb.RemoveTargetsInput{Rule: aws.String("c-two"), Ids: []string{"t1"}})
	require.NoError(t, err)
	_, err = f.eb.DeleteRule(ctx, &awseb.DeleteRuleInput{Name: aws.String("c-two")})
	require.NoError(t, err)
	f.put(t, "other.x", "t", `{}`)
	require.Empty(t, f.bodies(t, url))
}
