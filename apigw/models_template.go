package apigw

import (
	"maps"
	"slices"
	"strings"
)

// modelTemplate is the mapping template API Gateway generates from a
// model's schema ("Mapping template generated from a model", API Gateway
// developer guide): the input's root bound to $inputRoot, each property
// of an object written as "name" : value, a string as "$expr", a number,
// integer or boolean as $expr, an array as a #foreach over its items and
// an object as its properties. Deviation: properties come in name order
// (AWS keeps the schema's order), and a $ref is written as a string.
func modelTemplate(schema any) string {
	var b strings.Builder
	b.WriteString("#set($inputRoot = $input.path('$'))\n")
	writeTemplateValue(&b, schema, "$inputRoot", "", 0)
	b.WriteString("\n")
	return b.String()
}

// writeTemplateValue writes the template of one schema node read at expr,
// at the given indent; depth bounds the nesting of #foreach variables.
func writeTemplateValue(b *strings.Builder, node any, expr, indent string, depth int) {
	n, _ := node.(map[string]any)
	switch schemaType(n) {
	case "object":
		props, _ := n["properties"].(map[string]any)
		if len(props) == 0 {
			b.WriteString("{}")
			return
		}
		b.WriteString("{\n")
		names := slices.Sorted(maps.Keys(props))
		for i, name := range names {
			b.WriteString(indent + "  \"" + name + "\" : ")
			writeTemplateValue(b, props[name], expr+"."+name, indent+"  ", depth)
			if i < len(names)-1 {
				b.WriteString(",")
			}
			b.WriteString("\n")
		}
		b.WriteString(indent + "}")
	case "array":
		elem := "$elem"
		if depth > 0 {
			elem = "$elem" + strings.Repeat("_", depth)
		}
		b.WriteString("[\n#foreach(" + elem + " in " + expr + ")\n" + indent + "  ")
		writeTemplateValue(b, n["items"], elem, indent+"  ", depth+1)
		b.WriteString("#if($foreach.hasNext),#end\n#end\n" + indent + "]")
	case "number", "integer", "boolean":
		b.WriteString(expr)
	default:
		b.WriteString("\"" + expr + "\"")
	}
}

// schemaType is a node's type: its "type" (the first of a list), object
// for a node with properties, array for one with items.
func schemaType(n map[string]any) string {
	switch t := n["type"].(type) {
	case string:
		return t
	case []any:
		if len(t) > 0 {
			s, _ := t[0].(string)
			return s
		}
	}
	if _, ok := n["properties"]; ok {
		return "object"
	}
	if _, ok := n["items"]; ok {
		return "array"
	}
	return ""
}
