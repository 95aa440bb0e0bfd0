package udt

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/hex"
	"io"
	"log/slog"
	"testing"
	"time"

	mssql "github.com/microsoft/go-mssqldb"
	"github.com/tsqld/tsqld/embed"
)

func start(t *testing.T) *sql.DB {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	s, err := embed.Start(ctx, embed.Config{DataDir: t.TempDir(), Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		t.Fatalf("Start: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	db, err := sql.Open("sqlserver", s.DSN())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// TestColumnTypes checks the UDT_INFO go-mssqldb reads: type names and
// lengths as SQL Server reports them.
func TestColumnTypes(t *testing.T) {
	db := start(t)
	cases := []struct {
		expr, name string
		hasLen     bool
		length     int64
	}{
		{"geometry::STGeomFromText('LINESTRING (100 100, 20 180, 180 180)', 0)", "GEOMETRY", true, 2147483647},
		{"geography::Point(1, 2, 4326)", "GEOGRAPHY", false, 0},
		{"cast('/1/2/3/' as hierarchyid)", "HIERARCHYID", true, 892},
	}
	for _, c := range cases {
		rows, err := db.Query("select " + c.expr)
		if err != nil {
			t.Fatalf("%s: %v", c.expr, err)
		}
		ct, err := rows.ColumnTypes()
		if err != nil {
			t.Fatal(err)
		}
		if got := ct[0].DatabaseTypeName(); got != c.name {
			t.Errorf("%s: type %s, want %s", c.expr, got, c.name)
		}
		if n, ok := ct[0].Length(); ok != c.hasLen || n != c.length {
			t.Errorf("%s: length %d %v", c.expr, n, ok)
		}
		for rows.Next() {
			var b []byte
			if err := rows.Scan(&b); err != nil || len(b) == 0 {
				t.Errorf("%s: scan %x %v", c.expr, b, err)
			}
		}
		rows.Close()
	}
	var root []byte
	if err := db.QueryRow("select cast('/' as hierarchyid)").Scan(&root); err != nil || root == nil || len(root) != 0 {
		t.Errorf("root hierarchyid: %x (nil %v) %v", root, root == nil, err)
	}
}

// TestBulkCopyGeometry copies SQL Server's serialization of POINT (20 40)
// into a geometry column and reads the same bytes back; invalid bytes are
// refused.
func TestBulkCopyGeometry(t *testing.T) {
	db := start(t)
	ctx := context.Background()
	conn, err := db.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, "CREATE TABLE #g (id int PRIMARY KEY, g geometry NULL, y geography NULL, h hierarchyid NULL)"); err != nil {
		t.Fatal(err)
	}
	geom, _ := hex.DecodeString("E6100000010C00000000000034400000000000004440")
	hier, _ := hex.DecodeString("5ADE")
	copyRows := func(rows ...[]any) error {
		stmt, err := conn.PrepareContext(ctx, mssql.CopyIn("#g", mssql.BulkOptions{}, "id", "g", "h"))
		if err != nil {
			return err
		}
		defer stmt.Close()
		for _, r := range rows {
			if _, err := stmt.Exec(r...); err != nil {
				return err
			}
		}
		_, err = stmt.Exec()
		return err
	}
	if err := copyRows([]any{1, geom, hier}, []any{2, nil, nil}); err != nil {
		t.Fatalf("bulk copy: %v", err)
	}
	var g, y []byte
	var txt, path string
	err = conn.QueryRowContext(ctx, "SELECT g, y, g.STAsText(), h.ToString() FROM #g WHERE id = 1").Scan(&g, &y, &txt, &path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(g, geom) || y != nil || txt != "POINT (20 40)" || path != "/1/1/3/" {
		t.Errorf("got %x %x %q %q", g, y, txt, path)
	}
	if err := copyRows([]any{3, []byte{1, 2, 3}, nil}); err == nil {
		t.Error("invalid geometry bytes were accepted")
	}
	// Parameters: the bytes as varbinary convert implicitly.
	var pt string
	if err := conn.QueryRowContext(ctx, "DECLARE @g geometry = @p SELECT @g.ToString()", sql.Named("p", geom)).Scan(&pt); err != nil || pt != "POINT (20 40)" {
		t.Errorf("parameter: %q %v", pt, err)
	}
}
