package tds

import (
	"bytes"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"math/big"
	"net"
	"testing"
	"time"
)

func testCert(t *testing.T) tls.Certificate {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "localhost"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour),
		DNSNames: []string{"localhost"}, IPAddresses: []net.IP{net.IPv4(127, 0, 0, 1)},
		IsCA: true, BasicConstraintsValid: true, KeyUsage: x509.KeyUsageDigitalSignature | x509.KeyUsageCertSign,
		ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	return tls.Certificate{Certificate: [][]byte{der}, PrivateKey: key}
}

func tcpPair(t *testing.T) (client, server net.Conn) {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	ch := make(chan net.Conn, 1)
	go func() {
		c, _ := ln.Accept()
		ch <- c
	}()
	client, err = net.Dial("tcp", ln.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	server = <-ch
	t.Cleanup(func() { client.Close(); server.Close() })
	return client, server
}

// flightChecker records the packet statuses the server sends during the
// handshake, to check that each flight ends with EOM.
type flightChecker struct {
	net.Conn
	buf bytes.Buffer
}

func (f *flightChecker) Write(p []byte) (int, error) {
	f.buf.Write(p)
	return f.Conn.Write(p)
}

func serverTLSConfig(t *testing.T) *tls.Config {
	return &tls.Config{
		Certificates:           []tls.Certificate{testCert(t)},
		MaxVersion:             tls.VersionTLS12,
		SessionTicketsDisabled: true,
	}
}

func TestTLSHandshakeFull(t *testing.T) {
	craw, sraw := tcpPair(t)
	fc := &flightChecker{Conn: sraw}
	done := make(chan error, 1)
	var got Message
	go func() {
		hc := NewHandshakeConn(fc, 4096)
		tc := tls.Server(hc, serverTLSConfig(t))
		if err := tc.Handshake(); err != nil {
			done <- err
			return
		}
		if err := hc.Passthrough(false); err != nil {
			done <- err
			return
		}
		var err error
		got, err = NewMessageReader(tc, 4096).ReadMessage()
		if err == nil {
			err = NewMessageWriter(tc, 4096).WriteMessage(PacketReply, []byte("pong"))
		}
		done <- err
	}()
	chc := NewHandshakeConn(craw, 4096)
	tcc := tls.Client(chc, &tls.Config{InsecureSkipVerify: true, MaxVersion: tls.VersionTLS12})
	if err := tcc.Handshake(); err != nil {
		t.Fatal(err)
	}
	if err := chc.Passthrough(false); err != nil {
		t.Fatal(err)
	}
	payload := bytes.Repeat([]byte("login7"), 1000)
	if err := NewMessageWriter(tcc, 4096).WriteMessage(PacketLogin7, payload); err != nil {
		t.Fatal(err)
	}
	reply, err := NewMessageReader(tcc, 4096).ReadMessage()
	if err != nil || string(reply.Payload) != "pong" {
		t.Fatalf("reply %q %v", reply.Payload, err)
	}
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if got.Type != PacketLogin7 || !bytes.Equal(got.Payload, payload) {
		t.Fatal("payload through TLS differs")
	}
	// Server handshake output: 0x12 packets, each flight ending with EOM;
	// the first flight (ServerHello..Done) is exactly one message.
	raw := fc.buf.Bytes()
	flights := 0
	for off := 0; off < len(raw); {
		var h Header
		if err := h.Decode(raw[off:]); err != nil {
			break
		}
		if h.Type != PacketPrelogin {
			break // TLS application data after the handshake
		}
		if h.Status == StatusEOM {
			flights++
		}
		off += int(h.Length)
	}
	if flights != 2 {
		t.Fatalf("server sent %d handshake messages, want 2 (TLS 1.2 flights)", flights)
	}
}

func TestTLSLoginOnly(t *testing.T) {
	craw, sraw := tcpPair(t)
	_ = sraw.SetDeadline(time.Now().Add(10 * time.Second))
	_ = craw.SetDeadline(time.Now().Add(10 * time.Second))
	type result struct {
		msg Message
		err error
	}
	done := make(chan result, 1)
	go func() {
		hc := NewHandshakeConn(sraw, 4096)
		tc := tls.Server(hc, serverTLSConfig(t))
		if err := tc.Handshake(); err != nil {
			done <- result{err: err}
			return
		}
		if err := hc.Passthrough(true); err != nil {
			done <- result{err: err}
			return
		}
		h, first, err := ReadPacket(tc, 4096)
		if err != nil {
			done <- result{err: err}
			return
		}
		// The rest of LOGIN7 and everything after is plaintext on the socket.
		mr := NewMessageReader(sraw, 4096)
		msg, err := mr.ContinueMessage(h, first)
		if err == nil {
			msg.Payload = append([]byte(nil), msg.Payload...)
			err = NewMessageWriter(sraw, 4096).WriteMessage(PacketReply, []byte("plain"))
		}
		done <- result{msg, err}
	}()
	chc := NewHandshakeConn(craw, 4096)
	tcc := tls.Client(chc, &tls.Config{InsecureSkipVerify: true, MaxVersion: tls.VersionTLS12})
	if err := tcc.Handshake(); err != nil {
		t.Fatal(err)
	}
	_ = chc.Passthrough(false)
	// Cut a 3-packet LOGIN7; send packet 1 through TLS and the rest in clear
	// in the same breath (the server must not swallow them into TLS).
	var buf bytes.Buffer
	payload := bytes.Repeat([]byte{0xAB}, 2*4088+100)
	_ = NewMessageWriter(&buf, 4096).WriteMessage(PacketLogin7, payload)
	raw := buf.Bytes()
	if _, err := tcc.Write(raw[:4096]); err != nil {
		t.Fatal(err)
	}
	if _, err := craw.Write(raw[4096:]); err != nil {
		t.Fatal(err)
	}
	reply, err := NewMessageReader(craw, 4096).ReadMessage()
	if err != nil || string(reply.Payload) != "plain" {
		t.Fatalf("plaintext reply %q %v", reply.Payload, err)
	}
	r := <-done
	if r.err != nil {
		t.Fatal(r.err)
	}
	if !bytes.Equal(r.msg.Payload, payload) || r.msg.Packets != 3 {
		t.Fatalf("login-only LOGIN7: %d bytes in %d packets", len(r.msg.Payload), r.msg.Packets)
	}
}

func TestRecordReader(t *testing.T) {
	recs := append(hx(t, "17 03 03 00 02 AA BB"), hx(t, "17 03 03 00 01 CC")...)
	src := bytes.NewReader(append(recs, "plaintext"...))
	rr := NewRecordReader(src)
	var got []byte
	p := make([]byte, 100)
	for len(got) < len(recs) {
		n, err := rr.Read(p)
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, p[:n]...)
		if len(got) == 7 && n == 0 {
			t.Fatal("stalled")
		}
	}
	eqBytes(t, "records", got, recs)
	if src.Len() != len("plaintext") {
		t.Fatalf("record reader consumed %d bytes past the records", len("plaintext")-src.Len())
	}
}
