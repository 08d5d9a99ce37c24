package sns_test

import (
	"fmt"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	awssns "github.com/aws/aws-sdk-go-v2/service/sns"
	"github.com/aws/aws-sdk-go-v2/service/sns/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Numeric matching compares to five decimal places ("Filter policy
// constraints in Amazon SNS": "the value can range from -10^9 to 10^9 ...
// with five digits of accuracy after the decimal point"), on attributes and
// on the body alike: 100.123456789 matches a policy's 100.1234567, and the
// fifth decimal still tells numbers apart. Each case publishes one message
// to a queue subscribed with the policy; the queue gets it or not.
func TestFilterPolicy_NumbersCompareToFiveDecimalPlaces(t *testing.T) {
	cases := []struct {
		name, policy, number string
		want                 bool
	}{
		{"beyond the fifth decimal, equal", `[100.1234567]`, "100.123456789", true},
		{"beyond the fifth decimal, numeric =", `[{"numeric":["=",100.1234567]}]`, "100.123456789", true},
		{"the fifth decimal differs", `[100.12345]`, "100.12346", false},
		{"the fifth decimal differs, numeric =", `[{"numeric":["=",100.12345]}]`, "100.12346", false},
		{"just below the next unit, same number", `[100.12345]`, "100.123459999", true},
		{"at the next unit", `[{"numeric":["<",100.12346]}]`, "100.12346", false},
		{"just below the next unit is below it", `[{"numeric":["<",100.12346]}]`, "100.123459", true},
		{"anything-but beyond the fifth decimal", `[{"anything-but":[100.1234567]}]`, "100.123456789", false},
		{"negative, beyond the fifth decimal", `[{"numeric":["=",-5.000001]}]`, "-5.0000019", true},
		{"negative, rounded down", `[{"numeric":["<",-5]}]`, "-5.000001", true},
		{"at the top of the range", `[{"numeric":[">=",1000000000]}]`, "1e9", true},
		{"above the range matches no numeric rule", `[{"numeric":[">",0]}]`, "1000000000.00001", false},
		{"below the range matches no numeric rule", `[{"numeric":["<",0]}]`, "-2e9", false},
		{"at the bottom of the range", `[{"numeric":["<=",-1000000000]}]`, "-1000000000", true},
		{"above the range is anything but a number in it", `[{"anything-but":[100]}]`, "2e9", true},
	}
	f := newFixture(t)
	for i, c := range cases {
		for _, scope := range []string{"MessageAttributes", "MessageBody"} {
			t.Run(c.name+"/"+scope, func(t *testing.T) {
				topic := f.topic(t, fmt.Sprintf("t%d-%s", i, scope), nil)
				url, q := f.queue(t, fmt.Sprintf("q%d-%s", i, scope), nil)
				f.subscribe(t, topic, "sqs", q, map[string]string{"FilterPolicyScope": scope, "FilterPolicy": `{"price":` + c.policy + `}`})
				in := &awssns.PublishInput{TopicArn: aws.String(topic), Message: aws.String(`{"price":` + c.number + `}`)}
				if scope == "MessageAttributes" {
					in.MessageAttributes = map[string]types.MessageAttributeValue{
						"price": {DataType: aws.String("Number"), StringValue: aws.String(c.number)}}
				}
				_, err := f.sns.Publish(f.ctx, in)
				require.NoError(t, err)
				f.settle(t)
				assert.Equal(t, c.want, len(f.receive(t, url)) == 1, "policy %s, number %s", c.policy, c.number)
			})
		}
	}
}

// A policy's number outside -10^9..10^9 is refused, wherever it appears;
// the bounds themselves are accepted.
func TestFilterPolicy_NumbersOutsideTheRangeAreInvalid(t *testing.T) {
	f := newFixture(t)
	topic := f.topic(t, "orders", nil)
	_, q := f.queue(t, "q", nil)
	for i, policy := range []string{`[1000000000]`, `[-1000000000]`, `[{"numeric":[">=",-1e9,"<=",1e9]}]`} {
		_, q := f.queue(t, fmt.Sprint("ok", i), nil)
		f.subscribe(t, topic, "sqs", q, map[string]string{"FilterPolicy": `{"price":` + policy + `}`})
	}
	for _, policy := range []string{`[1000000000.00001]`, `[{"numeric":[">",-1e10]}]`, `[{"numeric":[">",0,"<",2e9]}]`,
		`[{"anything-but":[5e9]}]`, `[{"anything-but":-5e9}]`} {
		_, err := f.sns.Subscribe(f.ctx, &awssns.SubscribeInput{TopicArn: aws.String(topic), Protocol: aws.String("sqs"), Endpoint: aws.String(q),
			Attributes: map[string]string{"FilterPolicy": `{"price":` + policy + `}`}})
		ae := requireCode(t, err, "InvalidParameter")
		assert.Equal(t, "Invalid parameter: Attributes Reason: FilterPolicy: Value must be between -1.0E9 and 1.0E9, inclusive", ae.ErrorMessage(), policy)
	}
}
