package cloudwatch

import (
	"bytes"
	"encoding/json"
	"math"
	"slices"
	"strconv"
	"time"

	"github.com/fxamacker/cbor/v2"
)

// jsonBody renders an output in AWS JSON 1.0 as CloudWatch's model types
// it: doubles always with a fraction (2.0: botocore reads a bare 2 as an
// integer, not a double), timestamps as epoch seconds. It goes through the
// CBOR encoding, which keeps the floats, integers and timestamps of the
// output apart.
func jsonBody(out any) (json.RawMessage, error) {
	b, err := cborTime.Marshal(out)
	if err != nil {
		return nil, err
	}
	var v any
	if err := cbor.Unmarshal(b, &v); err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	writeJSON(&buf, v)
	return buf.Bytes(), nil
}

// writeJSON writes one decoded CBOR value as JSON.
func writeJSON(buf *bytes.Buffer, v any) {
	switch x := v.(type) {
	case map[any]any:
		keys := make([]string, 0, len(x))
		for k := range x {
			if s, ok := k.(string); ok {
				keys = append(keys, s)
			}
		}
		slices.Sort(keys)
		buf.WriteByte('{')
		for i, k := range keys {
			if i > 0 {
				buf.WriteByte(',')
			}
			kb, _ := json.Marshal(k)
			buf.Write(kb)
			buf.WriteByte(':')
			writeJSON(buf, x[k])
		}
		buf.WriteByte('}')
	case []any:
		buf.WriteByte('[')
		for i, e := range x {
			if i > 0 {
				buf.WriteByte(',')
			}
			writeJSON(buf, e)
		}
		buf.WriteByte(']')
	case float64:
		buf.WriteString(jsonDouble(x))
	case float32:
		buf.WriteString(jsonDouble(float64(x)))
	case time.Time:
		buf.WriteString(strconv.FormatFloat(float64(x.UnixMilli())/1000, 'f', -1, 64))
	default:
		b, _ := json.Marshal(x)
		buf.Write(b)
	}
}

// jsonDouble is a double with a fraction or an exponent.
func jsonDouble(f float64) string {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return "null"
	}
	s := strconv.FormatFloat(f, 'g', -1, 64)
	if !bytes.ContainsAny([]byte(s), ".e") {
		s += ".0"
	}
	return s
}
