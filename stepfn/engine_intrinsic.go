package stepfn

import (
	"crypto/md5"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha512"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"hash"
	"math"
	"math/rand/v2"
	"strconv"
	"strings"
	"unicode/utf8"
)

// failure is a runtime error of a workflow: what Retry and Catch match
// and what ends an execution (Error and Cause).
type failure struct {
	Error string
	Cause string
}

// fail returns a failure with a formatted cause.
func fail(name, format string, args ...any) *failure {
	return &failure{Error: name, Cause: fmt.Sprintf(format, args...)}
}

// The predefined error names (the ASL specification's "Errors").
const (
	errAll                 = "States.ALL"
	errTimeout             = "States.Timeout"
	errTaskFailed          = "States.TaskFailed"
	errPermissions         = "States.Permissions"
	errResultPathMatch     = "States.ResultPathMatchFailure"
	errParameterPath       = "States.ParameterPathFailure"
	errBranchFailed        = "States.BranchFailed"
	errNoChoiceMatched     = "States.NoChoiceMatched"
	errIntrinsicFailure    = "States.IntrinsicFailure"
	errHeartbeatTimeout    = "States.HeartbeatTimeout"
	errRuntime             = "States.Runtime"
	errDataLimitExceeded   = "States.DataLimitExceeded"
	errQueryEvaluation     = "States.QueryEvaluationError"
	errToleratedFailure    = "States.ExceedToleratedFailureThreshold"
	errItemReaderFailed    = "States.ItemReaderFailed"
	errResultWriterFailed  = "States.ResultWriterFailed"
	intrinsicStringLimit   = 10000
	intrinsicArrayRangeMax = 1000
)

// resolver reads a path argument: $ (the state's input), $$ (the context
// object) or a variable.
type resolver func(p *path) (any, *failure)

// evalCall evaluates an intrinsic call; rng draws MathRandom without a seed
// and UUID.
func evalCall(c *call, res resolver, rng *rand.Rand) (any, *failure) {
	args := make([]any, len(c.args))
	for i, a := range c.args {
		switch {
		case a.path != nil:
			v, f := res(a.path)
			if f != nil {
				return nil, f
			}
			args[i] = v
		case a.call != nil:
			v, f := evalCall(a.call, res, rng)
			if f != nil {
				return nil, f
			}
			args[i] = v
		default:
			args[i] = a.lit
		}
	}
	v, err := intrinsic(c.name, args, rng)
	if err != nil {
		return nil, fail(errIntrinsicFailure, "%s", err)
	}
	return v, nil
}

func intrinsic(name string, args []any, rng *rand.Rand) (any, error) {
	switch name {
	case "Format":
		return format(args)
	case "StringToJson":
		s, err := strArg(name, args, 0)
		if err != nil {
			return nil, err
		}
		v, perr := decodeJSON(s)
		if perr != nil {
			return nil, fmt.Errorf("Invalid JSON string provided to States.StringToJson: %s", s)
		}
		return v, nil
	case "JsonToString":
		return encodeJSON(args[0]), nil
	case "Array":
		return append([]any{}, args...), nil
	case "ArrayLength":
		a, err := arrArg(name, args, 0)
		return json.Number(strconv.Itoa(len(a))), err
	case "ArrayContains":
		a, err := arrArg(name, args, 0)
		for _, x := range a {
			if jsonEqual(x, args[1]) {
				return true, nil
			}
		}
		return false, err
	case "ArrayUnique":
		a, err := arrArg(name, args, 0)
		out := []any{}
		for _, x := range a {
			if !containsJSON(out, x) {
				out = append(out, x)
			}
		}
		return out, err
	case "ArrayPartition", "ArrayGetItem", "ArrayRange":
		return arrayIndexed(name, args)
	case "Base64Encode", "Base64Decode", "Hash", "StringSplit":
		return stringFunc(name, args)
	case "JsonMerge":
		return jsonMerge(args)
	case "MathRandom", "MathAdd":
		return mathFunc(name, args, rng)
	case "UUID":
		return uuidFrom(rng), nil
	}
	return nil, fmt.Errorf("Unsupported intrinsic function States.%s", name)
}

func containsJSON(a []any, v any) bool {
	for _, x := range a {
		if jsonEqual(x, v) {
			return true
		}
	}
	return false
}

func strArg(fn string, args []any, i int) (string, error) {
	s, ok := args[i].(string)
	if !ok {
		return "", fmt.Errorf("The value of argument %d of States.%s must be a string, not %s", i+1, fn, jsonType(args[i]))
	}
	return s, nil
}

func arrArg(fn string, args []any, i int) ([]any, error) {
	a, ok := args[i].([]any)
	if !ok {
		return nil, fmt.Errorf("The value of argument %d of States.%s must be an array, not %s", i+1, fn, jsonType(args[i]))
	}
	return a, nil
}

// intArg reads an integer argument (a number with no fraction).
func intArg(fn string, args []any, i int) (int, error) {
	f, ok := number(args[i])
	if !ok || f != math.Trunc(f) || math.Abs(f) > 1<<53 {
		return 0, fmt.Errorf("The value of argument %d of States.%s must be an integer", i+1, fn)
	}
	return int(f), nil
}

// format is States.Format: each {} takes the next argument (strings
// as they are, other values as JSON); \{ and \} are literal braces.
func format(args []any) (any, error) {
	tpl, err := strArg("Format", args, 0)
	if err != nil {
		return nil, err
	}
	var b strings.Builder
	next := 1
	for i := 0; i < len(tpl); i++ {
		c := tpl[i]
		if c == '\\' && i+1 < len(tpl) {
			b.WriteByte(tpl[i+1])
			i++
			continue
		}
		if c == '{' && i+1 < len(tpl) && tpl[i+1] == '}' {
			if next >= len(args) {
				return nil, fmt.Errorf("Number of arguments in States.Format do not match the number of placeholders")
			}
			switch v := args[next].(type) {
			case string:
				b.WriteString(v)
			case map[string]any, []any:
				return nil, fmt.Errorf("The value of argument %d of States.Format must be a string, number, boolean or null", next+1)
			default:
				b.WriteString(encodeJSON(v))
			}
			next++
			i++
			continue
		}
		b.WriteByte(c)
	}
	if next != len(args) {
		return nil, fmt.Errorf("Number of arguments in States.Format do not match the number of placeholders")
	}
	return b.String(), nil
}

func arrayIndexed(name string, args []any) (any, error) {
	if name == "ArrayRange" {
		start, e1 := intArg(name, args, 0)
		end, e2 := intArg(name, args, 1)
		stp, e3 := intArg(name, args, 2)
		if e := firstErr(e1, e2, e3); e != nil {
			return nil, e
		}
		if stp == 0 {
			return nil, fmt.Errorf("The value of argument 3 of States.ArrayRange must not be 0")
		}
		out := []any{}
		for v := start; (stp > 0 && v <= end) || (stp < 0 && v >= end); v += stp {
			if len(out) == intrinsicArrayRangeMax {
				return nil, fmt.Errorf("States.ArrayRange can generate at most %d elements", intrinsicArrayRangeMax)
			}
			out = append(out, json.Number(strconv.Itoa(v)))
		}
		return out, nil
	}
	a, err := arrArg(name, args, 0)
	if err != nil {
		return nil, err
	}
	n, err := intArg(name, args, 1)
	if err != nil {
		return nil, err
	}
	if name == "ArrayGetItem" {
		if n < 0 || n >= len(a) {
			return nil, fmt.Errorf("The index %d is out of bounds of the array of length %d in States.ArrayGetItem", n, len(a))
		}
		return a[n], nil
	}
	if n <= 0 {
		return nil, fmt.Errorf("The value of argument 2 of States.ArrayPartition must be greater than 0")
	}
	out := []any{}
	for i := 0; i < len(a); i += n {
		out = append(out, append([]any{}, a[i:min(i+n, len(a))]...))
	}
	return out, nil
}

func firstErr(errs ...error) error {
	for _, e := range errs {
		if e != nil {
			return e
		}
	}
	return nil
}

var hashes = map[string]func() hash.Hash{
	"MD5": md5.New, "SHA-1": sha1.New, "SHA-256": sha256.New, "SHA-384": sha512.New384, "SHA-512": sha512.New,
}

func stringFunc(name string, args []any) (any, error) {
	s, err := strArg(name, args, 0)
	if err != nil {
		return nil, err
	}
	if utf8.RuneCountInString(s) > intrinsicStringLimit && name != "StringSplit" {
		return nil, fmt.Errorf("The input to States.%s must be at most %d characters", name, intrinsicStringLimit)
	}
	switch name {
	case "Base64Encode":
		return base64.StdEncoding.EncodeToString([]byte(s)), nil
	case "Base64Decode":
		b, err := base64.StdEncoding.DecodeString(s)
		if err != nil {
			return nil, fmt.Errorf("The input to States.Base64Decode is not valid base64: %s", s)
		}
		return string(b), nil
	case "Hash":
		alg, err := strArg(name, args, 1)
		if err != nil {
			return nil, err
		}
		h := hashes[alg]
		if h == nil {
			return nil, fmt.Errorf("The hash algorithm %s is not supported by States.Hash: use one of MD5, SHA-1, SHA-256, SHA-384, SHA-512", alg)
		}
		sum := h()
		sum.Write([]byte(s))
		return hex.EncodeToString(sum.Sum(nil)), nil
	}
	delims, err := strArg(name, args, 1)
	if err != nil {
		return nil, err
	}
	out := []any{}
	for _, part := range strings.FieldsFunc(s, func(r rune) bool { return strings.ContainsRune(delims, r) }) {
		out = append(out, part)
	}
	return out, nil
}

// jsonMerge is States.JsonMerge: a shallow merge, the second object's
// members winning; AWS supports only false for the deep flag.
func jsonMerge(args []any) (any, error) {
	a, ok1 := args[0].(map[string]any)
	b, ok2 := args[1].(map[string]any)
	if !ok1 || !ok2 {
		return nil, fmt.Errorf("The arguments of States.JsonMerge must be objects")
	}
	if deep, ok := args[2].(bool); !ok || deep {
		return nil, fmt.Errorf("States.JsonMerge supports only a shallow merge: its third argument must be false")
	}
	out := make(map[string]any, len(a)+len(b))
	for k, v := range a {
		out[k] = v
	}
	for k, v := range b {
		out[k] = v
	}
	return out, nil
}

func mathFunc(name string, args []any, rng *rand.Rand) (any, error) {
	a, e1 := intArg(name, args, 0)
	b, e2 := intArg(name, args, 1)
	if e := firstErr(e1, e2); e != nil {
		return nil, e
	}
	if name == "MathAdd" {
		return json.Number(strconv.Itoa(a + b)), nil
	}
	if b <= a {
		return nil, fmt.Errorf("The end of States.MathRandom's range must be greater than its start")
	}
	r := rng
	if len(args) == 3 {
		seed, err := intArg(name, args, 2)
		if err != nil {
			return nil, err
		}
		r = rand.New(rand.NewPCG(uint64(seed), 0))
	}
	return json.Number(strconv.Itoa(a + r.IntN(b-a))), nil
}

// uuidFrom draws a version 4 UUID from rng.
func uuidFrom(rng *rand.Rand) string {
	var b [16]byte
	for i := range b {
		b[i] = byte(rng.Uint32())
	}
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	h := hex.EncodeToString(b[:])
	return h[:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:]
}
