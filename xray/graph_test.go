package xray_test

import (
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	sdk "github.com/aws/aws-sdk-go-v2/service/xray"
	"github.com/aws/aws-sdk-go-v2/service/xray/types"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func nodeNamed(t *testing.T, svcs []types.Service, name string) types.Service {
	t.Helper()
	for _, s := range svcs {
		if aws.ToString(s.Name) == name {
			return s
		}
	}
	t.Fatalf("no node %s", name)
	return types.Service{}
}

func edgeTo(t *testing.T, svcs []types.Service, from, to string) types.Edge {
	t.Helper()
	ref := nodeNamed(t, svcs, to).ReferenceId
	for _, e := range nodeNamed(t, svcs, from).Edges {
		if *e.ReferenceId == *ref {
			return e
		}
	}
	t.Fatalf("no edge %s -> %s", from, to)
	return types.Edge{}
}

// The service graph of the hand-written fixture: a node per service name
// and type, edges with their counts and response times.
func TestGetServiceGraph_NodesAndEdgesOfHandWrittenSegments(t *testing.T) {
	e, _, _, _, _ := filterFixture(t)
	out, err := e.client.GetServiceGraph(e.ctx, &sdk.GetServiceGraphInput{StartTime: aws.Time(t0), EndTime: aws.Time(t0.Add(time.Hour))})
	require.NoError(t, err)
	names := []string{}
	for _, s := range out.Services {
		names = append(names, aws.ToString(s.Name)+"|"+aws.ToString(s.Type))
	}
	assert.Equal(t, []string{"DynamoDB|AWS::DynamoDB", "api|AWS::EC2::Instance", "orders|AWS::ECS::Container", "web|", "worker|"}, names)

	api := nodeNamed(t, out.Services, "api")
	assert.True(t, *api.Root)
	st := api.SummaryStatistics
	assert.Equal(t, int64(2), *st.TotalCount)
	assert.Equal(t, int64(1), *st.OkCount)
	assert.Equal(t, int64(1), *st.FaultStatistics.TotalCount)
	assert.InDelta(t, 3.5, *st.TotalResponseTime, 1e-9)

	orders := edgeTo(t, out.Services, "api", "orders")
	es := orders.SummaryStatistics
	assert.Equal(t, int64(2), *es.TotalCount)
	assert.Equal(t, int64(1), *es.OkCount)
	assert.Equal(t, int64(1), *es.FaultStatistics.TotalCount)
	assert.InDelta(t, 0.15+2.6, *es.TotalResponseTime, 1e-9)
	require.Len(t, orders.ResponseTimeHistogram, 2)
	assert.InDelta(t, 0.15, orders.ResponseTimeHistogram[0].Value, 1e-9)
	assert.Equal(t, int32(1), orders.ResponseTimeHistogram[0].Count)

	ddbFromAPI := edgeTo(t, out.Services, "api", "DynamoDB")
	assert.Equal(t, int64(1), *ddbFromAPI.SummaryStatistics.OkCount)
	ddb := edgeTo(t, out.Services, "orders", "DynamoDB")
	assert.Equal(t, int64(1), *ddb.SummaryStatistics.TotalCount)
	assert.Equal(t, int64(1), *ddb.SummaryStatistics.FaultStatistics.TotalCount)

	web := nodeNamed(t, out.Services, "web")
	assert.Equal(t, int64(1), *web.SummaryStatistics.ErrorStatistics.ThrottleCount)
	assert.Equal(t, int64(1), *web.SummaryStatistics.ErrorStatistics.OtherCount)
	assert.Equal(t, int64(2), *web.SummaryStatistics.ErrorStatistics.TotalCount)
	edgeTo(t, out.Services, "web", "worker")

	// A window that holds only trace D.
	out, err = e.client.GetServiceGraph(e.ctx, &sdk.GetServiceGraphInput{StartTime: aws.Time(t0.Add(39 * time.Second)), EndTime: aws.Time(t0.Add(41 * time.Second))})
	require.NoError(t, err)
	require.Len(t, out.Services, 1)
	assert.Equal(t, "web", *out.Services[0].Name)
}

// A group's graph holds only the group's traces; GetTraceGraph the named
// traces.
func TestGetServiceGraph_OfAGroupAndOfTraces(t *testing.T) {
	e, a, _, _, _ := filterFixture(t)
	_, err := e.client.CreateGroup(e.ctx, &sdk.CreateGroupInput{GroupName: aws.String("webs"), FilterExpression: aws.String(`service("web")`)})
	require.NoError(t, err)
	out, err := e.client.GetServiceGraph(e.ctx, &sdk.GetServiceGraphInput{StartTime: aws.Time(t0), EndTime: aws.Time(t0.Add(time.Hour)), GroupName: aws.String("webs")})
	require.NoError(t, err)
	assert.Len(t, out.Services, 2)
	tg, err := e.client.GetTraceGraph(e.ctx, &sdk.GetTraceGraphInput{TraceIds: []string{a}})
	require.NoError(t, err)
	assert.Len(t, tg.Services, 3)
}

// GetTimeSeriesServiceStatistics buckets a service's requests per period.
func TestGetTimeSeriesServiceStatistics_PerPeriod(t *testing.T) {
	e, _, _, _, _ := filterFixture(t)
	out, err := e.client.GetTimeSeriesServiceStatistics(e.ctx, &sdk.GetTimeSeriesServiceStatisticsInput{
		StartTime: aws.Time(t0), EndTime: aws.Time(t0.Add(time.Hour)), EntitySelectorExpression: aws.String(`service("api")`)})
	require.NoError(t, err)
	require.Len(t, out.TimeSeriesServiceStatistics, 1)
	st := out.TimeSeriesServiceStatistics[0].ServiceSummaryStatistics
	assert.Equal(t, int64(2), *st.TotalCount)
	assert.Equal(t, t0, *out.TimeSeriesServiceStatistics[0].Timestamp)
}
