package main

import (
	"context"
	"encoding/json"
	"fmt"
	"sync/atomic"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/lambda"
	ltypes "github.com/aws/aws-sdk-go-v2/service/lambda/types"
)

// asyncFailure: an event invoke of a function that fails is retried a
// minute later, then its record goes to the OnFailure destination.
func (a *app) asyncFailure(ctx context.Context) error {
	a.printf("# async invoke with an OnFailure destination")
	url, arn, err := a.queue(ctx, "charge-failures", nil)
	if err != nil {
		return err
	}
	var attempts atomic.Int32 // the handler runs on Lambda's side: count, print from here
	if err := a.cloud.Lambda().RegisterHandler("charge", func(ctx context.Context, order map[string]any) error {
		attempts.Add(1)
		return fmt.Errorf("card declined for order %v", order["id"])
	}); err != nil {
		return err
	}
	fn := lambda.NewFromConfig(a.cloud.AWSConfig())
	if _, err := fn.CreateFunction(ctx, &lambda.CreateFunctionInput{FunctionName: aws.String("charge"),
		Handler: aws.String("charge"), Runtime: ltypes.RuntimeProvidedal2023, Role: aws.String(role),
		Code: &ltypes.FunctionCode{ZipFile: []byte("bootstrap")}}); err != nil {
		return err
	}
	if _, err := fn.PutFunctionEventInvokeConfig(ctx, &lambda.PutFunctionEventInvokeConfigInput{
		FunctionName: aws.String("charge"), MaximumRetryAttempts: aws.Int32(1),
		DestinationConfig: &ltypes.DestinationConfig{OnFailure: &ltypes.OnFailure{Destination: aws.String(arn)}},
	}); err != nil {
		return err
	}
	out, err := fn.Invoke(ctx, &lambda.InvokeInput{FunctionName: aws.String("charge"),
		InvocationType: ltypes.InvocationTypeEvent, Payload: []byte(`{"id":42}`)})
	if err != nil {
		return err
	}
	a.printf("Invoke (Event) answered %d", out.StatusCode)
	if err := a.cloud.Settle(ctx); err != nil {
		return err
	}
	a.printf("handler attempts: %d", attempts.Load())
	a.clk.Advance(time.Minute) // Lambda retries a failed event a minute later
	if err := a.cloud.Settle(ctx); err != nil {
		return err
	}
	a.printf("handler attempts: %d", attempts.Load())
	records, err := a.drain(ctx, url)
	if err != nil {
		return err
	}
	for _, body := range records {
		var rec struct {
			RequestContext struct {
				Condition              string
				ApproximateInvokeCount int
			}
			ResponsePayload struct{ ErrorMessage string }
		}
		if err := json.Unmarshal([]byte(body), &rec); err != nil {
			return err
		}
		a.printf("destination record: %s after %d attempts: %q", rec.RequestContext.Condition,
			rec.RequestContext.ApproximateInvokeCount, rec.ResponsePayload.ErrorMessage)
	}
	return nil
}
