package main

import (
	"fmt"
	"io"
	"net"
	"sync"
)

// xrayDaemon is the server's X-Ray daemon (-xray-daemon): a UDP listener
// that hands each datagram to the current cloud's X-Ray service, so that it
// outlives /_awsfake/reset.
type xrayDaemon struct {
	conn net.PacketConn
	wg   sync.WaitGroup
}

// startXRayDaemon listens on addr and serves datagrams to srv's current
// cloud until close.
func startXRayDaemon(addr string, srv *server, stdout io.Writer) (*xrayDaemon, error) {
	conn, err := net.ListenPacket("udp", addr)
	if err != nil {
		return nil, fmt.Errorf("-xray-daemon: %w", err)
	}
	d := &xrayDaemon{conn: conn}
	fmt.Fprintf(stdout, "awsfake: X-Ray daemon on udp %s\n", conn.LocalAddr())
	d.wg.Add(1)
	go func() {
		defer d.wg.Done()
		buf := make([]byte, 64*1024)
		for {
			n, _, err := conn.ReadFrom(buf)
			if err != nil {
				return
			}
			srv.cur.Load().cloud.XRay().ServeDatagram(buf[:n])
		}
	}()
	return d, nil
}

func (d *xrayDaemon) close() {
	if d == nil {
		return
	}
	_ = d.conn.Close()
	d.wg.Wait()
}
