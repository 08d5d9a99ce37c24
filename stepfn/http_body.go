package stepfn

import (
	"net/url"
	"slices"
	"strconv"
	"strings"
)

// bodyOf reads RequestBody under Transform: sent as JSON (a string as it
// is) with RequestBodyEncoding NONE, the default; as a form with
// URL_ENCODED, arrays as RequestEncodingOptions' ArrayFormat says (AWS's
// "Apply URL-encoding on the request body").
func bodyOf(body, transform any) ([]byte, string, *failure) {
	enc, format, f := transformOf(transform)
	if f != nil {
		return nil, "", f
	}
	if enc == "URL_ENCODED" {
		m, isObj := body.(map[string]any)
		if !isObj {
			return nil, "", fail(errRuntime, "The RequestBody must be a JSON object to be URL-encoded")
		}
		var pairs []string
		formPairs("", m, format, &pairs)
		return []byte(strings.Join(pairs, "&")), "application/x-www-form-urlencoded", nil
	}
	if s, isStr := body.(string); isStr {
		return []byte(s), "text/plain; charset=utf-8", nil
	}
	return []byte(encodeJSON(body)), "application/json", nil
}

// transformOf reads Transform: RequestBodyEncoding (NONE or URL_ENCODED)
// and RequestEncodingOptions.ArrayFormat (INDICES by default).
func transformOf(v any) (string, string, *failure) {
	if v == nil {
		return "NONE", "INDICES", nil
	}
	m, isObj := v.(map[string]any)
	if !isObj {
		return "", "", fail(errRuntime, "The value for the field 'Transform' must be an OBJECT")
	}
	enc := "NONE"
	if x, ok := m["RequestBodyEncoding"]; ok {
		enc, _ = x.(string)
		if enc != "NONE" && enc != "URL_ENCODED" {
			return "", "", fail(errRuntime, "The value for the field 'RequestBodyEncoding' must be one of [NONE, URL_ENCODED]")
		}
	}
	format := "INDICES"
	if x, ok := m["RequestEncodingOptions"]; ok {
		opts, isObj := x.(map[string]any)
		if !isObj {
			return "", "", fail(errRuntime, "The value for the field 'RequestEncodingOptions' must be an OBJECT")
		}
		if y, ok := opts["ArrayFormat"]; ok {
			format, _ = y.(string)
			if !slices.Contains(httpArrayFormats, format) {
				return "", "", fail(errRuntime, "The value for the field 'ArrayFormat' must be one of %v", httpArrayFormats)
			}
		}
	}
	return enc, format, nil
}

// formPairs writes v under key as key=value pairs: an object's members
// as key[member] (in key order), an array as the format says
// ({"a": ["x","y"]}: INDICES a[0]=x&a[1]=y, REPEAT a=x&a=y, COMMAS a=x,y,
// BRACKETS a[]=x&a[]=y). Keys and values are escaped as a form escapes
// them, the brackets kept.
func formPairs(key string, v any, format string, out *[]string) {
	switch x := v.(type) {
	case map[string]any:
		for _, k := range sortedKeys(x) {
			sub := k
			if key != "" {
				sub = key + "[" + k + "]"
			}
			formPairs(sub, x[k], format, out)
		}
	case []any:
		formArray(key, x, format, out)
	default:
		text, _ := scalarText(x)
		*out = append(*out, formKey(key)+"="+url.QueryEscape(text))
	}
}

func formArray(key string, items []any, format string, out *[]string) {
	if format == "COMMAS" {
		texts := make([]string, 0, len(items))
		for _, it := range items {
			text, ok := scalarText(it)
			if !ok {
				text = encodeJSON(it)
			}
			texts = append(texts, url.QueryEscape(text))
		}
		*out = append(*out, formKey(key)+"="+strings.Join(texts, ","))
		return
	}
	for i, it := range items {
		switch format {
		case "REPEAT":
			formPairs(key, it, format, out)
		case "BRACKETS":
			formPairs(key+"[]", it, format, out)
		default:
			formPairs(key+"["+strconv.Itoa(i)+"]", it, format, out)
		}
	}
}

var keepBrackets = strings.NewReplacer("%5B", "[", "%5D", "]")

func formKey(key string) string { return keepBrackets.Replace(url.QueryEscape(key)) }
