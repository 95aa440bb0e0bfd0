package sem

import (
	"github.com/tsqld/tsqld/sql/ast"
	"github.com/tsqld/tsqld/sql/types"
)

// metadataFunc types the metadata functions the catalog views come with
// (evaluated by the session, see proc/sys_funcs.go); nil when name is
// not one of them.
func (b *Binder) metadataFunc(e *ast.FuncCall, name string, args []Expr) Expr {
	str := func(n int32) types.Type {
		t := NVarChar(n)
		t.Collation = b.env.DefaultCollation()
		return t
	}
	switch name {
	case "SQL_VARIANT_PROPERTY":
		if len(args) != 2 {
			b.fail(e, 174, "sql_variant_property", 2)
		}
		if args[0].Type().ID != types.SQLVariant {
			args[0] = &Cast{T: types.Type{ID: types.SQLVariant}, X: args[0]}
		}
		return &Func{T: types.Type{ID: types.SQLVariant}, Name: name, Args: args}
	case "SESSION_CONTEXT", "OBJECTPROPERTYEX", "CONNECTIONPROPERTY":
		return &Func{T: types.Type{ID: types.SQLVariant}, Name: name, Args: args}
	case "OBJECTPROPERTY", "COLUMNPROPERTY", "TYPE_ID", "IS_SRVROLEMEMBER", "IS_MEMBER", "HAS_PERMS_BY_NAME", "OBJECT_SCHEMA_ID":
		return &Func{T: IntType, Name: name, Args: args}
	case "COL_LENGTH":
		return &Func{T: types.Type{ID: types.SmallInt}, Name: name, Args: args}
	case "OBJECT_SCHEMA_NAME", "TYPE_NAME", "COL_NAME", "APPLOCK_MODE":
		return &Func{T: str(128), Name: name, Args: args}
	case "IDENT_SEED", "IDENT_INCR":
		return &Func{T: DecimalType(38, 0), Name: name, Args: args}
	}
	return nil
}
