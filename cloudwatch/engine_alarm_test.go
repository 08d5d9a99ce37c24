package cloudwatch

import (
	"testing"
	"time"
)

// rowPoints turns a row of AWS's tables ("0 - X - X", oldest first: 0 not
// breaching, X breaching, - missing) into points newest first.
func rowPoints(row string) []point {
	var pts []point
	for _, c := range row {
		switch c {
		case '0':
			pts = append([]point{{v: 1, ok: true}}, pts...)
		case 'X':
			pts = append([]point{{v: 100, ok: true}}, pts...)
		case '-':
			pts = append([]point{{}}, pts...)
		}
	}
	return pts
}

// The two tables of AWS's "Configuring how CloudWatch alarms treat missing
// data" (evaluation range 5), row by row; "" is "retain current state".
func TestDecide_AWSMissingDataTables(t *testing.T) {
	tables := []struct {
		n, m int
		rows map[string][4]string // missing, ignore, breaching, notBreaching
	}{
		{3, 3, map[string][4]string{
			"0 - X - X": {stateOK, stateOK, stateOK, stateOK},
			"- - - - 0": {stateOK, stateOK, stateOK, stateOK},
			"- - - - -": {stateInsufficient, "", stateAlarm, stateOK},
			"0 X X - X": {stateAlarm, stateAlarm, stateAlarm, stateAlarm},
			"- - X - -": {stateAlarm, "", stateAlarm, stateOK},
		}},
		{3, 2, map[string][4]string{
			"0 - X - X": {stateAlarm, stateAlarm, stateAlarm, stateAlarm},
			"0 - - - -": {stateOK, stateOK, stateAlarm, stateOK},
			"- - - - -": {stateInsufficient, "", stateAlarm, stateOK},
			"0 X X - X": {stateAlarm, stateAlarm, stateAlarm, stateAlarm},
			"- - X - -": {stateAlarm, "", stateAlarm, stateOK},
		}},
	}
	for _, tb := range tables {
		for row, want := range tb.rows {
			for i, treat := range []string{"missing", "ignore", "breaching", "notBreaching"} {
				a := &alarm{n: tb.n, m: tb.m, threshold: 10, cfg: PutMetricAlarmInput{TreatMissingData: treat,
					ComparisonOperator: "GreaterThanThreshold"}}
				if got, _, _ := a.decide(rowPoints(row)); got != want[i] {
					t.Errorf("%d of %d, %q, %s: %q, want %q", tb.m, tb.n, row, treat, got, want[i])
				}
			}
		}
	}
}

// Every comparison operator at its threshold.
func TestBreaches_EveryOperator(t *testing.T) {
	for op, want := range map[string][3]bool{ // below, at, above
		"GreaterThanOrEqualToThreshold": {false, true, true}, "GreaterThanThreshold": {false, false, true},
		"LessThanThreshold": {true, false, false}, "LessThanOrEqualToThreshold": {true, true, false},
	} {
		a := &alarm{threshold: 10, cfg: PutMetricAlarmInput{ComparisonOperator: op}}
		for i, v := range []float64{9, 10, 11} {
			if a.breaches(v) != want[i] {
				t.Errorf("%s(%v) = %v", op, v, !want[i])
			}
		}
	}
}

// Retention and roll-up on the clock: second data becomes minute data
// after 3 hours, minute data 5-minute data after 15 days, hourly after 63
// days, gone after 455 days.
func TestTimeline_RollUpAndRetention(t *testing.T) {
	base := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC).Unix()
	tl := &timeline{}
	for i := range int64(120) {
		tl.at(base+i).add(1, 1) // two minutes of 1-second data
	}
	tl.age(base + 3*3600)
	if len(tl.b) != 120 {
		t.Fatalf("rolled before 3 hours: %d buckets", len(tl.b))
	}
	tl.age(base + 3*3600 + 120)
	if len(tl.b) != 2 || tl.b[0].n != 60 || tl.b[1].t != base+60 {
		t.Fatalf("after 3 hours: %+v", tl.b)
	}
	tl.age(base + 15*86400 + 120)
	if len(tl.b) != 1 || tl.b[0].n != 120 {
		t.Fatalf("after 15 days: %d buckets", len(tl.b))
	}
	tl.age(base + 455*86400)
	if len(tl.b) != 1 {
		t.Fatalf("dropped before 455 days")
	}
	tl.age(base + 455*86400 + 3600)
	if len(tl.b) != 0 {
		t.Fatalf("kept after 455 days: %d buckets", len(tl.b))
	}
}

// Extended statistic forms AWS accepts, and ones it does not.
func TestParseExt(t *testing.T) {
	for _, s := range []string{"p90", "p99.9", "p0", "p100", "tm90", "tm10:90", "TM(10%:90%)", "TM(:95%)", "TM(150:1000)",
		"wm99", "tc10:90", "ts10:90", "PR(:300)", "PR(10:)", "IQM"} {
		if _, ok := parseExt(s); !ok {
			t.Errorf("%s refused", s)
		}
	}
	for _, s := range []string{"p", "p101", "p10:90", "pr10", "TM(10%:90)", "TM(:)", "xx", "TM(90%:10%)"} {
		if _, ok := parseExt(s); ok {
			t.Errorf("%s accepted", s)
		}
	}
}
