package clock_test

import (
	"fmt"
	"time"

	"github.com/awsfake/awsfake/clock"
)

func ExampleNewFake() {
	c := clock.NewFake(time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC))
	fmt.Println(c.Now())
	c.Advance(90 * time.Second)
	fmt.Println(c.Now())
	// Output:
	// 2030-01-01 00:00:00 +0000 UTC
	// 2030-01-01 00:01:30 +0000 UTC
}

func ExampleFake_Advance() {
	start := time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)
	c := clock.NewFake(start)
	for _, s := range []int{30, 10, 20} {
		c.AfterFuncAt(start.Add(time.Duration(s)*time.Second), func() {
			fmt.Println("fired at", c.Now().Format(time.TimeOnly))
		})
	}
	c.Advance(time.Minute) // timers fire in order, the clock set to each one's instant
	fmt.Println("now", c.Now().Format(time.TimeOnly))
	// Output:
	// fired at 00:00:10
	// fired at 00:00:20
	// fired at 00:00:30
	// now 00:01:00
}

func ExampleFake_TimerAt() {
	start := time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)
	c := clock.NewFake(start)
	t := c.TimerAt(start.Add(20 * time.Second)) // a long poll's deadline
	c.Advance(20 * time.Second)
	fmt.Println((<-t.C()).Sub(start))
	// Output: 20s
}

func ExampleFake_AfterFuncAt() {
	start := time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)
	c := clock.NewFake(start)
	c.AfterFuncAt(start.Add(time.Hour), func() { fmt.Println("alarm at", c.Now().Format(time.Kitchen)) })
	c.Advance(59 * time.Minute)
	fmt.Println("not yet")
	c.Advance(time.Minute)
	// Output:
	// not yet
	// alarm at 1:00AM
}
