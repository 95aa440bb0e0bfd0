package server

import (
	"fmt"

	"github.com/tsqld/tsqld/sql/msgs"
	"github.com/tsqld/tsqld/tds"
)

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
	c.logConnError(17835, 1)
}

func (c *conn) logPreloginInvalid() {
	c.logConnError(17828, 3)
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

// logConnError writes a connection-level message (17828, 17832, 17835…)
// to the error log with the client's address in the message's trailing
// argument, as SQL Server does.
func (c *conn) logConnError(number int32, state uint8) {
	e := msgs.NewIn(msgs.English, number, state, fmt.Sprintf(" [CLIENT: %s]", c.clientIP))
	c.srv.cfg.ErrorLog.Error("Logon", number, e.Severity, state, e.Text)
}
