package protocol_test

import (
	"net/http"
	"net/url"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake/internal/protocol"
)

var table = protocol.NewRoutes(
	protocol.Route[string]{Method: "GET", Path: "/{Bucket}", Name: "ListObjects", Handler: "list"},
	protocol.Route[string]{Method: "GET", Path: "/{Bucket}", Query: []string{"list-type=2"}, Name: "ListObjectsV2", Handler: "list2"},
	protocol.Route[string]{Method: "GET", Path: "/{Bucket}", Query: []string{"tagging"}, Name: "GetBucketTagging", Handler: "tags"},
	protocol.Route[string]{Method: "PUT", Path: "/{Bucket}/{Key+}", Name: "PutObject", Handler: "put"},
	protocol.Route[string]{Method: "PUT", Path: "/{Bucket}/{Key+}", Header: []string{"x-amz-copy-source"}, Name: "CopyObject", Handler: "copy"},
	protocol.Route[string]{Method: "GET", Path: "/2015-03-31/functions/{FunctionName}", Name: "GetFunction", Handler: "fn"},
	protocol.Route[string]{Method: "GET", Path: "/2015-03-31/functions", Name: "ListFunctions", Handler: "fns"},
)

func TestRoutes_MatchTheMostSpecificRoute(t *testing.T) {
	for _, tc := range []struct {
		method string
		segs   []string
		query  string
		header http.Header
		want   string
		labels protocol.Labels
	}{
		{"GET", []string{"b"}, "", nil, "ListObjects", protocol.Labels{"Bucket": "b"}},
		{"GET", []string{"b"}, "list-type=2", nil, "ListObjectsV2", protocol.Labels{"Bucket": "b"}},
		{"GET", []string{"b"}, "list-type=1", nil, "ListObjects", protocol.Labels{"Bucket": "b"}},
		{"GET", []string{"b"}, "tagging", nil, "GetBucketTagging", protocol.Labels{"Bucket": "b"}},
		{"PUT", []string{"b", "a", "", "c"}, "", nil, "PutObject", protocol.Labels{"Bucket": "b", "Key": "a//c"}},
		{"PUT", []string{"b", "k"}, "", http.Header{"X-Amz-Copy-Source": {"x/y"}}, "CopyObject", protocol.Labels{"Bucket": "b", "Key": "k"}},
		{"GET", []string{"2015-03-31", "functions", "f"}, "", nil, "GetFunction", protocol.Labels{"FunctionName": "f"}},
		{"GET", []string{"2015-03-31", "functions"}, "", nil, "ListFunctions", nil},
	} {
		q, _ := url.ParseQuery(tc.query)
		r, labels, ok := table.Match(tc.method, tc.segs, q, tc.header)
		require.True(t, ok, "%s %v ?%s", tc.method, tc.segs, tc.query)
		assert.Equal(t, tc.want, r.Name)
		assert.Equal(t, tc.labels, labels)
	}
}

func TestRoutes_NoMatchTellsAKnownPathApart(t *testing.T) {
	_, _, known := table.Match("DELETE", []string{"2015-03-31", "functions", "f"}, nil, nil)
	assert.True(t, known, "the path is served with another method")
	_, _, known = table.Match("GET", nil, nil, nil)
	assert.False(t, known)
	r, _, _ := table.Match("PUT", []string{"b"}, nil, nil)
	assert.Nil(t, r, "a greedy label needs at least one segment")
}

func TestRoutes_Operations(t *testing.T) {
	assert.Equal(t, []string{"CopyObject", "GetBucketTagging", "GetFunction", "ListFunctions", "ListObjects", "ListObjectsV2", "PutObject"},
		table.Operations())
}

func TestNewRoutes_PanicsOnTwins(t *testing.T) {
	assert.Panics(t, func() {
		protocol.NewRoutes(protocol.Route[int]{Method: "GET", Path: "/a", Name: "A"}, protocol.Route[int]{Method: "GET", Path: "/a", Name: "B"})
	})
	assert.Panics(t, func() { protocol.NewRoutes(protocol.Route[int]{Method: "GET", Path: "/{A+}/b", Name: "A"}) })
}

// Match builds the labels of the route it returns only: trying the rows
// before it allocates nothing.
func TestRoutes_MatchAllocatesOnlyTheWinnersLabels(t *testing.T) {
	q := url.Values{"tagging": {""}}
	allocs := testing.AllocsPerRun(100, func() {
		if r, _, _ := table.Match("GET", []string{"b"}, q, nil); r == nil {
			t.Fatal("no match")
		}
	})
	assert.LessOrEqual(t, allocs, 2.0, "one small map for the one label, whatever the rows tried before")
}
