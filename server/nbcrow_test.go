package server

import (
	"fmt"
	"testing"

	"github.com/tsqld/tsqld/sql/result"
	"github.com/tsqld/tsqld/sql/types"
	"github.com/tsqld/tsqld/tds"
)

// encodeRows runs cols and rows through the row writer for a client of v
// and decodes what it wrote: the row token kinds and the decoded rows.
func encodeRows(t *testing.T, v tds.Version, cols []result.Column, rows ...[]types.Value) ([]uint8, []*tds.Row) {
	t.Helper()
	r := newTestResp(v)
	r.mw.SetPacketSize(tds.MaxPacketSize) // keep everything buffered
	if err := r.Columns(cols); err != nil {
		t.Fatal(err)
	}
	var kinds []uint8
	for _, row := range rows {
		at := len(r.mw.Buf)
		if err := r.Row(row); err != nil {
			t.Fatal(err)
		}
		kinds = append(kinds, r.mw.Buf[at])
	}
	toks, err := tds.DecodeTokens(r.mw.Buf, v)
	if err != nil {
		t.Fatal(err)
	}
	var out []*tds.Row
	for _, tk := range toks {
		if row, ok := tk.(*tds.Row); ok {
			out = append(out, row)
		}
	}
	if len(out) != len(rows) {
		t.Fatalf("%d rows decoded, want %d", len(out), len(rows))
	}
	return kinds, out
}

func intCols(n int) []result.Column {
	cols := make([]result.Column, n)
	for i := range cols {
		cols[i] = result.Column{Name: fmt.Sprint("c", i), Type: types.Type{ID: types.Int}, Nullable: true}
	}
	return cols
}

func intRow(n int, nulls ...int) []types.Value {
	row := make([]types.Value, n)
	for i := range row {
		row[i] = types.Value{K: types.KindInt, I: int64(i + 1)}
	}
	for _, i := range nulls {
		row[i] = types.Null
	}
	return row
}

// TestNBCRowChoice checks when rows go out as NBCROW: a TDS 7.3.B+ client,
// a row with NULLs, and a null bitmap no larger than the NULL markers it
// replaces.
func TestNBCRowChoice(t *testing.T) {
	pair := []result.Column{
		{Name: "i", Type: types.Type{ID: types.Int}, Nullable: true},
		{Name: "vb", Type: types.Type{ID: types.VarBinary, Length: types.MaxLength}, Nullable: true},
	}
	blob := types.Value{K: types.KindBytes, B: []byte("payload")}
	cases := []struct {
		name string
		v    tds.Version
		cols []result.Column
		row  []types.Value
		want uint8
	}{
		{"no NULL", tds.Version74, intCols(3), intRow(3), tds.TokenRow},
		{"1-byte bitmap for one 1-byte marker", tds.Version74, pair, []types.Value{types.Null, blob}, tds.TokenNBCRow},
		{"PLP NULL saves 8 bytes", tds.Version74, pair, []types.Value{{K: types.KindInt, I: 7}, types.Null}, tds.TokenNBCRow},
		{"all NULL", tds.Version74, pair, []types.Value{types.Null, types.Null}, tds.TokenNBCRow},
		{"20 columns, one NULL: bitmap 3 > 1", tds.Version74, intCols(20), intRow(20, 4), tds.TokenRow},
		{"20 columns, three NULLs: bitmap 3 <= 3", tds.Version74, intCols(20), intRow(20, 0, 9, 19), tds.TokenNBCRow},
		{"short row: the missing columns are NULL", tds.Version74, intCols(4), intRow(4)[:1], tds.TokenNBCRow},
		{"7.3.B", tds.Version73B, pair, []types.Value{types.Null, blob}, tds.TokenNBCRow},
		{"7.3.A has no NBCROW", tds.Version73A, pair, []types.Value{types.Null, blob}, tds.TokenRow},
		{"7.2 has no NBCROW", tds.Version72, pair, []types.Value{types.Null, types.Null}, tds.TokenRow},
		{"7.1 has no NBCROW", tds.Version71A, pair, []types.Value{types.Null, types.Null}, tds.TokenRow},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			kinds, rows := encodeRows(t, c.v, c.cols, c.row)
			if kinds[0] != c.want {
				t.Fatalf("token 0x%02X, want 0x%02X", kinds[0], c.want)
			}
			got := rows[0].Values
			if len(got) != len(c.cols) {
				t.Fatalf("%d values, want %d", len(got), len(c.cols))
			}
			for i := range c.cols {
				null := i >= len(c.row) || c.row[i].K == types.KindNull
				if got[i].Null != null {
					t.Errorf("column %d: NULL %v, want %v", i, got[i].Null, null)
				}
			}
		})
	}
}

// TestNBCRowValues checks that an NBCROW carries the same values as the
// ROW a 7.3.A client gets for the same row, across the column types.
func TestNBCRowValues(t *testing.T) {
	cols := append([]result.Column(nil), fixedColumns...)
	for i := range cols {
		cols[i].Nullable = true
	}
	full := fixedRow()
	// NULL out every other column so the bitmap pays off.
	row := append([]types.Value(nil), full...)
	for i := 0; i < len(row); i += 2 {
		row[i] = types.Null
	}
	kinds, nbc := encodeRows(t, tds.Version74, cols, row, full)
	if kinds[0] != tds.TokenNBCRow || kinds[1] != tds.TokenRow {
		t.Fatalf("tokens %x, want NBCROW then ROW", kinds)
	}
	_, plain := encodeRows(t, tds.Version73A, cols, row)
	for i := range cols {
		a, b := nbc[0].Values[i], plain[0].Values[i]
		if a.Null != b.Null || string(a.Data) != string(b.Data) {
			t.Errorf("column %s: NBCROW %v %x, ROW %v %x", cols[i].Name, a.Null, a.Data, b.Null, b.Data)
		}
	}
}

// TestNBCRowNoAllocs checks the NBCROW path allocates nothing once warm.
func TestNBCRowNoAllocs(t *testing.T) {
	r := newTestResp(tds.Version74)
	if err := r.Columns(intCols(8)); err != nil {
		t.Fatal(err)
	}
	row := intRow(8, 1, 3, 5)
	for i := 0; i < 100; i++ {
		r.Row(row)
	}
	if r.mw.Buf[len(r.mw.Buf)-(2+5*5)] != tds.TokenNBCRow {
		t.Fatal("row not sent as NBCROW")
	}
	allocs := testing.AllocsPerRun(1000, func() {
		if err := r.Row(row); err != nil {
			t.Fatal(err)
		}
	})
	if allocs > 0 {
		t.Errorf("NBCROW allocates %.1f times per row", allocs)
	}
}
