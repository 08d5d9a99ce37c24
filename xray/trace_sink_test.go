package xray

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake/internal/xtrace"
)

// A segment the cloud built is stored as parseDocuments reads its text;
// one whose name X-Ray refuses goes through parseDocuments.
func TestDocOf_IsWhatParseDocumentsReads(t *testing.T) {
	for _, s := range []*xtrace.Segment{
		{Name: "shop/prod", ID: "53995c3f42cd8ad8", TraceID: "1-5759e988-bd862e3fe1be46a994272793", ParentID: "0123456789abcdef",
			Origin: "AWS::ApiGateway::Stage", Start: 1e9, End: 1e9 + 1.5, Error: true,
			HTTP: &xtrace.HTTP{Request: &xtrace.Request{Method: "GET", URL: "https://h/prod", UserAgent: "ua", ClientIP: "1.2.3.4"},
				Response: &xtrace.Response{Status: 404}},
			Links:       []xtrace.Link{{TraceID: "1-5759e988-bd862e3fe1be46a994272794", ID: "1111111111111111"}},
			Subsegments: []xtrace.Segment{{Name: "Lambda", ID: "2222222222222222", Namespace: "aws", Start: 1e9, End: 1e9 + 1}}},
		{Name: "SQS", ID: "3333333333333333", TraceID: "1-5759e988-bd862e3fe1be46a994272793", ParentID: "53995c3f42cd8ad8",
			Type: "subsegment", Namespace: "aws", Start: 1e9, End: 1e9, Throttle: true, Error: true},
	} {
		text, err := json.Marshal(s)
		require.NoError(t, err)
		want, bad, _ := parseDocuments(string(text))
		require.Nil(t, bad)
		got, ok := docOf(s)
		require.True(t, ok)
		assert.Same(t, s, got.src, "the segment is kept, not written out")
		assert.Equal(t, string(text), got.document(), "and written when read")
		assert.Equal(t, want[0], got, string(text))
	}
	_, ok := docOf(&xtrace.Segment{Name: "my api!/prod", ID: "53995c3f42cd8ad8", TraceID: "1-5759e988-bd862e3fe1be46a994272793"})
	assert.False(t, ok)
}
