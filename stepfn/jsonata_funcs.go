package stepfn

import (
	"context"
	"encoding/json"
	"errors"
	"maps"
	"math"
	"math/rand/v2"
	"reflect"

	"github.com/recolabs/gnata"
)

// The functions Step Functions adds to JSONata ($partition, $range,
// $hash, $random with an optional seed, $uuid, $parse), $now and $millis
// on the cloud's clock, and $eval removed. Those that read an
// execution's seeded source or clock are bound per execution, at its
// first JSONata evaluation; the others once.

// nowExpr formats $now's instant as JSONata's $fromMillis does.
var nowExpr, _ = gnata.Compile("$fromMillis($ms, $picture, $tz)")

// builtinType is the type of gnata's built-in functions: a Go function
// converted to it is callable from an expression like the built-ins
// (the type is gnata's internal evaluator.BuiltinFunction, of the same
// shape as gnata.CustomFunc; gnata.NewCustomEnv would otherwise register
// the whole library again for each execution).
var builtinType = func() reflect.Type {
	v, _ := gnata.NewCustomEnv(map[string]gnata.CustomFunc{"f": jsonataParse}).Lookup("f")
	return reflect.TypeOf(v)
}()

func asBuiltin(fn gnata.CustomFunc) any { return reflect.ValueOf(fn).Convert(builtinType).Interface() }

// staticFuncs are the functions that read nothing of an execution.
var staticFuncs = map[string]any{
	"partition": asBuiltin(intrinsicFunc("ArrayPartition", 2)),
	"range":     asBuiltin(jsonataRange(intrinsicFunc("ArrayRange", 3))),
	"hash":      asBuiltin(intrinsicFunc("Hash", 2)),
	"parse":     asBuiltin(jsonataParse),
	"eval":      nil, // not available in Step Functions: T1006
}

// jsonataFuncs returns the execution's functions, as values gnata calls.
func (ex *execution) jsonataFuncs() map[string]any {
	if ex.jfuncs != nil {
		return ex.jfuncs
	}
	millis := func() float64 { return float64(ex.svc.env.Clock.Now().UnixMilli()) }
	out := maps.Clone(staticFuncs)
	out["uuid"] = asBuiltin(func([]any, any) (any, error) { return uuidFrom(ex.rng), nil })
	out["random"] = asBuiltin(func(args []any, _ any) (any, error) { return jsonataRandom(args, ex.rng) })
	out["millis"] = asBuiltin(func([]any, any) (any, error) { return millis(), nil })
	out["now"] = asBuiltin(func(args []any, _ any) (any, error) {
		vars := map[string]any{"ms": millis()}
		for i, k := range []string{"picture", "tz"} {
			if i < len(args) && args[i] != nil {
				vars[k] = args[i]
			}
		}
		return nowExpr.EvalWithVars(context.Background(), nil, vars)
	})
	ex.jfuncs = out
	return out
}

// intrinsicFunc is the intrinsic function name (States.<name>) taking n
// arguments, as a JSONata function (one that draws nothing at random).
func intrinsicFunc(name string, n int) gnata.CustomFunc {
	return func(args []any, _ any) (any, error) {
		in := make([]any, n)
		for i := range in {
			if i < len(args) {
				v, err := fromJSONata(args[i])
				if err != nil {
					return nil, err
				}
				in[i] = v
			}
		}
		v, err := intrinsic(name, in, nil)
		if err != nil {
			return nil, err
		}
		return toJSONata(v), nil
	}
}

// jsonataRandom is $random([seed]): a number in [0, 1), drawn from the
// seed when one is given, else from the execution's source.
func jsonataRandom(args []any, rng *rand.Rand) (any, error) {
	if len(args) == 0 || args[0] == nil {
		return rng.Float64(), nil
	}
	seed, ok := number(mustJSON(args[0]))
	if !ok || seed != math.Trunc(seed) {
		return nil, errors.New("The seed of $random must be an integer")
	}
	return rand.New(rand.NewPCG(uint64(int64(seed)), 0)).Float64(), nil
}

// mustJSON converts a gnata argument, a non-JSON one becoming nil.
func mustJSON(v any) any {
	out, err := fromJSONata(v)
	if err != nil {
		return nil
	}
	return out
}

// jsonataParse is $parse(text): the JSON value text holds.
func jsonataParse(args []any, _ any) (any, error) {
	var s string
	if len(args) > 0 {
		s, _ = args[0].(string)
	}
	v, err := gnata.DecodeJSON(json.RawMessage(s))
	if err != nil || !json.Valid([]byte(s)) {
		return nil, errors.New("The argument of $parse must be a string holding a JSON value")
	}
	return v, nil
}

// jsonataRange is $range: a range of one number is that number, as a
// JSONata sequence of one is (recorded: test_array_jsonata.py::test_array_range).
func jsonataRange(rng gnata.CustomFunc) gnata.CustomFunc {
	return func(args []any, focus any) (any, error) {
		v, err := rng(args, focus)
		if a, ok := v.([]any); ok && len(a) == 1 {
			return a[0], err
		}
		return v, err
	}
}
