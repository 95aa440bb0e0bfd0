package sem

import (
	"strings"

	"github.com/tsqld/tsqld/sql/ast"
	"github.com/tsqld/tsqld/sql/collation"
	"github.com/tsqld/tsqld/sql/types"
)

// TableFunc is a built-in table-valued function in FROM: STRING_SPLIT or
// OPENJSON. Args are evaluated once per execution (they cannot reference
// columns of other FROM items).
type TableFunc struct {
	Name string // upper case
	Args []Expr
	Out  []Column
	// With describes OPENJSON's explicit schema (nil: the default
	// key/value/type columns).
	With []JSONCol
}

// JSONCol is one column of OPENJSON … WITH.
type JSONCol struct {
	Path   string
	AsJSON bool
}

func (r *TableFunc) Cols() []Column { return r.Out }

// funcTable binds a table-valued function call in FROM.
func (b *Binder) funcTable(s *scope, te *ast.FuncTable) Rel {
	// sys.* names only system functions; an unqualified name is a user
	// function first (bind_sysfunc.go).
	if te.Call != nil && strings.EqualFold(te.Call.Name.Schema.Name, "sys") {
		if r := b.systemFunc(s, te); r != nil {
			return r
		}
	}
	if r, ok := b.userTableFunc(s, te); ok {
		return r
	}
	if r := b.systemFunc(s, te); r != nil {
		return r
	}
	if te.Call == nil || te.Call.Name.Schema.Name != "" {
		b.fail(te, 102, "(")
	}
	name := strings.ToUpper(te.Call.Name.Name.Name)
	e := te.Call
	bindIn := func() []Expr {
		args := make([]Expr, len(e.Args))
		for i, a := range e.Args {
			args[i] = b.expr(&scope{parent: s.parent}, a)
		}
		return args
	}
	coll := b.env.DefaultCollation()
	var r *TableFunc
	switch name {
	case "STRING_SPLIT":
		if len(e.Args) < 2 || len(e.Args) > 3 {
			b.fail(e, 174, "string_split", 2)
		}
		args := bindIn()
		t := args[0].Type()
		if isNullConst(args[0]) {
			t = VarChar(1)
		}
		if !IsString(t) {
			b.badArgType(e, "string_split", 0, t)
		}
		vt := types.Type{ID: types.VarChar, Length: charLen(t, types.VarChar), Collation: coll}
		if IsUnicode(t) || IsUnicode(args[1].Type()) {
			vt = types.Type{ID: types.NVarChar, Length: charLen(t, types.NVarChar), Collation: coll}
		}
		if t.Collation.Name != "" {
			vt.Collation = t.Collation
		}
		args[0] = convKind(args[0], vt)
		args[1] = strArg(args[1], true)
		r = &TableFunc{Name: name, Args: args[:2], Out: []Column{{Name: "value", Type: vt, Nullable: true}}}
		if len(args) == 3 {
			n, ok := constInt(args[2])
			if !ok || n < 0 || n > 1 {
				b.failText(e, 8748, "The enable_ordinal argument for STRING_SPLIT only supports constant values (not variables or columns).")
			}
			if n == 1 {
				r.Out = append(r.Out, Column{Name: "ordinal", Type: BigIntType})
			}
		}
	case "OPENJSON":
		if len(e.Args) < 1 || len(e.Args) > 2 {
			b.fail(e, 174, "openjson", 1)
		}
		args := bindIn()
		for i := range args {
			args[i] = b.jsonArg(e, "openjson", i, args[i])
		}
		r = &TableFunc{Name: name, Args: args}
		if te.With == nil {
			k := b.strResult(true, 4000)
			// The key column compares in binary (documented BIN2).
			k.Collation = types.CollationInfo(collation.MustLookup("Latin1_General_BIN2"))
			r.Out = []Column{{Name: "key", Type: k, Nullable: true}, {Name: "value", Type: b.strResult(true, types.MaxLength), Nullable: true}, {Name: "type", Type: IntType, Nullable: true}}
			break
		}
		for _, c := range te.With {
			t := b.ResolveType(c.Type, true)
			if IsString(t) && t.Collation.Name == "" {
				t.Collation = coll
			}
			path := "$." + c.Name.Name
			if strings.ContainsAny(c.Name.Name, " .\"[]") {
				path = "$.\"" + c.Name.Name + "\""
			}
			if c.Path != nil {
				path = c.Path.Val
			}
			if c.AsJSON && !(t.ID == types.NVarChar && t.Length == types.MaxLength) {
				b.failText(c, 13618, "AS JSON option can be specified only for column of nvarchar(max) type in WITH clause.")
			}
			r.Out = append(r.Out, Column{Name: c.Name.Name, Type: t, Nullable: true})
			r.With = append(r.With, JSONCol{Path: path, AsJSON: c.AsJSON})
		}
	default:
		b.fail(te, 208, te.Call.Name.Name.Name)
	}
	alias := te.Alias.Name
	if alias == "" {
		alias = strings.ToLower(name)
	}
	return b.aliasRel(s, te, r, alias, te.Columns)
}
