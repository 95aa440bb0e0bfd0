package server

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/tsqld/tsqld/sql/result"
	"github.com/tsqld/tsqld/sql/types"
)

// nullRows is the fake backend's "select * from nulls": every fixed
// column, nullable; row 1 with every other column NULL (NBCROW for 7.3.B+
// clients), row 2 without NULLs (ROW), row 3 all NULL (NBCROW).
func nullRows() ([]result.Column, [][]types.Value) {
	cols := append([]result.Column(nil), fixedColumns...)
	for i := range cols {
		cols[i].Nullable = true
	}
	full := fixedRow()
	full[len(full)-1] = types.Value{K: types.KindInt, I: 7} // "nul" is not NULL here
	half := append([]types.Value(nil), full...)
	for i := 0; i < len(half); i += 2 {
		half[i] = types.Null
	}
	none := make([]types.Value, len(cols))
	return cols, [][]types.Value{half, full, none}
}

func writeNullRows(w result.Writer) error {
	cols, rows := nullRows()
	if err := w.Columns(cols); err != nil {
		return err
	}
	for _, r := range rows {
		if err := w.Row(r); err != nil {
			return err
		}
	}
	return w.Done(result.Done{Cmd: result.CmdSelect, Count: int64(len(rows)), HasCount: true})
}

// TestNBCRowGoMSSQLDB reads NBCROW/ROW intermixed with go-mssqldb (TDS
// 7.4): the NULL pattern is kept and the non-NULL values of the NBCROW row
// equal those of the ROW row.
func TestNBCRowGoMSSQLDB(t *testing.T) {
	ts := startServer(t, nil)
	db := openDB(t, ts.dsn("encrypt=disable"))
	rs, err := db.Query("select * from nulls")
	if err != nil {
		t.Fatal(err)
	}
	defer rs.Close()
	cols, _ := rs.Columns()
	var got [][]any
	for rs.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rs.Scan(ptrs...); err != nil {
			t.Fatal(err)
		}
		got = append(got, vals)
	}
	if err := rs.Err(); err != nil {
		t.Fatal(err)
	}
	if len(got) != 3 {
		t.Fatalf("%d rows, want 3", len(got))
	}
	for i := range cols {
		half, full, none := got[0][i], got[1][i], got[2][i]
		if none != nil {
			t.Errorf("row 3 column %s = %v, want NULL", cols[i], none)
		}
		if full == nil {
			t.Errorf("row 2 column %s is NULL", cols[i])
		}
		if i%2 == 0 {
			if half != nil {
				t.Errorf("row 1 column %s = %v, want NULL", cols[i], half)
			}
		} else if fmt.Sprint(half) != fmt.Sprint(full) {
			t.Errorf("row 1 column %s = %v, row 2 has %v", cols[i], half, full)
		}
	}
}

// TestNBCRowFreeTDS reads the same rows with FreeTDS' tsql at TDS 7.4
// (NBCROW) and 7.2 (ROW only).
func TestNBCRowFreeTDS(t *testing.T) {
	tsql, err := exec.LookPath("tsql")
	if err != nil {
		t.Skip("tsql (freetds-bin) not installed")
	}
	ts := startServer(t, nil)
	outputs := map[string]string{}
	for _, ver := range []string{"7.4", "7.2"} {
		dir := t.TempDir()
		conf := filepath.Join(dir, "freetds.conf")
		os.WriteFile(conf, []byte(fmt.Sprintf("[tsqld]\n\thost = 127.0.0.1\n\tport = %d\n\ttds version = %s\n\tencryption = off\n", ts.Port(), ver)), 0o644)
		ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
		cmd := exec.CommandContext(ctx, tsql, "-S", "tsqld", "-U", "sa", "-P", testPassword)
		cmd.Env = append(os.Environ(), "FREETDSCONF="+conf, "TDSDUMP=")
		cmd.Stdin = strings.NewReader("select * from nulls\ngo\nexit\n")
		out, err := cmd.CombinedOutput()
		cancel()
		if err != nil {
			t.Fatalf("tsql %s: %v\n%s", ver, err, out)
		}
		s := string(out)
		if !strings.Contains(s, "(3 rows affected)") || !strings.Contains(s, "日本語 ✓") {
			t.Fatalf("tsql %s output:\n%s", ver, s)
		}
		outputs[ver] = s
	}
	// The 7.2 session gets ROW tokens only; both must print the same rows
	// (the date/time columns differ: 7.2 receives them as text).
	rows := func(s string) []string {
		var out []string
		for _, l := range strings.Split(s, "\n") {
			if strings.Contains(l, "\t") {
				out = append(out, l)
			}
		}
		return out
	}
	r74, r72 := rows(outputs["7.4"]), rows(outputs["7.2"])
	if len(r74) < 4 || len(r74) != len(r72) {
		t.Fatalf("7.4 printed %d lines, 7.2 %d:\n%s\n%s", len(r74), len(r72), outputs["7.4"], outputs["7.2"])
	}
	// At 7.4 row 1 (NBCROW) shows row 2's values where it is not NULL.
	half, full := strings.Split(r74[1], "\t"), strings.Split(r74[2], "\t")
	if len(half) != len(full) {
		t.Fatalf("7.4 rows have %d and %d fields", len(half), len(full))
	}
	for i := 1; i < len(half); i += 2 {
		if half[i] != full[i] {
			t.Errorf("7.4 field %d: NBCROW %q, ROW %q", i, half[i], full[i])
		}
	}
	for i, l := range r74 {
		n74 := strings.Count(l, "NULL")
		n72 := strings.Count(r72[i], "NULL")
		if n74 != n72 {
			t.Errorf("line %d: %d NULLs at 7.4, %d at 7.2:\n%s\n%s", i, n74, n72, l, r72[i])
		}
	}
}
