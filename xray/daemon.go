package xray

import (
	"bytes"
	"encoding/json"
	"net"
	"sync"
)

// DaemonAddr is where the X-Ray SDKs send segments by default
// (AWS_XRAY_DAEMON_ADDRESS).
const DaemonAddr = "127.0.0.1:2000"

// maxDatagram is the largest UDP payload the daemon reads.
const maxDatagram = 64 * 1024

// daemon is one UDP listener speaking the X-Ray daemon protocol.
type daemon struct {
	conn net.PacketConn
	wg   sync.WaitGroup
}

func (d *daemon) close() {
	_ = d.conn.Close()
	d.wg.Wait()
}

// StartDaemon listens on UDP at addr (DaemonAddr when empty; port 0 picks
// a free one) as the X-Ray daemon does, and returns the address it
// listens on. Each datagram is the header line {"format":"json","version":1},
// a newline and a segment document, stored as PutTraceSegments stores it
// in the cloud's own account and region; a datagram without the header, or
// whose document is unprocessed, is dropped, as the daemon drops it (see
// DaemonDrops). Close stops every daemon started.
func (s *Service) StartDaemon(addr string) (string, error) {
	if addr == "" {
		addr = DaemonAddr
	}
	conn, err := net.ListenPacket("udp", addr)
	if err != nil {
		return "", err
	}
	d := &daemon{conn: conn}
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		_ = conn.Close()
		return "", net.ErrClosed
	}
	s.daemons = append(s.daemons, d)
	s.mu.Unlock()
	d.wg.Add(1)
	go func() {
		defer d.wg.Done()
		buf := make([]byte, maxDatagram)
		for {
			n, _, err := conn.ReadFrom(buf)
			if err != nil {
				return
			}
			s.ServeDatagram(buf[:n])
		}
	}()
	return conn.LocalAddr().String(), nil
}

// ServeDatagram stores the segment of one X-Ray daemon datagram, as the
// UDP daemon does: the header line {"format":"json","version":1} (spacing
// as the SDK writes it), a newline, the document, stored in the cloud's own
// account and region. It reports whether the segment was stored; a
// dropped one counts in DaemonDrops. A listener of its own (the standalone
// server's -xray-daemon, which outlives resets) hands it each datagram.
func (s *Service) ServeDatagram(b []byte) bool {
	header, doc, ok := bytes.Cut(b, []byte("\n"))
	var h struct {
		Format  string `json:"format"`
		Version int    `json:"version"`
	}
	if !ok || json.Unmarshal(header, &h) != nil || h.Format != "json" || h.Version != 1 {
		s.countDrop()
		return false
	}
	out := s.putDocuments(s.env.Scope(), []string{string(doc)})
	if len(out.UnprocessedTraceSegments) > 0 {
		s.countDrop()
		return false
	}
	return true
}

func (s *Service) countDrop() {
	s.mu.Lock()
	s.drops++
	s.mu.Unlock()
}

// DaemonDrops is how many datagrams the UDP daemons dropped: without the
// header line, or with a document PutTraceSegments would not process.
func (s *Service) DaemonDrops() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.drops
}
