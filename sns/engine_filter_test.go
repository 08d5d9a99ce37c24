package sns

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func str(v string) MessageAttributeValue {
	return MessageAttributeValue{DataType: "String", StringValue: v}
}
func num(v string) MessageAttributeValue {
	return MessageAttributeValue{DataType: "Number", StringValue: v}
}
func arr(v string) MessageAttributeValue {
	return MessageAttributeValue{DataType: "String.Array", StringValue: v}
}

// The examples of "Amazon SNS example filter policies" and the operator pages
// (String value matching, Numeric value matching, Key matching, IP address
// matching, AND/OR logic).
func TestFilterPolicy_MatchesMessageAttributesAsAWSDocumentsIt(t *testing.T) {
	cases := []struct {
		name, policy string
		attrs        map[string]MessageAttributeValue
		want         bool
	}{
		{"exact string", `{"store":["example_corp"]}`, map[string]MessageAttributeValue{"store": str("example_corp")}, true},
		{"exact string is case-sensitive", `{"store":["example_corp"]}`, map[string]MessageAttributeValue{"store": str("Example_Corp")}, false},
		{"missing key", `{"store":["example_corp"]}`, map[string]MessageAttributeValue{"other": str("example_corp")}, false},
		{"any of the values", `{"customer_interests":["rugby","tennis"]}`, map[string]MessageAttributeValue{"customer_interests": str("tennis")}, true},
		{"string array element", `{"customer_interests":["rugby","tennis"]}`, map[string]MessageAttributeValue{"customer_interests": arr(`["soccer","rugby","hockey"]`)}, true},
		{"string array without match", `{"customer_interests":["rugby"]}`, map[string]MessageAttributeValue{"customer_interests": arr(`["baseball"]`)}, false},
		{"AND of keys", `{"store":["a"],"event":["order_placed"]}`, map[string]MessageAttributeValue{"store": str("a"), "event": str("order_cancelled")}, false},
		{"anything-but list", `{"store":[{"anything-but":["a","b"]}]}`, map[string]MessageAttributeValue{"store": str("c")}, true},
		{"anything-but hit", `{"store":[{"anything-but":["a","b"]}]}`, map[string]MessageAttributeValue{"store": str("b")}, false},
		{"anything-but needs the key", `{"store":[{"anything-but":"a"}]}`, map[string]MessageAttributeValue{}, false},
		{"anything-but prefix", `{"event":[{"anything-but":{"prefix":"order-"}}]}`, map[string]MessageAttributeValue{"event": str("order-placed")}, false},
		{"anything-but prefix miss", `{"event":[{"anything-but":{"prefix":"order-"}}]}`, map[string]MessageAttributeValue{"event": str("product-viewed")}, true},
		{"prefix", `{"event":[{"prefix":"order-"}]}`, map[string]MessageAttributeValue{"event": str("order-placed")}, true},
		{"suffix", `{"image":[{"suffix":".png"}]}`, map[string]MessageAttributeValue{"image": str("cat.png")}, true},
		{"suffix miss", `{"image":[{"suffix":".png"}]}`, map[string]MessageAttributeValue{"image": str("cat.jpg")}, false},
		{"equals-ignore-case", `{"source":[{"equals-ignore-case":"ORDER"}]}`, map[string]MessageAttributeValue{"source": str("order")}, true},
		{"exact number", `{"price":[100]}`, map[string]MessageAttributeValue{"price": num("100.0")}, true},
		{"number does not match a string", `{"price":[100]}`, map[string]MessageAttributeValue{"price": str("100")}, false},
		{"numeric range inside", `{"price":[{"numeric":[">",0,"<=",150]}]}`, map[string]MessageAttributeValue{"price": num("150")}, true},
		{"numeric range above", `{"price":[{"numeric":[">",0,"<=",150]}]}`, map[string]MessageAttributeValue{"price": num("150.00001")}, false},
		{"numeric range bottom excluded", `{"price":[{"numeric":[">",0,"<=",150]}]}`, map[string]MessageAttributeValue{"price": num("0")}, false},
		{"numeric equals", `{"price":[{"numeric":["=",301.5]}]}`, map[string]MessageAttributeValue{"price": num("301.5")}, true},
		{"numeric on a string attribute", `{"price":[{"numeric":[">",0]}]}`, map[string]MessageAttributeValue{"price": str("5")}, false},
		{"exists true", `{"store":[{"exists":true}]}`, map[string]MessageAttributeValue{"store": str("x")}, true},
		{"exists false on absent key", `{"store":[{"exists":false}]}`, map[string]MessageAttributeValue{"other": str("x")}, true},
		{"exists false on present key", `{"store":[{"exists":false}]}`, map[string]MessageAttributeValue{"store": str("x")}, false},
		{"exists on a binary attribute", `{"img":[{"exists":true}]}`, map[string]MessageAttributeValue{"img": {DataType: "Binary", BinaryValue: []byte{1}}}, true},
		{"cidr", `{"source_ip":[{"cidr":"10.0.0.0/24"}]}`, map[string]MessageAttributeValue{"source_ip": str("10.0.0.255")}, true},
		{"cidr outside", `{"source_ip":[{"cidr":"10.0.0.0/24"}]}`, map[string]MessageAttributeValue{"source_ip": str("10.0.1.0")}, false},
		{"cidr ipv6", `{"source_ip":[{"cidr":"2001:db8::/32"}]}`, map[string]MessageAttributeValue{"source_ip": str("2001:db8::1")}, true},
		{"$or first branch", `{"source":["aws.cloudwatch"],"$or":[{"metricName":["CPUUtilization"]},{"namespace":["AWS/EC2"]}]}`,
			map[string]MessageAttributeValue{"source": str("aws.cloudwatch"), "metricName": str("CPUUtilization")}, true},
		{"$or second branch", `{"source":["aws.cloudwatch"],"$or":[{"metricName":["CPUUtilization"]},{"namespace":["AWS/EC2"]}]}`,
			map[string]MessageAttributeValue{"source": str("aws.cloudwatch"), "namespace": str("AWS/EC2")}, true},
		{"$or keeps the AND", `{"source":["aws.cloudwatch"],"$or":[{"metricName":["CPUUtilization"]},{"namespace":["AWS/EC2"]}]}`,
			map[string]MessageAttributeValue{"source": str("aws.s3"), "namespace": str("AWS/EC2")}, false},
		{"null literal never matches an attribute", `{"store":[null]}`, map[string]MessageAttributeValue{"store": str("null")}, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f, reason := compileFilterPolicy(c.policy, false)
			require.Empty(t, reason)
			assert.Equal(t, c.want, f.matchAttributes(c.attrs))
		})
	}
}

func TestFilterPolicy_MatchesMessageBodyWithNestedKeys(t *testing.T) {
	cases := []struct {
		name, policy, body string
		want               bool
	}{
		{"top level", `{"store":["example_corp"]}`, `{"store":"example_corp"}`, true},
		{"nested", `{"order":{"kind":["book"]}}`, `{"order":{"kind":"book","qty":1}}`, true},
		{"nested miss", `{"order":{"kind":["book"]}}`, `{"order":{"kind":"pen"}}`, false},
		{"array element", `{"customer_interests":["rugby"]}`, `{"customer_interests":["soccer","rugby"]}`, true},
		{"array of objects", `{"items":{"sku":["b2"]}}`, `{"items":[{"sku":"a1"},{"sku":"b2"}]}`, true},
		{"number", `{"price_usd":[{"numeric":[">=",100]}]}`, `{"price_usd":210.75}`, true},
		{"number literal", `{"qty":[3]}`, `{"qty":3}`, true},
		{"boolean", `{"paid":[true]}`, `{"paid":true}`, true},
		{"null", `{"coupon":[null]}`, `{"coupon":null}`, true},
		{"exists false", `{"coupon":[{"exists":false}]}`, `{"store":"x"}`, true},
		{"not JSON", `{"store":["x"]}`, `store=x`, false},
		{"JSON but not an object", `{"store":["x"]}`, `["x"]`, false},
		{"$or nested", `{"order":{"$or":[{"kind":["book"]},{"qty":[{"numeric":[">",10]}]}]}}`, `{"order":{"kind":"pen","qty":11}}`, true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f, reason := compileFilterPolicy(c.policy, true)
			require.Empty(t, reason)
			assert.Equal(t, c.want, f.matchBody(c.body))
		})
	}
}

// "Filter policy constraints in Amazon SNS" and the validation errors AWS
// gives for malformed policies.
func TestFilterPolicy_RejectsInvalidPoliciesWithAWSReasons(t *testing.T) {
	six := `{"a":["x"],"b":["x"],"c":["x"],"d":["x"],"e":["x"],"f":["x"]}`
	var many []string
	for range 151 {
		many = append(many, `"v"`)
	}
	cases := []struct {
		name, policy, reason string
		body                 bool
	}{
		{"not JSON", `{`, "FilterPolicy: failed to parse JSON.", false},
		{"not an object", `["a"]`, "FilterPolicy: Filter policy must be a JSON object", false},
		{"six keys", six, "FilterPolicy: Filter policy can not have more than 5 keys", false},
		{"151 combinations", `{"a":[` + strings.Join(many, ",") + `]}`, "FilterPolicy: Filter policy is too complex", false},
		{"scalar value", `{"a":"b"}`, `FilterPolicy: "a" must be an object or an array`, false},
		{"empty array", `{"a":[]}`, "FilterPolicy: Empty arrays are not allowed", false},
		{"nested in attribute scope", `{"a":{"b":["c"]}}`, "FilterPolicy: Filter policy scope MessageAttributes does not support nested filter policy", false},
		{"two operators", `{"a":[{"prefix":"x","suffix":"y"}]}`, "FilterPolicy: Only one key allowed in match expression", false},
		{"unknown operator", `{"a":[{"wildcard":"x*"}]}`, "FilterPolicy: Unrecognized match type wildcard", false},
		{"prefix not a string", `{"a":[{"prefix":1}]}`, "FilterPolicy: prefix match pattern must be a string", false},
		{"exists not a boolean", `{"a":[{"exists":"yes"}]}`, "FilterPolicy: exists match pattern must be either true or false.", false},
		{"anything-but suffix", `{"a":[{"anything-but":{"suffix":"x"}}]}`, "FilterPolicy: Unsupported anything-but pattern: suffix", false},
		{"anything-but two patterns", `{"a":[{"anything-but":{"suffix":"x","prefix":"y","equals":"z"}}]}`, "FilterPolicy: Unsupported anything-but pattern: equals", false},
		{"anything-but no pattern", `{"a":[{"anything-but":{}}]}`, "FilterPolicy: Unsupported anything-but pattern: ", false},
		{"anything-but boolean", `{"a":[{"anything-but":[true]}]}`, "FilterPolicy: Inside anything but list, start|null|boolean is not supported.", false},
		{"numeric empty", `{"a":[{"numeric":[]}]}`, "FilterPolicy: Invalid member in numeric match: ]", false},
		{"numeric bad operator", `{"a":[{"numeric":["!=",1]}]}`, "FilterPolicy: Unrecognized numeric range operator: !=", false},
		{"numeric value not a number", `{"a":[{"numeric":["=","1"]}]}`, "FilterPolicy: Value of equals must be numeric", false},
		{"numeric range upside down", `{"a":[{"numeric":[">",10,"<",5]}]}`, "FilterPolicy: Bottom must be less than top", false},
		{"numeric range after =", `{"a":[{"numeric":["=",1,"<",5]}]}`, "FilterPolicy: Too many elements in numeric expression", false},
		{"numeric range bad second operator", `{"a":[{"numeric":[">",1,">",5]}]}`, "FilterPolicy: Bad numeric range operator: >", false},
		{"numeric too many terms", `{"a":[{"numeric":[">",1,"<",5,"<",6]}]}`, "FilterPolicy: Too many terms in numeric range expression", false},
		{"cidr without mask", `{"a":[{"cidr":"10.0.0.1"}]}`, "FilterPolicy: Malformed CIDR, one '/' required", false},
		{"cidr mask not a number", `{"a":[{"cidr":"10.0.0.1/x"}]}`, "FilterPolicy: Malformed CIDR, mask bits must be an integer", false},
		{"cidr bad address", `{"a":[{"cidr":"10.0.0.300/8"}]}`, "FilterPolicy: Nonstandard IP address: 10.0.0.300", false},
		{"array in array", `{"a":[["x"]]}`, "FilterPolicy: Match value must be String, number, true, false, or null", false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			for range 10 { // the same reason every time, whatever the map order
				_, reason := compileFilterPolicy(c.policy, c.body)
				require.Equal(t, c.reason, reason)
			}
		})
	}
}

// "The first array has four values in a three-level nested key, and the
// second has three values in a two-level nested key. 3 x 4 x 2 x 3 = 72."
func TestFilterPolicy_CombinationsCountNestingDepthAsAWSDocumentsIt(t *testing.T) {
	policy := `{"key_a":{"key_b":{"key_c":["1","2","3","4"]}},"key_d":{"key_e":["1","2","3"]}}`
	c := compiler{bodyScope: true}
	_, combos, reason := c.object(mustObject(t, policy), "", 1, []map[string][]rule{{}})
	require.Empty(t, reason)
	assert.Equal(t, 72, combos)

	// At exactly 150 the policy is accepted; at 151 it is too complex.
	five := `{"a":["1","2","3","4","5"],"b":["1","2","3","4","5"],"c":["1","2","3","4","5","6"]}`
	_, reason = compileFilterPolicy(five, false)
	assert.Empty(t, reason)
}

func mustObject(t *testing.T, doc string) map[string]any {
	t.Helper()
	var v map[string]any
	dec := json.NewDecoder(strings.NewReader(doc))
	dec.UseNumber()
	require.NoError(t, dec.Decode(&v))
	return v
}

// FuzzFilterPolicy compiles arbitrary policies in both scopes and applies
// those that compile to arbitrary bodies and attributes: no input may panic.
func FuzzFilterPolicy(f *testing.F) {
	f.Add(`{"a":["b",1,true,null,{"prefix":"x"},{"numeric":[">",1,"<=",5]},{"cidr":"10.0.0.0/8"}]}`, `{"a":"b"}`, "10.1.2.3")
	f.Add(`{"a":{"b":[{"anything-but":{"prefix":"x"}}]},"$or":[{"c":[{"exists":false}]},{"d":[{"suffix":"s"}]}]}`, `{"a":{"b":["y"]}}`, "s")
	f.Add(`{"$or":[]}`, `[]`, "")
	f.Add(`{"n":[{"numeric":["=",1e400]}]}`, `{"n":1e400}`, "1e400")
	f.Fuzz(func(t *testing.T, policy, body, value string) {
		for _, bodyScope := range []bool{false, true} {
			p, reason := compileFilterPolicy(policy, bodyScope)
			if reason != "" {
				continue
			}
			p.matchBody(body)
			p.matchAttributes(map[string]MessageAttributeValue{"a": str(value), "n": num(value), "s": arr(value)})
		}
	})
}

func TestFilterPolicy_NestedOrIsTooComplexBeforeItIsExpanded(t *testing.T) {
	alt := `[{"a":["1"]},{"b":["1"]},{"c":["1"]},{"d":["1"]},{"e":["1"]},{"f":["1"]},{"g":["1"]},{"h":["1"]},{"i":["1"]},{"j":["1"]},{"k":["1"]},{"l":["1"]},{"m":["1"]}]`
	policy := `{"x":{"$or":` + alt + `},"y":{"$or":` + alt + `}}`
	_, reason := compileFilterPolicy(policy, true)
	assert.Equal(t, "FilterPolicy: Filter policy is too complex", reason)
}
