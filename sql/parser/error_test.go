package parser

import (
	"errors"
	"testing"

	"github.com/tsqld/tsqld/sql/msgs"
)

type wantMsg struct {
	num  int32
	line int32
	text string
}

func TestSyntaxErrors(t *testing.T) {
	cases := []struct {
		in   string
		want []wantMsg
	}{
		{"SELECT * FROM", []wantMsg{{102, 1, "Incorrect syntax near 'FROM'."}}},
		{"SELECT a,\nFROM t", []wantMsg{{156, 2, "Incorrect syntax near the keyword 'FROM'."}}},
		{"SELECT 1 2", []wantMsg{{102, 1, "Incorrect syntax near '2'."}}},
		{"SELECT 1\nFROM t\nWHERE x = = 1", []wantMsg{{102, 3, "Incorrect syntax near '='."}}},
		{"SELECT *\nFROM (SELECT 1 AS a)\n;", []wantMsg{{102, 3, "Incorrect syntax near ';'."}}},
		{"SELECT * FROM t WHERE", []wantMsg{{102, 1, "Incorrect syntax near 'WHERE'."}}},
		{"SELECT 'abc", []wantMsg{
			{105, 1, "Unclosed quotation mark after the character string 'abc'."},
			{102, 1, "Incorrect syntax near 'abc'."}}},
		{"SELECT 1\nSELECT 'it''s\nopen", []wantMsg{
			{105, 2, "Unclosed quotation mark after the character string 'it''s\nopen'."},
			{102, 2, "Incorrect syntax near 'it''s\nopen'."}}},
		{"SELECT [abc", []wantMsg{
			{105, 1, "Unclosed quotation mark after the character string 'abc'."},
			{102, 1, "Incorrect syntax near 'abc'."}}},
		{"SELECT 1 /* open", []wantMsg{{113, 1, "Missing end comment mark '*/'."}}},
		{"SELECT 1 /* a /* b */ still open", []wantMsg{{113, 1, "Missing end comment mark '*/'."}}},
		{"CREATE TABLE t (a int,, b int)", []wantMsg{{102, 1, "Incorrect syntax near ','."}}},
		{"SELECT select FROM t", []wantMsg{{156, 1, "Incorrect syntax near the keyword 'select'."}}},
		{"CREATE TABLE t (\n  id int,\n  user varchar(10))", []wantMsg{{156, 3, "Incorrect syntax near the keyword 'user'."}}},
		{"BEGIN\nSELECT 1", []wantMsg{{102, 2, "Incorrect syntax near '1'."}}},
		{"SELECT ?", []wantMsg{{102, 1, "Incorrect syntax near '?'."}}},
		{"PRINT 1\nGO", []wantMsg{{102, 2, "Incorrect syntax near 'GO'."}}},
		{"DROP INDEX ix", []wantMsg{{159, 1, "Must specify the table name and index name for the DROP INDEX statement."}}},
		{"SELECT * FROM t LIMIT 10", []wantMsg{{102, 1, "Incorrect syntax near '10'."}}},
		{"INSERT INTO t VALUES (1", []wantMsg{{102, 1, "Incorrect syntax near '1'."}}},
		{"IF 1 = 1", []wantMsg{{102, 1, "Incorrect syntax near '1'."}}},
		{"UPDATE t SET", []wantMsg{{102, 1, "Incorrect syntax near 'SET'."}}},
		{"SELECT CASE END", []wantMsg{{156, 1, "Incorrect syntax near the keyword 'END'."}}},
		{"SELECT a = b = 1", []wantMsg{{102, 1, "Incorrect syntax near '='."}}},
		{"MERGE t USING s ON t.a = s.a\nWHEN MATCHED THEN DELETE", []wantMsg{{10713, 2, "A MERGE statement must be terminated by a semi-colon (;)."}}},
		{"SELECT (1 = 1)", []wantMsg{{102, 1, "Incorrect syntax near '='."}}},
		{"SELECT 1 WHERE 1 = 1 AND (2 > 1)\nORDER BY a > 1", []wantMsg{{102, 2, "Incorrect syntax near '>'."}}},
		{"INSERT t VALUES (1 = 1)", []wantMsg{{102, 1, "Incorrect syntax near '='."}}},
		{"SELECT 1\nwith c AS (SELECT 1 AS a) SELECT a FROM c", []wantMsg{{319, 2, "Incorrect syntax near the keyword 'with'. If this statement is a common table expression, an xmlnamespaces clause or a change tracking context clause, the previous statement must be terminated with a semicolon."}}},
		{"DROP VIEW IF EXISTS v;\nCREATE VIEW v AS SELECT 1 AS a", []wantMsg{{111, 2, "'CREATE VIEW' must be the first statement in a query batch."}}},
		{"PRINT 1\nCREATE PROCEDURE p AS SELECT 1", []wantMsg{{111, 2, "'CREATE/ALTER PROCEDURE' must be the first statement in a query batch."}}},
		{"PRINT 1\nALTER FUNCTION f() RETURNS int AS BEGIN RETURN 1 END", []wantMsg{{111, 2, "'ALTER FUNCTION' must be the first statement in a query batch."}}},
		{"IF 1 = 1\nCREATE PROCEDURE p AS SELECT 1", []wantMsg{{156, 2, "Incorrect syntax near the keyword 'PROCEDURE'."}}},
		{"CREATE PROC p AS\nPRINT 1\nGO\nSELECT 2", []wantMsg{{102, 3, "Incorrect syntax near 'GO'."}}},
	}
	for _, c := range cases {
		_, err := ParseBatch(c.in, Options{})
		if err == nil {
			t.Errorf("%q: no error", c.in)
			continue
		}
		got := Messages(err)
		if len(got) != len(c.want) {
			t.Errorf("%q: got %d messages: %v", c.in, len(got), err)
			continue
		}
		for i, w := range c.want {
			g := got[i]
			if g.Number != w.num || g.Line != w.line || g.Text != w.text || g.Severity != 15 || g.State != 1 {
				t.Errorf("%q msg %d: got %d line %d sev %d state %d %q; want %d line %d %q",
					c.in, i, g.Number, g.Line, g.Severity, g.State, g.Text, w.num, w.line, w.text)
			}
		}
		var m *msgs.Error
		if !errors.As(err, &m) || m.Number != c.want[0].num {
			t.Errorf("%q: errors.As does not find the first message", c.in)
		}
	}
}
