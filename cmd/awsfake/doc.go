// Command awsfake serves a fake AWS cloud over HTTP, for the AWS CLI, SDKs in
// other languages and Go code that cannot use the in-memory transport.
//
//	go run ./cmd/awsfake                       # http://127.0.0.1:4566, wall clock
//	go run ./cmd/awsfake -clock fake -v        # time moves only when told to
//	aws --endpoint-url http://127.0.0.1:4566 sts get-caller-identity
//
// Flags:
//
//	-addr host:port   where to listen (default 127.0.0.1:4566; port 0 picks a free one)
//	-allow-remote     allow a non-loopback -addr (refused otherwise)
//	-url URL          endpoint URL the cloud reports, e.g. in queue URLs (default http://<addr>)
//	-clock real|fake  the cloud's clock (default real)
//	-start RFC3339    start of the fake clock (default 2030-01-01T00:00:00Z)
//	-region, -account the cloud's region and account id (us-east-1, 000000000000)
//	-seed N           make generated ids deterministic
//	-enforce-iam      authorise every request by IAM policies (awsfake.WithIAMEnforcement):
//	                  the test keys are the account's root user, IAM users' keys those users
//	-v                log one line per request to stderr: service.Operation, method, URI, status, size, request id
//	-xray-daemon host:port
//	                  serve the X-Ray daemon's UDP protocol there (default 127.0.0.1:2000,
//	                  where the SDKs send; skipped with a warning when that address is
//	                  taken; "" for none); it outlives /_awsfake/reset
//	-dns-addr host:port
//	                  serve Route 53's name servers (DNS over UDP and TCP) there, e.g.
//	                  dig @127.0.0.1 -p PORT www.example.com; default none (5353, the
//	                  usual pick, is mDNS's and often taken); it outlives /_awsfake/reset
//
// Besides every AWS API the cloud serves, awsfake answers:
//
//	GET  /_awsfake/health  200 {"status":"ok","region":...,"account":...,"clock":"real"|"fake"}
//	POST /_awsfake/reset   replaces the cloud by a fresh one with the same options and clock
//	GET  /_awsfake/clock   {"now":"<RFC3339Nano>","fake":true|false}, and on a fake
//	                       clock "waiters": the timers pending on it (parked long polls)
//	POST /_awsfake/clock   {"advance":"90s"} or {"set":"<RFC3339>"}: moves the fake
//	                       clock, waits until the cloud is quiescent, answers the new now
//
// The control endpoints answer errors as {"error":"..."}: 400 for bad input,
// 405 for a wrong method, 409 for moving a real clock.
//
// SIGINT and SIGTERM shut the server down gracefully: it stops accepting
// connections, ends long polls, waits for in-flight requests, then closes the
// cloud.
package main
