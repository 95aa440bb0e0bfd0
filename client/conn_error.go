package client

import (
	"strconv"
	"strings"

	"github.com/tsqld/tsqld/sql/msgs"
)

// Phase is the connection phase a failure happened in; it selects
// SqlClient's context sentence (the Snix_* resources). Values are the
// catalogue's KindContext numbers.
type Phase int32

const (
	PhaseConnect                    Phase = 1  // Snix_Connect
	PhasePreLogin                   Phase = 2  // Snix_PreLogin
	PhaseLogin                      Phase = 3  // Snix_Login (TLS failures too)
	PhaseLoginSSPI                  Phase = 4  // Snix_LoginSspi
	PhasePreLoginBeforeSuccessWrite Phase = 5  // Snix_PreLoginBeforeSuccessfulWrite
	PhaseExecute                    Phase = 6  // Snix_Execute
	PhaseRead                       Phase = 7  // Snix_Read
	PhaseLegacyConnect              Phase = 10 // the docs' SQL Server 2005 wording of PhaseConnect
)

// Provider is an SNI provider (SqlClient's SNI_PN<n> numbering).
type Provider int32

const (
	ProviderHTTP         Provider = 0
	ProviderNamedPipes   Provider = 1
	ProviderSession      Provider = 2
	ProviderSign         Provider = 3
	ProviderSharedMemory Provider = 4
	ProviderSMux         Provider = 5
	ProviderSSL          Provider = 6
	ProviderTCP          Provider = 7
	ProviderVIA          Provider = 8
	ProviderCTAIP        Provider = 9
	ProviderSNI          Provider = 11 // "SQL Network Interfaces"
)

// Well-known numbers of the family (SqlException.Number).
const (
	NumRefused         = 10061 // WSAECONNREFUSED
	NumTimedOut        = 10060 // WSAETIMEDOUT
	NumReset           = 10054 // WSAECONNRESET
	NumAborted         = 10053 // WSAECONNABORTED
	NumHostNotFound    = 11001 // WSAHOST_NOT_FOUND
	NumTryAgain        = 11002 // WSATRY_AGAIN
	NumNetUnreachable  = 10051
	NumHostUnreachable = 10065
	NumFileNotFound    = 2   // ERROR_FILE_NOT_FOUND (pipe does not exist)
	NumBadNetPath      = 53  // ERROR_BAD_NETPATH
	NumPipeNotConn     = 233 // ERROR_PIPE_NOT_CONNECTED
	NumWaitTimeout     = 258
	NumSNI             = -1 // SNI errors without an OS code (26, 28 …)
	NumTimeout         = -2 // SqlClient's TIMEOUT_EXPIRED
	NumUntrustedRoot   = -2146893019
	NumCertNameInvalid = -2146762481
)

// SNI error codes used here (the number after "error:").
const (
	SNIOSError          = 0
	SNITerminated       = 2
	SNITimeout          = 11
	SNINoServer         = 12
	SNIClosedByPeer     = 18
	SNIBadConnString    = 25
	SNILocatingInstance = 26
	SNIProtocolNotSupp  = 28
	SNITLSHandshake     = 31
	SNICannotOpen       = 40
	SNIRemoteSM         = 41
)

// ConnError is a client-side connection failure shaped like SqlClient's
// SqlException for the 10061 family: class 20, state 0, and the text
// "<context> (provider: <provider>, error: <n> - <detail>)".
type ConnError struct {
	// Number is SqlException.Number: the OS error behind "error: 0", the
	// native code of an SNI error when there is one, -1 otherwise, -2 for
	// timeouts.
	Number int32
	Class  uint8
	State  uint8
	Phase  Phase
	// Provider and SNIError fill "(provider: …, error: SNIError - …)".
	Provider Provider
	SNIError int32
	// Native is the OS error whose text is the detail when SNIError is 0.
	Native int32
	// Durations for the pre-login timeout text (milliseconds); Timeout
	// errors use the SQL_Timeout text unless PreLoginTimeout is set.
	PreLoginTimeout             bool
	InitMillis, HandshakeMillis int64
	// Err is the Go error this was built from, if any.
	Err error
}

// NewOSError builds the "error: 0 - <OS text>" form for a native error.
func NewOSError(phase Phase, provider Provider, native int32, cause error) *ConnError {
	return &ConnError{Number: native, Class: 20, Phase: phase, Provider: provider, SNIError: SNIOSError, Native: native, Err: cause}
}

// NewSNIError builds the "error: <sni> - <SNI text>" form; number is the
// SqlException number clients see (-1 for 26 and 28, 2 or 53 for 40).
func NewSNIError(phase Phase, provider Provider, sni int32, number int32, cause error) *ConnError {
	return &ConnError{Number: number, Class: 20, Phase: phase, Provider: provider, SNIError: sni, Err: cause}
}

// NewTimeout builds the -2 timeout error.
func NewTimeout(phase Phase, cause error) *ConnError {
	return &ConnError{Number: NumTimeout, Class: 20, Phase: phase, Err: cause}
}

// NewPreLoginTimeout builds SqlClient's "Connection Timeout Expired … consume
// the pre-login handshake acknowledgement …" (-2) with its durations.
func NewPreLoginTimeout(initMillis, handshakeMillis int64, cause error) *ConnError {
	return &ConnError{Number: NumTimeout, Class: 20, Phase: PhasePreLogin, PreLoginTimeout: true,
		InitMillis: initMillis, HandshakeMillis: handshakeMillis, Err: cause}
}

// Refused is 10061 over TCP while connecting.
func Refused(cause error) *ConnError { return NewOSError(PhaseConnect, ProviderTCP, NumRefused, cause) }

// InstanceNotFound is SNI error 26: the Browser gave no usable answer.
func InstanceNotFound(cause error) *ConnError {
	return NewSNIError(PhaseConnect, ProviderSNI, SNILocatingInstance, NumSNI, cause)
}

// ProtocolNotSupported is SNI error 28 (-1): the Browser answered without
// the requested protocol (no "tcp;").
func ProtocolNotSupported(cause error) *ConnError {
	return NewSNIError(PhaseConnect, ProviderSNI, SNIProtocolNotSupp, NumSNI, cause)
}

func (e *ConnError) Error() string { return e.Message(msgs.English) }

// Unwrap returns the underlying Go error.
func (e *ConnError) Unwrap() error { return e.Err }

// Timeout reports a -2 timeout (net.Error style).
func (e *ConnError) Timeout() bool {
	return e.Number == NumTimeout || e.Native == NumTimedOut || e.Native == NumWaitTimeout
}

func ctxText(lang msgs.Lang, id int32) string {
	if c, ok := msgs.LookupKind(msgs.KindContext, id); ok {
		return c.Text(lang)
	}
	return ""
}

// Context returns the context sentence in lang.
func (e *ConnError) Context(lang msgs.Lang) string { return ctxText(lang, int32(e.Phase)) }

// ProviderName returns the provider name in lang.
func (e *ConnError) ProviderName(lang msgs.Lang) string {
	if p, ok := msgs.LookupKind(msgs.KindProvider, int32(e.Provider)); ok {
		return p.Text(lang)
	}
	return ""
}

// Detail is the text after "error: n - ": the OS text for error 0, the SNI
// text otherwise. An OS error the catalogue does not know falls back to the
// Go error's text.
func (e *ConnError) Detail(lang msgs.Lang) string {
	if e.SNIError != SNIOSError {
		if s, ok := msgs.LookupKind(msgs.KindSNI, e.SNIError); ok {
			return s.Text(lang)
		}
		return ""
	}
	if o, ok := msgs.LookupKind(msgs.KindOS, e.Native); ok {
		return o.Text(lang)
	}
	if e.Err != nil {
		return e.Err.Error()
	}
	return ""
}

// Message is SqlException.Message in lang. "provider:" and "error:" stay in
// English in every language, as SqlClient hard-codes them.
func (e *ConnError) Message(lang msgs.Lang) string {
	if e.Number == NumTimeout {
		if e.PreLoginTimeout {
			return msgs.Format(ctxText(lang, 21), e.InitMillis, e.HandshakeMillis)
		}
		return ctxText(lang, 20)
	}
	return msgs.Format(ctxText(lang, 50), e.Context(lang), e.ProviderName(lang), e.SNIError, e.Detail(lang))
}

// SSMSText is Message followed by SSMS's " (Microsoft SQL Server, Error: n)".
func (e *ConnError) SSMSText(lang msgs.Lang) string {
	return e.Message(lang) + " " + msgs.Format(ctxText(lang, 40), e.Number)
}

// SqlClientText is Message followed by " (.Net SqlClient Data Provider)".
func (e *ConnError) SqlClientText(lang msgs.Lang) string {
	return e.Message(lang) + " " + ctxText(lang, 41)
}

// Doc returns the documented explanation and user action for the error's
// number (the MSSQLSERVER_<n> pages), or for its SNI error.
func (e *ConnError) Doc() (msgs.Entry, bool) {
	if d, ok := msgs.LookupKind(msgs.KindConn, e.Number); ok && !(e.Number == NumSNI && e.SNIError != SNIProtocolNotSupp) {
		return d, true
	}
	if e.SNIError != SNIOSError {
		if d, ok := msgs.LookupKind(msgs.KindSNI, e.SNIError); ok && d.ExplainEN != "" {
			return d, true
		}
	}
	return msgs.Entry{}, false
}

// ODBCRecord is one ODBC diagnostic record.
type ODBCRecord struct {
	SQLState string
	Native   int32
	Text     string
}

// ODBCRecords renders the failure the way the Microsoft ODBC driver on
// Linux reports it: for connect-phase network failures the three records
// "Login timeout expired" (HYT00), "<provider>: Error code 0x<hex>" (08001)
// and the ODBC network-related sentence (08001). driver is the driver name,
// e.g. "ODBC Driver 18 for SQL Server".
func (e *ConnError) ODBCRecords(lang msgs.Lang, driver string) []ODBCRecord {
	prefix := "[Microsoft][" + driver + "]"
	var recs []ODBCRecord
	if e.Phase == PhaseConnect || e.Phase == PhaseLegacyConnect || e.Number == NumTimeout {
		recs = append(recs, ODBCRecord{"HYT00", 0, prefix + ctxText(lang, 30)})
	}
	if e.Number == NumTimeout {
		return recs
	}
	code := e.Native
	if code == 0 && e.SNIError != SNIOSError {
		code = -1 // ODBC prints [xFFFFFFFF] for SNI errors without an OS code
	}
	detail := msgs.Format(ctxText(lang, 32), e.ProviderName(msgs.English), uint32(code))
	if e.SNIError != SNIOSError {
		detail = e.ProviderName(msgs.English) + ": " + e.Detail(lang) + " [x" + strings.ToUpper(strconv.FormatUint(uint64(uint32(code)), 16)) + "]."
	}
	recs = append(recs, ODBCRecord{"08001", e.Number, prefix + detail})
	if e.Phase == PhaseConnect || e.Phase == PhaseLegacyConnect {
		recs = append(recs, ODBCRecord{"08001", e.Number, prefix + ctxText(lang, 31)})
	} else {
		recs = append(recs, ODBCRecord{"08001", e.Number, prefix + "Client unable to establish connection"})
	}
	return recs
}

// SqlcmdLines renders the ODBC records as ODBC-based sqlcmd prints them:
// "Sqlcmd: Error: Microsoft ODBC Driver 18 for SQL Server : <text>." (the
// sentence that already ends with a period gets a second one, as sqlcmd
// does).
func (e *ConnError) SqlcmdLines(lang msgs.Lang, driver string) []string {
	recs := e.ODBCRecords(lang, driver)
	out := make([]string, len(recs))
	prefix := "[Microsoft][" + driver + "]"
	for i, r := range recs {
		out[i] = ctxText(lang, 43) + "Microsoft " + driver + " : " + strings.TrimPrefix(r.Text, prefix) + "."
	}
	return out
}
