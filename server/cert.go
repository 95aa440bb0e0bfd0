package server

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/sha1"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/hex"
	"encoding/pem"
	"errors"
	"fmt"
	"math/big"
	"net"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// Generated certificate file names inside the data directory.
const (
	generatedCertName = "tsqld-cert.pem"
	generatedKeyName  = "tsqld-key.pem"
)

// Certificate is the server's TLS certificate and how it was obtained.
type Certificate struct {
	TLS tls.Certificate
	// Thumbprint is the SHA-1 hash of the DER certificate in upper-case
	// hex, as SQL Server prints it in the error log.
	Thumbprint string
	// SelfGenerated is true when tsqld generated the certificate.
	SelfGenerated bool
	// CertFile/KeyFile are where it was read from or written to ("" when
	// it lives only in memory).
	CertFile, KeyFile string
}

// LoadCertificate returns the configured certificate (certFile/keyFile),
// or the self-signed one kept in dataDir, generating it at first start.
// With no dataDir the generated certificate lives in memory only.
func LoadCertificate(certFile, keyFile, dataDir, hostName string) (*Certificate, error) {
	if certFile != "" || keyFile != "" {
		if certFile == "" || keyFile == "" {
			return nil, errors.New("server: both a TLS certificate and a key file are needed")
		}
		pair, err := tls.LoadX509KeyPair(certFile, keyFile)
		if err != nil {
			return nil, fmt.Errorf("server: loading TLS certificate: %w", err)
		}
		return &Certificate{TLS: pair, Thumbprint: thumbprint(pair), CertFile: certFile, KeyFile: keyFile}, nil
	}
	if hostName == "" {
		hostName, _ = os.Hostname()
		if hostName == "" {
			hostName = "localhost"
		}
	}
	if dataDir != "" {
		cf := filepath.Join(dataDir, generatedCertName)
		kf := filepath.Join(dataDir, generatedKeyName)
		if pair, err := tls.LoadX509KeyPair(cf, kf); err == nil {
			return &Certificate{TLS: pair, Thumbprint: thumbprint(pair), SelfGenerated: true, CertFile: cf, KeyFile: kf}, nil
		} else if !errors.Is(err, os.ErrNotExist) {
			return nil, fmt.Errorf("server: loading generated TLS certificate: %w", err)
		}
		certPEM, keyPEM, err := generateSelfSigned(hostName, time.Now())
		if err != nil {
			return nil, err
		}
		if err := os.MkdirAll(dataDir, 0o700); err != nil {
			return nil, fmt.Errorf("server: %w", err)
		}
		// The key first, private to the owner: a certificate without its
		// key would make the next start fail instead of regenerating.
		if err := os.WriteFile(kf, keyPEM, 0o600); err != nil {
			return nil, fmt.Errorf("server: writing TLS key: %w", err)
		}
		if err := os.WriteFile(cf, certPEM, 0o644); err != nil {
			return nil, fmt.Errorf("server: writing TLS certificate: %w", err)
		}
		pair, err := tls.X509KeyPair(certPEM, keyPEM)
		if err != nil {
			return nil, err
		}
		return &Certificate{TLS: pair, Thumbprint: thumbprint(pair), SelfGenerated: true, CertFile: cf, KeyFile: kf}, nil
	}
	certPEM, keyPEM, err := generateSelfSigned(hostName, time.Now())
	if err != nil {
		return nil, err
	}
	pair, err := tls.X509KeyPair(certPEM, keyPEM)
	if err != nil {
		return nil, err
	}
	return &Certificate{TLS: pair, Thumbprint: thumbprint(pair), SelfGenerated: true}, nil
}

// generateSelfSigned makes an ECDSA P-256 server certificate valid for the
// host name, localhost and the loopback addresses (what clients put in
// their connection strings on this machine).
func generateSelfSigned(hostName string, now time.Time) (certPEM, keyPEM []byte, err error) {
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return nil, nil, err
	}
	serial, err := rand.Int(rand.Reader, new(big.Int).Lsh(big.NewInt(1), 127))
	if err != nil {
		return nil, nil, err
	}
	dns := []string{"localhost"}
	if !strings.EqualFold(hostName, "localhost") {
		dns = append(dns, hostName)
	}
	tmpl := &x509.Certificate{
		SerialNumber:          serial,
		Subject:               pkix.Name{CommonName: hostName},
		NotBefore:             now.Add(-time.Hour),
		NotAfter:              now.AddDate(10, 0, 0),
		KeyUsage:              x509.KeyUsageDigitalSignature | x509.KeyUsageCertSign,
		ExtKeyUsage:           []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
		BasicConstraintsValid: true,
		// Self-signed: it is its own CA, so a client can trust it by
		// adding this one file to its roots.
		IsCA:        true,
		DNSNames:    dns,
		IPAddresses: []net.IP{net.IPv4(127, 0, 0, 1), net.IPv6loopback},
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		return nil, nil, err
	}
	kder, err := x509.MarshalPKCS8PrivateKey(key)
	if err != nil {
		return nil, nil, err
	}
	certPEM = pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der})
	keyPEM = pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: kder})
	return certPEM, keyPEM, nil
}

func thumbprint(pair tls.Certificate) string {
	if len(pair.Certificate) == 0 {
		return ""
	}
	sum := sha1.Sum(pair.Certificate[0])
	return strings.ToUpper(hex.EncodeToString(sum[:]))
}
