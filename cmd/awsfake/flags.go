package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"regexp"
	"strconv"
	"time"

	"github.com/awsfake/awsfake"
	"github.com/awsfake/awsfake/clock"
)

// defaultStart is where a fake clock starts unless -start says otherwise.
const defaultStart = "2030-01-01T00:00:00Z"

// options are the parsed command line.
type options struct {
	addr        string    // -addr
	allowRemote bool      // -allow-remote
	url         string    // -url; "" means http://<listening address>
	fakeClock   bool      // -clock fake
	start       time.Time // -start
	region      string    // -region
	account     string    // -account
	seed        *uint64   // -seed, nil when not given
	verbose     bool      // -v
	verify      bool      // -verify-sigv4
	enforce     bool      // -enforce-iam
	origins     []string  // -allow-origin, repeatable
	hosts       []string  // -allow-host, repeatable
	xrayDaemon  string    // -xray-daemon; "" for none
	xrayDefault bool      // -xray-daemon not given: the default address, skipped when taken
	dnsAddr     string    // -dns-addr; "" for none
}

// accountID is the form of an AWS account id: 12 digits.
var accountID = regexp.MustCompile(`^[0-9]{12}$`)

// usageError is a command line that cannot be run. It has been reported on
// stderr already; help is set when -h asked for the usage.
type usageError struct {
	err  error
	help bool
}

func (e usageError) Error() string { return e.err.Error() }
func (e usageError) Unwrap() error { return e.err }

// parseFlags parses args, reporting a bad command line on stderr.
func parseFlags(args []string, stderr io.Writer) (options, error) {
	var o options
	var clockName, start string
	fs := flag.NewFlagSet("awsfake", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&o.addr, "addr", "127.0.0.1:4566", "`host:port` to listen on; port 0 picks a free port")
	fs.BoolVar(&o.allowRemote, "allow-remote", false, "allow listening on a non-loopback address")
	fs.BoolVar(&o.verify, "verify-sigv4", false, "verify every request's SigV4 signature against the credentials the cloud knows (test keys, STS keys)")
	fs.BoolVar(&o.enforce, "enforce-iam", false, "authorise every request by IAM policies, as AWS does (the test keys are the account's root user)")
	fs.Func("allow-origin", "let web pages of `origin` (scheme://host[:port], or *) drive the fake; repeatable", func(v string) error {
		o.origins = append(o.origins, v)
		return nil
	})
	fs.Func("allow-host", "accept requests naming `host` (.domain for the names under it) besides loopback names and the -url host; repeatable", func(v string) error {
		o.hosts = append(o.hosts, v)
		return nil
	})
	fs.StringVar(&o.url, "url", "", "endpoint `URL` the cloud reports, e.g. in queue URLs (default http://<addr>)")
	fs.StringVar(&clockName, "clock", "real", "the cloud's clock: real or fake (moved by POST /_awsfake/clock)")
	fs.StringVar(&start, "start", defaultStart, "RFC 3339 `time` the fake clock starts at")
	fs.StringVar(&o.region, "region", "us-east-1", "the cloud's region")
	fs.StringVar(&o.account, "account", "000000000000", "the cloud's account id")
	fs.Func("seed", "seed generated ids with `n` (deterministic responses)", func(s string) error {
		n, err := strconv.ParseUint(s, 10, 64)
		if err != nil {
			return errors.New("want an unsigned integer")
		}
		o.seed = &n
		return nil
	})
	fs.BoolVar(&o.verbose, "v", false, "log one line per request to stderr")
	fs.StringVar(&o.xrayDaemon, "xray-daemon", defaultXRayDaemon, "serve the X-Ray daemon's UDP protocol on `host:port` (\"\" for none)")
	fs.StringVar(&o.dnsAddr, "dns-addr", "", "serve Route 53's name servers (DNS over UDP and TCP) on `host:port`; port 0 picks a free one (default none)")
	if err := fs.Parse(args); err != nil {
		return options{}, usageError{err: err, help: errors.Is(err, flag.ErrHelp)}
	}
	fail := func(format string, a ...any) (options, error) {
		err := fmt.Errorf(format, a...)
		fmt.Fprintf(stderr, "awsfake: %v (awsfake -h lists the flags)\n", err)
		return options{}, usageError{err: err}
	}
	if fs.NArg() > 0 {
		return fail("unexpected argument %q", fs.Arg(0))
	}
	startSet, xraySet := false, false
	fs.Visit(func(f *flag.Flag) {
		startSet = startSet || f.Name == "start"
		xraySet = xraySet || f.Name == "xray-daemon"
	})
	o.xrayDefault = !xraySet
	switch clockName {
	case "real":
		if startSet {
			return fail("-start needs -clock fake")
		}
	case "fake":
		o.fakeClock = true
	default:
		return fail("-clock must be real or fake, not %q", clockName)
	}
	t, err := time.Parse(time.RFC3339Nano, start)
	if err != nil {
		return fail("-start: want an RFC 3339 time such as %s: %v", defaultStart, err)
	}
	o.start = t
	if !accountID.MatchString(o.account) {
		return fail("-account must be a 12-digit AWS account id, not %q", o.account)
	}
	if o.region == "" {
		return fail("-region must not be empty")
	}
	if err := o.checkAddrs(); err != nil {
		return fail("%v", err)
	}
	return o, nil
}

// checkAddrs checks each address the server listens on: loopback unless
// -allow-remote.
func (o options) checkAddrs() error {
	if err := checkAddr(o.addr, o.allowRemote); err != nil {
		return err
	}
	for _, l := range []struct{ flag, addr string }{{"-xray-daemon", o.xrayDaemon}, {"-dns-addr", o.dnsAddr}} {
		if l.addr == "" {
			continue
		}
		if err := checkAddr(l.addr, o.allowRemote); err != nil {
			return fmt.Errorf("%s: %w", l.flag, err)
		}
	}
	return nil
}

// defaultXRayDaemon is where the X-Ray SDKs send segments unless told
// otherwise (AWS_XRAY_DAEMON_ADDRESS), and so where the server's daemon
// listens by default.
const defaultXRayDaemon = "127.0.0.1:2000"

// checkAddr refuses a listening address that other hosts could reach, unless
// allowRemote: the fake accepts any credentials.
func checkAddr(addr string, allowRemote bool) error {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return fmt.Errorf("-addr %q: %v", addr, err)
	}
	if allowRemote || host == "localhost" {
		return nil
	}
	if ip := net.ParseIP(host); ip != nil && ip.IsLoopback() {
		return nil
	}
	return fmt.Errorf("-addr %q is not a loopback address; awsfake accepts any credentials, so pass -allow-remote to serve other hosts", addr)
}

// cloudOptions are the options every cloud the server builds shares,
// including one clock, so that a reset keeps the time.
func (o options) cloudOptions(url string) ([]awsfake.Option, clock.Clock) {
	clk := clock.Real()
	if o.fakeClock {
		clk = clock.NewFake(o.start)
	}
	opts := []awsfake.Option{
		awsfake.WithClock(clk), awsfake.WithURL(url),
		awsfake.WithRegion(o.region), awsfake.WithAccountID(o.account),
	}
	if o.seed != nil {
		opts = append(opts, awsfake.WithSeed(*o.seed))
	}
	if o.verify {
		opts = append(opts, awsfake.WithSigV4Verification())
	}
	if o.enforce {
		opts = append(opts, awsfake.WithIAMEnforcement())
	}
	if len(o.origins) > 0 {
		opts = append(opts, awsfake.WithAllowedOrigins(o.origins...))
	}
	if len(o.hosts) > 0 {
		opts = append(opts, awsfake.WithAllowedHosts(o.hosts...))
	}
	return opts, clk
}
