package server

import (
	"reflect"
	"testing"

	"github.com/tsqld/tsqld/sql/types"
)

func TestParseInsertBulk(t *testing.T) {
	cases := []struct {
		text string
		ok   bool
		want *insertBulk
	}{
		{"select 1", false, nil},
		{"insert into t values (1)", false, nil},
		{"INSERT BULK [dbo].[t] ([a] int, [b] nvarchar(50) COLLATE Latin1_General_CI_AS)", true,
			&insertBulk{Table: "[dbo].[t]", Columns: []string{"a", "b"}}},
		{"  -- c\n insert /* x */ bulk ..t ([id] int) WITH (KEEP_NULLS, TABLOCK, ORDER([id] ASC), KEEPIDENTITY)", true,
			&insertBulk{Table: "..t", Columns: []string{"id"}, KeepNulls: true, KeepIdentity: true}},
		{"INSERT BULK [bulk]]quote] ([x]]y] decimal(18, 2), [z] varchar(max))", true,
			&insertBulk{Table: "[bulk]]quote]", Columns: []string{"x]y", "z"}}},
		{"INSERT BULK #tmp ([a] int) WITH (ROWS_PER_BATCH = 10);", true,
			&insertBulk{Table: "#tmp", Columns: []string{"a"}}},
		{"INSERT BULK t ([a] int); DROP TABLE t", true, nil}, // one object, nothing after
		{"INSERT BULK (", true, nil},
	}
	for _, c := range cases {
		got, ok := parseInsertBulk(c.text)
		if ok != c.ok || !reflect.DeepEqual(got, c.want) {
			t.Errorf("parseInsertBulk(%q) = %+v, %v; want %+v, %v", c.text, got, ok, c.want, c.ok)
		}
	}
}

func TestParamDecl(t *testing.T) {
	for _, c := range []struct {
		in   types.Type
		want string
	}{
		{types.Type{ID: types.Text}, "varchar(max)"},
		{types.Type{ID: types.NText}, "nvarchar(max)"},
		{types.Type{ID: types.Image}, "varbinary(max)"},
		{types.Type{ID: types.NVarChar, Length: 50}, "nvarchar(50)"},
		{types.Type{ID: types.Decimal, Precision: 18, Scale: 2}, "decimal(18,2)"},
	} {
		if got := paramDecl(c.in); got != c.want {
			t.Errorf("paramDecl(%v) = %q, want %q", c.in, got, c.want)
		}
	}
}
