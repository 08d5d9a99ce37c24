package stepfn

import (
	"context"
	"encoding/json"
	"errors"
	"math"
	"math/rand/v2"

	"github.com/recolabs/gnata"
)

// The functions Step Functions adds to JSONata ($partition, $range,
// $hash, $random with an optional seed, $uuid, $parse), $now and $millis
// on the cloud's clock, and $eval removed. They are bound per execution
// (its seeded source and clock) as gnata functions; jsonataFuncs builds
// them once, at the execution's first JSONata evaluation.

// nowExpr formats $now's instant as JSONata's $fromMillis does.
var nowExpr, _ = gnata.Compile("$fromMillis($ms, $picture, $tz)")

// jsonataFuncs returns the execution's functions, as values gnata calls.
func (ex *execution) jsonataFuncs() map[string]any {
	if ex.jfuncs != nil {
		return ex.jfuncs
	}
	millis := func() float64 { return float64(ex.svc.env.Clock.Now().UnixMilli()) }
	custom := map[string]gnata.CustomFunc{
		"partition": intrinsicFunc("ArrayPartition", 2, ex),
		"range":     jsonataRange(intrinsicFunc("ArrayRange", 3, ex)),
		"hash":      intrinsicFunc("Hash", 2, ex),
		"uuid":      func([]any, any) (any, error) { return uuidFrom(ex.rng), nil },
		"random":    func(args []any, _ any) (any, error) { return jsonataRandom(args, ex.rng) },
		"parse":     jsonataParse,
		"millis":    func([]any, any) (any, error) { return millis(), nil },
		"now": func(args []any, _ any) (any, error) {
			vars := map[string]any{"ms": millis()}
			for i, k := range []string{"picture", "tz"} {
				if i < len(args) && args[i] != nil {
					vars[k] = args[i]
				}
			}
			return nowExpr.EvalWithVars(context.Background(), nil, vars)
		},
	}
	env := gnata.NewCustomEnv(custom)
	out := make(map[string]any, len(custom)+1)
	for name := range custom {
		out[name], _ = env.Lookup(name)
	}
	out["eval"] = nil // not available in Step Functions: T1006
	ex.jfuncs = out
	return out
}

// intrinsicFunc is the intrinsic function name (States.<name>) taking n
// arguments, as a JSONata function.
func intrinsicFunc(name string, n int, ex *execution) gnata.CustomFunc {
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
		v, err := intrinsic(name, in, ex.rng)
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
