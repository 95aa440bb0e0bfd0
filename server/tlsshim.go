package server

import (
	"crypto/tls"
	"errors"

	"github.com/tsqld/tsqld/tds"
)

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
