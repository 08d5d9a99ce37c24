package stepfn_test

import (
	"encoding/json"
	"errors"
	"testing"

	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	"github.com/aws/aws-sdk-go-v2/service/sfn"
	"github.com/aws/aws-sdk-go-v2/service/sfn/types"

	"github.com/awsfake/awsfake/s3"
)

// Distributed Map definitions: no ProcessorConfig, ItemReader or
// ItemBatcher answers a 5xx at validation or creation.
func FuzzDistMapDefinition(f *testing.F) {
	f.Add(`{"StartAt":"M","States":{"M":{"Type":"Map","Label":"l","ToleratedFailureCount":1,"ItemReader":{"Resource":"arn:aws:states:::s3:getObject","ReaderConfig":{"InputType":"CSV","CSVHeaderLocation":"GIVEN","CSVHeaders":["a"],"MaxItems":2},"Parameters":{"Bucket":"b","Key":"k"}},"ItemBatcher":{"MaxItemsPerBatch":2,"BatchInput":{"a":1}},"ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"EXPRESS"},"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}},"End":true}}}`)
	f.Add(`{"StartAt":"M","States":{"M":{"Type":"Map","ItemReader":{"Resource":"arn:aws:states:::s3:listObjectsV2"},"ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED"},"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}},"End":true}}}`)
	f.Fuzz(func(t *testing.T, def string) {
		_, serve := fuzzService(t)
		serve("ValidateStateMachineDefinition", `{"definition":`+quote(def)+`}`)
		serve("CreateStateMachine", `{"name":"m","roleArn":"arn:aws:iam::000000000000:role/r","definition":`+quote(def)+`}`)
	})
}

// Objects an ItemReader reads: no CSV, JSON or JSONL body answers a 5xx
// or leaves the execution running.
func FuzzDistMapReader(f *testing.F) {
	for _, seed := range []string{recordedCSV, "a,a\n1,2\n", "\"unterminated\n", `[1,{"a":2}]`, `{"a":1}`, "{}\n[\n", ""} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, body string) {
		fx := newFixture(t)
		store := fx.cloud.S3()
		_, err := store.CreateBucket(fx.ctx, s3.CreateBucketInput{Bucket: "bkt"})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := store.PutObject(fx.ctx, s3.PutObjectInput{Bucket: "bkt", Key: "k", Body: []byte(body)}); err != nil {
			t.Fatal(err)
		}
		for _, typ := range []string{"CSV", "JSON", "JSONL"} {
			def, _ := json.Marshal(readerMachine(getObject(map[string]any{"InputType": typ}), nil))
			sm, err := fx.client.CreateStateMachine(fx.ctx, &sfn.CreateStateMachineInput{Name: &typ, Definition: strPtr(string(def)), RoleArn: strPtr(role)})
			if err != nil {
				t.Fatal(err)
			}
			ex, err := fx.client.StartExecution(fx.ctx, &sfn.StartExecutionInput{StateMachineArn: sm.StateMachineArn, Input: strPtr(`{"Bucket":"bkt","Key":"k"}`)})
			var re *awshttp.ResponseError
			if errors.As(err, &re) && re.HTTPStatusCode() >= 500 {
				t.Fatalf("%s: %v", typ, err)
			}
			if err != nil {
				t.Fatal(err)
			}
			fx.settle(t)
			if st := fx.describe(t, *ex.ExecutionArn).Status; st == types.ExecutionStatusRunning {
				t.Fatalf("%s: the execution is still running", typ)
			}
		}
	})
}

func strPtr(s string) *string { return &s }
