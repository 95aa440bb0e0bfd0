package doctor

import (
	"crypto/tls"
	"crypto/x509"
	"fmt"
	"net"
	"os"
	"time"

	"github.com/tsqld/tsqld/tds"
)

// encryptionName is the PRELOGIN ENCRYPTION value's name.
func encryptionName(v uint8) string {
	switch v &^ tds.EncryptClientCert {
	case tds.EncryptOff:
		return "OFF"
	case tds.EncryptOn:
		return "ON"
	case tds.EncryptNotSup:
		return "NOT_SUP"
	case tds.EncryptReq:
		return "REQ"
	case tds.EncryptStrict:
		return "STRICT"
	}
	return fmt.Sprintf("0x%02X", v)
}

// preloginExchange sends the client PRELOGIN and reads the answer.
func preloginExchange(conn net.Conn, enc uint8, instance string, timeout time.Duration) (*tds.Prelogin, error) {
	req := tds.Prelogin{
		Version: tds.ProductVersion{Major: 1, Minor: 0}, HasVersion: true,
		Encryption: enc, HasEncryption: true,
		Instance: instance, HasInstance: true,
		ThreadID: []byte{0, 0, 0, 0},
		MARS:     0, HasMARS: true,
	}
	conn.SetDeadline(time.Now().Add(timeout))
	defer conn.SetDeadline(time.Time{})
	w := tds.NewMessageWriter(conn, 4096)
	if err := w.WriteMessage(tds.PacketPrelogin, req.Encode(nil)); err != nil {
		return nil, err
	}
	msg, err := tds.NewMessageReader(conn, 0).ReadMessage()
	if err != nil {
		return nil, err
	}
	if msg.Type != tds.PacketReply {
		return nil, &notTDSError{fmt.Sprintf("reply packet type 0x%02X", uint8(msg.Type))}
	}
	var resp tds.Prelogin
	if err := resp.Decode(msg.Payload); err != nil {
		return nil, &notTDSError{err.Error()}
	}
	return &resp, nil
}

// notTDSError is an answer that is not a TDS PRELOGIN reply.
type notTDSError struct{ what string }

func (e *notTDSError) Error() string { return "not a TDS PRELOGIN reply: " + e.what }

// tlsFacts is what the doctor reports about the server's TLS.
type tlsFacts struct {
	Version, Cipher string
	Subject, Issuer string
	Names           []string
	NotAfter        time.Time
	Expired         bool
	Trusted         bool
	TrustErr        string
	NameMatch       bool
	SelfSigned      bool
}

func tlsVersionName(v uint16) string {
	switch v {
	case tls.VersionTLS10:
		return "TLS 1.0"
	case tls.VersionTLS11:
		return "TLS 1.1"
	case tls.VersionTLS12:
		return "TLS 1.2"
	case tls.VersionTLS13:
		return "TLS 1.3"
	}
	return fmt.Sprintf("0x%04X", v)
}

// handshake runs TLS inside PRELOGIN packets (TDS 7.x) without verifying,
// then judges the certificate the way a validating client would.
func handshake(conn net.Conn, host string, timeout time.Duration) (*tls.Conn, *tds.HandshakeConn, *tlsFacts, error) {
	hc := tds.NewHandshakeConn(conn, 4096)
	cfg := &tls.Config{
		InsecureSkipVerify:          true, // judged below, so the facts are reported either way
		MaxVersion:                  tls.VersionTLS12,
		DynamicRecordSizingDisabled: true,
	}
	if net.ParseIP(host) == nil {
		cfg.ServerName = host
	}
	tc := tls.Client(hc, cfg)
	conn.SetDeadline(time.Now().Add(timeout))
	defer conn.SetDeadline(time.Time{})
	if err := tc.Handshake(); err != nil {
		return nil, nil, nil, err
	}
	return tc, hc, judge(tc.ConnectionState(), host), nil
}

// judge describes the server certificate and checks it the way a
// validating client would (system roots, host name, expiry).
func judge(st tls.ConnectionState, host string) *tlsFacts {
	f := &tlsFacts{Version: tlsVersionName(st.Version), Cipher: tls.CipherSuiteName(st.CipherSuite)}
	if len(st.PeerCertificates) > 0 {
		leaf := st.PeerCertificates[0]
		f.Subject = leaf.Subject.String()
		f.Issuer = leaf.Issuer.String()
		f.NotAfter = leaf.NotAfter
		f.Expired = time.Now().After(leaf.NotAfter)
		f.SelfSigned = leaf.Subject.String() == leaf.Issuer.String()
		f.Names = append(f.Names, leaf.DNSNames...)
		for _, ip := range leaf.IPAddresses {
			f.Names = append(f.Names, ip.String())
		}
		if len(f.Names) == 0 && leaf.Subject.CommonName != "" {
			f.Names = []string{leaf.Subject.CommonName}
		}
		inter := x509.NewCertPool()
		for _, c := range st.PeerCertificates[1:] {
			inter.AddCert(c)
		}
		if _, err := leaf.Verify(x509.VerifyOptions{Intermediates: inter}); err != nil {
			f.TrustErr = err.Error()
		} else {
			f.Trusted = true
		}
		f.NameMatch = leaf.VerifyHostname(host) == nil
	}
	return f
}

// strictHandshake is TDS 8: TLS directly on the socket, ALPN tds/8.0,
// before any TDS byte.
func strictHandshake(conn net.Conn, host string, timeout time.Duration) (*tls.Conn, *tlsFacts, error) {
	cfg := &tls.Config{
		InsecureSkipVerify: true, // judged afterwards
		NextProtos:         []string{"tds/8.0"},
		MinVersion:         tls.VersionTLS12,
	}
	if net.ParseIP(host) == nil {
		cfg.ServerName = host
	}
	tc := tls.Client(conn, cfg)
	conn.SetDeadline(time.Now().Add(timeout))
	defer conn.SetDeadline(time.Time{})
	if err := tc.Handshake(); err != nil {
		return nil, nil, err
	}
	return tc, judge(tc.ConnectionState(), host), nil
}

// loginResult is what LOGIN7 got back.
type loginResult struct {
	ack    *tds.LoginAck
	errors []tds.ServerMessage
	infos  []tds.ServerMessage
	env    map[string]string
}

// login sends LOGIN7 on w and reads the reply from r.
func login(w net.Conn, r net.Conn, host, user, password, database string, timeout time.Duration) (*loginResult, error) {
	hn, _ := os.Hostname()
	l := tds.Login7{
		TDSVersion:   tds.Version74,
		PacketSize:   4096,
		ClientPID:    uint32(os.Getpid()),
		OptionFlags1: tds.Login1UseDB | tds.Login1DBFatal | tds.Login1SetLang,
		OptionFlags2: tds.Login2LangFatal | tds.Login2ODBC,
		HostName:     hn,
		UserName:     user,
		Password:     password,
		AppName:      "tsqld doctor",
		ServerName:   host,
		CltIntName:   "tsqld",
		Database:     database,
	}
	deadline := time.Now().Add(timeout)
	w.SetDeadline(deadline)
	r.SetDeadline(deadline)
	defer w.SetDeadline(time.Time{})
	defer r.SetDeadline(time.Time{})
	mw := tds.NewMessageWriter(w, 4096)
	if err := mw.WriteMessage(tds.PacketLogin7, l.Encode(nil)); err != nil {
		return nil, err
	}
	msg, err := tds.NewMessageReader(r, 0).ReadMessage()
	if err != nil {
		return nil, err
	}
	toks, err := tds.DecodeTokens(msg.Payload, tds.Version74)
	res := &loginResult{env: map[string]string{}}
	for _, t := range toks {
		switch v := t.(type) {
		case *tds.LoginAck:
			res.ack = v
		case *tds.ServerMessage:
			if v.Class > 10 {
				res.errors = append(res.errors, *v)
			} else {
				res.infos = append(res.infos, *v)
			}
		case *tds.EnvChange:
			if v.IsText() {
				res.env[envName(v.Type)] = v.NewString()
			}
		}
	}
	if err != nil && res.ack == nil && len(res.errors) == 0 {
		return nil, &notTDSError{err.Error()}
	}
	return res, nil
}

func envName(t uint8) string {
	switch t {
	case tds.EnvDatabase:
		return "database"
	case 2:
		return "language"
	case 4:
		return "packet_size"
	}
	return fmt.Sprintf("env%d", t)
}
