package tds

import "encoding/binary"

// LOGIN7 option flag bits [MS-TDS 2.2.6.4].
const (
	// OptionFlags1
	Login1UseDB   uint8 = 0x20 // fUseDB: notify database changes (ENVCHANGE + 5701)
	Login1DBFatal uint8 = 0x40 // fDatabase: failure to open the initial database is fatal
	Login1SetLang uint8 = 0x80 // fSetLang: notify language changes (ENVCHANGE + 5703)
	// OptionFlags2
	Login2LangFatal      uint8 = 0x01
	Login2ODBC           uint8 = 0x02 // fODBC: apply ODBC session defaults
	Login2IntSecurity    uint8 = 0x80 // integrated security (SSPI)
	Login2UserTypeMask   uint8 = 0x70
	Login2UserTypeServer uint8 = 0x10
	// TypeFlags
	LoginTypeSQLMask        uint8 = 0x0F
	LoginTypeOLEDB          uint8 = 0x10 // fOLEDB: same defaults as fODBC
	LoginTypeReadOnlyIntent uint8 = 0x20
	// OptionFlags3
	Login3ChangePassword   uint8 = 0x01
	Login3BinaryXML        uint8 = 0x02
	Login3UserInstance     uint8 = 0x04
	Login3UnknownCollation uint8 = 0x08
	Login3Extension        uint8 = 0x10 // fExtension: ibExtension points to FeatureExt
)

// FeatureExt ids [MS-TDS 2.2.6.4].
const (
	FeatureSessionRecovery    uint8 = 0x01
	FeatureFedAuth            uint8 = 0x02
	FeatureColumnEncryption   uint8 = 0x04
	FeatureGlobalTransactions uint8 = 0x05
	FeatureAzureSQLSupport    uint8 = 0x08
	FeatureDataClassification uint8 = 0x09
	FeatureUTF8Support        uint8 = 0x0A
	FeatureAzureSQLDNSCaching uint8 = 0x0B
	FeatureJSONSupport        uint8 = 0x0D
	FeatureVectorSupport      uint8 = 0x0E
	FeatureEnhancedRouting    uint8 = 0x0F
	FeatureUserAgent          uint8 = 0x10
	FeatureTerminator         uint8 = 0xFF
)

const (
	login7FixedLen71 = 86
	login7FixedLen   = 94
	// MaxLogin7Size is the largest LOGIN7 the spec allows (128 KiB).
	MaxLogin7Size  = 128 * 1024
	maxFeatureExts = 64
)

// Feature is one FeatureExt (in LOGIN7) or FEATUREEXTACK entry.
type Feature struct {
	ID   uint8
	Data []byte
}

// Login7 is the LOGIN7 message (packet type 0x10).
type Login7 struct {
	TDSVersion     Version // little-endian on the wire here
	PacketSize     uint32  // 0 = server decides (jTDS)
	ClientProgVer  uint32
	ClientPID      uint32
	ConnectionID   uint32
	OptionFlags1   uint8
	OptionFlags2   uint8
	TypeFlags      uint8
	OptionFlags3   uint8
	ClientTimeZone int32
	ClientLCID     uint32
	ClientID       [6]byte

	HostName       string
	UserName       string
	Password       string // de-obfuscated
	AppName        string
	ServerName     string
	CltIntName     string // client library name ("go-mssqldb", "Tedious", "jTDS"...)
	Language       string
	Database       string
	AtchDBFile     string
	ChangePassword string // de-obfuscated
	SSPI           []byte

	// Features lists the FeatureExt block (only when fExtension is set).
	Features []Feature
	// FixedLen is 86 (TDS 7.0/7.1 layout) or 94; decoded, or chosen by
	// Encode from TDSVersion when zero.
	FixedLen int
}

// UseDB, SetLang, ODBC, OLEDB, Extension and ReadOnlyIntent report the
// option flags the server acts on.
func (l *Login7) UseDB() bool          { return l.OptionFlags1&Login1UseDB != 0 }
func (l *Login7) SetLang() bool        { return l.OptionFlags1&Login1SetLang != 0 }
func (l *Login7) DBFatal() bool        { return l.OptionFlags1&Login1DBFatal != 0 }
func (l *Login7) ODBC() bool           { return l.OptionFlags2&Login2ODBC != 0 }
func (l *Login7) IntSecurity() bool    { return l.OptionFlags2&Login2IntSecurity != 0 }
func (l *Login7) OLEDB() bool          { return l.TypeFlags&LoginTypeOLEDB != 0 }
func (l *Login7) ReadOnlyIntent() bool { return l.TypeFlags&LoginTypeReadOnlyIntent != 0 }
func (l *Login7) Extension() bool      { return l.OptionFlags3&Login3Extension != 0 }

// Feature returns the FeatureExt data for id and whether it was sent.
func (l *Login7) Feature(id uint8) ([]byte, bool) {
	for _, f := range l.Features {
		if f.ID == id {
			return f.Data, true
		}
	}
	return nil, false
}

// ManglePassword applies the LOGIN7 password obfuscation in place to
// UTF-16LE bytes: swap the nibbles of each byte, then XOR 0xA5.
func ManglePassword(b []byte) {
	for i, c := range b {
		b[i] = (c<<4 | c>>4) ^ 0xA5
	}
}

// UnmanglePassword reverses ManglePassword in place.
func UnmanglePassword(b []byte) {
	for i, c := range b {
		c ^= 0xA5
		b[i] = c<<4 | c>>4
	}
}

// login7 field indexes in the offset table.
const (
	lfHost = iota
	lfUser
	lfPassword
	lfApp
	lfServer
	lfExtension
	lfCltInt
	lfLanguage
	lfDatabase
	lfSSPI
	lfAtchDB
	lfChangePassword
	lfCount
)

type login7Field struct {
	ib, cch int // cch: code units for strings, bytes for Extension/SSPI
}

// Decode parses a LOGIN7 payload. Offsets and lengths are bounds-checked;
// absurd string lengths (tedious writes cchHostName = offset when the host
// name is empty) decode as empty, and rune-counted lengths of go-mssqldb
// (short by one per non-BMP character) are extended when the data allows.
func (l *Login7) Decode(src []byte) error {
	*l = Login7{}
	if len(src) < login7FixedLen71 {
		return ErrShort
	}
	total := int(binary.LittleEndian.Uint32(src))
	if total > len(src) || total < login7FixedLen71 {
		// Some clients pad; trust the bytes we have but never beyond them.
		total = len(src)
	}
	if total > MaxLogin7Size {
		return protoErr("LOGIN7 of %d bytes", total)
	}
	b := src[:total]
	c := cursor{b: b, off: 4}
	l.TDSVersion = Version(c.u32())
	l.PacketSize = c.u32()
	l.ClientProgVer = c.u32()
	l.ClientPID = c.u32()
	l.ConnectionID = c.u32()
	l.OptionFlags1 = c.u8()
	l.OptionFlags2 = c.u8()
	l.TypeFlags = c.u8()
	l.OptionFlags3 = c.u8()
	l.ClientTimeZone = int32(c.u32())
	l.ClientLCID = c.u32()
	var f [lfCount]login7Field
	for i := lfHost; i <= lfDatabase; i++ {
		f[i].ib = int(c.u16())
		f[i].cch = int(c.u16())
	}
	copy(l.ClientID[:], c.bytes(6))
	f[lfSSPI].ib, f[lfSSPI].cch = int(c.u16()), int(c.u16())
	f[lfAtchDB].ib, f[lfAtchDB].cch = int(c.u16()), int(c.u16())
	l.FixedLen = login7FixedLen71
	// 7.2+ clients send 94 bytes; jTDS (7.1) sends 86 with ibHostName = 86.
	if (l.TDSVersion.Is72() || f[lfHost].ib >= login7FixedLen) && len(b) >= login7FixedLen {
		l.FixedLen = login7FixedLen
		f[lfChangePassword].ib, f[lfChangePassword].cch = int(c.u16()), int(c.u16())
		if sspiLong := int(c.u32()); f[lfSSPI].cch == 0xFFFF && sspiLong <= len(b) {
			f[lfSSPI].cch = sspiLong
		}
	}
	if c.err != nil {
		return c.err
	}
	// nextStart is the smallest start of another field (empty ones too:
	// clients place them where the previous data ended) or of the
	// FeatureExt block after ib: a string may not run into it. The bound
	// matters for the rune-counted lengths below.
	featStart := -1
	if l.Extension() {
		if e := f[lfExtension]; e.cch >= 4 && e.ib+4 <= len(b) && e.ib >= l.FixedLen {
			featStart = int(binary.LittleEndian.Uint32(b[e.ib:]))
		}
	}
	nextStart := func(self int) int {
		end := len(b)
		for j := range f {
			if j != self && f[j].ib > f[self].ib && f[j].ib < end {
				end = f[j].ib
			}
		}
		if featStart > f[self].ib && featStart < end {
			end = featStart
		}
		return end
	}
	str := func(i int, password bool) string {
		fl := f[i]
		if fl.cch == 0 || fl.ib < l.FixedLen {
			return ""
		}
		limit := nextStart(i)
		n := fl.cch
		if fl.ib+2*n > limit {
			return ""
		}
		raw := b[fl.ib : fl.ib+2*n]
		if password {
			raw = append([]byte(nil), raw...)
			UnmanglePassword(raw)
		}
		// Rune-counted lengths: each surrogate pair costs one extra unit.
		for guard := 0; guard < 8; guard++ {
			want := fl.cch + countPairs(raw)
			if want == n || fl.ib+2*want > limit {
				break
			}
			more := b[fl.ib+2*n : fl.ib+2*want]
			if password {
				more = append([]byte(nil), more...)
				UnmanglePassword(more)
				raw = append(raw, more...)
			} else {
				raw = b[fl.ib : fl.ib+2*want]
			}
			n = want
		}
		return decodeUTF16(raw)
	}
	l.HostName = str(lfHost, false)
	l.UserName = str(lfUser, false)
	l.Password = str(lfPassword, true)
	l.AppName = str(lfApp, false)
	l.ServerName = str(lfServer, false)
	l.CltIntName = str(lfCltInt, false)
	l.Language = str(lfLanguage, false)
	l.Database = str(lfDatabase, false)
	l.AtchDBFile = str(lfAtchDB, false)
	l.ChangePassword = str(lfChangePassword, true)
	if s := f[lfSSPI]; s.cch > 0 && s.ib >= l.FixedLen && s.ib+s.cch <= len(b) {
		l.SSPI = b[s.ib : s.ib+s.cch : s.ib+s.cch]
	}
	if l.Extension() {
		e := f[lfExtension]
		if e.cch < 4 || e.ib+4 > len(b) || e.ib < l.FixedLen {
			return protoErr("LOGIN7 fExtension set but ibExtension invalid")
		}
		fe := int(binary.LittleEndian.Uint32(b[e.ib:]))
		if fe < l.FixedLen || fe > len(b) {
			return protoErr("LOGIN7 FeatureExt offset %d out of bounds", fe)
		}
		feats, err := decodeFeatures(b[fe:])
		if err != nil {
			return err
		}
		l.Features = feats
	}
	return nil
}

// countPairs counts high surrogates in UTF-16LE bytes: each is the first
// unit of a non-BMP character that a rune count counts once.
func countPairs(b []byte) int {
	n := 0
	for i := 0; i+1 < len(b); i += 2 {
		if u := uint16(b[i]) | uint16(b[i+1])<<8; u >= 0xD800 && u < 0xDC00 {
			n++
		}
	}
	return n
}

// decodeFeatures reads FeatureId(1) Len(4) Data entries up to 0xFF. A block
// that ends without the terminator is accepted (the data was all there).
func decodeFeatures(b []byte) ([]Feature, error) {
	var out []Feature
	c := cursor{b: b}
	for c.remaining() > 0 {
		id := c.u8()
		if id == FeatureTerminator {
			return out, nil
		}
		if len(out) >= maxFeatureExts {
			return nil, protoErr("too many FeatureExt entries")
		}
		n := c.u32()
		if int64(n) > int64(c.remaining()) {
			return nil, protoErr("FeatureExt 0x%02x length %d out of bounds", id, n)
		}
		out = append(out, Feature{ID: id, Data: c.bytes(int(n))})
	}
	return out, c.err
}

// Encode appends a LOGIN7 payload: the fixed part (94 bytes, or 86 when
// FixedLen is 86 or TDSVersion is older than 7.2), the strings, SSPI, and
// the FeatureExt block when Features is non-empty (fExtension is then set).
func (l *Login7) Encode(dst []byte) []byte {
	fixed := l.FixedLen
	if fixed == 0 {
		fixed = login7FixedLen
		if !l.TDSVersion.Is72() {
			fixed = login7FixedLen71
		}
	}
	flags3 := l.OptionFlags3
	if len(l.Features) > 0 {
		flags3 |= Login3Extension
	}
	base := len(dst)
	dst = append(dst, make([]byte, fixed)...)
	h := dst[base:]
	putU32(h[4:], uint32(l.TDSVersion))
	putU32(h[8:], l.PacketSize)
	putU32(h[12:], l.ClientProgVer)
	putU32(h[16:], l.ClientPID)
	putU32(h[20:], l.ConnectionID)
	h[24], h[25], h[26], h[27] = l.OptionFlags1, l.OptionFlags2, l.TypeFlags, flags3
	putU32(h[28:], uint32(l.ClientTimeZone))
	putU32(h[32:], l.ClientLCID)
	copy(h[72:78], l.ClientID[:])
	pos := func() int { return len(dst) - base }
	setField := func(at, ib, n int) {
		putU16(dst[base+at:], uint16(ib))
		putU16(dst[base+at+2:], uint16(n))
	}
	putStr := func(at int, s string, password bool) {
		ib := pos()
		start := len(dst)
		dst = AppendUTF16(dst, s)
		if password {
			ManglePassword(dst[start:])
		}
		setField(at, ib, (len(dst)-start)/2)
	}
	putStr(36, l.HostName, false)
	putStr(40, l.UserName, false)
	putStr(44, l.Password, true)
	putStr(48, l.AppName, false)
	putStr(52, l.ServerName, false)
	extAt := -1
	if flags3&Login3Extension != 0 {
		extAt = len(dst)
		setField(56, pos(), 4)
		dst = append(dst, 0, 0, 0, 0)
	} else {
		setField(56, pos(), 0)
	}
	putStr(60, l.CltIntName, false)
	putStr(64, l.Language, false)
	putStr(68, l.Database, false)
	sspiAt := pos()
	dst = append(dst, l.SSPI...)
	if len(l.SSPI) >= 0xFFFF && fixed >= login7FixedLen {
		setField(78, sspiAt, 0xFFFF)
		putU32(dst[base+90:], uint32(len(l.SSPI)))
	} else {
		setField(78, sspiAt, len(l.SSPI))
	}
	putStr(82, l.AtchDBFile, false)
	if fixed >= login7FixedLen {
		putStr(86, l.ChangePassword, true)
	}
	if extAt >= 0 {
		putU32(dst[extAt:], uint32(pos()))
		for _, f := range l.Features {
			dst = append(dst, f.ID)
			dst = appendU32(dst, uint32(len(f.Data)))
			dst = append(dst, f.Data...)
		}
		dst = append(dst, FeatureTerminator)
	}
	putU32(dst[base:], uint32(pos()))
	return dst
}
