package client

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"io"
	"net"
	"os"
	"syscall"
)

// ProviderFor is the SNI provider a transport reports under.
func ProviderFor(p Protocol) Provider {
	switch p {
	case ProtoNamedPipe:
		return ProviderNamedPipes
	case ProtoSharedMemory:
		return ProviderSharedMemory
	}
	return ProviderTCP
}

// FromDialError maps a Go network error to the SQL Server client error a
// Windows client would show for the same event. proto is the transport that
// failed (TCP, or np:/lpc: carried over the Unix socket) and phase where it
// failed. An error that already is a *ConnError is returned as is.
//
// Mapping (TCP): ECONNREFUSED → 10061; ETIMEDOUT and a dial that hits its
// deadline → 10060 (a client cannot tell a dropped SYN from a slow one);
// ECONNRESET, EPIPE and EOF → 10054; ECONNABORTED → 10053; EHOSTUNREACH →
// 10065; ENETUNREACH → 10051; DNS "no such host" → 11001, other DNS failures
// → 11002. A timeout after the TCP connection exists (pre-login, login,
// reads) is -2. TLS: an untrusted chain → -2146893019 and a name mismatch →
// -2146762481 (SSL Provider, "error: 0"), any other handshake failure → SNI
// 31. Local socket (np:/lpc:): a missing socket or one nobody listens on →
// 2 with "error: 40 - Could not open a connection to SQL Server"; a reset or
// EOF afterwards → 233 "No process is on the other end of the pipe.".
func FromDialError(err error, proto Protocol, phase Phase) *ConnError {
	if err == nil {
		return nil
	}
	var ce *ConnError
	if errors.As(err, &ce) {
		return ce
	}
	socket := proto == ProtoNamedPipe || proto == ProtoSharedMemory
	prov := ProviderFor(proto)

	// TLS first: handshake errors wrap no errno.
	var unknownCA x509.UnknownAuthorityError
	var certInvalid x509.CertificateInvalidError
	var hostErr x509.HostnameError
	var tlsVerify *tls.CertificateVerificationError
	switch {
	case errors.As(err, &hostErr):
		return NewOSError(PhaseLogin, ProviderSSL, NumCertNameInvalid, err)
	case errors.As(err, &unknownCA), errors.As(err, &certInvalid):
		return NewOSError(PhaseLogin, ProviderSSL, NumUntrustedRoot, err)
	case errors.As(err, &tlsVerify):
		return NewOSError(PhaseLogin, ProviderSSL, NumUntrustedRoot, err)
	}
	var recHdr tls.RecordHeaderError
	var alert tls.AlertError
	if errors.As(err, &recHdr) || errors.As(err, &alert) {
		return NewSNIError(PhaseLogin, ProviderSSL, SNITLSHandshake, NumSNI, err)
	}

	var dnsErr *net.DNSError
	if errors.As(err, &dnsErr) {
		if dnsErr.IsNotFound || !(dnsErr.IsTemporary || dnsErr.IsTimeout) {
			return NewOSError(PhaseConnect, ProviderTCP, NumHostNotFound, err)
		}
		return NewOSError(PhaseConnect, ProviderTCP, NumTryAgain, err)
	}

	if socket {
		switch {
		case errors.Is(err, syscall.ENOENT), errors.Is(err, os.ErrNotExist),
			errors.Is(err, syscall.ECONNREFUSED), errors.Is(err, syscall.EACCES):
			e := NewSNIError(PhaseConnect, prov, SNICannotOpen, NumFileNotFound, err)
			e.Native = NumFileNotFound
			return e
		case errors.Is(err, syscall.ECONNRESET), errors.Is(err, syscall.EPIPE),
			errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
			p := phase
			if p == PhaseConnect {
				p = PhaseLogin
			}
			return NewOSError(p, prov, NumPipeNotConn, err)
		}
	}

	switch {
	case errors.Is(err, syscall.ECONNREFUSED):
		return NewOSError(PhaseConnect, prov, NumRefused, err)
	case errors.Is(err, syscall.ETIMEDOUT):
		return NewOSError(phase, prov, NumTimedOut, err)
	case errors.Is(err, syscall.EHOSTUNREACH):
		return NewOSError(PhaseConnect, prov, NumHostUnreachable, err)
	case errors.Is(err, syscall.ENETUNREACH):
		return NewOSError(PhaseConnect, prov, NumNetUnreachable, err)
	case errors.Is(err, syscall.ECONNABORTED):
		return NewOSError(phase, prov, NumAborted, err)
	case errors.Is(err, syscall.ECONNRESET), errors.Is(err, syscall.EPIPE),
		errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, net.ErrClosed):
		p := phase
		if p == PhaseConnect {
			// The TCP connection existed, so the failure is the pre-login's.
			p = PhasePreLogin
		}
		return NewOSError(p, prov, NumReset, err)
	}

	var ne net.Error
	if errors.Is(err, context.DeadlineExceeded) || errors.Is(err, os.ErrDeadlineExceeded) ||
		(errors.As(err, &ne) && ne.Timeout()) {
		if phase == PhaseConnect || phase == PhaseLegacyConnect {
			return NewOSError(phase, prov, NumTimedOut, err)
		}
		return NewTimeout(phase, err)
	}
	// Unknown: keep the Go text as the detail under the transport's
	// provider; the number says "no OS code".
	return &ConnError{Number: NumSNI, Class: 20, Phase: phase, Provider: prov, SNIError: SNIOSError, Err: err}
}
