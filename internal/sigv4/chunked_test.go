package sigv4

import (
	"context"
	"encoding/hex"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"testing"

	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"
)

// chunkedRequest signs a streaming PUT with the SDK and builds its
// aws-chunked body by hand, each chunk signed by the SDK's stream signer.
func chunkedRequest(t *testing.T, mode string, chunks []string, trailer string) (*http.Request, []byte) {
	t.Helper()
	total := 0
	for _, c := range chunks {
		total += len(c)
	}
	r, _ := http.NewRequest("PUT", "http://bucket.s3.us-east-1.amazonaws.com/key", nil)
	r.Header.Set("X-Amz-Content-Sha256", mode)
	r.Header.Set("Content-Encoding", "aws-chunked")
	r.Header.Set("X-Amz-Decoded-Content-Length", strconv.Itoa(total))
	sign(t, r, nil, "s3", t0, creds, s3Escape)
	auth := r.Header.Get("Authorization")
	seedHex := auth[strings.LastIndex(auth, "=")+1:]
	seed, _ := hex.DecodeString(seedHex)
	ss := v4.NewStreamSigner(creds, "s3", "us-east-1", seed)
	var b strings.Builder
	prev := seedHex
	for _, c := range append(chunks, "") {
		if mode == StreamingUnsignedTrailer {
			fmt.Fprintf(&b, "%x\r\n", len(c))
		} else {
			sig, err := ss.GetSignature(context.Background(), nil, []byte(c), t0)
			if err != nil {
				t.Fatal(err)
			}
			prev = hex.EncodeToString(sig)
			fmt.Fprintf(&b, "%x;chunk-signature=%s\r\n", len(c), prev)
		}
		if c != "" {
			b.WriteString(c + "\r\n")
		}
	}
	if trailer != "" {
		b.WriteString(trailer + "\r\n")
		if mode == StreamingPayloadTrailer {
			key := signingKey(creds.SecretAccessKey, "20300102", "us-east-1", "s3")
			sts := "AWS4-HMAC-SHA256-TRAILER\n20300102T030405Z\n20300102/us-east-1/s3/aws4_request\n" +
				prev + "\n" + sum([]byte(trailer+"\n"))
			fmt.Fprintf(&b, "x-amz-trailer-signature:%s\r\n", hex.EncodeToString(hmacSHA(key, sts)))
		}
	}
	b.WriteString("\r\n")
	return r, []byte(b.String())
}

func TestChunks(t *testing.T) {
	chunks := []string{strings.Repeat("a", 8192), "hello, chunked world"}
	want := strings.Join(chunks, "")
	const crc = "x-amz-checksum-crc32:AAAAAA=="
	for _, c := range []struct{ mode, trailer string }{
		{StreamingPayload, ""},
		{StreamingPayloadTrailer, crc},
		{StreamingUnsignedTrailer, crc},
	} {
		t.Run(c.mode, func(t *testing.T) {
			r, body := chunkedRequest(t, c.mode, chunks, c.trailer)
			v := verifier(S3)
			sig, f := v.Check(r, nil)
			if f != nil {
				t.Fatal(f)
			}
			got, tr, f := v.VerifyChunks(sig, body)
			if f != nil || string(got) != want {
				t.Fatalf("got %q, %v", got, f)
			}
			if c.trailer != "" && tr.Get("X-Amz-Checksum-Crc32") != "AAAAAA==" {
				t.Fatalf("trailers %v", tr)
			}
			if c.mode == StreamingUnsignedTrailer {
				return
			}
			bad := []byte(strings.Replace(string(body), "hello", "HELLO", 1))
			if _, _, f := v.VerifyChunks(sig, bad); f == nil || f.Code != "SignatureDoesNotMatch" {
				t.Fatalf("tampered chunk: %+v", f)
			}
			if _, _, f := v.VerifyChunks(sig, body[:len(body)-40]); f == nil || f.Status >= 500 {
				t.Fatalf("truncated: %+v", f)
			}
		})
	}
}

func TestNotStreamingPassesThrough(t *testing.T) {
	got, _, f := verifier(S3).VerifyChunks(&Signature{PayloadHash: UnsignedPayload}, []byte("x"))
	if f != nil || string(got) != "x" {
		t.Fatalf("got %q %v", got, f)
	}
}
