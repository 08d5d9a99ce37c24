package policy_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/awsfake/awsfake/internal/policy"
)

// allowsWith evaluates an identity policy allowing s3:GetObject under the
// condition block cond against a request with the given context.
func allowsWith(t *testing.T, cond string, ctx map[string][]string) bool {
	t.Helper()
	d := doc(t, `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*","Condition":`+cond+`}]}`)
	caller := user
	caller.Tags = map[string]string{"Team": "blue"}
	r := policy.Evaluate(policy.Request{Caller: caller, Action: "s3:GetObject", Resource: bucket, Context: ctx},
		policy.Policies{Identity: []policy.Document{d}})
	return r.Decision == policy.Allowed
}

type kv = map[string][]string

// TestCondition_Operators follows "IAM JSON policy elements: Condition
// operators", one row per operator family and its edge.
func TestCondition_Operators(t *testing.T) {
	cases := []struct {
		name, cond string
		ctx        kv
		want       bool
	}{
		{"StringEquals is case-sensitive", `{"StringEquals":{"s3:prefix":"Home"}}`, kv{"s3:prefix": {"home"}}, false},
		{"StringEquals any value (OR)", `{"StringEquals":{"s3:prefix":["a","home"]}}`, kv{"s3:prefix": {"home"}}, true},
		{"keys compare case-insensitively", `{"StringEquals":{"S3:Prefix":"home"}}`, kv{"s3:prefix": {"home"}}, true},
		{"StringNotEquals: none of the values (NOR)", `{"StringNotEquals":{"s3:prefix":["a","home"]}}`, kv{"s3:prefix": {"home"}}, false},
		{"StringNotEquals: missing key holds", `{"StringNotEquals":{"s3:prefix":"a"}}`, nil, true},
		{"StringEquals: missing key fails", `{"StringEquals":{"s3:prefix":"a"}}`, nil, false},
		{"StringEqualsIgnoreCase", `{"StringEqualsIgnoreCase":{"s3:prefix":"HOME"}}`, kv{"s3:prefix": {"home"}}, true},
		{"StringNotEqualsIgnoreCase", `{"StringNotEqualsIgnoreCase":{"s3:prefix":"HOME"}}`, kv{"s3:prefix": {"home"}}, false},
		{"StringLike wildcards", `{"StringLike":{"s3:prefix":"ho?e/*"}}`, kv{"s3:prefix": {"home/x/y"}}, true},
		{"StringNotLike", `{"StringNotLike":{"s3:prefix":"ho*"}}`, kv{"s3:prefix": {"home"}}, false},
		{"NumericLessThan", `{"NumericLessThan":{"s3:max-keys":"10"}}`, kv{"s3:max-keys": {"9"}}, true},
		{"NumericLessThan at the bound", `{"NumericLessThan":{"s3:max-keys":"10"}}`, kv{"s3:max-keys": {"10"}}, false},
		{"NumericLessThanEquals at the bound", `{"NumericLessThanEquals":{"s3:max-keys":10}}`, kv{"s3:max-keys": {"10"}}, true},
		{"NumericGreaterThan", `{"NumericGreaterThan":{"s3:max-keys":"10"}}`, kv{"s3:max-keys": {"10.5"}}, true},
		{"NumericGreaterThanEquals", `{"NumericGreaterThanEquals":{"s3:max-keys":"10"}}`, kv{"s3:max-keys": {"9"}}, false},
		{"NumericEquals", `{"NumericEquals":{"s3:max-keys":"10"}}`, kv{"s3:max-keys": {"10.0"}}, true},
		{"NumericNotEquals", `{"NumericNotEquals":{"s3:max-keys":"10"}}`, kv{"s3:max-keys": {"10"}}, false},
		{"Numeric of a non-number fails", `{"NumericEquals":{"s3:max-keys":"10"}}`, kv{"s3:max-keys": {"ten"}}, false},
		{"DateLessThan just before", `{"DateLessThan":{"aws:CurrentTime":"2026-12-03T10:00:00Z"}}`, kv{"aws:CurrentTime": {"2026-12-03T09:59:59Z"}}, true},
		{"DateLessThan at", `{"DateLessThan":{"aws:CurrentTime":"2026-12-03T10:00:00Z"}}`, kv{"aws:CurrentTime": {"2026-12-03T10:00:00Z"}}, false},
		{"DateLessThanEquals at", `{"DateLessThanEquals":{"aws:CurrentTime":"2026-12-03T10:00:00Z"}}`, kv{"aws:CurrentTime": {"2026-12-03T10:00:00Z"}}, true},
		{"DateGreaterThan after", `{"DateGreaterThan":{"aws:CurrentTime":"2026-12-03"}}`, kv{"aws:CurrentTime": {"2026-12-03T00:00:01Z"}}, true},
		{"Date against epoch seconds", `{"DateGreaterThanEquals":{"aws:EpochTime":"2026-12-03T00:00:00Z"}}`, kv{"aws:EpochTime": {"1796256000"}}, true},
		{"Date policy value in epoch seconds", `{"DateEquals":{"aws:CurrentTime":1796256000}}`, kv{"aws:CurrentTime": {"2026-12-03T00:00:00Z"}}, true},
		{"DateNotEquals", `{"DateNotEquals":{"aws:CurrentTime":"2026-12-03T00:00:00Z"}}`, kv{"aws:CurrentTime": {"2026-12-03T00:00:00.000Z"}}, false},
		{"Bool", `{"Bool":{"aws:SecureTransport":false}}`, kv{"aws:SecureTransport": {"false"}}, true},
		{"Bool other value", `{"Bool":{"aws:SecureTransport":"true"}}`, kv{"aws:SecureTransport": {"false"}}, false},
		{"BinaryEquals", `{"BinaryEquals":{"s3:x":"QmluYXJ5"}}`, kv{"s3:x": {"QmluYXJ5"}}, true},
		{"IpAddress in CIDR", `{"IpAddress":{"aws:SourceIp":"203.0.113.0/24"}}`, kv{"aws:SourceIp": {"203.0.113.7"}}, true},
		{"IpAddress outside", `{"IpAddress":{"aws:SourceIp":"203.0.113.0/24"}}`, kv{"aws:SourceIp": {"203.0.114.7"}}, false},
		{"IpAddress IPv6", `{"IpAddress":{"aws:SourceIp":"2001:db8::/32"}}`, kv{"aws:SourceIp": {"2001:db8::1"}}, true},
		{"IpAddress single address", `{"IpAddress":{"aws:SourceIp":"203.0.113.7"}}`, kv{"aws:SourceIp": {"203.0.113.7"}}, true},
		{"NotIpAddress", `{"NotIpAddress":{"aws:SourceIp":"203.0.113.0/24"}}`, kv{"aws:SourceIp": {"203.0.113.7"}}, false},
		{"ArnLike per component", `{"ArnLike":{"aws:SourceArn":"arn:aws:sns:*:111111111111:*"}}`, kv{"aws:SourceArn": {"arn:aws:sns:us-east-1:111111111111:t"}}, true},
		{"ArnLike: wildcard stays in its component", `{"ArnLike":{"aws:SourceArn":"arn:aws:sns:*:t"}}`, kv{"aws:SourceArn": {"arn:aws:sns:us-east-1:111111111111:t"}}, false},
		{"ArnEquals takes wildcards too", `{"ArnEquals":{"aws:SourceArn":"arn:aws:sns:us-east-1:111111111111:*"}}`, kv{"aws:SourceArn": {"arn:aws:sns:us-east-1:111111111111:t"}}, true},
		{"ArnNotLike", `{"ArnNotLike":{"aws:SourceArn":"arn:aws:sns:*:*:*"}}`, kv{"aws:SourceArn": {"arn:aws:sns:us-east-1:111111111111:t"}}, false},
		{"IfExists: missing key holds", `{"StringEqualsIfExists":{"aws:RequestedRegion":"eu-west-1"}}`, nil, true},
		{"IfExists: present key is tested", `{"StringEqualsIfExists":{"aws:RequestedRegion":"eu-west-1"}}`, kv{"aws:RequestedRegion": {"us-east-1"}}, false},
		{"Null true: key absent", `{"Null":{"aws:TokenIssueTime":"true"}}`, nil, true},
		{"Null false: key present", `{"Null":{"aws:TokenIssueTime":"false"}}`, kv{"aws:TokenIssueTime": {"x"}}, true},
		{"Null true: key present", `{"Null":{"aws:TokenIssueTime":true}}`, kv{"aws:TokenIssueTime": {"x"}}, false},
		{"operators AND", `{"StringEquals":{"s3:prefix":"home"},"Bool":{"aws:SecureTransport":"true"}}`, kv{"s3:prefix": {"home"}, "aws:SecureTransport": {"false"}}, false},
		{"keys AND", `{"StringEquals":{"s3:prefix":"home","s3:delimiter":"/"}}`, kv{"s3:prefix": {"home"}}, false},
		{"aws:RequestTag", `{"StringEquals":{"aws:RequestTag/env":["dev","test"]}}`, kv{"aws:RequestTag/env": {"test"}}, true},
		{"aws:ResourceTag", `{"StringEquals":{"aws:ResourceTag/env":"prod"}}`, kv{"aws:ResourceTag/env": {"dev"}}, false},
		{"aws:SourceAccount", `{"StringEquals":{"aws:SourceAccount":"111111111111"}}`, kv{"aws:SourceAccount": {"111111111111"}}, true},
		{"unknown operator never matches", `{"StringEqualz":{"s3:prefix":"home"}}`, kv{"s3:prefix": {"home"}}, false},
	}
	for _, c := range cases {
		assert.Equal(t, c.want, allowsWith(t, c.cond, c.ctx), c.name)
	}
}

// TestCondition_SetOperators follows "Set operators for multivalued context
// keys" with aws:TagKeys.
func TestCondition_SetOperators(t *testing.T) {
	cases := []struct {
		name, cond string
		ctx        kv
		want       bool
	}{
		{"ForAllValues: every key allowed", `{"ForAllValues:StringEquals":{"aws:TagKeys":["env","team"]}}`, kv{"aws:TagKeys": {"env", "team"}}, true},
		{"ForAllValues: one key not allowed", `{"ForAllValues:StringEquals":{"aws:TagKeys":["env","team"]}}`, kv{"aws:TagKeys": {"env", "cost"}}, false},
		{"ForAllValues: no key holds", `{"ForAllValues:StringEquals":{"aws:TagKeys":["env"]}}`, nil, true},
		{"ForAnyValue: one key matches", `{"ForAnyValue:StringEquals":{"aws:TagKeys":["env"]}}`, kv{"aws:TagKeys": {"cost", "env"}}, true},
		{"ForAnyValue: none matches", `{"ForAnyValue:StringEquals":{"aws:TagKeys":["env"]}}`, kv{"aws:TagKeys": {"cost"}}, false},
		{"ForAnyValue: no key fails", `{"ForAnyValue:StringEquals":{"aws:TagKeys":["env"]}}`, nil, false},
		{"ForAllValues:StringNotEquals: every key outside", `{"ForAllValues:StringNotEquals":{"aws:TagKeys":["secret"]}}`, kv{"aws:TagKeys": {"env", "team"}}, true},
		{"ForAnyValue:StringNotEquals: one key outside", `{"ForAnyValue:StringNotEquals":{"aws:TagKeys":["env"]}}`, kv{"aws:TagKeys": {"env", "team"}}, true},
		{"ForAnyValue:StringLike", `{"ForAnyValue:StringLike":{"aws:TagKeys":["te*"]}}`, kv{"aws:TagKeys": {"env", "team"}}, true},
		{"single-valued operator on many values: any", `{"StringEquals":{"aws:TagKeys":"team"}}`, kv{"aws:TagKeys": {"env", "team"}}, true},
		{"negated on many values: none", `{"StringNotEquals":{"aws:TagKeys":"team"}}`, kv{"aws:TagKeys": {"env", "team"}}, false},
	}
	for _, c := range cases {
		assert.Equal(t, c.want, allowsWith(t, c.cond, c.ctx), c.name)
	}
}

// TestCondition_GlobalKeysFromCaller follows "AWS global condition context
// keys": the evaluator fills the principal's keys from the Caller, and a
// request's Context cannot override them.
func TestCondition_GlobalKeysFromCaller(t *testing.T) {
	forged := kv{"aws:PrincipalArn": {"arn:aws:iam::111111111111:user/admin"}, "aws:username": {"admin"}}
	cases := []struct {
		name, cond string
		want       bool
	}{
		{"aws:PrincipalArn", `{"ArnEquals":{"aws:PrincipalArn":"arn:aws:iam::111111111111:user/alice"}}`, true},
		{"aws:PrincipalAccount", `{"StringEquals":{"aws:PrincipalAccount":"111111111111"}}`, true},
		{"aws:username", `{"StringEquals":{"aws:username":"alice"}}`, true},
		{"aws:userid", `{"StringEquals":{"aws:userid":"AIDAALICE"}}`, true},
		{"aws:PrincipalTag, tag key case-insensitive", `{"StringEquals":{"aws:PrincipalTag/team":"blue"}}`, true},
		{"aws:PrincipalType", `{"StringEquals":{"aws:PrincipalType":"User"}}`, true},
		{"aws:PrincipalIsAWSService", `{"Bool":{"aws:PrincipalIsAWSService":"false"}}`, true},
		{"aws:ResourceAccount defaults to the caller's", `{"StringEquals":{"aws:ResourceAccount":"111111111111"}}`, true},
		{"forged key ignored", `{"StringEquals":{"aws:username":"admin"}}`, false},
	}
	for _, c := range cases {
		assert.Equal(t, c.want, allowsWith(t, c.cond, forged), c.name)
	}
}

// TestCondition_RolePrincipalArnIsTheRole follows aws:PrincipalArn: "for
// IAM roles, the request context returns the ARN of the role, not the ARN
// of the user that assumed the role".
func TestCondition_RolePrincipalArnIsTheRole(t *testing.T) {
	d := doc(t, `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*",
		"Condition":{"StringEquals":{"aws:PrincipalArn":"arn:aws:iam::111111111111:role/app","aws:PrincipalType":"AssumedRole","aws:userid":"AROAAPP:s1"}}}]}`)
	r := policy.Evaluate(policy.Request{Caller: sess, Action: "s3:GetObject", Resource: bucket}, policy.Policies{Identity: []policy.Document{d}})
	assert.Equal(t, policy.Allowed, r.Decision)
	withPath := sess
	withPath.RoleARN = "arn:aws:iam::111111111111:role/svc/app"
	r = policy.Evaluate(policy.Request{Caller: withPath, Action: "s3:GetObject", Resource: bucket}, policy.Policies{Identity: []policy.Document{d}})
	assert.Equal(t, policy.ImplicitDeny, r.Decision, "the role's ARN carries its path")
}
