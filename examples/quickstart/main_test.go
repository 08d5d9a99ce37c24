package main

import (
	"context"
	"os"
)

func Example() {
	if err := run(context.Background(), os.Stdout); err != nil {
		panic(err)
	}
	// Output:
	// 00:00:00  created http://awsfake.localhost/123456789012/jobs
	// 00:00:00  sent "hello" with a 10s delay
	// 00:00:00  received nothing
	// 00:00:10  received "hello", receive count 1
	// 00:00:10  received nothing
	// 00:00:40  received "hello", receive count 2
	// 00:00:40  caller arn:aws:iam::123456789012:root
	// 00:00:40  assumed arn:aws:sts::123456789012:assumed-role/deployer/quickstart until 00:15:40
	// 00:15:39  as the role: caller arn:aws:sts::123456789012:assumed-role/deployer/quickstart
	// 00:15:40  as the role: ExpiredToken: The security token included in the request is expired
}
