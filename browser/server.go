package browser

import (
	"context"
	"errors"
	"net"
	"strings"
	"sync"
	"time"
)

// Server answers SSRP requests on a UDP socket.
type Server struct {
	Source Source
	// Logf receives one line per malformed request or source error (nil:
	// silent).
	Logf func(format string, args ...any)
	// RatePerSecond bounds replies (SSRP replies are larger than requests,
	// which makes open Browsers DDoS reflectors); default 200.
	RatePerSecond int

	mu     sync.Mutex
	conn   net.PacketConn
	tokens float64
	last   time.Time
}

// Listen opens the UDP socket (":1434" in production, "127.0.0.1:0" in
// tests) and returns the server with its address in Addr.
func Listen(addr string, src Source) (*Server, error) {
	c, err := net.ListenPacket("udp", addr)
	if err != nil {
		return nil, err
	}
	return &Server{Source: src, conn: c}, nil
}

// Addr is the bound address.
func (s *Server) Addr() net.Addr { return s.conn.LocalAddr() }

// Close stops Serve.
func (s *Server) Close() error { return s.conn.Close() }

// Serve answers requests until ctx ends or Close is called.
func (s *Server) Serve(ctx context.Context) error {
	stop := context.AfterFunc(ctx, func() { s.conn.Close() })
	defer stop()
	buf := make([]byte, 2048)
	var out []byte
	for {
		n, from, err := s.conn.ReadFrom(buf)
		if err != nil {
			if ctx.Err() != nil || errors.Is(err, net.ErrClosed) {
				return nil
			}
			var ne net.Error
			if errors.As(err, &ne) && ne.Timeout() {
				continue
			}
			return err
		}
		out = s.Reply(out[:0], buf[:n])
		if len(out) == 0 || !s.allow() {
			continue
		}
		s.conn.WriteTo(out, from)
	}
}

// allow is a token bucket over all replies.
func (s *Server) allow() bool {
	rate := float64(s.RatePerSecond)
	if rate <= 0 {
		rate = 200
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	now := time.Now()
	if s.last.IsZero() {
		s.tokens = rate
	} else {
		s.tokens += now.Sub(s.last).Seconds() * rate
		if s.tokens > rate {
			s.tokens = rate
		}
	}
	s.last = now
	if s.tokens < 1 {
		return false
	}
	s.tokens--
	return true
}

func (s *Server) logf(format string, args ...any) {
	if s.Logf != nil {
		s.Logf(format, args...)
	}
}

// Reply computes the answer to one request datagram, appended to dst;
// nothing is appended when SQL Server's Browser stays silent (malformed
// request, unknown or hidden instance, no instance at all).
func (s *Server) Reply(dst, req []byte) []byte {
	r, err := ParseRequest(req)
	if err != nil {
		s.logf("browser: %v", err)
		return dst
	}
	insts, err := s.Source.Instances()
	if err != nil {
		s.logf("browser: listing instances: %v", err)
		return dst
	}
	switch r.Type {
	case ClntBcastEx, ClntUcastEx:
		var data []byte
		for _, in := range insts {
			if in.Hidden || !in.Record().Encodable() {
				continue
			}
			before := len(data)
			data = AppendRecord(data, in.Record())
			if len(data) > MaxAllData {
				data = data[:before]
				break
			}
		}
		if len(data) == 0 {
			return dst
		}
		out, _ := EncodeResponse(dst, data)
		return out
	case ClntUcastInst:
		in, ok := find(insts, r.Instance)
		if !ok || !in.Record().Encodable() {
			return dst
		}
		out, _ := EncodeResponse(dst, AppendRecord(nil, in.Record()))
		return out
	case ClntUcastDAC:
		in, ok := find(insts, r.Instance)
		if !ok || in.DACPort == 0 {
			return dst
		}
		return append(dst, EncodeDACResponse(in.DACPort)...)
	}
	return dst
}

func find(insts []Instance, name string) (Instance, bool) {
	for _, in := range insts {
		if !in.Hidden && strings.EqualFold(in.Name, name) {
			return in, true
		}
	}
	return Instance{}, false
}

// ListenAndServe runs a Browser on addr (":1434") for the instances of a
// tsqld home until ctx ends: `tsqld browser`.
func ListenAndServe(ctx context.Context, addr, home string) error {
	s, err := Listen(addr, HomeSource{Home: home})
	if err != nil {
		return err
	}
	return s.Serve(ctx)
}
