package stepfn

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"errors"
	"io"
	"strings"
)

// inventoryManifest is an S3 Inventory report's manifest.json, the
// members an ItemReader with InputType MANIFEST reads.
type inventoryManifest struct {
	DestinationBucket string `json:"destinationBucket"` // arn:aws:s3:::<bucket>
	FileFormat        string `json:"fileFormat"`
	FileSchema        string `json:"fileSchema"` // "Bucket, Key, Size"
	Files             []struct {
		Key string `json:"key"`
	} `json:"files"`
}

// manifestItems reads an S3 Inventory manifest and the CSV data files it
// lists (gzip-compressed, as S3 Inventory writes them), from the
// manifest's destination bucket: an item per row, an object of strings
// named by the manifest's fileSchema (AWS's "ItemReader (Map)", S3
// inventory manifest). Only the CSV format is read, as AWS documents.
func manifestItems(ctx context.Context, o ObjectStore, body []byte) ([]any, error) {
	var m inventoryManifest
	if err := json.Unmarshal(body, &m); err != nil {
		return nil, errors.New("The manifest file is not a valid S3 Inventory manifest: " + err.Error())
	}
	if m.FileFormat != "CSV" {
		return nil, errors.New("The S3 Inventory file format " + m.FileFormat + " is not supported; the format must be CSV.")
	}
	bucket, ok := strings.CutPrefix(m.DestinationBucket, "arn:aws:s3:::")
	if !ok || bucket == "" {
		return nil, errors.New("The manifest's destinationBucket is not an S3 bucket ARN: " + m.DestinationBucket)
	}
	var headers []string
	for _, h := range strings.Split(m.FileSchema, ",") {
		headers = append(headers, strings.TrimSpace(h))
	}
	rd := &itemReader{isGiven: true, given: headers}
	out := []any{}
	for _, f := range m.Files {
		data, err := o.GetObject(ctx, bucket, f.Key)
		if err != nil {
			return nil, err
		}
		if data, err = gunzipped(data); err != nil {
			return nil, err
		}
		items, err := rd.csvItems(data)
		if err != nil {
			return nil, err
		}
		out = append(out, items...)
	}
	return out, nil
}

// gunzipped is data decompressed when it is gzip's, else as it is.
func gunzipped(data []byte) ([]byte, error) {
	if len(data) < 2 || data[0] != 0x1f || data[1] != 0x8b {
		return data, nil
	}
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, err
	}
	return io.ReadAll(io.LimitReader(zr, maxManifestFile))
}

// maxManifestFile bounds one decompressed inventory file.
const maxManifestFile = 1 << 30
