package tds

import (
	"bytes"
	"encoding/binary"
	"testing"
)

// nbcCols is a result shape with each length class: BYTELEN (INTN,
// DECIMALN), USHORTLEN (NVARCHAR, VARBINARY), PLP (varbinary(max)) and
// fixed-width data behind a length byte (DATETIME2N).
var nbcCols = []Column{
	{Flags: ColNullable, TypeInfo: TypeInfo{Type: TypeIntN, Size: 4}, Name: "i"},
	{Flags: ColNullable, TypeInfo: TypeInfo{Type: TypeNVarChar, Size: 40, Collation: SQLLatin1GeneralCP1CIAS}, Name: "s"},
	{Flags: ColNullable, TypeInfo: TypeInfo{Type: TypeBigVarBinary, Size: 0xFFFF}, Name: "lob"},
	{Flags: ColNullable, TypeInfo: TypeInfo{Type: TypeDecimalN, Size: 17, Precision: 38, Scale: 2}, Name: "d"},
	{Flags: ColNullable, TypeInfo: TypeInfo{Type: TypeBigVarBinary, Size: 8}, Name: "vb"},
	{Flags: ColNullable, TypeInfo: TypeInfo{Type: TypeIntN, Size: 8}, Name: "bi"},
	{Flags: ColNullable, TypeInfo: TypeInfo{Type: TypeDateTime2N, Scale: 7}, Name: "dt2"},
	{Flags: ColNullable, TypeInfo: TypeInfo{Type: TypeIntN, Size: 2}, Name: "si"},
	{Flags: ColNullable, TypeInfo: TypeInfo{Type: TypeNVarChar, Size: 8, Collation: SQLLatin1GeneralCP1CIAS}, Name: "s2"},
}

// appendNBCValue appends column i's non-NULL test value derived from seed.
func appendNBCValue(dst []byte, i int, seed uint64) []byte {
	switch i {
	case 0:
		return AppendIntN(dst, 4, int64(int32(seed)))
	case 1:
		return AppendNVarChar(dst, string(rune('a'+seed%26))+"é")
	case 2:
		return AppendPLP(dst, bytes.Repeat([]byte{byte(seed)}, int(seed%5)))
	case 3:
		return AppendDecimalN(dst, 38, seed&1 == 1, seed, seed>>60)
	case 4:
		return AppendVarBinary(dst, binary.LittleEndian.AppendUint64(nil, seed))
	case 5:
		return AppendIntN(dst, 8, int64(seed))
	case 6:
		return AppendDateTime2N(dst, 7, int64(seed%uint64(3652059*TicksPerDay)))
	case 7:
		return AppendIntN(dst, 2, int64(int16(seed)))
	}
	return AppendNVarChar(dst, "x")
}

// encodeBoth encodes one row as ROW and as NBCROW, NULL where mask has a
// bit set.
func encodeBoth(mask uint16, seed uint64) (row, nbc []byte) {
	row = AppendRowToken(nil)
	nbc, at := AppendNBCRowHeader(nil, len(nbcCols))
	for i := range nbcCols {
		if mask&(1<<i) != 0 {
			row = AppendNull(row, &nbcCols[i].TypeInfo, true)
			SetNBCNull(nbc, at, i)
			continue
		}
		row = appendNBCValue(row, i, seed)
		nbc = appendNBCValue(nbc, i, seed)
	}
	return row, nbc
}

// checkNBCRow decodes both encodings and requires the same values.
func checkNBCRow(t *testing.T, mask uint16, seed uint64) {
	row, nbc := encodeBoth(mask, seed)
	if len(nbc) < 1+(len(nbcCols)+7)/8 || nbc[0] != TokenNBCRow {
		t.Fatalf("NBCROW header %x", nbc)
	}
	var a, b Row
	n, err := a.Decode(row, Version74, nbcCols)
	if err != nil || n != len(row) {
		t.Fatalf("ROW: %d of %d bytes, %v", n, len(row), err)
	}
	n, err = b.Decode(nbc, Version74, nbcCols)
	if err != nil || n != len(nbc) {
		t.Fatalf("NBCROW: %d of %d bytes, %v", n, len(nbc), err)
	}
	for i := range nbcCols {
		want := mask&(1<<i) != 0
		if a.Values[i].Null != want || b.Values[i].Null != want {
			t.Fatalf("mask %03x column %d: NULL ROW %v NBCROW %v, want %v", mask, i, a.Values[i].Null, b.Values[i].Null, want)
		}
		if !bytes.Equal(a.Values[i].Data, b.Values[i].Data) {
			t.Fatalf("mask %03x column %d: ROW %x, NBCROW %x", mask, i, a.Values[i].Data, b.Values[i].Data)
		}
	}
	// The bitmap is one bit per column rounded up to whole bytes: 9
	// columns take 2 bytes, the 7 spare bits stay zero.
	if nbc[2]&^1 != 0 {
		t.Fatalf("reserved bitmap bits set: %08b", nbc[2])
	}
}

// TestNBCRowRoundTrip checks every NULL pattern over the column set: an
// NBCROW decodes to the same values as the ROW of the same row.
func TestNBCRowRoundTrip(t *testing.T) {
	for mask := uint16(0); mask < 1<<len(nbcCols); mask++ {
		checkNBCRow(t, mask, uint64(mask)*0x9E3779B97F4A7C15)
	}
}

// TestNBCRowTruncated checks that a cut NBCROW is an error, not a panic
// or a short row.
func TestNBCRowTruncated(t *testing.T) {
	_, nbc := encodeBoth(0b101010101, 42)
	for n := 0; n < len(nbc); n++ {
		var r Row
		if _, err := r.Decode(nbc[:n], Version74, nbcCols); err == nil {
			t.Fatalf("NBCROW cut at %d of %d bytes decoded", n, len(nbc))
		}
	}
}

func FuzzNBCRow(f *testing.F) {
	f.Add(uint16(0), uint64(0))
	f.Add(uint16(0b101010101), uint64(42))
	f.Add(uint16(0x1FF), uint64(1))
	f.Fuzz(func(t *testing.T, mask uint16, seed uint64) {
		checkNBCRow(t, mask&(1<<len(nbcCols)-1), seed)
	})
}

// nbcRowStream is a result set mixing ROW and NBCROW (a FuzzTokens seed).
func nbcRowStream() []byte {
	b := AppendColMetadata(nil, Version74, nbcCols)
	for _, mask := range []uint16{0, 0b101010101, 0x1FF} {
		row, nbc := encodeBoth(mask, uint64(mask)+7)
		if mask == 0 {
			b = append(b, row...)
		} else {
			b = append(b, nbc...)
		}
	}
	return AppendDone(b, Version74, TokenDone, DoneCount, CmdSelect, 3)
}

// TestNBCRowStream checks ROW and NBCROW intermixed in one result set.
func TestNBCRowStream(t *testing.T) {
	toks, err := DecodeTokens(nbcRowStream(), Version74)
	if err != nil {
		t.Fatal(err)
	}
	var nulls []int
	for _, tk := range toks {
		if r, ok := tk.(*Row); ok {
			n := 0
			for _, v := range r.Values {
				if v.Null {
					n++
				}
			}
			nulls = append(nulls, n)
		}
	}
	if len(nulls) != 3 || nulls[0] != 0 || nulls[1] != 5 || nulls[2] != 9 {
		t.Fatalf("NULLs per row %v, want [0 5 9]", nulls)
	}
}
