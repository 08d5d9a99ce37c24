package stepfn

import (
	"context"
	"strings"
)

// resultWriter is a Distributed Map's ResultWriter: the children's
// results go to S3 under Prefix/<map run id>/ instead of the Map's
// output.
type resultWriter struct {
	params *tmpl
	args   *jtmpl
}

// resultWriterDef parses a ResultWriter v at loc: Resource
// s3:putObject, Parameters (or, in JSONata, Arguments) with Bucket and
// Prefix. WriterConfig is not modelled (refused with an awsfake text).
func (p *parser) resultWriterDef(st *state, v any, loc string) *resultWriter {
	at := loc + "/ResultWriter"
	m, ok := v.(map[string]any)
	if !ok {
		p.bad(at, "The value for the field 'ResultWriter' must be an OBJECT")
		return nil
	}
	if res, _ := m["Resource"].(string); !strings.HasPrefix(res, "arn:") || !strings.HasSuffix(res, ":states:::s3:putObject") {
		p.bad(at+"/Resource", "The value for the field 'Resource' must be arn:aws:states:::s3:putObject")
	}
	if _, ok := m["WriterConfig"]; ok {
		p.bad(at+"/WriterConfig", "awsfake: WriterConfig is not supported yet")
	}
	w := &resultWriter{}
	if st.jn != nil {
		if a, ok := m["Arguments"]; ok {
			w.args = p.jtemplate(a, "Arguments", at+"/Arguments")
		}
	} else if pv, ok := m["Parameters"]; ok {
		w.params = compileTemplate(pv, at+"/Parameters", p.bad)
	}
	return w
}

// resultFile is one file the writer writes.
type resultFile struct {
	key  string
	body []byte
}

// write writes the run's results: SUCCEEDED_0.json and FAILED_0.json
// (TIMED_OUT and ABORTED children count as failed: AWS's file names for
// them are not recorded), each a JSON array of the children's
// descriptions, written only when not empty, then manifest.json; then
// done runs with the Map's output ({MapRunArn, ResultWriterDetails}, as
// recorded: test_base_scenarios.py::TestBaseScenarios::test_map_state_result_writer)
// or States.ResultWriterFailed.
func (r *mapRun) write(done func(out any, fl *failure)) {
	th := r.th
	w := r.cfg.writer
	var params any
	switch {
	case w.args != nil:
		v, e := w.args.eval(th.jvars(th.jstates("", nil)))
		if e != nil {
			done(nil, th.jfailure(e))
			return
		}
		params = v
	case w.params != nil:
		v, fl := th.eval(r.input).apply(w.params)
		if fl != nil {
			done(nil, fl)
			return
		}
		params = v
	}
	pm, _ := params.(map[string]any)
	bucket, prefix := str(pm["Bucket"]), str(pm["Prefix"])
	dir := r.arn[strings.LastIndexByte(r.arn, ':')+1:] + "/"
	if prefix != "" {
		dir = strings.TrimSuffix(prefix, "/") + "/" + dir
	}
	files, manifest := r.resultFiles(bucket, dir)
	out := map[string]any{"MapRunArn": r.arn, "ResultWriterDetails": map[string]any{"Bucket": bucket, "Key": manifest.key}}
	th.ex.svc.storeCall(th.ex, func(ctx context.Context, o ObjectStore) (any, error) {
		for _, f := range append(files, manifest) {
			if err := o.PutObject(ctx, bucket, f.key, f.body); err != nil {
				return nil, err
			}
		}
		return nil, nil
	}, func(_ any, err error) {
		if err != nil {
			done(nil, &failure{Error: errResultWriterFailed, Cause: causeOf(err)})
			return
		}
		done(out, nil)
	})
}

// resultFiles are the result files under dir and the manifest naming
// them.
func (r *mapRun) resultFiles(bucket, dir string) ([]resultFile, resultFile) {
	var succeeded, failed []any
	for _, c := range r.children {
		if c.closed() {
			if c.status == statusSucceeded {
				succeeded = append(succeeded, childRecord(c))
			} else {
				failed = append(failed, childRecord(c))
			}
		}
	}
	var files []resultFile
	lists := map[string]any{"SUCCEEDED": []any{}, "FAILED": []any{}, "PENDING": []any{}}
	for _, g := range []struct {
		name string
		recs []any
	}{{"SUCCEEDED", succeeded}, {"FAILED", failed}} {
		if len(g.recs) == 0 {
			continue
		}
		f := resultFile{key: dir + g.name + "_0.json", body: []byte(encodeJSON(g.recs))}
		files = append(files, f)
		lists[g.name] = []any{map[string]any{"Key": f.key, "Size": jsonInt(len(f.body))}}
	}
	manifest := map[string]any{"DestinationBucket": bucket, "MapRunArn": r.arn, "ResultFiles": lists}
	return files, resultFile{key: dir + "manifest.json", body: []byte(encodeJSON(manifest))}
}

// childRecord is a child execution as the result files describe it.
func childRecord(c *execution) map[string]any {
	rec := map[string]any{"ExecutionArn": c.arn, "Name": c.name, "StateMachineArn": c.machineARN, "Status": c.status,
		"Input": c.input, "InputDetails": map[string]any{"Included": true},
		"StartDate": isoTime(c.start), "StopDate": isoTime(c.stop), "RedriveCount": jsonInt(c.redriveCount)}
	if c.output != nil {
		rec["Output"] = *c.output
		rec["OutputDetails"] = map[string]any{"Included": true}
	}
	if c.fail != nil {
		if c.fail.Error != "" {
			rec["Error"] = c.fail.Error
		}
		if c.fail.Cause != "" {
			rec["Cause"] = c.fail.Cause
		}
	}
	return rec
}
