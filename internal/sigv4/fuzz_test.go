package sigv4

import (
	"net/http"
	"testing"
)

func FuzzVerify(f *testing.F) {
	f.Add("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20300102/us-east-1/sqs/aws4_request, SignedHeaders=host;x-amz-date, Signature=00", "", "20300102T030405Z", []byte("body"))
	f.Add("", "X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIDEXAMPLE%2F20300102%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20300102T030405Z&X-Amz-Expires=60&X-Amz-SignedHeaders=host&X-Amz-Signature=0", "", []byte(nil))
	f.Add("AWS4-HMAC-SHA256 ,,==;", "a=%zz&&=", "garbage", []byte("0;chunk-signature=\r\n"))
	f.Fuzz(func(t *testing.T, authz, query, date string, body []byte) {
		for _, d := range []Dialect{Query, JSON, S3} {
			r, err := http.NewRequest("PUT", "http://h.example/a%20b/c", nil)
			if err != nil {
				t.Skip()
			}
			r.URL.RawQuery = query
			r.Header.Set("Authorization", authz)
			r.Header.Set("X-Amz-Date", date)
			r.Header.Set("X-Amz-Content-Sha256", StreamingPayload)
			v := verifier(d)
			sig, fl := v.Check(r, body)
			if fl != nil && fl.Status >= 500 {
				t.Fatalf("%+v", fl)
			}
			if sig == nil {
				sig = &Signature{PayloadHash: StreamingPayloadTrailer, DecodedLength: -1}
			}
			if _, _, fl := v.VerifyChunks(sig, body); fl != nil && fl.Status >= 500 {
				t.Fatalf("%+v", fl)
			}
		}
	})
}
