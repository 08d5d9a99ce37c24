package stepfn_test

import (
	"context"
	"fmt"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sfn"

	"github.com/awsfake/awsfake"
	"github.com/awsfake/awsfake/clock"
)

// A workflow that waits a day passes with one Advance of the fake clock.
func Example() {
	clk := clock.NewFake(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
	cloud := awsfake.New(awsfake.WithClock(clk))
	defer cloud.Close()
	ctx := context.Background()
	client := sfn.NewFromConfig(cloud.AWSConfig())
	sm, err := client.CreateStateMachine(ctx, &sfn.CreateStateMachineInput{
		Name: aws.String("greeter"), RoleArn: aws.String("arn:aws:iam::000000000000:role/sfn"),
		Definition: aws.String(`{"StartAt":"Wait","States":{
			"Wait":{"Type":"Wait","Seconds":86400,"Next":"Greet"},
			"Greet":{"Type":"Pass","Parameters":{"greeting.$":"States.Format('Hello, {}!', $.name)"},"End":true}}}`)})
	if err != nil {
		panic(err)
	}
	ex, _ := client.StartExecution(ctx, &sfn.StartExecutionInput{StateMachineArn: sm.StateMachineArn, Input: aws.String(`{"name":"world"}`)})
	d, _ := client.DescribeExecution(ctx, &sfn.DescribeExecutionInput{ExecutionArn: ex.ExecutionArn})
	fmt.Println(d.Status)
	clk.Advance(24 * time.Hour)
	d, _ = client.DescribeExecution(ctx, &sfn.DescribeExecutionInput{ExecutionArn: ex.ExecutionArn})
	fmt.Println(d.Status, *d.Output, d.StopDate.Sub(*d.StartDate))
	// Output:
	// RUNNING
	// SUCCEEDED {"greeting":"Hello, world!"} 24h0m0s
}

// An activity worker takes the task an execution scheduled and answers it
// with SendTaskSuccess.
func Example_activityWorker() {
	cloud := awsfake.New(awsfake.WithClock(clock.NewFake(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))))
	defer cloud.Close()
	ctx := context.Background()
	client := sfn.NewFromConfig(cloud.AWSConfig())
	act, _ := client.CreateActivity(ctx, &sfn.CreateActivityInput{Name: aws.String("approve")})
	sm, err := client.CreateStateMachine(ctx, &sfn.CreateStateMachineInput{
		Name: aws.String("approval"), RoleArn: aws.String("arn:aws:iam::000000000000:role/sfn"),
		Definition: aws.String(`{"StartAt":"Approve","States":{"Approve":{"Type":"Task","Resource":"` + *act.ActivityArn + `","HeartbeatSeconds":60,"End":true}}}`)})
	if err != nil {
		panic(err)
	}
	ex, _ := client.StartExecution(ctx, &sfn.StartExecutionInput{StateMachineArn: sm.StateMachineArn, Input: aws.String(`{"order":7}`)})

	task, _ := client.GetActivityTask(ctx, &sfn.GetActivityTaskInput{ActivityArn: act.ActivityArn, WorkerName: aws.String("worker-1")})
	fmt.Println(*task.Input)
	_, _ = client.SendTaskSuccess(ctx, &sfn.SendTaskSuccessInput{TaskToken: task.TaskToken, Output: aws.String(`{"approved":true}`)})

	d, _ := client.DescribeExecution(ctx, &sfn.DescribeExecutionInput{ExecutionArn: ex.ExecutionArn})
	fmt.Println(d.Status, *d.Output)
	// Output:
	// {"order":7}
	// SUCCEEDED {"approved":true}
}
