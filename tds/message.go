package tds

// maxMessageUnits bounds an INFO/ERROR text so the token length (USHORT)
// cannot overflow; SQL Server's own messages stop at 2047 characters.
const maxMessageUnits = 8000

// Message severities (Class): up to 10 is informational (INFO token), 11 and
// above is an error, 20 and above is fatal to the connection.
const (
	MaxInfoClass  uint8 = 10
	MinFatalClass uint8 = 20
)

// ServerMessage is an ERROR (0xAA) or INFO (0xAB) token. The line number is
// a LONG for 7.2+ and a USHORT for 7.1.
type ServerMessage struct {
	Token      uint8 // TokenError or TokenInfo; Encode picks by Class when 0
	Number     int32
	State      uint8
	Class      uint8
	Text       string
	ServerName string
	ProcName   string
	Line       int32
}

// AppendServerMessage appends an ERROR or INFO token (token = TokenError or
// TokenInfo).
func AppendServerMessage(dst []byte, v Version, token uint8, number int32, state, class uint8, text, server, proc string, line int32) []byte {
	dst, start := beginLen16(dst, token)
	dst = appendU32(dst, uint32(number))
	dst = append(dst, state, class)
	at := len(dst)
	dst = append(dst, 0, 0)
	dst, n := appendUTF16Limit(dst, text, maxMessageUnits)
	putU16(dst[at:], uint16(n))
	dst = AppendBVarChar(dst, server)
	dst = AppendBVarChar(dst, proc)
	if v.Is72() {
		dst = appendU32(dst, uint32(line))
	} else {
		dst = appendU16(dst, uint16(line))
	}
	return endLen16(dst, start)
}

// Encode appends the token; with Token 0 it is INFO for Class ≤ 10 and
// ERROR otherwise.
func (m *ServerMessage) Encode(dst []byte, v Version) []byte {
	tok := m.Token
	if tok == 0 {
		tok = TokenError
		if m.Class <= MaxInfoClass {
			tok = TokenInfo
		}
	}
	return AppendServerMessage(dst, v, tok, m.Number, m.State, m.Class, m.Text, m.ServerName, m.ProcName, m.Line)
}

// Decode reads the token at src[0] and returns the bytes consumed.
func (m *ServerMessage) Decode(src []byte, v Version) (int, error) {
	tok, err := tokenHeader(src, TokenError, TokenInfo)
	if err != nil {
		return 0, err
	}
	c := cursor{b: src, off: 1}
	n := int(c.u16())
	body := cursor{b: c.bytes(n)}
	if c.err != nil {
		return 0, c.err
	}
	m.Token = tok
	m.Number = int32(body.u32())
	m.State = body.u8()
	m.Class = body.u8()
	m.Text = body.usVarChar()
	m.ServerName = body.bVarChar()
	m.ProcName = body.bVarChar()
	if v.Is72() {
		m.Line = int32(body.u32())
	} else {
		m.Line = int32(body.u16())
	}
	if body.err != nil {
		return 0, body.err
	}
	return c.off, nil
}
