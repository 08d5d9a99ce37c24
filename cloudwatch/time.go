package cloudwatch

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"math"
	"strconv"
	"time"

	"github.com/fxamacker/cbor/v2"
)

// Time is a timestamp as each protocol carries it: CBOR tag 1 over epoch
// seconds, an AWS JSON number of epoch seconds, an awsQuery ISO 8601
// string (time.Time's text form).
type Time struct{ time.Time }

// At returns t as a *Time, for inputs.
func At(t time.Time) *Time { return &Time{t} }

var cborTime = func() cbor.EncMode {
	m, err := cbor.EncOptions{Time: cbor.TimeUnixDynamic, TimeTag: cbor.EncTagRequired}.EncMode()
	if err != nil {
		panic(err)
	}
	return m
}()

// MarshalCBOR encodes t as tag 1 over its epoch seconds: an integer
// when t is a whole second (every period start GetMetricData answers,
// written here without the encoder's reflection), else a float.
func (t Time) MarshalCBOR() ([]byte, error) {
	if t.Nanosecond() != 0 {
		return cborTime.Marshal(t.Time)
	}
	sec := t.Unix()
	major, n := byte(0), uint64(sec) // unsigned integer
	if sec < 0 {
		major, n = 1<<5, uint64(-1-sec) // negative integer
	}
	b := make([]byte, 1, 10)
	b[0] = 0xc1 // tag 1: epoch-based date/time
	switch {
	case n < 24:
		return append(b, major|byte(n)), nil
	case n <= math.MaxUint8:
		return append(b, major|24, byte(n)), nil
	case n <= math.MaxUint16:
		return binary.BigEndian.AppendUint16(append(b, major|25), uint16(n)), nil
	case n <= math.MaxUint32:
		return binary.BigEndian.AppendUint32(append(b, major|26), uint32(n)), nil
	}
	return binary.BigEndian.AppendUint64(append(b, major|27), n), nil
}

// UnmarshalCBOR decodes tag 1 (or a bare number) of epoch seconds.
func (t *Time) UnmarshalCBOR(b []byte) error {
	var v any
	if err := cbor.Unmarshal(b, &v); err != nil {
		return err
	}
	switch x := v.(type) {
	case time.Time:
		t.Time = x
	case cbor.Tag:
		return t.fromNumber(x.Content)
	default:
		return t.fromNumber(x)
	}
	return nil
}

func (t *Time) fromNumber(v any) error {
	var f float64
	switch x := v.(type) {
	case uint64:
		f = float64(x)
	case int64:
		f = float64(x)
	case float64:
		f = x
	case float32:
		f = float64(x)
	default:
		return errors.New("timestamp is not a number")
	}
	if math.IsNaN(f) || math.IsInf(f, 0) || math.Abs(f) > 1e12 {
		return errors.New("timestamp out of range")
	}
	sec, frac := math.Modf(f)
	t.Time = time.Unix(int64(sec), int64(frac*1e9)).UTC()
	return nil
}

// MarshalJSON encodes t as epoch seconds with millisecond precision.
func (t Time) MarshalJSON() ([]byte, error) {
	return strconv.AppendFloat(nil, float64(t.UnixMilli())/1000, 'f', -1, 64), nil
}

// UnmarshalJSON decodes epoch seconds, or an ISO 8601 string.
func (t *Time) UnmarshalJSON(b []byte) error {
	if len(b) > 0 && b[0] == '"' {
		var s string
		if err := json.Unmarshal(b, &s); err != nil {
			return err
		}
		p, err := time.Parse(time.RFC3339Nano, s)
		if err != nil {
			return err
		}
		t.Time = p
		return nil
	}
	var f float64
	if err := json.Unmarshal(b, &f); err != nil {
		return err
	}
	return t.fromNumber(f)
}
