package vtl

// eval evaluates an expression of a directive or an argument; a string
// longer than the output limit is ErrLimit, so that no template can double
// a string into exhausting memory.
func (r *renderer) eval(e expr) (any, error) {
	v, err := r.evalExpr(e)
	if s, ok := v.(string); ok && len(s) > r.limits.Output {
		return nil, ErrLimit
	}
	return v, err
}

func (r *renderer) evalExpr(e expr) (any, error) {
	if err := r.step(); err != nil {
		return nil, err
	}
	switch e := e.(type) {
	case *litExpr:
		return e.v, nil
	case *strExpr:
		sub := &renderer{vars: r.vars, macros: r.macros, limits: r.limits, steps: r.steps, depth: r.depth}
		err := sub.nodes(e.parts)
		r.steps = sub.steps
		return sub.out.String(), err
	case *refExpr:
		return r.resolve(e.ref)
	case *listExpr:
		items := make([]any, len(e.items))
		for i, it := range e.items {
			v, err := r.eval(it)
			if err != nil {
				return nil, err
			}
			items[i] = v
		}
		return &List{Items: items}, nil
	case *rangeExpr:
		return r.evalRange(e)
	case *mapExpr:
		m := NewMap()
		for i := range e.keys {
			k, err := r.eval(e.keys[i])
			if err != nil {
				return nil, err
			}
			v, err := r.eval(e.vals[i])
			if err != nil {
				return nil, err
			}
			m.Put(String(k), v)
		}
		return m, nil
	case *unaryExpr:
		v, err := r.eval(e.x)
		if err != nil {
			return nil, err
		}
		if e.op == "!" {
			return !truthy(v), nil
		}
		return arith("-", int64(0), v), nil
	case *binaryExpr:
		return r.evalBinary(e)
	}
	return nil, nil
}

// evalRange is [from..to], counting down when to < from; each bound must
// be an integer.
func (r *renderer) evalRange(e *rangeExpr) (any, error) {
	from, err := r.eval(e.from)
	if err != nil {
		return nil, err
	}
	to, err := r.eval(e.to)
	if err != nil {
		return nil, err
	}
	a, okA := from.(int64)
	b, okB := to.(int64)
	if !okA || !okB {
		return nil, nil
	}
	n := b - a
	if n < 0 {
		n = -n
	}
	if n >= int64(r.limits.Steps) {
		return nil, ErrLimit
	}
	items := make([]any, 0, n+1)
	for i := a; ; {
		items = append(items, i)
		if i == b {
			break
		}
		if a < b {
			i++
		} else {
			i--
		}
	}
	return &List{Items: items}, nil
}

func (r *renderer) evalBinary(e *binaryExpr) (any, error) {
	l, err := r.eval(e.l)
	if err != nil {
		return nil, err
	}
	switch e.op {
	case "&&":
		if !truthy(l) {
			return false, nil
		}
		v, err := r.eval(e.r)
		return truthy(v), err
	case "||":
		if truthy(l) {
			return true, nil
		}
		v, err := r.eval(e.r)
		return truthy(v), err
	}
	rv, err := r.eval(e.r)
	if err != nil {
		return nil, err
	}
	switch e.op {
	case "==":
		return equal(l, rv), nil
	case "!=":
		return !equal(l, rv), nil
	case "<", ">", "<=", ">=":
		c, ok := compare(l, rv)
		if !ok {
			return false, nil
		}
		return map[string]bool{"<": c < 0, ">": c > 0, "<=": c <= 0, ">=": c >= 0}[e.op], nil
	}
	return arith(e.op, l, rv), nil
}

// arith is + - * / % as Velocity 1.7 computes them: integers stay integers
// (division truncates), a Double makes the result a Double, + joins when
// either side is a string, and anything else (or a division by zero) is
// null.
func arith(op string, l, r any) any {
	if op == "+" {
		_, lStr := l.(string)
		_, rStr := r.(string)
		if lStr || rStr {
			if l == nil || r == nil {
				return nil
			}
			return String(l) + String(r)
		}
	}
	li, lf, lFloat, ok1 := number(l)
	ri, rf, rFloat, ok2 := number(r)
	if !ok1 || !ok2 {
		return nil
	}
	if lFloat || rFloat {
		switch op {
		case "+":
			return lf + rf
		case "-":
			return lf - rf
		case "*":
			return lf * rf
		case "/":
			if rf == 0 {
				return nil
			}
			return lf / rf
		}
		return nil // % on doubles: not modelled, null
	}
	switch op {
	case "+":
		return li + ri
	case "-":
		return li - ri
	case "*":
		return li * ri
	case "/", "%":
		if ri == 0 {
			return nil
		}
		if op == "/" {
			return li / ri
		}
		return li % ri
	}
	return nil
}
