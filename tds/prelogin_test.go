package tds

import (
	"bytes"
	"testing"
)

// The PRELOGIN example of MS-TDS 4.1 (payload after the packet header).
const specPreloginRequest = `00 00 1A 00 06 01 00 20 00 01 02 00 21 00 01 03 00 22 00 04 04 00 26 00
01 FF 09 00 00 00 00 00 01 00 B8 0D 00 00 01`

func TestPreloginSpecExample(t *testing.T) {
	var p Prelogin
	if err := p.Decode(hx(t, specPreloginRequest)); err != nil {
		t.Fatal(err)
	}
	if !p.HasVersion || p.Version != (ProductVersion{9, 0, 0, 0}) {
		t.Fatalf("version %+v", p.Version)
	}
	if !p.HasEncryption || p.Encryption != EncryptOn {
		t.Fatalf("encryption %d", p.Encryption)
	}
	if !p.HasInstance || p.Instance != "" {
		t.Fatalf("instance %q", p.Instance)
	}
	if !bytes.Equal(p.ThreadID, hx(t, "B8 0D 00 00")) {
		t.Fatalf("threadid % X", p.ThreadID)
	}
	if !p.HasMARS || p.MARS != 1 {
		t.Fatalf("mars %d", p.MARS)
	}
	// Re-encoding yields the same bytes: option order and offsets match.
	eqBytes(t, "re-encode", p.Encode(nil), hx(t, specPreloginRequest))
}

func TestPreloginRoundTrip(t *testing.T) {
	p := Prelogin{
		Version: ProductVersion{16, 0, 4000, 7}, HasVersion: true,
		Encryption: EncryptOn, HasEncryption: true,
		Instance: "MSSQLServer", HasInstance: true,
		ThreadID: []byte{1, 2, 3, 4},
		MARS:     0, HasMARS: true,
		TraceID:         bytes.Repeat([]byte{0xAB}, 36),
		FedAuthRequired: 1, HasFedAuthRequired: true,
		Nonce:   bytes.Repeat([]byte{0xCD}, 32),
		Unknown: []PreloginOption{{Token: 0x09, Data: []byte{7}}},
	}
	var q Prelogin
	if err := q.Decode(p.Encode(nil)); err != nil {
		t.Fatal(err)
	}
	if q.Version != p.Version || q.Encryption != p.Encryption || q.Instance != p.Instance ||
		!bytes.Equal(q.ThreadID, p.ThreadID) || q.HasMARS != p.HasMARS || !bytes.Equal(q.TraceID, p.TraceID) ||
		q.FedAuthRequired != 1 || !bytes.Equal(q.Nonce, p.Nonce) || len(q.Unknown) != 1 || q.Unknown[0].Data[0] != 7 {
		t.Fatalf("round trip: %+v", q)
	}
}

func TestServerPrelogin(t *testing.T) {
	p := ServerPrelogin(ProductVersion{16, 0, 4000, 0}, EncryptNotSup)
	b := p.Encode(nil)
	// VERSION(6) ENCRYPTION(1) INSTOPT(1 = 0) THREADID(0) MARS(1 = 0).
	want := hx(t, `00 00 1A 00 06  01 00 20 00 01  02 00 21 00 01  03 00 22 00 00  04 00 22 00 01  FF
		10 00 0F A0 00 00  02  00  00`)
	eqBytes(t, "server prelogin", b, want)
}

func TestPreloginMalformed(t *testing.T) {
	for _, s := range []string{"", "00", "00 00 1A 00 06", "00 00 05 00 06 FF", "01 00 06 00 00 FF", "05 00 06 00 10 FF"} {
		var p Prelogin
		if err := p.Decode(hx(t, s)); err == nil {
			t.Errorf("%q accepted", s)
		}
	}
}

func TestNegotiateEncryption(t *testing.T) {
	type row struct {
		client uint8
		policy EncryptionPolicy
		reply  uint8
		mode   EncryptionMode
	}
	for _, r := range []row{
		{EncryptOff, PolicyOff, EncryptOff, EncryptionLoginOnly},
		{EncryptOff, PolicyOn, EncryptReq, EncryptionFull},
		{EncryptOff, PolicyNotSupported, EncryptNotSup, EncryptionNone},
		{EncryptOn, PolicyOff, EncryptOn, EncryptionFull},
		{EncryptOn, PolicyOn, EncryptOn, EncryptionFull},
		{EncryptOn, PolicyNotSupported, EncryptNotSup, EncryptionRefuse},
		{EncryptNotSup, PolicyOff, EncryptNotSup, EncryptionNone},
		{EncryptNotSup, PolicyOn, EncryptReq, EncryptionRefuse},
		{EncryptNotSup, PolicyNotSupported, EncryptNotSup, EncryptionNone},
		{EncryptReq, PolicyOff, EncryptOn, EncryptionFull},
		{EncryptReq, PolicyOn, EncryptOn, EncryptionFull},
		{EncryptReq, PolicyNotSupported, EncryptNotSup, EncryptionRefuse},
		{EncryptOff | EncryptClientCert, PolicyOff, EncryptOff, EncryptionLoginOnly},
		{EncryptStrict, PolicyOff, EncryptOn, EncryptionFull},
	} {
		reply, mode := NegotiateEncryption(r.client, r.policy)
		if reply != r.reply || mode != r.mode {
			t.Errorf("client %#x policy %d: got %#x %v, want %#x %v", r.client, r.policy, reply, mode, r.reply, r.mode)
		}
	}
}
