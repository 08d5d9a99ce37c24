package stepfn

import (
	"encoding/json"
	"strings"
	"unicode"
)

// distConfig is a Distributed Map's configuration: ProcessorConfig Mode
// DISTRIBUTED, its child executions' type, the Map Run's label and the
// failures it tolerates.
type distConfig struct {
	express  bool
	label    string
	tolCount int
	tolPct   float64
	countSet bool        // ToleratedFailureCount given
	pctSet   bool        // ToleratedFailurePercentage given
	reader   *itemReader // nil: the items come from the input
	batcher  *itemBatcher
	writer   *resultWriter
}

// maxLabelLen is the longest Map Run label (Step Functions quotas: 40
// characters).
const maxLabelLen = 40

// labelBad are the characters a Label may not hold besides whitespace
// and control characters (the Map state's documentation: brackets,
// wildcards and the special characters of an ARN).
const labelBad = "?*<>{}[]:;,\\|^~$#%&`\"'"

// distMap reads the ProcessorConfig of a Map's ItemProcessor pm and,
// for Mode DISTRIBUTED, the Map's Label and tolerated failures into
// st.dist. The texts of Mode and ExecutionType are modelled on the
// schema validation's (not recorded); the Label's are the recorded ones
// (test_sfn_api_map_run.py::TestSnfApiMapRun::test_map_state_label_*).
func (p *parser) distMap(st *state, m, pm map[string]any, loc string) {
	cfg, ok := pm["ProcessorConfig"].(map[string]any)
	if !ok {
		if _, has := pm["ProcessorConfig"]; has {
			p.bad(loc+"/ItemProcessor/ProcessorConfig", "The value for the field 'ProcessorConfig' must be an OBJECT")
		}
		p.inlineOnly(m, loc)
		return
	}
	at := loc + "/ItemProcessor/ProcessorConfig"
	switch cfg["Mode"] {
	case nil, "INLINE":
		p.inlineOnly(m, loc)
		return
	case "DISTRIBUTED":
	default:
		p.bad(at+"/Mode", "The value for the field 'Mode' must be one of: [INLINE, DISTRIBUTED]")
		return
	}
	d := &distConfig{}
	if v, ok := m["ItemReader"]; ok {
		d.reader = p.itemReaderDef(st, v, loc)
	}
	if v, ok := m["ItemBatcher"]; ok {
		d.batcher = p.itemBatcherDef(st, v, loc)
	}
	if v, ok := m["ResultWriter"]; ok {
		d.writer = p.resultWriterDef(st, v, loc)
	}
	switch cfg["ExecutionType"] {
	case "STANDARD":
	case "EXPRESS":
		d.express = true
	case nil:
		p.bad(at, "These fields are required: [ExecutionType]")
	default:
		p.bad(at+"/ExecutionType", "The value for the field 'ExecutionType' must be one of: [STANDARD, EXPRESS]")
	}
	if v, ok := m["Label"]; ok {
		s, _ := v.(string)
		if msg := labelProblem(s); msg != "" {
			p.bad(loc+"/Label", msg)
		}
		d.label = s
	}
	p.tolerance(d, m, loc)
	st.dist = d
}

// inlineOnly refuses the fields of a Distributed Map in an inline one
// (the text is awsfake's: AWS's is not recorded).
func (p *parser) inlineOnly(m map[string]any, loc string) {
	for _, k := range []string{"ItemReader", "ResultWriter", "ItemBatcher"} {
		if _, ok := m[k]; ok {
			p.bad(loc+"/"+k, "awsfake: "+k+" is only valid with ProcessorConfig Mode DISTRIBUTED")
		}
	}
}

// labelProblem is what is wrong with a Map Run label, or "".
func labelProblem(s string) string {
	if s == "" {
		return "Label cannot be empty"
	}
	if len([]rune(s)) > maxLabelLen {
		return "Label cannot exceed 40 characters"
	}
	for _, r := range s {
		if unicode.IsSpace(r) || unicode.IsControl(r) || strings.ContainsRune(labelBad, r) {
			return "Label contains invalid character: '" + string(r) + "'"
		}
	}
	return ""
}

// tolerance reads ToleratedFailureCount (a non-negative integer) and
// ToleratedFailurePercentage (a number from 0 to 100), the ranges the
// Map state's documentation gives.
func (p *parser) tolerance(d *distConfig, m map[string]any, loc string) {
	if v, ok := m["ToleratedFailureCount"]; ok {
		n, ok := intValue(v)
		if !ok || n < 0 {
			p.bad(loc+"/ToleratedFailureCount", "The value for the field 'ToleratedFailureCount' must be a non-negative integer")
		}
		d.tolCount, d.countSet = n, true
	}
	if v, ok := m["ToleratedFailurePercentage"]; ok {
		f, ok := numberValue(v)
		if !ok || f < 0 || f > 100 {
			p.bad(loc+"/ToleratedFailurePercentage", "The value for the field 'ToleratedFailurePercentage' must be a number between 0 and 100")
		}
		d.tolPct, d.pctSet = f, true
	}
}

// numberValue reads a JSON number.
func numberValue(v any) (float64, bool) {
	n, ok := v.(json.Number)
	if !ok {
		return 0, false
	}
	f, err := n.Float64()
	return f, err == nil
}
