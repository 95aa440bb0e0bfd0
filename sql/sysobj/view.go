package sysobj

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/tsqld/tsqld/sql/types"
)

// Column is one column of a view.
type Column struct {
	Name     string
	Type     types.Type
	Nullable bool
}

// View is a virtual table.
type View struct {
	// Schema is "sys", "INFORMATION_SCHEMA" or "dbo" (compatibility views,
	// which SQL Server resolves through the sys schema as well).
	Schema string
	Name   string
	Cols   []Column
	// Server is true for server-scoped views (sys.databases,
	// sys.dm_exec_sessions …): the database part of the name is ignored.
	Server bool
	// Func is the object type ("IF", "TF") of a system table-valued
	// function (sys.fn_helpcollations), "" for a view; see Function.
	Func string
	// Params is the number of arguments a system function takes; the
	// binder turns the one of sys.dm_exec_cursors into a session_id filter.
	Params int
	// ArgValues: the rows depend on the argument values, which the
	// function receives in Ctx.Args (instead of a binder-added filter).
	ArgValues bool
	rows      func(c *Ctx) [][]types.Value
}

// Rows computes the view's current rows.
func (v *View) Rows(c *Ctx) [][]types.Value {
	if c.Cat == nil && c.Env != nil {
		c.Cat = c.Env.Catalog()
	}
	if c.DB == nil && c.Env != nil {
		c.DB = c.Env.CurrentDB()
	}
	return v.rows(c)
}

var (
	registry = map[string]*View{} // "schema.name" lower case
	compat   = map[string]*View{} // compatibility views by bare name
)

// define registers a view. spec lists the columns, one per line:
// "name type[(n[,s])] [null]".
func define(schema, name string, spec string, rows func(c *Ctx) [][]types.Value) *View {
	v := &View{Schema: schema, Name: name, Cols: parseSpec(spec), rows: rows}
	registry[strings.ToLower(schema+"."+name)] = v
	if schema == "dbo" {
		compat[strings.ToLower(name)] = v
	}
	return v
}

// defineServer registers a server-scoped view.
func defineServer(schema, name string, spec string, rows func(c *Ctx) [][]types.Value) *View {
	v := define(schema, name, spec, rows)
	v.Server = true
	return v
}

// Lookup finds a view by the schema and name of a table reference. An
// empty or "dbo" schema finds compatibility views (sysobjects,
// master.dbo.sysdatabases); "sys" finds both sys.* views and the
// compatibility views (SQL Server defines those in sys).
func Lookup(schema, name string) *View {
	ls, ln := strings.ToLower(schema), strings.ToLower(name)
	switch ls {
	case "", "dbo":
		return compat[ln]
	case "sys":
		if v := registry["sys."+ln]; v != nil {
			return v
		}
		return compat[ln]
	}
	return registry[ls+"."+ln]
}

// Views lists every registered view (tests, sys.all_objects).
func Views() []*View {
	out := make([]*View, 0, len(registry))
	for _, v := range registry {
		out = append(out, v)
	}
	return out
}

func parseSpec(spec string) []Column {
	var cols []Column
	for _, line := range strings.Split(spec, "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		f := strings.Fields(line)
		c := Column{Name: f[0], Type: parseType(f[1])}
		if len(f) > 2 && f[2] == "null" {
			c.Nullable = true
		}
		cols = append(cols, c)
	}
	return cols
}

func parseType(s string) types.Type {
	name, args := s, ""
	if i := strings.IndexByte(s, '('); i >= 0 {
		name, args = s[:i], strings.TrimSuffix(s[i+1:], ")")
	}
	n := func(i int) int64 {
		parts := strings.Split(args, ",")
		if parts[i] == "max" {
			return types.MaxLength
		}
		v, err := strconv.ParseInt(parts[i], 10, 32)
		if err != nil {
			panic(fmt.Sprintf("sysobj: bad type %q", s))
		}
		return v
	}
	switch name {
	case "sysname":
		return types.TypeSysname
	case "int":
		return types.TypeInt
	case "smallint":
		return types.TypeSmallInt
	case "tinyint":
		return types.TypeTinyInt
	case "bigint":
		return types.TypeBigInt
	case "bit":
		return types.TypeBit
	case "datetime":
		return types.TypeDateTime
	case "float":
		return types.TypeFloat
	case "real":
		return types.TypeReal
	case "image":
		return types.TypeImage
	case "sql_variant":
		return types.TypeSQLVariant
	case "uniqueidentifier":
		return types.TypeUniqueIdentifier
	case "nvarchar":
		return types.NewNVarChar(int32(n(0)))
	case "varchar":
		return types.NewVarChar(int32(n(0)))
	case "nchar":
		return types.NewNChar(int32(n(0)))
	case "char":
		return types.NewChar(int32(n(0)))
	case "varbinary":
		return types.NewVarBinary(int32(n(0)))
	case "binary":
		return types.NewBinary(int32(n(0)))
	case "numeric":
		return types.NewNumeric(uint8(n(0)), uint8(n(1)))
	case "decimal":
		return types.NewDecimal(uint8(n(0)), uint8(n(1)))
	case "datetime2":
		return types.NewDateTime2(uint8(n(0)))
	}
	panic(fmt.Sprintf("sysobj: unknown type %q", s))
}

// Value helpers for row functions.

func vI(n int64) types.Value  { return types.Value{K: types.KindInt, I: n} }
func vS(s string) types.Value { return types.Value{K: types.KindString, S: s} }
func vB(b bool) types.Value {
	if b {
		return types.Value{K: types.KindBool, I: 1}
	}
	return types.Value{K: types.KindBool}
}

var vN = types.Null

// ticksTo1970 is the number of 100ns ticks from 0001-01-01 to 1970-01-01.
const ticksTo1970 = 621355968000000000

// vT is a datetime value, computed as GETDATE computes its value so that
// create_date compares sensibly with GETDATE().
func vT(t time.Time) types.Value {
	if t.IsZero() {
		return types.Null
	}
	return types.Value{K: types.KindDateTime, I: t.UnixNano()/100 + ticksTo1970}
}

// vSN is a string or NULL when empty.
func vSN(s string) types.Value {
	if s == "" {
		return types.Null
	}
	return vS(s)
}

func vBin(b []byte) types.Value { return types.Value{K: types.KindBytes, B: b} }

func vVariant(t types.Type, v types.Value) types.Value {
	if v.K == types.KindNull {
		return v
	}
	return types.Value{K: types.KindVariant, Var: &types.VariantValue{Type: t, Value: v}}
}
