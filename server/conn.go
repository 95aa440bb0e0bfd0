package server

import (
	"bufio"
	"context"
	"crypto/tls"
	"fmt"
	"net"
	"sync"
	"sync/atomic"
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
	dac        bool   // accepted on a dedicated admin connection listener

	tlsConn   *tls.Conn // non-nil while TLS carries the traffic
	encrypted bool      // the whole connection is encrypted
	strict    bool      // TDS 8

	version    tds.Version // negotiated
	packetSize int
	login      string // login name, for logs
	sess       engine.Session
	bulk       *bulkState // an INSERT BULK awaiting its bulk load message

	mu      sync.Mutex
	current *request // the request running or last run

	payload    []byte         // request buffer reused from one request to the next
	rpc        engine.RPC     // RPC call reused from one request to the next
	rpcReq     tds.RPCRequest // decoded RPC request, reused likewise
	live       *liveStatus    // sys.dm_exec_sessions status; nil without a SPID
	handoff    chan incoming  // a watcher's next message for the request loop
	watchState atomic.Int64   // watchdog state: idle, start tick, or watcher started

	closeOnce sync.Once
}

func newConn(s *Server, nc net.Conn) *conn {
	c := &conn{srv: s, nc: nc}
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

// abort closes the socket (once); the reader goroutine then ends. The
// socket goes first: a request cancelled by the abort must not get its
// (cancelled) response out, or the client would take it for a result.
func (c *conn) abort() {
	c.closeOnce.Do(func() {
		c.nc.Close()
		c.cancel()
	})
}

func (c *conn) logf(format string, args ...any) {
	c.srv.cfg.Logger.Debug(fmt.Sprintf(format, args...), "spid", c.spid, "client", c.clientIP)
}

func (c *conn) setStatus(st string) {
	l := c.live
	if l == nil {
		return
	}
	now := time.Now().UnixNano()
	if st == "running" {
		l.start.Store(now)
		l.running.Store(true)
	} else {
		l.end.Store(now)
		l.running.Store(false)
	}
}

// serve runs the connection: login, then the request loop.
func (c *conn) serve() {
	defer c.abort()
	var (
		spid int16
		ok   bool
	)
	if c.dac {
		// The DAC is reserved: it is there when user connections are not.
		spid, ok = c.srv.reg.allocDAC()
		defer c.srv.releaseDAC(c)
	} else {
		spid, ok = c.srv.reg.alloc()
	}
	if ok {
		c.spid = spid
		c.live = c.srv.reg.liveOf(spid)
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
	watching := c.requestLoop()
	// Closing the socket ends a watcher still reading it.
	c.abort()
	if watching {
		<-c.handoff
	}
}
