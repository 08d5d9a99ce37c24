package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	// After the first signal starts the graceful shutdown, a second one kills
	// the process at once.
	context.AfterFunc(ctx, stop)
	err := run(ctx, os.Args[1:], os.Stdout, os.Stderr, nil)
	stop()
	var usage usageError
	switch {
	case err == nil:
	case errors.As(err, &usage):
		if usage.help {
			os.Exit(0)
		}
		os.Exit(2)
	default:
		fmt.Fprintln(os.Stderr, "awsfake:", err)
		os.Exit(1)
	}
}
