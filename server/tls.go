package server

import (
	"crypto/tls"
	"errors"
	"io"
	"net"

	"github.com/tsqld/tsqld/tds"
)

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

// tdsTLSHandshake runs the server side of a TDS 7.x TLS handshake, the
// records carried inside PRELOGIN packets (tds.HandshakeConn). The
// returned conn is left in pass-through mode, reading one TLS record at a
// time: that is what login-only encryption needs; full encryption calls
// fullTLS to lift the limit.
func (c *conn) tdsTLSHandshake() (*tls.Conn, *tds.HandshakeConn, error) {
	if c.srv.cert == nil {
		return nil, nil, errors.New("server: no certificate")
	}
	hc := tds.NewHandshakeConn(c.nc, tds.DefaultPacketSize)
	hc.SetReader(c.br)
	hc.SetSPID(uint16(c.spid))
	tc := tls.Server(hc, c.tlsConfig(false))
	if err := tc.HandshakeContext(c.ctx); err != nil {
		return nil, nil, err
	}
	return tc, hc, nil
}
