package tds

import "testing"

// A bulk load COLMETADATA as clients write it: the table name of an
// image column is one US_VARCHAR even on TDS 7.4.
func TestBulkLoadOnePartTableName(t *testing.T) {
	v := Version74
	b := AppendColMetadataHeader(nil, 2)
	b = appendU32(b, 0)
	b = appendU16(b, ColNullable)
	b = (&TypeInfo{Type: TypeImage, Size: 0x7FFFFFFF}).Encode(b)
	b = AppendUSVarChar(b, "#table_test")
	b = AppendBVarChar(b, "img")
	b = appendU32(b, 0)
	b = appendU16(b, ColNullable)
	b = (&TypeInfo{Type: TypeIntN, Size: 4}).Encode(b)
	b = AppendBVarChar(b, "id")
	b = AppendRowToken(b)
	b = AppendTextRow(b, []byte("1"))
	b = AppendIntN(b, 4, 7)
	b = AppendDone(b, v, TokenDone, DoneFinal, 0, 0)
	var r BulkLoadReader
	if err := r.Reset(b, v); err != nil {
		t.Fatal(err)
	}
	if r.Columns[0].TableName[0] != "#table_test" || r.Columns[1].Name != "id" {
		t.Fatalf("columns %+v", r.Columns)
	}
	row, err := r.Next()
	if err != nil || row == nil || string(row.Values[0].Data) != "1" {
		t.Fatalf("row %+v %v", row, err)
	}
}
