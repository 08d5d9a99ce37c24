package apigw

import (
	"context"
	"fmt"
	"strings"
)

// ImportApiKeysInput is ImportApiKeys' input: a file of Format csv, the
// only format AWS has.
type ImportApiKeysInput struct {
	Body           []byte
	Format         string
	FailOnWarnings bool
}

// ImportedApiKeys is ImportApiKeys' answer: the ids of the keys imported
// and a warning for each row that was not.
type ImportedApiKeys struct {
	IDs      []string `json:"ids"`
	Warnings []string `json:"warnings,omitempty"`
}

// keyRow is one row of an API key file.
type keyRow struct {
	line                          int
	name, value, description      string
	enabled                       bool
	plans                         []string
	enabledText, planText, reason string
}

// parseKeyFile reads an API key file as AWS documents it
// (api-key-file-format.html): a header naming the columns in any order and
// any case, of which Name and Key are required and Description, Enabled
// and UsagePlanIds optional (others are ignored); a value may be quoted
// with double or single quotes, UsagePlanIds a quoted comma-separated
// list; Enabled defaults to true. A row that cannot be imported carries
// the reason, which becomes a warning.
func parseKeyFile(body []byte) ([]keyRow, error) {
	records, err := splitCSV(string(body))
	if err != nil {
		return nil, err
	}
	if len(records) == 0 {
		return nil, badRequest("Invalid API key file: it has no header")
	}
	col := map[string]int{}
	for i, h := range records[0] {
		col[strings.ToLower(strings.TrimSpace(h.text))] = i
	}
	_, hasName := col["name"]
	_, hasKey := col["key"]
	if !hasName || !hasKey {
		return nil, badRequest("Invalid API key file: the header must name the Name and Key columns")
	}
	field := func(rec []csvField, name string) string {
		if i, ok := col[name]; ok && i < len(rec) {
			return rec[i].text
		}
		return ""
	}
	var rows []keyRow
	for _, rec := range records[1:] {
		r := keyRow{line: rec[0].line, name: field(rec, "name"), value: field(rec, "key"),
			description: field(rec, "description"), enabledText: field(rec, "enabled"), planText: field(rec, "usageplanids")}
		r.reason = r.check(len(rec), len(records[0]))
		rows = append(rows, r)
	}
	return rows, nil
}

// check fills the row's flag and plans and says what is wrong with it.
func (r *keyRow) check(fields, columns int) string {
	if fields != columns {
		return fmt.Sprintf("the row has %d fields, the header %d", fields, columns)
	}
	switch strings.ToLower(strings.TrimSpace(r.enabledText)) {
	case "", "true":
		r.enabled = true
	case "false":
	default:
		return "Enabled must be true or false"
	}
	for _, id := range strings.Split(r.planText, ",") {
		if id = strings.TrimSpace(id); id != "" {
			r.plans = append(r.plans, id)
		}
	}
	if r.value == "" {
		return "the Key is empty"
	}
	if err := checkKeyFields(r.name, r.value, r.description); err != nil {
		return err.Message
	}
	return ""
}

// csvField is one field of a record and the line its record starts on.
type csvField struct {
	text string
	line int
}

// splitCSV splits text into records of fields: comma-separated, a field
// quoted with " or ' holding commas, line breaks and its quote doubled;
// blank lines are skipped.
func splitCSV(text string) ([][]csvField, error) {
	var records [][]csvField
	var rec []csvField
	line, start := 1, 1
	var cur strings.Builder
	blank := true // the field so far is only spaces: a quote may open it
	for i := 0; i <= len(text); i++ {
		if i == len(text) || text[i] == '\n' || text[i] == '\r' {
			rec = append(rec, csvField{cur.String(), start})
			cur.Reset()
			blank = true
			if len(rec) > 1 || strings.TrimSpace(rec[0].text) != "" {
				records = append(records, rec)
			}
			rec = nil
			if i < len(text) && text[i] == '\n' {
				line++
			}
			start = line
			continue
		}
		c := text[i]
		switch {
		case (c == '"' || c == '\'') && blank:
			end, quoted, lines, ok := quotedField(text[i:], c)
			if !ok {
				return nil, badRequest("Invalid API key file: line %d has a quote that is not closed", line)
			}
			cur.Reset()
			cur.WriteString(quoted)
			blank = false
			line += lines
			i += end
			if i+1 < len(text) && text[i+1] != ',' && text[i+1] != '\n' && text[i+1] != '\r' {
				return nil, badRequest("Invalid API key file: line %d has text after a closing quote", line)
			}
		case c == ',':
			rec = append(rec, csvField{cur.String(), start})
			cur.Reset()
			blank = true
		default:
			cur.WriteByte(c)
			blank = blank && (c == ' ' || c == '\t')
		}
	}
	return records, nil
}

// quotedField reads the field quoted by q at the start of s: the index of
// its closing quote, its text and the line breaks it holds.
func quotedField(s string, q byte) (int, string, int, bool) {
	var b strings.Builder
	lines := 0
	for i := 1; i < len(s); i++ {
		switch {
		case s[i] == q && i+1 < len(s) && s[i+1] == q:
			b.WriteByte(q)
			i++
		case s[i] == q:
			return i, b.String(), lines, true
		default:
			if s[i] == '\n' {
				lines++
			}
			b.WriteByte(s[i])
		}
	}
	return 0, "", 0, false
}

// ImportApiKeys imports API keys from a CSV file. A key whose value is
// already there is overwritten (name, description, enabled), keeping its
// id, as AWS documents. Each row that cannot be imported (a bad value,
// flag or usage plan) is a warning; with FailOnWarnings, any warning
// fails the whole import and nothing changes.
func (s *Service) ImportApiKeys(ctx context.Context, in ImportApiKeysInput) (ImportedApiKeys, error) {
	sc, err := s.enter(ctx, "ImportApiKeys")
	if err != nil {
		return ImportedApiKeys{}, err
	}
	if in.Format != "csv" {
		return ImportedApiKeys{}, badRequest("Invalid format specified: %s. Must be one of: [csv]", in.Format)
	}
	rows, err := parseKeyFile(in.Body)
	if err != nil {
		return ImportedApiKeys{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	u := s.usageReadLocked(sc)
	out := ImportedApiKeys{IDs: []string{}}
	for i := range rows {
		r := &rows[i]
		for _, id := range r.plans {
			if r.reason == "" && u.plans[id] == nil {
				r.reason = "Invalid Usage Plan ID specified: " + id
			}
		}
		if r.reason != "" {
			out.Warnings = append(out.Warnings, fmt.Sprintf("Line %d: %s", r.line, r.reason))
		}
	}
	if in.FailOnWarnings && len(out.Warnings) > 0 {
		return ImportedApiKeys{}, badRequest("Invalid API key file: %s", strings.Join(out.Warnings, "; "))
	}
	u = s.partForWriteLocked(sc).usageLocked()
	for _, r := range rows {
		if r.reason == "" {
			out.IDs = append(out.IDs, s.importKeyLocked(u, r, &out.Warnings))
		}
	}
	return out, nil
}

// importKeyLocked stores one row's key (a new one, or the one with its
// value) and puts it in the row's plans.
func (s *Service) importKeyLocked(u *usageState, r keyRow, warnings *[]string) string {
	k := u.byValue[r.value]
	if k == nil {
		k = s.addKeyLocked(u, ApiKey{Value: r.value, Name: r.name, Description: r.description, Enabled: r.enabled})
	} else {
		k.Name, k.Description, k.Enabled = r.name, r.description, r.enabled
		k.LastUpdatedDate = Timestamp(s.env.Clock.Now())
	}
	for _, id := range r.plans {
		if up := u.plans[id]; up.keys[k.ID] == nil {
			if err := joinPlan(up, k); err != nil {
				*warnings = append(*warnings, fmt.Sprintf("Line %d: %s", r.line, err.Message))
			}
		}
	}
	return k.ID
}
