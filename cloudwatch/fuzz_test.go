package cloudwatch

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/awsfake/awsfake/clock"
	"github.com/awsfake/awsfake/internal/cloudenv"
)

// fuzzOps are the operations the fuzz targets address, by a byte.
var fuzzOps = operations()

// fuzzService is a service with one metric and one alarm, and the check
// every target makes: the answer is never a 5xx (bad input is the
// sender's fault) and never a panic.
func fuzzService(t *testing.F) func(*testing.T, *http.Request) {
	env := cloudenv.ForTest(clock.NewFake(time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)))
	s := New(env)
	t.Cleanup(s.Close)
	return func(t *testing.T, r *http.Request) {
		w := httptest.NewRecorder()
		s.ServeHTTP(w, r)
		if w.Code >= 500 {
			t.Fatalf("%s %s: %d %s", r.URL.Path, r.Header.Get("X-Amz-Target"), w.Code, w.Body.String())
		}
	}
}

// FuzzServeCBOR sends arbitrary CBOR bodies to every operation.
func FuzzServeCBOR(f *testing.F) {
	f.Add(byte(0), []byte{0xbf, 0xff})
	f.Add(byte(20), []byte("\xa2iNamespacecappjMetricData\x81\xa2jMetricNameameValue\xfb\x3f\xf0\x00\x00\x00\x00\x00\x00"))
	f.Add(byte(5), []byte("\xa1iStartTime\xc1\x1a\x70\x00\x00\x00"))
	f.Add(byte(7), []byte{0xff, 0x00})
	serve := fuzzService(f)
	f.Fuzz(func(t *testing.T, op byte, body []byte) {
		name := fuzzOps[int(op)%len(fuzzOps)]
		r := httptest.NewRequest(http.MethodPost, cborPrefix+name, bytes.NewReader(body))
		r.Header.Set("Smithy-Protocol", "rpc-v2-cbor")
		serve(t, r)
	})
}

// FuzzServeJSON sends arbitrary AWS JSON bodies to every operation.
func FuzzServeJSON(f *testing.F) {
	for _, seed := range []string{`{}`, `{"Namespace":"app","MetricData":[{"MetricName":"m","Value":1,"Timestamp":1893456000}]}`,
		`{"AlarmName":"a","Period":60,"EvaluationPeriods":1,"Threshold":1,"ComparisonOperator":"GreaterThanThreshold","MetricName":"m","Namespace":"n","Statistic":"Sum"}`,
		`{"StartTime":"x"}`, `{"MetricDataQueries":[{"Id":"a","MetricStat":{"Period":0}}],"StartTime":1,"EndTime":2}`, `[`} {
		f.Add(byte(0), seed)
	}
	serve := fuzzService(f)
	f.Fuzz(func(t *testing.T, op byte, body string) {
		r := httptest.NewRequest(http.MethodPost, "/", strings.NewReader(body))
		r.Header.Set("X-Amz-Target", targetPrefix+fuzzOps[int(op)%len(fuzzOps)])
		serve(t, r)
	})
}

// FuzzServeQuery sends arbitrary forms to every action.
func FuzzServeQuery(f *testing.F) {
	for _, seed := range []string{
		"Action=PutMetricData&Namespace=app&MetricData.member.1.MetricName=m&MetricData.member.1.Value=1",
		"Action=PutMetricData&Namespace=app&MetricData.member.1.MetricName=m&MetricData.member.1.Values.member.1=x",
		"Action=GetMetricStatistics&Namespace=a&MetricName=m&StartTime=2029-12-31T23:00:00Z&EndTime=2030-01-01T00:00:00Z&Period=60&ExtendedStatistics.member.1=TM(1:)",
		"Action=PutMetricAlarm&AlarmName=a&Period=60&EvaluationPeriods=1&Threshold=1&ComparisonOperator=GreaterThanThreshold&MetricName=m&Namespace=n&Statistic=Sum",
		"Action=DescribeAlarms&MaxRecords=0&NextToken=%%", "Action=Nope", "%zz", "",
	} {
		f.Add(seed)
	}
	serve := fuzzService(f)
	f.Fuzz(func(t *testing.T, body string) {
		r := httptest.NewRequest(http.MethodPost, "/", strings.NewReader(body))
		r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		serve(t, r)
	})
}

// FuzzMetricMath evaluates arbitrary expressions over two stored series,
// through GetMetricData: never a 5xx, never a panic.
func FuzzMetricMath(f *testing.F) {
	for _, seed := range []string{"m1/m2*100", "SUM(METRICS())", `METRICS("m")`, "FILL(m1, LINEAR)", "RATE(m1)",
		"IF(m1 > 1 AND NOT m2, m1, 0)", "SORT(METRICS(), MAX, DESC, 1)", "SLICE(METRICS(), 0, 1)", "((((", "-m1^2",
		`SEARCH('{app,Queue} MetricName="m"', 'Sum', 60)`, "TIME_SERIES(1)/0", "[m1, m2] + m1", "e",
		`SELECT AVG(a) FROM SCHEMA(app) WHERE x = 'y' GROUP BY x ORDER BY AVG() DESC LIMIT 2`, "SELECT"} {
		f.Add(seed)
	}
	serve := fuzzService(f)
	put := `{"Namespace":"app","MetricData":[{"MetricName":"a","Value":1,"Timestamp":1893455940},{"MetricName":"b","Value":0,"Timestamp":1893455940}]}`
	f.Fuzz(func(t *testing.T, e string) {
		r := httptest.NewRequest(http.MethodPost, "/", strings.NewReader(put))
		r.Header.Set("X-Amz-Target", targetPrefix+"PutMetricData")
		serve(t, r)
		q, _ := json.Marshal(map[string]any{"StartTime": 1893455000, "EndTime": 1893456000, "MetricDataQueries": []any{
			map[string]any{"Id": "m1", "ReturnData": false, "MetricStat": map[string]any{"Metric": map[string]any{"Namespace": "app", "MetricName": "a"}, "Period": 60, "Stat": "Sum"}},
			map[string]any{"Id": "m2", "ReturnData": false, "MetricStat": map[string]any{"Metric": map[string]any{"Namespace": "app", "MetricName": "b"}, "Period": 60, "Stat": "Sum"}},
			map[string]any{"Id": "e", "Expression": e}}})
		r = httptest.NewRequest(http.MethodPost, "/", bytes.NewReader(q))
		r.Header.Set("X-Amz-Target", targetPrefix+"GetMetricData")
		serve(t, r)
	})
}

// FuzzAlarmRule puts composite alarms of arbitrary rules, through
// PutCompositeAlarm: never a 5xx, never a panic; a rule that parses
// evaluates.
func FuzzAlarmRule(f *testing.F) {
	for _, seed := range []string{"ALARM(a) AND ALARM(b)", `OK("arn:aws:cloudwatch:us-east-1:000000000000:alarm:a")`,
		"NOT (TRUE OR FALSE)", "INSUFFICIENT_DATA(a) OR", "((((", "ALARM(c)", "alarm(a) and not ok(a)"} {
		f.Add(seed)
	}
	serve := fuzzService(f)
	put := func(t *testing.T, name, rule string) {
		b, _ := json.Marshal(map[string]any{"AlarmName": name, "AlarmRule": rule})
		r := httptest.NewRequest(http.MethodPost, "/", bytes.NewReader(b))
		r.Header.Set("X-Amz-Target", targetPrefix+"PutCompositeAlarm")
		serve(t, r)
	}
	f.Fuzz(func(t *testing.T, rule string) {
		put(t, "a", "TRUE")
		if r, err := parseRule(rule); err == nil {
			r.eval(func(string) string { return stateAlarm })
		}
		put(t, "b", rule)
		put(t, "c", rule)
	})
}
