package server

import (
	"bufio"
	"context"
	"crypto/tls"
	"fmt"
	"io"
	"net"
	"sync"
	"time"

	"github.com/tsqld/tsqld/sql/engine"
	"github.com/tsqld/tsqld/tds"
)

// conn is one client connection from accept to close.
type conn struct {
	srv *Server
	nc  net.Conn
	br  *bufio.Reader // buffered socket: plaintext input (and TLS' raw input)

	ctx    context.Context // ends with the connection or the server
	cancel context.CancelFunc

	mr *tds.MessageReader
	mw *tds.MessageWriter
	w  *resp // the result.Writer for the running request

	spid       int16 // 0 when the connection limit was reached
	clientIP   string
	clientPort int
	transport  string // "TCP" or "Unix"

	tlsConn   *tls.Conn // non-nil while TLS carries the traffic
	encrypted bool      // the whole connection is encrypted
	strict    bool      // TDS 8

	version    tds.Version // negotiated
	packetSize int
	login      string // login name, for logs
	sess       engine.Session

	mu      sync.Mutex
	current *request // last request handed to the executor

	bufs chan []byte // recycled request payload buffers

	closeOnce sync.Once
}

func newConn(s *Server, nc net.Conn) *conn {
	c := &conn{srv: s, nc: nc, bufs: make(chan []byte, 2)}
	c.ctx, c.cancel = context.WithCancel(s.ctx)
	c.br = bufio.NewReaderSize(nc, 8192)
	c.mr = tds.NewMessageReader(c.br, tds.DefaultPacketSize)
	c.mw = tds.NewMessageWriter(nc, tds.DefaultPacketSize)
	switch nc.LocalAddr().(type) {
	case *net.TCPAddr:
		c.transport = "TCP"
		c.clientIP, c.clientPort = splitHostPort(nc.RemoteAddr())
	default:
		c.transport = "Unix"
		c.clientIP = "<local machine>"
	}
	return c
}

// abort closes the socket (once); the reader goroutine then ends.
func (c *conn) abort() {
	c.closeOnce.Do(func() {
		c.cancel()
		c.nc.Close()
	})
}

func (c *conn) logf(format string, args ...any) {
	c.srv.cfg.Logger.Debug(fmt.Sprintf(format, args...), "spid", c.spid, "client", c.clientIP)
}

func (c *conn) setStatus(st string) {
	if c.spid == 0 {
		return
	}
	now := time.Now()
	c.srv.reg.update(c.spid, func(si *SessionInfo) {
		si.Status = st
		if st == "running" {
			si.LastRequestStart = now
		} else {
			si.LastRequestEnd = now
		}
	})
}

// serve runs the connection: login, then the request loop.
func (c *conn) serve() {
	defer c.abort()
	spid, ok := c.srv.reg.alloc()
	if ok {
		c.spid = spid
		defer c.srv.reg.release(spid)
	}
	c.mw.SetSPID(uint16(c.spid))
	// The whole login must finish within LoginTimeout; a client that
	// connects and says nothing must not hold a session forever.
	c.nc.SetDeadline(time.Now().Add(c.srv.cfg.LoginTimeout))
	stop := context.AfterFunc(c.ctx, func() { c.nc.Close() })
	defer stop()
	if !c.handshake() {
		return
	}
	c.nc.SetDeadline(time.Time{})
	defer func() {
		if c.sess != nil {
			c.sess.Close()
		}
	}()
	reqs := make(chan *request, 4)
	done := make(chan struct{})
	go func() {
		defer close(done)
		c.readLoop(reqs)
	}()
	c.execLoop(reqs)
	c.abort()
	<-done
}

// handshake dispatches on the first byte and runs PRELOGIN, TLS and
// LOGIN7. It reports whether a session is logged in.
func (c *conn) handshake() bool {
	first, err := c.br.Peek(1)
	if err != nil {
		return false
	}
	switch first[0] {
	case tds.FirstByteTLS:
		return c.strictHandshake()
	case byte(tds.PacketPrelogin):
		return c.preloginHandshake()
	case byte(tds.PacketLogin7):
		// jTDS (ssl=off) and other old clients skip PRELOGIN: no
		// encryption is possible then.
		if c.srv.cfg.Encryption == EncryptForced {
			c.logEncryptionRequired()
			return false
		}
		msg, err := c.mr.ReadMessage()
		if err != nil {
			return false
		}
		return c.doLogin(msg)
	default:
		// Not TDS: close without a word, as SQL Server does.
		return false
	}
}

// logEncryptionRequired writes 17835 when a client cannot encrypt and the
// server forces encryption.
func (c *conn) logEncryptionRequired() {
	c.srv.cfg.ErrorLog.Error("Logon", 17835, 20, 1,
		fmt.Sprintf("Encryption is required to connect to this server but the client library does not support encryption; the connection has been closed. Please upgrade your client library. [CLIENT: %s]", c.clientIP))
}

// tlsConfig returns the server TLS configuration: TLS 1.2 at most for
// TDS 7.x (TLS inside PRELOGIN cannot carry TLS 1.3 post-handshake
// messages, and FreeTDS/GnuTLS fails with 1.3), 1.2–1.3 with ALPN tds/8.0
// for TDS 8. No session tickets: nothing may follow the handshake.
func (c *conn) tlsConfig(strict bool) *tls.Config {
	cfg := &tls.Config{
		Certificates:                []tls.Certificate{c.srv.cert.TLS},
		MinVersion:                  tls.VersionTLS12,
		MaxVersion:                  tls.VersionTLS12,
		SessionTicketsDisabled:      true,
		DynamicRecordSizingDisabled: true,
	}
	if strict {
		cfg.MaxVersion = tls.VersionTLS13
		cfg.NextProtos = []string{"tds/8.0"}
	}
	return cfg
}

// bufConn is the socket as crypto/tls sees it: reads come from the
// connection's buffered reader so nothing read ahead is lost.
type bufConn struct {
	net.Conn
	r io.Reader
}

func (b bufConn) Read(p []byte) (int, error) { return b.r.Read(p) }

// strictHandshake is TDS 8: TLS first, then PRELOGIN and LOGIN7 inside.
func (c *conn) strictHandshake() bool {
	if c.srv.cert == nil {
		return false
	}
	tc := tls.Server(bufConn{c.nc, c.br}, c.tlsConfig(true))
	if err := tc.HandshakeContext(c.ctx); err != nil {
		c.logf("TLS handshake (strict): %v", err)
		return false
	}
	c.tlsConn, c.encrypted, c.strict = tc, true, true
	c.mr.Reset(tc)
	c.mw.Reset(tc)
	msg, err := c.mr.ReadMessage()
	if err != nil {
		return false
	}
	if msg.Type == tds.PacketPrelogin {
		var p tds.Prelogin
		if err := p.Decode(msg.Payload); err != nil {
			c.logPreloginInvalid()
			return false
		}
		// Inside TDS 8 the ENCRYPTION value means nothing; answer ON.
		if err := c.sendPrelogin(tds.EncryptOn); err != nil {
			return false
		}
		if msg, err = c.mr.ReadMessage(); err != nil {
			return false
		}
	}
	return c.doLogin(msg)
}

func (c *conn) logPreloginInvalid() {
	c.srv.cfg.ErrorLog.Error("Logon", 17828, 20, 3,
		fmt.Sprintf("The prelogin packet used to open the connection is structurally invalid; the connection has been closed. Please contact the vendor of the client library. [CLIENT: %s]", c.clientIP))
}

func (c *conn) sendPrelogin(enc uint8) error {
	p := tds.ServerPrelogin(productVersion(), enc)
	c.mw.BeginMessage(tds.PacketReply)
	c.mw.Buf = p.Encode(c.mw.Buf)
	return c.mw.EndMessage()
}

func (c *conn) policy() tds.EncryptionPolicy {
	switch c.srv.cfg.Encryption {
	case EncryptForced:
		return tds.PolicyOn
	case EncryptNone:
		return tds.PolicyNotSupported
	}
	return tds.PolicyOff
}

// preloginHandshake is TDS 7.x: PRELOGIN, optional TLS inside PRELOGIN
// packets, LOGIN7 (first packet only under TLS for login-only mode).
func (c *conn) preloginHandshake() bool {
	msg, err := c.mr.ReadMessage()
	if err != nil {
		return false
	}
	var p tds.Prelogin
	if err := p.Decode(msg.Payload); err != nil || msg.Type != tds.PacketPrelogin {
		c.logPreloginInvalid()
		return false
	}
	client := tds.EncryptOff
	if p.HasEncryption {
		client = p.Encryption
	} else {
		client = tds.EncryptNotSup
	}
	reply, mode := tds.NegotiateEncryption(client, c.policy())
	if err := c.sendPrelogin(reply); err != nil {
		return false
	}
	switch mode {
	case tds.EncryptionRefuse:
		if c.policy() == tds.PolicyOn {
			c.logEncryptionRequired()
		}
		return false
	case tds.EncryptionNone:
		msg, err := c.mr.ReadMessage()
		if err != nil {
			return false
		}
		return c.doLogin(msg)
	}
	tc, hs, err := c.tdsTLSHandshake()
	if err != nil {
		c.logf("TLS handshake: %v", err)
		return false
	}
	if mode == tds.EncryptionFull {
		// Read-ahead is harmless when everything is TLS.
		if err := hs.Passthrough(false); err != nil {
			return false
		}
		c.tlsConn, c.encrypted = tc, true
		c.mr.Reset(tc)
		c.mw.Reset(tc)
		msg, err := c.mr.ReadMessage()
		if err != nil {
			return false
		}
		return c.doLogin(msg)
	}
	// Login-only: the first LOGIN7 packet through TLS, the rest (if any)
	// and everything after in clear. The TLS layer reads one record at a
	// time, so no plaintext byte is swallowed; it is dropped without
	// close_notify, as every client expects.
	if err := hs.Passthrough(true); err != nil {
		return false
	}
	c.mr.Reset(tc)
	h, first, err := c.mr.ReadPacket()
	if err != nil {
		return false
	}
	first = append([]byte(nil), first...)
	c.mr.Reset(c.br)
	msg, err = c.mr.ContinueMessage(h, first)
	if err != nil {
		return false
	}
	return c.doLogin(msg)
}
