package main

import (
	"fmt"
	"io"

	"github.com/awsfake/awsfake/route53"
)

// startDNS serves Route 53's name servers on addr (-dns-addr), UDP and TCP,
// answering each query by the current cloud's zones, so that the sockets
// outlive /_awsfake/reset as the X-Ray daemon's do.
func startDNS(addr string, srv *server, stdout io.Writer) (*route53.DNSListener, error) {
	l, err := route53.ListenDNS(addr, func() *route53.Service { return srv.cur.Load().cloud.Route53() })
	if err != nil {
		return nil, fmt.Errorf("-dns-addr: %w", err)
	}
	fmt.Fprintf(stdout, "awsfake: DNS on udp and tcp %s\n", l.Addr())
	return l, nil
}
