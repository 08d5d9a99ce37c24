package iam

import (
	"context"
	"maps"
	"net/http"
	"reflect"
	"slices"

	"github.com/awsfake/awsfake/internal/protocol"
)

// IAM speaks awsQuery: Action=<Op>&Version=2010-05-08 in a form body, on
// the global endpoint iam.amazonaws.com.
var query = protocol.Query{XMLNS: "https://iam.amazonaws.com/doc/2010-05-08/"}

// action decodes one action's form, calls the Go API and returns the
// result element (nil for none).
type action = protocol.QueryAction[*Service]

// operations returns the operation names, from the wire table: the actions
// of the Go API and those the fake does not model.
func operations() []string {
	return slices.Sorted(func(yield func(string) bool) {
		for name := range maps.Keys(actions) {
			if !yield(name) {
				return
			}
		}
		for name := range maps.Keys(unmodelled) {
			if !yield(name) {
				return
			}
		}
	})
}

// formErrors are IAM's errors for members that do not parse.
var formErrors = protocol.FormErrors{
	Number: func(name, value string) error {
		return validation(protocol.LowerFirst(name), value, "Member must be a number")
	},
}

// ServeHTTP serves IAM's awsQuery protocol.
func (s *Service) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	protocol.ServeQuery(query, w, r, s, formErrors, actionOf, func(name string) error {
		return errs.New(codeInvalidAction, "Could not find operation %s for version 2010-05-08", name)
	})
}

// actionOf is the action named name: a modelled one, else one the fake
// answers as "served" says (wire_unsupported.go).
func actionOf(name string) action {
	if act := actions[name]; act != nil {
		return act
	}
	return unmodelled[name]
}

// bind makes the action of a Go API operation: the form decodes into its
// input by the members' names (the Go API's field names are AWS's), its
// output is the result element (empty when it has no field: the SDK reads
// one for UpdateRole).
func bind[I, O any](op func(*Service, context.Context, I) (O, error)) action {
	return func(s *Service, r *http.Request, f protocol.Form) (any, error) {
		var in I
		if err := decode(f, "", reflect.ValueOf(&in).Elem()); err != nil {
			return nil, err
		}
		out, err := op(s, r.Context(), in)
		if err != nil {
			return nil, err
		}
		return out, nil
	}
}

// decode reads the members prefix+<Field> of f into the struct v: strings,
// *int32, bool and *bool scalars, lists of strings and of structures
// (<Field>.member.N), nested structures (<Field>.<Member>).
func decode(f protocol.Form, prefix string, v reflect.Value) error {
	t := v.Type()
	for i := range t.NumField() {
		name, fv := prefix+t.Field(i).Name, v.Field(i)
		switch fv.Interface().(type) {
		case string:
			fv.SetString(f.Get(name))
		case bool:
			fv.SetBool(f.Bool(name))
		case *bool:
			if f.Has(name) {
				b := f.Bool(name)
				fv.Set(reflect.ValueOf(&b))
			}
		case *int32:
			n, err := f.Int32(name)
			if err != nil {
				return err
			}
			fv.Set(reflect.ValueOf(n))
		case []string:
			if l := f.List(name + ".member"); len(l) > 0 {
				fv.Set(reflect.ValueOf(l))
			}
		default:
			if err := decodeNested(f, name, fv); err != nil {
				return err
			}
		}
	}
	return nil
}

// decodeNested reads a list of structures or a structure member.
func decodeNested(f protocol.Form, name string, fv reflect.Value) error {
	if fv.Kind() == reflect.Struct {
		return decode(f, name+".", fv)
	}
	entries := f.Entries(name + ".member")
	if len(entries) == 0 {
		return nil
	}
	list := reflect.MakeSlice(fv.Type(), len(entries), len(entries))
	for i, base := range entries {
		if err := decode(f, base, list.Index(i)); err != nil {
			return err
		}
	}
	fv.Set(list)
	return nil
}
