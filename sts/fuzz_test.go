package sts

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/awsfake/awsfake/clock"
	"github.com/awsfake/awsfake/internal/cloudenv"
)

// FuzzServeHTTP sends arbitrary forms to every action: the answer is never
// a 5xx (bad input is the sender's fault) and never a panic.
func FuzzServeHTTP(f *testing.F) {
	for _, seed := range []string{
		"Action=GetCallerIdentity&Version=2011-06-15",
		"Action=AssumeRole&RoleArn=arn:aws:iam::000000000000:role/r&RoleSessionName=s1&DurationSeconds=900",
		"Action=AssumeRole&RoleArn=arn:aws:iam::000000000000:role/r&RoleSessionName=s1&DurationSeconds=x&Tags.member.1.Key=",
		"Action=AssumeRoleWithWebIdentity&RoleArn=arn:aws:iam::000000000000:role/r&RoleSessionName=s1&WebIdentityToken=a.eyJ9.c",
		"Action=AssumeRoleWithSAML&RoleArn=arn:aws:iam::000000000000:role/r&PrincipalArn=arn:aws:iam::000000000000:saml-provider/p&SAMLAssertion=PA==",
		"Action=AssumeRoot&TargetPrincipal=111122223333&TaskPolicyArn.arn=arn:aws:iam::aws:policy/root-task/S3UnlockBucketPolicy",
		"Action=GetFederationToken&Name=bob&Policy=%7B",
		"Action=AssumeRole&RoleArn=arn:aws:iam::000000000000:role/r&RoleSessionName=s1&Policy=%7B%22Statement%22%3A%5B%5D%7D&PolicyArns.member.1.arn=arn:aws:iam::aws:policy/ReadOnlyAccess",
		"Action=GetSessionToken&DurationSeconds=99999999999",
		"Action=GetAccessKeyInfo&AccessKeyId=AKIAIOSFODNN7EXAMPLE",
		"Action=GetWebIdentityToken&Audience.member.1=a&SigningAlgorithm=RS256&DurationSeconds=59",
		"Action=GetDelegatedAccessToken&TradeInToken=t",
		"Action=DecodeAuthorizationMessage&EncodedMessage=m",
		"Action=Nope", "%zz", "",
	} {
		f.Add(seed)
	}
	s := New(cloudenv.ForTest(clock.NewFake(time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC))))
	f.Fuzz(func(t *testing.T, body string) {
		r := httptest.NewRequest(http.MethodPost, "/", strings.NewReader(body))
		r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		w := httptest.NewRecorder()
		s.ServeHTTP(w, r)
		if w.Code >= 500 {
			t.Fatalf("%q: %d %s", body, w.Code, w.Body.String())
		}
	})
}
