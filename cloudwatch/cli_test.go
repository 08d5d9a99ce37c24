package cloudwatch_test

import (
	"net/http/httptest"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake"
	"github.com/awsfake/awsfake/clock"
	"github.com/awsfake/awsfake/internal/awscli"
)

// served is a cloud on a socket, on a fake clock.
func served(t *testing.T) (*awsfake.Cloud, *clock.Fake, string) {
	srv := httptest.NewUnstartedServer(nil)
	clk := clock.NewFake(time.Now().UTC().Truncate(time.Minute))
	cloud := awsfake.NewT(t, awsfake.WithClock(clk), awsfake.WithURL("http://"+srv.Listener.Addr().String()))
	srv.Config.Handler = cloud.Handler()
	srv.Start()
	t.Cleanup(srv.Close)
	return cloud, clk, srv.URL
}

// The seeds' walk-through with each installed CLI (v1 with botocore 1.43
// speaks AWS JSON 1.0, Debian's 2.9 awsQuery): a metric, a threshold alarm,
// its statistics, its state once the clock moves, the recorded
// ResourceNotFound of SetAlarmState.
func TestCLI_MetricAlarmWalkThrough(t *testing.T) {
	awscli.ForEach(t, func(t *testing.T, cli awscli.CLI) {
		cloud, clk, url := served(t)
		now := clk.Now().UTC()
		ts := now.Add(-time.Minute).Format(time.RFC3339)
		cli.Run(t, url, "cloudwatch", "put-metric-data", "--namespace", "app", "--metric-name", "VolumeWriteBytes",
			"--value", "500", "--unit", "Bytes", "--timestamp", ts, "--dimensions", "VolumeId=vol-1")
		cli.Run(t, url, "cloudwatch", "put-metric-alarm", "--alarm-name", "disk", "--namespace", "app",
			"--metric-name", "VolumeWriteBytes", "--statistic", "Sum", "--period", "60", "--evaluation-periods", "1",
			"--threshold", "100", "--comparison-operator", "GreaterThanThreshold", "--dimensions", "Name=VolumeId,Value=vol-1")
		var stats struct {
			Label      string
			Datapoints []struct {
				Sum  float64
				Unit string
			}
		}
		cli.RunJSON(t, url, &stats, "cloudwatch", "get-metric-statistics", "--namespace", "app", "--metric-name", "VolumeWriteBytes",
			"--dimensions", "Name=VolumeId,Value=vol-1", "--start-time", now.Add(-time.Hour).Format(time.RFC3339),
			"--end-time", now.Format(time.RFC3339), "--period", "60", "--statistics", "Sum")
		assert.Equal(t, "VolumeWriteBytes", stats.Label)
		require.Len(t, stats.Datapoints, 1)
		assert.Equal(t, 500.0, stats.Datapoints[0].Sum)
		assert.Equal(t, "Bytes", stats.Datapoints[0].Unit)

		clk.Advance(time.Minute)
		require.NoError(t, cloud.Settle(t.Context()))
		var alarms struct {
			MetricAlarms []struct {
				AlarmName, StateValue, StateReason string
				Threshold                          float64
				Dimensions                         []struct{ Name, Value string }
			}
		}
		cli.RunJSON(t, url, &alarms, "cloudwatch", "describe-alarms", "--alarm-names", "disk")
		require.Len(t, alarms.MetricAlarms, 1)
		a := alarms.MetricAlarms[0]
		assert.Equal(t, "ALARM", a.StateValue, a.StateReason)
		assert.Equal(t, 100.0, a.Threshold)
		assert.Equal(t, "vol-1", a.Dimensions[0].Value)

		var metrics struct{ Metrics []struct{ MetricName string } }
		cli.RunJSON(t, url, &metrics, "cloudwatch", "list-metrics", "--namespace", "app")
		require.Len(t, metrics.Metrics, 1)

		stderr := cli.Fail(t, url, "cloudwatch", "set-alarm-state", "--alarm-name", "none", "--state-value", "OK", "--state-reason", "x")
		assert.Contains(t, stderr, "ResourceNotFound")
	})
}
