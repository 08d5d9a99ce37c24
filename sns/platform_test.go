package sns_test

import (
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	awssns "github.com/aws/aws-sdk-go-v2/service/sns"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestPlatform_ApplicationsAndEndpointsAreStoredAndPushesGoToTheOutbox(t *testing.T) {
	f := newFixture(t)
	app, err := f.sns.CreatePlatformApplication(f.ctx, &awssns.CreatePlatformApplicationInput{Name: aws.String("shop"),
		Platform: aws.String("GCM"), Attributes: map[string]string{"PlatformCredential": "secret"}})
	require.NoError(t, err)
	appArn := aws.ToString(app.PlatformApplicationArn)
	assert.Equal(t, "arn:aws:sns:us-east-1:000000000000:app/GCM/shop", appArn)
	attrs, err := f.sns.GetPlatformApplicationAttributes(f.ctx, &awssns.GetPlatformApplicationAttributesInput{PlatformApplicationArn: aws.String(appArn)})
	require.NoError(t, err)
	assert.Equal(t, map[string]string{"Enabled": "true"}, attrs.Attributes, "credentials are not returned")

	ep, err := f.sns.CreatePlatformEndpoint(f.ctx, &awssns.CreatePlatformEndpointInput{PlatformApplicationArn: aws.String(appArn),
		Token: aws.String("device-1"), CustomUserData: aws.String("user 7")})
	require.NoError(t, err)
	epArn := aws.ToString(ep.EndpointArn)
	assert.True(t, strings.HasPrefix(epArn, "arn:aws:sns:us-east-1:000000000000:endpoint/GCM/shop/"), epArn)
	again, err := f.sns.CreatePlatformEndpoint(f.ctx, &awssns.CreatePlatformEndpointInput{PlatformApplicationArn: aws.String(appArn),
		Token: aws.String("device-1"), CustomUserData: aws.String("user 7")})
	require.NoError(t, err)
	assert.Equal(t, epArn, aws.ToString(again.EndpointArn), "same token, same attributes: same endpoint")
	_, err = f.sns.CreatePlatformEndpoint(f.ctx, &awssns.CreatePlatformEndpointInput{PlatformApplicationArn: aws.String(appArn),
		Token: aws.String("device-1"), CustomUserData: aws.String("user 8")})
	requireCode(t, err, "InvalidParameter")

	list, err := f.sns.ListEndpointsByPlatformApplication(f.ctx, &awssns.ListEndpointsByPlatformApplicationInput{PlatformApplicationArn: aws.String(appArn)})
	require.NoError(t, err)
	require.Len(t, list.Endpoints, 1)
	assert.Equal(t, map[string]string{"Enabled": "true", "Token": "device-1", "CustomUserData": "user 7"}, list.Endpoints[0].Attributes)

	// A direct push, and one through a topic, with a per-platform message.
	_, err = f.sns.Publish(f.ctx, &awssns.PublishInput{TargetArn: aws.String(epArn), Message: aws.String("direct")})
	require.NoError(t, err)
	topic := f.topic(t, "promos", nil)
	f.subscribe(t, topic, "application", epArn, nil)
	_, err = f.sns.Publish(f.ctx, &awssns.PublishInput{TopicArn: aws.String(topic), MessageStructure: aws.String("json"),
		Message: aws.String(`{"default":"d","GCM":"{\"notification\":{\"title\":\"hi\"}}"}`)})
	require.NoError(t, err)
	box := f.cloud.SNS().Outbox()
	require.Len(t, box, 2)
	assert.Equal(t, "direct", box[0].Body)
	assert.Equal(t, epArn, box[0].Endpoint)
	assert.Equal(t, `{"notification":{"title":"hi"}}`, box[1].Body)

	_, err = f.sns.SetEndpointAttributes(f.ctx, &awssns.SetEndpointAttributesInput{EndpointArn: aws.String(epArn), Attributes: map[string]string{"Enabled": "false"}})
	require.NoError(t, err)
	_, err = f.sns.Publish(f.ctx, &awssns.PublishInput{TargetArn: aws.String(epArn), Message: aws.String("x")})
	requireCode(t, err, "EndpointDisabled")
	_, err = f.sns.SetEndpointAttributes(f.ctx, &awssns.SetEndpointAttributesInput{EndpointArn: aws.String(epArn), Attributes: map[string]string{"Colour": "red"}})
	requireCode(t, err, "InvalidParameter")

	apps, err := f.sns.ListPlatformApplications(f.ctx, &awssns.ListPlatformApplicationsInput{})
	require.NoError(t, err)
	require.Len(t, apps.PlatformApplications, 1)
	_, err = f.sns.SetPlatformApplicationAttributes(f.ctx, &awssns.SetPlatformApplicationAttributesInput{PlatformApplicationArn: aws.String(appArn),
		Attributes: map[string]string{"EventEndpointCreated": topic}})
	require.NoError(t, err)

	_, err = f.sns.DeleteEndpoint(f.ctx, &awssns.DeleteEndpointInput{EndpointArn: aws.String(epArn)})
	require.NoError(t, err)
	_, err = f.sns.GetEndpointAttributes(f.ctx, &awssns.GetEndpointAttributesInput{EndpointArn: aws.String(epArn)})
	requireCode(t, err, "NotFound")
	_, err = f.sns.Publish(f.ctx, &awssns.PublishInput{TargetArn: aws.String(epArn), Message: aws.String("x")})
	ae := requireCode(t, err, "InvalidParameter")
	assert.Equal(t, "Invalid parameter: TargetArn Reason: No endpoint found for the target arn specified", ae.ErrorMessage())
	_, err = f.sns.DeletePlatformApplication(f.ctx, &awssns.DeletePlatformApplicationInput{PlatformApplicationArn: aws.String(appArn)})
	require.NoError(t, err)
	_, err = f.sns.GetPlatformApplicationAttributes(f.ctx, &awssns.GetPlatformApplicationAttributesInput{PlatformApplicationArn: aws.String(appArn)})
	ae = requireCode(t, err, "NotFound")
	assert.Equal(t, "PlatformApplication does not exist", ae.ErrorMessage())
}

func TestPlatform_RejectsUnknownPlatformsAndNames(t *testing.T) {
	f := newFixture(t)
	for name, in := range map[string]*awssns.CreatePlatformApplicationInput{
		"unknown platform": {Name: aws.String("a"), Platform: aws.String("PAGER"), Attributes: map[string]string{}},
		"bad name":         {Name: aws.String("a b"), Platform: aws.String("GCM"), Attributes: map[string]string{}},
	} {
		t.Run(name, func(t *testing.T) {
			_, err := f.sns.CreatePlatformApplication(f.ctx, in)
			requireCode(t, err, "InvalidParameter")
		})
	}
}

// Of several invalid attributes the one first in name order is reported,
// on every call, whatever the order in which Go iterates over the map.
func TestPlatform_SeveralInvalidEndpointAttributesAlwaysGiveTheSameError(t *testing.T) {
	f := newFixture(t)
	app, err := f.sns.CreatePlatformApplication(f.ctx, &awssns.CreatePlatformApplicationInput{Name: aws.String("shop"),
		Platform: aws.String("GCM"), Attributes: map[string]string{"PlatformCredential": "secret"}})
	require.NoError(t, err)
	attrs := map[string]string{"Zone": "x", "CustomUserData": strings.Repeat("u", 2049), "Colour": "red", "Mood": "ok"}
	for i := range 30 {
		_, err := f.sns.CreatePlatformEndpoint(f.ctx, &awssns.CreatePlatformEndpointInput{PlatformApplicationArn: app.PlatformApplicationArn,
			Token: aws.String("device-1"), Attributes: attrs})
		ae := requireCode(t, err, "InvalidParameter")
		require.Equal(t, "Invalid parameter: Attributes Reason: Invalid attribute name: Colour", ae.ErrorMessage(), "call %d", i)
	}
}

// A disabled endpoint answers EndpointDisabled before the message is read:
// MessageStructure json with a message that is not JSON gets
// EndpointDisabled, not the InvalidParameter an enabled endpoint gets.
// Enabled is read as every boolean attribute is ("False" disables).
func TestPlatform_DisabledEndpointAnswersBeforeTheMessageIsValidated(t *testing.T) {
	f := newFixture(t)
	app, err := f.sns.CreatePlatformApplication(f.ctx, &awssns.CreatePlatformApplicationInput{Name: aws.String("shop"),
		Platform: aws.String("GCM"), Attributes: map[string]string{"PlatformCredential": "secret"}})
	require.NoError(t, err)
	ep, err := f.sns.CreatePlatformEndpoint(f.ctx, &awssns.CreatePlatformEndpointInput{PlatformApplicationArn: app.PlatformApplicationArn,
		Token: aws.String("device-1")})
	require.NoError(t, err)
	badJSON := &awssns.PublishInput{TargetArn: ep.EndpointArn, MessageStructure: aws.String("json"), Message: aws.String("{not json")}
	_, err = f.sns.Publish(f.ctx, badJSON)
	requireCode(t, err, "InvalidParameter")

	_, err = f.sns.SetEndpointAttributes(f.ctx, &awssns.SetEndpointAttributesInput{EndpointArn: ep.EndpointArn,
		Attributes: map[string]string{"Enabled": "False"}})
	require.NoError(t, err)
	_, err = f.sns.Publish(f.ctx, badJSON)
	ae := requireCode(t, err, "EndpointDisabled")
	assert.Equal(t, "Endpoint is disabled", ae.ErrorMessage())
	assert.Empty(t, f.cloud.SNS().Outbox())
}
