package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"time"

	"github.com/awsfake/awsfake"
)

// shutdownGrace is how long a shutdown waits for in-flight requests before it
// closes their connections.
const shutdownGrace = 10 * time.Second

// run serves a cloud as the command line args say until ctx ends, then shuts
// down gracefully. It calls ready, when not nil, with the address it listens
// on once requests can be sent.
func run(ctx context.Context, args []string, stdout, stderr io.Writer, ready func(addr string)) error {
	o, err := parseFlags(args, stderr)
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", o.addr)
	if err != nil {
		return err
	}
	addr := ln.Addr().String()
	url := o.url
	if url == "" {
		url = "http://" + addr
	}
	logger := log.New(stderr, "", log.LstdFlags)
	opts, clk := o.cloudOptions(url)
	if o.verbose {
		opts = append(opts, awsfake.WithRequestLog(logLine(logger)))
	}
	srv := newServer(opts, clk)
	defer srv.close()
	closeSide, err := startSideListeners(o, srv, stdout, stderr)
	if err != nil {
		_ = ln.Close()
		return err
	}
	defer closeSide()

	var h http.Handler = srv
	if o.verbose {
		h = logControl(h, logger)
	}
	// Requests see a context that ends when the server shuts down, so long
	// polls answer at once instead of holding the shutdown up.
	base, cancelBase := context.WithCancel(context.Background())
	defer cancelBase()
	hs := &http.Server{
		Handler:           h,
		ReadHeaderTimeout: time.Minute,
		BaseContext:       func(net.Listener) context.Context { return base },
		ErrorLog:          log.New(stderr, "awsfake: ", 0),
	}
	hs.RegisterOnShutdown(cancelBase)

	clockName := "real"
	if srv.fake != nil {
		clockName = "fake, at " + srv.fake.Now().Format(time.RFC3339Nano)
	}
	fmt.Fprintf(stdout, "awsfake: serving %s (region %s, account %s, clock %s)\n", url, o.region, o.account, clockName)
	if ready != nil {
		ready(addr)
	}
	served := make(chan error, 1)
	go func() { served <- hs.Serve(ln) }()
	select {
	case err := <-served:
		return err
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.Background(), shutdownGrace)
	defer cancel()
	if err := hs.Shutdown(sctx); err != nil {
		fmt.Fprintf(stderr, "awsfake: shutdown: %v; closing the remaining connections\n", err)
		_ = hs.Close()
	}
	if err := <-served; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	fmt.Fprintln(stdout, "awsfake: shut down")
	return nil
}

// startSideListeners starts the X-Ray daemon and the DNS server the flags
// ask for, and returns what closes them.
func startSideListeners(o options, srv *server, stdout, stderr io.Writer) (func(), error) {
	var closers []func()
	closeAll := func() {
		for _, c := range closers {
			c()
		}
	}
	if o.xrayDaemon != "" {
		d, err := startXRayDaemon(o.xrayDaemon, srv, stdout)
		switch {
		case err != nil && o.xrayDefault:
			// The default address taken (another awsfake, a real daemon):
			// the server runs without its daemon, and says so.
			fmt.Fprintf(stderr, "awsfake: no X-Ray daemon: %v (-xray-daemon chooses another address)\n", err)
		case err != nil:
			return nil, err
		default:
			closers = append(closers, d.close)
		}
	}
	if o.dnsAddr != "" {
		d, err := startDNS(o.dnsAddr, srv, stdout)
		if err != nil {
			closeAll()
			return nil, err
		}
		closers = append(closers, func() { _ = d.Close() })
	}
	return closeAll, nil
}
