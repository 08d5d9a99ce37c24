package stepfn

// maxBatchBytes is the largest MaxInputBytesPerBatch: 256 KiB, the
// payload limit (the ItemBatcher documentation).
const maxBatchBytes = maxPayload

// itemBatcher is a Distributed Map's ItemBatcher: each child gets
// {"Items": [...]} with the BatchInput's fields.
type itemBatcher struct {
	maxItems, maxBytes int // 0: no limit
	batchInput         *tmpl
	jbatchInput        *jtmpl
}

// itemBatcherDef parses an ItemBatcher v at loc: MaxItemsPerBatch and
// MaxInputBytesPerBatch are positive integers, one of them at least
// (the texts are modelled on the schema validation's, not recorded).
func (p *parser) itemBatcherDef(st *state, v any, loc string) *itemBatcher {
	at := loc + "/ItemBatcher"
	m, ok := v.(map[string]any)
	if !ok {
		p.bad(at, "The value for the field 'ItemBatcher' must be an OBJECT")
		return nil
	}
	b := &itemBatcher{}
	read := func(field string, max int) int {
		x, has := m[field]
		if !has {
			return 0
		}
		n, ok := intValue(x)
		if !ok || n < 1 || n > max {
			p.bad(at+"/"+field, "The value for the field '"+field+"' must be an integer between 1 and "+itoa(max))
		}
		return n
	}
	b.maxItems = read("MaxItemsPerBatch", maxReaderItems)
	b.maxBytes = read("MaxInputBytesPerBatch", maxBatchBytes)
	_, hasItems := m["MaxItemsPerBatch"]
	_, hasBytes := m["MaxInputBytesPerBatch"]
	if !hasItems && !hasBytes {
		p.bad(at, "At least one of the fields [MaxItemsPerBatch, MaxInputBytesPerBatch] is required")
	}
	if bi, ok := m["BatchInput"]; ok {
		if _, isObj := bi.(map[string]any); !isObj && st.jn == nil {
			p.bad(at+"/BatchInput", "The value for the field 'BatchInput' must be an OBJECT")
		}
		if st.jn != nil {
			b.jbatchInput = p.jtemplate(bi, "BatchInput", at+"/BatchInput")
		} else {
			b.batchInput = compileTemplate(bi, at+"/BatchInput", p.bad)
		}
	}
	return b
}

// batches groups items in order: a batch ends at MaxItemsPerBatch items,
// or before the item that would take its items' JSON past
// MaxInputBytesPerBatch (measured on the items as read, before the
// ItemSelector); an item larger than the limit is a batch alone.
func (b *itemBatcher) batches(items []any) []unit {
	var out []unit
	cur, size := unit{}, 2 // the brackets of "Items"
	for i, it := range items {
		n := len(encodeJSON(it)) + 1
		full := cur.n > 0 && ((b.maxItems > 0 && cur.n >= b.maxItems) || (b.maxBytes > 0 && size+n > b.maxBytes))
		if full {
			out = append(out, cur)
			cur, size = unit{first: i}, 2
		}
		if cur.n == 0 {
			cur.first = i
		}
		cur.n++
		size += n
	}
	if cur.n > 0 {
		out = append(out, cur)
	}
	return out
}

// input is a batch's input: {"Items": items} and BatchInput's fields
// as "BatchInput" (the ItemBatcher documentation's shape).
func (b *itemBatcher) input(th *thread, mapInput any, items []any) (any, *failure) {
	out := map[string]any{"Items": items}
	switch {
	case b.jbatchInput != nil:
		v, e := b.jbatchInput.eval(th.jvars(th.jstates("", nil)))
		if e != nil {
			return nil, th.jfailure(e)
		}
		out["BatchInput"] = v
	case b.batchInput != nil:
		v, fl := th.eval(mapInput).apply(b.batchInput)
		if fl != nil {
			return nil, fl
		}
		out["BatchInput"] = v
	}
	return out, nil
}
