package policy_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake/internal/policy"
)

func TestParse_StatementOneOrMany(t *testing.T) {
	one, err := policy.Parse([]byte(`{"Version":"2012-10-17","Statement":{"Sid":"a","Effect":"Allow","Principal":"*","Action":"sqs:SendMessage","Resource":"arn:q"}}`))
	require.NoError(t, err)
	require.Len(t, one.Statement, 1)
	st := one.Statement[0]
	assert.True(t, st.Principal.All)
	assert.Equal(t, policy.Values{"sqs:SendMessage"}, st.Action)

	many, err := policy.Parse([]byte(`{"Statement":[{"Sid":"a","Effect":"Allow","Principal":{"AWS":["1","2"],"Service":"sns.amazonaws.com"},
		"Action":["a","b"],"Condition":{"Bool":{"aws:SecureTransport":false},"NumericLessThan":{"n":[1,2.5]}}}]}`))
	require.NoError(t, err)
	st = many.Statement[0]
	assert.Equal(t, policy.Values{"1", "2"}, st.Principal.ByKind["AWS"])
	assert.Equal(t, policy.Values{"sns.amazonaws.com"}, st.Principal.ByKind["Service"])
	assert.Equal(t, policy.Values{"false"}, st.Condition["Bool"]["aws:SecureTransport"])
	assert.Equal(t, policy.Values{"1", "2.5"}, st.Condition["NumericLessThan"]["n"])

	for _, bad := range []string{`[]`, `{"Statement":"x"}`, `{"Statement":[{"Principal":"someone"}]}`, `{`} {
		_, err := policy.Parse([]byte(bad))
		assert.ErrorIs(t, err, policy.ErrSyntax, bad)
	}
}

func TestDocument_AddRemoveBySidAndRender(t *testing.T) {
	d := policy.Document{Version: "2012-10-17", ID: "q/SQSDefaultPolicy"}
	assert.Equal(t, `{"Version":"2012-10-17","Id":"q/SQSDefaultPolicy","Statement":[]}`, d.String())
	require.NoError(t, d.Add(policy.Statement{Sid: "s1", Effect: policy.Allow, Principal: policy.Of("AWS", "arn:aws:iam::1:root"),
		Action: policy.Values{"SQS:SendMessage"}, Resource: policy.Values{"arn:q"}}))
	assert.ErrorIs(t, d.Add(policy.Statement{Sid: "s1", Effect: policy.Allow}), policy.ErrDuplicateSid)
	require.NoError(t, d.Add(policy.Statement{Sid: "s2", Effect: policy.Deny, Principal: policy.Everyone(), Action: policy.Values{"a", "b"}}))
	assert.Equal(t, `{"Version":"2012-10-17","Id":"q/SQSDefaultPolicy","Statement":[`+
		`{"Sid":"s1","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::1:root"},"Action":"SQS:SendMessage","Resource":"arn:q"},`+
		`{"Sid":"s2","Effect":"Deny","Principal":"*","Action":["a","b"]}]}`, d.String())
	assert.Equal(t, 1, d.Index("s2"))
	assert.True(t, d.Remove("s1"))
	assert.False(t, d.Remove("s1"))
	assert.Equal(t, -1, d.Index("s1"))
	back, err := policy.Parse(d.JSON())
	require.NoError(t, err)
	assert.Equal(t, d, back, "what it renders it reads back")
}
