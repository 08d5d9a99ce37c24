// Package vtl is the Velocity Template Language as API Gateway runs it in
// REST API mapping templates (Apache Velocity 1.7), for apigw's request
// and response templates.
//
//	t, err := vtl.Parse(`#set($root = $input.path('$'))
//	{"name": "$util.escapeJavaScript($root.name)"}`)
//	// err is a *vtl.SyntaxError: API Gateway's 500, logged
//	out, err := t.Render(map[string]any{
//		"input": &vtl.Input{Body: body, Header: headers},
//		"util":  vtl.Util{},
//		"context": ..., // a vtl.Object or a *vtl.Map built by apigw
//	}, vtl.Limits{})
//
// What is implemented: references in every notation ($x, $!x, ${x},
// $!{x}), properties (map keys, Object properties, bean getters), method
// calls and [index]; #set, #if/#elseif/#else/#end, #foreach with
// $foreach.index/count/hasNext/first/last and $velocityCount, #break,
// #stop, #define, inline #macro; ## and #* *# comments, #[[ ]]# unparsed
// text, \$ and \# escapes; string, integer, double, boolean, list, range
// and map literals; "..." interpolation; arithmetic and comparison with
// Velocity 1.7's rules (integer division truncates, + joins strings, a
// division by zero is null, #set of a null leaves the target as it was,
// the empty string is true); Java's methods on strings (UTF-16 indexes,
// Java regular expressions through RE2), lists and maps; $util's six
// functions and $input (body, json, path with Jayway-style JSONPath,
// params); Velocity 1.7's whitespace rules (blanks before #set and the
// newline after a directive's ')' , #else or #end are gobbled).
//
// Where it differs from AWS:
//   - An unknown variable, or a method an Object does not have, renders as
//     written, as Velocity does; a null reached through a variable that
//     exists renders as nothing, as API Gateway renders $input.path of what
//     the body lacks (recorded: TestApiGatewayCommon::
//     test_input_path_template_formatting).
//   - Java regular expressions run on RE2: backreferences and lookaround
//     do not compile, and the method is null.
//   - JSONPath filters ([?(...)]) are not modelled: the path selects null.
//   - A rendering is bounded (Limits: 10 MiB of output and a million steps
//     by default; nesting 100 deep): past them Render returns ErrLimit,
//     where API Gateway's own bounds are not documented.
package vtl
