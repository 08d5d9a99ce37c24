package stepfn_test

import (
	"context"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sfn"
	"github.com/aws/aws-sdk-go-v2/service/sfn/types"
	"github.com/stretchr/testify/require"
)

func (f *fixture) activity(t *testing.T, name string) string {
	t.Helper()
	out, err := f.client.CreateActivity(f.ctx, &sfn.CreateActivityInput{Name: aws.String(name)})
	require.NoError(t, err)
	return *out.ActivityArn
}

// activityMachine runs one activity task with the given extra fields.
func (f *fixture) activityMachine(t *testing.T, act string, extra obj) string {
	t.Helper()
	st := obj{"Type": "Task", "Resource": act, "End": true}
	for k, v := range extra {
		st[k] = v
	}
	return f.machine(t, "worker", obj{"StartAt": "ActivityTask", "States": obj{"ActivityTask": st}}, "")
}

// Create (idempotent on the name), Describe, List, tags, Delete (of one
// that is gone too) and AWS's errors.
func TestActivity_ControlPlane(t *testing.T) {
	f := newFixture(t)
	out, err := f.client.CreateActivity(f.ctx, &sfn.CreateActivityInput{Name: aws.String("work"), Tags: []types.Tag{{Key: aws.String("k"), Value: aws.String("v")}}})
	require.NoError(t, err)
	require.Equal(t, "arn:aws:states:us-east-1:000000000000:activity:work", *out.ActivityArn)
	again, err := f.client.CreateActivity(f.ctx, &sfn.CreateActivityInput{Name: aws.String("work"), Tags: []types.Tag{{Key: aws.String("k"), Value: aws.String("other")}}})
	require.NoError(t, err)
	require.Equal(t, *out.ActivityArn, *again.ActivityArn)
	tags, err := f.client.ListTagsForResource(f.ctx, &sfn.ListTagsForResourceInput{ResourceArn: out.ActivityArn})
	require.NoError(t, err)
	require.Equal(t, "v", *tags.Tags[0].Value) // the second create changed nothing

	d, err := f.client.DescribeActivity(f.ctx, &sfn.DescribeActivityInput{ActivityArn: out.ActivityArn})
	require.NoError(t, err)
	require.Equal(t, "work", *d.Name)
	require.Equal(t, t0, *d.CreationDate)
	f.activity(t, "alpha")
	list, err := f.client.ListActivities(f.ctx, &sfn.ListActivitiesInput{MaxResults: 1})
	require.NoError(t, err)
	require.Equal(t, "alpha", *list.Activities[0].Name)
	list, err = f.client.ListActivities(f.ctx, &sfn.ListActivitiesInput{NextToken: list.NextToken})
	require.NoError(t, err)
	require.Len(t, list.Activities, 1)
	require.Equal(t, "work", *list.Activities[0].Name)
	require.Nil(t, list.NextToken)

	_, err = f.client.CreateActivity(f.ctx, &sfn.CreateActivityInput{Name: aws.String("bad name")})
	requireCode(t, err, "InvalidName")
	_, err = f.client.DescribeActivity(f.ctx, &sfn.DescribeActivityInput{ActivityArn: aws.String("not-an-arn")})
	requireCode(t, err, "InvalidArn")
	_, err = f.client.DeleteActivity(f.ctx, &sfn.DeleteActivityInput{ActivityArn: out.ActivityArn})
	require.NoError(t, err)
	_, err = f.client.DescribeActivity(f.ctx, &sfn.DescribeActivityInput{ActivityArn: out.ActivityArn})
	requireCode(t, err, "ActivityDoesNotExist")
	_, err = f.client.DeleteActivity(f.ctx, &sfn.DeleteActivityInput{ActivityArn: out.ActivityArn})
	require.NoError(t, err)
	_, err = f.client.GetActivityTask(f.ctx, &sfn.GetActivityTaskInput{ActivityArn: out.ActivityArn})
	requireCode(t, err, "ActivityDoesNotExist")
}

// A worker takes the task and answers it: the history of
// test_activities.py::TestActivities::test_activity_task_with_heartbeat.
func TestActivity_Worker(t *testing.T) {
	f := newFixture(t)
	act := f.activity(t, "work")
	sm := f.activityMachine(t, act, obj{"TimeoutSeconds": 60, "HeartbeatSeconds": 10})
	ex := f.start(t, sm, `{"Value1":"HelloWorld"}`)
	task, err := f.client.GetActivityTask(f.ctx, &sfn.GetActivityTaskInput{ActivityArn: aws.String(act), WorkerName: aws.String("BASE_ID_ACTIVITY_CONSUMER")})
	require.NoError(t, err)
	require.JSONEq(t, `{"Value1":"HelloWorld"}`, *task.Input)
	f.advance(t, 9*time.Second)
	_, err = f.client.SendTaskHeartbeat(f.ctx, &sfn.SendTaskHeartbeatInput{TaskToken: task.TaskToken})
	require.NoError(t, err)
	f.advance(t, 9*time.Second)
	_, err = f.client.SendTaskSuccess(f.ctx, &sfn.SendTaskSuccessInput{TaskToken: task.TaskToken, Output: task.Input})
	require.NoError(t, err)
	f.settle(t)
	d := f.describe(t, ex)
	require.Equal(t, types.ExecutionStatusSucceeded, d.Status, "%v", d.Cause)
	require.JSONEq(t, `{"Value1":"HelloWorld"}`, *d.Output)
	h := f.history(t, ex)
	require.Equal(t, []shape{{1, 0, "ExecutionStarted"}, {2, 0, "TaskStateEntered"}, {3, 2, "ActivityScheduled"}, {4, 3, "ActivityStarted"},
		{5, 4, "ActivitySucceeded"}, {6, 5, "TaskStateExited"}, {7, 6, "ExecutionSucceeded"}}, shapes(h))
	s := h[2].ActivityScheduledEventDetails
	require.Equal(t, act, *s.Resource)
	require.Equal(t, int64(60), *s.TimeoutInSeconds)
	require.Equal(t, int64(10), *s.HeartbeatInSeconds)
	require.Equal(t, "BASE_ID_ACTIVITY_CONSUMER", *h[3].ActivityStartedEventDetails.WorkerName)
}

// SendTaskFailure on an activity: ActivityFailed, as
// test_activities.py::TestActivities::test_activity_task_failure.
func TestActivity_Failure(t *testing.T) {
	f := newFixture(t)
	act := f.activity(t, "work")
	ex := f.start(t, f.activityMachine(t, act, nil), `{"Value1":"HelloWorld"}`)
	task, err := f.client.GetActivityTask(f.ctx, &sfn.GetActivityTaskInput{ActivityArn: aws.String(act)})
	require.NoError(t, err)
	_, err = f.client.SendTaskFailure(f.ctx, &sfn.SendTaskFailureInput{TaskToken: task.TaskToken, Error: aws.String("Programmatic Error"), Cause: task.Input})
	require.NoError(t, err)
	f.settle(t)
	h := f.history(t, ex)
	require.Equal(t, []shape{{3, 2, "ActivityScheduled"}, {4, 3, "ActivityStarted"}, {5, 4, "ActivityFailed"}, {6, 5, "ExecutionFailed"}}, shapes(h[2:]))
	require.Nil(t, h[3].ActivityStartedEventDetails.WorkerName) // no worker name given
	require.Equal(t, "Programmatic Error", *h[4].ActivityFailedEventDetails.Error)
}

// GetActivityTask long-polls on the cloud's clock: empty after 60 s, and a
// task scheduled while a worker waits goes to it at once.
func TestActivity_LongPoll(t *testing.T) {
	f := newFixture(t)
	act := f.activity(t, "work")
	svc := f.cloud.StepFunctions()
	poll := func() chan *sfn.GetActivityTaskOutput {
		ch := make(chan *sfn.GetActivityTaskOutput, 1)
		go func() {
			out, err := f.client.GetActivityTask(context.Background(), &sfn.GetActivityTaskInput{ActivityArn: aws.String(act)})
			if err != nil {
				out = nil
			}
			ch <- out
		}()
		require.Eventually(t, func() bool { return svc.Polls(act) == 1 }, 5*time.Second, time.Millisecond)
		return ch
	}

	ch := poll()
	f.advance(t, pollWait-time.Millisecond)
	require.Equal(t, 1, svc.Polls(act))
	f.advance(t, time.Millisecond)
	out := <-ch
	require.NotNil(t, out)
	require.Nil(t, out.TaskToken)
	require.Equal(t, 0, svc.Polls(act))

	ch = poll()
	ex := f.start(t, f.activityMachine(t, act, nil), `{"n":1}`)
	out = <-ch
	require.NotNil(t, out)
	require.NotNil(t, out.TaskToken)
	require.Equal(t, `{"n":1}`, *out.Input)
	_, err := f.client.SendTaskSuccess(f.ctx, &sfn.SendTaskSuccessInput{TaskToken: out.TaskToken, Output: aws.String(`{"done":true}`)})
	require.NoError(t, err)
	f.settle(t)
	svc.CheckStatus(t, ex, "SUCCEEDED")
}

const pollWait = 60 * time.Second

// An activity task not answered within TimeoutSeconds times out:
// test_activities.py::TestActivities::test_activity_task_start_timeout.
func TestActivity_Timeout(t *testing.T) {
	f := newFixture(t)
	act := f.activity(t, "work")
	ex := f.start(t, f.activityMachine(t, act, obj{"TimeoutSeconds": 5}), `{}`)
	task, err := f.client.GetActivityTask(f.ctx, &sfn.GetActivityTaskInput{ActivityArn: aws.String(act), WorkerName: aws.String("w")})
	require.NoError(t, err)
	f.advance(t, 5*time.Second-time.Millisecond)
	require.Equal(t, types.ExecutionStatusRunning, f.describe(t, ex).Status)
	f.advance(t, time.Millisecond)
	h := f.history(t, ex)
	require.Equal(t, []shape{{3, 2, "ActivityScheduled"}, {4, 3, "ActivityStarted"}, {5, 4, "ActivityTimedOut"}, {6, 5, "ExecutionFailed"}}, shapes(h[2:]))
	require.Equal(t, "States.Timeout", *h[4].ActivityTimedOutEventDetails.Error)
	_, err = f.client.SendTaskSuccess(f.ctx, &sfn.SendTaskSuccessInput{TaskToken: task.TaskToken, Output: aws.String(`{}`)})
	requireCode(t, err, "TaskTimedOut")
}

// A task on an activity that does not exist fails the state with
// States.Runtime: test_activities.py::TestActivities::test_activity_task_on_deleted.
func TestActivity_Deleted(t *testing.T) {
	f := newFixture(t)
	act := f.activity(t, "work")
	sm := f.activityMachine(t, act, nil)
	_, err := f.client.DeleteActivity(f.ctx, &sfn.DeleteActivityInput{ActivityArn: aws.String(act)})
	require.NoError(t, err)
	ex := f.start(t, sm, `{}`)
	d := f.describe(t, ex)
	require.Equal(t, types.ExecutionStatusFailed, d.Status)
	require.Equal(t, "States.Runtime", *d.Error)
	require.Equal(t, "An error occurred while executing the state 'ActivityTask' (entered at the event id #2). The activity "+act+" does not exist.", *d.Cause)
	require.Equal(t, []shape{{1, 0, "ExecutionStarted"}, {2, 0, "TaskStateEntered"}, {3, 2, "ExecutionFailed"}}, shapes(f.history(t, ex)))
}

// HeartbeatSeconds counts from the worker's start: a worker silent for
// 10 s times out the task (States.Timeout).
func TestActivity_HeartbeatTimeout(t *testing.T) {
	f := newFixture(t)
	act := f.activity(t, "work")
	ex := f.start(t, f.activityMachine(t, act, obj{"HeartbeatSeconds": 10}), `{}`)
	f.advance(t, 30*time.Second) // not taken yet: no heartbeat counts
	require.Equal(t, types.ExecutionStatusRunning, f.describe(t, ex).Status)
	_, err := f.client.GetActivityTask(f.ctx, &sfn.GetActivityTaskInput{ActivityArn: aws.String(act)})
	require.NoError(t, err)
	f.advance(t, 10*time.Second-time.Millisecond)
	require.Equal(t, types.ExecutionStatusRunning, f.describe(t, ex).Status)
	f.advance(t, time.Millisecond)
	d := f.describe(t, ex)
	require.Equal(t, types.ExecutionStatusFailed, d.Status)
	require.Equal(t, "States.Timeout", *d.Error)
	require.Equal(t, "ActivityTimedOut", string(f.history(t, ex)[4].Type))
}

// Deleting the activity, like closing the cloud, ends a waiting poll
// empty.
func TestActivity_DeleteReleasesPoll(t *testing.T) {
	f := newFixture(t)
	act := f.activity(t, "work")
	done := make(chan *sfn.GetActivityTaskOutput, 1)
	go func() {
		out, _ := f.client.GetActivityTask(context.Background(), &sfn.GetActivityTaskInput{ActivityArn: aws.String(act)})
		done <- out
	}()
	require.Eventually(t, func() bool { return f.cloud.StepFunctions().Polls(act) == 1 }, 5*time.Second, time.Millisecond)
	_, err := f.client.DeleteActivity(f.ctx, &sfn.DeleteActivityInput{ActivityArn: aws.String(act)})
	require.NoError(t, err)
	out := <-done
	require.NotNil(t, out)
	require.Nil(t, out.TaskToken)
}
