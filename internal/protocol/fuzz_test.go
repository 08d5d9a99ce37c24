package protocol_test

import (
	"bytes"
	"net/http"
	"net/http/httptest"
	"net/url"
	"testing"
	"time"

	"github.com/awsfake/awsfake/internal/awserr"
	"github.com/awsfake/awsfake/internal/protocol"
)

// The decoders face whatever a client sends: no input may panic, and every
// failure must be an *awserr.Error with a 4xx status.

func requireClientError(t *testing.T, err error) {
	t.Helper()
	if err == nil {
		return
	}
	e, ok := err.(*awserr.Error)
	if !ok || e.Status < 400 || e.Status >= 500 {
		t.Fatalf("want a 4xx *awserr.Error, got %T %v", err, err)
	}
}

// fuzzInput has a member of every shape the bindings decode.
type fuzzInput struct {
	S    string
	P    *string
	I    int32
	IP   *int64
	B    bool
	F    float64
	T    time.Time
	Blob []byte
	L    []string
	M    map[string]string
	N    struct{ X []map[string]int }
	Any  any
}

func FuzzUnmarshalJSON(f *testing.F) {
	for _, s := range []string{``, `{}`, `{"S":"x","I":1,"L":["a"],"M":{"k":"v"}}`, `{"I":"x"}`, `{"I":1e100}`,
		`[`, `null`, `{"Blob":"!!"}`, `{"T":"2020-01-01T00:00:00Z"}`, `{"N":{"X":[{"a":1}]}}`, "\xff"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		var in fuzzInput
		requireClientError(t, protocol.UnmarshalJSON(b, &in))
	})
}

func FuzzUnmarshalCBOR(f *testing.F) {
	for _, s := range [][]byte{nil, {0xa0}, {0xbf, 0xff}, {0xbf, 0x61, 'S', 0x61, 'x', 0xff}, {0x9f, 0xff},
		{0xc1, 0x1a, 0, 0, 0, 1}, {0x5b, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff}, {0xff}} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		var in fuzzInput
		requireClientError(t, protocol.UnmarshalCBOR(b, &in))
		var m map[string]any
		requireClientError(t, protocol.UnmarshalCBOR(b, &m))
	})
}

func FuzzParseForm(f *testing.F) {
	for _, s := range [][2]string{
		{"", "Action=SendMessage&Version=2012-11-05&QueueUrl=u"},
		{"Action=GetCallerIdentity", ""},
		{"", "Tags.member.1.Key=k&Tags.member.1.Value=v&Tags.member.99999999999999999999.Key=x"},
		{"", "Attribute.1.Name=a&Attribute.1.Value=b&AttributeName.-3=x&AttributeName..=y"},
		{"%zz", "a=%"},
		{"", "Attributes.entry.1.key=a&Attributes.entry.1=b&Attributes.entry.1.key.x=c"},
	} {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, query, body string) {
		r := httptest.NewRequest("POST", "/", bytes.NewReader([]byte(body)))
		r.URL.RawQuery = query
		r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		v, err := protocol.ParseForm(r, 1<<16)
		requireClientError(t, err)
		if err != nil {
			return
		}
		for _, p := range []string{"Tags.member", "Attribute", "AttributeName", "Attributes.entry", ""} {
			_ = protocol.Indexes(v, p)
			_ = protocol.List(v, p)
			_ = protocol.Map(v, p, "key", "value")
			_ = protocol.Map(v, p, "Name", "Value")
		}
	})
}

func FuzzDecodeXML(f *testing.F) {
	for _, s := range []string{"", "<HostedZone><Name>x</Name></HostedZone>", "<a>", "<!DOCTYPE x [<!ENTITY a 'b'>]><a>&a;</a>",
		"<a xmlns:x='y'><x:b/></a>", "<?xml version='1.0' encoding='ISO-8859-1'?><a/>"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		var v struct {
			Name  string
			Items []string `xml:"Items>member"`
			Attr  string   `xml:"attr,attr"`
			N     int
		}
		requireClientError(t, protocol.DecodeXML(httptest.NewRequest("PUT", "/", bytes.NewReader(b)), 1<<16, &v))
	})
}

func FuzzSegments(f *testing.F) {
	for _, s := range []string{"/", "/tags/arn%3Aaws%3A%2F", "//a//b/", "/%", "/%zz/x", "/a%2F%2F/b", "/\x00"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, p string) {
		u, err := url.Parse("http://h" + p)
		if err != nil {
			u = &url.URL{Path: p}
		}
		_ = protocol.Segments(&http.Request{URL: u})
	})
}

func FuzzReadBody(f *testing.F) {
	f.Add([]byte("plain"), false)
	f.Add(gzipped(f, []byte("Action=Publish")), true)
	f.Add(gzipped(f, bytes.Repeat([]byte{0}, 4096)), true)
	f.Add(append(gzipped(f, []byte("a")), gzipped(f, []byte("b"))...), true)
	f.Add([]byte{0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff}, true)
	f.Fuzz(func(t *testing.T, b []byte, gz bool) {
		const limit = 1024
		r := bodyRequest(bytes.NewReader(b), gz)
		got, err := protocol.ReadBody(r, limit)
		requireClientError(t, err)
		if len(got) > limit {
			t.Fatalf("read %d bytes over a limit of %d", len(got), limit)
		}
		r = bodyRequest(bytes.NewReader(b), gz)
		peeked, err := protocol.PeekBody(r, limit)
		requireClientError(t, err)
		again, err2 := protocol.ReadBody(r, limit)
		if err == nil && (err2 != nil || !bytes.Equal(peeked, again)) {
			t.Fatalf("peeked %q, then read %q, %v", peeked, again, err2)
		}
	})
}
