package awsfake

import "context"

// route53Alarms is the route53.AlarmStates of CLOUDWATCH_METRIC health
// checks: the cloud's CloudWatch alarms of the check's account in the
// region its AlarmIdentifier names. CloudWatch never calls into Route 53,
// so Route 53 may ask while holding its lock.
type route53Alarms struct{ c *Cloud }

// AlarmState implements route53.AlarmStates.
func (a route53Alarms) AlarmState(_ context.Context, account, region, name string) (string, bool) {
	return a.c.cw.AlarmStateOf(account, region, name)
}
