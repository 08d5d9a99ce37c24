package cloudwatch

import (
	"context"
	"encoding/json"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/awsfake/awsfake/internal/pagetoken"
)

// Dashboard limits (sdk api_op_PutDashboard.go, reference/limits.md).
const (
	maxDashboardName = 255
	maxDashboardBody = 1 << 20 // bytes (Service Quotas: 1 MB a body)
	dashboardPage    = 1000
	maxGridWidth     = 24
)

var dashboardName = regexp.MustCompile(`^[A-Za-z0-9_-]+$`)

// dashboard is one stored dashboard. Dashboards are global: one set per
// account, whatever the region.
type dashboard struct {
	name, arn, body string
	modified        time.Time
}

// PutDashboard creates or replaces a dashboard. The body is validated as
// AWS validates it (a JSON object with a widgets array; each widget a type
// of metric, text, log, alarm, explorer or custom with its properties and
// a place on the 24-column grid); a body refused is
// DashboardInvalidInputError (InvalidParameterInput) listing AWS's
// validation messages.
func (s *Service) PutDashboard(ctx context.Context, in PutDashboardInput) (PutDashboardOutput, error) {
	sc, err := s.enter(ctx, "PutDashboard")
	if err != nil {
		return PutDashboardOutput{}, err
	}
	if err := checkDashboardName(in.DashboardName); err != nil {
		return PutDashboardOutput{}, err
	}
	if in.DashboardBody == "" {
		return PutDashboardOutput{}, missing("DashboardBody")
	}
	if msgs := validateBody(in.DashboardBody); len(msgs) > 0 {
		return PutDashboardOutput{}, invalidBody(msgs)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	byName := s.dashboards[sc.Account]
	if byName == nil {
		byName = map[string]*dashboard{}
		s.dashboards[sc.Account] = byName
	}
	arn := fmt.Sprintf("arn:%s:%s::%s:dashboard/%s", sc.Partition, arnService, sc.Account, in.DashboardName)
	byName[in.DashboardName] = &dashboard{name: in.DashboardName, arn: arn, body: in.DashboardBody, modified: s.now()}
	return PutDashboardOutput{DashboardValidationMessages: []DashboardValidationMessage{}}, nil
}

// checkDashboardName validates a dashboard name as AWS does (recorded:
// test_invalid_dashboard_name).
func checkDashboardName(name string) error {
	switch {
	case name == "":
		return missing("DashboardName")
	case len(name) > maxDashboardName:
		return invalidValue("The value for field DashboardName must be %d characters or less.\n", maxDashboardName)
	case !dashboardName.MatchString(name):
		return invalidValue("The value for field DashboardName contains invalid characters. It can only contain alphanumerics, dash (-) and underscore (_).\n")
	}
	return nil
}

// invalidBody is AWS's DashboardInvalidInputError: the messages are in
// its message, in AWS's words.
func invalidBody(msgs []DashboardValidationMessage) error {
	type msg struct {
		DataPath string `json:"dataPath"`
		Message  string `json:"message"`
	}
	out := make([]msg, len(msgs))
	for i, m := range msgs {
		out[i] = msg(m)
	}
	var b strings.Builder
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	_ = enc.Encode(out) // strings cannot fail to encode
	return errs.New("DashboardInvalidInputError", "The dashboard body is invalid, there are %d validation errors:\n%s",
		len(msgs), strings.TrimSuffix(b.String(), "\n"))
}

// widgetTypes are the widget types of the dashboard body structure.
var widgetTypes = map[string]bool{"metric": true, "text": true, "log": true, "alarm": true, "explorer": true, "custom": true}

// validateBody checks a dashboard body; the messages name the path of
// each fault (DashboardValidationMessage DataPath) as AWS does.
func validateBody(body string) []DashboardValidationMessage {
	if len(body) > maxDashboardBody {
		return []DashboardValidationMessage{{DataPath: "", Message: "Should NOT be longer than 1048576 characters"}}
	}
	var doc map[string]any
	if err := json.Unmarshal([]byte(body), &doc); err != nil {
		return []DashboardValidationMessage{{DataPath: "", Message: "Should be object"}}
	}
	var msgs []DashboardValidationMessage
	add := func(path, format string, args ...any) {
		msgs = append(msgs, DashboardValidationMessage{DataPath: path, Message: fmt.Sprintf(format, args...)})
	}
	raw, ok := doc["widgets"]
	if !ok {
		add("", "Should have required property 'widgets'")
		return msgs
	}
	widgets, ok := raw.([]any)
	if !ok {
		add("/widgets", "Should be array")
		return msgs
	}
	for i, w := range widgets {
		validateWidget("/widgets/"+strconv.Itoa(i), w, add)
	}
	return msgs
}

// validateWidget checks one widget.
func validateWidget(path string, raw any, add func(path, format string, args ...any)) {
	w, ok := raw.(map[string]any)
	if !ok {
		add(path, "Should be object")
		return
	}
	typ, ok := w["type"].(string)
	switch {
	case w["type"] == nil:
		add(path, "Should have required property 'type'")
	case !ok || !widgetTypes[typ]:
		add(path+"/type", "Should be equal to one of the allowed values: metric, text, log, alarm, explorer, custom")
	}
	for _, k := range []string{"x", "y", "width", "height"} {
		v, present := w[k]
		if !present {
			continue
		}
		n, isNum := v.(float64)
		switch {
		case !isNum || n != float64(int(n)):
			add(path+"/"+k, "Should be integer")
		case (k == "width" || k == "height") && n < 1:
			add(path+"/"+k, "Should be >= 1")
		case k == "width" && n > maxGridWidth || k == "x" && n > maxGridWidth-1:
			add(path+"/"+k, "Should be <= %d", map[string]int{"width": maxGridWidth, "x": maxGridWidth - 1}[k])
		case n < 0:
			add(path+"/"+k, "Should be >= 0")
		}
	}
	props, ok := w["properties"].(map[string]any)
	if !ok {
		if w["properties"] == nil {
			add(path, "Should have required property 'properties'")
		} else {
			add(path+"/properties", "Should be object")
		}
		return
	}
	switch typ {
	case "metric":
		validateMetricWidget(path+"/properties", props, add)
	case "text":
		if _, ok := props["markdown"].(string); !ok {
			add(path+"/properties", "Should have required property 'markdown'")
		}
	case "alarm":
		if _, ok := props["alarms"].([]any); !ok {
			add(path+"/properties", "Should have required property 'alarms'")
		}
	}
}

// validateMetricWidget checks a metric widget's properties: metrics (an
// array of arrays of strings, with an optional rendering object last) or
// an annotation-only graph, and the view and stat.
func validateMetricWidget(path string, props map[string]any, add func(path, format string, args ...any)) {
	raw, ok := props["metrics"]
	if !ok {
		if _, hasAnn := props["annotations"]; !hasAnn {
			add(path, "Should have required property 'metrics'")
		}
		return
	}
	metrics, ok := raw.([]any)
	if !ok {
		add(path+"/metrics", "Should be array")
		return
	}
	for i, m := range metrics {
		mp := path + "/metrics/" + strconv.Itoa(i)
		row, ok := m.([]any)
		if !ok {
			add(mp, "Should be array")
			continue
		}
		for j, f := range row {
			if _, isStr := f.(string); isStr {
				continue
			}
			if _, isObj := f.(map[string]any); isObj && j == len(row)-1 {
				continue
			}
			add(mp+"/"+strconv.Itoa(j), `Invalid metric field type, only "String" type is allowed`)
		}
	}
	if v, ok := props["view"]; ok && !slices.Contains([]any{"timeSeries", "singleValue", "bar", "pie", "gauge", "table"}, v) {
		add(path+"/view", "Should be equal to one of the allowed values: timeSeries, singleValue, bar, pie, gauge, table")
	}
}

// GetDashboard returns a dashboard's name, ARN and body.
func (s *Service) GetDashboard(ctx context.Context, in GetDashboardInput) (GetDashboardOutput, error) {
	sc, err := s.enter(ctx, "GetDashboard")
	if err != nil {
		return GetDashboardOutput{}, err
	}
	if in.DashboardName == "" {
		return GetDashboardOutput{}, missing("DashboardName")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	d := s.dashboards[sc.Account][in.DashboardName]
	if d == nil {
		return GetDashboardOutput{}, errs.New("DashboardNotFoundError", "Dashboard %s does not exist", in.DashboardName)
	}
	return GetDashboardOutput{DashboardName: d.name, DashboardArn: d.arn, DashboardBody: d.body}, nil
}

// ListDashboards lists the account's dashboards in name order, those whose
// name starts with DashboardNamePrefix, 1,000 a page.
func (s *Service) ListDashboards(ctx context.Context, in ListDashboardsInput) (ListDashboardsOutput, error) {
	sc, err := s.enter(ctx, "ListDashboards")
	if err != nil {
		return ListDashboardsOutput{}, err
	}
	offset, ok := tokenOffset(in.NextToken)
	if !ok {
		return ListDashboardsOutput{}, errs.Default(codeInvalidNextToken)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	out := ListDashboardsOutput{DashboardEntries: []DashboardEntry{}}
	names := slices.Sorted(func(yield func(string) bool) {
		for n := range s.dashboards[sc.Account] {
			if strings.HasPrefix(n, in.DashboardNamePrefix) && !yield(n) {
				return
			}
		}
	})
	for i := offset; i < len(names); i++ {
		if len(out.DashboardEntries) == dashboardPage {
			out.NextToken = pagetoken.Of(strconv.Itoa(i))
			break
		}
		d := s.dashboards[sc.Account][names[i]]
		out.DashboardEntries = append(out.DashboardEntries, DashboardEntry{DashboardName: d.name, DashboardArn: d.arn,
			LastModified: &Time{d.modified}, Size: int64(len(d.body))})
	}
	return out, nil
}

// DeleteDashboards deletes the dashboards named, all or none: when one
// does not exist, nothing is deleted and the answer is
// DashboardNotFoundError.
func (s *Service) DeleteDashboards(ctx context.Context, in DeleteDashboardsInput) error {
	sc, err := s.enter(ctx, "DeleteDashboards")
	if err != nil {
		return err
	}
	if len(in.DashboardNames) == 0 {
		return missing("DashboardNames")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, n := range in.DashboardNames {
		if s.dashboards[sc.Account][n] == nil {
			return errs.New("DashboardNotFoundError", "The specified dashboard does not exist. [%s]", n)
		}
	}
	for _, n := range in.DashboardNames {
		delete(s.dashboards[sc.Account], n)
	}
	return nil
}
