package iam

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/awsfake/awsfake/clock"
	"github.com/awsfake/awsfake/internal/cloudenv"
)

// FuzzServeHTTP sends arbitrary forms to every action, through the form
// decoder and the policy grammar: the answer is never a 5xx (bad input is
// the sender's fault) and never a panic.
func FuzzServeHTTP(f *testing.F) {
	trust := `%7B%22Version%22%3A%222012-10-17%22%2C%22Statement%22%3A%5B%7B%22Effect%22%3A%22Allow%22%2C%22Principal%22%3A%7B%22Service%22%3A%22lambda.amazonaws.com%22%7D%2C%22Action%22%3A%22sts%3AAssumeRole%22%7D%5D%7D`
	for _, seed := range []string{
		"Action=CreateRole&Version=2010-05-08&RoleName=r&AssumeRolePolicyDocument=" + trust,
		"Action=CreateRole&RoleName=r&Path=/a/&MaxSessionDuration=x&Tags.member.1.Key=k&Tags.member.1.Value=v",
		"Action=CreatePolicy&PolicyName=p&PolicyDocument=%7B%22Statement%22%3A%5B%5D%7D",
		"Action=CreatePolicy&PolicyName=p&PolicyDocument=%7B%22Version%22%3A%222012-10-17%22%2C%22Statement%22%3A%7B%22Effect%22%3A%22Allow%22%2C%22Action%22%3A%22*%22%2C%22Resource%22%3A%22*%22%7D%7D",
		"Action=PutUserPolicy&UserName=u&PolicyName=p&PolicyDocument=%7B",
		"Action=ListRoles&MaxItems=0&Marker=%%%",
		"Action=ListPolicies&Scope=AWS&MaxItems=2&Marker=YQ",
		"Action=SimulateCustomPolicy&PolicyInputList.member.1=%7B%7D&ActionNames.member.1=s3:GetObject&ContextEntries.member.1.ContextKeyName=aws:SourceArn",
		"Action=SimulatePrincipalPolicy&PolicySourceArn=arn:aws:iam::000000000000:user/u&ActionNames.member.1=s3:x",
		"Action=CreateAccessKey&UserName=", "Action=GetAccountSummary", "Action=GenerateCredentialReport",
		"Action=CreateServiceLinkedRole&AWSServiceName=.amazonaws.com", "Action=CreateAccountAlias&AccountAlias=-a-",
		"Action=ListMFADevices", "Action=Nope", "%zz", "",
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
