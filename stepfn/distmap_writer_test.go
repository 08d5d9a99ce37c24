package stepfn_test

import (
	"encoding/json"
	"io"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/aws/aws-sdk-go-v2/service/sfn/types"
	"github.com/stretchr/testify/require"
)

// get reads bucket/key through the real S3 client.
func (f *fixture) get(t *testing.T, bucket, key string) []byte {
	t.Helper()
	c := s3.NewFromConfig(f.cloud.AWSConfig(), func(o *s3.Options) { o.UsePathStyle = true })
	out, err := c.GetObject(f.ctx, &s3.GetObjectInput{Bucket: aws.String(bucket), Key: aws.String(key)})
	require.NoError(t, err)
	defer out.Body.Close()
	b, err := io.ReadAll(out.Body)
	require.NoError(t, err)
	return b
}

// The scenario: a CSV in S3 read in batches, a tolerated
// failure, and a ResultWriter. The Map's output is the manifest's place
// (test_base_scenarios.py::TestBaseScenarios::test_map_state_result_writer);
// the manifest names SUCCEEDED_0.json and FAILED_0.json, which describe
// the child executions.
func TestDistMapWriter_CSVBatchesToleranceAndResults(t *testing.T) {
	f := newFixture(t)
	f.put(t, "in-bkt", "orders.csv", "id,amount\n1,10\n2,-5\n3,7\n4,8\n")
	f.put(t, "out", "keep", "")
	proc := map[string]any{"Inner": map[string]any{"Type": "Choice", "Choices": []any{map[string]any{"Variable": "$.Items[1].amount", "StringMatches": "-*", "Next": "Bad"}}, "Default": "Good"},
		"Bad": map[string]any{"Type": "Fail", "Error": "Negative", "Cause": "amount below zero"}, "Good": map[string]any{"Type": "Pass", "End": true}}
	def := distMachine("STANDARD", proc, map[string]any{"Label": "orders", "ToleratedFailureCount": 2,
		"ItemBatcher":  map[string]any{"MaxItemsPerBatch": 2},
		"ResultWriter": map[string]any{"Resource": "arn:aws:states:::s3:putObject", "Parameters": map[string]any{"Bucket": "out", "Prefix": "jobs"}}})
	mp := def["States"].(map[string]any)["MapState"].(map[string]any)
	delete(mp, "ItemsPath")
	mp["ItemReader"] = getObject(map[string]any{"InputType": "CSV"})
	sm := f.machine(t, "orders", def, types.StateMachineTypeStandard)
	ex := f.start(t, sm, `{"Bucket":"in-bkt","Key":"orders.csv"}`)
	d := f.describe(t, ex)
	require.Equal(t, types.ExecutionStatusSucceeded, d.Status)
	var out struct {
		MapRunArn           string
		ResultWriterDetails struct{ Bucket, Key string }
	}
	require.NoError(t, json.Unmarshal([]byte(*d.Output), &out))
	runID := out.MapRunArn[strings.LastIndexByte(out.MapRunArn, ':')+1:]
	require.Contains(t, out.MapRunArn, ":mapRun:orders/orders:")
	require.Equal(t, "out", out.ResultWriterDetails.Bucket)
	require.Equal(t, "jobs/"+runID+"/manifest.json", out.ResultWriterDetails.Key)

	var manifest struct {
		DestinationBucket, MapRunArn string
		ResultFiles                  map[string][]struct {
			Key  string
			Size int
		}
	}
	require.NoError(t, json.Unmarshal(f.get(t, "out", out.ResultWriterDetails.Key), &manifest))
	require.Equal(t, "out", manifest.DestinationBucket)
	require.Equal(t, out.MapRunArn, manifest.MapRunArn)
	require.Empty(t, manifest.ResultFiles["PENDING"])
	require.Equal(t, "jobs/"+runID+"/SUCCEEDED_0.json", manifest.ResultFiles["SUCCEEDED"][0].Key)
	require.Equal(t, "jobs/"+runID+"/FAILED_0.json", manifest.ResultFiles["FAILED"][0].Key)

	var succeeded, failed []map[string]any
	body := f.get(t, "out", manifest.ResultFiles["SUCCEEDED"][0].Key)
	require.Len(t, body, manifest.ResultFiles["SUCCEEDED"][0].Size)
	require.NoError(t, json.Unmarshal(body, &succeeded))
	require.NoError(t, json.Unmarshal(f.get(t, "out", manifest.ResultFiles["FAILED"][0].Key), &failed))
	require.Len(t, succeeded, 1)
	require.Len(t, failed, 1)
	require.Equal(t, "SUCCEEDED", succeeded[0]["Status"])
	require.JSONEq(t, `{"Items":[{"id":"3","amount":"7"},{"id":"4","amount":"8"}]}`, succeeded[0]["Output"].(string))
	require.Equal(t, "Negative", failed[0]["Error"])
	require.Equal(t, "amount below zero", failed[0]["Cause"])
	require.JSONEq(t, `{"Items":[{"id":"1","amount":"10"},{"id":"2","amount":"-5"}]}`, failed[0]["Input"].(string))
}

// A bucket that does not exist fails the Map with
// States.ResultWriterFailed.
func TestDistMapWriter_MissingBucket(t *testing.T) {
	f := newFixture(t)
	sm := f.machine(t, "w", distMachine("STANDARD", passProc, map[string]any{
		"ResultWriter": map[string]any{"Resource": "arn:aws:states:::s3:putObject", "Parameters": map[string]any{"Bucket": "nope", "Prefix": "p"}}}), types.StateMachineTypeStandard)
	d := f.describe(t, f.start(t, sm, `{"items":[1]}`))
	require.Equal(t, types.ExecutionStatusFailed, d.Status)
	require.Equal(t, "States.ResultWriterFailed", *d.Error)
}

// A run failed by its tolerance still writes the results of the
// children that ended, then fails with
// States.ExceedToleratedFailureThreshold.
func TestDistMapWriter_ToleranceExceededWrites(t *testing.T) {
	f := newFixture(t)
	f.put(t, "out-bkt", "keep", "")
	sm := f.machine(t, "w", distMachine("STANDARD", failProc, map[string]any{"MaxConcurrency": 1,
		"ResultWriter": map[string]any{"Resource": "arn:aws:states:::s3:putObject", "Parameters": map[string]any{"Bucket": "out-bkt", "Prefix": "p/"}}}), types.StateMachineTypeStandard)
	ex := f.start(t, sm, `{"items":[1,-1,2]}`)
	d := f.describe(t, ex)
	require.Equal(t, types.ExecutionStatusFailed, d.Status)
	require.Equal(t, "States.ExceedToleratedFailureThreshold", *d.Error)
	c := s3.NewFromConfig(f.cloud.AWSConfig(), func(o *s3.Options) { o.UsePathStyle = true })
	list, err := c.ListObjectsV2(f.ctx, &s3.ListObjectsV2Input{Bucket: aws.String("out-bkt"), Prefix: aws.String("p/")})
	require.NoError(t, err)
	keys := []string{}
	for _, o := range list.Contents {
		keys = append(keys, (*o.Key)[strings.LastIndexByte(*o.Key, '/')+1:])
	}
	require.Equal(t, []string{"FAILED_0.json", "SUCCEEDED_0.json", "manifest.json"}, keys)
}
