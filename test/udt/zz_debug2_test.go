package udt

import (
	"context"
	"testing"

	mssql "github.com/microsoft/go-mssqldb"
)

func TestZZDebugCols(t *testing.T) {
	db := start(t)
	ctx := context.Background()
	for _, c := range []struct{ decl string; v any }{
		{"xml NOT NULL", "<root><child>value</child></root>"},
		{"xml NULL", nil},
		{"geometry NULL", []byte{0xE6, 0x10, 0, 0, 1, 0x0C, 0, 0, 0, 0, 0, 0, 0x34, 0x40, 0, 0, 0, 0, 0, 0, 0x44, 0x40}},
		{"image NOT NULL", []byte("1")},
		{"image NULL", nil},
	} {
		conn, _ := db.Conn(ctx)
		conn.ExecContext(ctx, "CREATE TABLE #t (id int IDENTITY(1,1) NOT NULL, c "+c.decl+")")
		stmt, err := conn.PrepareContext(ctx, mssql.CopyIn("#t", mssql.BulkOptions{}, "c"))
		if err != nil {
			t.Fatal(err)
		}
		for i := 0; i < 3; i++ {
			if _, err := stmt.Exec(c.v); err != nil {
				t.Fatal(err)
			}
		}
		_, err = stmt.Exec()
		t.Logf("%s: %v", c.decl, err)
		stmt.Close()
		conn.Close()
	}
}
