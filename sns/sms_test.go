package sns_test

import (
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	awssns "github.com/aws/aws-sdk-go-v2/service/sns"
	"github.com/aws/aws-sdk-go-v2/service/sns/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestSMS_PublishToAPhoneNumberLandsInTheOutboxUnlessOptedOut(t *testing.T) {
	f := newFixture(t)
	out, err := f.sns.Publish(f.ctx, &awssns.PublishInput{PhoneNumber: aws.String("+15550100"), Message: aws.String("code 1234")})
	require.NoError(t, err)
	require.Len(t, f.cloud.SNS().Outbox(), 1)
	m := f.cloud.SNS().CheckOutbox(t, "+15550100", "code 1234")
	assert.Equal(t, "sms", m.Protocol)
	assert.Equal(t, aws.ToString(out.MessageId), m.MessageID)

	f.cloud.SNS().OptOutPhoneNumber("+15550100")
	opted, err := f.sns.CheckIfPhoneNumberIsOptedOut(f.ctx, &awssns.CheckIfPhoneNumberIsOptedOutInput{PhoneNumber: aws.String("+15550100")})
	require.NoError(t, err)
	assert.True(t, opted.IsOptedOut)
	list, err := f.sns.ListPhoneNumbersOptedOut(f.ctx, &awssns.ListPhoneNumbersOptedOutInput{})
	require.NoError(t, err)
	assert.Equal(t, []string{"+15550100"}, list.PhoneNumbers)

	_, err = f.sns.Publish(f.ctx, &awssns.PublishInput{PhoneNumber: aws.String("+15550100"), Message: aws.String("again")})
	require.NoError(t, err)
	assert.Len(t, f.cloud.SNS().Outbox(), 1, "an opted-out number receives nothing")

	_, err = f.sns.OptInPhoneNumber(f.ctx, &awssns.OptInPhoneNumberInput{PhoneNumber: aws.String("+15550100")})
	require.NoError(t, err)
	opted, err = f.sns.CheckIfPhoneNumberIsOptedOut(f.ctx, &awssns.CheckIfPhoneNumberIsOptedOutInput{PhoneNumber: aws.String("+15550100")})
	require.NoError(t, err)
	assert.False(t, opted.IsOptedOut)
	_, err = f.sns.CheckIfPhoneNumberIsOptedOut(f.ctx, &awssns.CheckIfPhoneNumberIsOptedOutInput{PhoneNumber: aws.String("phone")})
	requireCode(t, err, "InvalidParameter")
}

func TestSMS_AttributesAreValidatedAndStored(t *testing.T) {
	f := newFixture(t)
	got, err := f.sns.GetSMSAttributes(f.ctx, &awssns.GetSMSAttributesInput{})
	require.NoError(t, err)
	assert.Equal(t, map[string]string{"MonthlySpendLimit": "1"}, got.Attributes)
	_, err = f.sns.SetSMSAttributes(f.ctx, &awssns.SetSMSAttributesInput{Attributes: map[string]string{"DefaultSMSType": "Transactional"}})
	require.NoError(t, err)
	got, err = f.sns.GetSMSAttributes(f.ctx, &awssns.GetSMSAttributesInput{Attributes: []string{"DefaultSMSType"}})
	require.NoError(t, err)
	assert.Equal(t, map[string]string{"DefaultSMSType": "Transactional"}, got.Attributes)
	_, err = f.sns.SetSMSAttributes(f.ctx, &awssns.SetSMSAttributesInput{Attributes: map[string]string{"DefaultSMSType": "Loud"}})
	requireCode(t, err, "InvalidParameter")
	_, err = f.sns.SetSMSAttributes(f.ctx, &awssns.SetSMSAttributesInput{Attributes: map[string]string{"Volume": "11"}})
	requireCode(t, err, "InvalidParameter")
}

func TestSMS_SandboxNumbersAreVerifiedWithTheOneTimePasswordSentToThem(t *testing.T) {
	f := newFixture(t)
	status, err := f.sns.GetSMSSandboxAccountStatus(f.ctx, &awssns.GetSMSSandboxAccountStatusInput{})
	require.NoError(t, err)
	assert.False(t, status.IsInSandbox)

	_, err = f.sns.CreateSMSSandboxPhoneNumber(f.ctx, &awssns.CreateSMSSandboxPhoneNumberInput{PhoneNumber: aws.String("+15550101")})
	require.NoError(t, err)
	list, err := f.sns.ListSMSSandboxPhoneNumbers(f.ctx, &awssns.ListSMSSandboxPhoneNumbersInput{})
	require.NoError(t, err)
	require.Len(t, list.PhoneNumbers, 1)
	assert.Equal(t, types.SMSSandboxPhoneNumberVerificationStatusPending, list.PhoneNumbers[0].Status)

	otp := strings.TrimPrefix(f.cloud.SNS().Outbox()[0].Body, "Your verification code is ")
	_, err = f.sns.VerifySMSSandboxPhoneNumber(f.ctx, &awssns.VerifySMSSandboxPhoneNumberInput{PhoneNumber: aws.String("+15550101"), OneTimePassword: aws.String("x" + otp)})
	requireCode(t, err, "VerificationException")
	_, err = f.sns.VerifySMSSandboxPhoneNumber(f.ctx, &awssns.VerifySMSSandboxPhoneNumberInput{PhoneNumber: aws.String("+15550101"), OneTimePassword: aws.String(otp)})
	require.NoError(t, err)
	list, err = f.sns.ListSMSSandboxPhoneNumbers(f.ctx, &awssns.ListSMSSandboxPhoneNumbersInput{})
	require.NoError(t, err)
	assert.Equal(t, types.SMSSandboxPhoneNumberVerificationStatusVerified, list.PhoneNumbers[0].Status)

	_, err = f.sns.DeleteSMSSandboxPhoneNumber(f.ctx, &awssns.DeleteSMSSandboxPhoneNumberInput{PhoneNumber: aws.String("+15550101")})
	require.NoError(t, err)
	_, err = f.sns.DeleteSMSSandboxPhoneNumber(f.ctx, &awssns.DeleteSMSSandboxPhoneNumberInput{PhoneNumber: aws.String("+15550101")})
	requireCode(t, err, "ResourceNotFound")

	orig, err := f.sns.ListOriginationNumbers(f.ctx, &awssns.ListOriginationNumbersInput{})
	require.NoError(t, err)
	assert.Empty(t, orig.PhoneNumbers)
	_, err = f.sns.ListOriginationNumbers(f.ctx, &awssns.ListOriginationNumbersInput{MaxResults: aws.Int32(31)})
	requireCode(t, err, "ValidationError")
}

func TestSMS_TopicSubscriptionsReceiveTheSMSMessage(t *testing.T) {
	f := newFixture(t)
	topic := f.topic(t, "alerts", nil)
	sub := f.subscribe(t, topic, "sms", "+15550102", nil)
	_, err := f.sns.Publish(f.ctx, &awssns.PublishInput{TopicArn: aws.String(topic), Message: aws.String("disk full")})
	require.NoError(t, err)
	box := f.cloud.SNS().Outbox()
	require.Len(t, box, 1)
	assert.Equal(t, sub, box[0].SubscriptionArn)
	assert.Equal(t, "disk full", box[0].Body)
}

// Of several invalid attributes the one first in name order is reported,
// on every call, whatever the order in which Go iterates over the map.
func TestSetSMSAttributes_SeveralInvalidAttributesAlwaysGiveTheSameError(t *testing.T) {
	f := newFixture(t)
	attrs := map[string]string{"DefaultSMSType": "Loud", "Colour": "red", "Zone": "x", "MonthlySpendLimit": "1"}
	for i := range 30 {
		_, err := f.sns.SetSMSAttributes(f.ctx, &awssns.SetSMSAttributesInput{Attributes: attrs})
		ae := requireCode(t, err, "InvalidParameter")
		require.Equal(t, "Colour is not a valid attribute", ae.ErrorMessage(), "call %d", i)
	}
	got, err := f.sns.GetSMSAttributes(f.ctx, &awssns.GetSMSAttributesInput{})
	require.NoError(t, err)
	assert.Equal(t, map[string]string{"MonthlySpendLimit": "1"}, got.Attributes, "nothing was set")
}
