package stepfn

import (
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"io"
	"maps"
	"strings"

	"github.com/awsfake/awsfake/internal/awserr"
)

// maxReaderItems is the largest MaxItems (the Map state's ItemReader
// documentation: 100,000,000).
const maxReaderItems = 100000000

// itemReader is a Distributed Map's ItemReader: s3:getObject of a CSV,
// JSON or JSONL object, or s3:listObjectsV2 of a bucket.
type itemReader struct {
	list      bool  // s3:listObjectsV2
	params    *tmpl // JSONPath Parameters
	args      *jtmpl
	inputType string
	given     []string // CSVHeaders with CSVHeaderLocation GIVEN
	isGiven   bool
	maxItems  int    // 0: all
	jmaxItems *jtmpl // a JSONata MaxItems expression
}

// itemReaderDef parses a Map's ItemReader v at loc. The texts are
// modelled on the schema validation's (not recorded).
func (p *parser) itemReaderDef(st *state, v any, loc string) *itemReader {
	at := loc + "/ItemReader"
	m, ok := v.(map[string]any)
	if !ok {
		p.bad(at, "The value for the field 'ItemReader' must be an OBJECT")
		return nil
	}
	r := &itemReader{}
	res, _ := m["Resource"].(string)
	switch {
	case strings.HasPrefix(res, "arn:") && strings.HasSuffix(res, ":states:::s3:getObject"):
	case strings.HasPrefix(res, "arn:") && strings.HasSuffix(res, ":states:::s3:listObjectsV2"):
		r.list = true
	default:
		p.bad(at+"/Resource", "The value for the field 'Resource' must be one of: [arn:aws:states:::s3:getObject, arn:aws:states:::s3:listObjectsV2]")
	}
	if st.jn != nil {
		if a, ok := m["Arguments"]; ok {
			r.args = p.jtemplate(a, "Arguments", at+"/Arguments")
		}
	} else if pv, ok := m["Parameters"]; ok {
		r.params = compileTemplate(pv, at+"/Parameters", p.bad)
	}
	cfg, _ := m["ReaderConfig"].(map[string]any)
	if _, has := m["ReaderConfig"]; has && cfg == nil {
		p.bad(at+"/ReaderConfig", "The value for the field 'ReaderConfig' must be an OBJECT")
	}
	if _, expr := jsonataSource(cfg["MaxItems"]); expr && st.jn != nil {
		r.jmaxItems = p.jtemplate(cfg["MaxItems"], "MaxItems", at+"/ReaderConfig/MaxItems")
		cfg = maps.Clone(cfg)
		delete(cfg, "MaxItems")
	}
	p.readerConfig(r, cfg, at+"/ReaderConfig")
	return r
}

// readerConfig reads InputType (required for s3:getObject), the CSV
// headers and MaxItems.
func (p *parser) readerConfig(r *itemReader, cfg map[string]any, at string) {
	r.inputType, _ = cfg["InputType"].(string)
	switch r.inputType {
	case "CSV", "JSON", "JSONL", "MANIFEST":
	case "":
		if !r.list {
			p.bad(at, "These fields are required: [InputType]")
		}
	default:
		p.bad(at+"/InputType", "The value for the field 'InputType' must be one of: [CSV, JSON, JSONL, MANIFEST]")
	}
	switch cfg["CSVHeaderLocation"] {
	case nil, "FIRST_ROW":
	case "GIVEN":
		r.isGiven = true
		list, ok := cfg["CSVHeaders"].([]any)
		if !ok {
			p.bad(at, "These fields are required: [CSVHeaders]")
		}
		for _, h := range list {
			s, ok := h.(string)
			if !ok {
				p.bad(at+"/CSVHeaders", "The value for the field 'CSVHeaders' must be an ARRAY of STRINGs")
			}
			r.given = append(r.given, s)
		}
	default:
		p.bad(at+"/CSVHeaderLocation", "The value for the field 'CSVHeaderLocation' must be one of: [FIRST_ROW, GIVEN]")
	}
	if v, ok := cfg["MaxItems"]; ok {
		n, ok := intValue(v)
		if !ok || n < 0 || n > maxReaderItems {
			p.bad(at+"/MaxItems", "The value for the field 'MaxItems' must be an integer between 0 and 100000000")
		}
		r.maxItems = n
	}
}

// readItems reads the run's items through its ItemReader, then starts
// the children; a reader's failure fails the run with
// States.ItemReaderFailed and the reader's cause, as recorded
// (test_base_scenarios.py::TestBaseScenarios::test_map_item_reader_csv_headers_decl_duplicate_headers).
func (r *mapRun) readItems() {
	th := r.th
	rd := r.cfg.reader
	var params any
	switch {
	case rd.args != nil:
		v, e := rd.args.eval(th.jvars(th.jstates("", nil)))
		if e != nil {
			r.fail(th.jfailure(e))
			return
		}
		params = v
	case rd.params != nil:
		v, fl := th.eval(r.input).apply(rd.params)
		if fl != nil {
			r.fail(fl)
			return
		}
		params = v
	}
	max, fl := rd.limit(th)
	if fl != nil {
		r.fail(fl)
		return
	}
	pm, _ := params.(map[string]any)
	bucket, key, prefix := str(pm["Bucket"]), str(pm["Key"]), str(pm["Prefix"])
	th.ex.svc.storeCall(th.ex, func(ctx context.Context, o ObjectStore) (any, error) {
		if rd.list {
			objs, err := o.ListObjects(ctx, bucket, prefix)
			return listedItems(objs), err
		}
		body, err := o.GetObject(ctx, bucket, key)
		if err != nil {
			return nil, err
		}
		if rd.inputType == "MANIFEST" {
			return manifestItems(ctx, o, body)
		}
		return rd.decode(body)
	}, func(v any, err error) {
		if r.status != runRunning {
			return
		}
		if err != nil {
			r.fail(&failure{Error: errItemReaderFailed, Cause: causeOf(err)})
			return
		}
		items := v.([]any)
		if max > 0 && len(items) > max {
			items = items[:max]
		}
		r.items = items
		r.begin()
	})
}

// limit is MaxItems: the field, or its JSONata expression's value (a
// negative one is States.ItemReaderFailed "field MaxItems must be
// positive", as recorded for MaxItemsPath:
// test_base_scenarios.py::TestBaseScenarios::test_map_item_reader_csv_max_items_paths[-1]).
func (rd *itemReader) limit(th *thread) (int, *failure) {
	if rd.jmaxItems == nil {
		return rd.maxItems, nil
	}
	v, e := rd.jmaxItems.eval(th.jvars(th.jstates("", nil)))
	if e != nil {
		return 0, th.jfailure(e)
	}
	n, ok := intValue(v)
	if !ok {
		return 0, th.jfailure(unexpected(rd.jmaxItems, "integer", v))
	}
	if n < 0 {
		return 0, &failure{Error: errItemReaderFailed, Cause: "field MaxItems must be positive"}
	}
	return n, nil
}

// causeOf is an error's text: an AWS error's message.
func causeOf(err error) string {
	var ae *awserr.Error
	if errors.As(err, &ae) {
		return ae.Message
	}
	return err.Error()
}

// listedItems are the items of s3:listObjectsV2: one object each, with
// LastModified in epoch seconds as the Map state's documentation shows.
func listedItems(objs []ObjectInfo) []any {
	out := make([]any, len(objs))
	for i, o := range objs {
		out[i] = map[string]any{"Etag": o.ETag, "Key": o.Key, "LastModified": jsonInt(int(o.LastModified.Unix())),
			"Size": jsonInt(int(o.Size)), "StorageClass": o.StorageClass}
	}
	return out
}

// decode reads an object's items by InputType.
func (rd *itemReader) decode(body []byte) ([]any, error) {
	switch rd.inputType {
	case "CSV":
		return rd.csvItems(body)
	case "JSONL":
		return jsonlItems(body)
	}
	v, err := decodeJSON(string(body))
	if err != nil {
		return nil, err
	}
	list, ok := v.([]any)
	if !ok {
		return nil, errors.New("Attempting to map over non-iterable node.")
	}
	return list, nil
}

// jsonlItems reads one JSON value a line; blank lines are skipped.
func jsonlItems(body []byte) ([]any, error) {
	out := []any{}
	for _, line := range bytes.Split(body, []byte("\n")) {
		if len(bytes.TrimSpace(line)) == 0 {
			continue
		}
		v, err := decodeJSON(string(line))
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, nil
}

// csvItems reads CSV rows as objects of strings by header. Fields past
// the headers are dropped, as recorded
// (test_base_scenarios.py::TestBaseScenarios::test_map_item_reader_csv_headers_decl_extra_fields);
// a row shorter than the headers has "" for the rest (not recorded).
func (rd *itemReader) csvItems(body []byte) ([]any, error) {
	cr := csv.NewReader(bytes.NewReader(body))
	cr.FieldsPerRecord = -1
	headers := rd.given
	if !rd.isGiven {
		row, err := cr.Read()
		if err != nil && err != io.EOF {
			return nil, err
		}
		headers = row
	}
	seen := map[string]bool{}
	for _, h := range headers {
		if seen[h] {
			return nil, errors.New("CSV headers cannot contain duplicates.")
		}
		seen[h] = true
	}
	out := []any{}
	for {
		row, err := cr.Read()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, err
		}
		item := make(map[string]any, len(headers))
		for i, h := range headers {
			item[h] = ""
			if i < len(row) {
				item[h] = row[i]
			}
		}
		out = append(out, item)
	}
}
