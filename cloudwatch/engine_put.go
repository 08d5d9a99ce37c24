package cloudwatch

import (
	"fmt"
	"math"
	"strconv"
	"time"
)

// units is the StandardUnit enum.
var units = map[string]bool{"Seconds": true, "Microseconds": true, "Milliseconds": true, "Bytes": true,
	"Kilobytes": true, "Megabytes": true, "Gigabytes": true, "Terabytes": true, "Bits": true, "Kilobits": true,
	"Megabits": true, "Gigabits": true, "Terabits": true, "Percent": true, "Count": true, "Bytes/Second": true,
	"Kilobytes/Second": true, "Megabytes/Second": true, "Gigabytes/Second": true, "Terabytes/Second": true,
	"Bits/Second": true, "Kilobits/Second": true, "Megabits/Second": true, "Gigabits/Second": true,
	"Terabits/Second": true, "Count/Second": true, "None": true}

// Limits of PutMetricData (sdk cloudwatch@v1.76.0 api_op_PutMetricData.go,
// types.MetricDatum; model [Dimensions]).
const (
	maxMetricsPerPut = 1000
	maxValues        = 150
	maxDims          = 30
	maxPast          = 14 * 24 * time.Hour
	maxFuture        = 2 * time.Hour
)

// maxValue is 2^360, the largest magnitude CloudWatch accepts.
var maxValue = math.Ldexp(1, 360)

// checkUnit is ValidationError for a unit outside the enum.
func checkUnit(member, u string) error {
	if u != "" && !units[u] {
		return validation(member, u, "Member must satisfy enum value set: [Seconds, Microseconds, Milliseconds, "+
			"Bytes, Kilobytes, Megabytes, Gigabytes, Terabytes, Bits, Kilobits, Megabits, Gigabits, Terabits, Percent, "+
			"Count, Bytes/Second, Kilobytes/Second, Megabytes/Second, Gigabytes/Second, Terabytes/Second, Bits/Second, "+
			"Kilobits/Second, Megabits/Second, Gigabits/Second, Terabits/Second, Count/Second, None]")
	}
	return nil
}

// checkDatum validates one datum, named member (MetricData.member.1) in
// AWS's messages, as of now.
func checkDatum(member string, d *MetricDatum, now time.Time) error {
	if d.MetricName == "" {
		return missing(member + ".MetricName")
	}
	if len(d.MetricName) > 255 {
		return invalidValue("The value for parameter %s.MetricName must not be longer than 255 characters.", member)
	}
	if err := checkDims(member+".Dimensions", d.Dimensions); err != nil {
		return err
	}
	if err := checkUnit(lowerPath(member)+".unit", d.Unit); err != nil {
		return err
	}
	if err := checkDatumValues(member, d); err != nil {
		return err
	}
	if d.StorageResolution != nil && *d.StorageResolution != 1 && *d.StorageResolution != 60 {
		return invalidValue("The value %d for parameter %s.StorageResolution is invalid.", *d.StorageResolution, member)
	}
	if d.Timestamp != nil {
		switch t := d.Timestamp.Time; {
		case t.Before(now.Add(-maxPast)):
			return invalidValue("The parameter %s.Timestamp must specify a time within the past two weeks.", member)
		case t.After(now.Add(maxFuture)):
			return invalidValue("The parameter %s.Timestamp must specify a time no more than two hours in the future.", member)
		}
	}
	return nil
}

// checkDatumValues checks Value, Values and Counts, and StatisticValues.
func checkDatumValues(member string, d *MetricDatum) error {
	switch {
	case d.Value != nil && d.Values != nil:
		return combination("The parameters %[1]s.Value and %[1]s.Values are mutually exclusive and you have specified both.", member)
	case d.Value != nil && d.StatisticValues != nil:
		return combination("The parameters %[1]s.Value and %[1]s.StatisticValues are mutually exclusive and you have specified both.", member)
	case d.Values != nil && d.StatisticValues != nil:
		return combination("The parameters %[1]s.Values and %[1]s.StatisticValues are mutually exclusive and you have specified both.", member)
	case d.Counts != nil && len(d.Counts) != len(d.Values):
		return invalidValue("The parameters %[1]s.Values and %[1]s.Counts must be of the same size.", member)
	case len(d.Values) > maxValues:
		return invalidValue("The collection %s.Values must not have a size greater than %d.", member, maxValues)
	case d.Value == nil && d.Values == nil && d.StatisticValues == nil:
		return missing(member + ".Value")
	}
	if d.Value != nil {
		if err := checkNumber(member+".Value", *d.Value); err != nil {
			return err
		}
	}
	for i, v := range d.Values {
		if err := checkNumber(fmt.Sprintf("%s.Values.member.%d", member, i+1), v); err != nil {
			return err
		}
	}
	for i, c := range d.Counts {
		if err := checkNumber(fmt.Sprintf("%s.Counts.member.%d", member, i+1), c); err != nil {
			return err
		}
	}
	if s := d.StatisticValues; s != nil {
		for _, v := range []float64{s.SampleCount, s.Sum, s.Minimum, s.Maximum} {
			if err := checkNumber(member+".StatisticValues", v); err != nil {
				return err
			}
		}
		if s.SampleCount <= 0 || s.Minimum > s.Maximum {
			return invalidValue("The parameter %s.StatisticValues is invalid.", member)
		}
	}
	return nil
}

// checkNumber refuses NaN, infinities and magnitudes over 2^360.
func checkNumber(member string, v float64) error {
	if math.IsNaN(v) || math.IsInf(v, 0) || math.Abs(v) > maxValue {
		return invalidValue("The value %s for parameter %s is invalid.", strconv.FormatFloat(v, 'g', -1, 64), member)
	}
	return nil
}

// checkDims checks a metric's dimensions: at most 30, names 1–255 not
// starting with ':', values 1–1,024.
func checkDims(member string, dims []Dimension) error {
	if len(dims) > maxDims {
		return invalidValue("The collection %s must not have a size greater than %d.", member, maxDims)
	}
	seen := map[string]bool{}
	for i, d := range dims {
		m := fmt.Sprintf("%s.member.%d", member, i+1)
		switch {
		case d.Name == "":
			return missing(m + ".Name")
		case d.Value == "":
			return missing(m + ".Value")
		case len(d.Name) > 255 || d.Name[0] == ':':
			return invalidValue("The value %s for parameter %s.Name is invalid.", d.Name, m)
		case len(d.Value) > 1024:
			return invalidValue("The value for parameter %s.Value must not be longer than 1024 characters.", m)
		case seen[d.Name]:
			return invalidValue("No metric may have duplicate dimension names.")
		}
		seen[d.Name] = true
	}
	return nil
}

// lowerPath is a member path as validation messages spell it
// (MetricData.member.1 → metricData.member.1).
func lowerPath(s string) string {
	if s == "" {
		return s
	}
	return string(s[0]|0x20) + s[1:]
}

// series returns the timeline of a metric's unit ("" is None), created on
// first use, and marks the metric as having data at now. The caller holds
// s.mu.
func (p *partition) series(ns, name string, dims []Dimension, unit string, now time.Time) *timeline {
	dims = sortedDims(dims)
	key := metricKey(ns, name, dims)
	m := p.metrics[key]
	if m == nil {
		m = &metric{ns: ns, name: name, dims: dims, units: map[string]*timeline{}}
		p.metrics[key] = m
	}
	if now.After(m.lastPut) {
		m.lastPut = now
	}
	if unit == "" {
		unit = "None"
	}
	tl := m.units[unit]
	if tl == nil {
		tl = &timeline{}
		m.units[unit] = tl
	}
	return tl
}

// ingest stores one validated datum of namespace ns at now. The caller
// holds s.mu.
func (p *partition) ingest(ns string, d *MetricDatum, now time.Time) {
	tl := p.series(ns, d.MetricName, d.Dimensions, d.Unit, now)
	t := now
	if d.Timestamp != nil {
		t = d.Timestamp.Time
	}
	sec := t.Unix()
	if d.StorageResolution == nil || *d.StorageResolution != 1 {
		sec -= mod(sec, 60)
	}
	tl.age(now.Unix())
	b := tl.at(sec)
	switch {
	case d.Value != nil:
		b.add(*d.Value, 1)
	case d.StatisticValues != nil:
		s := d.StatisticValues
		b.addStats(s.SampleCount, s.Sum, s.Minimum, s.Maximum)
		b.statOnly = true
	default:
		for i, v := range d.Values {
			c := 1.0
			if d.Counts != nil {
				c = d.Counts[i]
			}
			if c > 0 {
				b.add(v, c)
			}
		}
	}
}
