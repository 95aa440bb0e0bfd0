package server

import (
	"github.com/tsqld/tsqld/sql/result"
	"github.com/tsqld/tsqld/sql/types"
	"github.com/tsqld/tsqld/tds"
)

// encKind selects how a value is written; it is decided once per column
// (at COLMETADATA time) so the per-row loop is a plain switch.
type encKind uint8

const (
	encIntN       encKind = iota // INTN: size 1/2/4/8
	encBitN                      // BITN
	encFltN                      // FLTN: size 4/8
	encDecimalN                  // DECIMALN/NUMERICN
	encMoneyN                    // MONEYN: size 4/8
	encDateTimeN                 // DATETIMN: size 4 (smalldatetime) or 8
	encDateN                     // DATEN
	encTimeN                     // TIMEN
	encDateTime2N                // DATETIME2N
	encDTOffsetN                 // DATETIMEOFFSETN
	encGUID                      // GUIDN
	encVarChar                   // BIGVARCHAR/BIGCHAR, USHORT length, code-page bytes
	encNVarChar                  // NVARCHAR/NCHAR, USHORT length, UTF-16
	encVarBinary                 // BIGVARBINARY/BIGBINARY, USHORT length
	encPLPChar                   // varchar(max): PLP code-page bytes
	encPLPNChar                  // nvarchar(max), xml: PLP UTF-16
	encPLPBinary                 // varbinary(max): PLP bytes
	encText                      // text (7.1): text pointer + LONG length
	encNText                     // ntext (7.1)
	encImage                     // image (7.1)
	encVariant                   // sql_variant
	encDateString                // date/time types as nvarchar for 7.1 clients
)

// colEnc is one column's wire shape.
type colEnc struct {
	ti       tds.TypeInfo
	userType uint32
	flags    uint16
	kind     encKind
	src      types.Type // the engine's type (date/time formatting, scale)
	name     string
	// maxUnits bounds a character value (UTF-16 units or bytes) to the
	// declared length so a row never exceeds its metadata.
	maxBytes int
	// cp is the code page of char data (tds.CodePage of the collation):
	// 1252 takes the allocation-free path; others (Thai 874, Chinese 936,
	// Cyrillic 1251, …) are converted per value.
	cp int
}

// lobMax values SQL Server declares for text/ntext/image.
const (
	textMax  = 2147483647
	ntextMax = 2147483646
)

// collationOf converts an engine collation to its wire form; the zero
// value (the database default) becomes the server default collation, never
// zeros, which SqlClient rejects.
func collationOf(c types.Collation) tds.Collation {
	if c.LCID == 0 && c.SortID == 0 {
		return defaultCollation
	}
	info := c.LCID&0xFFFFF | uint32(c.Flags)<<20 | uint32(c.Version&0x0F)<<28
	return tds.Collation{Info: info, SortID: c.SortID}
}

// columnEnc maps an engine type to TYPE_INFO for a client speaking v.
// Everything is sent as the nullable (N) variant, like SQL Server does for
// nullable columns: fixed-length types cannot carry NULL.
func columnEnc(t types.Type, v tds.Version) colEnc {
	e := colEnc{src: t}
	old := !v.Is72() // TDS 7.1: no PLP
	switch t.ID {
	case types.TinyInt:
		e.kind, e.ti = encIntN, tds.TypeInfo{Type: tds.TypeIntN, Size: 1}
	case types.SmallInt:
		e.kind, e.ti = encIntN, tds.TypeInfo{Type: tds.TypeIntN, Size: 2}
	case types.Int, types.Unknown:
		// An untyped NULL column is typed int, as SQL Server does.
		e.kind, e.ti = encIntN, tds.TypeInfo{Type: tds.TypeIntN, Size: 4}
	case types.BigInt:
		e.kind, e.ti = encIntN, tds.TypeInfo{Type: tds.TypeIntN, Size: 8}
	case types.Bit:
		e.kind, e.ti = encBitN, tds.TypeInfo{Type: tds.TypeBitN, Size: 1}
	case types.Real:
		e.kind, e.ti = encFltN, tds.TypeInfo{Type: tds.TypeFltN, Size: 4}
	case types.Float:
		e.kind, e.ti = encFltN, tds.TypeInfo{Type: tds.TypeFltN, Size: 8}
	case types.Decimal, types.Numeric:
		p := t.Precision
		if p == 0 {
			p = 18
		}
		typ := tds.TypeDecimalN
		if t.ID == types.Numeric {
			typ = tds.TypeNumericN
		}
		e.kind, e.ti = encDecimalN, tds.TypeInfo{Type: typ, Size: tds.DecimalSize(p), Precision: p, Scale: t.Scale}
		e.src.Precision = p
	case types.Money:
		e.kind, e.ti = encMoneyN, tds.TypeInfo{Type: tds.TypeMoneyN, Size: 8}
	case types.SmallMoney:
		e.kind, e.ti = encMoneyN, tds.TypeInfo{Type: tds.TypeMoneyN, Size: 4}
	case types.DateTime:
		e.kind, e.ti = encDateTimeN, tds.TypeInfo{Type: tds.TypeDateTimeN, Size: 8}
	case types.SmallDateTime:
		e.kind, e.ti = encDateTimeN, tds.TypeInfo{Type: tds.TypeDateTimeN, Size: 4}
	case types.Date, types.Time, types.DateTime2, types.DateTimeOffset:
		if !v.HasDateTime() {
			// 7.1/7.2 clients have no such types: SQL Server sends them as
			// nvarchar strings in their canonical format.
			n := dateStringLen(t)
			e.kind = encDateString
			e.ti = tds.TypeInfo{Type: tds.TypeNVarChar, Size: 2 * n, Collation: defaultCollation}
			e.maxBytes = 2 * n
			break
		}
		switch t.ID {
		case types.Date:
			e.kind, e.ti = encDateN, tds.TypeInfo{Type: tds.TypeDateN, Size: 3}
		case types.Time:
			e.kind, e.ti = encTimeN, tds.TypeInfo{Type: tds.TypeTimeN, Scale: t.Scale}
		case types.DateTime2:
			e.kind, e.ti = encDateTime2N, tds.TypeInfo{Type: tds.TypeDateTime2N, Scale: t.Scale}
		default:
			e.kind, e.ti = encDTOffsetN, tds.TypeInfo{Type: tds.TypeDateTimeOffsetN, Scale: t.Scale}
		}
	case types.UniqueIdentifier:
		e.kind, e.ti = encGUID, tds.TypeInfo{Type: tds.TypeGUID, Size: 16}
	case types.Char, types.VarChar, types.Text:
		col := collationOf(t.Collation)
		switch {
		case t.ID == types.Text || t.Length == types.MaxLength || t.Length > 8000:
			// text is sent as text (what SQL Server sends, and what
			// ColumnTypes report); varchar(max) as PLP except to 7.1.
			if old || t.ID == types.Text {
				e.kind, e.ti = encText, tds.TypeInfo{Type: tds.TypeText, Size: textMax, Collation: col}
			} else {
				e.kind, e.ti = encPLPChar, tds.TypeInfo{Type: tds.TypeBigVarChar, Size: tds.MaxLen, Collation: col}
			}
		default:
			n := int(max(t.Length, 1))
			typ := tds.TypeBigVarChar
			if t.ID == types.Char {
				typ = tds.TypeBigChar
			}
			e.kind, e.ti = encVarChar, tds.TypeInfo{Type: typ, Size: n, Collation: col}
			e.maxBytes = n
		}
	case types.NChar, types.NVarChar, types.NText, types.XML:
		col := collationOf(t.Collation)
		switch {
		case t.ID == types.XML && !old:
			e.kind, e.ti = encPLPNChar, tds.TypeInfo{Type: tds.TypeXML, Size: tds.MaxLen}
			e.flags |= tds.ColCaseSensitive // SQL Server marks xml case-sensitive
		case t.ID == types.NText || t.ID == types.XML || t.Length == types.MaxLength || t.Length > 4000:
			if old || t.ID == types.NText {
				e.kind, e.ti = encNText, tds.TypeInfo{Type: tds.TypeNText, Size: ntextMax, Collation: col}
			} else {
				e.kind, e.ti = encPLPNChar, tds.TypeInfo{Type: tds.TypeNVarChar, Size: tds.MaxLen, Collation: col}
			}
		default:
			n := 2 * int(max(t.Length, 1))
			typ := tds.TypeNVarChar
			if t.ID == types.NChar {
				typ = tds.TypeNChar
			}
			e.kind, e.ti = encNVarChar, tds.TypeInfo{Type: typ, Size: n, Collation: col}
			e.maxBytes = n
		}
	case types.Binary, types.VarBinary, types.Image, types.Timestamp:
		switch {
		case t.ID == types.Timestamp:
			e.kind, e.ti = encVarBinary, tds.TypeInfo{Type: tds.TypeBigBinary, Size: 8}
			e.userType = tds.UserTypeTimestamp
			e.maxBytes = 8
		case t.ID == types.Image || t.Length == types.MaxLength || t.Length > 8000:
			if old || t.ID == types.Image {
				e.kind, e.ti = encImage, tds.TypeInfo{Type: tds.TypeImage, Size: textMax}
			} else {
				e.kind, e.ti = encPLPBinary, tds.TypeInfo{Type: tds.TypeBigVarBinary, Size: tds.MaxLen}
			}
		default:
			n := int(max(t.Length, 1))
			typ := tds.TypeBigVarBinary
			if t.ID == types.Binary {
				typ = tds.TypeBigBinary
			}
			e.kind, e.ti = encVarBinary, tds.TypeInfo{Type: typ, Size: n}
			e.maxBytes = n
		}
	case types.SQLVariant:
		e.kind, e.ti = encVariant, tds.TypeInfo{Type: tds.TypeVariant, Size: 8009}
	case types.HierarchyID, types.Geometry, types.Geography:
		e = udtColumnEnc(e, t, v)
	default:
		// A type the wire cannot carry: send its text form.
		e.kind, e.ti = encPLPNChar, tds.TypeInfo{Type: tds.TypeNVarChar, Size: tds.MaxLen, Collation: defaultCollation}
	}
	if e.ti.Type == tds.TypeBigVarChar || e.ti.Type == tds.TypeBigChar || e.ti.Type == tds.TypeNVarChar || e.ti.Type == tds.TypeNChar {
		if e.ti.Collation.Info&tds.CollationBinary|e.ti.Collation.Info&tds.CollationBinary2 != 0 {
			e.flags |= tds.ColCaseSensitive
		}
	}
	return e
}

// dateStringLen is the nvarchar length of a date/time value's canonical
// text (what SQL Server sends down-level clients).
func dateStringLen(t types.Type) int {
	frac := int(t.Scale)
	if frac > 0 {
		frac++ // the dot
	}
	switch t.ID {
	case types.Date:
		return 10 // yyyy-mm-dd
	case types.Time:
		return 8 + frac // hh:mm:ss[.fffffff]
	case types.DateTime2:
		return 19 + frac
	}
	return 26 + frac // + " +hh:mm"
}

// newColEncs builds the encoders of a result set.
func newColEncs(dst []colEnc, cols []result.Column, v tds.Version) []colEnc {
	dst = dst[:0]
	for i := range cols {
		e := columnEnc(cols[i].Type, v)
		e.name = cols[i].Name
		if cols[i].Nullable {
			e.flags |= tds.ColNullable
		}
		if cols[i].Identity {
			e.flags |= tds.ColIdentity
		}
		e.flags |= tds.ColUpdatableUnkn
		dst = append(dst, e)
	}
	return dst
}
