package engine

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tsqld/tsqld/sql/result"
	"github.com/tsqld/tsqld/sql/sem"
	"github.com/tsqld/tsqld/sql/types"
	"github.com/tsqld/tsqld/storage"
)

var update = flag.Bool("update", false, "rewrite golden files with the current output")

// Golden files (testdata/tsql/*.test) hold blocks:
//
//	-- query
//	<batch>
//	-- expect
//	<output as goldenString renders it>
//
// A "-- restart" line closes and reopens the engine on the same storage
// (pebble only; the rest of the file is skipped on mem). Blocks run in one
// session, in order.
func TestGolden(t *testing.T) {
	files, _ := filepath.Glob("../../testdata/tsql/*.test")
	if len(files) == 0 {
		t.Skip("no golden files")
	}
	for _, f := range files {
		f := f
		t.Run(strings.TrimSuffix(filepath.Base(f), ".test"), func(t *testing.T) {
			for _, b := range backends {
				t.Run(b.name, func(t *testing.T) { runGolden(t, f, b) })
			}
		})
	}
}

type goldenBlock struct {
	query, expect string
	restart       bool
}

func parseGolden(text string) []goldenBlock {
	var blocks []goldenBlock
	var cur *goldenBlock
	mode := ""
	for _, line := range strings.SplitAfter(text, "\n") {
		trim := strings.TrimSpace(line)
		switch trim {
		case "-- query":
			blocks = append(blocks, goldenBlock{})
			cur = &blocks[len(blocks)-1]
			mode = "q"
			continue
		case "-- expect":
			mode = "e"
			continue
		case "-- restart":
			blocks = append(blocks, goldenBlock{restart: true})
			cur, mode = nil, ""
			continue
		}
		if cur == nil {
			continue
		}
		if mode == "q" {
			cur.query += line
		} else if mode == "e" {
			cur.expect += line
		}
	}
	return blocks
}

func runGolden(t *testing.T, file string, b backend) {
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	blocks := parseGolden(string(data))
	dir := t.TempDir()
	var st storage.Engine = b.open(t, dir)
	e := openEngine(t, st)
	defer func() { e.Close() }()
	s := newSession(t, e)
	var out strings.Builder
	for _, blk := range blocks {
		if blk.restart {
			out.WriteString("-- restart\n\n")
			if b.name == "mem" {
				return
			}
			s.Close()
			e.Close()
			e = openEngine(t, b.open(t, dir))
			s = newSession(t, e)
			continue
		}
		c := &result.Collector{}
		if err := s.ExecBatch(context.Background(), blk.query, c); err != nil {
			t.Fatalf("%s: %v", blk.query, err)
		}
		got := goldenString(c)
		fmt.Fprintf(&out, "-- query\n%s-- expect\n%s\n", blk.query, got)
		if !*update && strings.TrimSpace(got) != strings.TrimSpace(blk.expect) {
			t.Errorf("query:\n%s\ngot:\n%s\nwant:\n%s", blk.query, got, blk.expect)
		}
	}
	if *update && b.name == "pebble" {
		os.WriteFile(file, []byte(strings.TrimRight(out.String(), "\n")+"\n"), 0o644)
	}
}

// typeString renders a type as SQL Server names it (for golden headers).
func typeString(t types.Type) string {
	n := sem.TypeName(t)
	switch t.ID {
	case types.VarChar, types.Char, types.NVarChar, types.NChar, types.VarBinary, types.Binary:
		if t.Length == types.MaxLength {
			return n + "(max)"
		}
		return fmt.Sprintf("%s(%d)", n, t.Length)
	case types.Decimal, types.Numeric:
		return fmt.Sprintf("%s(%d,%d)", n, t.Precision, t.Scale)
	case types.Time, types.DateTime2, types.DateTimeOffset:
		return fmt.Sprintf("%s(%d)", n, t.Scale)
	}
	return n
}

// goldenString is Collector.String with column types in headers and
// environment changes shown.
func goldenString(c *result.Collector) string {
	var b strings.Builder
	var cols []result.Column
	for _, e := range c.Events {
		switch {
		case e.Row != nil && len(cols) == len(e.Row):
			vals := make([]string, len(e.Row))
			for i, v := range e.Row {
				vals[i] = result.FormatValue(v)
				if v.K == types.KindDateTime {
					if s, err := types.FormatValue(v, cols[i].Type, 121, false); err == nil {
						vals[i] = s
					}
				}
			}
			b.WriteString(strings.Join(vals, " | ") + "\n")
		case e.Columns != nil:
			cols = e.Columns
			parts := make([]string, len(e.Columns))
			for i, col := range e.Columns {
				parts[i] = col.Name + " " + typeString(col.Type)
				if !col.Nullable {
					parts[i] += " not null"
				}
			}
			b.WriteString(strings.Join(parts, " | ") + "\n")
		case e.EnvChange != nil:
			switch e.EnvChange.Type {
			case result.EnvDatabase:
				fmt.Fprintf(&b, "[database %s -> %s]\n", e.EnvChange.Old, e.EnvChange.New)
			case result.EnvBeginTran:
				b.WriteString("[begin tran]\n")
			case result.EnvCommitTran:
				b.WriteString("[commit tran]\n")
			case result.EnvRollbackTran:
				b.WriteString("[rollback tran]\n")
			}
		default:
			one := result.Collector{Events: []result.Event{e}}
			b.WriteString(one.String())
		}
	}
	return b.String()
}
