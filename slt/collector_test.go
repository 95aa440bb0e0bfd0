package slt

import (
	"context"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tsqld/tsqld/sql/msgs"
	"github.com/tsqld/tsqld/sql/result"
	"github.com/tsqld/tsqld/sql/types"
)

func TestCollector(t *testing.T) {
	var c Collector
	// A statement without a result set first (SET NOCOUNT ON …).
	c.Done(result.Done{Cmd: result.CmdSet})
	c.Message(msgs.New(5701, "db")) // informational: ignored
	c.Columns([]result.Column{
		{Name: "i", Type: types.Type{ID: types.Int}},
		{Name: "s", Type: types.Type{ID: types.VarChar, Length: 10}},
		{Name: "d", Type: types.Type{ID: types.Decimal, Precision: 5, Scale: 2}},
		{Name: "m", Type: types.Type{ID: types.Money}},
		{Name: "f", Type: types.Type{ID: types.Float}},
		{Name: "b", Type: types.Type{ID: types.Bit}},
		{Name: "n", Type: types.Type{ID: types.Int}},
		{Name: "x", Type: types.Type{ID: types.VarBinary, Length: 4}},
	})
	var dec types.Value
	dec.K = types.KindDecimal
	if _, _, err := dec.Dec.SetString("-12.50"); err != nil {
		t.Fatal(err)
	}
	row := []types.Value{
		{K: types.KindInt, I: 7},
		{K: types.KindString, S: "héllo"},
		dec,
		{K: types.KindMoney, I: 123456},
		{K: types.KindFloat, F: 2.5},
		{K: types.KindBool, I: 1},
		types.Null,
		{K: types.KindBytes, B: []byte("ab")},
	}
	c.Row(row)
	row[0].I = 8 // the writer may reuse its slice; the collector copied
	c.Done(result.Done{Cmd: result.CmdSelect, Count: 1, HasCount: true})
	// A second result set is ignored.
	c.Columns([]result.Column{{Name: "z", Type: types.Type{ID: types.Int}}})
	c.Row([]types.Value{{K: types.KindInt, I: 99}})
	rows, err := c.Result()
	if err != nil {
		t.Fatal(err)
	}
	if rows.Columns != 8 || len(rows.Values) != 1 {
		t.Fatalf("%+v", rows)
	}
	got := SortValues(RenderRows(rows.Values, "ITTTRIIT"), NoSort)
	want := []string{"7", "h@@llo", "-12.50", "12.3456", "2.500", "1", "NULL", "ab"}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("col %d: got %q want %q", i, got[i], want[i])
		}
	}
	if Render(rows.Values[0][2], 'I') != "-12" {
		t.Error("decimal as I")
	}

	var e Collector
	e.Message(msgs.New(208, "nope"))
	e.Message(msgs.New(8134))
	if _, err := e.Result(); err == nil || err.(*msgs.Error).Number != 208 {
		t.Fatalf("first error kept: %v", err)
	}
	if e.Err() == nil {
		t.Fatal("Err")
	}
	e.Reset()
	if e.Err() != nil {
		t.Fatal("Reset")
	}
}

// TestSQLDBLive runs a small file through go-mssqldb when TSQLD_TEST_DSN
// names a server (ours or a real SQL Server).
func TestSQLDBLive(t *testing.T) {
	dsn := os.Getenv("TSQLD_TEST_DSN")
	if dsn == "" {
		t.Skip("TSQLD_TEST_DSN not set")
	}
	pool, err := OpenSQL(dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer pool.Close()
	recs, err := ParseFile("testdata/live.test")
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	db, err := FreshDatabases(pool, "slt_live")(ctx, "live.test", 0)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	res := (&Runner{Verbose: true}).RunRecords(ctx, db, "live.test", recs)
	if res.Failed != 0 || res.Passed == 0 {
		t.Fatalf("%+v", res.Failures)
	}
}

// With no server behind the DSN, opening the per-file database fails and
// the file counts one failure instead of hanging or panicking.
func TestSQLDBNoServer(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	pool, err := OpenSQL("sqlserver://sa:x@" + addr + "?dial+timeout=2&connection+timeout=3")
	if err != nil {
		t.Fatal(err)
	}
	defer pool.Close()
	dir := t.TempDir()
	p := filepath.Join(dir, "a.test")
	os.WriteFile(p, []byte("statement ok\nSELECT 1\n"), 0o644)
	var log strings.Builder
	r := &Runner{Open: FreshDatabases(pool, "x"), Log: &log}
	res := r.RunFile(context.Background(), p)
	if res.Failed != 1 || res.Err == nil || !strings.Contains(log.String(), "open database") {
		t.Fatalf("%+v\n%s", res, log.String())
	}
}
