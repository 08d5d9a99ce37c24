package eventbridge

import (
	"testing"
	"time"
)

func mustExpr(t *testing.T, s string) scheduleExpr {
	t.Helper()
	e, ok := parseScheduleExpr(s, true)
	if !ok {
		t.Fatalf("%s does not parse", s)
	}
	return e
}

// firings lists the instants an expression fires in [from, to), UTC.
func firings(t *testing.T, s string, from, to time.Time, loc *time.Location) []time.Time {
	t.Helper()
	e := mustExpr(t, s)
	var out []time.Time
	for at, ok := e.next(from.Add(-time.Nanosecond), from, loc); ok && at.Before(to); at, ok = e.next(at, from, loc) {
		out = append(out, at)
		if len(out) > 10000 {
			t.Fatal("runaway")
		}
	}
	return out
}

func utc(s string) time.Time {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		panic(err)
	}
	return t
}

// The examples of "Cron expressions reference" (EventBridge User Guide).
func TestCron_AWSDocumentedExamples(t *testing.T) {
	mon := utc("2026-11-30T00:00:00Z") // a Monday
	for _, tc := range []struct {
		expr  string
		first string
		count int // in the week from mon
	}{
		{"cron(0 10 * * ? *)", "2026-11-30T10:00:00Z", 7},
		{"cron(15 12 * * ? *)", "2026-11-30T12:15:00Z", 7},
		{"cron(0 18 ? * MON-FRI *)", "2026-11-30T18:00:00Z", 5},
		{"cron(0 8 1 * ? *)", "2026-12-01T08:00:00Z", 1},
		{"cron(0/15 * * * ? *)", "2026-11-30T00:00:00Z", 7 * 24 * 4},
		{"cron(0/10 * ? * MON-FRI *)", "2026-11-30T00:00:00Z", 5 * 24 * 6},
		{"cron(0/5 8-17 ? * MON-FRI *)", "2026-11-30T08:00:00Z", 5 * 10 * 12},
		{"cron(0 9 ? * 2#1 *)", "2026-12-07T09:00:00Z", 0},
		{"cron(0 12 ? * MON-FRI *)", "2026-11-30T12:00:00Z", 5},
	} {
		got := firings(t, tc.expr, mon, mon.AddDate(0, 0, 7), time.UTC)
		if len(got) != tc.count {
			t.Errorf("%s: %d firings in the week, want %d", tc.expr, len(got), tc.count)
		}
		first, _ := mustExpr(t, tc.expr).next(mon.Add(-time.Nanosecond), mon, time.UTC)
		if !first.Equal(utc(tc.first)) {
			t.Errorf("%s: first %v, want %s", tc.expr, first, tc.first)
		}
	}
}

// The special day forms: L, L-n, W, LW, nL, n#k, 1 = Sunday.
func TestCron_SpecialDays(t *testing.T) {
	from := utc("2026-01-01T00:00:00Z")
	for _, tc := range []struct{ expr, first string }{
		{"cron(0 0 L * ? *)", "2026-01-31T00:00:00Z"},
		{"cron(0 0 L-2 * ? *)", "2026-01-29T00:00:00Z"},
		{"cron(0 0 LW * ? *)", "2026-01-30T00:00:00Z"},       // Jan 31 2026 is a Saturday
		{"cron(0 0 3W * ? *)", "2026-01-02T00:00:00Z"},       // Jan 3 is a Saturday: the Friday
		{"cron(0 0 4W * ? *)", "2026-01-05T00:00:00Z"},       // Jan 4 is a Sunday: the Monday
		{"cron(0 0 1W 8 ? *)", "2026-08-03T00:00:00Z"},       // Aug 1 2026 is a Saturday: never July
		{"cron(0 0 ? * 6L *)", "2026-01-30T00:00:00Z"},       // the last Friday
		{"cron(0 0 ? * 3#2 *)", "2026-01-13T00:00:00Z"},      // the second Tuesday (3 = Tuesday)
		{"cron(0 0 ? * 1 *)", "2026-01-04T00:00:00Z"},        // 1 = Sunday
		{"cron(0 0 ? * L *)", "2026-01-03T00:00:00Z"},        // L = Saturday
		{"cron(30 1 29 FEB ? 2028)", "2028-02-29T01:30:00Z"}, // a year and a leap day
	} {
		got, ok := mustExpr(t, tc.expr).next(from, from, time.UTC)
		if !ok || !got.Equal(utc(tc.first)) {
			t.Errorf("%s: %v %v, want %s", tc.expr, got, ok, tc.first)
		}
	}
	if _, ok := mustExpr(t, "cron(0 0 1 1 ? 2025)").next(from, from, time.UTC); ok {
		t.Error("a year past fires")
	}
}

func TestScheduleExpr_Refused(t *testing.T) {
	for _, s := range []string{
		"cron(0 12 * * * *)", "cron(0 12 ? * ? *)", "cron(0 12 * *)", "cron(60 * * * ? *)", "cron(0 24 * * ? *)",
		"cron(0 0 32 * ? *)", "cron(0 0 ? * 8 *)", "cron(0 0 ? * 2#6 *)", "cron(0 0 * 13 ? *)", "cron(0 0 * * ? 1969)",
		"cron(5-1 * * * ? *)", "cron(*/0 * * * ? *)", "rate(1 minutes)", "rate(5 minute)", "rate(0 minutes)",
		"rate(-1 days)", "rate(5 weeks)", "rate(5)", "every 5 minutes", "at(2026-13-01T00:00:00)",
	} {
		if _, ok := parseScheduleExpr(s, true); ok {
			t.Errorf("%s parses", s)
		}
	}
	if _, ok := parseScheduleExpr("at(2026-01-01T00:00:00)", false); ok {
		t.Error("at() parses where only rate and cron are allowed")
	}
}

// rate(n unit) fires every n units from its origin.
func TestRate_FiresFromItsOrigin(t *testing.T) {
	origin := utc("2026-01-01T00:00:30Z")
	got := firings(t, "rate(5 minutes)", origin, origin.Add(time.Hour+time.Nanosecond), time.UTC)
	if len(got) != 12 || !got[0].Equal(origin.Add(5*time.Minute)) {
		t.Fatalf("rate(5 minutes) over an hour: %v", got)
	}
}

// Daylight saving: a wall time the zone skips is skipped, one it repeats
// fires once (Scheduler User Guide, "Daylight saving time").
func TestCron_DaylightSaving(t *testing.T) {
	paris, err := time.LoadLocation("Europe/Paris")
	if err != nil {
		t.Fatal(err)
	}
	spring := firings(t, "cron(30 2 * * ? *)", utc("2026-03-28T00:00:00Z"), utc("2026-03-31T00:00:00Z"), paris)
	if len(spring) != 2 || !spring[0].Equal(utc("2026-03-28T01:30:00Z")) || !spring[1].Equal(utc("2026-03-30T00:30:00Z")) {
		t.Errorf("02:30 around the spring change: %v", spring)
	}
	autumn := firings(t, "cron(30 2 * * ? *)", utc("2026-10-25T00:00:00Z"), utc("2026-10-26T00:00:00Z"), paris)
	if len(autumn) != 1 || !autumn[0].Equal(utc("2026-10-25T00:30:00Z")) {
		t.Errorf("02:30 on the autumn change: %v", autumn)
	}
}
