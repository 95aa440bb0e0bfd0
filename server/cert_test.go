package server

import (
	"crypto/x509"
	"encoding/pem"
	"net"
	"os"
	"path/filepath"
	"testing"
)

func TestGeneratedCertificateReused(t *testing.T) {
	dir := t.TempDir()
	c1, err := LoadCertificate("", "", dir, "myhost")
	if err != nil {
		t.Fatal(err)
	}
	if !c1.SelfGenerated || len(c1.Thumbprint) != 40 || c1.CertFile != filepath.Join(dir, "tsqld-cert.pem") {
		t.Fatalf("generated %+v", c1)
	}
	if fi, err := os.Stat(c1.KeyFile); err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("key file %v %v", fi, err)
	}
	c2, err := LoadCertificate("", "", dir, "myhost")
	if err != nil || c2.Thumbprint != c1.Thumbprint {
		t.Fatalf("second start made a new certificate: %v %v", c2, err)
	}
	pemBytes, _ := os.ReadFile(c1.CertFile)
	blk, _ := pem.Decode(pemBytes)
	x, err := x509.ParseCertificate(blk.Bytes)
	if err != nil {
		t.Fatal(err)
	}
	if x.Subject.CommonName != "myhost" {
		t.Errorf("CN %q", x.Subject.CommonName)
	}
	for _, h := range []string{"localhost", "myhost", "127.0.0.1", "::1"} {
		if err := x.VerifyHostname(h); err != nil {
			t.Errorf("certificate not valid for %s: %v", h, err)
		}
	}
	// A configured pair is used as is.
	c3, err := LoadCertificate(c1.CertFile, c1.KeyFile, "", "")
	if err != nil || c3.SelfGenerated || c3.Thumbprint != c1.Thumbprint {
		t.Errorf("configured certificate %+v %v", c3, err)
	}
	if _, err := LoadCertificate(c1.CertFile, "", "", ""); err == nil {
		t.Error("a certificate without its key was accepted")
	}
}

func TestListeningLine(t *testing.T) {
	cases := map[string]net.Addr{
		"Server is listening on [ 'any' <ipv4> 1433].":      &net.TCPAddr{IP: net.IPv4zero, Port: 1433},
		"Server is listening on [ 'any' <ipv6> 1433].":      &net.TCPAddr{IP: net.IPv6unspecified, Port: 1433},
		"Server is listening on [ 127.0.0.1 <ipv4> 52605].": &net.TCPAddr{IP: net.IPv4(127, 0, 0, 1), Port: 52605},
		"Server is listening on [ ::1 <ipv6> 1434].":        &net.TCPAddr{IP: net.IPv6loopback, Port: 1434},
	}
	for want, a := range cases {
		if got := listeningLine(a); got != want {
			t.Errorf("got %q, want %q", got, want)
		}
	}
}
