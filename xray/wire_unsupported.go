package xray

import (
	"net/http"
)

// unmodelled binds the operations the fake does not model to the answer
// AWS gives an account without the feature: X-Ray Insights finds no
// insight (an empty list; an insight id is not found); Transaction Search
// is not enabled (segments go to X-Ray, the default destination), so the
// trace retrieval API and indexing rules, which need it, are refused with
// InvalidRequestException, and so is moving the destination to CloudWatch
// Logs. They are not operations of the Go API: they record no call and
// take no injected fault.
var unmodelled = []route{
	post("/InsightSummaries", "GetInsightSummaries", answer(map[string]any{"InsightSummaries": []any{}})),
	post("/Insight", "GetInsight", refuse("Insight not found")),
	post("/InsightEvents", "GetInsightEvents", refuse("Insight not found")),
	post("/InsightImpactGraph", "GetInsightImpactGraph", refuse("Insight not found")),
	post("/GetTraceSegmentDestination", "GetTraceSegmentDestination",
		answer(map[string]any{"Destination": "XRay", "Status": "ACTIVE"})),
	post("/UpdateTraceSegmentDestination", "UpdateTraceSegmentDestination", updateDestination),
	post("/GetIndexingRules", "GetIndexingRules", refuse(noTransactionSearch)),
	post("/UpdateIndexingRule", "UpdateIndexingRule", refuse(noTransactionSearch)),
	post("/StartTraceRetrieval", "StartTraceRetrieval", refuse(noTransactionSearch)),
	post("/ListRetrievedTraces", "ListRetrievedTraces", refuse(noTransactionSearch)),
	post("/GetRetrievedTracesGraph", "GetRetrievedTracesGraph", refuse(noTransactionSearch)),
	post("/CancelTraceRetrieval", "CancelTraceRetrieval", refuse(noTransactionSearch)),
}

const noTransactionSearch = "Transaction Search is not enabled for this account: awsfake keeps segments in X-Ray"

func answer(v any) handlerFunc {
	return func(_ *Service, w http.ResponseWriter, _ *http.Request) error {
		rest.Write(w, http.StatusOK, v)
		return nil
	}
}

func refuse(msg string) handlerFunc {
	return func(*Service, http.ResponseWriter, *http.Request) error { return errInvalid("%s", msg) }
}

// updateDestination accepts X-Ray, the destination segments already go
// to, and refuses CloudWatchLogs (Transaction Search).
func updateDestination(_ *Service, w http.ResponseWriter, r *http.Request) error {
	var in struct{ Destination string }
	if err := rest.Decode(r, requestLimit, &in); err != nil {
		return err
	}
	switch in.Destination {
	case "", "XRay":
		rest.Write(w, http.StatusOK, map[string]any{"Destination": "XRay", "Status": "ACTIVE"})
		return nil
	case "CloudWatchLogs":
		return errInvalid("%s", noTransactionSearch)
	}
	return errInvalid("Destination must be XRay or CloudWatchLogs")
}
