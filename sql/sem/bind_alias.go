package sem

import (
	"github.com/tsqld/tsqld/sql/ast"
	"github.com/tsqld/tsqld/sql/types"
)

// aliasType resolves a user-defined alias type (sp_addtype, CREATE TYPE
// … FROM) of the current database to its base type.
func (b *Binder) aliasType(tn *ast.TypeName) (types.Type, bool) {
	d := b.env.CurrentDB()
	if d == nil {
		return types.Type{}, false
	}
	at := b.env.Catalog().AliasType(d, tn.Schema.Name, tn.Name.Name)
	if at == nil || at.Table != nil { // table types only declare TVPs
		return types.Type{}, false
	}
	t := at.Base
	if t.Collation.Name == "" && (t.ID == types.Char || t.ID == types.VarChar || t.ID == types.NChar || t.ID == types.NVarChar || t.ID == types.Text || t.ID == types.NText) {
		t.Collation = b.env.DefaultCollation()
	}
	return t, true
}

// AliasNullable reports the declared nullability of an alias type
// (sp_addtype's @nulltype), which is a column's default nullability when
// the column definition says neither NULL nor NOT NULL.
func (b *Binder) AliasNullable(tn *ast.TypeName) (nullable, isAlias bool) {
	d := b.env.CurrentDB()
	if d == nil || tn == nil {
		return true, false
	}
	at := b.env.Catalog().AliasType(d, tn.Schema.Name, tn.Name.Name)
	if at == nil {
		return true, false
	}
	return at.Nullable, true
}

// AliasTypeID is the user_type_id of tn when it names an alias type, else 0.
func (b *Binder) AliasTypeID(tn *ast.TypeName) int32 {
	d := b.env.CurrentDB()
	if d == nil || tn == nil {
		return 0
	}
	if at := b.env.Catalog().AliasType(d, tn.Schema.Name, tn.Name.Name); at != nil {
		return at.ID
	}
	return 0
}
