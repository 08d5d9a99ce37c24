package awsfake_test

import (
	"bufio"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/awsfake/awsfake"
)

// An empty-bodied request that expects 100-continue gets its 100 before its
// answer, and the connection goes on serving the next request (issue 10:
// botocore's empty PutObject, then another). A request with a body gets its
// 100 from Go's server when the service reads the body, exactly once.
func TestServeHTTP_EmptyBodyExpectingContinueGetsIt(t *testing.T) {
	cloud := awsfake.New()
	defer cloud.Close()
	srv := httptest.NewServer(cloud)
	defer srv.Close()
	conn, err := net.Dial("tcp", srv.Listener.Addr().String())
	require.NoError(t, err)
	defer conn.Close()
	rd := bufio.NewReader(conn)
	put := func(path, body string) {
		t.Helper()
		_, err := fmt.Fprintf(conn, "PUT %s HTTP/1.1\r\nHost: %s\r\nExpect: 100-continue\r\nContent-Length: %d\r\n\r\n",
			path, srv.Listener.Addr(), len(body))
		require.NoError(t, err)
		interim, err := http.ReadResponse(rd, nil)
		require.NoError(t, err)
		require.Equal(t, http.StatusContinue, interim.StatusCode, path) // else the next read would wait for ever
		_, err = conn.Write([]byte(body))
		require.NoError(t, err)
		final, err := http.ReadResponse(rd, nil)
		require.NoError(t, err)
		require.NoError(t, final.Body.Close())
		assert.Equal(t, http.StatusOK, final.StatusCode, path)
	}
	put("/expect-bucket", "")
	put("/expect-bucket/empty", "")
	put("/expect-bucket/hello", "hello")
	put("/expect-bucket/empty-again", "")
	var keys []string
	for _, o := range cloud.S3().Objects("expect-bucket") {
		keys = append(keys, o.Key)
	}
	assert.ElementsMatch(t, []string{"empty", "hello", "empty-again"}, keys)
}
