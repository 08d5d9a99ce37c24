package route53

import (
	"context"
	"encoding/binary"
	"errors"
	"io"
	"net"
	"net/netip"
	"sync"
	"time"
)

// Resolver returns a Go resolver whose queries the fake's name servers
// answer in memory, with no socket, as asked by a resolver at client (the
// address latency and geolocation routing place; an EDNS0 client subnet in
// a query wins over it). Lookups of names in the cloud's public zones get
// authoritative answers; other names are REFUSED.
func (s *Service) Resolver(client netip.Addr) *net.Resolver {
	return &net.Resolver{PreferGo: true, Dial: s.DialDNS(client)}
}

// DialDNS returns a dialer for net.Resolver's Dial: each connection it
// makes speaks DNS over a stream (two-byte length, then the message) to
// the fake's name servers in memory, as a client at client.
func (s *Service) DialDNS(client netip.Addr) func(ctx context.Context, network, address string) (net.Conn, error) {
	return func(ctx context.Context, _, _ string) (net.Conn, error) {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		return &memConn{s: s, client: client}, nil
	}
}

// memConn is an in-memory DNS connection: a write of a complete query
// computes its answer, which the next reads return. It starts no
// goroutine.
type memConn struct {
	s      *Service
	client netip.Addr
	mu     sync.Mutex
	in     []byte
	out    []byte
	closed bool
}

// Write takes query bytes; each complete length-prefixed query is answered
// at once.
func (c *memConn) Write(b []byte) (int, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.closed {
		return 0, net.ErrClosed
	}
	c.in = append(c.in, b...)
	for len(c.in) >= 2 {
		n := int(binary.BigEndian.Uint16(c.in))
		if len(c.in) < 2+n {
			break
		}
		if resp := c.s.answerDNS(c.in[2:2+n], c.client); resp != nil {
			c.out = binary.BigEndian.AppendUint16(c.out, uint16(len(resp)))
			c.out = append(c.out, resp...)
		}
		c.in = c.in[2+n:]
	}
	return len(b), nil
}

// Read returns answer bytes; with none pending, io.EOF (the query was not
// answerable, as a server that closes the connection).
func (c *memConn) Read(b []byte) (int, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.closed {
		return 0, net.ErrClosed
	}
	if len(c.out) == 0 {
		return 0, io.EOF
	}
	n := copy(b, c.out)
	c.out = c.out[n:]
	return n, nil
}

// Close closes the connection.
func (c *memConn) Close() error {
	c.mu.Lock()
	c.closed = true
	c.mu.Unlock()
	return nil
}

type memAddr string

func (a memAddr) Network() string { return "route53-memory" }
func (a memAddr) String() string  { return string(a) }

// LocalAddr returns the client's address.
func (c *memConn) LocalAddr() net.Addr { return memAddr(c.client.String()) }

// RemoteAddr names the fake's name servers.
func (c *memConn) RemoteAddr() net.Addr { return memAddr("route53") }

// SetDeadline is a no-op: an answer is ready as soon as its query is
// written.
func (c *memConn) SetDeadline(time.Time) error { return nil }

// SetReadDeadline is a no-op.
func (c *memConn) SetReadDeadline(time.Time) error { return nil }

// SetWriteDeadline is a no-op.
func (c *memConn) SetWriteDeadline(time.Time) error { return nil }

// ServeDNS serves the fake's name servers on a UDP socket and a TCP
// listener on the same address (host:port; port 0 picks one) until Close,
// and returns the address. Each client is placed by its source address
// (or the query's EDNS0 client subnet). A UDP answer larger than the
// client's buffer (512 bytes, or its EDNS0 size) is truncated, so the
// client retries over TCP.
func (s *Service) ServeDNS(addr string) (netip.AddrPort, error) {
	s.mu.Lock()
	closed := s.closed
	s.mu.Unlock()
	if closed {
		return netip.AddrPort{}, net.ErrClosed
	}
	l, err := ListenDNS(addr, func() *Service { return s })
	if err != nil {
		return netip.AddrPort{}, err
	}
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		_ = l.Close()
		return netip.AddrPort{}, net.ErrClosed
	}
	s.servers = append(s.servers, l)
	s.mu.Unlock()
	return l.Addr(), nil
}

// DNSListener serves name servers on a UDP socket and a TCP listener of
// one address until Close, asking, for each query, the service its
// current function returns: a server whose cloud is replaced (the
// standalone server's reset) keeps its sockets.
type DNSListener struct {
	current func() *Service
	pc      net.PacketConn
	ln      net.Listener
	at      netip.AddrPort
	wg      sync.WaitGroup
	mu      sync.Mutex
	closed  bool
	conns   map[net.Conn]struct{}
}

// ListenDNS listens on addr (host:port; port 0 picks one) for UDP and TCP
// and answers each query by the name servers of current(), as ServeDNS
// does, until Close. current must not return nil.
func ListenDNS(addr string, current func() *Service) (*DNSListener, error) {
	pc, ln, at, err := listenPair(addr)
	if err != nil {
		return nil, err
	}
	d := &DNSListener{current: current, pc: pc, ln: ln, at: at, conns: map[net.Conn]struct{}{}}
	d.wg.Add(2)
	go d.serveUDP()
	go d.serveTCP()
	return d, nil
}

// Addr is the address the listener serves on (UDP and TCP).
func (d *DNSListener) Addr() netip.AddrPort { return d.at }

// listenPair opens a UDP socket and a TCP listener on the same address.
// With port 0 the UDP port the system picks may be taken for TCP by
// another process, so a few picks are tried before giving up.
func listenPair(addr string) (net.PacketConn, net.Listener, netip.AddrPort, error) {
	_, port, err := net.SplitHostPort(addr)
	if err != nil {
		return nil, nil, netip.AddrPort{}, err
	}
	tries := 1
	if port == "0" || port == "" {
		tries = 16
	}
	for i := 0; ; i++ {
		pc, err := net.ListenPacket("udp", addr)
		if err != nil {
			return nil, nil, netip.AddrPort{}, err
		}
		at := pc.LocalAddr().(*net.UDPAddr).AddrPort()
		ln, err := net.Listen("tcp", at.String())
		if err == nil {
			return pc, ln, at, nil
		}
		_ = pc.Close()
		if i+1 >= tries {
			return nil, nil, netip.AddrPort{}, err
		}
	}
}

// Close stops the listeners and the TCP connections, and waits for their
// goroutines.
func (d *DNSListener) Close() error {
	err := errors.Join(d.pc.Close(), d.ln.Close())
	d.mu.Lock()
	d.closed = true
	for c := range d.conns {
		_ = c.Close()
	}
	d.mu.Unlock()
	d.wg.Wait()
	if errors.Is(err, net.ErrClosed) {
		return nil // closed twice
	}
	return err
}

func (d *DNSListener) serveUDP() {
	defer d.wg.Done()
	buf := make([]byte, 65535)
	for {
		n, from, err := d.pc.ReadFrom(buf)
		if err != nil {
			return
		}
		client := from.(*net.UDPAddr).AddrPort().Addr()
		resp := d.current().answerDNS(buf[:n], client)
		if resp == nil {
			continue
		}
		_, _ = d.pc.WriteTo(truncate(resp, buf[:n]), from)
	}
}

// truncate cuts an answer that does not fit the client's UDP buffer down
// to its header and question, with the TC bit set.
func truncate(resp, query []byte) []byte {
	limit := 512
	if q, err := parseQuery(query); err == nil && q.edns && int(q.udpSize) > limit {
		limit = int(q.udpSize)
	}
	if len(resp) <= limit {
		return resp
	}
	q, _ := parseQuery(query)
	r := &response{id: q.id, flags: binary.BigEndian.Uint16(resp[2:]) | 1<<9, question: &q.question, edns: q.edns}
	return r.pack()
}

func (d *DNSListener) serveTCP() {
	defer d.wg.Done()
	for {
		c, err := d.ln.Accept()
		if err != nil {
			return
		}
		d.mu.Lock()
		if d.closed {
			d.mu.Unlock()
			_ = c.Close()
			continue
		}
		d.conns[c] = struct{}{}
		d.wg.Add(1)
		d.mu.Unlock()
		go d.serveConn(c)
	}
}

// serveConn answers the queries of one TCP connection until the client
// closes it or Close does.
func (d *DNSListener) serveConn(c net.Conn) {
	defer d.wg.Done()
	defer func() {
		d.mu.Lock()
		delete(d.conns, c)
		d.mu.Unlock()
		_ = c.Close()
	}()
	client := netip.Addr{}
	if a, ok := c.RemoteAddr().(*net.TCPAddr); ok {
		client = a.AddrPort().Addr()
	}
	var size [2]byte
	for {
		if _, err := io.ReadFull(c, size[:]); err != nil {
			return
		}
		msg := make([]byte, binary.BigEndian.Uint16(size[:]))
		if _, err := io.ReadFull(c, msg); err != nil {
			return
		}
		resp := d.current().answerDNS(msg, client)
		if resp == nil {
			return
		}
		out := binary.BigEndian.AppendUint16(nil, uint16(len(resp)))
		if _, err := c.Write(append(out, resp...)); err != nil {
			return
		}
	}
}
