package server

import (
	"net"
	"testing"
	"time"

	"github.com/tsqld/tsqld/tds"
)

// rawClient speaks TDS by hand (with the tds codec) to check byte-level
// behaviour no driver exposes: token order, the 7.1 dialect, attention
// and IGNORE handling.
type rawClient struct {
	t  *testing.T
	nc net.Conn
	mr *tds.MessageReader
	mw *tds.MessageWriter
	v  tds.Version
}

func dialRaw(t *testing.T, network, addr string) *rawClient {
	t.Helper()
	nc, err := net.Dial(network, addr)
	if err != nil {
		t.Fatal(err)
	}
	nc.SetDeadline(time.Now().Add(10 * time.Second))
	t.Cleanup(func() { nc.Close() })
	return &rawClient{t: t, nc: nc, mr: tds.NewMessageReader(nc, 0), mw: tds.NewMessageWriter(nc, 4096), v: tds.Version74}
}

func (c *rawClient) send(typ tds.PacketType, payload []byte) {
	c.t.Helper()
	if err := c.mw.WriteMessage(typ, payload); err != nil {
		c.t.Fatal(err)
	}
}

func (c *rawClient) recv() tds.Message {
	c.t.Helper()
	m, err := c.mr.ReadMessage()
	if err != nil {
		c.t.Fatal(err)
	}
	return m
}

// prelogin sends PRELOGIN asking for no encryption.
func (c *rawClient) prelogin() tds.Prelogin {
	c.t.Helper()
	p := tds.Prelogin{HasVersion: true, HasEncryption: true, Encryption: tds.EncryptNotSup, HasInstance: true, ThreadID: []byte{0, 0, 0, 1}, HasMARS: true}
	c.send(tds.PacketPrelogin, p.Encode(nil))
	m := c.recv()
	var r tds.Prelogin
	if err := r.Decode(m.Payload); err != nil {
		c.t.Fatal(err)
	}
	return r
}

// login sends LOGIN7 and returns the decoded login response tokens.
func (c *rawClient) login(v tds.Version, user, password string, packetSize uint32) ([]any, tds.Message) {
	c.t.Helper()
	l := tds.Login7{TDSVersion: v, PacketSize: packetSize, UserName: user, Password: password,
		HostName: "rawhost", AppName: "rawtest", CltIntName: "raw", OptionFlags2: tds.Login2ODBC}
	c.send(tds.PacketLogin7, l.Encode(nil))
	m := c.recv()
	c.v = v
	if !v.Is72() {
		c.v = tds.Version71A
	}
	return c.tokens(m.Payload), m
}

func (c *rawClient) batch(sql string) []any {
	c.t.Helper()
	b := tds.SQLBatch{Text: sql, Headers: tds.AllHeaders{HasTransaction: true, OutstandingRequestCount: 1}}
	c.send(tds.PacketSQLBatch, b.Encode(nil, c.v))
	return c.tokens(c.recv().Payload)
}

// tokens decodes a whole token stream.
func (c *rawClient) tokens(b []byte) []any {
	c.t.Helper()
	var out []any
	var cols []tds.Column
	for len(b) > 0 {
		var n int
		var err error
		switch b[0] {
		case tds.TokenDone, tds.TokenDoneProc, tds.TokenDoneInProc:
			var d tds.Done
			n, err = d.Decode(b, c.v)
			out = append(out, d)
		case tds.TokenEnvChange:
			var e tds.EnvChange
			n, err = e.Decode(b)
			out = append(out, e)
		case tds.TokenInfo, tds.TokenError:
			var m tds.ServerMessage
			n, err = m.Decode(b, c.v)
			out = append(out, m)
		case tds.TokenLoginAck:
			var a tds.LoginAck
			n, err = a.Decode(b)
			out = append(out, a)
		case tds.TokenColMetadata:
			var m tds.ColMetadata
			n, err = m.Decode(b, c.v)
			cols = m.Columns
			out = append(out, m)
		case tds.TokenRow, tds.TokenNBCRow:
			var r tds.Row
			n, err = r.Decode(b, c.v, cols)
			vals := make([]tds.RowValue, len(r.Values))
			for i, v := range r.Values {
				vals[i] = tds.RowValue{Data: append([]byte(nil), v.Data...), Null: v.Null}
			}
			r.Values = vals
			out = append(out, r)
		case tds.TokenReturnStatus:
			var r tds.ReturnStatus
			n, err = r.Decode(b)
			out = append(out, r)
		case tds.TokenReturnValue:
			var r tds.ReturnValue
			n, err = r.Decode(b, c.v)
			out = append(out, r)
		default:
			c.t.Fatalf("unexpected token 0x%02X", b[0])
		}
		if err != nil {
			c.t.Fatalf("token 0x%02X: %v", b[0], err)
		}
		b = b[n:]
	}
	return out
}
