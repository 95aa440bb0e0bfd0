package engine

import (
	"context"
	"testing"

	"github.com/tsqld/tsqld/sql/collation"
	"github.com/tsqld/tsqld/sql/result"
)

// TestResultColumnCollation checks that result columns carry the TDS
// collation record of their collation (the server writes it into
// COLMETADATA): a column's declared collation, a COLLATE expression's, and
// the database default otherwise.
func TestResultColumnCollation(t *testing.T) {
	for _, b := range backends {
		t.Run(b.name, func(t *testing.T) {
			e := openEngine(t, b.open(t, t.TempDir()))
			defer e.Close()
			s := newSession(t, e)
			defer s.Close()
			for _, q := range []string{
				"CREATE TABLE rc (a varchar(5) COLLATE Latin1_General_CS_AS, b nvarchar(5) COLLATE Latin1_General_BIN2, c varchar(5))",
				"CREATE DATABASE rcdb COLLATE Latin1_General_CI_AI",
			} {
				if err := s.ExecBatch(context.Background(), q, &result.Collector{}); err != nil {
					t.Fatal(err)
				}
			}
			cases := []struct {
				q     string
				colls []string
			}{
				{"SELECT a, b, c, c COLLATE SQL_Latin1_General_CP1_CI_AI AS d FROM rc",
					[]string{"Latin1_General_CS_AS", "Latin1_General_BIN2", "SQL_Latin1_General_CP1_CI_AS", "SQL_Latin1_General_CP1_CI_AI"}},
				{"USE rcdb; SELECT CAST('x' AS varchar(3)) AS v; USE master",
					[]string{"Latin1_General_CI_AI"}},
			}
			for _, tc := range cases {
				c := &result.Collector{}
				if err := s.ExecBatch(context.Background(), tc.q, c); err != nil {
					t.Fatal(err)
				}
				var cols []result.Column
				for _, ev := range c.Events {
					if ev.Columns != nil {
						cols = ev.Columns
					}
				}
				if len(cols) != len(tc.colls) {
					t.Fatalf("%s: %d columns, want %d", tc.q, len(cols), len(tc.colls))
				}
				for i, want := range tc.colls {
					got := cols[i].Type.Collation
					w := collation.MustLookup(want)
					if got.Name != w.Name || got.LCID != w.LCID || got.Flags != w.Flags || got.SortID != w.SortID {
						t.Errorf("%s: column %d collation %+v, want %s (LCID %#x flags %#x sort %d)",
							tc.q, i, got, want, w.LCID, w.Flags, w.SortID)
					}
				}
			}
		})
	}
}
