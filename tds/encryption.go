package tds

// PRELOGIN ENCRYPTION values [MS-TDS 2.2.6.5].
const (
	EncryptOff    uint8 = 0x00 // encryption available but off (login-only TLS)
	EncryptOn     uint8 = 0x01
	EncryptNotSup uint8 = 0x02
	EncryptReq    uint8 = 0x03
	// EncryptStrict is what go-mssqldb sends inside a TDS 8 TLS session; the
	// value is meaningless there.
	EncryptStrict     uint8 = 0x04
	EncryptClientCert uint8 = 0x80 // flag: client certificate authentication
)

// EncryptionPolicy is the server's configured stance, the column of the
// spec's ENCRYPTION matrix.
type EncryptionPolicy uint8

const (
	// PolicyOff: TLS is available but not forced (SQL Server's default).
	PolicyOff EncryptionPolicy = iota
	// PolicyOn: force encryption.
	PolicyOn
	// PolicyNotSupported: no certificate; never TLS.
	PolicyNotSupported
)

// EncryptionMode is what happens on the connection after PRELOGIN.
type EncryptionMode uint8

const (
	// EncryptionNone: no TLS at all.
	EncryptionNone EncryptionMode = iota
	// EncryptionLoginOnly: TLS handshake, then only the first LOGIN7 packet
	// is encrypted; everything after is plaintext in both directions.
	EncryptionLoginOnly
	// EncryptionFull: TLS handshake, then the whole connection is TLS.
	EncryptionFull
	// EncryptionRefuse: the combination is impossible; the client will
	// terminate after the reply (the server should close too).
	EncryptionRefuse
)

func (m EncryptionMode) String() string {
	switch m {
	case EncryptionNone:
		return "none"
	case EncryptionLoginOnly:
		return "login-only"
	case EncryptionFull:
		return "full"
	case EncryptionRefuse:
		return "refuse"
	}
	return "?"
}

// NegotiateEncryption implements the spec's ENCRYPTION matrix for TDS 7.x:
// from the client's PRELOGIN value and the server policy it returns the
// value to reply and the resulting mode. The client-certificate flag and
// reserved bits are masked off; values other than 0–3 are treated as
// ENCRYPT_ON (the strongest request). TDS 8 connections are already TLS and
// must not call this.
func NegotiateEncryption(client uint8, policy EncryptionPolicy) (reply uint8, mode EncryptionMode) {
	c := client & 0x0F
	if c > EncryptReq {
		c = EncryptOn
	}
	switch policy {
	case PolicyNotSupported:
		switch c {
		case EncryptOff, EncryptNotSup:
			return EncryptNotSup, EncryptionNone
		default: // ON, REQ: the client insists and will terminate
			return EncryptNotSup, EncryptionRefuse
		}
	case PolicyOn:
		switch c {
		case EncryptOff:
			return EncryptReq, EncryptionFull
		case EncryptNotSup:
			return EncryptReq, EncryptionRefuse
		default:
			return EncryptOn, EncryptionFull
		}
	default: // PolicyOff
		switch c {
		case EncryptOff:
			return EncryptOff, EncryptionLoginOnly
		case EncryptNotSup:
			return EncryptNotSup, EncryptionNone
		default:
			return EncryptOn, EncryptionFull
		}
	}
}
