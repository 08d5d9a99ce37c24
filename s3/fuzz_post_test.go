package s3

import (
	"bytes"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/textproto"
	"strings"
	"testing"
	"time"

	"github.com/awsfake/awsfake/clock"
	"github.com/awsfake/awsfake/internal/cloudenv"
)

var fuzzT0 = time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)

// fuzzObjectService is a service built as the cloud builds it, with bucket
// bkt holding object k.
func fuzzObjectService(t testing.TB) *Service {
	t.Helper()
	env := cloudenv.ForTest(clock.NewFake(fuzzT0))
	s := New(env)
	env.Attach(s.Describe())
	t.Cleanup(env.Sched.Close)
	if _, err := s.CreateBucket(t.Context(), CreateBucketInput{Bucket: "bkt"}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.PutObject(t.Context(), PutObjectInput{Bucket: "bkt", Key: "k", Body: []byte("data")}); err != nil {
		t.Fatal(err)
	}
	return s
}

// FuzzPostObjectForm sends browser-form POST uploads to a bucket: the key,
// policy and one more field (x-amz-*, tagging, success_action_*, ...) with
// arbitrary values and file, or, when raw is set, an arbitrary body under
// the multipart content type. No answer may be a 5xx.
func FuzzPostObjectForm(f *testing.F) {
	f.Add("uploads/${filename}", "eyJleHBpcmF0aW9uIjoiMjAzMC0wMS0wMVQwMDowMDowMFoifQ==", "x-amz-meta-who", "browser", "pic.png", "PNGDATA", "", "")
	f.Add("k", "", "success_action_status", "201", "f", "x", "", "")
	f.Add("k", "", "success_action_redirect", "http://x/%zz?a=b", "f", "x", "", "")
	f.Add("k", "%%%", "tagging", "<Tagging><TagSet><Tag><Key>a</Key><Value>b</Value></Tag></TagSet></Tagging>", "", "", "", "")
	f.Add("k", "", "x-amz-checksum-crc32", "DUoRhQ==", "f", "hello world", "", "")
	f.Add("k", "", "x-amz-checksum-algorithm", "SHA256", "f", "x", "", "")
	f.Add("k", "", "x-amz-storage-class", "GLACIER", "f", "x", "", "")
	f.Add("", "", "Content-Type", "\x00", "${filename}", "", "", "")
	f.Add("", "", "", "", "", "", "X", "--X\r\nContent-Disposition: form-data; name=\"key\"\r\n\r\nk\r\n--X--\r\n")
	f.Add("", "", "", "", "", "", "X", "--X\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\nabc")
	f.Add("", "", "", "", "", "", "", "")
	f.Fuzz(func(t *testing.T, key, policy, field, value, filename, file, boundary, raw string) {
		s := fuzzObjectService(t)
		var body bytes.Buffer
		ct := "multipart/form-data; boundary=" + boundary
		if boundary == "" && raw == "" {
			mw := multipart.NewWriter(&body)
			for _, kv := range [][2]string{{"key", key}, {"policy", policy}, {field, value}} {
				if kv[0] == "" || strings.ContainsAny(kv[0], "\"\r\n\\") {
					continue
				}
				_ = mw.WriteField(kv[0], kv[1])
			}
			h := textproto.MIMEHeader{}
			h.Set("Content-Disposition", `form-data; name="file"; filename="`+strings.NewReplacer(`"`, "", "\r", "", "\n", "", `\`, "").Replace(filename)+`"`)
			if w, err := mw.CreatePart(h); err == nil {
				_, _ = w.Write([]byte(file))
			}
			_ = mw.Close()
			ct = mw.FormDataContentType()
		} else {
			body.WriteString(raw)
		}
		req := httptest.NewRequest(http.MethodPost, "http://bkt.awsfake.localhost/", &body)
		req.Header.Set("Content-Type", ct)
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, req)
		if rec.Code >= 500 {
			t.Fatalf("status %d: %s", rec.Code, rec.Body.String())
		}
	})
}
