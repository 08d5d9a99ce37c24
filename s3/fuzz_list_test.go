package s3

import (
	"net/http/httptest"
	"net/url"
	"testing"
)

// FuzzListParams sends ListObjectsV2, ListObjects and ListParts requests
// with arbitrary continuation tokens, max-keys, max-parts and
// part-number-marker values: no answer may be a 5xx, and a token the
// service handed out names the key it was made for.
func FuzzListParams(f *testing.F) {
	f.Add("random", "0", "1")
	f.Add(continuationToken("k"), "-1", "abc")
	f.Add("YQ", "2147483648", "")
	f.Add("%%%", "", "-5")
	f.Fuzz(func(t *testing.T, token, max, marker string) {
		if key, ok := tokenKey(continuationToken(token)); !ok || key != token {
			t.Fatalf("token of %q names %q, %v", token, key, ok)
		}
		s := fuzzObjectService(t)
		up, err := s.CreateMultipartUpload(t.Context(), CreateMultipartUploadInput{Bucket: "bkt", Key: "m"})
		if err != nil {
			t.Fatal(err)
		}
		for _, target := range []string{
			"/bkt?list-type=2&continuation-token=" + url.QueryEscape(token) + "&max-keys=" + url.QueryEscape(max),
			"/bkt?marker=" + url.QueryEscape(token) + "&max-keys=" + url.QueryEscape(max),
			"/bkt/m?uploadId=" + up.UploadId + "&max-parts=" + url.QueryEscape(max) + "&part-number-marker=" + url.QueryEscape(marker),
		} {
			rec := httptest.NewRecorder()
			s.ServeHTTP(rec, httptest.NewRequest("GET", "http://awsfake.localhost"+target, nil))
			if rec.Code >= 500 {
				t.Fatalf("GET %s: status %d: %s", target, rec.Code, rec.Body.String())
			}
		}
	})
}
