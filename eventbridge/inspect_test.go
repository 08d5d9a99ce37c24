package eventbridge_test

import (
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	awseb "github.com/aws/aws-sdk-go-v2/service/eventbridge"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake/internal/servicetest"
)

func TestCheckNextFiring(t *testing.T) {
	f := newFixture(t)
	out, err := f.eb.PutRule(ctx, &awseb.PutRuleInput{Name: aws.String("r"), ScheduleExpression: aws.String("cron(30 6 * * ? *)")})
	require.NoError(t, err)
	api := f.cloud.EventBridge()
	api.CheckNextFiring(t, *out.RuleArn, t0.Add(6*time.Hour+30*time.Minute))
	rec := &servicetest.Recorder{TB: t}
	api.CheckNextFiring(rec, *out.RuleArn, t0)
	assert.Contains(t, rec.Message, "fires next at 2026-11-30T06:30:00Z")
	_, err = f.eb.DisableRule(ctx, &awseb.DisableRuleInput{Name: aws.String("r")})
	require.NoError(t, err)
	_, armed := api.NextFiring(*out.RuleArn)
	assert.False(t, armed)
	api.CheckRuleCount(t, "", 1)
	assert.Equal(t, "cron(30 6 * * ? *)", api.Rules("")[0].ScheduleExpression)
}
