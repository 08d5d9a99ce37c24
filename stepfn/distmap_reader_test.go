package stepfn_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/aws/aws-sdk-go-v2/service/sfn"
	"github.com/aws/aws-sdk-go-v2/service/sfn/types"
	"github.com/stretchr/testify/require"
)

// put stores body under bucket/key through the real S3 client, creating
// the bucket if needed.
func (f *fixture) put(t *testing.T, bucket, key, body string) {
	t.Helper()
	c := s3.NewFromConfig(f.cloud.AWSConfig(), func(o *s3.Options) { o.UsePathStyle = true })
	_, _ = c.CreateBucket(f.ctx, &s3.CreateBucketInput{Bucket: aws.String(bucket)})
	_, err := c.PutObject(f.ctx, &s3.PutObjectInput{Bucket: aws.String(bucket), Key: aws.String(key), Body: strings.NewReader(body)})
	require.NoError(t, err)
}

// readerMachine is a Distributed Map reading its items with reader.
func readerMachine(reader map[string]any, extra map[string]any) map[string]any {
	m := distMachine("STANDARD", passProc, extra)
	mp := m["States"].(map[string]any)["MapState"].(map[string]any)
	delete(mp, "ItemsPath")
	mp["ItemReader"] = reader
	return m
}

func getObject(cfg map[string]any) map[string]any {
	return map[string]any{"Resource": "arn:aws:states:::s3:getObject", "ReaderConfig": cfg,
		"Parameters": map[string]any{"Bucket.$": "$.Bucket", "Key.$": "$.Key"}}
}

// recordedCSV is the file of the recorded CSV tests.
const recordedCSV = "Col1,Col2,Col3\nValue1,Value2,Value3\nValue4,Value5,Value6\n,,\ntrue,1,'HelloWorld'\nNull,None,\n   ,,\n"

// CSV with headers on the first row, as recorded
// (test_base_scenarios.py::TestBaseScenarios::test_map_item_reader_base_csv_headers_first_line).
func TestDistMapReader_CSVFirstRow(t *testing.T) {
	f := newFixture(t)
	f.put(t, "bkt", "file.csv", recordedCSV)
	sm := f.machine(t, "csv", readerMachine(getObject(map[string]any{"InputType": "CSV", "CSVHeaderLocation": "FIRST_ROW"}), map[string]any{"MaxConcurrency": 1}), types.StateMachineTypeStandard)
	ex := f.start(t, sm, `{"Bucket":"bkt","Key":"file.csv"}`)
	d := f.describe(t, ex)
	require.Equal(t, types.ExecutionStatusSucceeded, d.Status)
	require.JSONEq(t, `[{"Col1":"Value1","Col2":"Value2","Col3":"Value3"},{"Col1":"Value4","Col2":"Value5","Col3":"Value6"},{"Col1":"","Col2":"","Col3":""},{"Col1":"true","Col2":"1","Col3":"'HelloWorld'"},{"Col1":"Null","Col2":"None","Col3":""},{"Col1":"   ","Col2":"","Col3":""}]`, *d.Output)
	require.Equal(t, []shape{{1, 0, "ExecutionStarted"}, {2, 0, "MapStateEntered"}, {3, 2, "MapStateStarted"},
		{4, 3, "MapRunStarted"}, {5, 4, "MapRunSucceeded"}, {6, 5, "MapStateSucceeded"}, {7, 5, "MapStateExited"},
		{8, 7, "ExecutionSucceeded"}}, shapes(f.history(t, ex)))
}

// GIVEN headers drop the extra fields
// (test_map_item_reader_csv_headers_decl_extra_fields); duplicate ones
// fail the run with States.ItemReaderFailed
// (test_map_item_reader_csv_headers_decl_duplicate_headers); MaxItems
// keeps the first items (test_map_item_reader_csv_max_items[2]).
func TestDistMapReader_CSVGiven(t *testing.T) {
	f := newFixture(t)
	f.put(t, "bkt", "file.csv", recordedCSV)
	f.put(t, "bkt", "rows.csv", recordedCSV[strings.IndexByte(recordedCSV, '\n')+1:])
	in := `{"Bucket":"bkt","Key":"file.csv"}`
	one := f.machine(t, "one", readerMachine(getObject(map[string]any{"InputType": "CSV", "CSVHeaderLocation": "GIVEN", "CSVHeaders": []any{"H1"}}), nil), types.StateMachineTypeStandard)
	d := f.describe(t, f.start(t, one, `{"Bucket":"bkt","Key":"rows.csv"}`))
	require.JSONEq(t, `[{"H1":"Value1"},{"H1":"Value4"},{"H1":""},{"H1":"true"},{"H1":"Null"},{"H1":"   "}]`, *d.Output)

	dup := f.machine(t, "dup", readerMachine(getObject(map[string]any{"InputType": "CSV", "CSVHeaderLocation": "GIVEN", "CSVHeaders": []any{"H1", "H1"}}), nil), types.StateMachineTypeStandard)
	ex := f.start(t, dup, in)
	d = f.describe(t, ex)
	require.Equal(t, types.ExecutionStatusFailed, d.Status)
	require.Equal(t, "States.ItemReaderFailed", *d.Error)
	require.Equal(t, "CSV headers cannot contain duplicates.", *d.Cause)
	require.Equal(t, []shape{{1, 0, "ExecutionStarted"}, {2, 0, "MapStateEntered"}, {3, 2, "MapStateStarted"},
		{4, 3, "MapRunStarted"}, {5, 4, "MapRunFailed"}, {6, 5, "MapStateFailed"}, {7, 6, "ExecutionFailed"}}, shapes(f.history(t, ex)))

	maxed := f.machine(t, "max", readerMachine(getObject(map[string]any{"InputType": "CSV", "MaxItems": 2}), nil), types.StateMachineTypeStandard)
	d = f.describe(t, f.start(t, maxed, in))
	require.JSONEq(t, `[{"Col1":"Value1","Col2":"Value2","Col3":"Value3"},{"Col1":"Value4","Col2":"Value5","Col3":"Value6"}]`, *d.Output)
}

// JSON must hold an array (test_map_item_reader_json_no_json_list_object);
// JSONL is a value a line; a missing object fails with ItemReaderFailed.
func TestDistMapReader_JSONAndJSONL(t *testing.T) {
	f := newFixture(t)
	f.put(t, "bkt", "list.json", `[{"a":1},{"a":2}]`)
	f.put(t, "bkt", "obj.json", `{"a":1}`)
	f.put(t, "bkt", "lines.jsonl", "{\"a\":1}\n\n[2]\n")
	js := f.machine(t, "json", readerMachine(getObject(map[string]any{"InputType": "JSON"}), nil), types.StateMachineTypeStandard)
	require.JSONEq(t, `[{"a":1},{"a":2}]`, *f.describe(t, f.start(t, js, `{"Bucket":"bkt","Key":"list.json"}`)).Output)
	d := f.describe(t, f.start(t, js, `{"Bucket":"bkt","Key":"obj.json"}`))
	require.Equal(t, "States.ItemReaderFailed", *d.Error)
	require.Equal(t, "Attempting to map over non-iterable node.", *d.Cause)
	d = f.describe(t, f.start(t, js, `{"Bucket":"bkt","Key":"missing.json"}`))
	require.Equal(t, "States.ItemReaderFailed", *d.Error)
	jl := f.machine(t, "jsonl", readerMachine(getObject(map[string]any{"InputType": "JSONL"}), nil), types.StateMachineTypeStandard)
	require.JSONEq(t, `[{"a":1},[2]]`, *f.describe(t, f.start(t, jl, `{"Bucket":"bkt","Key":"lines.jsonl"}`)).Output)
}

// s3:listObjectsV2 lists the objects, one item each, as recorded
// (test_base_scenarios.py::TestBaseScenarios::test_map_item_reader_base_list_objects_v2).
func TestDistMapReader_ListObjectsV2(t *testing.T) {
	f := newFixture(t)
	for _, k := range []string{"file_0.txt", "file_1.txt", "other"} {
		f.put(t, "bkt", k, "Hello World!")
	}
	reader := map[string]any{"Resource": "arn:aws:states:::s3:listObjectsV2", "Parameters": map[string]any{"Bucket.$": "$.Bucket", "Prefix": "file_"}}
	sm := f.machine(t, "list", readerMachine(reader, nil), types.StateMachineTypeStandard)
	d := f.describe(t, f.start(t, sm, `{"Bucket":"bkt"}`))
	require.Equal(t, types.ExecutionStatusSucceeded, d.Status)
	var items []map[string]any
	require.NoError(t, json.Unmarshal([]byte(*d.Output), &items))
	require.Len(t, items, 2)
	require.Equal(t, "file_0.txt", items[0]["Key"])
	require.Equal(t, float64(12), items[0]["Size"])
	require.Equal(t, "STANDARD", items[0]["StorageClass"])
	require.Equal(t, float64(t0.Unix()), items[0]["LastModified"])
	require.NotEmpty(t, items[0]["Etag"])
}

// A reader AWS refuses is refused at creation.
func TestDistMapReader_Validation(t *testing.T) {
	f := newFixture(t)
	for _, reader := range []map[string]any{
		{"Resource": "arn:aws:states:::s3:putObject"},
		getObject(map[string]any{}),
		getObject(map[string]any{"InputType": "XML"}),
		getObject(map[string]any{"InputType": "CSV", "CSVHeaderLocation": "GIVEN"}),
		getObject(map[string]any{"InputType": "CSV", "MaxItems": 100000001}),
	} {
		b, _ := json.Marshal(readerMachine(reader, nil))
		out, err := f.client.ValidateStateMachineDefinition(f.ctx, validateInput(string(b)))
		require.NoError(t, err)
		require.Equal(t, "FAIL", string(out.Result), "%v", reader)
	}
	inline := distMachine("STANDARD", passProc, nil)
	mp := inline["States"].(map[string]any)["MapState"].(map[string]any)
	mp["ItemProcessor"].(map[string]any)["ProcessorConfig"] = map[string]any{"Mode": "INLINE"}
	mp["ItemReader"] = getObject(map[string]any{"InputType": "CSV"})
	b, _ := json.Marshal(inline)
	out, err := f.client.ValidateStateMachineDefinition(f.ctx, validateInput(string(b)))
	require.NoError(t, err)
	require.Equal(t, "FAIL", string(out.Result))
}

func validateInput(def string) *sfn.ValidateStateMachineDefinitionInput {
	return &sfn.ValidateStateMachineDefinitionInput{Definition: aws.String(def)}
}

// A JSONata reader: Arguments and a MaxItems expression, as recorded
// (test_base_scenarios.py::TestBaseScenarios::test_map_item_reader_base_json_max_items_jsonata);
// a negative MaxItems fails with the recorded cause
// (test_map_item_reader_csv_max_items_paths[-1]).
func TestDistMapReader_JSONata(t *testing.T) {
	f := newFixture(t)
	f.put(t, "bkt", "file.json", `[{"verdict":"true","statement_date":"6/11/2008","statement_source":"speech"},{"verdict":"false","statement_date":"6/7/2022","statement_source":"television"},{"verdict":"mostly-true","statement_date":"5/18/2016","statement_source":"news"}]`)
	mk := func(name, max string) string {
		def := map[string]any{"QueryLanguage": "JSONata", "StartAt": "MapState", "States": map[string]any{"MapState": map[string]any{
			"Type": "Map", "MaxConcurrency": 1, "End": true,
			"ItemReader": map[string]any{"Resource": "arn:aws:states:::s3:getObject",
				"ReaderConfig": map[string]any{"InputType": "JSON", "MaxItems": max},
				"Arguments":    map[string]any{"Bucket": "{% $states.input.Bucket %}", "Key": "{% $states.input.Key %}"}},
			"ItemProcessor": map[string]any{"ProcessorConfig": map[string]any{"Mode": "DISTRIBUTED", "ExecutionType": "STANDARD"},
				"StartAt": "PassItem", "States": map[string]any{"PassItem": map[string]any{"Type": "Pass", "End": true}}}}}}
		return f.machine(t, name, def, types.StateMachineTypeStandard)
	}
	in := `{"Bucket":"bkt","Key":"file.json"}`
	d := f.describe(t, f.start(t, mk("two", "{% $maxItems := 2 %}"), in))
	require.Equal(t, types.ExecutionStatusSucceeded, d.Status)
	require.JSONEq(t, `[{"verdict":"true","statement_date":"6/11/2008","statement_source":"speech"},{"verdict":"false","statement_date":"6/7/2022","statement_source":"television"}]`, *d.Output)
	d = f.describe(t, f.start(t, mk("neg", "{% -1 %}"), in))
	require.Equal(t, "States.ItemReaderFailed", *d.Error)
	require.Equal(t, "field MaxItems must be positive", *d.Cause)
}
