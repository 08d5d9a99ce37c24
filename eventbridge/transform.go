package eventbridge

import (
	"encoding/json"
	"regexp"
	"strconv"
	"strings"
)

// jsonPath evaluates the JSON paths EventBridge accepts in InputPath and
// InputPathsMap: $, then .name or [index] steps. ok is false when the path
// does not resolve.
func jsonPath(v any, path string) (any, bool) {
	rest, ok := strings.CutPrefix(path, "$")
	if !ok {
		return nil, false
	}
	for rest != "" {
		switch rest[0] {
		case '.':
			rest = rest[1:]
			end := strings.IndexAny(rest, ".[")
			if end < 0 {
				end = len(rest)
			}
			obj, isObj := v.(map[string]any)
			if !isObj {
				return nil, false
			}
			if v, ok = obj[rest[:end]]; !ok {
				return nil, false
			}
			rest = rest[end:]
		case '[':
			end := strings.IndexByte(rest, ']')
			if end < 0 {
				return nil, false
			}
			i, err := strconv.Atoi(rest[1:end])
			list, isList := v.([]any)
			if err != nil || !isList || i < 0 || i >= len(list) {
				return nil, false
			}
			v, rest = list[i], rest[end+1:]
		default:
			return nil, false
		}
	}
	return v, true
}

// validPath reports whether a path is one jsonPath reads.
func validPath(p string) bool { return p == "$" || pathRE.MatchString(p) }

var pathRE = regexp.MustCompile(`^\$(\.[^.\[\]]+|\[\d+\])+$`)

// placeholderRE finds the <name> placeholders of an InputTemplate.
var placeholderRE = regexp.MustCompile(`<([A-Za-z0-9_.\-]+)>`)

// reserved are the variables every template may use.
var reserved = map[string]bool{"aws.events.rule-arn": true, "aws.events.rule-name": true, "aws.events.event.ingestion-time": true,
	"aws.events.event": true, "aws.events.event.json": true}

// checkTemplate is PutTargets' check of a transformer: valid paths, and no
// placeholder the map and the reserved variables do not define
// ("InputTemplate for target <id> contains invalid placeholder <name>.",
// recorded: TestInputTransformer::test_put_events_with_input_transformer_missing_keys).
func checkTemplate(id string, t *InputTransformer) error {
	if len(t.InputPathsMap) > 100 {
		return errValidation("InputPathsMap for target %s has more than 100 entries.", id)
	}
	for k, p := range t.InputPathsMap {
		if reserved[k] || strings.HasPrefix(k, "aws.") {
			return errValidation("InputTransformer for target %s defines reserved key %s.", id, k)
		}
		if !validPath(p) {
			return errValidation("Invalid InputPathsMap for target %s: %s is not a valid JSON path.", id, p)
		}
	}
	for _, m := range placeholderRE.FindAllStringSubmatch(t.InputTemplate, -1) {
		if _, ok := t.InputPathsMap[m[1]]; !ok && !reserved[m[1]] {
			return errValidation("InputTemplate for target %s contains invalid placeholder %s.", id, m[1])
		}
	}
	return nil
}

// eventContext is what a template's reserved variables read.
type eventContext struct {
	ruleArn, ruleName string
	event             []byte // the event's JSON
	obj               map[string]any
}

// render fills a template: inside a JSON string a value goes in as text
// (a string without its quotes, an object or a list as its JSON without
// quotes: {a:1}), elsewhere as JSON; a path that does not resolve is
// empty inside a string and null elsewhere (recorded:
// TestInputTransformer::test_input_transformer_nested_keys_replacement).
func render(t *InputTransformer, ec eventContext) string {
	var b strings.Builder
	tpl := t.InputTemplate
	inString := false
	for i := 0; i < len(tpl); i++ {
		c := tpl[i]
		if c == '"' && (i == 0 || tpl[i-1] != '\\') {
			inString = !inString
		}
		if c == '<' {
			if loc := placeholderRE.FindStringSubmatchIndex(tpl[i:]); loc != nil && loc[0] == 0 {
				name := tpl[i+loc[2] : i+loc[3]]
				b.WriteString(value(t, ec, name, inString))
				i += loc[1] - 1
				continue
			}
		}
		b.WriteByte(c)
	}
	return b.String()
}

func value(t *InputTransformer, ec eventContext, name string, inString bool) string {
	var v any
	var ok bool
	switch name {
	case "aws.events.rule-arn":
		v, ok = ec.ruleArn, true
	case "aws.events.rule-name":
		v, ok = ec.ruleName, true
	case "aws.events.event.ingestion-time":
		v, ok = ec.obj["time"], true
	case "aws.events.event.json":
		if !inString {
			return string(ec.event)
		}
		v, ok = ec.obj, true
	case "aws.events.event":
		m := map[string]any{}
		for k, x := range ec.obj {
			if k != "detail" {
				m[k] = x
			}
		}
		v, ok = m, true
	default:
		v, ok = jsonPath(ec.obj, t.InputPathsMap[name])
	}
	if !ok {
		if inString {
			return ""
		}
		return "null"
	}
	if s, isString := v.(string); isString && inString {
		return s
	}
	j := marshal(v)
	if inString {
		return strings.ReplaceAll(string(j), `"`, "")
	}
	return string(j)
}

// payload is what a target receives for an event: Input verbatim, the
// value at InputPath, the rendered InputTransformer, or the event.
func payload(t *Target, ec eventContext) []byte {
	switch {
	case t.Input != "":
		return []byte(t.Input)
	case t.InputPath != "":
		v, ok := jsonPath(ec.obj, t.InputPath)
		if !ok {
			return []byte("null")
		}
		return []byte(marshal(v))
	case t.InputTransformer != nil:
		return []byte(render(t.InputTransformer, ec))
	}
	return ec.event
}

// marshal is v's JSON as AWS writes it: no HTML escaping, no newline.
func marshal(v any) string {
	var b strings.Builder
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(v)
	return strings.TrimSuffix(b.String(), "\n")
}
