package server

import (
	"context"
	"database/sql"
	"fmt"
	"io"
	"log/slog"
	"strings"
	"testing"

	"github.com/tsqld/tsqld/sql/result"
	"github.com/tsqld/tsqld/sql/types"
	"github.com/tsqld/tsqld/tds"
)

// newTestResp returns a resp writing to io.Discard for a client of v.
func newTestResp(v tds.Version) *resp {
	c := &conn{srv: &Server{cfg: Config{ServerName: "S"}}, version: v}
	c.mw = tds.NewMessageWriter(io.Discard, 4096)
	r := newResp(c)
	r.beginResponse(context.Background())
	return r
}

// TestRowNoAllocs checks the per-row path allocates nothing once warm.
func TestRowNoAllocs(t *testing.T) {
	r := newTestResp(tds.Version74)
	cols := fixedColumns[:len(fixedColumns)-3] // all but xml/variant/null
	row := fixedRow()[:len(cols)]
	if err := r.Columns(cols); err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 100; i++ { // warm the buffer
		r.Row(row)
	}
	allocs := testing.AllocsPerRun(1000, func() {
		if err := r.Row(row); err != nil {
			t.Fatal(err)
		}
	})
	if allocs > 0 {
		t.Errorf("Row allocates %.1f times per row", allocs)
	}
}

// TestDoneBits checks the MORE/final decisions of the writer.
func TestDoneBits(t *testing.T) {
	r := newTestResp(tds.Version74)
	r.Done(result.Done{Cmd: result.CmdSelect, Count: 2, HasCount: true})
	r.Done(result.Done{Cmd: result.CmdInsert, Count: 1, HasCount: true, Error: true})
	r.Done(result.Done{Cmd: result.CmdSet})
	// Inspect the buffer before end(): the last Done is still held.
	buf := append([]byte(nil), r.mw.Buf...)
	c := &rawClient{t: t, v: tds.Version74}
	if got := describe(c.tokens(buf)); got != "FD/11/C1/2 FD/13/C3/1" {
		t.Errorf("before end: %s", got)
	}
	r.hasPending = false
	r.Done(result.Done{Cmd: result.CmdSelect, Count: 5, HasCount: true, InProc: true})
	buf = append([]byte(nil), r.mw.Buf...)
	if got := describe(c.tokens(buf)); got != "FD/11/C1/2 FD/13/C3/1 FF/11/C1/5" {
		t.Errorf("inproc: %s", got)
	}
}

func BenchmarkRow(b *testing.B) {
	r := newTestResp(tds.Version74)
	cols := []result.Column{
		{Name: "id", Type: types.Type{ID: types.Int}},
		{Name: "name", Type: types.Type{ID: types.NVarChar, Length: 50}},
		{Name: "amount", Type: types.Type{ID: types.Decimal, Precision: 18, Scale: 2}},
		{Name: "at", Type: types.Type{ID: types.DateTime2, Scale: 7}},
	}
	row := fixedRow()
	vals := []types.Value{{K: types.KindInt, I: 42}, {K: types.KindString, S: "some customer name"}, row[7], row[19]}
	vals[2].Dec.Exponent = -2
	r.Columns(cols)
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		r.Row(vals)
	}
}

// BenchmarkSelect100k streams 100,000 bigint rows to go-mssqldb over
// loopback (plaintext and TLS).
func BenchmarkSelect100k(b *testing.B) {
	for _, mode := range []string{"encrypt=disable", "encrypt=true&trustservercertificate=true"} {
		b.Run(mode, func(b *testing.B) {
			bk := &fakeBackend{password: testPassword}
			s, err := New(Config{Backend: bk, Addrs: []string{"127.0.0.1:0"}, Logger: discardLogger()})
			if err != nil {
				b.Fatal(err)
			}
			s.Listen()
			go s.Serve()
			defer s.Close()
			db, _ := sql.Open("sqlserver", fmt.Sprintf("sqlserver://sa:%s@127.0.0.1:%d?%s", strings.ReplaceAll(testPassword, "!", "%21"), s.Port(), mode))
			defer db.Close()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				rows, err := db.Query("select top 100000")
				if err != nil {
					b.Fatal(err)
				}
				n := 0
				var v int64
				for rows.Next() {
					rows.Scan(&v)
					n++
				}
				rows.Close()
				if n != 100000 {
					b.Fatal(n, rows.Err())
				}
			}
		})
	}
}

func discardLogger() *slog.Logger { return slog.New(slog.NewTextHandler(io.Discard, nil)) }
