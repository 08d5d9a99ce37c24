package eventbridge

import (
	"errors"
	"strconv"
	"strings"
	"time"
)

// cronSpec is a parsed EventBridge cron expression, cron(minutes hours
// day-of-month month day-of-week year) ("Cron expressions reference",
// EventBridge User Guide): six fields, the day-of-month or the
// day-of-week a '?', day-of-week 1 = Sunday. Minutes, hours, months and
// years are sets; the day fields hold their special forms.
type cronSpec struct {
	minutes, hours, months [60]bool // only the first 24 / 13 of hours and months are used
	years                  map[int]bool
	anyYear                bool
	dom                    domRule
	dow                    dowRule
}

// domRule is the day-of-month field: a set, L (the last day, less offset
// days: L-2), W (the weekday nearest a day) or LW (the last weekday); any
// when the field is '?'.
type domRule struct {
	any     bool
	days    [32]bool
	last    bool
	offset  int
	nearest int // W: the day whose nearest weekday runs; 0 for none
	lastW   bool
}

// dowRule is the day-of-week field: a set (1 = Sunday), nL (the last
// weekday n of the month) or n#k (its k-th); any when the field is '?'.
type dowRule struct {
	any     bool
	days    [8]bool
	lastOf  int // nL: weekday n; 0 for none
	nth     int // n#k: weekday n ...
	nthWeek int // ... the k-th of the month
}

var monthNames = map[string]int{"JAN": 1, "FEB": 2, "MAR": 3, "APR": 4, "MAY": 5, "JUN": 6, "JUL": 7, "AUG": 8, "SEP": 9, "OCT": 10, "NOV": 11, "DEC": 12}
var dayNames = map[string]int{"SUN": 1, "MON": 2, "TUE": 3, "WED": 4, "THU": 5, "FRI": 6, "SAT": 7}

var errCron = errors.New("invalid cron expression")

// parseCron parses the fields inside cron(...).
func parseCron(s string) (*cronSpec, error) {
	f := strings.Fields(s)
	if len(f) != 6 {
		return nil, errCron
	}
	c := &cronSpec{}
	if err := parseSet(f[0], 0, 59, nil, c.minutes[:]); err != nil {
		return nil, err
	}
	if err := parseSet(f[1], 0, 23, nil, c.hours[:]); err != nil {
		return nil, err
	}
	if err := parseSet(f[3], 1, 12, monthNames, c.months[:]); err != nil {
		return nil, err
	}
	if err := c.parseYears(f[5]); err != nil {
		return nil, err
	}
	domQ, dowQ := f[2] == "?", f[4] == "?"
	if domQ == dowQ { // AWS: one of the two day fields, and only one, is '?'
		return nil, errCron
	}
	c.dom.any, c.dow.any = domQ, dowQ
	if !domQ {
		if err := c.dom.parse(f[2]); err != nil {
			return nil, err
		}
	}
	if !dowQ {
		if err := c.dow.parse(f[4]); err != nil {
			return nil, err
		}
	}
	return c, nil
}

func (c *cronSpec) parseYears(s string) error {
	if s == "*" {
		c.anyYear = true
		return nil
	}
	set := make([]bool, 2200)
	if err := parseSet(s, 1970, 2199, nil, set); err != nil {
		return err
	}
	c.years = map[int]bool{}
	for y, ok := range set {
		if ok {
			c.years[y] = true
		}
	}
	return nil
}

// parseSet fills set from a list of values, ranges (a-b), steps (a/n,
// a-b/n, */n) and '*', within lo..hi, names allowed where given.
func parseSet(s string, lo, hi int, names map[string]int, set []bool) error {
	for part := range strings.SplitSeq(s, ",") {
		rng, stepS, hasStep := strings.Cut(part, "/")
		step := 1
		if hasStep {
			n, err := strconv.Atoi(stepS)
			if err != nil || n <= 0 || n > hi {
				return errCron
			}
			step = n
		}
		from, to := lo, hi
		if rng != "*" {
			a, b, isRange := strings.Cut(rng, "-")
			var err error
			if from, err = cronValue(a, lo, hi, names); err != nil {
				return err
			}
			to = from
			if isRange {
				if to, err = cronValue(b, lo, hi, names); err != nil {
					return err
				}
			} else if hasStep {
				to = hi
			}
		}
		if from > to {
			return errCron
		}
		for v := from; v <= to; v += step {
			set[v] = true
		}
	}
	return nil
}

func cronValue(s string, lo, hi int, names map[string]int) (int, error) {
	if v, ok := names[strings.ToUpper(s)]; ok {
		return v, nil
	}
	v, err := strconv.Atoi(s)
	if err != nil || v < lo || v > hi {
		return 0, errCron
	}
	return v, nil
}

func (d *domRule) parse(s string) error {
	switch {
	case s == "L":
		d.last = true
	case s == "LW":
		d.lastW = true
	case strings.HasPrefix(s, "L-"):
		n, err := strconv.Atoi(s[2:])
		if err != nil || n < 1 || n > 30 {
			return errCron
		}
		d.last, d.offset = true, n
	case strings.HasSuffix(s, "W"):
		n, err := strconv.Atoi(strings.TrimSuffix(s, "W"))
		if err != nil || n < 1 || n > 31 {
			return errCron
		}
		d.nearest = n
	default:
		return parseSet(s, 1, 31, nil, d.days[:])
	}
	return nil
}

func (d *dowRule) parse(s string) error {
	switch {
	case s == "L":
		d.days[7] = true // the last day of the week: Saturday
	case strings.HasSuffix(s, "L"):
		n, err := cronValue(strings.TrimSuffix(s, "L"), 1, 7, dayNames)
		if err != nil {
			return err
		}
		d.lastOf = n
	case strings.Contains(s, "#"):
		a, b, _ := strings.Cut(s, "#")
		n, err := cronValue(a, 1, 7, dayNames)
		if err != nil {
			return err
		}
		k, err := strconv.Atoi(b)
		if err != nil || k < 1 || k > 5 {
			return errCron
		}
		d.nth, d.nthWeek = n, k
	default:
		return parseSet(s, 1, 7, dayNames, d.days[:])
	}
	return nil
}

// dayMatches reports whether the date (y, m, day) in its month of n days
// satisfies both day fields.
func (c *cronSpec) dayMatches(y int, m time.Month, day int) bool {
	n := daysIn(y, m)
	wd := int(time.Date(y, m, day, 0, 0, 0, 0, time.UTC).Weekday()) + 1 // 1 = Sunday
	if !c.dom.any {
		d := c.dom
		switch {
		case d.last:
			return day == n-d.offset
		case d.lastW:
			return day == nearestWeekday(y, m, n, n)
		case d.nearest > 0:
			return d.nearest <= n && day == nearestWeekday(y, m, d.nearest, n)
		default:
			return d.days[day]
		}
	}
	w := c.dow
	switch {
	case w.lastOf > 0:
		return wd == w.lastOf && day+7 > n
	case w.nth > 0:
		return wd == w.nth && (day-1)/7+1 == w.nthWeek
	default:
		return w.days[wd]
	}
}

// nearestWeekday is the weekday nearest the day target of a month of n
// days, never crossing into another month (Quartz's W rule, which AWS
// follows).
func nearestWeekday(y int, m time.Month, target, n int) int {
	switch time.Date(y, m, target, 0, 0, 0, 0, time.UTC).Weekday() {
	case time.Saturday:
		if target == 1 {
			return 3
		}
		return target - 1
	case time.Sunday:
		if target == n {
			return target - 2
		}
		return target + 1
	}
	return target
}

func daysIn(y int, m time.Month) int { return time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC).Day() }

// next returns the first instant strictly after t at which the expression
// fires, reading its fields as wall times in loc; false when there is none
// before the year 2200. A wall time that daylight saving skips is skipped,
// and one it repeats fires once, as EventBridge Scheduler documents.
func (c *cronSpec) next(t time.Time, loc *time.Location) (time.Time, bool) {
	lt := t.In(loc)
	y, m, d := lt.Date()
	for day := time.Date(y, m, d, 0, 0, 0, 0, time.UTC); day.Year() < 2200; day = day.AddDate(0, 0, 1) {
		dy, dm, dd := day.Date()
		if !c.anyYear && !c.years[dy] {
			day = time.Date(dy, 12, 31, 0, 0, 0, 0, time.UTC)
			continue
		}
		if !c.months[dm] {
			day = time.Date(dy, dm, daysIn(dy, dm), 0, 0, 0, 0, time.UTC)
			continue
		}
		if c.dayMatches(dy, dm, dd) {
			if at, ok := c.firstTimeOfDay(dy, dm, dd, loc, t); ok {
				return at, true
			}
		}
	}
	return time.Time{}, false
}

// firstTimeOfDay is the first hour and minute of the day that fire after t.
func (c *cronSpec) firstTimeOfDay(y int, m time.Month, d int, loc *time.Location, t time.Time) (time.Time, bool) {
	// On t's own day, wall times more than an hour before t's cannot fire
	// after it (a daylight saving shift moves the wall clock by an hour at
	// most): skip them without building them.
	skip := -1
	if lt := t.In(loc); lt.Year() == y && lt.Month() == m && lt.Day() == d {
		skip = lt.Hour()*60 + lt.Minute() - 61
	}
	for h := range 24 {
		if !c.hours[h] {
			continue
		}
		for mi := range 60 {
			if !c.minutes[mi] || h*60+mi < skip {
				continue
			}
			at := time.Date(y, m, d, h, mi, 0, 0, loc)
			if at.Hour() != h || at.Minute() != mi || at.Day() != d {
				continue // a wall time daylight saving skips
			}
			if e := at.Add(-time.Hour).In(loc); e.Hour() == h && e.Minute() == mi {
				at = e // a wall time repeated: its first occurrence
			}
			if !at.After(t) {
				continue
			}
			return at.UTC(), true
		}
	}
	return time.Time{}, false
}
