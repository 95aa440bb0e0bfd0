package tds

import "testing"

func TestBulkLoadReader(t *testing.T) {
	v := Version74
	cols := []Column{
		{Flags: ColNullable, TypeInfo: TypeInfo{Type: TypeIntN, Size: 4}, Name: "id"},
		{Flags: ColNullable, TypeInfo: TypeInfo{Type: TypeNText, Size: 0x7FFFFFFE, Collation: SQLLatin1GeneralCP1CIAS}, TableName: []string{"t"}, Name: "nt"},
		{Flags: ColNullable, TypeInfo: TypeInfo{Type: TypeFlt8, Size: 8}, Name: "f"},
	}
	b := AppendColMetadata(nil, v, cols)
	for i := int64(0); i < 3; i++ {
		b = AppendRowToken(b)
		b = AppendIntN(b, 4, i)
		b = AppendNTextRow(b, "x")
		b = AppendFloatFixed(b, 8, 0.5)
	}
	b = AppendDone(b, v, TokenDone, DoneFinal, 0, 0)
	var r BulkLoadReader
	if err := r.Reset(b, v); err != nil {
		t.Fatal(err)
	}
	for i := int64(0); ; i++ {
		row, err := r.Next()
		if err != nil {
			t.Fatal(err)
		}
		if row == nil {
			break
		}
		if x, _ := DecodeInt(row.Values[0].Data); x != i {
			t.Fatalf("row %d id %d", i, x)
		}
		if f, _ := DecodeFloat(row.Values[2].Data); f != 0.5 {
			t.Fatalf("float %v", f)
		}
	}
	if r.Rows() != 3 {
		t.Fatalf("%d rows", r.Rows())
	}
	if err := r.Reset(b[:len(b)-13], v); err != nil {
		t.Fatal(err)
	}
	var err error
	for i := 0; i < 4 && err == nil; i++ {
		_, err = r.Next()
	}
	if err == nil {
		t.Fatal("missing DONE accepted")
	}
}

func FuzzBulkLoad(f *testing.F) {
	v := Version74
	b := AppendColMetadata(nil, v, []Column{{Flags: ColNullable, TypeInfo: TypeInfo{Type: TypeIntN, Size: 4}, Name: "id"}})
	b = AppendIntN(AppendRowToken(b), 4, 1)
	f.Add(AppendDone(b, v, TokenDone, 0, 0, 0))
	f.Fuzz(func(t *testing.T, data []byte) {
		var r BulkLoadReader
		if r.Reset(data, v) != nil {
			return
		}
		for i := 0; i < 1000; i++ {
			row, err := r.Next()
			if err != nil || row == nil {
				return
			}
		}
	})
}
