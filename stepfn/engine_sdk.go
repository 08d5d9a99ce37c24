package stepfn

import (
	"crypto/md5"
	"encoding/hex"
	"errors"
	"strings"

	"github.com/awsfake/awsfake/internal/awserr"
)

// sdkServices are the services of the cloud the aws-sdk: integrations
// reach, by the service name of the Resource, with the name AWS prefixes
// their errors with (the SDK's client name: Sfn.InvalidTokenException,
// S3.NoSuchKeyException, as recorded).
var sdkServices = map[string]string{"sqs": "Sqs", "sns": "Sns", "sfn": "Sfn"}

// sdkOps are the aws-sdk: operations modelled, as service:operation.
var sdkOps = map[string]bool{
	"sqs:sendMessage": true, "sns:publish": true,
	"sfn:startExecution": true, "sfn:sendTaskSuccess": true, "sfn:sendTaskFailure": true, "sfn:sendTaskHeartbeat": true,
}

// sdkIntegration reads the rest of an aws-sdk: Resource
// (aws-sdk:sqs:sendMessage): false for an operation not modelled.
func sdkIntegration(rest string) (integration, bool) {
	svc, op, _ := strings.Cut(rest, ":")
	ig := integration{resourceType: "aws-sdk:" + svc, resource: op, service: sdkServices[svc], sdk: true, op: svc + ":" + op}
	return ig, sdkOps[ig.op]
}

// sdkFailure names an aws-sdk: call's error as AWS does:
// <Service>.<Code>Exception, and the cause with the SDK's suffix.
func sdkFailure(service string, err error, requestID string) *failure {
	var ae *awserr.Error
	if !errors.As(err, &ae) {
		return serviceFailure(service, err)
	}
	code := ae.Code
	if i := strings.LastIndexByte(code, '.'); i >= 0 { // AWS.SimpleQueueService.NonExistentQueue
		code = code[i+1:]
	}
	if !strings.HasSuffix(code, "Exception") {
		code += "Exception"
	}
	return &failure{Error: service + "." + code, Cause: ae.Message + " (Service: " + service + ", Status Code: " +
		itoa(ae.Status) + ", Request ID: " + requestID + ") (SDK Attempt Count: 1)"}
}

// sdkRead is how an aws-sdk: answer reads: the operation's own response,
// without the optimised integrations' SdkHttpMetadata.
func sdkRead(ig integration, body string) func(b []byte, id string) any {
	if ig.op == "sqs:sendMessage" {
		return func(b []byte, _ string) any {
			sum := md5.Sum([]byte(body))
			return map[string]any{"MessageId": string(b), "MD5OfMessageBody": hex.EncodeToString(sum[:])}
		}
	}
	return func(b []byte, _ string) any { return map[string]any{"MessageId": string(b)} }
}

// sdkSfn runs an aws-sdk:sfn: operation on the service itself, under
// the lock.
func (th *thread) sdkSfn(ig integration, eff any, answer func(any, *failure)) {
	s := th.ex.svc
	params, _ := eff.(map[string]any)
	id := s.env.IDs.UUID()
	failed := func(err error) { answer(nil, sdkFailure(ig.service, err, id)) }
	if ig.resource == "startExecution" {
		in := StartExecutionInput{StateMachineArn: str(params["StateMachineArn"]), Name: str(params["Name"])}
		if v, ok := params["Input"]; ok && v != nil {
			text, isStr := v.(string)
			if !isStr {
				text = encodeJSON(v)
			}
			in.Input = &text
		}
		child, err := s.startLocked(splitScope(in.StateMachineArn, th.ex), in, false)
		if err != nil {
			failed(err)
			return
		}
		answer(map[string]any{"ExecutionArn": child.arn, "StartDate": isoTime(child.start)}, nil)
		return
	}
	w, err := s.waiterFor(str(params["TaskToken"]))
	if err != nil {
		failed(err)
		return
	}
	switch ig.resource {
	case "sendTaskSuccess":
		text, isStr := params["Output"].(string)
		if !isStr {
			text = encodeJSON(params["Output"])
		}
		out, jerr := decodeJSON(text)
		if jerr != nil {
			failed(newError("InvalidOutput", "Invalid Output: '%s'", text))
			return
		}
		s.complete(w, func() { w.succeed(out) })
	case "sendTaskFailure":
		f := &failure{Error: str(params["Error"]), Cause: str(params["Cause"])}
		s.complete(w, func() { w.failWith(f) })
	case "sendTaskHeartbeat":
		w.beat()
	}
	answer(map[string]any{}, nil)
}
