package lambda_test

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	sdk "github.com/aws/aws-sdk-go-v2/service/lambda"
	"github.com/aws/aws-sdk-go-v2/service/lambda/types"

	"github.com/awsfake/awsfake"
	"github.com/awsfake/awsfake/clock"
)

// FuzzInvokeHeaders sends Invoke requests with arbitrary
// X-Amz-Invocation-Type, X-Amz-Log-Type and X-Amz-Client-Context headers,
// qualifier and payload, to a function whose handler echoes the payload or,
// for a payload starting with "!", fails. No answer may be a 5xx.
func FuzzInvokeHeaders(f *testing.F) {
	f.Add("RequestResponse", "Tail", "eyJjdXN0b20iOnsiYSI6ImIifX0=", "", `{"a":1}`)
	f.Add("Event", "None", "", "", `{}`)
	f.Add("DryRun", "", "", "$LATEST", `{}`)
	f.Add("", "", "not base64!", "1", `"x"`)
	f.Add("requestresponse", "tail", "e30=", "", `!boom`)
	f.Add("Event", "Tail", "bnVsbA==", "alias", `{`)
	f.Add("RequestResponse", "Tail", "W10=", "99", ``)
	f.Add("x", "y", "////", "%zz", "\xff")
	clk := clock.NewFake(t0)
	cloud := awsfake.New(awsfake.WithClock(clk), awsfake.WithSeed(1))
	f.Cleanup(func() { _ = cloud.Close() })
	if err := cloud.Lambda().RegisterHandler("echo", func(_ context.Context, in json.RawMessage) (json.RawMessage, error) {
		if strings.HasPrefix(string(in), `"!`) {
			return nil, errors.New("boom")
		}
		return in, nil
	}); err != nil {
		f.Fatal(err)
	}
	client := sdk.NewFromConfig(cloud.AWSConfig(), func(o *sdk.Options) { o.RetryMaxAttempts = 1 })
	if _, err := client.CreateFunction(context.Background(), &sdk.CreateFunctionInput{
		FunctionName: aws.String("f"), Role: aws.String(role), Runtime: types.RuntimeProvidedal2023, Publish: true,
		Handler: aws.String("echo"), Code: &types.FunctionCode{ZipFile: []byte("zip")},
	}); err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, invocationType, logType, clientContext, qualifier, payload string) {
		if strings.HasPrefix(payload, "!") {
			payload = `"` + payload + `"`
		}
		req := httptest.NewRequest(http.MethodPost, "http://awsfake.localhost/2015-03-31/functions/f/invocations", strings.NewReader(payload))
		if qualifier != "" {
			req.URL.RawQuery = "Qualifier=" + qualifier
		}
		for k, v := range map[string]string{"X-Amz-Invocation-Type": invocationType, "X-Amz-Log-Type": logType, "X-Amz-Client-Context": clientContext} {
			if v != "" {
				req.Header.Set(k, v)
			}
		}
		rec := httptest.NewRecorder()
		cloud.Lambda().ServeHTTP(rec, req)
		if rec.Code >= 500 {
			t.Fatalf("%q %q %q %q %q: status %d: %s", invocationType, logType, clientContext, qualifier, payload, rec.Code, rec.Body)
		}
	})
}
