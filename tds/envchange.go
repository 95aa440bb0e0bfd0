package tds

// ENVCHANGE types [MS-TDS 2.2.7.9].
const (
	EnvDatabase           uint8 = 1
	EnvLanguage           uint8 = 2
	EnvCharset            uint8 = 3 // TDS 7.0 only
	EnvPacketSize         uint8 = 4
	EnvSortLCID           uint8 = 5 // TDS 7.0 only
	EnvSortFlags          uint8 = 6 // TDS 7.0 only
	EnvCollation          uint8 = 7
	EnvBeginTran          uint8 = 8
	EnvCommitTran         uint8 = 9
	EnvRollbackTran       uint8 = 10
	EnvEnlistDTC          uint8 = 11
	EnvDefectTran         uint8 = 12
	EnvMirrorPartner      uint8 = 13
	EnvPromoteTran        uint8 = 15
	EnvTranMgrAddress     uint8 = 16
	EnvTranEnded          uint8 = 17
	EnvResetConnectionAck uint8 = 18
	EnvUserInstance       uint8 = 19
	EnvRouting            uint8 = 20
)

// envKind tells how the values of an ENVCHANGE type are framed.
type envKind uint8

const (
	envBVarChar  envKind = iota // B_VARCHAR (text)
	envBVarByte                 // B_VARBYTE
	envLVarByte                 // new L_VARBYTE, old B_VARBYTE (promote)
	envUSVarByte                // US_VARBYTE (routing)
)

func envKindOf(t uint8) envKind {
	switch t {
	case EnvDatabase, EnvLanguage, EnvCharset, EnvPacketSize, EnvSortLCID, EnvSortFlags,
		EnvMirrorPartner, EnvUserInstance:
		return envBVarChar
	case EnvPromoteTran:
		return envLVarByte
	case EnvRouting:
		return envUSVarByte
	}
	return envBVarByte
}

// EnvChange is an ENVCHANGE token (0xE3). For text types (database,
// language, packet size…) NewValue/OldValue hold the text as UTF-8 bytes
// (use the String accessors); for binary types (collation, transaction
// descriptors, routing) they hold the raw bytes.
type EnvChange struct {
	Type     uint8
	NewValue []byte
	OldValue []byte
}

// IsText reports whether the type's values are B_VARCHAR text.
func (e *EnvChange) IsText() bool { return envKindOf(e.Type) == envBVarChar }

// NewString and OldString return text values.
func (e *EnvChange) NewString() string { return string(e.NewValue) }
func (e *EnvChange) OldString() string { return string(e.OldValue) }

// AppendEnvChangeString appends a text ENVCHANGE (database, language,
// packet size as a decimal string, …).
func AppendEnvChangeString(dst []byte, typ uint8, newValue, oldValue string) []byte {
	dst, start := beginLen16(dst, TokenEnvChange)
	dst = append(dst, typ)
	dst = AppendBVarChar(dst, newValue)
	dst = AppendBVarChar(dst, oldValue)
	return endLen16(dst, start)
}

// AppendEnvChangeBytes appends a binary ENVCHANGE (B_VARBYTE values).
func AppendEnvChangeBytes(dst []byte, typ uint8, newValue, oldValue []byte) []byte {
	dst, start := beginLen16(dst, TokenEnvChange)
	dst = append(dst, typ)
	switch envKindOf(typ) {
	case envLVarByte:
		dst = appendU32(dst, uint32(len(newValue)))
		dst = append(dst, newValue...)
		dst = AppendBVarByte(dst, oldValue)
	case envUSVarByte:
		dst = appendU16(dst, uint16(len(newValue)))
		dst = append(dst, newValue...)
		dst = appendU16(dst, uint16(len(oldValue)))
		dst = append(dst, oldValue...)
	default:
		dst = AppendBVarByte(dst, newValue)
		dst = AppendBVarByte(dst, oldValue)
	}
	return endLen16(dst, start)
}

// AppendEnvChangePacketSize appends ENVCHANGE 4 with decimal strings, which
// go-mssqldb parses with Atoi.
func AppendEnvChangePacketSize(dst []byte, newSize, oldSize int) []byte {
	var nb, ob [12]byte
	dst, start := beginLen16(dst, TokenEnvChange)
	dst = append(dst, EnvPacketSize)
	dst = appendBVarCharASCII(dst, itoa(nb[:0], newSize))
	dst = appendBVarCharASCII(dst, itoa(ob[:0], oldSize))
	return endLen16(dst, start)
}

// AppendEnvChangeCollation appends ENVCHANGE 7: the new 5-byte collation and
// an empty old value.
func AppendEnvChangeCollation(dst []byte, c Collation) []byte {
	var b [5]byte
	c.put(b[:])
	return AppendEnvChangeBytes(dst, EnvCollation, b[:], nil)
}

// AppendEnvChangeBeginTran appends ENVCHANGE 8 with the 8-byte descriptor
// the client must echo in ALL_HEADERS.
func AppendEnvChangeBeginTran(dst []byte, descriptor uint64) []byte {
	var b [8]byte
	putU64(b[:], descriptor)
	return AppendEnvChangeBytes(dst, EnvBeginTran, b[:], nil)
}

// AppendEnvChangeEndTran appends ENVCHANGE 9 (commit), 10 (rollback) or
// 17 (transaction ended) with the old 8-byte descriptor and an empty new
// value.
func AppendEnvChangeEndTran(dst []byte, typ uint8, descriptor uint64) []byte {
	var b [8]byte
	putU64(b[:], descriptor)
	return AppendEnvChangeBytes(dst, typ, nil, b[:])
}

// AppendEnvChangeResetAck appends ENVCHANGE 18, the first token of a reply
// to a request that carried RESETCONNECTION.
func AppendEnvChangeResetAck(dst []byte) []byte {
	return AppendEnvChangeBytes(dst, EnvResetConnectionAck, nil, nil)
}

// AppendEnvChangeRouting appends ENVCHANGE 20 (send after LOGINACK): the
// client reconnects to server:port.
func AppendEnvChangeRouting(dst []byte, port uint16, server string) []byte {
	var v [2 + 1 + 2 + 2 + 2*255]byte
	b := append(v[:0], 0, 0, 0) // length placeholder, protocol 0 = TCP
	b = appendU16(b, port)
	b, _ = appendUSVarCharLimit(b, server, 255)
	putU16(b, uint16(len(b)-2))
	return AppendEnvChangeBytes(dst, EnvRouting, b[2:], nil)
}

// Encode appends the token.
func (e *EnvChange) Encode(dst []byte) []byte {
	if e.IsText() {
		return AppendEnvChangeString(dst, e.Type, string(e.NewValue), string(e.OldValue))
	}
	return AppendEnvChangeBytes(dst, e.Type, e.NewValue, e.OldValue)
}

// Decode reads the token at src[0] and returns the bytes consumed. Binary
// values alias src.
func (e *EnvChange) Decode(src []byte) (int, error) {
	if _, err := tokenHeader(src, TokenEnvChange); err != nil {
		return 0, err
	}
	c := cursor{b: src, off: 1}
	n := int(c.u16())
	body := cursor{b: c.bytes(n)}
	if c.err != nil {
		return 0, c.err
	}
	e.Type = body.u8()
	switch envKindOf(e.Type) {
	case envBVarChar:
		e.NewValue = []byte(body.bVarChar())
		e.OldValue = []byte(body.bVarChar())
	case envLVarByte:
		e.NewValue = body.bytes(int(body.u32()))
		e.OldValue = body.bVarByte()
	case envUSVarByte:
		e.NewValue = body.bytes(int(body.u16()))
		e.OldValue = body.bytes(int(body.u16()))
	default:
		e.NewValue = body.bVarByte()
		e.OldValue = body.bVarByte()
	}
	if body.err != nil {
		return 0, body.err
	}
	return c.off, nil
}

func appendBVarCharASCII(dst []byte, s []byte) []byte {
	dst = append(dst, byte(len(s)))
	for _, ch := range s {
		dst = append(dst, ch, 0)
	}
	return dst
}

func appendUSVarCharLimit(dst []byte, s string, max int) ([]byte, int) {
	at := len(dst)
	dst = append(dst, 0, 0)
	dst, n := appendUTF16Limit(dst, s, max)
	putU16(dst[at:], uint16(n))
	return dst, n
}

func itoa(dst []byte, v int) []byte {
	if v < 0 {
		dst = append(dst, '-')
		v = -v
	}
	var tmp [20]byte
	i := len(tmp)
	for {
		i--
		tmp[i] = byte('0' + v%10)
		v /= 10
		if v == 0 {
			break
		}
	}
	return append(dst, tmp[i:]...)
}
