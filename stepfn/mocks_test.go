package stepfn_test

import (
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sfn"
	"github.com/aws/aws-sdk-go-v2/service/sfn/types"
	"github.com/stretchr/testify/require"
)

// mockFile is the mock configuration of AWS's Step Functions Local guide
// (LambdaSQSIntegration), unchanged.
const mockFile = `{
  "StateMachines":{
    "LambdaSQSIntegration":{
      "TestCases":{
        "HappyPath":{
          "LambdaState":"MockedLambdaSuccess",
          "SQSState":"MockedSQSSuccess"
        },
        "RetryPath":{
          "LambdaState":"MockedLambdaRetry",
          "SQSState":"MockedSQSSuccess"
        },
        "HybridPath":{
          "LambdaState":"MockedLambdaSuccess"
        }
      }
    }
  },
  "MockedResponses":{
    "MockedLambdaSuccess":{
      "0":{
        "Return":{
          "StatusCode":200,
          "Payload":{
            "StatusCode":200,
            "body":"Hello from Lambda!"
          }
        }
      }
    },
    "LambdaMockedResourceNotReady":{
      "0":{
        "Throw":{
          "Error":"Lambda.ResourceNotReadyException",
          "Cause":"Lambda resource is not ready."
        }
      }
    },
    "MockedSQSSuccess":{
      "0":{
        "Return":{
          "MD5OfMessageBody":"3bcb6e8e-7h85-4375-b0bc-1a59812c6e51",
          "MessageId":"3bcb6e8e-8b51-4375-b0bc-1a59812c6e51"
        }
      }
    },
    "MockedLambdaRetry":{
      "0":{
        "Throw":{
          "Error":"Lambda.ResourceNotReadyException",
          "Cause":"Lambda resource is not ready."
        }
      },
      "1-2":{
        "Throw":{
          "Error":"Lambda.TimeoutException",
          "Cause":"Lambda timed out."
        }
      },
      "3":{
        "Return":{
          "StatusCode":200,
          "Payload":{
            "StatusCode":200,
            "body":"Hello from Lambda!"
          }
        }
      }
    }
  }
}`

func (f *fixture) mockedMachine(t *testing.T) string {
	t.Helper()
	require.NoError(t, f.cloud.StepFunctions().LoadMocks([]byte(mockFile)))
	return f.machine(t, "LambdaSQSIntegration", obj{"StartAt": "LambdaState", "States": obj{
		"LambdaState": obj{"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
			"Parameters": obj{"Payload.$": "$", "FunctionName": "HelloWorldFunction"},
			"Retry":      []any{obj{"ErrorEquals": []any{"States.ALL"}, "IntervalSeconds": 2, "MaxAttempts": 3, "BackoffRate": 2}}, "Next": "SQSState"},
		"SQSState": obj{"Type": "Task", "Resource": "arn:aws:states:::sqs:sendMessage",
			"Parameters": obj{"QueueUrl": "https://sqs.us-east-1.amazonaws.com/000000000000/myQueue", "MessageBody.$": "$"}, "End": true}}}, "")
}

func (f *fixture) startCase(t *testing.T, sm, tc string) string {
	t.Helper()
	out, err := f.client.StartExecution(f.ctx, &sfn.StartExecutionInput{StateMachineArn: aws.String(sm + "#" + tc), Input: aws.String(`{}`)})
	require.NoError(t, err)
	f.settle(t)
	return *out.ExecutionArn
}

// The HappyPath test case: both tasks answer their mocks, nothing is
// called (neither the function nor the queue exists).
func TestMocks_HappyPath(t *testing.T) {
	f := newFixture(t)
	sm := f.mockedMachine(t)
	ex := f.startCase(t, sm, "HappyPath")
	require.True(t, strings.HasPrefix(ex, "arn:aws:states:us-east-1:000000000000:execution:LambdaSQSIntegration:"), ex)
	d := f.describe(t, ex)
	require.Equal(t, types.ExecutionStatusSucceeded, d.Status, "%v", d.Cause)
	require.JSONEq(t, `{"MD5OfMessageBody":"3bcb6e8e-7h85-4375-b0bc-1a59812c6e51","MessageId":"3bcb6e8e-8b51-4375-b0bc-1a59812c6e51"}`, *d.Output)
	require.Equal(t, sm, *d.StateMachineArn)
}

// The RetryPath test case: calls 0, 1 and 2 throw, call 3 returns; the
// retries wait on the clock (2, 4 and 8 s).
func TestMocks_RetryPath(t *testing.T) {
	f := newFixture(t)
	sm := f.mockedMachine(t)
	ex := f.startCase(t, sm, "RetryPath")
	f.advance(t, 2*time.Second)
	f.advance(t, 4*time.Second)
	f.advance(t, 8*time.Second-time.Millisecond)
	require.Equal(t, types.ExecutionStatusRunning, f.describe(t, ex).Status)
	f.advance(t, time.Millisecond)
	d := f.describe(t, ex)
	require.Equal(t, types.ExecutionStatusSucceeded, d.Status, "%v", d.Cause)
	var fails []string
	for _, e := range f.history(t, ex) {
		if e.TaskFailedEventDetails != nil {
			fails = append(fails, *e.TaskFailedEventDetails.Error)
		}
	}
	require.Equal(t, []string{"Lambda.ResourceNotReadyException", "Lambda.TimeoutException", "Lambda.TimeoutException"}, fails)
}

// HybridPath mocks the Lambda task only: the SQS task is called for real
// (and fails here, the queue does not exist). Without a test case the
// machine runs unmocked; an unknown test case is refused.
func TestMocks_HybridAndSelection(t *testing.T) {
	f := newFixture(t)
	sm := f.mockedMachine(t)
	d := f.describe(t, f.startCase(t, sm, "HybridPath"))
	require.Equal(t, types.ExecutionStatusFailed, d.Status)
	require.Equal(t, "SQS.QueueDoesNotExistException", *d.Error)

	_, err := f.client.StartExecution(f.ctx, &sfn.StartExecutionInput{StateMachineArn: aws.String(sm + "#NoSuchCase")})
	requireCode(t, err, "ValidationException")

	ex := f.start(t, sm, `{}`)
	h := f.history(t, ex)
	require.Equal(t, "TaskFailed", string(h[4].Type), "%v", shapes(h)) // no function: called for real
	require.Equal(t, "Lambda.ResourceNotFoundException", *h[4].TaskFailedEventDetails.Error)
}

// A configuration that does not hold together is refused.
func TestMocks_BadConfig(t *testing.T) {
	f := newFixture(t)
	svc := f.cloud.StepFunctions()
	require.Error(t, svc.LoadMocks([]byte(`{`)))
	require.Error(t, svc.LoadMocks([]byte(`{"StateMachines":{"m":{"TestCases":{"c":{"S":"missing"}}}}}`)))
	require.Error(t, svc.LoadMocks([]byte(`{"MockedResponses":{"r":{"x":{"Return":1}}}}`)))
	require.Error(t, svc.LoadMocks([]byte(`{"MockedResponses":{"r":{"0":{}}}}`)))
	require.Error(t, svc.LoadMocks([]byte(`{"MockedResponses":{"r":{"0":{"Return":1,"Throw":{"Error":"e"}}}}}`)))
	require.NoError(t, svc.LoadMocks([]byte(`{"MockedResponses":{"r":{"0":{"Return":1}}}}`)))
}
