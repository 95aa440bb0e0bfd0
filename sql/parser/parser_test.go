package parser

import (
	"strings"
	"testing"

	"github.com/tsqld/tsqld/sql/ast"
)

func mustParse(t *testing.T, sql string) []ast.Stmt {
	t.Helper()
	stmts, err := ParseBatch(sql, Options{})
	if err != nil {
		t.Fatalf("%q: %v", sql, err)
	}
	return stmts
}

// sexpr renders an expression with explicit grouping to check precedence.
func sexpr(e ast.Expr) string {
	switch e := e.(type) {
	case *ast.BinaryExpr:
		return "(" + sexpr(e.L) + " " + e.Op.String() + " " + sexpr(e.R) + ")"
	case *ast.UnaryExpr:
		op := map[ast.UnaryOp]string{ast.OpNeg: "-", ast.OpPlus: "+", ast.OpBitNot: "~", ast.OpNot: "NOT "}[e.Op]
		return "(" + op + sexpr(e.X) + ")"
	case *ast.BetweenExpr:
		return "(" + sexpr(e.X) + " BETWEEN " + sexpr(e.Low) + " AND " + sexpr(e.High) + ")"
	case *ast.LikeExpr:
		return "(" + sexpr(e.X) + " LIKE " + sexpr(e.Pattern) + ")"
	case *ast.IsNullExpr:
		return "(" + sexpr(e.X) + " IS NULL)"
	case *ast.ParenExpr:
		return sexpr(e.X)
	}
	return ast.String(e)
}

func TestExprPrecedence(t *testing.T) {
	cases := []struct{ in, want string }{
		{"1 + 2 * 3", "(1 + (2 * 3))"},
		{"1 * 2 + 3", "((1 * 2) + 3)"},
		{"1 - 2 - 3", "((1 - 2) - 3)"},
		{"a & b | c ^ d", "(((a & b) | c) ^ d)"},
		{"a + b & c", "((a + b) & c)"},
		{"~a * b", "((~a) * b)"},
		{"-a * b", "((-a) * b)"},
		{"a = 1 OR b = 2 AND c = 3", "((a = 1) OR ((b = 2) AND (c = 3)))"},
		{"NOT a = 1 AND b = 2", "((NOT (a = 1)) AND (b = 2))"},
		{"NOT NOT a = 1", "(NOT (NOT (a = 1)))"},
		{"a BETWEEN 1 AND 2 AND b = 3", "((a BETWEEN 1 AND 2) AND (b = 3))"},
		{"a + 1 BETWEEN b - 1 AND c * 2", "((a + 1) BETWEEN (b - 1) AND (c * 2))"},
		{"a LIKE 'x%' OR b IS NULL", "((a LIKE 'x%') OR (b IS NULL))"},
		{"a !< 1 AND b !> 2 AND c != 3 AND d <> 4", "((((a !< 1) AND (b !> 2)) AND (c <> 3)) AND (d <> 4))"},
		{"(1 + 2) * 3", "((1 + 2) * 3)"},
		{"a % b / c * d", "(((a % b) / c) * d)"},
		{"x >= 1 AND x <= 2", "((x >= 1) AND (x <= 2))"},
		{"- - 1", "(-(-1))"},
		{"a+-b", "(a + (-b))"},
		{"NOT a IN (1, 2)", "(NOT a IN (1, 2))"},
	}
	for _, c := range cases {
		e, err := ParseExpr(c.in, Options{})
		if err != nil {
			t.Errorf("%q: %v", c.in, err)
			continue
		}
		if got := sexpr(e); got != c.want {
			t.Errorf("%q: got %s want %s", c.in, got, c.want)
		}
	}
}

func TestLiterals(t *testing.T) {
	cases := []struct {
		in   string
		kind ast.LitKind
		val  string
	}{
		{"1", ast.LitInt, "1"},
		{"2147483647", ast.LitInt, "2147483647"},
		{"2147483648", ast.LitDecimal, "2147483648"},
		{"0000000000002147483647", ast.LitInt, "0000000000002147483647"},
		{"99999999999", ast.LitDecimal, "99999999999"},
		{"1.5", ast.LitDecimal, "1.5"},
		{"1.", ast.LitDecimal, "1."},
		{".5", ast.LitDecimal, ".5"},
		{"1e5", ast.LitFloat, "1e5"},
		{"1.5E-3", ast.LitFloat, "1.5E-3"},
		{"$12.5", ast.LitMoney, "12.5"},
		{"'it''s'", ast.LitString, "it's"},
		{"N'ünï'", ast.LitNString, "ünï"},
		{"n'x'", ast.LitNString, "x"},
		{"0x1F", ast.LitBinary, "1F"},
		{"0x", ast.LitBinary, ""},
		{"''", ast.LitString, ""},
	}
	for _, c := range cases {
		e, err := ParseExpr(c.in, Options{})
		if err != nil {
			t.Errorf("%q: %v", c.in, err)
			continue
		}
		l, ok := e.(*ast.Literal)
		if !ok {
			t.Errorf("%q: got %T", c.in, e)
			continue
		}
		if l.Kind != c.kind || l.Val != c.val || l.Text != c.in {
			t.Errorf("%q: got kind %d val %q text %q", c.in, l.Kind, l.Val, l.Text)
		}
	}
}

func TestQuotedIdentifierOption(t *testing.T) {
	e, err := ParseExpr(`"a""b"`, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if c, ok := e.(*ast.ColumnRef); !ok || c.Name.Name != `a"b` || !c.Name.Quoted {
		t.Errorf("QUOTED_IDENTIFIER ON: got %#v", e)
	}
	e, err = ParseExpr(`"it's"`, Options{QuotedIdentifierOff: true})
	if err != nil {
		t.Fatal(err)
	}
	if l, ok := e.(*ast.Literal); !ok || l.Kind != ast.LitString || l.Val != "it's" {
		t.Errorf("QUOTED_IDENTIFIER OFF: got %#v", e)
	}
	e, _ = ParseExpr(`[a]]b]`, Options{})
	if c, ok := e.(*ast.ColumnRef); !ok || c.Name.Name != "a]b" {
		t.Errorf("bracket escape: got %#v", e)
	}
}

func TestNames(t *testing.T) {
	e, _ := ParseExpr("srv.db.sch.tbl.col", Options{})
	c := e.(*ast.ColumnRef)
	if c.Name.Name != "col" || c.Table.Name.Name != "tbl" || c.Table.Schema.Name != "sch" ||
		c.Table.Database.Name != "db" || c.Table.Server.Name != "srv" {
		t.Errorf("5-part name: %+v", c)
	}
	st := mustParse(t, "SELECT * FROM db..t, #tmp, ##glob, @tv")[0].(*ast.SelectStmt)
	from := st.Query.Body.(*ast.Select).From
	if n := from[0].(*ast.NamedTable).Name; n.Database.Name != "db" || !n.Schema.IsZero() || n.Name.Name != "t" {
		t.Errorf("db..t: %+v", n)
	}
	if n := from[1].(*ast.NamedTable).Name.Name.Name; n != "#tmp" {
		t.Errorf("#tmp: %q", n)
	}
	if n := from[2].(*ast.NamedTable).Name.Name.Name; n != "##glob" {
		t.Errorf("##glob: %q", n)
	}
	if n := from[3].(*ast.VarTable).Name; n != "@tv" {
		t.Errorf("@tv: %q", n)
	}
}

// TestStatements checks statement shapes through the normalised printer.
func TestStatements(t *testing.T) {
	cases := []struct{ in, want string }{
		{"select a, b as c, d = e, 'lit' f, g h from t", "SELECT a, b AS c, e AS d, 'lit' AS f, g AS h FROM t;"},
		{"SELECT DISTINCT TOP 10 PERCENT WITH TIES a FROM t ORDER BY a", "SELECT DISTINCT TOP (10) PERCENT WITH TIES a FROM t ORDER BY a;"},
		{"SELECT @a = 1, @b += 2", "SELECT @a = 1, @b += 2;"},
		{"SELECT a 'x y'", "SELECT a AS [x y];"},
		{"SELECT * INTO #t FROM t WITH (NOLOCK) WHERE 1 = 1", "SELECT * INTO #t FROM t WITH (NOLOCK) WHERE 1 = 1;"},
		{"SELECT * FROM t (nolock)", "SELECT * FROM t WITH (NOLOCK);"},
		{"SELECT * FROM a LEFT JOIN b ON a.x = b.x CROSS JOIN c FULL OUTER JOIN d ON 1=1",
			"SELECT * FROM a LEFT OUTER JOIN b ON a.x = b.x CROSS JOIN c FULL OUTER JOIN d ON 1 = 1;"},
		{"SELECT * FROM a CROSS APPLY f(a.x) AS g OUTER APPLY (SELECT 1 AS y) z",
			"SELECT * FROM a CROSS APPLY f(a.x) AS g OUTER APPLY (SELECT 1 AS y) AS z;"},
		{"SELECT * FROM a INNER HASH JOIN b ON 1=1", "SELECT * FROM a INNER HASH JOIN b ON 1 = 1;"},
		{"SELECT * FROM (VALUES (1, 'a'), (2, 'b')) AS v(n, s)", "SELECT * FROM (VALUES (1, 'a'), (2, 'b')) AS v (n, s);"},
		{"SELECT a, COUNT(*), COUNT(DISTINCT b) FROM t GROUP BY a HAVING COUNT(*) > 1",
			"SELECT a, COUNT(*), COUNT(DISTINCT b) FROM t GROUP BY a HAVING COUNT(*) > 1;"},
		{"SELECT a FROM t GROUP BY ROLLUP(a, (b, c)), CUBE(d), GROUPING SETS((a), ())",
			"SELECT a FROM t GROUP BY ROLLUP (a, (b, c)), CUBE (d), GROUPING SETS ((a), ());"},
		{"SELECT a FROM t GROUP BY a WITH ROLLUP", "SELECT a FROM t GROUP BY a WITH ROLLUP;"},
		{"SELECT 1 UNION ALL SELECT 2 EXCEPT SELECT 3 INTERSECT SELECT 4 ORDER BY 1 DESC",
			"SELECT 1 UNION ALL SELECT 2 EXCEPT SELECT 3 INTERSECT SELECT 4 ORDER BY 1 DESC;"},
		{"SELECT a FROM t ORDER BY a OFFSET 10 ROWS FETCH NEXT 5 ROWS ONLY",
			"SELECT a FROM t ORDER BY a OFFSET 10 ROWS FETCH NEXT 5 ROWS ONLY;"},
		{"WITH c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c WHERE n < 10) SELECT n FROM c OPTION (MAXRECURSION 0)",
			"WITH c (n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c WHERE n < 10) SELECT n FROM c OPTION (MAXRECURSION 0);"},
		{"SELECT a FROM t FOR XML PATH('row'), ROOT('r'), TYPE", "SELECT a FROM t FOR XML PATH('row'), ROOT('r'), TYPE;"},
		{"SELECT a FROM t FOR JSON AUTO, WITHOUT_ARRAY_WRAPPER", "SELECT a FROM t FOR JSON AUTO, WITHOUT_ARRAY_WRAPPER;"},
		{"SELECT ROW_NUMBER() OVER (PARTITION BY a ORDER BY b DESC ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)",
			"SELECT ROW_NUMBER() OVER (PARTITION BY a ORDER BY b DESC ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW);"},
		{"SELECT SUM(x) OVER (ORDER BY y ROWS 2 PRECEDING)", "SELECT SUM(x) OVER (ORDER BY y ROWS 2 PRECEDING);"},
		{"SELECT STRING_AGG(a, ',') WITHIN GROUP (ORDER BY a)", "SELECT STRING_AGG(a, ',') WITHIN GROUP (ORDER BY a);"},
		{"SELECT CASE a WHEN 1 THEN 'x' ELSE 'y' END, CASE WHEN a > 1 THEN 2 END",
			"SELECT CASE a WHEN 1 THEN 'x' ELSE 'y' END, CASE WHEN a > 1 THEN 2 END;"},
		{"SELECT CAST(a AS decimal(10,2)), TRY_CAST(b AS varchar(max)), CONVERT(nvarchar(30), c, 121), TRY_CONVERT(int, d), PARSE('1' AS int USING 'en-US')",
			"SELECT CAST(a AS decimal(10, 2)), TRY_CAST(b AS varchar(max)), CONVERT(nvarchar(30), c, 121), TRY_CONVERT(int, d), PARSE('1' AS int USING 'en-US');"},
		{"SELECT a COLLATE Latin1_General_CS_AS FROM t ORDER BY a COLLATE Latin1_General_BIN DESC",
			"SELECT a COLLATE Latin1_General_CS_AS FROM t ORDER BY a COLLATE Latin1_General_BIN DESC;"},
		{"SELECT NEXT VALUE FOR dbo.seq", "SELECT NEXT VALUE FOR dbo.seq;"},
		{"SELECT * FROM t WHERE a = ANY (SELECT b FROM u) AND c > ALL (SELECT d FROM u) AND EXISTS (SELECT 1) AND e NOT IN (SELECT f FROM u)",
			"SELECT * FROM t WHERE a = ANY (SELECT b FROM u) AND c > ALL (SELECT d FROM u) AND EXISTS (SELECT 1) AND e NOT IN (SELECT f FROM u);"},
		{"SELECT (SELECT MAX(a) FROM t), CURRENT_TIMESTAMP, USER, SYSTEM_USER, @@ROWCOUNT, LEFT(a, 1), COALESCE(a, b), NULLIF(a, b)",
			"SELECT (SELECT MAX(a) FROM t), CURRENT_TIMESTAMP, USER, SYSTEM_USER, @@ROWCOUNT, LEFT(a, 1), COALESCE(a, b), NULLIF(a, b);"},
		{"SELECT a FROM t WHERE b LIKE '%x!%' ESCAPE '!' AND c NOT BETWEEN 1 AND 2 AND d IS NOT NULL",
			"SELECT a FROM t WHERE b LIKE '%x!%' ESCAPE '!' AND c NOT BETWEEN 1 AND 2 AND d IS NOT NULL;"},
		{"SELECT dbo.fn(1), t.c.value('.', 'int'), @x.value('(/a)[1]', 'int')",
			"SELECT dbo.fn(1), t.c.value('.', 'int'), @x.value('(/a)[1]', 'int');"},
		{"SELECT * FROM s PIVOT (SUM(v) FOR k IN ([a], [b])) AS p", "SELECT * FROM s PIVOT (SUM(v) FOR k IN ([a], [b])) AS p;"},
		{"insert t values (1, 'a'), (2, DEFAULT)", "INSERT INTO t VALUES (1, 'a'), (2, DEFAULT);"},
		{"INSERT INTO dbo.t (a, b) OUTPUT inserted.a INTO @log (x) OUTPUT inserted.* SELECT a, b FROM u",
			"INSERT INTO dbo.t (a, b) OUTPUT inserted.a INTO @log (x) OUTPUT inserted.* SELECT a, b FROM u;"},
		{"INSERT INTO t EXEC p 1", "INSERT INTO t EXECUTE p 1;"},
		{"INSERT INTO t DEFAULT VALUES", "INSERT INTO t DEFAULT VALUES;"},
		{"INSERT TOP (5) INTO t SELECT * FROM u", "INSERT TOP (5) INTO t SELECT * FROM u;"},
		{"UPDATE TOP (1) t SET a = 1, @v = b = b + 1, c += 2 OUTPUT deleted.a FROM t JOIN u ON t.id = u.id WHERE u.x = 1",
			"UPDATE TOP (1) t SET a = 1, @v = b = b + 1, c += 2 OUTPUT deleted.a FROM t INNER JOIN u ON t.id = u.id WHERE u.x = 1;"},
		{"UPDATE t SET a = 1 WHERE CURRENT OF c", "UPDATE t SET a = 1 WHERE CURRENT OF c;"},
		{"DELETE t WHERE a = 1", "DELETE FROM t WHERE a = 1;"},
		{"DELETE TOP (10) FROM t OUTPUT deleted.* FROM t JOIN u ON 1=1", "DELETE TOP (10) FROM t OUTPUT deleted.* FROM t INNER JOIN u ON 1 = 1;"},
		{"MERGE INTO t AS tgt USING s ON tgt.id = s.id WHEN MATCHED AND s.x = 1 THEN UPDATE SET a = s.a WHEN MATCHED THEN DELETE WHEN NOT MATCHED BY TARGET THEN INSERT (a) VALUES (s.a) WHEN NOT MATCHED BY SOURCE THEN DELETE OUTPUT $action;",
			"MERGE INTO t AS tgt USING s ON tgt.id = s.id WHEN MATCHED AND s.x = 1 THEN UPDATE SET a = s.a WHEN MATCHED THEN DELETE WHEN NOT MATCHED THEN INSERT (a) VALUES (s.a) WHEN NOT MATCHED BY SOURCE THEN DELETE OUTPUT $action;"},
		{"WITH x AS (SELECT 1 AS a) DELETE FROM t WHERE a IN (SELECT a FROM x)", "WITH x AS (SELECT 1 AS a) DELETE FROM t WHERE a IN (SELECT a FROM x);"},
		{"TRUNCATE TABLE dbo.t", "TRUNCATE TABLE dbo.t;"},
		{"DECLARE @a int = 1, @b varchar(10), @t TABLE (id int PRIMARY KEY, v nvarchar(max) NULL), @c CURSOR",
			"DECLARE @a int = 1, @b varchar(10), @t TABLE (\n    id int PRIMARY KEY,\n    v nvarchar(max) NULL\n), @c CURSOR;"},
		{"DECLARE c CURSOR LOCAL FAST_FORWARD FOR SELECT a FROM t", "DECLARE c CURSOR LOCAL FAST_FORWARD FOR SELECT a FROM t;"},
		{"DECLARE c SCROLL CURSOR FOR SELECT a FROM t FOR UPDATE OF a", "DECLARE c SCROLL CURSOR FOR SELECT a FROM t FOR UPDATE OF a;"},
		{"OPEN c FETCH NEXT FROM c INTO @a, @b FETCH ABSOLUTE 5 FROM GLOBAL c FETCH c CLOSE c DEALLOCATE c",
			"OPEN c;\nFETCH NEXT FROM c INTO @a, @b;\nFETCH ABSOLUTE 5 FROM GLOBAL c;\nFETCH c;\nCLOSE c;\nDEALLOCATE c;"},
		{"SET NOCOUNT ON SET XACT_ABORT OFF SET ANSI_NULLS, QUOTED_IDENTIFIER ON",
			"SET NOCOUNT ON;\nSET XACT_ABORT OFF;\nSET ANSI_NULLS, QUOTED_IDENTIFIER ON;"},
		{"SET DATEFORMAT dmy SET DATEFIRST 7 SET LANGUAGE us_english SET LOCK_TIMEOUT 100 SET ROWCOUNT @n SET TEXTSIZE 1000",
			"SET DATEFORMAT 'dmy';\nSET DATEFIRST 7;\nSET LANGUAGE 'us_english';\nSET LOCK_TIMEOUT 100;\nSET ROWCOUNT @n;\nSET TEXTSIZE 1000;"},
		{"SET TRANSACTION ISOLATION LEVEL REPEATABLE READ SET IDENTITY_INSERT dbo.t ON SET STATISTICS IO ON SET SHOWPLAN_TEXT ON",
			"SET TRANSACTION ISOLATION LEVEL REPEATABLE READ;\nSET IDENTITY_INSERT dbo.t ON;\nSET STATISTICS IO ON;\nSET SHOWPLAN_TEXT ON;"},
		{"SET @a = 1 SET @b *= 2", "SET @a = 1;\nSET @b *= 2;"},
		{"IF @a = 1 PRINT 'x' ELSE IF @a = 2 PRINT 'y' ELSE BEGIN PRINT 'z' END",
			"IF @a = 1\n    PRINT 'x';\nELSE\n    IF @a = 2\n        PRINT 'y';\n    ELSE\n        BEGIN\n            PRINT 'z';\n        END;"},
		{"WHILE @i < 10 BEGIN SET @i += 1 IF @i = 5 BREAK ELSE CONTINUE END",
			"WHILE @i < 10\n    BEGIN\n        SET @i += 1;\n        IF @i = 5\n            BREAK;\n        ELSE\n            CONTINUE;\n    END;"},
		{"BEGIN TRY SELECT 1/0 END TRY BEGIN CATCH THROW END CATCH",
			"BEGIN TRY\n    SELECT 1 / 0;\nEND TRY\nBEGIN CATCH\n    THROW;\nEND CATCH;"},
		{"lbl: GOTO lbl", "lbl:;\nGOTO lbl;"},
		{"RETURN", "RETURN;"},
		{"RETURN @x + 1", "RETURN @x + 1;"},
		{"WAITFOR DELAY '00:00:01'", "WAITFOR DELAY '00:00:01';"},
		{"RAISERROR('msg %d', 16, 1, 5) WITH NOWAIT, LOG", "RAISERROR('msg %d', 16, 1, 5) WITH NOWAIT, LOG;"},
		{"THROW 50000, 'boom', 1", "THROW 50000, 'boom', 1;"},
		{"EXEC dbo.p 1, @b = 'x', @c = @v OUTPUT, @d = DEFAULT", "EXECUTE dbo.p 1, @b = 'x', @c = @v OUTPUT, @d = DEFAULT;"},
		{"EXEC @rc = p", "EXECUTE @rc = p;"},
		{"EXEC ('SELECT ' + @x) AS USER = 'bob'", "EXECUTE ('SELECT ' + @x) AS USER = 'bob';"},
		{"EXECUTE sp_executesql N'SELECT @a', N'@a int', @a = 1", "EXECUTE sp_executesql N'SELECT @a', N'@a int', @a = 1;"},
		{"sp_help 'x'", "sp_help 'x';"},
		{"dbo.p 1; EXEC q", "dbo.p 1;\nEXECUTE q;"},
		{"EXECUTE AS USER = 'u' REVERT", "EXECUTE AS USER = 'u';\nREVERT;"},
		{"BEGIN TRAN; SAVE TRAN s1; ROLLBACK TRAN s1; COMMIT", "BEGIN TRANSACTION;\nSAVE TRANSACTION s1;\nROLLBACK TRANSACTION s1;\nCOMMIT TRANSACTION;"},
		{"BEGIN TRANSACTION t1 COMMIT TRANSACTION t1 ROLLBACK WORK", "BEGIN TRANSACTION t1;\nCOMMIT TRANSACTION t1;\nROLLBACK WORK;"},
		{"USE master", "USE master;"},
		{"SHUTDOWN WITH NOWAIT", "SHUTDOWN WITH NOWAIT;"},
		{"KILL 53", "KILL 53;"},
		{"DBCC CHECKIDENT('t', RESEED, 0) WITH NO_INFOMSGS", "DBCC CHECKIDENT('t', RESEED, 0) WITH NO_INFOMSGS;"},
		{"CHECKPOINT", "CHECKPOINT;"},
		{"PRINT N'hi'", "PRINT N'hi';"},
		{"SELECT IIF(a = 1 AND b > 2, 'y', 'n'), CASE WHEN (a = 1) THEN (1 + 2) END", "SELECT IIF(a = 1 AND b > 2, 'y', 'n'), CASE WHEN (a = 1) THEN (1 + 2) END;"},
	}
	for _, c := range cases {
		stmts, err := ParseBatch(c.in, Options{})
		if err != nil {
			t.Errorf("%q: %v", c.in, err)
			continue
		}
		if got := ast.StringStmts(stmts); got != c.want {
			t.Errorf("%q:\n got: %s\nwant: %s", c.in, got, c.want)
		}
	}
}

func TestDDL(t *testing.T) {
	cases := []struct{ in, want string }{
		{`CREATE TABLE dbo.t (
			id int IDENTITY(1,1) NOT NULL CONSTRAINT pk_t PRIMARY KEY CLUSTERED,
			name nvarchar(50) COLLATE Latin1_General_CI_AS NULL DEFAULT (N'x'),
			amt decimal(10, 2) NOT NULL CONSTRAINT df_amt DEFAULT 0 CHECK (amt >= 0),
			tot AS amt * 2 PERSISTED,
			parent int REFERENCES dbo.t (id),
			CONSTRAINT uq UNIQUE NONCLUSTERED (name DESC, amt),
			CONSTRAINT fk FOREIGN KEY (parent) REFERENCES dbo.t (id) ON DELETE CASCADE ON UPDATE SET NULL,
			CHECK (id > 0)
		) ON [PRIMARY]`,
			"CREATE TABLE dbo.t (\n    id int IDENTITY(1, 1) NOT NULL CONSTRAINT pk_t PRIMARY KEY CLUSTERED,\n    name nvarchar(50) COLLATE Latin1_General_CI_AS NULL DEFAULT (N'x'),\n    amt decimal(10, 2) NOT NULL CONSTRAINT df_amt DEFAULT 0 CHECK (amt >= 0),\n    tot AS amt * 2 PERSISTED,\n    parent int REFERENCES dbo.t (id),\n    CONSTRAINT uq UNIQUE NONCLUSTERED (name DESC, amt),\n    CONSTRAINT fk FOREIGN KEY (parent) REFERENCES dbo.t (id) ON DELETE CASCADE ON UPDATE SET NULL,\n    CHECK (id > 0)\n) ON [PRIMARY];"},
		{"ALTER TABLE t ADD c int NULL, CONSTRAINT d DEFAULT 1 FOR c", "ALTER TABLE t ADD c int NULL, CONSTRAINT d DEFAULT 1 FOR c;"},
		{"ALTER TABLE t DROP COLUMN a, b", "ALTER TABLE t DROP COLUMN a, COLUMN b;"},
		{"ALTER TABLE t DROP CONSTRAINT IF EXISTS ck", "ALTER TABLE t DROP CONSTRAINT IF EXISTS ck;"},
		{"ALTER TABLE t ALTER COLUMN a varchar(20) NOT NULL", "ALTER TABLE t ALTER COLUMN a varchar(20) NOT NULL;"},
		{"ALTER TABLE t WITH NOCHECK ADD CONSTRAINT ck CHECK (a > 0)", "ALTER TABLE t WITH NOCHECK ADD CONSTRAINT ck CHECK (a > 0);"},
		{"ALTER TABLE t NOCHECK CONSTRAINT ALL", "ALTER TABLE t NOCHECK CONSTRAINT ALL;"},
		{"ALTER TABLE t ENABLE TRIGGER tr1", "ALTER TABLE t ENABLE TRIGGER tr1;"},
		{"CREATE UNIQUE NONCLUSTERED INDEX ix ON dbo.t (a, b DESC) INCLUDE (c) WHERE a > 0 WITH (FILLFACTOR = 80)",
			"CREATE UNIQUE NONCLUSTERED INDEX ix ON dbo.t (a, b DESC) INCLUDE (c) WHERE a > 0 WITH (FILLFACTOR = 80);"},
		{"DROP INDEX t.ix, ix2 ON dbo.u", "DROP INDEX t.ix, ix2 ON dbo.u;"},
		{"DROP INDEX IF EXISTS ix ON t", "DROP INDEX IF EXISTS ix ON t;"},
		{"DROP TABLE IF EXISTS a, dbo.b", "DROP TABLE IF EXISTS a, dbo.b;"},
		{"DROP VIEW v DROP PROC p DROP FUNCTION f DROP TRIGGER tr", "DROP VIEW v;\nDROP PROCEDURE p;\nDROP FUNCTION f;\nDROP TRIGGER tr;"},
		{"CREATE VIEW v (a) WITH SCHEMABINDING AS SELECT a FROM dbo.t WITH CHECK OPTION",
			"CREATE VIEW v (a) WITH SCHEMABINDING AS\nSELECT a FROM dbo.t WITH CHECK OPTION;"},
		{"CREATE OR ALTER PROCEDURE p @a int = 5, @b varchar(10) OUTPUT, @t dbo.tt READONLY WITH RECOMPILE AS SET NOCOUNT ON; SELECT @a",
			"CREATE OR ALTER PROCEDURE p @a int = 5, @b varchar(10) OUTPUT, @t dbo.tt READONLY WITH RECOMPILE AS\n    SET NOCOUNT ON;\n    SELECT @a;"},
		{"CREATE FUNCTION dbo.f (@x int) RETURNS int AS BEGIN RETURN @x * 2 END",
			"CREATE FUNCTION dbo.f(@x int) RETURNS int AS\nBEGIN\n    RETURN @x * 2;\nEND;"},
		{"CREATE FUNCTION dbo.g (@x int) RETURNS TABLE AS RETURN (SELECT @x AS a)",
			"CREATE FUNCTION dbo.g(@x int) RETURNS TABLE AS RETURN (SELECT @x AS a);"},
		{"CREATE FUNCTION dbo.h () RETURNS @r TABLE (a int) AS BEGIN INSERT @r VALUES (1) RETURN END",
			"CREATE FUNCTION dbo.h() RETURNS @r TABLE (\n    a int\n) AS\nBEGIN\n    INSERT INTO @r VALUES (1);\n    RETURN;\nEND;"},
		{"CREATE TRIGGER tr ON dbo.t AFTER INSERT, UPDATE AS IF UPDATE(a) ROLLBACK",
			"CREATE TRIGGER tr ON dbo.t AFTER INSERT, UPDATE AS\n    IF UPDATE(a)\n        ROLLBACK TRANSACTION;"},
		{"CREATE TRIGGER tr ON t INSTEAD OF DELETE AS SELECT 1", "CREATE TRIGGER tr ON t INSTEAD OF DELETE AS\n    SELECT 1;"},
		{"CREATE SCHEMA s AUTHORIZATION dbo", "CREATE SCHEMA s AUTHORIZATION dbo;"},
		{"CREATE DATABASE d COLLATE Latin1_General_CI_AS", "CREATE DATABASE d COLLATE Latin1_General_CI_AS;"},
		{"ALTER DATABASE d SET READ_COMMITTED_SNAPSHOT ON WITH ROLLBACK IMMEDIATE", "ALTER DATABASE d SET READ_COMMITTED_SNAPSHOT ON WITH ROLLBACK IMMEDIATE;"},
		{"CREATE SEQUENCE s AS bigint START WITH 1 INCREMENT BY -1 MINVALUE 0 NO MAXVALUE CYCLE CACHE 10",
			"CREATE SEQUENCE s AS bigint START WITH 1 INCREMENT BY -1 MINVALUE 0 NO MAXVALUE CYCLE CACHE 10;"},
		{"CREATE TYPE dbo.ssn FROM varchar(11) NOT NULL", "CREATE TYPE dbo.ssn FROM varchar(11) NOT NULL;"},
		{"CREATE TYPE dbo.tt AS TABLE (a int)", "CREATE TYPE dbo.tt AS TABLE (\n    a int\n);"},
		{"CREATE LOGIN bob WITH PASSWORD = 'p@ss', DEFAULT_DATABASE = master, CHECK_POLICY = OFF",
			"CREATE LOGIN bob WITH PASSWORD = 'p@ss', DEFAULT_DATABASE = master, CHECK_POLICY = OFF;"},
		{"CREATE USER bob FOR LOGIN bob WITH DEFAULT_SCHEMA = dbo", "CREATE USER bob FOR LOGIN bob WITH DEFAULT_SCHEMA = dbo;"},
		{"CREATE ROLE r AUTHORIZATION dbo ALTER ROLE r ADD MEMBER bob", "CREATE ROLE r AUTHORIZATION dbo;\nALTER ROLE r ADD MEMBER bob;"},
		{"GRANT SELECT, INSERT ON dbo.t TO bob, public WITH GRANT OPTION", "GRANT SELECT, INSERT ON dbo.t TO bob, public WITH GRANT OPTION;"},
		{"DENY EXECUTE ON SCHEMA::dbo TO r", "DENY EXECUTE ON SCHEMA::dbo TO r;"},
		{"REVOKE ALL PRIVILEGES ON t FROM bob CASCADE", "REVOKE ALL ON t FROM bob CASCADE;"},
		{"GRANT CREATE TABLE TO bob", "GRANT CREATE TABLE TO bob;"},
	}
	for _, c := range cases {
		stmts, err := ParseBatch(c.in, Options{})
		if err != nil {
			t.Errorf("%q: %v", c.in, err)
			continue
		}
		if got := ast.StringStmts(stmts); got != c.want {
			t.Errorf("%q:\n got: %s\nwant: %s", c.in, got, c.want)
		}
		roundTrip(t, "ddl", c.in)
	}
}

func TestModuleDefinition(t *testing.T) {
	src := "-- header comment\nCREATE PROCEDURE p AS\n  SELECT 1\n  SELECT 2\n\n"
	s := mustParse(t, src)[0].(*ast.CreateProcStmt)
	if want := src; s.Definition != want {
		t.Errorf("definition %q want %q", s.Definition, want)
	}
	if len(s.Body) != 2 {
		t.Errorf("body has %d statements", len(s.Body))
	}
	v := mustParse(t, "\ncreate view v as select 1 as a;")[0].(*ast.CreateViewStmt)
	if v.Definition != "\ncreate view v as select 1 as a;" {
		t.Errorf("view definition %q", v.Definition)
	}
}

func TestSpans(t *testing.T) {
	src := "SELECT 1;\n\nUPDATE t\n  SET a = 1\n  WHERE b = 2"
	stmts := mustParse(t, src)
	u := stmts[1].(*ast.UpdateStmt)
	sp := u.NodeSpan()
	if sp.Line != 3 || src[sp.Pos:sp.End] != "UPDATE t\n  SET a = 1\n  WHERE b = 2" {
		t.Errorf("update span %+v %q", sp, src[sp.Pos:sp.End])
	}
	w := u.Where.(*ast.BinaryExpr)
	if w.Line != 5 || src[w.Pos:w.End] != "b = 2" {
		t.Errorf("where span %+v", w.Span)
	}
	if c := u.Set[0].Value.NodeSpan(); src[c.Pos:c.End] != "1" || c.Line != 4 {
		t.Errorf("set value span %+v", c)
	}
}

func TestKeywordsAsIdentifiers(t *testing.T) {
	// Non-reserved keywords are ordinary names in SQL Server.
	for _, sql := range []string{
		"SELECT name, type, value, date, time, text, level, count FROM sys.objects",
		"CREATE TABLE t (name int, type int, action int, status int, source int, target int, partition int)",
		"SELECT t.[select], [from].x FROM [from] AS t",
		"SELECT * FROM t AS rows",
		"DECLARE @output int; SELECT output = 1",
	} {
		if _, err := ParseBatch(sql, Options{}); err != nil {
			t.Errorf("%q: %v", sql, err)
		}
	}
	// Reserved ones are not.
	for _, sql := range []string{"SELECT select FROM t", "CREATE TABLE t (user int)", "SELECT * FROM order"} {
		err := Messages(mustFail(t, sql))[0]
		if err.Number != 156 {
			t.Errorf("%q: got %v", sql, err)
		}
	}
}

func mustFail(t *testing.T, sql string) error {
	t.Helper()
	_, err := ParseBatch(sql, Options{})
	if err == nil {
		t.Fatalf("%q: parsed, want error", sql)
	}
	return err
}

func TestBatchShape(t *testing.T) {
	stmts := mustParse(t, ";;SELECT 1;;SELECT 2\nSELECT 3;")
	if len(stmts) != 3 {
		t.Errorf("got %d statements", len(stmts))
	}
	if len(mustParse(t, "  -- only a comment\n /* and /* nested */ */ ")) != 0 {
		t.Error("comment-only batch has statements")
	}
	// A CTE statement after ';' or at the start of a block is fine.
	mustParse(t, "SELECT 1; WITH c AS (SELECT 1 AS a) SELECT a FROM c")
	mustParse(t, "IF 1=1 BEGIN WITH c AS (SELECT 1 AS a) SELECT a FROM c END")
	mustParse(t, "CREATE VIEW v AS WITH c AS (SELECT 1 AS a) SELECT a FROM c")
	// A procedure body runs to the end of the batch.
	p := mustParse(t, "CREATE PROC p AS SELECT 1 SELECT 2 IF 1=1 PRINT 'x'")[0].(*ast.CreateProcStmt)
	if len(p.Body) != 3 {
		t.Errorf("proc body %d", len(p.Body))
	}
	// THROW after a statement without ';' is an alias, as in SQL Server.
	s := mustParse(t, "SELECT 1 x\nTHROW")
	if len(s) != 2 {
		t.Errorf("got %d", len(s))
	}
	if !strings.HasPrefix(ast.String(s[1]), "THROW") {
		t.Errorf("got %s", ast.String(s[1]))
	}
}
