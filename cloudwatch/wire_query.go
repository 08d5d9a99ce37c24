package cloudwatch

import (
	"maps"
	"net/http"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/awsfake/awsfake/internal/protocol"
)

// formErrors are CloudWatch's errors for members that do not parse.
var formErrors = protocol.FormErrors{
	Number: func(name, value string) error {
		return invalidValue("The value %s for parameter %s is invalid.", value, name)
	},
}

// queryAction is the awsQuery action named name: the operation's form is
// decoded by member names into its input, its output written as XML.
func queryAction(name string) protocol.QueryAction[*Service] {
	o := opOf(name)
	if o == nil {
		return nil
	}
	return func(s *Service, r *http.Request, f protocol.Form) (any, error) {
		out, err := o(s, r.Context(), func(v any) error { return decodeForm(f, "", reflect.ValueOf(v).Elem()) })
		if err != nil {
			return nil, err
		}
		if st, ok := out.(GetMetricStatisticsOutput); ok {
			for i := range st.Datapoints {
				dp := &st.Datapoints[i]
				for _, k := range sortedKeys(dp.ExtendedStatistics) {
					dp.ExtendedStatisticsXML = append(dp.ExtendedStatisticsXML, xmlEntry{k, dp.ExtendedStatistics[k]})
				}
			}
			out = st
		}
		if out == (struct{}{}) {
			return nil, nil
		}
		return out, nil
	}
}

var timeType = reflect.TypeOf(Time{})

// decodeForm reads the members prefix+<Field> of f into the struct v:
// strings, numbers, bools, timestamps (ISO 8601), lists (<Field>.member.N)
// of scalars and structures, structures and string maps
// (<Field>.entry.N.key/value).
func decodeForm(f protocol.Form, prefix string, v reflect.Value) error {
	t := v.Type()
	for i := range t.NumField() {
		if !t.Field(i).IsExported() {
			continue
		}
		name, fv := prefix+t.Field(i).Name, v.Field(i)
		if err := decodeMember(f, name, fv); err != nil {
			return err
		}
	}
	return nil
}

// decodeMember reads one member into fv.
func decodeMember(f protocol.Form, name string, fv reflect.Value) error {
	if fv.Kind() == reflect.Pointer {
		if !present(f, name) {
			return nil
		}
		p := reflect.New(fv.Type().Elem())
		if err := decodeMember(f, name, p.Elem()); err != nil {
			return err
		}
		fv.Set(p)
		return nil
	}
	switch {
	case fv.Type() == timeType:
		ts, err := time.Parse(time.RFC3339Nano, f.Get(name))
		if err != nil {
			return invalidValue("The value %s for parameter %s is invalid.", f.Get(name), name)
		}
		fv.Set(reflect.ValueOf(Time{ts.UTC()}))
		return nil
	case fv.Kind() == reflect.Struct:
		return decodeForm(f, name+".", fv)
	case fv.Kind() == reflect.Slice:
		return decodeList(f, name, fv)
	case fv.Kind() == reflect.Map:
		if m := f.Map(name+".entry", "key", "value"); m != nil {
			fv.Set(reflect.ValueOf(m))
		}
		return nil
	}
	return decodeScalar(f, name, fv)
}

// present reports whether any member name or name.* was sent.
func present(f protocol.Form, name string) bool {
	if f.Has(name) {
		return true
	}
	p := name + "."
	for k := range f.Values {
		if len(k) > len(p) && k[:len(p)] == p {
			return true
		}
	}
	return false
}

// decodeList reads name.member.N into the slice fv.
func decodeList(f protocol.Form, name string, fv reflect.Value) error {
	entries := f.Entries(name + ".member")
	if len(entries) == 0 {
		return nil
	}
	list := reflect.MakeSlice(fv.Type(), len(entries), len(entries))
	for i, base := range entries {
		if err := decodeMember(f, strings.TrimSuffix(base, "."), list.Index(i)); err != nil {
			return err
		}
	}
	fv.Set(list)
	return nil
}

// decodeScalar reads a string, bool or number.
func decodeScalar(f protocol.Form, name string, fv reflect.Value) error {
	s := f.Get(name)
	switch fv.Kind() {
	case reflect.String:
		fv.SetString(s)
	case reflect.Bool:
		fv.SetBool(f.Bool(name))
	case reflect.Int32:
		if s == "" {
			return nil
		}
		n, err := strconv.ParseInt(s, 10, 32)
		if err != nil {
			return formErrors.Number(name, s)
		}
		fv.SetInt(n)
	case reflect.Float64:
		if s == "" {
			return nil
		}
		x, err := strconv.ParseFloat(s, 64)
		if err != nil {
			return formErrors.Number(name, s)
		}
		fv.SetFloat(x)
	}
	return nil
}

func sortedKeys(m map[string]float64) []string { return slices.Sorted(maps.Keys(m)) }
