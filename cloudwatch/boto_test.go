package cloudwatch_test

import (
	"os/exec"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// runBoto3 runs a Python script with a boto3 CloudWatch client (cw)
// against a served cloud, speaking protocol (botocore 1.43 picks
// smithy-rpc-v2-cbor; its model also lists json and query, which older
// botocores and other clients use: the script forces one). sys.argv[2] is
// the cloud clock's Unix time. It skips when python3 with boto3 is
// missing.
func runBoto3(t *testing.T, protocol, script string) string {
	t.Helper()
	if err := exec.Command("python3", "-c", "import boto3").Run(); err != nil {
		t.Skip("python3 with boto3 not available")
	}
	_, clk, url := served(t)
	prelude := `
import sys, boto3, botocore.session, datetime
from botocore.config import Config
session = botocore.session.get_session()
loader = session.get_component("data_loader")
load = loader.load_service_model
def patched(name, type_name, api_version=None):
    m = load(name, type_name, api_version)
    if name == "cloudwatch" and type_name == "service-2":
        m["metadata"]["protocol"] = "` + protocol + `"
        m["metadata"]["protocols"] = ["` + protocol + `"]
    return m
loader.load_service_model = patched
cw = boto3.Session(botocore_session=session).client("cloudwatch", region_name="us-east-1", endpoint_url=sys.argv[1],
    aws_access_key_id="test", aws_secret_access_key="test", config=Config(retries={"max_attempts": 1}))
now = datetime.datetime.fromtimestamp(float(sys.argv[2]), datetime.timezone.utc)
`
	out, err := exec.Command("python3", "-c", prelude+script, url, strconv.FormatInt(clk.Now().Unix(), 10)).CombinedOutput()
	if err != nil {
		t.Fatalf("boto3: %v\n%s", err, out)
	}
	return strings.TrimSpace(string(out))
}

// The same calls over each protocol botocore knows: put, statistics with a
// percentile, an alarm, its description, the recorded errors.
func TestBoto3_EveryProtocol(t *testing.T) {
	for _, protocol := range []string{"json", "query", "smithy-rpc-v2-cbor"} {
		t.Run(protocol, func(t *testing.T) {
			out := runBoto3(t, protocol, `
ts = now - datetime.timedelta(minutes=1)
cw.put_metric_data(Namespace="app", MetricData=[{"MetricName": "lat", "Values": [1, 2, 3, 4], "Counts": [1, 1, 1, 1],
    "Timestamp": ts, "Unit": "Milliseconds", "Dimensions": [{"Name": "Api", "Value": "orders"}]}])
st = cw.get_metric_statistics(Namespace="app", MetricName="lat", Dimensions=[{"Name": "Api", "Value": "orders"}],
    StartTime=now - datetime.timedelta(hours=1), EndTime=now, Period=60, ExtendedStatistics=["p50"])
dp = st["Datapoints"][0]
print(st["Label"], dp["ExtendedStatistics"]["p50"], dp["Unit"], dp["Timestamp"] == ts.replace(second=0))
cw.put_metric_alarm(AlarmName="slow", Namespace="app", MetricName="lat", ExtendedStatistic="p50", Period=60,
    EvaluationPeriods=1, Threshold=1.5, ComparisonOperator="GreaterThanThreshold", Dimensions=[{"Name": "Api", "Value": "orders"}])
a = cw.describe_alarms(AlarmNames=["slow"])["MetricAlarms"][0]
print(a["StateValue"], a["StateReason"], a["ExtendedStatistic"], a["Threshold"])
d = cw.get_metric_data(StartTime=now - datetime.timedelta(hours=1), EndTime=now, MetricDataQueries=[{"Id": "q",
    "MetricStat": {"Metric": {"Namespace": "app", "MetricName": "lat", "Dimensions": [{"Name": "Api", "Value": "orders"}]},
    "Period": 60, "Stat": "Sum"}}])
print(d["MetricDataResults"][0]["Values"])
try:
    cw.set_alarm_state(AlarmName="slow", StateValue="INVALID", StateReason="x")
except Exception as e:
    print(e.response["Error"]["Code"], e.response["ResponseMetadata"]["HTTPStatusCode"])
try:
    cw.set_alarm_state(AlarmName="none", StateValue="OK", StateReason="x")
except cw.exceptions.ResourceNotFound as e:
    print(e.response["Error"]["Code"])
`)
			assert.Equal(t, "lat 2.0 Milliseconds True\n"+
				"INSUFFICIENT_DATA Unchecked: Initial alarm creation p50 1.5\n"+
				"[10.0]\n"+
				"ValidationError 400\n"+
				"ResourceNotFound", out)
		})
	}
}
