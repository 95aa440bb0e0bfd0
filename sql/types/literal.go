package types

import "unicode/utf8"

// StringLiteralType is the type of a string literal: 'abc' is varchar(3),
// N'abc' nvarchar(3) (UTF-16 units); the empty literal has length 1, and
// literals longer than 8000 bytes (4000 for N”) are (max).
func StringLiteralType(s string, unicode bool) Type {
	if unicode {
		n := int32(charLen(s, NewNVarChar(1)))
		switch {
		case n == 0:
			n = 1
		case n > 4000:
			n = MaxLength
		}
		return NewNVarChar(n)
	}
	n := int32(utf8.RuneCountInString(s))
	switch {
	case n == 0:
		n = 1
	case n > 8000:
		n = MaxLength
	}
	return NewVarChar(n)
}

// BinaryLiteralType is the type of a 0x literal: varbinary(n), at least 1.
func BinaryLiteralType(b []byte) Type {
	n := int32(len(b))
	switch {
	case n == 0:
		n = 1
	case n > 8000:
		n = MaxLength
	}
	return NewVarBinary(n)
}

// DataLength is DATALENGTH(v): the bytes SQL Server stores for v of type t
// (varchar one byte per code page 1252 character, nvarchar two per UTF-16
// unit, char/nchar their padded value, fixed types their storage size).
// NULL gives -1 (the caller returns NULL).
func DataLength(v Value, t Type) int64 {
	switch v.K {
	case KindNull:
		return -1
	case KindString:
		if t.IsUnicode() {
			return int64(2 * charLen(v.S, t))
		}
		return int64(utf8.RuneCountInString(v.S))
	case KindBytes:
		return int64(len(v.B))
	case KindVariant:
		return DataLength(v.Var.Value, v.Var.Type)
	case KindDecimal:
		if t.Precision == 0 {
			return 17
		}
	case KindDateTime:
		if t.ID == Unknown {
			return 8
		}
	}
	return int64(t.MaxBytes())
}
