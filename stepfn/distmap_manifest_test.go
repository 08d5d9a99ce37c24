package stepfn_test

import (
	"bytes"
	"compress/gzip"
	"testing"

	"github.com/aws/aws-sdk-go-v2/service/sfn/types"
	"github.com/stretchr/testify/require"
)

func gz(t *testing.T, s string) string {
	var b bytes.Buffer
	w := gzip.NewWriter(&b)
	_, err := w.Write([]byte(s))
	require.NoError(t, err)
	require.NoError(t, w.Close())
	return b.String()
}

// InputType MANIFEST reads an S3 Inventory manifest.json and the
// gzip-compressed CSV files it lists from its destination bucket: an
// item per row, named by fileSchema (AWS's "ItemReader (Map)", S3
// inventory); a format other than CSV fails the run with
// States.ItemReaderFailed.
func TestDistMapReader_Manifest(t *testing.T) {
	f := newFixture(t)
	f.put(t, "inv", "src/cfg/data/a.csv.gz", gz(t, "\"src\",\"dir/one.txt\",\"3969\"\n\"src\",\"two.txt\",\"12\"\n"))
	f.put(t, "inv", "src/cfg/data/b.csv.gz", gz(t, "\"src\",\"three.txt\",\"0\"\n"))
	f.put(t, "inv", "src/cfg/manifest.json", `{"sourceBucket":"src","destinationBucket":"arn:aws:s3:::inv","version":"2016-11-30",
"fileFormat":"CSV","fileSchema":"Bucket, Key, Size","files":[{"key":"src/cfg/data/a.csv.gz","size":60,"MD5checksum":"x"},{"key":"src/cfg/data/b.csv.gz","size":30,"MD5checksum":"y"}]}`)
	f.put(t, "inv", "orc/manifest.json", `{"destinationBucket":"arn:aws:s3:::inv","fileFormat":"ORC","fileSchema":"struct<>","files":[]}`)
	sm := f.machine(t, "manifest", readerMachine(getObject(map[string]any{"InputType": "MANIFEST"}), map[string]any{"MaxConcurrency": 1}), types.StateMachineTypeStandard)
	d := f.describe(t, f.start(t, sm, `{"Bucket":"inv","Key":"src/cfg/manifest.json"}`))
	require.Equal(t, types.ExecutionStatusSucceeded, d.Status)
	require.JSONEq(t, `[{"Bucket":"src","Key":"dir/one.txt","Size":"3969"},{"Bucket":"src","Key":"two.txt","Size":"12"},{"Bucket":"src","Key":"three.txt","Size":"0"}]`, *d.Output)

	d = f.describe(t, f.start(t, sm, `{"Bucket":"inv","Key":"orc/manifest.json"}`))
	require.Equal(t, types.ExecutionStatusFailed, d.Status)
	require.Equal(t, "States.ItemReaderFailed", *d.Error)
}
