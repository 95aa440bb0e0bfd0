package client

import (
	"strconv"
	"strings"

	"github.com/tsqld/tsqld/sql/msgs"
)

// ParseNativeCode reads an error code as users paste it: decimal ("10061",
// "-2"), hex as the Linux ODBC driver prints it ("0x274D", "274Dh"), or
// ODBC's bracketed form ("[xFFFFFFFF]").
func ParseNativeCode(s string) (int32, bool) {
	s = strings.TrimSpace(s)
	s = strings.TrimSuffix(strings.TrimPrefix(s, "["), "]")
	hex := false
	switch {
	case strings.HasPrefix(s, "0x") || strings.HasPrefix(s, "0X"):
		s, hex = s[2:], true
	case strings.HasPrefix(s, "x") || strings.HasPrefix(s, "X"):
		s, hex = s[1:], true
	case strings.HasSuffix(s, "h") || strings.HasSuffix(s, "H"):
		s, hex = s[:len(s)-1], true
	}
	if hex {
		u, err := strconv.ParseUint(s, 16, 32)
		if err != nil {
			return 0, false
		}
		return int32(uint32(u)), true
	}
	n, err := strconv.ParseInt(s, 10, 32)
	if err != nil {
		return 0, false
	}
	return int32(n), true
}

// Explanation is what `tsqld doctor --explain <code>` prints for a number.
type Explanation struct {
	Number int32
	// Symbol is the Winsock/Win32 name (WSAECONNREFUSED …) when known.
	Symbol string
	// OSText is the operating-system text behind "error: 0 - ".
	OSText string
	// Doc holds the documented text, explanation and user action when the
	// number has an MSSQLSERVER_<n> page or is a server message.
	Doc    msgs.Entry
	HasDoc bool
}

// Explain decodes a client-visible error number in lang.
func Explain(number int32, lang msgs.Lang) (Explanation, bool) {
	ex := Explanation{Number: number}
	found := false
	if o, ok := msgs.LookupKind(msgs.KindOS, number); ok {
		ex.Symbol, ex.OSText = o.Name, o.Text(lang)
		found = true
	}
	if d, ok := msgs.LookupKind(msgs.KindConn, number); ok {
		ex.Doc, ex.HasDoc = d, true
		found = true
	} else if d, ok := msgs.Lookup(number); ok {
		ex.Doc, ex.HasDoc = d, true
		found = true
	}
	return ex, found
}
