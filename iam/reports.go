package iam

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/csv"
	"time"
)

// reportHeader is the credential report's first line, AWS's columns.
var reportHeader = []string{"user", "arn", "user_creation_time", "password_enabled", "password_last_used",
	"password_last_changed", "password_next_rotation", "mfa_active", "access_key_1_active", "access_key_1_last_rotated",
	"access_key_1_last_used_date", "access_key_1_last_used_region", "access_key_1_last_used_service",
	"access_key_2_active", "access_key_2_last_rotated", "access_key_2_last_used_date", "access_key_2_last_used_region",
	"access_key_2_last_used_service", "cert_1_active", "cert_1_last_rotated", "cert_2_active", "cert_2_last_rotated"}

// reportAge is how long a report stays current: "If the existing report is
// older than four hours, a new report is generated."
const reportAge = 4 * time.Hour

// GenerateCredentialReportInput is empty.
type GenerateCredentialReportInput struct{}

// GenerateCredentialReportOutput is the report's state.
type GenerateCredentialReportOutput struct{ State, Description string }

// GenerateCredentialReport builds the account's credential report at once:
// STARTED when there was none or it was over four hours old, COMPLETE
// when the current one is kept.
func (s *Service) GenerateCredentialReport(ctx context.Context, _ GenerateCredentialReportInput) (GenerateCredentialReportOutput, error) {
	sc, err := s.enter(ctx, "GenerateCredentialReport")
	if err != nil {
		return GenerateCredentialReportOutput{}, err
	}
	var out GenerateCredentialReportOutput
	err = s.locked(sc, func(a *account) error {
		now := s.now()
		if a.report != nil && now.Sub(a.report.generated) < reportAge {
			out.State = "COMPLETE"
			return nil
		}
		a.report = &credentialReport{generated: now, csv: a.reportCSV(now)}
		out = GenerateCredentialReportOutput{State: "STARTED", Description: "No report exists. Starting a new report generation task"}
		return nil
	})
	return out, err
}

// reportCSV is the report: the root user, then every user by name.
func (a *account) reportCSV(now time.Time) []byte {
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	_ = w.Write(reportHeader)
	na := []string{"N/A", "N/A", "N/A"}
	row := func(name, arn string, created time.Time, password string, keys []string) []string {
		r := []string{name, arn, stamp(created), password, "N/A", "N/A", "N/A", "false"}
		for i := range 2 {
			if i < len(keys) {
				k := a.keys[keys[i]]
				r = append(r, boolText(k.status == statusActive), stamp(k.created))
			} else {
				r = append(r, "false", "N/A")
			}
			r = append(r, na...)
		}
		return append(r, "false", "N/A", "false", "N/A")
	}
	_ = w.Write(row("<root_account>", "arn:aws:iam::"+a.id+":root", now, "not_supported", nil))
	for _, k := range sortedKeys(a.users) {
		u := a.users[k]
		_ = w.Write(row(u.name, u.arn, u.created, boolText(u.login != nil), u.keys))
	}
	w.Flush()
	return buf.Bytes()
}

func stamp(t time.Time) string { return t.UTC().Format("2006-01-02T15:04:05+00:00") }

func boolText(b bool) string {
	if b {
		return "true"
	}
	return "false"
}

// GetCredentialReportInput is empty.
type GetCredentialReportInput struct{}

// GetCredentialReportOutput is the report, CSV.
type GetCredentialReportOutput struct {
	Content       Blob
	ReportFormat  string
	GeneratedTime time.Time
}

// GetCredentialReport returns the last generated report: ReportNotPresent
// before GenerateCredentialReport, ReportExpired once it is over four
// hours old.
func (s *Service) GetCredentialReport(ctx context.Context, _ GetCredentialReportInput) (GetCredentialReportOutput, error) {
	sc, err := s.enter(ctx, "GetCredentialReport")
	if err != nil {
		return GetCredentialReportOutput{}, err
	}
	var out GetCredentialReportOutput
	err = s.locked(sc, func(a *account) error {
		switch {
		case a.report == nil:
			return errs.Default(codeReportNotPresent)
		case s.now().Sub(a.report.generated) >= reportAge:
			return errs.New(codeReportExpired, "Credential report has expired. Generate a new report.")
		}
		out = GetCredentialReportOutput{Content: a.report.csv, ReportFormat: "text/csv", GeneratedTime: a.report.generated}
		return nil
	})
	return out, err
}

// Blob is binary content, base64 in awsQuery XML.
type Blob []byte

// MarshalText writes the content in base64.
func (b Blob) MarshalText() ([]byte, error) {
	return []byte(base64.StdEncoding.EncodeToString(b)), nil
}
