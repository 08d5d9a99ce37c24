package vtl

import (
	"errors"
	"strings"
)

// errUnknown marks a reference to a variable, or a method of an Object,
// that does not exist: it renders as written.
var errUnknown = errors.New("unknown reference")

// resolve evaluates a reference: nil when a link is null, errUnknown when
// the variable or an Object's method does not exist.
func (r *renderer) resolve(n *refNode) (any, error) {
	v, err := r.walk(n)
	if err == errUnknown {
		return nil, nil
	}
	return v, err
}

func (r *renderer) walk(n *refNode) (any, error) {
	v, ok := r.vars[n.name]
	if !ok {
		return nil, errUnknown
	}
	for _, st := range n.chain {
		if err := r.step(); err != nil {
			return nil, err
		}
		if v == nil {
			return nil, nil
		}
		switch st.kind {
		case stepProperty:
			v = property(v, st.name)
		case stepIndex:
			k, err := r.eval(st.index)
			if err != nil {
				return nil, err
			}
			v = index(v, k)
		case stepMethod:
			args := make([]any, len(st.args))
			for i, a := range st.args {
				x, err := r.eval(a)
				if err != nil {
					return nil, err
				}
				args[i] = x
			}
			if o, ok := v.(Object); ok {
				got, ok := o.Method(st.name, args)
				if !ok {
					return nil, errUnknown
				}
				v = got
				continue
			}
			v = call(v, st.name, args)
		}
	}
	if s, ok := v.(string); ok && len(s) > r.limits.Output {
		return nil, ErrLimit
	}
	if d, ok := v.(*defined); ok {
		return d.String(), nil
	}
	return v, nil
}

// property is $v.name: a map's key, an Object's property, or the bean
// getter Velocity would look for (getName(), isName()).
func property(v any, name string) any {
	switch x := v.(type) {
	case *Map:
		if got, ok := x.Get(name); ok {
			return got
		}
		return nil
	case Object:
		if got, ok := x.Property(name); ok {
			return got
		}
		return nil
	}
	if name == "" {
		return nil
	}
	return call(v, "get"+strings.ToUpper(name[:1])+name[1:], nil)
}

// index is $v[k]: a list's item or a map's key.
func index(v, k any) any {
	switch x := v.(type) {
	case *List:
		if i, ok := k.(int64); ok && i >= 0 && i < int64(len(x.Items)) {
			return x.Items[i]
		}
	case *Map:
		if got, ok := x.Get(String(k)); ok {
			return got
		}
	case Object:
		if s, ok := k.(string); ok {
			if got, ok := x.Property(s); ok {
				return got
			}
		}
	}
	return nil
}

// call is $v.name(args): a Java method of a string, list or map, or an
// Object's method; nil (rendered as written) when there is none.
func call(v any, name string, args []any) any {
	switch x := v.(type) {
	case string:
		return stringMethod(x, name, args)
	case *List:
		return listMethod(x, name, args)
	case *Map:
		return mapMethod(x, name, args)
	case Object:
		if got, ok := x.Method(name, args); ok {
			return got
		}
		return nil
	case int64, float64, bool:
		return scalarMethod(x, name, args)
	}
	return nil
}
