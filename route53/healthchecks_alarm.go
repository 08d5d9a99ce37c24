package route53

import (
	"context"
	"fmt"
)

// AlarmStates answers the state of a CloudWatch alarm (OK, ALARM or
// INSUFFICIENT_DATA) for CLOUDWATCH_METRIC health checks; ok is false when
// the account has no such alarm in the region. The root package sets it
// over the cloud's CloudWatch (SetAlarmStates). It must not call back into
// Route 53: it is asked while the service's lock is held.
type AlarmStates interface {
	AlarmState(ctx context.Context, account, region, name string) (state string, ok bool)
}

// SetAlarmStates sets where CLOUDWATCH_METRIC health checks read their
// alarm's state. Without it, such a check is refused at creation (no alarm
// can be found).
func (s *Service) SetAlarmStates(a AlarmStates) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.alarms = a
}

// InsufficientDataHealthStatus values AWS accepts.
const (
	insufHealthy   = "Healthy"
	insufUnhealthy = "Unhealthy"
	insufLastKnown = "LastKnownStatus"
)

// Alarm states as CloudWatch names them.
const (
	alarmOK    = "OK"
	alarmAlarm = "ALARM"
)

// checkAlarmConfig validates a CLOUDWATCH_METRIC check's settings and fills
// AWS's default InsufficientDataHealthStatus (LastKnownStatus, per
// HealthCheckConfig.InsufficientDataHealthStatus' doc: "LastKnownStatus:
// Route 53 uses the status of the health check from the last time that
// CloudWatch had sufficient data").
func checkAlarmConfig(c *HealthCheckConfig) error {
	if c.AlarmIdentifier == nil || c.AlarmIdentifier.Name == "" || c.AlarmIdentifier.Region == "" {
		return invalidInput("Invalid parameter : AlarmIdentifier is required for CLOUDWATCH_METRIC health checks.")
	}
	if n := len(c.AlarmIdentifier.Name); n > 256 {
		return invalidInput("1 validation error detected: Value at 'healthCheckConfig.alarmIdentifier.name' failed to satisfy constraint: Member must have length less than or equal to 256")
	}
	switch c.InsufficientDataHealthStatus {
	case "":
		c.InsufficientDataHealthStatus = insufLastKnown
	case insufHealthy, insufUnhealthy, insufLastKnown:
	default:
		return invalidInput("1 validation error detected: Value '%s' at 'healthCheckConfig.insufficientDataHealthStatus' failed to satisfy constraint: Member must satisfy enum value set: [Healthy, Unhealthy, LastKnownStatus]", c.InsufficientDataHealthStatus)
	}
	return nil
}

// checkAlarmExists refuses a CLOUDWATCH_METRIC check whose alarm the
// account does not have in the region. The SDK's CreateHealthCheck models
// no error for it, so it is InvalidInput, the code of every other bad
// setting. The caller holds s.mu.
func (s *Service) checkAlarmExistsLocked(ctx context.Context, account string, c HealthCheckConfig) error {
	if c.Type != hcCloudWatch {
		return nil
	}
	if s.alarms != nil {
		if _, ok := s.alarms.AlarmState(ctx, account, c.AlarmIdentifier.Region, c.AlarmIdentifier.Name); ok {
			return nil
		}
	}
	return invalidInput("Invalid parameter : The CloudWatch alarm %s does not exist in region %s.", c.AlarmIdentifier.Name, c.AlarmIdentifier.Region)
}

// alarmHealthLocked is a CLOUDWATCH_METRIC check's health from its alarm:
// OK is healthy, ALARM unhealthy, INSUFFICIENT_DATA (or an alarm since
// deleted) as InsufficientDataHealthStatus says, LastKnownStatus the last
// health seen. The caller holds s.mu.
func (s *Service) alarmHealthLocked(hc *healthCheck) bool {
	state, ok := s.alarmStateLocked(hc)
	switch {
	case ok && state == alarmOK:
		hc.healthy = true
	case ok && state == alarmAlarm:
		hc.healthy = false
	case hc.HealthCheckConfig.InsufficientDataHealthStatus == insufHealthy:
		return true
	case hc.HealthCheckConfig.InsufficientDataHealthStatus == insufUnhealthy:
		return false
	}
	return hc.healthy
}

func (s *Service) alarmStateLocked(hc *healthCheck) (string, bool) {
	id := hc.HealthCheckConfig.AlarmIdentifier
	if s.alarms == nil || id == nil {
		return "", false
	}
	return s.alarms.AlarmState(context.Background(), hc.account, id.Region, id.Name)
}

// alarmReportLocked is the observation GetHealthCheckStatus gives of a
// CLOUDWATCH_METRIC check: the alarm's state read now. The texts are the
// fake's own in the form of AWS's "Success: ..." / "Failure: ..." reports.
func (s *Service) alarmReportLocked(hc *healthCheck) *StatusReport {
	state, ok := s.alarmStateLocked(hc)
	if !ok {
		state = "INSUFFICIENT_DATA"
	}
	verdict := "Failure"
	if s.alarmHealthLocked(hc) {
		verdict = "Success"
	}
	return &StatusReport{Status: fmt.Sprintf("%s: CloudWatch alarm %s is in state %s.", verdict, hc.HealthCheckConfig.AlarmIdentifier.Name, state),
		CheckedTime: s.now()}
}
