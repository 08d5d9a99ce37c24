package logs

import (
	"context"
	"encoding/json"
	"reflect"
	"strconv"
	"testing"
)

// queryExamples seed the query fuzz target: the commands and functions
// the parser reads.
var queryExamples = []string{
	`fields @timestamp, @message | sort @timestamp desc | limit 20`,
	`filter @type = "REPORT" | stats max(@maxMemoryUsed), avg(@duration) by bin(5m)`,
	`parse @message /user=(?<user>\w+)/ | stats count(*) by user`,
	`parse "a=* b=*" as a, b | filter a in ["1", 2] and not ispresent(c) or b like /x/i`,
	`stats pct(n, 99) as p, stddev(n), count_distinct(x), earliest(x), latest(x), sum(n) by bin(1h), x`,
	`fields concat(toupper(a), substr(b, 1, 2)) as c, abs(-n) % 3 ^ 2 as d | dedup c | display c, d`,
	`filter datefloor(@timestamp, 1m) >= fromMillis(0) | fields dateceil(@timestamp, 1d) # comment`,
	"fields `odd name` | filter @message !~ /a\\/b/",
}

// Any query string and any message, through StartQuery and
// GetQueryResults: never a 5xx nor a panic.
func FuzzQuery(f *testing.F) {
	for _, q := range queryExamples {
		f.Add(q, `{"n":3,"x":"v","a":"q","b":"w","tags":[1,{"k":null}]}`)
		f.Add(q, "REPORT RequestId: r\tDuration: 1.00 ms\tMax Memory Used: 3 MB\t")
	}
	s, serve := fuzzService(f)
	seed := `{"logGroupName":"g","logStreamName":"s","logEvents":[{"timestamp":` + strconv.FormatInt(fuzzT0.UnixMilli(), 10) +
		`,"message":"{\"n\":1,\"a\":\"x\"}"},{"timestamp":` + strconv.FormatInt(fuzzT0.UnixMilli()+1, 10) + `,"message":"user=a b"}]}`
	if _, err := s.PutLogEvents(context.Background(), mustPut(f, seed)); err != nil {
		f.Fatal(err)
	}
	g := newGroup("g", "arn:aws:logs:us-east-1:000000000000:log-group:g", "STANDARD", 0)
	f.Fuzz(func(t *testing.T, q, msg string) {
		body, _ := json.Marshal(map[string]any{"logGroupName": "g", "queryString": q,
			"startTime": fuzzT0.Unix() - 60, "endTime": fuzzT0.Unix() + 60})
		serve(t, "StartQuery", body)
		if pq, err := parseQuery(q); err == nil {
			records := func(need fieldSet) []row {
				return []row{recordOf("000000000000", g, &stream{name: "s"}, event{ts: 1, msg: msg}, need),
					recordOf("000000000000", g, &stream{name: "s"}, event{ts: 2, id: 1, msg: msg + " 2"}, need)}
			}
			all, some := pq.run(records(nil), 0), pq.run(records(pq.needs()), 0)
			if !reflect.DeepEqual(all, some) {
				t.Fatalf("query %q on %q: with every field %v, with the fields it needs %v", q, msg, all, some)
			}
		}
	})
}

func mustPut(f *testing.F, body string) PutLogEventsInput {
	var in PutLogEventsInput
	if err := json.Unmarshal([]byte(body), &in); err != nil {
		f.Fatal(err)
	}
	return in
}
