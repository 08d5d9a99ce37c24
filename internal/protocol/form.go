package protocol

import (
	"encoding/base64"
	"net/url"
	"strconv"
	"strings"
)

// Form reads the members of an awsQuery request: scalars, flattened and
// member lists, maps, entry lists and message attributes. The errors for a
// member that does not parse are the service's (SQS and SNS word them
// differently), given in Errors.
type Form struct {
	url.Values
	Errors FormErrors
}

// FormErrors builds a service's errors for members that do not parse.
type FormErrors struct {
	// Number is the error for name=value that is not an integer.
	Number func(name, value string) error
	// Binary is the error for the binary value of message attribute attr,
	// sent as member param, that is not base64.
	Binary func(attr, param, value string) error
}

// NewForm returns a Form over v with errs.
func NewForm(v url.Values, errs FormErrors) Form { return Form{Values: v, Errors: errs} }

// Has reports whether the member name was sent.
func (f Form) Has(name string) bool {
	v, ok := f.Values[name]
	return ok && len(v) > 0
}

// Int reads an optional integer member: ok is false when it is absent.
func (f Form) Int(name string) (n int, ok bool, err error) {
	if !f.Has(name) {
		return 0, false, nil
	}
	v := f.Get(name)
	n64, perr := strconv.ParseInt(v, 10, 32)
	if perr != nil {
		return 0, true, f.Errors.Number(name, v)
	}
	return int(n64), true, nil
}

// Int32 reads an optional 32-bit integer member as a pointer, nil when it
// is absent.
func (f Form) Int32(name string) (*int32, error) {
	n, ok, err := f.Int(name)
	if !ok || err != nil {
		return nil, err
	}
	i := int32(n)
	return &i, nil
}

// Bool reads a boolean member: anything but "true" (in any case) is false,
// as AWS's query parser reads it.
func (f Form) Bool(name string) bool { return strings.EqualFold(f.Get(name), "true") }

// List reads the scalar list prefix.1, prefix.2, ... in index order
// (prefix is "AttributeName" for a flattened list, "X.member" otherwise).
func (f Form) List(prefix string) []string { return List(f.Values, prefix) }

// Map reads the map prefix.N.<keyName> / prefix.N.<valueName>
// ("Attributes.entry", "key", "value", or the flattened "Attribute",
// "Name", "Value"); nil when it has no entry.
func (f Form) Map(prefix, keyName, valueName string) map[string]string {
	return Map(f.Values, prefix, keyName, valueName)
}

// Entries returns the member prefix of every entry prefix.N of a list of
// structures, in index order: "prefix.1.", "prefix.2.", ...
func (f Form) Entries(prefix string) []string {
	idx := Indexes(f.Values, prefix)
	out := make([]string, len(idx))
	for i, n := range idx {
		out[i] = prefix + "." + strconv.Itoa(n) + "."
	}
	return out
}

// MessageAttribute is a message attribute as SQS and SNS carry it.
type MessageAttribute struct {
	DataType    string
	StringValue string
	BinaryValue []byte
}

// MessageAttributes reads the message attributes prefix.N.Name /
// prefix.N.Value.{DataType,StringValue,BinaryValue} (prefix is SQS's
// flattened "MessageAttribute" or SNS's "MessageAttributes.entry"); binary
// values are base64. It returns nil when there is none.
func (f Form) MessageAttributes(prefix string) (map[string]MessageAttribute, error) {
	entries := f.Entries(prefix)
	if len(entries) == 0 {
		return nil, nil
	}
	out := make(map[string]MessageAttribute, len(entries))
	for _, base := range entries {
		name := f.Get(base + "Name")
		a := MessageAttribute{DataType: f.Get(base + "Value.DataType"), StringValue: f.Get(base + "Value.StringValue")}
		if b := f.Get(base + "Value.BinaryValue"); b != "" {
			raw, err := base64.StdEncoding.DecodeString(b)
			if err != nil {
				return nil, f.Errors.Binary(name, base+"Value.BinaryValue", b)
			}
			a.BinaryValue = raw
		}
		out[name] = a
	}
	return out, nil
}
