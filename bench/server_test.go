package bench_test

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	awssqs "github.com/aws/aws-sdk-go-v2/service/sqs"

	"github.com/awsfake/awsfake"
)

// The server rows of issue 15's table: the same SDK calls over loopback
// to two child processes of this test binary, one serving the fake
// (cmd/awsfake's handler, awsfake.Cloud.Handler) and one the floor (the
// canned replay of the fake's answers), so that neither shares the
// benchmark's process, its scheduler or its garbage collector.

// serveEnv names the mode a child process serves in: "fake" or "canned".
const serveEnv = "AWSFAKE_BENCH_SERVE"

func TestMain(m *testing.M) {
	if mode := os.Getenv(serveEnv); mode != "" {
		serveChild(mode)
		return
	}
	os.Exit(m.Run())
}

// stopPath switches a canned child from recording to replaying.
const stopPath = "/_bench/stop"

// serveChild serves a cloud on a loopback port, prints its URL and serves
// until its standard input closes.
func serveChild(mode string) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	url := "http://" + ln.Addr().String()
	cloud := awsfake.New(awsfake.WithURL(url))
	var h http.Handler = cloud.Handler()
	if mode == "canned" {
		floor := newCanned(h)
		h = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if r.URL.Path == stopPath {
				floor.stop()
				return
			}
			floor.ServeHTTP(w, r)
		})
	}
	go func() { _ = http.Serve(ln, h) }()
	fmt.Println(url)
	_, _ = io.Copy(io.Discard, os.Stdin)
	_ = cloud.Close()
}

// startChild runs this test binary as a server in mode and returns its URL;
// the child ends with the benchmark.
func startChild(b *testing.B, mode string) string {
	b.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), serveEnv+"="+mode)
	cmd.Stderr = os.Stderr
	stdin, err := cmd.StdinPipe()
	if err != nil {
		b.Fatal(err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		b.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { _ = stdin.Close(); _ = cmd.Wait() })
	line, err := bufio.NewReader(stdout).ReadString('\n')
	if err != nil {
		b.Fatal(err)
	}
	return strings.TrimSpace(line)
}

// serverConfigs starts the floor ([0]) and the fake ([1]) children and
// returns the SDK configuration of each, and a function that switches the
// floor from recording to replaying.
func serverConfigs(b *testing.B) ([2]aws.Config, func()) {
	b.Helper()
	local := awsfake.New()
	b.Cleanup(func() { _ = local.Close() })
	urls := [2]string{startChild(b, "canned"), startChild(b, "fake")}
	var cfgs [2]aws.Config
	for i, u := range urls {
		cfgs[i] = local.AWSConfig()
		cfgs[i].BaseEndpoint = aws.String(u)
		cfgs[i].HTTPClient = &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 4}}
	}
	stop := func() {
		resp, err := http.Post(urls[0]+stopPath, "text/plain", nil)
		if err != nil {
			b.Fatal(err)
		}
		_ = resp.Body.Close()
	}
	return cfgs, stop
}

func serverSQS(b *testing.B) ([2]*awssqs.Client, [2]*string, func()) {
	b.Helper()
	cfgs, stop := serverConfigs(b)
	var clients [2]*awssqs.Client
	var urls [2]*string
	for i := range clients {
		clients[i] = awssqs.NewFromConfig(cfgs[i])
		urls[i] = sqsQueue(b, clients[i], "q")
	}
	return clients, urls, stop
}

// warmServer runs call(0) and call(1) once, the floor recording, then
// switches the floor to replaying.
func warmServer(b *testing.B, stop func(), call func(i int) error) {
	b.Helper()
	for i := range 2 {
		if err := call(i); err != nil {
			b.Fatal(err)
		}
	}
	stop()
}

// BenchmarkServer_SQSSend is SendMessage over loopback.
func BenchmarkServer_SQSSend(b *testing.B) {
	clients, urls, stop := serverSQS(b)
	ctx := context.Background()
	send := func(i int) error {
		_, err := clients[i].SendMessage(ctx, &awssqs.SendMessageInput{QueueUrl: urls[i], MessageBody: aws.String(msgBody)})
		return err
	}
	warmServer(b, stop, send)
	alternate(b, send, floorNames0, floorNames1)
}

// BenchmarkServer_SQSCycle is SendMessage, ReceiveMessage and
// DeleteMessage over loopback.
func BenchmarkServer_SQSCycle(b *testing.B) {
	clients, urls, stop := serverSQS(b)
	cycle := sqsCycle(clients, urls)
	warmServer(b, stop, cycle)
	alternate(b, cycle, floorNames0, floorNames1)
}

// BenchmarkServer_S3PutGet64KiB is PutObject and GetObject of 64 KiB over
// loopback.
func BenchmarkServer_S3PutGet64KiB(b *testing.B) {
	cfgs, stop := serverConfigs(b)
	var clients [2]*s3.Client
	for i := range clients {
		clients[i] = s3.NewFromConfig(cfgs[i], func(o *s3.Options) { o.UsePathStyle = true })
		createBucket(b, clients[i], "bkt")
	}
	putGet := s3PutGet(clients, [2]string{"bkt", "bkt"})
	warmServer(b, stop, putGet)
	reportMiBs(b, alternatePrepared(b, nil, putGet, floorNames0, floorNames1))
}
