package sysobj

import (
	"strings"
	"testing"

	"github.com/tsqld/tsqld/sql/types"
)

func TestLookupResolvesSchemas(t *testing.T) {
	for _, c := range []struct {
		schema, name, want string
	}{
		{"sys", "objects", "sys.objects"},
		{"SYS", "Objects", "sys.objects"},
		{"", "sysobjects", "dbo.sysobjects"},
		{"dbo", "sysdatabases", "dbo.sysdatabases"},
		{"sys", "sysobjects", "dbo.sysobjects"},
		{"information_schema", "tables", "INFORMATION_SCHEMA.TABLES"},
		{"", "objects", ""},
		{"dbo", "objects", ""},
		{"sys", "nosuch", ""},
	} {
		v := Lookup(c.schema, c.name)
		got := ""
		if v != nil {
			got = v.Schema + "." + v.Name
		}
		if got != c.want {
			t.Errorf("Lookup(%q, %q) = %q, want %q", c.schema, c.name, got, c.want)
		}
	}
}

func TestViewsDeclareUniqueColumns(t *testing.T) {
	for _, v := range Views() {
		seen := map[string]bool{}
		for _, c := range v.Cols {
			if seen[strings.ToLower(c.Name)] {
				t.Errorf("%s.%s: duplicate column %s", v.Schema, v.Name, c.Name)
			}
			seen[strings.ToLower(c.Name)] = true
		}
	}
}

func TestViewIDsAreDistinctAndNegative(t *testing.T) {
	seen := map[int32]string{}
	for _, v := range Views() {
		id := ViewID(v)
		if id >= 0 {
			t.Errorf("%s.%s: id %d", v.Schema, v.Name, id)
		}
		if o, dup := seen[id]; dup {
			t.Errorf("%s.%s and %s share id %d", v.Schema, v.Name, o, id)
		}
		seen[id] = v.Name
	}
}

func TestConstraintIDRoundTrip(t *testing.T) {
	for _, parent := range []int32{100000, 100001, 123456, 4_000_000} {
		for _, ord := range []int{1, 2, 200} {
			id := constraintID(parent, ord)
			if id&(1<<30) == 0 || id < 0 {
				t.Fatalf("constraintID(%d,%d) = %d", parent, ord, id)
			}
			if back := firstObjectID + (id>>8)&0x3FFFFF; back != parent {
				t.Errorf("constraintID(%d,%d): parent decodes as %d", parent, ord, back)
			}
		}
	}
}

func TestTypeFacts(t *testing.T) {
	for _, c := range []struct {
		t           types.Type
		len         int16
		prec, scale uint8
		sql         string
	}{
		{types.TypeInt, 4, 10, 0, "int"},
		{types.NewNVarChar(40), 80, 0, 0, "nvarchar(40)"},
		{types.NewNVarChar(types.MaxLength), -1, 0, 0, "nvarchar(max)"},
		{types.NewVarChar(11), 11, 0, 0, "varchar(11)"},
		{types.NewDecimal(10, 2), 9, 10, 2, "decimal(10,2)"},
		{types.NewDecimal(38, 0), 17, 38, 0, "decimal(38,0)"},
		{types.NewDateTime2(3), 7, 23, 3, "datetime2(3)"},
		{types.NewDateTime2(7), 8, 27, 7, "datetime2(7)"},
		{types.NewTime(0), 3, 8, 0, "time(0)"},
		{types.TypeDateTime, 8, 23, 3, "datetime"},
		{types.TypeMoney, 8, 19, 4, "money"},
		{types.TypeNText, 16, 0, 0, "ntext"},
	} {
		f := TypeFacts(c.t)
		if f.MaxLength != c.len || f.Precision != c.prec || f.Scale != c.scale {
			t.Errorf("%s: facts %+v", c.sql, f)
		}
		if got := TypeSQL(c.t); got != c.sql {
			t.Errorf("TypeSQL = %q, want %q", got, c.sql)
		}
	}
}

func TestFindConfig(t *testing.T) {
	if o, _ := FindConfig("show advanced options"); o == nil || o.ID != 518 {
		t.Errorf("exact name: %+v", o)
	}
	if o, _ := FindConfig("max server mem"); o == nil || o.ID != 1544 {
		t.Errorf("unique prefix: %+v", o)
	}
	if o, amb := FindConfig("max"); o != nil || !amb {
		t.Errorf("ambiguous prefix: %+v %v", o, amb)
	}
	if o, amb := FindConfig("no such"); o != nil || amb {
		t.Errorf("unknown: %+v %v", o, amb)
	}
}

func TestSysstat(t *testing.T) {
	for typ, want := range map[string]int64{"U": 3, "V": 2, "P": 4, "TR": 8, "D": 6, "S": 1} {
		if got := sysstat(typ) & 0xf; got != want {
			t.Errorf("sysstat(%s) & 0xf = %d, want %d", typ, got, want)
		}
	}
}

func TestParenthesize(t *testing.T) {
	for in, want := range map[string]string{
		"amount > 0":   "(amount > 0)",
		"(amount > 0)": "(amount > 0)",
		"(a) + (b)":    "((a) + (b))",
		"getdate()":    "(getdate())",
		" ('x') ":      "('x')",
	} {
		if got := parenthesize(in); got != want {
			t.Errorf("parenthesize(%q) = %q, want %q", in, got, want)
		}
	}
}
