package logs

// fieldSet is a set of field names, each mapped to itself so that a row
// stores the set's string rather than a new copy of the name.
type fieldSet map[string]string

func (f fieldSet) add(name string) { f[name] = name }

// needs is the set of the fields q reads or shows, so that its records
// are built with those only (flattening every JSON message whole was
// most of a query's cost); nil when the result shows every discovered
// field, as a query without fields, display or stats does. Naming more
// fields than used costs nothing but time; naming fewer would lose them,
// which TestQueryNeeds_SameResultsAsEveryField guards.
func (q *query) needs() fieldSet {
	need := fieldSet{}
	shown := false
	for _, c := range q.cmds {
		switch c := c.(type) {
		case fieldsCmd:
			shown = true
			for _, it := range c.items {
				need.add(it.name)
				exprNeeds(need, it.x)
			}
		case displayCmd:
			shown = true
			addNames(need, c.names)
		case filterCmd:
			exprNeeds(need, c.cond)
		case sortCmd:
			for _, k := range c.keys {
				exprNeeds(need, k.x)
			}
		case dedupCmd:
			addNames(need, c.names)
		case parseCmd:
			exprNeeds(need, c.src)
		case statsCmd:
			shown = true
			for _, a := range c.aggs {
				if a.arg != nil {
					exprNeeds(need, a.arg)
				}
			}
			for _, b := range c.by {
				exprNeeds(need, b.x)
			}
		}
	}
	if !shown {
		return nil
	}
	return need
}

func addNames(need fieldSet, names []string) {
	for _, n := range names {
		need.add(n)
	}
}

// exprNeeds adds the fields x reads.
func exprNeeds(need fieldSet, x expr) {
	switch x := x.(type) {
	case fieldRef:
		need.add(x.name)
	case binary:
		exprNeeds(need, x.l)
		exprNeeds(need, x.r)
	case notExpr:
		exprNeeds(need, x.x)
	case negExpr:
		exprNeeds(need, x.x)
	case likeExpr:
		exprNeeds(need, x.x)
	case inExpr:
		exprNeeds(need, x.x)
		for _, e := range x.list {
			exprNeeds(need, e)
		}
	case call:
		for _, a := range x.args {
			exprNeeds(need, a)
		}
	}
}
